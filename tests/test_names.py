"""Tests for newsaudit.names: mentions, variant grouping, acronym and surname links."""

from __future__ import annotations

import itertools
import random
import re

import pytest

from newsaudit import corpus, names
from newsaudit.config import SEEDS_DIR, TaggingConfig

CONFIG = TaggingConfig()


def groups(texts: dict[str, str]) -> dict[str, set[str]]:
    table = names.table(corpus.from_texts(texts), CONFIG)
    out: dict[str, set[str]] = {}
    for row in table.itertuples():
        out.setdefault(row.canonical, set()).add(row.variant)
    return out


def same_group(texts: dict[str, str], a: str, b: str) -> bool:
    return any({a, b} <= members for members in groups(texts).values())


@pytest.fixture(scope="module")
def seed_table():
    return names.table(corpus.load(SEEDS_DIR), CONFIG)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("minusma", "munisma", True),  # same-ends anagram typo
        ("alqaeda", "alquaeda", True),  # one insertion
        ("djire", "djire", True),
        ("russia", "russian", False),  # demonym, a prefix
        ("mali", "malian", False),
        ("isis", "isil", False),  # too short to call a typo
        ("niger", "nigeria", False),
    ],
)
def test_similar_spellings(a: str, b: str, expected: bool) -> None:
    assert names._similar(a, b, CONFIG) is expected


@pytest.mark.parametrize(
    ("texts", "a", "b", "expected"),
    [
        (
            {
                "x": "H\n\nAl-Qaeda struck. Later al Qaeda left.",
                "y": "H\n\nThe Al-Quaeda men left.",
            },
            "Al-Qaeda",
            "Al-Quaeda",
            True,
        ),
        (
            {
                "x": "H\n\nThe mission met Mohammed Kassoum Djiré on Monday.",
                "y": "H\n\nHe spoke. Djire said it was over.",
            },
            "Mohammed Kassoum Djiré",
            "Djire",
            True,
        ),
        (
            {"x": "H\n\nThey met the United Nations Mission for Peace in Mali (MIPM) today."},
            "MIPM",
            "United Nations Mission for Peace in Mali",
            True,
        ),
        (
            {"x": "H\n\nThey joined the ISIL (ISIS) group, said officials."},
            "ISIL",
            "ISIS",
            False,
        ),
        (
            {"x": "H\n\nIn Northern Mali the army left. Troops from Mali stayed."},
            "Mali",
            "Northern Mali",
            False,
        ),
        (
            {"x": "H\n\nRussia sent the Wagner Group. Wagner is active, and Russian flags flew."},
            "Wagner",
            "Wagner Group",
            True,
        ),
        (
            {"x": "H\n\nRussia sent the Wagner Group. Wagner is active, and Russian flags flew."},
            "Russia",
            "Russian",
            False,
        ),
        (
            {"x": "H\n\nPresident Ali Traore spoke. Later Traore left; Amadou Traore stayed."},
            "Traore",
            "Ali Traore",
            False,  # two people share the surname: ambiguous, not linked
        ),
    ],
)
def test_grouping(texts: dict[str, str], a: str, b: str, expected: bool) -> None:
    assert same_group(texts, a, b) is expected


def test_titles_are_split_off() -> None:
    article = corpus.from_texts(["H\n\nUN Secretary-General Antonio Guterres spoke in Bamako."])
    found = [m.text for m in names.mentions(article.articles[0], CONFIG)]
    assert "Antonio Guterres" in found
    assert not any("Secretary" in f for f in found)


def test_headings_are_not_names() -> None:
    article = corpus.from_texts(
        ["H\n\nLoss of Confidence in the Mission:\n\nIt failed, Mali said."]
    )
    assert [m.text for m in names.mentions(article.articles[0], CONFIG)] == ["Mali"]


def test_seed_variants(seed_table) -> None:
    variants = names.variants(seed_table)
    by_canonical = variants.groupby("canonical")["variant"].agg(set).to_dict()
    # MUNISMA under MINUSMA is a seed fact, asserted in tests/test_seeds.py
    assert any(v.startswith("United Nations Multidimensional") for v in by_canonical["MINUSMA"])
    assert {"al-Qaeda", "al Qaeda", "Al-Quaeda"} <= by_canonical["al-Qaeda"]
    assert {"Mohammed Kassoum Djiré", "Djire"} <= by_canonical["Mohammed Kassoum Djiré"]
    for a, b in (("ISIS", "ISIL"), ("Russia", "Russian"), ("Mali", "Malian")):
        assert not any({a, b} <= v for v in by_canonical.values())


