"""Number forms read whole by one pattern each, apart from the digit and word grammar: shares
("one in five"), decades of life ("in his 40s"), age groups ("an under-16 side"), short year
ranges ("1973-90"), centuries ("the 1800s") and ratios ("doubled").

Called by `figures.extract.spans` with its compiled patterns (`pats`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsaudit.config import FiguresConfig
from newsaudit.figures import numbers
from newsaudit.figures.span import Span
from newsaudit.figures.words import WORDS
from newsaudit.text.fold import ascii_lower, lower_keep_offsets

# The other days of a list of days written with one month ("December 14, 15, 21 and 24",
# "August 28 and 29", "10 and 11 January"): days of the month, never counts. The list ends with
# "and", "or" or "&" (", 20 people" after a date is a count).
_DAY = r"(?:[12]?\d|3[01])(?:st|nd|rd|th)?\b"
_DAYS_AFTER = re.compile(
    rf"(?:,\s*{_DAY})*,?\s+(?:and|or|&)\s+{_DAY}(?![.,]\d|\s*(?:%|per\b|pc\b))"
)
_DAYS_BEFORE = re.compile(rf"(?<![\d.,])\b{_DAY}(?:,\s*{_DAY})*,?\s+(?:and|or|&)\s+$")

# A decade written short with its apostrophe ("the '60s", "the mid-’90s"): "'20s" to "'90s"
# are of the 1900s, "'00s" and "'10s" of the 2000s (never "the 60s" alone: "highs in the 60s"
# are degrees). The literal "0s" first, the rest looked up behind it: the search skips to it.
_SHORT_DECADE = re.compile(r"0s\b(?<=['’‘](\d)0s)")

# A decade written short without its apostrophe ("in the 70s", "until the mid-90s", "the music
# of the 60s"): a decade unless degrees or a share are meant (`_NOT_DECADE` before it, "degrees"
# after it) or a decade of life ("in his 40s", read first by `age_decade_spans`).
# The literal "0s" first, "the" looked up behind it (the search skips to it).
_BARE_DECADE = re.compile(
    r"0s\b(?<=[^\w'’‘][2-9]0s)(?![\s-]*(?:degrees|°|percent|%))", re.IGNORECASE
)
_THE_BEFORE = re.compile(r"\bthe\s+(?:(?:early|mid|late)[\s-]+)?$", re.IGNORECASE)
_NOT_DECADE = re.compile(
    rf"\b(?:{numbers.words_pattern(WORDS.not_decade_cues)})\b[^.;!?]*$", re.IGNORECASE
)
# "the late 1990s", "the early '60s", "the mid-1800s": the part of a decade (or century) that
# "early", "mid" and "late" cover, as shares of its length (tenths of a decade: 0-3, 3-6, 6-9).
_PART_BEFORE = re.compile(r"\b(early|mid|late)[\s-]+$", re.IGNORECASE)
_PART_SHARE = {"early": (0.0, 0.3), "mid": (0.3, 0.6), "late": (0.6, 0.9)}

# "a month or two", "a year or three", "a decade or two": one to a few of a duration, vague.
# (" or two" found first, a literal: the search skips to it; the unit looked up behind it)
_OR_TWO = re.compile(
    r" or\s+(?P<n>two|three|2|3)\b(?![\s-]*(?:\w+\s+)?(?:"
    + numbers.words_pattern(WORDS.duration_units)
    + r")\b)",
    re.IGNORECASE,
)
_ONE_UNIT_BEFORE = re.compile(
    rf"\b(?:an?|one)\s+(?P<unit>{numbers.words_pattern(WORDS.duration_units)})$", re.IGNORECASE
)

# Years into a decade of life that "early", "mid" and "late" cover ("in her mid-30s": 33-36);
# the teens run from 13 to 19.
_DECADE_PART = {"early": (0, 3), "mid": (3, 6), "late": (6, 9), None: (0, 9)}
_TEENS_PART = {"early": (13, 15), "mid": (14, 16), "late": (17, 19), None: (13, 19)}


def age_decade_spans(text: str, pats) -> list[Span]:
    """ "a man in his 40s" is 40 to 49 years old, "in their early twenties" 20 to 23, "in her
    late teens" 17 to 19."""
    out = []
    for m in pats["age_decade"].finditer(text):
        part = m.group("part") and m.group("part").lower()
        if m.group("d") or m.group("w"):
            word = (m.group("w") or "")[:-3].lower() + "y"  # "forties" -> "forty"
            tens = int(m.group("d")) if m.group("d") else WORDS.number_words[word]
            low, high = (tens + k for k in _DECADE_PART[part])
        else:
            low, high = _TEENS_PART[part]
        out.append(Span(m.start(), m.end(), low, high, "age", "years old"))
    return out


