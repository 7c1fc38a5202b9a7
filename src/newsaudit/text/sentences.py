"""Sentence splitting for news text: char spans that survive abbreviations, decimals, initials.

Rules, in order (all pure string work, no model, no download):
- a line break always ends a sentence (newsaudit.corpus makes every line a paragraph), so a
  heading line without punctuation ("Calls for MUNISMA to Leave the Country:"), a byline or a
  bullet item is a sentence of its own and no sentence ever crosses a paragraph;
- a sentence ends at "." "!" "?" "…" or "..." (plus closing quotes/brackets) followed by
  whitespace, and only when the next word does not start in lower case ("“Why?” he asked");
- a period inside a token (decimals "3.5", "U.N" inside "U.N.", URLs) is never a boundary;
- titles ("Mr.", "Dr.") never end a sentence; other abbreviations ("Jan.", "Inc.", "U.N.")
  and single-letter initials ("John F. Kennedy") end one only before a typical sentence opener
  ("the U.S. The next day"); "No." "p." are abbreviations only before a number;
- a stray period after a space left by web extraction ("spreading to neighbouring and .")
  ends the sentence like any other, and so does a period glued to the next sentence by lost
  whitespace ("the talks ended.The next day").
"""

from __future__ import annotations

import re

from newsaudit.text.abbreviations import Abbreviations, load

# Spaces, a line break, then any whitespace. Both patterns start with a character class, which
# lets the regex engine skip to the candidates (several times faster than trying every
# position): the first character is read, then the alternatives look back at it.
_BLOCK = re.compile(r"[ \t\f\v\r\n](?:(?<=[ \t\f\v])[ \t\f\v]*[\r\n]|(?<=[\r\n]))\s*")
# A terminator run: ellipsis or . ! ? (repeated or mixed), then closing quotes or brackets,
# then whitespace or the end of the text.
_END = re.compile(
    r"[.!?…](?:(?:(?<=\.)\.\.|(?<=…)|(?<=[.!?])[.!?]*)[\"'”’»)\]]*(?=\s|$)"
    r"|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z]))"  # glued by extraction: "said.The next day"
)
_OPENERS = "\"'“‘«([¿¡"
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")  # "U.N", "e.g", "a.m" (final dot removed)


def _next_word(text: str, pos: int, end: int) -> str:
    """The word after `pos` (skipping spaces and opening quotes), or "" at the end."""
    while pos < end and text[pos].isspace():
        pos += 1
    while pos < end and text[pos] in _OPENERS:
        pos += 1
    stop = pos
    while stop < end and not text[stop].isspace():
        stop += 1
    return text[pos:stop]


def _is_boundary(
    text: str, start: int, match: re.Match[str], block_end: int, lists: Abbreviations
) -> bool:
    """Whether the terminator `match` ends a sentence."""
    following = _next_word(text, match.end(), block_end)
    if not following:
        return True
    first = following[0]
    if first.islower():
        return False  # "“Why?” he asked", "e.g. the", a mid-sentence ellipsis
    if match.group(0)[0] != "." or match.group(0).startswith("..."):
        return True
    left = match.start()
    while left > start and not text[left - 1].isspace():
        left -= 1
    token = text[left : match.start()].lstrip(_OPENERS).rstrip(".")
    key = token.lower()
    if not key:
        return True  # a stray " ." left where web extraction dropped a link
    if key in lists.titles:
        return False
    if key in lists.before_numbers:
        return not first.isdigit()
    opener = following.rstrip(",;:.!?\"'”’").split("’")[0].split("'")[0]
    if key in lists.general or _DOTTED.match(token) or (len(token) == 1 and token.isupper()):
        return opener in lists.openers
    return True


def split_block(
    text: str, start: int = 0, end: int | None = None, lists: Abbreviations | None = None
) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end], a block with no line break inside."""
    lists = lists or load()
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    begin = start
    for match in _END.finditer(text, start, end):
        if _is_boundary(text, begin, match, end, lists):
            spans.append((begin, match.end()))
            begin = match.end()
    spans.append((begin, end))
    out: list[tuple[int, int]] = []
    for span in spans:
        left, right = _trimmed(text, *span)
        if any(ch.isalnum() for ch in text[left:right]):
            out.append((left, right))
        elif out and right > left:  # punctuation-only debris joins the sentence before it
            out[-1] = (out[-1][0], right)
    return out


def blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line-separated block of `text`, whitespace trimmed."""
    spans, pos = [], 0
    for match in _BLOCK.finditer(text):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, len(text)))
    return [(left, right) for left, right in (_trimmed(text, *s) for s in spans) if left < right]


def _trimmed(text: str, left: int, right: int) -> tuple[int, int]:
    """`left`, `right` moved inwards past whitespace."""
    while left < right and text[left].isspace():
        left += 1
    while right > left and text[right - 1].isspace():
        right -= 1
    return left, right


def split(text: str, lists: Abbreviations | None = None) -> list[tuple[int, int]]:
    """(start, end) char spans of the sentences of `text`, in order, whitespace trimmed."""
    lists = lists or load()
    return [span for left, right in blocks(text) for span in split_block(text, left, right, lists)]


def sentences(text: str, lists: Abbreviations | None = None) -> list[str]:
    """The sentences of `text` as strings (convenience over `split`)."""
    return [text[left:right] for left, right in split(text, lists)]
