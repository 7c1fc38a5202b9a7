"""Tagging: genre, outlet, dates."""

from __future__ import annotations

import pytest

from newsaudit import corpus, tagging

from .conftest import EXPLAINER, OPINION, ORIGINAL


def test_seed_genres(seeds):
    genres = {a.article_id: tagging.genre(a)[0] for a in seeds}
    assert genres.pop(OPINION) == "opinion"
    assert genres.pop(EXPLAINER) == "explainer"
    assert set(genres.values()) == {"news"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Explainer: what the vote means\nThe council votes today, officials said.", "explainer"),
        ("Why is the mission leaving?\nThe mission was deployed in 2013.", "explainer"),
        (
            "Leaders must act\nWe should not accept this. It is clear the plan should change. "
            "You can read more. Governments should listen and I think they ought to act.",
            "opinion",
        ),
        (
            "Council votes\nThe council voted on Friday, its spokesperson said. Officials told "
            "reporters the vote was close, according to a statement.",
            "news",
        ),
    ],
)
def test_genre_table(raw, expected):
    (article,) = corpus.from_texts([raw]).articles
    assert tagging.genre(article)[0] == expected


def test_outlet_from_self_reference_and_metadata(seeds):
    assert tagging.outlet(seeds[ORIGINAL]) == ("Al Jazeera", "text")
    (article,) = corpus.from_texts(["H\nA statement was issued."]).articles
    assert tagging.outlet(article) == ("", "")


def test_dates_mentioned(seeds):
    dates = tagging.dates(seeds[ORIGINAL])
    assert "March 2022" in dates and "2013" in dates and "Thursday" in dates


@pytest.mark.parametrize(
    ("source", "prefix"),
    [
        (r"\bshould\b", "should"),
        (r"\bI (think|believe)\b", "i "),
        (r"\bshoulds?\b", "should"),  # a quantifier makes the last letter optional
        (r"\bop-?ed\b", "op"),
        (r"\b(said|says)\b", ""),  # a group first: no prefix
        (r"\bfoo|bar", ""),  # an alternation at the top: no prefix
        (r"^\s*why\b", ""),
        (r"\bcafé\b", ""),  # non-ASCII: no prefix
    ],
)
def test_literal_prefix(source, prefix):
    assert tagging.literal_prefix(source) == prefix


@pytest.mark.parametrize(
    "text",
    [
        "You SHOULD read it. I think we must act; it is time.",
        "Nothing here at all.",
        "Shoulder to shoulder: the op-ed said so.",
        "\u017fhould (a long s) still counts",
    ],
)
def test_count_skips_only_absent_patterns(text):
    patterns = tagging.OPINION_MARKERS + tagging.REPORTING_VERBS
    assert tagging._count(patterns, text) == sum(len(p.findall(text)) for p in patterns)