# "an under-16 side", "the over-50s", "England Under-21 coach", "the under 18s": an age group
# named by its bound (no count of 16): ages up to or from the number (never "under-5%",
# "under-30,000", "under 18": that is a bound on a count).
_AGE_GROUP = re.compile(
    r"\b(under|over)(?:-(\d{1,2})(?:s\b|(?![\d.,%]|\s*(?:per|pc)\b))|\s(\d{1,2})s\b)(?![\w-])",
    re.IGNORECASE,
)


def age_group_spans(text: str, config: FiguresConfig) -> list[Span]:
    """ "an under-16 side" is ages up to 16, "the over-50s" ages from 50: an age bound."""
    out = []
    for m in _AGE_GROUP.finditer(text):
        word, n = m.group(1).lower(), float(m.group(2) or m.group(3))
        low, high = numbers.apply_qualifier(n, n, "lt" if word == "under" else "gt", config)
        out.append(Span(m.start(), m.end(), low, high, "age", "years old", qualifier=word))
    return out


def share_spans(text: str, pats) -> list[Span]:
    """ "one in five", "3 out of 10": a share, as a percentage."""
    out = []
    for m in pats["share"].finditer(lower_keep_offsets(text)):
        a = numbers.parse(m.group("a"))
        b = numbers.parse(re.sub(r"^every\s+|(?<=[a-z])s\b", "", m.group("b")))
        if a is None or b is None or not 0 < abs(a.value) < b.value:
            continue
        value = 100.0 * a.value / b.value
        out.append(Span(m.start(), m.end(), value, value, "percent", "%"))
    return out


def short_decade_spans(text: str) -> list[Span]:
    """ "the '60s" is the years 1960 to 1969, "the '00s" 2000 to 2009."""
    out = []
    for m in _SHORT_DECADE.finditer(text):
        start = m.start() - 2  # the apostrophe
        if start > 0 and text[start - 1].isalnum():
            continue  # "Jones'60s": no decade written short
        tens = int(m.group(1))
        base = (1900 if tens >= 2 else 2000) + 10 * tens
        out.append(decade_part(text, Span(start, m.end(), base, base + 9, "year", "year")))
    return out


def century(text: str, s: Span) -> Span:
    """ "the 1800s", "the early 1900s" are a century, where "the 1990s" is a decade (and so
    is "the 2000s", as news writes it); "early", "mid" or "late" before either narrows it
    (`decade_part`)."""
    if s.kind == "year" and re.fullmatch(r"1[5-9]00s", text[s.start : s.end]):
        return decade_part(text, replace(s, high=s.low + 99))
    if s.kind == "year" and re.fullmatch(r"[12]\d\d0s", text[s.start : s.end]):
        return decade_part(text, s)
    return s


def decade_part(text: str, s: Span) -> Span:
    """ "the late 1990s" is 1996-1999, "the early 1900s" 1900-1930, "the mid-'60s" 1963-1966:
    the part of the decade or century "early", "mid" or "late" before it names, the word
    joined to the figure."""
    m = _PART_BEFORE.search(text, max(0, s.start - 8), s.start)
    if m is None or s.low == s.high:
        return s
    first, last = _PART_SHARE[m.group(1).lower()]
    length = s.high - s.low + 1  # 10 or 100 years: "the late 1800s" runs to 1899
    low = s.low + round(first * length)
    high = s.low + round(last * length) + length // 10 - 1
    return replace(s, start=m.start(), low=low, high=high)


