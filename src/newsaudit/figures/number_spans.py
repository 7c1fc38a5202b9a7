"""Reading number spans in text: digits and spelled numbers with the unit after them,
qualifiers written after the number ("or more", "-plus"), years, names that hold a number
("Boeing 737") left out; and numeric or spelled ordinals ("the 21st", "the third").

Called by `figures.extract.spans` with the compiled patterns (`pats`) and the stretches of text
already read as other figures (`taken`).
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from newsaudit import lexicon
from newsaudit.config import CALENDAR_WORDS, FiguresConfig
from newsaudit.figures import joins, numbers, spelled, units, uses
from newsaudit.figures.numbers import apply_qualifier, parse_number, words_pattern
from newsaudit.figures.span import Span
from newsaudit.figures.words import WORDS
from newsaudit.text.fold import lower_keep_offsets

# "an hour and a half", "three miles and a half": half of the unit just read.
_AND_HALF = re.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE)
# The suffix of a numeric ordinal by its last two digits ("1st", "11th", "22nd"); else "th".
_ORDINAL_SUFFIX = {
    i: {1: "st", 2: "nd", 3: "rd"}[i % 10]
    for i in range(100)
    if i % 10 in (1, 2, 3) and i // 10 != 1
}
# "nine and one fifth", "4 and a third": a mixed number, a whole and a fraction of one.
_MIXED = re.compile(r"[a-z\d]\s+and\s+(?:an?|one)\s+[a-z]+$")
# "19 9/11": digits before a slash that makes no mixed number with them.
_WHOLE_BEFORE_SLASH = re.compile(r"\d+(?=[\s-]+\d+/\d)")
# "a half bottle of whisky", "a half marathon", "a half empty bottle", "a half brother": "a half"
# before a word (no unit, no "of" or determiner) names a thing's size or kind, no share of a
# whole ("a half share", "a half stake" stay shares).
_HALF_THING = re.compile(
    r"\s+(?!(?:of|the|an?|his|her|their|its|our|my|your|this|that|share|stake|interest|part"
    r"|portion)s?\b)[a-z]{3,}\b"
)
# "in two thousand and eight", "since two thousand and ten": a spelled year after a preposition
# of time (alone, "two thousand and eight" may be a count).
_YEAR_BEFORE = re.compile(r"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill)\s+$")
# The capitalised word right before a number, and the word or sign before that one.
_NAME_HEAD = re.compile(r"(^|[.!?:;\"“(]\s*|\b\w+\s+)?\b([A-Z][a-z]+)[ \t]+$")
# "3 per mille", "0.8‰": parts per thousand, a tenth of a percentage point each
_PER_MILLE = re.compile(
    rf"\s?(?:{words_pattern(lexicon.words('figures/per_mille_words'))})(?!\w)", re.IGNORECASE
)
# "two-faced", "a six-figure sum": a hyphenated number that is an adjective, no count.
_ADJECTIVE_COMPOUNDS = lexicon.word_set("figures/adjective_compounds")
# "the third-ranking Republican", "the second-term congressman": a spelled ordinal as a rank.
_RANK_COMPOUND = re.compile(
    rf"-(?:{words_pattern(lexicon.words('figures/rank_compounds'))})\b", re.IGNORECASE
)


def _is_year(text: str, s: Span, toks_after: str, things: set[str]) -> bool:
    raw = text[s.start : s.end]
    if not re.fullmatch(r"(?:1[5-9]|20|21)\d\d", raw):
        return False
    nxt = re.match(r"\s*([A-Za-z]+)", toks_after)
    # "1997 victims" counts; "In 1997 Operation Lynx was" starts a name, after its year
    return not (nxt and nxt.group(1).lower() in things and not nxt.group(1).istitle())


def _plural(word: str) -> bool:
    """A lower-case plural noun ("seats", "times", "pistols"; not "class", "his", "is")."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _name_head(text: str, start: int, raw: str, things: set[str]) -> bool:
    """Whether a bare integer ends a name that holds a number ("Studio 54", "Area 51", "a Top 10
    finish", "Day 3 of the trial", "World War 2"): right after a capitalised word that is
    neither a month or weekday nor the first of its sentence, in a line not written in title
    case ("Police Arrest 54 Protesters" counts); "the top 10 earners" counts, and so do a
    number before a comma ("Alan Hobbs 32, was jailed": an age) and one before people or
    "times" ("told Reuters 12 people died", "prosecuted Thames Water 24 times"), and one before
    a plural noun, what it counts ("gives the Unity Party 130 seats")."""
    after = re.match(r",|\s+([a-z]+)", text[start + len(raw) : start + len(raw) + 20])
    if after and (after.group(1) is None or after.group(1) in things or _plural(after.group(1))):
        return False
    if not re.fullmatch(r"\d{1,4}", raw) or re.fullmatch(r"(?:1[5-9]|20|21)\d\d", raw):
        return False  # (years are read as years: "Christmas Day 1996", "Euro 2016")
    before = _NAME_HEAD.search(text, max(0, start - 60), start)
    if before is None or before.group(2) in CALENDAR_WORDS:
        return False
    if before.group(1) is None or not before.group(1)[:1].isalnum():
        return False  # "Yesterday 54 people ...", "Ohio lost 5, Texas 7": a sentence or item opens
    return not uses.in_headline(text, start, start + len(raw))


