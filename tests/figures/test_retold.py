"""One sentence retold by two outlets: the words right next to both figures (figures/retold.py)."""

from __future__ import annotations

import pytest

from newsaudit import figures
from newsaudit.figures.retold import RUN, retold, shared_run
from tests.conftest import corpus_of
from tests.figures.conftest import CONFIG


def _figure(text: str, number: str) -> figures.Figure:
    (f,) = [f for f in figures.extract_text(text) if f.text == number]
    return f


@pytest.mark.parametrize(
    ("a", "b", "run"),
    [
        (("put", "on", "probation"), ("put", "on", "probation", "for"), 2),  # "on": a stopword
        (("for", "probation"), ("for", "parole"), 0),
        (("the",), ("a",), 0),
        ((), ("a",), 0),
    ],
)
def test_shared_run(a, b, run):
    assert shared_run(a, b) == run


@pytest.mark.parametrize(
    ("text_a", "number_a", "text_b", "number_b", "value"),
    [
        # A sentence retold with its value changed: the words on both sides agree.
        (
            "Mr Redgrave said that Miss Harvey had been subjected to two repeated attacks.",
            "two",
            "Mr Redgrave said that Miss Harvey had been subjected to three repeated attacks.",
            "three",
            1.0,
        ),
        # Retold in part: "was put on probation for" before (put, probation), "by" after in
        # one only.
        (
            "She admitted unlawful wounding and was put on probation for two years.",
            "two years",
            "She was put on probation for three years by the Recorder of London.",
            "three years",
            2 / RUN,
        ),
        # A headline in capitals tells the same words; "tourists", the counted noun both keys
        # read, is no evidence.
        # Stopwords are no evidence either: "the two" / "the three".
        (
            "He decided the two should die.",
            "two",
            "Hobbs admitted murdering the three.",
            "three",
            0.0,
        ),
        (
            "FIVE IRISH tourists will face trial.",
            "FIVE",
            "Five Irish tourists were charged.",
            "Five",
            1 / RUN,
        ),
        # The words after a number count only with those before it: two sums of one thing.
        (
            "Corker said Republicans should press for $2 trillion in spending cuts.",
            "$2 trillion",
            "At the year-end deadline $1 trillion in spending cuts will kick in.",
            "$1 trillion",
            0.0,
        ),
        # Two measures told in other words.
        (
            "He was accused of indecently assaulting two women.",
            "two",
            "He was accused of a series of sex assaults on three civilian staff.",
            "three",
            0.0,
        ),
    ],
)
def test_retold(text_a, number_a, text_b, number_b, value):
    a, b = _figure(text_a, number_a), _figure(text_b, number_b)
    assert retold(a, b) == pytest.approx(value)
    assert retold(b, a) == pytest.approx(value)


def test_a_small_count_retold_with_another_value_is_a_conflict():
    # The key model reads "small" as weak evidence ("two senators" and "three aides" are often
    # two sets); told in the same words, the count is one measure given two ways.
    texts = {
        "a": "X\n\nA former salesman was yesterday given two life sentences for the murder.",
        "b": "X\n\nThe salesman was today given three life sentences for the murders.",
    }
    result = figures.analyse(corpus_of(texts), CONFIG)
    assert len(result.disagreements) == 1
    assert {result.disagreements.loc[0, "text_a"], result.disagreements.loc[0, "text_b"]} == {
        "two",
        "three",
    }


def test_small_counts_told_otherwise_stay_apart():
    texts = {
        "a": "X\n\nHe was accused of indecently assaulting two women.",
        "b": "X\n\nHe faced a series of sex assaults on three civilian staff.",
    }
    assert figures.analyse(corpus_of(texts), CONFIG).disagreements.empty
