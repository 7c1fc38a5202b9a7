import random
from collections import defaultdict

import numpy as np
import pytest

from newsaudit.overlap import seeds
from newsaudit.overlap.seeds import seed_index, shared_seeds


def _reference(a: list[str], b: list[str], n: int, most: int) -> list[tuple[int, list[int]]]:
    """The n-grams themselves as dictionary keys (the aligner's former index)."""
    index = defaultdict(list)
    for j, gram in enumerate(zip(*(b[k:] for k in range(n)), strict=False)):
        index[gram].append(j)
    out = []
    for i, gram in enumerate(zip(*(a[k:] for k in range(n)), strict=False)):
        hits = index.get(gram)
        if hits and len(hits) <= most:
            out.append((i, hits))
    return out


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("n", [1, 3])
def test_shared_seeds_equal_comparing_the_ngrams_themselves(seed, n):
    rng = random.Random(seed)
    vocab = ["the", "a", "council", "vote", "14,000", "é", "x" * 40, "it's"][: rng.randint(2, 8)]
    a = [rng.choice(vocab) for _ in range(rng.randint(0, 60))]
    b = [rng.choice(vocab) for _ in range(rng.randint(0, 60))]
    found = shared_seeds(seed_index(a, n), seed_index(b, n), 3)
    assert found == _reference(a, b, n, 3)


def test_colliding_keys_are_checked_word_for_word(monkeypatch):
    monkeypatch.setattr(seeds, "_KEYS", {})
    monkeypatch.setattr(seeds, "_key", lambda word: 7)  # every word, every n-gram: one key
    a, b = ["a", "b", "c", "d"], ["x", "b", "c", "d", "y"]
    found = shared_seeds(seed_index(a, 3), seed_index(b, 3), 3)
    assert found == [(1, [1])]


def test_short_texts_have_no_seeds():
    assert len(seed_index(["a", "b"], 3).keys) == 0
    assert shared_seeds(seed_index(["a", "b"], 3), seed_index(["a", "b", "c"], 3), 3) == []
    assert np.array_equal(seed_index([], 3).order, [])


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("n", [1, 3])
def test_hits_checked_on_word_numbers_equal_hits_checked_as_strings(monkeypatch, seed, n):
    rng = random.Random(seed)
    words = ["mali", "troops", "killed", "un", "peacekeepers", "attack", "base"]
    a = [rng.choice(words) for _ in range(60)]
    b = [rng.choice(words) for _ in range(50)]
    found = {}
    for numbered in (True, False):
        if not numbered:  # a full table: no numbers, every hit checked as strings
            monkeypatch.setattr(seeds, "IDS_MAX", 0)
        index_a, index_b = seeds.seed_index(a, n), seeds.seed_index(b, n)
        assert (index_a.ids is not None) == numbered
        found[numbered] = [seeds.shared_seeds(index_a, index_b, most) for most in (1, 3, 99)]
    assert found[True] == found[False]
    assert found[True][2]  # hits there are
