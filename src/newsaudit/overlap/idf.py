"""Inverse document frequency of the sentence features (stems, bigrams) over a corpus.

The rewrite aligner weighs a shared feature by its IDF over the compared articles. At archive
scale the corpus table is counted on 64-bit feature keys (`index_words.string_keys`, made where
each article is prepared and shipped with it as one small array) instead of strings: `np.unique`
over the keys in the corpus step, no Python dictionary of a million strings, and each article
looks its weights up by binary search where its pairs are compared (`KeyedIdf`). The weights
are the very floats of the string table (`idf_weights`), computed once per article count.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


def weight(n_docs: int, count: int) -> float:
    """Smoothed IDF of a feature found in `count` of `n_docs` articles."""
    return math.log((n_docs + 1) / (count + 1)) + 1.0


def _frequencies(
    doc_stems: Sequence[set[str] | frozenset[str]],
) -> tuple[Counter[str], dict[int, float]]:
    """(articles per stem, smoothed IDF per article count)."""
    n = len(doc_stems)
    df = Counter(itertools.chain.from_iterable(doc_stems))
    # Few distinct counts (most stems are in one article): each weight computed once
    return df, {c: weight(n, c) for c in set(df.values())}


def idf_weights(doc_stems: Sequence[set[str] | frozenset[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency of each stem over the articles given."""
    df, weights = _frequencies(doc_stems)
    return dict(zip(df.keys(), map(weights.__getitem__, df.values()), strict=True))


def idf_table(doc_stems: Sequence[set[str] | frozenset[str]]) -> tuple[dict[str, float], float]:
    """(`idf_weights` less the stems of the highest weight, that weight): looked up with it as
    the default (`idf.get(stem, default)`), the same weights. The highest weight is that of the
    stems in the fewest articles, most stems of an archive (in one article only: four in five
    at 100,000 articles), so the table is a fraction of the size and quicker to look up; an
    unseen stem gets the highest weight too."""
    df, weights = _frequencies(doc_stems)
    if not weights:
        return {}, 1.0
    fewest = min(weights)
    return {s: weights[c] for s, c in df.items() if c != fewest}, weights[fewest]


@dataclass(frozen=True, eq=False)
class KeyedIdf:
    """The IDF of every feature of some articles by feature key: `keys` sorted, `weights` the
    IDF of each; a key in none of them gets `default` (the highest weight, as `idf_table`)."""

    keys: np.ndarray
    weights: np.ndarray
    default: float

    def of(self, keys: np.ndarray, default: float | None = None) -> np.ndarray:
        """The weight of each feature key (`default`: for keys not in the table)."""
        missing = self.default if default is None else default
        if not len(self.keys) or not len(keys):
            return np.full(len(keys), missing)
        # Looked up in rising order: each binary search starts where the last ended.
        order = np.argsort(keys)
        at = np.empty(len(keys), dtype=np.intp)
        at[order] = np.searchsorted(self.keys, keys[order])
        np.minimum(at, len(self.keys) - 1, out=at)
        return np.where(self.keys[at] == keys, self.weights[at], missing)


def keyed_idf(doc_keys: Sequence[np.ndarray]) -> KeyedIdf:
    """The `KeyedIdf` of articles given as the distinct keys of their features; as
    `idf_table`, the features in the fewest articles (most of them) are left out of the table
    and get its default, their weight: a fraction of the keys to search."""
    n = len(doc_keys)
    if not n or not sum(map(len, doc_keys)):
        return KeyedIdf(np.zeros(0, np.uint64), np.zeros(0), 1.0)
    keys, counts = np.unique(np.concatenate(doc_keys), return_counts=True)
    distinct, inverse = np.unique(counts, return_inverse=True)
    table = np.array([weight(n, int(c)) for c in distinct])
    kept = inverse != 0
    return KeyedIdf(keys[kept], table[inverse[kept]], float(table[0]))
