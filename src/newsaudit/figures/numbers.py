"""Numbers as news writes them: digits with separators, spelled numbers, magnitudes, vague amounts.

Pure parsing of one number expression (already located by `figures.extract`) into a (low,
high) pair; the word lists come from `FiguresConfig`: other languages or house styles are data.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from newsaudit.config import FiguresConfig
from newsaudit.figures.words import WORDS

_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def words_pattern(words: Iterable[str]) -> str:
    """Regex alternation of words/phrases, longest first so "tens of thousands" beats "tens"."""
    items = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


def parse_digits(text: str, config: FiguresConfig) -> float | None:
    """'14,000' -> 14000.0, '1.2 million' -> 1.2e6, '3.5bn' -> 3.5e9; None when not a number."""
    match = _DIGITS.search(text)
    if not match:
        return None
    value = float(match.group(0).replace(",", ""))
    rest = text[match.end() :].strip().lower()
    if rest:
        scale = WORDS.scale_words.get(rest) or WORDS.scale_suffixes.get(rest)
        if scale is None:
            return None
        value *= scale
    return value


def parse_words(text: str, config: FiguresConfig) -> float | None:
    """Spelled cardinal: 'ten' -> 10, 'two hundred and fifty' -> 250, 'a dozen' -> 12."""
    tokens = [t for t in re.split(r"[\s-]+", text.lower().strip()) if t and t != "and"]
    if not tokens:
        return None
    total, current, seen = 0.0, 0.0, False
    if tokens[0] == "half" and len(tokens) >= 2 and tokens[1] in ("a", "an"):
        current, tokens, seen = 0.5, tokens[2:], True
    elif tokens[0] in ("a", "an"):
        current, tokens, seen = 1.0, tokens[1:], True
    for token in tokens:
        if token in WORDS.number_words:
            current += WORDS.number_words[token]
        elif token == "dozen":
            current = (current or 1.0) * 12
        elif token == "hundred":
            current = (current or 1.0) * 100
        elif token in WORDS.scale_words:
            total += (current or 1.0) * WORDS.scale_words[token]
            current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(text: str, config: FiguresConfig) -> tuple[float, float] | None:
    """(low, high) of a bare number expression: exact numbers give low == high; vague amounts
    ("thousands", "several hundred") give the band set in `WORDS.vague_amounts`."""
    key = " ".join(text.lower().split())
    if key in WORDS.vague_amounts:
        low, high = WORDS.vague_amounts[key]
        return float(low), float(high)
    value = parse_digits(text, config) if re.search(r"\d", text) else parse_words(text, config)
    if value is None or math.isnan(value):
        return None
    return value, value


def apply_qualifier(
    low: float, high: float, kind: str, config: FiguresConfig, floor: float = 0.0
) -> tuple[float, float]:
    """Bounds asserted by a qualifier kind (gt, ge, lt, le, nearly, approx) on [low, high].

    Bounds are closed: "more than 500" is [500, inf) so that it is compatible with "500".
    """
    if kind in ("gt", "ge"):
        return low, math.inf
    if kind in ("lt", "le"):
        return min(floor, high), high
    if kind == "nearly":
        return low * (1 - config.nearly_tolerance), high
    if kind == "approx":
        return low * (1 - config.approx_tolerance), high * (1 + config.approx_tolerance)
    return low, high
