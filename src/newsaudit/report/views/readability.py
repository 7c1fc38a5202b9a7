"""Readability section: scores per article, spread across paragraphs, syllable uncertainty."""

from __future__ import annotations

from newsaudit import readability
from newsaudit.pipeline import Results
from newsaudit.report.display import Figure, Table, Text
from newsaudit.report.labels import labels, relabel
from newsaudit.report.plots import readability as plots


def _tagged(results: Results):
    scores = readability.join_tags(results.readability.scores, results.articles)
    return relabel(scores, results, ("article_id",))


def method(results: Results) -> Text:
    """How the scores were computed."""
    return Text([readability.method_note(results.readability)], bullets=False)


def ranking(results: Results) -> Table:
    """Articles ranked by Flesch-Kincaid grade, hardest first."""
    frame = readability.ranked(_tagged(results), "flesch_kincaid_grade")
    return Table(
        frame,
        caption="Articles ranked by Flesch-Kincaid grade (higher is harder)",
        digits=1,
        labels={"article_id": "Article"},
    )


def ranking_plot(results: Results) -> Figure:
    """Flesch-Kincaid grade per article."""
    return Figure(
        plots.ranking(_tagged(results), "flesch_kincaid_grade"),
        caption="Flesch-Kincaid grade per article, coloured by genre; hatched bars are texts "
        "under the short-text threshold.",
    )


def scores(results: Results) -> Table:
    """All standard scores per article."""
    frame = relabel(results.readability.scores.iloc[:, :10], results, ("article_id",))
    return Table(
        frame,
        caption="All standard scores per article (readability.csv)",
        digits=1,
        labels={"article_id": "Article"},
    )


def profile_plot(results: Results) -> Figure:
    """The grade-level formulas side by side."""
    return Figure(
        plots.metric_profile(_tagged(results)),
        caption="The grade-level formulas side by side for each article.",
    )


def spread_plot(results: Results) -> Figure:
    """Grade of each paragraph, per article."""
    return Figure(
        plots.paragraph_spread(results.readability, tags=labels(results)),
        caption="Flesch-Kincaid grade of each paragraph, per article (box: quartiles; dots: "
        "paragraphs).",
    )


def hardest(results: Results) -> Table:
    """The hardest paragraphs in the corpus."""
    frame = relabel(
        readability.hardest_paragraphs(results.readability, n=10), results, ("article_id",)
    )
    return Table(
        frame,
        caption="The hardest paragraphs in the corpus",
        digits=1,
        labels={"article_id": "Article"},
        wide=("text",),
    )


def backend_plot(results: Results) -> Figure:
    """Score difference between the two syllable counters."""
    return Figure(
        plots.backend_difference(relabel(results.readability.scores, results, ("article_id",))),
        caption="Score difference between the two syllable backends, per article.",
    )


def backends(results: Results) -> Table:
    """Both syllable counters side by side."""
    frame = relabel(readability.backend_comparison(results.readability), results, ("article_id",))
    return Table(
        frame, caption="Both backends side by side", digits=2, labels={"article_id": "Article"}
    )
