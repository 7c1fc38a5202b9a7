"""Source overlap: which articles reuse which passages of which others, and in which direction.

Pipeline per corpus: candidate pairs (all pairs for small corpora, else the shingle index in
`candidates`), then per pair a verbatim local alignment and a sentence-level rewrite alignment
(`alignment`), quotes shared with the same speaker set apart (reusing a quote is not reusing an
article), containment each way, a verdict from thresholds in `OverlapConfig`, a direction with
its evidence for derived and partial pairs, and reuse families (connected components).

Scale: corpora of up to `all_pairs_max_articles` (200) articles compare every pair, so the
heatmap is complete and paraphrases with no shared wording are still checked. Larger corpora
compare only the candidate pairs of the shingle index (`candidates.candidates`), and `pairs`
keeps those whose score reaches `report_min_score`: never the N^2 pairs. A rewrite sharing no
5-word sequence at all with its source is then not found (the seed rewrite shares 14).
"""

from __future__ import annotations

import dataclasses
import difflib
import html
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from newsaudit import alignment
from newsaudit import candidates as candidate_index
from newsaudit.alignment import Passage, SentenceView
from newsaudit.config import OverlapConfig
from newsaudit.corpus import Article, Corpus
from newsaudit.text.distance import edit_distance
from newsaudit.text.fold import fold
from newsaudit.text.fold import name_key as fold_name
from newsaudit.text.tokens import Token, tokens

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
PAIR_EXTRA_COLUMNS = [
    "shared_quotes",
    "passage_words",
    "verbatim_passages",
    "rewritten_passages",
    "order_coherence",
    "direction_confidence",
    "evidence",
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
PASSAGE_INFO_COLUMNS = [*PASSAGE_COLUMNS[:6], "kind", "similarity"]
EVIDENCE_COLUMNS = ["article_a", "article_b", "favours", "weight", "kind", "detail"]
QUOTE_COLUMNS = [
    "article_a",
    "article_b",
    "speaker_a",
    "speaker_b",
    "same_speaker",
    "start_a",
    "end_a",
    "start_b",
    "end_b",
    "text_a",
    "text_b",
]
CLUSTER_COLUMNS = ["cluster", "article_id", "size", "role"]
VERDICTS = ("derived", "partial", "independent")


# ---------------------------------------------------------------------------------------------
# Quotes
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Quote:
    """Text inside quotation marks, with its char span and the speaker it is attributed to."""

    start: int
    end: int
    text: str
    speaker: str


_QUOTE_RE = re.compile(
    r"[\u201c\"\u00ab\u201e]([^\u201c\u201d\"\u00ab\u00bb\n]{3,}?)[\u201d\"\u00bb]"
)
_NAME_RE = re.compile(
    r"[A-Z][\w'\u2019\-]+(?:\s+(?:(?:al|el|de|da|van|von|bin|ibn|le|la)\s+)?"
    r"[A-Z][\w'\u2019\-]+)*"
)
_REPORTING_RE = re.compile(
    r"\b(?:said|says|saying|told|tells|added|adds|stated|noted|explained|insisted|argued"
    r"|warned|declared|asked|wrote|tweeted|according to)\b"
)
_PRONOUN_RE = re.compile(r"^\W{0,3}(?:he|she|they)\s+(?:said|says|added|told)\b", re.I)
_CLAUSE_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<![A-Z])[.!?](?:\s|$)")
_NOT_SPEAKER = frozenset(
    "The This That It In But And He She They We A An As At On For If When While After".split()  # noqa: SIM905
)


def _speaker_near(clause: str, verb: re.Match[str]) -> str:
    """The name right before a reporting verb ("Diop said"), else right after ("said Diop").

    All-capital words (UN, MINUSMA) are organisations, not speakers, and are skipped.
    """
    names = []
    for m in _NAME_RE.finditer(clause):
        words = [w for w in m.group(0).split() if w not in _NOT_SPEAKER and not w.isupper()]
        if words:
            names.append((m.start(), m.end(), " ".join(words)))
    before = [
        n
        for n in names
        if n[1] <= verb.start() and not _CLAUSE_END.search(clause[n[1] : verb.start()] + "x")
    ]
    if before:
        return max(before)[2]
    after = [n for n in names if n[0] >= verb.end()]
    return min(after)[2] if after else ""


def _speaker(before: str, after: str, previous: str) -> str:
    """Who a quotation is attributed to, from the clause right after it, else right before."""
    before = _QUOTE_RE.sub(lambda m: " " * len(m.group(0)), before)  # earlier quotes' words
    starts = [m.end() for m in _CLAUSE_END.finditer(before)]
    lead = before[starts[-1] :] if starts else before
    if _PRONOUN_RE.match(after):
        verbs = list(_REPORTING_RE.finditer(before))
        found = _speaker_near(before, verbs[-1]) if verbs else ""
        people = [m.group(0) for m in _NAME_RE.finditer(before) if len(m.group(0).split()) > 1]
        fallback = (
            " ".join(w for w in people[-1].split() if w not in _NOT_SPEAKER) if people else ""
        )
        return found or previous or fallback
    stop = _CLAUSE_END.search(after)
    clause = after[: stop.start()] if stop else after
    verb = _REPORTING_RE.search(clause[:80])
    found = _speaker_near(clause, verb) if verb else ""
    if not found:
        verbs = list(_REPORTING_RE.finditer(lead))
        found = _speaker_near(lead, verbs[-1]) if verbs else ""
    return found


