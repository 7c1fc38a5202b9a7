"""Candidate pairs for text reuse at archive scale: a chunked, hash-partitioned shingle index.

The pair rule of the overlap module's shingle index (word 5-grams folded for case, accents,
quotes, dashes and digit grouping; shingles in more than `max_df` articles dropped as stock
phrases; pairs sharing at least `min_shared` shingles kept), built so that 100k articles take
seconds and fit in a few GiB:

- words are found and hashed in numpy on the UTF-8 bytes (no Python string per word), chunk
  by chunk, and only integer arrays are kept;
- `sample` > 1 keeps the shingles whose hash is 0 mod `sample` (Broder's MOD-m sampling): an
  unbiased sample of every article's shingle set, so containment estimates stay unbiased while
  memory and sort time fall by that factor;
- the index is split into hash buckets (`hash % buckets`), each grouped independently: the same
  function serves one process (one bucket) and a Dask cluster (one task per bucket).
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

CANDIDATE_COLUMNS = ["article_a", "article_b", "shared_shingles", "jaccard", "containment"]
# From this many articles on, 1 shingle in SAMPLE is indexed: at 10k articles this halves the
# time (5.4 -> 2.8 s) and quarters the index, while recall on pairs with containment >= 0.3
# stays >= 0.999 up to 100k (a 500-word copy of 30 % keeps ~35 of its ~140 shared shingles;
# see benchmarks/results/overlap_scale_*.md).
# Below it every shingle is kept, so small corpora see even the faintest reuse.
SAMPLE = 4
SAMPLE_FROM_ARTICLES = 5_000

# The same folding as the overlap module's own index, so both hash the same shingles.
from newsaudit.candidates import _mix, ngram_hashes  # noqa: E402
from newsaudit.text.fold import COMBINING as _COMBINING  # noqa: E402
from newsaudit.text.fold import FOLD_TABLE as _FOLD_TABLE  # noqa: E402

# "(digit)[,.] before three digits" without a look-behind: same matches, twice as fast.
_GROUPING = re.compile(r"(\d)[,.](?=\d{3}\b)")

# Byte classes for the vectorised tokeniser (UTF-8 bytes >= 0x80 are parts of letters).
_WORD = np.zeros(256, dtype=bool)
_WORD[[*b"0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"]] = True
_WORD[0x80:] = True
_DIGIT = np.zeros(256, dtype=bool)
_DIGIT[[*b"0123456789"]] = True
_WORD_JOIN = np.zeros(256, dtype=bool)
_WORD_JOIN[[*b"'-"]] = True
_NUMBER_JOIN = np.zeros(256, dtype=bool)
_NUMBER_JOIN[[*b".,"]] = True
_P = np.uint64(0x100000001B3)  # odd, so invertible modulo 2**64
_P_INV = np.uint64(pow(0x100000001B3, -1, 2**64))


def fold(text: str) -> str:
    """Case, accents, typographic quotes and dashes folded; digit grouping marks removed."""
    if not text.isascii():  # ASCII text has nothing to translate or decompose
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text.translate(_FOLD_TABLE)))
    return _GROUPING.sub(r"\1", text.casefold())


def _fold_letters(text: str) -> str:
    """`fold` without the digit-grouping step (done on bytes by `_drop_grouping`)."""
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text.translate(_FOLD_TABLE)))
    return text.casefold()


def _drop_grouping(b: np.ndarray, bounds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Delete "," and "." between a digit and exactly three digits ("14,000" -> "14000"), as
    `fold` does, on the byte array; text start offsets move left accordingly."""
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


