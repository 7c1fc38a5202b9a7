"""The Dask engine gives exactly the local engine's results (LocalCluster, 2 worker processes)."""

from __future__ import annotations

import dataclasses
import random

import pandas as pd
import pytest

from newsaudit import corpus, engine, pipeline
from newsaudit.config import DEFAULT
from newsaudit.overlap import candidates as scale

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


@pytest.fixture
def small_corpus(tmp_path):
    """Three short articles in a folder, one reusing another, with a metadata.csv."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in _texts(3, seed=7, words=(30, 60)).items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "metadata.csv").write_text("file,outlet\n000.txt,Daily\n", encoding="utf-8")
    return folder


def test_dask_engine_equals_local_on_the_seeds(dask_client, seed_results):
    docs = engine.load_dask(dask_client, SEEDS, DEFAULT)
    distributed = engine.analyse_dask(dask_client, docs, DEFAULT, lambda _m: None)
    assert docs == corpus.load(SEEDS)
    assert_same(seed_results, distributed)


def _texts(n: int, seed: int, words: tuple[int, int] = (80, 200)) -> dict[str, str]:
    """n random-word articles; article k reuses 70 % of article k-1 when k % 10 == 1."""
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(3000)]
    texts = {}
    for k in range(n):
        body = " ".join(rng.choice(vocab) for _ in range(rng.randint(*words)))
        if k % 10 == 1:
            prev = texts[f"{k - 1:03d}"].split("\n", 1)[1].split()
            body = " ".join(prev[: int(len(prev) * 0.7)]) + " " + body[:200]
        texts[f"{k:03d}"] = f"Headline {k}\n{body}."
    return texts


def test_dask_engine_equals_local_across_partitions(dask_client, monkeypatch):
    monkeypatch.setattr(engine, "ARTICLES_PER_PARTITION", 5)  # 3 partitions, merged
    monkeypatch.setattr(engine, "PAIRS_PER_TASK", 10)  # 7 comparison tasks
    docs = corpus.from_texts(_texts(12, seed=3, words=(40, 90)))
    local = pipeline.analyse(docs, DEFAULT)
    distributed = engine.analyse_dask(dask_client, docs, DEFAULT, lambda _m: None)
    assert_same(local, distributed)
    assert (local.overlap.pairs["verdict"] != "independent").sum() >= 2  # 000-001, 010-011


def test_dask_engine_equals_local_with_candidates_and_sampling(dask_client):
    """Past `all_pairs_max_articles` only candidate pairs are compared, and past
    `large_corpus_articles` shingles are sampled: the distributed index must agree."""
    settings = DEFAULT.with_overrides(
        {"overlap": {"all_pairs_max_articles": 4, "large_corpus_articles": 10}}
    )
    docs = corpus.from_texts(_texts(30, seed=3, words=(40, 90)))
    local = pipeline.analyse(docs, settings)
    distributed = engine.analyse_dask(dask_client, docs, settings, lambda _m: None)
    assert_same(local, distributed)
    assert len(local.overlap.pairs) < 30 * 29 // 2  # candidates, not all pairs


@pytest.mark.parametrize(("sample", "buckets"), [(1, 3), (2, 4)])
def test_distributed_candidates_equal_the_local_index(dask_client, sample, buckets):
    texts = _texts(120, seed=5)
    ids, bodies = list(texts), list(texts.values())
    local = scale.hashed_candidates(ids, bodies, sample=sample, chunk_size=50)
    distributed = engine.candidates_dask(dask_client, ids, bodies, sample=sample, buckets=buckets)
    pd.testing.assert_frame_equal(local, distributed)
    assert {("010", "011"), ("050", "051")} <= set(
        zip(local.article_a, local.article_b, strict=True)
    )


def test_progress_is_reported_with_both_engines(dask_client, small_corpus):
    address = dask_client.scheduler.address  # also exercises --scheduler ADDRESS
    seen: dict[str, list[str]] = {"local": [], "dask": []}
    for name, scheduler in (("local", None), ("dask", address)):
        engine.run(small_corpus, DEFAULT, name, scheduler, progress=seen[name].append)
    assert len(seen["local"]) >= 2
    assert len(seen["dask"]) >= 3


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