def quotes(text: str, config: OverlapConfig) -> list[Quote]:
    """Quotations of at least `min_quote_words` words, each attributed to a speaker if named.

    The speaker is the name nearest a reporting verb in the clause right after the quotation,
    else right before it; "he said" takes the name reported just before the quote.
    """
    found: list[Quote] = []
    last = ""
    for m in _QUOTE_RE.finditer(text):
        body = m.group(1)
        if len(body.split()) < config.min_quote_words:
            continue
        after = text[m.end() : m.end() + 200]
        before = text[max(0, m.start() - 300) : m.start()]
        speaker = _speaker(before, after, last)
        last = speaker or last
        found.append(Quote(m.start(), m.end(), body, speaker))
    return found


def _same_speaker(a: str, b: str) -> bool:
    """Speakers match on their last name (accents, case and punctuation ignored)."""
    if not a or not b:
        return False
    return fold_name(a.split()[-1]) == fold_name(b.split()[-1])


def _token_mask(toks: Sequence[Token], spans: Sequence[tuple[int, int]]) -> np.ndarray:
    mask = np.zeros(len(toks), dtype=bool)
    if not spans or not toks:
        return mask
    starts = np.array([t.start for t in toks])
    for s, e in spans:
        mask[(starts >= s) & (starts < e)] = True
    return mask


# ---------------------------------------------------------------------------------------------
# Per-article preparation
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Prepared:
    """An article's tokens, sentences, quotations and quote mask, computed once."""

    article: Article
    toks: tuple[Token, ...]
    view: SentenceView
    quotes: tuple[Quote, ...]
    quote_mask: np.ndarray = field(compare=False)
    counts: Counter[str] = field(default_factory=Counter, compare=False)
    near: dict[str, set[str]] = field(default_factory=dict, compare=False)
    seeds: dict[tuple[str, ...], list[int]] = field(default_factory=dict, compare=False)


def _near_keys(word: str) -> list[str]:
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
            for key in _near_keys(word):
                index.setdefault(key, set()).add(word)
    return index


def prepare(article: Article, config: OverlapConfig) -> Prepared:
    """Tokens, sentence view and quotations of one article."""
    toks = tokens(article.text)
    qs = quotes(article.text, config)
    mask = _token_mask(toks, [(q.start, q.end) for q in qs])
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


# ---------------------------------------------------------------------------------------------
# One pair
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Evidence:
    """One clue about direction: which article it favours as the source, how strongly, why."""

    favours: str
    weight: float
    kind: str
    detail: str


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

    @property
    def score(self) -> float:
        """Symmetric score: the larger containment (share of the more-reusing text reused)."""
        return max(self.containment_a_in_b, self.containment_b_in_a)


def verdict(score: float, config: OverlapConfig) -> str:
    """derived / partial / independent from the pair score, with thresholds from config."""
    if score >= config.derived_min_score:
        return "derived"
    if score >= config.partial_min_score:
        return "partial"
    return "independent"


def _inside_share(mask: np.ndarray, rng: tuple[int, int]) -> float:
    seg = mask[rng[0] : rng[1]]
    return float(seg.mean()) if len(seg) else 0.0


def _is_quote_passage(p: Passage, a: Prepared, b: Prepared, config: OverlapConfig) -> bool:
    """Inside quotation marks in both articles: a quote reused, not the article."""
    share = config.quote_passage_share
    return (
        _inside_share(a.quote_mask, p.tok_a) >= share
        and _inside_share(b.quote_mask, p.tok_b) >= share
    )


def align_pair(
    a: Prepared, b: Prepared, idf: dict[str, float], default_idf: float, config: OverlapConfig
) -> tuple[list[Passage], list[Passage], float]:
    """(article passages, shared-quote passages, order coherence) for one pair."""
    verb = alignment.verbatim(a.toks, b.toks, config, a.seeds, b.seeds)
    rewr, found = alignment.rewritten(a.view, b.view, a.toks, b.toks, idf, default_idf, config)
    covered = np.zeros(len(a.toks), dtype=bool)
    for p in verb:
        covered[p.tok_a[0] : p.tok_a[1]] = True
    kept = list(verb)
    for p in rewr:  # a sentence already inside a verbatim passage is not counted twice
        if _inside_share(covered, p.tok_a) < 0.5:
            kept.append(p)
    article_passages, quote_passages = [], []
    for p in sorted(kept, key=lambda p: (p.tok_a, p.tok_b)):
        (quote_passages if _is_quote_passage(p, a, b, config) else article_passages).append(p)
    return article_passages, quote_passages, found.coherence


def _containment(
    n_tokens: int,
    ranges: Sequence[tuple[int, int]],
    quote_ranges: Sequence[tuple[int, int]],
    short_ranges: Sequence[tuple[int, int]] = (),
) -> float:
    """Share of an article's words inside reused passages.

    Shared quotes are left out of numerator and denominator; so are unmatched short lines
    (headings, datelines, credit lines), which no sentence alignment can match.
    """
    mask = np.zeros(n_tokens, dtype=bool)
    ignore = np.zeros(n_tokens, dtype=bool)
    for s, e in ranges:
        mask[s:e] = True
    for s, e in short_ranges:
        ignore[s:e] = True
    ignore &= ~mask
    for s, e in quote_ranges:
        ignore[s:e] = True
    denominator = int((~ignore).sum())
    return float((mask & ~ignore).sum() / denominator) if denominator else 0.0


