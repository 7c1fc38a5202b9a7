"""Whose a sentence is when it names no one: the sentence before, for a pronoun subject."""

from __future__ import annotations

import pytest

from newsaudit import figures
from newsaudit.figures import linkmodel
from newsaudit.figures.subjects import by_pronoun


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He joined the reserves in 1970.", True),
        ("In 1970, with his last deferment in jeopardy, he landed a spot in the reserves.", True),
        ("They said the plant would close in 2012.", True),
        ("Blumenthal said he joined the reserves in 1970.", False),  # named before the pronoun
        ("In 1970, Blumenthal said he joined the reserves.", False),
        ("The plant closed in 2012.", False),  # no pronoun
        ("It closed in 2012.", False),  # not a personal pronoun
    ],
)
def test_by_pronoun(sentence, expected):
    assert by_pronoun(sentence) is expected


def test_a_pronoun_sentence_carries_the_sentence_before():
    text = "Richard Blumenthal never served in Vietnam. In 1970, he landed a spot in the reserves."
    (fig,) = figures.extract_text(text)
    assert fig.before == "Richard Blumenthal never served in Vietnam."
    (named,) = figures.extract_text("Blumenthal served. In 1970, Blumenthal joined the reserves.")
    assert named.before == ""


def test_the_names_of_the_sentence_before_count_as_the_figures_own():
    (a,) = figures.extract_text(
        "Richard Blumenthal never served. In 1970, he joined the reserves."
    )
    (b,) = figures.extract_text("Dick Blumenthal joined the Marine Corps Reserves in 1971.")
    assert linkmodel.sentence_overlap(a, b)[1] == pytest.approx(1 / linkmodel.NAMES)


def test_months_and_weekdays_are_no_names():
    fig = figures.extract_text("The deal for 300 jets was signed on Monday, Nov. 7, in June.")[0]
    assert linkmodel.sentence_overlap(fig, fig)[1] == 0
