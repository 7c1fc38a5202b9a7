"""The plain records the overlap steps pass along: a prepared article, a clue, a compared pair."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np

from newsaudit.corpus import Article
from newsaudit.overlap.alignment import Passage, SentenceView
from newsaudit.overlap.near import keys_of
from newsaudit.overlap.quotes import Quote
from newsaudit.overlap.seeds import SeedIndex, seed_index, word_keys
from newsaudit.overlap.token_table import TokenTable


@dataclass(frozen=True)
class Prepared:
    """An article's tokens, sentences, quotations and quote mask, computed once.

    The look-up tables only some pairs need (`repeated` for the slip clue, `seeds` for the
    verbatim aligner, `codes` and `grams` for the reuse evidence) are built on first use,
    where the pair is compared. A prepared article
    travels between processes as its words and offsets (`__reduce__`, its tokens a
    `TokenTable`): a fraction of the size and time of pickling every token object and table.
    """

    article: Article
    toks: TokenTable  # a sequence of `Token`, kept as plain lists
    view: SentenceView
    quotes: tuple[Quote, ...]
    quote_mask: np.ndarray = field(compare=False)
    seed_size: int = 3  # words per seed of the verbatim aligner

    @cached_property
    def counts(self) -> Counter[str]:
        """How often the article uses each word (made on first use, where pairs are compared:
        the process holding every prepared article never needs it)."""
        return Counter(self.toks.norms)

    @cached_property
    def repeated(self) -> dict[str, set[str]]:
        """Spelling-slip key (`near.keys_of`) -> the article's words having it that it uses
        more than once (5+ letters, letters only): a word's slip in this article, being rarer
        than the word, shares one of these keys with it, and only such a word can be the
        usual spelling of a slip."""
        table: dict[str, set[str]] = {}
        for word, count in self.counts.items():
            if count > 1 and len(word) >= 5 and word.isalpha():
                for key in keys_of(word):
                    table.setdefault(key, set()).add(word)
        return table

    @cached_property
    def crowded(self) -> frozenset[str]:
        """The keys of `repeated` that two or more repeated words share: only through one of
        these can a repeated word have a repeated variant."""
        return frozenset(key for key, words in self.repeated.items() if len(words) > 1)

    @cached_property
    def codes(self) -> np.ndarray:
        """A 64-bit key per word (`seeds.word_keys`: the same word has the same key in every
        article and process), for the n-gram and tiling evidence."""
        return word_keys(self.toks.norms)

    @cached_property
    def seeds(self) -> SeedIndex:
        """The verbatim aligner's seed index of the article's words (`seeds.seed_index`)."""
        return seed_index(self.toks.norms, self.seed_size, self.codes)

    @cached_property
    def grams(self) -> dict[int, tuple[np.ndarray, np.ndarray]]:
        """n -> (hash of the word n-gram at each position, the distinct hashes sorted),
        filled by `features.grams` on first use: an article weighed in several pairs and
        against its sources hashes its n-grams once."""
        return {}

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _restore,
            (
                self.article,
                self.toks,
                self.view,
                self.quotes,
                self.quote_mask,
                self.seed_size,
            ),
        )


def _restore(
    article: Article,
    toks: TokenTable,
    view: SentenceView,
    quotes: tuple[Quote, ...],
    quote_mask: np.ndarray,
    seed_size: int,
) -> Prepared:
    """A `Prepared` from what `Prepared.__reduce__` sent."""
    return Prepared(article, toks, view, quotes, quote_mask, seed_size)


# A prepared article without its article: what a mapped step sends back to the process that
# holds the articles already (the text and metadata were a quarter of the bytes).
PreparedParts = tuple[TokenTable, SentenceView, tuple[Quote, ...], np.ndarray, int]


def parts_of(p: Prepared) -> PreparedParts:
    """What `rejoin` needs, besides the article, to make `p` again."""
    return p.toks, p.view, p.quotes, p.quote_mask, p.seed_size


def rejoin(article: Article, parts: PreparedParts) -> Prepared:
    """The prepared article of `article` from its `parts_of` (equal to the one sent)."""
    return _restore(article, *parts)


@dataclass(frozen=True)
class Evidence:
    """One clue about direction: which article it favours as the source, how strongly, why.

    `clue` names the direction model's input and `value` is the clue's size there (words of
    detail, log length ratio, 1 for a yes/no clue); `weight` is what it added to the log-odds
    of `favours` being the source (the model's coefficient times `value`).
    """

    favours: str
    weight: float
    kind: str
    detail: str
    clue: str = ""
    value: float = 1.0


@dataclass(frozen=True)
class PairResult:
    """Reuse between two articles (a < b by id): passages, containments, verdict, direction."""

    article_a: str
    article_b: str
    containment_a_in_b: float
    containment_b_in_a: float
    passages: tuple[Passage, ...]
    quote_passages: tuple[Passage, ...]
    coherence: float
    verdict: str
    source: str = ""
    derived: str = ""
    confidence: float = 0.0
    evidence: tuple[Evidence, ...] = ()
    words_a: int = 0
    words_b: int = 0
    # The learned verdict with a as the copy, then with b: (verdict, probability, evidence).
    judged: tuple[tuple[str, float, str], ...] = ()
    learned: str = ""  # the learned model's verdict for the copy side
    probability: float = 0.0  # ... and its probability
    why: str = ""  # the evidence that drove it, in words

    @property
    def score(self) -> float:
        """Symmetric score: the larger containment (share of the more-reusing text reused)."""
        return max(self.containment_a_in_b, self.containment_b_in_a)
