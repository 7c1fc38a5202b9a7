"""The shingle index's words, hashed without making a string per word.

The index reads each article as `text.tokens.words` does (`fold`, then every punctuation mark
and whitespace separates) and hashes each word's UTF-8 bytes (blake2b: the same hash in every
process and run). Here the folded texts of a piece become one byte array: words are the runs
between separators, and each word is identified exactly by its bytes packed into integers (up
to 15 bytes: two 64-bit integers holding the bytes and the length; longer words, rare, as
bytes), so a word is hashed or looked up once per piece, never once per occurrence. The
hashes equal hashing `words(text)` word by word (a test compares them); making a string per
word and looking each up was most of the index's time.
"""

from __future__ import annotations

import hashlib
import string
import sys
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from newsaudit.text.fold import fold
from newsaudit.text.tokens import _SEPARATORS

SHORT = 7  # bytes packed with the length in one uint64
MID = 15  # ... in two (8 bytes, then up to 7 with the length)
# Words hashed so far in this process, by packed key (short and mid words) or by bytes (long
# words). It stops growing at this many words (later words are hashed each time they come) and
# is never emptied, so threads indexing corpora side by side (`newsaudit batch`) can share it.
WORD_CACHE_MAX = 500_000
_CACHE: dict[Any, int] = {}


def word_hash(word: bytes) -> int:
    """A word's 64-bit hash from its UTF-8 bytes (not Python's per-process `hash`)."""
    return int.from_bytes(hashlib.blake2b(word, digest_size=8).digest(), "little")


# Byte classes (UTF-8 bytes >= 0x80 are parts of letters).
_WORD = np.zeros(256, dtype=bool)
_WORD[[*b"0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"]] = True
_WORD[0x80:] = True
_DIGIT = np.zeros(256, dtype=bool)
_DIGIT[[*b"0123456789"]] = True
_NUMBER_JOIN = np.zeros(256, dtype=bool)
_NUMBER_JOIN[[*b".,"]] = True


