"""Comparing figures across articles: which figures are one measure, their partners, the verdict.

Verdict of one (measure, article) against the other articles giving that measure, counting only
partners whose context does not differ (see `context_conflict`):
- inconsistent: its interval is disjoint from some other article's;
- consistent: its interval is identical to every other article's;
- compatible: otherwise (intervals overlap), and also when no partner is comparable because the
  contexts differ, in which case `needs_review` is true and `reason` says why.
An article giving several values for a measure is judged by the first it gives, against each
other article's first figure for the measure whose context does not differ.

Figures meet under a key inside their event: the measure, the value for years and dates, and
for a figure whose measure the grammar could not read its unit alone (`loose_key`, "USD|by
context"), where the link model, reading the words around both, decides every pair.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from functools import cache

import pandas as pd

from newsaudit import lexicon
from newsaudit.config import MONTHS, FiguresConfig
from newsaudit.figures import linkmodel, phrases
from newsaudit.figures.extract import DATE_KINDS
from newsaudit.figures.figure import Figure
from newsaudit.figures.frames import CHECK_COLUMNS, DISAGREEMENT_COLUMNS
from newsaudit.figures.intervals import gap, relation, written_bounds  # noqa: F401
from newsaudit.figures.keys import (  # noqa: F401 (the keys are part of compare's interface)
    LOOSE,
    age_of,
    bounded,
    by_event_measure,
    by_measure,
    channel_key,
    comparable,
    comparable_key,
    date_key,
    is_loose,
    loose_key,
    measure_of,
    without_setting,
    years_apart,
)
from newsaudit.figures.words import WORDS

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
    if ua and ub and phrases.lemma(ua.group(1)) != phrases.lemma(ub.group(1)):
        return f"different units: {ua.group(1)} vs {ub.group(1)}"
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
    generic = set(WORDS.owner_generic_words)
    words = {phrases.lemma(w) for w in a.lower().split()} - generic
    return bool(words & {phrases.lemma(w) for w in b.lower().split()})


def _frames_meet(ta: set[str], tb: set[str]) -> bool:
    for x in ta:
        for y in tb:
            rx, vx = x.split(" ", 1)
            ry, vy = y.split(" ", 1)
            wild = "?" in (vx, vy) or (vx in _MONTH_SET) != (vy in _MONTH_SET)
            if x == y or (wild and rx == ry):
                return True
    return False


def _distance(a: Figure, b: Figure) -> tuple[int, float, int, float]:
    """How far apart two figures are: first whether their written time frames and causes
    differ ("2,000 in 1998" is not the counterpart of "more than 1,500"), then the gap of
    their intervals relative to their size (0 when they overlap), then how many of the two are
    vague, then how far apart their middles are: an exact figure meets its exact counterpart
    ("25,000 pages" and "25,000 pages") before a vague one that contains it ("tens of
    thousands of pages")."""
    differs = (_frames(a) != _frames(b)) + (set(a.cause) != set(b.cause))
    return differs, gap(a, b)[1], a.vague + b.vague, _middle_apart(a, b)


def _middle_apart(a: Figure, b: Figure) -> float:
    """|log| of the ratio of the two intervals' middles (their finite bound when one is
    unbounded; 0 when a ratio cannot be taken)."""
    ma, mb = _middle(a), _middle(b)
    return abs(math.log(ma / mb)) if ma > 0 and mb > 0 else 0.0


def _middle(f: Figure) -> float:
    if math.isfinite(f.low) and math.isfinite(f.high):
        return (f.low + f.high) / 2
    return f.low if math.isfinite(f.low) else f.high


def _frames(f: Figure) -> set[str]:
    """Time frames that scope a figure: years, months, "since"; not the weekday of the news."""
    return {t for t in f.timeframe if not t.startswith("on ")}


def _usable(f: Figure, g: Figure, config: FiguresConfig, channel: bool = False) -> bool:
    """Whether `g` may be `f`'s counterpart: their contexts do not differ and, when their
    intervals are disjoint, the link model takes them for one measure: far-apart values are
    left uncompared rather than called a conflict. Figures of unknown measure (`is_loose`) and
    pairs met only in their unit channel (`channel`: two measure keys, or two years) are linked
    only when the model says so, overlapping or not."""
    if context_conflict(f, g, config, dates=not channel):
        return False
    if channel and not is_loose(f) and not is_loose(g) and measure_of(f) == measure_of(g):
        return False  # judged under their own key already
    if channel and _channel_apart(f, g):
        return False
    if (
        channel
        and f.kind in DATE_KINDS
        and not linkmodel.one_event_dated(f, g, config.date_slip_years)
    ):
        return False  # two events, not one misdated
    loose = is_loose(f) or is_loose(g)
    if not (loose or channel) and relation(f, g, config.epsilon) != "disjoint":
        return True
    return linkmodel.same_measure(f, g, loose=loose, channel=channel)


def _channel_apart(f: Figure, g: Figure) -> bool:
    """Whether two figures met only in their unit channel are plainly two measures: a place or
    a time frame named with one only ("17 killed in Sarn" is part of the toll; "31 people in
    2021" an earlier accident), or two events the grammar knows and that differ (killed vs
    missing: `event_classes`)."""
    if f.place != g.place or _frames(f) != _frames(g):
        return True
    known = _event_classes()
    return f.event != g.event and f.event in known and g.event in known


@cache
def _event_classes() -> frozenset[str]:
    return frozenset({*WORDS.event_classes, *WORDS.date_event_classes})


def _best(
    f: Figure, candidates: list[Figure], config: FiguresConfig, channel: bool = False
) -> Figure | None:
    """The usable candidate nearest to `f` (`_distance`; text order breaks ties)."""
    usable = [g for g in candidates if _usable(f, g, config, channel)]
    return min(usable, key=lambda g: _distance(f, g)) if usable else None


def partners(
    own: list[Figure], other: list[Figure], config: FiguresConfig, channel: bool = False
) -> dict[int, Figure]:
    """Index in `own` -> the other article's figure it is compared with: a best-match
    assignment, one to one, nearest pairs first (`_distance`), so an article giving a
    cumulative and a daily count ("1,340 cases", "86 new cases") meets each of another
    article's figures with its own counterpart, an exact figure meets its exact counterpart
    rather than a vague mention, and a figure with no counterpart ("1,340" vs an article giving
    only "about 90", already taken by "86") is not compared."""
    ranked = sorted(
        (_distance(f, g), i, j)
        for i, f in enumerate(own)
        for j, g in enumerate(other)
        if _usable(f, g, config, channel)
    )
    out: dict[int, Figure] = {}
    taken: set[int] = set()
    for _, i, j in ranked:
        if i not in out and j not in taken:
            out[i] = other[j]
            taken.add(j)
    return out


# What may legitimately change between two days of writing: a running tally only grows
# (deaths, arrests, cases, signatures...), and a share (a poll, a rate) moves either way. A sum
# of money, a duration or a count that fell is not explained by the date: it stays a conflict.
_MOVES_EITHER_WAY = frozenset({"percent"})
_GROWS = frozenset({"count"})


@cache
def _tallies() -> frozenset[str]:
    return frozenset(phrases.lemma(w) for w in lexicon.words("figures/tallies"))


def running_tally(f: Figure) -> bool:
    """Whether a count is a running tally that grows while a story unfolds (the dead, arrests,
    cases, signatures: `lexicon/en/figures/tallies.txt`), not a fixed count (two turkeys)."""
    said = f"{f.thing} {f.event} {f.relation}".replace("|", " ").split()
    return bool({phrases.lemma(w) for w in said} & _tallies())


def moved(a: Figure, b: Figure, published: dict[str, dt.date | None], eps: float) -> str:
    """Why two disjoint figures may both be right: their articles were written on different
    days and the later one reports a tally that grew, or a share that moved ('' when not)."""
    da, db = published.get(a.article_id), published.get(b.article_id)
    if da is None or db is None or da == db or relation(a, b, eps) != "disjoint":
        return ""
    early, late = (a, b) if da < db else (b, a)
    grew = late.low > early.high
    tally = a.kind in _GROWS and grew and running_tally(a) and running_tally(b)
    if not (a.kind == b.kind and (a.kind in _MOVES_EITHER_WAY or tally)):
        return ""
    what = "a share can move" if a.kind in _MOVES_EITHER_WAY else "the later tally is higher"
    return (
        f"moved: {a.article_id} ({da.isoformat()}) and {b.article_id} ({db.isoformat()}) "
        f"were written on different days and {what}"
    )


def _judge(
    f: Figure,
    matched: dict[str, Figure | None],
    others: dict[str, list[Figure]],
    config: FiguresConfig,
    published: dict[str, dt.date | None] | None = None,
    channel: bool = False,
) -> tuple[str, float, list[str], list[Figure]]:
    """(verdict, largest relative difference, reasons, partners) of one figure against its
    counterparts in the other articles (None where it has none). A disjoint partner written on
    another day (`moved`) makes the figure need review, not inconsistent."""
    rels: list[str] = []
    reasons: list[str] = []
    found: list[Figure] = []
    rel_diff = 0.0
    for other_id, partner in matched.items():
        if partner is None:
            figs = others[other_id]
            conflict = context_conflict(f, figs[0], config, dates=not channel)
            far = not _usable(f, figs[0], config, channel)
            why = conflict or (
                "too far apart to be one measure (link model)"
                if far
                else "closer to another of this article's figures"
            )
            reasons.append(f"{other_id} {figs[0].text!r}: {why}")
            continue
        found.append(partner)
        rels.append(relation(f, partner, config.epsilon))
        if rels[-1] == "disjoint":
            rel_diff = max(rel_diff, gap(f, partner)[1])
            why = moved(f, partner, published or {}, config.epsilon)
            if why:
                rels[-1] = "moved"
                reasons.append(why)
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


def neighbours(
    article_ids: list[str], published: dict[str, dt.date | None], most: int
) -> dict[str, list[str]]:
    """article -> the other articles its figures are compared with: all of them up to `most`
    articles, else the `most` nearest in publication order (then id), half on each side where
    there is room; linear in articles, and symmetric enough that each pair is judged from
    both sides when both are in each other's window."""
    if len(article_ids) <= most + 1:
        return {a: [b for b in article_ids if b != a] for a in article_ids}
    order = sorted(article_ids, key=lambda a: (published.get(a) or dt.date.min, a))
    out = {}
    for i, a in enumerate(order):
        start = min(max(0, i - most // 2), len(order) - most - 1)
        window = order[start : start + most + 1]
        out[a] = sorted(b for b in window if b != a)
    return out


def compare(
    figs: list[Figure],
    config: FiguresConfig,
    events: dict[str, str] | None = None,
    published: dict[str, dt.date | None] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(checks, disagreements). Every figure of a measure is compared with its counterpart in
    each other article of its event (`partners`); an article's first figure for the measure
    always gets a row, a later one only when some other article has a counterpart for it.
    Then, in each unit channel (`keys.channel_key`), the figures still without a counterpart
    in some article (`_channelled`) meet that article's figures of other keys, linked only
    where the link model says one measure (rows only for those linked, under the channel key).
    `published` (article_id -> date) turns disjoint figures written on different days into
    'moved' (compatible, needs review, reason starting "moved:")."""
    rows: list[dict[str, object]] = []
    pairs: dict[tuple[str, int, str, int], tuple[Figure, Figure]] = {}
    published = published or {}
    linked: dict[tuple[str, int], set[str]] = defaultdict(set)
    groups = by_event_measure(figs, events)
    channels: dict[tuple[str, str], dict[str, list[Figure]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for (event, measure), by_article in groups.items():
        if measure.endswith(f"|{LOOSE}"):
            for aid, own in by_article.items():
                channels[(event, measure)][aid].extend(own)
            continue
        _compare_group(measure, by_article, config, published, rows, pairs, linked)
    articles_of: dict[str, set[str]] = defaultdict(set)
    for (event, _), by_article in groups.items():
        articles_of[event].update(by_article)
    for (event, measure), by_article in groups.items():
        if measure.endswith(f"|{LOOSE}"):
            continue
        for aid, own in by_article.items():
            for f in own:
                key = channel_key(f) if _channelled(f) else ""
                if key and len(linked[(aid, f.start)]) < len(articles_of[event]) - 1:
                    channels[(event, key)][aid].append(f)
    for (_event, key), by_article in sorted(channels.items()):
        for own in by_article.values():
            own.sort(key=lambda f: f.start)
        _compare_group(key, by_article, config, published, rows, pairs, linked, channel=True)
    checks = pd.DataFrame(rows, columns=CHECK_COLUMNS)
    checks = checks.sort_values(["measure", "article_id", "start"], ignore_index=True)
    return checks, _disagreements(list(pairs.values()))


def _channelled(f: Figure) -> bool:
    """Whether a figure of a known measure left without a counterpart meets the figures of
    other keys in its unit channel: a year or date, or an exact count, sum or age. Not a
    qualified figure ("about 15", "40 or so": met by unit alone it says too little), and not a
    share: a story gives many (poll answers, rates, forecasts and outturns: "1.8% for the
    year", "the 1.9% economists expected") close together, and what each is a share of, its
    key, is the only evidence of which is which."""
    if f.kind in DATE_KINDS:
        return True
    return f.low == f.high and f.kind != "percent"


def _compare_group(
    measure: str,
    by_article: dict[str, list[Figure]],
    config: FiguresConfig,
    published: dict[str, dt.date | None],
    rows: list[dict[str, object]],
    pairs: dict[tuple[str, int, str, int], tuple[Figure, Figure]],
    linked: dict[tuple[str, int], set[str]],
    channel: bool = False,
) -> None:
    """Compare the figures of one key across its articles: add their checks rows and disjoint
    pairs, and record who got a counterpart where (`linked`). In a unit channel (`channel`) a
    figure meets only articles it has no counterpart in yet, and gets a row only when linked
    (figures of unknown measure keep their row, as under any key)."""
    if len(by_article) < 2:
        return
    if channel and len(by_article) > config.loose_max_articles:
        return  # a unit shared by this many articles is no evidence of one measure
    near = neighbours(list(by_article), published, config.compare_max_articles)

    def free(own: list[Figure], other_id: str) -> list[Figure]:
        return [f for f in own if other_id not in linked[(f.article_id, f.start)]]

    # One best-match assignment per pair of articles, read from both sides.
    matches: dict[tuple[str, str], dict[int, Figure]] = {}
    for a in by_article:
        for b in near[a]:
            if (a, b) in matches:
                continue
            own, other = by_article[a], by_article[b]
            if channel:
                own, other = free(own, b), free(other, a)
            found = partners(own, other, config, channel)
            index_a = {id(f): i for i, f in enumerate(by_article[a])}
            index_b = {id(f): j for j, f in enumerate(by_article[b])}
            matches[(a, b)] = {index_a[id(own[i])]: g for i, g in found.items()}
            matches[(b, a)] = {index_b[id(g)]: own[i] for i, g in found.items()}
    for article_id, own in by_article.items():
        others = {aid: by_article[aid] for aid in near[article_id]}
        for i, f in enumerate(own):
            matched = {aid: matches[(article_id, aid)].get(i) for aid in others}
            hit = any(matched.values())
            if (i or (channel and not is_loose(f))) and not hit:
                continue
            if channel:  # articles it already has a counterpart in are not asked again
                done = linked[(f.article_id, f.start)]
                matched = {aid: g for aid, g in matched.items() if g or aid not in done}
            verdict, rel_diff, reasons, found = _judge(
                f, matched, others, config, published, channel
            )
            for p in found:
                linked[(f.article_id, f.start)].add(p.article_id)
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
                    "needs_review": bool(reasons or _notes(f)),
                    "reason": " | ".join([*reasons, *_notes(f)]),
                    "n_figures": len(own),
                    "start": f.start,
                    "end": f.end,
                    # The counterparts it was judged against, as article_id@start.
                    "compared_with": "; ".join(f"{p.article_id}@{p.start}" for p in found),
                }
            )
            for p in found:
                if relation(f, p, config.epsilon) == "disjoint" and not moved(
                    f, p, published, config.epsilon
                ):
                    x, y = sorted((f, p), key=lambda z: (z.article_id, z.start))
                    pairs[(x.article_id, x.start, y.article_id, y.start)] = (x, y)


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
