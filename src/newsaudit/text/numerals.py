"""Numbers written in figures, as they are read aloud ("14,000" -> "fourteen thousand").

Readability formulas count syllables as spoken: Flesch (1948) and McLaughlin's SMOG (1969) ask
for a figure to be counted as it is pronounced, so "500" is three syllables ("five hundred"),
not one. The readings are the plain American ones a newsreader uses:
- cardinals without "and": "512" -> "five hundred twelve", "14,000" -> "fourteen thousand";
- years: a four-digit number from 1100 to 2099 without grouping mark is read as a year, in
  pairs ("2013" -> "twenty thirteen", "1905" -> "nineteen oh five", "1900" -> "nineteen
  hundred"), except 2000-2009 ("two thousand nine");
- decimals digit by digit after "point" ("3.5" -> "three point five");
- ordinals ("30th" -> "thirtieth"), decades ("1990s" -> "nineteen nineties"), percentages
  ("5%" -> "five percent"), currencies before the number ("$5" -> "five dollars"), magnitudes
  after it ("$3.2bn" -> "three point two billion dollars"), clock times ("10:30" -> "ten
  thirty"), a leading minus sign;
- a number starting with 0 ("007") or longer than 15 digits is read digit by digit.
Anything else (words, "M5", "COVID-19", "9/11") is not a figure: `spoken` returns None and the
caller reads the parts.
"""

from __future__ import annotations

import re
from functools import cache

from newsaudit import lexicon

_ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (10**3, "thousand"))
# Ordinals that are not cardinal + "th".
_ORDINAL_WORDS = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}
FIGURE_RE = re.compile(
    r"""^(?P<sign>[-−–])?
    (?P<currency>[$£€¥])?
    (?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\d{1,2}:\d{2})
    (?P<suffix>st|nd|rd|th|s|'s|’s|%|bn|m|k|tn)?$""",
    re.VERBOSE | re.IGNORECASE,
)
_EDGE = re.compile(r"^[\"'“‘«(\[]+|[\"'”’»)\].,;:!?]+$")


@cache
def _currencies() -> dict[str, str]:
    """Currency sign -> spoken name (plural), from the lexicon `numerals/currencies`."""
    return dict(line.split(" ", 1) for line in lexicon.words("numerals/currencies"))


@cache
def _magnitudes() -> dict[str, str]:
    """Magnitude suffix written after a figure -> spoken word ("bn" -> "billion")."""
    return dict(line.split(" ", 1) for line in lexicon.words("numerals/magnitudes"))


def _below_thousand(n: int) -> list[str]:
    words = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        words += [_ONES[hundreds], "hundred"]
    if rest >= 20:
        tens, ones = divmod(rest, 10)
        words.append(_TENS[tens] + (f"-{_ONES[ones]}" if ones else ""))
    elif rest or not words:
        words.append(_ONES[rest])
    return words


def cardinal(n: int) -> str:
    """An integer in words: 512 -> "five hundred twelve", 14000 -> "fourteen thousand"."""
    if n < 0:
        return "minus " + cardinal(-n)
    if n >= 10**15:
        return digits(str(n))
    words: list[str] = []
    for size, name in _SCALES:
        if n >= size:
            words += [*_below_thousand(n // size), name]
            n %= size
    if n or not words:
        words += _below_thousand(n)
    return " ".join(words)


def digits(text: str) -> str:
    """Digit by digit: "007" -> "zero zero seven"."""
    return " ".join(_ONES[int(ch)] for ch in text if ch.isdigit())


def _pair(n: int) -> str:
    """The second half of a year or a clock time: 5 -> "oh five", 13 -> "thirteen"."""
    return f"oh {_ONES[n]}" if n < 10 else cardinal(n)


def year(n: int) -> str:
    """A year as read aloud: 2013 -> "twenty thirteen", 1905 -> "nineteen oh five"."""
    if 2000 <= n <= 2009 or not 1100 <= n <= 2099:
        return cardinal(n)
    high, low = divmod(n, 100)
    if low == 0:
        return f"{cardinal(high)} hundred"
    return f"{cardinal(high)} {_pair(low)}"


def ordinal(words: str) -> str:
    """The ordinal of a number in words: "twenty-one" -> "twenty-first"."""
    head, sep, last = words.rpartition(" ")
    stem, hyphen, unit = last.rpartition("-")
    if unit in _ORDINAL_WORDS:
        unit = _ORDINAL_WORDS[unit]
    elif unit.endswith("y"):
        unit = unit[:-1] + "ieth"
    else:
        unit += "th"
    return f"{head}{sep}{stem}{hyphen}{unit}"


def plural(words: str) -> str:
    """The plural of a number in words, for decades: "nineteen ninety" -> "nineteen nineties"."""
    if words.endswith("y"):
        return words[:-1] + "ies"
    return words + ("es" if words.endswith("x") else "s")


def _number(text: str, as_year: bool) -> str:
    if ":" in text:
        hours, minutes = (int(part) for part in text.split(":"))
        if minutes == 0:
            return f"{cardinal(hours)} o'clock"
        return f"{cardinal(hours)} {_pair(minutes)}"
    whole, _, fraction = text.replace(",", "").partition(".")
    if (len(whole) > 1 and whole.startswith("0")) or len(whole) > 15:
        spoken = digits(whole)
    elif as_year and len(whole) == 4 and not fraction and "," not in text:
        spoken = year(int(whole))
    else:
        spoken = cardinal(int(whole))
    return f"{spoken} point {digits(fraction)}" if fraction else spoken


def spoken(token: str) -> str | None:
    """The figure `token` read aloud, or None when it is not a figure as a whole.

    Surrounding quotes, brackets and sentence punctuation are ignored ("(14,000)," is a figure).
    """
    match = FIGURE_RE.match(_EDGE.sub("", token.strip()))
    if not match:
        return None
    suffix = (match["suffix"] or "").lower().replace("’", "'")
    words = _number(match["number"], as_year=suffix in ("", "s", "'s"))
    if suffix in ("st", "nd", "rd", "th"):
        words = ordinal(words)
    elif suffix in ("s", "'s"):
        words = plural(words)
    elif suffix == "%":
        words += " percent"
    elif suffix:
        words += " " + _magnitudes()[suffix]
    if match["currency"]:
        words += " " + _currencies()[match["currency"]]
    return f"minus {words}" if match["sign"] else words
