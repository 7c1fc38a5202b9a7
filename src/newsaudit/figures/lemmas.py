"""Lemmas: the one home of reading a word's base form.

`lemma` (crude, enough to match plural and singular nouns and -ing/-ed verbs), `noun_lemma`
(a listed noun kept whole), `noun_singular` (a plural's singular as a word: "knives" -> knife,
"movies" -> movie; the spelling rules' exceptions in `lexicon/en/figures/noun_singulars.yaml`),
`name_or_lemma` (a noun phrase's head as a key shows it: a name keeps its form, "Jones") and
`verb_base`: the base form of a verb written with -ed or -ing, as a word a reader knows:
"changed" -> change, "receiving" -> receive, "stopped" -> stop, "denied" -> deny, "agreed" ->
agree. Words in -ing/-ed that are no verb's form ("morning") are data: `not_verb_forms.txt`.

Measure keys show the verb a date or a figure was read with ("date|change"); the crude lemma
(`lemma`, enough to match two forms of one word) cuts it to a stem ("chang", "receiv",
"decid"). English spelling drops a verb's silent e before -ed and -ing, and the suffix rules
below put it back (after v, u, c, z, a single s, "-ate", "-ide", "-ire", "-ure", ...; a stem of
one syllable ending in one vowel and one consonant that was not doubled: "dated", "ruled").
The verbs the rules get wrong are listed in `lexicon/en/figures/verb_bases.txt`.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from newsaudit import lexicon

_VOWELS = "aeiou"
# Endings after which English writes a silent e, when the vowel before them stands alone
# ("estimat", "decid", "conspir", "measur", "rul", "compil", "examin"; not "treat", "avoid").
_E_AFTER_VOWEL = re.compile(r"(?<![aeiou])[aeiou](?:t|d|r|l|m|n|g|v|s|c|k|b)$")
# Endings after which a verb always writes its e ("receiv", "continu", "announc", "seiz",
# "charg", "chang", "caus", "nurs", "struggl").
_E_ALWAYS = re.compile(
    r"(?:[vuc]|(?<!z)z|[rdl]g|(?<=[^aeiou][aeu])ng(?<=.....)|[^s]s|ns|rs|ps|ls|[bcdfgkpt]l)$"
)
# "-iate" and "-uate" verbs ("negotiat", "graduat"), whose vowel pair the rule above does not take.
_E_AFTER_IU = re.compile(r"[iu]at$")
# Endings of longer verbs written without an e ("visit", "offer", "happen", "develop").
_NO_E = re.compile(r"(?:it|et|er|en|el|on|op|ip|up|an|al|ol|or|om)$")
# A final l doubled in British spelling of a longer verb ("travelled", "controlled").
_DOUBLED_L = re.compile(r"[^aeiou][aeo]ll$")


def not_verb_forms() -> frozenset[str]:
    """Words written with -ing or -ed that are no verb's form ("morning", "hundred")."""
    return lexicon.word_set("figures/not_verb_forms")


def _syllables(stem: str) -> int:
    return len(re.findall(r"[aeiouy]+", stem))


@lru_cache(maxsize=1 << 14)
def verb_base(word: str) -> str:
    """The base form of `word` when it ends in -ed or -ing ("changed": change), else the word
    lower-cased."""
    w = word.lower()
    if w in not_verb_forms():
        return w  # "morning", "ceiling": no verb's form
    if w.endswith("ied") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ing") and len(w) > 5:
        stem = w[:-3]
    elif w.endswith("ed") and len(w) > 4:
        stem = w[:-2]
    else:
        return w
    bases = lexicon.word_set("figures/verb_bases")
    if stem in bases or stem + "e" in bases:
        return stem if stem in bases else stem + "e"
    if stem.endswith("ee"):
        return stem  # "seeing", "fleeing"
    if stem.endswith("e"):
        return w  # "proceed", "breed", "speed": a verb of its own ("agreed" is listed)
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsfz" + _VOWELS:
        return stem[:-1]  # "stopped", "committed"
    if _syllables(stem) > 1 and _DOUBLED_L.search(stem):
        return stem[:-1]  # "travelled", "controlled" (not "killed", "installed")
    if _E_ALWAYS.search(stem):
        return stem + "e"
    if _syllables(stem) == 1:
        one = re.search(r"(?<![aeiou])[aeiou][^aeiouwxy]$", stem)
        return stem + "e" if one else stem  # "dated", "ruled"; "joined", "asked"
    if _NO_E.search(stem):
        return stem
    if _E_AFTER_IU.search(stem):
        return stem + "e"  # "negotiated", "associated", "graduated", "evaluated"
    return stem + "e" if _E_AFTER_VOWEL.search(stem) else stem


