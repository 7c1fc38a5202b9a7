"""The review list: hard negatives and doubtful comparisons, each with its reason.

Same-measure figures whose contexts differ (time frame, cause, group), loose matches (same
quantity and unit, different event, place or subject), unbounded figures never compared, and
the checks rows that need review. Figures meet through an index on (event, thing, unit), never
all pairs.
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from newsaudit.config import FiguresConfig
from newsaudit.figures.compare import bounded, comparable, relation
from newsaudit.figures.contexts import context_conflict
from newsaudit.figures.figure import Figure
from newsaudit.figures.frames import REVIEW_COLUMNS
from newsaudit.figures.phrases import UNKNOWN
from newsaudit.figures.span import DATE_KINDS


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


def _review_row(a: Figure, b: Figure, config: FiguresConfig) -> dict[str, object] | None:
    """The review row of two figures of the same thing and unit, or None when there is nothing
    to say (same article, or comparable and consistent in context)."""
    if a.article_id == b.article_id:
        return None
    rel = relation(a, b, config.epsilon)
    if a.measure == b.measure and comparable(a):
        reason = context_conflict(a, b, config)
    else:
        reason = _loose_reason(a, b, rel)
    if not reason:
        return None
    x, y = (a, b) if (a.article_id, a.start) <= (b.article_id, b.start) else (b, a)
    return {
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


def review_frame(
    figs: list[Figure],
    checks: pd.DataFrame,
    config: FiguresConfig,
    events: dict[str, str] | None = None,
    window: int = 50,
) -> pd.DataFrame:
    """Hard negatives and doubtful comparisons, each with its reason: same-measure figures whose
    contexts differ (time frame, cause, group), loose matches (same quantity and unit, different
    event, place or subject: "10 years" of waiting vs "a decade" of the mission), and checks rows
    that need review. `intervals` says what a naive number matcher would have concluded.

    Figures meet through an index on (event, thing, unit), each only the next `window` of its
    bucket in article order: linear in the number of figures, never all pairs."""
    rows: list[dict[str, object]] = []
    event_of = events or {}
    buckets: dict[tuple[str, str, str], list[Figure]] = defaultdict(list)
    for f in figs:
        if f.thing and f.kind not in ("ordinal", *DATE_KINDS):
            buckets[(event_of.get(f.article_id, ""), f.thing, f.unit)].append(f)
    for bucket in buckets.values():
        bucket.sort(key=lambda f: (f.article_id, f.start))
        for i, a in enumerate(bucket):
            for b in bucket[i + 1 : i + 1 + window]:
                row = _review_row(a, b, config)
                if row:
                    rows.append(row)
    for f in figs:
        if comparable(f) and not bounded(f):
            rows.append(
                {
                    "measure": f.measure,
                    "article_id": f.article_id,
                    "text": f.text,
                    "other_measure": f.measure,
                    "other_article_id": "",
                    "other_text": "",
                    "intervals": "",
                    "reason": f"not compared: {f.text!r} gives no finite bound "
                    "(a relative date in an article of unknown date)",
                    "sentence": f.sentence,
                    "other_sentence": "",
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
