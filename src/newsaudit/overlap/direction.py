"""Direction of reuse: which article of a reusing pair is the source, with the clues for it.

Publication dates, and a credit line naming the partner's outlet, decide alone: they are
statements, not signs. The other clues (shared slips, truncation, specifics and quotations
summarised away, length, containment one way, a third article compiled in) are weighed by a
small logistic model learned on METER (`direction_model`), which states a direction only
when its probability reaches a cut chosen for 95 % accuracy when stated; below it the
direction is unknown.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Sequence
from functools import lru_cache

from newsaudit.config import OverlapConfig
from newsaudit.corpus import Article
from newsaudit.overlap.alignment import Passage
from newsaudit.overlap.direction_model import decide, likelier_copy, weigh
from newsaudit.overlap.near import keys_of
from newsaudit.overlap.records import Evidence, PairResult, Prepared
from newsaudit.overlap.verdict import directed
from newsaudit.text.distance import edit_distance
from newsaudit.text.fold import name_key as fold_name


def _key(name: str) -> str:
    return fold_name(re.sub(r"^the\s+", "", name.strip(), flags=re.I))


# An article meets its clue patterns once per pair it is in: each text's matches are kept for
# the next pairs (a few thousand texts per process).
TEXT_CACHE = 2048


def credits(text: str, config: OverlapConfig) -> list[str]:
    """Sources an article credits in a credit line ("(Courtesy: Al-Jazeera)", "Source: AFP")."""
    return list(_credits(text, config.credit_patterns))


@lru_cache(maxsize=TEXT_CACHE)
def _credits(text: str, patterns: tuple[str, ...]) -> tuple[str, ...]:
    out = []
    for pattern in patterns:
        for m in re.finditer(pattern, text, re.IGNORECASE | re.MULTILINE):
            out.append(m.group(1).strip(" .:-"))
    return tuple(out)


def attributions(text: str, config: OverlapConfig) -> list[str]:
    """Names an article attributes reporting to ("according to X", "X reported")."""
    return list(_attributions(text, config.attribution_patterns))


@lru_cache(maxsize=TEXT_CACHE)
def _attributions(text: str, patterns: tuple[str, ...]) -> tuple[str, ...]:
    out = []
    for pattern in patterns:
        out.extend(m.group(1).strip() for m in re.finditer(pattern, text))
    return tuple(out)


def self_references(article: Article, config: OverlapConfig) -> dict[str, str]:
    """Names an article speaks as, and how: outlet metadata, "told X", "interview with X"."""
    found = _self_references(article.outlet, article.text, config.self_reference_patterns)
    return dict(found)


@lru_cache(maxsize=TEXT_CACHE)
def _self_references(
    outlet: str, text: str, patterns: tuple[str, ...]
) -> tuple[tuple[str, str], ...]:
    out = {outlet: "its outlet in the metadata"} if outlet else {}
    for pattern in patterns:
        for m in re.finditer(pattern, text):
            out.setdefault(m.group(1).strip(), f"writes {' '.join(m.group(0).split())!r}")
    return tuple(out.items())


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
                        1.0,
                        "attribution",
                        f"{copy_id} credits {name!r}; {src_id} is {hit!r} ({own[hit]})",
                        "credit_match",
                    )
                )
            elif not own and not _matches(name, list(self_references(copy.article, config))):
                out.append(
                    Evidence(
                        src_id,
                        0.0,
                        "attribution",
                        f"{copy_id} carries a credit line to {name!r} ({src_id}'s outlet is "
                        "not known, and it has no such line)",
                        "credit",
                    )
                )
        for name in attributions(copy.article.text, config):
            hit = _matches(name, list(own))
            if hit and name not in line_credits:
                out.append(
                    Evidence(
                        src_id,
                        1.0,
                        "attribution",
                        f"{copy_id} attributes reporting to {name!r}; {src_id} is {hit!r} "
                        f"({own[hit]})",
                        "credit_match",
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
            # A slip variant is used more often than `word` (so more than once) in `art`:
            # only the article's repeated words sharing a key with it can be one (when `word`
            # is one of them, through a key another repeated word has too). Most words have
            # none: one test, no look-up.
            keys, repeated = keys_of(word), art.repeated
            if (art.crowded if counts[word] > 1 else repeated.keys()).isdisjoint(keys):
                continue
            near = {v for key in keys for v in repeated.get(key, ())}
            variants = sorted(v for v in near if counts[v] > counts[word] and _is_slip(v, word))
            if variants and other_counts.get(variants[0], 0) < other_counts[word]:
                out.append(
                    Evidence(
                        art.article.article_id,
                        0.0,
                        "shared misspelling",
                        f"{word!r} is a slip for {variants[0]!r} in {art.article.article_id} "
                        f"({counts[word]}x vs {counts[variants[0]]}x) and was carried into "
                        f"{other.article.article_id} ({other_counts[word]}x)",
                        "typo",
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
                    0.0,
                    "truncation",
                    f"{copy.article.article_id} breaks off mid-sentence where "
                    f"{src.article.article_id} continues",
                    "truncation",
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
    if n_hi > n_lo:
        out.append(
            Evidence(
                hi,
                0.0,
                "summarised",
                f"in the reused passages {hi} has {n_hi} specifics (numbers, names) missing from "
                f"{lo}, which has {n_lo} of its own: {lo} summarises",
                "specifics",
                math.log((1 + n_hi) / (1 + n_lo)),
            )
        )
    a_id, b_id = a.article.article_id, b.article.article_id
    if quotes_a != quotes_b:
        rich, poor = (a_id, b_id) if quotes_a > quotes_b else (b_id, a_id)
        out.append(
            Evidence(
                rich,
                0.0,
                "summarised",
                f"{rich} quotes its sources directly ({max(quotes_a, quotes_b)} quoted words), "
                f"{poor} reports the same content with {min(quotes_a, quotes_b)}",
                "quotes",
                math.log((1 + max(quotes_a, quotes_b)) / (1 + min(quotes_a, quotes_b))),
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

    Every clue found, weighed by the direction model (`decide` says when it is enough).
    """
    a_id, b_id = a.article.article_id, b.article.article_id
    evidence: list[Evidence] = []
    pa, pb = a.article.published, b.article.published
    if pa and pb and pa != pb:
        first = a_id if pa < pb else b_id
        evidence.append(
            Evidence(
                first,
                1.0,
                "date",
                f"{first} was published first ({min(pa, pb)} vs {max(pa, pb)})",
                "date",
            )
        )
    evidence += _credit_evidence(a, b, config)
    evidence += _typo_evidence(a, b, config)
    evidence += _truncation_evidence(a, b, passages, config)
    evidence += _detail_evidence(a, b, passages, config)
    evidence += _length_evidence(a, b, containment, config)
    evidence += _passage_evidence(a, b, passages, config)
    evidence = weigh(evidence)
    return (*decide(a_id, b_id, evidence, config), tuple(evidence))


