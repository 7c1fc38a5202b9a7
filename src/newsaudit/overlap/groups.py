"""Groups of linked pairs: what one mapped compare step finishes on its own.

Every clue after a pair itself stays among the pairs linked through shared articles: the
compilation clue (`direction.compilation_evidence`) looks at an article's other partners, and an
article's reuse of all its sources together (`reuse`) at its own pairs. So the pairs of a
connected group are compared, given those clues and their articles weighed against their
sources in one step, where their prepared articles and look-up tables already are: no second
pool, and only finished rows travel back.

A group larger than `GROUP_MAX_PAIRS` (every pair of a small corpus is one group; so is a
tightly linked archive) is compared pair by pair instead, spread over the workers, and finished
after all its pairs are back (`analysis.analyse`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsaudit.config import OverlapConfig
from newsaudit.overlap.alignment import Idf
from newsaudit.overlap.direction import with_corpus_evidence
from newsaudit.overlap.pair import Judged, compare
from newsaudit.overlap.records import PairResult, Prepared
from newsaudit.overlap.reuse import ArticleReuse, article_step, reuse_items
from newsaudit.unionfind import UnionFind

# Pairs a group may have to be finished in one step: a step of ~10 ms per pair stays under a
# second, and a corpus has many groups to spread over the workers.
GROUP_MAX_PAIRS = 64

Pair = tuple[str, str]
# One step's work: its prepared articles, its pairs, and whether the step finishes the group.
GroupItem = tuple[tuple[Prepared, ...], tuple[Pair, ...], bool]


@dataclass(frozen=True)
class GroupResult:
    """A group's compared pairs that are kept (with the group's clues when `whole`) and, when
    `whole`, each of its articles against its sources."""

    results: tuple[PairResult, ...]
    reuse: tuple[ArticleReuse, ...]
    whole: bool


def keep(result: PairResult, n_articles: int, config: OverlapConfig) -> bool:
    """Whether a compared pair is reported: every pair of a small corpus, else by score."""
    return n_articles <= config.all_pairs_max_articles or result.score >= config.report_min_score


def linked(pairs: Sequence[Pair]) -> list[list[Pair]]:
    """The pairs in connected groups (linked through shared articles), each group's pairs in
    the order given, groups in the order of their first pair."""
    sets = UnionFind(sorted({i for pair in pairs for i in pair}))
    for a, b in pairs:
        sets.union(a, b)
    groups: dict[str, list[Pair]] = {}
    for pair in pairs:
        groups.setdefault(sets.find(pair[0]), []).append(pair)
    return list(groups.values())


def group_items(pairs: Sequence[Pair], prepared: dict[str, Prepared]) -> list[GroupItem]:
    """The steps for comparing `pairs`: a group of up to `GROUP_MAX_PAIRS` pairs whole, a
    larger one a pair per step (self-contained: a Dask task receives only its articles)."""
    items: list[GroupItem] = []
    for group in linked(pairs):
        whole = len(group) <= GROUP_MAX_PAIRS
        for part in [group] if whole else [[pair] for pair in group]:
            ids = sorted({i for pair in part for i in pair})
            items.append((tuple(prepared[i] for i in ids), tuple(part), whole))
    return items


def compare_group(
    item: GroupItem,
    idf: Idf,
    default_idf: float,
    n_articles: int,
    config: OverlapConfig,
) -> GroupResult:
    """Compare a group's pairs and keep the reported ones; for a whole group also add the
    clues from its other pairs and weigh each of its articles against its sources (pure: the
    step a runner maps)."""
    articles, pairs, whole = item
    prepared = {p.article.article_id: p for p in articles}
    judged: Judged = {}
    compared = [
        compare(prepared[a], prepared[b], idf, default_idf, config, judged) for a, b in pairs
    ]
    kept = [r for r in compared if keep(r, n_articles, config)]
    if not whole:
        return GroupResult(tuple(kept), (), False)
    ranked = with_corpus_evidence(kept, config)
    reused = [article_step(x, config, judged) for x in reuse_items(ranked, prepared, config)]
    return GroupResult(tuple(ranked), tuple(reused), True)
