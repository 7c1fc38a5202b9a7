"""Folding: one normal form of a word for matching, whatever the typography or accents."""

from __future__ import annotations

import re
import unicodedata

FOLD_TABLE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
    }
)
COMBINING = re.compile(r"[\u0300-\u036f]")
_GROUPING = re.compile(r"[,.](?<=\d[,.])(?=\d{3}\b)")  # separator first: a fast scan
_NOT_ALNUM = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """Case, accents, typographic quotes and dashes folded; digit grouping marks removed."""
    text = text.translate(FOLD_TABLE)
    if not text.isascii():
        text = COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return _GROUPING.sub("", text.casefold())


def name_key(name: str) -> str:
    """Spelling-insensitive key: accents stripped, case folded, only letters and digits kept."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_ALNUM.sub("", plain.casefold())


# The only letters outside ASCII that Python's case-insensitive matching takes for ASCII ones
# (dotted and dotless i, long s, the Kelvin sign; checked over every code point).
_ODD_CASE = re.compile("[\u0130\u0131\u017f\u212a]")
_ASCII_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(65, 91)})


# Hyphens that web and PDF text writes for "-" ("twenty\u2010one"): read as "-", one character
# for one.
HYPHENS = {"\u2010": "-", "\u2011": "-"}
_LOWER_HYPHENS = str.maketrans({**{chr(c): chr(c + 32) for c in range(65, 91)}, **HYPHENS})
_LAST_LOWERED = [("", "")]  # (text, its `lower_keep_offsets` form) of the text last lowered


def lower_keep_offsets(text: str) -> str:
    """`text` with A-Z in lower case and the hyphens of `HYPHENS` as "-", every offset kept:
    the text the figures analysis's lower-case patterns run on (never None, unlike
    `ascii_lower`: those patterns are no case-insensitive twins, and "twenty\u2010one" must
    read as one number). The last text's form is kept, as one article is lowered by several
    passes (one tuple: threads read a whole pair)."""
    last_text, last_low = _LAST_LOWERED[0]
    if text is last_text:
        return last_low
    low = text.lower() if text.isascii() else text.translate(_LOWER_HYPHENS)
    _LAST_LOWERED[0] = (text, low)
    return low


def ascii_lower(text: str) -> str | None:
    """`text` with A-Z in lower case (every offset kept), or None when it holds a letter that
    case-insensitive matching equates with an ASCII one. A lower-case pattern of ASCII letters
    finds on it exactly what its case-insensitive twin finds on `text`, several times faster."""
    if text.isascii():
        return text.lower()  # the same as the table there, and far faster
    if _ODD_CASE.search(text):
        return None
    return text.translate(_ASCII_LOWER)
