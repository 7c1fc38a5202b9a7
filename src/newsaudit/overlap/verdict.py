"""Verdicts: how much of the copy of a pair comes from its source."""

from __future__ import annotations

from newsaudit.config import OverlapConfig
from newsaudit.overlap.records import PairResult


def verdict(score: float, config: OverlapConfig) -> str:
    """derived / partial / independent from the pair score, with thresholds from config."""
    if score >= config.derived_min_score:
        return "derived"
    if score >= config.partial_min_score:
        return "partial"
    return "independent"


def directed_verdict(r: PairResult, derived: str, config: OverlapConfig) -> str:
    """The verdict is how much of the copy comes from its source (the shorter article is
    taken for the copy when the direction is unknown).

    A short source wholly inside a long article makes the long one partly derived, not derived
    (METER's "partially derived"); a pair that reuses anything stays at least partial.
    """
    if r.verdict == "independent":
        return r.verdict
    if not derived:  # unknown direction: copies usually condense, so judge the shorter one
        derived = r.article_a if r.words_a < r.words_b else r.article_b
        if r.words_a == r.words_b:
            return r.verdict
    share = r.containment_a_in_b if derived == r.article_a else r.containment_b_in_a
    return "derived" if share >= config.derived_min_score else "partial"


# ---------------------------------------------------------------------------------------------
