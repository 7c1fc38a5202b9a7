"""The first screen: title, key findings with links to the evidence, the article key, and
the methods and limits section."""

from __future__ import annotations

import html
from functools import cache
from importlib import resources

import pandas as pd
import yaml

from newsaudit.pipeline import Results
from newsaudit.report import labels, summary
from newsaudit.report.display import Html, Table, Text


def title(results: Results, corpus_name: str = "") -> Html:
    """Title block with the corpus facts."""
    return summary.title_page(results, corpus_name)


def key_findings(results: Results) -> Html:
    """The key findings in plain sentences, each linked to its evidence."""
    return summary.key_findings(results)


def article_key(results: Results) -> Table:
    """Short label, outlet, headline, date, words and role of every article."""
    return Table(
        labels.article_key(results),
        caption="Article key: the short labels used throughout this report",
        wide=("headline", "role"),
        fold_rows=40,
    )


@cache
def measured() -> dict:
    """The error rates measured on labelled data and the known limits (measured.yaml)."""
    text = resources.files("newsaudit.report").joinpath("measured.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def error_rates() -> Table:
    """How far to trust each result: the measured rates with the data they come from."""
    rows = [
        {
            "analysis": r["analysis"],
            "measure": r["measure"],
            "score": float(r["value"]),
            "measured on": r["data"] + ("" if r.get("real") else " (not real news)"),
        }
        for r in measured()["rates"]
    ]
    return Table(
        pd.DataFrame(rows, columns=["analysis", "measure", "score", "measured on"]),
        caption="Error rates measured on labelled data (1.00 is perfect)",
        wide=("measure", "measured on"),
        fold_rows=40,
    )


def limits() -> Text:
    """What the tool cannot see."""
    return Text(measured()["limits"], css="na-text")


def evidence_note() -> Html:
    """A one-line reminder that findings are leads."""
    return Html(
        '<p class="na-note">'
        + html.escape(
            "Every finding is a lead for a person to check against the articles, not a "
            "verdict; the tables below are the evidence."
        )
        + "</p>"
    )
