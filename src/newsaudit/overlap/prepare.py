"""Per-article preparation: tokens, sentences, quotations and look-up tables, computed once."""

from __future__ import annotations

from collections import Counter

from newsaudit.config import OverlapConfig
from newsaudit.corpus import Article
from newsaudit.overlap import alignment
from newsaudit.overlap.quotes import quotes, token_mask
from newsaudit.overlap.records import Prepared
from newsaudit.text.tokens import tokens


def near_keys(word: str) -> list[str]:
    """Keys shared by a word and its possible slips: sorted letters (transpositions), and for
    long words the word with one letter deleted (one letter dropped, added or changed)."""
    keys = ["".join(sorted(word))]
    if len(word) >= 6:
        keys += [f"-{word}"] + [f"-{word[:k]}{word[k + 1 :]}" for k in range(len(word))]
    return keys


def _near_index(counts: Counter[str]) -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for word in counts:
        if len(word) >= 5 and word.isalpha():
            for key in near_keys(word):
                index.setdefault(key, set()).add(word)
    return index


def prepare(article: Article, config: OverlapConfig) -> Prepared:
    """Tokens, sentence view and quotations of one article."""
    toks = tokens(article.text)
    qs = quotes(article.text, config)
    mask = token_mask(toks, [(q.start, q.end) for q in qs])
    counts = Counter(t.norm for t in toks)
    return Prepared(
        article,
        tuple(toks),
        alignment.sentence_view(article.text, toks, config, mask.tolist()),
        tuple(qs),
        mask,
        counts,
        _near_index(counts),
        alignment.ngrams([t.norm for t in toks], config.seed_size),
    )
