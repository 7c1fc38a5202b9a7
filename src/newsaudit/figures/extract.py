"""Finding figure spans in text: digits and spelled numbers with their unit, dates, decades,
relative years ("last year"), ranges ("between 12,000 and 15,000") and qualifiers ("more than").

`spans` is a pure function of one text (and its publication date for relative years); what each
span measures is read afterwards by `figures.measures`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, replace

from newsaudit.config import MONTHS, FiguresConfig
from newsaudit.figures.numbers import apply_qualifier, parse_number, words_pattern
from newsaudit.figures.words import WORDS

DATE_KINDS = ("year", "date")
_MONTHS = "|".join(MONTHS)
_MONTH_NUM = {m: i for i, m in enumerate(MONTHS, start=1)}


@dataclass(frozen=True)
class Span:
    """A number expression found in text: char span, asserted interval, kind and unit."""

    start: int
    end: int
    low: float
    high: float
    kind: str
    unit: str
    qualifier: str = ""
    vague: bool = False
    relation: str = ""
    hyphen: str = ""  # compound suffix written with the number: "strong", "long", "magnitude"


def _patterns(config: FiguresConfig) -> dict[str, re.Pattern[str]]:
    number_words = [*WORDS.number_words, "hundred", "dozen", *WORDS.scale_words]
    nw = words_pattern(number_words)
    scale = words_pattern([*WORDS.scale_words, "hundred"])
    suffix = words_pattern(WORDS.scale_suffixes)
    vague = words_pattern(WORDS.vague_amounts)
    digits = (
        r"(?<![\w/.,])(?<![A-Za-z]-)(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d/]|[.,]\d)"
        rf"(?:\s+(?:{scale})\b|(?:{suffix})\b|(?![A-Za-z]))"
    )
    words = (
        rf"\b(?:(?:half\s+)?an?\s+(?=(?:hundred|dozen|{scale})\b))?(?:{nw})"
        rf"(?:(?:\s+and\s+|[\s-]+)(?:{nw}))*\b"
    )
    units = words_pattern(WORDS.duration_units)
    currency_words = words_pattern(WORDS.currency_words)
    percent = words_pattern(WORDS.percent_words)
    physical = words_pattern(WORDS.physical_units)
    ordinals = words_pattern(WORDS.ordinal_words)
    months = _MONTHS
    return {
        "atom": re.compile(
            rf"(?P<vague>\b(?:{vague})\b)|(?P<decade>\b(?:a\s+|one\s+)?decades?\b)"
            rf"|(?P<digits>{digits})|(?P<words>{words})",
            re.IGNORECASE,
        ),
        "unit": re.compile(
            rf"^(?:(?P<pct>\s?(?:{percent})(?![A-Za-z]))|[\s-](?P<dur>{units})\b(?P<old>-old)?"
            rf"(?P<long>-long)?|-(?P<hyph>[a-z]+)\b|\s+(?P<curw>{currency_words})\b"
            rf"|\s?(?P<phys>{physical})(?![\w/]))",
            re.IGNORECASE,
        ),
        "qual": re.compile(rf"\b(?:{words_pattern(WORDS.qualifiers)})\s+$", re.IGNORECASE),
        "currency": re.compile(
            rf"(?:{words_pattern(WORDS.currency_symbols)})\s?$",
        ),
        "ordinal": re.compile(
            rf"(?<![\w/])(?P<n>\d+)(?:st|nd|rd|th)\b|\b(?P<w>{ordinals})\b", re.IGNORECASE
        ),
        "date": re.compile(
            rf"\b(?P<m1>{months})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>\d{{4}})\b)?"
            rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{months})\b"
            rf"(?:,?\s+(?P<y2>\d{{4}})\b)?"
            rf"|\b(?P<m3>{months})(?:\s+of)?\s+(?P<y3>\d{{4}})\b"
        ),
        "decade_years": re.compile(r"(?<![\w$])(?:1[5-9]|20)\d0s\b"),
        "relative": re.compile(
            rf"\b(?P<rel>{words_pattern(WORDS.relative_years)})(?:['’]s)?\b"
            rf"|\b(?P<ana>{words_pattern(WORDS.anaphoric_years)})\b",
            re.IGNORECASE,
        ),
    }


def _relation(text: str, start: int, config: FiguresConfig) -> str:
    before = text[max(0, start - 20) : start].lower()
    match = re.search(rf"\b({words_pattern(WORDS.date_relations)})\s+(?:the\s+)?$", before)
    return WORDS.date_relations[" ".join(match.group(1).split())] if match else ""


def _is_baseline(text: str, start: int, config: FiguresConfig) -> bool:
    """Whether a number is the earlier or reference value of a change or comparison ("rose to
    5.4% from 5.1%", "down from a peak of 1,300", "fewer than the 24,000 added"): it is then
    keyed apart, never compared with the current value another article gives."""
    before = text[max(0, start - 40) : start].lower()
    markers = words_pattern(WORDS.baseline_markers)
    nouns = words_pattern(WORDS.baseline_nouns)
    return bool(
        re.search(
            rf"\b(?:{markers})\s+(?:(?:a|an|the|its|their)\s+)?(?:(?:{nouns})\s+of\s+)?$",
            before,
        )
    )


def _date_spans(text: str, published: dt.date | None, config: FiguresConfig, pats) -> list[Span]:
    spans: list[Span] = []
    for m in pats["date"].finditer(text):
        month = _MONTH_NUM[m.group("m1") or m.group("m2") or m.group("m3")]
        day = m.group("d1") or m.group("d2")
        year = m.group("y1") or m.group("y2") or m.group("y3")
        if m.group("m1") == "May" and not year and not day:
            continue
        if day and not 1 <= int(day) <= 31:
            continue
        if year is None and published is not None:
            year = str(published.year)
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
    return spans


def _relative_spans(
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


def _is_year(text: str, s: Span, toks_after: str, things: set[str]) -> bool:
    raw = text[s.start : s.end]
    if not re.fullmatch(r"(?:1[5-9]|20)\d\d", raw):
        return False
    nxt = re.match(r"\s*([A-Za-z]+)", toks_after)
    return not (nxt and nxt.group(1).lower() in things)


def _number_spans(
    text: str, config: FiguresConfig, pats, taken: list[tuple[int, int]]
) -> list[Span]:
    things = {w for ws in WORDS.thing_classes.values() for w in ws} | set(WORDS.thing_classes)
    spans: list[Span] = []
    for m in pats["atom"].finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        raw = m.group(0)
        low_raw = " ".join(raw.lower().split())
        end = m.end()
        unit_m = pats["unit"].match(text[end:])
        kind, unit, hyphen, factor = "count", "count", "", 1.0
        if m.group("decade"):
            kind, unit = "duration", "years"
            parsed = (20.0, 99.0) if low_raw.endswith("decades") else (10.0, 10.0)
            long_m = re.match(r"-long\b", text[end:])
            if long_m:
                end += long_m.end()
                hyphen = "long"
                article = re.match(r"(?:an?|one)\s+", raw, re.IGNORECASE)
                start_shift = article.end() if article else 0
            else:
                start_shift = 0
        else:
            start_shift = 0
            parsed = parse_number(raw, config)
            if parsed is None:
                continue
            if unit_m:
                if unit_m.group("pct"):
                    kind, unit = "percent", "%"
                elif unit_m.group("dur"):
                    unit, factor = WORDS.duration_units[unit_m.group("dur").lower()]
                    kind = "age" if unit_m.group("old") else "duration"
                    unit = "years old" if kind == "age" else unit
                    hyphen = "long" if unit_m.group("long") else ""
                elif unit_m.group("hyph"):
                    hyphen = unit_m.group("hyph").lower()
                    if hyphen in WORDS.fraction_words:  # "two-thirds" of voters = 66.7 %
                        share = 100.0 / WORDS.fraction_words[hyphen]
                        kind, unit, hyphen = "percent", "%", ""
                        parsed = (parsed[0] * share, parsed[1] * share)
                elif unit_m.group("curw"):
                    kind, unit = "money", WORDS.currency_words[unit_m.group("curw").lower()]
                elif unit_m.group("phys"):
                    kind = "quantity"
                    unit = WORDS.physical_units[" ".join(unit_m.group("phys").split())]
                end += unit_m.end()
        vague = low_raw in WORDS.vague_amounts
        if low_raw in WORDS.vague_need_unit and kind not in ("duration", "age"):
            continue
        if low_raw in ("one", "a", "an") and kind == "count":
            continue  # "one of the", pronoun use: not a figure
        start = m.start() + start_shift
        cur = pats["currency"].search(text[max(0, start - 5) : start])
        if cur and kind == "count":
            kind, unit = "money", WORDS.currency_symbols[cur.group(0).strip()]
            start -= len(cur.group(0))
        elif re.fullmatch(
            r"\d+(?:\.\d+)?[a-z]+", raw.replace(",", ""), re.IGNORECASE
        ) and not re.search(r"\d\s*(?:bn|tn|mn)$", raw, re.IGNORECASE):
            continue  # "5m" without currency is a length, not a magnitude
        low, high = parsed[0] * factor, parsed[1] * factor
        span = Span(start, end, low, high, kind, unit, vague=vague, hyphen=hyphen)
        if kind == "count" and not hyphen and _is_year(text, span, text[end:], things):
            span = replace(span, kind="year", unit="year")
        spans.append(span)
    for m in pats["ordinal"].finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken) or any(
            s.start < m.end() and m.start() < s.end for s in spans
        ):
            continue
        n = int(m.group("n")) if m.group("n") else WORDS.ordinal_words[m.group("w").lower()]
        if m.group("w") and not re.match(r"\s+[a-z]", text[m.end() :]):
            continue
        if m.group("w") and not re.search(
            r"(?:\bthe|['’]s)\s+$", text[max(0, m.start() - 5) : m.start()]
        ):
            continue  # spelled ordinals count only as "the third ...", else "second" is a verb
        spans.append(Span(m.start(), m.end(), n, n, "ordinal", "ordinal"))
    return spans


def _merge_ranges(text: str, spans: list[Span]) -> list[Span]:
    """'between 12,000 and 15,000', '12,000-15,000', '12,000 to 15,000' become one span."""
    spans = sorted(spans, key=lambda s: s.start)
    out: list[Span] = []
    i = 0
    while i < len(spans):
        s = spans[i]
        if i + 1 < len(spans):
            t = spans[i + 1]
            gap = text[s.end : t.start]
            between = re.search(r"\bbetween\s+$", text[max(0, s.start - 9) : s.start], re.I)
            joined = re.fullmatch(r"\s*(?:-|–|—|to)\s*", gap) or (
                between and re.fullmatch(r"\s+and\s+", gap)
            )
            same = s.kind == t.kind or (s.kind == "count" and t.kind != "count")
            if joined and same and s.low <= t.high and s.kind not in ("date", "ordinal"):
                start = s.start - len(between.group(0)) if between else s.start
                kind, unit = (t.kind, t.unit) if s.kind == "count" else (s.kind, s.unit)
                out.append(replace(t, start=start, low=s.low, high=t.high, kind=kind, unit=unit))
                i += 2
                continue
        out.append(s)
        i += 1
    return out


def _qualify(text: str, s: Span, config: FiguresConfig, pats) -> Span:
    if s.kind in DATE_KINDS or s.qualifier:
        return s
    match = pats["qual"].search(text[max(0, s.start - 30) : s.start])
    if not match:
        return s
    word = " ".join(match.group(0).lower().split())
    kind = WORDS.qualifiers[word]
    low, high = apply_qualifier(s.low, s.high, kind, config)
    return replace(s, start=s.start - len(match.group(0)), low=low, high=high, qualifier=word)


def spans(text: str, config: FiguresConfig, published: dt.date | None = None) -> list[Span]:
    """Every number expression in the text, qualifiers applied, in text order."""
    pats = _patterns(config)
    dates = _date_spans(text, published, config, pats)
    numbers = _number_spans(text, config, pats, [(d.start, d.end) for d in dates])
    years = sorted([*dates, *[n for n in numbers if n.kind == "year"]], key=lambda s: s.start)
    taken = [(s.start, s.end) for s in [*dates, *numbers]]
    relative = [
        r
        for r in _relative_spans(text, published, config, pats, years)
        if not any(a < r.end and r.start < b for a, b in taken)
    ]
    found = _merge_ranges(text, [*dates, *numbers, *relative])
    found = [_qualify(text, s, config, pats) for s in found]
    out = []
    for s in found:
        if s.kind in DATE_KINDS:
            s = replace(s, relation=_relation(text, s.start, config))
        elif _is_baseline(text, s.start, config):
            s = replace(s, relation="from")
        if config.round_tolerance and s.kind == "count" and not s.qualifier and not s.vague:
            low, high = apply_qualifier(s.low, s.high, "approx", config)
            s = replace(s, low=s.low - (s.low - low) * config.round_tolerance / 0.1)
            s = replace(s, high=s.high + (high - s.high) * config.round_tolerance / 0.1)
        out.append(s)
    return sorted(out, key=lambda s: (s.start, s.end))
