"""The compiled patterns of figure extraction: number atoms, qualifiers, dates, ordinals,
shares, multiplicatives and relative years, built once per process from the lexicon.

`compiled()` is handed as `pats` to the span readers (`figures.number_spans`, `figures.dates`,
`figures.forms`); `figures.extract.spans` runs them in order.
"""

from __future__ import annotations

import re
from functools import cache

from newsaudit.config import MONTHS
from newsaudit.figures import numbers
from newsaudit.figures.numbers import words_pattern
from newsaudit.figures.spelled import TENS
from newsaudit.figures.words import WORDS

_MONTHS = "|".join(MONTHS)

# Patterns that start with a digit read it first and then look behind it: "\d(?<![\w.:]\d)" is
# a digit after no word character, point or colon. A character class first lets the regex
# engine skip to the digits instead of trying the whole pattern at every position.
# `_CENTURY` is the rest of "1[5-9]|20" once its "1" or "2" is read: a year from 1500 to 2099.
_CENTURY = r"(?:(?<=1)[5-9]|(?<=2)0)"
# "a" or "an" right after a comparison ("more than a", "nearly an"): one lookbehind each.
_AFTER_COMPARISON = "|".join(
    f"(?<={word} {a})"
    for word in ("than", "nearly", "almost", "about", "under")
    for a in ("a", "an")
)


def _shouted(words: tuple[str, ...]) -> list[str]:
    """The capitals spelling of words of four letters or more ("Room" -> "ROOM"); shorter ones
    ("No", "Cat") are words of their own in a capitals headline."""
    return [w.upper() for w in words if len(w) >= 4 and w[0].isupper()]


