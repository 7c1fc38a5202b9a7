"""Whether a number word is used as a number where it stands.

Some number words are also other parts of speech: "one" is a pronoun ("this one", "one of the",
"one can see"), "a third" an ordinal ("a third time"). These read the words around the number
(never a tagger: the lists are in `lexicon/en/figures/`) and say which use it is.
"""

from __future__ import annotations

import re

from newsaudit.figures.words import WORDS

_WORD = re.compile(r"\s*([A-Za-z]+(?:['’]s)?|['’]s)")
_BEFORE = re.compile(r"(?:\b([A-Za-z]+)\s+)?([A-Za-z]+)\s+$")
# "the only one", "the same one": an adjective between "the" and the pronoun.
_THE_ADJECTIVES = frozenset({"only", "same", "last", "first", "next", "other", "very"})
# Another number right beside: "one, two, three", "three, two, one", "one or two".
_NUMBERISH = r"(?:\d|(?:{words})\b)"


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
# Words before a lone "one" (nothing after it) that make it a number: "more than one", "minus
# one", "the answer is one".
_LONE_BEFORE = frozenset(
    {"than", "least", "most", "minus", "negative", "number", "exactly", "just", "only", "is"}
)


def ordinal_use(low_raw: str, text: str, end: int) -> bool:
    """Whether "a third", "a seventh" is an ordinal ("a seventh term", "a third time"): a
    singular fraction word is a fraction only before "of", a number word or punctuation."""
    last = re.split(r"[\s-]+", low_raw)[-1]
    if last in ("half", "quarter") or last not in WORDS.fraction_words or last.endswith("s"):
        return False
    return bool(re.match(r"\s+(?!of\b)[a-z]", text[end:]))


def pronoun_one(text: str, start: int, end: int) -> bool:
    """Whether the "one" at text[start:end] is a pronoun or an idiom, not a count of one.

    A count when a word follows that is not in `one_pronoun_after` ("one person", "one last
    time", "One died") and no determiner stands before it (`one_pronoun_before`: "this one",
    "no one"); with nothing after it, a count only beside another number ("one, two, three",
    "one or two") or after a comparison or sign ("more than one", "minus one")."""
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
        return False
    if _LIST_AFTER.match(text, end) or _LIST_BEFORE.search(text, max(0, start - 30), start):
        return False
    if not text[:start].strip() and not text[end:].strip(" .!?"):
        return False  # the number alone: "One."
    return prev not in _LONE_BEFORE
