"""Digits misread by OCR as letters, read back one character for one (`figures.ocr`)."""

from __future__ import annotations

import pytest

from newsaudit import figures
from newsaudit.figures import ocr
from tests.figures.conftest import CONFIG


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("More than 3O million tuned in", "More than 30 million tuned in"),
        ("the BBC's £l95million schedule", "the BBC's £195million schedule"),
        ("a reward of £2O,OOO", "a reward of £20,000"),
        ("jailed for l8 years", "jailed for 18 years"),
        ("dead by 8.l2 pm", "dead by 8.12 pm"),
        ("born at l.l7 pm", "born at 1.17 pm"),
        # ... never a name or a unit: a letter before the digits, "lb" after them.
        ("H2O and CO2 levels on the A11", "H2O and CO2 levels on the A11"),
        ("O2 customers", "O2 customers"),
        ("weighed 7lb 2oz", "weighed 7lb 2oz"),
        ("I said l and O", "I said l and O"),
    ],
)
def test_digits(text: str, expected: str) -> None:
    assert ocr.digits(text) == expected
    assert len(ocr.digits(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("More than 3O million tuned in", [("More than 3O million", 3e7, float("inf"))]),
        ("worth £l00million, is", [("£l00million", 1e8, 1e8)]),
        ("was dead by 8.l2 pm.", []),
    ],
)
def test_figures_keep_the_written_text(
    text: str, expected: list[tuple[str, float, float]]
) -> None:
    got = [(f.text, f.low, f.high) for f in figures.extract_text(text, CONFIG)]
    assert got == expected
