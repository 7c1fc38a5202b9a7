"""Found by reading real reports page by page (eyes26): the figures section's plot and tables
as a reader sees them. Each case is rebuilt here from figures of the project's own."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pandas as pd
import pytest

from newsaudit.figures.frames import matrix_frame
from newsaudit.report import display
from newsaudit.report.plots import figures as plots
from newsaudit.report.views import figures as figure_views


def _checks(rows: list[tuple]) -> pd.DataFrame:
    columns = ["measure", "article_id", "text", "low", "high", "unit", "verdict", "start"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["needs_review"] = False
    return frame


def _tick_texts(rows: list[tuple]) -> tuple[list[str], str]:
    fig = plots.intervals(_checks(rows))
    fig.canvas.draw()
    ax = fig.axes[0]
    ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    return ticks, ax.xaxis.get_offset_text().get_text()


def test_a_month_is_ticked_in_full_dates_with_no_offset_naming_the_next_month():
    """A panel of "August 2015" was ticked "Aug 08 15 22 Sep" with "2015-Sep" under it: the
    only year-and-month on the axis named a month no article gives."""
    rows = [
        ("date|2015-08", a, "August 2015", 20150801, 20150831, "date", "consistent", 0)
        for a in ("fox", "nyt")
    ]
    ticks, offset = _tick_texts(rows)
    assert offset == ""
    assert ticks and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", t) for t in ticks), ticks


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            [("troops|", "a", "13,000", 13000, 13000, "count", "inconsistent", 0),
             ("troops|", "b", "14,000", 14000, 14000, "count", "inconsistent", 0)],
            "13,000",
        ),  # counts grouped by thousands, as the tables print them: not "13000"
        (
            [("people|", "a", "thousands", 1000, 999999, "count", "consistent", 0),
             ("people|", "b", "thousands", 1000, 999999, "count", "consistent", 0)],
            "250,000",
        ),  # not "250000", nor 1e6 with an offset
    ],
)  # fmt: skip
def test_count_ticks_are_grouped_by_thousands(rows, expected):
    ticks, offset = _tick_texts(rows)
    assert expected in ticks and offset == ""
    assert not any("e+" in t or re.fullmatch(r"\d{5,}", t) for t in ticks), ticks


def test_ticks_of_billions_are_words_few_enough_not_to_touch():
    """A panel from £200 million to "more than £1 billion" ticked 250,000,000 ... 2,250,000,000
    in steps of 250 million: ten labels printed over each other."""
    rows = [
        ("GBP|bankrupt", "a", "hundreds of millions", 2e8, 999_999_999, "GBP", "compatible", 0),
        ("GBP|bankrupt", "b", "more than £1 billion", 1e9, 2.2e9, "GBP", "compatible", 0),
    ]
    ticks, offset = _tick_texts(rows)
    assert len(ticks) <= 7 and offset == "", ticks
    assert any(t.endswith("billion") for t in ticks) and not any("000,000" in t for t in ticks)


def test_a_whole_number_panel_has_no_fractional_ticks():
    """Three figures all 10 ("10 years", "a decade", "decade-long"): ticked 9.25, 9.50 ..."""
    rows = [
        ("years|context", a, t, 10, 10, "years", "consistent", 0)
        for a, t in (("a", "10 years"), ("b", "a decade"), ("c", "decade-long"))
    ]
    ticks, _ = _tick_texts(rows)
    assert ticks and all(re.fullmatch(r"[\d,]+", t) for t in ticks), ticks


def test_a_share_keeps_its_decimals():
    rows = [
        ("share|", "a", "2.5%", 2.5, 2.5, "%", "inconsistent", 0),
        ("share|", "b", "3.1%", 3.1, 3.1, "%", "inconsistent", 0),
    ]
    ticks, _ = _tick_texts(rows)
    assert any("." in t for t in ticks), ticks


def test_a_panel_of_many_articles_is_taller_than_a_panel_of_two():
    """Five articles stating 2013 were squeezed into the height of two: their labels
    overprinted each other."""
    rows = [("year|2013", f"a{i}", "2013", 2013, 2013, "year", "consistent", 0) for i in range(5)]
    rows += [("year|2020", f"a{i}", "2020", 2020, 2020, "year", "consistent", 0) for i in range(2)]
    fig = plots.intervals(_checks(rows))
    heights = {ax.get_title(loc="left"): ax.get_position().height for ax in fig.axes}
    five, two = (h for t, h in sorted(heights.items()))
    assert five > 1.4 * two


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (300 - 1.1 * 170, "113"),  # 113.00000000000003 from "approximately 170": not "113.00"
        (1000.0000000001, "1,000"),
        (0.5, "0.50"),
    ],
)
def test_counts_computed_in_floating_point_print_whole(value, text):
    assert display._number(abs(value), 2, "count") == text


def test_measures_by_articles_keeps_the_article_labels_as_written(seed_results, monkeypatch):
    """The table headed its columns "Nyt" and "Huffpost" while the key says nyt and huffpost."""
    names = ("nyt", "huffpost", "fox", "ap", "bbc")
    tags = dict(zip(seed_results.corpus.ids, names, strict=False))
    monkeypatch.setattr(figure_views, "labels", lambda results: tags)
    html = figure_views.matrix(seed_results)._repr_html_()
    headers = re.findall(r"<th[^>]*>(.*?)</th>", html)
    assert "nyt" in headers and "Nyt" not in headers


@pytest.mark.parametrize(
    ("reason", "expected"),
    [
        ("", ""),
        ("different causes: none vs accident", "different causes: none vs accident"),
        ("a | b", "a | b"),
        (" | ".join("abcdefghij"), "a | b … and 8 more (figure_checks.csv)"),
        (
            "no comparable figure: a; b; c; d",
            "no comparable figure: a; b … and 2 more (figure_checks.csv)",
        ),
    ],
)
def test_a_reason_naming_every_other_figure_is_cut_to_two(reason, expected):
    """A METER story's checks table gave one figure a reason of 13 parts, a page per row."""
    assert figure_views.short_reason(reason) == expected


