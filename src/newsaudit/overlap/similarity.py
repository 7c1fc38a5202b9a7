"""Sentence-by-sentence similarity of two articles: weighted Dice over content features.

Each article's sentences become a sparse table over its own sorted features once
(`SentenceTable`, kept on the sentence view); a pair merges two tables by binary search and
fills dense matrices with the same columns in the same order as building them from the
sentences' strings, so the numbers are the same, at a fraction of the cost.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from newsaudit.overlap.idf import KeyedIdf
from newsaudit.overlap.index_words import string_keys

Idf = dict[str, float] | KeyedIdf  # the corpus IDF by feature, or by feature key

if TYPE_CHECKING:
    from newsaudit.overlap.alignment import SentenceView

BIGRAM = "+"  # joins the two stems of a content-word bigram feature


def feature_weights(
    vocab: Sequence[str], anchored: frozenset[str], anchor: float, bigram: float
) -> np.ndarray:
    """Weight factor per feature: names and numbers (anchored features) weigh `anchor`, since
    independent reports of one event share them too; bigrams weigh `bigram`."""
    return np.array(
        [(anchor if f in anchored else 1.0) * (bigram if BIGRAM in f else 1.0) for f in vocab]
    )


@dataclass(frozen=True)
class SentenceTable:
    """A sentence view as sparse 0/1 rows over the article's own sorted features: built once
    per article, so that comparing a pair merges two small tables instead of re-reading every
    sentence's strings (that was half the cost of a compared pair)."""

    vocab: np.ndarray  # the article's distinct features, sorted (str)
    bigram: np.ndarray  # bool per feature: a bigram of two stems
    anchored: np.ndarray  # bool per feature: in the view's `anchored`
    rows: np.ndarray  # sentence of each (sentence, feature) entry
    cols: np.ndarray  # feature (index into `vocab`) of each entry
    n_sentences: int
    extra_anchored: frozenset[str]  # anchored features the article itself lacks (hand-made views)
    # `vocab` as the view's own strings: their hashes are known, so looking them up is cheap.
    words: list[str] = field(default_factory=list, compare=False, repr=False)
    # The last (idf, default, weight per feature) asked for: the corpus IDF is looked up once
    # per article, not once per pair.
    weights: list[tuple[Idf, float, np.ndarray]] = field(default_factory=list, compare=False)
    keys: np.ndarray | None = field(default=None, compare=False, repr=False)  # of `vocab`

    def idf(self, idf: Idf, default_idf: float) -> np.ndarray:
        """The IDF of each of the article's features."""
        if not (self.weights and self.weights[0][0] is idf and self.weights[0][1] == default_idf):
            if isinstance(idf, KeyedIdf):
                keys = self.keys if self.keys is not None else string_keys(self.vocab.tolist())
                found = idf.of(keys, default_idf)
            else:
                words = self.words or self.vocab.tolist()
                found = np.fromiter(
                    map(idf.get, words, itertools.repeat(default_idf)), float, len(self.vocab)
                )
            self.weights[:] = [(idf, default_idf, found)]
        return self.weights[0][2]


def sentence_table(view: SentenceView) -> SentenceTable:
    """The sparse sentence x feature table of a view (see `SentenceTable`)."""
    vocab = view.ordered
    col = dict(zip(vocab, range(len(vocab)), strict=True))
    counts = [len(st) for st in view.stems]
    every = itertools.chain.from_iterable(view.stems)
    cols = np.fromiter(map(col.__getitem__, every), np.intp, sum(counts))
    return SentenceTable(
        np.array(vocab, dtype=str),
        np.array([BIGRAM in f for f in vocab], dtype=bool),
        np.array([f in view.anchored for f in vocab], dtype=bool),
        np.repeat(np.arange(len(counts), dtype=np.intp), counts),
        cols,
        len(view.stems),
        view.anchored - col.keys(),
        vocab,
        keys=view.keys,
    )