def _length_evidence(
    a: Prepared, b: Prepared, containment: tuple[float, float], config: OverlapConfig
) -> list[Evidence]:
    """Copies usually condense: the longer article is the source (length differences under
    `length_min_ratio` say nothing), and more so when the shorter is found almost whole in it
    (containment one way: the copy found in its source, which keeps text of its own)."""
    len_a, len_b = len(a.toks), len(b.toks)
    a_id, b_id = a.article.article_id, b.article.article_id
    out = []
    if min(len_a, len_b) and max(len_a, len_b) >= config.length_min_ratio * min(len_a, len_b):
        longer = a_id if len_a > len_b else b_id
        words = f"{max(len_a, len_b)} vs {min(len_a, len_b)} words"
        detail = f"{longer} is longer ({words}): copies usually condense"
        ratio = math.log(max(len_a, len_b) / min(len_a, len_b))
        out.append(Evidence(longer, 0.0, "length", detail, "length", ratio))
    c_a, c_b = containment
    if abs(c_a - c_b) >= config.contained_min_difference:
        inside, keeps = (a_id, b_id) if c_a > c_b else (b_id, a_id)
        detail = (
            f"{max(c_a, c_b):.0%} of {inside} is found in {keeps}, which keeps "
            f"{1 - min(c_a, c_b):.0%} of its text to itself: {inside} condenses {keeps}"
        )
        out.append(Evidence(keeps, 0.0, "summarised", detail, "contained", abs(c_a - c_b)))
    return out


def _passage_evidence(
    a: Prepared, b: Prepared, passages: Sequence[Passage], config: OverlapConfig
) -> list[Evidence]:
    """Sub-editors condense sentence by sentence: the aligned passages of the copy are
    usually shorter than their counterparts in the source (a whole copy may still be longer,
    with material of its own). Differences under `length_min_ratio` say nothing."""
    ratios = [
        math.log((1 + p.tok_a[1] - p.tok_a[0]) / (1 + p.tok_b[1] - p.tok_b[0])) for p in passages
    ]
    mean = sum(ratios) / len(ratios) if ratios else 0.0
    if abs(mean) < math.log(config.length_min_ratio):
        return []
    a_id, b_id = a.article.article_id, b.article.article_id
    longer, shorter = (a_id, b_id) if mean > 0 else (b_id, a_id)
    detail = (
        f"{longer}'s reused passages are longer than their counterparts in {shorter} "
        f"({math.exp(abs(mean)) - 1:.0%} on average): {shorter} condenses them"
    )
    return [Evidence(longer, 0.0, "summarised", detail, "condensed", abs(mean))]


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
                        0.0,
                        "compilation",
                        f"{x} combines text from {y} with other text from "
                        f"{', '.join(third[:3])}, which {y} shares nothing with: {x} compiles",
                        "compilation",
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
        evidence = (*r.evidence, *weigh(clues))
        source, derived, confidence = decide(r.article_a, r.article_b, evidence, config)
        judged = derived or likelier_copy(r.article_a, r.article_b, evidence)
        out.append(
            directed(
                dataclasses.replace(
                    r, source=source, derived=derived, confidence=confidence, evidence=evidence
                ),
                judged,
                config,
            )
        )
    return out
