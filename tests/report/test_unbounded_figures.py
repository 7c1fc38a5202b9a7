"""Found by benchmarks/real_corpora.py (a METER story): a measure whose every interval is
unbounded on both sides ("last year" in an undated article) made the figures plot take min()
of nothing. Such figures are no longer compared (they go to the review list), and the plot
survives such a measure anyway."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

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
