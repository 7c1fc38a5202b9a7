"""Appendix: the articles with their hashes, removed boilerplate, the run manifest."""

from __future__ import annotations

from newsaudit.pipeline import Results
from newsaudit.report import summary
from newsaudit.report.display import Table
from newsaudit.report.labels import labels, relabel


def articles(results: Results) -> Table:
    """Articles analysed, with the sha256 of each input file."""
    frame = results.articles.assign(article=results.articles["article_id"].map(labels(results)))
    return Table(
        frame[["article", "file", "outlet", "genre", "published", "words", "sha256"]],
        caption="Articles analysed (sha256 of each input file)",
        wide=("sha256",),
    )


def boilerplate(results: Results) -> Table:
    """Lines dropped before analysis."""
    return Table(
        relabel(summary.boilerplate(results), results, ("article_id",)),
        caption="Boilerplate lines removed per article",
        labels={"article_id": "Article"},
        wide=("removed_line",),
    )


def run_facts(results: Results, params: dict | None = None) -> Table:
    """Package version, parameters and input hashes."""
    return Table(
        summary.run_facts(results, params),
        caption="Package version, parameters and input hashes",
        wide=("value",),
    )
