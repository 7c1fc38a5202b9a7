"""The shingle index in pieces: tokens like the overlap regex, pairs and containment estimates."""

from __future__ import annotations

import random

import numpy as np
import pytest

from newsaudit.overlap import candidates as scale
from newsaudit.text.fold import fold
from newsaudit.text.tokens import WORD_RE


@pytest.mark.parametrize(
    "text",
    [
        "Hello, world!",
        "It’s the country's al-Qaeda per-cent",
        "14,000 troops, 1,234,567 people and 1,2345 things; 3.5 per cent",
        "“Quoted” — dashed – text… and Café déjà vu",
        "  spaces\tand\nnew lines\n\n",
        "end. Start,again - and -- double",
        "",
    ],
)
def test_word_hashes_follow_the_overlap_tokeniser(text):
    expected = WORD_RE.findall(fold(text))
    hashes, lengths = scale.word_hashes([text])
    again, _ = scale.word_hashes([" ".join(expected)])
    assert lengths.tolist() == [len(expected)]
    assert hashes.tolist() == again.tolist()


@pytest.mark.parametrize(
    ("left", "right", "same"),
    [
        ("Troops", "troops", True),
        ("14,000", "14000", True),
        ("café", "cafe", True),
        ("troops", "troop", False),
        ("a b", "b a", False),
    ],
)
def test_folding_makes_light_variants_equal(left, right, same):
    a, _ = scale.word_hashes([left])
    b, _ = scale.word_hashes([right])
    assert (a.tolist() == b.tolist()) is same


def test_word_hashes_count_words_per_text():
    _, lengths = scale.word_hashes(["one two", "", "three four five", "6"])
    assert lengths.tolist() == [2, 0, 3, 1]


def _corpus(seed: int = 1) -> tuple[list[str], list[str]]:
    """40 random-word texts; text 01 copies 60 % of text 00, text 21 copies 30 % of text 20."""
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(5000)]
    stock = "the ministry said in a statement on monday"
    texts = [" ".join(rng.choice(vocab) for _ in range(300)) + f". {stock}." for _ in range(40)]
    for src, dst, share in ((0, 1, 0.6), (20, 21, 0.3)):
        taken = texts[src].split()[: int(300 * share)]
        texts[dst] = " ".join(taken + texts[dst].split()[len(taken) :])
    return [f"{k:02d}" for k in range(40)], texts


def test_candidates_find_planted_copies_with_their_containment():
    ids, texts = _corpus()
    found = scale.hashed_candidates(ids, texts)
    pairs = {
        (a, b): c
        for a, b, c in zip(found.article_a, found.article_b, found.containment, strict=True)
    }
    assert set(pairs) == {("00", "01"), ("20", "21")}  # the stock phrase is in every text
    assert pairs[("00", "01")] == pytest.approx(0.6, abs=0.05)
    assert pairs[("20", "21")] == pytest.approx(0.3, abs=0.05)


def test_sampling_keeps_the_pairs_and_estimates():
    ids, texts = _corpus()
    found = scale.hashed_candidates(ids, texts, sample=4)
    assert set(zip(found.article_a, found.article_b, strict=True)) == {("00", "01"), ("20", "21")}
    assert found.containment.tolist() == pytest.approx([0.6, 0.3], abs=0.12)


def test_common_shingles_above_the_cap_do_not_vote():
    ids, texts = _corpus()
    capped = scale.hashed_candidates(ids, texts, min_shared=1, max_df=20)
    uncapped = scale.hashed_candidates(ids, texts, min_shared=1, max_df=50)
    assert len(capped) == 2
    assert len(uncapped) == 2 + 40 * 39 // 2 - 2  # every pair shares the stock phrase


def test_chunks_and_buckets_do_not_change_the_result():
    ids, texts = _corpus()
    whole = scale.hashed_candidates(ids, texts)
    chunked = scale.hashed_candidates(ids, texts, chunk_size=7)
    assert whole.equals(chunked)
    chunk = scale.shingle_chunk(texts, 0, 5)
    votes = [scale.bucket_votes([part], len(ids), 20) for part in scale.bucket(chunk, 3)]
    keys, shared = scale.merge_votes(votes, 2)
    frame = scale.frame(ids, keys, shared, chunk.per_doc)
    assert whole.equals(frame)
    assert np.all(frame.article_a < frame.article_b)
