"""Number forms tested by generation, not by examples: cardinals spelled by `inflect` (with and
without "and", commas and hyphens, "a hundred"), digits with their groupings, decimals, scale
words and suffixes, signs, fractions over every denominator to sixteenths and compound ones
("a fifty-sixth"), mixed numbers, shares ("seventy-six over 177"), ordinals, "N-to-M" and every
qualifier of the lexicon, each read back to the value it was written from, alone
(`numbers.parse`) and inside a news sentence (`figures.extract_text`)."""

from __future__ import annotations

import math

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsaudit import figures
from newsaudit.figures import numbers
from newsaudit.figures.words import WORDS
from tests.figures.conftest import CONFIG

inflect = pytest.importorskip("inflect", reason="the dev extra installs inflect")
ENGINE = inflect.engine()
# Deterministic examples: the suite gives the same verdict on every run.
GENERATED = settings(max_examples=150, deadline=None, derandomize=True)

# 2 to a trillion, thinned so that every order of magnitude is drawn.
COUNTS = st.integers(0, 12).flatmap(lambda k: st.integers(2, max(2, 10**k)))
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SUFFIXES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
# ("thirty-second", "twenty-second" stay durations: "a thirty-second advert")
DENOMINATORS = [*range(2, 17), 20, 25, 33, 56, 64, 100, 1000]


def _words(n: int, *, andword: str = "and", comma: str = ",", hyphen: str = "-") -> str:
    return ENGINE.number_to_words(n, andword=andword, comma=comma).replace("-", hyphen)


def _fraction_word(numerator: int, denominator: int) -> str:
    """'three quarters', 'one half', 'forty-one fifty-sixths'."""
    if denominator == 2:
        word = "half" if numerator == 1 else "halves"
    else:
        word = ENGINE.ordinal(_words(denominator)).removeprefix("one ")  # "hundredth"
        word += "s" if numerator > 1 else ""
    return f"{_words(numerator)} {word}"


def _values(text: str) -> list[tuple[float, float, str]]:
    return [(f.low, f.high, f.kind) for f in figures.extract_text(text, CONFIG)]


@GENERATED
@given(
    n=COUNTS,
    andword=st.sampled_from(["and", ""]),
    comma=st.sampled_from([",", ""]),
    hyphen=st.sampled_from(["-", " "]),
)
@example(n=7_056_022, andword="and", comma=",", hyphen="-")
@example(n=4_893_143_322, andword="", comma=",", hyphen=" ")
def test_spelled_cardinals_read_back(n: int, andword: str, comma: str, hyphen: str) -> None:
    words = _words(n, andword=andword, comma=comma, hyphen=hyphen)
    assert numbers.parse(words) == numbers.Number(n)
    assert numbers.parse(f"minus {words}") == numbers.Number(-n)
    assert _values(f"Officials said {words} ballots were cast.") == [(n, n, "count")]


@GENERATED
@given(n=st.integers(100, 199), andword=st.sampled_from(["and", ""]))
def test_a_hundred_as_british_papers_write_it(n: int, andword: str) -> None:
    words = "a " + _words(n, andword=andword).removeprefix("one ")  # "a hundred and five"
    assert _values(f"Officials said {words} ballots were cast.") == [(n, n, "count")]


@GENERATED
@given(n=COUNTS, grouping=st.sampled_from([",", " ", "\u00a0"]))
def test_digits_with_thousands_groups_read_back(n: int, grouping: str) -> None:
    written = f"{n:,}".replace(",", grouping)
    if grouping == " " and 1000 <= n < 10_000:
        written = f"{n:,}"  # "2 334" stays two numbers: one digit before a space is ambiguous
    assert numbers.parse(written) == numbers.Number(n)
    assert _values(f"The party has {written} members.") == [(n, n, "count")]


@GENERATED
@given(n=st.integers(1_000_000, 10**12))
def test_dots_between_thousands_read_when_two_or_more(n: int) -> None:
    """ "1.234.567" is a count; "2.334" stays a decimal (ambiguous, as news writes it)."""
    assert numbers.parse(f"{n:,}".replace(",", ".")) == numbers.Number(n)


@GENERATED
@given(
    x=st.decimals("0.1", "999.99", places=2).map(float),
    scale=st.sampled_from(sorted(SCALES)),
    suffix=st.sampled_from(sorted(SUFFIXES)),
)
def test_scaled_decimals_read_back(x: float, scale: str, suffix: str) -> None:
    assert numbers.parse(f"{x} {scale}").value == pytest.approx(x * SCALES[scale])
    assert numbers.parse(f"{x}{suffix}").value == pytest.approx(x * SUFFIXES[suffix])
    ((low, high, kind),) = _values(f"It cost ${x}{suffix}.")
    assert (low, high, kind) == (pytest.approx(x * SUFFIXES[suffix]),) * 2 + ("money",)


