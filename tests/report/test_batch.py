"""Batch runs: parameters, naming, key findings, the index, failures, skipping, CLI exit codes."""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import pandas as pd
import pytest

from newsaudit import batch, cli, report

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
CORPORA = ROOT / "tests" / "data" / "corpora"
FLOOD, BROKEN = CORPORA / "flood", CORPORA / "broken"


def e2e(test):
    """Mark a test end-to-end (real notebooks), run in the same xdist worker as the others."""
    return pytest.mark.e2e(pytest.mark.xdist_group("e2e")(test))


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def read_index(path: Path) -> pd.DataFrame:
    """index.csv with blank text cells as "" and blank numbers as NaN."""
    text = {"corpus": str, "status": str, "report_html": str, "report_pdf": str, "error": str}
    return pd.read_csv(path, dtype=text).fillna({c: "" for c in text})


ARTICLE = "Headline\n\nA body sentence about the event that happened on Tuesday.\n"


# ---------------------------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("overlap: [1, 2\n", "not valid YAML at line"),
        ("- overlap\n", "must be a mapping"),
        ("nosuchsection:\n  x: 1\n", "unknown settings section 'nosuchsection'"),
        ("corpus:\n  no_such_setting: 3\n", "unknown setting(s) in 'corpus': no_such_setting"),
        ("corpus: 3\n", "must be a mapping"),
    ],
)
def test_bad_params_file_is_one_line_naming_it(tmp_path, text, problem):
    path = write(tmp_path / "p.yaml", text)
    with pytest.raises(batch.ParamsError) as err:
        batch.read_params(path)
    message = str(err.value)
    assert message.startswith(str(path)) and problem in message and "\n" not in message


def test_missing_params_file(tmp_path):
    with pytest.raises(batch.ParamsError, match="parameters file not found"):
        batch.read_params(tmp_path / "absent.yaml")


def test_empty_params_file_means_defaults(tmp_path):
    assert batch.read_params(write(tmp_path / "p.yaml", "# nothing\n")) == {}


@pytest.mark.parametrize(
    ("layers", "merged"),
    [
        ([{}, {}], {}),
        ([{"corpus": {"a": 1}}, {}], {"corpus": {"a": 1}}),
        ([{"corpus": {"a": 1, "b": 2}}, {"corpus": {"b": 3}}], {"corpus": {"a": 1, "b": 3}}),
        ([{"corpus": {"a": 1}}, {"overlap": {"c": 4}}], {"corpus": {"a": 1}, "overlap": {"c": 4}}),
    ],
)
def test_later_params_override_setting_by_setting(layers, merged):
    assert batch.merge_params(*layers) == merged


def test_corpus_yaml_overrides_batch_params(tmp_path):
    write(tmp_path / "c" / "a.txt", ARTICLE)
    write(tmp_path / "c" / "newsaudit.yaml", "corpus:\n  teaser_min_chars: 60\n")
    batch_params = {"corpus": {"teaser_min_chars": 50, "caption_max_words": 9}}
    params, files = batch.corpus_params(tmp_path / "c", batch_params)
    assert params == {"corpus": {"teaser_min_chars": 60, "caption_max_words": 9}}
    assert files == [str(tmp_path / "c" / "newsaudit.yaml")]
    assert batch.corpus_params(tmp_path, batch_params) == (batch_params, [])


def test_two_corpus_param_files_are_ambiguous(tmp_path):
    write(tmp_path / "newsaudit.yaml", "{}\n")
    write(tmp_path / "params.yaml", "{}\n")
    with pytest.raises(batch.ParamsError, match=r"both newsaudit\.yaml and params\.yaml"):
        batch.corpus_params(tmp_path, {})


# ---------------------------------------------------------------------------------------------
# Naming and key findings (pure)
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("paths", "names"),
    [
        (["a/seeds", "b/flood"], ["seeds", "flood"]),
        (["a/seeds", "b/seeds", "c/Seeds"], ["seeds", "seeds-2", "Seeds-3"]),
        (["x/index.html", "y/batch.json"], ["index.html-2", "batch.json-2"]),
        (["x/my event (2024)"], ["my_event_2024_"]),
    ],
)
def test_output_names_are_unique_folder_names(tmp_path, paths, names):
    assert batch.unique_names([tmp_path / p for p in paths]) == names


