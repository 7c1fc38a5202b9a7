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
    return list(map(Token, *token_columns(text)))


# word as written -> `fold(word)`, once per process: an archive's articles share most of their
# words, and a look-up costs a tenth of folding. Stops growing at `FOLDED_MAX` words.
_FOLDED: dict[str, str] = {}
FOLDED_MAX = 300_000


def token_columns(text: str) -> tuple[list[str], list[int], list[int]]:
    """`tokens` as three lists (folded words, starts, ends), without a `Token` per word: what
    the overlap analysis keeps of an article (5x faster on long texts)."""
    found = list(WORD_RE.finditer(text))
    written = [m.group(0) for m in found]
    if len(_FOLDED) < FOLDED_MAX:
        for w in set(written).difference(_FOLDED):
            _FOLDED[w] = fold(w)
        norms = list(map(_FOLDED.__getitem__, written))
    else:
        get = _FOLDED.get
        norms = [fold(w) if (f := get(w)) is None else f for w in written]
    return norms, [m.start() for m in found], [m.end() for m in found]


_SEPARATORS = str.maketrans(
    dict.fromkeys(string.punctuation + "\u2026\u2022\u00b7\u00a7\u00b6", " ")
)


def words(text: str) -> list[str]:
    """Normalised words for the shingle index: `fold`, then every punctuation mark separates.

    Cruder than `tokens` ("al-Qaeda" -> "al", "qaeda") but several times faster, and only
    has to be consistent with itself: it feeds hashing, never char offsets.
    """
    return fold(text).translate(_SEPARATORS).split()
