"""Whose a sentence is when it names no one: the sentence before, for a pronoun subject.

A figure carries only its own sentence, so "In 1970, ... he landed a coveted spot in the Marine
Reserve" shares no name with the other outlet's "Dick Blumenthal voluntarily joined the Marine
Corps Reserves in 1970": the name is in the sentence before. A sentence whose subject is a
personal pronoun (`lexicon/en/figures/subject_pronouns.txt`) named before any name of its own
takes the sentence before it as its subject's context (`Figure.before`); the link model reads
the names written there with the sentence's own (`linkmodel.sentence_overlap`).
"""

from __future__ import annotations

from functools import cache

from newsaudit import lexicon
from newsaudit.text.tokens import tokens


@cache
def _pronouns() -> frozenset[str]:
    return frozenset(lexicon.words("figures/subject_pronouns"))


@cache
def _not_names() -> frozenset[str]:
    """Capitalised words that open a sentence without naming anyone ("In", "The", "But")."""
    openers = (w.lower() for w in lexicon.words("sentence_openers"))
    return frozenset((*lexicon.words("overlap/stopwords"), *openers))


def by_pronoun(sentence: str) -> bool:
    """Whether a sentence names its subject by a personal pronoun only: a subject pronoun ("he",
    "she", "they") comes before any capitalised word that could be a name ("In 1970, with his
    last deferment in jeopardy, he landed ..."; not "Blumenthal said he ...")."""
    pronouns, not_names = _pronouns(), _not_names()
    for t in tokens(sentence):
        if t.norm in pronouns:
            return True
        if sentence[t.start].isupper() and t.norm not in not_names and len(t.norm) > 1:
            return False
    return False
