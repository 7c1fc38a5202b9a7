"""Evidence of rewriting learned from labelled data (an attempt, benchmarks/rewrite_attempts.py).

Exact word overlap (containment, tiling, sentence stems) tells how much of a copy's wording
the source carries; it cannot tell a sub-editor's rewrite of wire copy from an independent
report of the same event that shares its names and facts. Three learned readings of a copy
against all its sources together, each over content stems (`alignment.stems`: stopwords out,
synonyms folded, words cut to six letters; numbers abstracted to "#" inside the tables):

- soft sentence alignment: each copy sentence's best source sentence by IDF-weighted stem
  overlap (IDF over the story's own texts, as a corpus would give at run time), where a stem
  absent from the source sentence still counts by its learned substitution probability;
  the distribution of those best scores, the sources' sentences covered and their order;
- a substitution table learned by IBM Model 1 (Brown et al. 1993) on sentence pairs aligned
  in the training texts that journalists labelled wholly / partially derived: t(copy stem |
  source stem), the rewriting habits of sub-editors;
- a shared-word table (naive Bayes over stems, learned from the labels): which stems, when a
  copy shares them with its source, mark derivation rather than common ground (a court
  report's stock phrasing against the event's names), and which stems a copy adds.

Pure functions over plain data; the tables are dicts (what would ship as readable JSON).
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

NUM = "#"
NULL = ""  # IBM Model 1's empty source word


@dataclass(frozen=True)
class Text:
    """A text as content-stem sentences (numbers kept as written)."""

    sentences: tuple[tuple[str, ...], ...]
    quoted: tuple[float, ...] = ()  # share of each sentence's words inside quotation marks

    @property
    def stems(self) -> set[str]:
        return {s for sent in self.sentences for s in sent}


def abstract(stem: str) -> str:
    """Numbers to one symbol (for the learned tables: a number rewritten stays a number)."""
    return NUM if stem[:1].isdigit() else stem


def story_idf(texts: Iterable[Text]) -> dict[str, float]:
    """stem -> log(1 + N / df) over the story's texts (the corpus at run time)."""
    texts = list(texts)
    df: Counter[str] = Counter()
    for t in texts:
        df.update(t.stems)
    n = len(texts)
    return {s: math.log(1 + n / c) for s, c in df.items()}


# ---------------------------------------------------------------------------------------------
# Substitution table: IBM Model 1 on aligned sentence pairs
# ---------------------------------------------------------------------------------------------
def best_sources(
    copy: Text, sources: Sequence[tuple[str, ...]], idf: Mapping[str, float]
) -> list[tuple[float, int]]:
    """Per copy sentence: (IDF-weighted share of its stems in the best source sentence, its
    index), exact stems only (the alignment the table is learned from)."""
    source_sets = [set(s) for s in sources]
    out = []
    for sent in copy.sentences:
        distinct = sorted(set(sent))  # sorted: sums in one order, the same floats every run
        total = sum(idf.get(s, 1.0) for s in distinct)
        best, at = 0.0, -1
        for k, src in enumerate(source_sets):
            score = sum(idf.get(s, 1.0) for s in distinct if s in src) / total if total else 0
            if score > best:
                best, at = score, k
        out.append((best, at))
    return out


