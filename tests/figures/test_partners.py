"""Which figure of another article is a figure's counterpart (figures/partners.py)."""

from __future__ import annotations

import pytest

from newsaudit import figures
from newsaudit.figures import linkmodel
from tests.conftest import corpus_of
from tests.figures.conftest import CONFIG

RECORD = "Her record, according to the campaign: six years in the naval reserve and two tours."


def _figure(text: str, number: str) -> figures.Figure:
    (f,) = [f for f in figures.extract_text(text) if f.text == number]
    return f


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [
        # The same words right after the number, up to a content word.
        (RECORD, "She enlisted in 1990 and spent seven years in the naval reserve.", True),
        # The same verb right before it.
        ("The bill passed 219-212 on Friday.", "The measure, which passed 221-212, was", True),
        # Only a preposition in common: no evidence.
        (RECORD, "She enlisted in 1990 and then spent six years at a law firm.", False),
    ],
)
def test_told_alike(a, b, alike):
    number_a = "six years" if "six years" in a else "219"
    number_b = next(n for n in ("seven years", "six years", "221") if n in b)
    fa, fb = _figure(a, number_a), _figure(b, number_b)
    assert linkmodel.told_alike(fa, fb) is alike


@pytest.mark.parametrize(
    ("b", "compared"),
    [
        # A year elsewhere in one sentence (when she enlisted) does not keep apart two figures
        # written in the same words, read under two keys.
        ("She enlisted in 1990 and spent six years in the naval reserve before law school.", True),
        # Written in other words, the year named by one only still says two measures.
        ("She enlisted in 1990 and then spent six years at a law firm in the city.", False),
    ],
)
def test_figures_told_alike_meet_despite_a_year_named_by_one(b, compared):
    result = figures.analyse(corpus_of({"a": RECORD, "b": b}), CONFIG)
    rows = result.comparisons[result.comparisons["text"] == "six years"]
    assert bool((rows["compared_with"] != "").any()) == compared
    assert result.disagreements.empty
