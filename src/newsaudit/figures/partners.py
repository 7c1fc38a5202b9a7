"""Which figure of another article a figure is compared with: its counterpart.

`usable` says whether two figures may be compared at all (contexts that do not differ, and the
link model's word where the grammar alone cannot say they are one measure); `partners` pairs the
figures of one key in two articles one to one, the nearest pairs first.
"""

from __future__ import annotations

import math

from newsaudit.config import FiguresConfig
from newsaudit.figures import linkmodel, relative
from newsaudit.figures.contexts import channel_apart, context_conflict, frames
from newsaudit.figures.figure import Figure
from newsaudit.figures.intervals import at_one_precision, gap, relation
from newsaudit.figures.keys import different_members, is_loose, measure_of
from newsaudit.figures.retold import retold
from newsaudit.figures.span import DATE_KINDS


def _distance(a: Figure, b: Figure, told: float = 0.0) -> tuple[int, int, float, float, float]:
    """How far apart two figures are: first whether their written time frames and causes
    differ ("2,000 in 1998" is not the counterpart of "more than 1,500"), then how many of the
    two are vague, then how little they are told in the same words (`told`, `retold.retold`:
    a sentence retold with its value changed, "like any 11-year-old boy" / "like any
    12-year-old boy", meets its retelling before the same value written elsewhere), then the
    gap of their intervals relative to their size (0 when they overlap), then how far apart
    their middles are: an exact figure meets its exact counterpart ("25,000 pages" and "25,000
    pages", or a near miss, "27,000 pages") before a vague one that contains it ("tens of
    thousands of pages"), which would hide the conflict (a pair far apart is no candidate:
    `usable`)."""
    differs = (frames(a) != frames(b)) + (set(a.cause) != set(b.cause))
    return differs, a.vague + b.vague, -told, gap(a, b)[1], _middle_apart(a, b)


def _middle_apart(a: Figure, b: Figure) -> float:
    """|log| of the ratio of the two intervals' middles (their finite bound when one is
    unbounded; 0 when a ratio cannot be taken; a date against a year at the year)."""
    a, b = at_one_precision(a, b)
    ma, mb = _middle(a), _middle(b)
    return abs(math.log(ma / mb)) if ma > 0 and mb > 0 else 0.0


def _middle(f: Figure) -> float:
    if math.isfinite(f.low) and math.isfinite(f.high):
        return (f.low + f.high) / 2
    return f.low if math.isfinite(f.low) else f.high


def _year_and_date(f: Figure, g: Figure) -> bool:
    """Whether one of two figures is a bare year and the other a date (met at the year)."""
    return {f.kind, g.kind} == set(DATE_KINDS)


def usable(f: Figure, g: Figure, config: FiguresConfig, channel: bool = False) -> bool:
    """Whether `g` may be `f`'s counterpart: their contexts do not differ, the members two
    counts list are not two different sets (`keys.different_members`) and, when their
    intervals are disjoint, the link model takes them for one measure: far-apart values are
    left uncompared rather than called a conflict. Figures of unknown measure (`is_loose`) and
    pairs met only in their unit channel (`channel`: two measure keys, or two years) are linked
    only when the model says so, overlapping or not."""
    if context_conflict(f, g, config, dates=not channel) or different_members(f, g):
        return False
    if channel and not is_loose(f) and not is_loose(g) and measure_of(f) == measure_of(g):
        return False  # judged under their own key already
    if channel and _year_and_date(f, g) and relation(f, g, config.epsilon) != "disjoint":
        return False  # "in 2016" and "Nov. 8, 2016" agree at the year: nothing to check
    if channel and channel_apart(f, g) and not linkmodel.told_alike(f, g):
        return False  # a place or year named by one only, unless written in the same words
    if (
        channel
        and f.kind in DATE_KINDS
        and not linkmodel.one_event_dated(f, g, config.date_slip_years)
    ):
        return False  # two events, not one misdated
    if not channel and relative.apart(f, g):
        return False  # "last year" dates many events: one only when the words say so
    loose = is_loose(f) or is_loose(g)
    if not (loose or channel) and relation(f, g, config.epsilon) != "disjoint":
        return True
    return linkmodel.same_measure(f, g, loose=loose, channel=channel)


def partners(
    own: list[Figure],
    other: list[Figure],
    config: FiguresConfig,
    channel: bool = False,
    held: dict[int, Figure] | None = None,
    held_other: dict[int, Figure] | None = None,
) -> dict[int, Figure]:
    """Index in `own` -> the other article's figure it is compared with: a best-match
    assignment, one to one, nearest pairs first (`_distance`), so an article giving a
    cumulative and a daily count ("1,340 cases", "86 new cases") meets each of another
    article's figures with its own counterpart, an exact figure meets its exact counterpart
    rather than a vague mention, and a figure with no counterpart ("1,340" vs an article giving
    only "about 90", already taken by "86") is not compared; of two exact candidates, the one
    told in more of the same words right next to the number (`retold`).

    In a unit channel (`channel`) the pairs whose words agree most come first (the link
    model's `affinity`, then `_distance`): candidates there are as near as each other in value
    (every 2016 is one year from a 2017), so the words around them say which is the
    counterpart. A figure that already has a counterpart in the other article under its own key
    (`held`, `held_other`: index -> that counterpart) is taken again only by a pair whose words
    agree more than those of the pair it has: the other outlet's "2016 election" meets "the
    2017 election" when its own "2016" was met in an aside, not when it was met in the same
    words."""
    held, held_other = held or {}, held_other or {}
    ranked = []
    for i, f in enumerate(own):
        for j, g in enumerate(other):
            if not usable(f, g, config, channel):
                continue
            loose = is_loose(f) or is_loose(g)
            p = linkmodel.affinity(f, g, loose, channel) if channel else 1.0
            if i in held and p <= linkmodel.affinity(f, held[i], channel=True):
                continue
            if j in held_other and p <= linkmodel.affinity(held_other[j], g, channel=True):
                continue
            told = 0.0 if channel else retold(f, g)
            ranked.append((-p, _distance(f, g, told), i, j))
    ranked.sort()
    out: dict[int, Figure] = {}
    taken: set[int] = set()
    for *_, i, j in ranked:
        if i not in out and j not in taken:
            out[i] = other[j]
            taken.add(j)
    return out
