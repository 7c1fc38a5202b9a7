"""Claims a fact-checker can act on: each disagreement as the sentences side by side, the values
as intervals, figures traced along copy chains (a copy's repeat is not a second source), the
likely reason and what to check."""

from __future__ import annotations

import html
import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from newsaudit.config import ReportConfig
from newsaudit.pipeline import Results
from newsaudit.report.labels import (
    copy_links,
    interval_text,
    labels,
    measure_label,
    name,
    value_text,
)

REASONS = {
    "time": (
        "time of writing: the articles appeared on different dates and the count may have "
        "moved in between",
        "Compare each figure with the official count on the day each article was published.",
    ),
    "rounding": (
        "rounding: the values are within 10% of each other and at least one is rounded or "
        "approximate",
        "Find the exact figure in the primary source and see which outlet rounded it.",
    ),
    "definition": (
        "different definition: the gap is too large for rounding; the articles may count "
        "different things (who, where, over which period)",
        "Read the sentences side by side: check what each counts and for which period before "
        "calling either wrong.",
    ),
}


@dataclass(frozen=True)
class Statement:
    """One article's figure for the measure, with its sentence and whom it repeats."""

    article_id: str
    who: str  # "001 (Al Jazeera)"
    date: str
    text: str  # as written: "more than 14,000"
    interval: str  # "14,000 or more"
    sentence: str
    repeats: str = ""  # article id of the source this copy took the figure from


@dataclass(frozen=True)
class Value:
    """A value and who gives it: independent statements and the copies that repeat them."""

    text: str  # the interval: "300 or more"
    written: str = ""  # as the first stating article writes it: "More than 300"
    stated_by: list[str] = field(default_factory=list)
    repeated_by: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Claim:
    """One quantity the articles disagree on."""

    measure: str
    label: str
    statements: list[Statement]
    values: list[Value]
    gap: str
    reason: str
    check: str
    pair: tuple[str, ...] = ()  # the articles of the largest disagreement on this measure

    @property
    def sources(self) -> int:
        """How many independent sources state a value (copies not counted)."""
        return sum(len(v.stated_by) for v in self.values)


