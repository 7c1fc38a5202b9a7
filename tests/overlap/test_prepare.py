"""Tests for newsaudit.overlap.prepare and records: one article prepared, pickled, compared."""

import pickle

import numpy as np
import pytest

from newsaudit.config import OverlapConfig
from newsaudit.overlap import alignment, candidates, prepare
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


def test_repeated_words_by_slip_key():
    (p,) = [
        prepare(a, CONFIG)
        for a in corpus_of(
            {"x": "The government and the government. A governmment. Council, council, it's it's."}
        ).articles
    ]
    assert p.repeated["-government"] == {"government"}  # the one-off slip is not repeated
    assert "-governmment" not in p.repeated
    assert p.repeated["-councl"] == {"council"}
    assert not any("it's" in words for words in p.repeated.values())  # letters only
    assert p.crowded == frozenset()  # no two repeated words share a key


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


def test_a_prepared_article_rejoined_from_its_parts_is_the_same(prepared):
    for p in prepared:
        back = rejoin(p.article, pickle.loads(pickle.dumps(parts_of(p))))
        assert back == p
        assert back.counts == p.counts
        assert back.repeated == p.repeated
