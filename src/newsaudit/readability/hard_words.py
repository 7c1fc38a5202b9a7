"""Which words make a text hard: Dale-Chall unfamiliar words and Gunning's complex words.

Both exempt proper names (capitalised inside a sentence, or all-capitals acronyms); Dale-Chall
counts regular inflections of listed words as familiar (Dale & Chall 1948; Chall & Dale 1995),
Gunning (1952) does not count compounds or words made three syllables by -es/-ed/-ing, and a
figure, whatever its spoken length, is neither unfamiliar nor complex (it is not vocabulary).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from newsaudit import lexicon
from newsaudit.readability import syllables

EDGE = re.compile(r"^[^0-9A-Za-z]+|[^0-9A-Za-z]+$")
# Gunning (1952): a word made three syllables only by one of these endings is not "hard".
FOG_SUFFIXES = ("es", "ed", "ing")


@lru_cache(maxsize=200_000)
def core(token: str) -> str:
    """A token without edge punctuation, typographic apostrophes made plain."""
    return EDGE.sub("", token.replace("’", "'"))


@cache
def easy_words() -> frozenset[str]:
    """The Dale-Chall familiar words (lower case), lexicon `readability/dale_chall`."""
    return frozenset(w.lower() for w in lexicon.words("readability/dale_chall"))


@cache
def inflections() -> tuple[str, ...]:
    """Endings of regular inflections, stripped before the Dale-Chall lookup."""
    return lexicon.words("readability/inflections")


def _stems(word: str) -> list[str]:
    """Candidate base forms of an inflected word ("cities"->"city", "hoped"->"hope")."""
    out = []
    for suffix in inflections():
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)]
            out.append(stem)
            if suffix.startswith("i") and suffix != "ing":
                out.append(stem + "y")
            if suffix in ("ing", "ed", "er", "est"):
                out.append(stem + "e")
                if len(stem) > 2 and stem[-1] == stem[-2]:
                    out.append(stem[:-1])
    return out


@lru_cache(maxsize=100_000)
def _familiar_lower(word: str) -> bool:
    easy = easy_words()
    if word in easy or word + "." in easy:  # the list spells "mr." and "mrs." with the dot
        return True
    if "-" in word:
        parts = [p for p in word.split("-") if p]
        return bool(parts) and all(_familiar_lower(p) for p in parts)
    forms = [word, *_stems(word)]
    # The list is American: "neighbouring" is an inflection of the listed "neighbor".
    forms += [re.sub(r"tre$", "ter", f.replace("our", "or")) for f in forms]
    return any(form in easy for form in forms)


def is_name(core: str, initial: bool) -> bool:
    """A proper noun: capitalised inside a sentence, or an all-capitals acronym anywhere."""
    if len(core) > 1 and core.isupper() and core.isalpha():
        return True
    return not initial and core[:1].isupper()


def unfamiliar(token: str, initial: bool) -> bool:
    """Dale-Chall unfamiliar: not listed, not an inflection of a listed word, name or figure."""
    bare = EDGE.sub("", token.replace("’", "'"))
    if not any(ch.isalpha() for ch in bare) or is_name(bare, initial):
        return False
    return not _familiar_lower(bare.lower())


def familiar(token: str, initial: bool) -> bool:
    """Dale-Chall familiarity: listed word or regular inflection, proper name, or figure."""
    return not unfamiliar(token, initial)


def complex_word(token: str, initial: bool, syllable_count: int, backend: str) -> bool:
    """Gunning's hard word: 3+ syllables, no proper noun, compound, figure ("2013" read aloud
    has four), or -es/-ed/-ing third."""
    if syllable_count < 3 or any(ch.isdigit() for ch in token):  # a figure is not vocabulary
        return False
    bare = EDGE.sub("", token.replace("’", "'"))
    if is_name(bare, initial) or "-" in bare:
        return False
    lower = bare.lower()
    for suffix in FOG_SUFFIXES:
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            stem = lower[: -len(suffix)]
            candidates = [stem, stem + "e"] if suffix == "ing" else [stem, lower[:-1]]
            known = [c for c in candidates if c in syllables.cmu_table()]
            base = syllables.count(known[0] if known else candidates[0], backend)
            if base < 3:
                return False
    return True