def sentence_pairs(
    copies: Iterable[tuple[Text, Sequence[tuple[str, ...]], Mapping[str, float]]],
    low: float = 0.3,
    high: float = 1.0,
) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(copy sentence, source sentence) pairs, stems abstracted, where the best source
    sentence explains between `low` and `high` of the copy sentence (not unrelated; sentences
    copied whole are kept: they teach the model that a kept word explains itself)."""
    pairs = []
    for copy, sources, idf in copies:
        for sent, (score, at) in zip(
            copy.sentences, best_sources(copy, sources, idf), strict=True
        ):
            if low <= score <= high and at >= 0:
                pairs.append((tuple(map(abstract, sent)), tuple(map(abstract, sources[at]))))
    return pairs


def ibm1(
    pairs: Sequence[tuple[tuple[str, ...], tuple[str, ...]]], iterations: int = 5
) -> dict[str, dict[str, float]]:
    """t(copy stem | source stem) by EM (IBM Model 1 with an empty source word), started
    uniform; returns source stem -> {copy stem: probability}."""
    t: dict[tuple[str, str], float] = defaultdict(lambda: 1.0)
    for _ in range(iterations):
        count: dict[tuple[str, str], float] = defaultdict(float)
        total: dict[str, float] = defaultdict(float)
        for f_sent, e_sent in pairs:
            es = (NULL, *e_sent)
            for f in f_sent:
                weights = [t[(f, e)] for e in es]
                z = sum(weights)
                for e, w in zip(es, weights, strict=True):
                    c = w / z
                    count[(f, e)] += c
                    total[e] += c
        t = defaultdict(float, {(f, e): c / total[e] for (f, e), c in count.items()})
    table: dict[str, dict[str, float]] = defaultdict(dict)
    for (f, e), p in t.items():
        table[e][f] = p
    return dict(table)


def substitutions(
    table: Mapping[str, Mapping[str, float]], floor: float = 0.05, top: int = 20
) -> dict[str, dict[str, float]]:
    """The table's substitutions only (f != e, e not empty), each source stem's `top` copy
    stems with t >= `floor`: the small readable part that would ship."""
    out = {}
    for e, row in table.items():
        if e == NULL:
            continue
        kept = sorted(((p, f) for f, p in row.items() if f != e and p >= floor), reverse=True)
        if kept:
            out[e] = {f: round(p, 4) for p, f in kept[:top]}
    return out


# ---------------------------------------------------------------------------------------------
# Soft alignment evidence
# ---------------------------------------------------------------------------------------------
SOFT = (
    "best_mean",  # mean over the copy's sentences of the best source sentence's score
    "best_q25",  # ... its lower quartile
    "best_q50",  # ... median
    "best_q75",  # ... upper quartile
    "explained_50",  # copy sentences at least half explained by one source sentence
    "unsourced_20",  # copy sentences under a fifth explained (no source)
    "words_explained",  # copy's stems (IDF-weighted) explained by the sources' whole text
    "source_covered",  # source sentences that are some copy sentence's best (at 0.5+)
    "source_in_order",  # longest run of those in the sources' order, of the source sentences
    "order_share",  # ... of the matched copy sentences (order kept while rewriting)
    "lead_explained",  # score of the copy's best-explained sentence among its first three
    "window_3",  # best mean score of 3 consecutive copy sentences (one reused passage)
    "top_3",  # mean score of the copy's 3 best-explained sentences
    "log_explained",  # log(1 + copy sentences at least half explained): an amount
)


def cooccurring(
    pairs: Iterable[tuple[tuple[str, ...], tuple[str, ...]]],
) -> set[tuple[str, str]]:
    """(copy stem, source stem) pairs met in one aligned sentence pair (f != e)."""
    return {(f, e) for fs, es in pairs for f in set(fs) for e in set(es) if f != e}


def reverse(
    table: Mapping[str, Mapping[str, float]],
    support: Mapping[tuple[str, str], int],
    floor: float = 0.01,
    min_stories: int = 3,
) -> dict[str, dict[str, float]]:
    """copy stem -> {source stem: t(copy | source)} for substitutions (f != e) with t >=
    `floor` met in aligned sentences of at least `min_stories` stories (`support`): habits of
    rewriting, not the co-occurrences of one story's rare words."""
    out: dict[str, dict[str, float]] = defaultdict(dict)
    for e, row in table.items():
        if e == NULL:
            continue
        for f, p in row.items():
            if f != e and p >= floor and support.get((f, e), 0) >= min_stories:
                out[f][e] = p
    return dict(out)


def _longest_nondecreasing(seq: Sequence[int]) -> int:
    import bisect

    tails: list[int] = []
    for v in seq:
        k = bisect.bisect_right(tails, v)
        if k == len(tails):
            tails.append(v)
        else:
            tails[k] = v
    return len(tails)


def _explained(
    stems: Sequence[str],
    sources: Sequence[tuple[str, ...]],
    rev: Mapping[str, Mapping[str, float]] | None,
) -> np.ndarray:
    """stems x source sentences: 1 where the sentence holds the stem, else (with `rev`) the
    best substitution probability from one of its stems (numbers abstracted), else 0."""
    row = {s: k for k, s in enumerate(stems)}
    out = np.zeros((len(stems), len(sources)))
    index: dict[str, list[int]] = defaultdict(list)
    for j, sent in enumerate(sources):
        for e in set(sent):
            index[abstract(e)].append(j)
            if e in row:
                out[row[e], j] = 1.0
    if rev:
        for s, k in row.items():
            for e, p in rev.get(abstract(s), {}).items():
                for j in index.get(e, ()):
                    if out[k, j] < p:
                        out[k, j] = p
    return out


