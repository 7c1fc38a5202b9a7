"""Reading number expressions: qualifiers as bounds, number forms, what is not a figure."""

from __future__ import annotations

import math

import pytest

from newsaudit import figures
from newsaudit.config import FiguresConfig
from newsaudit.figures import numbers
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


INF = math.inf


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Capitalised units: the unit is found whatever its case.
        ("He walked 20 Miles.", [(20, 20, "mile")]),
        ("It is 5 KM away.", [(5, 5, "km")]),
        ("They sent 3 Tonnes of rice.", [(3, 3, "t")]),
        # Spelled ranges are ranges, never sums.
        ("between ten and fifteen people", [(10, 15, "count")]),
        ("aged between twenty and thirty", [(20, 30, "count")]),
        # Identifiers name things; they count nothing.
        ("The S&P 500 fell.", []),
        ("The FTSE 100 rose.", []),
        ("Covid 19 spread.", []),
        ("under Article 5 of the treaty", []),
        ("Section 230 protects them.", []),
        ("a Boeing 737 jet", []),
        ("along Route 66", []),
        ("UN Resolution 2100 was passed", []),
        ("outside No. 10", []),
        ("emissions by 2100", [(2100, 2100, "year")]),
        # Clock times and scores are not counts.
        ("The vote closes at 7 pm.", []),
        ("It starts at 19:00.", []),
        ("The quake struck at 5:55 AM.", []),
        ("a 3-2 win", []),
        # Abbreviated months are dates; a season is a span of two years.
        ("on Aug. 14", [(814, 814, "month-day")]),
        ("on Sept. 20", [(920, 920, "month-day")]),
        ("the 2013-14 season", [(2013, 2014, "year")]),
        # Shares, ratios and fractions.
        ("one in five adults", [(20, 20, "%")]),
        ("3 out of 10 voters", [(30, 30, "%")]),
        ("It rose 3 percentage points.", [(3, 3, "percentage points")]),
        ("Sales more than doubled.", [(2, INF, "times")]),
        ("two thirds of voters", [(200 / 3, 200 / 3, "%")]),
        ("a third of the budget", [(100 / 3, 100 / 3, "%")]),
        ("half of the seats", [(50, 50, "%")]),
        ("It took 2 1/2 hours.", [(2.5, 2.5, "hours")]),
        ("½ of the vote", [(50, 50, "%")]),
        ("three and a half years", [(3.5, 3.5, "years")]),
        ("half an hour", [(0.5, 0.5, "hours")]),
        # Bounds written after the number.
        ("1,000 or more people", [(1000, INF, "count")]),
        ("500 or fewer people", [(0, 500, "count")]),
        ("300-plus people", [(300, INF, "count")]),
        ("300+ people", [(300, INF, "count")]),
        ("more than 20 but fewer than 30 people", [(20, 30, "count")]),
        ("at most 100 and at least 20 apples", [(20, 100, "count")]),
        ("temperatures from -18 °C to -34 °C", [(-34, -18, "°C")]),
        # Signs are kept.
        ("growth of -1.3%", [(-1.3, -1.3, "%")]),
        ("minus 5 degrees", [(-5, -5, "degree")]),
        # Magnitudes and units glued to the number.
        ("1.2m tons of grain", [(1.2e6, 1.2e6, "t")]),
        ("It raised 35m for the fund.", [(35e6, 35e6, "count")]),
        ("a 5m-high wall", [(5, 5, "m")]),
        ("a 5pc rise", [(5, 5, "%")]),
        ("highs of 30C", [(30, 30, "°C")]),
        ("about 1 in 40", [(2.25, 2.75, "%")]),
        ("at 50mph", [(50, 50, "mph")]),
        ("a 2,000km border", [(2000, 2000, "km")]),
        ("a USD10m grant", [(10e6, 10e6, "USD")]),
        ("debts of $US113 trillion", [(1.13e14, 1.13e14, "USD")]),
        ("4 hundred million people", [(4e8, 4e8, "count")]),
        ("13 lakh people", [(1.3e6, 1.3e6, "count")]),
        # Dollars of other countries are their own currencies.
        ("HK$5 billion", [(5e9, 5e9, "HKD")]),
        ("A$20", [(20, 20, "AUD")]),
        ("C$3.5m", [(3.5e6, 3.5e6, "CAD")]),
        # Currency codes and the wire's "dlrs" after the amount; magnitudes written apart.
        ("It costs 20 USD.", [(20, 20, "USD")]),
        ("a profit of 5 mln dlrs", [(5e6, 5e6, "USD")]),
        ("either 10 bln or 10 tln", [(1e10, 1e10, "count"), (1e13, 1e13, "count")]),
        # Capitals make a magnitude of what is a unit in lower case.
        ("a $2.17T economy", [(2.17e12, 2.17e12, "USD")]),
        ("a US$ 1MM target", [(1e6, 1e6, "USD")]),
        ("a 35mm film", [(35, 35, "mm")]),
        # "a" counts one of a unit, never after an amount ("per gallon").
        ("He ran a mile.", [(1, 1, "mile")]),
        ("It cost a dollar.", [(1, 1, "USD")]),
        ("petrol at $3 a gallon", [(3, 3, "USD")]),
        # Suspended hyphens, hyphenated units, an uncertainty, minutes and seconds.
        ("a 10- to 15-minute walk", [(10, 15, "minutes")]),
        ("an 8- to 16-meter telescope", [(8, 16, "m")]),
        ("It weighs 5 ± 0.3 kg.", [(4.7, 5.3, "kg")]),
        ("a 30 seconds delay", [(30, 30, "seconds")]),
        # Spelled fractions of a scale word; a decimal comma.
        ("two thirds of a million people", [(2e6 / 3, 2e6 / 3, "count")]),
        ("won a two-thirds majority", [(200 / 3, 200 / 3, "%")]),
        ("The GDP grew 2,3 percent.", [(2.3, 2.3, "%")]),
        # Bounds: a strict comparative makes an amount of a year-like number; a suffix
        # qualifier never swallows the next bound.
        ("above 1000 and below 1500", [(1000, 1500, "count")]),
        ("equal to 5000 or less than 6000", [(5000, 5000, "count"), (0, 6000, "count")]),
        ("20 or more to be safe", [(20, INF, "count")]),
        # Dates written the ISO way; a unit's exponent is no negative number.
        ("released on 2019-03-14", [(20190314, 20190314, "date")]),
        ("to meet on 5/17/2018", [(20180517, 20180517, "date")]),
        ("on 17.05.2018", [(20180517, 20180517, "date")]),
        ("on 5/6/2018", [(20180506, 20180605, "date")]),
        ("1 fb−1 of data", [(1, 1, "count")]),
    ],
)
def test_news_number_forms(text: str, expected: list[tuple[float, float, str]]) -> None:
    found = [
        (f.low, f.high, f.unit)
        for f in figures.extract_text(text, CONFIG)
        if f.kind not in ("ordinal",)
    ]
    assert found == [(pytest.approx(lo), pytest.approx(hi), u) for lo, hi, u in expected]


