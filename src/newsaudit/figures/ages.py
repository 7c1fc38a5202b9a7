"""Ages written as bare numbers: news gives a person's age in apposition ("McCarthy, 49,
appeared") or after "aged" ("Malia and Sasha, aged 16 and 13"); the extractor reads a bare
number as a count, so these are turned into ages here, and the age of a named person is a
measure of its own ("age|mccarthy"): two outlets giving one person two ages disagree."""

from __future__ import annotations

import re
from dataclasses import replace

from newsaudit.figures.numbers import words_pattern
from newsaudit.figures.span import Span
from newsaudit.figures.words import WORDS

OLDEST = 120  # no age past this: "Boeing, 737," is no age
# "Weiner, 46, is married": a capitalised word, a comma, the number, a comma; "Ian Brown, 36,":
# the word before it, also capitalised, is kept apart (a given name or a title).
_APPOSITIVE = re.compile(r"(?:\b([A-Z][\w'’-]+)\s+)?\b([A-Z][\w'’-]+),\s+$")
# ... the number ends the apposition: a comma, the end of a sentence or line, a dash, or "and"
# and the next person ("Ian Brown, 36 and Peter Smith, 31"; never "Pinochet, 34 of them").
_APPOSITION_END = re.compile(
    r"(?:[,.;:)]|\s+[-–—]\s|\s+and\s+(?:[A-Z]|his\b|her\b|their\b)|[ \t]*(?:\n|$))"
)
# "The woman, now 47, said": the age a person has now, in apposition.
_NOW = re.compile(r"()\b([A-Za-z][\w'’-]+),\s+now\s+$")
# "Labrador, who is 46, would be": the same person told in a relative clause, the age ending it.
_RELATIVE = re.compile(
    r"(?:\b([A-Z][\w'’-]+)\s+)?\b([A-Z][\w'’-]+),\s+who\s+(?:is|was|turns|turned)\s+$"
)
# "aged 16", "ages 16 and 13", "aged between 20 and 30": the number (or a later one of a list).
_AGED = re.compile(r"\b(?:aged?|ages)\s+(?:between\s+)?(?:\d{1,3}\s*(?:,|and|to|or|-)\s*)*$", re.I)
# "at the age of 27", "a boy of 12", "A MAN of 82 appeared": the number ends the phrase (a
# punctuation mark or a verb after it, never a noun: "a man of 50 words" is no age).
_OF_AGE = re.compile(rf"\b(?:age|{words_pattern(WORDS.age_persons)})\s+of\s+$", re.IGNORECASE)
_AFTER_AGE = re.compile(
    r"(?:\s*[,.;:!?)\-—–]|\s*$|\s+(?:was|is|who|had|has|and|when|from|[a-z]+ed)\b)"
)
# "by the time he was 12", "when she was just 15", "I turned 40": one person's age, told with
# "was", "is" or "turned" after a singular personal pronoun (never "it was 12", "they were 12":
# a temperature, a count); the number ends the clause or another one follows ("... 12 he left").
_PRONOUN_AGE = re.compile(
    r"\b(?:he|she|i|who)\s+(?:was|is|turned|turns|had\s+turned|would\s+have\s+been|['’]s)\s+"
    r"(?:(?:just|only|still)\s+)?$",
    re.IGNORECASE,
)
_AFTER_PRONOUN_AGE = re.compile(
    r"(?:\s*[,.;:!?)\-—–]|\s*$|\s+(?:when|and|he|she|i|his|her|my|at|in|on|last|this)\b)",
    re.IGNORECASE,
)


def _whole(written: str) -> bool:
    """Plain ASCII digits of an age: "49" (not "10⁶", not "0")."""
    return bool(re.fullmatch(r"[0-9]{1,3}", written)) and 0 < int(written) < OLDEST


def _bare(text: str, s: Span) -> bool:
    """A plain count written as a whole number of at most 3 digits or spelled ("aged ten"),
    nothing around it."""
    written = text[s.start : s.end]
    spelled = written.isalpha() and written.lower() in WORDS.number_words
    plain = _whole(written) or (spelled and 0 < s.low < OLDEST)
    return s.kind == "count" and not s.vague and not s.qualifier and plain


