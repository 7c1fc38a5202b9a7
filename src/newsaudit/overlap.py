"""Source overlap: which articles reuse which passages of which others, and in which direction."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

import pandas as pd

from newsaudit.config import OverlapConfig
from newsaudit.corpus import Article, Corpus

PAIR_COLUMNS = [
    "article_a",
    "article_b",
    "score",
    "containment_a_in_b",
    "containment_b_in_a",
    "shared_passages",
    "verdict",
    "source",
    "derived",
]
PASSAGE_COLUMNS = [
    "article_a",
    "article_b",
    "start_a",
    "end_a",
    "start_b",
    "end_b",
    "text_a",
    "text_b",
]
_WORD = re.compile(r"\w+(?:[’'.-]\w+)*", re.UNICODE)


@dataclass(frozen=True)
class Token:
    """A normalised word and its char span in the article text."""

    norm: str
    start: int
    end: int


@dataclass(frozen=True)
class Passage:
    """A reused passage: token ranges and char spans in both articles."""

    tok_a: tuple[int, int]
    tok_b: tuple[int, int]
    span_a: tuple[int, int]
    span_b: tuple[int, int]


@dataclass(frozen=True)
class Pair:
    """Reuse between two articles (a < b by id) with the verdict and direction evidence."""

    article_a: str
    article_b: str
    containment_a_in_b: float
    containment_b_in_a: float
    passages: tuple[Passage, ...]
    verdict: str
    source: str = ""
    derived: str = ""
    evidence: tuple[str, ...] = field(default=())

    @property
    def score(self) -> float:
        """Symmetric score: the larger containment (the share of the smaller reuser copied)."""
        return max(self.containment_a_in_b, self.containment_b_in_a)


def normalise(word: str) -> str:
    """Case, accents, typographic quotes and digit groups folded so light edits still match."""
    word = unicodedata.normalize("NFKD", word)
    word = "".join(ch for ch in word if not unicodedata.combining(ch)).casefold()
    word = word.replace("’", "'").replace("‘", "'")
    if any(ch.isdigit() for ch in word):
        word = re.sub(r"[,.](?=\d{3}\b)", "", word)
    return word


def tokens(text: str) -> list[Token]:
    """Words of a text with char spans."""
    return [Token(normalise(m.group(0)), m.start(), m.end()) for m in _WORD.finditer(text)]


def shingles(toks: list[Token], n: int) -> dict[tuple[str, ...], list[int]]:
    """Word n-gram -> start positions."""
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    norms = [t.norm for t in toks]
    for i in range(len(norms) - n + 1):
        index[tuple(norms[i : i + n])].append(i)
    return index


def align(
    toks_a: list[Token], toks_b: list[Token], config: OverlapConfig
) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Token ranges reused between a and b: shared n-gram seeds chained along near-diagonals."""
    n = config.shingle_size
    index_b = shingles(toks_b, n)
    norms_a = [t.norm for t in toks_a]
    seeds = sorted(
        (i, j)
        for i in range(len(norms_a) - n + 1)
        for j in index_b.get(tuple(norms_a[i : i + n]), ())
    )
    runs: list[list[int]] = []  # [a_start, a_end, b_start, b_end]
    for i, j in seeds:
        for run in reversed(runs[-8:]):
            gap_a, gap_b = i - run[1], j - run[3]
            if -n < gap_a <= config.max_gap_words and -n < gap_b <= config.max_gap_words:
                run[1], run[3] = max(run[1], i + n), max(run[3], j + n)
                break
        else:
            runs.append([i, i + n, j, j + n])
    kept = [
        ((a0, a1), (b0, b1))
        for a0, a1, b0, b1 in runs
        if min(a1 - a0, b1 - b0) >= config.min_passage_words
    ]
    return kept


def _covered(ranges: list[tuple[int, int]]) -> int:
    total, last = 0, -1
    for start, end in sorted(ranges):
        start = max(start, last)
        if end > start:
            total += end - start
            last = end
    return total


def verdict(containment: float, config: OverlapConfig) -> str:
    """derived / partial / independent from the larger containment."""
    if containment >= config.derived_min_containment:
        return "derived"
    if containment >= config.partial_min_containment:
        return "partial"
    return "independent"


_CREDIT = re.compile(
    r"\((?:courtesy|source|via|credit)\s*:?\s*[^)]+\)|^(?:courtesy|source|via)\s*:\s*\S.*$",
    re.IGNORECASE | re.MULTILINE,
)


