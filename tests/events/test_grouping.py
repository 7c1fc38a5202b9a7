"""Events: articles about one story grouped together, linear blocking, small corpora one event."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pandas as pd
import pytest

from newsaudit import events
from newsaudit.config import EventsConfig
from tests.conftest import corpus_of

MANY = EventsConfig(single_event_max=1)


QUAKE = "Rescuers in Arvela said the quake near Kesh hit hard, and Arvela and Kesh mourned."
VOTE = "Voters in Dorland backed Mayor Quill, and Dorland officials praised Quill on the count."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials in Arvela said Kesh was hit.", {"arvela": 1, "kesh": 1}),
        ("Rescuers arrived. Officials said so.", {}),  # sentence openers are not names
        ("It happened in March, on Monday, in Kesh.", {"kesh": 1}),  # calendar words are not
        ("The Mayor met the mayor of Kesh and Kesh's council.", {"mayor": 1, "kesh": 2}),
    ],
)
def test_names_are_capitalised_words_inside_sentences(text, expected):
    assert events.names(text) == Counter(expected)


def test_small_corpus_is_one_event():
    docs = corpus_of({"a": QUAKE, "b": VOTE})
    grouped = events.group(docs)
    assert set(grouped.of.values()) == {"E1"}
    assert list(grouped.table.columns) == events.EVENT_COLUMNS


def test_stories_split_by_their_names():
    docs = corpus_of({"a1": QUAKE, "a2": QUAKE, "b1": VOTE, "b2": VOTE})
    grouped = events.group(docs, MANY)
    assert grouped.of["a1"] == grouped.of["a2"] != grouped.of["b1"] == grouped.of["b2"]
    assert grouped.members() == {"E1": ["a1", "a2"], "E2": ["b1", "b2"]}


def test_date_window_separates_the_same_names_months_apart():
    dates = {"a1": dt.date(2020, 1, 1), "a2": dt.date(2020, 1, 3), "a3": dt.date(2020, 6, 1)}
    grouped = events.group(corpus_of({"a1": QUAKE, "a2": QUAKE, "a3": QUAKE}, dates), MANY)
    assert grouped.of["a1"] == grouped.of["a2"] != grouped.of["a3"]


def test_overlap_pairs_join_events():
    docs = corpus_of({"a1": QUAKE, "a2": QUAKE, "b1": VOTE, "b2": VOTE})
    pairs = pd.DataFrame({"article_a": ["a1"], "article_b": ["b1"], "score": [0.9]})
    grouped = events.group(docs, MANY, pairs)
    assert len(set(grouped.of.values())) == 1


def test_weak_overlap_does_not_join():
    docs = corpus_of({"a1": QUAKE, "a2": QUAKE, "b1": VOTE, "b2": VOTE})
    pairs = pd.DataFrame({"article_a": ["a1"], "article_b": ["b1"], "score": [0.05]})
    assert len(set(events.group(docs, MANY, pairs).of.values())) == 2


def test_table_is_deterministic():
    docs = corpus_of({"a1": QUAKE, "a2": QUAKE, "b1": VOTE})
    first = events.group(docs, MANY).table
    pd.testing.assert_frame_equal(first, events.group(docs, MANY).table)
    assert first["articles"].tolist() == [2, 2, 1]