def test_the_interval_plot_fits_one_page_however_many_articles():
    """Twelve panels of twelve articles drew a figure taller than a page, printed shrunk."""
    rows = [
        (f"m{m}|", f"a{a}", str(a), float(a), float(a), "count", "inconsistent", 0)
        for m in range(12)
        for a in range(12)
    ]
    fig = plots.intervals(_checks(rows))
    assert fig.get_size_inches()[1] <= 1.0 + plots.MAX_PANELS_HEIGHT
    assert any("of 12 measures" in t.get_text() for t in fig.texts)


def test_measures_by_articles_of_a_large_corpus_shows_articles_with_figures(monkeypatch):
    """On 1,000 articles the table showed the first six articles against 347 measures: sixty
    rows of blank cells. Now the articles giving most compared figures, and only the measures
    one of them gives."""
    rows = [("troops|", "a9", "300", 300, 300, "count", "inconsistent", 0),
            ("troops|", "a8", "400", 400, 400, "count", "inconsistent", 0),
            ("year|", "a8", "2013", 2013, 2013, "year", "consistent", 0),
            ("year|", "a9", "2013", 2013, 2013, "year", "consistent", 0),
            ("deaths|", "a0", "5", 5, 5, "count", "consistent", 0),
            ("deaths|", "a1", "5", 5, 5, "count", "consistent", 0)]  # fmt: skip
    checks = _checks(rows)
    ids = [f"a{i}" for i in range(10)]

    def grid(article_ids):
        return matrix_frame(checks, list(article_ids))

    results = SimpleNamespace(
        corpus=SimpleNamespace(ids=ids), figures=SimpleNamespace(checks=checks, matrix=grid)
    )
    monkeypatch.setattr(figure_views, "labels", lambda r: {a: a for a in ids})
    table = figure_views.matrix(results, max_articles=2)
    assert list(table.frame.columns) == ["measure", "a8", "a9"]
    assert set(table.frame["measure"]) == {"troops", "year"}
    assert "most compared figures" in table.note


class _Results(SimpleNamespace):
    """A results stand-in the label memo can hold a weak reference to."""

    __slots__ = ("__weakref__",)


def test_reasons_name_articles_by_their_short_labels():
    """METER reasons named "pa_2" where every column of the table says A2."""
    ids = ["pa_1", "pa_2", "the_guardian_long_name"]
    checks = _checks([("GBP|", "pa_1", "£70,000", 7e4, 7e4, "GBP", "compatible", 0)])
    checks["reason"] = "pa_2 '£220 million': too far apart; the_guardian_long_name '£6': too far"
    results = _Results(corpus=SimpleNamespace(ids=ids), figures=SimpleNamespace(checks=checks))
    frame = figure_views.checks(results).frame
    assert frame["article_id"].tolist() == ["A1"]
    assert frame["reason"].iloc[0].startswith("A2 '£220 million'")
    assert "A3 '£6'" in frame["reason"].iloc[0]
