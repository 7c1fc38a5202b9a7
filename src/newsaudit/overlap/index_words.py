"""The shingle index's words, hashed without making a string per word.

The index reads each article as `text.tokens.words` does (`fold`, then every punctuation mark
and whitespace separates) and hashes each word's UTF-8 bytes (blake2b: the same hash in every
process and run). Here the folded texts of a piece become one byte array: words are the runs
between separators, and each word is identified exactly by its bytes packed into integers (up
to 15 bytes: two 64-bit integers holding the bytes and the length; longer words, rare, as
bytes). A piece's words are grouped by one integer sort and its distinct words looked up in
the process's cache (sorted numpy arrays) at once, so only words never seen before are hashed
in Python. The hashes equal hashing `words(text)` word by word (a test compares them); making
a string per word and looking each up was most of the index's time.

Also here, hashes of many strings at once from their bytes (`run_hashes`, `string_keys`: the
vectorised tokeniser's words, the IDF's feature keys) and the bit mixer they share (`_mix`)."""

from __future__ import annotations

import hashlib
import string
import sys
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from newsaudit.text.fold import fold
from newsaudit.text.tokens import _SEPARATORS

SHORT = 7  # bytes packed with the length in one uint64
MID = 15  # ... in two (8 bytes, then up to 7 with the length)
# Words hashed so far in a process stop being added at this many (later words are hashed each
# time they come); the table is never emptied, so threads indexing corpora side by side
# (`newsaudit batch`) can share it.
WORD_CACHE_MAX = 500_000


class WordCache:
    """Words hashed so far: short and mid words (<= 15 bytes) by their two packed keys in
    sorted numpy arrays (looked up for a whole piece at once, `np.searchsorted`), longer words
    by their bytes in a dict. A piece replaces the arrays as one tuple (safe for threads: a
    lost update only means a word hashed again)."""

    def __init__(self) -> None:
        empty = np.zeros(0, np.uint64)
        # (fingerprint, key 1, key 2, hash), sorted by fingerprint
        self.table: tuple[np.ndarray, ...] = (empty, empty, empty, empty)
        self.long: dict[bytes, int] = {}


_CACHE = WordCache()


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


def grouping_marks(b: np.ndarray) -> np.ndarray:
    """Positions of the "," and "." between a digit and exactly three digits ("14,000"), the
    marks `text.fold.fold` deletes; only the bytes around each "," or "." are looked at."""
    n = len(b)
    at = np.flatnonzero((b == 44) | (b == 46))
    at = at[at >= 1]
    if not len(at):
        return at

    def near(k: int) -> np.ndarray:  # the byte k after each mark, 0 past the end
        i = at + k
        return np.where(i < n, b[np.minimum(i, n - 1)], 0)

    ok = _DIGIT[b[at - 1]] & _DIGIT[near(1)] & _DIGIT[near(2)] & _DIGIT[near(3)]
    return at[ok & ~_WORD[near(4)]]


