"""The shingle index's words hashed from bytes: the same hashes as hashing `words` one by one."""

from __future__ import annotations

import numpy as np
import pytest

from newsaudit.overlap import candidates, index_words
from newsaudit.text.tokens import words

TEXTS = [
    "Hello, world! It’s the country's al-Qaeda per-cent.",
    "14,000 troops, 1,234,567 people, 1,2345 things, 3.5 per cent, 1,000_x and a1,000b; 5,000.",
    "“Quoted” — dashed – text… Café DÉJÀ vu, naïve 2.500 and 9,999é",
    "  spaces\tand\nnew lines\x1c\x85non\u00a0breaking\u2009thin\u3000wide\n\n",
    "short abcdefg abcdefgh abcdefghijklmno abcdefghijklmnop internationalisation",
    "nul\x00inside a\x00 \x00 and •·§¶ marks",
    "日本語のテキスト 中文 한국어 ÉÉÉÉÉÉÉÉÉÉÉÉ",
    "",
    "END 3,000",
]


def _one_by_one(texts: list[str]) -> tuple[list[int], list[int]]:
    docs = [words(t) for t in texts]
    hashes = [index_words.word_hash(w.encode("utf-8")) for d in docs for w in d]
    return hashes, [len(d) for d in docs]


@pytest.mark.parametrize("text", TEXTS)
def test_each_text_hashes_as_its_words(text):
    hashes, lengths = index_words.hashed_words([text], index_words.WordCache())
    assert (hashes.tolist(), lengths.tolist()) == _one_by_one([text])


def test_a_piece_of_texts_hashes_as_its_words_with_any_cache():
    expected = _one_by_one(TEXTS)
    cache = index_words.WordCache()
    for _ in range(2):  # cold, then warm
        hashes, lengths = index_words.hashed_words(TEXTS, cache)
        assert (hashes.tolist(), lengths.tolist()) == expected
    assert index_words.hashed_words(TEXTS[::-1], cache)[0].tolist() == _one_by_one(TEXTS[::-1])[0]


def test_longer_words_share_one_key_class_but_hash_as_their_own_bytes():
    # 15-byte words and longer ones with the same first 15 bytes, in both orders, one cache.
    texts = [
        "abcdefghijklmno abcdefghijklmnop abcdefghijklmnoq abcdefghijklmno",
        "abcdefghijklmnoqr internationalisation abcdefghijklmnop x",
    ]
    cache = index_words.WordCache()
    for piece in (texts, texts[::-1], texts):
        hashes, lengths = index_words.hashed_words(piece, cache)
        assert (hashes.tolist(), lengths.tolist()) == _one_by_one(piece)
    assert index_words.LONG_KEY not in cache.table[2]  # the class itself is never remembered


def test_index_piece_equals_shingles_of_the_word_lists():
    doc, h = candidates._piece_shingles(TEXTS, 3, 1)
    ref_doc, ref_h = candidates.shingle_hashes([words(t) for t in TEXTS], 3, 1, {})
    assert np.array_equal(doc, ref_doc) and np.array_equal(h, ref_h)


def _ngrams_one_by_one(flat, doc_of, n, keep_one_in):
    rows = set()
    for i in range(len(flat) - n + 1):
        if doc_of[i] != doc_of[i + n - 1]:
            continue
        h = np.uint64(0)
        for k in range(n):
            h = index_words._mix(h ^ flat[i + k])
        if int(h) % keep_one_in == 0:
            rows.add((int(h), int(doc_of[i])))
    ordered = sorted(rows)
    return [d for _, d in ordered], [h for h, _ in ordered]


@pytest.mark.parametrize(
    ("vocabulary", "n", "keep_one_in", "seed"),
    [
        (3, 2, 1, 0),
        (5, 3, 1, 1),
        (2, 1, 1, 2),
        (40, 2, 4, 3),
        (4, 2, 2, 4),
        (1, 2, 1, 5),
        (40, 2, 3, 6),
    ],
)
def test_ngram_hashes_are_distinct_and_sorted_by_hash_then_doc(vocabulary, n, keep_one_in, seed):
    rng = np.random.default_rng(seed)  # few distinct words: many tied hashes across docs
    flat = rng.integers(0, vocabulary, 400).astype(np.uint64)
    doc_of = np.sort(rng.integers(0, 9, 400)).astype(np.int32)
    doc, h = candidates.ngram_hashes(flat, doc_of, n, keep_one_in)
    assert (doc.tolist(), h.tolist()) == _ngrams_one_by_one(flat, doc_of, n, keep_one_in)


@pytest.mark.parametrize(
    "hashes",
    [
        [],
        [7],
        [5, 5, 1, 5, 1],  # ties keep their positions' order
        [2**64 - 1, 0, 2**63, 2**63 + 1, 3, 2**63],
        [(1 << 40) + 3, (1 << 40) + 1, (1 << 40) + 2, 1 << 40],  # equal top bits: the argsort
    ],
)
def test_hash_order_sorts_as_a_stable_argsort(hashes):
    h = np.array(hashes, dtype=np.uint64)
    assert candidates._hash_order(h).tolist() == np.argsort(h, kind="stable").tolist()


@pytest.mark.parametrize("keep_one_in", [1, 2, 3, 4, 7, 8])
def test_sampling_by_bits_is_sampling_by_remainder(keep_one_in):
    h = np.random.default_rng(keep_one_in).integers(0, 2**64, 1000, dtype=np.uint64)
    kept = candidates._sampled(h, keep_one_in)
    assert kept.tolist() == [int(x) % keep_one_in == 0 for x in h]


def test_words_sharing_a_fingerprint_still_hash_as_their_own_bytes(monkeypatch):
    # Every word in one fingerprint group: all but one are told apart by their keys.
    monkeypatch.setattr(index_words, "_fingerprint", lambda k1, k2: np.zeros_like(k1))
    hashes, lengths = index_words.hashed_words(TEXTS, index_words.WordCache())
    assert (hashes.tolist(), lengths.tolist()) == _one_by_one(TEXTS)


def test_a_full_word_cache_stops_growing_and_hashes_the_same(monkeypatch):
    monkeypatch.setattr(index_words, "WORD_CACHE_MAX", 5)
    cache = index_words.WordCache()
    for _ in range(2):
        hashes, _lengths = index_words.hashed_words(TEXTS, cache)
        assert hashes.tolist() == _one_by_one(TEXTS)[0]
    assert len(cache.table[0]) == 5 and len(cache.long) <= 5
