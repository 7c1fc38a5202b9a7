"""Intervals of figures: how two relate, how far apart they are, the rounding they allow."""

from __future__ import annotations

import math
import re
from functools import cache

from newsaudit.figures.figure import Figure
from newsaudit.figures.words import WORDS


def relation(a: Figure, b: Figure, eps: float = 1e-9) -> str:
    """'identical', 'overlap' or 'disjoint' for two closed intervals, each widened by the
    rounding its written precision implies (`written_bounds`)."""
    if abs(a.low - b.low) <= eps and abs(a.high - b.high) <= eps:
        return "identical"
    alo, ahi = written_bounds(a.text, a.low, a.high)
    blo, bhi = written_bounds(b.text, b.low, b.high)
    if alo <= bhi + eps and blo <= ahi + eps:
        return "overlap"
    return "disjoint"


@cache
def _scaled_decimal() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(WORDS.scale_words, key=len, reverse=True))
    suffixes = "|".join(re.escape(w) for w in sorted(WORDS.scale_suffixes, key=len, reverse=True))
    return re.compile(rf"(\d+)\.(\d+)(?:\s*-?(?i:{words})\b|(?:{suffixes})\b)")


def written_bounds(text: str, low: float, high: float) -> tuple[float, float]:
    """The interval a figure asserts once the rounding of its written precision is allowed
    for: a decimal with a scale word is rounded to its last written digit ("$1.1 million" is
    [1.05, 1.15] million, so "$1,071,872.87" is the same amount; "$5.7 billion" and "$6.2
    billion" still disagree); every other figure as read (round numbers are exact:
    `FiguresConfig.round_tolerance`)."""
    m = _scaled_decimal().search(text)
    if low != high or not m or not math.isfinite(low):
        return low, high
    half = low / float(f"{m.group(1)}.{m.group(2)}") * 10 ** -len(m.group(2)) / 2
    return low - abs(half), high + abs(half)


def gap(a: Figure, b: Figure) -> tuple[float, float]:
    """(absolute gap, gap relative to the larger near bound) between two intervals; 0 if they
    overlap. 14,000 vs 13,000 -> (1000, 0.071); [300, inf) vs [153, 187] -> (113, 0.377)."""
    if a.low > b.high:
        a, b = b, a
    if b.low <= a.high:
        return 0.0, 0.0
    diff = b.low - a.high
    scale = max(abs(a.high), abs(b.low))
    return diff, (diff / scale if scale else math.inf)
