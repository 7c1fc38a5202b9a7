"""Which figures meet: unit channels for figures of other keys, years apart."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from newsaudit import figures
from newsaudit.config import FiguresConfig
from newsaudit.figures import keys
from newsaudit.figures.keys import channel_key, years_apart
from newsaudit.figures.partners import usable


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
        # a date against a bare year is read at the year
        ("It happened in 2016.", "It happened in June 2017.", 1.0),
        ("It happened in 2016.", "It happened on Nov. 8, 2016.", 0.0),
        ("It happened in 2016.", "It happened in January 2016.", 0.0),
    ],
)
def test_years_apart(a, b, years):
    assert years_apart(_figure(a), _figure(b)) == pytest.approx(years, abs=1e-3)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("He joined the reserves in 1970.", "year|by context"),
        ("The deadline is May 1, 2015.", "year|by context"),  # one channel with the years
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


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("He took office in 2010.", "He took office in January 2010.", "identical"),
        ("He took office in 2010.", "He took office on Jan. 19, 2010.", "identical"),
        ("He took office in 2010.", "He took office in January 2011.", "disjoint"),
        ("He took office in the 2000s.", "He took office in January 2004.", "overlap"),
        ("He took office in January 2010.", "He took office on Jan. 19, 2010.", "overlap"),
        ("He took office in January 2010.", "He took office in February 2010.", "disjoint"),
    ],
)
def test_a_date_meets_a_year_at_the_year(a, b, expected):
    assert figures.relation(_figure(a), _figure(b)) == expected


def test_a_year_written_without_a_digit_has_no_channel():
    # "this year" is dated from the publication: never one event misdated.
    (fig,) = figures.extract_text("It was passed this year.", published=dt.date(2017, 11, 13))
    assert (fig.low, fig.kind) == (2017, "year")
    assert channel_key(fig) == ""


def test_a_relative_year_without_a_date_has_no_channel():
    fig = dataclasses.replace(_figure("It happened in 2016."), low=float("-inf"))
    assert channel_key(fig) == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It was echoed by three Republican state senators — Adam Driggs, Steve Pierce and "
            "Bob Worsley, all members of the party's conservative camp.",
            {"driggs", "pierce", "worsley"},
        ),
        (
            "The state's two Republican senators, Jeff Flake and John McCain, called on her.",
            {
                "flake",
                "mccain",
            },
        ),
        ("He pardoned two turkeys named Mac and Cheese.", set()),
        ("Five people, including Ann Lee, died.", set()),
        ("It covers 300,000 people from El Salvador, Haiti, Nicaragua and Honduras.", set()),
        ("Two senators, Jeff Flake, voted.", set()),  # one name is no list
    ],
)
def test_members(text, expected):
    assert keys.members(_figure(text)) == expected


@pytest.mark.parametrize(
    ("a", "b", "different"),
    [
        (
            "It was echoed by three Republican state senators — Adam Driggs, Steve Pierce and "
            "Bob Worsley, all members of the camp.",
            "The state's two Republican senators, Jeff Flake and John McCain, called on her.",
            True,
        ),
        (
            "Two Republican senators, Jeff Flake and John McCain, called on her.",
            "Three senators, John McCain, Jeff Flake and Mike Lee, called on her.",
            False,  # a member shared: one set, maybe miscounted
        ),
        (
            "Two Republican senators, Jeff Flake and John McCain, called on her.",
            "Three Republican senators called on her.",
            False,  # one side names no members
        ),
    ],
)
def test_different_members(a, b, different):
    fa, fb = _figure(a), _figure(b)
    assert keys.different_members(fa, fb) is different
    assert usable(fa, dataclasses.replace(fb, article_id="b"), FiguresConfig()) is not different
