"""Tests for newsaudit.overlap.alignment: verbatim passages, sentences, rewrite chains."""

from pathlib import Path

import numpy as np
import pytest

from newsaudit import corpus
from newsaudit.config import OverlapConfig
from newsaudit.overlap import alignment
from newsaudit.overlap.idf import keyed_idf
from newsaudit.overlap.index_words import string_keys
from newsaudit.text.tokens import tokens

DATA = Path(__file__).parents[1] / "data" / "overlap"
CONFIG = OverlapConfig()

SOURCE = (
    "The regional council approved the new budget on Tuesday after a long debate about "
    "schools, roads and the future of the old harbour district. Opposition members walked "
    "out before the final vote, saying the plan ignored the needs of families in the east."
)


def _passages(a: str, b: str) -> list[alignment.Passage]:
    return alignment.verbatim(tokens(a), tokens(b), CONFIG)


def test_verbatim_passage_survives_substitutions_and_maps_to_char_spans():
    edited = SOURCE.replace("approved", "passed").replace("long", "lengthy")
    (p,) = _passages(SOURCE, edited)
    assert p.kind == "verbatim"
    assert SOURCE[p.span_a[0] : p.span_a[1]].startswith("The regional council")
    assert edited[p.span_b[0] : p.span_b[1]].endswith("families in the east")
    assert 0.7 < p.similarity < 1.0


def test_reordered_sentences_give_one_passage_each():
    first, second = SOURCE.split(". ", 1)
    swapped = second + " Meanwhile, " + first + "."
    passages = _passages(SOURCE, swapped)
    assert len(passages) == 2
    assert {p.span_a[0] < p.span_b[0] for p in passages} == {True, False}


def test_short_overlaps_are_ignored():
    assert _passages("the old harbour district was quiet", "in the old harbour district") == []


def test_local_chain_prefers_in_order_runs():
    diagonal = np.eye(6) * 0.5
    score, pairs = alignment.local_chain(diagonal, 0.2, 0.05)
    assert [(i, j) for i, j, _ in pairs] == [(k, k) for k in range(6)]
    assert score == pytest.approx(6 * 0.3)
    scattered = np.zeros((6, 6))
    scattered[0, 5] = scattered[5, 0] = 0.5
    score, pairs = alignment.local_chain(scattered, 0.2, 0.05)
    assert len(pairs) == 1


def test_local_chain_allows_split_sentences():
    sim = np.array([[0.5, 0.0, 0.0], [0.0, 0.45, 0.4], [0.0, 0.0, 0.0], [0.0, 0.0, 0.5]])
    _, pairs = alignment.local_chain(sim, 0.2, 0.05)
    assert [(i, j) for i, j, _ in pairs] == [(0, 0), (1, 1), (1, 2), (3, 2)]


def _rewrite_chain(a_name: str, b_path: Path) -> alignment.SentenceAlignment:
    texts = {
        "a": (DATA / f"{a_name}.txt").read_text(encoding="utf-8"),
        "b": b_path.read_text(encoding="utf-8"),
    }
    arts = corpus.from_texts(texts).articles
    toks = [tokens(a.text) for a in arts]
    views = [alignment.sentence_view(a.text, t, CONFIG) for a, t in zip(arts, toks, strict=True)]
    idf = alignment.idf_weights([set().union(*v.stems) for v in views])
    return alignment.align_sentences(views[0], views[1], idf, max(idf.values()), CONFIG)


@pytest.mark.parametrize("name", ["flood_a", "tram_a"])
def test_hand_written_paraphrase_is_an_in_order_chain(name):
    found = _rewrite_chain(name, DATA / "rewrites" / f"{name}.txt")
    assert len({i for i, _, _ in found.chain}) >= CONFIG.min_chain_sentences
    pairs = [(i, j) for i, j, _ in found.chain]
    assert pairs == sorted(pairs)


@pytest.mark.parametrize(("a", "b"), [("flood_a", "flood_b"), ("tram_a", "tram_b")])
def test_same_topic_reports_are_not_a_rewrite(a, b):
    assert _rewrite_chain(a, DATA / f"{b}.txt").chain == ()


def test_stems_fold_synonyms_and_drop_stopwords():
    assert alignment.stems(["the", "demonstrators", "protesters", "withdrew"], CONFIG) == [
        "protes",
        "protes",
        "withdr",
    ]


def test_features_add_content_bigrams():
    on = OverlapConfig(bigram_weight=0.5)
    assert alignment.features(["the", "river", "burst", "its", "banks"], on) == [
        "river",
        "burst",
        "banks",
        "river+burst",
        "burst+banks",
    ]
    assert alignment.features(["river", "burst"], OverlapConfig(bigram_weight=0.0)) == [
        "river",
        "burst",
    ]


def test_names_and_numbers_are_anchored():
    text = "Councillors met on Monday. They said Graham Whitby cut 23 bus routes in Northshire."
    view = alignment.sentence_view(text, tokens(text), CONFIG)
    assert {"graham", "whitby", "23", "norths"} <= view.anchored
    assert not {"routes", "counci", "cut"} & view.anchored


def test_anchors_weigh_less_in_the_weighted_similarity():
    a = "Graham Whitby said Northshire would cut 23 routes."
    b = "Graham Whitby told Northshire it would keep 23 services."
    views = [alignment.sentence_view(t, tokens(t), CONFIG) for t in (a, b)]
    idf = alignment.idf_weights([set().union(*v.stems) for v in views])
    plain = alignment.similarity_matrix(*views, idf, 1.0)
    weighted = alignment.similarity_matrix(*views, idf, 1.0, anchor=0.3, bigram=0.5)
    assert weighted[0, 0] < 0.7 * plain[0, 0]


@pytest.mark.parametrize(
    ("sim", "found"),
    [
        # a reordered rewrite: every sentence has a close counterpart, in another order
        (np.eye(6)[[3, 0, 5, 1, 4, 2]] * 0.5, 6),
        # a same-event report: two similar sentences among six
        (np.diag([0.45, 0.3, 0.0, 0.0, 0.0, 0.0]), 0),
    ],
)
def test_scattered_pairs_need_enough_mass(sim, found):
    pairs = alignment.scattered(sim, [], 6, CONFIG)
    assert len(pairs) == found
    assert len({i for i, _, _ in pairs}) == len({j for _, j, _ in pairs}) == found


@pytest.mark.parametrize(
    "docs",
    [[], [{"a"}], [{"a", "b"}, {"b", "c"}, {"b"}], [{"a", "b"}, {"a", "b"}]],
)
def test_the_idf_table_looks_up_as_every_weight(docs):
    weights = alignment.idf_weights(docs)
    table, default = alignment.idf_table(docs)
    assert default == max(weights.values(), default=1.0)
    assert {s: table.get(s, default) for s in weights} == weights
    assert len(table) <= len(weights) - (1 if weights else 0)


@pytest.mark.parametrize(
    "docs",
    [
        [],
        [{"a"}],
        [{"a", "b"}, {"b", "c"}, {"b"}],
        [{"a", "b"}, {"a", "b"}],
        [{"é+x", "1"}, set()],
    ],
)
def test_the_keyed_idf_gives_the_weights_of_the_string_table(docs):
    weights = alignment.idf_weights(docs)
    keyed = keyed_idf([string_keys(sorted(d)) for d in docs])
    found = keyed.of(string_keys(list(weights)))
    assert dict(zip(weights, found.tolist(), strict=True)) == weights  # the very floats
    assert keyed.default == alignment.idf_table(docs)[1]
    assert keyed.of(string_keys(["unseen"])).tolist() == [keyed.default]
