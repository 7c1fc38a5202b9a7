"""The report's front matter: title facts and the key findings in plain sentences."""

from __future__ import annotations

import datetime as dt
import html
import json

import pandas as pd

from newsaudit import __version__
from newsaudit.config import ReportConfig
from newsaudit.pipeline import Results
from newsaudit.report.claims import claim_measures, claims, listed
from newsaudit.report.display import Html
from newsaudit.report.labels import REUSE, name
from newsaudit.text.distance import edit_distance
from newsaudit.text.fold import name_key


def _pct(value: float) -> str:
    return f"{100 * value:.0f}%"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _link(anchor: str, label: str) -> str:
    return f'<a class="na-evidence" href="#{_e(anchor)}">{_e(label)} →</a>'


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
    """Title block with the corpus facts on one line (all values escaped): the findings
    below it stay on the first screen."""
    known = facts(results, corpus_name)
    name = html.escape(known.pop("Corpus"))
    line = " · ".join(
        f'<span class="na-fact"><b>{html.escape(k)}</b> {html.escape(v)}</span>'
        for k, v in known.items()
    )
    return Html(
        f'<div class="na-title"><p class="na-kicker">newsaudit report</p>'
        f'<h1>News audit: {name}</h1><p class="na-facts">{line}</p></div>'
    )


def _credits(evidence: object, copy: str) -> bool:
    return isinstance(evidence, str) and f"{copy} credits" in evidence


def confidence_words(value: float) -> str:
    """Direction confidence as words (the number stays beside it)."""
    return "high" if value >= 0.7 else "moderate" if value >= 0.4 else "low"


def overlap_findings(results: Results, limit: int = 3) -> list[str]:
    """Sentences (HTML, escaped) on the strongest reuse relations, naming outlets and
    headlines, whether the copy credits its source and how sure the direction is."""
    pairs = results.overlap.pairs
    reused = pairs[pairs["verdict"].isin(REUSE)]
    lines = []
    for row in reused.head(limit).itertuples(index=False):
        if isinstance(row.source, str) and row.source:
            share = (
                row.containment_a_in_b if row.derived == row.article_a else row.containment_b_in_a
            )
            verb = "is a rewrite of" if row.verdict == "derived" else "partly reuses"
            credit = (
                " and credits it"
                if _credits(row.evidence, row.derived)
                else "; it does not name its source"
            )
            lines.append(
                f"{_e(name(results, row.derived, headline=True))} {verb} "
                f"{_e(name(results, row.source, headline=True))}: {_pct(share)} of its text "
                f"is aligned with it in {row.shared_passages} passages{credit}. Direction: "
                f"{confidence_words(row.direction_confidence)} confidence "
                f"({row.direction_confidence:.2f}). {_link('Direction-of-copying', 'Evidence')}"
            )
        else:
            lines.append(
                f"{_e(name(results, row.article_a))} and {_e(name(results, row.article_b))} "
                f"share text ({row.verdict}); who copied whom is unknown. "
                f"{_link('Ranked-pairs', 'Evidence')}"
            )
    if not lines and pairs.empty:
        lines.append("With a single article there is no pair to compare for reuse.")
    if not lines:
        lines.append(
            f"No article copies another: all {len(pairs):,} pairs are independent. "
            + _link("Ranked-pairs", "Pairs")
        )
    return lines


def figure_findings(results: Results, limit: int = 3) -> list[str]:
    """Sentences (HTML, escaped) on the figures the articles disagree on, each value with the
    articles that state it, a copy's repeat named as such, linked to its claim card."""
    checks = results.figures.checks
    if checks.empty:
        return ["No quantity is reported by two or more articles."]
    measures = checks["measure"].nunique()
    total = len(claim_measures(results))
    if not total:
        return [f"The articles agree on all {measures} quantities that two or more report."]
    cards = claims(results, limit)
    head = f"The articles disagree on {total} of {measures} quantities that two or more report:"
    lines = [head]
    for number, card in enumerate(cards[:limit], start=1):
        values = "; ".join(
            f"“{v.written}” in {listed(v.stated_by)}"
            + (f", repeated by its copy {listed(v.repeated_by)}" if v.repeated_by else "")
            for v in card.values[:limit]
        )
        if len(card.values) > limit:
            values += f"; {len(card.values) - limit:,} more values"
        lines.append(
            f"{_e(card.label.capitalize())}: {_e(values)}. "
            + _link(f"claim-{number}", "Claim card")
        )
    if total > limit:
        lines.append(f"{total - limit} more in {_link('Disagreements', 'Disagreements')}.")
    return lines


