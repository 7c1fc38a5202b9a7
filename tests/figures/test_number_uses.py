"""Number words used as numbers or as something else ("one" as a count or a pronoun), and the
forms added in the numbers2 round: fractions over a compound ordinal, unit exponents, square
units glued to the number, "a" before more units."""

from __future__ import annotations

import pytest

from newsaudit import figures
from newsaudit.figures import numbers
from tests.figures.conftest import CONFIG


def _read(text: str) -> list[tuple[str, float, str]]:
    return [(f.text, f.low, f.unit) for f in figures.extract_text(text, CONFIG)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "one" before a word that is no pronoun marker counts one of something.
        ("One person died in the blast.", [("One", 1, "count")]),
        ("Police arrested one suspect.", [("one", 1, "count")]),
        ("Two were wounded and one died.", [("Two", 2, "count"), ("one", 1, "count")]),
        ("Only one person survived.", [("one", 1, "count")]),
        (
            "He pleaded guilty to three rapes, one attempted murder.",
            [("three", 3, "count"), ("one", 1, "count")],
        ),
        # ... beside other numbers or after a comparison, even with nothing after it.
        ("one, two, three", [("one", 1, "count"), ("two", 2, "count"), ("three", 3, "count")]),
        ("one or two people", [("one or two", 1, "count")]),
        ("two and one", [("two", 2, "count"), ("one", 1, "count")]),
        ("On one occasion in July 1995 he left.", [("July 1995", 19950701, "date")]),
        ("more than one", [("more than one", 1, "count")]),
        ("The answer is minus one.", [("minus one", -1, "count")]),
        ("One.", [("One", 1, "count")]),
    ],
)
def test_one_as_a_count(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert _read(text) == [(t, pytest.approx(v), u) for t, v, u in expected]


@pytest.mark.parametrize(
    "text",
    [
        "It is one of the key tasks.",
        "This one is fine.",
        "No one was hurt.",
        "They helped one another.",
        "They left one by one.",
        "One can only guess.",
        "He was the only one left.",
        "the one who got away",
        "Which one did she pick?",
        "At one point he left.",
        "He did it on his own, as one would.",
        "one's own country",
        "One thing is clear.",
        # The indefinite "a certain" of news: no count without a tally, a quantifier or
        # another number in the sentence.
        '"It is compelling," said one BBC insider.',
        "In one message, he called Trump an idiot.",
        "No-one suggests he was involved.",
        "Let's try one last time.",
        "On one occasion he left.",
        "They will win one way or another.",
        "It is one and the same.",
        "He is one himself.",
        "On the one hand, it is big.",
    ],
)
def test_one_as_a_pronoun_is_no_figure(text: str) -> None:
    assert _read(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A count, then a compound spelled ordinal: a fraction ("one one hundred and fifth").
        ("one one hundred and fifth", [("one one hundred and fifth", 100 / 105, "%")]),
        ("one one hundred and twenty fifth", [("one one hundred and twenty fifth", 0.8, "%")]),
        # An exponent of a unit is no number.
        ("Sound travels at 0.34 km s^-1.", [("0.34 km", 0.34, "km")]),
        ("a flux of 5 m^-2 s^+1", [("5 m", 5, "m")]),
        # Square units glued to the number are units, never a magnitude "m" and a digit.
        ("a 50m2 flat", [("50m2", 50, "m2")]),
        ("an area of 301,338 km2", [("301,338 km2", 301_338, "km2")]),
        ("a 3 sqft room", [("3 sqft", 3, "ft2")]),
        ("£35m", [("£35m", 35e6, "GBP")]),
        # "a" counts one of more units; kilos are kilograms.
        ("It weighs a kilo.", [("a kilo", 1, "kg")]),
        ("They seized 5 kilos of cocaine.", [("5 kilos", 5, "kg")]),
        ("The wall is a foot thick.", [("a foot", 1, "ft")]),
        ("It costs $3 a kilo.", [("$3", 3, "USD")]),
        # Dots between thousands (two groups or more; "1.234" stays a decimal).
        ("1.000.000 people", [("1.000.000", 1e6, "count")]),
        ("1.234 people", [("1.234", 1.234, "count")]),
        # A "000" group after a space is a thousands group ("1 000"); "2 500" stays two numbers.
        ("1 000 people", [("1 000", 1000, "count")]),
        ("5 500 000 people", [("5 500 000", 5.5e6, "count")]),
        ("2 500 people", [("2", 2, "count"), ("500", 500, "count")]),
        # Thin spaces between thousands, Unicode hyphens in spelled numbers.
        ("1\u2009000 people", [("1\u2009000", 1000, "count")]),
        ("twenty\u2010one people", [("twenty\u2010one", 21, "count")]),
        # Fractions with the fraction slash or an ordinal denominator.
        ("3⁄4 of voters", [("3⁄4", 75, "%")]),
        ("2 1⁄2 miles", [("2 1⁄2 miles", 2.5, "mile")]),
        ("2/3rds of voters", [("2/3rds", 200 / 3, "%")]),
        ("a 1/4th share", [("1/4th", 25, "%")]),
        ("the 9/11 attacks", []),
        # A proper fraction over a larger power of two or ten is a fraction too.
        ("7/64 of an inch", [("7/64 of an inch", 7 / 64, "inch")]),
        ("3/1000", [("3/1000", 0.3, "%")]),
        ("It runs 24/7.", []),
        ("a road limited to 25/35mph", []),
        # A hyphenated mixed number, as US papers write it.
        ("He served 2-1/2 years.", [("2-1/2 years", 2.5, "years")]),
        ("a 7-1/2 percent rise", [("7-1/2 percent", 7.5, "%")]),
        # More approximations and bounds.
        ("in the region of 500 people", [("in the region of 500", 450, "count")]),
        ("just south of 100 votes", [("south of 100", 0, "count")]),
        # Magnitude suffixes as wires write them.
        ("a debt of $7 trn", [("$7 trn", 7e12, "USD")]),
        ("a fund of 2.5 mio", [("2.5 mio", 2.5e6, "count")]),
        # A hyphenated scale word and currency, as US papers write them before a noun.
        ("a $1.2-billion deal", [("$1.2-billion", 1.2e9, "USD")]),
        ("a 2.5-million-dollar house", [("2.5-million-dollar", 2.5e6, "USD")]),
        ("a five-euro coin", [("five-euro", 5, "EUR")]),
        ("a 10-million strong crowd", [("10-million", 1e7, "count")]),
    ],
)
def test_round_forms(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert _read(text) == [(t, pytest.approx(v), u) for t, v, u in expected]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("one one hundred and fifth", 1 / 105),
        ("three one hundred and twenty-fifths", 3 / 125),
        ("one hundred thirty fifths", 100 / 35),
    ],
)
def test_fractions_over_compound_ordinals(text: str, value: float) -> None:
    number = numbers.parse(text)
    assert number is not None and number.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Rates: "one in N" with N in thousands, millions or "a million" is one share.
        ("The risk is 1 in 10,000 people.", [("1 in 10,000", 0.01, "%")]),
        ("one in 50 million", [("one in 50 million", 2e-6, "%")]),
        ("a one in a million chance", [("one in a million", 1e-4, "%")]),
        ("3 out of 1000 patients", [("3 out of 1000", 0.3, "%")]),
        ("two out of every five voters", [("two out of every five", 40, "%")]),
        ("one in two hundred and fifty", [("one in two hundred and fifty", 0.4, "%")]),
        # ... never a year: "5 in 2010" is a count and a year.
        ("He scored 5 in 2010.", [("5", 5, "count"), ("2010", 2010, "year")]),
    ],
)
def test_rates_are_shares(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert _read(text) == [(t, pytest.approx(v), u) for t, v, u in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A larger unit and a smaller one of the same measure are one quantity.
        ("He is 6ft 2in tall.", [("6ft 2in", 6 + 2 / 12, "ft")]),
        ("He is 6 feet 2 inches tall.", [("6 feet 2 inches", 6 + 2 / 12, "ft")]),
        ("he is 5 feet and 2 inches.", [("5 feet and 2 inches", 5 + 2 / 12, "ft")]),
        ("The baby weighed 7lb 4oz.", [("7lb 4oz", 7.25, "lb")]),
        ("He is 5ft 10 and thin.", [("5ft 10", 5 + 10 / 12, "ft")]),
        ("She is 5'10\".", [("5'10\"", 5 + 10 / 12, "ft")]),
        # ... never with another measure after, nor an amount of one larger unit or more.
        ("a 6ft 10 metres away", [("6ft", 6, "ft"), ("10 metres", 10, "m")]),
        ("He is 6 feet, 15 inches", [("6 feet", 6, "ft"), ("15 inches", 15, "inch")]),
        (
            "The race took 2 hours 15 minutes.",
            [("2 hours", 2, "hours"), ("15 minutes", 15, "minutes")],
        ),
        # "12st" is stone, never an ordinal (12th); "21st" is one, unless pounds follow.
        ("He weighs 12st.", [("12st", 12, "st")]),
        ("He weighed 11 1/2st.", [("11 1/2st", 11.5, "st")]),
        ("5ft 9in and 11st 7lb", [("5ft 9in", 5.75, "ft"), ("11st 7lb", 11.5, "st")]),
        ("a 21st 3lb heavyweight", [("21st 3lb", 21 + 3 / 14, "st")]),
        ("the 21st summit", [("21st", 21, "ordinal")]),
    ],
)
def test_compound_measures(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert _read(text) == [(t, pytest.approx(v), u) for t, v, u in expected]
