"""Article-level reuse: how much of each article comes from all its possible sources together.

A text rewritten from three wire takes is derived from their union, not from any one of them
(METER labels newspaper texts this way). An article's possible sources are its compared
partners that may have come first: with publication dates on both sides, the earlier ones;
otherwise the partners sharing aligned text with it that the pair's direction evidence does
not name as its copy. The verdict and its explanation come from the learned model
(`verdict.judge`) over `features.reuse_features`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial

import pandas as pd

from newsaudit import runner
from newsaudit.config import OverlapConfig
from newsaudit.corpus import Article
from newsaudit.overlap import features as reuse_features
from newsaudit.overlap.pair import Judged
from newsaudit.overlap.records import PairResult, Prepared
from newsaudit.overlap.verdict import judge

ARTICLE_REUSE_COLUMNS = [
    "article_id",
    "covered_share",
    "sources",
    "verdict",
    "probability",
    "evidence",
    "verbatim_share",
    "rewritten_share",
    "containment_3",
]


@dataclass(frozen=True)
class ArticleReuse:
    """One article against its possible sources: the evidence, the verdict and why."""

    article_id: str
    sources: tuple[str, ...]
    features: dict[str, float]
    verdict: str
    probability: float
    evidence: str


def may_be_source(r: PairResult, copy: Article, other: Article) -> bool:
    """Whether `other` may be a source of `copy`, from dates, else from the pair's evidence."""
    when_copy, when_other = copy.published, other.published
    if when_copy and when_other:
        return when_other < when_copy
    if not (r.passages or r.quote_passages):
        return False
    return r.source != copy.article_id


def sources_of(
    article_id: str,
    links: Sequence[PairResult],
    articles: Mapping[str, Article],
    config: OverlapConfig,
) -> list[PairResult]:
    """The compared pairs of an article whose partner may be its source, best first, at most
    `article_max_sources` (bounds the cost of a hub article in a large corpus)."""
    copy = articles[article_id]
    found = []
    for r in links:
        other = r.article_b if r.article_a == article_id else r.article_a
        if may_be_source(r, copy, articles[other]):
            found.append(r)
    found.sort(key=lambda r: (-r.score, r.article_a, r.article_b))
    return found[: config.article_max_sources]


# One article's step: (its id, its chosen sources' ids, their pairs, its peer pairs).
ReuseItem = tuple[str, tuple[str, ...], tuple[PairResult, ...], tuple[PairResult, ...]]


def reuse_items(
    results: Sequence[PairResult], articles: Mapping[str, Article], config: OverlapConfig
) -> list[ReuseItem]:
    """Each article (by id) with what `article_step` weighs it on."""
    links: dict[str, list[PairResult]] = {i: [] for i in articles}
    for r in results:
        links[r.article_a].append(r)
        links[r.article_b].append(r)
    items = []
    for article_id in sorted(articles):
        chosen = sources_of(article_id, links[article_id], articles, config)
        partners = [r.article_b if r.article_a == article_id else r.article_a for r in chosen]
        taken = {(r.article_a, r.article_b) for r in chosen}
        peers = [
            r for r in links[article_id] if r.passages and (r.article_a, r.article_b) not in taken
        ]
        peers.sort(key=lambda r: (-r.score, r.article_a, r.article_b))
        items.append(
            (
                article_id,
                tuple(partners),
                tuple(chosen),
                tuple(peers[: config.article_max_sources]),
            )
        )
    return items


def article_step(
    item: ReuseItem,
    prepared: Mapping[str, Prepared],
    config: OverlapConfig,
    judged: Judged | None = None,
) -> ArticleReuse:
    """One article's reuse of its possible sources together (pure: the step a runner maps;
    `prepared` holds the article and its sources). An article with one source whose pair was
    judged (`judged`, by `pair.compare`) reuses that pair's features: only the peers' and
    the tiling's are added."""
    article_id, partners, chosen, peers = item
    copy, sources = prepared[article_id], [prepared[p] for p in partners]
    known = judged.get((article_id, partners[0])) if judged and len(partners) == 1 else None
    values = reuse_features.reuse_features(
        copy, sources, chosen, config, peers, tiled=True, known=known
    )
    kind, probability, why = judge(values) if sources else ("independent", 1.0, "")
    used = [p for p, r in zip(partners, chosen, strict=True) if r.passages]
    return ArticleReuse(article_id, tuple(sorted(used)), values, kind, probability, why)


def needed(item: ReuseItem) -> tuple[str, ...]:
    """The articles an item's step weighs: the article, then its sources."""
    return (item[0], *item[1])


def _step_over(
    item: tuple[ReuseItem, tuple[Prepared, ...]], config: OverlapConfig
) -> ArticleReuse:
    reuse, articles = item
    return article_step(reuse, {p.article.article_id: p for p in articles}, config)


def article_reuse(
    results: Sequence[PairResult],
    prepared: dict[str, Prepared],
    config: OverlapConfig,
    each: runner.Each = runner.serial,
) -> list[ArticleReuse]:
    """Every prepared article's reuse of its possible sources together (by id; the
    per-article steps mapped by `each`, each with its own prepared articles)."""
    items = reuse_items(results, {i: p.article for i, p in prepared.items()}, config)
    return each(
        "overlap: article reuse",
        partial(_step_over, config=config),
        [(x, tuple(prepared[i] for i in needed(x))) for x in items],
    )


def article_reuse_frame(rows: Sequence[ArticleReuse]) -> pd.DataFrame:
    """article_reuse.csv rows: share covered by all sources together, which, verdict, why (made
    column by column: a dictionary per row cost more than the rounding)."""
    extra = [f for f in reuse_features.FEATURES if f not in ARTICLE_REUSE_COLUMNS]
    if not rows:
        return pd.DataFrame(columns=[*ARTICLE_REUSE_COLUMNS, *extra])

    def rounded(feature: str) -> list[float]:
        return [round(r.features[feature], 6) for r in rows]

    return pd.DataFrame(
        {
            "article_id": [r.article_id for r in rows],
            "covered_share": rounded("covered_share"),
            "sources": [" ".join(r.sources) for r in rows],
            "verdict": [r.verdict for r in rows],
            "probability": [round(r.probability, 4) for r in rows],
            "evidence": [r.evidence for r in rows],
            "verbatim_share": rounded("verbatim_share"),
            "rewritten_share": rounded("rewritten_share"),
            "containment_3": rounded("containment_3"),
            **{f: rounded(f) for f in extra},
        }
    )
