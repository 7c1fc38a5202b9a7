"""Candidate pairs for text reuse: a vectorised inverted index over hashed word shingles.

Every article is reduced to word tokens normalised for case, accents, typographic quotes and
dashes, and digit grouping ("14,000" = "14000"). Word n-grams are hashed to 64-bit integers in
numpy; a shingle found in more than `max_shingle_df` articles (boilerplate, stock phrases) is
dropped; every remaining shingle shared by two articles votes for that pair. Only pairs with at
least `min_shared_shingles` votes go on to alignment, so the cost is near-linear in corpus size
instead of quadratic. `candidates` maps both halves with the runner's `each`: hashing pieces of
articles, then voting per hash range (`hash_ranges`, `bucket_votes`); only the votes are summed
in the calling process.

At archive scale the same rule is built in pieces a runner can spread (`shingle_chunk` per
chunk of articles, hashed in numpy on the UTF-8 bytes; `bucket` splits by hash; `bucket_votes`
groups one bucket; `merge_votes` sums; `frame` names the pairs): `hashed_candidates` is the
serial composition, and the Dask engine runs the pieces as tasks.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial

import numpy as np
import pandas as pd

from newsaudit import runner
from newsaudit.config import OverlapConfig
from newsaudit.overlap.index_words import (
    _DIGIT,
    _NUMBER_JOIN,
    _WORD,
    drop_grouping,
    hashed_words,
    run_hashes,
    word_hash,
)
from newsaudit.overlap.tiling import found_in
from newsaudit.text.fold import COMBINING, FOLD_TABLE

CANDIDATE_COLUMNS = ["article_a", "article_b", "shared_shingles", "jaccard"]
# `frame` adds the containment estimate of the shorter article.
FRAME_COLUMNS = [*CANDIDATE_COLUMNS, "containment"]


def _word_hash(word: str) -> int:
    # The word's bytes, not Python's per-process randomised hash: shingle hashes are identical
    # across runs and corpus orders.
    return word_hash(word.encode("utf-8"))


_MIX_ADD = np.uint64(0x9E3779B97F4A7C15)
_MIX_STEPS = (
    (np.uint64(30), np.uint64(0xBF58476D1CE4E5B9)),
    (np.uint64(27), np.uint64(0x94D049BB133111EB)),
    (np.uint64(31), None),
)


def _mix_into(x: np.ndarray, spare: np.ndarray) -> None:
    """`_mix` in place (`spare`: scratch of the same size): the same numbers, no temporary
    arrays (half the time on the index's long arrays)."""
    np.add(x, _MIX_ADD, out=x)
    for shift, factor in _MIX_STEPS:
        np.right_shift(x, shift, out=spare)
        np.bitwise_xor(x, spare, out=x)
        if factor is not None:
            np.multiply(x, factor, out=x)


def shingle_hashes(
    docs: Sequence[list[str]], n: int, keep_one_in: int = 1, cache: dict[str, int] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """(doc index, shingle hash) of every distinct word n-gram of every doc.

    With `keep_one_in` k > 1 only shingles whose hash is 0 mod k are kept (a hash-based
    sample, identical in every document, so shared shingles stay shared: Broder's mod-k sketch).
    The plain reference of `index_words.hashed_words` + `ngram_hashes` (what the index runs):
    words hashed one by one, kept in `cache` when one is given.
    """
    cache = {} if cache is None else cache
    empty = np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.uint64)
    lengths = np.fromiter((len(d) for d in docs), dtype=np.int64, count=len(docs))
    if lengths.sum() < n:
        return empty
    flat_words = list(itertools.chain.from_iterable(docs))
    cache.update({w: _word_hash(w) for w in set(flat_words).difference(cache)})
    flat = np.fromiter(map(cache.__getitem__, flat_words), dtype=np.uint64, count=len(flat_words))
    doc_of = np.repeat(np.arange(len(docs), dtype=np.int32), lengths)
    return ngram_hashes(flat, doc_of, n, keep_one_in)


MIX_BLOCK = 32_768  # n-grams mixed at a time (256 KiB of hashes)


def ngram_hashes(
    flat: np.ndarray, doc_of: np.ndarray, n: int, keep_one_in: int = 1
) -> tuple[np.ndarray, np.ndarray]:
    """Distinct (document, n-gram hash) pairs, sorted by hash then document, from the token
    hashes of concatenated documents (`doc_of` gives each token's document); 1 in
    `keep_one_in` kept, by hash."""
    m = len(flat) - n + 1
    h = np.zeros(m, dtype=np.uint64)
    spare = np.empty(min(m, MIX_BLOCK), dtype=np.uint64)
    # In blocks that stay in the CPU's cache: the same numbers, a fraction of the memory traffic
    # of mixing the whole array n times.
    for lo in range(0, m, MIX_BLOCK):
        block = h[lo : lo + MIX_BLOCK]
        for k in range(n):  # chained mixing: order-sensitive ("a b" != "b a")
            np.bitwise_xor(block, flat[lo + k : lo + k + len(block)], out=block)
            _mix_into(block, spare[: len(block)])
    keep = doc_of[:m] == doc_of[n - 1 :]  # the n-gram does not straddle two documents
    if keep_one_in > 1:
        keep &= _sampled(h, keep_one_in)
    doc, h = doc_of[:m][keep], h[keep]
    order = _hash_order(h)  # by hash: the index's merged postings sort faster in runs
    doc, h = doc[order], h[order]
    _docs_in_order(doc, h)
    first = np.r_[True, (h[1:] != h[:-1]) | (doc[1:] != doc[:-1])] if len(h) else []
    return doc[first], h[first]


def _sampled(h: np.ndarray, keep_one_in: int) -> np.ndarray:
    """`h % keep_one_in == 0`, as a test of the low bits when `keep_one_in` is a power of two
    (a division per hash costs more than mixing it)."""
    if keep_one_in & (keep_one_in - 1) == 0:
        return (h & np.uint64(keep_one_in - 1)) == 0
    return h % np.uint64(keep_one_in) == 0


def _hash_order(h: np.ndarray) -> np.ndarray:
    """An order sorting `h` (equal hashes by rising position): a plain sort of the hashes' top
    bits packed with their positions, many times faster than an argsort (as `index_words`
    groups words). Hashes equal in their top bits only (rare) are caught by the check, which
    falls back to an argsort."""
    if len(h) < 2:
        return np.arange(len(h))
    bits = (len(h) - 1).bit_length()
    low = np.uint64((1 << bits) - 1)
    order = (np.sort((h & ~low) | np.arange(len(h), dtype=np.uint64)) & low).astype(np.intp)
    ranked = h[order]
    if (ranked[1:] < ranked[:-1]).any():
        return np.argsort(h, kind="stable")
    return order


def _docs_in_order(doc: np.ndarray, h: np.ndarray) -> None:
    """Sort, in place, the docs within each run of equal hashes of `h` (sorted): the order a
    (hash, doc) sort gives, only the (few) tied rows sorted twice."""
    tie = h[1:] == h[:-1]
    if not tie.any():
        return
    tied = np.flatnonzero(np.r_[tie, False] | np.r_[False, tie])
    doc[tied] = doc[tied][np.lexsort((doc[tied], h[tied]))]


# Articles per mapped piece of the index: at least this many, more for large corpora (then
# exactly `INDEX_PIECES` pieces, not one more for a remainder: the runner's chunks of pieces
# come out even, so no core waits at the end for an odd chunk; each piece looks its distinct
# words up once, so larger pieces look up fewer words per article), at most
# `INDEX_PIECE_MAX` (memory). Enough pieces that a 10k corpus still gives every core many.
# The postings do not depend on the pieces.
INDEX_PIECE_ARTICLES = 250
INDEX_PIECES = 64
INDEX_PIECE_MAX = 2000


def _piece_shingles(
    texts: Sequence[str], n: int, keep_one_in: int
) -> tuple[np.ndarray, np.ndarray]:
    """(doc within the piece, shingle hash) of a few articles: the step a runner maps. The
    same as `shingle_hashes([words(t) for t in texts], ...)`, without a string per word
    (`index_words`)."""
    flat, lengths = hashed_words(texts)
    if lengths.sum() < n:
        return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.uint64)
    doc_of = np.repeat(np.arange(len(texts), dtype=np.int32), lengths)
    return ngram_hashes(flat, doc_of, n, keep_one_in)


