"""Tests for newsaudit.overlap.candidates: the shingle index."""

import pytest

from newsaudit.config import OverlapConfig
from newsaudit.overlap import candidates

STORY = (
    "The regional council approved the new budget on Tuesday after a long debate about "
    "schools, roads and the future of the old harbour district near the station."
)
OTHER = (
    "Fishermen in the northern bay reported record catches this spring, and prices at the "
    "morning market fell for the third week in a row according to traders."
)


def test_planted_pair_is_found_and_unrelated_pairs_are_not():
    copy = "Reporters said: " + STORY.replace("Tuesday", "Wednesday")
    found = candidates.candidates(["a", "b", "c"], [STORY, OTHER, copy])
    assert list(zip(found["article_a"], found["article_b"], strict=True)) == [("a", "c")]
    assert found.loc[0, "shared_shingles"] >= 10
    assert 0 < found.loc[0, "jaccard"] <= 1


def test_shingles_in_too_many_articles_are_dropped():
    phrase = "the prime minister said on state television that "
    texts = [phrase + t for t in (STORY, OTHER, "Completely different words follow here now.")]
    capped = OverlapConfig(max_shingle_df=2, min_shared_shingles=1)
    assert candidates.candidates(["a", "b", "c"], texts, capped).empty
    uncapped = OverlapConfig(max_shingle_df=3, min_shared_shingles=1)
    assert len(candidates.candidates(["a", "b", "c"], texts, uncapped)) == 3


def test_output_is_sorted_and_independent_of_input_order():
    copy = STORY + " " + OTHER
    ids, texts = ["x", "y", "z"], [STORY, OTHER, copy]
    first = candidates.candidates(ids, texts)
    second = candidates.candidates(ids[::-1], texts[::-1])
    assert first.equals(second)
    assert list(first.columns) == candidates.CANDIDATE_COLUMNS


def test_ids_and_texts_must_match():
    with pytest.raises(ValueError, match="differ in length"):
        candidates.candidates(["a"], [STORY, OTHER])


def test_short_and_empty_texts():
    assert candidates.candidates(["a", "b"], ["", "two words"]).empty


def test_index_pieces_and_their_runner_do_not_change_the_pairs(monkeypatch):
    copy = "Reporters said: " + STORY.replace("Tuesday", "Wednesday")
    ids = [f"{i:02d}" for i in range(8)]
    texts = [STORY, OTHER, copy, OTHER + " " + STORY, "", "Short.", copy, STORY]
    whole = candidates.candidates(ids, texts)
    monkeypatch.setattr(candidates, "INDEX_PIECE_ARTICLES", 3)
    calls = []

    def each(step, fn, items):
        calls.append((step, len(items)))
        return [fn(x) for x in items[::-1]][::-1]  # any order of work, results in item order

    assert candidates.candidates(ids, texts, each=each).equals(whole)
    assert calls == [("overlap: index", 3)]
    assert len(whole) >= 6