def merge_sorted(a: np.ndarray, b: np.ndarray) -> tuple[int, np.ndarray, np.ndarray]:
    """(size of the sorted union, position of each of a's items in it, of each of b's) for two
    sorted arrays of distinct items: binary searches, no sorting or hashing of strings."""
    ins = np.searchsorted(a, b)
    dup = np.zeros(len(b), dtype=bool)
    inside = ins < len(a)
    dup[inside] = a[ins[inside]] == b[inside]
    new_at = ins[~dup]  # b's items not in a go before a[new_at], in order
    pos_a = np.arange(len(a)) + np.searchsorted(new_at, np.arange(len(a)), side="right")
    pos_b = np.empty(len(b), dtype=np.intp)
    pos_b[~dup] = new_at + np.arange(len(new_at))
    pos_b[dup] = pos_a[ins[dup]]
    return len(a) + len(new_at), pos_a, pos_b


def similarity_matrices(
    view_a: SentenceView,
    view_b: SentenceView,
    idf: Idf,
    default_idf: float,
    weightings: Sequence[tuple[float, float]],
) -> list[np.ndarray]:
    """`similarity_matrix` for each (anchor, bigram) weighting, sharing one merge of the two
    articles' `SentenceTable`s: the same columns in the same (sorted) order as building the
    matrices from the sentences' strings, hence the same numbers."""
    ta, tb = view_a.table, view_b.table
    size, pos_a, pos_b = merge_sorted(ta.vocab, tb.vocab)
    bigram_col = np.zeros(size, dtype=bool)
    bigram_col[pos_a[ta.bigram]] = True
    bigram_col[pos_b[tb.bigram]] = True
    anchored_col = np.zeros(size, dtype=bool)
    anchored_col[pos_a[ta.anchored]] = True
    anchored_col[pos_b[tb.anchored]] = True
    if ta.extra_anchored or tb.extra_anchored:
        extra = list(ta.extra_anchored | tb.extra_anchored)
        anchored_col[pos_a[np.isin(ta.vocab, extra)]] = True
        anchored_col[pos_b[np.isin(tb.vocab, extra)]] = True
    idf_col = np.empty(size)
    idf_col[pos_a] = ta.idf(idf, default_idf)
    idf_col[pos_b] = tb.idf(idf, default_idf)
    xa_all = np.zeros((ta.n_sentences, size))
    xa_all[ta.rows, pos_a[ta.cols]] = 1.0
    xb_all = np.zeros((tb.n_sentences, size))
    xb_all[tb.rows, pos_b[tb.cols]] = 1.0
    out = []
    for anchor, bigram in weightings:
        used = np.ones(size, dtype=bool) if bigram else ~bigram_col
        if not view_a.stems or not used.any() or not view_b.stems:
            out.append(np.zeros((len(view_a.stems), len(view_b.stems))))
            continue
        weights = idf_col[used]
        if anchor != 1.0 or bigram != 1.0:
            weights *= np.where(anchored_col[used], anchor, 1.0) * np.where(
                bigram_col[used], bigram, 1.0
            )
        xa, xb = xa_all, xb_all
        if not bigram:  # C order, as built row by row: BLAS sums in the same order
            xa, xb = np.ascontiguousarray(xa[:, used]), np.ascontiguousarray(xb[:, used])
        shared = (xa * weights) @ xb.T
        mass = (xa @ weights)[:, None] + (xb @ weights)[None, :]
        out.append(np.divide(2 * shared, mass, out=np.zeros_like(shared), where=mass > 0))
    return out


def similarity_matrix(
    view_a: SentenceView,
    view_b: SentenceView,
    idf: Idf,
    default_idf: float,
    anchor: float = 1.0,
    bigram: float = 0.0,
) -> np.ndarray:
    """Weighted Dice between every sentence of a and every sentence of b: IDF times the
    `feature_weights` factor (by default plain stems, bigram features ignored)."""
    return similarity_matrices(view_a, view_b, idf, default_idf, [(anchor, bigram)])[0]
