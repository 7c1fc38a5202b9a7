"""Which words make a text hard: Dale-Chall unfamiliar words and Gunning's complex words.

Both exempt proper names (capitalised inside a sentence, or all-capitals acronyms); Dale-Chall
counts regular inflections of listed words as familiar (Dale & Chall 1948; Chall & Dale 1995),
Gunning (1952) does not count compounds or words made three syllables by -es/-ed/-ing.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from newsaudit.config import PACKAGE_DIR, ReadabilityConfig
from newsaudit.readability import syllables

EDGE = re.compile(r"^[^0-9A-Za-z]+|[^0-9A-Za-z]+$")


@lru_cache(maxsize=200_000)
def core(token: str) -> str:
    """A token without edge punctuation, typographic apostrophes made plain."""
    return EDGE.sub("", token.replace("’", "'"))


@cache
def easy_words(file_name: str = ReadabilityConfig.dale_chall_file) -> frozenset[str]:
    """The Dale-Chall familiar words (lower case) from the package data file."""
    path = PACKAGE_DIR / "data" / file_name
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def _stems(word: str, suffixes: tuple[str, ...]) -> list[str]:
    """Candidate base forms of an inflected word ("cities"->"city", "hoped"->"hope")."""
    out = []
    for suffix in suffixes:
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
def _familiar_lower(word: str, file_name: str, suffixes: tuple[str, ...]) -> bool:
    easy = easy_words(file_name)
    if word in easy or word + "." in easy:  # the list spells "mr." and "mrs." with the dot
        return True
    if "-" in word:
        parts = [p for p in word.split("-") if p]
        return bool(parts) and all(_familiar_lower(p, file_name, suffixes) for p in parts)
    forms = [word, *_stems(word, suffixes)]
    # The list is American: "neighbouring" is an inflection of the listed "neighbor".
    forms += [re.sub(r"tre$", "ter", f.replace("our", "or")) for f in forms]
    return any(form in easy for form in forms)


def is_name(core: str, initial: bool) -> bool:
    """A proper noun: capitalised inside a sentence, or an all-capitals acronym anywhere."""
    if len(core) > 1 and core.isupper() and core.isalpha():
        return True
    return not initial and core[:1].isupper()


def unfamiliar(token: str, initial: bool, dale_file: str, suffixes: tuple[str, ...]) -> bool:
    """Dale-Chall unfamiliar: not listed, not an inflection of a listed word, name or figure."""
    bare = EDGE.sub("", token.replace("’", "'"))
    if not any(ch.isalpha() for ch in bare) or is_name(bare, initial):
        return False
    return not _familiar_lower(bare.lower(), dale_file, suffixes)


def familiar(token: str, initial: bool, config: ReadabilityConfig) -> bool:
    """Dale-Chall familiarity: listed word or regular inflection, proper name, or figure."""
    return not unfamiliar(token, initial, config.dale_chall_file, config.dale_chall_suffixes)


def complex_word(token: str, initial: bool, syllable_count: int, backend: str) -> bool:
    """Gunning's hard word: 3+ syllables, no proper noun, compound, or -es/-ed/-ing third."""
    if syllable_count < 3:
        return False
    bare = EDGE.sub("", token.replace("’", "'"))
    if is_name(bare, initial) or "-" in bare:
        return False
    lower = bare.lower()
    for suffix in ("es", "ed", "ing"):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            stem = lower[: -len(suffix)]
            candidates = [stem, stem + "e"] if suffix == "ing" else [stem, lower[:-1]]
            known = [c for c in candidates if c in syllables.cmu_table()]
            base = syllables.count(known[0] if known else candidates[0], backend)
            if base < 3:
                return False
    return True
