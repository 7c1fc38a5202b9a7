"""Syllable backends: CMU dictionary with rule fallback, and rules alone."""

import pytest

from newsaudit.readability import syllables


@pytest.mark.parametrize(
    ("word", "cmudict", "rules"),
    [
        ("the", 1, 1),
        ("cat", 1, 1),
        ("sunny", 2, 2),
        ("table", 2, 2),  # "-le" after a consonant is a syllable
        ("makes", 1, 1),  # silent e before -s
        ("houses", 2, 2),  # -es after a sibilant is a syllable
        ("played", 1, 1),  # silent -ed
        ("wanted", 2, 2),  # -ed after t is a syllable
        ("playing", 2, 2),  # "y" between vowels is a consonant
        ("media", 3, 3),
        ("violence", 3, 3),
        ("actual", 3, 3),
        ("lately", 2, 2),  # silent e kept silent before -ly
        ("statement", 2, 2),
        ("peacekeeping", 3, 4),  # inner silent e of a compound: the rules over-count
        ("security", 4, 4),
        ("international", 5, 5),
        ("Malian", 3, 3),  # not in cmudict: the rules decide
        ("neighbouring", 3, 3),
        ("queen", 1, 1),
    ],
)
def test_word_table(word, cmudict, rules):
    assert syllables.count(word, "cmudict") == cmudict
    assert syllables.count(word, "rules") == rules


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("2013", 1),  # a figure is one syllable (tool convention)
        ("14,000", 1),
        ("30th", 1),
        ("1990s", 1),
        ("“Malians,", 3),  # quotes and punctuation around a word are ignored
        ("(ISIS)", 2),
        ("country’s", 2),  # typographic apostrophe, possessive known to cmudict
        ("Bush's", 2),  # possessive after a sibilant adds a syllable
        ("decade-long", 3),  # compounds are summed part by part
        ("Kremlin-affiliated", 7),
        ("post-9/11", 3),
        ("U.N.", 2),  # dotted abbreviation as cmudict spells it: "you-en"
        ("café", 2),  # accents stripped before the lookup
        ("北京", 1),  # a word in another script still has a syllable
        ("—", 0),
        ("", 0),
    ],
)
def test_tokens_as_written(token, expected):
    assert syllables.count(token) == expected


def test_rule_counter_agrees_with_cmudict_on_most_familiar_words():
    """The rule backend is a fallback, so it must be good: >= 90 % exact on the Dale-Chall list."""
    from newsaudit import readability

    table = syllables.cmu_table()
    words = sorted(w for w in readability.easy_words() if w.isalpha() and w in table)
    exact = sum(syllables.rule_count(w) == table[w] for w in words)
    assert len(words) > 2500
    assert exact / len(words) >= 0.9


def test_every_word_has_a_syllable():
    for word in ("rhythm", "nth", "shh", "by", "crwth", "y"):
        assert syllables.rule_count(word) >= 1


def test_unknown_backend_is_rejected():
    with pytest.raises(ValueError, match="unknown syllable backend"):
        syllables.count("word", "pyphen")
    with pytest.raises(ValueError, match="unknown syllable backend"):
        syllables.backend_name("pyphen")


def test_backend_name_states_the_dictionary_version():
    assert syllables.backend_name("cmudict").startswith("cmudict 1.")
    assert "rule fallback" in syllables.backend_name("cmudict")
