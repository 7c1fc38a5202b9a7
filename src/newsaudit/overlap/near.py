"""Spelling-slip look-up: which words of an article differ from a word by one slip.

`near_keys` names the keys a word shares with its possible slips; `neighbours` groups an
article's words by those keys once, so that a pair asks only "which of this article's words
share a key with this word" (a dict look-up) instead of making every shared word's keys again
for every pair and side. Each word's keys are made once per process (most of an archive's
articles share most of their words).
"""

from __future__ import annotations

from collections.abc import Iterable

# word -> its keys, for every word seen in this process. It stops growing at this many words
# (later words then have their keys made each time) and is never emptied, so threads sharing
# it (`newsaudit batch`) always find the words they added.
_KEYS: dict[str, tuple[str, ...]] = {}
KEYS_MAX = 300_000


def near_keys(word: str) -> list[str]:
    """Keys shared by a word and its possible slips: sorted letters (transpositions), and for
    long words the word with one letter deleted (one letter dropped, added or changed)."""
    keys = ["".join(sorted(word))]
    if len(word) >= 6:
        keys += [f"-{word}"] + [f"-{word[:k]}{word[k + 1 :]}" for k in range(len(word))]
    return keys


def _keys_of(word: str) -> tuple[str, ...]:
    found = _KEYS.get(word)
    if found is None:
        found = tuple(near_keys(word))
        if len(_KEYS) < KEYS_MAX:
            _KEYS[word] = found
    return found


def neighbours(words: Iterable[str]) -> dict[str, frozenset[str]]:
    """Each of `words` (5+ letters, letters only) that shares a `near_keys` key with another of
    them -> every one of them sharing a key with it, itself included. A word absent has no
    possible slip among `words`."""
    by_key: dict[str, list[str]] = {}
    for word in {w for w in words if len(w) >= 5 and w.isalpha()}:
        for key in _keys_of(word):
            by_key.setdefault(key, []).append(word)
    found: dict[str, set[str]] = {}
    for group in by_key.values():
        if len(group) > 1:
            for word in group:
                found.setdefault(word, set()).update(group)
    return {w: frozenset(near) for w, near in found.items()}
