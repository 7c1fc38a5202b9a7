"""The figures tables: contract columns, order, matrix, determinism, plots."""

from __future__ import annotations

import pandas as pd
import pytest

from newsaudit import corpus, figures
from tests.figures.conftest import CONFIG


def test_figures_table_contract(result: figures.FiguresResult, seeds: corpus.Corpus) -> None:
    assert list(result.figures.columns) == figures.FIGURE_COLUMNS
    assert list(result.checks.columns[:7]) == [
        "measure",
        "article_id",
        "text",
        "low",
        "high",
        "unit",
        "verdict",
    ]
    for row in result.figures.itertuples():
        assert seeds[row.article_id].text[row.start : row.end] == row.text
    ordered = result.figures.sort_values(["article_id", "start"], ignore_index=True)
    pd.testing.assert_frame_equal(result.figures, ordered)
    assert set(result.checks["verdict"]) <= {"consistent", "compatible", "inconsistent"}
    assert (result.checks.groupby("measure")["article_id"].nunique() >= 2).all()


def test_disagreements_are_ordered_by_size(result: figures.FiguresResult) -> None:
    dis = result.disagreements
    assert list(dis["measure"].iloc[:1]) == ["troops|killed"]
    assert dis["relative_difference"].is_monotonic_decreasing
    assert dis.iloc[0]["relative_difference"] == pytest.approx(113 / 300)


def test_matrix_is_measures_by_articles(result: figures.FiguresResult, seeds) -> None:
    assert list(result.matrix().columns) == seeds.ids
    assert set(result.matrix().index) == set(result.checks["measure"])
    assert result.matrix().loc["troops|killed", seeds.ids[2]] == ""
    # a few columns: every measure still a row
    assert result.matrix(seeds.ids[2:3]).shape == (len(result.matrix()), 1)


def test_analyse_is_deterministic(seeds: corpus.Corpus) -> None:
    a, b = figures.analyse(seeds, CONFIG), figures.analyse(seeds, CONFIG)
    for name in ("figures", "checks", "disagreements", "review"):
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name))
    pd.testing.assert_frame_equal(a.matrix(), b.matrix())


def test_plots_return_labelled_figures(result: figures.FiguresResult, seeds) -> None:
    from newsaudit.report.plots import figures as plots_figures

    fig = plots_figures.intervals(result.checks)
    assert fig.axes and fig.axes[-1].get_xlabel()
    fig = plots_figures.matrix(result.checks, seeds.ids)
    assert fig.axes[0].get_title()
