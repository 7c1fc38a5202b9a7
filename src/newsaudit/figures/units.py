"""The unit written after a number: a percentage, a duration or age, a currency (word, code or
sign), a physical unit by name or by symbol, a hyphenated compound ("a 16-meter telescope").

`after` reads it from the text that follows a number and scales the number's interval by it
("two-thirds" is 66.7 %, "a decade" ten years); `counted_noun` the noun a hyphenated count
counts ("a 24-page indictment": pages).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from newsaudit import lexicon
from newsaudit.figures import numbers, unitforms
from newsaudit.figures.lemmas import name_or_lemma
from newsaudit.figures.numbers import words_pattern
from newsaudit.figures.words import WORDS

if TYPE_CHECKING:
    from newsaudit.figures.span import Span

# "5m" is five million ("£35m", "1.2m tons") unless a dimension or a race follows: "a 5m-high
# wall", "the 100m sprint".
# ... or a rate of metres: "12m/s", "a 5m/min climb" (never "£10m/year": the currency decides)
METRES_AFTER = re.compile(
    rf"-?\s?(?:{words_pattern(WORDS.metre_words)})\b"
    r"|(?P<per>\s?/\s?(?-i:s|sec|h|hr|min))(?P<sq>²|\^?2)?(?![\w/])",
    re.IGNORECASE,
)
# ... or when a noun of length stands before it, a few words of a clause back ("outreach is
# 48m", "a height of some 30m", "the span: 120m").
METRES_BEFORE = re.compile(
    rf"\b(?:{words_pattern(lexicon.words('figures/length_nouns'))})\b[:,]?\s+"
    r"(?:(?:is|was|of|at|to|reaches|reached|measures|measured|measuring|about|around|some"
    r"|nearly|almost|just|over|under|more|than|less|up|only)\s+){0,3}$",
    re.IGNORECASE,
)
# "$3 a gallon", "5% a year", "two a penny": an amount before "a" makes the unit after it a rate.
PER_UNIT_BEFORE = re.compile(
    rf"(?:[\d%]|\b(?:{words_pattern(WORDS.number_words)}))\s*(?:[A-Za-z]+\s+)?$", re.IGNORECASE
)
# "would not pay back a penny", "never saw a dollar of it": one coin after a negation is nothing.
NOTHING_BEFORE = re.compile(
    r"(?:\b(?:not|never|nor|without|no\s+one)\b|n['’]t\b)[^.;:!?]{0,30}?\s$", re.IGNORECASE
)
# "20 degrees below zero": a temperature under zero, written without a sign.
BELOW_ZERO = re.compile(r"\s+below\s+zero\b", re.IGNORECASE)
# "highs of 90F", "30C (86F)": a capital F glued to the digits is Fahrenheit where a Celsius
# reading or a word of temperature stands in the clause, or the number has a fraction or a sign
# ("13F filings" are forms).
_GLUED_F = re.compile(r"F(?![\w/])")
_TEMPERATURE_NEAR = re.compile(
    rf"\d\s?°?\s?C\b|\b(?:{words_pattern(lexicon.words('figures/temperature_cues'))})\b",
    re.IGNORECASE,
)
# "three times the legal limit", "five times more likely": a ratio, not a count of occasions.
_TIMES = re.compile(rf"\s+times\s+(?=(?:{words_pattern(WORDS.ratio_cues)})\b)", re.IGNORECASE)
# Unit spellings found case-insensitively ("20 Miles", "5 KM", "3 Tonnes") map to one unit.
_PHYSICAL_LOWER = {k.lower(): v for k, v in WORDS.physical_units.items()}
# "losing 110 pounds", "2,763 pounds of marijuana": pounds of weight, never of money (a cue
# word shortly before a number below 1,000, or "of" and a word that is no money after "pounds":
# "he lost 5 million pounds" is money).
_WEIGHT_BEFORE = re.compile(
    rf"\b(?:{words_pattern(WORDS.weight_cues)})\b[^.;:!?]{{0,30}}$", re.IGNORECASE
)
_WEIGHT_AFTER = re.compile(
    r"\s+of\s+(?!(?:the|his|her|their|its|our|my|your|this|that|public|taxpayers|tax|cash"
    r"|money|funds?|funding|investment|investors|damages|compensation|debts?)\b)[a-z]"
    # ... or ounces after them: "3 pounds and 2 ounces", "7 pounds, 4 oz"
    r"|,?\s+(?:and\s+)?(?:\d{1,2}(?:\.\d+)?|[a-z]+)\s?(?:ounces?|oz)\b"
)
# "he weighed 22 stones": the plural of the weight only after a weight word ("protesters threw
# 20 stones" are stones).
_STONES = re.compile(r"\s?stones\b", re.IGNORECASE)
# "18in of water", "a 12in pizza": inches, written glued to the digits only ("2 in 10" and
# "in 1990 in London" are the preposition), never after a year run into the next word by OCR.
_GLUED_INCH = re.compile(r"ins?(?![A-Za-z\d])")  # "12ins" too
# "a 24h strike", "48h later": hours, as the symbol is written glued to the digits (lower case
# only; "4H" is a pencil or a club, "1h30" a clock time left alone).
_GLUED_HOUR = re.compile(r"h(?!\w)")
# "The pencil is 2 in.", "a 3.5 in. screen": inches spaced, known by the dot of the
# abbreviation before the end of the text, a lower-case word or a bracket ("in 2013", "2 in 10"
# are the preposition).
_SPACED_INCH = re.compile(r"\s+in\.(?=\s*$|\s+[a-z(]|[,;)])")
# "he weighs 15st", "a 19st man", "11st 7lb": stone glued to the digits, as British papers write
# weights; never a numeric ordinal ("21st", "1st") unless pounds or a weight word go with it.
_GLUED_STONE = re.compile(r"st(?![A-Za-z\d])")
# "a 10x increase", "1.5x faster": a ratio written with a glued "x" (never "2x4", "4x4").
_GLUED_TIMES = re.compile(r"x(?![\w.,]|\s*[x×*]?\s*\d)")
_POUNDS_AFTER = re.compile(r"\s?\d{1,2}(?:\.\d+)?\s?lbs?\b", re.IGNORECASE)

# "#1m", "#220 million", "#250,000": the pound sign as the wire's copy mangles it ("#" for "£"),
# read as pounds only before an amount no rank or tag is written as: a scale word or thousands.
_HASH_AMOUNT = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")

# "340p" is pence, "720p" a screen: the lines of the video standards read with a "p".
_SCREEN_LINES = (144.0, 240.0, 360.0, 480.0, 576.0, 720.0)
# "£3.50p": an amount in pounds with a redundant "p" after it.
_POUNDS_BEFORE = re.compile(r"£\s?\d[\d.,]*$")
# "35 pounds per square inch": the pressure, never money.
_PSI = re.compile(r"(?:\s+|-)per(?:\s+|-)square(?:\s+|-)inch\b", re.IGNORECASE)
# "a 20-pound note", "a 50-pound fine": after a hyphenated pound, a word that makes it money.
_MONEY_NOUN = re.compile(
    r"\s+(?:notes?|fines?|bills?|coins?|fees?|tickets?|bets?|vouchers?|payments?|rewards?"
    r"|bribes?|cheques?|checks?|tips?|prizes?|bonus(?:es)?|donations?)\b",
    re.IGNORECASE,
)


@cache
def iso_codes() -> tuple[str, ...]:
    """ISO 4217 codes, the currency signs written as three capitals that stand for
    themselves ("SEK": SEK), read after an amount in capitals only ("450 SEK")."""
    return tuple(
        k for k, v in WORDS.currency_symbols.items() if k == v and re.fullmatch("[A-Z]{3}", k)
    )


@cache
def _pattern() -> re.Pattern[str]:
    """The unit right after a number, compiled once from the lexicon."""
    units = words_pattern(WORDS.duration_units)
    currency_words = words_pattern(WORDS.currency_words)
    percent = words_pattern(WORDS.percent_words)
    points = words_pattern(WORDS.percentage_points)
    # ... with every spelling of `unit_families.yaml` (thousands: compiled as a trie)
    physical = unitforms.trie([*WORDS.physical_units, *_PHYSICAL_LOWER, *unitforms.names()])
    signs = words_pattern(c for c in WORDS.currency_symbols if len(c) == 1)  # "15€", "4.50$"
    symbols = unitforms.trie(
        [*(w for w in WORDS.unit_symbols if len(w) > 1), *unitforms.symbols()]
    )
    symbols1 = unitforms.trie(
        [*(w for w in WORDS.unit_symbols if len(w) == 1), *unitforms.glued_symbols()]
    )
    # "kg/m³", "litres per second", "µg/m3": a rate, the unit it is per after "/" or "per"
    # ... or a duration after "a": "two million barrels a day", "5 kg a week"
    per = (
        rf"(?:\s?/\s?|\s+per\s+)(?:(?-i:{unitforms.trie(unitforms.per_symbols())})"
        rf"|(?i:{unitforms.trie(unitforms.per_units())}))"
        rf"|\s+an?\s+(?i:{unitforms.trie(unitforms.per_durations())})"
    )
    return re.compile(
        rf"^(?:(?P<pp>[\s-]?(?:{points})(?![A-Za-z]))|(?P<pct>[\s-]?(?:{percent})(?![A-Za-z]))"
        # ... "30-yearold": the hyphen of "year-old" lost in a scanned page
        rf"|[\s-]?(?P<dur>{units})(?:(?P<old>[-\s]?olds?\b)|\b)"
        rf"(?P<long>-long)?"
        # "a 5-square-mile farm", "a 3.5-cubic metre tank": a squared or cubed unit hyphenated
        rf"|-(?P<power>{unitforms.trie(unitforms.power_names())})(?![\w/-])"
        rf"|-(?!to-)(?P<hyph>(?:an?|per)-[a-z]+|[a-z]+)\b|\s*(?P<curw>{currency_words})\b"
        rf"|(?-i:(?P<curc>{words_pattern(numbers.glued_codes())})"
        rf"|\s?(?P<curm>{words_pattern(WORDS.scaled_currencies)})"
        rf"|\s?(?P<iso>{words_pattern(iso_codes())}))\b"
        rf"|\s?(?P<curs>{signs})(?![\w$€£¥]|\s?\d)"
        r"|(?-i:(?P<pence>p))(?!\w|\.m\b)"  # "22p", "99p." (never "5pm", "5p.m.")
        # symbols in their own case before names in any ("5 mW" milliwatts, "5 MW" megawatts)
        rf"|(?-i:\s?(?P<sym>{symbols})|(?P<sym1>{symbols1}))(?P<per1>{per})?(?![\w/])"
        rf"|\s?(?P<phys>{physical})(?P<per>{per})?(?![\w/]))",
        re.IGNORECASE,
    )


def after(
    text: str, end: int, parsed: tuple[float, float], share: bool
) -> tuple[int, str, str, str, tuple[float, float]]:
    """(new end, kind, unit, hyphen word, (low, high)) of the unit written after a number."""
    kind, unit, hyphen, factor = "count", "count", "", 1.0
    rest = text[end:]
    # "half an hour", "three quarters of a mile", "half a percentage point": a share of one unit
    article = re.match(r"\s+(?:of\s+)?an?(?=\s)", rest, re.IGNORECASE) if share else None
    unit_m = _pattern().match(rest[article.end() :] if article else rest)
    stones = _STONES.match(rest) if not share else None
    if stones and _WEIGHT_BEFORE.search(text, max(0, end - 45), end):
        return end + stones.end(), "quantity", "st", "", parsed
    if (
        text[end - 1 : end].isdigit()
        and _GLUED_F.match(rest)
        and (parsed[0] != int(parsed[0]) or parsed[0] < 0 or _fahrenheit_clause(text, end))
    ):  # "98.6F", "-4F": a fraction or a sign glued to F is no form's name either
        return end + 1, "quantity", "°F", "", parsed
    if text[end - 1 : end].isdigit() and (times := _GLUED_TIMES.match(rest)):
        return end + times.end(), "ratio", "times", "", parsed
    if (
        text[end - 1 : end].isdigit()
        and (glued := _GLUED_STONE.match(rest))
        and (
            not _ordinal_st(parsed[0])
            or _POUNDS_AFTER.match(rest, glued.end())
            or _WEIGHT_BEFORE.search(text, max(0, end - 45), end)
        )
    ):
        return end + glued.end(), "quantity", "st", "", parsed
    if not article and text[end - 1 : end].isdigit() and (inch := _SPACED_INCH.match(rest)):
        return end + inch.end(), "quantity", "inch", "", parsed
    if not article and text[end - 1 : end].isdigit() and _GLUED_HOUR.match(rest):
        return end + 1, "duration", WORDS.duration_units["hr"][0], "", parsed
    if (
        not article
        and text[end - 1 : end].isdigit()
        and _GLUED_INCH.match(rest)
        and not (parsed[0] == parsed[1] and 1500 <= parsed[0] <= 2099)
    ):
        return end + _GLUED_INCH.match(rest).end(), "quantity", "inch", "", parsed
    if unit_m and (
        not article
        or unit_m.group("dur")
        or unit_m.group("phys")
        or unit_m.group("sym")
        or unit_m.group("pp")
    ):
        shift = article.end() if article else 0
        if unit_m.group("pp"):
            kind, unit = "quantity", "percentage points"
        elif unit_m.group("pct"):
            kind, unit = "percent", "%"
        elif unit_m.group("dur"):
            unit, factor = WORDS.duration_units[unit_m.group("dur").lower()]
            kind = "age" if unit_m.group("old") else "duration"
            unit = f"{unit} old" if kind == "age" else unit  # "a six-month-old": months old
            hyphen = "long" if unit_m.group("long") else ""
        elif unit_m.group("power"):
            kind, unit = "quantity", unitforms.power_names()[unit_m.group("power").lower()]
        elif unit_m.group("hyph"):
            hyphen = unit_m.group("hyph").lower()
            if WORDS.fraction_words.get(hyphen) == 1:  # "twenty-first": an ordinal
                kind = "ordinal"
            elif hyphen == "old" and 0 < parsed[1] < 130:  # "the 27-old singer": "year" lost
                kind, unit, hyphen = "age", "years old", ""
            elif hyphen == "fold":  # "a 2.5-fold rise": a ratio, as "threefold" is
                kind, unit, hyphen = "ratio", "times", ""
            elif hyphen in WORDS.fraction_words:  # "two-thirds" of voters = 66.7 %
                factor = 100.0 / WORDS.fraction_words[hyphen]
                kind, unit, hyphen = "percent", "%", ""
            elif hyphen in _PHYSICAL_LOWER:  # "a 16-meter telescope"
                kind, unit, hyphen = "quantity", _PHYSICAL_LOWER[hyphen], ""
            elif hyphen in unitforms.names():  # "a 3-megapixel camera", "a 20-amp fuse"
                kind, unit, hyphen = "quantity", unitforms.names()[hyphen], ""
            elif hyphen in WORDS.currency_words and (hyphen != "pound" or parsed[0] >= 1e6):
                # "a 5-dollar bill", "a 2.5-million-dollar house" ("a 300-pound man" is a weight,
                # "a million-pound deal" money)
                kind, unit, hyphen = "money", WORDS.currency_words[hyphen], ""
            elif hyphen == "pound" and not _MONEY_NOUN.match(text, end + unit_m.end()):
                # "a 300-pound man", "a twenty-pound bag of rice": a weight ("a 20-pound note",
                # "a 50-pound fine" are money)
                kind, unit, hyphen = "quantity", "lb", ""
            elif hyphen == "pound":
                kind, unit, hyphen = "money", WORDS.currency_words[hyphen], ""
        elif unit_m.group("curm"):  # "120 MEUR": millions of euros
            unit, factor = WORDS.scaled_currencies[unit_m.group("curm").strip()]
            kind = "money"
        elif unit_m.group("pence"):  # pence glued to at most three digits ("1080p" a screen)
            if not (
                text[end - 1].isdigit()
                and parsed[1] < 1000
                and parsed[1] not in _SCREEN_LINES
                and "," not in text[end - 4 : end]
            ):
                return end, kind, unit, hyphen, parsed
            if _POUNDS_BEFORE.search(text, max(0, end - 16), end):
                return end + 1, kind, unit, hyphen, parsed  # "£3.50p": pounds, "p" redundant
            kind, unit = "money", WORDS.currency_words["pence"]
        elif unit_m.group("iso"):  # "450 SEK", "5bn NOK": an ISO 4217 code after the amount
            kind, unit = "money", unit_m.group("iso").strip()
        elif unit_m.group("curs"):
            kind, unit = "money", WORDS.currency_symbols[unit_m.group("curs").strip()]
        elif unit_m.group("curw") or unit_m.group("curc"):
            written = " ".join((unit_m.group("curw") or unit_m.group("curc")).lower().split())
            kind, unit = "money", WORDS.currency_words[written]
            if written in ("pounds", "pound") and (
                (parsed[1] < 1000 and _WEIGHT_BEFORE.search(text, max(0, end - 45), end))
                or _WEIGHT_AFTER.match(text, end + shift + unit_m.end())
            ):
                kind, unit = "quantity", "lb"  # "losing 110 pounds", "500 pounds of cocaine"
            psi = _PSI.match(text, end + shift + unit_m.end()) if kind == "money" else None
            if psi and written in ("pounds", "pound"):  # "35 pounds per square inch"
                kind, unit, end = "quantity", "psi", end + len(psi.group(0))
        elif unit_m.group("sym") or unit_m.group("sym1"):
            written = unit_m.group("sym") or unit_m.group("sym1")
            kind, unit = "quantity", WORDS.unit_symbols.get(written) or unitforms.unit_of(written)
        elif unit_m.group("phys") == "M":  # "$1.5 M", "1,674,200.5 M": a capital M is a million
            kind, unit, factor = "count", "count", 1e6
        elif unit_m.group("phys"):
            kind = "quantity"
            written = " ".join(unit_m.group("phys").split())
            unit = (
                WORDS.physical_units.get(written)
                or _PHYSICAL_LOWER.get(written.lower())
                or unitforms.names()[written.lower()]
            )
        per = unit_m.group("per") or unit_m.group("per1")
        if per and kind == "quantity":  # "kg/m³": the unit of the rate
            unit = f"{unit}/{_per_unit(per)}"
        end += shift + unit_m.end()
    elif share and _POINT.match(rest):
        pass  # "fell 1/4 point": a share of a point (a count of points), no percentage
    elif share:
        kind, unit, factor = "percent", "%", 100.0  # "two thirds of voters", "half the seats"
    elif times := _TIMES.match(rest):
        kind, unit = "ratio", "times"
        end += len(times.group(0).rstrip())
    return end, kind, unit, hyphen, (parsed[0] * factor, parsed[1] * factor)


@cache
def _compound_nouns() -> tuple[dict[str, str], frozenset[str]]:
    forms = lexicon.table("figures/compound_nouns")
    return {str(k): str(v) for k, v in forms.items()}, frozenset(
        lexicon.words("figures/size_compounds")
    )


def counted_noun(s: Span) -> str:
    """The noun a hyphenated count counts, as its lemma: "a 24-page indictment" (page), "a
    seven-count indictment" (count), "a 12-nation deal" (nation), "a 20-seater coach" (seat);
    the noun it modifies is then what the pages belong to, as for a duration ("a two-year
    sentence"). '' for any other figure, a rate ("four-a-week") and a word that sizes the noun
    it modifies ("a 1,000-strong force": `size_compounds.txt`)."""
    forms, sizes = _compound_nouns()
    if s.kind != "count" or not s.hyphen.isalpha() or s.hyphen in sizes:
        return ""
    return forms.get(s.hyphen) or name_or_lemma(s.hyphen)


@cache
def _of_currency() -> re.Pattern[str]:
    """ " of dollars", " of pounds": the currency a vague amount is of."""
    return re.compile(
        rf"\s+of\s+(?P<c>{words_pattern(w for w in WORDS.currency_words if w.endswith('s'))})\b"
        r"(?!\s+of\s+(?!(?:the|his|her|their|its|our|my|your|public|taxpayers)\b))",
        re.IGNORECASE,
    )


def of_currency(text: str, end: int) -> tuple[int, str] | None:
    """(new end, currency code) of "thousands of pounds", "millions of dollars": a vague amount
    of money; never "hundreds of pounds of cocaine" (a weight)."""
    m = _of_currency().match(text, end)
    if m is None:
        return None
    return m.end(), WORDS.currency_words[" ".join(m.group("c").lower().split())]


def hash_pounds(text: str, start: int, written: str, scale: float) -> bool:
    """Whether the number at `start` ("1m", "250,000") is an amount of pounds whose sign a
    scanned or wired text wrote as "#" ("#1m deal"); "#1", "#MeToo" and "No. 10" are no money."""
    return (
        text[start - 1 : start] == "#"
        and not text[start - 2 : start - 1].isalnum()
        and (scale > 1.0 or _HASH_AMOUNT.fullmatch(written) is not None)
    )


# "revenue is ($99.99)", "net income: (£5m)": an amount in brackets straight after a copula or a
# colon is negative, as accounts write it; after another amount it is a conversion ("$10,000
# (£6,000)"), kept as written.
_ACCOUNTS_BEFORE = re.compile(r"(?:\b(?:is|was|are|were|be|been)|:)\s*\($", re.IGNORECASE)


def bracketed_negative(text: str, start: int, end: int) -> bool:
    """Whether the money at text[start:end] is an accounts' negative: "is ($99.99)"."""
    return text[end : end + 1] == ")" and bool(
        _ACCOUNTS_BEFORE.search(text, max(0, start - 12), start)
    )


def metres(text: str, end: int, parsed: tuple[float, float]) -> tuple[int, str, str, str, tuple]:
    """(new end, kind, unit, hyphen word, (low, high)) of "5m" read as metres ("a 5m-high wall",
    "the 100m sprint"), a rate when one follows ("12m/s": m/s)."""
    after = METRES_AFTER.match(text, end)
    if after and after.group("per"):
        unit = f"m/{_per_unit(after.group('per'))}{'2' if after.group('sq') else ''}"
        return after.end(), "quantity", unit, "", parsed
    return end, "quantity", "m", "", parsed


def _per_unit(written: str) -> str:
    """The unit after "/" or "per" in a rate ("/m³" m3, " per hour" h)."""
    unit = written.strip().lstrip("/").strip()
    unit = re.sub(r"^(?:per|an?)\s+", "", unit, flags=re.IGNORECASE)
    return unitforms.unit_of(unit) or unit


def _fahrenheit_clause(text: str, end: int) -> bool:
    """Whether the clause around a number glued to "F" speaks of temperature."""
    start = max(0, end - 60)
    stop = min(len(text), end + 40)
    for m in re.finditer(r"[.;!?]\s", text[start:stop]):  # the clause, not the text around
        if start + m.start() < end:
            start = start + m.end()
        else:
            stop = start + m.start()
            break
    return bool(_TEMPERATURE_NEAR.search(text, start, stop))


def _ordinal_st(value: float) -> bool:
    """Whether "<value>st" is a numeric ordinal ("1st", "21st", "101st"; "11st" is stone)."""
    return value == int(value) and value % 10 == 1 and value % 100 != 11


# "1/4 point", "3/4-point": a share of a point.
_POINT = re.compile(r"[\s-]points?\b", re.IGNORECASE)


# Feet and inches written with primes: 5'10", 6′ 2″.
_PRIMES = re.compile(r"['’′]\s?(\d{1,2}(?:\.\d+)?)\s?[\"”″]")


@cache
def _smaller() -> dict[str, re.Pattern[str]]:
    """Larger unit -> the pattern of the smaller amount after it ("6ft| 2in", "| 10.")."""
    out = {}
    for big, (small, _) in WORDS.compound_units.items():
        names = [k for k, v in WORDS.physical_units.items() if v == small]
        # "6ft 6ins" too, and "6ft 3m": "in" read as "m" by OCR (no one adds metres to feet)
        names += ["in", "ins", "m", '"', "”", "″"] if small == "inch" else []
        out[big] = re.compile(
            rf"\s*,?\s*(?:and\s+)?(?P<n>\d{{1,2}}(?:\.\d+)?|{words_pattern(WORDS.number_words)})"
            rf"(?:\s?(?:{words_pattern(names)})(?![\w-])|(?=\s*(?:[.,;:)!?]|$|and\b|tall\b)))",
            re.IGNORECASE,
        )
    return out


def compound(text: str, spans: list[Span]) -> list[Span]:
    """A larger unit followed by a smaller one is one quantity in the larger unit: "6ft 2in"
    is 6.17 ft, "7lb 4oz" 7.25 lb, "5ft 10" 5.83 ft (the inches left unnamed, ending the
    clause); the smaller amount must be below one larger unit."""
    out: list[Span] = []
    consumed = -1
    for s in spans:
        if s.start < consumed:
            continue
        prime = _PRIMES.match(text, s.end) if s.kind == "count" and s.low == s.high else None
        if prime and 0 <= float(prime.group(1)) < 12:  # 5'10": feet and inches
            value = s.low + float(prime.group(1)) / 12
            out.append(
                replace(s, end=prime.end(), low=value, high=value, kind="quantity", unit="ft")
            )
            consumed = prime.end()
            continue
        pattern = _smaller().get(s.unit)
        m = pattern.match(text, s.end) if pattern and s.low == s.high else None
        if m:
            small = numbers.parse(m.group("n"))
            factor = WORDS.compound_units[s.unit][1]
            if small is not None and 0 <= small.value < factor:
                value = s.low + small.value / factor
                out.append(replace(s, end=m.end(), low=value, high=value))
                consumed = m.end()
                continue
        out.append(s)
    return out
