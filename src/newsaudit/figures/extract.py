"""Finding figure spans in text: digits and spelled numbers with their unit, dates, decades,
relative years ("last year"), ranges ("between 12,000 and 15,000") and qualifiers ("more than").

`spans` is a pure function of one text (and its publication date for relative years); what each
span measures is read afterwards by `figures.measures`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from newsaudit.config import FiguresConfig
from newsaudit.figures import dates, forms, joins, nonfigures, ocr, patterns, units
from newsaudit.figures.number_spans import number_spans, ordinal_spans
from newsaudit.figures.numbers import apply_qualifier, words_pattern
from newsaudit.figures.span import DATE_KINDS, Span
from newsaudit.figures.words import WORDS

# "handed over", "presided over": a verb whose particle "over" is, ending the text before it.
_OVER_VERB = re.compile(rf"\b(?:{words_pattern(WORDS.over_verbs)})\s+$", re.IGNORECASE)


def _relation(text: str, start: int) -> str:
    before = text[max(0, start - 20) : start].lower()
    match = patterns.compiled()["relation"].search(before)
    return WORDS.date_relations[" ".join(match.group(1).split())] if match else ""


def _is_baseline(text: str, start: int) -> bool:
    """Whether a number is the earlier or reference value of a change or comparison ("rose to
    5.4% from 5.1%", "down from a peak of 1,300", "fewer than the 24,000 added"): it is then
    keyed apart, never compared with the current value another article gives."""
    return bool(patterns.compiled()["baseline"].search(text[max(0, start - 40) : start].lower()))


def _qualify(text: str, s: Span, config: FiguresConfig, pats) -> Span:
    if s.kind in DATE_KINDS or s.qualifier:
        return s
    match = pats["qual"].search(text[max(0, s.start - 30) : s.start])
    if not match:
        return s
    word = " ".join(match.group(0).lower().split())
    if word == "over" and _OVER_VERB.search(
        text, max(0, s.start - 40), s.start - len(match.group(0))
    ):
        return s  # "handed over two envelopes": a particle, no "more than"
    kind = (
        WORDS.qualifiers[word]
        if word in WORDS.qualifiers
        else WORDS.qualifiers[word.replace(" ", "")]
    )
    low, high = apply_qualifier(s.low, s.high, kind, config)
    return replace(s, start=s.start - len(match.group(0)), low=low, high=high, qualifier=word)


def spans(text: str, config: FiguresConfig, published: dt.date | None = None) -> list[Span]:
    """Every number expression in the text, qualifiers applied, in text order."""
    text = ocr.digits(text)  # "3O million": one character for one, offsets kept
    pats = patterns.compiled()
    blocked = nonfigures.spans(text)
    found_dates = [
        forms.century(text, d)
        for d in dates.date_spans(text, published, config, pats)
        if not any(a < d.end and d.start < b for a, b in blocked)
    ]
    fixed = [*found_dates, *forms.share_spans(text, pats), *forms.age_decade_spans(text, pats)]
    fixed += forms.age_group_spans(text, config)
    fixed += forms.short_decade_spans(text) + forms.bare_decade_spans(text)
    fixed += forms.or_two_spans(text) + forms.to_one_spans(text) + forms.digit_plural_spans(text)
    fixed += [
        y
        for y in forms.year_range_spans(text, pats)
        if not any(a < y.end and y.start < b for a, b in blocked)
    ]
    fixed = [
        f
        for i, f in enumerate(fixed)
        if not any(g.start < f.end and f.start < g.end for g in fixed[:i])
    ]
    taken = [*blocked, *[(d.start, d.end) for d in fixed], *forms.day_lists(text, found_dates)]
    numbers_found = ordinal_spans(text, pats, taken, number_spans(text, config, pats, taken))
    numbers_found += [
        r
        for r in forms.ratio_spans(text, pats)
        if not any(a < r.end and r.start < b for a, b in taken)
    ]
    years = sorted(
        [*found_dates, *[n for n in numbers_found if n.kind == "year"]], key=lambda s: s.start
    )
    taken += [(s.start, s.end) for s in numbers_found]
    relative = [
        r
        for r in dates.relative_spans(text, published, config, pats, years)
        if not any(a < r.end and r.start < b for a, b in taken)
    ]
    found = joins.cents(text, joins.ranges(text, [*fixed, *numbers_found, *relative]))
    found = joins.durations(text, found)
    found = joins.unit_ranges(text, units.compound(text, found))
    found = joins.bounds(text, [_qualify(text, s, config, pats) for s in found])
    out = []
    for s in found:
        if s.kind in DATE_KINDS:
            s = replace(s, relation=_relation(text, s.start))
        elif _is_baseline(text, s.start):
            s = replace(s, relation="from")
        if config.round_tolerance and s.kind == "count" and not s.qualifier and not s.vague:
            low, high = apply_qualifier(s.low, s.high, "approx", config)
            s = replace(s, low=s.low - (s.low - low) * config.round_tolerance / 0.1)
            s = replace(s, high=s.high + (high - s.high) * config.round_tolerance / 0.1)
        out.append(s)
    return sorted(out, key=lambda s: (s.start, s.end))
