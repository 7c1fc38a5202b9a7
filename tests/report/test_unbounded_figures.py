"""Found by benchmarks/real_corpora.py (a METER story): a measure whose every interval is
unbounded on both sides ("last year") made the figures plot take min() of nothing."""

from __future__ import annotations

import math
from pathlib import Path

from newsaudit import corpus, figures
from newsaudit.config import DEFAULT
from newsaudit.report.plots import figures as plots_figures

UNBOUNDED = Path(__file__).resolve().parent.parent / "data" / "corpora" / "unbounded"


def test_figures_plot_survives_a_measure_with_no_finite_bound():
    checks = figures.analyse(corpus.load(UNBOUNDED), DEFAULT.figures).checks
    bounds = [*checks["low"], *checks["high"]]
    assert len(checks) >= 2 and not any(math.isfinite(v) for v in bounds)
    fig = plots_figures.intervals(checks)
    assert fig.axes
