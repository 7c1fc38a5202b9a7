"""The verbatim aligner's seed index: an article's word n-grams as 64-bit keys, sorted once.

A pair then finds the n-grams of one article present in the other by binary search in numpy,
instead of making a tuple and a dictionary look-up per n-gram (with building the dictionary,
a fifth of comparing a pair). Keys are hashes, but every hit is checked word for word: the
seeds found, hence the passages, are exactly those of comparing the n-grams themselves.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

# word -> its 64-bit key, once per process (an archive's articles share most of their words).
# Stops growing at `KEYS_MAX` words; later words are hashed each time.
_KEYS: dict[str, int] = {}
KEYS_MAX = 500_000
_ODD = np.uint64(0x9E3779B97F4A7C15)  # multiplier mixing the words of an n-gram in order


def _key(word: str) -> int:
    digest = hashlib.blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little")


def word_keys(norms: Sequence[str]) -> np.ndarray:
    """A 64-bit key per word (the same in every process: a hash of its UTF-8 bytes)."""
    keys = _KEYS
    if len(keys) < KEYS_MAX:
        for w in set(norms).difference(keys):
            keys[w] = _key(w)
        found = list(map(keys.__getitem__, norms))
    else:
        found = [_key(w) if (k := keys.get(w)) is None else k for w in norms]
    return np.array(found, dtype=np.uint64)


# word -> a number, in this process: two words have the same number exactly when they are the
# same word, so that seed hits are checked word for word in numpy. Stops growing at `IDS_MAX`
# words; an article with a word beyond it has no numbers (its hits are checked as strings).
_IDS: dict[str, int] = {}
IDS_MAX = 1_000_000


def word_ids(norms: Sequence[str]) -> np.ndarray | None:
    """This process's number of each word (None when the table is full and a word is new)."""
    ids = _IDS
    new = set(norms).difference(ids)
    if len(ids) + len(new) > IDS_MAX:
        return None
    for w in new:
        ids[w] = len(ids)
    return np.fromiter(map(ids.__getitem__, norms), dtype=np.int64, count=len(norms))


@dataclass(frozen=True, eq=False)
class SeedIndex:
    """An article's word n-grams: `keys[i]` for the n-gram starting at word i, and the
    positions sorted by key (`order`, equal keys in position order; `sorted_keys`); `ids`, its
    words' numbers in this process (`word_ids`)."""

    norms: Sequence[str]
    n: int
    keys: np.ndarray
    order: np.ndarray
    sorted_keys: np.ndarray
    ids: np.ndarray | None = None


def seed_index(norms: Sequence[str], n: int, words: np.ndarray | None = None) -> SeedIndex:
    """The seed index of an article's words (`n`-grams); `words`: their `word_keys`, if made."""
    m = max(0, len(norms) - n + 1)
    keys = np.zeros(m, dtype=np.uint64)
    if m:
        words = word_keys(norms) if words is None else words
        for k in range(n):  # order-sensitive: (a, b, c) and (c, b, a) get different keys
            keys = (keys ^ words[k : k + m]) * _ODD  # uint64 arrays wrap around
    order = np.argsort(keys, kind="stable")
    return SeedIndex(norms, n, keys, order, keys[order], word_ids(norms))


def shared_seeds(a: SeedIndex, b: SeedIndex, most: int) -> list[tuple[int, list[int]]]:
    """(i, the positions of a's n-gram i in b, ascending) for each n-gram of `a` found in `b`
    between once and `most` times, by i. Each hit of a key is checked word for word: on the
    words' numbers in numpy (`word_ids`), else on the strings."""
    if not len(a.keys) or not len(b.keys):
        return []
    lo = np.searchsorted(b.sorted_keys, a.keys, "left")
    hi = np.searchsorted(b.sorted_keys, a.keys, "right")
    found = np.flatnonzero(hi > lo)
    if a.ids is None or b.ids is None:
        return _checked_as_strings(a, b, most, found, lo, hi)
    counts = (hi - lo)[found]
    at = np.repeat(found, counts)  # a's position of each hit, ascending
    first = np.repeat(lo[found] - (np.cumsum(counts) - counts), counts)
    hit = b.order[first + np.arange(len(at))]  # b's positions, ascending within each of a's
    same = np.ones(len(at), dtype=bool)
    for k in range(a.n):
        same &= a.ids[at + k] == b.ids[hit + k]
    at, hit = at[same], hit[same]
    if not len(at):
        return []
    cuts = np.flatnonzero(np.r_[True, at[1:] != at[:-1], True])
    sizes = np.diff(cuts)
    hits = hit.tolist()
    return [
        (i, hits[s : s + size])
        for i, s, size in zip(
            at[cuts[:-1]].tolist(), cuts[:-1].tolist(), sizes.tolist(), strict=True
        )
        if size <= most
    ]


def _checked_as_strings(
    a: SeedIndex, b: SeedIndex, most: int, found: np.ndarray, lo: np.ndarray, hi: np.ndarray
) -> list[tuple[int, list[int]]]:
    out = []
    norms_a, norms_b, n, order = a.norms, b.norms, a.n, b.order
    for i, first, last in zip(found.tolist(), lo[found].tolist(), hi[found].tolist(), strict=True):
        gram = norms_a[i : i + n]
        hits = [j for j in order[first:last].tolist() if norms_b[j : j + n] == gram]
        if 0 < len(hits) <= most:
            out.append((i, hits))
    return out