def test_findings_from_contract_columns():
    tables = {
        "articles.csv": pd.DataFrame({"article_id": ["a", "b", "c"]}),
        "overlap_pairs.csv": pd.DataFrame({"verdict": ["derived", "partial", "derived"]}),
        "figure_checks.csv": pd.DataFrame(
            {
                "measure": ["troops", "troops", "dead", "dead", "years"],
                "verdict": ["inconsistent"] * 2 + ["consistent"] * 2 + ["inconsistent"],
            }
        ),
        "readability.csv": pd.DataFrame({"flesch_reading_ease": [50.0, float("nan"), 70.0]}),
    }
    assert batch.findings(tables) == {
        "articles": 3,
        "derived_pairs": 2,
        "inconsistent_measures": 2,
        "mean_flesch_reading_ease": 60.0,
    }


def test_findings_tolerate_missing_tables_and_columns():
    tables = {"overlap_pairs.csv": pd.DataFrame({"score": [0.1]})}
    assert set(batch.findings(tables).values()) == {None}


def test_index_html_escapes_everything_and_marks_failures(tmp_path):
    runs = (
        batch.CorpusRun("<b>ok</b>", "/c/<b>", "built", articles=2, report_html="<b>/r.html"),
        batch.CorpusRun("bad", "/c/bad", "failed", error="x.txt: <script>alert(1)</script>"),
    )
    page = batch.index_html(batch.BatchResult(tmp_path, runs, 1.0), "now")
    assert "<script" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;b&gt;ok&lt;/b&gt;" in page
    assert 'href="%3Cb%3E/r.html"' in page
    assert page.count("FAILED") == 1 and "1 complete (1 built, 0 unchanged), 1 failed" in page


# ---------------------------------------------------------------------------------------------
# Bad corpora fail one by one, the batch goes on (no notebooks run: fast)
# ---------------------------------------------------------------------------------------------
def test_bad_corpora_are_recorded_and_the_batch_goes_on(tmp_path, capsys):
    write(tmp_path / "binary" / "scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    write(tmp_path / "empty" / "a.txt", "")
    write(tmp_path / "notext" / "notes.md", "# not an article\n")
    write(tmp_path / "badyaml" / "a.txt", ARTICLE)
    write(tmp_path / "badyaml" / "newsaudit.yaml", "overlap: [\n")
    corpora = [tmp_path / n for n in ["binary", "empty", "notext", "missing", "badyaml"]]
    result = batch.run(corpora, tmp_path / "out", formats=("html",), progress=True)
    expected = [
        ("binary", "scan.txt: binary file: looks like a PNG image"),
        ("empty", "a.txt: empty file"),
        ("notext", "notext: no .txt articles found"),
        ("missing", "missing: not a folder"),
        ("badyaml", "newsaudit.yaml: not valid YAML at line"),
    ]
    assert [(r.name, r.status) for r in result.runs] == [(n, "failed") for n, _ in expected]
    for run, (_, problem) in zip(result.runs, expected, strict=True):
        assert problem in run.error and "\n" not in run.error
    index = read_index(result.index_csv)
    assert list(index.columns) == batch.INDEX_COLUMNS
    assert list(index["status"]) == ["failed"] * 5 and all(index["error"])
    assert not result.ok and "5/5" in capsys.readouterr().err  # the progress bar


def test_bad_batch_params_raise_before_anything_runs(tmp_path):
    with pytest.raises(batch.ParamsError, match="unknown settings section"):
        batch.run([FLOOD], tmp_path / "out", params={"nope": {}})
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["batch", str(FLOOD), "--out", "{tmp}/o", "--params", "{tmp}/missing.yaml"],
        ["batch", str(FLOOD), "--out", "{tmp}/o", "--jobs", "0"],
        ["batch", str(FLOOD), "--out", "{tmp}/o", "--format", "docx"],
        ["batch", "--out", "{tmp}/o"],
    ],
    ids=["missing-params", "jobs-0", "bad-format", "no-corpus"],
)
def test_cli_bad_arguments_exit_2(tmp_path, argv, capsys):
    argv = [a.format(tmp=tmp_path) for a in argv]
    try:
        code = cli.main(argv)
    except SystemExit as exit_:  # argparse errors
        code = exit_.code
    assert code == cli.EXIT_BAD_INPUT
    assert not (tmp_path / "o").exists()