@pytest.mark.parametrize(
    ("text", "value", "share"),
    [
        ("two hundred and fifty", 250, False),
        ("twenty-one", 21, False),
        ("five and a half million", 5.5e6, False),
        ("half a million", 5e5, False),
        ("two point five", 2.5, False),
        ("three fifths", 0.6, True),
        ("3/4", 0.75, True),
        ("2½", 2.5, False),
        ("1 414 021 100", 1_414_021_100, False),
        ("1.3e6", 1.3e6, False),
        (".08", 0.08, False),
        ("negative ten", -10, False),
        # Denominators spelled as ordinals, compound ones included.
        ("a twenty-first", 1 / 21, True),
        ("three twenty-firsts", 3 / 21, True),
        ("one hundred thirty-fifths", 100 / 35, False),
        ("a hundred trillionths", 1e-10, True),
        # A mixed number only when the part after "and" is a proper fraction.
        ("two hundred and fifty-four hundredths", 200.54, False),
        ("one hundred and thirty-two fifths", 26.4, False),
        ("twenty and three and three fifths", 23.6, False),
        # Fractions of a scale word.
        ("one million and a half", 1.5e6, False),
        ("one billion and a half million", 1.0005e9, False),
        ("3 million and a quarter", 3.25e6, False),
        ("two thirds of a million", 2e6 / 3, False),
        ("three hundred and two dozen", 324, False),
        ("1,3", 1.3, False),
    ],
)
def test_number_grammar(text: str, value: float, share: bool) -> None:
    number = numbers.parse(text)
    assert number is not None
    assert (number.value, number.share) == (pytest.approx(value), share)


@pytest.mark.parametrize(
    "text",
    [
        "a third-party run",
        "She will seek a seventh term.",
        "He doubled down on the claim.",
        "the first half of the year",
        "Read more at https://example.com/2019/05/story-300",
        "the Senate voted 52-48",
        "since 9/11",
        "24/7 coverage",
        "in the 21st century",
        "twenty-first-century thinking",
        "in a twenty-first century way",
        "Call +1-222-2222/2222 now",
        "or call (555) 123-4567",
    ],
)
def test_words_that_look_like_numbers_are_not_figures(text: str) -> None:
    assert figures.extract_text(text, CONFIG) == []
