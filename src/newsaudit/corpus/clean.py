"""Cleaning web-extraction debris: boilerplate lines, credits, paragraph joins."""

from __future__ import annotations

import functools
import re
import unicodedata

from newsaudit.config import (
    CorpusConfig,
)

_TERMINAL = tuple(".!?\"'”’)»:;…")
_CREDIT = re.compile(r"(image|photo|picture|video)\s*(credit|source)", re.IGNORECASE)
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_ZERO_WIDTH_RE = re.compile(f"[{_ZERO_WIDTH}]")
# ASCII characters that `str.split()` takes for whitespace, other than space and newline. Text
# with none of them and no double space has lines whose `" ".join(line.split())` is
# `line.strip()`: one scan of the text instead of splitting and joining every line (40 us of a
# 4 KB article's 150 us). `bytes.translate` deletes every other byte.
_ODD_SPACE = b"\t\x0b\x0c\r\x1c\x1d\x1e\x1f"
_NOT_ODD_SPACE = bytes(b for b in range(256) if b not in _ODD_SPACE)
_DOUBLE_SPACE = re.compile("  ")  # a literal search: faster than `"  " in text`


@functools.lru_cache(maxsize=16)
def _pattern(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE | re.UNICODE)


def _compiled(config: CorpusConfig) -> re.Pattern[str]:
    return _pattern(tuple(config.boilerplate_patterns))


def _is_credit(line: str) -> bool:
    return bool(_CREDIT.match(line))


def _normalised(raw: str) -> str:
    """Newlines as '\\n', Unicode NFC, no zero-width characters (the latter two concern only
    non-ASCII text, which `str.isascii` tells at no cost)."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    if not raw.isascii():
        raw = unicodedata.normalize("NFC", raw)
        if any(ch in raw for ch in _ZERO_WIDTH):
            raw = _ZERO_WIDTH_RE.sub("", raw)
    return raw


def _single_spaced(text: str) -> bool:
    """True when the only whitespace in `text` is newlines and single spaces (ASCII only)."""
    return (
        text.isascii()
        and not _DOUBLE_SPACE.search(text)
        and not text.encode("ascii").translate(None, _NOT_ODD_SPACE)
    )


def split_lines(raw: str) -> list[str]:
    """Normalise newlines and Unicode (NFC), strip trailing space, drop zero-width characters."""
    return [line.rstrip() for line in _normalised(raw).split("\n")]


def clean(raw: str, config: CorpusConfig | None = None) -> tuple[str, list[str], list[str]]:
    """Split raw text into (headline, body paragraphs, removed boilerplate lines).

    Line 1 (first non-blank) is the headline. Whole lines matching a boilerplate pattern, the
    caption line right above a credit line, and a truncated teaser that repeats the start of a
    later paragraph are removed and returned so the report can list them.
    """
    config = config or CorpusConfig()
    pattern = _compiled(config)
    text = _normalised(raw)
    lines = text.split("\n")
    first = 0
    while first < len(lines) and not lines[first].strip():
        first += 1
    if first == len(lines):
        return "", [], []
    headline = " ".join(lines[first].split())
    if _single_spaced(text):  # each line's words are already joined by single spaces
        body = [line.strip() for line in lines[first + 1 :]]
    else:
        body = [" ".join(line.split()) for line in lines[first + 1 :]]
    body = [line for line in body if line]
    # Boilerplate lines and the teaser candidates found by one comprehension each, then only
    # those visited in order (a caption or teaser decision needs what was removed before it).
    fullmatch, shortest = pattern.fullmatch, config.teaser_min_chars
    matched = [i for i, line in enumerate(body) if fullmatch(line)]
    teasers = [
        i for i, line in enumerate(body) if len(line) >= shortest and not line.endswith(_TERMINAL)
    ]
    removed_idx: set[int] = set()
    for i in matched:
        removed_idx.add(i)
        if _is_credit(body[i]) and i > 0 and i - 1 not in removed_idx:
            prev = body[i - 1]
            if len(prev.split()) <= config.caption_max_words and not prev.endswith(_TERMINAL):
                removed_idx.add(i - 1)
    for i in teasers:
        line = body[i]
        if i in removed_idx:
            continue
        if any(
            other.startswith(line) and len(other) > len(line)
            for j, other in enumerate(body)
            if j != i and j not in removed_idx
        ):
            removed_idx.add(i)
    if not removed_idx:
        return headline, body, []
    paragraphs = [line for i, line in enumerate(body) if i not in removed_idx]
    removed = [line for i, line in enumerate(body) if i in removed_idx]
    return headline, paragraphs, removed
