"""One pair: aligned passages, containment each way, verdict and (for reuse) direction."""

from __future__ import annotations

import dataclasses

import numpy as np

from newsaudit.config import OverlapConfig
from newsaudit.overlap import alignment
from newsaudit.overlap.alignment import Passage
from newsaudit.overlap.direction import direction, likelier_copy
from newsaudit.overlap.features import containment, reuse_features, short_ranges
from newsaudit.overlap.records import PairResult, Prepared
from newsaudit.overlap.verdict import directed, judge, verdict


def _inside_share(mask: np.ndarray, rng: tuple[int, int]) -> float:
    seg = mask[rng[0] : rng[1]]
    return float(seg.mean()) if len(seg) else 0.0


def _is_quote_passage(p: Passage, a: Prepared, b: Prepared, config: OverlapConfig) -> bool:
    """Inside quotation marks in both articles: a quote reused, not the article."""
    share = config.quote_passage_share
    return (
        _inside_share(a.quote_mask, p.tok_a) >= share
        and _inside_share(b.quote_mask, p.tok_b) >= share
    )


def align_pair(
    a: Prepared, b: Prepared, idf: dict[str, float], default_idf: float, config: OverlapConfig
) -> tuple[list[Passage], list[Passage], float]:
    """(article passages, shared-quote passages, order coherence) for one pair."""
    verb = alignment.verbatim(a.toks, b.toks, config, a.seeds, b.seeds)
    rewr, found = alignment.rewritten(a.view, b.view, a.toks, b.toks, idf, default_idf, config)
    covered = np.zeros(len(a.toks), dtype=bool)
    for p in verb:
        covered[p.tok_a[0] : p.tok_a[1]] = True
    kept = list(verb)
    for p in rewr:  # a sentence already inside a verbatim passage is not counted twice
        if _inside_share(covered, p.tok_a) < 0.5:
            kept.append(p)
    article_passages, quote_passages = [], []
    for p in sorted(kept, key=lambda p: (p.tok_a, p.tok_b)):
        (quote_passages if _is_quote_passage(p, a, b, config) else article_passages).append(p)
    return article_passages, quote_passages, found.coherence


def compare(
    a: Prepared, b: Prepared, idf: dict[str, float], default_idf: float, config: OverlapConfig
) -> PairResult:
    """Passages, containments, verdict and (for reusing pairs) direction of one pair."""
    passages, quote_passages, coherence = align_pair(a, b, idf, default_idf, config)
    c_a = containment(
        len(a.toks),
        [p.tok_a for p in passages],
        [p.tok_a for p in quote_passages],
        short_ranges(a, config),
    )
    c_b = containment(
        len(b.toks),
        [p.tok_b for p in passages],
        [p.tok_b for p in quote_passages],
        short_ranges(b, config),
    )
    result = PairResult(
        a.article.article_id,
        b.article.article_id,
        round(c_a, 6),
        round(c_b, 6),
        tuple(passages),
        tuple(quote_passages),
        round(coherence, 6),
        verdict(max(c_a, c_b), config),
        words_a=len(a.toks),
        words_b=len(b.toks),
    )
    if result.verdict == "independent":
        return result
    judged = (
        judge(reuse_features(a, [b], [result], config)),
        judge(reuse_features(b, [a], [result], config)),
    )
    source, derived, confidence, evidence = direction(a, b, passages, config, (c_a, c_b))
    return directed(
        dataclasses.replace(
            result,
            judged=judged,
            source=source,
            derived=derived,
            confidence=confidence,
            evidence=evidence,
        ),
        derived or likelier_copy(a.article.article_id, b.article.article_id, evidence),
        config,
    )
