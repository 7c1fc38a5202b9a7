"""Year and date numbers read on one scale (`figures.intervals`)."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from newsaudit.figures.figure import extract_text
from newsaudit.figures.intervals import as_date, fractional_year, relation


@pytest.mark.parametrize(
    ("value", "year"),
    [
        (2016, 2016),
        (20160101, 2016),
        (20110115, 2011 + 14 / 365),
        (20160701, 2016.5),
        (math.inf, math.inf),
        (-math.inf, -math.inf),
    ],
)
def test_fractional_year(value, year):
    assert fractional_year(value) == pytest.approx(year)


@pytest.mark.parametrize(
    ("value", "day"),
    [
        (20150831, dt.date(2015, 8, 31)),
        (20150800, dt.date(2015, 8, 1)),  # a month with no day written
        (20150231, None),  # not a calendar day
        (2015, None),  # a year is not a date number
        (math.inf, None),
    ],
)
def test_as_date(value, day):
    assert as_date(value) == day


@pytest.mark.parametrize(
    ("first", "second", "related"),
    [
        # two days written without a year: their years were guessed from tense and publication
        ("He was arrested on November 27.", "He will appear on November 27.", "identical"),
        ("He was arrested on November 27.", "He will appear on November 28.", "disjoint"),
        # a year written on one side is not a guess
        ("He left on November 27, 1999.", "He will appear on November 27.", "disjoint"),
        ("He left on November 27, 2000.", "He will appear on November 27.", "identical"),
    ],
)
def test_two_yearless_days_meet_at_their_month_and_day(first, second, related):
    published = dt.date(2000, 1, 5)
    (a,) = extract_text(first, published=published)
    (b,) = extract_text(second, published=published)
    assert relation(a, b) == related
