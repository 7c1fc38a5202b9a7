"""Numbers that count nothing: clock times ("7 pm", "19:00", "10 o'clock", "Embargoed to 1000"),
telephone numbers and the emergency services' ("a 999 call"), web addresses, the number of an
item in a list, the other day of a span of days ("May 3-8") and scores ("a 3-2 win", "a
three-to-two judgment").

`spans` gives where they stand in a text; `figures.extract.spans` reads no figure there.
"""

from __future__ import annotations

import re
from functools import cache

from newsaudit import lexicon
from newsaudit.config import MONTHS
from newsaudit.figures.numbers import words_pattern
from newsaudit.figures.words import WORDS


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The patterns of numbers that count nothing, compiled once per process."""
    mon = rf"(?:{'|'.join(MONTHS)}|(?:{words_pattern(WORDS.month_abbreviations)})\.?)"
    hours = words_pattern(w for w, n in WORDS.number_words.items() if n <= 12)
    small = words_pattern(w for w, n in WORDS.number_words.items() if n <= 20)
    return {
        # "May 3-8", "28-29 August": the other day of a span of days is part of the date
        "day_span": re.compile(
            rf"\b{mon}\s+\d{{1,2}}(?:st|nd|rd|th)?[-–](?P<tail>\d{{1,2}})(?:st|nd|rd|th)?\b(?![-–/.]\d)"
            rf"|(?<![\w\-–/.])(?P<head>\d{{1,2}}(?:st|nd|rd|th)?[-–])"
            rf"(?=\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{mon}(?!\w))"
        ),
        "time": re.compile(
            r"\d(?<![\w.:]\d)(?:\d?(?:[:.]\d{2})?\s*[ap]\.?m\b\.?"
            r"|\d?:\d{2}(?::\d{2})?(?![\d:])"
            # British "4.30": a time of day when a part of the day follows ("at 4.30 that day",
            # "from 7.30 in the morning"); alone ("closed at 1.45.") it may be a rate, kept.
            # The hour is 00-19 ("[01]" read, then a digit), 0-9, or 20-23 ("2" read, then 0-3).
            r"|(?:(?<=[01])\d|(?<=\d)|(?<=2)[0-3])\.[0-5]\d(?=\s+(?:in\s+the\s+(?:morning|afternoon"
            r"|evening)|at\s+night|(?:that|this|on\s+\w+)\s+(?:day|night|morning|afternoon|evening)"
            r"|tonight|yesterday|today)\b))",
            re.IGNORECASE,
        ),
        # "at 10 o'clock", "five o’clock in the morning": an hour of the clock
        "oclock": re.compile(
            rf"\b(?:\d{{1,2}}|{hours})"
            r"(?:[.:]\d\d)?\s*o['’]\s?clock\b",
            re.IGNORECASE,
        ),
        "url": re.compile(r"\b(?:https?://|www\.)\S+"),
        # A 24-hour time in four digits: "Embargoed to 1000 Tuesday", "at 0600 GMT", "1530 hrs"
        "clock": re.compile(
            r"(?<![\w.,:])(?:[01]\d|2[0-3])[0-5]\d(?![\w.,:])"
            r"(?:(?<=embargoed to \d{4})|(?<=embargoed until \d{4})"
            r"|(?=\s?(?:GMT|BST|UTC|CET|hrs)\b))",
            re.IGNORECASE,
        ),
        # "a 999 call", "911 dispatchers", "she dialled 999": the number of a service, no count
        "emergency": re.compile(
            r"(?P<verb>\b(?:dialled|dialed|dialling|dialing|called|calling|rang|phoned)\s+)?"
            rf"(?P<n>(?<![\w,.])(?:{words_pattern(lexicon.words('figures/emergency_numbers'))})"
            r"(?![\w,.]\w))"
            r"(?(verb)(?=\s*(?:[.,;:!?)\"'’”]|$|\s(?:and|but|from|to|for|at|after|when|on|in|or)\b))"
            r"|(?=\s+(?:calls?|callers?|operators?|dispatch(?:ers?)?|services?|lines?)\b))",
            re.IGNORECASE,
        ),
        # "34. Torturing Luis ...", "6. Magic Treehouse": the number of an item in a list, at
        # the start of a line (a literal newline first: the search skips to it).
        "list_item": re.compile(r"\n[ \t]*(\d{1,3})\.[ \t]+(?=[A-Z\"“(])"),
        # "+44 20 7946 0958", "+1-222-2222/2222", "(555) 123-4567", "555-123-4567"
        "phone": re.compile(
            r"(?=[+(\d])(?:(?<![\w+])\+\d{1,3}(?:[\s\-./]\(?\d{2,5}\)?){2,}(?![\w])"
            r"|(?<![\w.\-])\(?\d{3}\)?[\s.\-]\d{3}[.\-]\d{4}(?![\w\-])"
            # a trunk prefix 0 starts a national number, no figure: "01932 845544", "0800 555 0199"
            r"|(?<![\w.,\-])(?<!\d[\s\-])\(?0\d{2,4}\)?(?:[\s\-]\d{3,6}){1,2}(?![\w\-]|[.,]\d))"
        ),
        "score": re.compile(r"(\d(?<![\w.,\-–/]\d)\d?)[-–](\d{1,2})(?![\w%\-–/]|[.,]\d)"),
        # "a three-to-two judgment", "a 5-to-4 ruling": a tally with "to" hyphenated
        "score_to": re.compile(
            rf"(?<![\w\-–/.,])(?P<a>\d{{1,2}}|{small})-to-(?P<b>\d{{1,2}}|{small})(?![\w\-–/]|[.,]\d)",
            re.IGNORECASE,
        ),
        # What every day span and score holds: a digit, a dash and a digit ("3-8", "28th-29").
        "dashed_digits": re.compile(r"\d(?:st|nd|rd|th)?[-–]\d"),
    }


def _tally(m: re.Match[str]) -> bool:
    """Whether "a-to-b" is a tally: b at least two and no larger than a ("three-to-two");
    "10-to-1" is a ratio (`forms.to_one_spans`), "10-to-15" a range."""
    a, b = (
        int(x) if x.isdigit() else WORDS.number_words[x.lower()]
        for x in (m.group("a"), m.group("b"))
    )
    return 2 <= b <= a


def spans(text: str) -> list[tuple[int, int]]:
    """Spans holding numbers that count nothing: clock times ("7 pm", "19:00", "0600 GMT"),
    telephone and emergency numbers, web addresses, list items, the other day of a span of days
    and scores ("a 3-2 win", "a three-to-two judgment": the second number no larger than the
    first, so never a range)."""
    pats = _patterns()
    out = [(m.start(), m.end()) for m in pats["time"].finditer(text)]
    out += [(m.start(), m.end()) for m in pats["phone"].finditer(text)]
    out += [(m.start(), m.end()) for m in pats["url"].finditer(text)]
    if "clock" in text:
        out += [m.span() for m in pats["oclock"].finditer(text)]
    out += [m.span("n") for m in pats["emergency"].finditer(text)]
    out += [m.span() for m in pats["clock"].finditer(text)]
    # (a newline put first so that a list's first line starts one too: offsets one less)
    out += [(m.start(1) - 1, m.end(1) - 1) for m in pats["list_item"].finditer(f"\n{text}")]
    if "-to-" in text or "-TO-" in text:
        out += [m.span() for m in pats["score_to"].finditer(text) if _tally(m)]
    if not pats["dashed_digits"].search(text):
        return out  # no day span, no score
    for m in pats["day_span"].finditer(text):
        part = "tail" if m.group("tail") else "head"
        out.append((m.start(part), m.end(part)))
    for m in pats["score"].finditer(text):
        if int(m.group(2)) <= int(m.group(1)):
            out.append((m.start(), m.end()))
    return out
