"""Tests for newsaudit.unionfind: one union-find for name spellings and events."""

import pytest

from newsaudit.unionfind import UnionFind


def test_unions_join_sets_transitively():
    uf = UnionFind(range(5))
    uf.union(0, 1)
    uf.union(3, 4)
    uf.union(1, 4)
    assert len({uf.find(i) for i in range(5)}) == 2
    assert uf.find(0) == uf.find(3) != uf.find(2)


@pytest.mark.parametrize("order", [[("b", "c"), ("a", "b")], [("a", "b"), ("c", "b")]])
def test_representative_is_the_smallest_item_whatever_the_order(order):
    uf = UnionFind(["c", "b", "a", "d"])
    for a, b in order:
        uf.union(a, b)
    assert {uf.find(x) for x in "abc"} == {"a"} and uf.find("d") == "d"
    assert list(uf) == ["c", "b", "a", "d"]
