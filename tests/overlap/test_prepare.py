"""Tests for newsaudit.overlap.prepare and records: one article prepared, pickled, compared."""

import pickle
from collections import Counter

import numpy as np
import pytest

from newsaudit.config import OverlapConfig
from newsaudit.overlap import alignment, candidates, near, prepare
from newsaudit.overlap.near import NearIndex
from newsaudit.overlap.records import parts_of, rejoin
from tests.conftest import corpus_of

CONFIG = OverlapConfig()
TEXTS = {
    "a": (
        "The regional council approved the new budget on Tuesday. Councillor Maria Lindqvist "
        'said: "We have waited for this budget for a very long time." The governmment will '
        "repave 23 roads in Northshire. The government also promised new schools."
    ),
    "b": (
        "On Tuesday the regional council approved a new budget after a long debate. Lindqvist "
        "told reporters the government would repave 23 roads in Northshire next spring."
    ),
}


@pytest.fixture(scope="module")
def prepared():
    return [prepare(a, CONFIG) for a in corpus_of(TEXTS).articles]


def test_a_prepared_article_survives_pickling(prepared):
    for p in prepared:
        back = pickle.loads(pickle.dumps(p))
        assert back == p
        assert back.counts == p.counts
        assert np.array_equal(back.seeds.keys, p.seeds.keys)
        assert np.array_equal(back.quote_mask, p.quote_mask)


def test_slip_keys_find_the_article_own_words_only():
    index = NearIndex(Counter({"government": 3, "governmment": 1, "council": 2, "it's": 1}))
    assert index.get("-government", ()) == {"government", "governmment"}
    assert index.get("-councl", ()) == {"council"}
    assert index.get("-it's", ()) == ()  # not letters only: no keys
    NearIndex(["parliament", "parliment"])  # another article's words share the table
    assert index.get("-parliment", ()) == ()
    assert NearIndex(["parliment"]).get("-parliment") == {"parliment"}


@pytest.mark.parametrize(("anchor", "bigram"), [(1.0, 0.0), (0.3, 0.5), (1.0, 1.0), (0.5, 0.0)])
def test_similarity_matrices_equal_one_matrix_at_a_time(prepared, anchor, bigram):
    a, b = (p.view for p in prepared)
    idf = alignment.idf_weights([set().union(*v.stems) for v in (a, b)])
    plain, weighted = alignment.similarity_matrices(a, b, idf, 1.0, [(1.0, 0.0), (anchor, bigram)])
    assert np.array_equal(plain, alignment.similarity_matrix(a, b, idf, 1.0))
    assert np.array_equal(weighted, alignment.similarity_matrix(a, b, idf, 1.0, anchor, bigram))
    assert weighted.shape == (len(a.stems), len(b.stems))
    assert 0.0 < plain.max() <= 1.0


def test_similarity_with_an_empty_article_is_an_empty_matrix(prepared):
    empty = alignment.sentence_view("", [], CONFIG)
    view = prepared[0].view
    assert alignment.similarity_matrix(empty, view, {}, 1.0).shape == (0, len(view.stems))
    assert alignment.similarity_matrix(view, empty, {}, 1.0).shape == (len(view.stems), 0)


def test_word_hashes_do_not_depend_on_the_cache():
    docs = [t.lower().split() for t in TEXTS.values()]
    fresh = candidates.shingle_hashes(docs, 3, 1, {})
    warm: dict[str, int] = {}
    candidates.shingle_hashes(docs[::-1], 3, 1, warm)
    again = candidates.shingle_hashes(docs, 3, 1, warm)
    assert all(np.array_equal(x, y) for x, y in zip(fresh, again, strict=True))


def test_slip_keys_of_an_article_once_the_shared_table_is_full(monkeypatch):
    monkeypatch.setattr(near, "KEYS_MAX", 0)
    index = NearIndex(["tribunal", "tribunall"])
    assert index.get("-tribunal", ()) == {"tribunal", "tribunall"}
    assert index.get("-tribunl", ()) == {"tribunal"}


def test_a_word_is_alone_only_without_any_possible_slip():
    index = NearIndex(["harbourmaster", "harbourmastr", "lighthouse"])
    assert not index.alone("harbourmaster")  # its slip is a word of the article
    assert not index.alone("harbourmastr")
    assert index.alone("lighthouse")
    NearIndex(["lighthuose"])  # a slip in another article: look the keys up, find none
    assert not index.alone("lighthouse")
    assert {v for k in near.keys_of("lighthouse") for v in index.get(k, ())} == {"lighthouse"}


def test_a_prepared_article_rejoined_from_its_parts_is_the_same(prepared):
    for p in prepared:
        back = rejoin(p.article, pickle.loads(pickle.dumps(parts_of(p))))
        assert back == p
        assert back.counts == p.counts
        assert back.repeated_keys == p.repeated_keys
