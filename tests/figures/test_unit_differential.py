"""Unit readings that differential testing against quantulum3 found wrong (helper quant5).

Each form is generated from the lexicon where it can be (every squared or cubed unit
hyphenated, every currency name glued), with near misses that must stay as they are.
"""

from __future__ import annotations

import pytest

from newsaudit import figures
from newsaudit.figures import unitforms
from newsaudit.figures.words import WORDS
from tests.figures.conftest import CONFIG


def _read(text: str) -> list[tuple[str, float, str]]:
    return [(text[f.start : f.end], f.low, f.unit) for f in figures.extract_text(text, CONFIG)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a glued "m" with a rate after it is metres, never millions
        ("The wind reached 12m/s at noon.", [("12m/s", 12.0, "m/s")]),
        ("It climbed at 10m/h for a day.", [("10m/h", 10.0, "m/h")]),
        ("It fell at 12m/sec.", [("12m/sec", 12.0, "m/s")]),
        ("The ball slowed at 5m/s2 on grass.", [("5m/s2", 5.0, "m/s2")]),
        # near misses: money and counts per year keep their millions, dimensions their metres
        ("The deal is worth £10m/year to the club.", [("£10m", 1e7, "GBP")]),
        ("Sales of 10m/year were reported.", [("10m", 1e7, "count")]),
        ("They built a 5m-high wall.", [("5m", 5.0, "m")]),
        ("He won the 100m sprint.", [("100m", 100.0, "m")]),
    ],
)
def test_glued_metres_per_duration(text: str, expected: list) -> None:
    assert _read(text) == expected


_POWERS = sorted(unitforms.power_names())


@pytest.mark.parametrize("form", _POWERS)
def test_every_squared_or_cubed_unit_reads_after_a_hyphen(form: str) -> None:
    text = f"They bought a 2,500-{form} plot of land."
    assert _read(text) == [(f"2,500-{form}", 2500.0, unitforms.power_names()[form])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It is a 5-square-mile farm.", [("5-square-mile", 5.0, "mi2")]),
        ("It is a 2,000-sq-ft house.", [("2,000-sq-ft", 2000.0, "ft2")]),
        ("The 10-square kilometre zone was shut.", [("10-square kilometre", 10.0, "km2")]),
        ("A 3.5-cubic-metre tank burst.", [("3.5-cubic-metre", 3.5, "m3")]),
        # near misses: "square" before no unit is a compound of a count
        ("He ate a 4-square meal.", [("4-square", 4.0, "count")]),
        ("The 5-square block was sold.", [("5-square", 5.0, "count")]),
    ],
)
def test_hyphenated_powers(text: str, expected: list) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Forecasters expect highs of 90F on Sunday.", [("90F", 90.0, "°F")]),
        ("Temperatures of 100F were recorded.", [("100F", 100.0, "°F")]),
        ("It was hot: 104F in the shade.", [("104F", 104.0, "°F")]),
        ("His temperature was 98.6F.", [("98.6F", 98.6, "°F")]),
        ("Now it is -4F outside.", [("-4F", -4.0, "°F")]),
        ("It reached 30C (86F) by noon.", [("30C", 30.0, "°C"), ("86F", 86.0, "°F")]),
        # near misses: a whole number glued to F with no temperature in its clause is a name
        ("When must 13F be filed?", []),
        ("He filed a 13F. Temperatures rose.", []),
        ("They flew a 747F freighter.", []),
        ("Take the 5F bus home.", []),
    ],
)
def test_glued_fahrenheit(text: str, expected: list) -> None:
    assert _read(text) == expected


_GLUED_CURRENCY = sorted(w for w in WORDS.currency_words if len(w) >= 3 and w.isalpha())


@pytest.mark.parametrize("word", _GLUED_CURRENCY)
def test_every_currency_name_reads_glued(word: str) -> None:
    text = f"It cost 45{word} in all."
    assert _read(text) == [(f"45{word}", 45.0, WORDS.currency_words[word])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It cost 7dollars.", [("7dollars", 7.0, "USD")]),
        ("It cost 100yen.", [("100yen", 100.0, "JPY")]),
        ("It cost 18.2pounds sterling.", [("18.2pounds sterling", 18.2, "GBP")]),
        ("They called a 24h strike.", [("24h", 24.0, "hours")]),
        ("It took 2.5h to drive.", [("2.5h", 2.5, "hours")]),
        ("He used a 4H pencil.", []),  # capitals and clock times are no hours
        ("We meet at 1h30 today.", []),
        ("A volume of 4 km cubed.", [("4 km cubed", 4.0, "km3")]),
        ("A room of 20 metres squared.", [("20 metres squared", 20.0, "m2")]),
        ("The pencil is 2 in.", [("2 in.", 2.0, "inch")]),
        ("It has a 3.5 in. screen.", [("3.5 in.", 3.5, "inch")]),
        ("It is 12 in. (30 cm) long.", [("12 in.", 12.0, "inch"), ("30 cm", 30.0, "cm")]),
        ("It rose 5 in 2013.", [("5", 5.0, "count"), ("2013", 2013.0, "year")]),
        ("It weighed 3 pounds and 2 ounces.", [("3 pounds and 2 ounces", 3.125, "lb")]),
        ("A baby of 7 pounds, 4 oz.", [("7 pounds, 4 oz", 7.25, "lb")]),
        ("He paid 3 pounds and 2 pence.", [("3 pounds and 2 pence", 3.02, "GBP")]),
        ("They drove 250kms north.", [("250kms", 250.0, "km")]),
        ("They drove 250 kms north.", [("250 kms", 250.0, "km")]),
        ("It took 12wk to heal.", [("12wk", 12.0, "weeks")]),
        ("It took 12 wks to heal.", [("12 wks", 12.0, "weeks")]),
        ("A resistor of 12\u2126 was used.", [("12\u2126", 12.0, "Ω")]),
        ("A resistor of 12\u03a9 was used.", [("12\u03a9", 12.0, "Ω")]),
        ("A 5 k\u2126 load.", [("5 k\u2126", 5.0, "kΩ")]),
        ("Add 12\u2113 of water.", [("12\u2113", 12.0, "l")]),
        ("A 3.5 M\u2609 star.", [("3.5 M\u2609", 3.5, "Msun")]),
        ("A star of 3.5 solar masses.", [("3.5 solar masses", 3.5, "Msun")]),
        ("A planet of five Earth masses.", [("five Earth masses", 5.0, "Mearth")]),
        # near misses: a capital M alone is a million, a "won" alone no currency
        ("It sold for $1.5 M in all.", [("$1.5 M", 1.5e6, "USD")]),
        ("They won 5 games.", [("5", 5.0, "count")]),
    ],
)
def test_unit_forms_found_by_quantulum3(text: str, expected: list) -> None:
    assert _read(text) == expected