def drop_grouping(b: np.ndarray, bounds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Delete "," and "." between a digit and exactly three digits ("14,000" -> "14000"), as
    `text.fold.fold` does, on the byte array; text start offsets move left accordingly."""
    removed = grouping_marks(b)
    if not len(removed):
        return b, bounds
    return np.delete(b, removed), bounds - np.searchsorted(removed, bounds)


# ASCII bytes as `fold` and `words` leave them: upper case lowered, every separator a space
# (bytes >= 0x80, parts of non-ASCII characters, stay).
_ASCII_FOLD = np.arange(256, dtype=np.uint8)
_ASCII_FOLD[np.frombuffer(string.ascii_uppercase.encode(), np.uint8)] += 32
_ASCII_FOLD[[c for c in _SEPARATORS if c < 128]] = 32
_ASCII_FOLD[[c for c in range(128) if chr(c).isspace()]] = 32
_ASCII_FOLD_BYTES = _ASCII_FOLD.tobytes()  # the same, for `bytes.translate`


@lru_cache(maxsize=1)
def _split_table() -> dict[int, str]:
    """`words`' separators (punctuation) and every whitespace character (what `str.split`
    splits at) mapped to one space: the only separator left in the bytes."""
    spaces = {c: " " for c in range(min(sys.maxunicode, 0xFFFF) + 1) if chr(c).isspace()}
    return {**_SEPARATORS, **spaces}


def _windows(b: np.ndarray) -> np.ndarray:
    """uint64 (little-endian) of the 8 bytes from every position of `b` (zero-padded): one
    strided view, no copy."""
    pad = np.r_[b, np.zeros(16, np.uint8)]
    return np.ndarray((len(b) + 8,), dtype="<u8", buffer=pad, strides=(1,))


# A word of `size` <= 15 bytes as two keys: key 1 = (8-byte window at its start & _KEEP1) |
# _TOP1, key 2 = (window 8 bytes on & _KEEP2) | _TOP2. Up to 7 bytes: the bytes and the length
# (top byte), then 0; 8 to 15 bytes: the first 8 bytes, then the rest and the length. Every
# longer word gets the keys of size class `LONG`: (0, `LONG_KEY`), which no word of up to 15
# bytes has, so all words go through the same array steps (no gathers of the short ones) and
# the longer ones are then hashed from their bytes.
LONG = MID + 1
_ONES = np.uint64(2**64 - 1)
_LOW = [np.uint64((1 << (8 * k)) - 1) for k in range(8)]
LONG_KEY = np.uint64(0xFF << 56)
_KEEP1 = np.array([_LOW[k] if k <= SHORT else _ONES for k in range(MID + 1)] + [0], np.uint64)
_TOP1 = np.array([k << 56 if k <= SHORT else 0 for k in range(MID + 1)] + [0], np.uint64)
_KEEP2 = np.array([0 if k <= SHORT else _LOW[k - 8] for k in range(MID + 1)] + [0], np.uint64)
_TOP2 = np.array([0 if k <= SHORT else k << 56 for k in range(MID + 1)] + [LONG_KEY], np.uint64)


def _fingerprint(k1: np.ndarray, k2: np.ndarray) -> np.ndarray:
    """One well-mixed uint64 per (k1, k2) key, for grouping and look-ups; equal fingerprints
    (or equal top bits, in `_groups`) of different keys are caught by comparing the keys."""
    with np.errstate(over="ignore"):
        x = k1 ^ (k2 * np.uint64(0x9E3779B97F4A7C15))
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return x ^ (x >> np.uint64(31))


def _groups(f: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(group of each fingerprint, one position of each group), groups numbered by rising
    fingerprint: each fingerprint's top bits and its position packed in one uint64 and
    sorted (numpy's sort of plain integers is many times faster than an argsort or a hash
    table). Fingerprints equal in their top bits share a group: callers compare keys."""
    bits = max(1, (len(f) - 1).bit_length())
    low = np.uint64((1 << bits) - 1)
    packed = np.sort((f & ~low) | np.arange(len(f), dtype=np.uint64))
    at = (packed & low).astype(np.int64)
    top = packed >> np.uint64(bits)
    new = np.empty(len(f), dtype=bool)
    new[:1] = True
    np.not_equal(top[1:], top[:-1], out=new[1:])
    codes = np.empty(len(f), dtype=np.int64)
    codes[at] = np.cumsum(new) - 1
    return codes, at[new]


