"""Every engine gives the same results: serial, the local process pool and Dask (LocalCluster,
2 worker processes), on the seeds and on a small synthetic corpus with reuse."""

from __future__ import annotations

import dataclasses
import random

import pandas as pd
import pytest

from newsaudit import corpus, engine, pipeline, runner
from newsaudit.config import DEFAULT

from .conftest import SEEDS

pytestmark = [
    pytest.mark.filterwarnings("ignore::ResourceWarning", "ignore::DeprecationWarning"),
    pytest.mark.xdist_group("dask"),  # one LocalCluster per test run, not one per xdist worker
]


@pytest.fixture(scope="module")
def dask_client():
    """A 2-worker LocalCluster for the module (started once: ~2-4 s)."""
    pytest.importorskip("distributed")
    with engine.client(workers=2) as client:
        yield client


@pytest.fixture
def eager_pool(monkeypatch):
    """The local engine's pool, forking even for a handful of items (2 workers)."""
    monkeypatch.setattr(runner, "MIN_ITEMS_PER_WORKER", 1)
    return runner.Pool(workers=2)


def assert_same(left: object, right: object, where: str = "results") -> None:
    """Field by field: DataFrames equal (values, dtypes, order), other values equal."""
    if isinstance(left, pd.DataFrame):
        pd.testing.assert_frame_equal(left, right, obj=where)
    elif dataclasses.is_dataclass(left) and not isinstance(left, type):
        assert type(left) is type(right), where
        for f in dataclasses.fields(left):
            if f.name == "timings":
                continue
            assert_same(getattr(left, f.name), getattr(right, f.name), f"{where}.{f.name}")
    else:
        assert left == right, where


def _texts(n: int, seed: int, words: tuple[int, int] = (80, 200)) -> dict[str, str]:
    """n random-word articles; article k reuses 70 % of article k-1 when k % 10 == 1."""
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(3000)] + ["Bamako", "MINUSMA", "Munisma", "Djiré", "Djire"]
    texts = {}
    for k in range(n):
        body = " ".join(rng.choice(vocab) for _ in range(rng.randint(*words)))
        if k % 10 == 1:
            prev = texts[f"{k - 1:03d}"].split("\n", 1)[1].split()
            body = " ".join(prev[: int(len(prev) * 0.7)]) + " " + body[:200]
        texts[f"{k:03d}"] = f"Headline {k}\n{body}. At least {k + 3} people died."
    return texts


@pytest.fixture
def small_corpus(tmp_path):
    """Twelve short articles in a folder, two reusing another, with a metadata.csv."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in _texts(12, seed=7, words=(30, 60)).items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "metadata.csv").write_text("file,outlet\n000.txt,Daily\n", encoding="utf-8")
    return folder


def test_every_engine_equals_serial_on_the_seeds(dask_client, eager_pool, seed_results):
    for run_on in (runner.Serial(), eager_pool, runner.Dask(dask_client)):
        docs = engine.load(SEEDS, DEFAULT, run_on)
        assert docs == corpus.load(SEEDS), run_on.name
        assert_same(seed_results, pipeline.analyse(docs, DEFAULT, run_on), run_on.name)


@pytest.mark.parametrize(
    "overrides",
    [
        {},  # every pair compared
        # Past `all_pairs_max_articles` only candidate pairs, past `large_corpus_articles`
        # sampled shingles.
        {"overlap": {"all_pairs_max_articles": 4, "large_corpus_articles": 10}},
    ],
)
def test_every_engine_equals_serial_on_a_synthetic_corpus(dask_client, eager_pool, overrides):
    settings = DEFAULT.with_overrides(overrides)
    docs = corpus.from_texts(_texts(30, seed=3, words=(40, 90)))
    serial = pipeline.analyse(docs, settings)
    assert (serial.overlap.pairs["verdict"] != "independent").sum() >= 2  # 000-001, 010-011
    for run_on in (eager_pool, runner.Dask(dask_client)):
        assert_same(serial, pipeline.analyse(docs, settings, run_on), run_on.name)


def test_progress_counts_every_article_with_both_engines(dask_client, small_corpus):
    address = dask_client.scheduler.address  # also exercises --scheduler ADDRESS
    for name, scheduler in (("local", None), ("dask", address)):
        seen: list[tuple[str, int, int]] = []
        engine.run(small_corpus, DEFAULT, name, scheduler, lambda *a, seen=seen: seen.append(a))
        last = {stage: (done, total) for stage, done, total in seen}
        assert last["reading"] == (12, 12), name
        assert last["tagging"] == (12, 12), name


def test_cli_analyse_with_the_dask_engine_writes_csv_and_parquet(
    dask_client, small_corpus, tmp_path, capsys
):
    from newsaudit import cli

    out = tmp_path / "out"
    address = dask_client.scheduler.address
    args = ["--engine", "dask", "--scheduler", address, "--parquet", "--no-progress"]
    code = cli.main(["analyse", str(small_corpus), "--out", str(out), *args])
    assert code == 0
    local = pipeline.analyse(corpus.load(small_corpus))
    for name, frame in local.tables().items():
        assert (out / name).read_bytes() == pipeline.csv_bytes(frame), name
        parquet = pd.read_parquet(out / name.replace(".csv", ".parquet"))
        assert list(parquet.columns) == list(frame.columns)
        assert len(parquet) == len(frame)
    assert "engine dask" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("n_articles", "requested", "expected"),
    [(5, False, False), (5, True, True), (engine.PARQUET_FROM_ARTICLES, False, True)],
)
def test_parquet_for_large_corpora_or_on_request(n_articles, requested, expected):
    assert engine.wants_parquet(n_articles, requested) is expected


def test_unknown_engine_is_one_line_error():
    with pytest.raises(engine.EngineError, match="unknown engine 'spark'"):
        engine.check("spark")
