"""Comparing figures across articles: which figures are one measure, their partners, the verdict.

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

import math
import re
from collections import defaultdict
from dataclasses import replace

import pandas as pd

from newsaudit.config import MONTHS, FiguresConfig
from newsaudit.corpus import Corpus
from newsaudit.figures import phrases
from newsaudit.figures.extract import DATE_KINDS
from newsaudit.figures.figure import Figure
from newsaudit.figures.frames import CHECK_COLUMNS, DISAGREEMENT_COLUMNS, REVIEW_COLUMNS
from newsaudit.figures.phrases import UNKNOWN
from newsaudit.figures.words import WORDS

_MONTH_SET = frozenset(MONTHS)


def without_setting(figs: list[Figure], corpus: Corpus, config: FiguresConfig) -> list[Figure]:
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
            ctx_key = phrases.key(f.thing, f.event, "", f.relation)
            f = replace(f, place="", measure=ctx_key)
        out.append(f)
    return out


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
    usable = [f for f in figs if f.thing and f.kind not in ("ordinal", *DATE_KINDS)]
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
