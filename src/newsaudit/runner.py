"""One runner for every analysis: map a pure step over items serially, over a process pool
using every core, or on Dask, with the same output in the same order.

Engines live in a registry (as papermill keeps its engines): `get("serial")`, `get("local")`
(a process pool; small inputs stay in this process, where a pool would cost more than it
saves), `get("dask", client)`. An analysis never knows where it runs: it hands a step
(`prepare an article`, `compare a pair`) and its items to `runner.map`.

The pool forks after the step and its items are set aside in this module, so workers inherit
them and only (first, last) chunk bounds and results cross process boundaries: a step may close
over a large prepared corpus without it being pickled once per chunk.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import threading
import warnings
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol

from threadpoolctl import threadpool_limits

Tick = Callable[[int], None]  # called with the number of items just finished
Step = Callable[[Any], Any]  # one pure step over one item
# Below this many items per worker the local engine maps in-process: forking a pool costs
# ~20-100 ms (more with a large parent), one article step ~1-10 ms.
MIN_ITEMS_PER_WORKER = 16
# Chunks shrink as the items left do (guided self-scheduling): each takes 1 / (workers x
# `CHUNKS_PER_WORKER`) of the items left, so the first are large (little per-chunk overhead, a
# pickled result list) and the last short, and no core waits long at the end for another's
# chunk; none is smaller than 1 / (workers x `SMALLEST_PER_WORKER`) of all items, nor larger
# than `MAX_CHUNK`.
CHUNKS_PER_WORKER = 4
SMALLEST_PER_WORKER = 64
MAX_CHUNK = 2_000


Each = Callable[[str, Callable[[Any], Any], Sequence[Any]], list]
"""A named map, what an analysis receives to run its per-item steps: `each(step, fn, items)`
returns [fn(x) for x in items] (the pipeline's version also times the step and reports
progress)."""


def serial(_step: str, fn: Callable[[Any], Any], items: Sequence[Any]) -> list:
    """The default `Each` of an analysis called on its own: in this process, in order."""
    return [fn(x) for x in items]


class Runner(Protocol):
    """Maps `fn` over `items`, returning the results in item order."""

    name: str

    def map(self, fn: Step, items: Sequence[Any], tick: Tick | None = None) -> list:
        """[fn(x) for x in items], wherever it runs."""
        ...


def chunks(n_items: int, workers: int) -> list[tuple[int, int]]:
    """(first, last) bounds covering n_items in order, in chunks that shrink with the items
    left (see `CHUNKS_PER_WORKER`)."""
    workers = max(1, workers)
    smallest = max(1, -(-n_items // (workers * SMALLEST_PER_WORKER)))
    out, first = [], 0
    while first < n_items:
        size = min(
            MAX_CHUNK, max(smallest, -(-(n_items - first) // (workers * CHUNKS_PER_WORKER)))
        )
        out.append((first, min(n_items, first + size)))
        first += size
    return out


def one_blas_thread() -> contextlib.AbstractContextManager[Any]:
    """Numpy's BLAS on one thread while steps run: each core already runs a step, and the
    steps' matrices are small (sentences by words), so BLAS threads only compete for the same
    cores. On 2 busy cores OpenBLAS' default threads made the 1k overlap comparisons 3x
    slower."""
    return threadpool_limits(1, user_api="blas")


def _apply(fn: Callable[[Any], Any], items: Sequence[Any]) -> list:
    with one_blas_thread():
        return [fn(x) for x in items]


@dataclass(frozen=True)
class Serial:
    """In this process, one item after another."""

    name: str = "serial"

    def map(self, fn: Step, items: Sequence[Any], tick: Tick | None = None) -> list:
        """[fn(x) for x in items], ticking per item."""
        out = []
        with one_blas_thread():
            for x in items:
                out.append(fn(x))
                if tick:
                    tick(1)
        return out


_JOB: tuple[Callable[[Any], Any], Sequence[Any]] | None = None  # what forked workers inherit


# A pool worker's young-generation threshold (Python's default: 700 allocations). A worker
# allocates millions of short-lived, acyclic objects (n-gram tuples, token lists) freed by
# reference counting; each young collection also walks what survived, so at the default the
# collector took 10-15 % of an overlap worker's CPU. Workers live for one map only.
WORKER_GC_THRESHOLD = 50_000


def start_worker() -> None:
    """A pool worker's settings for its life (one map): its collector, one BLAS thread."""
    gc.set_threshold(WORKER_GC_THRESHOLD, *gc.get_threshold()[1:])
    gc.enable()  # forked while the parent's collector was paused (`Pool.map`)
    one_blas_thread().__enter__()  # left on until the worker exits: once, not once a chunk


def _run_inherited(bounds: tuple[int, int]) -> list:
    assert _JOB is not None, "pool worker started without a job"
    fn, items = _JOB
    return [fn(items[i]) for i in range(*bounds)]


_FROZEN = [0]  # depth of nested `frozen()` regions in this process (threads: `batch`)
_FROZEN_LOCK = threading.Lock()


