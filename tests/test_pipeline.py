"""Pipeline: contract CSV columns, determinism, caching, atomic writes."""

from __future__ import annotations

import pandas as pd

from newsaudit import config, pipeline

CONTRACT = {
    "articles.csv": [
        "article_id",
        "file",
        "title",
        "outlet",
        "genre",
        "published",
        "words",
        "sha256",
        "boilerplate_lines",
    ],
    "overlap_pairs.csv": [
        "article_a",
        "article_b",
        "score",
        "containment_a_in_b",
        "containment_b_in_a",
        "shared_passages",
        "verdict",
        "source",
        "derived",
    ],
    "passages.csv": [
        "article_a",
        "article_b",
        "start_a",
        "end_a",
        "start_b",
        "end_b",
        "text_a",
        "text_b",
    ],
    "figures.csv": [
        "article_id",
        "measure",
        "text",
        "low",
        "high",
        "unit",
        "qualifier",
        "sentence",
        "start",
        "end",
    ],
    "figure_checks.csv": ["measure", "article_id", "text", "low", "high", "unit", "verdict"],
    "names.csv": ["canonical", "variant", "article_id", "count"],
    "readability.csv": [
        "article_id",
        "words",
        "sentences",
        "flesch_reading_ease",
        "flesch_kincaid_grade",
        "gunning_fog",
        "smog_index",
        "coleman_liau_index",
        "automated_readability_index",
        "dale_chall_readability_score",
    ],
}


def test_contract_columns_come_first_in_every_csv(tmp_path, seed_results):
    pipeline.write_tables(seed_results, tmp_path)
    for name, columns in CONTRACT.items():
        frame = pd.read_csv(tmp_path / name, keep_default_na=False)
        assert list(frame.columns[: len(columns)]) == columns, name
    pairs = pd.read_csv(tmp_path / "overlap_pairs.csv")
    assert len(pairs) == 10  # one row per unordered pair of the five seeds


def test_csvs_are_byte_identical_across_runs(tmp_path, seeds):
    first, second = tmp_path / "a", tmp_path / "b"
    pipeline.write_tables(pipeline.analyse(seeds), first)
    pipeline.write_tables(pipeline.analyse(seeds), second)
    for name in CONTRACT:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_csv_floats_have_a_fixed_format_and_inf():
    frame = pd.DataFrame({"x": [1 / 3, float("inf"), float("nan")], "n": [1, 2, 3]})
    assert pipeline.csv_bytes(frame) == b"x,n\n0.333333,1\ninf,2\n,3\n"


def test_results_are_cached_by_key(tmp_path):
    first = pipeline.results(config.SEEDS_DIR, tmp_path)
    cached = list((tmp_path / pipeline.CACHE_DIR).glob("results-*.pkl"))
    assert len(cached) == 1 and first.key in cached[0].name
    again = pipeline.results(config.SEEDS_DIR, tmp_path)
    assert again.key == first.key and again.timings == first.timings  # loaded, not recomputed
    changed = pipeline.results(config.SEEDS_DIR, tmp_path, {"overlap": {"min_passage_words": 9}})
    assert changed.key != first.key


def test_atomic_write_replaces_whole_file(tmp_path):
    target = tmp_path / "x.csv"
    pipeline.write_bytes_atomic(target, b"old")
    pipeline.write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["x.csv"]  # no temporary left behind
