"""Report views without notebooks: labels, number formats, claim cards, copy chains, tables,
and plots that survive every corpus (no measure, unbounded intervals, one article, thousands
of figures, a graph of hundreds of articles without scipy)."""

from __future__ import annotations

import dataclasses
import math
import sys
from types import SimpleNamespace

import pandas as pd
import pytest
from matplotlib.figure import Figure

from newsaudit.report import claims, display, labels, summary
from newsaudit.report.plots import figures as plot_figures
from newsaudit.report.plots import overlap as plot_overlap
from newsaudit.report.views import figures as figure_views
from newsaudit.report.views import overlap as overlap_views
from newsaudit.report.views import overview

from ..conftest import ORIGINAL, REWRITE

INF = math.inf


@pytest.mark.parametrize(
    ("ids", "expected"),
    [
        (["fox", "nyt", "huffpost"], ["fox", "nyt", "huffpost"]),
        (["000_a4af047524fcdb6d", "001_80e0c9edbeda333c"], ["000", "001"]),
        (["story_about_mali_one", "story_about_mali_two"], ["A1", "A2"]),
    ],
)
def test_short_labels(ids, expected):
    assert list(labels.short_labels(ids).values()) == expected


LONG = {"000_a4af047524fcdb6d": "000", "001_80e0c9edbeda333c": "001", "my story 2": "A3"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("000_a4af047524fcdb6d", "000"),
        ("copy of 001_80e0c9edbeda333c.", "copy of 001."),
        ("000_a4af047524fcdb6d-001_80e0c9edbeda333c", "000-001"),
        ("000_a4af047524fcdb6d_v2 is another file", "000_a4af047524fcdb6d_v2 is another file"),
        ("shares text with my story 2", "shares text with A3"),
        (None, ""),
        (3.0, 3.0),
    ],
)
def test_relabel_text_finds_ids_in_free_text(value, expected):
    assert labels.relabel_text(value, LONG) == expected


@pytest.mark.parametrize(
    ("measure", "words"),
    [
        ("troops|killed", "troops killed"),
        ("civilians|killed|Moura", "civilians killed (Moura)"),
        ("years|?", "years"),
        ("?", "unnamed quantity"),
    ],
)
def test_measure_keys_read_as_words(measure, words):
    assert labels.measure_label(measure) == words


@pytest.mark.parametrize(
    ("low", "high", "unit", "text"),
    [
        (2013.0, 2013.0, "year", "2013"),
        (14_000.0, 14_000.0, "count", "14,000"),
        (153.0, 187.00000000000003, "count", "153 to 187"),
        (300.0, INF, "count", "300 or more"),
        (-INF, 40.0, "count", "up to 40"),
        (-INF, INF, "count", "any value"),
        (2.5, 2.5, "percent", "2.50%"),
        (20220301.0, 20220331.0, "date", "2022-03-01 to 2022-03-31"),
        (630.0, 630.0, "month-day", "June 30"),
    ],
)
def test_intervals_read_as_words(low, high, unit, text):
    assert labels.interval_text(low, high, unit) == text


@pytest.mark.parametrize(
    ("value", "kind", "text"),
    [
        (2013, "year", "2013"),
        (2013.0, "year", "2013"),
        (630.0, "count", "630"),
        (14000, "", "14,000"),
        (0.6409, "", "0.64"),
        (INF, "", "∞"),
        (float("nan"), "", ""),
        (True, "", "yes"),
    ],
)
def test_numbers_format_by_kind(value, kind, text):
    assert display._number(value, 2, kind) == text


def test_long_tables_fold_and_empty_ones_say_none():
    long = display.Table(pd.DataFrame({"year": range(2000, 2030)}), caption="Years", fold_rows=5)
    page = long._repr_html_()
    assert '<details class="na-fold">' in page and "Years (30 rows)" in page and ">2013<" in page
    empty = display.Table(pd.DataFrame(columns=["a"]), caption="Quotes")._repr_html_()
    assert "Quotes: none." in empty and "<th>" not in empty


def test_article_key_names_outlet_headline_and_role(seed_results):
    key = labels.article_key(seed_results).set_index("article")
    assert key.at["001", "outlet"] == "Al Jazeera"
    assert key.at["000", "role"] == "copy of 001" and key.at["001", "role"] == "source of 000"
    assert key.at["003", "role"] == "independent"
    assert key.at["000", "headline"].startswith("Why Protesters Want")


def test_key_findings_name_outlets_and_link_to_evidence(seed_results):
    lines = summary.findings(seed_results)
    rewrite = next(line for line in lines if "is a rewrite of" in line)
    assert (
        "001 (Al Jazeera" in rewrite and "credits it" in rewrite and "high confidence" in rewrite
    )
    assert 'href="#Direction-of-copying"' in rewrite
    troops = next(line for line in lines if line.startswith("Troops:"))
    assert "repeated by its copy 000" in troops and 'href="#claim-' in troops
    assert not any("_" in line.split("href")[0] for line in lines), "file stems in findings"


def test_a_figure_repeated_by_a_copy_is_not_a_second_source(seed_results):
    troops = next(c for c in claims.claims(seed_results) if c.measure == "troops")
    by_article = {s.article_id: s for s in troops.statements}
    assert by_article[REWRITE].repeats == ORIGINAL and troops.sources == 2
    assert "rounding" in troops.reason
    traced = claims.traced(seed_results)
    row = traced[(traced["quantity"] == "troops") & (traced["stated by"] == "001")].iloc[0]
    assert row["repeated by (copies)"] == "000" and row["independent sources"] == 2
    killed = next(c for c in claims.claims(seed_results) if c.measure == "troops|killed")
    assert "different definition" in killed.reason


