"""Held steps: bundles made once and used where they were made, with serial results."""

from __future__ import annotations

import pytest

from newsaudit import held, runner


def _make(bundle: tuple[int, ...]) -> tuple[dict[int, int], int]:
    """A bundle of numbers made into (kept: number -> square and the making process, sent)."""
    import os

    return {x: (x * x, os.getpid()) for x in bundle}, sum(bundle)


def _use(item: tuple[int, int], kept: list[dict[int, tuple[int, int]]]) -> tuple[int, int]:
    import os

    squares = {x: v for bundle in kept for x, v in bundle.items()}
    made_here = all(squares[x][1] == os.getpid() for x in item)
    return squares[item[0]][0] + squares[item[1]][0], made_here


def _each(run: runner.Runner):
    return lambda _name, fn, items: run.map(fn, items)


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_held_steps_equal_serial_ones_and_run_where_their_bundles_were_made(monkeypatch, workers):
    monkeypatch.setattr(runner, "MIN_ITEMS_PER_WORKER", 1)
    bundles = [tuple(range(k, k + 3)) for k in range(0, 300, 3)]
    items = [(k, k + 1) for k in range(0, 300, 3)] + [(0, 299), (5, 7)]  # a few across bundles
    needs = lambda item: tuple(sorted({item[0] // 3, item[1] // 3}))  # noqa: E731
    got = {}
    for name, run in (("serial", runner.Serial()), ("pool", runner.Pool(workers=workers))):
        with held.Held(_each(run), "make", _make, bundles) as kept:
            assert kept.sent == [sum(b) for b in bundles]
            got[name] = kept.map(_each(run), "use", _use, items, needs)
    assert [v for v, _ in got["pool"]] == [v for v, _ in got["serial"]]
    assert [v for v, _ in got["serial"]] == [a * a + b * b for a, b in items]
    # Each item on a worker holding its bundle: but for the few taken over at the end, or
    # needing two bundles, made where they ran.
    assert sum(here for _, here in got["pool"]) == len(items)


def test_a_held_step_error_is_raised_and_its_workers_stop(monkeypatch):
    monkeypatch.setattr(runner, "MIN_ITEMS_PER_WORKER", 1)
    bundles = [(k,) for k in range(40)]
    with held.Held(_each(runner.Pool(workers=2)), "make", _make, bundles) as kept:
        assert kept.session is not None
        workers = list(kept.session.procs)
        with pytest.raises(ZeroDivisionError):
            kept.map(_each(runner.Pool(workers=2)), "use", _fail_at_7, list(range(40)), _one)
    runner.reap()
    assert workers and not any(p.is_alive() for p in workers)


def _fail_at_7(item: int, kept: list) -> int:
    return 1 // (item - 7)


def _one(item: int) -> tuple[int]:
    return (item,)