def _spelled_year(text: str, start: int, end: int, things: set[str]) -> int:
    """The year spelled in text[start:end] as two pairs of digits ("nineteen eighty-four",
    "twenty twenty"), 1 when it is a title inside a sentence ("the novel Nineteen Eighty-Four"),
    0 when it is no year: an age or a count before a hyphen or a counted noun ("fifteen
    twenty-year-olds", "sixteen twenty people")."""
    raw = text[start:end]
    if "," in raw or (found := spelled.year(raw)) is None:
        return 0
    after = re.match(r"-|\s+([a-z]+)", text[end : end + 20])
    if after and (after.group(1) is None or after.group(1) in things):
        return 0
    opens = re.search(r"(?:^|[.!?:;\"“(\n])\s*$", text[max(0, start - 5) : start])
    return 1 if raw[:1].isupper() and not opens else found


def _compared(text: str, start: int, pats) -> bool:
    """Whether a strict comparative stands before the number ("above 1000 and below 1500",
    "more than 2000"): it is then an amount, never a year ("by 2030", "until 2013" are no
    comparatives, and "about 2010" may be a year)."""
    match = pats["qual"].search(text[max(0, start - 30) : start])
    if not match:
        return False
    word = " ".join(match.group(0).lower().split())
    return WORDS.qualifiers.get(word, WORDS.qualifiers.get(word.replace(" ", ""))) in ("gt", "lt")


def _suffix(text: str, end: int, pats) -> tuple[int, str]:
    """(new end, qualifier) of a qualifier written after a number ("or more", "-plus", "+")."""
    match = pats["suffix"].match(text[end:])
    if not match:
        return end, ""
    word = " ".join(match.group(0).lower().lstrip("-").split())
    return end + match.end(), word