def test_claim_cards_put_the_sentences_side_by_side(seed_results):
    page = figure_views.claims(seed_results)._repr_html_()
    assert page.count('class="na-claim"') == 2 and 'id="claim-1"' in page
    assert "<mark>14,000-strong</mark>" in page and "not a second source" in page


def test_claim_cards_show_the_largest_disagreements_of_many(seed_results):
    fewer = dataclasses.replace(
        seed_results,
        settings=seed_results.settings.with_overrides({"report": {"max_claim_cards": 1}}),
    )
    first = claims.claims(seed_results)[0]
    assert [c.measure for c in claims.claims(fewer, 1)] == [first.measure]
    page = figure_views.claims(fewer)._repr_html_()
    assert page.count('class="na-claim"') == 1 and "The 1 largest of 2 disagreements" in page
    assert summary.figure_findings(fewer)[0].startswith("The articles disagree on 2 of")


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["001"], "001"),
        (["001", "002"], "001 and 002"),
        (["001", "002", "003"], "001, 002 and 003"),
        (["001", "002", "003", "004", "005"], "001, 002, 003 and 2 others"),
    ],
)
def test_listed_names(names, expected):
    assert claims.listed(names) == expected


def test_a_claim_card_of_many_articles_shows_the_disagreeing_pair_and_each_value():
    def said(i: int, value: str) -> claims.Statement:
        return claims.Statement(f"a{i}", f"a{i}", "", value, value, f"It was {value}.")

    statements = [said(i, "9" if i % 2 else "10") for i in range(40)] + [said(40, "12")]
    claim = claims.Claim(
        measure="m",
        label="m",
        statements=statements,
        values=[claims.Value(v) for v in ("9", "10", "12")],
        gap="",
        reason="r",
        check="c",
        pair=("a7", "a40"),
    )
    shown = claims.shown_statements(claim, 4)
    assert [s.article_id for s in shown] == ["a7", "a40", "a0", "a1"]
    page = claims.card_html(claim, 1, {}, limit=4)
    assert page.count('class="na-statement"') == 4 and "4 of 41 articles shown" in page
    assert claims.card_html(claim, 1, {}, limit=50).count('class="na-statement"') == 41


def test_a_disagreement_without_check_rows_is_no_claim_card(seed_results):
    # A pair linked in a unit channel ("?" measure) has no per-article check rows (METER
    # corpora crashed the overview with KeyError: '?').
    figs = seed_results.figures
    odd = figs.disagreements.head(1).assign(measure="?")
    results = dataclasses.replace(
        seed_results,
        figures=dataclasses.replace(figs, disagreements=pd.concat([odd, figs.disagreements])),
    )
    assert "?" not in claims.claim_measures(results)
    assert len(claims.claims(results)) == len(claims.claims(seed_results))
    assert summary.figure_findings(results)[0].startswith("The articles disagree on 2 of")


def test_measured_rates_name_their_source():
    data = overview.measured()
    assert data["rates"] and data["limits"]
    for rate in data["rates"]:
        assert {"analysis", "measure", "value", "data", "source"} <= set(rate)
        assert 0 <= float(rate["value"]) <= 1


def _checks(rows):
    columns = ["measure", "article_id", "text", "low", "high", "unit", "verdict", "start"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["needs_review"] = False
    return frame


@pytest.mark.parametrize(
    "rows",
    [
        [],  # no measure
        [
            ("deaths", "a", "dozens", -INF, INF, "count", "compatible", 0),
            ("deaths", "b", "many", -INF, INF, "count", "compatible", 5),
        ],  # all bounds unbounded
        [("troops", "a", "300", 300.0, 300.0, "count", "consistent", 0)],  # one article
        [
            (f"m{i % 40}", f"art{i}", str(i), float(i), float(i), "count", "inconsistent", i)
            for i in range(2000)
        ],  # thousands of figures
    ],
    ids=["no-measure", "all-unbounded", "one-article", "thousands"],
)
def test_figure_plots_survive_every_corpus(rows):
    checks = _checks(rows)
    ids = sorted(set(checks["article_id"]))
    for fig in (plot_figures.intervals(checks), plot_figures.matrix(checks, ids)):
        assert isinstance(fig, Figure)
        width, height = fig.get_size_inches()
        assert width <= 40 and height <= 40, "a figure no page can hold"
        display.png_base64(fig, dpi=20)  # renders


def test_reuse_graph_of_hundreds_of_articles_needs_no_scipy(monkeypatch):
    monkeypatch.setitem(sys.modules, "scipy", None)  # any scipy import now fails
    edges = pd.DataFrame(
        {
            "source": [f"s{i}" for i in range(600)],
            "copy": [f"c{i}" for i in range(600)],
            "verdict": "derived",
            "directed": True,
        }
    )
    clusters = pd.DataFrame({"article_id": [], "cluster": []})
    result = SimpleNamespace(edges=lambda: edges, clusters=clusters)
    fig = plot_overlap.cluster_graph(result, max_nodes=120)
    assert isinstance(fig, Figure)
    display.png_base64(fig, dpi=20)


def test_hashes_and_paths_may_break_but_words_may_not():
    frame = pd.DataFrame({"file": ["000_a4af047524fcdb6d.txt"], "genre": ["news"], "words": [5]})
    page = display.Table(frame)._repr_html_()
    assert '<td class="txt token">000_a4af047524fcdb6d.txt</td>' in page
    assert '<td class="txt">news</td>' in page


def test_reuse_per_article_names_the_copy_and_its_sources(seed_results):
    frame = overlap_views.article_reuse(seed_results).frame
    first = frame.iloc[0]
    assert first["article_id"] == "000" and "001" in first["sources"].split(", ")
    assert first["covered_share"] > 0.5 and first["evidence"]
    assert list(frame["covered_share"]) == sorted(frame["covered_share"], reverse=True)