def bare_decade_spans(text: str) -> list[Span]:
    """ "in the 70s", "until the mid-90s" are the 1970s, 1990s ("highs in the 70s" are
    degrees, no figure here)."""
    out = []
    for m in _BARE_DECADE.finditer(text):
        start = m.start() - 1  # the decade's digit
        if not _THE_BEFORE.search(text, max(0, start - 12), start) or _NOT_DECADE.search(
            text, max(0, start - 80), start
        ):
            continue
        base = 1900 + 10 * int(text[start])
        span = Span(start, m.end(), base, base + 9, "year", "year")
        out.append(decade_part(text, span))
    return out


def year_range_spans(text: str, pats) -> list[Span]:
    """ "Pinochet's 1973-90 rule", "from 1989-95", "in 1995/6": years from the first to the
    second, written short (a consecutive "2013-14" or "2004/5" is a season, read with the
    dates)."""
    out = []
    for m in pats["season"].finditer(text):
        first, short = int(m.group(1)), m.group(2)
        if len(short) == 2:
            last = first - first % 100 + int(short)
        else:  # "1995/6", "1999/0": the next year with that last digit
            last = first - first % 10 + int(short) + (10 if int(short) <= first % 10 else 0)
        if first + 1 < last or (len(short) == 1 and (first + 1) % 100 != int(short)):
            out.append(Span(m.start(), m.end(), first, last, "year", "year"))
    return out


# "twice the size", "twice as many", "twice his size", "twice that amount": a ratio of two;
# "elected twice", "twice a week", "shot twice as he returned": a count of two occasions. Never
# "think twice", "once or twice" (idioms) or "twice-weekly" (a kind).
_TWICE = re.compile(
    r"\b(?<!think )(?<!thinks )(?<!thought )(?<!thinking )(?<!once or )(?P<w>twice|thrice)\b(?!-)"
    r"(?P<ratio>\s+(?:as\s+(?!(?:he|she|it|they|we|i|you|the|an?|his|her|their|its|our|my|your"
    r"|this|that|these|those|well|part|soon|if|though)\b)[a-z]"
    r"|(?:his|her|their|its|my|our|your)\b|that\s+(?:amount|number|figure|sum|size|level|rate"
    rf"|of)\b|(?!as\b)(?:{numbers.words_pattern(WORDS.ratio_cues)})\b))?",
    re.IGNORECASE,
)


def ratio_spans(text: str, pats) -> list[Span]:
    """ "doubled", "tripled", "halved": a ratio, so "more than doubled" is [2, inf) times;
    "twice the size" a ratio of two, "elected twice" a count of two."""
    out = []
    if any(w in text for w in ("wice", "hrice", "WICE", "HRICE")):
        for m in _TWICE.finditer(text):
            n = 2.0 if m.group("w").lower() == "twice" else 3.0
            kind, unit = ("ratio", "times") if m.group("ratio") else ("count", "count")
            out.append(Span(m.start("w"), m.end("w"), n, n, kind, unit))
    lowered = ascii_lower(text)
    found = (
        pats["times"].finditer(text) if lowered is None else pats["times_lower"].finditer(lowered)
    )
    for m in found:
        value = WORDS.multiplicatives[m.group(0).lower()]
        out.append(Span(m.start(), m.end(), value, value, "ratio", "times"))
    return sorted(out, key=lambda s: s.start)


