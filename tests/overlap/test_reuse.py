"""Tests for the reuse evidence, the learned verdict and article-level reuse against the corpus."""

import dataclasses
import datetime as dt
import json

import numpy as np
import pytest

from newsaudit import corpus, overlap
from newsaudit.config import OverlapConfig
from newsaudit.overlap import features, reuse, verdict

CONFIG = OverlapConfig()

# Two wire takes on different parts of one story, and a newspaper text made of both.
TAKE_1 = """Council approves new flood barrier

The regional council approved a new flood barrier for the river port on Tuesday after a long \
debate about its cost and the damage caused by last winter's storms to homes along the quay.

Engineers said the barrier would be built in three stages over four years and would protect \
about nine thousand homes from the kind of surge that flooded the old town in January."""

TAKE_2 = """Flood barrier: residents divided

Residents of the old town were divided over the plan, with some shop owners saying the works \
would block access to the waterfront for most of the tourist season next summer.

A petition signed by more than two thousand people asks the council to publish the full \
environmental study before any work begins on the northern bank of the river."""

PAPER = """Barrier for the river port

The regional council approved a new flood barrier for the river port on Tuesday after a long \
debate about its cost and the damage caused by last winter's storms to homes along the quay.

Residents of the old town were divided over the plan, with some shop owners saying the works \
would block access to the waterfront for most of the tourist season next summer."""

OTHER = """Library opens late on Thursdays

The central library will stay open until nine on Thursday evenings from next month, the \
culture department said, after a survey found that most readers work during the day."""


def _analyse(texts: dict[str, str], dates: dict[str, dt.date] | None = None):
    docs = corpus.from_texts(texts)
    if dates:
        articles = tuple(
            dataclasses.replace(a, published=dates.get(a.article_id)) for a in docs.articles
        )
        docs = dataclasses.replace(docs, articles=articles)
    return overlap.analyse(docs, CONFIG)


def test_containment_leaves_shared_quotes_and_short_lines_out():
    assert features.containment(10, [(0, 5)], []) == pytest.approx(0.5)
    assert features.containment(10, [(0, 5)], [(5, 10)]) == pytest.approx(1.0)
    assert features.containment(10, [(0, 4)], [], [(8, 10)]) == pytest.approx(0.5)
    assert features.containment(0, [], []) == 0.0


def test_an_article_made_of_two_takes_is_covered_by_their_union():
    result = _analyse({"take1": TAKE_1, "take2": TAKE_2, "paper": PAPER, "other": OTHER})
    rows = result.article_reuse.set_index("article_id")
    pair = result.pairs.set_index(["article_a", "article_b"])
    from_each = max(
        pair.loc[("paper", "take1"), "containment_a_in_b"],
        pair.loc[("paper", "take2"), "containment_a_in_b"],
    )
    assert rows.loc["paper", "covered_share"] > from_each + 0.3
    assert rows.loc["paper", "sources"] == "take1 take2"
    assert rows.loc["other", "sources"] == ""
    assert rows.loc["other", "verdict"] == "independent"


def test_dates_decide_which_articles_may_be_sources():
    early, late = dt.date(2024, 5, 1), dt.date(2024, 5, 2)
    result = _analyse(
        {"take1": TAKE_1, "take2": TAKE_2, "paper": PAPER},
        {"take1": early, "take2": early, "paper": late},
    )
    rows = result.article_reuse.set_index("article_id")
    assert rows.loc["paper", "sources"] == "take1 take2"
    assert rows.loc["take1", "sources"] == rows.loc["take2", "sources"] == ""
    pairs = result.pairs[result.pairs["verdict"] != "independent"]
    assert set(pairs["source"]) <= {"take1", "take2"}
    assert set(pairs["derived"]) == {"paper"}


def test_shipped_model_matches_the_features_and_reads_as_data():
    data = json.loads(verdict.MODEL_FILE.read_text(encoding="utf-8"))
    assert set(data["features"]) <= set(features.FEATURES)
    assert tuple(data["classes"]) == verdict.VERDICTS
    assert np.array(data["coef"]).shape == (3, len(data["features"]))
    assert 0 < data["independent_min_probability"] < 1
    assert set(features.DESCRIPTIONS) == set(features.FEATURES)
    assert {"data", "script"} <= set(data["training"])


@pytest.mark.parametrize(
    ("covered", "expected"),
    [(0.0, "independent"), (0.95, "derived")],
)
def test_verdict_follows_the_evidence(covered, expected):
    values = dict.fromkeys(features.FEATURES, covered)
    values.update(log_words=np.log1p(300), log_length_ratio=0.0, sources_used=float(covered > 0))
    values.update(quote_share=0.0, quoted_in_covered=0.0, tile_mean=1.0 + 20 * covered)
    # Evidence of the copy's own writing falls as the covered share rises.
    values.update(sentences_unsourced=1.0 - covered, unsourced_run=1.0 - covered)
    values.update(untiled_unquoted=1.0 - covered, novel_anchors=10.0 * (1.0 - covered))
    values.update(quoted_share=0.0, own_quote_share=0.0, peer_only_share=0.0)
    kind, probability, why = verdict.judge(values)
    assert kind == expected
    assert 1 / 3 < probability <= 1.0
    assert why == "" or any(d in why for d in features.DESCRIPTIONS.values())


def test_probabilities_are_a_distribution():
    m = verdict.model()
    x = np.random.default_rng(1).random((5, len(features.FEATURES)))
    p = verdict.probabilities(m, x)
    assert p.shape == (5, 3)
    assert np.allclose(p.sum(axis=1), 1.0)


def test_article_reuse_frame_has_the_contract_columns_first():
    result = _analyse({"take1": TAKE_1, "paper": PAPER})
    assert list(result.article_reuse.columns[: len(reuse.ARTICLE_REUSE_COLUMNS)]) == (
        reuse.ARTICLE_REUSE_COLUMNS
    )
    assert list(result.article_reuse["article_id"]) == ["paper", "take1"]


def test_text_shared_with_a_peer_but_not_the_source_is_measured():
    """Two papers of one day share a sentence the earlier wire take lacks (both heard the same
    hearing): that share is each paper's text shared with a peer only."""
    own = (
        "\n\nA spokesman for the harbour authority said the first stage would start in the "
        "spring and that the quay would stay open to fishing boats throughout the works."
    )
    early, late = dt.date(2024, 5, 1), dt.date(2024, 5, 2)
    result = _analyse(
        {"take1": TAKE_1, "paper": PAPER + own, "second": TAKE_1 + own},
        {"take1": early, "paper": late, "second": late},
    )
    rows = result.article_reuse.set_index("article_id")
    assert rows.loc["paper", "peer_only_share"] > 0.2
    assert rows.loc["take1", "peer_only_share"] == 0.0
    assert rows.loc["paper", "sentences_close"] > 0.3