def test_cli_exits_1_when_a_corpus_failed(tmp_path, capsys):
    code = cli.main(["batch", str(BROKEN), "--out", str(tmp_path / "o"), "--no-progress"])
    out = capsys.readouterr().out
    assert code == cli.EXIT_FAILED
    assert "broken: failed: " in out and "002_empty.txt: empty file" in out
    assert (tmp_path / "o" / "index.html").is_file()


# ---------------------------------------------------------------------------------------------
# End to end: seeds + flood + broken through the real notebooks
# ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def seeds_flood_broken(tmp_path_factory: pytest.TempPathFactory) -> batch.BatchResult:
    """The issue's acceptance run: two good corpora and a broken one, HTML and PDF."""
    out = tmp_path_factory.mktemp("batch")
    return batch.run([SEEDS, FLOOD, BROKEN], out, jobs=2, progress=False)


@e2e
def test_batch_builds_good_corpora_and_marks_the_broken_one(seeds_flood_broken):
    result = seeds_flood_broken
    assert [(r.name, r.status) for r in result.runs] == [
        ("seeds", "built"),
        ("flood", "built"),
        ("broken", "failed"),
    ]
    index = read_index(result.index_csv)
    assert list(index.columns) == batch.INDEX_COLUMNS
    rows = index.set_index("corpus")
    assert rows.loc["broken", "error"].endswith("002_empty.txt: empty file (0 bytes)")
    assert rows.loc["broken", "report_html"] == "" and pd.isna(rows.loc["broken", "articles"])
    assert rows.loc["seeds", "articles"] == 5 and rows.loc["flood", "articles"] == 4
    # flood: 002 copies 001; 1,200 vs about 2,000 residents evacuated
    assert rows.loc["flood", "derived_pairs"] >= 1
    assert rows.loc["flood", "inconsistent_measures"] >= 1
    assert 30 < rows.loc["flood", "mean_flesch_reading_ease"] < 90
    for name in ["seeds", "flood"]:
        assert rows.loc[name, "error"] == ""
        assert rows.loc[name, "report_html"] == f"{name}/report.html"
        assert (result.out_root / name / "report.html").is_file()
        assert (result.out_root / name / "manifest.json").is_file()


@e2e
def test_index_html_links_reports_and_shows_the_error(seeds_flood_broken):
    page = seeds_flood_broken.index_html.read_text(encoding="utf-8")
    assert "<script" not in page.lower() and not re.search(r"""(src|href)=["']?https?:""", page)
    assert 'href="seeds/report.html"' in page and 'href="flood/report.html"' in page
    assert page.count("FAILED") == 1 and "002_empty.txt: empty file" in page
    assert "2 complete (2 built, 0 unchanged), 1 failed" in page


@e2e
def test_batch_pdf_is_linked(seeds_flood_broken):
    if shutil.which("chromium") is None:
        pytest.skip("chromium not installed (make system-deps installs it)")
    for run in seeds_flood_broken.runs[:2]:
        assert run.report_pdf == f"{run.name}/report.pdf", run.warnings
        assert (seeds_flood_broken.out_root / run.report_pdf).read_bytes()[:5] == b"%PDF-"
    page = seeds_flood_broken.index_html.read_text(encoding="utf-8")
    assert 'href="flood/report.pdf"' in page


