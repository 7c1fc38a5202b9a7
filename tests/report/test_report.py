"""End to end: real notebooks through Papermill, real HTML through nbconvert, real PDF."""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest

from newsaudit import config, report

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]
NOTEBOOKS = sorted(config.NOTEBOOKS_DIR.glob("*.ipynb"))
SECTIONS = [
    "Key findings",
    "Source overlap",
    "Figure consistency",
    "Readability",
    "Appendix",
]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_notebooks_are_thin(path: Path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code), "outputs committed"
    assert "parameters" in code[0].metadata.get("tags", []), "first code cell is the parameters"
    for cell in code:
        for node in ast.walk(ast.parse(cell.source)):
            assert not isinstance(node, ast.FunctionDef | ast.ClassDef | ast.Lambda), cell.source
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")


def test_build_writes_every_output(seed_build):
    out = seed_build.out_dir
    for name in [
        "articles.csv",
        "overlap_pairs.csv",
        "passages.csv",
        "figures.csv",
        "figure_checks.csv",
        "names.csv",
        "readability.csv",
        "report.html",
        "report.pdf",
        "manifest.json",
    ]:
        assert (out / name).is_file() and (out / name).stat().st_size > 0, name
    executed = sorted(p.name for p in (out / "notebooks").glob("*.ipynb"))
    assert executed == [p.name for p in NOTEBOOKS]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["newsaudit_version"] and len(manifest["inputs"]) == 5
    assert all(len(i["sha256"]) == 64 for i in manifest["inputs"])
    assert not list(out.glob(".staging-*"))


def test_html_is_self_contained_and_has_no_code(seed_build):
    page = (seed_build.out_dir / "report.html").read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page), "external resource"
    assert "@import" not in page
    for section in SECTIONS:
        assert section in page, section
    assert "Traceback" not in page and "jp-OutputArea-error" not in page
    assert 'class="jp-CodeMirrorEditor' not in page and "In&nbsp;[" not in page  # no code
    assert "from newsaudit import" not in page and "pipeline.results(" not in page
    assert page.count("<table") >= 6
    assert "MINUSMA" in page and "Djiré" in page


def test_html_states_version_and_input_hashes(seed_build, seeds):
    page = (seed_build.out_dir / "report.html").read_text(encoding="utf-8")
    assert "newsaudit version" in page
    for article in seeds:
        assert article.sha256 in page


def test_pdf_holds_the_report_text(seed_build):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    pdf = seed_build.out_dir / "report.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for section in SECTIONS:
        assert section in text, section
    assert "Page 1 of" in text
    assert "MINUSMA" in text and "Djiré" in text and "300 or more" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    rows = fonts.strip().splitlines()[2:]
    assert rows and all("DejaVu" in r for r in rows)
    assert all(r.split()[-5] == "yes" for r in rows), "every font embedded"


def test_unchanged_rerun_is_skipped_and_force_rebuilds(seed_build, tmp_path):
    again = report.build(config.SEEDS_DIR, seed_build.out_dir, formats=("html", "pdf"))
    assert again.status == "unchanged"
    out = tmp_path / "copy"
    first = report.build(config.SEEDS_DIR, out, formats=("html",))
    skipped = report.build(config.SEEDS_DIR, out, formats=("html",))
    forced = report.build(config.SEEDS_DIR, out, formats=("html",), force=True)
    assert (first.status, skipped.status, forced.status) == ("built", "unchanged", "built")


def test_failing_notebook_keeps_executed_copy(tmp_path, failing_notebook):
    out = tmp_path / "out"
    with pytest.raises(report.ReportError, match="ValueError: boom"):
        report.build(config.SEEDS_DIR, out, formats=("html",))
    kept = nbformat.read(out / "notebooks" / "01_overview.ipynb", as_version=4)
    assert any(o.get("ename") == "ValueError" for c in kept.cells for o in c.get("outputs", []))
    assert not (out / "report.html").exists()


def test_make_lab_opens_jupyterlab_on_the_notebooks_with_the_venv_kernel():
    makefile = (config.PROJECT_DIR / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^lab: setup ##.*\n((?:\t.*\n)+)", makefile, flags=re.M)
    assert recipe, "make lab is missing"
    assert "$(VENV)/bin/jupyter lab" in recipe.group(1) and "notebooks" in recipe.group(1)
    project = (config.PROJECT_DIR / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^lab = \["jupyterlab', project, flags=re.M), "jupyterlab in [lab]"
    assert ".[$(EXTRAS),lab]" in recipe.group(1), "make lab installs the [lab] extra"
