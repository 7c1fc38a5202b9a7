"""The command line: exit codes (0 ok, 1 failed, 2 bad input), one-line errors, no tracebacks."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from newsaudit import cli, config, pipeline

SRC = Path(__file__).resolve().parent.parent / "src"
ARTICLE = b"Peacekeepers leave Mali\nTroops left Bamako on Friday.\n"


def corpus_dir(root: Path, files: dict[str, bytes]) -> Path:
    folder = root / "corpus"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


# (files in the corpus folder, extra arguments, expected stderr fragment); all exit 2.
BAD_INPUT = [
    pytest.param(None, [], "not a folder of .txt articles", id="missing-folder"),
    pytest.param({}, [], "no .txt articles found", id="empty-folder"),
    pytest.param({"a.md": b"# x"}, [], "no .txt articles found", id="only-non-txt"),
    pytest.param({"a.txt": b""}, [], "no usable .txt articles (a.txt: empty file", id="empty"),
    pytest.param({"a.txt": b" \n\n"}, [], "a.txt: empty file (only whitespace)", id="blank"),
    pytest.param(
        {"a.txt": b"\x89PNG\r\n\x1a\n\x00\x00"},
        [],
        "a.txt: binary file: looks like a PNG",
        id="png",
    ),
    pytest.param(
        {"ok.txt": ARTICLE, "bad.txt": b""}, ["--strict"], "bad.txt: empty file", id="strict"
    ),
    pytest.param(
        {"a.txt": ARTICLE, "metadata.csv": b"file,published\na.txt,June 16\n"},
        [],
        "metadata.csv line 2 (a.txt): bad date 'June 16'",
        id="metadata-bad-date",
    ),
    pytest.param(
        {"a.txt": ARTICLE, "metadata.csv": b"outlet\nReuters\n"},
        [],
        "metadata.csv: missing required column 'file'",
        id="metadata-no-file-column",
    ),
    pytest.param(
        {"a.txt": ARTICLE},
        ["--params", "nope.yaml"],
        "nope.yaml: parameters file not found",
        id="params-missing",
    ),
    pytest.param(
        {"a.txt": ARTICLE}, ["--params", "@bad"], "not valid YAML at line", id="params-yaml"
    ),
    pytest.param({"a.txt": ARTICLE}, ["--params", "@unknown"], "unknown", id="params-unknown"),
    pytest.param(
        {"a.txt": ARTICLE}, ["--out", "@file"], "--out must be a folder", id="out-is-a-file"
    ),
]


def _args(tmp_path: Path, extra: list[str]) -> list[str]:
    (tmp_path / "bad.yaml").write_text("overlap: [unclosed\n", encoding="utf-8")
    (tmp_path / "unknown.yaml").write_text("overlap:\n  no_such_setting: 1\n", encoding="utf-8")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    names = {"@bad": "bad.yaml", "@unknown": "unknown.yaml", "@file": "file"}
    return [str(tmp_path / names[a]) if a in names else a for a in extra]


@pytest.mark.parametrize("command", ["analyse", "run"])
@pytest.mark.parametrize(("files", "extra", "message"), BAD_INPUT)
def test_bad_input_exits_2_with_one_line(tmp_path, capsys, command, files, extra, message):
    folder = corpus_dir(tmp_path, files) if files is not None else tmp_path / "missing"
    extra = _args(tmp_path, extra)
    out = [] if "--out" in extra else ["--out", str(tmp_path / "out")]
    code = cli.main(
        [command, str(folder), *out, *extra, *(["--no-progress"] * (command == "run"))]
    )
    err = capsys.readouterr().err
    assert code == cli.EXIT_BAD_INPUT
    assert err.count("\n") == 1 and err.startswith("newsaudit: error: "), err
    assert message in err
    assert not (tmp_path / "out" / "report.html").exists()


def test_warnings_are_one_line_each_and_exit_0(tmp_path, capsys):
    folder = corpus_dir(
        tmp_path,
        {
            "a.txt": ARTICLE,
            "w.txt": "Café\nDjiré said “yes”.\n".encode("cp1252"),
            "empty.txt": b"",
            "photo.png": b"\x89PNG",
        },
    )
    code = cli.main(["analyse", str(folder), "--out", str(tmp_path / "out")])
    captured = capsys.readouterr()
    assert code == cli.EXIT_OK
    lines = captured.err.splitlines()
    assert all(line.startswith("warning: ") for line in lines), lines
    assert any("w.txt: not valid UTF-8; decoded as Windows-1252" in line for line in lines)
    assert any("empty.txt: skipped: empty file (0 bytes)" in line for line in lines)
    assert any("photo.png" in line for line in lines)
    assert "2 articles" in captured.out


def test_unexpected_error_is_one_line_exit_1(tmp_path, capsys, monkeypatch):
    def broken(*_args: object) -> None:
        raise KeyError("boom\nsecond line")

    monkeypatch.setattr(pipeline, "analyse", broken)
    folder = corpus_dir(tmp_path, {"a.txt": ARTICLE})
    code = cli.main(["analyse", str(folder), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == cli.EXIT_FAILED
    assert err.count("\n") == 1 and "internal error: KeyError" in err and "NEWSAUDIT_DEBUG" in err


@pytest.mark.parametrize(
    ("files", "code", "stdout", "stderr_lines"),
    [
        ({"a.txt": b""}, 2, "", 1),
        ({"a.txt": ARTICLE, "b.txt": "É\nx".encode("latin-1")}, 0, "2 articles", 1),
    ],
)
def test_real_entry_point_never_prints_a_traceback(tmp_path, files, code, stdout, stderr_lines):
    folder = corpus_dir(tmp_path, files)
    done = subprocess.run(
        [sys.executable, "-m", "newsaudit", "analyse", str(folder), "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        timeout=120,
    )
    assert done.returncode == code
    assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) == stderr_lines
    assert stdout in done.stdout


@pytest.mark.e2e
def test_failing_notebook_exits_1_naming_its_executed_copy(tmp_path, capsys, failing_notebook):
    out = tmp_path / "out"
    code = cli.main(
        ["run", str(config.SEEDS_DIR), "--out", str(out), "--format", "html", "--no-progress"]
    )
    err = capsys.readouterr().err
    kept = out / "notebooks" / "01_overview.ipynb"
    assert code == cli.EXIT_FAILED and err.count("\n") == 1
    assert re.search(r"01_overview\.ipynb: cell \d+ raised ValueError: boom", err)
    assert f"executed copy with the error kept at {kept}" in err
    executed = nbformat.read(kept, as_version=4)
    assert any(
        o.get("ename") == "ValueError" for c in executed.cells for o in c.get("outputs", [])
    )
    assert not list(out.glob(".staging-*")) and not (out / "report.html").exists()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_article_bar_counts_each_stage_on_a_terminal_only(monkeypatch):
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert cli._article_bar(True) == (None, None)  # not a terminal: no bar
    monkeypatch.setattr(sys, "stderr", _Terminal())
    assert cli._article_bar(False) == (None, None)  # --no-progress
    show, bar = cli._article_bar(True)
    show("tagging", 0, 10)
    show("tagging", 7, 10)
    assert (bar.desc, bar.n, bar.total) == ("tagging", 7, 10)
    show("overlap: compare", 2, 3)
    assert (bar.desc, bar.n, bar.total) == ("overlap: compare", 2, 3)
    bar.close()