# "outnumbered by three to one", "odds of 100 to 1", "a six-to-one matching system", "a ratio
# of 3:1": a ratio of the first number to one. Never a change or a time ("from three to one",
# "at ten to one"), never "one to one" (a kind: "one-to-one tuition"); "3:1" only after a word
# of ratio, odds or margin (else a score or a verse).
_TO_ONE = re.compile(
    rf"\b(?P<a>\d{{1,4}}(?:\.\d+)?|{numbers.words_pattern(WORDS.number_words)})"
    r"(?:\s+to\s+|-to-)(?:one|1)\b(?![.,:]\d|[\s-]*(?:%|(?:per|pc|percent|per\s+cent"
    r"|o['’]clock|[ap]\.?m|hundred|thousand|[mbt]illion)\b))"
    r"|\b(?:ratio|margin|odds)\s+(?:of\s+)?(?P<c>\d{1,3}):1\b(?![.:]\d)",
    re.IGNORECASE,
)
_NOT_RATIO_BEFORE = re.compile(
    r"\b(?:from|at|until|till|before|after|past|between|by\s+around|aged?|ages)\s+$"
    r"|\bfrom\s+\S+\s+$",  # "from about three to one"
    re.IGNORECASE,
)


# "100s of fans", "1000s of people": hundreds, thousands written in digits, as vague as the words.
_DIGIT_PLURALS = {"100": "hundreds", "1000": "thousands", "1000000": "millions"}
_DIGIT_PLURAL = re.compile(r"(?<![\w.,])(?P<n>100|1,?000|1,?000,?000)['’]?s(?=\s+of\b)")


def digit_plural_spans(text: str) -> list[Span]:
    """ "100s of people" is hundreds of them, "1000s" thousands: a vague amount."""
    if "0s" not in text and "0's" not in text and "0’s" not in text:
        return []
    out = []
    for m in _DIGIT_PLURAL.finditer(text):
        low, high = WORDS.vague_amounts[_DIGIT_PLURALS[m.group("n").replace(",", "")]]
        out.append(Span(m.start(), m.end(), low, high, "count", "count", vague=True))
    return out


def to_one_spans(text: str) -> list[Span]:
    """ "three to one", "100-to-1", "a ratio of 3:1": a ratio of so many to one."""
    if not any(hint in text for hint in ("to one", "to 1", "-to-", ":1", "TO ONE", "o One")):
        return []  # (a substring test first: the pattern is slow to try at every position)
    out = []
    for m in _TO_ONE.finditer(text):
        group = "a" if m.group("a") else "c"
        number = numbers.parse(m.group(group).lower())
        start = m.start(group)
        if (
            number is None
            or number.value <= 1
            or _NOT_RATIO_BEFORE.search(text, max(0, start - 24), start)
        ):
            continue
        out.append(Span(start, m.end(), number.value, number.value, "ratio", "times"))
    return out


def day_lists(text: str, found_dates: list[Span]) -> list[tuple[int, int]]:
    """Where the other days of a list of days stand beside a date read with its month: "August
    28 and 29" (after a month and day), "14, 15 and 16 June" (before a day and month)."""
    out = []
    for d in found_dates:
        written = text[d.start : d.end]
        if written[:1].isalpha() and written[-1:].isalnum() and not written[-4:].isdigit():
            if m := _DAYS_AFTER.match(text, d.end):
                out.append((d.end, m.end()))
        elif written[:1].isdigit() and (
            m := _DAYS_BEFORE.search(text[max(0, d.start - 40) : d.start])
        ):
            out.append((d.start - len(m.group(0)), d.start))
    return out


def or_two_spans(text: str) -> list[Span]:
    """ "a month or two" is 1 to 2 months, vague ("a day or two later"); never "a day or two
    weeks", where the second number has its own unit."""
    out = []
    for m in _OR_TWO.finditer(text):
        one = _ONE_UNIT_BEFORE.search(text, max(0, m.start() - 16), m.start())
        if one is None:
            continue
        unit, factor = WORDS.duration_units[one.group("unit").lower()]
        n = 2.0 if m.group("n").lower() in ("two", "2") else 3.0
        out.append(Span(one.start(), m.end(), factor, n * factor, "duration", unit, vague=True))
    return out