def _short_ranges(p: Prepared, config: OverlapConfig) -> list[tuple[int, int]]:
    return [(lo, hi) for lo, hi in p.view.tok_ranges if hi - lo < config.sentence_min_words]


def compare(
    a: Prepared, b: Prepared, idf: dict[str, float], default_idf: float, config: OverlapConfig
) -> PairResult:
    """Passages, containments, verdict and (for reusing pairs) direction of one pair."""
    passages, quote_passages, coherence = align_pair(a, b, idf, default_idf, config)
    c_a = _containment(
        len(a.toks),
        [p.tok_a for p in passages],
        [p.tok_a for p in quote_passages],
        _short_ranges(a, config),
    )
    c_b = _containment(
        len(b.toks),
        [p.tok_b for p in passages],
        [p.tok_b for p in quote_passages],
        _short_ranges(b, config),
    )
    kind = verdict(max(c_a, c_b), config)
    result = PairResult(
        a.article.article_id,
        b.article.article_id,
        round(c_a, 6),
        round(c_b, 6),
        tuple(passages),
        tuple(quote_passages),
        round(coherence, 6),
        kind,
        words_a=len(a.toks),
        words_b=len(b.toks),
    )
    if kind == "independent":
        return result
    source, derived, confidence, evidence = direction(a, b, passages, config, (c_a, c_b))
    return dataclasses.replace(
        result,
        verdict=directed_verdict(result, derived, config),
        source=source,
        derived=derived,
        confidence=confidence,
        evidence=evidence,
    )


# ---------------------------------------------------------------------------------------------
# Direction
# ---------------------------------------------------------------------------------------------
def _key(name: str) -> str:
    return fold_name(re.sub(r"^the\s+", "", name.strip(), flags=re.I))


def credits(text: str, config: OverlapConfig) -> list[str]:
    """Sources an article credits in a credit line ("(Courtesy: Al-Jazeera)", "Source: AFP")."""
    out = []
    for pattern in config.credit_patterns:
        for m in re.finditer(pattern, text, re.IGNORECASE | re.MULTILINE):
            out.append(m.group(1).strip(" .:-"))
    return out


def attributions(text: str, config: OverlapConfig) -> list[str]:
    """Names an article attributes reporting to ("according to X", "X reported")."""
    out = []
    for pattern in config.attribution_patterns:
        out.extend(m.group(1).strip() for m in re.finditer(pattern, text))
    return out


def self_references(article: Article, config: OverlapConfig) -> dict[str, str]:
    """Names an article speaks as, and how: outlet metadata, "told X", "interview with X"."""
    out = {article.outlet: "its outlet in the metadata"} if article.outlet else {}
    for pattern in config.self_reference_patterns:
        for m in re.finditer(pattern, article.text):
            out.setdefault(m.group(1).strip(), f"writes {' '.join(m.group(0).split())!r}")
    return out


def _matches(name: str, names: Sequence[str]) -> str:
    key = _key(name)
    for other in names:
        other_key = _key(other)
        if key and other_key and (key in other_key or other_key in key):
            return other
    return ""


def _credit_evidence(a: Prepared, b: Prepared, config: OverlapConfig) -> list[Evidence]:
    out: list[Evidence] = []
    for copy, src in ((a, b), (b, a)):
        src_id, copy_id = src.article.article_id, copy.article.article_id
        own = self_references(src.article, config)
        line_credits = credits(copy.article.text, config)
        src_credits = credits(src.article.text, config)
        for name in line_credits:
            if _matches(name, src_credits):
                continue  # the same credit line in both: copied along, says nothing
            hit = _matches(name, list(own))
            if hit:
                out.append(
                    Evidence(
                        src_id,
                        config.vote_credit_match,
                        "attribution",
                        f"{copy_id} credits {name!r}; {src_id} is {hit!r} ({own[hit]})",
                    )
                )
            elif not own and not _matches(name, list(self_references(copy.article, config))):
                out.append(
                    Evidence(
                        src_id,
                        config.vote_credit,
                        "attribution",
                        f"{copy_id} carries a credit line to {name!r} ({src_id}'s outlet is "
                        "not known, and it has no such line)",
                    )
                )
        for name in attributions(copy.article.text, config):
            hit = _matches(name, list(own))
            if hit and name not in line_credits:
                out.append(
                    Evidence(
                        src_id,
                        config.vote_credit_match,
                        "attribution",
                        f"{copy_id} attributes reporting to {name!r}; {src_id} is {hit!r} "
                        f"({own[hit]})",
                    )
                )
    return out


def _is_slip(variant: str, word: str) -> bool:
    """`word` looks like a typo of `variant`: letters transposed (MUNISMA for MINUSMA), or one
    letter dropped/added/changed in a long word, but not an inflection (prefix of the other)."""
    if variant[:1] != word[:1] or variant.startswith(word) or word.startswith(variant):
        return False
    if min(len(variant), len(word)) < 5 or not (variant.isalpha() and word.isalpha()):
        return False  # short words are often real anagrams (mali, mail); "nation's" is grammar
    if sorted(variant) == sorted(word):
        return edit_distance(variant, word, 2) <= 2
    return min(len(variant), len(word)) >= 7 and edit_distance(variant, word, 1) <= 1


