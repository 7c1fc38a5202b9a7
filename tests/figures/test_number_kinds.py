"""Kinds of number writing read from others' test cases and checked on real news: scale words
glued to the digits, fractions of a scale word, a dozen and a half, "a couple of hundred",
"-fold" and "N times the" ratios, "approx." and "~", denominators past ten, continental
decimals, the indefinite "one day", "a third" after "two" as an ordinal; one row per form."""

from __future__ import annotations

import math

import pytest

from newsaudit import figures
from tests.figures.conftest import CONFIG


def _read(text: str) -> list[tuple[str, float, float, str]]:
    return [(f.text, f.low, f.high, f.unit) for f in figures.extract_text(text, CONFIG)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Scale words glued to the digits, as UK tabloids and OCR write them.
        ("He was awarded £4million damages.", [("£4million", 4e6, 4e6, "GBP")]),
        ("The deal is worth $1.2billion.", [("$1.2billion", 1.2e9, 1.2e9, "USD")]),
        ("The car had done 12.7million miles.", [("12.7million miles", 1.27e7, 1.27e7, "mile")]),
        ("It sold around 24million copies.", [("around 24million", 2.16e7, 2.64e7, "count")]),
        # A fraction of a scale word, with or without the article.
        (
            "He must pay more than a third of a million pounds.",
            [("more than a third of a million pounds", 1e6 / 3, math.inf, "GBP")],
        ),
        (
            "Nearly quarter of a million fled.",
            [("Nearly quarter of a million", 225e3, 250e3, "count")],
        ),
        ("Half of a million people marched.", [("Half of a million", 5e5, 5e5, "count")]),
        (
            "two thirds of a billion dollars",
            [("two thirds of a billion dollars", 2e9 / 3, 2e9 / 3, "USD")],
        ),
        # ... while a fraction before anything else stays a share.
        ("a third of the budget", [("a third", 100 / 3, 100 / 3, "%")]),
        # "and a half" after a dozen is half a dozen more.
        ("She baked a dozen and a half loaves.", [("a dozen and a half", 18, 18, "count")]),
        ("two dozen and a half", [("two dozen and a half", 30, 30, "count")]),
        # ... after "hundred" it is a half, not half a hundred.
        ("one hundred and a half", [("one hundred and a half", 100.5, 100.5, "count")]),
        # "a couple of hundred": about two of the magnitude, a vague band.
        ("A couple of hundred people gathered.", [("A couple of hundred", 200, 300, "count")]),
        ("a couple thousand fans", [("a couple thousand", 2000, 3000, "count")]),
        # "-fold" states a ratio, as "doubled" does.
        ("Cases rose tenfold.", [("tenfold", 10, 10, "times")]),
        ("a threefold rise", [("threefold", 3, 3, "times")]),
        # Denominators from eleven to nineteen and the round tens.
        ("fifteen-sixteenths", [("fifteen-sixteenths", 93.75, 93.75, "%")]),
        ("one sixteenth of an inch", [("one sixteenth of an inch", 0.0625, 0.0625, "inch")]),
        ("a twelfth of the budget", [("a twelfth", 100 / 12, 100 / 12, "%")]),
        ("three sixtieths", [("three sixtieths", 5, 5, "%")]),
        # ... never an ordinal ("the sixteenth century") nor an idiom ("an eleventh-hour deal");
        # a hyphenated duration follows only half and quarter.
        ("in the sixteenth century", []),
        ("They struck an eleventh-hour deal.", []),
        ("a half-hour show", [("a half-hour", 0.5, 0.5, "hours")]),
        # Numbers written the continental way: dots or spaces between thousands, a decimal comma.
        ("The bill came to 3.500,00 euros.", [("3.500,00 euros", 3500, 3500, "EUR")]),
        ("1.234.567,89", [("1.234.567,89", 1234567.89, 1234567.89, "count")]),
        ("1 234 567,89", [("1 234 567,89", 1234567.89, 1234567.89, "count")]),
        # ... while one dot group stays an English decimal and commas stay thousands.
        ("1.234", [("1.234", 1.234, 1.234, "count")]),
        ("2,500,000.50", [("2,500,000.50", 2500000.5, 2500000.5, "count")]),
        # "N times" before a comparison is a ratio; before anything else it counts occasions.
        (
            "He was more than three times the legal limit.",
            [("more than three times", 3, math.inf, "times")],
        ),
        ("Cancer is five times more likely.", [("five times", 5, 5, "times")]),
        ("ten times as many people", [("ten times", 10, 10, "times")]),
        ("He was arrested three times.", [("three", 3, 3, "count")]),
        ("He takes it three times a day.", [("three", 3, 3, "count")]),
        # "One day" at a clause start or after "said", "on", "and" is some day, no duration ...
        ("One day in October she told him.", []),
        ("One minute this guy is talking, the next he is gone.", []),
        ("Roberts said one day Thomas went there.", []),
        ("On one day, protesters gathered.", []),
        # ... while a word that anchors it, or one before that measures it, keeps the duration.
        ("The report comes one day after the vote.", [("one day", 1, 1, "days")]),
        ("One year ago, he left.", [("One year", 1, 1, "years")]),
        ("He was suspended for one year.", [("one year", 1, 1, "years")]),
        ("He got the one year jail sentence.", [("one year", 1, 1, "years")]),
        # "a third" right after a count of two in its sentence is the third one, no share ...
        ("He raped two women, indecently assaulting a third, and fled.", [("two", 2, 2, "count")]),
        ("Three died and a fourth, a woman, was hurt.", [("Three", 3, 3, "count")]),
        # ... unless a word before it makes it a share.
        (
            "Two years later, sales fell by a third.",
            [("Two years", 2, 2, "years"), ("a third", 100 / 3, 100 / 3, "%")],
        ),
        ("Sales fell by a third.", [("a third", 100 / 3, 100 / 3, "%")]),
        # Every unit name in the singular too, and so in hyphenated compounds.
        ("a 10-kilometer race", [("10-kilometer", 10, 10, "km")]),
        ("a 50-megawatt plant", [("50-megawatt", 50, 50, "MW")]),
        ("penned in a two square metre cell", [("two square metre", 2, 2, "m2")]),
        ("within one nautical mile", [("one nautical mile", 1, 1, "nmi")]),
        ("a 10-carat diamond", [("10-carat", 10, 10, "ct")]),
        # No writer scales four plain digits: "1500m" is metres, "1500b" no billion ...
        ("He won the 1500m final.", [("1500m", 1500, 1500, "m")]),
        ("The camp sits at 2000m.", [("2000m", 2000, 2000, "m")]),
        ("the 1500b packet", [("1500b", 1500, 1500, "count")]),
        ("She won the 800m final.", [("800m", 800, 800, "m")]),
        # ... while money and smaller numbers keep their magnitude.
        ("a £1500m deal", [("£1500m", 1.5e9, 1.5e9, "GBP")]),
        ("35m people", [("35m", 3.5e7, 3.5e7, "count")]),
        ("$800m final payment", [("$800m", 8e8, 8e8, "USD")]),
        # Basis points glued, and a fraction of a percentage point.
        ("a 25bp cut", [("25bp", 25, 25, "bp")]),
        ("raised rates by 50bps", [("50bps", 50, 50, "bp")]),
        ("half a percentage point", [("half a percentage point", 0.5, 0.5, "percentage points")]),
        # Currencies of world news by name, dollars by their country.
        ("It cost 5 Canadian dollars.", [("5 Canadian dollars", 5, 5, "CAD")]),
        ("a fine of 20,000 shekels", [("20,000 shekels", 20000, 20000, "ILS")]),
        ("It cost 50 baht.", [("50 baht", 50, 50, "THB")]),
        ("a ₪50 fine", [("₪50", 50, 50, "ILS")]),
        ("It costs RM50.", [("RM50", 50, 50, "MYR")]),
        # ... never a name several currencies share.
        ("It cost 3 dinars.", [("3", 3, 3, "count")]),
        # Names of bills, projects and school years count nothing.
        ("The bill, known as SB 1062, passed.", []),
        ("the For the People Act or H.R. 1", []),
        ("Among the groups is Project 21, a think tank.", []),
        ("He was head of Year Seven.", []),
        # A score ends a sentence too; an ascending pair stays a range.
        ("They lost the match 2-0.", []),
        ("children aged 5-7.", [("5-7", 5, 7, "years old")]),  # ages after "aged"
        # A capitalised spelled number after a capitalised word is part of a name ...
        ("They entered the ruins of Crematorium Two at Auschwitz.", []),
        ("the decision to move News At Ten", []),
        ("Sir Paul sang Fab Four classics.", []),
        # ... never after a month or a sentence's first word, nor in a title-case headline.
        ("In March Two people died.", [("Two", 2, 2, "count")]),
        ("Yesterday Two men were hurt.", [("Two", 2, 2, "count")]),
        ("Police Say Two Killed In Blast", [("Two", 2, 2, "count")]),
        # A decade of life is an age band.
        ("a man in his 40s", [("his 40s", 40, 49, "years old")]),
        ("Carol, in her early fifties, said", [("her early fifties", 50, 53, "years old")]),
        ("in their mid-60s", [("their mid-60s", 63, 66, "years old")]),
        ("He was homosexual in his early teens.", [("his early teens", 13, 15, "years old")]),
        # ... never a decade of the calendar (a year there) or a thing's.
        ("in the 40s", [("40s", 1940, 1949, "year")]),
        ("The index, in its 90s, fell.", []),
        # "ground zero" is a place.
        ("Crowds gathered near ground zero.", []),
        # Abbreviated and symbolic "about".
        ("approx. 50 people", [("approx. 50", 45, 55, "count")]),
        ("~50 people", [("~50", 45, 55, "count")]),
    ],
)
def test_number_kinds(text: str, expected: list[tuple[str, float, float, str]]) -> None:
    got = _read(text)
    assert [(t, u) for t, _, _, u in got] == [(t, u) for t, _, _, u in expected]
    for (_, low, high, _), (_, want_low, want_high, _) in zip(got, expected, strict=True):
        assert (low, high) == pytest.approx((want_low, want_high))
