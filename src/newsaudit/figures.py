"""Figure extraction and cross-article consistency.

Every number an article writes (counts, money, percentages, durations, years and dates, vague
amounts) becomes a `Figure`: the interval it asserts once its qualifier is applied ("more than
300" = [300, inf)), and the measure it counts, read from its sentence (`measures`). Figures of
the same measure in different articles are then compared interval by interval.

Verdict of one (measure, article) against the other articles giving that measure, counting only
partners whose context does not differ (see `context_conflict`):
- inconsistent: its interval is disjoint from some other article's;
- consistent: its interval is identical to every other article's;
- compatible: otherwise (intervals overlap), and also when no partner is comparable because the
  contexts differ, in which case `needs_review` is true and `reason` says why.
An article giving several values for a measure is judged by the first it gives, against each
other article's first figure for the measure whose context does not differ.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace

import pandas as pd

from newsaudit import measures
from newsaudit.config import MONTHS as MONTH_NAMES
from newsaudit.config import FiguresConfig
from newsaudit.corpus import Article, Corpus
from newsaudit.measures import UNKNOWN, Token
from newsaudit.numbers import apply_qualifier, parse_number, words_pattern

MONTHS = "|".join(MONTH_NAMES)  # the month names as a regex alternation

FIGURE_COLUMNS = [
    "article_id",
    "measure",
    "text",
    "low",
    "high",
    "unit",
    "qualifier",
    "sentence",
    "start",
    "end",
]
CHECK_COLUMNS = [
    "measure",
    "article_id",
    "text",
    "low",
    "high",
    "unit",
    "verdict",
    "relative_difference",
    "needs_review",
    "reason",
    "n_figures",
    "start",
    "end",
    "compared_with",
]
DISAGREEMENT_COLUMNS = [
    "measure",
    "unit",
    "article_a",
    "text_a",
    "low_a",
    "high_a",
    "article_b",
    "text_b",
    "low_b",
    "high_b",
    "difference",
    "relative_difference",
    "sentence_a",
    "sentence_b",
]
REVIEW_COLUMNS = [
    "measure",
    "article_id",
    "text",
    "other_measure",
    "other_article_id",
    "other_text",
    "intervals",
    "reason",
    "sentence",
    "other_sentence",
]
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTH_NUM = {m: i for i, m in enumerate(MONTHS.split("|"), start=1)}
_DATE_KINDS = ("year", "date")


@dataclass(frozen=True)
class Figure:
    """One number as written in an article, with the interval it asserts and what it counts."""

    article_id: str
    measure: str
    text: str
    low: float
    high: float
    unit: str
    qualifier: str
    sentence: str
    start: int
    end: int
    kind: str = "count"  # count, money, percent, duration, age, ordinal, year, date
    thing: str = ""
    event: str = ""
    place: str = ""
    relation: str = ""
    modifiers: tuple[str, ...] = ()
    owner: str = ""
    timeframe: tuple[str, ...] = ()
    cause: tuple[str, ...] = ()
    vague: bool = False


@dataclass(frozen=True)
class FiguresResult:
    """Figures, per-(measure, article) checks, and the views a fact-checker reads first."""

    figures: pd.DataFrame
    checks: pd.DataFrame
    disagreements: pd.DataFrame
    matrix: pd.DataFrame
    review: pd.DataFrame
    details: pd.DataFrame = field(default_factory=pd.DataFrame)
    # Every compared figure, one row each (checks keeps one row per measure and article).
    comparisons: pd.DataFrame = field(default_factory=pd.DataFrame)


# ---------------------------------------------------------------------------------------------
# Finding number expressions
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Span:
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
    number_words = [*config.number_words, "hundred", "dozen", *config.scale_words]
    nw = words_pattern(number_words)
    scale = words_pattern([*config.scale_words, "hundred"])
    suffix = words_pattern(config.scale_suffixes)
    vague = words_pattern(config.vague_amounts)
    digits = (
        r"(?<![\w/.,])(?<![A-Za-z]-)(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d/]|[.,]\d)"
        rf"(?:\s+(?:{scale})\b|(?:{suffix})\b|(?![A-Za-z]))"
    )
    words = (
        rf"\b(?:(?:half\s+)?an?\s+(?=(?:hundred|dozen|{scale})\b))?(?:{nw})"
        rf"(?:(?:\s+and\s+|[\s-]+)(?:{nw}))*\b"
    )
    units = words_pattern(config.duration_units)
    currency_words = words_pattern(config.currency_words)
    percent = words_pattern(config.percent_words)
    physical = words_pattern(config.physical_units)
    ordinals = words_pattern(config.ordinal_words)
    months = MONTHS
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
        "qual": re.compile(rf"\b(?:{words_pattern(config.qualifiers)})\s+$", re.IGNORECASE),
        "currency": re.compile(
            rf"(?:{words_pattern(config.currency_symbols)})\s?$",
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
            rf"\b(?P<rel>{words_pattern(config.relative_years)})(?:['’]s)?\b"
            rf"|\b(?P<ana>{words_pattern(config.anaphoric_years)})\b",
            re.IGNORECASE,
        ),
    }


def _relation(text: str, start: int, config: FiguresConfig) -> str:
    before = text[max(0, start - 20) : start].lower()
    match = re.search(rf"\b({words_pattern(config.date_relations)})\s+(?:the\s+)?$", before)
    return config.date_relations[" ".join(match.group(1).split())] if match else ""


def _is_baseline(text: str, start: int, config: FiguresConfig) -> bool:
    """Whether a number is the earlier or reference value of a change or comparison ("rose to
    5.4% from 5.1%", "down from a peak of 1,300", "fewer than the 24,000 added"): it is then
    keyed apart, never compared with the current value another article gives."""
    before = text[max(0, start - 40) : start].lower()
    markers = words_pattern(config.baseline_markers)
    nouns = words_pattern(config.baseline_nouns)
    return bool(
        re.search(
            rf"\b(?:{markers})\s+(?:(?:a|an|the|its|their)\s+)?(?:(?:{nouns})\s+of\s+)?$",
            before,
        )
    )


def _date_spans(text: str, published: dt.date | None, config: FiguresConfig, pats) -> list[_Span]:
    spans: list[_Span] = []
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
            spans.append(_Span(m.start(), m.end(), value, value, "date", "date"))
        elif day:
            value = month * 100 + int(day)
            spans.append(_Span(m.start(), m.end(), value, value, "date", "month-day"))
        else:
            base = int(year) * 10000 + month * 100
            spans.append(_Span(m.start(), m.end(), base + 1, base + 31, "date", "date"))
    for m in pats["decade_years"].finditer(text):
        base = int(m.group(0)[:4])
        spans.append(_Span(m.start(), m.end(), base, base + 9, "year", "year"))
    return spans


def _relative_spans(
    text: str, published: dt.date | None, config: FiguresConfig, pats, years: list[_Span]
) -> list[_Span]:
    spans = []
    for m in pats["relative"].finditer(text):
        if m.group("rel"):
            offset = config.relative_years[" ".join(m.group("rel").lower().split())]
            if published is not None:
                year = published.year + offset
                spans.append(_Span(m.start(), m.end(), year, year, "year", "year", "relative"))
            else:
                spans.append(
                    _Span(m.start(), m.end(), -math.inf, math.inf, "year", "year", "unresolved")
                )
        else:
            before = [s for s in years if s.end <= m.start() and s.kind == "year"]
            if before and before[-1].low == before[-1].high:
                y = before[-1].low
                spans.append(_Span(m.start(), m.end(), y, y, "year", "year", "anaphora"))
    return spans


def _is_year(text: str, s: _Span, toks_after: str, things: set[str]) -> bool:
    raw = text[s.start : s.end]
    if not re.fullmatch(r"(?:1[5-9]|20)\d\d", raw):
        return False
    nxt = re.match(r"\s*([A-Za-z]+)", toks_after)
    return not (nxt and nxt.group(1).lower() in things)


def _number_spans(
    text: str, config: FiguresConfig, pats, taken: list[tuple[int, int]]
) -> list[_Span]:
    things = {w for ws in config.thing_classes.values() for w in ws} | set(config.thing_classes)
    spans: list[_Span] = []
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
                    unit, factor = config.duration_units[unit_m.group("dur").lower()]
                    kind = "age" if unit_m.group("old") else "duration"
                    unit = "years old" if kind == "age" else unit
                    hyphen = "long" if unit_m.group("long") else ""
                elif unit_m.group("hyph"):
                    hyphen = unit_m.group("hyph").lower()
                    if hyphen in config.fraction_words:  # "two-thirds" of voters = 66.7 %
                        share = 100.0 / config.fraction_words[hyphen]
                        kind, unit, hyphen = "percent", "%", ""
                        parsed = (parsed[0] * share, parsed[1] * share)
                elif unit_m.group("curw"):
                    kind, unit = "money", config.currency_words[unit_m.group("curw").lower()]
                elif unit_m.group("phys"):
                    kind = "quantity"
                    unit = config.physical_units[" ".join(unit_m.group("phys").split())]
                end += unit_m.end()
        vague = low_raw in config.vague_amounts
        if low_raw in config.vague_need_unit and kind not in ("duration", "age"):
            continue
        if low_raw in ("one", "a", "an") and kind == "count":
            continue  # "one of the", pronoun use: not a figure
        start = m.start() + start_shift
        cur = pats["currency"].search(text[max(0, start - 5) : start])
        if cur and kind == "count":
            kind, unit = "money", config.currency_symbols[cur.group(0).strip()]
            start -= len(cur.group(0))
        elif re.fullmatch(
            r"\d+(?:\.\d+)?[a-z]+", raw.replace(",", ""), re.IGNORECASE
        ) and not re.search(r"\d\s*(?:bn|tn|mn)$", raw, re.IGNORECASE):
            continue  # "5m" without currency is a length, not a magnitude
        low, high = parsed[0] * factor, parsed[1] * factor
        span = _Span(start, end, low, high, kind, unit, vague=vague, hyphen=hyphen)
        if kind == "count" and not hyphen and _is_year(text, span, text[end:], things):
            span = replace(span, kind="year", unit="year")
        spans.append(span)
    for m in pats["ordinal"].finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken) or any(
            s.start < m.end() and m.start() < s.end for s in spans
        ):
            continue
        n = int(m.group("n")) if m.group("n") else config.ordinal_words[m.group("w").lower()]
        if m.group("w") and not re.match(r"\s+[a-z]", text[m.end() :]):
            continue
        if m.group("w") and not re.search(
            r"(?:\bthe|['’]s)\s+$", text[max(0, m.start() - 5) : m.start()]
        ):
            continue  # spelled ordinals count only as "the third ...", else "second" is a verb
        spans.append(_Span(m.start(), m.end(), n, n, "ordinal", "ordinal"))
    return spans


def _merge_ranges(text: str, spans: list[_Span]) -> list[_Span]:
    """'between 12,000 and 15,000', '12,000-15,000', '12,000 to 15,000' become one span."""
    spans = sorted(spans, key=lambda s: s.start)
    out: list[_Span] = []
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


def _qualify(text: str, s: _Span, config: FiguresConfig, pats) -> _Span:
    if s.kind in _DATE_KINDS or s.qualifier:
        return s
    match = pats["qual"].search(text[max(0, s.start - 30) : s.start])
    if not match:
        return s
    word = " ".join(match.group(0).lower().split())
    kind = config.qualifiers[word]
    low, high = apply_qualifier(s.low, s.high, kind, config)
    return replace(s, start=s.start - len(match.group(0)), low=low, high=high, qualifier=word)


def spans(text: str, config: FiguresConfig, published: dt.date | None = None) -> list[_Span]:
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
        if s.kind in _DATE_KINDS:
            s = replace(s, relation=_relation(text, s.start, config))
        elif _is_baseline(text, s.start, config):
            s = replace(s, relation="from")
        if config.round_tolerance and s.kind == "count" and not s.qualifier and not s.vague:
            low, high = apply_qualifier(s.low, s.high, "approx", config)
            s = replace(s, low=s.low - (s.low - low) * config.round_tolerance / 0.1)
            s = replace(s, high=s.high + (high - s.high) * config.round_tolerance / 0.1)
        out.append(s)
    return sorted(out, key=lambda s: (s.start, s.end))


# ---------------------------------------------------------------------------------------------
# What each figure measures
# ---------------------------------------------------------------------------------------------
def _what(
    text: str, toks: list[Token], s: _Span, config: FiguresConfig, sent_start: int = 0
) -> tuple[str, tuple[str, ...]]:
    """Event (or object) a unit-figure (year, duration, money, percent...) is about."""
    classes = {**config.date_event_classes, **config.event_classes}
    if s.kind in _DATE_KINDS:
        classes = dict(config.date_event_classes)
    # 1. the noun it modifies: "a 2013 rebellion", "decade-long mission", "a decade of operations"
    after_np = measures.noun_phrase(text, toks, s.end, config)
    if after_np and (s.kind != "year" or not re.match(r"\s*(?:of)\b", text[s.end :])):
        hits = measures.class_hits(after_np, classes)
        if hits:
            return hits[0][2], ()
        if s.kind not in _DATE_KINDS or not after_np[0].text[:1].isupper() or len(after_np) > 1:
            thing, mods = measures.thing_of(after_np, config)
            if thing and thing not in config.duration_units:
                return thing, mods
    if s.kind not in _DATE_KINDS:
        left, _ = measures.clause(text, toks, s.start, s.end)
        noun = _measure_noun(left, s, config, sent_start)
        if noun:
            return noun, ()
    window = config.date_event_window if s.kind in (*_DATE_KINDS, "duration") else 8
    # A physical amount belongs to the nearest event on either side ("6,500 people had been
    # evacuated and 21,000 hectares had burned"); dates and money to the one before them.
    event = measures.nearest_class(
        toks,
        s.start,
        s.end,
        classes,
        window,
        prefer_left=s.kind != "quantity",
        stop_right=frozenset({"to"}),
        ignore=config.event_ignore,
    )
    if not event and s.kind in _DATE_KINDS:
        # "Since 2013, thousands of people have been killed in attacks": the dated event may sit
        # past the subject; look twice as far, still stopping at a purpose clause.
        event = measures.nearest_class(
            toks,
            s.start,
            s.end,
            classes,
            2 * window,
            prefer_left=True,
            stop_right=frozenset({"to"}),
            ignore=config.event_ignore,
        )
    if event:
        return event, ()
    verb = measures.nearest_verb(toks, s.start, s.end, config)
    return verb, ()


def _measure_noun(left: list[Token], s: _Span, config: FiguresConfig, sent_start: int) -> str:
    """A quantity noun written with the number: "magnitude 6.8", "7.1-magnitude", "turnout was
    61%" (as the subject of the clause), folded by `measure_synonyms` ("the jobless rate" ->
    "unemployment"); a generic one with no telling modifier ("a rate of 14%") is UNKNOWN."""
    nouns = set(config.measure_nouns)
    if s.hyphen and measures.lemma(s.hyphen) in nouns:
        return measures.lemma(s.hyphen)
    at = -1
    if left and left[-1].low in nouns:
        at = len(left) - 1
    elif len(left) >= 2 and left[-1].low == "of" and measures.lemma(left[-2].low) in nouns:
        at = len(left) - 2  # "a capacity of 150", "a turnout of 61%"
    else:
        subject = measures.owner(left, config, sent_start, measure_noun=True)
        if subject and measures.lemma(subject.split()[-1]) in nouns:
            head = measures.lemma(subject.split()[-1])
            hits = [i for i, t in enumerate(left) if measures.lemma(t.low) == head]
            at = hits[-1] if hits else -1
            if at < 0:
                return head
    if at < 0:
        return ""
    return _fold_measure(left, at, config)


def _fold_measure(toks: list[Token], at: int, config: FiguresConfig) -> str:
    """Canonical name of the measure noun toks[at] with the word before it ("jobless rate")."""
    head = measures.lemma(toks[at].low)
    before = measures.lemma(toks[at - 1].low) if at > 0 else ""
    synonyms = config.measure_synonyms
    for phrase in (f"{before} {head}", head):
        if phrase in synonyms:
            return synonyms[phrase]
    if head in config.generic_measure_nouns:
        if not before or before in config.determiners or not toks[at - 1].text.isalpha():
            return UNKNOWN
        return f"{before} {head}"
    return head


def _context(
    text: str,
    toks: list[Token],
    s: _Span,
    sent_start: int,
    sent_end: int,
    config: FiguresConfig,
) -> measures.Context:
    """Thing, event, place and modifiers of one figure from its sentence's tokens."""
    left, right = measures.clause(text, toks, s.start, s.end)
    place = ""
    if s.kind not in _DATE_KINDS:
        place = measures.place_after(text, s.end, sent_end, config) or measures.place_before(
            text, sent_start, s.start, config
        )
    if s.kind in ("count", "ordinal"):
        phrase = measures.noun_phrase(text, toks, s.end, config, need_of=s.vague)
        thing, mods = measures.thing_of(phrase, config)
        noun = _measure_noun(left, s, config, sent_start)
        who = measures.owner(left, config, sent_start)
        if noun:
            thing, mods = noun, ()
            who = "" if who and measures.lemma(who.split()[-1]) == noun else who
        event = "deployed" if s.hyphen == "strong" else _count_event(phrase, left, right, config)
        if noun:
            event = ""  # "a magnitude 6.8 earthquake killed ...": the magnitude is not killed
        if not thing and not phrase and event not in config.implicit_things:
            # "The death toll ... has risen to 1,500", "the number of dead rose to 45": the
            # subject names what is counted.
            hits = [
                h
                for h in measures.class_hits(left, config.event_classes, config.event_ignore)
                if h[2] in config.implicit_things
            ]
            toll = [t for t in left if measures.lemma(t.low) in config.measure_nouns]
            if hits:
                event = hits[-1][2]
            elif toll:
                thing = measures.lemma(toll[-1].low)
        if not thing:
            thing = config.implicit_things.get(event, "")
        if thing and event and thing == event:
            event = ""
        alias = config.measure_aliases.get(f"{thing}|{event}")
        if alias:
            thing, _, event = alias.partition("|")
        if event in config.presence_events and thing not in config.generic_things:
            event = ""
        if thing in config.people_groups and event in config.harm_events:
            thing = "people"  # "14 protesters killed" and "9 people killed": one toll
        if thing in config.generic_things and not event:
            event = UNKNOWN
        if s.kind == "ordinal":
            thing, event = "ordinal", thing or event
        return measures.Context(thing, event, place, "", mods, who)
    unit_thing = {
        "year": "year",
        "date": "date" if s.unit == "date" else "month-day",
        "duration": s.unit,
        "age": "age",
        "percent": "percent",
        "money": s.unit,
        "quantity": s.unit,
    }[s.kind]
    event, mods = _what(text, toks, s, config, sent_start)
    # Whose money or share it is goes into the context (compared), not the key: "the World Bank
    # offered $100m" and "the government pledged $250m" are then never called inconsistent.
    who = measures.owner(left, config, sent_start) if s.kind in ("money", "percent") else ""
    who = config.subject_synonyms.get(who.lower(), who)
    if who and measures.lemma(who.split()[-1]) == event:
        who = ""
    return measures.Context(
        unit_thing, event or UNKNOWN, place, s.relation, (*mods, who) if who else mods
    )


