"""Shared fixtures: the seed corpus, its analysis results and one real end-to-end build."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import nbformat
import pytest

from newsaudit import corpus, pipeline, report

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
REWRITE, ORIGINAL, OPINION, EXPLAINER, OFFICIAL = (
    "000_a4af047524fcdb6d",
    "001_80e0c9edbeda333c",
    "002_ff0b82d8339bd64f",
    "003_c53717da42c67fe4",
    "004_4b0c1cccc6967a7c",
)


def corpus_of(texts: dict[str, str], dates: dict[str, dt.date] | None = None) -> corpus.Corpus:
    """A small in-memory corpus: article id -> body text (headline "T"), optional dates."""
    dates = dates or {}
    return corpus.Corpus(
        articles=tuple(
            corpus.Article(aid, f"{aid}.txt", "T", text, (text,), published=dates.get(aid))
            for aid, text in sorted(texts.items())
        )
    )


@pytest.fixture(scope="session")
def seeds() -> corpus.Corpus:
    """The five seed articles, loaded and cleaned."""
    return corpus.load(SEEDS)


@pytest.fixture(scope="session")
def seed_results(seeds: corpus.Corpus) -> pipeline.Results:
    """Every analysis over the seeds (computed once per test process)."""
    return pipeline.analyse(seeds)


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> report.Build:
    """One real `newsaudit run seeds`: Papermill notebooks, nbconvert HTML, Chromium PDF."""
    if shutil.which("chromium") is None:
        pytest.skip("chromium not installed (make system-deps installs it)")
    out = tmp_path_factory.mktemp("seeds-report")
    return report.build(SEEDS, out, name="seeds")


@pytest.fixture
def failing_notebook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The report's only notebook is one whose second cell raises ValueError('boom')."""
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell('corpus_dir = ""  # folder')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell("raise ValueError('boom')")]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    folder = tmp_path / "nb"
    folder.mkdir()
    path = folder / "01_overview.ipynb"
    nbformat.write(nb, path)
    monkeypatch.setattr(report.notebooks, "notebook_paths", lambda config=None: [path])
    return path
