"""Disjoint sets: one union-find for every grouping (name spellings, events)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)


class UnionFind(Generic[T]):
    """Disjoint sets over the given items, with path halving. The representative of a set is
    its smallest item, so groups do not depend on the order of the unions."""

    def __init__(self, items: Iterable[T]) -> None:
        self.parent: dict[T, T] = {x: x for x in items}

    def __iter__(self) -> Iterator[T]:
        """The items in the order they were given."""
        return iter(self.parent)

    def find(self, x: T) -> T:
        """Representative of x's set."""
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: T, b: T) -> None:
        """Merge the sets of a and b."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)  # type: ignore[type-var]