def _typo_evidence(a: Prepared, b: Prepared, config: OverlapConfig) -> list[Evidence]:
    """A misspelling both share that is a one-off slip beside the usual spelling in one of them:
    it was made there and carried into the other."""
    count_a, count_b = a.counts, b.counts
    shared = {w for w in count_a.keys() & count_b.keys() if len(w) >= 5 and w.isalpha()}
    out = []
    for word in sorted(shared):
        for art, counts, other, other_counts in (
            (a, count_a, b, count_b),
            (b, count_b, a, count_a),
        ):
            near = {v for key in _near_keys(word) for v in art.near.get(key, ())}
            variants = sorted(v for v in near if counts[v] > counts[word] and _is_slip(v, word))
            if variants and other_counts.get(variants[0], 0) < other_counts[word]:
                out.append(
                    Evidence(
                        art.article.article_id,
                        config.vote_typo,
                        "shared misspelling",
                        f"{word!r} is a slip for {variants[0]!r} in {art.article.article_id} "
                        f"({counts[word]}x vs {counts[variants[0]]}x) and was carried into "
                        f"{other.article.article_id} ({other_counts[word]}x)",
                    )
                )
    return out[:3]


_TERMINAL = tuple(".!?\"')\u201d\u2019]:;\u2026")


def _truncation_evidence(
    a: Prepared, b: Prepared, passages: Sequence[Passage], config: OverlapConfig
) -> list[Evidence]:
    """The copy stops mid-sentence where its last reused passage reaches its end."""
    out = []
    for copy, src, idx in ((a, b, 0), (b, a, 1)):
        text = copy.article.text.rstrip()
        if not text or text.endswith(_TERMINAL) or not passages:
            continue
        last = max(passages, key=lambda p: (p.span_a, p.span_b)[idx][1])
        end_copy = (last.span_a, last.span_b)[idx][1]
        end_src = (last.span_b, last.span_a)[idx][1]
        if end_copy >= len(text) - 16 and end_src < len(src.article.text.rstrip()) - 20:
            out.append(
                Evidence(
                    src.article.article_id,
                    config.vote_truncated,
                    "truncation",
                    f"{copy.article.article_id} breaks off mid-sentence where "
                    f"{src.article.article_id} continues",
                )
            )
    return out


_SPECIFIC = re.compile(r"\d[\d,.]*|(?<=[a-z,;] )[A-Z][\w\-]+")


def _detail_evidence(
    a: Prepared, b: Prepared, passages: Sequence[Passage], config: OverlapConfig
) -> list[Evidence]:
    """The source holds specifics (numbers, names, quotations) its copy summarises away.

    Only passages aligned word by word are compared: a sentence pair of a paraphrase may merge
    or split sentences, so its specifics differ either way and say nothing about direction.
    """
    text_a, text_b = a.article.text, b.article.text
    passages = [p for p in passages if p.kind != "rewritten"]
    spec_a = {w for p in passages for w in _SPECIFIC.findall(text_a[p.span_a[0] : p.span_a[1]])}
    spec_b = {w for p in passages for w in _SPECIFIC.findall(text_b[p.span_b[0] : p.span_b[1]])}
    extra = {
        a.article.article_id: len(spec_a - spec_b),
        b.article.article_id: len(spec_b - spec_a),
    }
    quotes_a = _quoted_words_of_shared_speakers(a, b)
    quotes_b = _quoted_words_of_shared_speakers(b, a)
    out = []
    (hi, n_hi), (lo, n_lo) = sorted(extra.items(), key=lambda kv: (-kv[1], kv[0]))
    if n_hi >= 2 * max(n_lo, 1) and n_hi - n_lo >= 3:
        out.append(
            Evidence(
                hi,
                config.vote_detail,
                "summarised",
                f"in the reused passages {hi} has {n_hi} specifics (numbers, names) missing from "
                f"{lo}, which has {n_lo} of its own: {lo} summarises",
            )
        )
    a_id, b_id = a.article.article_id, b.article.article_id
    if max(quotes_a, quotes_b) >= 20 and min(quotes_a, quotes_b) <= max(quotes_a, quotes_b) / 4:
        rich, poor = (a_id, b_id) if quotes_a > quotes_b else (b_id, a_id)
        out.append(
            Evidence(
                rich,
                config.vote_detail,
                "summarised",
                f"{rich} quotes its sources directly ({max(quotes_a, quotes_b)} quoted words), "
                f"{poor} reports the same content with {min(quotes_a, quotes_b)}",
            )
        )
    return out


def _quoted_words_of_shared_speakers(a: Prepared, b: Prepared) -> int:
    """Quoted words in a from speakers that b names too: a copy with reporting of its own
    quotes new people, which says nothing about which of the two came first."""
    words = 0
    for q in a.quotes:
        surname = q.speaker.split()[-1] if q.speaker.split() else ""
        if surname[:1].isupper() and re.search(rf"\b{re.escape(surname)}\b", b.article.text):
            words += len(q.text.split())
    return words


