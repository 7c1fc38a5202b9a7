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

A whole group's articles are prepared together (`plan`), so a runner can keep them in the
process that prepared them and compare the group there (`held.Held`); a larger group's
articles are prepared once for all its pairs, which any process may compare.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsaudit.config import OverlapConfig
from newsaudit.corpus import Article
from newsaudit.overlap.alignment import Idf
from newsaudit.overlap.direction import with_corpus_evidence
from newsaudit.overlap.pair import Judged, compare
from newsaudit.overlap.quotes import Quote
from newsaudit.overlap.records import PairResult, Prepared
from newsaudit.overlap.reuse import ArticleReuse, article_step, reuse_items
from newsaudit.unionfind import UnionFind

# Pairs a group may have to be finished in one step: a step of ~10 ms per pair stays under a
# second, and a corpus has many groups to spread over the workers.
GROUP_MAX_PAIRS = 64

Pair = tuple[str, str]
# One step's work: its articles' ids, its pairs, whether the step finishes the group, and the
# bundles (`plan`) holding its articles.
GroupItem = tuple[tuple[str, ...], tuple[Pair, ...], bool, tuple[int, ...]]


@dataclass(frozen=True)
class GroupResult:
    """A group's compared pairs that are kept (with the group's clues when `whole`) and, when
    `whole`, each of its articles against its sources."""

    results: tuple[PairResult, ...]
    reuse: tuple[ArticleReuse, ...]
    whole: bool
    # The quotations of the articles of kept pairs sharing quotes (for `frames.quotes_frame`).
    quotes: tuple[tuple[str, tuple[Quote, ...]], ...] = ()


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


def plan(
    pairs: Sequence[Pair], articles: Mapping[str, Article]
) -> tuple[list[tuple[Article, ...]], list[GroupItem], list[GroupItem]]:
    """(the articles of each group of up to `GROUP_MAX_PAIRS` pairs, to be prepared together
    and kept where they were; the steps comparing those groups whole, each needing its
    bundle; the steps comparing a larger group's pairs one by one, needing no bundle: the
    articles of a large group are prepared once where all its pairs can use them)."""
    bundles: list[tuple[Article, ...]] = []
    whole: list[GroupItem] = []
    split: list[GroupItem] = []
    for group in linked(pairs):
        if len(group) > GROUP_MAX_PAIRS:
            split += [(tuple(sorted(pair)), (pair,), False, ()) for pair in group]
            continue
        ids = tuple(sorted({i for pair in group for i in pair}))
        whole.append((ids, tuple(group), True, (len(bundles),)))
        bundles.append(tuple(articles[i] for i in ids))
    return bundles, whole, split


def needs(item: GroupItem) -> tuple[int, ...]:
    """The bundles a step's articles are in."""
    return item[3]


def compare_group(
    item: GroupItem,
    kept: Sequence[Mapping[str, Prepared]],
    idf: Idf,
    default_idf: float,
    n_articles: int,
    config: OverlapConfig,
) -> GroupResult:
    """Compare a group's pairs and keep the reported ones; for a whole group also add the
    clues from its other pairs and weigh each of its articles against its sources (pure: the
    step a runner maps; `kept`: the prepared articles of the bundles it needs)."""
    _, pairs, whole, _ = item
    prepared = {i: p for bundle in kept for i, p in bundle.items()}
    judged: Judged = {}
    compared = [
        compare(prepared[a], prepared[b], idf, default_idf, config, judged) for a, b in pairs
    ]
    kept_pairs = [r for r in compared if keep(r, n_articles, config)]
    quoting = sorted(
        {i for r in kept_pairs if r.quote_passages for i in (r.article_a, r.article_b)}
    )
    quotes = tuple((i, prepared[i].quotes) for i in quoting)
    if not whole:
        return GroupResult(tuple(kept_pairs), (), False, quotes)
    ranked = with_corpus_evidence(kept_pairs, config)
    articles = {i: p.article for i, p in prepared.items()}
    reused = [
        article_step(x, prepared, config, judged) for x in reuse_items(ranked, articles, config)
    ]
    return GroupResult(tuple(ranked), tuple(reused), True, quotes)
