"""Every command the README documents works (sqlite-utils style: docs are tested)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from newsaudit import cli, config

README = config.PROJECT_DIR / "README.md"


def documented_commands() -> list[str]:
    """`newsaudit ...` command lines from the README's bash blocks (comments stripped)."""
    blocks = re.findall(r"```bash\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    lines = []
    for block in blocks:
        for line in block.splitlines():
            line = line.split("#", 1)[0].strip()
            if re.match(r"^(\.venv/bin/)?newsaudit\b", line):
                lines.append(re.sub(r"^\.venv/bin/", "", line))
    return lines


def test_readme_documents_the_main_commands():
    commands = documented_commands()
    assert any(c.startswith("newsaudit run") for c in commands)
    assert any(c.startswith("newsaudit analyse") for c in commands)
    text = README.read_text(encoding="utf-8")
    assert "make report" in text.split("\n## ")[0] and "make test" in text.split("\n## ")[0]


@pytest.mark.e2e
@pytest.mark.xdist_group("e2e")
@pytest.mark.parametrize("command", documented_commands())
def test_documented_command_runs(command: str, tmp_path: Path, capsys):
    args = shlex.split(command)[1:]
    if "--scheduler" in args:
        pytest.skip("needs a running Dask scheduler at the documented address")
    corpora = ("path/to/articles", "path/to/archive")
    args = [config.SEEDS_DIR.as_posix() if a in corpora else a for a in args]
    args = [(config.PROJECT_DIR / a).as_posix() if a.startswith("tests/") else a for a in args]
    args = [str(tmp_path / a) if a.startswith("build/") else a for a in args]
    if "--params" in args:
        params = tmp_path / "params.yaml"
        params.write_text("overlap:\n  min_passage_words: 10\n", encoding="utf-8")
        args[args.index("--params") + 1] = str(params)
    if args == ["--help"]:
        with pytest.raises(SystemExit) as done:
            cli.main(args)
        assert done.value.code == 0
        assert "run" in capsys.readouterr().out
        return
    code = cli.main(args)
    assert code == 0, capsys.readouterr()