def direction(
    a: Prepared,
    b: Prepared,
    passages: Sequence[Passage],
    config: OverlapConfig,
    containment: tuple[float, float] = (0.0, 0.0),
) -> tuple[str, str, float, tuple[Evidence, ...]]:
    """(source, derived, confidence, evidence) of a reusing pair; ("", "", 0, ...) if unknown.

    Each clue votes for one article as the source with a weight from config; the direction is
    stated when the margin reaches `direction_min_margin`, with confidence margin / (total + 1).
    """
    a_id, b_id = a.article.article_id, b.article.article_id
    evidence: list[Evidence] = []
    pa, pb = a.article.published, b.article.published
    if pa and pb and pa != pb:
        first = a_id if pa < pb else b_id
        evidence.append(
            Evidence(
                first,
                config.vote_published,
                "date",
                f"{first} was published first ({min(pa, pb)} vs {max(pa, pb)})",
            )
        )
    evidence += _credit_evidence(a, b, config)
    evidence += _typo_evidence(a, b, config)
    evidence += _truncation_evidence(a, b, passages, config)
    evidence += _detail_evidence(a, b, passages, config)
    evidence += _length_evidence(a, b, containment, config)
    return (*decide(a_id, b_id, evidence, config), tuple(evidence))


def _length_evidence(
    a: Prepared, b: Prepared, containment: tuple[float, float], config: OverlapConfig
) -> list[Evidence]:
    """Copies usually condense: the shorter article found almost whole in the longer one, which
    keeps material of its own, is a condensed copy; otherwise length alone is a weak clue."""
    len_a, len_b = len(a.toks), len(b.toks)
    if not min(len_a, len_b) or max(len_a, len_b) < config.length_min_ratio * min(len_a, len_b):
        return []
    a_id, b_id = a.article.article_id, b.article.article_id
    longer, shorter = (a_id, b_id) if len_a > len_b else (b_id, a_id)
    c_short, c_long = containment if shorter == a_id else containment[::-1]
    words = f"{max(len_a, len_b)} vs {min(len_a, len_b)} words"
    if c_short >= config.condensed_min_containment and c_long <= config.condensed_max_source:
        detail = (
            f"{shorter} is found almost whole in {longer} ({c_short:.0%}), while {longer} keeps "
            f"{1 - c_long:.0%} of its text to itself ({words}): {shorter} condenses {longer}"
        )
        return [Evidence(longer, config.vote_condensed, "summarised", detail)]
    detail = f"{longer} is longer ({words}): copies usually condense"
    return [Evidence(longer, config.vote_length, "length", detail)]


def decide(
    a_id: str, b_id: str, evidence: Sequence[Evidence], config: OverlapConfig
) -> tuple[str, str, float]:
    """(source, derived, confidence) from weighted votes; ("", "", 0.0) when the margin is small.

    Confidence is margin / (total weight + 1): near 1 for strong one-sided evidence, lower
    when clues disagree or are few.
    """
    votes = {a_id: 0.0, b_id: 0.0}
    for e in evidence:
        votes[e.favours] += e.weight
    margin = abs(votes[a_id] - votes[b_id])
    if margin < config.direction_min_margin:
        return "", "", 0.0
    source, derived = (a_id, b_id) if votes[a_id] > votes[b_id] else (b_id, a_id)
    return source, derived, round(margin / (votes[a_id] + votes[b_id] + 1.0), 3)


def _regions(r: PairResult, article_id: str) -> set[int]:
    side = 0 if article_id == r.article_a else 1
    return {k for p in r.passages for k in range(*(p.tok_a, p.tok_b)[side])}


def compilation_evidence(
    results: Sequence[PairResult], config: OverlapConfig
) -> dict[tuple[str, str], list[Evidence]]:
    """Clues from the rest of the corpus: an article whose text comes partly from its partner
    and partly, elsewhere in it, from a third article the partner shares nothing with is a
    compilation, so the partner is the source. (Overlapping regions would instead fit one
    source with two copies, and say nothing; so does a source that two copies cut different
    parts from, which keeps text neither took: the two parts must cover most of it.)"""
    linked: dict[str, dict[str, PairResult]] = {}
    for r in results:
        if r.passages and r.score >= config.compilation_min_score and r.verdict != "independent":
            linked.setdefault(r.article_a, {})[r.article_b] = r
            linked.setdefault(r.article_b, {})[r.article_a] = r
    out: dict[tuple[str, str], list[Evidence]] = {}
    for r in results:
        if r.verdict == "independent":
            continue
        for x, y in ((r.article_a, r.article_b), (r.article_b, r.article_a)):
            partners = linked.get(x, {})
            own = _regions(r, x)
            third = []
            size = r.words_a if x == r.article_a else r.words_b
            for u in sorted(set(partners) - set(linked.get(y, {})) - {y}):
                other = _regions(partners[u], x)
                if (
                    own
                    and other
                    and len(own & other) <= 0.2 * min(len(own), len(other))
                    and len(own | other) >= config.compilation_min_coverage * size
                ):
                    third.append(u)
            if third:
                out.setdefault((r.article_a, r.article_b), []).append(
                    Evidence(
                        y,
                        config.vote_compilation,
                        "compilation",
                        f"{x} combines text from {y} with other text from "
                        f"{', '.join(third[:3])}, which {y} shares nothing with: {x} compiles",
                    )
                )
    return out


