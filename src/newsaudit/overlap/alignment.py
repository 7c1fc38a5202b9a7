"""Local alignment of reused text between two articles: verbatim passages and rewritten sentences.

Two complementary aligners, both returning passages with token ranges and char spans:
- `verbatim`: exact word n-gram seeds chained along near-diagonals, so that a passage survives
  light edits (substituted, inserted or deleted words) and reordered sentences (each sentence
  is its own diagonal run).
- `rewritten`: sentence-level alignment with a soft similarity (IDF-weighted Dice on stemmed
  content words, synonyms folded), kept only when the matched sentences follow the same order
  in both articles: a paraphrased rewrite keeps its source's order, same-topic reporting doesn't.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np

from newsaudit.config import OverlapConfig
from newsaudit.overlap.idf import KeyedIdf, idf_table, idf_weights
from newsaudit.overlap.index_words import string_keys
from newsaudit.overlap.seeds import SeedIndex, seed_index, shared_seeds
from newsaudit.overlap.similarity import (
    BIGRAM,
    Idf,
    SentenceTable,
    feature_weights,
    merge_sorted,
    sentence_table,
    similarity_matrices,
    similarity_matrix,
)
from newsaudit.overlap.token_table import norms_of, starts_of
from newsaudit.text.fold import fold
from newsaudit.text.sentences import split
from newsaudit.text.tokens import Token

__all__ = [  # the similarity helpers stay reachable here, where they were
    "BIGRAM",
    "Idf",
    "KeyedIdf",
    "Passage",
    "SentenceAlignment",
    "SentenceTable",
    "SentenceView",
    "align_sentences",
    "feature_weights",
    "features",
    "idf_table",
    "idf_weights",
    "local_chain",
    "merge_sorted",
    "rewritten",
    "scattered",
    "sentence_table",
    "sentence_view",
    "similarity_matrices",
    "similarity_matrix",
    "stems",
    "verbatim",
]


@dataclass(frozen=True)
class Passage:
    """A reused passage: token ranges [start, end) and char spans in both articles.

    `kind` is "verbatim" (exact seeds, light edits) or "rewritten" (aligned sentences);
    `similarity` is the share of matching words (verbatim) or the sentence similarity.
    """

    tok_a: tuple[int, int]
    tok_b: tuple[int, int]
    span_a: tuple[int, int]
    span_b: tuple[int, int]
    kind: str
    similarity: float


# ---------------------------------------------------------------------------------------------
# Verbatim and lightly edited reuse
# ---------------------------------------------------------------------------------------------
def _span(toks: Sequence[Token], rng: tuple[int, int]) -> tuple[int, int]:
    return toks[rng[0]].start, toks[rng[1] - 1].end


def verbatim(
    toks_a: Sequence[Token],
    toks_b: Sequence[Token],
    config: OverlapConfig,
    index_a: SeedIndex | None = None,
    index_b: SeedIndex | None = None,
) -> list[Passage]:
    """Passages copied word for word or lightly edited, at least `min_passage_words` long.

    Seeds are shared `seed_size`-grams; a seed joins a run when it follows the run's end within
    `max_gap_words` in both articles (an edit) and stays near the run's diagonal. The seed
    indexes (`seeds.seed_index` of each article's words) are made here unless given.
    """
    n, gap = config.seed_size, config.max_gap_words
    index_a = seed_index(norms_of(toks_a), n) if index_a is None else index_a
    index_b = seed_index(norms_of(toks_b), n) if index_b is None else index_b
    runs: list[list[int]] = []  # [a_start, a_end, b_start, b_end, matched_words]
    open_runs: list[int] = []  # indices of runs that may still grow
    # a trigram repeated everywhere in b (more than 3 times) seeds nothing
    for i, hits in shared_seeds(index_a, index_b, 3):
        for j in hits:
            best = -1
            for r in open_runs:
                a0, a1, b0, b1, _ = runs[r]
                near = -n < i - a1 + 1 <= gap and -n < j - b1 + 1 <= gap
                if near and abs((i - a0) - (j - b0)) <= gap:
                    best = r
                    break
            if best >= 0:
                run = runs[best]
                run[4] += min(n, i + n - run[1]) if i + n > run[1] else 0
                run[1], run[3] = max(run[1], i + n), max(run[3], j + n)
            else:
                runs.append([i, i + n, j, j + n, n])
                open_runs.append(len(runs) - 1)
        open_runs = [r for r in open_runs if runs[r][1] + gap >= i]
    passages = []
    for a0, a1, b0, b1, matched in runs:
        if min(a1 - a0, b1 - b0) < config.min_passage_words:
            continue
        passages.append(
            Passage(
                (a0, a1),
                (b0, b1),
                _span(toks_a, (a0, a1)),
                _span(toks_b, (b0, b1)),
                "verbatim",
                round(min(1.0, matched / max(a1 - a0, b1 - b0)), 4),
            )
        )
    return passages


# ---------------------------------------------------------------------------------------------
# Paraphrastic rewrites: sentence alignment
# ---------------------------------------------------------------------------------------------
@lru_cache(maxsize=4)
def _synonym_map(groups: tuple[tuple[str, ...], ...]) -> dict[str, str]:
    return {fold(w): fold(group[0]) for group in groups for w in group}


class _StemTable(dict[str, str | None]):
    """word -> its content stem (None for a stopword or a word too short), made on first
    look-up and kept: an archive's articles share most of their words."""

    def __init__(self, synonyms: dict[str, str], stop: frozenset[str], length: int) -> None:
        super().__init__()
        self.synonyms, self.stop, self.length = synonyms, stop, length

    def __missing__(self, word: str) -> str | None:
        w = word.removesuffix("'s")
        stem = None
        if w not in self.stop and len(w) >= 2:
            w = self.synonyms.get(w, w)
            stem = w if w[0].isdigit() else w[: self.length]
        if len(self) < STEM_TABLE_MAX:
            self[word] = stem
        return stem


STEM_TABLE_MAX = 500_000  # words per process (~60 MB at most); later words are stemmed each time


@lru_cache(maxsize=4)
def _stem_table(
    synonyms: tuple[tuple[str, ...], ...], stopwords: tuple[str, ...], length: int
) -> _StemTable:
    return _StemTable(_synonym_map(synonyms), _stopwords(stopwords), length)


def stems(words: Sequence[str], config: OverlapConfig) -> list[str]:
    """Content-word stems: stopwords dropped, synonyms folded, words cut to `stem_length`."""
    table = _stem_table(config.synonyms, config.stopwords, config.stem_length)
    return [s for s in map(table.__getitem__, words) if s is not None]


@lru_cache(maxsize=4)
def _stopwords(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(words)


@dataclass(frozen=True)
class SentenceView:
    """An article cut into sentences: char spans, token ranges and content stems per sentence."""

    spans: tuple[tuple[int, int], ...]
    tok_ranges: tuple[tuple[int, int], ...]
    stems: tuple[frozenset[str], ...]
    # Features made of names (mostly capitalised mid-sentence in this article) or numbers.
    anchored: frozenset[str] = frozenset()

    @cached_property
    def table(self) -> SentenceTable:
        """The view as a sparse sentence x feature table (built on first use, then kept)."""
        return sentence_table(self)

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every feature of every sentence (made on first use, then kept)."""
        return frozenset().union(*self.stems)

    @cached_property
    def ordered(self) -> list[str]:
        """`vocabulary` sorted (made on first use, then kept)."""
        return sorted(self.vocabulary)

    @cached_property
    def keys(self) -> np.ndarray:
        """The 64-bit key (`index_words.string_keys`) of each feature of `ordered`: what the
        corpus IDF is counted on (`idf.keyed_idf`). Made where the article is prepared and
        pickled with the view (8 bytes a feature)."""
        return string_keys(self.ordered)

    def __getstate__(self) -> dict[str, object]:
        """Pickled without what it makes on use (`table`, `vocabulary`, `ordered`: rebuilt
        where used)."""
        dropped = ("table", "vocabulary", "ordered")
        return {k: v for k, v in self.__dict__.items() if k not in dropped}


def sentence_view(
    text: str,
    toks: Sequence[Token],
    config: OverlapConfig,
    ignore: Sequence[bool] | None = None,
) -> SentenceView:
    """Sentences of an article with their tokens and stems (for `rewritten`).

    Tokens flagged in `ignore` (quoted words) give no stems: two articles quoting the same
    speaker are not rewriting each other.
    """
    spans = split(text)
    starts, norms = starts_of(toks), norms_of(toks)
    upper = [text[k].isupper() for k in starts]
    lower = [not u for u in upper]
    ranges, stem_lists, stem_sets = [], [], []
    capitals: list[str] = []  # words capitalised inside a sentence
    others: list[str] = []  # ... not capitalised (sentence-initial capitals say nothing)
    for s, e in spans:
        lo, hi = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
        ranges.append((lo, hi))
        words = norms[lo:hi]
        if ignore is not None:
            words = [w for w, skip in zip(words, ignore[lo:hi], strict=True) if not skip]
        found = stems(words, config)
        stem_lists.append(found)
        stem_sets.append(frozenset(found + _bigrams(found, config)))
        capitals += itertools.compress(norms[lo + 1 : hi], upper[lo + 1 : hi])
        others += itertools.compress(norms[lo + 1 : hi], lower[lo + 1 : hi])
    up, down = Counter(capitals), Counter(others)
    names = {stem for w, c in up.items() if c > down[w] for stem in stems([w], config)}
    anchored = _anchored(stem_lists, stem_sets, names, config)
    return SentenceView(tuple(spans), tuple(ranges), tuple(stem_sets), anchored)


def _bigrams(found: list[str], config: OverlapConfig) -> list[str]:
    """Bigrams of consecutive content stems, when `bigram_weight` is set."""
    if not config.bigram_weight:
        return []
    return [f"{x}{BIGRAM}{y}" for x, y in itertools.pairwise(found)]


def _anchored(
    stem_lists: Sequence[list[str]],
    stem_sets: Sequence[frozenset[str]],
    names: set[str],
    config: OverlapConfig,
) -> frozenset[str]:
    """The features made of a name or a number: a stem that is one, or a bigram with one."""
    every = set().union(*stem_lists)
    if any(BIGRAM in f for f in every):  # a stem holding the bigram mark: split each feature
        return frozenset(
            f
            for f in set().union(*stem_sets)
            if any(p[0].isdigit() or p in names for p in f.split(BIGRAM))
        )
    anchor = {f for f in every if f[0].isdigit() or f in names}
    found = set(anchor)
    if config.bigram_weight:
        for st in stem_lists:
            pairs = itertools.pairwise(st)
            found.update(f"{x}{BIGRAM}{y}" for x, y in pairs if x in anchor or y in anchor)
    return frozenset(found)


def features(words: Sequence[str], config: OverlapConfig) -> list[str]:
    """Comparison features of a sentence: content stems and, when `bigram_weight` is set,
    bigrams of consecutive content stems (a copy keeps word pairs a paraphrase breaks up)."""
    out = stems(words, config)
    return out + _bigrams(out, config)


def local_chain(
    sim: np.ndarray, threshold: float, gap: float
) -> tuple[float, list[tuple[int, int, float]]]:
    """Best in-order chain of sentence pairs (Smith-Waterman over the similarity matrix).

    A pair adds `sim - threshold` (so pairs below the threshold cost), skipping a sentence on
    either side costs `gap`. A sentence may pair with two consecutive sentences of the other
    article (rewriters split and merge sentences). Returns the score and the pairs at or
    above the threshold.
    """
    n, m = sim.shape
    rows = sim.tolist()
    h = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[0] * (m + 1) for _ in range(n + 1)]
    best, best_at = 0.0, (0, 0)
    for i in range(1, n + 1):
        prev, cur, row = h[i - 1], h[i], rows[i - 1]
        step = move[i]
        for j in range(1, m + 1):
            gain = row[j - 1] - threshold
            options = (
                prev[j - 1] + gain,  # 1: new pair
                prev[j] + gain if gain > 0 else -1.0,  # 2: a's sentence joins b's (split)
                cur[j - 1] + gain if gain > 0 else -1.0,  # 3: b's sentence joins a's (merge)
                prev[j] - gap,  # 4: skip a sentence of a
                cur[j - 1] - gap,  # 5: skip a sentence of b
            )
            v = max(options)
            if v <= 0.0:
                continue
            cur[j] = v
            step[j] = options.index(v) + 1
            if v > best:
                best, best_at = v, (i, j)
    pairs = []
    i, j = best_at
    while i > 0 and j > 0 and h[i][j] > 0.0:
        kind = move[i][j]
        if kind <= 3 and rows[i - 1][j - 1] >= threshold:
            pairs.append((i - 1, j - 1, float(rows[i - 1][j - 1])))
        if kind in (1,):
            i, j = i - 1, j - 1
        elif kind in (2, 4):
            i -= 1
        else:
            j -= 1
    return best, pairs[::-1]


@dataclass(frozen=True)
class SentenceAlignment:
    """Sentence pairs (a index, b index, similarity) on in-order chains that pass the tests."""

    chain: tuple[tuple[int, int, float], ...]
    score: float  # summed local-alignment score of the accepted chains
    coherence: float  # share of a's sentences with a counterpart that lie on accepted chains
    mean_best: float  # mean over a's sentences of the best similarity in b


def align_sentences(
    view_a: SentenceView,
    view_b: SentenceView,
    idf: Idf,
    default_idf: float,
    config: OverlapConfig,
) -> SentenceAlignment:
    """In-order chains of similar sentences: the signature of a paraphrased rewrite.

    Same-topic articles share scattered similar sentences; a rewrite shares a long run of them
    in the same order. Up to `max_chains` chains (moved blocks) are accepted, each with at
    least `min_chain_sentences` pairs and a score of at least `min_chain_score`.
    """
    plain, weighted = similarity_matrices(
        view_a,
        view_b,
        idf,
        default_idf,
        [(1.0, 0.0), (config.anchor_weight, config.bigram_weight)],
    )
    if plain.size == 0:
        return SentenceAlignment((), 0.0, 0.0, 0.0)
    long_a = np.array([hi - lo >= config.sentence_min_words for lo, hi in view_a.tok_ranges])
    long_b = np.array([hi - lo >= config.sentence_min_words for lo, hi in view_b.tok_ranges])
    keep = long_a[:, None] * long_b[None, :]
    sim = plain * keep
    best = sim.max(axis=1)
    mean_best = float(best[long_a].mean()) if long_a.any() else 0.0
    threshold = config.sentence_min_similarity
    candidates = int((best >= threshold).sum())
    chains: list[tuple[int, int, float]] = []
    total = 0.0
    work = sim.copy()
    for _ in range(config.max_chains):
        if int((work >= threshold).sum()) < config.min_chain_sentences:
            break
        score, pairs = local_chain(work, threshold, config.sentence_gap_penalty)
        length = min(len({i for i, _, _ in pairs}), len({j for _, j, _ in pairs}))
        if length < config.min_chain_sentences or score < config.min_chain_score:
            break
        chains.extend(pairs)
        total += score
        for i, j, _ in pairs:  # each sentence belongs to one chain
            work[i, :] = 0.0
            work[:, j] = 0.0
        if not work.any():
            break
    n_sentences = int(min(long_a.sum(), long_b.sum()))
    if chains and total < config.chain_min_score_per_sentence * n_sentences:
        chains, total = [], 0.0  # a short run of similar sentences in a long article
    coherence = len(chains) / candidates if candidates else 0.0
    weighted = weighted * keep
    chains += scattered(weighted, chains, n_sentences, config)
    return SentenceAlignment(tuple(sorted(chains)), round(total, 4), coherence, mean_best)


def scattered(
    sim: np.ndarray,
    chained: Sequence[tuple[int, int, float]],
    n_sentences: int,
    config: OverlapConfig,
) -> list[tuple[int, int, float]]:
    """One-to-one sentence pairs of a reordered rewrite, outside the in-order chains.

    Journalists reorder and condense a wire story, which breaks chains. Pairs are matched
    greedily (most similar first); they count as a rewrite when their summed excess similarity
    (over `match_margin`) per sentence of the shorter article reaches `match_min_mass`:
    independent reports of one event share a few similar sentences, a rewrite shares many.
    """
    work = sim.copy()
    for i, j, _ in chained:
        work[i, :] = 0.0
        work[:, j] = 0.0
    found: list[tuple[int, int, float]] = []
    mass = sum(sim[i, j] - config.match_margin for i, j, _ in chained)
    while work.size:
        i, j = np.unravel_index(int(work.argmax()), work.shape)
        s = float(work[i, j])
        if s < config.match_min_similarity:
            break
        found.append((int(i), int(j), s))
        mass += s - config.match_margin
        work[i, :] = 0.0
        work[:, j] = 0.0
    if not found or not n_sentences or mass / n_sentences < config.match_min_mass:
        return []
    return found


def rewritten(
    view_a: SentenceView,
    view_b: SentenceView,
    toks_a: Sequence[Token],
    toks_b: Sequence[Token],
    idf: Idf,
    default_idf: float,
    config: OverlapConfig,
) -> tuple[list[Passage], SentenceAlignment]:
    """Sentence pairs of a paraphrased rewrite (none unless an in-order chain is convincing)."""
    found = align_sentences(view_a, view_b, idf, default_idf, config)
    passages = []
    for i, j, s in found.chain:
        ra, rb = view_a.tok_ranges[i], view_b.tok_ranges[j]
        if ra[1] <= ra[0] or rb[1] <= rb[0]:
            continue
        passages.append(
            Passage(ra, rb, _span(toks_a, ra), _span(toks_b, rb), "rewritten", round(s, 4))
        )
    return passages, found
