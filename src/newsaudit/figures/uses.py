"""Whether a number word is used as a number where it stands.

Some number words are also other parts of speech: "one" is a pronoun ("this one", "one of the",
"one can see"), "a third" an ordinal ("a third time"). These read the words around the number
(never a tagger: the lists are in `lexicon/en/figures/`) and say which use it is.
"""

from __future__ import annotations

import re
from functools import cache

from newsaudit import lexicon
from newsaudit.config import CALENDAR_WORDS
from newsaudit.figures.words import WORDS

_WORD = re.compile(r"\s*([A-Za-z]+(?:['’]s)?|['’]s)")
_BEFORE = re.compile(r"(?:\b([A-Za-z]+)\s+)?([A-Za-z]+)(?:\s+|-)$")  # "no one", "no-one"
# "the only one", "the same one": an adjective between "the" and the pronoun.
_THE_ADJECTIVES = frozenset({"only", "same", "last", "first", "next", "other", "very"})
# Another number right beside: "one, two, three", "three, two, one", "one or two".
_NUMBERISH = r"(?:\d|\b(?:{words})\b)"


def _number_word_pattern() -> str:
    return "|".join(sorted(WORDS.number_words, key=lambda w: -len(w)))


_LIST_AFTER = re.compile(
    rf"\s*(?:[,/;]|\s(?:or|and|to)\b)\s*(?:or\s+|and\s+)?"
    rf"{_NUMBERISH.format(words=_number_word_pattern())}",
    re.IGNORECASE,
)
_LIST_BEFORE = re.compile(
    rf"{_NUMBERISH.format(words=_number_word_pattern())}[\s,]*(?:(?:or|and|to)\s+)?$",
    re.IGNORECASE,
)
# Words before "one" that make it a quantity: "only one word", "at least one", "more than
# one", "minus one", "by one vote", "the answer is one" (this last only with nothing after).
_QUANTIFIERS = frozenset({"than", "least", "most", "minus", "negative", "exactly", "just", "only"})
_LONE_BEFORE = _QUANTIFIERS | {"number", "is"}
# Another number in the same sentence: "three rapes, one attempted murder" (a year is none:
# "on one occasion in July 1995").
_OTHER_NUMBER = re.compile(
    rf"(?<![\d,.])(?!(?:1[5-9]|20)\d\d\b)\d|\b(?!one\b)(?:{_number_word_pattern()}|hundred|thousand|million|billion|dozen)s?\b",
    re.IGNORECASE,
)
# A small count written in digits or words ("two women", "2 men"): the one before "a third".
_COUNT = re.compile(rf"\b(\d{{1,2}}|{_number_word_pattern()})\b(?![.,]\d)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?;]\s|[.!?;]$|\n")


@cache
def _tally() -> re.Pattern[str]:
    """A tally word ("killed", "died", "arrested"): "one person died" counts one death."""
    return re.compile(rf"\b(?:{'|'.join(lexicon.words('figures/tallies'))})s?\b", re.IGNORECASE)


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end], the number itself left out."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 300), start)]
    after = _SENTENCE_END.search(text, end)
    return (
        text[ends[-1] if ends else max(0, start - 300) : start]
        + " "
        + text[end : after.start() if after else min(len(text), end + 300)]
    )


def ordinal_use(low_raw: str, text: str, end: int, start: int = -1) -> bool:
    """Whether "a third", "a seventh" is an ordinal ("a seventh term", "a third time"): a
    singular fraction word is a fraction only before "of", a number word or punctuation, and
    never right after a count one below it in its sentence ("raping two women, indecently
    assaulting a third," is the third woman; "sales fell by a third." is a share)."""
    last = re.split(r"[\s-]+", low_raw)[-1]
    if last in ("half", "quarter") or last not in WORDS.fraction_words or last.endswith("s"):
        return False
    if re.match(r"\s+(?!of\b)[A-Za-z]", text[end:]) and not (
        not re.match(r"an?\s", low_raw)
        and re.match(r"\s+(?:to|and|or|than|less|more)\b", text[end:])
    ):
        # (a count before it, "to" or "and" after it, is a fraction: "one third to one half")
        return True  # "a third term", "a third Spice Girls album", "a Third Division clash"
    if start < 0 or not re.match(r"an?\s", low_raw) or re.match(r"\s+of\b", text[end:]):
        return False  # "2 and a third of the seats": a share
    before = _BEFORE.search(text, max(0, start - 30), start)
    if before and before.group(2).lower() in lexicon.word_set("figures/share_cues"):
        return False  # "fell by a third"
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 300), start)]
    counts = _COUNT.findall(text, ends[-1] if ends else max(0, start - 300), start)
    if not counts:
        return False
    previous = counts[-1].lower()
    value = int(previous) if previous.isdigit() else WORDS.number_words.get(previous)
    return value == WORDS.fraction_words[last] - 1


