"""More number forms as news writes them: mixed numbers after digits, plural magnitudes, units
by name and symbol, temperatures below zero, cents after a currency word; and what stays no
figure (ordinals spelled like fractions, years before a plural magnitude, identifiers)."""

from __future__ import annotations

import pytest

from newsaudit import figures
from newsaudit.figures import numbers
from tests.figures.conftest import CONFIG


def _read(text: str) -> list[tuple[str, float, float, str]]:
    return [
        (f.text, f.low, f.high, f.unit)
        for f in figures.extract_text(text, CONFIG)
        if f.kind != "ordinal" or f.text[0].isdigit()
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A mixed number after digits, a scale word after it.
        ("The inquiry took 3 and a half years.", [("3 and a half years", 3.5, 3.5, "years")]),
        (
            "Some 2 and a half million people fled.",
            [("Some 2 and a half million", 2.25e6, 2.75e6, "count")],
        ),
        (
            "The judge gave him 10 and a quarter years.",
            [("10 and a quarter years", 10.25, 10.25, "years")],
        ),
        # ... but never a share that follows: "2 and a third of voters".
        (
            "It won 2 and a third of the seats.",
            [("2", 2, 2, "count"), ("a third", 100 / 3, 100 / 3, "%")],
        ),
        # Plural magnitudes straight after a written number.
        ("The fund lost 1.5 millions in a week.", [("1.5 millions", 1.5e6, 1.5e6, "count")]),
        ("five hundred thousands refugees", [("five hundred thousands", 5e5, 5e5, "count")]),
        # ... never after a year, never before "of" (vague amounts).
        (
            "In 2015 thousands of people marched.",
            [("2015", 2015, 2015, "year"), ("thousands", 2000, 999999, "count")],
        ),
        (
            "In 1990 hundreds died.",
            [("1990", 1990, 1990, "year"), ("hundreds", 200, 1999, "count")],
        ),
        # Dozens, also abbreviated.
        ("The shop sold 5 doz eggs.", [("5 doz", 60, 60, "count")]),
        ("They ordered three dozens of roses.", [("three dozens", 36, 36, "count")]),
        # Powers of ten written with spaces or an asterisk.
        ("Avogadro's number is 6.022 × 10^23.", [("6.022 × 10^23", 6.022e23, 6.022e23, "count")]),
        ("a budget of 2 * 10^5 units", [("2 * 10^5", 2e5, 2e5, "count")]),
        ("The dish held 10⁶ cells.", [("10⁶", 1e6, 1e6, "count")]),
        ("some 6.02×10²³ atoms", [("some 6.02×10²³", 6.02e23 * 0.9, 6.02e23 * 1.1, "count")]),
        ("a gap of 2 × 10⁻³ m", [("2 × 10⁻³ m", 2e-3, 2e-3, "m")]),
        # Half of the unit just read.
        ("It took a minute and a half to die.", [("a minute and a half", 1.5, 1.5, "minutes")]),
        ("The talks lasted two hours and a half.", [("two hours and a half", 2.5, 2.5, "hours")]),
        ("He paid a dollar and a half.", [("a dollar", 1, 1, "USD"), ("a half", 50, 50, "%")]),
        ("a 5 x 10 metre room", [("5", 5, 5, "count"), ("10 metre", 10, 10, "m")]),
        # Units by name, any case, and abbreviated durations.
        ("The engine makes 300 horsepower.", [("300 horsepower", 300, 300, "hp")]),
        ("She lost 3 stone in a year.", [("3 stone", 3, 3, "st")]),
        ("He drank 10 pints of lager.", [("10 pints", 10, 10, "pt")]),
        ("The plant emits 2 megatonnes of CO2.", [("2 megatonnes", 2, 2, "Mt")]),
        ("The storm's winds hit 90 miles per hour.", [("90 miles per hour", 90, 90, "mph")]),
        ("It was -40 degrees Fahrenheit.", [("-40 degrees Fahrenheit", -40, -40, "°F")]),
        (
            "The flight took 1.5 hrs and the drive 45min.",
            [("1.5 hrs", 1.5, 1.5, "hours"), ("45min", 45, 45, "minutes")],
        ),
        # Unit symbols in their own case; one-letter symbols only glued.
        ("a 12V battery and a 60W bulb", [("12V", 12, 12, "V"), ("60W", 60, 60, "W")]),
        (
            "The phone has 128 GB of storage and a 5 MB cap.",
            [("128 GB", 128, 128, "GB"), ("5 MB", 5, 5, "MB")],
        ),
        ("The collider reached 13 TeV.", [("13 TeV", 13, 13, "TeV")]),
        ("A dose of 20 mSv was measured.", [("20 mSv", 20, 20, "mSv")]),
        ("England won 2 v 1.", [("2", 2, 2, "count"), ("1", 1, 1, "count")]),
        ("a 350g bag and a 100t crane", [("350g", 350, 350, "g"), ("100t", 100, 100, "t")]),
        ("Add 10 fl oz of water.", [("10 fl oz", 10, 10, "fl oz")]),
        (
            "Water boils at 100° Celsius, or 212 ºF.",
            [("100° Celsius", 100, 100, "°C"), ("212 ºF", 212, 212, "°F")],
        ),
        ("The lake covers 30 km².", [("30 km²", 30, 30, "km2")]),
        ("He cycled at 25 km/hr.", [("25 km/hr", 25, 25, "km/h")]),
        ("Winds reached 60 miles an hour.", [("60 miles an hour", 60, 60, "mph")]),
        # Hyphenated mixed numbers, fractions of a duration, a fortnight.
        (
            "He was jailed for four-and-a-half years.",
            [("four-and-a-half years", 4.5, 4.5, "years")],
        ),
        ("one-and-a-half million people", [("one-and-a-half million", 1.5e6, 1.5e6, "count")]),
        ("It ended a quarter-century of rule.", [("a quarter-century", 25, 25, "years")]),
        ("a half-hour show", [("a half-hour", 0.5, 0.5, "hours")]),
        ("They waited two fortnights.", [("two fortnights", 28, 28, "days")]),
        ("It was the 1,000th day of the war.", [("1,000th", 1000, 1000, "ordinal")]),
        # Signs before a currency, percentages written with hyphens, glued points.
        ("The unit lost -$5m in March.", [("-$5m", -5e6, -5e6, "USD")]),
        ("a $3-$5m range", [("$3-$5m", 3e6, 5e6, "USD")]),
        ("a 10-per-cent rise", [("10-per-cent", 10, 10, "%")]),
        ("a swing of 5pp", [("5pp", 5, 5, "percentage points")]),
        # "-odd" and "-something": up to the next round number.
        ("He served 40-odd years.", [("40-odd years", 40, 49, "years")]),
        ("some 300-odd protesters", [("300-odd", 300, 399, "count")]),
        ("a 30-something lawyer", [("30-something", 30, 39, "count")]),
        # A share of one unit.
        (
            "They found three quarters of a ton of cannabis.",
            [("three quarters of a ton", 0.75, 0.75, "t")],
        ),
        (
            "a three-quarters of an hour window",
            [("three-quarters of an hour", 0.75, 0.75, "hours")],
        ),
        (
            "It is less than a quarter of a mile away.",
            [("less than a quarter of a mile", 0, 0.25, "mile")],
        ),
        # Pence as markets quote them; pounds and pence together.
        ("a bid of 470 pence a share", [("470 pence", 470, 470, "GBX")]),
        ("It cost 3 pounds 20 pence.", [("3 pounds 20 pence", 3.2, 3.2, "GBP")]),
        # Slang currency names; a capital M spaced after the amount is a million.
        (
            "I gave him 10 bucks and 5 quid.",
            [("10 bucks", 10, 10, "USD"), ("5 quid", 5, 5, "GBP")],
        ),
        ("The start-up raised $1.5 M.", [("$1.5 M", 1.5e6, 1.5e6, "USD")]),
        ("a 100 m race", [("100 m", 100, 100, "m")]),
        # Currency codes with a magnitude, as company reports write them.
        ("Sales reached 120 MEUR.", [("120 MEUR", 1.2e8, 1.2e8, "EUR")]),
        ("a profit of 450 kSEK", [("450 kSEK", 4.5e5, 4.5e5, "SEK")]),
        # A currency code glued after the amount, capitals only.
        ("The bond paid 115.5USD a share.", [("115.5USD", 115.5, 115.5, "USD")]),
        # Temperatures below zero.
        (
            "Temperatures fell to 20 degrees below zero.",
            [("20 degrees below zero", -20, -20, "degree")],
        ),
        # Cents after a currency word when they end the clause.
        (
            "The ticket cost thirteen dollars forty five.",
            [("thirteen dollars forty five", 13.45, 13.45, "USD")],
        ),
        ("It costs 15 dollars 50.", [("15 dollars 50", 15.5, 15.5, "USD")]),
        (
            "He paid 20 dollars 30 years ago.",
            [("20 dollars", 20, 20, "USD"), ("30 years", 30, 30, "years")],
        ),
        (
            "It cost 5 million dollars and 7.",
            [("5 million dollars", 5e6, 5e6, "USD"), ("7", 7, 7, "count")],
        ),
        # Two spelled numbers side by side are two numbers, never a sum.
        (
            "He was attacked with two six-inch knives.",
            [("two", 2, 2, "count"), ("six-inch", 6, 6, "inch")],
        ),
        (
            "The crew did two six-hour watches.",
            [("two", 2, 2, "count"), ("six-hour", 6, 6, "hours")],
        ),
        (
            # (numbers11: a year spoken as two pairs of digits, no longer two counts)
            "the novel nineteen eighty-four",
            [("nineteen eighty-four", 1984, 1984, "year")],
        ),
        # Currency signs after the amount.
        ("Tickets cost 15€ or 20 €.", [("15€", 15, 15, "EUR"), ("20 €", 20, 20, "EUR")]),
        ("It sold for 4.50$.", [("4.50$", 4.5, 4.5, "USD")]),
        # "5m" is metres in a race and a dimension, millions with a currency.
        ("She won the 100m sprint.", [("100m", 100, 100, "m")]),
        ("He signed a $5m long-term deal.", [("$5m", 5e6, 5e6, "USD")]),
        # Decimals in tokenized text.
        (
            "revenue rose 4 . 8 % to $ 46 . 8 million",
            [("4 . 8 %", 4.8, 4.8, "%"), ("$ 46 . 8 million", 4.68e7, 4.68e7, "USD")],
        ),
        (
            "sales fell in 1990 . 8 firms left",
            [("1990", 1990, 1990, "year"), ("8", 8, 8, "count")],
        ),
        # A range shares the magnitude written after its second end.
        ("between 2 and 3 million people", [("between 2 and 3 million", 2e6, 3e6, "count")]),
        ("5-10 million people", [("5-10 million", 5e6, 1e7, "count")]),
        ("They raised $2-3bn.", [("$2-3bn", 2e9, 3e9, "USD")]),
        ("two to three hundred people", [("two to three hundred", 200, 300, "count")]),
        ("between 500 and 3 million people", [("between 500 and 3 million", 500, 3e6, "count")]),
        # A rank or a hashtag is no count; basis points are a unit.
        ("The song reached #1 in May.", []),
        ("Rates rose 25 basis points.", [("25 basis points", 25, 25, "bp")]),
        # Chances written with hyphens are shares.
        ("He saw a one-in-three chance of losing.", [("one-in-three", 100 / 3, 100 / 3, "%")]),
        ("a '1-in-3 chance'", [("1-in-3", 100 / 3, 100 / 3, "%")]),
        # A year after a named day stays a year.
        ("He died on Christmas Day 1996.", [("1996", 1996, 1996, "year")]),
        # One figure per expression: no second reading inside it.
        ("He was jailed over the past two decades.", [("two decades", 20, 20, "years")]),
        ("She had half a kilogram of heroin.", [("half a kilogram", 0.5, 0.5, "kg")]),
    ],
)
def test_more_news_number_forms(text: str, expected: list[tuple[str, float, float, str]]) -> None:
    found = _read(text)
    assert [f[0] for f in found] == [e[0] for e in expected]
    assert found == [(t, pytest.approx(lo), pytest.approx(hi), u) for t, lo, hi, u in expected]


@pytest.mark.parametrize(
    "text",
    [
        "He was the two millionth visitor.",
        "the one hundred and fifth anniversary",
        "a 5G network and 4G phones",
        "a 3D printer",
        "the 2FA code",
        "A former Radio 1 DJ was jailed.",
        "a Category 4 storm",
        "Game 7 was sold out.",
        "the mosque near Ground Zero",
        "Vice President Mike Pence spoke.",
    ],
)
def test_ordinals_and_names_are_no_figures(text: str) -> None:
    assert _read(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("two hundred point seventy-one", 200.71),
        ("nine point nought four", 9.04),
        ("three point one four one five", 3.1415),
        ("three hundred and a half", 300.5),
        ("5 doz", 60),
        ("two millions", 2e6),
        ("twenty-one", 21),
        ("three twenty-firsts", 3 / 21),
    ],
)
def test_number_grammar_forms(text: str, value: float) -> None:
    number = numbers.parse(text)
    assert number is not None and number.value == pytest.approx(value)


@pytest.mark.parametrize("text", ["five six", "twenty twenty", "one two three"])
def test_numbers_side_by_side_are_no_one_number(text: str) -> None:
    assert numbers.parse(text) is None
    assert numbers.split_at(text) is not None
