"""Tests for newsaudit.text.fold and newsaudit.text.tokens: one normal form, spans kept."""

import re

import pytest

from newsaudit.text.distance import edit_distance
from newsaudit.text.fold import ascii_lower, fold, lower_keep_offsets, name_key
from newsaudit.text.tokens import tokens, words


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("\u201cQuoted\u201d", '"quoted"'),
        ("14,000-strong", "14000-strong"),
        ("1.200.000", "1200000"),
        ("Caf\u00e9 Djir\u00e9", "cafe djire"),
        ("2013\u20132014", "2013-2014"),
        ("country\u2019s", "country's"),
        ("3.5 per cent", "3.5 per cent"),
    ],
)
def test_fold(raw, folded):
    assert fold(raw) == folded


def test_tokens_keep_char_spans_into_the_original_text():
    text = "Mali\u2019s 14,000 \u201ctroops\u201d left."
    toks = tokens(text)
    assert [t.norm for t in toks] == ["mali's", "14000", "troops", "left"]
    assert [text[t.start : t.end] for t in toks] == ["Mali\u2019s", "14,000", "troops", "left"]


@pytest.mark.parametrize(
    ("name", "key"),
    [("Djir\u00e9", "djire"), ("Al-Qaeda", "alqaeda"), ("al Qaeda", "alqaeda"), ("U.N.", "un")],
)
def test_name_key_ignores_accents_case_and_punctuation(name, key):
    assert name_key(name) == key


def test_words_split_at_every_punctuation_mark():
    assert words("Al-Qaeda\u2019s 14,000 troops.") == ["al", "qaeda", "s", "14000", "troops"]


@pytest.mark.parametrize(
    ("a", "b", "limit", "distance"),
    [
        ("MUNISMA", "MINUSMA", 2, 2),
        ("kitten", "sitting", 3, 3),
        ("abc", "abcdef", 1, 2),
        ("", "", 0, 0),
    ],
)
def test_edit_distance_stops_past_the_limit(a, b, limit, distance):
    assert edit_distance(a, b, limit) == distance


@pytest.mark.parametrize(
    ("text", "lowered"),
    [
        ("Doubled TRIPLED", "doubled tripled"),
        ("Élan – Ünïcode stays", "Élan – Ünïcode stays"),  # only A-Z change
        ("\u017fhould", None),  # a long s: case-insensitive matching reads it as "s"
        ("\u212aelvin", None),
        ("\u0130stanbul", None),
    ],
)
def test_ascii_lower(text, lowered):
    assert ascii_lower(text) == lowered


@pytest.mark.parametrize("text", ["He Should go", "SHOULD, or should-not", "Shoulder"])
def test_ascii_lower_finds_what_ignoring_case_finds(text):
    expected = [m.span() for m in re.finditer(r"\bshould\b", text, re.IGNORECASE)]
    assert [m.span() for m in re.finditer(r"\bshould\b", ascii_lower(text))] == expected


@pytest.mark.parametrize(
    ("text", "lowered"),
    [
        ("Twenty\u2010One MILLION", "twenty-one million"),  # a web hyphen reads as "-"
        ("\u212aelvin \u0130", "\u212aelvin \u0130"),  # never None: only A-Z change
        ("Élan", "Élan"),
    ],
)
def test_lower_keep_offsets(text, lowered):
    assert lower_keep_offsets(text) == lowered
    assert len(lower_keep_offsets(text)) == len(text)
