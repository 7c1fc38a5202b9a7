"""Counting what the formulas need: words, sentences, syllables, hard words, letters.

Counts are per sentence and add up across sentences, paragraphs and articles.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass, fields

from newsaudit.config import ReadabilityConfig
from newsaudit.readability import formulas, syllables
from newsaudit.readability.hard_words import complex_word, core, unfamiliar
from newsaudit.text import sentences as sentence_splitter

_WORD = re.compile(r"[^\s—–…]*[^\W_][^\s—–…]*")  # a token holding a letter or digit
_GLUED = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
_URL = re.compile(r"^[(\[<\"'“‘]*(?:[a-z][a-z0-9+.-]*://|www\.)|^[^@\s]+@[^@\s]+\.[a-z]{2,}", re.I)
# What every URL or e-mail address `_URL` matches holds: a sentence without it has none.
_URL_HINT = re.compile(r"://|www\.|@", re.I)
_TERMINAL = ".!?…"
_CLOSERS = "\"'”’»)]"


@dataclass(frozen=True)
class Counts:
    """Everything the formulas need, for one span of text; counts add up across spans."""

    words: int = 0
    sentences: int = 0
    syllables: int = 0
    syllables_alt: int = 0  # the comparison backend's syllables
    polysyllables: int = 0
    complex_words: int = 0
    unfamiliar_words: int = 0
    letters: int = 0
    characters: int = 0

    def values(self) -> tuple[int, ...]:
        """The counts in field order (cheaper than dataclasses.astuple)."""
        return _count_values(self)

    def __add__(self, other: Counts) -> Counts:
        return Counts(*map(operator.add, _count_values(self), _count_values(other)))


_COUNT_FIELDS = tuple(f.name for f in fields(Counts))
_count_values = operator.attrgetter(*_COUNT_FIELDS)


def total(counts: list[Counts]) -> Counts:
    """The sum of many counts in one pass."""
    return Counts(*(sum(column) for column in zip(*(c.values() for c in counts), strict=True)))


def scores(counts: Counts) -> dict[str, float]:
    """The seven standard scores of one set of counts (NaN when there are no words)."""
    c = counts
    return {
        "flesch_reading_ease": formulas.flesch_reading_ease(c.words, c.sentences, c.syllables),
        "flesch_kincaid_grade": formulas.flesch_kincaid_grade(c.words, c.sentences, c.syllables),
        "gunning_fog": formulas.gunning_fog(c.words, c.sentences, c.complex_words),
        "smog_index": formulas.smog_index(c.sentences, c.polysyllables)
        if c.words
        else float("nan"),
        "coleman_liau_index": formulas.coleman_liau_index(c.words, c.sentences, c.letters),
        "automated_readability_index": formulas.automated_readability_index(
            c.words, c.sentences, c.characters
        ),
        "dale_chall_readability_score": formulas.dale_chall_readability_score(
            c.words, c.sentences, c.unfamiliar_words
        ),
    }


def words(text: str) -> list[str]:
    """The word tokens of `text`: holding a letter or digit, URLs and e-mails excluded.

    Two sentences glued by lost whitespace ("ended.The") are two words, as the splitter sees it.
    """
    found = _WORD.findall(text)
    if not _URL_HINT.search(text) and not _GLUED.search(text):
        return found  # most sentences: no address, nothing glued
    out = []
    for tok in found:
        if "." in tok or "@" in tok or "?" in tok or "!" in tok:
            if _URL.match(tok):
                continue
            if _GLUED.search(tok):
                out.extend(_GLUED.split(tok))
                continue
        out.append(tok)
    return out


def _token_counts(
    token: str, initial: bool, main: str, alt: str
) -> tuple[int, int, int, int, int, int, int]:
    """(syllables, alt syllables, polysyllable, complex, unfamiliar, letters, characters)."""
    syl = syllables.count(token, main)
    return (
        syl,
        syllables.count(token, alt),
        int(syl >= 3),
        int(complex_word(token, initial, syl, main)),
        int(unfamiliar(token, initial)),
        sum(ch.isalpha() for ch in token),
        sum(ch.isalnum() for ch in token),
    )


def sentence_words(text: str) -> list[list[str]]:
    """The word tokens of each sentence of `text`."""
    return [words(text[left:right]) for left, right in sentence_splitter.split(text)]


def names_of(sentences: list[list[str]]) -> frozenset[str]:
    """Words capitalised inside a sentence and never written in lower case in these sentences."""
    inner: set[str] = set()
    first: set[str] = set()
    for tokens in sentences:
        if tokens:
            first.add(tokens[0])
            inner.update(tokens[1:])
    capitalised: set[str] = set()
    lower: set[str] = set()
    for tok in inner:  # each written form once
        bare, case = _SHAPES[tok]
        if case > 0:
            capitalised.add(bare)
        elif case < 0:
            lower.add(bare)
    for tok in first.difference(inner):  # a sentence opener tells only its lower case
        bare, case = _SHAPES[tok]
        if case < 0:
            lower.add(bare)
    return frozenset(c for c in capitalised if c.lower() not in lower)


class _Shapes(dict):
    """Token -> (`core` of it, 1 when it starts upper case, -1 lower case, else 0), remembered
    for up to `TOKEN_CACHE_MAX` tokens."""

    def __missing__(self, token: str) -> tuple[str, int]:
        bare = core(token)
        head = bare[:1]
        value = (bare, 1 if head.isupper() else -1 if head.islower() else 0)
        if len(self) < TOKEN_CACHE_MAX:
            self[token] = value
        return value


_SHAPES = _Shapes()


def names_in(text: str) -> frozenset[str]:
    """Words the text shows to be names: capitalised inside a sentence and never lower-case.

    Lets a sentence-initial "Malians" count as the name it is elsewhere in the same article.
    """
    return names_of(sentence_words(text))


def count_tokens(
    tokens: list[str], config: ReadabilityConfig, names: frozenset[str] = frozenset()
) -> Counts:
    """Counts of one sentence's tokens; the first is sentence-initial unless it is in `names`."""
    return count_sentences([tokens], config, names)


