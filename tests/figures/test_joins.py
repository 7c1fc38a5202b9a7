"""Joining adjacent number spans into one figure."""

from __future__ import annotations

import math

import pytest

from newsaudit import figures
from tests.figures.conftest import CONFIG


@pytest.mark.parametrize(
    ("text", "figure_text", "low", "high", "unit"),
    [
        ("between 12,000 and 15,000 troops", "between 12,000 and 15,000", 12_000, 15_000, "count"),
        ("a 10- to 15-minute walk", "10- to 15-minute", 10, 15, "minutes"),
        ("It weighs 5 ± 0.3 kg.", "5 ± 0.3 kg", 4.7, 5.3, "kg"),
        ("more than 20 but under 30 people", "more than 20 but under 30", 20, 30, "count"),
        ("It cost 3 dollars 50 cents.", "3 dollars 50 cents", 3.5, 3.5, "USD"),
        (
            "thirteen dollars and forty-five cents",
            "thirteen dollars and forty-five cents",
            13.45,
            13.45,
            "USD",
        ),
        ("over 500 civilians", "over 500", 500, math.inf, "count"),
    ],
)
def test_adjacent_spans_join(
    text: str, figure_text: str, low: float, high: float, unit: str
) -> None:
    (fig,) = figures.extract_text(text, CONFIG)
    assert (fig.text, fig.low, fig.high, fig.unit) == (
        figure_text,
        pytest.approx(low),
        pytest.approx(high),
        unit,
    )
