"""Tests for Greedy String Tiling and the sentence profile of the reuse evidence."""

import numpy as np
import pytest

from newsaudit.config import OverlapConfig
from newsaudit.overlap import features, tiling
from newsaudit.overlap.prepare import prepare
from tests.conftest import corpus_of


def _codes(words: str) -> np.ndarray:
    """Word codes of a space-separated string: letters a.. -> 1.., '|' -> 0 (separator)."""
    return np.array([0 if w == "|" else ord(w) - 96 for w in words.split()], dtype=np.uint64)


@pytest.mark.parametrize(
    ("copy", "pool", "n", "tiled"),
    [
        ("a b c d e", "a b c d e", 2, [(0, 0, 5)]),  # a whole copy: one tile
        ("a b c a b c", "a b c", 2, [(0, 0, 3)]),  # a repeated sentence is used once
        ("x a b c y", "q a b c d e", 3, [(1, 1, 3)]),
        ("a b c d", "a b | c d", 2, [(0, 0, 2), (2, 3, 2)]),  # no tile across two sources
        ("a b c d", "a b | c d", 3, []),
        ("a b c d e f", "d e f a b c d", 2, [(0, 3, 4), (4, 1, 2)]),  # longest first, then free
    ],
)
def test_greedy_string_tiling(copy, pool, n, tiled):
    assert sorted(tiling.tiles(_codes(copy), _codes(pool), n)) == sorted(tiled)


@pytest.mark.parametrize(
    ("copy", "pool", "matched"),
    [("a a b c", "a b b", 2), ("a b", "c d", 0), ("a b a", "a | a", 2)],
)
def test_word_matches_are_one_to_one(copy, pool, matched):
    assert tiling.word_matches(_codes(copy), _codes(pool)) == matched


def test_mask_of_keeps_tiles_of_the_length_asked():
    found = [(0, 0, 2), (4, 9, 8)]
    assert tiling.mask_of(14, found, 2).sum() == 10
    assert tiling.mask_of(14, found, 3).tolist() == [False] * 4 + [True] * 8 + [False] * 2


def test_sentence_shares_skip_short_sentences_and_quotes():
    covered = np.array([True] * 6 + [False] * 6 + [True] * 3)
    own = np.array([True] * 12 + [False, False, True])
    shares = tiling.sentence_shares(covered, [(0, 6), (6, 12), (12, 15)], own)
    assert shares.tolist() == [1.0, 0.0]  # the last has one word outside quotes


@pytest.mark.parametrize(
    ("shares", "unsourced", "run", "first", "last"),
    [
        ([1.0, 0.0, 0.1, 0.9], 0.5, 0.5, 1.0, 0.9),
        ([0.0, 0.5, 0.0, 0.0], 0.75, 0.5, 0.0, 0.0),
        ([], 0.0, 0.0, 0.0, 0.0),
    ],
)
def test_profile_reads_the_distribution(shares, unsourced, run, first, last):
    p = tiling.profile(np.array(shares))
    assert (p["sentences_unsourced"], p["unsourced_run"]) == pytest.approx((unsourced, run))
    assert (p["first_sourced"], p["last_sourced"]) == pytest.approx((first, last))


WIRE = (
    "The regional council approved a new flood barrier for the river port on Tuesday after a "
    "long debate about its cost. Engineers said the barrier would be built in three stages over "
    "four years and would protect nine thousand homes."
)
COPY = (
    "The regional council approved a new flood barrier for the river port on Tuesday after a "
    "long debate about its cost. Engineers said the barrier would be built in three stages over "
    "four years."
)
OWN = (
    "Harbour master Jane Okafor told this paper the quay had flooded twice since March. "
    '"We have waited a decade for this," said Okafor, who runs the Marlow ferry service.'
)


@pytest.mark.parametrize(
    ("copy", "tiled_min", "tiled_max", "unsourced_max"),
    [(COPY, 0.95, 1.0, 0.0), (f"{COPY} {OWN}", 0.4, 0.8, 0.5), (OWN, 0.0, 0.2, 1.0)],
)
def test_tiling_features_of_a_copy(copy, tiled_min, tiled_max, unsourced_max):
    config = OverlapConfig()
    docs = corpus_of({"copy": copy, "wire": WIRE})
    copy_p, wire_p = (prepare(a, config) for a in docs.articles)
    values = features.reuse_features(copy_p, [wire_p], [], config, tiled=True)
    assert tiled_min <= values["tiled_2"] <= tiled_max
    assert values["sentences_unsourced"] <= unsourced_max
    assert values["tiled_1"] >= values["tiled_2"] >= values["tiled_3"] >= values["tiled_8"]
    if copy == OWN:
        assert values["novel_anchors"] > 0 and values["own_quote_share"] > 0


def test_tiling_evidence_is_left_out_unless_asked():
    config = OverlapConfig()
    docs = corpus_of({"copy": COPY, "wire": WIRE})
    copy_p, wire_p = (prepare(a, config) for a in docs.articles)
    values = features.reuse_features(copy_p, [wire_p], [], config)
    assert all(values[f] == 0.0 for f in features.TILED)
    assert values["containment_3"] > 0.9


def _matches_by_hand(copy: list[int], pool: list[int], n: int) -> set[tuple[int, int, int]]:
    """Left-maximal common runs of at least n words, position by position (code 0 never
    matches)."""
    found = set()
    for i in range(len(copy)):
        for j in range(len(pool)):
            if i and j and copy[i - 1] == pool[j - 1]:
                continue
            k = 0
            while i + k < len(copy) and j + k < len(pool) and copy[i + k] == pool[j + k] != 0:
                k += 1
            if k >= n:
                found.add((-k, i, j))
    return found


@pytest.mark.parametrize("seed", range(40))
def test_matches_are_every_left_maximal_run(seed):
    rng = np.random.default_rng(seed)
    vocab = int(rng.integers(1, 12))
    copy = rng.integers(1, vocab + 1, int(rng.integers(0, 40))).astype(np.uint64)
    parts = [rng.integers(1, vocab + 1, int(rng.integers(0, 40))) for _ in range(2)]
    pool = np.concatenate([np.append(q, 0) for q in parts]).astype(np.uint64)
    for n in (1, 2, 3):
        expected = _matches_by_hand(copy.tolist(), pool.tolist(), n)
        assert set(tiling._matches(copy, pool, n)) == expected


@pytest.mark.parametrize("seed", range(4))
def test_sorted_set_helpers_agree_with_numpy(seed):
    rng = np.random.default_rng(seed)
    codes = rng.integers(1, 2**63, size=40, dtype=np.uint64)[rng.integers(0, 40, size=60)]
    ranked = tiling.distinct(codes)
    assert ranked.tolist() == np.unique(codes).tolist()
    probe = np.concatenate([codes[:10], rng.integers(1, 2**63, size=10, dtype=np.uint64)])
    assert tiling.found_in(probe, ranked).tolist() == np.isin(probe, ranked).tolist()
    assert not tiling.found_in(probe, ranked[:0]).any()
