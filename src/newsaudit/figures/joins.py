"""Joining adjacent number spans into one figure: ranges ("between 12,000 and 15,000",
"8- to 16-meter", "two or three people"), a value and its uncertainty ("5 ± 0.3 kg"), a lower and
an upper bound ("more than 20 but fewer than 30") and an amount with its cents ("13 dollars and 45
cents"); and keeping apart what only looks like a range: a change told from one value to another
("rose from 5 to 7 per cent" is a before and an after value).
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from newsaudit.figures.numbers import parse, words_pattern
from newsaudit.figures.span import DATE_KINDS
from newsaudit.figures.words import WORDS

if TYPE_CHECKING:
    from newsaudit.figures.span import Span

# Hundredths of a currency, written after its whole units ("3 dollars 50 cents").
_CENTS = re.compile(r"\s+(?:and\s+)?(?P<n>[\w-]+(?:[\s-][a-z]+)?)\s+(?:cents?|pence)\b", re.I)
# ... or ending the clause after a currency word ("thirteen dollars forty five.").
# ("3 dollars a dozen." is a price per dozen: no "a" starts the cents)
_BARE_CENTS = re.compile(
    r"\s+(?:and\s+)?(?P<n>(?!an?\s)[\w-]+(?:[\s-][a-z]+)?)(?=\s*(?:[.,;:!?)]|$))"
)

# "rose from 5 to 7 per cent", "cut its forecast for growth from 2% to 1.5%", "an increase from
# $2m to $3m": a change word, at most six words before "from" within the clause, then the first
# value (a qualifier such as "about" may stand between "from" and the number).
_CHANGE = re.compile(
    rf"\b(?:{words_pattern(WORDS.change_words)})\b(?:[\s,]+[\w'’$£€%.-]+){{0,6}}?"
    r"\s+from\s+(?:(?:about|around|roughly|some|nearly|almost|just|an?\s+estimated)\s+)?$",
    re.IGNORECASE,
)
# "from 5 to 7 people were hurt": "from" opens the range and belongs to it (it is no baseline).
_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)
# Hours in one of each duration unit (a year of 365.25 days, a month a twelfth of it): ranges
# in two units ("four months to four years") and durations told in parts ("three years and three
# months") are read in one unit with it.
HOURS = {
    "seconds": 1 / 3600,
    "minutes": 1 / 60,
    "hours": 1.0,
    "days": 24.0,
    "weeks": 24.0 * 7,
    "months": 24.0 * 365.25 / 12,
    "years": 24.0 * 365.25,
}
# "two or three people", "five or six minutes", "10 or 20 times": one vague range of a few
# values, when the second is above the first and at most twice it.
_OR = re.compile(r"\s+or\s+")


def _shared_scale(s: Span, t: Span) -> Span:
    """The first end of a range written without the magnitude of the second: "between 2 and 3
    million" is 2 million to 3 million, "$5-10bn" 5 to 10 billion; never when the scaled first
    end would pass the second ("between 500 and 3 million" is 500 to 3 million)."""
    if (
        s.scale == 1.0 < t.scale
        and s.low == s.high
        and s.kind in ("count", "money")
        and 0 < s.low * t.scale <= t.low
    ):
        return replace(s, low=s.low * t.scale, high=s.high * t.scale, scale=t.scale)
    return s


def _change(text: str, s: Span, t: Span, gap: str) -> bool:
    """ "rose from 5 to 7 per cent": a before and an after value, never a range (years stay
    a range: "grew from 1990 to 2000" is a time)."""
    return (
        s.kind not in DATE_KINDS
        and t.kind not in DATE_KINDS
        and re.fullmatch(r"\s+to\s+", gap) is not None
        and _CHANGE.search(text, max(0, s.start - 80), s.start) is not None
    )


def _either(s: Span, t: Span, gap: str) -> bool:
    """ "two or three", "five or six minutes": two whole numbers, the second above the first
    and at most twice it, the first with no unit of its own."""
    return (
        _OR.fullmatch(gap) is not None
        and s.kind == "count"
        and s.unit == "count"
        and t.kind not in (*DATE_KINDS, "ordinal")
        and s.low == s.high
        and t.low == t.high
        and float(s.low).is_integer()
        and float(t.low).is_integer()
        and 0 < s.low < t.low <= 2 * s.low
        and s.scale == t.scale
    )


def _to_unit(s: Span, t: Span) -> Span | None:
    """The first end of a range of durations in the second's unit ("between four months and
    four years": 4 months = 1/3 year); None where the units do not convert."""
    if s.unit == t.unit or s.kind != t.kind:
        return s
    if s.kind == t.kind == "duration" and s.unit in HOURS and t.unit in HOURS:
        k = HOURS[s.unit] / HOURS[t.unit]
        return replace(s, low=s.low * k, high=s.high * k, unit=t.unit)
    return None