def _person(text: str, start: int, end: int) -> re.Match[str] | None:
    """The match naming the person an age at text[start:end] is of: in apposition ("McCarthy,
    49,") or ending a relative clause ("Labrador, who is 46," / "who is 46."); None else."""
    before = text[max(0, start - 50) : start]
    if _APPOSITION_END.match(text, end):
        m = _APPOSITIVE.search(before) or _NOW.search(before)
        if m:
            return m
    if text[end : end + 1] in (",", ".", ";"):
        return _RELATIVE.search(before)
    return None


def appositive(text: str, start: int, end: int) -> str:
    """The person a number at text[start:end] is the age of, written in apposition
    ("McCarthy, 49,": McCarthy) or in a relative clause ending with it ("Labrador, who is
    46,"); '' when it is not such an age."""
    if not _whole(text[start:end]):
        return ""
    m = _person(text, start, end)
    return m.group(2) if m else ""


def given_name(text: str, start: int, end: int | None = None) -> str:
    """The capitalised word written before the person of an age in apposition at `start`
    ("Ian Brown, 36,": Ian; '' for "McCarthy, 49,"): two people of one family name are two
    people ("Ian Brown, 36" and his brother "Neil Brown, 39")."""
    if end is None:  # the number's end: the digits from `start`
        end = start + len(re.match(r"\d*", text[start:]).group(0))
    m = _person(text, start, end)
    return m.group(1) or "" if m else ""


# "Malia and Sasha Obama, aged": the people a list of ages after "aged" is of, in order (a
# family name after the last one is left out).
_NAME = r"[A-Z][\w'’-]+"
_NAMED_LIST = re.compile(
    rf"\b({_NAME}(?:\s*,\s*{_NAME})*(?:,?\s+and\s+{_NAME})?)(?:\s+{_NAME})?,\s+$"
)


def _aged(text: str, s: Span) -> tuple[bool, str]:
    """(whether the number follows "aged" / "ages", alone or in a list; the person it is the
    age of when the names before "aged" are as many as the ages: "Malia and Sasha Obama, aged
    17 and 13 respectively": 17 Malia, 13 Sasha)."""
    before = text[max(0, s.start - 40) : s.start]
    m = _AGED.search(before)
    if not m:
        return False, ""
    index = len(re.findall(r"\d+", m.group(0)))
    after = re.match(r"(?:\s*(?:,|and|or)\s*\d{1,3})*", text[s.end : s.end + 40])
    count = index + 1 + len(re.findall(r"\d+", after.group(0) if after else ""))
    start = max(0, s.start - len(m.group(0)) - 80)
    names = _NAMED_LIST.search(text[start : s.start - len(m.group(0))])
    people = re.split(r"\s*,\s*|,?\s+and\s+", names.group(1)) if names else []
    return True, people[index] if len(people) == count else ""


# "aged between 11 and 16", "aged 11 to 16", "aged 15 or 16": a range of ages after "aged".
_AGE_RANGE = re.compile(r"(?:between\s+)?\d{1,3}\s*(?:-|–|to|and|or)\s*\d{1,3}", re.IGNORECASE)


def _aged_range(text: str, s: Span) -> bool:
    """A range of whole numbers written after "aged" / "ages" ("boys aged between 11 and 16")."""
    return (
        s.kind == "count"
        and not s.qualifier
        and 0 < s.low < s.high < OLDEST
        and _AGE_RANGE.fullmatch(text, s.start, s.end) is not None
        and _AGED.search(text, max(0, s.start - 40), s.start) is not None
    )


def as_age(text: str, s: Span) -> tuple[Span, str]:
    """(the span, read as an age when it is one; the person it is the age of, or '')."""
    if _aged_range(text, s):
        return replace(s, kind="age", unit="years old"), ""
    if not _bare(text, s):
        return s, ""
    person = appositive(text, s.start, s.end)
    aged, listed = _aged(text, s) if not person else (False, "")
    aged = (
        aged
        or bool(
            _OF_AGE.search(text, max(0, s.start - 20), s.start) and _AFTER_AGE.match(text, s.end)
        )
        or bool(
            _PRONOUN_AGE.search(text, max(0, s.start - 30), s.start)
            and _AFTER_PRONOUN_AGE.match(text, s.end)
        )
    )
    if person or aged:
        return replace(s, kind="age", unit="years old"), person or listed
    return s, ""