def with_corpus_evidence(results: Sequence[PairResult], config: OverlapConfig) -> list[PairResult]:
    """Results with the corpus-level clues added and the direction decided again."""
    extra = compilation_evidence(results, config)
    out = []
    for r in results:
        clues = extra.get((r.article_a, r.article_b))
        if not clues:
            out.append(r)
            continue
        evidence = (*r.evidence, *clues)
        source, derived, confidence = decide(r.article_a, r.article_b, evidence, config)
        out.append(
            dataclasses.replace(
                r,
                verdict=directed_verdict(r, derived, config),
                source=source,
                derived=derived,
                confidence=confidence,
                evidence=evidence,
            )
        )
    return out


def directed_verdict(r: PairResult, derived: str, config: OverlapConfig) -> str:
    """The verdict is how much of the copy comes from its source (the shorter article is
    taken for the copy when the direction is unknown).

    A short source wholly inside a long article makes the long one partly derived, not derived
    (METER's "partially derived"); a pair that reuses anything stays at least partial.
    """
    if r.verdict == "independent":
        return r.verdict
    if not derived:  # unknown direction: copies usually condense, so judge the shorter one
        derived = r.article_a if r.words_a < r.words_b else r.article_b
        if r.words_a == r.words_b:
            return r.verdict
    share = r.containment_a_in_b if derived == r.article_a else r.containment_b_in_a
    return "derived" if share >= config.derived_min_score else "partial"


# ---------------------------------------------------------------------------------------------
# The corpus
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class OverlapResult:
    """Everything the report shows about reuse, as DataFrames (see module docstring).

    `pairs` holds every pair for corpora up to `all_pairs_max_articles`, else only the pairs
    the shingle index proposed whose score reaches `report_min_score`.
    """

    pairs: pd.DataFrame
    passages: pd.DataFrame
    passage_info: pd.DataFrame
    evidence: pd.DataFrame
    quotes: pd.DataFrame
    clusters: pd.DataFrame
    ids: tuple[str, ...]
    all_pairs: bool

    def matrix(self, ids: Sequence[str] | None = None) -> pd.DataFrame:
        """Symmetric article x article score matrix (diagonal 1) for the heatmap.

        `ids` limits it to some articles (default all: only sensible for small corpora).
        """
        ids = list(self.ids if ids is None else ids)
        m = pd.DataFrame(0.0, index=ids, columns=ids)
        chosen = set(ids)
        for row in self.pairs.itertuples(index=False):
            if row.article_a in chosen and row.article_b in chosen:
                m.loc[row.article_a, row.article_b] = row.score
                m.loc[row.article_b, row.article_a] = row.score
        for i in ids:
            m.loc[i, i] = 1.0
        return m

    def most_reusing(self, limit: int) -> list[str]:
        """The `limit` articles with the highest summed pair scores (sorted by id), for plots."""
        if len(self.ids) <= limit:
            return list(self.ids)
        totals: dict[str, float] = {i: 0.0 for i in self.ids}
        for row in self.pairs.itertuples(index=False):
            totals[row.article_a] += row.score
            totals[row.article_b] += row.score
        ranked = sorted(totals, key=lambda i: (-totals[i], i))
        return sorted(ranked[:limit])

    def edges(self) -> pd.DataFrame:
        """Derived and partial pairs as edges source -> copy (unknown direction: a -> b)."""
        rows = self.pairs[self.pairs["verdict"] != "independent"]
        out = pd.DataFrame(
            {
                "source": np.where(rows["source"] != "", rows["source"], rows["article_a"]),
                "copy": np.where(rows["derived"] != "", rows["derived"], rows["article_b"]),
                "directed": rows["source"] != "",
                "verdict": rows["verdict"],
                "score": rows["score"],
            }
        )
        return out.reset_index(drop=True)


def pairs_to_compare(corpus: Corpus, config: OverlapConfig) -> list[tuple[str, str]]:
    """All pairs for small corpora, else the shingle index's candidate pairs."""
    ids = corpus.ids
    if len(ids) <= config.all_pairs_max_articles:
        return [tuple(sorted(p)) for p in itertools.combinations(ids, 2)]  # type: ignore[misc]
    found = candidate_index.candidates(ids, [a.text for a in corpus.articles], config)
    return list(zip(found["article_a"], found["article_b"], strict=True))


def analyse(corpus: Corpus, config: OverlapConfig | None = None) -> OverlapResult:
    """Reuse analysis of a corpus: ranked pairs, passages, direction evidence, quotes, families."""
    config = config or OverlapConfig()
    todo = pairs_to_compare(corpus, config)
    involved = sorted({i for pair in todo for i in pair})
    by_id = {a.article_id: a for a in corpus.articles}  # Corpus[...] is a linear scan
    prepared = {i: prepare(by_id[i], config) for i in involved}
    idf = alignment.idf_weights([set().union(*p.view.stems) for p in prepared.values()])
    default_idf = max(idf.values(), default=1.0)
    small = len(corpus) <= config.all_pairs_max_articles
    results = []
    for a_id, b_id in todo:
        res = compare(prepared[a_id], prepared[b_id], idf, default_idf, config)
        if small or res.score >= config.report_min_score:
            results.append(res)
    results = with_corpus_evidence(results, config)
    results.sort(key=lambda r: (-r.score, r.article_a, r.article_b))
    texts = {i: by_id[i].text for i in involved}
    return OverlapResult(
        pairs=pairs_frame(results),
        passages=passages_frame(results, texts),
        passage_info=passage_info_frame(results),
        evidence=evidence_frame(results),
        quotes=quotes_frame(results, prepared, texts),
        clusters=clusters_frame(results, corpus.ids),
        ids=tuple(corpus.ids),
        all_pairs=small,
    )