def test_table_columns_and_counts(seed_table) -> None:
    assert list(seed_table.columns) == ["canonical", "variant", "article_id", "count"]
    munisma = seed_table[(seed_table["variant"] == "MUNISMA")]
    assert dict(zip(munisma["article_id"].str[:3], munisma["count"], strict=True)) == {
        "000": 6,
        "001": 1,
    }


def test_full_name_is_canonical_for_surname_mentions() -> None:
    texts = {"x": "H\n\nPresident Ilse Marron spoke. Later, Marron left. Then Marron returned."}
    table = names.table(corpus.from_texts(texts), CONFIG)
    assert set(table["canonical"]) == {"Ilse Marron"}


def _index_links(keys: list[str], config: TaggingConfig) -> set[tuple[str, str]]:
    """The links the spelling index's candidates lead to (same decision as all pairs)."""
    return {
        (a, b)
        for a, b in names._near_keys(keys, config)
        if names._similar(a, b, config) or a + "s" == b
    }


def _brute_force_links(keys: list[str], config: TaggingConfig) -> set[tuple[str, str]]:
    """Every linked pair by comparing all pairs (what the piece index must reproduce)."""
    return {
        (a, b) if (len(a), a) < (len(b), b) else (b, a)
        for a, b in itertools.combinations(keys, 2)
        if names._similar(a, b, config) or (a + "s" == b or b + "s" == a)
    }


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_piece_index_finds_every_pair_that_all_pairs_would(seed):
    config = TaggingConfig()
    rng = random.Random(seed)
    letters = "aeilmnorstu"
    base = ["".join(rng.choice(letters) for _ in range(rng.randint(4, 24))) for _ in range(60)]
    keys = set(base)
    for word in base:  # typos: a letter changed, dropped, doubled, two swapped; plurals
        i = rng.randrange(1, len(word))
        keys |= {
            word[:i] + rng.choice(letters) + word[i + 1 :],
            word[:i] + word[i + 1 :],
            word[:i] + word[i] + word[i:],
            word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :],
            word + "s",
        }
    keys = sorted(keys)
    found = _index_links(keys, config)
    expected = _brute_force_links(keys, config)
    assert found == expected
    assert len(expected) > 100  # the typos really link


@pytest.mark.parametrize(("seed", "letters"), [(1, "ab"), (2, "abc"), (3, "abcd")])
def test_piece_windows_miss_no_spelling_up_to_the_edit_limit(seed, letters):
    # Several edits anywhere over a small alphabet: the pieces' position windows must still
    # find every pair that comparing all pairs links.
    config = TaggingConfig()
    rng = random.Random(seed)
    keys = set()
    for _ in range(40):
        word = "".join(rng.choice(letters) for _ in range(rng.randint(5, 22)))
        keys.add(word)
        for _ in range(5):
            typo = list(word)
            for _ in range(rng.randint(1, 4)):
                at = rng.randrange(1, len(typo) + 1)
                kind = rng.randrange(3)
                if kind == 0:
                    typo.insert(at, rng.choice(letters))
                elif at < len(typo):
                    if kind == 1:
                        del typo[at]
                    else:
                        typo[at] = rng.choice(letters)
            keys.add("".join(typo))
    keys = sorted(keys)
    found = _index_links(keys, config)
    expected = _brute_force_links(keys, config)
    assert found == expected
    assert len(expected) > 50


def test_sentence_start_reads_as_its_pattern():
    # every short text over the characters that matter, against the documented pattern
    pattern = re.compile(r"(?:[.!?:;]\s+|[\"“‘(]\s*)$")
    alphabet = '.:; \n\t"(a“'
    for size in range(6):
        for chars in itertools.product(alphabet, repeat=size):
            before = "".join(chars)
            expected = bool(pattern.search(before))
            assert names._after_sentence_start(before) == expected, repr(before)
