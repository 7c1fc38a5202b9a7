"""Every unit spelling of `unit_families.yaml` reads back to its unit and the number before it.

The tables are generated from the lexicon itself (every name with every prefix and plural,
every symbol spaced and glued), so a family added to the data is tested by adding it.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsaudit import figures
from newsaudit.figures import unitforms
from newsaudit.figures.words import WORDS
from tests.figures.conftest import CONFIG

_PHYSICAL_LOWER = {k.lower(): v for k, v in WORDS.physical_units.items()}


def _expected_name(form: str) -> str:
    """The unit a spelled form reads as: the hand-written table first, as `units.after` does."""
    return WORDS.physical_units.get(form) or _PHYSICAL_LOWER.get(form) or unitforms.names()[form]


def _expected_symbol(form: str) -> str:
    return WORDS.unit_symbols.get(form) or unitforms.unit_of(form)


# Names read as durations ("milliseconds") or money keep those readings: left to their tests.
_NAMES = sorted(f for f in unitforms.names() if f not in WORDS.duration_units)
_SPACED = sorted(unitforms.symbols())
# Glued to the digits, a symbol that starts with a scale letter and no other letter after it
# ("12m", "12m/s") is read as the scale first, as the wire writes millions ("35m").
_GLUED = sorted(
    s
    for s in {*unitforms.symbols(), *unitforms.glued_symbols()}
    if not re.match(r"(?:[kmbtKMBT]|bn|mn|tn)(?![A-Za-z])", s)
)


def _read(text: str) -> list[tuple[str, float, str]]:
    return [(text[f.start : f.end], f.low, f.unit) for f in figures.extract_text(text, CONFIG)]


@pytest.mark.parametrize("form", _NAMES)
def test_every_spelled_unit_reads_back(form: str) -> None:
    text = f"It measured 7.5 {form} in all."
    assert _read(text) == [(f"7.5 {form}", 7.5, _expected_name(form))]


@pytest.mark.parametrize("form", _SPACED)
def test_every_symbol_reads_back_spaced(form: str) -> None:
    text = f"It measured 7.5 {form} in all."
    assert _read(text) == [(f"7.5 {form}", 7.5, _expected_symbol(form))]


@pytest.mark.parametrize("form", _GLUED)
def test_every_symbol_reads_back_glued(form: str) -> None:
    text = f"It measured 12{form} in all."
    assert _read(text) == [(f"12{form}", 12.0, _expected_symbol(form))]


@pytest.mark.parametrize(
    "form",
    sorted(
        f
        for f in unitforms.glued_symbols()
        if f not in WORDS.unit_symbols and f.lower() not in _PHYSICAL_LOWER
    ),
)
def test_glued_only_symbols_are_no_unit_spaced(form: str) -> None:
    """ "5 cd", "2 Ma": spaced, a glued-only symbol is a word or a name, the number a count."""
    (fig,) = figures.extract_text(f"They sold 5 {form} yesterday.", CONFIG)
    assert (fig.low, fig.unit) == (5.0, "count")


@pytest.mark.parametrize(
    ("prefix", "unit"),
    [(p, u) for p in ("kilo", "mega", "giga", "milli", "micro", "nano") for u in ("watt", "volt")],
)
def test_every_prefix_name_takes_the_prefix_symbol(prefix: str, unit: str) -> None:
    symbol = {"watt": "W", "volt": "V"}[unit]
    expected = unitforms.table_prefixes()[prefix] + symbol
    assert _read(f"A {prefix}{unit} is 1 {prefix}{unit}s.")[-1][2] == expected


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("air with 10 µg/m³ of particles", 10, "µg/m3"),
        ("a density of 20 kg/m3", 20, "kg/m3"),
        ("3 litres per second", 3, "l/s"),
        ("2 million barrels a day", 2e6, "barrel/d"),
        ("5 mg/day", 5, "mg/d"),
        ("120 km/h", 120, "km/h"),
        ("30 miles per hour", 30, "mph"),
        ("35 mpg", 35, "mpg"),
        ("5 ft/s", 5, "ft/s"),
        ("3 mg/L of lead", 3, "mg/l"),
    ],
)
def test_rates_read_their_per_unit(text: str, value: float, unit: str) -> None:
    (fig,) = figures.extract_text(text, CONFIG)
    assert (fig.low, fig.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    "text",
    [
        "Owners of 200 Tesla cars complained.",
        "About 5,000 Siemens staff went on strike.",
        "He saw three gray wolves.",
        "She scored 20 league goals.",
        "One or two bits of coursework were late.",
        "The 5 VA hospitals were audited.",
        "They met at 2 pm on Friday.",
        "It is the TOP 10 of the year.",
        "He said SDG 5 matters.",
        "When must 13F be filed?",
    ],
)
def test_words_after_numbers_are_no_units(text: str) -> None:
    assert all(f.kind not in ("quantity", "money") for f in figures.extract_text(text, CONFIG))


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("It was -5C outside.", -5, "°C"),
        ("It was minus 5 degrees Celsius.", -5, "°C"),
        ("His temperature was 98.6°F.", 98.6, "°F"),
        ("It was 98.6 ° F.", 98.6, "°F"),
        ("It was 37 deg C.", 37, "°C"),
        ("It was 30 degC.", 30, "°C"),
        ("It was 25 degrees C.", 25, "°C"),
        ("It reached 40 Celsius.", 40, "°C"),
        ("It reached 104 Fahrenheit.", 104, "°F"),
        ("It was 40 deg celsius.", 40, "°C"),
        ("It was 10.5 celcius.", 10.5, "°C"),
        ("It was 50 deg. outside", 50, "degree"),
        ("It reached 20℃.", 20, "°C"),
        ("It was 20 degrees below zero.", -20, "degree"),
        ("It was 300 kelvin.", 300, "K"),
        ("Tyres at 35 pounds per square inch.", 35, "psi"),
    ],
)
def test_temperatures_in_every_spelling(text: str, value: float, unit: str) -> None:
    (fig,) = figures.extract_text(text, CONFIG)
    assert (fig.low, fig.unit) == (pytest.approx(value), unit)


_UNITS = st.sampled_from(
    [(f, _expected_name(f)) for f in _NAMES[::7]] + [(s, _expected_symbol(s)) for s in _SPACED]
)


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=1, max_value=999_999),
    st.integers(min_value=0, max_value=99),
    _UNITS,
)
def test_any_value_with_any_unit_reads_back(whole: int, cents: int, unit: tuple[str, str]) -> None:
    """A value written with thousands separators and decimals, any unit after it."""
    form, expected = unit
    written = f"{whole:,}.{cents:02d}"
    (fig,) = figures.extract_text(f"The figure was {written} {form} last week.", CONFIG)
    assert (fig.low, fig.unit) == (pytest.approx(whole + cents / 100), expected)