# ---------------------------------------------------------------------------------------------
# Frames
# ---------------------------------------------------------------------------------------------
def _passage_words(p: PairResult) -> int:
    return sum(max(g.tok_a[1] - g.tok_a[0], g.tok_b[1] - g.tok_b[0]) for g in p.passages)


def pairs_frame(results: Sequence[PairResult]) -> pd.DataFrame:
    """overlap_pairs.csv rows: contract columns, then extra detail columns."""
    rows = [
        {
            "article_a": r.article_a,
            "article_b": r.article_b,
            "score": round(r.score, 6),
            "containment_a_in_b": r.containment_a_in_b,
            "containment_b_in_a": r.containment_b_in_a,
            "shared_passages": len(r.passages),
            "verdict": r.verdict,
            "source": r.source,
            "derived": r.derived,
            "shared_quotes": len(r.quote_passages),
            "passage_words": _passage_words(r),
            "verbatim_passages": sum(g.kind == "verbatim" for g in r.passages),
            "rewritten_passages": sum(g.kind == "rewritten" for g in r.passages),
            "order_coherence": r.coherence,
            "direction_confidence": r.confidence,
            "evidence": "; ".join(e.detail for e in r.evidence),
        }
        for r in results
    ]
    return pd.DataFrame(rows, columns=PAIR_COLUMNS + PAIR_EXTRA_COLUMNS)


def passages_frame(results: Sequence[PairResult], texts: dict[str, str]) -> pd.DataFrame:
    """passages.csv rows: char spans and texts of every aligned passage (quotes included)."""
    rows = []
    for r in results:
        for g in sorted(r.passages + r.quote_passages, key=lambda g: (g.span_a, g.span_b)):
            rows.append(
                {
                    "article_a": r.article_a,
                    "article_b": r.article_b,
                    "start_a": g.span_a[0],
                    "end_a": g.span_a[1],
                    "start_b": g.span_b[0],
                    "end_b": g.span_b[1],
                    "text_a": texts[r.article_a][g.span_a[0] : g.span_a[1]],
                    "text_b": texts[r.article_b][g.span_b[0] : g.span_b[1]],
                }
            )
    return pd.DataFrame(rows, columns=PASSAGE_COLUMNS)


def passage_info_frame(results: Sequence[PairResult]) -> pd.DataFrame:
    """Same rows as `passages_frame`, with kind (verbatim / rewritten / quote) and similarity."""
    rows = []
    for r in results:
        quote_set = set(r.quote_passages)
        for g in sorted(r.passages + r.quote_passages, key=lambda g: (g.span_a, g.span_b)):
            rows.append(
                {
                    "article_a": r.article_a,
                    "article_b": r.article_b,
                    "start_a": g.span_a[0],
                    "end_a": g.span_a[1],
                    "start_b": g.span_b[0],
                    "end_b": g.span_b[1],
                    "kind": "quote" if g in quote_set else g.kind,
                    "similarity": g.similarity,
                }
            )
    return pd.DataFrame(rows, columns=PASSAGE_INFO_COLUMNS)


def evidence_frame(results: Sequence[PairResult]) -> pd.DataFrame:
    """Direction evidence of every derived or partial pair, one clue per row."""
    rows = [
        {
            "article_a": r.article_a,
            "article_b": r.article_b,
            "favours": e.favours,
            "weight": e.weight,
            "kind": e.kind,
            "detail": e.detail,
        }
        for r in results
        for e in r.evidence
    ]
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)


def quotes_frame(
    results: Sequence[PairResult], prepared: dict[str, Prepared], texts: dict[str, str]
) -> pd.DataFrame:
    """Quotations both articles of a pair carry, with the speaker each attributes them to."""
    rows = []
    for r in results:
        qa, qb = prepared[r.article_a].quotes, prepared[r.article_b].quotes
        for g in r.quote_passages:
            in_a = [q for q in qa if q.start < g.span_a[1] and g.span_a[0] < q.end]
            in_b = [q for q in qb if q.start < g.span_b[1] and g.span_b[0] < q.end]
            sa = next((q.speaker for q in in_a if q.speaker), "")
            sb = next((q.speaker for q in in_b if q.speaker), "")
            rows.append(
                {
                    "article_a": r.article_a,
                    "article_b": r.article_b,
                    "speaker_a": sa,
                    "speaker_b": sb,
                    "same_speaker": _same_speaker(sa, sb),
                    "start_a": g.span_a[0],
                    "end_a": g.span_a[1],
                    "start_b": g.span_b[0],
                    "end_b": g.span_b[1],
                    "text_a": texts[r.article_a][g.span_a[0] : g.span_a[1]],
                    "text_b": texts[r.article_b][g.span_b[0] : g.span_b[1]],
                }
            )
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS)


