"""Finding figure spans: relative years and well-formed spans on any text."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsaudit import figures
from tests.figures.conftest import CONFIG


@pytest.mark.parametrize(
    ("text", "published", "low", "high"),
    [
        ("They were killed last year.", dt.date(2023, 6, 20), 2022, 2022),
        ("They were killed last year.", None, -math.inf, math.inf),
        ("Elections are due next year.", dt.date(2023, 6, 20), 2024, 2024),
    ],
)
def test_relative_years_resolve_against_the_article_date(
    one, text: str, published: dt.date | None, low: float, high: float
) -> None:
    fig = one(text, published=published)
    assert (fig.low, fig.high, fig.unit) == (low, high, "year")


@pytest.mark.parametrize(
    ("published", "value"),
    [
        (dt.date(2013, 5, 13), 20120911),  # not yet this year: the last Sept. 11 before it
        (dt.date(2013, 9, 11), 20130911),
        (dt.date(2013, 12, 1), 20130911),
        (dt.date(2013, 8, 25), 20130911),  # within weeks ahead: the coming one
    ],
)
def test_a_yearless_date_is_the_last_such_date_on_or_before_publication(one, published, value):
    assert one("It happened on Sept. 11.", published=published).low == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The Senate will vote on Nov. 6.", 20121106),
        ("The vote is scheduled for Nov. 6.", 20121106),
        ("The Senate voted on Nov. 6.", 20121106),  # three weeks ahead: the coming one
        ("The Senate voted on Oct. 1.", 20121001),
        ("The Senate voted on Dec. 28.", 20111228),
        ("Mr. Reid said the Senate will vote on Oct. 1.", 20131001),
        ("The Senate voted. The House will meet on Oct. 1.", 20131001),
    ],
)
def test_a_yearless_date_in_a_sentence_about_the_future_is_the_next_one(one, text, value):
    assert one(text, published=dt.date(2012, 10, 15)).low == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The bodies were found on 10 January last year.", 19990110),
        ("The row came to a head on March 1 last year, she said.", 19990301),
        ("The hearing is on 20 December this year.", 20001220),
        ("The trial starts on 27 November next year.", 20011127),
        ("The bodies were found on 10 January.", 20000110),  # no year written: around publication
    ],
)
def test_a_relative_year_after_a_yearless_date_gives_its_year(text: str, value: int) -> None:
    found = figures.extract_text(text, CONFIG, published=dt.date(2000, 4, 4))
    assert next(f.low for f in found if f.kind == "date") == value


def test_that_year_takes_the_last_written_year() -> None:
    found = figures.extract_text("Violence began in 2013. The mission was set up that year.")
    assert [(f.text, f.low) for f in found] == [("2013", 2013), ("that year", 2013)]
    assert found[1].measure == "year|established"


_PIECES = [
    "more than",
    "about",
    "nearly",
    "14,000",
    "ten",
    "years",
    "troops",
    "killed",
    "in",
    "2013",
    "June 30th",
    "$3.5bn",
    "42%",
    "between",
    "and",
    "thousands of",
    "people",
    "last year",
    ",",
    ".",
    "a dozen",
    "-strong",
    "that year",
    "the",
    "UN",
    "Moura",
    "since",
    "9/11",
    "M5-RFP",
    "Pounds\nSterling",
    "KM",
    "Miles",
    "½",
    "2013-14",
    "7 pm",
    "one in five",
    "or more",
    "+",
    "-1.3%",
    "HK$",
    "Sept.",
    "a third",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=25))
def test_any_text_gives_well_formed_figures(words: list[str]) -> None:
    text = " ".join(words)
    for fig in figures.extract_text(text, CONFIG):
        assert text[fig.start : fig.end] == fig.text
        assert fig.low <= fig.high
        assert fig.measure