def soft_features(
    copy: Text,
    sources: Sequence[tuple[str, ...]],
    idf: Mapping[str, float],
    rev: Mapping[str, Mapping[str, float]] | None = None,
) -> dict[str, float]:
    """The `SOFT` evidence of `copy` against `sources` (all source sentences in transmission
    order), with learned substitutions when `rev` (`reverse` of a table) is given, else exact
    stems only."""
    out = dict.fromkeys(SOFT, 0.0)
    sents = [s for s in copy.sentences if s]
    if not sents or not sources:
        return out
    stems = sorted({s for sent in sents for s in sent})
    col = {s: k for k, s in enumerate(stems)}
    weight = np.array([idf.get(s, 1.0) for s in stems])
    explained = _explained(stems, sources, rev)  # stems x source sentences
    best, at = [], []
    for sent in sents:
        idx = sorted({col[s] for s in sent})
        w = weight[idx]
        scores = w @ explained[idx] / w.sum()
        a = int(scores.argmax())
        best.append(float(scores[a]))
        at.append(a)
    v = np.array(best)
    out["best_mean"] = float(v.mean())
    out["best_q25"], out["best_q50"], out["best_q75"] = (
        float(q) for q in np.quantile(v, (0.25, 0.5, 0.75))
    )
    out["explained_50"] = float((v >= 0.5).mean())
    out["unsourced_20"] = float((v < 0.2).mean())
    counts = np.zeros(len(stems))
    for sent in sents:
        for s in sent:
            counts[col[s]] += 1
    anywhere = explained.max(axis=1)
    out["words_explained"] = float((counts * weight * anywhere).sum() / (counts * weight).sum())
    matched = [a for b, a in zip(best, at, strict=True) if b >= 0.5]
    out["source_covered"] = len(set(matched)) / len(sources)
    run = _longest_nondecreasing(matched)
    out["source_in_order"] = run / len(sources)
    out["order_share"] = run / len(matched) if matched else 0.0
    out["lead_explained"] = float(max(best[:3]))
    window = min(3, len(v))
    out["window_3"] = float(np.convolve(v, np.ones(window) / window, mode="valid").max())
    out["top_3"] = float(np.sort(v)[-3:].mean())
    out["log_explained"] = math.log1p(float((v >= 0.5).sum()))
    return out


# ---------------------------------------------------------------------------------------------
# Sentence evidence: what a sentence taken from the source looks like (learned from labels)
# ---------------------------------------------------------------------------------------------
SENTENCE = (
    "exact",  # IDF-weighted share of the sentence's stems in its best source sentence
    "soft",  # ... counting learned substitutions
    "pairs",  # share of its stem pairs (consecutive) found in that source sentence
    "run",  # longest run of stems in the source sentence's order, of the sentence's stems
    "log_stems",  # log(1 + stems)
    "log_ratio",  # log(stems / the source sentence's stems)
    "used",  # share of the source sentence's distinct stems found in the sentence
    "quoted",  # share of the sentence's words inside quotation marks
    "position",  # sentence index / sentences
    "source_position",  # source sentence index / source sentences
    "second",  # score of the second-best source sentence (a sentence merged from two)
)


def _common_run(a: Sequence[str], b: Sequence[str]) -> int:
    """Longest common contiguous run of two stem sequences."""
    best = 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0] * (len(b) + 1)
        for j, y in enumerate(b, start=1):
            if x == y:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


def sentence_evidence(
    copy: Text,
    sources: Sequence[tuple[str, ...]],
    idf: Mapping[str, float],
    rev: Mapping[str, Mapping[str, float]] | None = None,
) -> np.ndarray:
    """One row of `SENTENCE` per non-empty copy sentence, against its best source sentence
    (by IDF-weighted share with substitutions); no rows without sources."""
    keep = [k for k, s in enumerate(copy.sentences) if s]
    if not keep or not sources:
        return np.zeros((0, len(SENTENCE)))
    stems = sorted({s for k in keep for s in copy.sentences[k]})
    col = {s: k for k, s in enumerate(stems)}
    weight = np.array([idf.get(s, 1.0) for s in stems])
    soft = _explained(stems, sources, rev)
    exact = _explained(stems, sources, None) if rev else soft
    rows = []
    for n, k in enumerate(keep):
        sent = copy.sentences[k]
        idx = sorted({col[s] for s in sent})
        w = weight[idx]
        scores = w @ soft[idx] / w.sum()
        order = np.argsort(-scores, kind="stable")
        j = int(order[0])
        src = sources[j]
        own_pairs = set(itertools.pairwise(sent))
        src_pairs = set(itertools.pairwise(src))
        rows.append(
            [
                float(w @ exact[idx, j] / w.sum()),
                float(scores[j]),
                len(own_pairs & src_pairs) / len(own_pairs) if own_pairs else 0.0,
                _common_run(sent, src) / len(sent),
                math.log1p(len(sent)),
                math.log(len(sent) / max(1, len(src))),
                len(set(src) & set(sent)) / max(1, len(set(src))),
                copy.quoted[k] if copy.quoted else 0.0,
                n / len(keep),
                j / len(sources),
                float(scores[order[1]]) if len(order) > 1 else 0.0,
            ]
        )
    return np.array(rows)


