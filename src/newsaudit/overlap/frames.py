"""Table rows of the overlap result: pairs, passages, direction evidence, quotes, families."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

import pandas as pd

from newsaudit.overlap.alignment import Passage
from newsaudit.overlap.quotes import Quote, same_speaker
from newsaudit.overlap.records import PairResult

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
    "verdict_evidence",
    "learned_verdict",
    "learned_probability",
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
EVIDENCE_COLUMNS = [
    "article_a",
    "article_b",
    "favours",
    "weight",
    "kind",
    "detail",
    "clue",
    "value",
]
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


# ---------------------------------------------------------------------------------------------
# Quotes


def _passage_words(p: PairResult) -> int:
    return sum(max(g.tok_a[1] - g.tok_a[0], g.tok_b[1] - g.tok_b[0]) for g in p.passages)


def verdict_evidence(r: PairResult) -> str:
    """What drove the verdict, in words: the copy's covered share, and the learned model's
    reading with the evidence that weighed most."""
    if r.verdict == "independent":
        return ""
    copy = r.derived or (r.article_a if r.words_a <= r.words_b else r.article_b)
    share = r.containment_a_in_b if copy == r.article_a else r.containment_b_in_a
    text = f"{copy} is {share:.0%} covered by aligned passages"
    if r.learned:
        text += f"; learned model: {r.learned} ({r.probability:.2f}): {r.why}"
    return text


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
            "verdict_evidence": verdict_evidence(r),
            "learned_verdict": r.learned,
            "learned_probability": r.probability,
        }
        for r in results
    ]
    return pd.DataFrame(rows, columns=PAIR_COLUMNS + PAIR_EXTRA_COLUMNS)


def _passage_spans(results: Sequence[PairResult]) -> Iterator[tuple[PairResult, Passage, dict]]:
    """Every aligned passage of every pair (quotes included) in span order, with the columns
    the passage tables share: the two articles and the character spans in each."""
    for r in results:
        for g in sorted(r.passages + r.quote_passages, key=lambda g: (g.span_a, g.span_b)):
            spans = {"article_a": r.article_a, "article_b": r.article_b}
            spans.update(start_a=g.span_a[0], end_a=g.span_a[1])
            spans.update(start_b=g.span_b[0], end_b=g.span_b[1])
            yield r, g, spans


def passages_frame(results: Sequence[PairResult], texts: dict[str, str]) -> pd.DataFrame:
    """passages.csv rows: char spans and texts of every aligned passage (quotes included)."""
    rows = [
        {
            **spans,
            "text_a": texts[r.article_a][g.span_a[0] : g.span_a[1]],
            "text_b": texts[r.article_b][g.span_b[0] : g.span_b[1]],
        }
        for r, g, spans in _passage_spans(results)
    ]
    return pd.DataFrame(rows, columns=PASSAGE_COLUMNS)


def passage_info_frame(results: Sequence[PairResult]) -> pd.DataFrame:
    """Same rows as `passages_frame`, with kind (verbatim / rewritten / quote) and similarity."""
    quotes = {id(r): set(r.quote_passages) for r in results}
    rows = [
        {
            **spans,
            "kind": "quote" if g in quotes[id(r)] else g.kind,
            "similarity": g.similarity,
        }
        for r, g, spans in _passage_spans(results)
    ]
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
            "clue": e.clue,
            "value": round(e.value, 6),
        }
        for r in results
        for e in r.evidence
    ]
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)


def quotes_frame(
    results: Sequence[PairResult],
    quotes: Mapping[str, Sequence[Quote]],
    texts: Mapping[str, str],
) -> pd.DataFrame:
    """Quotations both articles of a pair carry, with the speaker each attributes them to
    (`quotes`: the quotations of the articles of pairs sharing quotes, by id)."""
    rows = []
    for r in results:
        if not r.quote_passages:
            continue
        qa, qb = quotes[r.article_a], quotes[r.article_b]
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
                    "same_speaker": same_speaker(sa, sb),
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
    derived = [r for r in results if r.verdict == "derived"]
    # Only articles of derived pairs can share a family: the others are left out of the
    # union-find (an archive's ids are mostly alone).
    parent = {i: i for r in derived for i in (r.article_a, r.article_b)}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in derived:
        ra, rb = find(r.article_a), find(r.article_b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for i in ids:
        if i in parent:
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
