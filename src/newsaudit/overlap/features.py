"""Reuse evidence as numbers: what the alignment knows about one copy and its possible sources.

One function, `reuse_features`, serves both readings of reuse: a pair (the copy against one
source) and an article against the rest of the corpus (the copy against all its possible
sources together: a text rewritten from three wire takes is derived from their union). The
learned verdict (`verdict`) weighs these numbers; their names are the model's inputs.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np

from newsaudit.config import OverlapConfig
from newsaudit.overlap import tiling
from newsaudit.overlap.index_words import _mix
from newsaudit.overlap.records import PairResult, Prepared

# The model's inputs, in order. Shares are of the copy's words unless said otherwise.
FEATURES = (
    "containment_1",  # copy's distinct words found in the sources
    "containment_2",  # ... word 2-grams
    "containment_3",  # ... word 3-grams
    "containment_5",  # ... word 5-grams
    "source_used_3",  # sources' distinct 3-grams found in the copy (how much of them is used)
    "covered_share",  # copy's words inside aligned passages (shared quotes, short lines aside)
    "verbatim_share",  # ... inside verbatim (lightly edited) passages
    "rewritten_share",  # ... inside rewritten sentences only
    "quote_share",  # ... inside quotations both texts carry (a quote reused, not the article)
    "longest_passage",  # longest aligned passage, as a share of the copy
    "quoted_in_covered",  # share of the covered words that sit inside quotation marks
    "coherence",  # sentence-order coherence of the best-aligned source
    "log_length_ratio",  # log(copy words / longest source words)
    "anchors_shared",  # copy's names and numbers found in the sources
    "log_words",  # log(1 + copy words)
    "sources_used",  # sources sharing at least one aligned passage with the copy
    "sentences_reused",  # copy's sentences at least half inside aligned passages
    "sentences_touched",  # copy's sentences holding a 5-gram of the sources
    "passages_per_100",  # aligned passages per 100 words of the copy
    "log_source_words",  # log(1 + words of all sources together)
    "sentences_close",  # copy's sentences with half their word pairs found in the sources
    "lead_covered",  # share of the copy's first third inside aligned passages
    "tail_covered",  # ... of its last third
    "peer_only_share",  # share aligned with other articles (not sources) and not with a source
    # Greedy String Tiling of the copy over its sources (`tiling`; computed with `tiled`).
    "tiled_1",  # copy's words matched one-to-one by a source word (tiles of 1+ words)
    "tiled_2",  # ... inside tiles of 2+ words
    "tiled_3",  # ... inside tiles of 3+ words
    "tiled_8",  # ... inside tiles of 8+ words (cut-and-paste)
    "tiled_unquoted",  # copy's words outside quotes inside tiles, of those outside quotes
    "tile_mean",  # mean tile length, words
    "source_tiled",  # sources' words inside tiles (how much of the sources is used)
    "sentences_unsourced",  # copy's sentences with under a fifth of their words tiled
    "unsourced_run",  # longest run of unsourced sentences, as a share of the sentences
    "first_sourced",  # tiled share of the first sentence
    "last_sourced",  # ... of the last
    "sentence_stems_sourced",  # mean share of a sentence's content stems found in the sources
    "quoted_share",  # copy's words inside quotation marks
    "own_quote_share",  # ... inside quotation marks and outside tiles (quotes of its own)
    "untiled_unquoted",  # ... outside quotes and outside tiles (own writing)
    "novel_anchors",  # copy's names and numbers absent from the sources, per 100 words
)
TILED = FEATURES[FEATURES.index("tiled_1") : FEATURES.index("novel_anchors") + 1]
# How each feature reads in a sentence (the verdict's explanation).
DESCRIPTIONS = {
    "containment_1": "shared vocabulary",
    "containment_2": "shared word pairs",
    "containment_3": "shared 3-word sequences",
    "containment_5": "shared 5-word sequences",
    "source_used_3": "share of the source text used",
    "covered_share": "share covered by aligned passages",
    "verbatim_share": "share copied verbatim",
    "rewritten_share": "share in rewritten sentences",
    "quote_share": "share in shared quotations",
    "longest_passage": "longest copied passage",
    "quoted_in_covered": "reused words inside quotes",
    "coherence": "same sentence order",
    "log_length_ratio": "length against the source",
    "anchors_shared": "names and numbers shared",
    "log_words": "article length",
    "sources_used": "number of sources drawn on",
    "sentences_reused": "sentences mostly aligned",
    "sentences_touched": "sentences sharing 5-word sequences",
    "passages_per_100": "aligned passages per 100 words",
    "log_source_words": "length of the sources",
    "sentences_close": "sentences close to a source sentence",
    "lead_covered": "opening reused",
    "tail_covered": "ending reused",
    "peer_only_share": "text shared with other articles, not the sources",
    "tiled_1": "words matched one-to-one",
    "tiled_2": "share tiled by 2-word runs",
    "tiled_3": "share tiled by 3-word runs",
    "tiled_8": "share tiled by 8-word runs",
    "tiled_unquoted": "share tiled outside quotes",
    "tile_mean": "mean tile length",
    "source_tiled": "share of the source tiled",
    "sentences_unsourced": "sentences with no source",
    "unsourced_run": "longest run of sentences with no source",
    "first_sourced": "first sentence sourced",
    "last_sourced": "last sentence sourced",
    "sentence_stems_sourced": "sentence content words in the sources",
    "quoted_share": "share inside quotes",
    "own_quote_share": "quotes not in the sources",
    "untiled_unquoted": "own words outside quotes",
    "novel_anchors": "names and numbers not in the sources",
}


def containment(
    n_tokens: int,
    ranges: Iterable[tuple[int, int]],
    quote_ranges: Iterable[tuple[int, int]],
    short_ranges: Iterable[tuple[int, int]] = (),
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


def short_ranges(p: Prepared, config: OverlapConfig) -> list[tuple[int, int]]:
    """Token ranges of sentences too short to align (headings, datelines, credit lines)."""
    return [(lo, hi) for lo, hi in p.view.tok_ranges if hi - lo < config.sentence_min_words]


def gram_hashes(codes: np.ndarray, n: int) -> np.ndarray:
    """A 64-bit hash of the word n-gram starting at each position of a word-code array."""
    m = len(codes) - n + 1
    if m <= 0:
        return np.zeros(0, dtype=np.uint64)
    h = np.zeros(m, dtype=np.uint64)
    for k in range(n):  # chained mixing, order-sensitive, as in the shingle index
        h = _mix(h ^ codes[k : k + m])
    return h


def grams(p: Prepared, n: int) -> tuple[np.ndarray, np.ndarray]:
    """(hash of p's word n-gram at each position, the distinct hashes sorted), made once per
    article and process (`Prepared.grams`): a set of n-grams as a sorted array, so that
    shared n-grams are counted by numpy, not by building Python sets per pair."""
    found = p.grams.get(n)
    if found is None:
        at = gram_hashes(p.codes, n)
        found = p.grams[n] = (at, tiling.distinct(at))
    return found


def _distinct(arrays: Sequence[np.ndarray]) -> np.ndarray:
    """The sorted distinct items of some sorted distinct arrays together."""
    return arrays[0] if len(arrays) == 1 else tiling.distinct(np.concatenate(arrays))


def _running(flags: np.ndarray) -> np.ndarray:
    """Running count of true flags, from 0 (`_counts` slices it)."""
    return np.concatenate(([0], np.cumsum(flags, dtype=np.int64)))


def _counts(flags: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """True flags in each [lo, hi) slice."""
    running = _running(flags)
    return running[hi] - running[lo]


def _share(flags: np.ndarray) -> float:
    """Share of true flags, a Python float (as `float(flags.mean())`, without its overhead on
    short arrays)."""
    return int(np.count_nonzero(flags)) / len(flags)


def _side(r: PairResult, copy_id: str) -> int:
    return 0 if r.article_a == copy_id else 1


def reuse_features(
    copy: Prepared,
    sources: Sequence[Prepared],
    links: Sequence[PairResult],
    config: OverlapConfig,
    peers: Sequence[PairResult] = (),
    tiled: bool = False,
    known: dict[str, float] | None = None,
) -> dict[str, float]:
    """The evidence that `copy` reuses `sources` (together), from n-grams and the alignments
    `links` (the compared pairs of `copy` with each source); `peers` are its pairs with other
    articles that are not its sources (text it shares with them but not with a source points
    to reporting of its own, such as the same court hearing).

    With `tiled`, also the Greedy String Tiling evidence (`TILED`; else left at 0): evidence
    for the reader of article_reuse.csv, which the shipped model does not weigh (it did not
    raise the METER scores), so pairs skip its cost (about a sixth of the analysis on METER).

    `known`: the features of the same copy, sources and links without peers or tiling (what
    judging the pair computed): only what the peers and the tiling add is computed."""
    n_words = len(copy.toks)
    if known is not None and n_words and sources:
        return _completed(copy, sources, links, known, peers, tiled)
    out = dict.fromkeys(FEATURES, 0.0)
    out["log_words"] = math.log1p(n_words)
    if not n_words or not sources:
        return out
    # n-grams as 64-bit hashes of the words' keys, compared as sorted arrays of ints.
    pools, own_grams = {}, {}
    for n in (1, 2, 3, 5):
        own_grams[n], own = grams(copy, n)
        pools[n] = pool = _distinct([grams(q, n)[1] for q in sources])
        shared = len(np.intersect1d(own, pool, assume_unique=True))
        out[f"containment_{n}"] = shared / len(own) if len(own) else 0.0
        if n == 3:
            out["source_used_3"] = shared / len(pool) if len(pool) else 0.0
    starts_2 = np.zeros(n_words, dtype=bool)
    starts_2[: len(own_grams[2])] = tiling.found_in(own_grams[2], pools[2])
    starts_5 = np.zeros(n_words, dtype=bool)
    starts_5[: len(own_grams[5])] = tiling.found_in(own_grams[5], pools[5])
    copy_id = copy.article.article_id
    ranges, verbatim, rewritten, quoted = [], [], [], []
    longest, coherence, used = 0, 0.0, 0
    for r in links:
        side = _side(r, copy_id)
        spans = [(p.tok_a, p.tok_b)[side] for p in r.passages]
        ranges += spans
        verbatim += [s for s, p in zip(spans, r.passages, strict=True) if p.kind == "verbatim"]
        rewritten += [s for s, p in zip(spans, r.passages, strict=True) if p.kind != "verbatim"]
        quoted += [(p.tok_a, p.tok_b)[side] for p in r.quote_passages]
        longest = max([longest, *(e - s for s, e in spans)])
        coherence = max(coherence, r.coherence)
        used += bool(r.passages)
    short = short_ranges(copy, config)
    out["covered_share"] = containment(n_words, ranges, quoted, short)
    out["verbatim_share"] = containment(n_words, verbatim, quoted, short)
    out["rewritten_share"] = max(0.0, out["covered_share"] - out["verbatim_share"])
    out["quote_share"] = containment(n_words, quoted, ())
    out["longest_passage"] = longest / n_words
    covered = np.zeros(n_words, dtype=bool)
    for s, e in ranges + quoted:
        covered[s:e] = True
    out["quoted_in_covered"] = (
        float((covered & copy.quote_mask).sum() / covered.sum()) if covered.any() else 0.0
    )
    out["coherence"] = coherence
    longest_source = max(len(s.toks) for s in sources)
    out["log_length_ratio"] = math.log(n_words / longest_source) if longest_source else 0.0
    anchors = copy.view.anchored
    pool_stems = _union([s.view.vocabulary for s in sources])
    if anchors:
        out["anchors_shared"] = len(anchors & pool_stems) / len(anchors)
        out["novel_anchors"] = 100.0 * len(anchors - pool_stems) / n_words
    if tiled:
        out.update(_tiling(copy, [copy.codes, *(s.codes for s in sources)], pool_stems))
    out["sources_used"] = float(used)
    long_sentences = [(lo, hi) for lo, hi in copy.view.tok_ranges if hi - lo >= 5]
    if long_sentences:
        own_covered = np.zeros(n_words, dtype=bool)
        for s, e in ranges:
            own_covered[s:e] = True
        # Per sentence from running counts (a share >= 0.5 compared as 2 * count >= words)
        lo, hi = np.array(long_sentences).T
        touched = _counts(starts_5, lo, np.maximum(lo, hi - 4))
        out["sentences_reused"] = _share(2 * _counts(own_covered, lo, hi) >= hi - lo)
        out["sentences_touched"] = _share(touched > 0)
        out["sentences_close"] = _share(2 * _counts(starts_2, lo, hi - 1) >= hi - 1 - lo)
        third = max(1, n_words // 3)
        out["lead_covered"] = _share(own_covered[:third])
        out["tail_covered"] = _share(own_covered[-third:])
        out["peer_only_share"] = _peer_only(copy_id, peers, covered)
    out["passages_per_100"] = 100.0 * len(ranges) / n_words
    out["log_source_words"] = math.log1p(sum(len(s.toks) for s in sources))
    return out


def _covered(r: PairResult, copy_id: str, covered: np.ndarray) -> None:
    """Mark the copy's words inside the pair's passages and shared quotes in `covered`."""
    side = _side(r, copy_id)
    for p in (*r.passages, *r.quote_passages):
        covered[slice(*(p.tok_a, p.tok_b)[side])] = True


def _peer_only(copy_id: str, peers: Sequence[PairResult], covered: np.ndarray) -> float:
    """Share of the copy aligned with its peers and not with a source (`covered`)."""
    peer_covered = np.zeros(len(covered), dtype=bool)
    for r in peers:
        _covered(r, copy_id, peer_covered)
    return _share(peer_covered & ~covered)


def _completed(
    copy: Prepared,
    sources: Sequence[Prepared],
    links: Sequence[PairResult],
    known: dict[str, float],
    peers: Sequence[PairResult],
    tiled: bool,
) -> dict[str, float]:
    """`known` (the features without peers or tiling) with what the peers and the tiling add,
    as `reuse_features` computes them."""
    out = dict(known)
    copy_id = copy.article.article_id
    if peers and any(hi - lo >= 5 for lo, hi in copy.view.tok_ranges):
        covered = np.zeros(len(copy.toks), dtype=bool)
        for r in links:
            _covered(r, copy_id, covered)
        out["peer_only_share"] = _peer_only(copy_id, peers, covered)
    if tiled:
        pool_stems = _union([s.view.vocabulary for s in sources])
        out.update(_tiling(copy, [copy.codes, *(s.codes for s in sources)], pool_stems))
    return out


def _union(sets: Sequence[frozenset[str]]) -> frozenset[str] | set[str]:
    return sets[0] if len(sets) == 1 else set().union(*sets)


def _tiling(
    copy: Prepared, parts: Sequence[np.ndarray], pool_stems: frozenset[str] | set[str]
) -> dict[str, float]:
    """The version-3 features: Greedy String Tiling of the copy (word codes `parts[0]`) over
    its sources (`parts[1:]`), the sentence profile it gives, quotes, and the share of each
    sentence's content stems found in the sources (`pool_stems`)."""
    own, pool_parts = parts[0], parts[1:]
    pool = np.concatenate([np.append(q, np.uint64(0)) for q in pool_parts])
    n_words = len(own)
    found = tiling.tiles(own, pool)
    out = {
        "tiled_1": tiling.word_matches(own, pool) / n_words,
        "tile_mean": float(np.mean([k for _, _, k in found])) if found else 0.0,
        "source_tiled": sum(k for _, _, k in found) / max(1, len(pool) - len(pool_parts)),
    }
    for n in (2, 3, 8):
        out[f"tiled_{n}"] = _share(tiling.mask_of(n_words, found, n))
    tiled = tiling.mask_of(n_words, found, tiling.MIN_TILE)
    quoted = copy.quote_mask
    unquoted = int((~quoted).sum())
    out["tiled_unquoted"] = float((tiled & ~quoted).sum() / unquoted) if unquoted else 0.0
    out["quoted_share"] = _share(quoted)
    out["own_quote_share"] = _share(quoted & ~tiled)
    out["untiled_unquoted"] = _share(~quoted & ~tiled)
    out.update(tiling.profile(tiling.sentence_shares(tiled, copy.view.tok_ranges, ~quoted)))
    shares = [len(st & pool_stems) / len(st) for st in copy.view.stems if len(st) >= 3]
    out["sentence_stems_sourced"] = float(np.mean(shares)) if shares else 0.0
    return out
