"""Ranges of months told with one year are one date interval, not their last month."""

import pytest

from newsaudit import figures
from newsaudit.figures.intervals import as_date
from newsaudit.figures.linkmodel import _months


@pytest.mark.parametrize(
    ("text", "written", "low", "high"),
    [
        (
            "Between June and August 2014, he told aides.",
            "June and August 2014",
            20140601,
            20140831,
        ),
        ("It grew from May to July 2016.", "May to July 2016", 20160501, 20160731),
        ("In June-August 2014 it rained.", "June-August 2014", 20140601, 20140831),
        ("It ran June through August 2014.", "June through August 2014", 20140601, 20140831),
        ("Between Jan. and March 2019 sales fell.", "Jan. and March 2019", 20190101, 20190331),
        # across the new year: the first month is of the year before
        (
            "From December to February 2016 it snowed.",
            "December to February 2016",
            20151201,
            20160229,
        ),
        # the last day of the second month, not day 31 of every month
        ("Between May and June 2014 it rained.", "May and June 2014", 20140501, 20140630),
        ("From January to February 2015 it fell.", "January to February 2015", 20150101, 20150228),
    ],
)
def test_month_range_is_one_interval(text, written, low, high):
    (fig,) = figures.extract_text(text)
    assert (fig.text, fig.low, fig.high, fig.kind) == (written, low, high, "date")


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # each end writes its year: the start and the end of a period, two dates
        ("They wrote between September 2016 and July 2017.", ["September 2016", "July 2017"]),
        # "and" without "between" names two months
        ("They met in May and June 2016.", ["June 2016"]),
        ("He left the campaign in August 2015.", ["August 2015"]),
    ],
)
def test_not_a_month_range(text, dates):
    assert [f.text for f in figures.extract_text(text)] == dates


def test_a_range_names_every_month_in_it():
    (fig,) = figures.extract_text("Between June and August 2014, he told aides.")
    assert _months(fig) == {6, 7, 8}


def test_a_range_ends_on_a_real_day():
    (fig,) = figures.extract_text("From December to February 2016 it snowed.")
    assert as_date(fig.high) is not None
