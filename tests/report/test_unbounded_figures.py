"""Found by benchmarks/real_corpora.py (a METER story): a measure whose every interval is
unbounded on both sides ("last year" in an undated article) made the figures plot take min()
of nothing. Such figures are no longer compared (they go to the review list), and the plot
survives such a measure anyway."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pandas as pd
import pytest
from matplotlib.dates import num2date

from newsaudit import corpus, figures
from newsaudit.config import DEFAULT
from newsaudit.report.plots import figures as plots_figures

UNBOUNDED = Path(__file__).resolve().parent.parent / "data" / "corpora" / "unbounded"


def test_figures_with_no_finite_bound_are_reviewed_not_compared():
    result = figures.analyse(corpus.load(UNBOUNDED), DEFAULT.figures)
    bounds = [*result.checks["low"], *result.checks["high"]]
    assert all(math.isfinite(v) for v in bounds)
    assert result.review["reason"].str.contains("no finite bound").any()


def test_figures_plot_survives_a_measure_with_no_finite_bound():
    columns = figures.analyse(corpus.load(UNBOUNDED), DEFAULT.figures).checks.columns
    rows = [
        {**dict.fromkeys(columns, ""), "measure": "year|?", "article_id": a,
         "low": -math.inf, "high": math.inf, "verdict": "compatible"}
        for a in ("a", "b")
    ]  # fmt: skip
    fig = plots_figures.intervals(pd.DataFrame(rows, columns=columns))
    assert fig.axes


def test_figures_plot_draws_years_and_dates_on_one_scale_of_years():
    columns = figures.analyse(corpus.load(UNBOUNDED), DEFAULT.figures).checks.columns
    rows = [
        {**dict.fromkeys(columns, ""), "measure": "year|by context", "article_id": a,
         "low": low, "high": high, "unit": unit, "verdict": "inconsistent"}
        for a, low, high, unit in (("a", 2010, 2010, "year"), ("b", 20110101, 20110131, "date"))
    ]  # fmt: skip
    (ax, *_) = plots_figures.intervals(pd.DataFrame(rows, columns=columns)).axes
    left, right = ax.get_xlim()
    assert 2000 < left < 2010 and 2011 < right < 2020


def _date_rows(spans: list[tuple[str, float, float]]) -> pd.DataFrame:
    columns = figures.analyse(corpus.load(UNBOUNDED), DEFAULT.figures).checks.columns
    rows = [
        {**dict.fromkeys(columns, ""), "measure": "date|2015-08", "article_id": a,
         "low": low, "high": high, "unit": "date", "verdict": "consistent", "text": "August"}
        for a, low, high in spans
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def test_figures_plot_draws_dates_on_a_calendar_axis():
    """Found by reading a BASIL report: a panel of dates was drawn on yyyymmdd numbers, ticks
    "20150800" and a month boundary 70 units wide; now a date axis, a month as long as its days."""
    fig = plots_figures.intervals(
        _date_rows([("a", 20150801, 20150831), ("b", 20150901, 20150930)])
    )
    (ax, *_) = fig.axes
    fig.canvas.draw()
    left, right = (num2date(x).date() for x in ax.get_xlim())
    assert dt.date(2015, 7, 15) < left < dt.date(2015, 8, 1)
    assert dt.date(2015, 10, 1) < right < dt.date(2015, 10, 31)
    labels = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert labels and not any(t.startswith("2015080") for t in labels)


@pytest.mark.parametrize(
    ("spans", "width_days"),
    [
        ([("a", 20150814, 20150814), ("b", 20150814, 20150814)], 30),  # one day: 15 days a side
        ([("a", 20150801, 20150831), ("b", 20150801, 20150831)], 31 * 1.3),  # August, padded
    ],
)
def test_figures_plot_pads_a_calendar_panel_by_days(spans, width_days):
    (ax, *_) = plots_figures.intervals(_date_rows(spans)).axes
    left, right = ax.get_xlim()
    assert right - left == pytest.approx(width_days)


def test_figures_plot_ticks_years_as_whole_years():
    columns = figures.analyse(corpus.load(UNBOUNDED), DEFAULT.figures).checks.columns
    rows = [
        {**dict.fromkeys(columns, ""), "measure": "year|?", "article_id": a, "low": 2016.0,
         "high": 2016.0, "unit": "year", "verdict": "consistent", "text": "2016"}
        for a in ("a", "b")
    ]  # fmt: skip
    fig = plots_figures.intervals(pd.DataFrame(rows, columns=columns))
    fig.canvas.draw()
    labels = [t.get_text() for t in fig.axes[0].get_xticklabels() if t.get_text()]
    assert "2016" in labels and not any("." in t for t in labels)
