"""Years written relative to the article's date meet one of their value only when the words
say one event (figures.relative)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsaudit import figures
from newsaudit.figures import relative
from newsaudit.figures.partners import usable
from tests.figures.conftest import CONFIG

PUBLISHED = dt.date(2017, 11, 14)


def _year(text: str, article_id: str) -> figures.Figure:
    found = figures.extract_text(text, CONFIG, published=PUBLISHED, article_id=article_id)
    return next(f for f in found if f.kind in ("year", "date"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The group released the emails last year.", True),
        ("The ban takes effect next year.", True),
        ("The group released the emails in 2016.", False),
        ("The deal was signed on March 3, 2016.", False),
    ],
)
def test_relative(text, expected):
    assert relative.relative(_year(text, "a")) is expected


def test_a_count_is_not_relative():
    (f,) = figures.extract_text("Two senators left.", CONFIG)
    assert not relative.relative(f)


@pytest.mark.parametrize(
    ("a", "b", "compared"),
    [
        # one value, two events: a leak "last year" and the 2016 election
        (
            "WikiLeaks, the group that last year released a trove of hacked emails, said so.",
            "He was questioned about the 2016 presidential election.",
            False,
        ),
        # one event told with a relative year and a written one
        (
            "Ms. Smith married her longtime partner in Boston last year.",
            "Ms. Smith has been married to her longtime partner in Boston since 2016.",
            True,
        ),
    ],
)
def test_relative_years_meet_by_their_words(a, b, compared):
    fa, fb = _year(a, "a"), _year(b, "b")
    assert fa.low == fb.low  # one value: under one key, compared without asking before
    assert relative.apart(fa, fb) is not compared
    assert usable(fa, fb, CONFIG) is compared


def test_two_written_years_are_not_asked():
    fa = _year("The ban was imposed in 2014.", "a")
    fb = _year("The club sued in 2014.", "b")
    assert not relative.apart(fa, fb)
    assert usable(fa, fb, CONFIG)
