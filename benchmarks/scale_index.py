"""The archive-scale shingle index as the scale benchmark runs it: sampling by corpus size and
chunks shingled over a process pool.

The product's pieces (`shingle_chunk`, `bucket`, `bucket_votes`, `merge_votes`, `frame`) live in
`newsaudit.overlap.candidates`; this module only chooses the sample rate and spreads the chunks
over processes for the benchmark (in the product, the runner decides where work runs).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

import numpy as np
import pandas as pd

from newsaudit.overlap.candidates import (
    bucket_votes,
    frame,
    hashed_candidates,
    merge_votes,
    shingle_chunk,
)

# From this many articles on, 1 shingle in SAMPLE is indexed: at 10k articles this halves the
# time (5.4 -> 2.8 s) and quarters the index, while recall on pairs with containment >= 0.3
# stays >= 0.999 up to 100k (a 500-word copy of 30 % keeps ~35 of its ~140 shared shingles;
# see benchmarks/results/overlap_scale_*.md).
# Below it every shingle is kept, so small corpora see even the faintest reuse.
SAMPLE = 4
SAMPLE_FROM_ARTICLES = 5_000


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
    """`hashed_candidates`, with the chunks shingled over `workers` processes when > 1."""
    starts = range(0, len(texts), chunk_size)
    if workers <= 1 or len(starts) <= 1:
        return hashed_candidates(ids, texts, n, max_df, min_shared, sample, chunk_size)
    if len(ids) != len(texts):
        raise ValueError("candidates: ids and texts differ in length")
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
    per_doc = np.concatenate([c.per_doc for c in chunks]) if chunks else np.zeros(0, np.int64)
    parts = [(c.doc, c.hash) for c in chunks]
    del chunks
    keys, shared = merge_votes([bucket_votes(parts, len(ids), max_df)], min_shared)
    return frame(ids, keys, shared, per_doc)
