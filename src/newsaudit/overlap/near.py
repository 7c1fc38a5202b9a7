"""Spelling-slip look-up: which words of an article differ from a word by one slip.

`near_keys` names the keys a word shares with its possible slips; `NearIndex` answers "the
article's words having this key". Each word's keys are made once per process (`keys_of`), in a
table of every word seen so far, instead of once per article and pair: a table per article cost
3 ms and 0.5 MB, and most of an archive's articles share most of their words.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# key -> every word (5+ letters) seen in this process having it. It stops growing at this many
# keys (later articles then get a table of their own) and is never emptied, so threads sharing
# it (`newsaudit batch`) always find the words they added.
_KEYS: dict[str, set[str]] = {}
_SEEN: set[str] = set()
KEYS_MAX = 2_000_000


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


# Words of `_KEYS` sharing a key with another word there: a word outside it has no possible
# slip in any article of this process (most words), so a pair need not look its keys up.
_SOCIAL: set[str] = set()


def _add(table: dict[str, set[str]], words: Iterable[str]) -> None:
    for word in words:
        for key in keys_of(word):
            group = table.setdefault(key, set())
            group.add(word)
            if len(group) > 1 and table is _KEYS:
                _SOCIAL.update(group)


class NearIndex:
    """`near_keys` key -> the article's words (5+ letters, letters only) having it.

    Only `get` is offered, as on a dict: `index.get(key, ())` is the set of the article's words
    with that key, or the default when none has it.
    """

    __slots__ = ("_table", "_words")

    def __init__(self, words: Iterable[str]) -> None:
        self._words = frozenset(w for w in words if len(w) >= 5 and w.isalpha())
        fresh = [w for w in self._words if w not in _SEEN]
        if len(_KEYS) + 12 * len(fresh) <= KEYS_MAX:
            _add(_KEYS, fresh)
            _SEEN.update(fresh)
            self._table = _KEYS
        else:
            self._table = {}
            _add(self._table, self._words)

    def alone(self, word: str) -> bool:
        """True when no other word of this article can share a key with `word` (one of its
        words): no word of the process's table does. False means "look the keys up"."""
        return self._table is _KEYS and word not in _SOCIAL

    def get(self, key: str, default: Any = None) -> Any:
        """The article's words having `key` (a non-empty set), else `default`."""
        found = self._table.get(key)
        mine = found & self._words if found else None
        return mine if mine else default