def clusters_frame(results: Sequence[PairResult], ids: Sequence[str]) -> pd.DataFrame:
    """Reuse families: connected components of derived pairs, with each member's role."""
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    derived = [r for r in results if r.verdict == "derived"]
    for r in derived:
        ra, rb = find(r.article_a), find(r.article_b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for i in ids:
        groups.setdefault(find(i), []).append(i)
    families = sorted((g for g in groups.values() if len(g) > 1), key=lambda g: (-len(g), g[0]))
    sources = {r.source for r in derived if r.source}
    copies = {r.derived for r in derived if r.derived}
    rows = []
    for n, members in enumerate(families, start=1):
        for i in sorted(members):
            role = (
                "source and copy"
                if i in sources and i in copies
                else "source"
                if i in sources
                else "copy"
                if i in copies
                else "undetermined"
            )
            rows.append({"cluster": n, "article_id": i, "size": len(members), "role": role})
    return pd.DataFrame(rows, columns=CLUSTER_COLUMNS)


# ---------------------------------------------------------------------------------------------
# Side by side (report)
# ---------------------------------------------------------------------------------------------
_PIECE = re.compile(r"\S+|\s+")


def mark_differences(text_a: str, text_b: str) -> tuple[str, str]:
    """Both texts HTML-escaped, words missing from the other wrapped in <del> (a) / <ins> (b)."""
    pieces_a, pieces_b = _PIECE.findall(text_a), _PIECE.findall(text_b)
    words_a = [
        (k, fold(w.strip(".,;:!?\"'()\u201c\u201d\u2019")))
        for k, w in enumerate(pieces_a)
        if not w.isspace()
    ]
    words_b = [
        (k, fold(w.strip(".,;:!?\"'()\u201c\u201d\u2019")))
        for k, w in enumerate(pieces_b)
        if not w.isspace()
    ]
    matcher = difflib.SequenceMatcher(
        None, [w for _, w in words_a], [w for _, w in words_b], autojunk=False
    )
    same_a: set[int] = set()
    same_b: set[int] = set()
    for block in matcher.get_matching_blocks():
        same_a.update(words_a[block.a + k][0] for k in range(block.size))
        same_b.update(words_b[block.b + k][0] for k in range(block.size))

    def render(pieces: list[str], same: set[int], tag: str) -> str:
        out = []
        for k, piece in enumerate(pieces):
            escaped = html.escape(piece)
            out.append(escaped if piece.isspace() or k in same else f"<{tag}>{escaped}</{tag}>")
        return "".join(out).replace(f"</{tag}> <{tag}>", " ")

    return render(pieces_a, same_a, "del"), render(pieces_b, same_b, "ins")


def side_by_side(result: OverlapResult, top: int = 3, max_passages: int = 12) -> pd.DataFrame:
    """Aligned passages of the `top` reusing pairs, differences marked, as HTML-ready cells.

    Columns: pair, kind, similarity, text_a, text_b. Article text is HTML-escaped before
    marking, so the cells are safe to render.
    """
    reusing = result.pairs[result.pairs["verdict"] != "independent"].head(top)
    if reusing.empty:
        reusing = result.pairs[result.pairs["shared_passages"] > 0].head(top)
    info = result.passage_info
    rows = []
    for pair in reusing.itertuples(index=False):
        sel = (result.passages["article_a"] == pair.article_a) & (
            result.passages["article_b"] == pair.article_b
        )
        for k, row in enumerate(result.passages[sel].itertuples()):
            if k >= max_passages:
                break
            a_html, b_html = mark_differences(row.text_a, row.text_b)
            rows.append(
                {
                    "pair": f"{pair.article_a} / {pair.article_b}",
                    "kind": info.loc[row.Index, "kind"],
                    "similarity": info.loc[row.Index, "similarity"],
                    "text_a": a_html,
                    "text_b": b_html,
                }
            )
    return pd.DataFrame(rows, columns=["pair", "kind", "similarity", "text_a", "text_b"])


_SIDE_BY_SIDE_CSS = (
    "<style>.na-sbs{border-collapse:collapse;width:100%;font-size:0.85em}"
    ".na-sbs td,.na-sbs th{border:1px solid #ccc;padding:4px;vertical-align:top}"
    ".na-sbs del{background:#f6d5b8;text-decoration:line-through}"
    ".na-sbs ins{background:#cde6f7;text-decoration:none}</style>"
)


def side_by_side_html(result: OverlapResult, top: int = 3, max_passages: int = 12) -> str:
    """`side_by_side` as one HTML table (escaped text, <del> orange / <ins> blue marks)."""
    table = side_by_side(result, top, max_passages)
    if table.empty:
        return "<p>No reused passages.</p>"
    rows = "".join(
        f"<tr><td>{html.escape(r.pair)}</td><td>{html.escape(str(r.kind))}</td>"
        f"<td>{r.similarity:.2f}</td><td>{r.text_a}</td><td>{r.text_b}</td></tr>"
        for r in table.itertuples(index=False)
    )
    head = (
        "<tr><th>pair (a / b)</th><th>kind</th><th>similarity</th>"
        "<th>article a (<del>only in a</del>)</th><th>article b (<ins>only in b</ins>)</th></tr>"
    )
    return f'{_SIDE_BY_SIDE_CSS}<table class="na-sbs">{head}{rows}</table>'