@GENERATED
@given(x=st.decimals("0.1", "999.9", places=1).map(float))
def test_spelled_decimals_read_back(x: float) -> None:
    words = ENGINE.number_to_words(x, andword="")  # "twelve point five"
    assert numbers.parse(words).value == pytest.approx(x)


@GENERATED
@given(n=st.integers(1, 99), scale=st.sampled_from(sorted(SCALES)))
def test_and_a_half_of_a_scale_word(n: int, scale: str) -> None:
    words = _words(n)
    half = (n + 0.5) * SCALES[scale]
    assert numbers.parse(f"{words} and a half {scale}").value == pytest.approx(half)
    assert numbers.parse(f"{words} {scale} and a half").value == pytest.approx(half)
    assert numbers.parse(f"{n}.5 {scale}").value == pytest.approx(half)


@pytest.mark.parametrize("denominator", DENOMINATORS)
def test_spelled_fractions_over_every_denominator(denominator: int) -> None:
    for numerator in range(1, min(denominator, 100)):  # "one hundred and one thousandths" is
        words = _fraction_word(numerator, denominator)  # 100.001, as "hundred and a half"
        assert numbers.parse(words) == numbers.Number(numerator / denominator, share=True), words
        hyphened = words.replace(" ", "-")  # "three-quarters", "forty-one-fifty-sixths"
        ((low, _, kind),) = _values(f"It won {hyphened} of the vote.")
        assert (kind, low) == ("percent", pytest.approx(100 * numerator / denominator))


@pytest.mark.parametrize("denominator", [d for d in DENOMINATORS if d > 2])
@pytest.mark.parametrize("whole", [1, 9, 42, 232])
def test_mixed_spelled_numbers(whole: int, denominator: int) -> None:
    """ "nine and a fifth", "forty-two and forty-one fifty-sixths": a whole and a fraction."""
    a_part = "a " + ENGINE.ordinal(_words(denominator)).removeprefix("one ")
    assert numbers.parse(f"{_words(whole)} and {a_part}").value == pytest.approx(
        whole + 1 / denominator
    )
    numerator = min(denominator, 100) - 1
    words = f"{_words(whole)} and {_fraction_word(numerator, denominator)}"
    assert numbers.parse(words).value == pytest.approx(whole + numerator / denominator)
    if whole < 100:  # "232 and ... miles" would read "232" as a count of its own first
        ((low, _, kind),) = _values(f"The walk was {words} miles long.")
        assert (low, kind) == (pytest.approx(whole + numerator / denominator), "quantity")


@pytest.mark.parametrize("denominator", range(2, 17))
def test_mixed_digit_fractions_to_sixteenths(denominator: int) -> None:
    for numerator in range(1, denominator):
        if (numerator, denominator) in numbers.NAMED_SLASHES:
            continue  # "7/11" names a shop even after a number
        ((low, _, kind),) = _values(f"The board is 4 {numerator}/{denominator} inches thick.")
        assert (low, kind) == (pytest.approx(4 + numerator / denominator), "quantity")
        assert numbers.parse(f"-{numerator}/{denominator}").value == pytest.approx(
            -numerator / denominator
        )


@GENERATED
@given(numerator=st.integers(1, 999), extra=st.integers(1, 999))
def test_shares_with_a_spelled_numerator(numerator: int, extra: int) -> None:
    """ "seventy-six over one hundred and seventy-seven", "twenty-one in 100"."""
    denominator = numerator + extra
    for word in ("over", "in", "out of"):
        text = f"The answer is {_words(numerator)} {word} {denominator:,}."
        ((low, _, kind),) = _values(text)
        assert (kind, low) == ("percent", pytest.approx(100 * numerator / denominator)), text


@GENERATED
@given(n=st.integers(1, 10_000))
def test_numeric_ordinals(n: int) -> None:
    assert _values(f"He finished {ENGINE.ordinal(n)} in the race.") == [(n, n, "ordinal")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Spelled groups between commas are one number only when each group is below the
        # scale word before it and has a hundred or a scale word of its own.
        ("one million, two million, three million", [1e6, 2e6, 3e6]),
        ("A thousand, a hundred of them children, came.", [1000, 100]),
        ("A million, one of the biggest crowds, came.", [1e6]),
        # Slashes that name something stay no fraction after a whole number too.
        ("The 19 9/11 hijackers trained for months.", [19]),
        ("One in five said yes, one one hundredth of them loudly.", [20, 1]),
        ("It opens 24/7 in 9/11 week.", []),
        # Ten then "one in five": the numerator is tens and units, never any two numbers.
        ("Of the ten one in five said yes.", [10, 20]),
    ],
)
def test_what_stays_apart(text: str, expected: list[float]) -> None:
    assert [low for low, _, _ in _values(text)] == pytest.approx(expected)