@cache
def compiled() -> dict[str, re.Pattern[str]]:
    """Every pattern of the extractor, compiled once per process from the lexicon."""
    grammar = numbers.patterns()
    nw_all = words_pattern(WORDS.number_words)
    vague = words_pattern(WORDS.vague_amounts)
    units = words_pattern(WORDS.duration_units)
    ordinals = words_pattern(WORDS.ordinal_words)
    # compound spelled ordinals: "twenty-first", "one hundred and first", "two thousandth" is
    # a plain one ("first" alone is an adverb too often to be a rank)
    units_ordinals = words_pattern(
        ["first", *(w for w, n in WORDS.ordinal_words.items() if n < 10)]
    )
    hundreds = rf"(?:{nw_all})[\s-]+(?:hundred|thousand)(?:[\s-]+and)?[\s-]+"
    compound = (
        rf"(?:{hundreds})?(?:{words_pattern(TENS)})[\s-]+(?:{units_ordinals})"
        rf"|{hundreds}(?:first|{ordinals})"
    )
    mon = rf"(?:{_MONTHS}|(?:{words_pattern(WORDS.month_abbreviations)})\.?)"
    small = rf"\d{{1,3}}|{words_pattern(WORDS.number_words)}"
    # a numerator spelled in tens and hundreds too: "seventy-six over 177", "one hundred in 1,000"
    nw = words_pattern(WORDS.number_words)
    digit_words = words_pattern(w for w, v in WORDS.number_words.items() if 0 < v < 10)
    tens_units = rf"(?:{words_pattern(TENS)})[\s-]+(?:{digit_words})\b|(?:{nw})"
    numerator = rf"\d{{1,3}}|(?:{tens_units})(?:\s+hundred(?:(?:\s+and)?\s+(?:{tens_units}))?)?"
    # "1 in 10,000", "one in 50 million", "one in a million" (never a year: "5 in 2010")
    big = r"\d{1,3}(?:,\d{3})+(?!\d|\.\d)|(?!(?:1[5-9]|20)\d\d\b)\d{4,}(?![\d.,]\d)"
    scale = r"(?:hundred|thousand|million|billion|trillion)s?"
    return {
        # The word forms all start at a word boundary (tested once for all of them: a third
        # of the search's time went to testing it form by form), digits never at a letter
        # that starts one of them (lexicon words start with a letter), so the order of the
        # two groups changes no match.
        "atom": re.compile(
            rf"\b(?:(?P<decade>(?:a\s+|one\s+)?decades?\b)|(?P<vague>(?:{vague})\b)"
            rf"|(?P<words>{grammar['words'].removeprefix(chr(92) + 'b')})"
            r"|(?P<half>half\b(?=\s+(?:of|the|its|their|his|her|our|all|an?)\b)"
            r"|(?:(?<=than\s)|(?<=about\s)|(?<=nearly\s)|(?<=almost\s)|(?<=over\s))half\b(?!-))"
            rf"|(?P<one>(?=a)an?\b(?=\s+(?:{words_pattern(WORDS.one_units)})\b"
            rf"|\s+(?:{units})\s+and\s+a\s+half\b)"  # "an hour and a half"
            # ... and one of a duration after a comparison: "more than a week", "nearly an hour"
            # (the comparison looked up behind "a" / "an" once read: fewer tries)
            rf"|an?\b(?:{_AFTER_COMPARISON})(?=\s+(?:{units})\b)))"
            rf"|(?P<digits>{grammar['digits']})",
        ),
        "qual": re.compile(
            rf"(?:\b(?:{words_pattern(w for w in WORDS.qualifiers if w[0].isalpha())})\s+"
            rf"|(?:{words_pattern(w for w in WORDS.qualifiers if not w[0].isalpha())})\s*)$",
            re.IGNORECASE,
        ),
        "suffix": re.compile(
            rf"^(?:\s+(?:{words_pattern(w for w in WORDS.suffix_qualifiers if ' ' in w)})\b"
            r"(?!\s+than\b|\s*[-−]?\d)"  # "5000 or less than 6000": a second bound
            r"|-(?:plus|odd|something)\b|\+(?!\d))",
            re.IGNORECASE,
        ),
        "currency": re.compile(rf"(?:{words_pattern(WORDS.currency_symbols)})\s?$"),
        "future": re.compile(rf"\b(?:{words_pattern(WORDS.future_cues)})\b", re.IGNORECASE),
        # ... and in a capitals headline ("ROOM 303", "RADIO 2"): words of four letters or more
        "identifier": re.compile(
            rf"\b(?:{words_pattern({*WORDS.identifier_words, *_shouted(WORDS.identifier_words)})})"
            r"\s*$"
        ),
        "ordinal": re.compile(
            rf"(?<![\w/.,])(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+)(?:st|nd|rd|th)\b"
            rf"|\b(?P<w>{compound}|{ordinals})\b"
        ),
        "date": re.compile(
            rf"\b(?P<m1>{mon})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b"
            rf"(?:(?:,\s*|\s+)(?P<y1>\d{{4}})\b)?"  # "March 27, 1989", OCR's "March 27,1989"
            rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{mon})(?!\w)"
            rf"(?:,?\s+(?P<y2>\d{{4}})\b)?"
            rf"|\b(?P<m3>{_MONTHS})(?:\s+of)?\s+(?P<y3>\d{{4}})\b"
        ),
        "decade_years": re.compile(rf"[12](?<![\w$][12]){_CENTURY}\d0s\b"),
        # "in his 40s", "in their early twenties": an age within a decade of life
        "age_decade": re.compile(
            r"\b(?:his|her|their)\s+(?:(?P<part>early|mid|late)[\s-]+)?"
            rf"(?:(?P<d>[2-9]0)['’]?s|(?P<w>{'|'.join(f'{t[:-1]}ies' for t in TENS)})|teens)\b",
            re.IGNORECASE,
        ),
        # "2013-14", "1995/6": a season or a span of years, the second year written short
        "season": re.compile(
            rf"([12](?<![\w\-/.][12]){_CENTURY}\d\d)[-–/](\d\d?)(?![\w\-/]|[.,]\d)"
        ),
        # "5/17/2018", "17.05.2018": day and month in either order, a four-digit year
        "numeric_date": re.compile(
            r"(\d(?<![\w/.\-]\d)\d?)([/.\-])(\d{1,2})\2((?:1[5-9]|20)\d\d)(?![\w/\-]|\.\d)"
        ),
        "iso": re.compile(
            rf"([12](?<![\w\-/.][12]){_CENTURY}\d\d)-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?"
            r"(?![\w\-/]|\.\d)"
        ),
        "share": re.compile(
            # (never a part of "24/7" or "3.7": "24/7 in 9/11 week" is no "7 in 9")
            rf"(?P<a>\b(?<![/.,]\b)(?:(?:minus|negative)\s+)?(?:{numerator}))"
            r"(?:\s+(?:in|out\s+of|over)\s+|-in-)"
            rf"(?P<b>(?:every\s+)?(?:{big}(?:\s+{scale})?|\d{{1,3}}\.\d+\s+{scale}|an?\s+{scale}"
            rf"|(?:{small})(?:[\s-]+(?:{small}))?(?:\s+{scale}"
            rf"(?:(?:\s+and)?\s+(?:{small})(?:[\s-]+(?:{small}))?)?)?))\b"
            rf"(?!\s*(?:{units})\b|[.,/]\d)",  # never part of "7.6 million", "9/11"
        ),
        "times": re.compile(
            rf"\b(?:{words_pattern(WORDS.multiplicatives)})\b(?!\s+down\b)", re.IGNORECASE
        ),
        # ... on text lowered by `text.fold.ascii_lower`: the same matches, 3x faster
        "times_lower": re.compile(
            rf"\b(?:{words_pattern(w.lower() for w in WORDS.multiplicatives)})\b(?!\s+down\b)"
        ),
        "relative": re.compile(
            rf"\b(?P<rel>{words_pattern(WORDS.relative_years)})(?:['’]s)?\b"
            rf"|\b(?P<ana>{words_pattern(WORDS.anaphoric_years)})\b",
            re.IGNORECASE,
        ),
        "relation": re.compile(rf"\b({words_pattern(WORDS.date_relations)})\s+(?:the\s+)?$"),
        "baseline": re.compile(
            rf"\b(?:{words_pattern(WORDS.baseline_markers)})\s+(?:(?:a|an|the|its|their)\s+)?"
            rf"(?:(?:{words_pattern(WORDS.baseline_nouns)})\s+of\s+)?$"
        ),
    }
