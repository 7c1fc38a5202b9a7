"""The report's front matter: title page facts and an executive summary in plain sentences."""

from __future__ import annotations

import datetime as dt
import html
import json

import pandas as pd

from newsaudit import __version__
from newsaudit.display import Html, Text
from newsaudit.pipeline import Results
from newsaudit.text.distance import edit_distance
from newsaudit.text.fold import name_key


def _pct(value: float) -> str:
    return f"{100 * value:.0f}%"


def _fmt(value: float) -> str:
    if value == float("inf"):
        return "∞"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def date_range(results: Results) -> str:
    """Earliest to latest publication date, or what the texts mention when metadata is absent."""
    dates = sorted(a.published for a in results.corpus if a.published)
    if dates:
        return f"{dates[0].isoformat()} to {dates[-1].isoformat()}"
    return "not given (no metadata.csv dates)"


def facts(results: Results, corpus_name: str = "") -> dict[str, str]:
    """Title-page facts: corpus, size, dates, version, generation time."""
    docs = results.corpus
    return {
        "Corpus": corpus_name or (docs.root.rstrip("/").split("/")[-1] if docs.root else "corpus"),
        "Articles": f"{len(docs):,} ({sum(a.words for a in docs):,} words)",
        "Publication dates": date_range(results),
        "newsaudit version": __version__,
        "Results key": results.key,
        "Generated": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def title_page(results: Results, corpus_name: str = "") -> Html:
    """Title block with the corpus facts (all values escaped)."""
    rows = "".join(
        f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>"
        for k, v in facts(results, corpus_name).items()
    )
    name = html.escape(facts(results, corpus_name)["Corpus"])
    return Html(
        f'<div class="na-title"><p class="na-kicker">newsaudit report</p>'
        f"<h1>News audit: {name}</h1><table>{rows}</table></div>"
    )


def overlap_findings(results: Results) -> list[str]:
    """Sentences on the strongest reuse relations."""
    pairs = results.overlap.pairs
    lines = []
    reused = pairs[pairs["verdict"].isin(["derived", "partial"])]
    for row in reused.head(5).itertuples(index=False):
        if row.source and row.derived:
            share = (
                row.containment_a_in_b if row.derived == row.article_a else row.containment_b_in_a
            )
            verb = "is a near-copy or rewrite of" if row.verdict == "derived" else "partly reuses"
            lines.append(
                f"Article {row.derived} {verb} {row.source} "
                f"({_pct(share)} of its text aligned; {row.shared_passages} shared passages)."
            )
        else:
            lines.append(
                f"Articles {row.article_a} and {row.article_b} share text "
                f"(score {row.score:.2f}, verdict {row.verdict}); direction unknown."
            )
    if not lines:
        lines.append(f"No article reuses another: all {len(pairs)} pairs are independent.")
    return lines


def figure_findings(results: Results) -> list[str]:
    """Sentences on the figures the articles disagree on, largest disagreement first."""
    checks = results.figures.checks
    if checks.empty:
        return ["No quantity is reported by two or more articles."]
    measures = checks["measure"].nunique()
    bad = checks.loc[checks["verdict"] == "inconsistent", "measure"].unique()
    lines = [
        f"{len(bad)} of {measures} quantities reported by two or more articles disagree"
        + (", largest difference first:" if len(bad) else ".")
    ]
    disagreements = getattr(results.figures, "disagreements", None)
    if disagreements is None or disagreements.empty:
        return lines
    for measure, rows in disagreements.groupby("measure", sort=False):
        first = rows.iloc[0]
        pairs = "; ".join(
            f"{r.article_a} says {r.text_a!r}, {r.article_b} says {r.text_b!r}"
            for r in rows.head(3).itertuples(index=False)
        )
        more = f" (and {len(rows) - 3} more pairs)" if len(rows) > 3 else ""
        lines.append(
            f"{measure.replace('|', ' ')}: {pairs}{more}; "
            f"relative difference {_pct(first.relative_difference)}."
        )
    return lines


def readability_findings(results: Results) -> list[str]:
    """Sentences on the easiest and hardest article."""
    scores = results.readability.scores
    if scores.empty:
        return []
    ranked = scores.sort_values(["flesch_reading_ease", "article_id"], ascending=[False, True])
    easiest, hardest = ranked.iloc[0], ranked.iloc[-1]
    return [
        f"Readability ranges from Flesch Reading Ease {easiest.flesch_reading_ease:.0f} "
        f"({easiest.article_id}, grade {easiest.flesch_kincaid_grade:.1f}) to "
        f"{hardest.flesch_reading_ease:.0f} ({hardest.article_id}, grade "
        f"{hardest.flesch_kincaid_grade:.1f}); scores use the {results.readability.backend} "
        "syllable counter."
    ]


def misspellings(canonical: str, variants: list[str]) -> list[str]:
    """The variants that are other spellings of `canonical` (MUNISMA for MINUSMA, Djire for
    Djiré), not short forms, surnames or acronym expansions of it."""
    key = name_key(canonical)
    out = []
    for variant in variants:
        other = name_key(variant)
        limit = max(1, round(0.3 * min(len(key), len(other))))
        if variant != canonical and edit_distance(key, other, limit) <= limit:
            out.append(variant)
    return out


def name_findings(results: Results) -> list[str]:
    """Sentences on names spelled more than one way (short forms and expansions left out)."""
    table = results.names
    if table.empty:
        return []
    spellings = table.groupby("canonical")["variant"].agg(lambda v: sorted(set(v)))
    lines = []
    for canonical, variants in spellings.items():
        other = misspellings(canonical, variants)
        if other:
            lines.append(f"{canonical} is also spelled " + ", ".join(repr(v) for v in other) + ".")
    return lines


def findings(results: Results) -> list[str]:
    """The executive summary: plain sentences generated from the results."""
    docs = results.corpus
    genres = results.articles["genre"].value_counts().sort_index()
    mix = ", ".join(f"{n} {g}" for g, n in genres.items())
    lines = [f"{len(docs)} articles ({mix})."]
    return (
        lines
        + overlap_findings(results)
        + figure_findings(results)
        + name_findings(results)
        + readability_findings(results)
    )


def executive_summary(results: Results) -> Text:
    """Findings as a bullet list for the report."""
    return Text(findings(results), css="na-findings")


def boilerplate(results: Results) -> pd.DataFrame:
    """Removed lines per article, for the appendix."""
    rows = [
        {"article_id": a.article_id, "removed_line": line}
        for a in results.corpus
        for line in a.boilerplate
    ]
    return pd.DataFrame(rows, columns=["article_id", "removed_line"])


def run_facts(results: Results, params: dict | None = None) -> pd.DataFrame:
    """The run manifest as a two-column table: version, settings key, parameters, input hashes."""
    rows = [
        ("newsaudit version", __version__),
        ("results key (inputs + settings + version)", results.key),
        ("parameter overrides", json.dumps(params or {}, sort_keys=True)),
        ("syllable backend", results.readability.backend),
    ]
    rows += [(f"input {a.file}", f"sha256 {a.sha256}") for a in results.corpus]
    rows += [("note", note) for note in results.corpus.notes]
    return pd.DataFrame(rows, columns=["item", "value"])
