"""Where a run executes: "local" (a process pool over every core), "serial" (this process) or
"dask" (tasks on a `distributed` cluster).

Every engine runs the same recipe (`pipeline.analyse`) through one runner (`runner`): reading
and cleaning files, tagging, name mentions, overlap preparation and pair comparisons and
readability are mapped; the corpus-wide steps run here. The results are identical whichever
engine runs them (a test compares them). With "dask", `scheduler` names a running scheduler
(e.g. "tcp://10.0.0.5:8786"), else a LocalCluster starts on this machine; workers must see the
corpus folder at the same path.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsaudit import corpus, pipeline, runner
from newsaudit.config import DEFAULT, Settings
from newsaudit.errors import EngineError

ENGINES = tuple(runner.ENGINES)
# Corpora at least this large also get Parquet copies of the tables: a 100k-article run has
# millions of rows that Parquet stores typed and compressed and reads in a fraction of the time.
PARQUET_FROM_ARTICLES = 10_000
# Loggers that report a LocalCluster closing its connections (CommClosedError tracebacks,
# "stream closed" notes) while it shuts down as asked: noise, not failures.
_SHUTDOWN_LOGGERS = ("distributed", "tornado", "asyncio")


def run(
    corpus_dir: str | Path,
    settings: Settings = DEFAULT,
    engine: str = "local",
    scheduler: str | None = None,
    progress: pipeline.Progress | None = None,
) -> pipeline.Results:
    """Load `corpus_dir` and analyse it with the chosen engine."""
    check(engine)
    with _runner(engine, scheduler) as run_on:
        started = time.perf_counter()
        docs = load(corpus_dir, settings, run_on, progress)
        reading = round(time.perf_counter() - started, 4)
        value = pipeline.analyse(docs, settings, run_on, progress)
    return dataclasses.replace(value, timings={"reading": reading, **value.timings})


def analyse(
    docs: corpus.Corpus,
    settings: Settings = DEFAULT,
    engine: str = "local",
    scheduler: str | None = None,
    progress: pipeline.Progress | None = None,
) -> pipeline.Results:
    """Analyse an already loaded corpus with the chosen engine (what `report.build` calls)."""
    check(engine)
    with _runner(engine, scheduler) as run_on:
        return pipeline.analyse(docs, settings, run_on, progress)


load = pipeline.load  # what `run` reads with: the files mapped by the engine's runner


def check(engine: str) -> None:
    """Raise EngineError for an unknown engine name."""
    if engine not in ENGINES:
        raise EngineError(f"unknown engine {engine!r} (choose {', '.join(ENGINES)})")
    if engine == "dask":
        from newsaudit.extras import require  # the dask extra is optional

        require("dask", "the Dask engine")


def wants_parquet(n_articles: int, requested: bool = False) -> bool:
    """Parquet copies of the tables when asked, or automatically for large corpora."""
    from newsaudit.extras import available  # automatic copies only when pyarrow is installed

    return requested or (n_articles >= PARQUET_FROM_ARTICLES and available("parquet"))


@contextlib.contextmanager
def _runner(engine: str, scheduler: str | None) -> Iterator[runner.Runner]:
    if engine != "dask":
        yield runner.get(engine)
        return
    with client(scheduler) as dask_client:
        yield runner.get("dask", dask_client)


@contextlib.contextmanager
def quiet_shutdown() -> Iterator[None]:
    """On leaving, silence the connection-closed tracebacks a LocalCluster logs while it stops
    (they arrive from its threads until the interpreter exits, so the levels stay raised)."""
    try:
        yield
    finally:
        for name in _SHUTDOWN_LOGGERS:
            logging.getLogger(name).setLevel(logging.CRITICAL + 1)


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
            n_workers=n,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as dask_client,
        quiet_shutdown(),
    ):
        yield dask_client
