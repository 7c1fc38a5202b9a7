"""An article's tokens as three parallel sequences: what a prepared article keeps and ships.

`text.tokens.tokens` gives `Token` objects; a prepared article keeps their words, starts and
ends as plain lists instead (`TokenTable`), a sequence of `Token` made on access. The hot loops
read the lists directly (`norms`), and a table crossing processes is restored without making a
`Token` per word: that was most of the main process's time receiving prepared articles.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from typing import Any, overload

from newsaudit.text.tokens import Token, token_columns

# One string object per distinct word in this process: a pickled batch of prepared articles
# then sends each word once (later occurrences are memo references), and the receiving
# process holds each word once. Stops growing at `WORDS_MAX` words, never emptied.
_WORDS: dict[str, str] = {}
WORDS_MAX = 500_000


def _shared(words: list[str]) -> list[str]:
    if len(_WORDS) >= WORDS_MAX:
        return words
    return list(map(_WORDS.setdefault, words, words))


class TokenTable(Sequence[Token]):
    """Tokens as a `norms` list and `starts`, `ends` integer arrays; `table[i]` is a `Token`."""

    __slots__ = ("ends", "norms", "starts")

    def __init__(self, norms: list[str], starts: Sequence[int], ends: Sequence[int]) -> None:
        self.norms, self.starts, self.ends = norms, starts, ends

    @classmethod
    def of(cls, toks: Sequence[Token]) -> TokenTable:
        """The table of some tokens (offsets as `array("q")`: one buffer when pickled)."""
        return cls(
            _shared([t.norm for t in toks]),
            array("q", [t.start for t in toks]),
            array("q", [t.end for t in toks]),
        )

    @classmethod
    def of_text(cls, text: str) -> TokenTable:
        """The table of `tokens(text)`, made from the regex's matches without any `Token`."""
        norms, starts, ends = token_columns(text)
        return cls(_shared(norms), array("q", starts), array("q", ends))

    def __len__(self) -> int:
        return len(self.norms)

    @overload
    def __getitem__(self, i: int) -> Token: ...

    @overload
    def __getitem__(self, i: slice) -> TokenTable: ...

    def __getitem__(self, i: int | slice) -> Token | TokenTable:
        if isinstance(i, slice):
            return TokenTable(self.norms[i], self.starts[i], self.ends[i])
        return Token(self.norms[i], self.starts[i], self.ends[i])

    def __iter__(self) -> Iterator[Token]:
        return map(Token, self.norms, self.starts, self.ends)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, TokenTable):
            return (self.norms, list(self.starts), list(self.ends)) == (
                other.norms,
                list(other.starts),
                list(other.ends),
            )
        if isinstance(other, Sequence):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable lists inside, as a list

    def __repr__(self) -> str:
        return f"TokenTable({len(self)} tokens)"

    def __reduce__(self) -> tuple[Any, ...]:
        return TokenTable, (self.norms, self.starts, self.ends)


def norms_of(toks: Sequence[Token]) -> list[str]:
    """The words of some tokens (a table's own list, else made)."""
    return toks.norms if isinstance(toks, TokenTable) else [t.norm for t in toks]


def starts_of(toks: Sequence[Token]) -> Sequence[int]:
    """The start offsets of some tokens (a table's own array, else made)."""
    return toks.starts if isinstance(toks, TokenTable) else [t.start for t in toks]
