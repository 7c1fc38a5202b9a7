"""Candidate pairs for text reuse: a vectorised inverted index over hashed word shingles.

Every article is reduced to word tokens normalised for case, accents, typographic quotes and
dashes, and digit grouping ("14,000" = "14000"). Word n-grams are hashed to 64-bit integers in
numpy; a shingle found in more than `max_shingle_df` articles (boilerplate, stock phrases) is
dropped; every remaining shingle shared by two articles votes for that pair. Only pairs with at
least `min_shared_shingles` votes go on to alignment, so the cost is near-linear in corpus size
instead of quadratic.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Sequence

import numpy as np
import pandas as pd

from newsaudit.config import OverlapConfig
from newsaudit.text.tokens import words

CANDIDATE_COLUMNS = ["article_a", "article_b", "shared_shingles", "jaccard"]


def _word_hash(word: str) -> int:
    # The word's bytes, not Python's per-process randomised hash: shingle hashes are identical
    # across runs and corpus orders.
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: spreads bits so that chained hashes behave like random keys."""
    with np.errstate(over="ignore"):
        x = x + np.uint64(0x9E3779B97F4A7C15)
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return x ^ (x >> np.uint64(31))


def shingle_hashes(
    docs: Sequence[list[str]], n: int, keep_one_in: int = 1, cache: dict[str, int] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """(doc index, shingle hash) of every distinct word n-gram of every doc.

    With `keep_one_in` k > 1 only shingles whose hash is 0 mod k are kept (a hash-based
    sample, identical in every document, so shared shingles stay shared: Broder's mod-k sketch).
    """
    cache = {} if cache is None else cache
    empty = np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.uint64)
    lengths = np.fromiter((len(d) for d in docs), dtype=np.int64, count=len(docs))
    if lengths.sum() < n:
        return empty
    codes, uniques = pd.factorize(np.fromiter(itertools.chain.from_iterable(docs), dtype=object))
    table = np.fromiter(
        (cache[w] if w in cache else cache.setdefault(w, _word_hash(w)) for w in uniques),
        dtype=np.uint64,
        count=len(uniques),
    )
    flat = table[codes]
    doc_of = np.repeat(np.arange(len(docs), dtype=np.int32), lengths)
    return ngram_hashes(flat, doc_of, n, keep_one_in)


def ngram_hashes(
    flat: np.ndarray, doc_of: np.ndarray, n: int, keep_one_in: int = 1
) -> tuple[np.ndarray, np.ndarray]:
    """Distinct (document, n-gram hash) pairs, sorted, from the token hashes of concatenated
    documents (`doc_of` gives each token's document); 1 in `keep_one_in` kept, by hash."""
    m = len(flat) - n + 1
    h = np.zeros(m, dtype=np.uint64)
    for k in range(n):  # chained mixing: order-sensitive ("a b" != "b a")
        h = _mix(h ^ flat[k : k + m])
    keep = doc_of[:m] == doc_of[n - 1 :]  # the n-gram does not straddle two documents
    if keep_one_in > 1:
        keep &= h % np.uint64(keep_one_in) == 0
    doc, h = doc_of[:m][keep], h[keep]
    order = np.lexsort((h, doc))
    doc, h = doc[order], h[order]
    first = np.r_[True, (h[1:] != h[:-1]) | (doc[1:] != doc[:-1])] if len(h) else []
    return doc[first], h[first]


def _index(
    texts: Sequence[str], config: OverlapConfig
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(doc, hash) postings sorted by hash, and shingles per doc; built in chunks of articles
    so memory stays proportional to the kept shingles, not to the corpus's word strings."""
    keep_one_in = config.large_keep_one_in if len(texts) > config.large_corpus_articles else 1
    cache: dict[str, int] = {}
    docs_parts, hash_parts = [], []
    step = config.index_chunk_articles
    for lo in range(0, len(texts), step):
        chunk = [words(t) for t in texts[lo : lo + step]]
        doc, h = shingle_hashes(chunk, config.shingle_size, keep_one_in, cache)
        docs_parts.append(doc.astype(np.int64) + lo)
        hash_parts.append(h)
    doc = np.concatenate(docs_parts) if docs_parts else np.zeros(0, dtype=np.int64)
    h = np.concatenate(hash_parts) if hash_parts else np.zeros(0, dtype=np.uint64)
    per_doc = np.bincount(doc, minlength=len(texts))
    order = np.argsort(h, kind="stable")
    return doc[order], h[order], per_doc


def candidates(
    ids: Sequence[str], texts: Sequence[str], config: OverlapConfig | None = None
) -> pd.DataFrame:
    """Pairs of articles sharing at least `min_shared_shingles` shingles (rarer than the cap).

    Returns columns article_a < article_b, shared_shingles and the shingle Jaccard estimate,
    sorted by shared_shingles desc then ids. Pure numpy after tokenising: no per-pair loop.
    """
    config = config or OverlapConfig()
    if len(ids) != len(texts):
        raise ValueError("candidates: ids and texts differ in length")
    doc, h, per_doc = _index(texts, config)
    n_docs = len(ids)
    if len(doc) == 0:
        return pd.DataFrame(columns=CANDIDATE_COLUMNS)
    starts = np.flatnonzero(np.r_[True, h[1:] != h[:-1]])
    df = np.diff(np.r_[starts, len(h)])
    cap = max(2, int(config.max_shingle_df))
    keep = (df >= 2) & (df <= cap)
    a_list, b_list = [], []
    for size in np.unique(df[keep]):  # one vectorised pass per posting-list length
        group_starts = starts[keep & (df == size)]
        block = doc[group_starts[:, None] + np.arange(size)[None, :]]
        ii, jj = np.triu_indices(int(size), k=1)
        a_list.append(block[:, ii].ravel())
        b_list.append(block[:, jj].ravel())
    if not a_list:
        return pd.DataFrame(columns=CANDIDATE_COLUMNS)
    a = np.concatenate(a_list)
    b = np.concatenate(b_list)
    key = a * n_docs + b
    uniq, counts = np.unique(key, return_counts=True)
    a, b = uniq // n_docs, uniq % n_docs
    keep_pairs = counts >= config.min_shared_shingles
    a, b, counts = a[keep_pairs], b[keep_pairs], counts[keep_pairs]
    union = per_doc[a] + per_doc[b] - counts
    id_arr = np.asarray(ids, dtype=object)
    first = np.where(id_arr[a] < id_arr[b], id_arr[a], id_arr[b])
    second = np.where(id_arr[a] < id_arr[b], id_arr[b], id_arr[a])
    out = pd.DataFrame(
        {
            "article_a": first.astype(str),
            "article_b": second.astype(str),
            "shared_shingles": counts.astype(np.int64),
            "jaccard": counts / np.maximum(union, 1),
        }
    )
    out = out.sort_values(
        ["shared_shingles", "article_a", "article_b"], ascending=[False, True, True]
    )
    return out.reset_index(drop=True)