def number_spans(
    text: str, config: FiguresConfig, pats, taken: list[tuple[int, int]]
) -> list[Span]:
    things = {w for ws in WORDS.thing_classes.values() for w in ws} | set(WORDS.thing_classes)
    """Every number written in digits or words, with its unit, qualifier after it and kind;
    nothing inside `taken`."""
    spans: list[Span] = []
    lowered, pos = lower_keep_offsets(text), 0
    named = -2  # end of the last number read as a name ("Boeing 737")
    while (m := pats["atom"].search(lowered, pos)) is not None:
        pos = m.end()
        if m.group("words") and (year := _spelled_year(text, m.start(), m.end(), things)):
            if year > 1 and not any(a < m.end() and m.start() < b for a, b in taken):
                spans.append(Span(m.start(), m.end(), year, year, "year", "year"))
            continue  # "in nineteen eighty-four"; "the novel Nineteen Eighty-Four" (1): a name
        if (
            m.group("words")
            and (o := pats["ordinal"].match(lowered, m.start()))
            and o.end() > m.end()
        ):
            continue  # "four hundred and second": a compound ordinal, read by `ordinal_spans`
        if m.group("words") and (cut := numbers.split_at(m.group("words"))):
            pos = m.start() + cut  # "five six": two numbers side by side, read one by one
            if (m := pats["atom"].match(lowered, m.start(), pos)) is None:
                continue
        elif m.group("digits") and " / " in m.group(0) and numbers.parse(m.group(0)) is None:
            pos = m.start() + m.group(0).index(" / ")  # "scored 10 / 12": two numbers
            if (m := pats["atom"].match(lowered, m.start(), pos)) is None:
                continue
        elif (
            m.group("digits")
            and (whole := _WHOLE_BEFORE_SLASH.match(m.group(0)))
            and numbers.parse(m.group(0)) is None
        ):
            pos = m.start() + whole.end()  # "the 19 9/11 hijackers": a count, then a name
            if (m := pats["atom"].match(lowered, m.start(), pos)) is None:
                continue
        if any(a < m.end() and m.start() < b for a, b in taken) or (
            spans and m.end() <= spans[-1].end
        ):
            continue  # inside a figure already read ("5 degrees below zero")
        raw = text[m.start() : m.end()]
        end = m.end()
        cased = re.search(r"(?<=\d)[A-Za-z]+$", raw) if m.group("digits") else None
        if cased and numbers.cased_suffixes().get(cased.group(0).lower(), cased.group(0)) != (
            cased.group(0)
        ):
            raw, end = raw[: cased.start()], m.start() + cased.start()  # "35mm": a unit
        low_raw = " ".join(raw.lower().split())
        start_shift = 0
        hyphen, suffix = "", ""
        if m.group("decade"):
            kind, unit = "duration", "years"
            low, high = (20.0, 99.0) if low_raw.endswith("decades") else (10.0, 10.0)
            long_m = re.match(r"-long\b", text[end:])
            if long_m:
                end += long_m.end()
                hyphen = "long"
                article = re.match(r"(?:an?|one)\s+", raw, re.IGNORECASE)
                start_shift = article.end() if article else 0
        else:
            if m.group("one"):
                if units.PER_UNIT_BEFORE.search(text[max(0, m.start() - 20) : m.start()]):
                    continue  # "$3 a gallon", "two a penny": a price per unit, not one unit
                number = numbers.Number(1.0)
            elif m.group("half"):
                before = text[max(0, m.start() - 12) : m.start()].lower()
                if re.search(r"\b(?:first|second|other|latter|former|better|back)\s+$", before):
                    continue  # "the first half of the year": a period, not a share
                number = numbers.Number(0.5, share=True)
            elif low_raw in WORDS.vague_amounts:
                number = numbers.Number(math.nan)
            else:
                number = numbers.parse(raw)
                if number is None or (
                    not _MIXED.search(low_raw) and uses.ordinal_use(low_raw, text, end, m.start())
                ):
                    continue  # (a whole number and a fraction is never an ordinal)
            if low_raw in WORDS.vague_amounts:
                parsed = parse_number(raw, config)
            else:
                parsed = (number.value, number.value)
            priced = pats["currency"].search(text[max(0, m.start() - 5) : m.start()])
            # No writer scales four plain digits: "the 1500m final", "at 2000m" are metres,
            # "a 1500b packet" no billion ("£1500m" keeps its million).
            plain = re.fullmatch(r"\d{4,}([mb])", raw) if not priced else None
            if plain and plain.group(1) == "b":
                parsed = (parsed[0] / 1e9, parsed[1] / 1e9)
                end, kind, unit, hyphen, (low, high) = end, "count", "count", "", parsed
            elif (
                re.search(r"\dm$", raw)
                and not priced
                and (
                    plain
                    or units.METRES_AFTER.match(text, end)
                    or units.METRES_BEFORE.search(text, max(0, m.start() - 50), m.start())
                )
            ):
                parsed = (parsed[0] / 1e6, parsed[1] / 1e6)  # "a 5m-high wall": metres
                end, kind, unit, hyphen, (low, high) = units.metres(text, end, parsed)
            else:
                end, suffix = _suffix(text, end, pats)
                glued = end
                end, kind, unit, hyphen, (low, high) = units.after(text, end, parsed, number.share)
                if kind == "count" and end == glued and (mille := _PER_MILLE.match(text, end)):
                    end, kind, unit = mille.end(), "percent", "%"  # "3 per mille" is 0.3%
                    low, high = low / 10, high / 10
                if priced and kind in ("duration", "age", "quantity") and end > glued:
                    end, kind, unit, (low, high) = glued, "count", "count", parsed  # "£220m year"
                if kind == "percent" and low_raw == "a half" and _HALF_THING.match(text, end):
                    continue  # "a half bottle", "a half marathon": no share
                if end == glued and text[end : end + 1].isalpha() and raw[-1:].isdigit():
                    continue  # "5G", "3D", "12v": letters glued to the number name something
                if len(hyphen) == 1 and kind == "count":
                    continue  # "3-D", "4-H": one letter after a hyphen, a name too
                if kind == "count" and hyphen in _ADJECTIVE_COMPOUNDS:
                    continue  # "two-faced", "a four-pronged attack", "a 12-bore shotgun"
                if (
                    low_raw in ("zero", "0")
                    and kind in ("count", "duration")
                    and text[m.end() : m.end() + 1] == "-"
                    and (low_raw == "zero" or text[m.end() + 1 : m.end() + 2].isalpha())
                ):
                    continue  # "zero-rated", "zero-day", "five 0-levels": a kind, no figure
            if not suffix:
                end, suffix = _suffix(text, end, pats)
            below = units.BELOW_ZERO.match(text, end) if unit in ("degree", "°C", "°F") else None
            if below:  # "20 degrees below zero" is -20
                end, low, high = below.end(), -high, -low
            half = _AND_HALF.match(text, end) if kind in ("duration", "quantity") else None
            if half and low == high and not number.share:  # "two hours and a half"
                end, low, high = half.end(), low + 0.5, high + 0.5
        if kind == "ordinal":
            continue  # spelled ordinals are read by the ordinal pattern below
        vague = low_raw in WORDS.vague_amounts
        if vague and kind == "count" and (money := units.of_currency(text, end)):
            end, kind, unit = money[0], "money", money[1]  # "thousands of pounds"
        if low_raw in WORDS.vague_need_unit and kind not in ("duration", "age"):
            continue
        if vague and low_raw.endswith(" of") and not re.match(r"\s+[a-z]", text[m.end() :]):
            continue  # "scores of people" counts, "scores of 6-4" are results
        if low_raw in ("a", "an") and kind == "count" and not suffix:
            continue  # "a" counts one only of a unit ("a mile")
        if low_raw == "a dozen" and units.PER_UNIT_BEFORE.search(
            text, max(0, m.start() - 20), m.start()
        ):
            continue  # "64.2 cents a dozen": a price per dozen, no count
        if (
            low_raw in ("a", "an")
            and kind == "money"
            and units.NOTHING_BEFORE.search(text, max(0, m.start() - 45), m.start())
        ):
            continue  # "would not pay back a penny", "never saw a dollar": nothing, no amount
        if (
            low_raw == "one"
            and kind == "count"
            and not suffix
            and uses.pronoun_one(text, m.start(), end)
        ):
            continue  # "one of the", "this one", "one another": a pronoun, not a figure
        if kind == "count" and m.group("words") and uses.name_number(text, m.start(), end):
            continue  # "Crematorium Two", "the Final Four": a name
        if low_raw == "one" and kind == "duration" and uses.indefinite_time(text, m.start(), end):
            continue  # "One day in October she told him": some day, no duration
        start = m.start() + start_shift
        scale = 1.0 if m.group("vague") or m.group("decade") else numbers.scale_of(raw)
        if kind == "count" and units.hash_pounds(text, start, raw, scale):
            kind, unit, start = "money", "GBP", start - 1  # "#1m": the wire's mangled "£"
        if (
            kind == "count"
            and (
                pats["identifier"].search(text[max(0, start - 12) : start])
                or (text[start - 1 : start] == "#" and scale == 1.0)
                or (start == named + 1 and text[named] in "-/.")
                or re.match(r"\([a-z]\)", text[end : end + 3])  # "a 401(k) plan", "501(c)(3)"
                or text[start - 2 : start] == ")("
                or (raw[-1:].isdigit() and uses.house_number(text, end))  # "10 Downing Street"
                # "Studio 54", "Area 51", "Day 3 of the trial"
                or (scale == 1.0 and not suffix and _name_head(text, start, raw, things))
            )
        ):
            named = end  # "Boeing 737-800", "Directive 2003/87": the name goes on
            continue  # "S&P 500", "Article 5", "Boeing 737", "#1": a name or a rank, not a count
        cur = pats["currency"].search(text[max(0, start - 5) : start])
        if cur and kind == "count":
            kind, unit = "money", WORDS.currency_symbols[cur.group(0).strip()]
            start -= len(cur.group(0))
            if re.search(r"(?:^|[\s(])[-−]$", text[max(0, start - 2) : start]) and low >= 0:
                start, low, high = start - 1, -high, -low  # "a loss of -$5m"
            elif units.bracketed_negative(text, start, end) and low >= 0:
                low, high = -high, -low  # "the annual revenue is ($99.99)"
        if suffix:
            low, high = apply_qualifier(low, high, WORDS.suffix_qualifiers[suffix], config)
        span = Span(start, end, low, high, kind, unit, suffix, vague, hyphen=hyphen, scale=scale)
        if (
            kind == "count"
            and m.group("words")
            and low == high
            and low_raw.startswith("two thousand")
            and low in range(2000, 2100)
            and _YEAR_BEFORE.search(text, max(0, start - 8), start)
            and (nxt := re.match(r"\s+([a-z]+)|", text[end : end + 30])) is not None
            and nxt.group(1) not in things
        ):
            span = replace(span, kind="year", unit="year")  # "in two thousand and eight"
        elif (
            kind == "count"
            and not hyphen
            and _is_year(text, span, text[end:], things)
            and not _compared(text, start, pats)
        ):
            span = replace(span, kind="year", unit="year")
        spans.append(span)
    return spans


