"""Intervals of figures: how two relate, how far apart they are, the rounding they allow.

A year and a date of a year meet at the year (`at_one_precision`): "June 2016" gives the year
2016 that "in 2016" gives, "June 2017" another.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import replace
from functools import cache

from newsaudit.figures.figure import Figure
from newsaudit.figures.words import WORDS

DATED = 10_000_000  # dates are yyyymmdd numbers (20160601), years their year (2016)


def fractional_year(v: float) -> float:
    """A year or a yyyymmdd date as fractional years (20110115: 2011.04; 2016 stays 2016), so
    years and dates can be measured and drawn on one scale; an infinite bound as it is."""
    if not math.isfinite(v) or v < DATED:
        return v
    n = int(v)
    return n // 10_000 + (n // 100 % 100 - 1) / 12 + (n % 100 - 1) / 365


def as_date(v: float) -> dt.date | None:
    """The calendar day of a yyyymmdd date number (20150831: 2015-08-31); None for a bound
    that is infinite or not a date."""
    if not math.isfinite(v) or v < DATED:
        return None
    n = int(v)
    try:
        return dt.date(n // 10_000, max(1, n // 100 % 100), max(1, n % 100))
    except ValueError:
        return None


def _as_year(f: Figure) -> Figure:
    """A date's interval at the precision of a year: June 2016 is 2016."""
    return replace(f, low=float(int(f.low) // 10_000), high=float(int(f.high) // 10_000))


def at_one_precision(a: Figure, b: Figure) -> tuple[Figure, Figure]:
    """The two figures at the precision both write: a date (a day or a month of a year) met with
    a bare year is read at its year ("June 2016" and "in 2016" give one year; "June 2017" and
    "in 2016" two); two days that write no year ("November 27" in both) are read at their month
    and day, since the year of each was guessed from its article's date and tense. Other pairs
    as they are."""
    if a.kind == "year" and _dated(b) and math.isfinite(a.low):
        return a, _as_year(b)
    if b.kind == "year" and _dated(a) and math.isfinite(b.low):
        return _as_year(a), b
    if _yearless_day(a) and _yearless_day(b) and int(a.low) // 10_000 != int(b.low) // 10_000:
        day = float(int(a.low) // 10_000 * 10_000 + int(b.low) % 10_000)
        return a, replace(b, low=day, high=day)
    return a, b


# A year written in a date's text: four digits ("2016") or an apostrophe and two ("'16").
_WRITTEN_YEAR = re.compile(r"\d{4}|['’]\d{2}\b")


def _yearless_day(f: Figure) -> bool:
    """A single day whose text writes no year ("November 27", "Aug. 14"): its year is a guess."""
    return _dated(f) and f.low == f.high and not _WRITTEN_YEAR.search(f.text)


def _dated(f: Figure) -> bool:
    return f.unit == "date" and math.isfinite(f.low) and math.isfinite(f.high) and f.low >= DATED


def relation(a: Figure, b: Figure, eps: float = 1e-9) -> str:
    """'identical', 'overlap' or 'disjoint' for two closed intervals, each widened by the
    rounding its written precision implies (`written_bounds`); a date against a year at the
    year (`at_one_precision`)."""
    a, b = at_one_precision(a, b)
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
    overlap. 14,000 vs 13,000 -> (1000, 0.071); [300, inf) vs [153, 187] -> (113, 0.377). A
    date against a year at the year (`at_one_precision`)."""
    a, b = at_one_precision(a, b)
    if a.low > b.high:
        a, b = b, a
    if b.low <= a.high:
        return 0.0, 0.0
    diff = b.low - a.high
    scale = max(abs(a.high), abs(b.low))
    return diff, (diff / scale if scale else math.inf)
