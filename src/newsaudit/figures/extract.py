"""Finding figure spans in text: digits and spelled numbers with their unit, dates, decades,
relative years ("last year"), ranges ("between 12,000 and 15,000") and qualifiers ("more than").

`spans` is a pure function of one text (and its publication date for relative years); what each
span measures is read afterwards by `figures.measures`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import replace
from functools import cache

from newsaudit import lexicon
from newsaudit.config import MONTHS, FiguresConfig
from newsaudit.figures import dates, forms, joins, nonfigures, numbers, ocr, units, uses
from newsaudit.figures.numbers import apply_qualifier, parse_number, words_pattern
from newsaudit.figures.span import DATE_KINDS, Span
from newsaudit.figures.spelled import TENS
from newsaudit.figures.words import WORDS
from newsaudit.text.fold import lower_keep_offsets

# "an hour and a half", "three miles and a half": half of the unit just read.
_AND_HALF = re.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE)
_MONTHS = "|".join(MONTHS)
# The suffix of a numeric ordinal by its last two digits ("1st", "11th", "22nd"); else "th".
_ORDINAL_SUFFIX = {
    i: {1: "st", 2: "nd", 3: "rd"}[i % 10]
    for i in range(100)
    if i % 10 in (1, 2, 3) and i // 10 != 1
}


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

# "a half bottle of whisky", "a half marathon", "a half empty bottle", "a half brother": "a half"
# before a word (no unit, no "of" or determiner) names a thing's size or kind, no share of a
# whole ("a half share", "a half stake" stay shares).
_HALF_THING = re.compile(
    r"\s+(?!(?:of|the|an?|his|her|their|its|our|my|your|this|that|share|stake|interest|part"
    r"|portion)s?\b)[a-z]{3,}\b"
)
# "two-faced", "a six-figure sum": a hyphenated number that is an adjective, no count.
_ADJECTIVE_COMPOUNDS = lexicon.word_set("figures/adjective_compounds")
# "the third-ranking Republican", "the second-term congressman": a spelled ordinal as a rank.
_RANK_COMPOUND = re.compile(
    rf"-(?:{words_pattern(lexicon.words('figures/rank_compounds'))})\b", re.IGNORECASE
)
# "handed over", "presided over": a verb whose particle "over" is, ending the text before it.
_OVER_VERB = re.compile(rf"\b(?:{words_pattern(WORDS.over_verbs)})\s+$", re.IGNORECASE)


def _shouted(words: tuple[str, ...]) -> list[str]:
    """The capitals spelling of words of four letters or more ("Room" -> "ROOM"); shorter ones
    ("No", "Cat") are words of their own in a capitals headline."""
    return [w.upper() for w in words if len(w) >= 4 and w[0].isupper()]


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """Every pattern of the extractor, compiled once per process from the lexicon."""
    grammar = numbers.patterns()
    vague = words_pattern(WORDS.vague_amounts)
    units = words_pattern(WORDS.duration_units)
    ordinals = words_pattern(WORDS.ordinal_words)
    mon = rf"(?:{_MONTHS}|(?:{words_pattern(WORDS.month_abbreviations)})\.?)"
    small = rf"\d{{1,3}}|{words_pattern(WORDS.number_words)}"
    # "1 in 10,000", "one in 50 million", "one in a million" (never a year: "5 in 2010")
    big = r"\d{1,3}(?:,\d{3})+(?![\d.])|(?!(?:1[5-9]|20)\d\d\b)\d{4,}(?![\d.,]\d)"
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
            rf"(?<![\w/.,])(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+)(?:st|nd|rd|th)\b|\b(?P<w>{ordinals})\b"
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
            rf"(?P<a>\b(?:(?:minus|negative)\s+)?(?:{small}))(?:\s+(?:in|out\s+of|over)\s+|-in-)"
            rf"(?P<b>(?:every\s+)?(?:{big}(?:\s+{scale})?|\d{{1,3}}\.\d+\s+{scale}|an?\s+{scale}"
            rf"|(?:{small})(?:[\s-]+(?:{small}))?(?:\s+{scale}"
            rf"(?:(?:\s+and)?\s+(?:{small})(?:[\s-]+(?:{small}))?)?)?))\b"
            rf"(?!\s*(?:{units})\b|[.,]\d)",  # never part of "7.6 million"
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


def _relation(text: str, start: int) -> str:
    before = text[max(0, start - 20) : start].lower()
    match = _patterns()["relation"].search(before)
    return WORDS.date_relations[" ".join(match.group(1).split())] if match else ""


def _is_baseline(text: str, start: int) -> bool:
    """Whether a number is the earlier or reference value of a change or comparison ("rose to
    5.4% from 5.1%", "down from a peak of 1,300", "fewer than the 24,000 added"): it is then
    keyed apart, never compared with the current value another article gives."""
    return bool(_patterns()["baseline"].search(text[max(0, start - 40) : start].lower()))


def _is_year(text: str, s: Span, toks_after: str, things: set[str]) -> bool:
    raw = text[s.start : s.end]
    if not re.fullmatch(r"(?:1[5-9]|20|21)\d\d", raw):
        return False
    nxt = re.match(r"\s*([A-Za-z]+)", toks_after)
    # "1997 victims" counts; "In 1997 Operation Lynx was" starts a name, after its year
    return not (nxt and nxt.group(1).lower() in things and not nxt.group(1).istitle())


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


def _number_spans(
    text: str, config: FiguresConfig, pats, taken: list[tuple[int, int]]
) -> list[Span]:
    things = {w for ws in WORDS.thing_classes.values() for w in ws} | set(WORDS.thing_classes)
    spans: list[Span] = []
    lowered, pos = lower_keep_offsets(text), 0
    named = -2  # end of the last number read as a name ("Boeing 737")
    while (m := pats["atom"].search(lowered, pos)) is not None:
        pos = m.end()
        if m.group("words") and (cut := numbers.split_at(m.group("words"))):
            pos = m.start() + cut  # "five six": two numbers side by side, read one by one
            if (m := pats["atom"].match(lowered, m.start(), pos)) is None:
                continue
        elif m.group("digits") and " / " in m.group(0) and numbers.parse(m.group(0)) is None:
            pos = m.start() + m.group(0).index(" / ")  # "scored 10 / 12": two numbers
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
                if number is None or uses.ordinal_use(low_raw, text, end, m.start()):
                    continue
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
                end, kind, unit, hyphen, (low, high) = end, "quantity", "m", "", parsed
            else:
                end, suffix = _suffix(text, end, pats)
                glued = end
                end, kind, unit, hyphen, (low, high) = units.after(text, end, parsed, number.share)
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
            and not hyphen
            and _is_year(text, span, text[end:], things)
            and not _compared(text, start, pats)
        ):
            span = replace(span, kind="year", unit="year")
        spans.append(span)
    for m in pats["ordinal"].finditer(lowered):
        if any(a < m.end() and m.start() < b for a, b in taken) or any(
            s.start < m.end() and m.start() < s.end for s in spans
        ):
            continue
        n = (
            int(m.group("n").replace(",", ""))
            if m.group("n")
            else WORDS.ordinal_words[m.group("w").lower()]
        )
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


def _qualify(text: str, s: Span, config: FiguresConfig, pats) -> Span:
    if s.kind in DATE_KINDS or s.qualifier:
        return s
    match = pats["qual"].search(text[max(0, s.start - 30) : s.start])
    if not match:
        return s
    word = " ".join(match.group(0).lower().split())
    if word == "over" and _OVER_VERB.search(
        text, max(0, s.start - 40), s.start - len(match.group(0))
    ):
        return s  # "handed over two envelopes": a particle, no "more than"
    kind = (
        WORDS.qualifiers[word]
        if word in WORDS.qualifiers
        else WORDS.qualifiers[word.replace(" ", "")]
    )
    low, high = apply_qualifier(s.low, s.high, kind, config)
    return replace(s, start=s.start - len(match.group(0)), low=low, high=high, qualifier=word)


def spans(text: str, config: FiguresConfig, published: dt.date | None = None) -> list[Span]:
    """Every number expression in the text, qualifiers applied, in text order."""
    text = ocr.digits(text)  # "3O million": one character for one, offsets kept
    pats = _patterns()
    blocked = nonfigures.spans(text)
    found_dates = [
        forms.century(text, d)
        for d in dates.date_spans(text, published, config, pats)
        if not any(a < d.end and d.start < b for a, b in blocked)
    ]
    fixed = [*found_dates, *forms.share_spans(text, pats), *forms.age_decade_spans(text, pats)]
    fixed += forms.age_group_spans(text, config)
    fixed += forms.short_decade_spans(text) + forms.bare_decade_spans(text)
    fixed += forms.or_two_spans(text) + forms.to_one_spans(text) + forms.digit_plural_spans(text)
    fixed += [
        y
        for y in forms.year_range_spans(text, pats)
        if not any(a < y.end and y.start < b for a, b in blocked)
    ]
    fixed = [
        f
        for i, f in enumerate(fixed)
        if not any(g.start < f.end and f.start < g.end for g in fixed[:i])
    ]
    taken = [*blocked, *[(d.start, d.end) for d in fixed], *forms.day_lists(text, found_dates)]
    numbers_found = _number_spans(text, config, pats, taken)
    numbers_found += [
        r
        for r in forms.ratio_spans(text, pats)
        if not any(a < r.end and r.start < b for a, b in taken)
    ]
    years = sorted(
        [*found_dates, *[n for n in numbers_found if n.kind == "year"]], key=lambda s: s.start
    )
    taken += [(s.start, s.end) for s in numbers_found]
    relative = [
        r
        for r in dates.relative_spans(text, published, config, pats, years)
        if not any(a < r.end and r.start < b for a, b in taken)
    ]
    found = joins.cents(text, joins.ranges(text, [*fixed, *numbers_found, *relative]))
    found = joins.durations(text, found)
    found = joins.unit_ranges(text, units.compound(text, found))
    found = joins.bounds(text, [_qualify(text, s, config, pats) for s in found])
    out = []
    for s in found:
        if s.kind in DATE_KINDS:
            s = replace(s, relation=_relation(text, s.start))
        elif _is_baseline(text, s.start):
            s = replace(s, relation="from")
        if config.round_tolerance and s.kind == "count" and not s.qualifier and not s.vague:
            low, high = apply_qualifier(s.low, s.high, "approx", config)
            s = replace(s, low=s.low - (s.low - low) * config.round_tolerance / 0.1)
            s = replace(s, high=s.high + (high - s.high) * config.round_tolerance / 0.1)
        out.append(s)
    return sorted(out, key=lambda s: (s.start, s.end))