@contextlib.contextmanager
def frozen() -> Iterator[None]:
    """Objects alive on entry, and on leaving those made inside, go to the collector's
    permanent generation until the outermost region ends (then to its oldest generation): its
    collections no longer walk them. An analysis holding a large corpus and its prepared
    articles (millions of long-lived, acyclic objects) otherwise pays a full collection over
    all of them every so often (at 100k articles: ~2 s of the overlap analysis' main process).
    Nested regions freeze what is new and thaw once, at the end. Only in the main thread:
    threads building corpora side by side (`newsaudit batch`) could keep a region open, and
    their garbage uncollected, for the whole batch."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    with _FROZEN_LOCK:
        gc.freeze()
        _FROZEN[0] += 1
    try:
        yield
    finally:
        with _FROZEN_LOCK:
            gc.freeze()  # what the region made too: the outer region's, or the oldest generation
            _FROZEN[0] -= 1
            if not _FROZEN[0]:
                gc.unfreeze()


@contextlib.contextmanager
def paused_collector() -> Iterator[None]:
    """No automatic collection while results arrive: they are plain acyclic data, and each
    collection would walk everything received so far."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _forkable_here() -> bool:
    """Fork only from the main thread: a fork taken while another thread of this process holds
    a lock (logging, imports) can hang the child. `newsaudit batch` builds corpora in threads
    and is parallel already, so there each corpus maps in-process."""
    return (
        "fork" in multiprocessing.get_all_start_methods()
        and threading.current_thread() is threading.main_thread()
    )


@dataclass(frozen=True)
class Pool:
    """A process pool over `workers` cores (default: all), chunks in order."""

    workers: int = 0
    name: str = "local"

    @property
    def size(self) -> int:
        """Worker processes used: the setting, else every core this process may use."""
        if self.workers:
            return self.workers
        try:
            return len(os.sched_getaffinity(0))
        except AttributeError:  # not on Linux
            return os.cpu_count() or 1

    def worthwhile(self, n_items: int) -> int:
        """Workers to fork for `n_items`: 0 when a pool would not pay (or cannot fork here)."""
        workers = self.size
        if workers < 2 or n_items < 2 * MIN_ITEMS_PER_WORKER or not _forkable_here():
            return 0
        return workers

    def map(self, fn: Step, items: Sequence[Any], tick: Tick | None = None) -> list:
        """[fn(x) for x in items] over the pool; in-process when a pool would not pay. A step
        with an `on_pool(workers, items, tick)` method (`held`) may run itself instead: its
        results, or None to be mapped as any step."""
        workers = self.size
        on_pool = getattr(fn, "on_pool", None)  # a step that runs itself on workers (`held`)
        if on_pool is not None and (found := on_pool(self.worthwhile(len(items)), items, tick)):
            return found
        if not self.worthwhile(len(items)):
            return Serial().map(fn, items, tick)
        global _JOB
        bounds = chunks(len(items), workers)
        _JOB = (fn, items)
        # Objects alive at the fork go to the collector's permanent generation: the workers
        # never scan the inherited heap (a prepared corpus: millions of objects) in their
        # collections, nor touch its pages (copy-on-write).
        try:
            with frozen(), paused_collector(), warnings.catch_warnings():
                # Python warns that forking a threaded process may deadlock in the child; the
                # children run only `fn` over plain data and exit.
                warnings.simplefilter("ignore", DeprecationWarning)
                context = multiprocessing.get_context("fork")
                pool = ProcessPoolExecutor(
                    min(workers, len(bounds)), mp_context=context, initializer=start_worker
                )
                try:
                    out: list = []
                    for (first, last), part in zip(
                        bounds, pool.map(_run_inherited, bounds), strict=True
                    ):
                        out.extend(part)
                        if tick:
                            tick(last - first)
                    return out
                finally:  # not waited for: the workers exit while this process goes on
                    pool.shutdown(wait=False, cancel_futures=True)
        finally:
            _JOB = None


def reap() -> None:
    """Wait for the pool workers still exiting (each map leaves them to exit, freeing their
    memory, while the caller goes on): their CPU time then counts as the children's."""
    for proc in multiprocessing.active_children():
        proc.join()


@dataclass(frozen=True)
class Dask:
    """Tasks on a `distributed` client: one task per chunk, gathered in order."""

    client: Any
    name: str = "dask"

    def map(self, fn: Step, items: Sequence[Any], tick: Tick | None = None) -> list:
        """[fn(x) for x in items] as Dask tasks (fn and each chunk pickled to the workers)."""
        if not items:
            return []
        workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        parts = [list(items[a:b]) for a, b in chunks(len(items), workers)]
        futures = self.client.map(_apply, [fn] * len(parts), parts, pure=False)
        out: list = []
        for part, future in zip(parts, futures, strict=True):
            out.extend(future.result())
            if tick:
                tick(len(part))
        return out


ENGINES: dict[str, Callable[..., Runner]] = {
    "serial": lambda client=None: Serial(),
    "local": lambda client=None: Pool(),
    "dask": lambda client=None: Dask(client),
}


def get(engine: str, client: Any = None) -> Runner:
    """The runner registered as `engine` ("serial", "local" or "dask" with its client)."""
    return ENGINES[engine](client)