# "between the tenth and the fifteenth", "from the 3rd to the 5th": a range of ordinals, told
# with "between ... and" or "from ... to" ("the second and third" are two ranks).
_ORDINAL_OPEN = re.compile(r"\b(between|from)\s+the\s+$", re.IGNORECASE)
_ORDINAL_GAP = {
    "between": re.compile(r"\s+and\s+(?:the\s+)?"),
    "from": re.compile(r"\s+to\s+(?:the\s+)?"),
}


def ordinal_pair(text: str, s: Span, start: int) -> int | None:
    """Where "between" or "from" opens a range of ordinals whose first end is `s` and whose
    second starts at `start` ("between the tenth and the fifteenth"); None when it is none."""
    opened = _ORDINAL_OPEN.search(text, max(0, s.start - 13), s.start)
    if opened is None or not _ORDINAL_GAP[opened.group(1).lower()].fullmatch(text, s.end, start):
        return None
    return opened.start()


def ranges(text: str, spans: list[Span]) -> list[Span]:
    """'between 12,000 and 15,000', '12,000-15,000', '12,000 to 15,000' become one span; so do
    "two or three" (vague); "rose from 5 to 7 per cent" stays two values, the first given the
    second's unit."""
    spans = sorted(spans, key=lambda s: s.start)
    out: list[Span] = []
    i = 0
    while i < len(spans):
        s = spans[i]
        if i + 1 < len(spans):
            t = spans[i + 1]
            gap = text[s.end : t.start]
            # "between the tenth and the fifteenth": a range of ranks
            opened_at = ordinal_pair(text, s, t.start) if s.kind == t.kind == "ordinal" else None
            if opened_at is not None and s.low < t.low:
                out.append(replace(t, start=opened_at, low=s.low, high=t.high))
                i += 2
                continue
            between = re.search(r"\bbetween\s+$", text[max(0, s.start - 9) : s.start], re.I)
            if re.fullmatch(r"\s*(?:±|\+/-|\+-)\s*", gap) and s.low == s.high and t.low == t.high:
                # "5 ± 0.3 kg": a value and its uncertainty, one interval around the value
                kind, unit = (t.kind, t.unit) if s.kind == "count" else (s.kind, s.unit)
                low, high = s.low - abs(t.low), s.high + abs(t.low)
                out.append(replace(t, start=s.start, low=low, high=high, kind=kind, unit=unit))
                i += 2
                continue
            # "8- to 16-meter", "a 10- to 15-minute walk": a hyphen suspended before "to";
            # "10-to-15 people", "a five-to-seven-year term": "to" hyphenated in a compound
            joined = re.fullmatch(r"\s*(?:-|–|—|~|(?:-\s+)?(?:to|through))\s*|-to-", gap) or (
                between and re.fullmatch(r"\s+and\s+", gap)
            )
            if _change(text, s, t, gap):
                if s.kind == "count" and s.unit == "count" and t.kind != "count":
                    s = _shared_scale(s, t)  # "from 2 to 3 million": 2 million
                    s = replace(s, kind=t.kind, unit=t.unit)
                elif s.kind == t.kind == "count":
                    s = _shared_scale(s, t)
                out.append(s)
                i += 1
                continue
            if _either(s, t, gap):
                s = _shared_scale(s, t)
                out.append(replace(t, start=s.start, low=s.low, high=t.high, vague=True))
                i += 2
                continue
            # "$2-3bn": the currency written once, before the first end
            same = (
                s.kind == t.kind
                or (s.kind == "count" and t.kind != "count")
                or (s.kind == "money" and t.kind == "count" and t.unit == "count")
            )
            # "from -18 to -34 degrees" runs downwards and is still a range
            ordered = s.low <= t.high or (s.high < 0 and t.high < 0)
            if joined and same and s.kind not in ("date", "ordinal"):
                s = _shared_scale(s, t)
                converted = _to_unit(s, t)
                same, s = converted is not None, converted or s
                ordered = s.low <= t.high or (s.high < 0 and t.high < 0)
            if joined and same and ordered and s.kind not in ("date", "ordinal"):
                opened = between or (
                    _FROM.search(text, max(0, s.start - 9), s.start)
                    if t.kind not in DATE_KINDS  # "from 1965 to 1970" keeps its date relation
                    else None
                )
                start = s.start - len(opened.group(0)) if opened else s.start
                kind, unit = (t.kind, t.unit) if s.kind == "count" else (s.kind, s.unit)
                low, high = min(s.low, t.low), max(s.high, t.high)
                out.append(replace(t, start=start, low=low, high=high, kind=kind, unit=unit))
                i += 2
                continue
        out.append(s)
        i += 1
    return out


