"""Dates and years in text: "June 30th", "5 March 2024", "Aug. 14" (a yearless date takes the
year around publication), ranges of months ("between June and August 2014": one interval from
June 1 to August 31, not the month that ends it), decades ("the 1990s"), seasons ("2013-14"),
numeric and ISO dates, and relative years ("last year", resolved against the publication date).

Called by `figures.extract.spans` with its compiled patterns (`pats`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from functools import cache

from newsaudit.config import MONTHS, FiguresConfig
from newsaudit.figures.span import Span
from newsaudit.figures.words import WORDS

MONTH_NUM = {
    **{m: i for i, m in enumerate(MONTHS, start=1)},
    **{m: int(n) for m, n in WORDS.month_abbreviations.items()},
}


@cache
def _month_range() -> re.Pattern[str]:
    """A range of months ending with its year, the first month written without one: "between
    June and August 2014", "from May to July 2016", "June-August 2014". "and" joins two ends
    only after "between": "in May and June 2016" names two months."""
    mon = "|".join(re.escape(m) for m in sorted(MONTH_NUM, key=len, reverse=True))
    return re.compile(
        rf"(?:\b(?P<between>[Bb]etween)\s+)?\b(?P<a>{mon})\.?"
        r"(?(between)\s+and\s+|(?:\s*[-–—]\s*|\s+(?:to|through|until|till)\s+))"
        rf"(?P<b>{mon})\.?,?\s+(?P<yb>\d{{4}})\b"
    )


def month_range_spans(text: str) -> list[Span]:
    """Ranges of months told with one year as one date interval, from the first day of the first
    month to the last day of the second ("between June and August 2014": 20140601-20140831): read
    as its last month ("August 2014") it would meet every other date of that month. The first
    month takes the year written after the second, the one before when the range runs across
    the new year ("December to February 2016": December 2015). A range whose ends each write
    their year ("between September 2016 and July 2017") is two dates, the start and the end of
    a period, each often told alone elsewhere ("first messaged in September 2016")."""
    spans = []
    for m in _month_range().finditer(text):
        ma, mb = MONTH_NUM[m.group("a")], MONTH_NUM[m.group("b")]
        yb = int(m.group("yb"))
        ya = yb - (ma > mb)
        if ma == mb:
            continue
        last = calendar.monthrange(yb, mb)[1]
        low, high = ya * 10000 + ma * 100 + 1, yb * 10000 + mb * 100 + last
        spans.append(Span(m.start("a"), m.end(), low, high, "date", "date"))
    return spans


def _ahead(text: str, at: int, pats) -> bool:
    """Does the sentence before position `at` speak of the future ("will", "next")?"""
    start = max(text.rfind(".", 0, at - 1), text.rfind("\n", 0, at), text.rfind("!", 0, at))
    return bool(pats["future"].search(text, start + 1, at))


def _year_after(text: str, end: int, published: dt.date, pats) -> int | None:
    """The year a relative year written right after a yearless date gives it ("on 10 January
    last year", "on May 5 this year"), resolved against publication; None when none follows."""
    at = end
    while at < len(text) and text[at] in " ,":
        at += 1
    rel = pats["relative"].match(text, at) if at > end else None
    if not (rel and rel.group("rel")):
        return None
    return published.year + WORDS.relative_years[" ".join(rel.group("rel").lower().split())]


def _year_of(month: int, day: int, published: dt.date, ahead: bool, soon_days: int) -> int:
    """The year of a yearless date: the next such date on or after publication when the
    sentence speaks of the future or the date comes within `soon_days` after it, else the last
    such date on or before it (news reports what happened)."""
    after = published.year + ((month, day) < (published.month, published.day))
    try:
        soon = (dt.date(after, month, day) - published).days <= soon_days
    except ValueError:  # Feb. 29 of a common year
        soon = False
    if ahead or soon:
        return after
    return published.year - ((month, day) > (published.month, published.day))


def date_spans(text: str, published: dt.date | None, config: FiguresConfig, pats) -> list[Span]:
    spans: list[Span] = month_range_spans(text)
    ranges = [(r.start, r.end) for r in spans]
    for m in pats["date"].finditer(text):
        if any(a < m.end() and m.start() < b for a, b in ranges):
            continue
        month = MONTH_NUM[(m.group("m1") or m.group("m2") or m.group("m3")).rstrip(".")]
        day = m.group("d1") or m.group("d2")
        year = m.group("y1") or m.group("y2") or m.group("y3")
        if m.group("m1") == "May" and not year and not day:
            continue
        if day and not 1 <= int(day) <= 31:
            continue
        if year is None and published is not None:
            ahead = _ahead(text, m.start(), pats)
            year = str(
                _year_after(text, m.end(), published, pats)
                or _year_of(month, int(day or 1), published, ahead, config.yearless_ahead_days)
            )
        if day and year:
            value = int(year) * 10000 + month * 100 + int(day)
            spans.append(Span(m.start(), m.end(), value, value, "date", "date"))
        elif day:
            value = month * 100 + int(day)
            spans.append(Span(m.start(), m.end(), value, value, "date", "month-day"))
        else:
            base = int(year) * 10000 + month * 100
            spans.append(Span(m.start(), m.end(), base + 1, base + 31, "date", "date"))
    for m in pats["decade_years"].finditer(text):
        base = int(m.group(0)[:4])
        spans.append(Span(m.start(), m.end(), base, base + 9, "year", "year"))
    for m in pats["season"].finditer(text):
        year = int(m.group(1))
        if (year + 1) % 100 == int(m.group(2)):  # "2013-14": a season or fiscal year
            spans.append(Span(m.start(), m.end(), year, year + 1, "year", "year"))
    for m in pats["numeric_date"].finditer(text):
        a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        readings = [
            year * 10000 + month * 100 + day
            for month, day in {(a, b), (b, a)}
            if 1 <= month <= 12 and 1 <= day <= 31
        ]
        if readings:  # "5/6/2018" is May 6 in the US and 5 June elsewhere: both are kept
            spans.append(Span(m.start(), m.end(), min(readings), max(readings), "date", "date"))
    for m in pats["iso"].finditer(text):
        year, month = int(m.group(1)), int(m.group(2))
        if m.group(3):  # "2019-03-14"
            value = year * 10000 + month * 100 + int(m.group(3))
            spans.append(Span(m.start(), m.end(), value, value, "date", "date"))
        elif (year + 1) % 100 != month:  # "1995-01" (but "2000-01" is a season)
            base = year * 10000 + month * 100
            spans.append(Span(m.start(), m.end(), base + 1, base + 31, "date", "date"))
    return spans


def relative_spans(
    text: str, published: dt.date | None, config: FiguresConfig, pats, years: list[Span]
) -> list[Span]:
    spans = []
    for m in pats["relative"].finditer(text):
        if m.group("rel"):
            offset = WORDS.relative_years[" ".join(m.group("rel").lower().split())]
            if published is not None:
                year = published.year + offset
                spans.append(Span(m.start(), m.end(), year, year, "year", "year", "relative"))
            else:
                spans.append(
                    Span(m.start(), m.end(), -math.inf, math.inf, "year", "year", "unresolved")
                )
        else:
            before = [s for s in years if s.end <= m.start() and s.kind == "year"]
            if before and before[-1].low == before[-1].high:
                y = before[-1].low
                spans.append(Span(m.start(), m.end(), y, y, "year", "year", "anaphora"))
    return spans
