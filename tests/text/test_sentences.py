"""Sentence splitter: abbreviations, decimals, initials, quotes, headings, extraction gaps."""

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsaudit.text import sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        (
            "The U.N. Security Council met on Jan. 5 in New York. It voted.",
            ["The U.N. Security Council met on Jan. 5 in New York.", "It voted."],
        ),
        (
            "She lives in the U.S. The next day she left.",
            ["She lives in the U.S.", "The next day she left."],
        ),
        ("Mr. Smith and Dr. Jones met Gen. Diop.", ["Mr. Smith and Dr. Jones met Gen. Diop."]),
        ("Inflation was 3.5 percent. It rose.", ["Inflation was 3.5 percent.", "It rose."]),
        (
            "He met John F. Kennedy. The talks ended.",
            ["He met John F. Kennedy.", "The talks ended."],
        ),
        (
            "Violence spread to neighbouring and . Thousands died.",
            ["Violence spread to neighbouring and .", "Thousands died."],
        ),
        ("“Why?” he asked. “Now!” she said.", ["“Why?” he asked.", "“Now!” she said."]),
        (
            "“It is an evil force. It’s been no use,” he said.",
            ["“It is an evil force.", "It’s been no use,” he said."],
        ),
        (
            "Calls for Peace\n\nDemonstrators gathered.",
            ["Calls for Peace", "Demonstrators gathered."],
        ),
        (
            "See No. 10 Downing St. for details. He said no. Then he left.",
            ["See No. 10 Downing St. for details.", "He said no.", "Then he left."],
        ),
        ("Visit www.example.com. It is free!", ["Visit www.example.com.", "It is free!"]),
        ("Wait... what? Fine.", ["Wait... what?", "Fine."]),
        (
            "The talks, e.g. the Algiers Accords, failed.",
            ["The talks, e.g. the Algiers Accords, failed."],
        ),
        ("Acme Inc. The firm said so.", ["Acme Inc.", "The firm said so."]),
        ("no terminator at all", ["no terminator at all"]),
        ("The talks ended.The next day was calm.", ["The talks ended.", "The next day was calm."]),
        ("Mr.Smith spoke.", ["Mr.Smith spoke."]),
        (
            "US-based Acme Corp. said so in Washington, D.C. The firm left.",
            ["US-based Acme Corp. said so in Washington, D.C.", "The firm left."],
        ),
        ("He left at 5 p.m. on Friday.", ["He left at 5 p.m. on Friday."]),
        (
            "It cost $3.5 million. The vote was 12-3. Officials left.",
            ["It cost $3.5 million.", "The vote was 12-3.", "Officials left."],
        ),
        ("", []),
        ("  \n\n  ", []),
    ],
)
def test_split_table(text, expected):
    assert sentences.sentences(text) == expected


def test_spans_point_into_the_text_and_are_ordered():
    text = "First one.  Second one?\n\nThird (a heading)\n\n“Fourth,” he said."
    spans = sentences.split(text)
    assert [text[a:b] for a, b in spans] == [
        "First one.",
        "Second one?",
        "Third (a heading)",
        "“Fourth,” he said.",
    ]
    assert all(a < b <= c for (a, b), (c, _) in itertools.pairwise(spans))


@pytest.mark.parametrize("newline", ["\n\n", "\n", "\r\n", " \n \n "])
def test_no_sentence_crosses_a_line_break(newline):
    text = f"A line without a stop{newline}and a lower-case start."
    assert sentences.sentences(text) == ["A line without a stop", "and a lower-case start."]


def test_punctuation_debris_joins_the_previous_sentence():
    assert sentences.sentences("It ended. . .") == ["It ended. . ."]


def test_is_fast_on_long_text():
    """Shared with other modules: 300 kB of news-like text must split well under a second."""
    import time

    text = "The U.N. mission, led by Mr. Wane, cost $1.2bn in 2023. Critics said so. " * 4000
    start = time.perf_counter()
    spans = sentences.split(text)
    assert time.perf_counter() - start < 1.0
    assert len(spans) == 8000


@given(st.text(alphabet=st.sampled_from(list("ab A.B?!…“” \n3,-")), max_size=200))
def test_spans_are_ordered_trimmed_and_inside_the_text(text):
    spans = sentences.split(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip()
        assert any(ch.isalnum() for ch in piece)
        previous_end = end
