"""Distinctive overlap (an attempt, benchmarks/verdict_attempts.py): the source's own phrasing
in a copy, apart from what every text shares.

Stories about one event share verbatim quotes, names and facts among all outlets that covered
it: such n-grams say little about who copied whom. What marks derivation is the source's own
phrasing. Each n-gram a copy shares with its sources is weighed by how many OTHER texts of the
corpus (neither the copy nor its sources) also carry it: one that no other text has is
distinctive of the source; one most of them carry is common ground (a quote, a fact).
Pure functions over word sequences (`Token.norm`) and quote masks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

# The evidence, in order. Shares are of the copy's distinct n-grams unless said otherwise.
DISTINCTIVE = (
    "distinct_contained_2",  # word pairs shared with the sources and with no other text
    "distinct_contained_3",  # ... 3-grams
    "distinct_weighted_3",  # 3-grams shared with the sources, each weighed 1 / (1 + others)
    "distinct_of_shared_3",  # of the 3-grams shared with the sources, those no other text has
    "common_shared_3",  # 3-grams shared with the sources and with half the other texts or more
    "distinct_unquoted_3",  # copy's words outside quotes inside distinctive 3-grams, of those
    "distinct_longest_3",  # longest run of words inside distinctive 3-grams, share of the copy
)


def _grams(words: Sequence[str], n: int) -> list[tuple[str, ...]]:
    return [tuple(words[k : k + n]) for k in range(len(words) - n + 1)]


def _frequency(others: Sequence[Sequence[str]], n: int) -> Counter[tuple[str, ...]]:
    """n-gram -> number of texts among `others` that carry it."""
    df: Counter[tuple[str, ...]] = Counter()
    for words in others:
        df.update(set(_grams(words, n)))
    return df


def _longest_run(mask: np.ndarray) -> int:
    best = run = 0
    for v in mask.tolist():
        run = run + 1 if v else 0
        best = max(best, run)
    return best


def distinctive_features(
    copy: Sequence[str],
    quoted: np.ndarray,
    sources: Sequence[Sequence[str]],
    others: Sequence[Sequence[str]],
) -> dict[str, float]:
    """The `DISTINCTIVE` evidence that `copy` (words, with its quote mask `quoted`) takes the
    phrasing of `sources` (together), against the `others` texts of its corpus. With no other
    text every shared n-gram counts as distinctive (nothing says it is common ground)."""
    out = dict.fromkeys(DISTINCTIVE, 0.0)
    if len(copy) < 3 or not sources:
        return out
    half = max(1.0, len(others) / 2)
    for n in (2, 3):
        own = _grams(copy, n)
        distinct = set(own)
        pool = set().union(*(_grams(s, n) for s in sources))
        df = _frequency(others, n)
        shared = distinct & pool
        alone = {g for g in shared if not df[g]}
        out[f"distinct_contained_{n}"] = len(alone) / len(distinct)
        if n != 3:
            continue
        out["distinct_weighted_3"] = sum(1 / (1 + df[g]) for g in shared) / len(distinct)
        out["distinct_of_shared_3"] = len(alone) / len(shared) if shared else 0.0
        out["common_shared_3"] = sum(df[g] >= half for g in shared) / len(distinct)
        covered = np.zeros(len(copy), dtype=bool)
        for k, g in enumerate(own):
            if g in alone:
                covered[k : k + n] = True
        unquoted = ~np.asarray(quoted, dtype=bool)
        if unquoted.any():
            out["distinct_unquoted_3"] = float((covered & unquoted).sum() / unquoted.sum())
        out["distinct_longest_3"] = _longest_run(covered) / len(copy)
    return out