def word_hashes(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(uint64 hash of every word of every folded text, words per text), all in numpy.

    Words are runs of letters, digits and "_" (any non-ASCII byte counts as a letter); an
    apostrophe or hyphen between two word characters and a "." or "," between two digits stay
    inside the word ("country's", "al-qaeda", "3.5"). This matches the overlap module's word
    regex except for rare mixed tokens ("12abc" is one word
    here), many times faster: no Python string per word is ever made.
    """
    encoded = [_fold_letters(t).encode("utf-8") for t in texts]
    b = np.frombuffer(b"\n".join(encoded), dtype=np.uint8)
    bounds = np.cumsum([len(e) + 1 for e in encoded[:-1]], dtype=np.int64)  # text k starts
    if len(b) == 0:
        return np.zeros(0, np.uint64), np.zeros(len(texts), np.int64)
    b, bounds = _drop_grouping(b, bounds)
    word = _WORD[b]
    digit = _DIGIT[b]
    inner = np.zeros(len(b), dtype=bool)
    inner[1:-1] = (_WORD_JOIN[b[1:-1]] & word[:-2] & word[2:]) | (
        _NUMBER_JOIN[b[1:-1]] & digit[:-2] & digit[2:]
    )
    word |= inner
    edges = np.diff(np.r_[False, word, False].astype(np.int8))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    # Polynomial hash of each word's bytes from prefix sums (uint64 arithmetic wraps mod 2**64)
    with np.errstate(over="ignore"):
        powers = np.cumprod(np.full(len(b), _P, dtype=np.uint64))
        inverse = np.cumprod(np.full(len(b), _P_INV, dtype=np.uint64))
        prefix = np.r_[np.uint64(0), np.cumsum((b.astype(np.uint64) + np.uint64(1)) * powers)]
        raw = (prefix[ends] - prefix[starts]) * inverse[starts]
    hashes = _mix(raw ^ (ends - starts).astype(np.uint64))
    del powers, inverse, prefix
    text_of = np.searchsorted(bounds, starts, side="right")
    lengths = np.bincount(text_of, minlength=len(texts)).astype(np.int64)
    return hashes, lengths


@dataclass(frozen=True)
class Shingles:
    """Distinct (doc, shingle hash) rows of a chunk of articles and each article's count."""

    doc: np.ndarray  # int32 global article index
    hash: np.ndarray  # uint64 shingle hash
    per_doc: np.ndarray  # int64 distinct (sampled) shingles per article of the chunk
    first: int  # global index of the chunk's first article


def shingle_chunk(texts: Sequence[str], first: int, n: int, sample: int = 1) -> Shingles:
    """Hashed word n-grams of `texts` (articles first, first+1, ...), sampled 1 in `sample`."""
    hashed, lengths = word_hashes(texts)
    empty = Shingles(
        np.zeros(0, np.int32), np.zeros(0, np.uint64), np.zeros(len(texts), np.int64), first
    )
    if len(hashed) < n:
        return empty
    doc_of = np.repeat(np.arange(first, first + len(texts), dtype=np.int32), lengths)
    doc, h = ngram_hashes(hashed, doc_of, n, sample)
    per_doc = np.bincount(doc - first, minlength=len(texts)).astype(np.int64)
    return Shingles(doc, h, per_doc, first)


def bucket(chunk: Shingles, buckets: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Split a chunk's (doc, hash) rows by `hash % buckets` for hash-partitioned grouping."""
    if buckets == 1:
        return [(chunk.doc, chunk.hash)]
    which = (chunk.hash % np.uint64(buckets)).astype(np.int64)
    return [(chunk.doc[which == k], chunk.hash[which == k]) for k in range(buckets)]


def bucket_votes(
    parts: Iterable[tuple[np.ndarray, np.ndarray]], n_docs: int, max_df: int
) -> tuple[np.ndarray, np.ndarray]:
    """(pair keys a * n_docs + b with a < b, votes): pairs sharing shingles of one bucket.

    A shingle in 2..max_df articles votes once for each pair of them; commoner ones are stock
    phrases and are dropped (this caps the quadratic blow-up of frequent shingles).
    """
    pieces = list(parts)
    doc = np.concatenate([p[0] for p in pieces]) if pieces else np.zeros(0, np.int32)
    h = np.concatenate([p[1] for p in pieces]) if pieces else np.zeros(0, np.uint64)
    if len(h) == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    order = np.lexsort((doc, h))
    doc, h = doc[order].astype(np.int64), h[order]
    del order
    starts = np.flatnonzero(np.r_[True, h[1:] != h[:-1]])
    df = np.diff(np.r_[starts, len(h)])
    keep = (df >= 2) & (df <= max(2, max_df))
    keys = []
    for size in np.unique(df[keep]):  # one vectorised pass per posting-list length
        group = starts[keep & (df == size)]
        block = doc[group[:, None] + np.arange(size)[None, :]]
        ii, jj = np.triu_indices(int(size), k=1)
        a, b = block[:, ii].ravel(), block[:, jj].ravel()  # sorted by doc: a < b
        keys.append(a * n_docs + b)
    if not keys:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.unique(np.concatenate(keys), return_counts=True)


def merge_votes(
    votes: Iterable[tuple[np.ndarray, np.ndarray]], min_shared: int
) -> tuple[np.ndarray, np.ndarray]:
    """Sum the buckets' votes per pair; keep pairs with at least `min_shared` shared shingles."""
    items = list(votes)
    if not items:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    keys = np.concatenate([k for k, _ in items])
    counts = np.concatenate([c for _, c in items])
    uniq, inverse = np.unique(keys, return_inverse=True)
    total = np.bincount(inverse, weights=counts, minlength=len(uniq)).astype(np.int64)
    keep = total >= min_shared
    return uniq[keep], total[keep]


def frame(
    ids: Sequence[str], keys: np.ndarray, shared: np.ndarray, per_doc: np.ndarray
) -> pd.DataFrame:
    """Candidate pairs by id (article_a < article_b) with shingle Jaccard and containment.

    `containment` = shared / the smaller article's shingle count: the share of the shorter
    article found in the other, the same reading as the overlap score. Sorted by shared
    shingles (desc) then ids.
    """
    n_docs = len(ids)
    a, b = keys // n_docs, keys % n_docs
    id_arr = np.asarray(ids, dtype=object)
    swap = id_arr[a] > id_arr[b]
    first, second = np.where(swap, id_arr[b], id_arr[a]), np.where(swap, id_arr[a], id_arr[b])
    union = per_doc[a] + per_doc[b] - shared
    out = pd.DataFrame(
        {
            "article_a": first.astype(str),
            "article_b": second.astype(str),
            "shared_shingles": shared.astype(np.int64),
            "jaccard": shared / np.maximum(union, 1),
            "containment": shared / np.maximum(np.minimum(per_doc[a], per_doc[b]), 1),
        },
        columns=CANDIDATE_COLUMNS,
    )
    out = out.sort_values(
        ["shared_shingles", "article_a", "article_b"], ascending=[False, True, True]
    )
    return out.reset_index(drop=True)


def sample_rate(n_articles: int) -> int:
    """1 shingle in how many to index for a corpus of this size (1 = all)."""
    return SAMPLE if n_articles >= SAMPLE_FROM_ARTICLES else 1


def candidates(
    ids: Sequence[str],
    texts: Sequence[str],
    n: int = 5,
    max_df: int = 20,
    min_shared: int = 2,
    sample: int = 1,
    chunk_size: int = 2000,
    workers: int = 1,
) -> pd.DataFrame:
    """Pairs of articles sharing at least `min_shared` (sampled) shingles rarer than `max_df`.

    With sample=1 the pairs and counts are those of the overlap module's word 5-gram index
    (up to the rare tokens noted in `word_hashes`); `sample_rate(len(ids))` is the default at
    scale.
    """
    if len(ids) != len(texts):
        raise ValueError("candidates: ids and texts differ in length")
    starts = range(0, len(texts), chunk_size)
    if workers > 1 and len(starts) > 1:  # tokenising dominates: spread chunks over processes
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            chunks = list(
                pool.map(
                    shingle_chunk,
                    [texts[i : i + chunk_size] for i in starts],
                    starts,
                    [n] * len(starts),
                    [sample] * len(starts),
                )
            )
    else:
        chunks = [shingle_chunk(texts[i : i + chunk_size], i, n, sample) for i in starts]
    per_doc = np.concatenate([c.per_doc for c in chunks]) if chunks else np.zeros(0, np.int64)
    parts = [(c.doc, c.hash) for c in chunks]
    del chunks
    keys, shared = merge_votes([bucket_votes(parts, len(ids), max_df)], min_shared)
    return frame(ids, keys, shared, per_doc)
