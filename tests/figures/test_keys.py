"""Which figures meet: unit channels for figures of other keys, years apart."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from newsaudit import figures
from newsaudit.figures.keys import channel_key, years_apart


def _figure(text: str) -> figures.Figure:
    (fig,) = figures.extract_text(text)
    return fig


@pytest.mark.parametrize(
    ("a", "b", "years"),
    [
        ("It happened in 2016.", "It happened in 2017.", 1.0),
        ("It happened in 2012.", "It happened in 2016.", 4.0),
        ("It happened in 2016.", "It happened in 2016.", 0.0),
        ("The deadline is May 1, 2015.", "The deadline is May 2, 2015.", 1 / 365),
    ],
)
def test_years_apart(a, b, years):
    assert years_apart(_figure(a), _figure(b)) == pytest.approx(years, abs=1e-3)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("He joined the reserves in 1970.", "year|by context"),
        ("The deadline is May 1, 2015.", "date|by context"),
        ("It cost $84,000 to settle.", "USD|by context"),
        # a duration whose grammar says nothing ("lasts three days") meets the others of its
        # unit ("the three-day conference")
        ("The conference lasts three days.", "days|by context"),
        ("The three-day conference opened.", "days|by context"),
        ("Thousands of people marched.", ""),  # vague: never met by unit alone
    ],
)
def test_channel_key(text, key):
    assert channel_key(_figure(text)) == key


def test_a_year_written_without_a_digit_has_no_channel():
    # "this year" is dated from the publication: never one event misdated.
    (fig,) = figures.extract_text("It was passed this year.", published=dt.date(2017, 11, 13))
    assert (fig.low, fig.kind) == (2017, "year")
    assert channel_key(fig) == ""


def test_a_relative_year_without_a_date_has_no_channel():
    fig = dataclasses.replace(_figure("It happened in 2016."), low=float("-inf"))
    assert channel_key(fig) == ""
