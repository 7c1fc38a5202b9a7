"""Which figures meet: the keys figures are compared under inside their event.

A figure of a known measure meets the figures of its measure key; a year or date meets the
years and dates of its value; a figure whose sentence grammar could not say what it counts meets
the figures of its unit ("USD|by context"), where the link model decides every pair
(`channel_key`: the same unit channel also takes the figures left without a partner under their
own key, so one measure read two ways still meets). A place every article of the event names
(the story's setting) is dropped from the keys first (`without_setting`).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import replace
from functools import lru_cache

from newsaudit.config import FiguresConfig
from newsaudit.corpus import Corpus
from newsaudit.figures import ages, phrases
from newsaudit.figures.figure import Figure
from newsaudit.figures.intervals import at_one_precision, fractional_year
from newsaudit.figures.phrases import UNKNOWN
from newsaudit.figures.span import DATE_KINDS
from newsaudit.figures.words import WORDS


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


def bounded(f: Figure) -> bool:
    """Whether a figure asserts anything: at least one finite bound ("last year" in an article
    of unknown date is (-inf, inf) and is never compared; the report could not draw it)."""
    return math.isfinite(f.low) or math.isfinite(f.high)


def _value_text(v: float) -> str:
    return f"{v:.0f}" if float(v).is_integer() else f"{v:g}"


def date_key(f: Figure) -> str:
    """The measure key of a year or date: its value ("year|2014", "date|2014-08-09",
    "year|1965-1970"). Two dates are one measure exactly when they name the same time (see
    `context_conflict`), so the verb or noun read next to them (noisy: "filed in 2014", "sued
    him in 2014") is left out of the key."""
    lo, hi = f.low, f.high
    if f.unit == "date" and lo >= 10_000_000:
        ya, ma, da = int(lo) // 10_000, int(lo) // 100 % 100, int(lo) % 100
        yb, mb, db = int(hi) // 10_000, int(hi) // 100 % 100, int(hi) % 100
        if (ya, ma, da) == (yb, mb, db):
            return f"date|{ya:04d}-{ma:02d}-{da:02d}"
        if (ya, ma) == (yb, mb):
            return f"date|{ya:04d}-{ma:02d}"
        return f"date|{ya:04d}-{ma:02d}-{da:02d}/{yb:04d}-{mb:02d}-{db:02d}"
    if lo == hi:
        return f"{f.thing or f.unit}|{_value_text(lo)}"
    return f"{f.thing or f.unit}|{_value_text(lo)}-{_value_text(hi)}"


# Kinds a figure of unknown measure may still be compared by: a sum of money, a share, a count,
# an age or a duration is one measure with another of its unit when their words agree (the
# link model): "the three-day conference" / "the conference lasts three days" (days|?).
_LOOSE_KINDS = frozenset({"count", "money", "percent", "age", "duration"})
LOOSE = "by context"


def age_of(f: Figure) -> str:
    """The person whose age a figure is, written in apposition ("Weiner, 46,": Weiner) or
    ending a relative clause ("Labrador, who is 46,"); '' when it is not such an age
    (`ages.appositive`)."""
    if f.kind not in ("count", "age"):
        return ""
    text, sentence = f.text, f.sentence
    at = sentence.find(text) if text else -1
    while at != -1:  # each place the figure is written with a comma, stop or semicolon after it
        end = at + len(text)
        if end < len(sentence) and sentence[end] in ",.;":
            person = ages.appositive(sentence, at, end)
            if person:
                return person
            at = sentence.find(text, end)
        else:
            at = sentence.find(text, at + 1)
    return ""


# A count's counted noun (up to four words) and the separator that opens the list of its
# members: "three Republican state senators — Adam Driggs, ...", "two senators, Jeff Flake and".
_BEFORE_MEMBERS = re.compile(r"((?:\s+[\w’'.-]+){1,4}?)\s*[,—–:(]\s*")
_MEMBERS_END = re.compile(r"[;—–)]|\.\s|\.$")
_MEMBER_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def members(f: Figure) -> frozenset[str]:
    """The members a count names right after its counted noun, by their last names ("three
    Republican state senators — Adam Driggs, Steve Pierce and Bob Worsley": driggs, pierce,
    worsley); empty unless it lists at least two names, each one to four capitalised words."""
    return _members(f.sentence, f.text) if f.kind == "count" else frozenset()


@lru_cache(maxsize=1 << 14)
def _members(sentence: str, text: str) -> frozenset[str]:
    at = sentence.find(text)
    m = _BEFORE_MEMBERS.match(sentence[at + len(text) :]) if at >= 0 else None
    if not m or any(w.lower() in WORDS.phrase_breaks for w in m.group(1).split()):
        return frozenset()  # "300,000 people from El Salvador, Haiti ...": places, not members
    rest = sentence[at + len(text) + m.end() :]
    end = _MEMBERS_END.search(rest)
    names = []
    for item in _MEMBER_SPLIT.split(rest[: end.start()] if end else rest):
        parts = item.split()
        if not 1 <= len(parts) <= 4 or not all(w[:1].isupper() for w in parts):
            break
        names.append(parts[-1].strip(".,").lower())
    return frozenset(names) if len(names) >= 2 else frozenset()


def different_members(a: Figure, b: Figure) -> bool:
    """Whether two counts list their members and no member is shared: two sets ("three
    Republican state senators — Adam Driggs, Steve Pierce and Bob Worsley" / "the state's two
    Republican senators, Jeff Flake and John McCain"), whatever the words around them share."""
    ma, mb = members(a), members(b)
    return bool(ma and mb and not ma & mb)


def loose_key(f: Figure) -> str:
    """The key of a figure whose sentence grammar could not say what it counts: its unit alone
    ("USD|by context"; "age|by context" for an age in apposition), '' when it is not compared
    at all (vague, unbounded, ordinal, date)."""
    finite = math.isfinite(f.low) and math.isfinite(f.high)
    if f.kind not in _LOOSE_KINDS or f.vague or not finite:
        return ""
    return f"{'age' if f.kind == 'age' or age_of(f) else f.unit or f.kind}|{LOOSE}"


def is_loose(f: Figure) -> bool:
    """Whether a figure is compared by its unit and context only (`loose_key`)."""
    return not comparable(f) and f.kind not in DATE_KINDS


def measure_of(f: Figure) -> str:
    """The key figures are compared under: the value for years and dates, the measure, or for a
    figure of unknown measure its unit (`loose_key`)."""
    if f.kind in DATE_KINDS:
        return date_key(f)
    return f.measure if comparable(f) else loose_key(f)


def by_event_measure(
    figs: list[Figure], events: dict[str, str] | None = None
) -> dict[tuple[str, str], dict[str, list[Figure]]]:
    """(event, measure) -> article -> its comparable, bounded figures, in text order: the index
    on measure keys inside each event, so figures of different stories never meet."""
    event_of = events or {}
    groups: dict[tuple[str, str], dict[str, list[Figure]]] = defaultdict(lambda: defaultdict(list))
    for f in sorted(figs, key=lambda f: (f.article_id, f.start)):
        key = measure_of(f) if bounded(f) else ""
        if key:
            groups[(event_of.get(f.article_id, ""), key)][f.article_id].append(f)
    return groups


def channel_key(f: Figure) -> str:
    """The unit channel a figure meets figures of other measure keys in, asked of the link
    model: its unit ("USD|by context", `loose_key`), and for a year or date of one event "year|by
    context" (two outlets dating one event differently give two values, so their value keys
    never meet; a year and a date share the channel, as "in 2010" and "in January 2010" date one
    event to one precision and another, and are compared at the year:
    `intervals.at_one_precision`); '' for figures never compared so (vague, unbounded, relative
    or day-of-month dates, and years or dates written without a digit: "this year", "last
    month" are dated from the publication, so two of them are not one event misdated)."""
    if f.kind in DATE_KINDS:
        finite = math.isfinite(f.low) and math.isfinite(f.high)
        if not finite or f.vague or (f.kind == "date" and f.unit != "date"):
            return ""
        if not any(c.isdigit() for c in f.text):
            return ""  # "this year": dated from the publication, never a year misdated
        return f"year|{LOOSE}"
    return loose_key(f)


def years_apart(a: Figure, b: Figure) -> float:
    """How many years apart two years or dates are, as fractional years (2016 vs 2017: 1;
    May 1 vs May 2 of one year: 0.003; 0 when the spans meet; a date against a year at the year:
    June 2017 vs 2016: 1). Dates are yyyymmdd numbers."""
    a, b = at_one_precision(a, b)
    a0, a1, b0, b1 = (fractional_year(v) for v in (a.low, a.high, b.low, b.high))
    return max(0.0, a0 - b1, b0 - a1)


def without_setting(
    figs: list[Figure],
    corpus: Corpus,
    config: FiguresConfig,
    events: dict[str, str] | None = None,
) -> list[Figure]:
    """Drop places named by most articles of the figure's event (the story's setting) from
    measure keys. Each place is looked up only in its own event's articles."""
    if len(corpus) < 2:
        return figs
    event_of = events or {}
    texts: dict[str, list[str]] = defaultdict(list)
    for a in corpus:
        texts[event_of.get(a.article_id, "")].append(a.text)
    share: dict[tuple[str, str], float] = {}
    for event, place in {(event_of.get(f.article_id, ""), f.place) for f in figs if f.place}:
        pattern = re.compile(rf"\b{re.escape(place)}\b")
        found = sum(bool(place in t and pattern.search(t)) for t in texts[event])
        share[(event, place)] = found / len(texts[event]) if len(texts[event]) > 1 else 0.0
    out = []
    for f in figs:
        if f.place and share[(event_of.get(f.article_id, ""), f.place)] >= config.setting_share:
            ctx_key = phrases.key(f.thing, f.event, "", f.relation)
            f = replace(f, place="", measure=ctx_key)
        out.append(f)
    return out