def ordinal_spans(text: str, pats, taken: list[tuple[int, int]], spans: list[Span]) -> list[Span]:
    """The number spans with every ordinal added ("the 21st", "the third"): a rank, never a
    count; nothing inside `taken` or inside a number span already read."""
    spans = list(spans)
    lowered = lower_keep_offsets(text)
    for m in pats["ordinal"].finditer(lowered):
        if any(a < m.end() and m.start() < b for a, b in taken) or any(
            s.start < m.end() and m.start() < s.end for s in spans
        ):
            continue
        n = (
            int(m.group("n").replace(",", ""))
            if m.group("n")
            else spelled.ordinal_value(m.group("w"))
        )
        if n is None:
            continue
        if (
            m.group("w")
            and not re.match(r"\s+[a-z]", text[m.end() :])
            and not _RANK_COMPOUND.match(text, m.end())
            and not (
                spans
                and spans[-1].kind == "ordinal"
                and joins.ordinal_pair(text, spans[-1], m.start()) is not None
            )
        ):
            continue  # (the end of "between the tenth and the fifteenth" ends a clause)
        if uses.street_name(text, m.end()) or uses.ordinal_name(text, m.start(), m.end()):
            continue  # "West 73rd Street", "the 18th Amendment", "the 112th Congress": a name
        if m.group("n") and m.group(0)[-2:].lower() != _ORDINAL_SUFFIX.get(n % 100, "th"):
            continue  # "12st" is 12 stone, never an ordinal (12th)
        if re.match(r"[\s-]+centur(?:y|ies)\b", text[m.end() :], re.IGNORECASE):
            continue  # "the 21st century", "21st-century telescopes": an era, no figure
        if m.group("w") and not re.search(
            r"(?:\b[Tt]he|['’]s)\s+$", text[max(0, m.start() - 5) : m.start()]
        ):
            continue  # spelled ordinals count only as "the third ...", else "second" is a verb
        spans.append(Span(m.start(), m.end(), n, n, "ordinal", "ordinal"))
    return spans
