"""Word tokens: normalised words with their char spans, and the fast word list for hashing."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from newsaudit.text.fold import fold

# A number keeps its grouping/decimal marks ("14,000", "3.5"); a word keeps inner apostrophes
# and hyphens ("country's", "al-Qaeda").
WORD_RE = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:['\u2019\-\u2010\u2011]\w+)*", re.UNICODE)


@dataclass(frozen=True)
class Token:
    """A normalised word and its char span in the article text."""

    norm: str
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    """Words of a text, normalised with `fold`, with their char spans in the original text."""
    return [Token(fold(m.group(0)), m.start(), m.end()) for m in WORD_RE.finditer(text)]


_SEPARATORS = str.maketrans(
    dict.fromkeys(string.punctuation + "\u2026\u2022\u00b7\u00a7\u00b6", " ")
)


def words(text: str) -> list[str]:
    """Normalised words for the shingle index: `fold`, then every punctuation mark separates.

    Cruder than `tokens` ("al-Qaeda" -> "al", "qaeda") but several times faster, and only
    has to be consistent with itself: it feeds hashing, never char offsets.
    """
    return fold(text).translate(_SEPARATORS).split()
