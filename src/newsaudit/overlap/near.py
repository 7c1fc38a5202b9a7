"""Spelling-slip keys: the keys a word shares with the words one slip away from it.

`near_keys` names them; `keys_of` makes them once per process, since most pairs share the same
common words. A prepared article keeps its repeated words by key (`Prepared.repeated`), where
the slip clue looks a shared word's variants up (`direction`).
"""

from __future__ import annotations


def near_keys(word: str) -> list[str]:
    """Keys shared by a word and its possible slips: sorted letters (transpositions), and for
    long words the word with one letter deleted (one letter dropped, added or changed)."""
    keys = ["".join(sorted(word))]
    if len(word) >= 6:
        keys += [f"-{word}"] + [f"-{word[:k]}{word[k + 1 :]}" for k in range(len(word))]
    return keys


# word -> its keys: a pair asks for the keys of each word the two articles share, and most
# pairs share the same common words. Stops growing at `WORDS_MAX` words, never emptied.
_WORD_KEYS: dict[str, tuple[str, ...]] = {}
WORDS_MAX = 300_000


def keys_of(word: str) -> tuple[str, ...]:
    """`near_keys(word)`, made once per process."""
    found = _WORD_KEYS.get(word)
    if found is None:
        found = tuple(near_keys(word))
        if len(_WORD_KEYS) < WORDS_MAX:
            _WORD_KEYS[word] = found
    return found