def direction(a: Article, b: Article) -> tuple[str, str, tuple[str, ...]]:
    """(source id, derived id, evidence) for a reusing pair, or ("", "", evidence) if unknown."""
    evidence = []
    votes = {a.article_id: 0, b.article_id: 0}  # votes for being the source
    if a.published and b.published and a.published != b.published:
        earlier, _later = (a, b) if a.published < b.published else (b, a)
        votes[earlier.article_id] += 2
        evidence.append(f"{earlier.article_id} published first ({earlier.published})")
    for art, other in ((a, b), (b, a)):
        credit = _CREDIT.search(art.text)
        if credit:
            votes[other.article_id] += 2
            evidence.append(f"{art.article_id} credits another source: {credit.group(0)!r}")
    if a.words != b.words:
        longer, shorter = (a, b) if a.words > b.words else (b, a)
        votes[longer.article_id] += 1
        evidence.append(
            f"{longer.article_id} is longer ({longer.words} vs {shorter.words} words): "
            "copies usually condense"
        )
    first, second = sorted(votes, key=lambda k: (-votes[k], k))
    if votes[first] == votes[second]:
        return "", "", tuple(evidence)
    return first, second, tuple(evidence)


def compare(a: Article, b: Article, config: OverlapConfig | None = None) -> Pair:
    """Aligned passages, containments, verdict and direction for one pair of articles."""
    config = config or OverlapConfig()
    toks_a, toks_b = tokens(a.text), tokens(b.text)
    ranges = align(toks_a, toks_b, config)
    passages = tuple(
        Passage(
            ra,
            rb,
            (toks_a[ra[0]].start, toks_a[ra[1] - 1].end),
            (toks_b[rb[0]].start, toks_b[rb[1] - 1].end),
        )
        for ra, rb in ranges
    )
    c_a = _covered([p.tok_a for p in passages]) / max(len(toks_a), 1)
    c_b = _covered([p.tok_b for p in passages]) / max(len(toks_b), 1)
    kind = verdict(max(c_a, c_b), config)
    source = derived = ""
    evidence: tuple[str, ...] = ()
    if kind != "independent":
        source, derived, evidence = direction(a, b)
    return Pair(a.article_id, b.article_id, c_a, c_b, passages, kind, source, derived, evidence)


def compare_all(corpus: Corpus, config: OverlapConfig | None = None) -> list[Pair]:
    """Every unordered pair, ranked by score (highest first, ties by ids)."""
    pairs = [compare(a, b, config) for a, b in itertools.combinations(corpus.articles, 2)]
    return sorted(pairs, key=lambda p: (-p.score, p.article_a, p.article_b))


def pairs_frame(pairs: list[Pair]) -> pd.DataFrame:
    """overlap_pairs.csv rows."""
    rows = [
        {
            "article_a": p.article_a,
            "article_b": p.article_b,
            "score": p.score,
            "containment_a_in_b": p.containment_a_in_b,
            "containment_b_in_a": p.containment_b_in_a,
            "shared_passages": len(p.passages),
            "verdict": p.verdict,
            "source": p.source,
            "derived": p.derived,
        }
        for p in pairs
    ]
    return pd.DataFrame(rows, columns=PAIR_COLUMNS)


def passages_frame(pairs: list[Pair], corpus: Corpus) -> pd.DataFrame:
    """passages.csv rows: char spans and texts of every aligned passage."""
    rows = []
    for p in pairs:
        text_a, text_b = corpus[p.article_a].text, corpus[p.article_b].text
        for g in p.passages:
            rows.append(
                {
                    "article_a": p.article_a,
                    "article_b": p.article_b,
                    "start_a": g.span_a[0],
                    "end_a": g.span_a[1],
                    "start_b": g.span_b[0],
                    "end_b": g.span_b[1],
                    "text_a": text_a[g.span_a[0] : g.span_a[1]],
                    "text_b": text_b[g.span_b[0] : g.span_b[1]],
                }
            )
    return pd.DataFrame(rows, columns=PASSAGE_COLUMNS)


@dataclass(frozen=True)
class OverlapResult:
    """Ranked pairs and aligned passages."""

    pairs: pd.DataFrame
    passages: pd.DataFrame


def analyse(corpus: Corpus, config: OverlapConfig | None = None) -> OverlapResult:
    """All pairs compared, ranked, with their passages."""
    pairs = compare_all(corpus, config)
    return OverlapResult(pairs_frame(pairs), passages_frame(pairs, corpus))