def lemma(word: str) -> str:
    """Crude English lemma, enough to match plural and singular nouns and -ing/-ed verbs: a
    plural's singular as a word (`noun_singular`: "knives" -> knife), an -ing/-ed verb cut to
    its stem ("changed" -> chang; `verb_base` is the word a reader sees). The cut stem is kept
    on purpose: a verb's base may be a noun of its own ("sentenced" -> sentence, "based" ->
    base), which would then match the verb's synonym class."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) <= 3 or w in not_verb_forms():
        return w
    if w.endswith("ied") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s"):
        return noun_singular(w)
    if w.endswith("ing") and len(w) > 5:
        w = w[:-3]
        return w[:-1] if len(w) > 2 and w[-1] == w[-2] else w
    if w.endswith("ed") and len(w) > 4:
        w = w[:-2]
        return w[:-1] if len(w) > 2 and w[-1] == w[-2] and w[-1] not in "ls" else w
    return w


def name_or_lemma(text: str) -> str:
    """The lemma of a noun phrase's head as written mid-sentence, as a word: a capitalised word
    that is not written in capitals ("Jones", "Reynolds"; not "MPs", "KNIVES") is a name and
    keeps its form, lower-cased ("Jones" is not a plural of "Jone"); a plural its singular
    (`noun_singular`); an -ing/-ed word its verb's base (`verb_base`: "hearings", "hearing" ->
    hear, "negotiating" -> negotiate, as `phrases.nearest_verb` reads a date's verb). Callers
    pass words that do not open their sentence."""
    w = text.lower().replace("’", "'")
    w = w[:-2] if w.endswith("'s") else w
    if text[:1].isupper() and not text[:-1].isupper():
        return w
    if len(w) > 3 and w.endswith("s"):
        w = noun_singular(w)
    return verb_base(w) if w.endswith(("ing", "ed")) else w


@lru_cache(maxsize=1 << 14)
def noun_singular(word: str) -> str:
    """The singular of a plural noun, as a word ("knives": knife, "movies": movie, "churches":
    church, "cases": case); the exceptions to the spelling rules are listed in
    `lexicon/en/figures/noun_singulars.yaml`. Other words come back lower-cased."""
    w = word.lower().replace("’", "'")
    listed = _singulars().get(w)
    if listed:
        return listed
    if len(w) <= 3 or not w.endswith("s") or w.endswith(("ss", "us", "is")):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"  # "companies"
    if w.endswith(_ES_PLURALS):
        return w[:-2]  # "classes", "churches", "taxes"
    return w[:-1]  # "cases", "archives", "shoes"


# Endings of plurals written with -es after a sibilant ("classes", "dishes", "churches").
_ES_PLURALS = ("sses", "shes", "ches", "xes", "zzes")


@cache
def _singulars() -> dict[str, str]:
    table = lexicon.table("figures/noun_singulars")
    return {str(k).lower(): str(v).lower() for k, v in table.items()}


def noun_lemma(word: str, nouns: frozenset[str]) -> str:
    """`lemma`, except that a noun of `nouns` written as listed or in its plural is kept
    ("ratings", "rating": rating, not "rat"; "spending" stays a noun where one is listed)."""
    w = word.lower().replace("’", "'")
    if w in nouns:
        return w
    if w.endswith("s") and w[:-1] in nouns:
        return w[:-1]
    return lemma(w)