def _overlaps(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    return bool(a["low"] <= b["high"] and b["low"] <= a["high"])


def _sentences(results: Results, measures: set[str]) -> dict[tuple[str, str], list[tuple]]:
    """(article, measure) -> [(start, sentence), ...] in figure order, for the given measures:
    one pass over the figures instead of a scan per statement."""
    figs = results.figures.figures
    if figs.empty or "sentence" not in figs.columns:
        return {}
    figs = figs[figs["measure"].isin(measures)]
    starts = figs["start"] if "start" in figs.columns else pd.Series(math.nan, index=figs.index)
    out: dict[tuple[str, str], list[tuple]] = {}
    for article_id, measure, start, sentence in zip(
        figs["article_id"], figs["measure"], starts, figs["sentence"], strict=True
    ):
        out.setdefault((article_id, measure), []).append((start, sentence))
    return out


def _sentence(found: list[tuple], start: float) -> str:
    """The sentence of the figure at `start`, else of the measure's first figure in the article."""
    if not found:
        return ""
    if not math.isnan(float(start)):
        exact = [sentence for at, sentence in found if at == start]
        if exact:
            return str(exact[0])
    return str(found[0][1])


def _dates(results: Results) -> dict[str, str]:
    return {
        a.article_id: a.published.isoformat() for a in results.corpus if a.published is not None
    }


def sources_of(results: Results) -> dict[str, list[str]]:
    """copy -> its sources, in the order of the reusing pairs (deterministic)."""
    out: dict[str, list[str]] = {}
    for source, copy, _ in copy_links(results):
        out.setdefault(copy, []).append(source)
    return out


def _repeats(
    by_article: Mapping[str, Mapping[str, Any]], links: dict[str, list[str]]
) -> dict[str, str]:
    """Each article whose figure repeats (overlaps) its source's figure -> that source."""
    out = {}
    for article_id, row in by_article.items():
        for source in links.get(article_id, ()):
            if source in by_article and _overlaps(row, by_article[source]):
                out[article_id] = source
                break
    return out


def _reason(dates: list[str], relative: float, config: ReportConfig) -> str:
    """The likeliest reason for a gap: rounding when small, a moved count when the articles
    appeared on different days and the gap is moderate, else a different definition."""
    if relative <= config.rounding_gap:
        return "rounding"
    if len({d for d in dates if d}) > 1 and relative <= config.moved_gap:
        return "time"
    return "definition"


def claim_measures(results: Results) -> list[str]:
    """The measures the articles disagree on, largest disagreement first."""
    checks = results.figures.checks
    if checks.empty:
        return []
    bad = checks[checks["verdict"] == "inconsistent"]
    disagreements = results.figures.disagreements
    order = list(dict.fromkeys(disagreements["measure"])) if not disagreements.empty else []
    seen = set(order)
    order += [m for m in dict.fromkeys(bad["measure"]) if m not in seen]
    # A disagreement met in a unit channel can carry a measure no check row has: its claim
    # needs each article's row, so it stays in the Disagreements table only.
    have = set(checks["measure"])
    return [m for m in order if m in have]


def claims(results: Results, limit: int | None = None) -> list[Claim]:
    """The inconsistent quantities as claims, largest disagreement first; the first `limit`
    only when given (an archive can disagree on thousands: the report shows the top ones)."""
    order = claim_measures(results)[:limit]
    if not order:
        return []
    checks = results.figures.checks
    disagreements = results.figures.disagreements
    wanted = set(order)
    rows_of = dict(tuple(checks[checks["measure"].isin(wanted)].groupby("measure", sort=False)))
    gaps = (
        dict(tuple(disagreements[disagreements["measure"].isin(wanted)].groupby("measure")))
        if not disagreements.empty
        else {}
    )
    links = sources_of(results)
    sentences = _sentences(results, wanted)
    dates = _dates(results)
    tag = labels(results)
    out = []
    for measure in order:
        rows = rows_of[measure].sort_values(["article_id", "start"])
        rows = rows.drop_duplicates("article_id")
        by_article = {r["article_id"]: r for _, r in rows.iterrows()}
        repeats = _repeats(by_article, links)
        unit = str(rows["unit"].iloc[0]) if "unit" in rows.columns else ""
        statements = [
            Statement(
                article_id=article_id,
                who=name(results, article_id),
                date=dates.get(article_id, ""),
                text=str(row["text"]),
                interval=interval_text(row["low"], row["high"], unit),
                sentence=_sentence(
                    sentences.get((article_id, measure), []), row.get("start", math.nan)
                ),
                repeats=repeats.get(article_id, ""),
            )
            for article_id, row in by_article.items()
        ]
        roots = {s.article_id: s for s in statements if not s.repeats}
        values = []
        for root in roots.values():
            values.append(
                Value(
                    text=root.interval,
                    written=root.text,
                    stated_by=[root.who],
                    repeated_by=[
                        tag.get(s.article_id, s.article_id)
                        for s in statements
                        if s.repeats == root.article_id
                    ],
                )
            )
        merged: dict[str, Value] = {}
        for value in values:  # two independent articles with the same value: one line
            if value.text in merged:
                merged[value.text].stated_by.extend(value.stated_by)
                merged[value.text].repeated_by.extend(value.repeated_by)
            else:
                merged[value.text] = value
        part = gaps.get(measure, disagreements.iloc[:0])
        relative = float(part["relative_difference"].max()) if not part.empty else 1.0
        gap, pair = "", ()
        if not part.empty:
            first = part.iloc[0]
            pair = (str(first["article_a"]), str(first["article_b"]))
            near_a = first["high_a"] if first["high_a"] < first["low_b"] else first["low_a"]
            near_b = first["low_b"] if first["high_a"] < first["low_b"] else first["high_b"]
            gap = (
                f"the nearest values, {value_text(min(near_a, near_b), unit)} and "
                f"{value_text(max(near_a, near_b), unit)}, are "
                f"{value_text(abs(float(first['difference'])), unit)} apart"
            )
        reason = _reason([s.date for s in statements], relative, results.settings.report)
        out.append(
            Claim(
                measure=measure,
                label=measure_label(measure),
                statements=statements,
                values=list(merged.values()),
                gap=gap,
                reason=REASONS[reason][0],
                check=REASONS[reason][1],
                pair=pair,
            )
        )
    return out


def traced(results: Results) -> pd.DataFrame:
    """Every compared quantity's values along the copy chains: who states each value, which
    copies repeat it, and how many independent sources remain."""
    checks = results.figures.checks
    columns = ["quantity", "value", "stated by", "repeated by (copies)", "independent sources"]
    if checks.empty:
        return pd.DataFrame(columns=columns)
    links = sources_of(results)
    tag = labels(results)
    rows = []
    first = checks.sort_values(["measure", "article_id", "start"], kind="stable")
    first = first.drop_duplicates(["measure", "article_id"])
    for measure, part in itertools.groupby(first.to_dict("records"), key=lambda r: r["measure"]):
        by_article = {r["article_id"]: r for r in part}
        unit = str(next(iter(by_article.values()))["unit"])
        repeats = _repeats(by_article, links)
        roots = [a for a in by_article if a not in repeats]
        for root in roots:
            r = by_article[root]
            rows.append(
                {
                    "quantity": measure_label(measure),
                    "value": interval_text(r["low"], r["high"], unit),
                    "stated by": tag.get(root, root),
                    "repeated by (copies)": ", ".join(
                        tag.get(a, a) for a, s in repeats.items() if s == root
                    ),
                    "independent sources": len(roots),
                }
            )
    return pd.DataFrame(rows, columns=columns)


def _mark(sentence: str, text: str) -> str:
    """The sentence escaped, the figure as written highlighted."""
    at = sentence.find(text) if text else -1
    if at < 0:
        return html.escape(sentence)
    return (
        html.escape(sentence[:at])
        + f"<mark>{html.escape(text)}</mark>"
        + html.escape(sentence[at + len(text) :])
    )


def shown_statements(claim: Claim, limit: int) -> list[Statement]:
    """At most `limit` statements of a claim: the disagreeing pair first, then one article per
    other value, then the rest in order (a measure can be stated by thousands of articles)."""
    if len(claim.statements) <= limit:
        return list(claim.statements)
    by_id = {s.article_id: s for s in claim.statements}
    chosen = [by_id[a] for a in dict.fromkeys(claim.pair) if a in by_id][:limit]
    values = {s.interval for s in chosen}
    for s in claim.statements:
        if len(chosen) < limit and s not in chosen and s.interval not in values:
            chosen.append(s)
            values.add(s.interval)
    for s in claim.statements:
        if len(chosen) < limit and s not in chosen:
            chosen.append(s)
    return chosen


def listed(names: list[str], limit: int = 3) -> str:
    """ "A, B and C", or "A, B, C and 1,234 others" past `limit` names."""
    if len(names) <= limit:
        return (
            " and ".join(names) if len(names) < 3 else f"{', '.join(names[:-1])} and {names[-1]}"
        )
    return ", ".join(names[:limit]) + f" and {len(names) - limit:,} others"


def card_html(
    claim: Claim, number: int, labels_by_id: dict[str, str], limit: int | None = None
) -> str:
    """One claim card: sentences side by side, values as intervals, reason, what to check;
    at most `limit` statements and values (`report.max_card_statements`), with a count of
    the rest."""
    e = html.escape
    limit = limit or ReportConfig().max_card_statements
    shown = shown_statements(claim, limit)
    cells = []
    for s in shown:
        when = f" · {e(s.date)}" if s.date else ""
        repeat = (
            f'<p class="na-repeat">repeats {e(labels_by_id.get(s.repeats, s.repeats))} '
            "(its source): not a second source</p>"
            if s.repeats
            else ""
        )
        cells.append(
            f'<div class="na-statement"><p class="na-who">{e(s.who)}{when}</p>'
            f"<blockquote>{_mark(s.sentence, s.text) or e(s.text)}</blockquote>"
            f'<p class="na-value">says <b>{e(s.text)}</b>, the interval {e(s.interval)}</p>'
            f"{repeat}</div>"
        )
    values = " vs ".join(v.text for v in claim.values[:limit])
    if len(claim.values) > limit:
        values += f" … ({len(claim.values):,} values)"
    sources = f"{claim.sources:,} independent source{'s' if claim.sources != 1 else ''}"
    gap = f" ({e(claim.gap)})" if claim.gap else ""
    rest = len(claim.statements) - len(shown)
    more = (
        f'<p class="na-note">{len(shown)} of {len(claim.statements):,} articles shown; '
        "figure_checks.csv lists every article's figure.</p>"
        if rest
        else ""
    )
    return (
        f'<section class="na-claim" id="claim-{number}">'
        f"<h3>{number}. {e(claim.label.capitalize())}: {e(values)}</h3>"
        f'<div class="na-statements">{"".join(cells)}</div>{more}'
        f'<p class="na-verdict"><b>Disagree</b>{gap}; {e(sources)}.</p>'
        f"<p><b>Likely reason:</b> {e(claim.reason)}.</p>"
        f"<p><b>What to check:</b> {e(claim.check)}</p></section>"
    )
