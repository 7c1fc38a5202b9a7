"""The runner maps a step in item order, identically on every engine."""

from __future__ import annotations

import gc
import threading

import pytest

from newsaudit import runner


@pytest.mark.parametrize(
    ("n_items", "workers", "expected"),
    [
        (0, 2, []),
        (5, 2, [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)]),
        # each chunk an eighth of what is left (2 workers x 4), down to 1 / 128 of all items
        (40, 2, [(0, 5), (5, 10), (10, 14), (14, 18), (18, 21), (21, 24), (24, 26)]),
    ],
)
def test_chunks_cover_every_item_once_in_order(n_items, workers, expected):
    assert runner.chunks(n_items, workers)[: len(expected)] == expected


@pytest.mark.parametrize(("n_items", "workers"), [(40, 2), (4173, 2), (10**5, 4), (7, 3)])
def test_chunks_shrink_to_the_end_and_cover_every_item(n_items, workers):
    bounds = runner.chunks(n_items, workers)
    sizes = [b - a for a, b in bounds]
    assert [a for a, _ in bounds[1:]] == [b for _, b in bounds[:-1]]
    assert (bounds[0][0], bounds[-1][1]) == (0, n_items)
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[-2] <= max(1, -(-n_items // (workers * runner.SMALLEST_PER_WORKER)))


def test_chunks_are_capped():
    bounds = runner.chunks(10**6, 1)
    assert max(b - a for a, b in bounds) == runner.MAX_CHUNK
    assert bounds[-1][1] == 10**6


def _square_plus(offset: int):
    return lambda x: x * x + offset  # a closure: the pool inherits it, nothing is pickled


@pytest.mark.parametrize("min_items", [1, 10**6])  # forked pool, or in-process fallback
def test_pool_equals_serial_and_ticks_every_item(monkeypatch, min_items):
    monkeypatch.setattr(runner, "MIN_ITEMS_PER_WORKER", min_items)
    items = list(range(1000))
    ticks: list[int] = []
    got = runner.Pool(workers=2).map(_square_plus(3), items, ticks.append)
    assert got == runner.Serial().map(_square_plus(3), items) == [x * x + 3 for x in items]
    assert sum(ticks) == len(items)


def test_pool_raises_the_step_error(monkeypatch):
    monkeypatch.setattr(runner, "MIN_ITEMS_PER_WORKER", 1)
    with pytest.raises(ZeroDivisionError):
        runner.Pool(workers=2).map(lambda x: 1 // (x - 7), list(range(20)))


def test_registry_names_every_engine():
    assert set(runner.ENGINES) == {"serial", "local", "dask"}
    assert runner.get("serial").name == "serial"
    assert runner.get("local").name == "local"


def test_pool_maps_in_process_from_a_thread(monkeypatch):
    """A fork from a thread can hang the child: `batch` builds in threads, so no pool there."""
    import os
    from concurrent.futures import ThreadPoolExecutor

    monkeypatch.setattr(runner, "MIN_ITEMS_PER_WORKER", 1)

    def pids() -> list[int]:
        return runner.Pool(workers=2).map(lambda _x: os.getpid(), list(range(50)))

    with ThreadPoolExecutor(1) as pool:
        assert set(pool.submit(pids).result()) == {os.getpid()}
    assert os.getpid() not in set(pids())  # from the main thread: the pool's workers


def _blas_threads(_item: int) -> list[int]:
    from threadpoolctl import threadpool_info

    return [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]


@pytest.mark.parametrize("engine", [runner.Serial(), runner.Pool(workers=2)])
def test_steps_run_with_one_blas_thread(monkeypatch, engine):
    import numpy  # noqa: F401  (loads the BLAS the limit applies to)

    monkeypatch.setattr(runner, "MIN_ITEMS_PER_WORKER", 1)
    for threads in engine.map(_blas_threads, list(range(4))):
        assert threads and set(threads) == {1}


def test_frozen_regions_nest_and_thaw_once():
    assert gc.get_freeze_count() == 0
    with runner.frozen():
        kept = [[] for _ in range(100)]  # made inside: frozen on leaving the inner region
        with runner.frozen():
            made = [[] for _ in range(100)]
        assert gc.get_freeze_count() >= len(kept) + len(made)
    assert gc.get_freeze_count() == 0


def test_the_collector_is_paused_only_inside():
    enabled = gc.isenabled()
    with runner.paused_collector():
        assert not gc.isenabled()
    assert gc.isenabled() == enabled


def test_no_frozen_region_outside_the_main_thread():
    counts = []

    def inside() -> None:
        with runner.frozen():
            counts.append(gc.get_freeze_count())

    thread = threading.Thread(target=inside)
    thread.start()
    thread.join()
    assert counts == [0]
