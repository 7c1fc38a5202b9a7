"""Why two figures proposed as one measure may count different things: their contexts.

`context_conflict` names what differs between two figures' contexts (dates, people, units,
subjects, groups, time frames, causes); `channel_apart` says when two figures met only in their
unit channel are plainly two measures (a place or time frame named by one only, two known
events). A pair whose contexts differ is never compared.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from newsaudit import lexicon
from newsaudit.config import MONTHS, FiguresConfig
from newsaudit.figures import lemmas, phrases
from newsaudit.figures.figure import Figure
from newsaudit.figures.intervals import relation
from newsaudit.figures.keys import age_of
from newsaudit.figures.span import DATE_KINDS
from newsaudit.figures.words import WORDS
from newsaudit.text import abbreviations

# Words on each side of a figure within which a year or month written in its sentence scopes it
# when two keys meet in a unit channel (`channel_apart`): "31 people in 2021" is an earlier
# toll; "three days of panel discussions ... the 2012 presidential nomination" is not of 2012.
FRAME_WINDOW = 8

_MONTH_SET = frozenset(MONTHS)


_COMPOUND = re.compile(r"-([a-z]+)$")


def context_conflict(a: Figure, b: Figure, config: FiguresConfig, dates: bool = True) -> str:
    """Why two same-measure figures may count different things ('' when comparable).

    Beyond owner, group, time frame and cause: two different years or dates are two different
    events in real news ("the 2016 election" and "the 2020 campaign"; the year names which one),
    never one date told two ways; and hyphenated compounds name what is counted ("a 24-page
    indictment", "a seven-count indictment"). With `dates` false (years and dates met in their
    unit channel, `keys.channel_key`) two dates may be one event told two ways: the link model
    decides."""
    if dates and a.kind in DATE_KINDS and relation(a, b, config.epsilon) == "disjoint":
        return f"different dates: {a.text} and {b.text} name different events"
    pa, pb = age_of(a), age_of(b)
    if pa and pb and pa != pb:
        return f"different people: {pa} vs {pb}"
    ua, ub = _COMPOUND.search(a.text.lower()), _COMPOUND.search(b.text.lower())
    if ua and ub and lemmas.lemma(ua.group(1)) != lemmas.lemma(ub.group(1)):
        return f"different units: {ua.group(1)} vs {ub.group(1)}"
    if a.owner and b.owner and not _same_owner(a.owner, b.owner, config):
        return f"different subjects: {a.owner} vs {b.owner}"
    ma, mb = _group_words(a.modifiers), _group_words(b.modifiers)
    if ma and mb and not ma & mb:
        return f"different groups: {', '.join(sorted(ma))} vs {', '.join(sorted(mb))}"
    ta, tb = (set() if f.kind == "age" else set(f.timeframe) for f in (a, b))
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


def _group_words(modifiers: tuple[str, ...]) -> set[str]:
    """A figure's modifiers as compared: case folded ("Irish" in the body, "IRISH" in a
    headline; "Penelope" read from "49-year-old Penelope Tomkins", "penelope" from the given
    name before "Tomkins, 45,") and without the honorifics a person is named with ("Mrs
    Coughlan, 55" / "Pam Coughlan, 51": a title is not a given name that tells two people
    apart; `lexicon/en/figures/honorifics.txt` and the abbreviated titles)."""
    return {m.lower() for m in modifiers} - _honorifics()


@cache
def _honorifics() -> frozenset[str]:
    return frozenset(lexicon.words("figures/honorifics")) | abbreviations.load().titles


def _same_owner(a: str, b: str, config: FiguresConfig) -> bool:
    """Whether two subjects name the same party: they share a word ("the opposition" and "the
    opposition alliance", "Unity Party" and "the ruling Unity Party")."""
    generic = set(WORDS.owner_generic_words)
    words = {lemmas.lemma(w) for w in a.lower().split()} - generic
    return bool(words & {lemmas.lemma(w) for w in b.lower().split()})


def _frames_meet(ta: set[str], tb: set[str]) -> bool:
    for x in ta:
        for y in tb:
            rx, vx = x.split(" ", 1)
            ry, vy = y.split(" ", 1)
            wild = "?" in (vx, vy) or (vx in _MONTH_SET) != (vy in _MONTH_SET)
            if x == y or (wild and rx == ry):
                return True
    return False


def frames(f: Figure) -> set[str]:
    """Time frames that scope a figure: years, months, "since"; not the weekday of the news,
    and none for an age (a person's age is told as of the writing; "Lieberman, 75, who served
    in the Senate from 1989 to 2013": the years date the service)."""
    if f.kind == "age":
        return set()
    return {t for t in f.timeframe if not t.startswith("on ")}


@lru_cache(maxsize=1 << 14)
def _words_near(sentence: str, text: str) -> frozenset[str] | None:
    """The words within `FRAME_WINDOW` of the figure's text in its sentence, folded (None when
    the text is not found)."""
    beside = phrases.words_beside(sentence, text, FRAME_WINDOW)
    return None if beside is None else frozenset((*beside[0], *beside[1]))


def near_frames(f: Figure) -> set[str]:
    """The time frames (`frames`) whose year or month is written within `FRAME_WINDOW` words of
    the figure; a frame that cannot be placed ("in ?", a year read from "this year") is kept."""
    near = _words_near(f.sentence, f.text)
    if near is None:
        return frames(f)
    out = set()
    for t in frames(f):
        value = t.split(" ", 1)[1].split("-")[0].lower()
        if value == "?" or value in near:
            out.add(t)
    return out


def channel_apart(f: Figure, g: Figure) -> bool:
    """Whether two figures met only in their unit channel are plainly two measures: a place or
    a time frame named with one only ("17 killed in Sarn" is part of the toll; "31 people in
    2021" an earlier accident), or two events the grammar knows and that differ (killed vs
    missing: `event_classes`). A year or month counts as the figure's time frame here only when
    written near it (`near_frames`): a sentence dates other things too, and the grammar met the
    two figures under two keys already."""
    if f.place != g.place or near_frames(f) != near_frames(g):
        return True
    known = _event_classes()
    return f.event != g.event and f.event in known and g.event in known


@cache
def _event_classes() -> frozenset[str]:
    return frozenset({*WORDS.event_classes, *WORDS.date_event_classes})
