"""The figures word lists load from the lexicon with the shape their field declares."""

from __future__ import annotations

import pytest

from newsaudit.figures import words
from newsaudit.lexicon import LexiconError


def test_every_list_loads_with_its_shape() -> None:
    loaded = words.load()
    assert loaded.qualifiers["more than"] == "gt"
    assert loaded.duration_units["decade"] == ("years", 10.0)
    assert loaded.vague_amounts["dozens"] == (24.0, 199.0)
    assert "troops" in loaded.thing_classes["troops"]


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("duration_units", {"day": "days"}),
        ("vague_amounts", {"dozens": [24]}),
        ("thing_classes", {"troops": "soldiers"}),
        ("number_words", {"ten": "many"}),
    ],
)
def test_a_wrong_shape_names_the_file(name: str, raw: dict) -> None:
    kind = words.get_type_hints(words.FiguresWords)[name]
    with pytest.raises(LexiconError, match=f"figures/{name}.yaml"):
        words._value(name, kind, raw)


@pytest.mark.parametrize(
    "field", ["vague_amounts", "number_words", "fraction_words", "ordinal_words", "one_units"]
)
def test_word_forms_start_with_a_letter(field):
    # The extractor's number pattern tests the word boundary once for every word form and
    # tries digits after them: that order changes no match only while no word form starts
    # like a digit number does (a digit, a sign, a point, "minus" or "negative").
    for word in getattr(words.WORDS, field):
        assert word[0].isalpha() and not word.startswith(("minus", "negative")), word