def _count_event(
    phrase: list[Token], left: list[Token], right: list[Token], config: FiguresConfig
) -> str:
    """Event of a count: first class word within the noun phrase and the few tokens after it
    ("300 peacekeepers have also been killed"), else the nearest just before the number
    ("killing 500 civilians", "the execution of 500 civilians"), within the clause."""
    classes = config.event_classes
    after = right[: len(phrase) + 1 + config.event_window]
    numbers = [i for i, t in enumerate(after) if i >= len(phrase) and t.text[:1].isdigit()]
    after = after[: numbers[0]] if numbers else after  # "46 drowned and 130 were rescued"
    hits = measures.class_hits(after, classes, config.event_ignore)
    if hits:
        return hits[0][2]
    before = left[-config.event_left_window :] if config.event_left_window else []
    hits = measures.class_hits(before, classes, config.event_ignore)
    return hits[-1][2] if hits else ""


def _timeframe(
    s: _Span, others: list[_Span], sentence: str, config: FiguresConfig, text: str = ""
) -> tuple[str, ...]:
    """Dates in the same sentence as a count, as 'relation year' strings ('since 2013'); a bare
    month ('since January') gives 'since January'."""
    began = re.search(
        r"\bsince\s+(?:\w+\s+){1,4}?(?:began|started|erupted|broke out)\s+in\s+", sentence
    )
    out = [
        f"{'since' if began and began.start() < m.start() < began.end() else m.group(1).lower()} "
        f"{m.group(2)}"
        for m in re.finditer(
            rf"\b((?i:since|in|during|until|by|from|before|after))\s+({MONTHS})\b(?!\s+\d)",
            sentence,
        )
    ]
    reporting = "|".join(re.escape(v) for v in config.reporting_verbs)
    out += [
        f"on {m.group(1)}"
        for m in re.finditer(rf"\bon\s+({_WEEKDAYS})\b", sentence)
        if not re.search(rf"\b(?:{reporting})\s+$", sentence[: m.start()])
    ]
    for o in others:
        if o is s or o.kind not in _DATE_KINDS:
            continue
        rel = o.relation or "in"
        if text and o.end <= s.start and re.match(r"\s*,\s*when\b", text[o.end : s.start]):
            rel = "in"  # "the worst since 2019, when 21 people died": 21 is the 2019 toll
        if math.isinf(o.low):
            out.append(f"{rel} ?")
            continue
        lo = int(o.low // 10000) if o.unit == "date" else int(o.low)
        hi = int(o.high // 10000) if o.unit == "date" else int(o.high)
        if o.unit == "month-day":
            continue
        out.append(f"{rel} {lo}" if lo == hi else f"{rel} {lo}-{hi}")
    return tuple(dict.fromkeys(out))


def _causes(text: str, s: _Span, sent_end: int, config: FiguresConfig) -> tuple[str, ...]:
    nouns = "|".join(re.escape(n) for n in config.cause_nouns)
    pattern = rf"\b(?:in|by|from|during|through)\s+(?:[\w-]+\s+){{0,2}}?({nouns})(?:e?s)?\b"
    return tuple(
        dict.fromkeys(m.group(1).lower() for m in re.finditer(pattern, text[s.end : sent_end]))
    )


def _figures_in(
    article_id: str, text: str, config: FiguresConfig, published: dt.date | None
) -> list[Figure]:
    found = spans(text, config, published)
    bounds = measures.sentences(text)
    out = []
    for sent_start, sent_end in bounds:
        inside = [s for s in found if sent_start <= s.start < sent_end]
        if not inside:
            continue
        toks = measures.tokens(text, sent_start, sent_end)
        sentence = text[sent_start:sent_end].strip()
        for s in inside:
            ctx = _context(text, toks, s, sent_start, sent_end, config)
            timeframe = (
                _timeframe(s, inside, sentence, config, text) if s.kind not in _DATE_KINDS else ()
            )
            cause = _causes(text, s, sent_end, config) if s.kind not in _DATE_KINDS else ()
            out.append(
                Figure(
                    article_id=article_id,
                    measure=measures.key(ctx.thing, ctx.event, ctx.place, ctx.relation),
                    text=text[s.start : s.end],
                    low=float(s.low),
                    high=float(s.high),
                    unit=s.unit,
                    qualifier=s.qualifier,
                    sentence=sentence,
                    start=s.start,
                    end=s.end,
                    kind=s.kind,
                    thing=ctx.thing,
                    event=ctx.event,
                    place=ctx.place,
                    relation=ctx.relation,
                    modifiers=ctx.modifiers,
                    owner=ctx.owner,
                    timeframe=timeframe,
                    cause=cause,
                    vague=s.vague,
                )
            )
    return out


def extract_text(
    text: str,
    config: FiguresConfig | None = None,
    published: dt.date | None = None,
    article_id: str = "",
) -> list[Figure]:
    """Every figure in a plain text (offsets into `text`), in text order."""
    return _figures_in(article_id, text, config or FiguresConfig(), published)


def extract(article: Article, config: FiguresConfig | None = None) -> list[Figure]:
    """Every figure in the article body, qualifiers turned into bounds."""
    return extract_text(article.text, config, article.published, article.article_id)


def _without_setting(figs: list[Figure], corpus: Corpus, config: FiguresConfig) -> list[Figure]:
    """Drop places named by most articles (the story's setting) from measure keys."""
    if len(corpus) < 2:
        return figs
    share: dict[str, float] = {}
    for place in {f.place for f in figs if f.place}:
        pattern = re.compile(rf"\b{re.escape(place)}\b")
        share[place] = sum(bool(pattern.search(a.text)) for a in corpus) / len(corpus)
    out = []
    for f in figs:
        if f.place and share[f.place] >= config.setting_share:
            ctx_key = measures.key(f.thing, f.event, "", f.relation)
            f = replace(f, place="", measure=ctx_key)
        out.append(f)
    return out


# ---------------------------------------------------------------------------------------------
# Comparing figures
# ---------------------------------------------------------------------------------------------
def relation(a: Figure, b: Figure, eps: float = 1e-9) -> str:
    """'identical', 'overlap' or 'disjoint' for two closed intervals."""
    if abs(a.low - b.low) <= eps and abs(a.high - b.high) <= eps:
        return "identical"
    if a.low <= b.high + eps and b.low <= a.high + eps:
        return "overlap"
    return "disjoint"


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


def context_conflict(a: Figure, b: Figure, config: FiguresConfig) -> str:
    """Why two same-measure figures may count different things ('' when comparable)."""
    if a.owner and b.owner and not _same_owner(a.owner, b.owner, config):
        return f"different subjects: {a.owner} vs {b.owner}"
    ma, mb = set(a.modifiers), set(b.modifiers)
    if ma and mb and not ma & mb:
        return f"different groups: {', '.join(sorted(ma))} vs {', '.join(sorted(mb))}"
    ta, tb = set(a.timeframe), set(b.timeframe)
    if ta and tb and not _frames_meet(ta, tb):
        return f"different time frames: {'; '.join(sorted(ta))} vs {'; '.join(sorted(tb))}"
    ca, cb = set(a.cause), set(b.cause)
    if ca != cb:
        if (ta and not ca and cb and not tb) or (ca and not ta and tb and not cb):
            frame, cause = (ta, cb) if ta else (tb, ca)
            return f"different context: time frame {'; '.join(sorted(frame))} vs cause " + (
                ", ".join(sorted(cause))
            )
        ra, rb = ", ".join(sorted(ca)) or "none given", ", ".join(sorted(cb)) or "none given"
        return f"different causes: {ra} vs {rb}"
    return ""


def _same_owner(a: str, b: str, config: FiguresConfig) -> bool:
    """Whether two subjects name the same party: they share a word ("the opposition" and "the
    opposition alliance", "Unity Party" and "the ruling Unity Party")."""
    generic = set(config.owner_generic_words)
    words = {measures.lemma(w) for w in a.lower().split()} - generic
    return bool(words & {measures.lemma(w) for w in b.lower().split()})


def _frames_meet(ta: set[str], tb: set[str]) -> bool:
    for x in ta:
        for y in tb:
            rx, vx = x.split(" ", 1)
            ry, vy = y.split(" ", 1)
            months = set(MONTHS.split("|"))
            wild = "?" in (vx, vy) or (vx in months) != (vy in months)
            if x == y or (wild and rx == ry):
                return True
    return False


def figures_frame(figs: list[Figure]) -> pd.DataFrame:
    """The figures table (contract columns), sorted by article_id, start."""
    rows = [{c: getattr(f, c) for c in FIGURE_COLUMNS} for f in figs]
    frame = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    return frame.sort_values(["article_id", "start", "end"], ignore_index=True)


def details_frame(figs: list[Figure]) -> pd.DataFrame:
    """Every field of every figure, for debugging measure keys."""
    rows = [
        {
            **{c: getattr(f, c) for c in FIGURE_COLUMNS},
            "kind": f.kind,
            "thing": f.thing,
            "event": f.event,
            "place": f.place,
            "relation": f.relation,
            "modifiers": "; ".join(f.modifiers),
            "timeframe": "; ".join(f.timeframe),
            "cause": "; ".join(f.cause),
            "vague": f.vague,
        }
        for f in figs
    ]
    frame = pd.DataFrame(rows)
    if frame.empty:
        return frame
    return frame.sort_values(["article_id", "start", "end"], ignore_index=True)


def comparable_key(measure: str) -> bool:
    """Whether a measure key is identified well enough to compare across articles."""
    return bool(measure) and UNKNOWN not in measure.split("|")


def comparable(f: Figure) -> bool:
    """Whether a figure's measure is identified well enough to compare across articles."""
    return comparable_key(f.measure)


def by_measure(figs: list[Figure]) -> dict[str, dict[str, list[Figure]]]:
    """measure -> article -> its comparable figures for the measure, in text order."""
    groups: dict[str, dict[str, list[Figure]]] = defaultdict(lambda: defaultdict(list))
    for f in sorted(figs, key=lambda f: (f.article_id, f.start)):
        if comparable(f):
            groups[f.measure][f.article_id].append(f)
    return groups


def _distance(a: Figure, b: Figure) -> tuple[int, float]:
    """How far apart two figures are: first whether their written time frames and causes
    differ ("2,000 in 1998" is not the counterpart of "more than 1,500"), then the gap of
    their intervals relative to their size (0 when they overlap)."""
    differs = (_frames(a) != _frames(b)) + (set(a.cause) != set(b.cause))
    return differs, gap(a, b)[1]


def _frames(f: Figure) -> set[str]:
    """Time frames that scope a figure: years, months, "since"; not the weekday of the news."""
    return {t for t in f.timeframe if not t.startswith("on ")}


def _best(f: Figure, candidates: list[Figure], config: FiguresConfig) -> Figure | None:
    """The candidate nearest to `f` (`_distance`) whose context does not differ (text order
    breaks ties)."""
    usable = [g for g in candidates if not context_conflict(f, g, config)]
    return min(usable, key=lambda g: _distance(f, g)) if usable else None


def partners(own: list[Figure], other: list[Figure], config: FiguresConfig) -> dict[int, Figure]:
    """Index in `own` -> the other article's figure it is compared with: mutual nearest
    neighbours by value, so an article giving a cumulative and a daily count ("1,340 cases",
    "86 new cases") meets each of another article's figures with its own counterpart, and a
    figure with no counterpart ("1,340" vs an article giving only "about 90") is not compared."""
    out: dict[int, Figure] = {}
    for i, f in enumerate(own):
        g = _best(f, other, config)
        if g is not None and _best(g, own, config) is f:
            out[i] = g
    return out


def _judge(
    f: Figure,
    matched: dict[str, Figure | None],
    others: dict[str, list[Figure]],
    config: FiguresConfig,
) -> tuple[str, float, list[str], list[Figure]]:
    """(verdict, largest relative difference, reasons, partners) of one figure against its
    counterparts in the other articles (None where it has none)."""
    rels: list[str] = []
    reasons: list[str] = []
    found: list[Figure] = []
    rel_diff = 0.0
    for other_id, partner in matched.items():
        if partner is None:
            figs = others[other_id]
            conflict = context_conflict(f, figs[0], config)
            why = conflict or "closer to another of this article's figures"
            reasons.append(f"{other_id} {figs[0].text!r}: {why}")
            continue
        found.append(partner)
        rels.append(relation(f, partner, config.epsilon))
        if rels[-1] == "disjoint":
            rel_diff = max(rel_diff, gap(f, partner)[1])
    if "disjoint" in rels:
        verdict = "inconsistent"
    elif rels and all(r == "identical" for r in rels):
        verdict = "consistent"
    else:
        verdict = "compatible"
    if not rels:
        reasons = ["no comparable figure: " + "; ".join(reasons)]
    return verdict, rel_diff, reasons, found


def _notes(f: Figure) -> list[str]:
    notes = []
    if math.isinf(f.low) and f.low < 0:
        notes.append(f"{f.text!r}: relative date, article date unknown")
    return notes


def compare(figs: list[Figure], config: FiguresConfig) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(checks, disagreements). Every figure of a measure is compared with its counterpart in
    each other article (`partners`); an article's first figure for the measure always gets a
    row, a later one only when some other article has a counterpart for it."""
    rows, pairs = [], {}
    for measure, by_article in by_measure(figs).items():
        if len(by_article) < 2:
            continue
        matches = {
            (a, b): partners(by_article[a], by_article[b], config)
            for a in by_article
            for b in by_article
            if a != b
        }
        for article_id, own in by_article.items():
            others = {aid: fs for aid, fs in by_article.items() if aid != article_id}
            for i, f in enumerate(own):
                matched = {aid: matches[(article_id, aid)].get(i) for aid in others}
                if i and not any(matched.values()):
                    continue
                verdict, rel_diff, reasons, found = _judge(f, matched, others, config)
                notes = _notes(f)
                rows.append(
                    {
                        "measure": measure,
                        "article_id": article_id,
                        "text": f.text,
                        "low": f.low,
                        "high": f.high,
                        "unit": f.unit,
                        "verdict": verdict,
                        "relative_difference": rel_diff,
                        "needs_review": bool(reasons or notes),
                        "reason": " | ".join([*reasons, *notes]),
                        "n_figures": len(own),
                        "start": f.start,
                        "end": f.end,
                        # The counterparts it was judged against, as article_id@start.
                        "compared_with": "; ".join(f"{p.article_id}@{p.start}" for p in found),
                    }
                )
                for p in found:
                    if relation(f, p, config.epsilon) == "disjoint":
                        a, b = sorted((f, p), key=lambda x: (x.article_id, x.start))
                        pairs[(a.article_id, a.start, b.article_id, b.start)] = (a, b)
    checks = pd.DataFrame(rows, columns=CHECK_COLUMNS)
    checks = checks.sort_values(["measure", "article_id", "start"], ignore_index=True)
    return checks, _disagreements(list(pairs.values()))


def checks_frame(figs: list[Figure], config: FiguresConfig) -> pd.DataFrame:
    """One row per (measure, article) for measures given by at least two articles."""
    return compare(figs, config)[0]


def _disagreements(pairs: list[tuple[Figure, Figure]]) -> pd.DataFrame:
    """Disjoint pairs as rows, largest relative difference first."""
    rows = []
    for a, b in pairs:
        diff, rel = gap(a, b)
        rows.append(
            {
                "measure": a.measure,
                "unit": a.unit,
                "article_a": a.article_id,
                "text_a": a.text,
                "low_a": a.low,
                "high_a": a.high,
                "article_b": b.article_id,
                "text_b": b.text,
                "low_b": b.low,
                "high_b": b.high,
                "difference": diff,
                "relative_difference": rel,
                "sentence_a": a.sentence,
                "sentence_b": b.sentence,
            }
        )
    frame = pd.DataFrame(rows, columns=DISAGREEMENT_COLUMNS)
    frame["_neg"] = -frame["relative_difference"].astype(float)
    keys = ["_neg", "measure", "article_a", "article_b", "text_a", "text_b"]
    return frame.sort_values(keys, ignore_index=True).drop(columns="_neg")


def matrix_frame(checks: pd.DataFrame, article_ids: list[str]) -> pd.DataFrame:
    """Measures x articles: the verdict of each article's figure ('' when it gives none)."""
    if checks.empty:
        return pd.DataFrame(columns=article_ids, dtype=object).rename_axis("measure")
    cells = checks.assign(
        cell=checks["verdict"]
        + ": "
        + checks["text"]
        + checks["needs_review"].map({True: " (?)", False: ""})
    )
    # An article's first figure for a measure stands for it in the matrix.
    cells = cells.drop_duplicates(["measure", "article_id"])
    wide = cells.pivot(index="measure", columns="article_id", values="cell")
    wide = wide.reindex(columns=article_ids).astype(object).fillna("")
    wide.columns.name = None
    return wide.sort_index()


def _loose_reason(a: Figure, b: Figure, rel: str) -> str:
    """Why two figures of the same quantity and unit are not compared ('' to leave them out)."""
    unknown = bool({a.event, b.event} & {"", UNKNOWN})
    if a.event != b.event and not unknown and a.kind == "count":
        return ""  # troops deployed vs troops killed: plainly different measures
    if a.event != b.event and not unknown and rel == "disjoint":
        return ""  # different events and different values: nothing a reader would confuse
    parts = []
    if a.event != b.event:
        parts.append(f"events differ ({a.event or 'none'} vs {b.event or 'none'})")
    if a.place != b.place:
        parts.append(f"places differ ({a.place or 'none'} vs {b.place or 'none'})")
    if a.owner != b.owner:
        parts.append(f"subjects differ ({a.owner or 'none'} vs {b.owner or 'none'})")
    return "not compared: same quantity, " + ", ".join(parts) if parts else ""


def review_frame(figs: list[Figure], checks: pd.DataFrame, config: FiguresConfig) -> pd.DataFrame:
    """Hard negatives and doubtful comparisons, each with its reason: same-measure figures whose
    contexts differ (time frame, cause, group), loose matches (same quantity and unit, different
    event, place or subject: "10 years" of waiting vs "a decade" of the mission), and checks rows
    that need review. `intervals` says what a naive number matcher would have concluded."""
    rows = []
    usable = [f for f in figs if f.thing and f.kind not in ("ordinal", *_DATE_KINDS)]
    for i, a in enumerate(usable):
        for b in usable[i + 1 :]:
            if a.article_id == b.article_id or a.unit != b.unit or a.thing != b.thing:
                continue
            rel = relation(a, b, config.epsilon)
            if a.measure == b.measure and comparable(a):
                reason = context_conflict(a, b, config)
            else:
                reason = _loose_reason(a, b, rel)
            if not reason:
                continue
            x, y = (a, b) if (a.article_id, a.start) <= (b.article_id, b.start) else (b, a)
            rows.append(
                {
                    "measure": x.measure,
                    "article_id": x.article_id,
                    "text": x.text,
                    "other_measure": y.measure,
                    "other_article_id": y.article_id,
                    "other_text": y.text,
                    "intervals": rel,
                    "reason": reason,
                    "sentence": x.sentence,
                    "other_sentence": y.sentence,
                }
            )
    sentences = {(f.article_id, f.start): f.sentence for f in figs}
    for r in checks[checks["needs_review"]].itertuples():
        rows.append(
            {
                "measure": r.measure,
                "article_id": r.article_id,
                "text": r.text,
                "other_measure": r.measure,
                "other_article_id": "",
                "other_text": "",
                "intervals": "",
                "reason": r.reason,
                "sentence": sentences.get((r.article_id, r.start), ""),
                "other_sentence": "",
            }
        )
    frame = pd.DataFrame(rows, columns=REVIEW_COLUMNS).drop_duplicates()
    return frame.sort_values(
        ["measure", "article_id", "text", "other_article_id", "other_text"], ignore_index=True
    )


_SEVERITY = {"inconsistent": 0, "compatible": 1, "consistent": 2}


def one_row_per_measure_article(checks: pd.DataFrame) -> pd.DataFrame:
    """The contract of figure_checks.csv: one row per (measure, article). When an article gives
    several figures for one measure, the row shown is its most severe verdict (inconsistent,
    then compatible, then consistent; first in the text on ties); `n_figures` says how many."""
    if checks.empty:
        return checks
    ranked = checks.assign(_severity=checks["verdict"].map(_SEVERITY).fillna(3))
    ranked = ranked.sort_values(["measure", "article_id", "_severity", "start"], kind="stable")
    kept = ranked.drop_duplicates(["measure", "article_id"], keep="first")
    return kept.drop(columns="_severity").reset_index(drop=True)


def analyse(corpus: Corpus, config: FiguresConfig | None = None) -> FiguresResult:
    """Figures of every article, their per-measure checks and the fact-checker's views."""
    config = config or FiguresConfig()
    figs = [f for article in corpus for f in extract(article, config)]
    figs = _without_setting(figs, corpus, config)
    figs.sort(key=lambda f: (f.article_id, f.start, f.end))
    comparisons, disagreements = compare(figs, config)
    checks = one_row_per_measure_article(comparisons)
    return FiguresResult(
        figures=figures_frame(figs),
        checks=checks,
        disagreements=disagreements,
        matrix=matrix_frame(checks, corpus.ids),
        review=review_frame(figs, comparisons, config),
        details=details_frame(figs),
        comparisons=comparisons,
    )
