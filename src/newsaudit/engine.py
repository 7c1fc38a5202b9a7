"""Where a run executes: in this process ("local") or as Dask tasks on a cluster ("dask").

Both engines return the same `pipeline.Results` (a test compares them). The Dask engine runs
per-article work as dask.bag partitions (reading and cleaning files, tagging, readability),
the cross-article analyses (names, figures) as one task each, the overlap pair comparisons as
tasks over chunks of pairs, and candidate generation as a hash-partitioned shingle index
(`scale`): one task per chunk of articles, one per hash bucket, one to merge the votes. It uses
the `distributed` scheduler at `scheduler` (e.g. "tcp://10.0.0.5:8786"), or a LocalCluster on
this machine when none is given. Workers must see the corpus folder at the same path.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import os
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from newsaudit import corpus, events, figures, names, overlap, pipeline, readability, tagging
from newsaudit.config import DEFAULT, Settings
from newsaudit.errors import EngineError
from newsaudit.overlap import candidates as scale
from newsaudit.text.tokens import words

ENGINES = ("local", "dask")
# Corpora at least this large also get Parquet copies of the tables: a 100k-article run has
# millions of rows that Parquet stores typed and compressed and reads in a fraction of the time.
PARQUET_FROM_ARTICLES = 10_000
# Items per Dask partition: large enough that task overhead (~1 ms) stays small next to the
# work (an article takes ~1-10 ms to clean, tag or score), small enough to balance workers.
ARTICLES_PER_PARTITION = 250
PAIRS_PER_TASK = 500
ARTICLES_PER_INDEX_TASK = 2_000
Progress = Callable[[str], None]


# ---------------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------------
def run(
    corpus_dir: str | Path,
    settings: Settings = DEFAULT,
    engine: str = "local",
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> pipeline.Results:
    """Load `corpus_dir` and analyse it with the chosen engine."""
    say = progress or (lambda _msg: None)
    check(engine)
    if engine == "local":
        say("loading corpus")
        docs = corpus.load(corpus_dir, settings.corpus)
        say("analysing")
        return pipeline.analyse(docs, settings)
    with client(scheduler) as dask_client:
        say("loading corpus (dask)")
        docs = load_dask(dask_client, corpus_dir, settings)
        return analyse_dask(dask_client, docs, settings, say)


def analyse(
    docs: corpus.Corpus,
    settings: Settings = DEFAULT,
    engine: str = "local",
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> pipeline.Results:
    """Analyse an already loaded corpus with the chosen engine (what `report.build` calls)."""
    check(engine)
    if engine == "local":
        return pipeline.analyse(docs, settings)
    with client(scheduler) as dask_client:
        return analyse_dask(dask_client, docs, settings, progress or (lambda _msg: None))


def check(engine: str) -> None:
    """Raise EngineError for an unknown engine name."""
    if engine not in ENGINES:
        raise EngineError(f"unknown engine {engine!r} (choose {' or '.join(ENGINES)})")
    if engine == "dask":
        from newsaudit.extras import require  # the dask extra is optional

        require("dask", "the Dask engine")


def wants_parquet(n_articles: int, requested: bool = False) -> bool:
    """Parquet copies of the tables when asked, or automatically for large corpora."""
    from newsaudit.extras import available  # automatic copies only when pyarrow is installed

    return requested or (n_articles >= PARQUET_FROM_ARTICLES and available("parquet"))


@contextlib.contextmanager
def client(scheduler: str | None = None, workers: int | None = None) -> Iterator[Any]:
    """A distributed Client: to `scheduler` when given, else to a LocalCluster (no dashboard)."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            dask_client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as err:
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from None
        with dask_client:
            yield dask_client
        return
    n = workers or max(1, min(4, os.cpu_count() or 1))
    with (
        LocalCluster(
            n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as dask_client,
    ):
        yield dask_client


# ---------------------------------------------------------------------------------------------
# Loading on workers
# ---------------------------------------------------------------------------------------------
def load_dask(dask_client: Any, corpus_dir: str | Path, settings: Settings) -> corpus.Corpus:
    """`corpus.load` with the files read and cleaned on the workers (same Corpus, same notes
    and errors: only the per-file reading is mapped, as a dask.bag)."""
    import dask.bag as db

    def on_workers(read: Any, jobs: list[corpus.FileJob]) -> list[Any]:
        parts = _partitions(len(jobs), ARTICLES_PER_PARTITION)
        return db.from_sequence(jobs, npartitions=parts).map(read).compute()

    return corpus.load(corpus_dir, settings.corpus, mapper=on_workers)


# ---------------------------------------------------------------------------------------------
# Analyses as tasks
# ---------------------------------------------------------------------------------------------
def _partitions(n_items: int, per_partition: int) -> int:
    return max(1, min(n_items, -(-n_items // per_partition)))


def _chunks(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def concat_results(parts: Sequence[Any]) -> Any:
    """Merge per-partition results of an article-wise analysis (a frozen dataclass): DataFrame
    fields concatenated in partition order, other fields taken from the first partition."""
    first = parts[0]
    values = {}
    for f in dataclasses.fields(first):
        frames = [getattr(p, f.name) for p in parts]
        if isinstance(frames[0], pd.DataFrame):
            filled = [x for x in frames if len(x)]  # empty parts would blur the dtypes
            values[f.name] = (
                pd.concat(filled, ignore_index=True) if len(filled) > 1 else (filled or frames)[0]
            )
    return dataclasses.replace(first, **values)


def _readability_part(articles: Sequence[corpus.Article], config: Any) -> Any:
    return readability.analyse(corpus.Corpus(articles=tuple(articles)), config)


def analyse_dask(
    dask_client: Any, docs: corpus.Corpus, settings: Settings, say: Progress
) -> pipeline.Results:
    """`pipeline.analyse` as Dask tasks; the Results equal the local engine's."""
    import dask
    import dask.bag as db

    timings: dict[str, float] = {}
    started = time.perf_counter()
    articles = list(docs.articles)
    doc_future = dask_client.scatter(docs, broadcast=False)
    n_parts = _partitions(len(articles), ARTICLES_PER_PARTITION)
    article_bag = db.from_sequence(articles, npartitions=n_parts)

    say("tagging, names, figures, readability (dask)")
    tag_cfg = settings.tagging
    tags_graph = article_bag.map(lambda a: tagging.tag(a, tag_cfg))
    names_graph = dask.delayed(names.table)(doc_future, settings.tagging)
    # Events from names and dates only: overlap runs after figures here (the local engine also
    # joins reused articles; both agree whenever reuse stays within one story's names).
    story = events.group(docs, settings.events)
    figures_graph = dask.delayed(figures.analyse)(doc_future, settings.figures, story.of)
    read_parts = [
        dask.delayed(_readability_part)(chunk, settings.readability)
        for chunk in _chunks(articles, ARTICLES_PER_PARTITION)
    ]
    tags, names_frame, figures_result, read_list = dask.compute(
        tags_graph, names_graph, figures_graph, read_parts
    )
    timings["tagging+names+figures+readability"] = round(time.perf_counter() - started, 4)

    say("overlap (dask)")
    t = time.perf_counter()
    overlap_result = overlap_dask(dask_client, docs, settings.overlap)
    timings["overlap"] = round(time.perf_counter() - t, 4)
    return pipeline.Results(
        corpus=docs,
        settings=settings,
        articles=pipeline.articles_frame(docs, list(tags)),
        names=names_frame,
        overlap=overlap_result,
        figures=figures_result,
        readability=concat_results(read_list),
        key=pipeline.cache_key(docs, settings),
        timings=timings,
        events=story.table,
    )


# ---------------------------------------------------------------------------------------------
# Overlap: distributed candidates and pair comparisons
# ---------------------------------------------------------------------------------------------
def candidates_dask(
    dask_client: Any,
    ids: Sequence[str],
    texts: Sequence[str],
    n: int = 5,
    max_df: int = 20,
    min_shared: int = 2,
    sample: int = 1,
    buckets: int | None = None,
    chunker: Callable[[Sequence[str], int, int, int], scale.Shingles] = scale.shingle_chunk,
) -> pd.DataFrame:
    """`scale.candidates` as tasks: shingle chunks -> hash buckets -> votes (equal output).

    `chunker(texts, first, n, sample)` shingles one chunk of articles; another tokeniser (the
    overlap module's) gives that index's pairs, still grouped by hash bucket across workers.
    """
    import dask

    workers = max(1, len(dask_client.scheduler_info().get("workers", {})))
    buckets = buckets or 2 * workers
    chunks = [
        dask.delayed(chunker)(texts[i : i + ARTICLES_PER_INDEX_TASK], i, n, sample)
        for i in range(0, len(texts), ARTICLES_PER_INDEX_TASK)
    ]
    split = [dask.delayed(scale.bucket, nout=buckets)(c, buckets) for c in chunks]
    votes = [
        dask.delayed(scale.bucket_votes)([s[k] for s in split], len(ids), max_df)
        for k in range(buckets)
    ]
    merged = dask.delayed(scale.merge_votes)(votes, min_shared)
    per_doc = [dask.delayed(lambda c: c.per_doc)(c) for c in chunks]
    (keys, shared), per_doc_parts = dask.compute(merged, per_doc)
    counts = np.concatenate(per_doc_parts) if per_doc_parts else np.zeros(0, np.int64)
    return scale.frame(ids, keys, shared, counts)


def _compare_chunk(pairs: Sequence[tuple[corpus.Article, corpus.Article]], config: Any) -> list:
    return [overlap.compare(a, b, config) for a, b in pairs]


def overlap_dask(dask_client: Any, docs: corpus.Corpus, config: Any) -> Any:
    """`overlap.analyse` with candidate generation and pair comparisons spread over workers."""
    if hasattr(overlap, "prepare"):
        return _overlap_prepared(dask_client, docs, config)
    import dask

    pairs = list(itertools.combinations(docs.articles, 2))
    parts = [
        dask.delayed(_compare_chunk)(chunk, config) for chunk in _chunks(pairs, PAIRS_PER_TASK)
    ]
    compared = [p for part in dask.compute(*parts) for p in part]
    ranked = sorted(compared, key=lambda p: (-p.score, p.article_a, p.article_b))
    return overlap.OverlapResult(overlap.pairs_frame(ranked), overlap.passages_frame(ranked, docs))


def _prepare_chunk(articles: Sequence[corpus.Article], config: Any) -> list:
    return [overlap.prepare(a, config) for a in articles]


def _compare_prepared(
    pairs: Sequence[tuple[Any, Any]], idf: dict[str, float], default_idf: float, config: Any
) -> list:
    return [overlap.compare(a, b, idf, default_idf, config) for a, b in pairs]


def _overlap_chunk(texts: Sequence[str], first: int, n: int, sample: int) -> scale.Shingles:
    """One chunk of the overlap module's own shingle index (its words, hashes and sampling)."""
    from newsaudit.overlap import candidates as candidate_index

    doc, h = candidate_index.shingle_hashes([words(t) for t in texts], n, sample)
    per_doc = np.bincount(doc, minlength=len(texts)).astype(np.int64)
    return scale.Shingles(doc.astype(np.int32) + first, h, per_doc, first)


def _overlap_prepared(dask_client: Any, docs: corpus.Corpus, config: Any) -> Any:
    """The overlap module with per-article preparation (tokens, sentences, quotes), candidate
    index and per-pair `compare`: each stage as tasks. Mirrors `overlap.analyse` step for step
    (the engine tests compare both)."""
    import dask

    from newsaudit.overlap import alignment

    ids = docs.ids
    small = len(ids) <= config.all_pairs_max_articles
    if small:
        todo = [tuple(sorted(p)) for p in itertools.combinations(ids, 2)]
    else:
        large = len(ids) > config.large_corpus_articles
        found = candidates_dask(
            dask_client,
            ids,
            [a.text for a in docs.articles],
            n=config.shingle_size,
            max_df=config.max_shingle_df,
            min_shared=config.min_shared_shingles,
            sample=config.large_keep_one_in if large else 1,
            chunker=_overlap_chunk,
        )
        todo = list(zip(found["article_a"], found["article_b"], strict=True))
    by_id = {a.article_id: a for a in docs.articles}
    involved = sorted({i for pair in todo for i in pair})
    parts = [
        dask.delayed(_prepare_chunk)([by_id[i] for i in chunk], config)
        for chunk in _chunks(involved, ARTICLES_PER_PARTITION)
    ]
    prepared = {p.article.article_id: p for part in dask.compute(*parts) for p in part}
    prepared = {i: prepared[i] for i in involved}
    idf = alignment.idf_weights([set().union(*p.view.stems) for p in prepared.values()])
    default_idf = max(idf.values(), default=1.0)
    idf_future = dask_client.scatter(idf, broadcast=True) if idf else idf
    tasks = [
        dask.delayed(_compare_prepared)(
            [(prepared[a], prepared[b]) for a, b in chunk], idf_future, default_idf, config
        )
        for chunk in _chunks(todo, PAIRS_PER_TASK)
    ]
    results = [
        r
        for part in dask.compute(*tasks)
        for r in part
        if small or r.score >= config.report_min_score
    ]
    return overlap.combine(results, prepared, docs.ids, config)
