"""Greedy String Tiling and per-sentence sourcing: how a copy's words lie over its sources.

Greedy String Tiling (Wise 1993; the best single feature of the METER study, Clough et al.
2002) covers the copy with the longest common word runs first, each word of the copy and of
the sources used at most once: a sentence repeated in the copy is not counted twice, and a
common phrase is not credited wherever it recurs. The tiles also give each copy sentence a
sourced share, and the distribution of those shares separates a text made wholly from the
sources (every sentence sourced), partly (runs of sentences of its own) or not at all (none,
or only names and quotes) better than their mean.

Pure functions over word-code arrays (`features.reuse_features` builds them; code 0 separates
texts and never matches): near linear in the words of the copy and its sources.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

import numpy as np

MIN_TILE = 2  # shortest tile, in words (METER: 2 separated best, then 1 and 3)
UNSOURCED = 0.2  # a sentence with under a fifth of its words tiled is the copy's own
SENTENCE_MIN_WORDS = 5  # shorter sentences (datelines, headings) say nothing either way
PROFILE = ("sentences_unsourced", "unsourced_run", "first_sourced", "last_sourced")


def _matches(copy: np.ndarray, pool: np.ndarray, n: int) -> list[tuple[int, int, int]]:
    """Left-maximal common runs of at least `n` words: (-length, copy start, pool start).

    In numpy: every (i, j) where copy[i:i+n] equals pool[j:j+n] (code 0 never matches: copy
    codes are positive); along each diagonal j - i these form runs, a run of r such starts is
    one left-maximal common run of r + n - 1 words from its first start."""
    m, p = len(copy), len(pool)
    if m < n or p < n:
        return []
    order = np.argsort(pool[: p - n + 1], kind="stable")
    ranked = pool[order]
    lo = np.searchsorted(ranked, copy[: m - n + 1], side="left")
    hits = np.searchsorted(ranked, copy[: m - n + 1], side="right") - lo
    total = int(hits.sum())
    if not total:
        return []
    i = np.repeat(np.arange(len(hits)), hits)
    j = order[np.arange(total) - np.repeat(np.cumsum(hits) - hits - lo, hits)]
    same = np.ones(total, dtype=bool)
    for t in range(1, n):
        same &= copy[i + t] == pool[j + t]
    i, j = i[same], j[same]
    if not len(i):
        return []
    at = np.lexsort((i, j - i))  # by diagonal, then along it
    i, j = i[at], j[at]
    first = np.concatenate(([True], (np.diff(j - i) != 0) | (np.diff(i) != 1)))
    starts = np.flatnonzero(first)
    runs = np.diff(np.append(starts, len(i)))
    return list(
        zip((-(runs + n - 1)).tolist(), i[starts].tolist(), j[starts].tolist(), strict=True)
    )


def tiles(copy: np.ndarray, pool: np.ndarray, n: int = MIN_TILE) -> list[tuple[int, int, int]]:
    """Greedy String Tiling of `copy` over `pool` (word codes): (copy start, pool start,
    length) of each tile, longest first. A run overlapping a placed tile is cut to its free
    stretches, which compete again while at least `n` words long."""
    heap = _matches(copy, pool, n)
    heapq.heapify(heap)
    copy_used = bytearray(len(copy))  # plain bytes: faster than numpy on short slices
    pool_used = bytearray(len(pool))
    out = []
    while heap:
        neg, i, j = heapq.heappop(heap)
        k = -neg
        taken_copy, taken_pool = copy_used[i : i + k], pool_used[j : j + k]
        if not any(taken_copy) and not any(taken_pool):
            copy_used[i : i + k] = pool_used[j : j + k] = b"\x01" * k
            out.append((i, j, k))
            continue
        run = 0
        for t in range(k + 1):  # re-queue the free stretches still long enough to tile
            if t < k and not (taken_copy[t] or taken_pool[t]):
                run += 1
                continue
            if run >= n:
                heapq.heappush(heap, (-run, i + t - run, j + t - run))
            run = 0
    return out


def distinct(codes: np.ndarray) -> np.ndarray:
    """The distinct codes, sorted (`np.unique` by sorting: on a few hundred codes, numpy 2's
    hashing `unique` costs several times more)."""
    codes = np.sort(codes)
    return codes[_firsts(codes)]


def found_in(items: np.ndarray, ranked: np.ndarray) -> np.ndarray:
    """Whether each item is in `ranked` (sorted): `np.isin` by binary search (numpy 2's
    `isin` hashes both arrays on every call)."""
    if not len(ranked):
        return np.zeros(len(items), dtype=bool)
    return ranked[np.minimum(np.searchsorted(ranked, items), len(ranked) - 1)] == items


def _firsts(ranked: np.ndarray) -> np.ndarray:
    """True at the first of each run of equal items of a sorted array."""
    if not len(ranked):
        return np.zeros(0, dtype=bool)
    return np.concatenate(([True], ranked[1:] != ranked[:-1]))


def _counted(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(the distinct codes sorted, how often each occurs)."""
    codes = np.sort(codes)
    starts = np.flatnonzero(_firsts(codes))
    return codes[starts], np.diff(np.append(starts, len(codes)))


def word_matches(copy: np.ndarray, pool: np.ndarray) -> int:
    """Copy words matched one-to-one by a pool word: Greedy String Tiling at length 1, which
    comes to the multiset intersection (every equal pair left is a tile of one word)."""
    words, counts = _counted(copy)
    have, have_counts = _counted(pool[pool != 0])
    _, mine, theirs = np.intersect1d(words, have, assume_unique=True, return_indices=True)
    return int(np.minimum(counts[mine], have_counts[theirs]).sum())


def mask_of(n_words: int, found: Sequence[tuple[int, int, int]], min_length: int) -> np.ndarray:
    """The copy's words inside tiles at least `min_length` long."""
    mask = np.zeros(n_words, dtype=bool)
    for i, _, k in found:
        if k >= min_length:
            mask[i : i + k] = True
    return mask


def sentence_shares(
    covered: np.ndarray, ranges: Sequence[tuple[int, int]], own: np.ndarray
) -> np.ndarray:
    """Sourced share of each sentence with at least `SENTENCE_MIN_WORDS` words outside quotes
    (`own`): its `covered` words among those."""
    if not len(ranges):
        return np.array([])
    lo, hi = np.array(ranges, dtype=np.int64).reshape(-1, 2).T
    running_own = np.concatenate(([0], np.cumsum(own, dtype=np.int64)))
    running_both = np.concatenate(([0], np.cumsum(covered & own, dtype=np.int64)))
    words = running_own[hi] - running_own[lo]
    keep = words >= SENTENCE_MIN_WORDS
    return (running_both[hi] - running_both[lo])[keep] / words[keep]


def profile(shares: np.ndarray) -> dict[str, float]:
    """The distribution of sentence shares as features: the share of sentences unsourced, the
    longest run of unsourced sentences (as a share of sentences), the first and last
    sentences' shares."""
    if not len(shares):
        return dict.fromkeys(PROFILE, 0.0)
    unsourced = shares < UNSOURCED
    run = best = 0
    for u in unsourced.tolist():
        run = run + 1 if u else 0
        best = max(best, run)
    return {
        "sentences_unsourced": float(unsourced.mean()),
        "unsourced_run": best / len(shares),
        "first_sourced": float(shares[0]),
        "last_sourced": float(shares[-1]),
    }
