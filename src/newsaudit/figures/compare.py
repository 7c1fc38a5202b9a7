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
from collections import defaultdict
from functools import cache

import pandas as pd

from newsaudit import lexicon
from newsaudit.config import FiguresConfig
from newsaudit.figures import lemmas
from newsaudit.figures.contexts import context_conflict
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
from newsaudit.figures.partners import partners, usable
from newsaudit.figures.span import DATE_KINDS

# What may legitimately change between two days of writing: a running tally only grows
# (deaths, arrests, cases, signatures...), and a share (a poll, a rate) moves either way. A sum
# of money, a duration or a count that fell is not explained by the date: it stays a conflict.
_MOVES_EITHER_WAY = frozenset({"percent"})
_GROWS = frozenset({"count"})


@cache
def _tallies() -> frozenset[str]:
    return frozenset(lemmas.lemma(w) for w in lexicon.words("figures/tallies"))


def running_tally(f: Figure) -> bool:
    """Whether a count is a running tally that grows while a story unfolds (the dead, arrests,
    cases, signatures: `lexicon/en/figures/tallies.txt`), not a fixed count (two turkeys)."""
    said = f"{f.thing} {f.event} {f.relation}".replace("|", " ").split()
    return bool({lemmas.lemma(w) for w in said} & _tallies())


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
            far = not usable(f, figs[0], config, channel)
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
    Then, in each unit channel (`keys.channel_key`), the figures (`_channelled`) meet the other
    articles' figures of other keys, linked only where the link model says one measure and
    neither has a likelier counterpart already (rows only for those linked, under the channel
    key).
    `published` (article_id -> date) turns disjoint figures written on different days into
    'moved' (compatible, needs review, reason starting "moved:")."""
    rows: list[dict[str, object]] = []
    pairs: dict[tuple[str, int, str, int], tuple[Figure, Figure]] = {}
    published = published or {}
    linked: dict[tuple[str, int], dict[str, Figure]] = defaultdict(dict)
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
    for (event, measure), by_article in groups.items():
        if measure.endswith(f"|{LOOSE}"):
            continue
        for aid, own in by_article.items():
            for f in own:
                key = channel_key(f) if _channelled(f) else ""
                if key:
                    channels[(event, key)][aid].append(f)
    for (_event, key), by_article in sorted(channels.items()):
        for own in by_article.values():
            own.sort(key=lambda f: f.start)
        _compare_group(key, by_article, config, published, rows, pairs, linked, channel=True)
    checks = pd.DataFrame(rows, columns=CHECK_COLUMNS)
    checks = checks.sort_values(["measure", "article_id", "start"], ignore_index=True)
    return checks, _disagreements(list(pairs.values()))


def written(f: Figure) -> bool:
    """Whether a figure is written as a number: not a year or date read from words alone
    ("this year", "last month")."""
    return f.kind not in DATE_KINDS or any(c.isdigit() for c in f.text)


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
    linked: dict[tuple[str, int], dict[str, Figure]],
    channel: bool = False,
) -> None:
    """Compare the figures of one key across its articles: add their checks rows and disjoint
    pairs, and record who got a counterpart where (`linked`: figure -> article -> counterpart).
    In a unit channel (`channel`) a figure meets another article's figure only when neither
    has a likelier counterpart there already (`partners`), and gets a row only when linked
    (figures of unknown measure keep their row, as under any key)."""
    if len(by_article) < 2:
        return
    if channel and len(by_article) > config.loose_max_articles:
        return  # a unit shared by this many articles is no evidence of one measure
    near = neighbours(list(by_article), published, config.compare_max_articles)

    def held(own: list[Figure], other_id: str) -> dict[int, Figure]:
        """index -> the counterpart a figure already has in `other_id` (under its own key); a
        year met as "this year" holds nothing (dated from the publication, not written)."""
        got = {i: linked[(f.article_id, f.start)].get(other_id) for i, f in enumerate(own)}
        return {i: g for i, g in got.items() if g is not None and written(g)}

    # One best-match assignment per pair of articles, read from both sides.
    matches: dict[tuple[str, str], dict[int, Figure]] = {}
    for a in by_article:
        for b in near[a]:
            if (a, b) in matches:
                continue
            own, other = by_article[a], by_article[b]
            if channel:
                found = partners(own, other, config, True, held(own, b), held(other, a))
            else:
                found = partners(own, other, config)
            index_b = {id(g): j for j, g in enumerate(other)}
            matches[(a, b)] = found
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
                linked[(f.article_id, f.start)][p.article_id] = p
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
