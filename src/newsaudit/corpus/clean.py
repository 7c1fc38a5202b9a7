"""Cleaning web-extraction debris: boilerplate lines, credits, paragraph joins."""

from __future__ import annotations

import re
import unicodedata

from newsaudit.config import (
    CorpusConfig,
)

_TERMINAL = tuple(".!?\"'”’)»:;…")


def _compiled(config: CorpusConfig) -> re.Pattern[str]:
    return re.compile(
        "|".join(f"(?:{p})" for p in config.boilerplate_patterns), re.IGNORECASE | re.UNICODE
    )


def _is_credit(line: str) -> bool:
    return bool(re.match(r"(image|photo|picture|video)\s*(credit|source)", line, re.I))


def split_lines(raw: str) -> list[str]:
    """Normalise newlines and Unicode (NFC), strip trailing space, drop zero-width characters."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    raw = unicodedata.normalize("NFC", raw)
    raw = re.sub("[\u200b\u200c\u200d\u2060\ufeff]", "", raw)
    return [line.rstrip() for line in raw.split("\n")]


def clean(raw: str, config: CorpusConfig | None = None) -> tuple[str, list[str], list[str]]:
    """Split raw text into (headline, body paragraphs, removed boilerplate lines).

    Line 1 (first non-blank) is the headline. Whole lines matching a boilerplate pattern, the
    caption line right above a credit line, and a truncated teaser that repeats the start of a
    later paragraph are removed and returned so the report can list them.
    """
    config = config or CorpusConfig()
    pattern = _compiled(config)
    lines = split_lines(raw)
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        return "", [], []
    headline = " ".join(lines[0].split())
    body = [" ".join(line.split()) for line in lines[1:]]
    body = [line for line in body if line]
    removed_idx: set[int] = set()
    for i, line in enumerate(body):
        if pattern.fullmatch(line):
            removed_idx.add(i)
            if _is_credit(line) and i > 0 and i - 1 not in removed_idx:
                prev = body[i - 1]
                if len(prev.split()) <= config.caption_max_words and not prev.endswith(_TERMINAL):
                    removed_idx.add(i - 1)
    for i, line in enumerate(body):
        if i in removed_idx or len(line) < config.teaser_min_chars or line.endswith(_TERMINAL):
            continue
        if any(
            other.startswith(line) and len(other) > len(line)
            for j, other in enumerate(body)
            if j != i and j not in removed_idx
        ):
            removed_idx.add(i)
    paragraphs = [line for i, line in enumerate(body) if i not in removed_idx]
    removed = [line for i, line in enumerate(body) if i in removed_idx]
    return headline, paragraphs, removed


# ---------------------------------------------------------------------------------------------
# Decoding and HTML (pure over bytes and strings)
# ---------------------------------------------------------------------------------------------
# File signatures of formats people save or rename by mistake; named in the error message.