def _lookup(
    cache: WordCache, f: np.ndarray, k1: np.ndarray, k2: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(hash found in the cache, found?) for distinct keys."""
    cf, c1, c2, ch = cache.table
    if not len(cf):
        return np.zeros(len(f), np.uint64), np.zeros(len(f), bool)
    order = np.argsort(f)  # sorted keys: each search starts where the last ended
    pos = np.empty(len(f), np.int64)
    pos[order] = np.minimum(np.searchsorted(cf, f[order]), len(cf) - 1)
    hit = (cf[pos] == f) & (c1[pos] == k1) & (c2[pos] == k2)
    return np.where(hit, ch[pos], np.uint64(0)), hit


def _remember(
    cache: WordCache, f: np.ndarray, k1: np.ndarray, k2: np.ndarray, h: np.ndarray
) -> None:
    """Add newly hashed words to the cache's sorted arrays (while it has room)."""
    table = cache.table
    room = WORD_CACHE_MAX - len(table[0])
    if room <= 0 or not len(f):
        return
    order = np.argsort(f, kind="stable")[:room]
    at = np.searchsorted(table[0], f[order])
    cache.table = tuple(
        np.insert(old, at, new[order]) for old, new in zip(table, (f, k1, k2, h), strict=True)
    )


def _hash_spelled(spelled: list[bytes], cache: dict[bytes, int]) -> np.ndarray:
    """The hash of each word given by its bytes, from `cache` or made (and kept)."""
    out = []
    for word in spelled:
        found = cache.get(word)
        if found is None:
            found = word_hash(word)
            if len(cache) < WORD_CACHE_MAX:
                cache[word] = found
        out.append(found)
    return np.array(out, dtype=np.uint64)


def hashed_words(
    texts: Sequence[str], cache: WordCache | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """(hash of every word of every text in order, words per text): the hashes of
    `words(text)` word by word, for a piece of texts at once."""
    cache = _CACHE if cache is None else cache
    table = _split_table()
    encoded = [
        t.encode("ascii") if t.isascii() else fold(t).translate(table).encode("utf-8")
        for t in texts
    ]
    joined = b" ".join(encoded)
    if not joined:
        return np.zeros(0, np.uint64), np.zeros(len(texts), np.int64)
    text_starts = np.cumsum([0, *(len(e) + 1 for e in encoded[:-1])])
    # ASCII texts are folded here: digit grouping dropped as `fold` does (the other texts,
    # folded above, have no "," or "." left), then lower case, separators to spaces.
    removed = grouping_marks(np.frombuffer(joined, dtype=np.uint8))
    b = np.frombuffer(joined.translate(_ASCII_FOLD_BYTES), dtype=np.uint8)
    if len(removed):
        b = np.delete(b, removed)
        text_starts = text_starts - np.searchsorted(removed, text_starts)
    # Word bounds: where `inside` (a separator before and after the bytes) flips: a start, then
    # an end, then a start... (positions in `b`).
    inside = np.empty(len(b) + 2, dtype=bool)
    inside[0] = inside[-1] = False
    np.not_equal(b, 32, out=inside[1:-1])
    flips = np.flatnonzero(inside[1:] != inside[:-1])
    starts, ends = flips[0::2], flips[1::2]
    per_text = np.diff(np.searchsorted(starts, np.r_[text_starts, len(b)])).astype(np.int64)
    size = ends - starts
    windows = _windows(b)

    # Two keys per word (short words: the bytes and length, and 0; mid words: the first 8
    # bytes, then the rest and the length; longer words: the `LONG` class), grouped by
    # fingerprint.
    size_class = np.minimum(size, LONG)
    k1 = (windows[starts] & _KEEP1[size_class]) | _TOP1[size_class]
    k2 = (windows[starts + 8] & _KEEP2[size_class]) | _TOP2[size_class]
    f = _fingerprint(k1, k2)
    codes, first = _groups(f)
    uniques = f[first]
    u1, u2 = k1[first], k2[first]
    exact = (k1 == u1[codes]) & (k2 == u2[codes])  # False only where fingerprints collide
    found, hit = _lookup(cache, uniques, u1, u2)
    new = np.flatnonzero(~hit & (u2 != LONG_KEY))  # the longer words' class is not a word
    if len(new):
        raw = b.tobytes()
        at = starts[first[new]].tolist()
        spelled = [raw[s:e] for s, e in zip(at, ends[first[new]].tolist(), strict=True)]
        made = np.array([word_hash(w) for w in spelled], dtype=np.uint64)
        found[new] = made
        _remember(cache, uniques[new], u1[new], u2[new], made)
    flat = found[codes]

    # Longer words (rare), and any word whose fingerprint collided: by their bytes.
    other = np.flatnonzero(size > MID)
    if not exact.all():
        other = np.union1d(other, np.flatnonzero(~exact))
    if len(other):
        raw = b.tobytes()
        bounds = zip(starts[other].tolist(), ends[other].tolist(), strict=True)
        flat[other] = _hash_spelled([raw[s:e] for s, e in bounds], cache.long)
    return flat, per_text


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: spreads bits so that chained hashes behave like random keys."""
    if np.ndim(x) == 0:  # numpy warns on a scalar's wrap-around, never on an array's
        with np.errstate(over="ignore"):
            return _mix(np.atleast_1d(x))[0]
    x = x + np.uint64(0x9E3779B97F4A7C15)
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


_P = np.uint64(0x100000001B3)  # odd, so invertible modulo 2**64
_P_INV = np.uint64(pow(0x100000001B3, -1, 2**64))


def run_hashes(b: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """A 64-bit hash of each run of bytes `b[starts[i]:ends[i]]`: polynomial over the bytes
    from prefix sums (uint64 arithmetic wraps mod 2**64), mixed with the run's length."""
    with np.errstate(over="ignore"):
        powers = np.cumprod(np.full(len(b), _P, dtype=np.uint64))
        inverse = np.cumprod(np.full(len(b), _P_INV, dtype=np.uint64))
        prefix = np.r_[np.uint64(0), np.cumsum((b.astype(np.uint64) + np.uint64(1)) * powers)]
        raw = (prefix[ends] - prefix[starts]) * inverse[starts]
    return _mix(raw ^ (ends - starts).astype(np.uint64))


def string_keys(strings: Sequence[str]) -> np.ndarray:
    """A 64-bit key per string (`run_hashes` of its UTF-8 bytes: the same in every process and
    run), for many short strings at once without a Python call per string."""
    if not strings:
        return np.zeros(0, dtype=np.uint64)
    joined = "\0".join(strings)
    b = np.frombuffer(joined.encode("utf-8", "surrogatepass"), dtype=np.uint8)
    ends = np.r_[np.flatnonzero(b == 0), len(b)]
    if len(ends) != len(strings):  # a string holding NUL itself: lengths one by one
        sizes = [len(s.encode("utf-8", "surrogatepass")) + 1 for s in strings]
        ends = np.cumsum(sizes, dtype=np.int64) - 1
    starts = np.r_[0, ends[:-1] + 1]
    return run_hashes(b, starts, ends)
