"""The names an article is about: capitalised words inside sentences, weighted by rarity.

A story is told with its cast and places ("Blumenthal", "Norwalk", "MINUSMA"); the words that
open a sentence or a headline are capitalised for other reasons and are left out, as are months
and weekdays. Names are folded with `text.fold.name_key` so spellings and accents agree.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from newsaudit.config import CALENDAR_WORDS
from newsaudit.text.fold import name_key

_POSSESSIVE = re.compile(r"['’]s$")
_SENTENCE_END = frozenset(".!?\n\"“”'‘’:(")
# A capitalised word (the tokens' word shape, upper-case first letter): only these can be names,
# so the scan skips the lower-case majority of the text.
CAPITALISED = re.compile(r"(?<![\w'’\-])[^\W\d_a-z](?:[\w]|['’\-](?=\w))*")


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` opens a sentence or paragraph (nothing but space before it
    since the last sentence mark)."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def names(text: str, surface: dict[str, str] | None = None) -> Counter[str]:
    """name_key -> how often the article writes it, for capitalised words inside sentences;
    `surface` (when given) collects each name as first written."""
    out: Counter[str] = Counter()
    for m in CAPITALISED.finditer(text):
        word = m.group(0)
        if not word[0].isupper() or word in CALENDAR_WORDS or _opens_sentence(text, m.start()):
            continue
        key = name_key(_POSSESSIVE.sub("", word))
        if len(key) > 1 and not key.isdigit():
            out[key] += 1
            if surface is not None and key not in surface:
                surface[key] = word
    return out


def key_names(
    counts: Counter[str], df: Counter[str], n_articles: int, max_df: int, k: int
) -> list[str]:
    """The article's k most telling names: written often here, rarely elsewhere (tf x idf), and
    shared with at least one other article (a name no one else writes links nothing)."""
    usable = [(name, c) for name, c in counts.items() if 2 <= df[name] <= max_df]
    usable.sort(key=lambda nc: (-nc[1] * math.log(n_articles / df[nc[0]]), nc[0]))
    return [name for name, _ in usable[:k]]
