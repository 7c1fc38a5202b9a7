"""One pair: aligned passages, containment each way, verdict and (for reuse) direction."""

from __future__ import annotations

import dataclasses

import numpy as np

from newsaudit.config import OverlapConfig
from newsaudit.overlap import alignment
from newsaudit.overlap.alignment import Idf, Passage
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
    a: Prepared, b: Prepared, idf: Idf, default_idf: float, config: OverlapConfig
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


# (copy id, source id) -> the reuse features of a judged pair with that copy (`compare`), kept
# by a group step so that weighing the copy against that one source reuses them.
Judged = dict[tuple[str, str], dict[str, float]]


def compare(
    a: Prepared,
    b: Prepared,
    idf: Idf,
    default_idf: float,
    config: OverlapConfig,
    judged: Judged | None = None,
) -> PairResult:
    """Passages, containments, verdict and (for reusing pairs) direction of one pair; the
    reuse features it judged each side on go into `judged` when given."""
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
    id_a, id_b = a.article.article_id, b.article.article_id
    as_copy = (reuse_features(a, [b], [result], config), reuse_features(b, [a], [result], config))
    if judged is not None:
        judged[id_a, id_b], judged[id_b, id_a] = as_copy
    source, derived, confidence, evidence = direction(a, b, passages, config, (c_a, c_b))
    return directed(
        dataclasses.replace(
            result,
            judged=(judge(as_copy[0]), judge(as_copy[1])),
            source=source,
            derived=derived,
            confidence=confidence,
            evidence=evidence,
        ),
        derived or likelier_copy(id_a, id_b, evidence),
        config,
    )
