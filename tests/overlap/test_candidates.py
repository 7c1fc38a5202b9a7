"""Tests for newsaudit.overlap.candidates: the shingle index."""

import numpy as np
import pytest

from newsaudit.config import OverlapConfig
from newsaudit.overlap import candidates

STORY = (
    "The regional council approved the new budget on Tuesday after a long debate about "
    "schools, roads and the future of the old harbour district near the station."
)
OTHER = (
    "Fishermen in the northern bay reported record catches this spring, and prices at the "
    "morning market fell for the third week in a row according to traders."
)


def test_planted_pair_is_found_and_unrelated_pairs_are_not():
    copy = "Reporters said: " + STORY.replace("Tuesday", "Wednesday")
    found = candidates.candidates(["a", "b", "c"], [STORY, OTHER, copy])
    assert list(zip(found["article_a"], found["article_b"], strict=True)) == [("a", "c")]
    assert found.loc[0, "shared_shingles"] >= 10
    assert 0 < found.loc[0, "jaccard"] <= 1


def test_shingles_in_too_many_articles_are_dropped():
    phrase = "the prime minister said on state television that "
    texts = [phrase + t for t in (STORY, OTHER, "Completely different words follow here now.")]
    capped = OverlapConfig(max_shingle_df=2, min_shared_shingles=1)
    assert candidates.candidates(["a", "b", "c"], texts, capped).empty
    uncapped = OverlapConfig(max_shingle_df=3, min_shared_shingles=1)
    assert len(candidates.candidates(["a", "b", "c"], texts, uncapped)) == 3


def test_output_is_sorted_and_independent_of_input_order():
    copy = STORY + " " + OTHER
    ids, texts = ["x", "y", "z"], [STORY, OTHER, copy]
    first = candidates.candidates(ids, texts)
    second = candidates.candidates(ids[::-1], texts[::-1])
    assert first.equals(second)
    assert list(first.columns) == candidates.CANDIDATE_COLUMNS


def test_ids_and_texts_must_match():
    with pytest.raises(ValueError, match="differ in length"):
        candidates.candidates(["a"], [STORY, OTHER])


def test_short_and_empty_texts():
    assert candidates.candidates(["a", "b"], ["", "two words"]).empty


def test_index_pieces_and_their_runner_do_not_change_the_pairs(monkeypatch):
    copy = "Reporters said: " + STORY.replace("Tuesday", "Wednesday")
    ids = [f"{i:02d}" for i in range(8)]
    texts = [STORY, OTHER, copy, OTHER + " " + STORY, "", "Short.", copy, STORY]
    whole = candidates.candidates(ids, texts)
    monkeypatch.setattr(candidates, "INDEX_PIECE_ARTICLES", 3)
    calls = []

    def each(step, fn, items):
        calls.append((step, len(items)))
        return [fn(x) for x in items[::-1]][::-1]  # any order of work, results in item order

    assert candidates.candidates(ids, texts, each=each).equals(whole)
    assert calls == [("overlap: index", 3), ("overlap: index pairs", 1)]
    assert len(whole) >= 6
    monkeypatch.setattr(candidates, "INDEX_RANGE_ROWS", 1)  # a hash range per row or so
    calls.clear()
    assert candidates.candidates(ids, texts, each=each).equals(whole)
    assert calls == [("overlap: index", 3), ("overlap: index pairs", candidates.INDEX_RANGES)]


def _votes_of_all_rows(parts, n_docs, max_df):
    """The reference of `bucket_votes`: every row sorted by (hash, doc), no filter first."""
    doc = np.concatenate([d for d, _ in parts]).astype(np.int64)
    h = np.concatenate([h for _, h in parts])
    order = np.lexsort((doc, h))
    doc, h = doc[order], h[order]
    votes: dict[int, int] = {}
    for value in np.unique(h):
        docs = doc[h == value].tolist()
        if 2 <= len(docs) <= max(2, max_df):
            for i, a in enumerate(docs):
                for b in docs[i + 1 :]:
                    votes[a * n_docs + b] = votes.get(a * n_docs + b, 0) + 1
    return sorted(votes), [votes[k] for k in sorted(votes)]


@pytest.mark.parametrize(
    ("rows", "distinct", "max_df"), [(0, 1, 20), (50, 1000, 20), (400, 60, 3)]
)
def test_bucket_votes_equal_voting_over_every_row(rows, distinct, max_df):
    rng = np.random.default_rng(rows)
    n_docs = 30
    pairs = {(int(d), int(h)) for d, h in rng.integers(0, [n_docs, distinct], size=(rows, 2))}
    doc = np.array([d for d, _ in sorted(pairs)], dtype=np.int32)
    h = np.array([h * 0x9E3779B97F4A7C15 % 2**64 for _, h in sorted(pairs)], dtype=np.uint64)
    parts = [(doc[: len(doc) // 2], h[: len(h) // 2]), (doc[len(doc) // 2 :], h[len(h) // 2 :])]
    keys, counts = candidates.bucket_votes(parts, n_docs, max_df)
    assert (keys.tolist(), counts.tolist()) == _votes_of_all_rows(parts, n_docs, max_df)


def test_hash_ranges_split_sorted_rows_without_losing_any():
    h = np.sort(np.random.default_rng(0).integers(0, 2**64, 500, dtype=np.uint64))
    doc = np.arange(500, dtype=np.int32)
    ranges = candidates.hash_ranges([(doc, h)], 7)
    assert len(ranges) == 7
    assert np.concatenate([d for ((d, _),) in ranges]).tolist() == doc.tolist()
    assert all(
        len(r_h) == 0 or r_h.max() < (k + 1) * 2**64 // 7 for k, [(_, r_h)] in enumerate(ranges)
    )
