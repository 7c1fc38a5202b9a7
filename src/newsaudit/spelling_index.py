"""Pairs of spellings within a few edits, found in numpy (a vectorised Pass-Join).

A key of length L allowed k edits is cut into k + 1 pieces; a spelling within k edits of it
keeps at least one piece unchanged, shifted by a bounded amount (the pigeonhole principle;
Pass-Join's multi-match-aware window narrows the shifts). Every piece of every key is hashed
with its place, and every substring of every longer-or-equal key that could be such a piece is
hashed the same way: equal hashes are the candidate pairs, and RapidFuzz's Levenshtein decides
them in C++, a batch at a time.

A 100k-article archive has ~435,000 distinct name keys and ~23 million candidate pairs (keys
sharing a frequent first word share pieces): a Python loop over them took minutes; the same
pairs here take seconds. Hash collisions only add candidates, which the distance rejects, so
the pairs are exactly those of comparing all pairs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

_P = np.uint64(0x100000001B3)


def segments(length: int, k: int) -> list[tuple[int, int]]:
    """(start, end) of k + 1 near-equal pieces of a `length`-character key: two keys within k
    edits share at least one piece unchanged, shifted by at most k (the pigeonhole principle)."""
    parts = k + 1
    short, extra = divmod(length, parts)
    bounds, start = [], 0
    for i in range(parts):
        end = start + short + (i >= parts - extra)
        bounds.append((start, end))
        start = end
    return bounds


def probe_plans(
    lengths: set[int], limit: Callable[[int], int]
) -> dict[int, list[tuple[int, int, int, int]]]:
    """For a key of each length: every (shorter-or-equal length, piece number, start, size) to
    look up. Piece i of the shorter key, with i pieces before it and k - i after, moves by at
    most i from its place and by at most k - i from the longer key's end (Pass-Join's
    multi-match-aware window)."""
    plans: dict[int, list[tuple[int, int, int, int]]] = {}
    for longer in sorted(lengths):
        plan = []
        for length in range(longer, 0, -1):  # keys no longer than this one
            k = limit(length)
            gap = longer - length
            if gap > k:
                break  # shorter keys allow no more edits, and the gap only grows
            if length not in lengths:
                continue
            for i, (start, end) in enumerate(segments(length, k)):
                size = end - start
                first = max(0, start - i, start + gap - (k - i))
                last = min(longer - size, start + i, start + gap + (k - i))
                plan += [(length, i, at, size) for at in range(first, last + 1)]
        plans[longer] = plan
    return plans


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser (spreads the bits of the running hash)."""
    with np.errstate(over="ignore"):
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return x ^ (x >> np.uint64(31))


def _piece_hash(chars: np.ndarray, length: int, piece: int, at: int, size: int) -> np.ndarray:
    """Hash of (indexed length, piece number, first letter, chars[:, at:at + size]) per row."""
    with np.errstate(over="ignore"):
        h = np.full(len(chars), np.uint64(length * 1_000_003 + piece), dtype=np.uint64)
        h = h * _P + chars[:, 0]
        for col in range(at, at + size):
            h = h * _P + chars[:, col] + np.uint64(1)
    return _mix(h)


def _chars(keys: Sequence[str], length: int) -> np.ndarray:
    """Code points of keys all `length` characters long, one row each (uint64)."""
    if not keys:
        return np.zeros((0, length), dtype=np.uint64)
    codes = np.asarray(keys, dtype=f"U{length}").view(np.uint32).reshape(len(keys), length)
    return codes.astype(np.uint64)


def close_pairs(
    keys: Sequence[str], limit: Callable[[int], int], shortest: int
) -> list[tuple[str, str]]:
    """Of sorted distinct `keys`, every (a, b) with (len(a), a) < (len(b), b), both at least
    `shortest` long, the same first letter, and Levenshtein(a, b) <= limit(len(a))."""
    by_length: dict[int, list[int]] = {}
    for i, key in enumerate(keys):
        if len(key) >= shortest:
            by_length.setdefault(len(key), []).append(i)
    ids = {n: np.asarray(rows, dtype=np.int64) for n, rows in by_length.items()}
    chars = {
        n: _chars([keys[i] for i in rows], n).astype(np.uint64) for n, rows in by_length.items()
    }
    # The index: every piece of every key, sorted by hash.
    hashes, owners = [], []
    for n, rows in ids.items():
        for piece, (start, end) in enumerate(segments(n, limit(n))):
            hashes.append(_piece_hash(chars[n], n, piece, start, end - start))
            owners.append(rows)
    if not hashes:
        return []
    index = np.concatenate(hashes)
    order = np.argsort(index, kind="stable")
    index, owner = index[order], np.concatenate(owners)[order]
    key_array = np.asarray(keys, dtype=object)
    key_length = np.fromiter(map(len, keys), dtype=np.int64, count=len(keys))
    found: list[tuple[str, str]] = []
    for longer, plan in probe_plans(set(ids), limit).items():
        b_rows, parts = ids[longer], []
        for length, piece, at, size in plan:
            probe = _piece_hash(chars[longer], length, piece, at, size)
            left = np.searchsorted(index, probe, side="left")
            counts = np.searchsorted(index, probe, side="right") - left
            total = int(counts.sum())
            if not total:
                continue
            offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
            a = owner[np.repeat(left, counts) + offsets]
            b = np.repeat(b_rows, counts)
            keep = (a != b) & ((length < longer) | (a < b))  # keys are sorted: a < b by text
            parts.append(a[keep] * len(keys) + b[keep])
        if parts:
            pairs = np.unique(np.concatenate(parts))
            found += _within_limit(pairs, key_array, key_length, limit)
    return found


def _within_limit(
    pair_codes: np.ndarray,
    key_array: np.ndarray,
    key_length: np.ndarray,
    limit: Callable[[int], int],
) -> list[tuple[str, str]]:
    """The candidate pairs (a * n + b) whose Levenshtein distance is within a's limit."""
    n = len(key_array)
    a, b = pair_codes // n, pair_codes % n
    shorter = key_length[a]
    out: list[tuple[str, str]] = []
    for length in np.unique(shorter):
        pick = shorter == length
        left, right = key_array[a[pick]].tolist(), key_array[b[pick]].tolist()
        k = limit(int(length))
        dist = process.cpdist(left, right, scorer=Levenshtein.distance, score_cutoff=k)
        out += [(left[i], right[i]) for i in np.flatnonzero(dist <= k)]
    return out
