"""Steps whose results stay where they were made: bundles made once (articles prepared),
then steps that use them (pairs compared), on any runner (`Held`).

On a process pool (`runner.Pool`) the bundles are made by workers forked once for both steps,
which keep them: each later item goes to the worker holding its first bundle, a worker out of
work takes the last items of the busiest (making their bundles again), and only what the steps
send back crosses processes. Serially or on Dask the kept come back to the caller and travel
with each item that needs them. The results are the same either way.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import pickle
import warnings
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from multiprocessing.connection import Connection, wait
from typing import Any

from newsaudit.runner import Each, Tick, chunks, frozen, paused_collector, start_worker

Make = Callable[[Any], tuple[Any, Any]]  # bundle -> (kept, sent): only `sent` need travel
Use = Callable[[Any, list], Any]  # (item, the kept of the bundles it needs) -> result


class _Make:
    """The first step of a `Held`: `make` over the bundles (a pool runs it on a `_Session`)."""

    def __init__(self, make: Make) -> None:
        self.make = make
        self.session: _Session | None = None

    def __call__(self, bundle: Any) -> tuple[Any, Any]:
        return self.make(bundle)

    def on_pool(self, workers: int, bundles: Sequence[Any], tick: Tick | None) -> list | None:
        """On `workers` forked once for the `Held` (none: mapped as any step)."""
        if not workers:
            return None
        self.session = _Session(self.make, bundles, min(workers, len(bundles)))
        return self.session.made(tick)


@dataclass(frozen=True)
class _Use:
    """A later step of a `Held` whose kept stayed on a pool's `_Session`."""

    session: _Session | None
    fn: Use
    needs: Callable[[Any], Sequence[int]]

    def __call__(self, item: Any) -> Any:
        raise RuntimeError("a held step runs on the pool that made its bundles")

    def on_pool(self, _workers: int, items: Sequence[Any], tick: Tick | None) -> list:
        """On the session's workers, whatever the number of items."""
        assert self.session is not None
        return self.session.use(self.fn, self.needs, items, tick)


def with_kept(fn: Use, item: tuple[Any, list]) -> Any:
    """`fn(x, kept)` of an item given as (x, kept): the step of items that carry their kept."""
    return fn(item[0], item[1])


class Held:
    """Bundles made once by a mapped step (`make`: bundle -> (kept, sent)), then steps over
    items that each use the kept of some bundles (`needs(item)`: their indices), e.g. articles
    prepared once and compared in many pairs.

    Serially or on Dask the kept come back here and travel with each item that needs them; on
    a process pool they stay in the worker that made them, each item goes to the worker holding
    its first bundle (a worker out of work takes another's last items, making their bundles
    again), and only `sent` and the results cross processes: no kept is ever pickled. `sent`
    holds what each bundle sent back, in order. Use as a context manager (the pool's workers
    live until it closes)."""

    def __init__(self, each: Each, name: str, make: Make, bundles: Sequence[Any]) -> None:
        first = _Make(make)
        with frozen():  # what is kept here lives as long as the Held: out of the collector's way
            made = each(name, first, bundles)
        self.session = first.session
        self.kept = None if self.session else [kept for kept, _ in made]
        self.sent = [sent for _, sent in made]

    def map(
        self, each: Each, name: str, fn: Use, items: Sequence[Any], needs: Callable[[Any], Any]
    ) -> list:
        """[fn(x, [kept of each bundle in needs(x)]) for x in items], mapped by `each`."""
        if self.session is not None:
            return each(name, _Use(self.session, fn, needs), items)
        kept = self.kept or []
        return each(
            name, partial(with_kept, fn), [(x, [kept[b] for b in needs(x)]) for x in items]
        )

    def close(self) -> None:
        """Stop the pool's workers holding the kept (nothing to do in-process)."""
        if self.session is not None:
            self.session.close()
            self.session = None

    def __enter__(self) -> Held:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_HELD: tuple[Make, Sequence[Any]] | None = None  # what a session's forked workers inherit
USE_BATCH = 32  # items sent to a worker at a time (fewer when little is left)


def _held_worker(conn: Connection) -> None:
    """A session worker: makes the bundles it is given and keeps them; runs the steps it is
    given over them (making a missing bundle first); until told to stop."""
    assert _HELD is not None, "held worker started without its bundles"
    make, bundles = _HELD
    start_worker()
    store: dict[int, Any] = {}
    fn: Use | None = None
    while True:
        msg = conn.recv()
        try:
            if msg[0] == "stop":
                return
            if msg[0] == "fn":
                fn = msg[1]
                continue
            if msg[0] == "make":
                out = []
                for b in range(msg[1], msg[2]):
                    store[b], sent = make(bundles[b])
                    out.append(sent)
                # What is kept lives as long as the worker: out of the collector's way (each
                # collection of the oldest generation would walk all of it again).
                gc.freeze()
                conn.send(("ok", out))
                continue
            assert fn is not None
            done = []
            for i, item, needs in msg[1]:
                for b in needs:
                    if b not in store:
                        store[b] = make(bundles[b])[0]
                done.append((i, fn(item, [store[b] for b in needs])))
            conn.send(("ok", done))
        except BaseException as err:  # told to the main process, which raises it
            conn.send(("error", _sendable(err)))
            return