@pytest.mark.parametrize("qualifier", sorted(WORDS.qualifiers))
def test_every_qualifier_bounds_positive_and_negative_values(qualifier: str) -> None:
    """Each qualifier of the lexicon, before a count, a negative percentage and a spelled number:
    "more than" opens the top, "less than" the bottom (to -inf under a negative value)."""
    kind = WORDS.qualifiers[qualifier]
    space = " " if qualifier[0].isalpha() else ""
    for value, written in [(3500, "3,500"), (-12.5, "-12.5%"), (7, "seven")]:
        ((low, high, _),) = _values(f"Officials said {qualifier}{space}{written} were affected.")
        if kind in ("gt", "ge"):
            assert (low, high) == (value, math.inf)
        elif kind in ("lt", "le"):
            assert (low, high) == (-math.inf if value < 0 else 0, value)
        elif kind == "nearly":  # short of the value, on the side of zero
            assert high == value if value > 0 else low == value
            assert abs(low if value > 0 else high) < abs(value)
        else:
            assert low < value < high


@pytest.mark.parametrize("spelled", [False, True])
def test_hyphenated_to_is_a_range_upwards_and_a_tally_downwards(spelled: bool) -> None:
    """ "10-to-15 people", "five-to-seven years" are ranges; "a 5-to-4 ruling", "a three-to-two
    judgment" tallies (no count); "10-to-1" a ratio."""
    for a in range(2, 21):
        for b in range(1, 21):
            x, y = (_words(a), _words(b)) if spelled else (a, b)
            found = _values(f"It was a {x}-to-{y} decision.")
            if b == 1:
                assert found == [(a, a, "ratio")]
            elif a < b:
                assert found == [(a, b, "count")]
            else:
                assert found == []


@GENERATED
@given(n=st.integers(21, 999).filter(lambda n: n % 100 and (n > 100 or n % 10)))
@example(n=101)
@example(n=21)
def test_compound_spelled_ordinals_are_ranks(n: int) -> None:
    """'the twenty-first', 'the one hundred and first', 'the four hundred and twentieth'."""
    spelled = ENGINE.ordinal(_words(n))
    assert _values(f"It was the {spelled} day of the siege.") == [(n, n, "ordinal")]


@GENERATED
@given(n=st.integers(1500, 2099).filter(lambda n: n % 100 >= 10), hyphen=st.sampled_from("- "))
@example(n=1984, hyphen="-")
@example(n=2020, hyphen="-")
def test_years_spelled_as_two_pairs_are_years(n: int, hyphen: str) -> None:
    """'nineteen eighty-four', 'twenty twenty', 'fifteen sixty-six': a year; 'The novel
    Nineteen Eighty-Four' is a title and 'fifteen twenty-year-olds' a count of ages."""
    spelled = f"{_words(n // 100)} {_words(n % 100, hyphen=hyphen)}"
    assert _values(f"The abbey was sold in {spelled}.") == [(n, n, "year")]
    assert _values(f"The novel {spelled.title()} sold well.") == []


@GENERATED
@given(
    whole=st.integers(0, 99),
    decimals=st.integers(1, 999),
    zero=st.sampled_from(["zero", "nought", "oh"]),
    sign=st.sampled_from(["", "minus "]),
)
@example(whole=3, decimals=5, zero="zero", sign="minus ")
@example(whole=3, decimals=14, zero="zero", sign="")
def test_spelled_decimals_read_digit_by_digit(
    whole: int, decimals: int, zero: str, sign: str
) -> None:
    """'minus three point five', 'three point one four', 'two point oh six'."""
    digits = " ".join(_words(int(c)) if c != "0" else zero for c in str(decimals))
    value = float(f"{whole}.{decimals}") * (-1 if sign else 1)
    found = _values(f"The index stood at {sign}{_words(whole)} point {digits} on Monday.")
    assert found == [(pytest.approx(value), pytest.approx(value), "count")]


