"""Numbers written in figures, read aloud."""

import pytest

from newsaudit.text import numerals


@pytest.mark.parametrize(
    ("token", "spoken"),
    [
        ("500", "five hundred"),
        ("50", "fifty"),
        ("0", "zero"),
        ("512", "five hundred twelve"),
        ("14,000", "fourteen thousand"),
        ("1,250,000", "one million two hundred fifty thousand"),
        ("2013", "twenty thirteen"),  # a year, read in pairs
        ("1905", "nineteen oh five"),
        ("1900", "nineteen hundred"),
        ("2005", "two thousand five"),
        ("3000", "three thousand"),  # outside 1100-2099: not a year
        ("3.5", "three point five"),
        ("0.25", "zero point two five"),
        ("1st", "first"),
        ("2nd", "second"),
        ("12th", "twelfth"),
        ("21st", "twenty-first"),
        ("30th", "thirtieth"),
        ("100th", "one hundredth"),
        ("1990s", "nineteen nineties"),
        ("'90s", "nineties"),
        ("5%", "five percent"),
        ("$5", "five dollars"),
        ("£3.2bn", "three point two billion pounds"),
        ("10:30", "ten thirty"),
        ("9:05", "nine oh five"),
        ("007", "zero zero seven"),
        ("-5", "minus five"),
        ("(14,000),", "fourteen thousand"),  # punctuation around the figure is ignored
        ("2013.", "twenty thirteen"),
    ],
)
def test_figures_read_aloud(token, spoken):
    assert numerals.spoken(token) == spoken


@pytest.mark.parametrize("token", ["M5", "COVID-19", "9/11", "troops", "", "1.2.3", "4x4"])
def test_not_a_figure_as_a_whole(token):
    assert numerals.spoken(token) is None


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "zero"),
        (19, "nineteen"),
        (40, "forty"),
        (101, "one hundred one"),
        (999_999, "nine hundred ninety-nine thousand nine hundred ninety-nine"),
        (10**15, "one zero zero zero zero zero zero zero zero zero zero zero zero zero zero zero"),
    ],
)
def test_cardinals(n, words):
    assert numerals.cardinal(n) == words