def pronoun_one(text: str, start: int, end: int) -> bool:
    """Whether the "one" at text[start:end] is a pronoun, an idiom or the indefinite "a
    certain", not a count of one.

    Never a count with a pronoun marker after it (`one_pronoun_after`: "one of", "one
    another") or a determiner before it (`one_pronoun_before`: "this one", "no one"). Before
    a word, a count when quantified ("only one person", "at least one"), near a tally word
    ("one person died", "arrested one man") or with another number in its sentence ("two
    were hurt and one died"); with nothing after it, only beside another
    number ("one, two, three", "one or two") or after a comparison or sign ("more than one",
    "minus one")."""
    before = _BEFORE.search(text, max(0, start - 30), start)
    prev = before.group(2).lower() if before else ""
    the_adjective = bool(before and (before.group(1) or "").lower() == "the")
    nxt = _WORD.match(text, end)
    if nxt and nxt.group(1).lower() in WORDS.one_pronoun_after:
        return True
    if nxt and nxt.group(1).lower() in ("and", "or", "to"):  # "one and the same"
        return not _LIST_AFTER.match(text, end)
    if prev in WORDS.one_pronoun_before or (the_adjective and prev in _THE_ADJECTIVES):
        return True
    if nxt:
        # "one" before a noun is a count when it is quantified ("only one word") or counted
        # beside other numbers ("three rapes, one attempted murder"); alone it is mostly the
        # indefinite "a certain" of news ("one official said", "in one message").
        near = text[max(0, start - 40) : start] + " " + text[end : end + 40]
        return (
            prev not in _QUANTIFIERS
            and not _OTHER_NUMBER.search(_sentence(text, start, end))
            and not _tally().search(near)
        )
    if _LIST_AFTER.match(text, end) or _LIST_BEFORE.search(text, max(0, start - 30), start):
        return False
    if not text[:start].strip() and not text[end:].strip(" .!?"):
        return False  # the number alone: "One."
    return prev not in _LONE_BEFORE


@cache
def _indefinite() -> tuple[frozenset[str], frozenset[str]]:
    """Words before an indefinite "one day" and words after a duration that anchor it."""
    return (
        lexicon.word_set("figures/indefinite_before"),
        lexicon.word_set("figures/time_anchors"),
    )


def indefinite_time(text: str, start: int, end: int) -> bool:
    """Whether "one day", "one minute" at text[start:end] is an indefinite time ("One day in
    October she told him", "One minute this guy is interviewing ...", "he said one day Thomas
    went there"), not a duration ("one day after the vote", "suspended for one year", "a one
    year sentence"): a singular unit, at a clause start or after a word of
    `indefinite_before`, and no word of `time_anchors` after it."""
    before, anchors = _indefinite()
    if text[start:end].lower().rstrip().endswith("s"):
        return False  # "one days" is no indefinite time
    left = re.search(
        r"(?:^|[.!?;:,\n(\"“]\s*|\b([A-Za-z]+)\s+)$", text[max(0, start - 30) : start]
    )
    if left is None or (left.group(1) and left.group(1).lower() not in before):
        return False
    nxt = _WORD.match(text, end)
    return not (nxt and nxt.group(1).lower().rstrip("'’s") in anchors)


def in_headline(text: str, start: int, end: int) -> bool:
    """Whether the line around text[start:end] is written in title case or capitals (a
    headline capitalises every word: "Police Say Two Killed")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:start] + " " + text[end : line_end if line_end >= 0 else len(text)]
    words = re.findall(r"[A-Za-z]{4,}", line)
    return sum(w[0].islower() for w in words) <= 0.2 * len(words)


def name_number(text: str, start: int, end: int) -> bool:
    """Whether a capitalised spelled number is part of a name ("Crematorium Two", "the Final
    Four", "Frankie Five Angels", "Ocean's Eleven"): right after a capitalised word that is
    neither a month or weekday ("In March Two people died") nor the first of its sentence,
    inside a line not written in title case (a headline capitalises every word: "Police Say
    Two Killed")."""
    if not text[start : start + 1].isupper() or text[start:end].isupper():
        return False
    before = re.search(r"(^|[.!?:;\"“(]\s*|\b\w+\s+)?\b([A-Z][\w'’]*)[ \t]+$", text[:start][-60:])
    if before is None or before.group(2) in CALENDAR_WORDS:
        return False
    if before.group(1) is not None and not before.group(1)[:1].isalnum():
        return False  # "Yesterday Two men ...": the word before opens the sentence
    return not in_headline(text, start, end)


def ordinal_name(text: str, start: int, end: int) -> bool:
    """Whether an ordinal is part of a name: a capitalised word follows it ("the 18th
    Amendment", "the 112th Congress", "Ohio's 16th District", "the Fifth Amendment") in a line
    not written in title case; "the 26th anniversary" is a rank."""
    return bool(re.match(r"[ \t]+[A-Z][a-z]", text[end : end + 4])) and not in_headline(
        text, start, end
    )


@cache
def _street() -> re.Pattern[str]:
    """Up to three capitalised words and a street word ("Downing Street", "Elm Tree Close")."""
    return re.compile(
        rf"[ \t]+(?P<name>(?:[A-Z][\w'’.-]*[ \t]+){{0,3}})(?:{'|'.join(WORDS.street_words)})\b"
    )


def house_number(text: str, end: int) -> bool:
    """Whether the number ending at `end` is a house number ("10 Downing Street", "153
    Cromwell Road"): a name and a street word follow it."""
    m = _street().match(text, end) if text[end : end + 1] in " \t" else None
    return bool(m and m.group("name"))


def street_name(text: str, end: int) -> bool:
    """Whether the ordinal ending at `end` names a street ("West 73rd Street", "Fifth
    Avenue"): a street word follows it."""
    m = _street().match(text, end) if text[end : end + 1] in " \t" else None
    return bool(m and not m.group("name"))
