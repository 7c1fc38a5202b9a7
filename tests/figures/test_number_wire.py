"""News number forms of round 9 (numbers9): ratios of so many to one, the wire's "#" for "£",
scanned pages' "yearold", "71b 2oz" and "6ft 3m", years "1995/6", stone glued to the digits,
amounts in brackets after a copula, "millennia", "twice", "scores of"; one row per form, each
with the near miss that must stay as it was."""

from __future__ import annotations

import pytest

from newsaudit import figures
from tests.figures.conftest import CONFIG


def _read(text: str) -> list[tuple[str, float, float, str]]:
    return [(f.text, f.low, f.high, f.unit) for f in figures.extract_text(text, CONFIG)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # So many to one: a ratio, spelled, in digits, hyphenated, or "N:1" after a word of ratio.
        ("police were outnumbered by three to one", [("three to one", 3, 3, "times")]),
        ("odds of 100 to 1 against", [("100 to 1", 100, 100, "times")]),
        ("a six-to-one matching system", [("six-to-one", 6, 6, "times")]),
        ("backed by a ratio of 3:1", [("3:1", 3, 3, "times")]),
        # ... never a change, a time, a range's end or "one-to-one"; "3:1" alone is a score.
        ("prices fell from three to one", [("three", 3, 3, "count"), ("one", 1, 1, "count")]),
        ("at ten to one he left", [("ten", 10, 10, "count"), ("one", 1, 1, "count")]),
        ("ten to one million people", [("ten to one million", 10, 1e6, "count")]),
        ("one-to-one tuition", []),
        ("they won 3:1", [("3", 3, 3, "count"), ("1", 1, 1, "count")]),
        # "#" before an amount with a scale word or thousands: pounds, as the wire's copy
        # mangles the sign; "#1" stays a rank.
        ("He signed a #1m deal", [("#1m", 1e6, 1e6, "GBP")]),
        ("it costs #220 million a year", [("#220 million", 220e6, 220e6, "GBP")]),
        ("he won #250,000 in damages", [("#250,000", 250e3, 250e3, "GBP")]),
        ("ranked #1 in the world", []),
        ("#2020 was a hashtag", []),
        # "30-yearold": the hyphen of "year-old" lost by OCR, an age all the same.
        ("A 30-yearold man was arrested", [("30-yearold", 30, 30, "years old")]),
        # Stone glued to the digits ("15st", "11st 7lb", "11 1/2st"); "21st" stays an ordinal.
        ("He weighs 15st now", [("15st", 15, 15, "st")]),
        ("the 13st 7lbs centre", [("13st 7lbs", 13.5, 13.5, "st")]),
        ("his 21st birthday", [("21st", 21, 21, "ordinal")]),
        # An amount in brackets right after a copula or colon is an accounts' negative; after
        # another amount it is a conversion, kept as written.
        ("The annual revenue is ($99.99).", [("$99.99", -99.99, -99.99, "USD")]),
        (
            "a $10,000 (£6,000) deposit",
            [("$10,000", 1e4, 1e4, "USD"), ("£6,000", 6e3, 6e3, "GBP")],
        ),
        # Scanned pages: "lb" read "1b" beside ounces or stone, "in" read "m" after feet, "year"
        # lost from "27-year-old"; "0-levels" an exam; "1995/6" two years.
        ("his 71b 2oz daughter", [("71b 2oz", 7.125, 7.125, "lb")]),
        ("it is 6st 21b. This", [("6st 21b", 6 + 2 / 14, 6 + 2 / 14, "st")]),
        ("the 6ft 3m trucker", [("6ft 3m", 6.25, 6.25, "ft")]),
        ("the 27-old-singer said", [("27-old", 27, 27, "years old")]),
        ("five 0-levels", [("five", 5, 5, "count")]),
        ("0-60mph in 5 seconds", [("0-60mph", 0, 60, "mph"), ("5 seconds", 5, 5, "seconds")]),
        ("Then in 1995/6 I took", [("1995/6", 1995, 1996, "year")]),
        ("in 1999/0", [("1999/0", 1999, 2000, "year")]),
        ("the 2004/5 season", [("2004/5", 2004, 2005, "year")]),
        ("a 71b loss", [("71b", 71e9, 71e9, "count")]),
        # "twice": a ratio before a comparison or a size, else a count of occasions; "scores of"
        # a vague amount before a noun.
        ("winning election twice", [("twice", 2, 2, "count")]),
        ("twice as many people", [("twice", 2, 2, "times")]),
        ("a figure twice his size", [("twice", 2, 2, "times")]),
        ("more than twice the sum", [("more than twice", 2, float("inf"), "times")]),
        ("shot twice as he returned", [("twice", 2, 2, "count")]),
        ("you should think twice", []),
        ("once or twice a year", []),
        ("scores of others injured", [("scores of", 40, 199, "count")]),
        ("final scores of 6-4", []),
        # A spelled ordinal hyphenated to a word of rank is a rank, "The" starting a sentence
        # as "the" does; other compounds are kinds.
        ("the third-ranking Republican", [("third", 3, 3, "ordinal")]),
        ("The second-term congressman", [("second", 2, 2, "ordinal")]),
        ("The second defendant", [("second", 2, 2, "ordinal")]),
        ("the second-hand market", []),
        ("The Third Way", []),
        # A currency sign makes an amount: the duration or measure after it is a rate whose "a"
        # was dropped ("£220m year"), never the amount's unit.
        ("costs an estimated £220m year", [("an estimated £220m", 198e6, 242e6, "GBP")]),
        ("a £5m-a-year deal", [("£5m-a-year", 5e6, 5e6, "GBP")]),
        # A road's exit is numbered, never counted.
        ("at exit 436 of the highway", []),
        # A glued "x" is a ratio ("a 10x increase"), never a size ("2x4") or a power.
        ("a 10x increase", [("10x", 10, 10, "times")]),
        ("1.5x faster", [("1.5x", 1.5, 1.5, "times")]),
        ("a 2x4 board", []),
        # "100s of", "1000s of": hundreds, thousands, as vague as the words.
        ("100s of people", [("100s", 200, 1999, "count")]),
        ("1,000s of fans", [("1,000s", 2000, 999999, "count")]),
        ("the 1000s", []),
        # A range written with its unit on both ends ("10km-15km"); never a falling pair.
        ("a 10km-15km walk", [("10km-15km", 10, 15, "km")]),
        ("5m-10m people", [("5m-10m", 5e6, 10e6, "count")]),
        ("temperatures of 30C-35C", [("30C-35C", 30, 35, "°C")]),
        ("2 hours-3 hours", [("2 hours-3 hours", 2, 3, "hours")]),
        ("from 6ft-5ft", [("6ft", 6, 6, "ft")]),
        # A vague amount "of pounds" is money; "of pounds of cocaine" a weight, not money.
        ("thousands of pounds, washed", [("thousands of pounds", 2000, 999999, "GBP")]),
        ("tens of millions of dollars", [("tens of millions of dollars", 2e7, 999e6, "USD")]),
        ("hundreds of pounds of cocaine", [("hundreds", 200, 1999, "count")]),
        # An hour of the clock counts nothing; euro cents are cents.
        ("we met at 10 o'clock", []),
        ("at five o’clock in the morning", []),
        ("it costs 10 euro cents", [("10 euro cents", 10, 10, "cents")]),
        # Millennia are a thousand years; "the Millennium" is a name.
        ("three millennia ago", [("three millennia", 3000, 3000, "years")]),
        ("the Millennium Dome", []),
        # Coins: "one penny" is an amount, "a penny" the idiom for nothing.
        (
            "only about one penny or two pennies",
            [("about one penny", 0.9, 1.1, "GBX"), ("two pennies", 2, 2, "GBX")],
        ),
        ("pay back a penny", []),
        ("rock stars are two a penny", [("two", 2, 2, "count")]),
        ("he would not pay a dollar", []),
    ],
)
def test_wire_forms(text: str, expected: list[tuple[str, float, float, str]]) -> None:
    got = _read(text)
    assert [(t, u) for t, _, _, u in got] == [(t, u) for t, _, _, u in expected]
    for (_, low, high, _), (_, want_low, want_high, _) in zip(got, expected, strict=True):
        assert (low, high) == pytest.approx((want_low, want_high))
