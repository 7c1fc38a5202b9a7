"""Comparing figures across articles: partners, verdicts, contexts that differ."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from newsaudit import corpus, figures
from tests.figures.conftest import CONFIG

DATA = Path(__file__).parents[1] / "data" / "figures"


@pytest.mark.parametrize(
    ("texts", "verdicts", "n_conflicts"),
    [
        # A cumulative and a daily count under one key: each meets its own counterpart.
        (
            {
                "a": "X\n\nOfficials recorded 1,340 cholera cases. On Thursday, 86 new cases.",
                "b": "X\n\nAround 90 cases are now being reported every day.",
                "c": "X\n\nOfficials recorded 1,340 cases. There were 86 cases on Thursday.",
            },
            {
                ("a", "1,340"): "consistent",
                ("a", "86"): "compatible",
                ("b", "Around 90"): ("compatible"),
            },
            0,
        ),
        # A later figure of the same measure is compared too (the second party's seats).
        (
            {
                "a": "X\n\nThe Unity Party won 132 seats. The opposition alliance took 87 seats.",
                "b": "X\n\nThe Unity Party won 130 seats. The opposition won 85 seats.",
            },
            {("a", "132"): "inconsistent", ("a", "87"): "inconsistent"},
            2,
        ),
        # One subject spelled two ways; a cumulative figure since a year is left out.
        (
            {
                "a": "X\n\nThe economy grew 2.1% between April and June.",
                "b": "X\n\nGDP expanded 2.3% in the quarter. Since 2019, it has grown by 9%.",
            },
            {("a", "2.1%"): "inconsistent", ("b", "2.3%"): "inconsistent"},
            1,
        ),
        # An exact figure meets the other article's exact one, a near miss, before a vague
        # mention that contains it ("tens of thousands of pages"), which would hide the conflict.
        (
            {
                "a": "X\n\nThe committee released 25,000 pages of documents on Friday.",
                "b": "X\n\nThe committee released tens of thousands of pages of documents on "
                "Friday. In all, 27,000 pages of documents were released.",
            },
            {("a", "25,000"): "inconsistent", ("b", "27,000"): "inconsistent"},
            1,
        ),
        # An earlier toll in the same sentence is no counterpart of today's.
        (
            {
                "a": "X\n\nFive people have now died, up from four on Wednesday.",
                "b": "X\n\nFive people have been killed in the fire.",
            },
            {("a", "Five"): "consistent", ("b", "Five"): "consistent"},
            0,
        ),
    ],
)
def test_every_figure_meets_its_counterpart(
    texts: dict[str, str], verdicts: dict[tuple[str, str], str], n_conflicts: int
) -> None:
    res = figures.analyse(corpus.from_texts(texts), CONFIG)
    got = {(r.article_id, r.text): r.verdict for r in res.comparisons.itertuples()}
    for k, v in verdicts.items():
        assert got[k] == v, (k, got)
    assert len(res.disagreements) == n_conflicts
    assert res.comparisons["compared_with"].str.len().gt(0).any()
    per_key = res.checks.groupby(["measure", "article_id"]).size()
    assert (per_key == 1).all()  # figure_checks.csv: one row per (measure, article)


def _verdicts(result: figures.FiguresResult, measure: str) -> dict[str, str]:
    rows = result.checks[result.checks["measure"] == measure]
    return {r.article_id[:3]: r.verdict for r in rows.itertuples()}


@pytest.mark.parametrize(
    ("measure", "expected"),
    [
        # The seed facts (troops, peacekeepers killed, Moura) are asserted once, in
        # tests/test_seeds.py. Years and dates are compared under their value: one year is one
        # time frame.
        (
            "year|2013",
            {k: "consistent" for k in ("000", "001", "002", "003", "004")},
        ),
        (
            "year|2020",
            {"001": "consistent", "002": "consistent", "003": "consistent", "004": "consistent"},
        ),
    ],
)
def test_seed_verdicts(result: figures.FiguresResult, measure: str, expected: dict) -> None:
    assert _verdicts(result, measure) == expected


def test_seed_texts(result: figures.FiguresResult) -> None:
    checks = result.checks.set_index(["measure", result.checks["article_id"].str[:3]])
    assert checks.loc[("troops", "000"), "text"] == "14,000-strong"
    assert checks.loc[("troops", "001"), "text"] == "more than 14,000"
    assert checks.loc[("troops", "003"), "text"] == "13,000"
    assert checks.loc[("troops|killed", "001"), "text"] == "More than 300"
    assert checks.loc[("troops|killed", "003"), "text"] == "approximately 170"


def test_no_seed_hard_negative_is_inconsistent(result: figures.FiguresResult) -> None:
    """Only figures hand-labelled as part of a true conflict may be called inconsistent."""
    gold = pd.read_csv(DATA / "seeds_figures.csv", dtype=str, keep_default_na=False)
    conflicting = {
        (r.article_id, int(r.start)) for r in gold.itertuples() if r.gold_verdict == "inconsistent"
    }
    called = result.checks[result.checks["verdict"] == "inconsistent"]
    assert not called.empty
    for row in called.itertuples():
        assert (row.article_id, row.start) in conflicting, row


CLUSTER = {
    "a": "Clashes\n\nMore than 40 soldiers have been killed since 2019, the army said.",
    "b": "Clashes\n\nSome 25 soldiers have been killed in hostile acts, officials said.",
    "c": "Clashes\n\nAt least 40 soldiers have been killed since 2019 in the region.",
}


def test_different_contexts_need_review_not_a_verdict_of_inconsistent() -> None:
    res = figures.analyse(corpus.from_texts(CLUSTER), CONFIG)
    rows = res.checks[res.checks["measure"] == "troops|killed"].set_index("article_id")
    assert rows.loc["b", "verdict"] == "compatible"
    assert rows.loc["b", "needs_review"]
    assert "time frame" in rows.loc["b", "reason"] and "act" in rows.loc["b", "reason"]
    assert rows.loc["a", "verdict"] == "compatible"  # [40, inf) vs [40, inf)... and a vs c
    assert res.disagreements.empty
    assert (res.review["article_id"] == "b").any() or (res.review["other_article_id"] == "b").any()


def test_different_groups_are_not_compared() -> None:
    texts = {
        "a": "X\n\nAbout 5,000 French troops were deployed.",
        "b": "X\n\nAbout 12,000 UN peacekeepers were deployed.",
    }
    res = figures.analyse(corpus.from_texts(texts), CONFIG)
    assert set(res.checks["verdict"]) == {"compatible"}
    assert res.checks["needs_review"].all()
    assert res.checks["reason"].str.contains("different groups").all()


def test_review_lists_the_seed_hard_negatives(result: figures.FiguresResult) -> None:
    review = result.review
    waiting = review[(review["text"] == "10 years") & (review["other_text"] == "a decade")]
    assert len(waiting) == 1
    assert "events differ" in waiting["reason"].iloc[0]
    assert waiting["intervals"].iloc[0] == "identical"


FERRY = {
    "a": "Ferry\n\nAt least 46 people drowned when the ferry capsized on Sunday. The boat was"
    " carrying 120 passengers, officials said. In 2019, 21 people died in a similar accident.",
    "b": "Ferry\n\nThirty-nine people drowned after the ferry capsized. Around 120 passengers were"
    " on board. Rescuers pulled 60 survivors from the water.",
    "c": "Ferry\n\nThe ferry, carrying 150 passengers, capsized on Sunday; 40 people drowned and"
    " 60 were rescued.",
}
# (article, figure text) of every figure that is part of a true conflict in FERRY.
FERRY_CONFLICTS = {
    ("a", "At least 46"),
    ("b", "Thirty-nine"),
    ("c", "40"),
    ("a", "120"),
    ("b", "Around 120"),
    ("c", "150"),
}


def test_only_labelled_conflicts_are_inconsistent() -> None:
    """A small cluster written for this test: every labelled conflict is found, and nothing
    else (the 2019 toll, the rescued) is called inconsistent."""
    res = figures.analyse(corpus.from_texts(FERRY), CONFIG)
    called = res.checks[res.checks["verdict"] == "inconsistent"]
    assert set(zip(called["article_id"], called["text"], strict=True)) == FERRY_CONFLICTS