@e2e
def test_batch_manifest_records_keys_status_and_timings(seeds_flood_broken):
    data = json.loads(seeds_flood_broken.manifest.read_text(encoding="utf-8"))
    assert data["newsaudit_version"] and data["parameters"]["formats"] == ["html", "pdf"]
    corpora = {c["name"]: c for c in data["corpora"]}
    for name in ["seeds", "flood"]:
        built = json.loads((seeds_flood_broken.out_root / name / "manifest.json").read_text())
        assert corpora[name]["key"] == built["key"] and corpora[name]["status"] == "built"
        assert corpora[name]["timings"]["notebooks"] > 0
    assert corpora["broken"]["status"] == "failed" and corpora["broken"]["key"] == ""
    assert not list(seeds_flood_broken.out_root.glob(".*.tmp"))


@e2e
def test_rerun_skips_unchanged_corpora(seeds_flood_broken):
    started = time.perf_counter()
    again = batch.run([SEEDS, FLOOD, BROKEN], seeds_flood_broken.out_root, progress=False)
    assert time.perf_counter() - started < 5  # no notebook ran
    assert [r.status for r in again.runs] == ["unchanged", "unchanged", "failed"]
    index = read_index(again.index_csv).set_index("corpus")
    assert index.loc["flood", "derived_pairs"] >= 1 and index.loc["seeds", "articles"] == 5


@e2e
def test_changed_params_or_force_rebuild(seeds_flood_broken, tmp_path):
    shutil.copytree(seeds_flood_broken.out_root / "flood", tmp_path / "flood")
    job = batch.plan([FLOOD], tmp_path)[0]
    assert batch.check(job, ("html",), force=False).status == "unchanged"
    assert batch.check(job, ("html",), force=True) is None
    changed = batch.Job(
        job.name, job.corpus_dir, job.out_dir, {"corpus": {"teaser_min_chars": 41}}
    )
    assert batch.check(changed, ("html",), force=False) is None
    argv = ["batch", str(FLOOD), "--out", str(tmp_path), "--format", "html", "--no-progress"]
    assert cli.main(argv) == cli.EXIT_OK


@pytest.mark.parametrize("force", [False, True])
def test_each_build_gets_its_merged_params_force_and_kernel_share(tmp_path, monkeypatch, force):
    calls = {}

    def fake_build(corpus_dir, out_dir, **kwargs):
        calls[Path(corpus_dir).name] = kwargs
        return report.Build(Path(out_dir), "built", "k")

    monkeypatch.setattr(report, "build", fake_build)
    write(tmp_path / "a" / "x.txt", ARTICLE)
    write(tmp_path / "b" / "x.txt", ARTICLE)
    write(tmp_path / "b" / "params.yaml", "corpus:\n  teaser_min_chars: 60\n")
    batch_params = write(tmp_path / "p.yaml", "corpus:\n  teaser_min_chars: 50\n")
    result = batch.run(
        [tmp_path / "a", tmp_path / "b"], tmp_path / "out", batch_params, force=force, jobs=2
    )
    assert [r.status for r in result.runs] == ["built", "built"]
    assert calls["a"]["params"] == {"corpus": {"teaser_min_chars": 50}}
    assert calls["b"]["params"] == {"corpus": {"teaser_min_chars": 60}}
    assert result.runs[1].params_files == (str(tmp_path / "b" / "params.yaml"),)
    assert {c["force"] for c in calls.values()} == {force}
    assert {c["workers"] for c in calls.values()} == {batch.default_notebook_workers(2)}
    batch.run([tmp_path / "a"], tmp_path / "out", force=True, progress=False)
    assert calls["a"]["workers"] == batch.default_notebook_workers(1)  # one corpus: all cores


@e2e
def test_failing_notebook_is_recorded_with_its_executed_copy(tmp_path, failing_notebook):
    result = batch.run([FLOOD, BROKEN], tmp_path / "out", formats=("html",), progress=False)
    flood, broken = result.runs
    assert (flood.status, broken.status) == ("failed", "failed")
    assert "01_overview.ipynb: cell" in flood.error and "ValueError: boom" in flood.error
    assert ".staging-" not in flood.error and str(result.out_root / "flood") in flood.error
    assert flood.notebooks == ("flood/notebooks/01_overview.ipynb",)
    assert (result.out_root / flood.notebooks[0]).is_file()
    page = result.index_html.read_text(encoding="utf-8")
    assert page.count("FAILED") == 2 and 'href="flood/notebooks/01_overview.ipynb"' in page
