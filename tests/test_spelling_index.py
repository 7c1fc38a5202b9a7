"""Tests for newsaudit.spelling_index: spelling pairs within a few edits, in numpy."""

import itertools
import random

import pytest
from rapidfuzz.distance import Levenshtein

from newsaudit import spelling_index


def _limit(length: int) -> int:
    return max(1, length // 5)


def _all_pairs(keys: list[str], shortest: int) -> set[tuple[str, str]]:
    out = set()
    for a, b in itertools.combinations(keys, 2):
        a, b = sorted((a, b), key=lambda k: (len(k), k))
        if len(a) >= shortest and a[0] == b[0] and Levenshtein.distance(a, b) <= _limit(len(a)):
            out.add((a, b))
    return out


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["minusma", "munisma"], set()),  # 2 edits: over the limit of 1 (names: anagram)
        (["abdallah", "abdullah"], {("abdallah", "abdullah")}),
        (["aalborg", "balborg"], set()),  # first letters differ
        (["abcd", "abce"], set()),  # shorter than `shortest`
        (["hinemanbraatz", "hinemanbraats", "hinemankorn"], {("hinemanbraats", "hinemanbraatz")}),
        (["élodie", "elodie", "élodia"], {("élodia", "élodie")}),  # any code point
    ],
)
def test_close_pairs(keys, expected):
    assert set(spelling_index.close_pairs(sorted(keys), _limit, 5)) == expected


@pytest.mark.parametrize("seed", [1, 2])
def test_close_pairs_equal_comparing_all_pairs(seed):
    rng = random.Random(seed)
    letters = "abcé"
    keys = set()
    for _ in range(60):
        word = "".join(rng.choice(letters) for _ in range(rng.randint(3, 26)))
        keys.add(word)
        for _ in range(4):
            typo = list(word)
            for _ in range(rng.randint(1, 5)):
                at = rng.randrange(0, len(typo) + 1)
                if rng.random() < 0.4:
                    typo.insert(at, rng.choice(letters))
                elif at < len(typo):
                    typo[at] = rng.choice(letters)
            keys.add("".join(typo))
    keys = sorted(keys)
    found = spelling_index.close_pairs(keys, _limit, 5)
    assert len(found) == len(set(found))
    assert set(found) == _all_pairs(keys, 5)
    assert len(found) > 40