@GENERATED
@given(
    n=st.integers(1, 99),
    part=st.sampled_from([("a half", 0.5), ("a quarter", 0.25), ("three quarters", 0.75)]),
    scale=st.sampled_from(sorted(SCALES.items())),
)
@example(n=1, part=("a quarter", 0.25), scale=("million", 1e6))
def test_mixed_numbers_of_a_scale_word(
    n: int, part: tuple[str, float], scale: tuple[str, float]
) -> None:
    """'one and a quarter million', 'a million and a half' (the fraction of the scale word)."""
    value = (n + part[1]) * scale[1]
    assert _values(f"The region has {_words(n)} and {part[0]} {scale[0]} people.") == [
        (pytest.approx(value), pytest.approx(value), "count")
    ]
    if part[0] == "a half":
        found = _values(f"The region has a {scale[0]} and a half people.")
        assert found == [(1.5 * scale[1], 1.5 * scale[1], "count")]


@GENERATED
@given(
    x=st.decimals("1.0", "99.9", places=1),
    scale=st.sampled_from([("hundred", 1e2), ("thousand", 1e3), ("lakh", 1e5), ("crore", 1e7)]),
)
@example(x=1.5, scale=("thousand", 1e3))
@example(x=5, scale=("lakh", 1e5))
def test_decimals_and_south_asian_scale_words(x, scale: tuple[str, float]) -> None:
    """'1.5 thousand copies', '5 lakh copies', '2.5 crore copies'."""
    value = float(x) * scale[1]
    assert _values(f"They sold {x} {scale[0]} copies.") == [
        (pytest.approx(value), pytest.approx(value), "count")
    ]


@pytest.mark.parametrize(
    "vague",
    sorted(w for w in WORDS.vague_amounts if " " in w and w not in WORDS.vague_need_unit),
)
def test_every_vague_band_of_the_lexicon_is_its_band(vague: str) -> None:
    """'a few hundred', 'several thousand', 'a baker's dozen': the band the lexicon gives ("a
    few" and "a couple of" count only a unit of time, `vague_need_unit`)."""
    low, high = WORDS.vague_amounts[vague]
    found = figures.extract_text(f"Police said {vague} people marched.", CONFIG)
    assert [(f.low, f.high, f.vague) for f in found] == [(low, high, True)]


@GENERATED
@given(
    n=st.integers(1, 99),
    spelled=st.booleans(),
    word=st.sampled_from(["per cent", "percent", "pc", "per mille", "‰"]),
)
@example(n=5, spelled=True, word="per cent")
@example(n=3, spelled=False, word="per mille")
def test_percent_and_per_mille_written_out(n: int, spelled: bool, word: str) -> None:
    """'five per cent', '3 per mille' (0.3 %), '8‰'."""
    if spelled and word in ("pc", "‰"):
        return  # (written with digits only)
    number = _words(n) if spelled else str(n)
    glue = "" if word in ("pc", "‰") else " "
    value = n / 10 if word in ("per mille", "‰") else n
    found = _values(f"Inflation rose {number}{glue}{word} on the year.")
    assert found == [(pytest.approx(value), pytest.approx(value), "percent")]


@GENERATED
@given(
    a=st.integers(1, 20), extra=st.integers(1, 30), form=st.sampled_from(["in every", "out of"])
)
@example(a=2, extra=3, form="in every")
@example(a=9, extra=1, form="out of")
def test_shares_in_every_and_out_of(a: int, extra: int, form: str) -> None:
    """'2 in every 5', 'nine out of ten': a share of the whole, as a percentage."""
    b = a + extra
    value = a / b * 100
    for text in (f"{a} {form} {b}", f"{_words(a)} {form} {_words(b)}"):
        found = _values(f"Polls say {text} voters agree.")
        assert found == [(pytest.approx(value), pytest.approx(value), "percent")]


# Capitalised head nouns of no lexicon list: the name is read from its structure alone.
NAME_HEADS = ["Hangar", "Crematorium", "Gallery", "Bunker", "Camp", "Pavilion", "Reactor"]


@GENERATED
@given(
    head=st.sampled_from(NAME_HEADS),
    n=st.integers(1, 9999).filter(lambda n: not 1500 <= n <= 2199),
)
@example(head="Hangar", n=54)
def test_a_capitalised_word_before_a_bare_number_makes_a_name(head: str, n: int) -> None:
    """'inspectors searched Hangar 54 on Monday' names a hangar; the same number stays a count
    in a title-case headline, after a lower-case word, and before people."""
    assert _values(f"Inspectors searched {head} {n} on Monday.") == []
    assert _values(f"Inspectors Search {head} {n} Near Capital") == [(n, n, "count")]
    assert _values(f"Inspectors searched the {head.lower()} {n} on Monday.") == [(n, n, "count")]
    assert _values(f"Inspectors told {head} {n} people had left.") == [(n, n, "count")]