AGGREGATE = (
    "copied_mean",  # mean probability that a sentence was taken from the source
    "copied_q25",
    "copied_q50",
    "copied_q75",
    "copied_50",  # sentences at 0.5 or more
    "copied_lead",  # mean over the first three sentences
    "copied_window_3",  # best mean of 3 consecutive sentences (one reused passage)
    "copied_top_3",  # mean of the 3 likeliest sentences
)


def aggregate(p: np.ndarray) -> dict[str, float]:
    """The `AGGREGATE` evidence from per-sentence probabilities."""
    if not len(p):
        return dict.fromkeys(AGGREGATE, 0.0)
    q25, q50, q75 = np.quantile(p, (0.25, 0.5, 0.75))
    return {
        "copied_mean": float(p.mean()),
        "copied_q25": float(q25),
        "copied_q50": float(q50),
        "copied_q75": float(q75),
        "copied_50": float((p >= 0.5).mean()),
        "copied_lead": float(p[:3].mean()),
        "copied_window_3": float(
            np.convolve(p, np.ones(min(3, len(p))) / min(3, len(p)), mode="valid").max()
        ),
        "copied_top_3": float(np.sort(p)[-3:].mean()),
    }


# ---------------------------------------------------------------------------------------------
# Shared-word table: which stems, shared or added, mark derivation (naive Bayes, from labels)
# ---------------------------------------------------------------------------------------------
WORDS = (
    "shared_derived",  # mean log-odds (derived vs not) of the stems the copy shares
    "added_derived",  # ... of the stems the copy has and its sources lack
    "shared_wholly",  # mean log-odds (wholly vs partially) of the shared stems
    "added_wholly",  # ... of the added stems
    "evidence_derived",  # sum of both kinds' log-odds (derived vs not), per stem of the copy
    "evidence_wholly",  # ... (wholly vs partially)
)


def word_table(
    copies: Iterable[tuple[set[str], set[str], str, str]],
    prior: float = 2.0,
    min_stories: int = 5,
) -> dict[str, dict[str, float]]:
    """Per kind ("shared", "added") and contrast ("derived", "wholly"): stem -> smoothed
    log-odds that a training copy holding the stem that way is of the first class, relative
    to the classes' base rate. `copies`: (copy stems, source stems, METER label, story).
    Stems met that way in fewer than `min_stories` stories are left out (names of one story
    do not generalise)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    stories: dict[str, set[str]] = defaultdict(set)
    base: Counter[str] = Counter()
    for own, source, label, story in copies:
        base[label] += 1
        for kind, stems in (("shared", own & source), ("added", own - source)):
            for s in set(map(abstract, stems)):
                counts[f"{kind}:{s}"][label] += 1
                stories[f"{kind}:{s}"].add(story)
    tables: dict[str, dict[str, float]] = {}
    for kind in ("shared", "added"):
        for contrast, yes, no in (
            ("derived", ("wholly", "partially"), ("non",)),
            ("wholly", ("wholly",), ("partially",)),
        ):
            n_yes, n_no = sum(base[c] for c in yes), sum(base[c] for c in no)
            rate = n_yes / (n_yes + n_no)
            table = {}
            for key, c in counts.items():
                if not key.startswith(kind + ":"):
                    continue
                a, b = sum(c[x] for x in yes), sum(c[x] for x in no)
                if len(stories[key]) < min_stories or a + b == 0:
                    continue
                odds = (a + prior * rate) / (b + prior * (1 - rate))
                table[key.split(":", 1)[1]] = math.log(odds / (rate / (1 - rate)))
            tables[f"{kind}_{contrast}"] = table
    return tables


def word_features(
    own: set[str], source: set[str], tables: Mapping[str, Mapping[str, float]]
) -> dict[str, float]:
    """The `WORDS` evidence of a copy's stems against its sources' stems."""
    out = dict.fromkeys(WORDS, 0.0)
    for kind, stems in (("shared", own & source), ("added", own - source)):
        keys = sorted(abstract(s) for s in stems)
        for contrast in ("derived", "wholly"):
            table = tables[f"{kind}_{contrast}"]
            vals = [table[k] for k in keys if k in table]
            out[f"{kind}_{contrast}"] = float(np.mean(vals)) if vals else 0.0
            out[f"evidence_{contrast}"] += sum(vals) / max(1, len(own))
    return out
