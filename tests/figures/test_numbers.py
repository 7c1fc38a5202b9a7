"""Reading number expressions: qualifiers as bounds, number forms, what is not a figure."""

from __future__ import annotations

import math

import pytest

from newsaudit import figures
from newsaudit.config import FiguresConfig
from tests.figures.conftest import CONFIG


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("more than 300 peacekeepers", 300, math.inf),
        ("approximately 170 peacekeepers", 153, 187),
        ("a 14,000-strong force", 14_000, 14_000),
        ("at least 12 people died", 12, math.inf),
        ("nearly 300 soldiers", 270, 300),
        ("almost ten years", 9, 10),
        ("up to 40 refugees", 0, 40),
        ("fewer than 50 fighters", 0, 50),
        ("some 2,000 troops", 1_800, 2_200),
        ("around 1.2 million people", 1_080_000, 1_320_000),
        ("between 12,000 and 15,000 troops", 12_000, 15_000),
        ("12,000-15,000 troops", 12_000, 15_000),
        ("over 500 civilians", 500, math.inf),
    ],
)
def test_qualifiers_become_bounds(one, text: str, low: float, high: float) -> None:
    fig = one(text)
    assert (fig.low, fig.high) == pytest.approx((low, high))


@pytest.mark.parametrize(
    ("text", "figure_text", "low", "unit"),
    [
        ("The force has 14,000 troops.", "14,000", 14_000, "count"),
        ("It lasted ten years.", "ten years", 10, "years"),
        ("a coup nine months later", "nine months", 9, "months"),
        ("a dozen villages burned", "a dozen", 12, "count"),
        ("two hundred and fifty people", "two hundred and fifty", 250, "count"),
        ("They pledged $3.5bn in aid.", "$3.5bn", 3.5e9, "USD"),
        ("a budget of €40m", "€40m", 40e6, "EUR"),
        ("it cost 2 million dollars", "2 million dollars", 2e6, "USD"),
        ("Turnout was 62.5% this time", "62.5%", 62.5, "%"),
        ("Turnout was 58 per cent.", "58 per cent", 58, "%"),
        ("a 45-year-old man", "45-year-old", 45, "years old"),
        ("after a decade of war", "a decade", 10, "years"),
        ("a decade-long mission", "decade-long", 10, "years"),
        ("It was created in 2013.", "2013", 2013, "year"),
        ("The UN has until June 30th to decide.", "June 30th", 630, "month-day"),
        ("The vote is on 5 March 2024.", "5 March 2024", 20240305, "date"),
        ("The attack came in March 2022.", "March 2022", 20220301, "date"),
        ("It was the third coup.", "third", 3, "ordinal"),
        ("It was the 21st summit.", "21st", 21, "ordinal"),
        ("Two-thirds of voters agreed.", "Two-thirds", 200 / 3, "%"),
    ],
)
def test_number_forms(one, text: str, figure_text: str, low: float, unit: str) -> None:
    fig = one(text)
    assert (fig.text, fig.low, fig.unit) == (figure_text, pytest.approx(low), unit)
    assert text[fig.start : fig.end] == fig.text


@pytest.mark.parametrize(
    "text",
    [
        "It is one of the key tasks.",
        "The M5-RFP party organised it.",
        "the post-9/11 approach",
        "A report came out in May.",
        "Several groups joined.",
        "a few of them left",
    ],
)
def test_not_figures(text: str) -> None:
    assert figures.extract_text(text, CONFIG) == []


def test_tolerances_are_configurable() -> None:
    wide = FiguresConfig(approx_tolerance=0.5)
    (fig,) = figures.extract_text("about 100 people", wide)
    assert (fig.low, fig.high) == (50, 150)