def readability_findings(results: Results) -> list[str]:
    """One sentence on the easiest and hardest article."""
    scores = results.readability.scores
    if scores.empty:
        return []
    ranked = scores.sort_values(["flesch_kincaid_grade", "article_id"])
    easiest, hardest = ranked.iloc[0], ranked.iloc[-1]
    if easiest.article_id == hardest.article_id:
        return [
            f"{_e(name(results, easiest.article_id))} reads at school grade "
            f"{easiest.flesch_kincaid_grade:.0f} (Flesch-Kincaid). "
            + _link("Readability", "Scores")
        ]
    return [
        f"Reading level (Flesch-Kincaid) runs from school grade "
        f"{easiest.flesch_kincaid_grade:.0f} in {_e(name(results, easiest.article_id))} to "
        f"{hardest.flesch_kincaid_grade:.0f} in {_e(name(results, hardest.article_id))}. "
        + _link("Readability", "Scores")
    ]


def misspellings(canonical: str, variants: list[str]) -> list[str]:
    """The variants that are other spellings of `canonical` (MUNISMA for MINUSMA, Djire for
    Djiré), not short forms, surnames or acronym expansions of it."""
    key = name_key(canonical)
    out = []
    for variant in variants:
        other = name_key(variant)
        limit = max(1, round(0.3 * min(len(key), len(other))))
        if variant.casefold() == canonical.casefold():
            continue  # "DENVER" in a dateline is the same spelling in capitals
        if variant != canonical and edit_distance(key, other, limit) <= limit:
            out.append(variant)
    return out


def name_findings(results: Results) -> list[str]:
    """One sentence on names spelled more than one way (short forms and expansions left out)."""
    table = results.names
    if table.empty:
        return []
    spellings = table.groupby("canonical")["variant"].agg(lambda v: sorted(set(v)))
    slips = []
    for canonical, variants in spellings.items():
        other = misspellings(canonical, variants)
        if other:
            slips.append(f"{canonical} as {', '.join(other)}")
    if not slips:
        return []
    shown = "; ".join(slips[:3]) + (f" and {len(slips) - 3} more" if len(slips) > 3 else "")
    return [f"Names spelled more than one way: {_e(shown)}. {_link('Name-variants', 'Variants')}"]


def _when(docs) -> str:
    dates = sorted(a.published for a in docs if a.published)
    if not dates:
        return "no publication dates given"
    if dates[0] == dates[-1]:
        return f"published {dates[0].isoformat()}"
    return f"published {dates[0].isoformat()} to {dates[-1].isoformat()}"


def findings(results: Results, limit: int | None = None) -> list[str]:
    """The key findings, most important first: who copied whom, which figures disagree,
    misspelt names, reading level (HTML sentences, every article-derived text escaped)."""
    docs = results.corpus
    lines = [
        f"{len(docs):,} articles ({sum(a.words for a in docs):,} words), {_when(docs)}. "
        + _link("Article-key", "Article key")
    ]
    lines += overlap_findings(results) + figure_findings(results)
    lines += name_findings(results) + readability_findings(results)
    limit = limit or ReportConfig().max_findings
    return lines[:limit]


def key_findings(results: Results) -> Html:
    """The findings as the report's first screen: a bullet list with links to the evidence."""
    items = "".join(f"<li>{line}</li>" for line in findings(results))
    return Html(f'<ul class="na-findings">{items}</ul>')


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
