"""Numbers as news writes them: a small grammar of sign, number, fraction and multiplier.

- digits: "14,000", "1.2", ".5", "1 414 021" (spaced thousands), "1.3e6", "6.022 × 10^23",
  "10⁶", "-1.3", "minus 5"; fractions "3/4", "2 1/2", "½", "2½"; multipliers after them, as
  words ("4 hundred million", "13 lakh", "1.5 millions") or glued ("35m", "3.5bn", "10k"); a
  mixed number "3 and a half (million)";
- words: "two hundred and fifty", "twenty-one", "a dozen", "two thirds", "three and a half",
  "four-and-a-half", "five and a half million", "half a million", "two point five", "minus
  ten"; two cardinals side by side that do not compose are two numbers (`split_at`).
`patterns()` gives the regex sources that find them (built once from the lexicon), `parse()`
turns one found expression into a `Number` (spelled ones through `figures.spelled`);
qualifiers become bounds in `apply_qualifier`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from functools import cache

from newsaudit.config import FiguresConfig
from newsaudit.figures import unitforms
from newsaudit.figures.spelled import TENS, Number, multiplier_words, parse_words, split_at
from newsaudit.figures.words import WORDS
from newsaudit.text import fold

VULGAR_FRACTIONS = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"
# Slash fractions read as a fraction only with a usual denominator: "9/11" and "24/7" are not.
SLASH_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 16, 100})
# ... and after a whole number ("4 2/7", "10 5/12") any proper fraction up to sixteenths: a date
# or a name never follows a whole number so, and a measure in inches goes to sixteenths.
MIXED_DENOMINATOR = 16
# ... except the slashes that name something: "the 19 9/11 hijackers", "24 7/11 stores".
NAMED_SLASHES = frozenset({(9, 11), (7, 11)})
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_UNSUPER = str.maketrans(SUPERSCRIPTS + "⁻", "0123456789-")
_EUROPEAN = r"\d{1,3}(?:[. \u00a0\u202f\u2009]\d{3})+,\d{1,2}"  # 1.234,56 and 1 234 567,89
_INT = (
    rf"{_EUROPEAN}(?![\d,])"
    r"|\d{1,2}(?:,\d\d)+,\d{3}(?![\d,])"  # 1,00,000 and 12,34,567: lakh and crore grouping
    r"|\d{1,3}(?:,\d{3})+(?!\d)"  # 14,000
    r"|\d{1,3}(?:\.\d{3}){2,}(?![\d.])"  # 1.234.567: dots between thousands (two or more)
    r"|\d{1,3},\d{1,2}(?![\d,])"  # 1,3 and 5,00: a decimal comma (never a thousands one)
    r"|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?!\d)"  # 14 000 with a no-break or thin space
    r"|\d{2,3}(?: \d{3})+(?![\d,.]\d|\d)(?!(?<!000)[a-z])"  # 40 000 (never "10 100mg": a count
    r"|\d(?: \d{3}){2,}(?![\d,.]\d|\d)(?!(?<!000)[a-z])"  # and a dose), 1 234 567
    r"|\d(?: \d{3})? 000(?![\d,.]\d|\d)"  # 1 000, 5 500 000: a "000" group is never a number
    r"|\d+"
)
_NUMERIC = re.compile(
    rf"(?:{_INT})"
    r"(?:\.\d+|\s\.\s\d+(?=\s?(?:%|million|billion)))?"  # "4 . 8 %" in tokenized text
    r"(?:[eE][+-]?\d+"  # 1.3e6
    r"|(?:[x×]|\s?[x×*·]\s?(?=10\^))10(?:\^[-+−]?|[-−])\d+"  # 6.23x10^-4, 6.022 × 10^23
    rf"|(?:\s?[x×*·]\s?10)?(?<=10)[⁻]?[{SUPERSCRIPTS}]+"  # 10⁶, 6.02×10²³
    r"|\^-{0,2}\+?\d+)?"  # 1.1^23
    r"|\.\d+"
)
# "3/4", "1⁄2" (the fraction slash, spaced or not), "2/3rds" (the denominator as an ordinal;
# never "st": "11 1/2st" is stone); "1 / 4" as tokenized text spaces it (two digits at most
# each side, a proper fraction only: `_parse_digits`).
_SLASHED = r"(?:\d{1,2} / \d{1,2}(?!\d)|\d+(?:/|\s?⁄\s?)\d+)(?:(?:nd|rd|th)s?\b)?"
_SLASHED_PARTS = re.compile(r"(\d+)(?:/| / |\s?⁄\s?)(\d+)(?:(?:nd|rd|th)s?\b)?")


def words_pattern(words: Iterable[str]) -> str:
    """Regex alternation of words/phrases, longest first so "tens of thousands" beats "tens"."""
    items = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


@cache
def scale_suffixes() -> dict[str, float]:
    """Attached magnitude suffixes by their lower-case spelling ("bn", "mm", "t")."""
    return {k.lower(): v for k, v in WORDS.scale_suffixes.items()}


@cache
def cased_suffixes() -> dict[str, str]:
    """Suffixes that are magnitudes only as written in capitals ("$1MM", "$2.17T"), keyed by
    their lower-case spelling, which is a unit ("35mm", "3t")."""
    return {k.lower(): k for k in WORDS.scale_suffixes if k != k.lower()}


def _plural(word: str) -> bool:
    """A plural scale word ("millions"): a multiplier only straight after a written number."""
    return word.endswith("s") and word not in WORDS.dozen_words


@cache
def glued_codes() -> tuple[str, ...]:
    """Currency codes read glued to the amount too, in capitals only ("115.5USD")."""
    return tuple(w.upper() for w, code in WORDS.currency_words.items() if w.upper() == code)


# Unicode hyphens ("twenty‐one" from web and PDF text) read as "-", one character for one; the
# finding patterns run on text lowered by `text.fold.lower_keep_offsets`, which reads them so.
HYPHENS = str.maketrans(fold.HYPHENS)


@cache
def patterns() -> dict[str, str]:
    """Regex sources of a digit number and of a spelled number, for text lowered with
    `text.fold.lower_keep_offsets` (case-sensitive patterns on lowered text are several times
    faster)."""
    singular = words_pattern(w for w in multiplier_words() if not _plural(w))
    plural = rf"(?:{words_pattern(w for w in multiplier_words() if _plural(w))})(?!\s+of\b)"
    mult = rf"(?:{singular}|{plural})"
    # after digits, a plural never follows a year: "in 2015 thousands marched"
    mult_d = rf"(?:{singular}|(?<!\b1\d{{3}}\s)(?<!\b20\d\d\s){plural})"
    nw = words_pattern(WORDS.number_words)
    fr = words_pattern(WORDS.fraction_words)
    suffix = words_pattern(scale_suffixes())
    # Written apart from the number too ("5 mln", "$3.5 bn"): suffixes of two letters or more
    # that are no unit in lower case ("5 mm" is millimetres, "100 m" metres).
    spaced = words_pattern(k for k in scale_suffixes() if len(k) > 1 and k not in cased_suffixes())
    suffix = rf"{suffix}|\s(?:{spaced})\b"
    glued = words_pattern(
        w.lower()
        for w in [
            *WORDS.physical_units,
            *WORDS.percent_words,
            *WORDS.percentage_points,
            *WORDS.duration_units,
            *WORDS.unit_symbols,
            *WORDS.scaled_currencies,
            *glued_codes(),
            "in",  # "18in of water" (glued only: `units.after`)
            "ins",  # "12ins", as British papers write inches
            "p",  # "22p", pence (glued only, one or two digits: `units.after`)
            "st",  # "15st", stone (glued only, never an ordinal "21st": `units.after`)
            "x",  # "a 10x increase", "1.5x faster": a ratio (glued only: `units.after`)
        ]
    )
    glued = rf"{glued}|{unitforms.glued_pattern()}"  # "10kPa", "1Ga": unit_families.yaml
    codes = "".join(
        f"|(?<={re.escape(c.lower())})" for c in WORDS.currency_symbols if c[-1].isalpha()
    )
    # never the exponent of a unit: "km s^-1" is no number -1
    sign = r"(?:(?:minus|negative)\s+|(?<![\w.,)\]%/\-−^])[-−](?=\.?\d))?"
    number = (
        rf"\d+\s?[{VULGAR_FRACTIONS}]|[{VULGAR_FRACTIONS}]|\d+(?:\s+|-(?=\d+/\d))(?:{_SLASHED})(?![\d/⁄])"
        rf"|{_SLASHED}(?![\d/⁄])|{_NUMERIC.pattern}"
    )
    # "4 thousand 3 hundred and 21": after a multiplier, a number before another multiplier,
    # or (after "hundred" only) "and" a number below a hundred; never "$1.5 million and 300".
    more = (
        rf"(?:\s+(?:\d{{1,3}}|(?:{nw})(?:[\s-]+(?:{nw}))?)(?:\s+(?:{mult}))+"
        rf"|(?<=hundred)\s+and\s+(?:\d{{1,2}}|(?:{nw})(?:[\s-]+(?:{nw}))?)"
        rf"(?![\w.,]|\s+(?:{mult})\b))"
    )
    # "3 million and a half": a fraction of the last scale word, unless more follows.
    and_fraction = rf"(?:\s+and\s+(?:an?|one)\s+(?:{fr})\b(?!\s+(?:of|{mult})\b|-))?"
    # "3 and a half years", "2 and a half million": a mixed number, a scale word after it.
    # Hyphenated as a compound, "an 11-and-a-half-hour wait": the unit may follow its hyphen.
    mixed = (
        rf"(?:\s+and\s+(?:an?|one)\s+(?:{fr})\b(?!\s+of\b|-)|-and-an?-(?:{fr})\b(?!\s+of\b))"
        rf"(?:\s+(?:{mult_d})\b)*"
    )
    digits = (
        rf"(?=[-−.\d{VULGAR_FRACTIONS}]|(?:minus|negative)\s){sign}"
        rf"(?:(?<![\w/.,^])(?:(?<![A-Za-z][-−])|(?<=[\da-z]-to-))(?<!\^[-−+]){codes})"
        rf"(?:{number})(?!\d|/\d|[.,]\d)"
        rf"(?:(?:\s+(?:{mult_d})|-(?:{mult_d})(?![A-Za-z]))+\b(?:{more})*{and_fraction}|{mixed}|(?:{suffix})(?![A-Za-z\d²³])"
        rf"|(?=(?:{glued})(?![A-Za-z]))|(?![A-Za-z]))"
    )
    scale_lb = "|".join(f"(?<={re.escape(w)})" for w in multiplier_words())
    big_lb = "|".join(f"(?<={re.escape(w)})" for w in WORDS.scale_words)
    # "a third-party run" and "an eleventh-hour deal" are no fractions; "a half-dozen" is one,
    # "a half-hour" and "a quarter-century" are durations (only half and quarter make them).
    # ... and so are "a half-mile walk", "a seven-and-a-half-ton truck" (a word unit, spelled out)
    spans = words_pattern(
        [*WORDS.duration_units, *(u for u in WORDS.physical_units if len(u) >= 3 and u.isalpha())]
    )
    fr = rf"(?:{fr})(?!-(?!(?:{mult})\b|(?:(?<=half-)|(?<=quarter-))(?:{spans})\b)[a-z])"
    # "a twenty-first", "a hundred trillionths": the article counts one of a spelled fraction.
    first = (
        rf"(?:(?:an?|half(?:\s+an?)?|quarter)\s+(?:{mult}|{fr})"
        rf"|(?:{fr})(?=\s+of\s+an?\s+(?:{mult})\b)"  # "quarter of a million"
        rf"|an?\s+(?:{words_pattern(TENS)})(?=[\s-]+(?:{fr})\b)|{nw})"
    )
    # A denominator may be a compound ordinal: "and a fifty-sixth", "forty-one sixty-sevenths".
    tens = words_pattern(TENS)
    denominator = rf"(?:(?:{tens})[\s-]+)?(?:{fr})\b"
    join = (
        rf"(?:(?:{scale_lb})(?:\s+and\s+|-and-)"  # "two-hundred-and-fifty" too
        rf"|[\s-]+and[\s-]+(?=(?:an?|(?:{nw})(?:[\s-]+(?:{nw}))?)[\s-]+{denominator})"
        r"|\s+-\s+|[\s-]+"
        # "seven million, fifty-six thousand": a comma between the groups (`spelled.split_at`)
        rf"|(?:{big_lb}),\s+(?=(?:{nw})\b))"
    )
    # ... "point oh five": "oh" is a digit only after the point
    nxt = (
        rf"(?:an?[\s-]+(?=(?:{mult})\b|{denominator}))?"
        rf"(?:{nw}|{mult}|{fr}|point(?:[\s-]+(?:{nw}|oh)(?=[\s-]+(?:{nw}|oh)\b))*[\s-]+oh(?!\w)|point)"
    )
    # "two thirds of a million", "a third of a million": a fraction of a scale word.
    of_scale = rf"(?:(?<=s)|(?<=th)|(?<=half)|(?<=quarter)|(?<=third))\s+of\s+an?\s+(?:{mult})\b"
    words = rf"\b(?:(?:minus|negative)\s+)?{first}(?:{join}{nxt}\b)*\b(?:{of_scale})?"
    return {"digits": digits, "words": words}


def scale_of(text: str) -> float:
    """The magnitude a number expression ends in, after a number: "3 million" 1e6, "3.5bn" 1e9,
    "four hundred million" 1e8, "two dozen" 12; 1.0 when it ends in no magnitude ("1,200",
    "4 thousand 3 hundred and 21"). Ranges share it: "between 2 and 3 million"."""
    words = re.split(r"[\s-]+|(?<=\d)(?=[a-z])", text.lower().strip())
    multipliers, suffixes = multiplier_words(), scale_suffixes()
    scale = 1.0
    while len(words) > 1 and (words[-1] in multipliers or words[-1] in suffixes):
        scale *= multipliers.get(words[-1]) or suffixes[words[-1]]
        words.pop()
    return scale


def _numeric_value(text: str) -> float:
    """'14,000' -> 14000, '1.3e6', '6.23x10^-4', '1.1^23' (a power)."""
    if re.fullmatch(_EUROPEAN, text):
        text = re.sub(r"[.\s\u00a0\u202f\u2009]", "", text)  # "1.234,56": dots between thousands
    if re.fullmatch(r"\d{1,3},\d{1,2}", text) or re.fullmatch(r"\d{4,},\d{1,2}", text):
        text = text.replace(",", ".")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", text):
        text = text.replace(".", "")  # "1.234.567"
    text = re.sub(r"[,\s\u00a0\u202f\u2009]", "", text).replace("−", "-")
    if re.search(f"[{SUPERSCRIPTS}]", text):  # "10⁶", "6.02×10²³": powers of ten only
        m = re.fullmatch(rf"(?:(.+)[x×*·])?10(⁻?[{SUPERSCRIPTS}]+)", text)
        if m is None:
            return math.nan
        return float(m.group(1) or 1) * 10.0 ** int(m.group(2).translate(_UNSUPER))
    if m := re.fullmatch(r"(.+)[x×*·]10\^?([-+]?\d+)", text):
        return float(m.group(1)) * 10.0 ** int(m.group(2))
    if m := re.fullmatch(r"(.+)\^(-{0,2})\+?(\d+)", text):
        exponent = -int(m.group(3)) if m.group(2) == "-" else int(m.group(3))
        return float(m.group(1)) ** exponent
    return float(text)


def _fraction_slash(numerator: int, denominator: int) -> bool:
    """Whether "a/b" is a fraction: with a usual denominator ("3/4", "5/16"), a numerator of
    one ("1/40"), or a proper fraction over a larger power of two or ten ("7/64", "3/1000");
    never a date, a name or alternatives ("9/11", "24/7", "25/35mph")."""
    power = denominator > 0 and (
        denominator & (denominator - 1) == 0 or str(denominator).rstrip("0") == "1"
    )
    return (
        denominator in SLASH_DENOMINATORS
        or numerator == 1 < denominator
        or (0 < numerator < denominator and power)
    )


def _parse_digits(text: str) -> Number | None:
    """'14,000' -> 14000, '-1.3' -> -1.3, '3/4' -> 0.75 (a share), '2 1/2' -> 2.5,
    '1.2 million' -> 1.2e6, '35m' -> 3.5e7, '4 hundred million' -> 4e8."""
    t = re.sub(r"(?<=\d)\s\.\s(?=\d)", ".", text.strip())  # tokenized "4 . 8 %"
    sign = 1.0
    lead = re.match(r"(?:(?:minus|negative)\s+|[-−])", t, re.IGNORECASE)
    if lead:
        sign, t = -1.0, t[lead.end() :]
    share = False
    if m := re.match(rf"(\d+)?\s?([{VULGAR_FRACTIONS}])", t):
        value = float(m.group(1) or 0) + unicodedata.numeric(m.group(2))
        share = m.group(1) is None
    elif m := re.match(rf"(\d+)(?:\s+|-){_SLASHED_PARTS.pattern}", t):  # "2 1/2", "2-1/2"
        numerator, denominator = int(m.group(2)), int(m.group(3))
        if (
            numerator >= denominator
            or (numerator, denominator) in NAMED_SLASHES
            or not (_fraction_slash(numerator, denominator) or denominator <= MIXED_DENOMINATOR)
        ):
            return None  # after a whole number, any proper fraction in sixteenths: "4 2/7"
        value = int(m.group(1)) + int(m.group(2)) / int(m.group(3))
    elif m := _SLASHED_PARTS.match(t):
        signed = lead is not None and 0 < int(m.group(1)) < int(m.group(2))  # "-6/7"
        if not (signed or _fraction_slash(int(m.group(1)), int(m.group(2)))) or (
            " / " in m.group(0) and int(m.group(1)) >= int(m.group(2))
        ):
            return None  # "9/11", "24/7", "5 / 4" are no fractions; "1/40", "3/1000" are
        value = int(m.group(1)) / int(m.group(2))
        share = value < 1
    elif m := _NUMERIC.match(t):
        value = _numeric_value(m.group(0))
    else:
        return None
    rest = t[m.end() :].strip().lower()
    multipliers = multiplier_words()
    if rest in scale_suffixes():
        value *= scale_suffixes()[rest]
    elif rest:
        words = re.split(r"[\s-]+", rest.lstrip("-"))  # "$1.2-billion": a hyphenated scale
        if any(w not in multipliers for w in words):
            whole = parse_words(t)  # "4 thousand 3 hundred and 21"
            return None if whole is None else Number(sign * whole.value)
        for word in words:
            value *= multipliers[word]
    return Number(sign * value, share and not rest)


def parse(text: str) -> Number | None:
    """A number expression found by `patterns()` as a `Number`; None when it is not one."""
    text = text.translate(HYPHENS)
    if re.search(r"\d|[" + VULGAR_FRACTIONS + "]", text):
        number = _parse_digits(text)
    else:
        number = None if split_at(text) is not None else parse_words(text)
    if number is None or math.isnan(number.value):
        return None
    return number


def parse_number(text: str, config: FiguresConfig | None = None) -> tuple[float, float] | None:
    """(low, high) of a bare number expression: exact numbers give low == high; vague amounts
    ("thousands", "several hundred") give the band in the `vague_amounts` lexicon."""
    key = " ".join(text.lower().split())
    if key in WORDS.vague_amounts:
        low, high = WORDS.vague_amounts[key]
        return float(low), float(high)
    number = parse(text)
    return None if number is None else (number.value, number.value)


def _odd_step(value: float) -> float:
    """What "-odd" adds to a round number: one unit of its last written non-zero digit ("1,200"
    steps by 100, "40" by 10); at least 10, as "25-odd" is still read 25 to 34."""
    step, rest = 10.0, abs(value)
    while rest >= step * 10 and rest % (step * 10) == 0:
        step *= 10
    return step


def apply_qualifier(
    low: float, high: float, kind: str, config: FiguresConfig, floor: float = 0.0
) -> tuple[float, float]:
    """Bounds asserted by a qualifier kind (gt, ge, lt, le, nearly, approx, odd) on [low, high].

    Bounds are closed: "more than 500" is [500, inf) so that it is compatible with "500";
    "less than 500" is [floor, 500], "less than -5" (-inf, -5].
    """
    if kind in ("gt", "ge"):
        return low, math.inf
    if kind == "odd":  # "40-odd" is 40 to 49, "300-odd" 300 to 399, "1,200-odd" 1,200 to 1,299
        return low, high + _odd_step(high) - 1
    if kind in ("lt", "le"):  # "less than -5%", "below -10C": unbounded below a negative value
        return (min(floor, high) if high >= 0 else -math.inf), high
    if kind == "nearly":
        a, b = low * (1 - config.nearly_tolerance), high
    elif kind == "approx":
        a, b = low * (1 - config.approx_tolerance), high * (1 + config.approx_tolerance)
    else:
        return low, high
    return min(a, b), max(a, b)
