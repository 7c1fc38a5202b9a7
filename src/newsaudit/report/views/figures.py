"""Figure consistency section: claim cards, numbers along copy chains, the evidence tables."""

from __future__ import annotations

import re

import pandas as pd

from newsaudit import names
from newsaudit.pipeline import Results
from newsaudit.report import claims as claim_cards
from newsaudit.report.display import Figure, Html, Table, Text
from newsaudit.report.labels import interval_text, labels, measure_label, relabel
from newsaudit.report.plots import figures as plots


def _quantity(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    if "measure" in out.columns:
        out["measure"] = out["measure"].map(measure_label)
    return out


def _interval(frame: pd.DataFrame, low: str = "low", high: str = "high") -> pd.Series:
    units = frame["unit"] if "unit" in frame.columns else pd.Series("", index=frame.index)
    return pd.Series(
        [
            interval_text(float(lo), float(hi), str(unit))
            for lo, hi, unit in zip(frame[low], frame[high], units, strict=True)
        ],
        index=frame.index,
        dtype=object,
    )


def claims(results: Results) -> Html:
    """One card per disagreement: sentences side by side, values, likely reason, what to check."""
    limit = results.settings.report.max_claim_cards
    total = len(claim_cards.claim_measures(results))
    if not total:
        return Html('<p class="na-text">No two articles disagree on a figure.</p>')
    cards = claim_cards.claims(results, limit)
    tag = labels(results)
    note = (
        f'<p class="na-note">The {len(cards):,} largest of {total:,} disagreements; the '
        "Disagreements table and figure_checks.csv list them all.</p>"
        if total > len(cards)
        else ""
    )
    per_card = results.settings.report.max_card_statements
    return Html(
        note + "".join(claim_cards.card_html(c, n, tag, per_card) for n, c in enumerate(cards, 1))
    )


def traced(results: Results) -> Table:
    """Each compared value with the articles stating it and the copies repeating it."""
    return Table(
        claim_cards.traced(results),
        caption="Numbers along copy chains: a figure a copy repeats from its source is not a "
        "second source",
    )


def disagreements(results: Results) -> Table:
    """Every pair of contradicting figures (the claim cards show the sentences)."""
    d = results.figures.disagreements
    frame = pd.DataFrame(
        {
            "measure": d["measure"].map(measure_label),
            "article_a": d["article_a"],
            "text_a": d["text_a"],
            "article_b": d["article_b"],
            "text_b": d["text_b"],
            "difference": d["difference"],
        }
    )
    return Table(
        relabel(frame, results, ("article_a", "article_b")),
        caption="Figures that contradict each other, largest relative gap first "
        "(difference: between the nearest values of the two intervals)",
        labels={"article_a": "A", "text_a": "A says", "article_b": "B", "text_b": "B says"},
        kinds={"difference": "count"},
    )


NONE = "No quantity is reported by two or more articles: nothing to compare."


def matrix_plot(results: Results) -> Figure | Text:
    """Verdict of each article for each measure (a sentence when nothing is compared)."""
    if results.figures.checks.empty:
        return Text([NONE], bullets=False)
    return Figure(
        plots.matrix(results.figures.checks, results.corpus.ids, labels(results)),
        caption="Verdict of each article for each measure reported by two or more articles "
        "(? = needs review).",
    )


def matrix(results: Results, max_articles: int = 6) -> Table:
    """Measures x articles: the figure each article gives and its verdict."""
    ids, note = list(results.corpus.ids), ""
    if len(ids) > max_articles:
        # The first six of 1,000 articles against every measure was sixty rows of blank cells:
        # show the articles giving most compared figures, and the measures they give.
        counts = results.figures.checks["article_id"].value_counts()
        order = {a: i for i, a in enumerate(ids)}
        top = sorted(counts.index, key=lambda a: (-counts[a], order.get(a, len(ids))))
        keep = set(top[:max_articles])
        ids = [a for a in ids if a in keep]
        note = (
            f"The {len(ids)} articles giving most compared figures, of "
            f"{len(results.corpus.ids):,}; figure_checks.csv has them all."
        )
    frame = results.figures.matrix(ids)
    frame = frame[(frame.fillna("") != "").any(axis=1)]  # a measure none of them gives
    tags = labels(results)
    frame = frame.rename(columns=tags).rename_axis("measure").reset_index()
    return Table(
        _quantity(frame),
        caption="Measures × articles: the figure each article gives and its verdict",
        note=note,
        labels={tag: tag for tag in tags.values()},  # "nyt" as in the key, not "Nyt"
    )


def intervals_plot(results: Results) -> Figure | Text:
    """The interval each article asserts, one panel per measure (a sentence when none)."""
    if results.figures.checks.empty:
        return Text([NONE], bullets=False)
    return Figure(
        plots.intervals(results.figures.checks, tags=labels(results)),
        caption="The interval each article asserts, one panel per measure (disagreements "
        "first, as many as one page holds; figure_checks.csv has all); arrows mark unbounded "
        "intervals.",
    )


_REASON_PARTS = re.compile(r" \| |; ")


def short_reason(reason: object, keep: int = 2) -> object:
    """The first `keep` parts of a reason (" | " or "; " between them) and how many more: a
    figure set against every other in a large event listed them all, a page per table row."""
    if not isinstance(reason, str):
        return reason
    cuts = [m.start() for m in _REASON_PARTS.finditer(reason)]
    if len(cuts) < keep:
        return reason
    return f"{reason[: cuts[keep - 1]]} … and {len(cuts) + 1 - keep} more (figure_checks.csv)"


def review(results: Results) -> Table:
    """Pairs of figures that look comparable but whose context differs."""
    r = results.figures.review
    frame = _quantity(r).assign(reason=r["reason"].map(short_reason))
    frame = relabel(frame, results, ("article_id", "other_article_id", "reason"))
    return Table(
        frame[["measure", "article_id", "text", "other_article_id", "other_text", "reason"]],
        caption="Pairs of figures to check by hand, with the reason",
        labels={
            "article_id": "A",
            "text": "A says",
            "other_article_id": "B",
            "other_text": "B says",
        },
        wide=("reason",),
        max_rows=25,
    )


def checks(results: Results) -> Table:
    """Each article's value per measure and its verdict."""
    c = results.figures.checks
    frame = _quantity(c).assign(reason=c["reason"].map(short_reason))
    frame = relabel(frame, results, ("article_id", "reason"))
    frame = frame.assign(interval=_interval(c))
    return Table(
        frame[["measure", "article_id", "text", "interval", "verdict", "needs_review", "reason"]],
        caption="figure_checks.csv: each article's value per measure and its verdict",
        labels={"article_id": "Article", "needs_review": "Review"},
        wide=("reason",),
    )


def all_figures(results: Results) -> Table:
    """Every figure extracted."""
    f = results.figures.figures
    frame = relabel(_quantity(f), results, ("article_id",)).assign(interval=_interval(f))
    return Table(
        frame[["article_id", "measure", "text", "interval", "unit", "qualifier"]],
        caption="Every figure extracted (figures.csv has the sentence and position of each)",
        labels={"article_id": "Article"},
    )


def name_variants(results: Results) -> Table:
    """Names written more than one way, with counts per article."""
    v = names.variants(results.names)
    tag = labels(results)
    counts: dict[tuple[str, str], list[str]] = {}
    ordered = v.sort_values(["canonical", "variant", "article_id"], kind="stable")
    for canonical, variant, article_id, count in zip(
        ordered["canonical"],
        ordered["variant"],
        ordered["article_id"],
        ordered["count"],
        strict=True,
    ):
        counts.setdefault((canonical, variant), []).append(
            f"{tag.get(article_id, article_id)} ×{count}"
        )
    rows = [
        {"name": canonical, "written": variant, "times in each article": ", ".join(seen)}
        for (canonical, variant), seen in counts.items()
    ]
    return Table(
        pd.DataFrame(rows, columns=["name", "written", "times in each article"]),
        caption="Names written more than one way, with how often each article writes them",
    )


def events(results: Results) -> Table:
    """The event (story) of each article: figures are compared only within one event."""
    frame = relabel(results.events, results, ("article_id",))
    return Table(
        frame[["event", "label", "article_id", "articles", "published"]],
        caption="Events: articles grouped by the story they tell (shared names within a few "
        "days; reused articles join); a small corpus is one event (events.csv)",
        labels={"label": "Event", "article_id": "Article", "articles": "Articles in event"},
    )
