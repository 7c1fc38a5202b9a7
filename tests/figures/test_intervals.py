"""Year and date numbers read on one scale (`figures.intervals`)."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from newsaudit.figures.intervals import as_date, fractional_year


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