def _sendable(err: BaseException) -> BaseException:
    try:
        pickle.dumps(err)
        return err
    except Exception:
        return RuntimeError(f"{type(err).__name__}: {err}")


class _Session:
    """A pool's workers for one `Held`: forked once, they make bundles (dynamic chunks, see
    `chunks`) and keep them, then run its later steps, each item on the worker holding its
    first bundle; a worker whose own items are done takes the last items of the busiest."""

    def __init__(self, make: Make, bundles: Sequence[Any], workers: int) -> None:
        global _HELD
        _HELD = (make, bundles)
        self.n_bundles = len(bundles)
        self.owner = [0] * len(bundles)
        self.conns: list[Connection] = []
        self.procs: list[Any] = []
        try:
            with frozen(), paused_collector(), warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)  # see `Pool.map`
                context = multiprocessing.get_context("fork")
                for _ in range(workers):
                    here, there = context.Pipe()
                    proc = context.Process(target=_held_worker, args=(there,), daemon=True)
                    proc.start()
                    there.close()
                    self.conns.append(here)
                    self.procs.append(proc)
        finally:
            _HELD = None

    def _receive(self, conn: Connection) -> Any:
        try:
            kind, value = conn.recv()
        except EOFError:
            self.close()
            raise RuntimeError("a pool worker stopped unexpectedly") from None
        if kind == "error":
            self.close()
            raise value
        return value

    def made(self, tick: Tick | None) -> list:
        """Every bundle made on the workers: [(None, sent)] in order (the kept stay there)."""
        todo = chunks(self.n_bundles, len(self.conns))[::-1]
        sent: list = [None] * self.n_bundles
        busy: dict[Connection, tuple[int, int]] = {}

        def give(w: int) -> None:
            if todo:
                first, last = todo.pop()
                self.conns[w].send(("make", first, last))
                busy[self.conns[w]] = (first, last)

        for w in range(len(self.conns)):
            give(w)
        with paused_collector():
            while busy:
                for conn in wait(list(busy)):
                    first, last = busy.pop(conn)  # type: ignore[call-overload]
                    sent[first:last] = self._receive(conn)  # type: ignore[arg-type]
                    w = self.conns.index(conn)  # type: ignore[arg-type]
                    self.owner[first:last] = [w] * (last - first)
                    if tick:
                        tick(last - first)
                    give(w)
        return [(None, s) for s in sent]

    def use(
        self,
        fn: Use,
        needs: Callable[[Any], Sequence[int]],
        items: Sequence[Any],
        tick: Tick | None,
    ) -> list:
        """[fn(x, kept of needs(x)) for x in items] on the workers holding the kept."""
        wanted = [tuple(needs(x)) for x in items]
        queues: list[deque[int]] = [deque() for _ in self.conns]
        for i, need in enumerate(wanted):
            queues[self.owner[need[0]] if need else i % len(queues)].append(i)
        for conn in self.conns:
            conn.send(("fn", fn))
        out: list = [None] * len(items)
        busy: dict[Connection, int] = {}

        def give(w: int) -> None:
            own = queues[w]
            if own:
                batch = [own.popleft() for _ in range(min(USE_BATCH, max(1, len(own) // 4)))]
            else:  # the last items of the busiest worker: their bundles are made again here
                other = max(queues, key=len)
                batch = [other.pop() for _ in range(min(USE_BATCH, -(-len(other) // 4)))]
            if batch:
                self.conns[w].send(("use", [(i, items[i], wanted[i]) for i in batch]))
                busy[self.conns[w]] = len(batch)

        for w in range(len(self.conns)):
            give(w)
        with paused_collector():
            while busy:
                for conn in wait(list(busy)):
                    n = busy.pop(conn)  # type: ignore[call-overload]
                    for i, result in self._receive(conn):  # type: ignore[arg-type]
                        out[i] = result
                    if tick:
                        tick(n)
                    give(self.conns.index(conn))  # type: ignore[arg-type]
        return out

    def close(self) -> None:
        """Tell the workers to stop; they exit (freeing what they kept) while this process
        goes on (`runner.reap` waits for them)."""
        for conn in self.conns:
            with contextlib.suppress(OSError):
                conn.send(("stop",))
            conn.close()
        self.conns, self.procs = [], []