def drop_grouping(b: np.ndarray, bounds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Delete "," and "." between a digit and exactly three digits ("14,000" -> "14000"), as
    `text.fold.fold` does, on the byte array; text start offsets move left accordingly."""
    pad = np.r_[b, np.zeros(4, np.uint8)]
    digit, word = _DIGIT[pad], _WORD[pad]
    n = len(b)
    drop = np.zeros(n, dtype=bool)
    drop[1:] = (
        _NUMBER_JOIN[b[1:]]
        & digit[: n - 1]
        & digit[2 : n + 1]
        & digit[3 : n + 2]
        & digit[4 : n + 3]
        & ~word[5 : n + 4]
    )
    if not drop.any():
        return b, bounds
    removed = np.flatnonzero(drop)
    return b[~drop], bounds - np.searchsorted(removed, bounds)


# ASCII bytes as `fold` and `words` leave them: upper case lowered, every separator a space
# (bytes >= 0x80, parts of non-ASCII characters, stay).
_ASCII_FOLD = np.arange(256, dtype=np.uint8)
_ASCII_FOLD[np.frombuffer(string.ascii_uppercase.encode(), np.uint8)] += 32
_ASCII_FOLD[[c for c in _SEPARATORS if c < 128]] = 32
_ASCII_FOLD[[c for c in range(128) if chr(c).isspace()]] = 32


@lru_cache(maxsize=1)
def _split_table() -> dict[int, str]:
    """`words`' separators (punctuation) and every whitespace character (what `str.split`
    splits at) mapped to one space: the only separator left in the bytes."""
    spaces = {c: " " for c in range(min(sys.maxunicode, 0xFFFF) + 1) if chr(c).isspace()}
    return {**_SEPARATORS, **spaces}


def _pack(pad: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """uint64 of the 8 bytes from each start (little-endian) of the zero-padded bytes."""
    return np.ascontiguousarray(pad[starts[:, None] + np.arange(8)]).view("<u8").ravel()


def _masked(keys: np.ndarray, n_bytes: np.ndarray, size: np.ndarray) -> np.ndarray:
    """Keys with all but their first `n_bytes` (<= 7) cleared and the word's byte `size` in
    the top byte."""
    keep = np.left_shift(np.uint64(1), (8 * n_bytes).astype(np.uint64)) - np.uint64(1)
    return (keys & keep) | (size.astype(np.uint64) << np.uint64(56))


def _hash_all(
    keys: list[Any], spelled: list[bytes] | None, make: Any, cache: dict[Any, int]
) -> np.ndarray:
    """The hash of each distinct word (by key), from the cache or made from its bytes."""
    out = []
    for k, key in enumerate(keys):
        found = cache.get(key)
        if found is None:
            found = word_hash(spelled[k] if spelled is not None else make(key))
            if len(cache) < WORD_CACHE_MAX:
                cache[key] = found
        out.append(found)
    return np.array(out, dtype=np.uint64)


def _short_bytes(key: int) -> bytes:
    return (key & ((1 << 56) - 1)).to_bytes(8, "little")[: key >> 56]


def _mid_bytes(key: tuple[int, int]) -> bytes:
    head, tail = key
    return (
        head.to_bytes(8, "little")
        + (tail & ((1 << 56) - 1)).to_bytes(8, "little")[: (tail >> 56) - 8]
    )


def hashed_words(
    texts: Sequence[str], cache: dict[Any, int] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """(hash of every word of every text in order, words per text): the hashes of
    `words(text)` word by word, for a piece of texts at once."""
    cache = _CACHE if cache is None else cache
    table = _split_table()
    encoded = [
        t.encode("ascii") if t.isascii() else fold(t).translate(table).encode("utf-8")
        for t in texts
    ]
    b = np.frombuffer(b" ".join(encoded), dtype=np.uint8)
    if not len(b):
        return np.zeros(0, np.uint64), np.zeros(len(texts), np.int64)
    text_starts = np.cumsum([0, *(len(e) + 1 for e in encoded[:-1])])
    # ASCII texts are folded here: digit grouping dropped as `fold` does (the other texts,
    # folded above, have no "," or "." left), then lower case, separators to spaces.
    b, text_starts = drop_grouping(b, text_starts)
    b = _ASCII_FOLD[b]
    edges = np.diff(np.r_[False, b != 32, False].astype(np.int8))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    text_of = np.searchsorted(text_starts, starts, side="right") - 1
    per_text = np.bincount(text_of, minlength=len(texts)).astype(np.int64)
    size = ends - starts
    flat = np.empty(len(starts), dtype=np.uint64)
    pad = np.r_[b, np.zeros(16, np.uint8)]
    head = _pack(pad, starts)

    short = np.flatnonzero(size <= SHORT)
    codes, uniques = pd.factorize(_masked(head[short], size[short], size[short]))
    flat[short] = _hash_all(uniques.tolist(), None, _short_bytes, cache)[codes]

    mid = np.flatnonzero((size > SHORT) & (size <= MID))
    if len(mid):
        tail = _masked(_pack(pad, starts[mid] + 8), size[mid] - 8, size[mid])
        order = np.lexsort((tail, head[mid]))
        h, t = head[mid][order], tail[order]
        first = np.r_[True, (h[1:] != h[:-1]) | (t[1:] != t[:-1])]
        group = np.cumsum(first) - 1
        keys = list(zip(h[first].tolist(), t[first].tolist(), strict=True))
        hashes = _hash_all(keys, None, _mid_bytes, cache)
        flat[mid[order]] = hashes[group]

    long = np.flatnonzero(size > MID)
    if len(long):
        raw = b.tobytes()
        bounds = zip(starts[long].tolist(), ends[long].tolist(), strict=True)
        spelled = [raw[s:e] for s, e in bounds]
        flat[long] = _hash_all(spelled, spelled, None, cache)
    return flat, per_text