def bounds(text: str, spans: list[Span]) -> list[Span]:
    """A lower and an upper bound of one quantity joined by "and"/"but" become one interval:
    "more than 20 but fewer than 30 people" = [20, 30], "at most 100 and at least 20"."""
    out: list[Span] = []
    for s in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.qualifier
            and s.qualifier
            and prev.kind == s.kind
            and prev.unit == s.unit
            and re.fullmatch(r"\s*,?\s*(?:and|but)\s+", text[prev.end : s.start])
        ):
            low_of = [x for x in (prev, s) if math.isinf(x.high)]
            high_of = [x for x in (prev, s) if not math.isinf(x.high) and x.low <= 0]
            if len(low_of) == 1 and len(high_of) == 1 and low_of[0].low < high_of[0].high:
                out[-1] = replace(
                    prev,
                    end=s.end,
                    low=low_of[0].low,
                    high=high_of[0].high,
                    qualifier=f"{prev.qualifier} and {s.qualifier}",
                )
                continue
        out.append(s)
    return out


def cents(text: str, spans: list[Span]) -> list[Span]:
    """An amount in a currency word followed by its cents is one amount: "3 dollars 50 cents" =
    3.50, "thirteen dollars and forty-five cents" = 13.45, "15 dollars 50." = 15.50 (the cents
    end the clause; "20 dollars 30 years ago" is two figures)."""
    out: list[Span] = []
    skip = -1
    for i, s in enumerate(spans):
        if i == skip:
            continue
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        m = _CENTS.match(text, s.end) if s.kind == "money" and s.low == s.high else None
        if m is None and s.kind == "money" and s.low == s.high < 1e4 and text[s.end - 1].isalpha():
            m = _BARE_CENTS.match(text, s.end)
        if m and nxt is not None and nxt.start == m.start("n") and nxt.end <= m.end():
            number = parse(m.group("n"))
            if number is not None and 0 < number.value < 100 and number.value.is_integer():
                value = s.low + number.value / 100
                out.append(replace(s, end=m.end(), low=value, high=value))
                skip = i + 1
                continue
        out.append(s)
    return out


# Between the parts of one duration: "and", a comma, or both ("3 years, 2 months, and 14 days").
_PART_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
# ... and never a part that is an amount of something ("over 2 days, 30 minutes of footage").
_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)


def durations(text: str, spans: list[Span]) -> list[Span]:
    """Durations in ever smaller units, joined by "and" or commas, are one duration in the
    first (largest) unit: "jailed for three years and three months" = 3.25 years, "four hours
    and 50 minutes" = 4.83 hours, "22 hours, 15 minutes" = 22.25 hours; each part below one
    of the unit before it (news tells one sentence, one wait or one record so; quantulum3
    labels "twenty-one years and six months" as two values). Two of one unit, a larger unit
    after a smaller one, or a part with "of" after it stay apart."""
    out: list[Span] = []
    last = ""  # the unit of the last part joined into out[-1]
    for s in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == s.kind == "duration"
            and prev.low == prev.high
            and s.low == s.high
            and last in HOURS
            and s.unit in HOURS
            and 0 < s.low * HOURS[s.unit] < HOURS[last]
            and not (prev.vague or s.vague or prev.hyphen or s.hyphen)
            and _PART_GAP.fullmatch(text, prev.end, s.start)
            and not _OF_AFTER.match(text, s.end)
        ):
            value = prev.low + s.low * HOURS[s.unit] / HOURS[prev.unit]
            out[-1] = replace(prev, end=s.end, low=value, high=value)
            last = s.unit
            continue
        out.append(s)
        last = s.unit if s.kind == "duration" else ""
    return out


# The number and the unit of a figure written as digits and a unit ("10km", "2 hours", "30C").
_NUMBER_UNIT = re.compile(r"(?P<n>\d[\d,]*(?:\.\d+)?)(?P<u>\s?[^\d\s-][^\d]*)")


def unit_ranges(text: str, spans: list[Span]) -> list[Span]:
    """A figure with its unit, a dash and a larger number with the same unit written again is
    one range: "10km-15km", "30C-35C", "5m-10m people", "2 hours-3 hours" (the second number
    after a letter and a dash is otherwise read as a name, "MX-5")."""
    out: list[Span] = []
    skip_to = -1
    for s in spans:
        if s.start < skip_to:
            continue
        written = _NUMBER_UNIT.fullmatch(text, s.start, s.end)
        nxt = None
        if written and s.low == s.high and not s.qualifier and s.kind not in DATE_KINDS:
            unit = re.escape(written.group("u"))
            nxt = re.compile(rf"[-–](?P<n>\d[\d,]*(?:\.\d+)?){unit}(?![\w])").match(text, s.end)
        if nxt:
            first = float(written.group("n").replace(",", ""))
            second = float(nxt.group("n").replace(",", ""))
            if first > 0 and second > first:
                high = s.low * second / first
                out.append(replace(s, end=nxt.end(), high=high))
                skip_to = nxt.end()
                continue
        out.append(s)
    return out
