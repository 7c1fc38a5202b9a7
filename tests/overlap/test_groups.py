"""Tests for the groups of linked pairs that one compare step finishes."""

import pandas as pd
import pytest

from newsaudit import corpus, overlap
from newsaudit.config import OverlapConfig
from newsaudit.overlap import groups
from tests.conftest import SEEDS

FRAMES = ("pairs", "passages", "passage_info", "evidence", "quotes", "clusters", "article_reuse")


@pytest.mark.parametrize(
    ("pairs", "linked"),
    [
        ([], []),
        ([("a", "b")], [[("a", "b")]]),
        ([("a", "b"), ("c", "d"), ("b", "e")], [[("a", "b"), ("b", "e")], [("c", "d")]]),
        ([("c", "d"), ("a", "b"), ("b", "c")], [[("c", "d"), ("a", "b"), ("b", "c")]]),
    ],
)
def test_pairs_are_grouped_through_shared_articles(pairs, linked):
    assert groups.linked(pairs) == linked


def test_a_large_group_is_compared_pair_by_pair(monkeypatch):
    seeds = corpus.load(SEEDS)
    articles = {a.article_id: a for a in seeds.articles}
    pairs = [("000", "001"), ("001", "002"), ("003", "004")]
    pairs = [tuple(sorted(i for i in articles if i.startswith(x))[0] for x in p) for p in pairs]
    monkeypatch.setattr(groups, "GROUP_MAX_PAIRS", 1)
    bundles, whole, split = groups.plan(pairs, articles)
    assert [[a.article_id for a in b] for b in bundles] == [list(pairs[2])]  # the whole group
    assert whole == [(pairs[2], (pairs[2],), True, (0,))]
    assert split == [(pairs[0], (pairs[0],), False, ()), (pairs[1], (pairs[1],), False, ())]


@pytest.fixture(scope="module")
def seeds():
    return corpus.load(SEEDS)


@pytest.mark.parametrize("all_pairs_max_articles", [200, 2])  # every pair; candidate pairs
@pytest.mark.parametrize("group_max_pairs", [0, 1])
def test_results_do_not_depend_on_how_groups_are_split(
    seeds, monkeypatch, all_pairs_max_articles, group_max_pairs
):
    config = OverlapConfig(all_pairs_max_articles=all_pairs_max_articles)
    whole = overlap.analyse(seeds, config)
    monkeypatch.setattr(groups, "GROUP_MAX_PAIRS", group_max_pairs)
    split = overlap.analyse(seeds, config)
    for name in FRAMES:
        pd.testing.assert_frame_equal(getattr(split, name), getattr(whole, name))
    assert len(whole.pairs) and len(whole.article_reuse)
