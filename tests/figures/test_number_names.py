"""Names that hold a number ("Studio 54", "Day 3 of the trial") read as no count, each beside a
near miss that must stay a count ("the top 10 earners", "Police Arrest 54 Protesters"); and
the qualifiers, per-mille and spelled forms added with them (numbers11)."""

from __future__ import annotations

import pytest

from newsaudit import figures
from tests.figures.conftest import CONFIG


def _values(text: str) -> list[tuple[str, float, float, str]]:
    return [(f.text, f.low, f.high, f.kind) for f in figures.extract_text(text, CONFIG)]


NAMES = [
    "He was a regular at Studio 54 in the seventies.",
    "The base known as Area 51 was secret.",
    "She runs a Fortune 500 company.",
    "It was a Top 10 finish for the team.",
    "On Day 3 of the trial the witness spoke.",
    "Apollo 11 landed on the Moon.",
    "It was a Catch-22 for the ministers.",
    "He won in Formula 1 at the weekend.",
    "Leaders of the G20 met in Rome.",
    "The update to Windows 10 failed.",
    "He bought an iPhone 12 on Monday.",
    "It was shown on Channel 4 at night.",
    "The firm filed for Chapter 11 protection.",
    "The law known as Title IX applies.",
    "The pupils in Year 9 sat the test.",
    "His grandfather fought in World War 2 as a pilot.",
    "She drove a grey Porsche 911 Carrera.",
    "Officers followed his Rover 213 through the town.",
    # a name of the lexicon opening its sentence
    "Area 51 was built in the desert.",
    "Studio 54 closed its doors.",
]


@pytest.mark.parametrize("text", NAMES)
def test_a_name_that_holds_a_number_counts_nothing(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # lower case: a rank of a list, counted
        ("The top 10 earners took home most of it.", ("10", 10.0)),
        # a headline capitalises every word
        ("Police Arrest 54 Protesters In City Centre", ("54", 54.0)),
        # the capitalised word opens the sentence or a list item
        ("Yesterday 54 people were hurt.", ("54", 54.0)),
        ("Ohio lost 5, Texas 7.", ("7", 7.0)),
        # a number before a comma (an age) or before people or "times"
        ("Drug-crazed Alan Hobbs 32, was jailed.", ("32", 32.0)),
        ("It has prosecuted Thames Water 24 times.", ("24", 24.0)),
        ("He told Reuters 12 people were hurt.", ("12", 12.0)),
        # a plural noun after the number: what it counts ("give X N seats")
        ("Results give the Unity Party 130 seats in parliament.", ("130", 130.0)),
        ("The poll gives the Labour Party 418 seats.", ("418", 418.0)),
    ],
)
def test_near_misses_of_names_stay_counts(text: str, expected: tuple[str, float]) -> None:
    assert expected in [(t, low) for t, low, _, _ in _values(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The tower, built ca. 300 years ago, fell.", ("ca. 300 years", 270.0, 330.0)),
        ("The cost was ≈ 5 million dollars.", ("≈ 5 million dollars", 4.5e6, 5.5e6)),
        ("A hoard of c. 40 coins was found.", ("c. 40", 36.0, 44.0)),
        ("It is getting on for 200 miles.", ("getting on for 200 miles", 180.0, 200.0)),
        ("The deal is worth north of $5bn.", ("north of $5bn", 5e9, float("inf"))),
        ("It cost upwards of 500 pounds.", ("upwards of 500 pounds", 500.0, float("inf"))),
        ("The total was just shy of 300 votes.", ("just shy of 300", 270.0, 300.0)),
        ("He spent the best part of £1m on it.", ("the best part of £1m", 9e5, 1e6)),
        ("Some 40 people were hurt.", ("Some 40", 36.0, 44.0)),
    ],
)
def test_qualifiers_before_a_number(text: str, expected: tuple[str, float, float]) -> None:
    assert expected in [(t, low, high) for t, low, high, _ in _values(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rate is 3 per mille.", ("3 per mille", 0.3, "percent")),
        ("The limit is 0.5‰ now.", ("0.5‰", 0.05, "percent")),
        ("Inflation rose five per cent.", ("five per cent", 5.0, "percent")),
        ("Nine out of ten dentists agree.", ("Nine out of ten", 90.0, "percent")),
        ("About 2 in every 5 voters agree.", ("About 2 in every 5", 36.0, "percent")),
    ],
)
def test_written_out_rates(text: str, expected: tuple[str, float, str]) -> None:
    assert expected in [(t, low, kind) for t, low, _, kind in _values(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("There were fifteen twenty-year-olds.", [("fifteen", 15.0, "count")]),
        ("He counted seventeen, eighteen.", [("seventeen", 17.0, "count")]),
        ("Nineteen ninety-nine was a good year.", [("Nineteen ninety-nine", 1999.0, "year")]),
        ("He came first in the race.", []),
        ("the twenty-first century", []),
    ],
)
def test_near_misses_of_spelled_years_and_ordinals(
    text: str, expected: list[tuple[str, float, str]]
) -> None:
    found = [(t, low, kind) for t, low, _, kind in _values(text)]
    assert found[: len(expected)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It was founded in two thousand and eight.", ("two thousand and eight", "year")),
        ("In two thousand and ten the bank failed.", ("two thousand and ten", "year")),
        # no preposition of time, or a counted noun after it: a count
        ("Two thousand and eight people marched.", ("Two thousand and eight", "count")),
        ("They sold two thousand and eight.", ("two thousand and eight", "count")),
    ],
)
def test_two_thousand_and_eight_is_a_year_after_in_or_since(
    text: str, expected: tuple[str, str]
) -> None:
    assert [(t, kind) for t, _, _, kind in _values(text)] == [expected]
