"""Tests for the learned direction model: symmetric, decisive clues first, abstains when weak."""

import pytest

from newsaudit.config import OverlapConfig
from newsaudit.overlap import direction_model
from newsaudit.overlap.records import Evidence

MODEL = {"coef": dict.fromkeys(direction_model.CLUES, 1.0), "min_probability": 0.8}


def _clue(favours: str, clue: str, value: float = 1.0) -> Evidence:
    return Evidence(favours, 0.0, "test", f"{clue} favours {favours}", clue, value)


def test_shipped_model_names_every_clue_and_a_cut():
    m = direction_model.model()
    assert set(m["coef"]) == set(direction_model.CLUES)
    assert 0.5 <= m["min_probability"] <= 1.0


def test_swapping_the_articles_flips_the_probability():
    evidence = [_clue("a", "length", 0.7), _clue("b", "typo"), _clue("a", "truncation")]
    p_a = direction_model.probability("a", evidence, MODEL)
    assert direction_model.probability("b", evidence, MODEL) == pytest.approx(1 - p_a)


@pytest.mark.parametrize(
    ("evidence", "expected"),
    [
        ([_clue("a", "length", 3.0)], ("a", "b")),  # strong clue: stated
        ([_clue("b", "typo", 2.0)], ("b", "a")),
        ([_clue("a", "length", 0.2)], ("", "")),  # weak: unknown rather than a guess
        ([_clue("a", "length", 2.0), _clue("b", "typo", 2.0)], ("", "")),  # clues cancel
        ([], ("", "")),
    ],
)
def test_direction_is_stated_only_above_the_cut(evidence, expected):
    source, derived, _ = direction_model.decide("a", "b", evidence, OverlapConfig(), MODEL)
    assert (source, derived) == expected


@pytest.mark.parametrize("decisive", ["date", "credit_match"])
def test_decisive_clues_outweigh_the_model(decisive):
    evidence = [_clue("a", "length", 9.0), _clue("b", decisive)]
    assert direction_model.decide("a", "b", evidence, OverlapConfig(), MODEL) == ("b", "a", 1.0)


def test_weights_are_the_models_log_odds():
    (weighed,) = direction_model.weigh([_clue("a", "length", 0.5)], MODEL)
    assert weighed.weight == pytest.approx(0.5)
    date = Evidence("a", 1.0, "date", "a was published first", "date")
    assert direction_model.weigh([date], MODEL) == [date]  # decisive clues keep their weight


def test_signed_values_favour_a_positive():
    x = direction_model.signed("a", [_clue("a", "length", 0.5), _clue("b", "quotes", 0.25)])
    assert (x["length"], x["quotes"], x["typo"]) == (0.5, -0.25, 0.0)