def _index(
    texts: Sequence[str], config: OverlapConfig, each: runner.Each = runner.serial
) -> tuple[list[tuple[np.ndarray, np.ndarray]], np.ndarray]:
    """(doc, hash) rows of each piece of articles (docs numbered in the corpus, rows sorted by
    hash then doc), and shingles per doc; tokenised and hashed in pieces of articles (mapped by
    `each`), so memory stays proportional to the kept shingles, not to the corpus's word
    strings. The rows do not depend on the pieces."""
    keep_one_in = config.large_keep_one_in if len(texts) > config.large_corpus_articles else 1
    piece = min(INDEX_PIECE_MAX, max(INDEX_PIECE_ARTICLES, -(-len(texts) // INDEX_PIECES)))
    step = min(piece, max(1, config.index_chunk_articles))
    firsts = range(0, len(texts), step)
    hashed = each(
        "overlap: index",
        partial(_piece_shingles, n=config.shingle_size, keep_one_in=keep_one_in),
        [texts[lo : lo + step] for lo in firsts],
    )
    parts = [(doc + np.int32(lo), h) for lo, (doc, h) in zip(firsts, hashed, strict=True)]
    per_doc = np.zeros(len(texts), dtype=np.int64)
    for lo, (doc, _) in zip(firsts, hashed, strict=True):
        counts = np.bincount(doc, minlength=min(step, len(texts) - lo))
        per_doc[lo : lo + len(counts)] = counts
    return parts, per_doc


# Hash ranges the pieces' rows are grouped in (mapped by the runner, so the grouping runs on
# every core): about one per `INDEX_RANGE_ROWS` rows, at most `INDEX_RANGES`. The pairs do not
# depend on the ranges.
INDEX_RANGE_ROWS = 100_000
INDEX_RANGES = 64


def hash_ranges(
    parts: Sequence[tuple[np.ndarray, np.ndarray]], ranges: int
) -> list[list[tuple[np.ndarray, np.ndarray]]]:
    """Rows of pieces sorted by hash split into `ranges` equal hash ranges: per range, each
    piece's slice (views, no copy), so a shingle's rows all fall in one range."""
    if ranges <= 1:
        return [list(parts)]
    edges = np.array([(k << 64) // ranges for k in range(1, ranges)], dtype=np.uint64)
    out: list[list[tuple[np.ndarray, np.ndarray]]] = [[] for _ in range(ranges)]
    for doc, h in parts:
        cuts = [0, *np.searchsorted(h, edges).tolist(), len(h)]
        for k in range(ranges):
            out[k].append((doc[cuts[k] : cuts[k + 1]], h[cuts[k] : cuts[k + 1]]))
    return out


def candidates(
    ids: Sequence[str],
    texts: Sequence[str],
    config: OverlapConfig | None = None,
    each: runner.Each = runner.serial,
) -> pd.DataFrame:
    """Pairs of articles sharing at least `min_shared_shingles` shingles (rarer than the cap).

    Returns columns article_a < article_b, shared_shingles and the shingle Jaccard estimate,
    sorted by shared_shingles desc then ids. Pure numpy after tokenising: no per-pair loop;
    the shingles' rows are grouped by hash range, each range's votes mapped by `each`.
    """
    config = config or OverlapConfig()
    if len(ids) != len(texts):
        raise ValueError("candidates: ids and texts differ in length")
    parts, per_doc = _index(texts, config, each)
    n_docs = len(ids)
    rows = sum(len(h) for _, h in parts)
    ranges = max(1, min(INDEX_RANGES, rows // INDEX_RANGE_ROWS))
    votes = each(
        "overlap: index pairs",
        partial(bucket_votes, n_docs=n_docs, max_df=config.max_shingle_df),
        hash_ranges(parts, ranges),
    )
    del parts
    keys, counts = merge_votes(votes, config.min_shared_shingles)
    if not len(keys):
        return pd.DataFrame(columns=CANDIDATE_COLUMNS)
    a, b = keys // n_docs, keys % n_docs
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


# ---------------------------------------------------------------------------------------------
# The index in pieces (archive scale, distributed)
# ---------------------------------------------------------------------------------------------
# Byte classes for the vectorised tokeniser (`index_words` holds the others).
_WORD_JOIN = np.zeros(256, dtype=bool)
_WORD_JOIN[[*b"'-"]] = True


def _fold_letters(text: str) -> str:
    """`text.fold.fold` without the digit-grouping step (done on bytes by `drop_grouping`)."""
    if not text.isascii():
        text = COMBINING.sub("", unicodedata.normalize("NFKD", text.translate(FOLD_TABLE)))
    return text.casefold()


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
    b, bounds = drop_grouping(b, bounds)
    word = _WORD[b]
    digit = _DIGIT[b]
    inner = np.zeros(len(b), dtype=bool)
    inner[1:-1] = (_WORD_JOIN[b[1:-1]] & word[:-2] & word[2:]) | (
        _NUMBER_JOIN[b[1:-1]] & digit[:-2] & digit[2:]
    )
    word |= inner
    edges = np.diff(np.r_[False, word, False].astype(np.int8))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    hashes = run_hashes(b, starts, ends)
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


def _shared(doc: np.ndarray, h: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The rows whose hash is in more than one row: most shingles are in one article only, and
    finding the others with a plain sort of the hashes (many times faster than sorting rows)
    leaves only a few rows to sort by (hash, doc)."""
    sorted_h = np.sort(h)
    repeated = sorted_h[1:][sorted_h[1:] == sorted_h[:-1]]
    if not len(repeated):
        return doc[:0], h[:0]
    hit = found_in(h, repeated)
    return doc[hit], h[hit]


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
    doc, h = _shared(doc, h)
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
        columns=FRAME_COLUMNS,
    )
    out = out.sort_values(
        ["shared_shingles", "article_a", "article_b"], ascending=[False, True, True]
    )
    return out.reset_index(drop=True)


def hashed_candidates(
    ids: Sequence[str],
    texts: Sequence[str],
    n: int = 5,
    max_df: int = 20,
    min_shared: int = 2,
    sample: int = 1,
    chunk_size: int = 2000,
) -> pd.DataFrame:
    """The chunked, bucketed index run serially (columns `FRAME_COLUMNS`): the reference the
    distributed version must equal. With sample=1 its pairs are those of `candidates` (up to
    the rare tokens noted in `word_hashes`)."""
    if len(ids) != len(texts):
        raise ValueError("candidates: ids and texts differ in length")
    chunks = [
        shingle_chunk(texts[i : i + chunk_size], i, n, sample)
        for i in range(0, len(texts), chunk_size)
    ]
    per_doc = np.concatenate([c.per_doc for c in chunks]) if chunks else np.zeros(0, np.int64)
    parts = [(c.doc, c.hash) for c in chunks]
    keys, shared = merge_votes([bucket_votes(parts, len(ids), max_df)], min_shared)
    return frame(ids, keys, shared, per_doc)
