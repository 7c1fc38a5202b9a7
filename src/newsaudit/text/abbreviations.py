"""Abbreviations and sentence openers: what a period after a short word means.

The lists are data (`lexicon/en/abbreviations/*.txt`, `lexicon/en/sentence_openers.txt`), read
once. Entries are compared lower-cased and without the final period ("Mr." -> "mr").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from newsaudit import lexicon


@dataclass(frozen=True)
class Abbreviations:
    """The word lists the sentence splitter consults at a period."""

    titles: frozenset[str]  # before a name, never the end of a sentence ("Mr. Smith")
    general: frozenset[str]  # end a sentence only before a typical opener ("Jan.", "Inc.")
    before_numbers: frozenset[str]  # abbreviations only before a number ("No. 10")
    openers: frozenset[str]  # capitalised words that typically open a sentence ("The")


@cache
def load(language: str = lexicon.LANGUAGE) -> Abbreviations:
    """The abbreviation lists of `language`, validated by the lexicon loader."""

    def lower(name: str) -> frozenset[str]:
        return frozenset(entry.lower() for entry in lexicon.words(name, language))

    return Abbreviations(
        titles=lower("abbreviations/titles"),
        general=lower("abbreviations/general"),
        before_numbers=lower("abbreviations/before_numbers"),
        openers=frozenset(lexicon.words("sentence_openers", language)),
    )