class _TokenCounts(dict):
    """`_token_counts` of each token as written, for one place in the sentence (initial or
    not) and one pair of backends, remembered: a dict look-up per token (an `lru_cache` call
    cost several times more). Stops growing at `TOKEN_CACHE_MAX` tokens."""

    def __init__(self, initial: bool, main: str, alt: str) -> None:
        super().__init__()
        self.args = (initial, main, alt)

    def __missing__(self, token: str) -> tuple[int, ...]:
        value = _token_counts(token, *self.args)
        if len(self) < TOKEN_CACHE_MAX:
            self[token] = value
        return value


TOKEN_CACHE_MAX = 200_000
_TOKEN_CACHES: dict[tuple[bool, str, str], _TokenCounts] = {}


def _cached(initial: bool, main: str, alt: str) -> _TokenCounts:
    key = (initial, main, alt)
    found = _TOKEN_CACHES.get(key)
    if found is None:
        found = _TOKEN_CACHES[key] = _TokenCounts(initial, main, alt)
    return found


def count_sentences(
    sentences: list[list[str]], config: ReadabilityConfig, names: frozenset[str] = frozenset()
) -> Counts:
    """The counts of many sentences' tokens added up (`count_tokens` of each, summed), in one
    pass over the tokens: what an article's paragraphs need."""
    main, alt = config.syllable_backend, config.comparison_backend
    opening, inner = _cached(True, main, alt), _cached(False, main, alt)
    n_words = n_sentences = 0
    per_token: list[tuple[int, ...]] = []
    for tokens in sentences:
        if not tokens:
            continue
        n_sentences += 1
        n_words += len(tokens)
        first = tokens[0]
        per_token.append(inner[first] if names and core(first) in names else opening[first])
        per_token.extend(map(inner.__getitem__, tokens[1:]))
    if not per_token:
        return Counts()
    return Counts(n_words, n_sentences, *map(sum, zip(*per_token, strict=True)))


def count_sentence(
    text: str, config: ReadabilityConfig, names: frozenset[str] = frozenset()
) -> Counts:
    """Counts of one sentence; its first word is sentence-initial unless it is in `names`."""
    return count_tokens(words(text), config, names)


def count_text(
    text: str, config: ReadabilityConfig | None = None, names: frozenset[str] | None = None
) -> Counts:
    """Counts of a whole text, sentence by sentence (names found in the text itself if None)."""
    config = config or ReadabilityConfig()
    sentences = sentence_words(text)
    names = names_of(sentences) if names is None else names
    return total([count_tokens(tokens, config, names) for tokens in sentences])


def score_text(text: str, config: ReadabilityConfig | None = None) -> dict[str, float]:
    """Counts and scores of any text as given (what the article table holds, for one text)."""
    counts = count_text(text, config)
    return {**{f.name: getattr(counts, f.name) for f in fields(counts)}, **scores(counts)}


def is_heading(paragraph: str, config: ReadabilityConfig) -> bool:
    """A short line without sentence-final punctuation: a section heading or a credit."""
    end = paragraph.rstrip().rstrip(_CLOSERS)
    return (
        bool(end)
        and end[-1] not in _TERMINAL
        and len(words(paragraph)) <= config.heading_max_words
    )
