"""Source overlap over a corpus: which articles reuse which passages of which others.

Pipeline per corpus: candidate pairs (all pairs for small corpora, else the shingle index in
`candidates`), then per pair a verbatim local alignment and a sentence-level rewrite alignment
(`alignment`), quotes shared with the same speaker set apart (reusing a quote is not reusing an
article), containment each way, a verdict, a direction with its evidence for derived and
partial pairs, and reuse families (connected components).

Scale: corpora of up to `all_pairs_max_articles` (200) articles compare every pair, so the
heatmap is complete and paraphrases with no shared wording are still checked. Larger corpora
compare only the candidate pairs of the shingle index (`candidates.candidates`), and `pairs`
keeps those whose score reaches `report_min_score`: never the N^2 pairs. A rewrite sharing no
5-word sequence at all with its source is then not found (the seed rewrite shares 14).

The steps are pure so that a runner can map them: `prepare_bundle` the articles of one group
of linked pairs, `compare_group` the group (`groups`: given the corpus IDF, counted on the
feature keys the prepared articles sent back (`idf`), it compares them, adds the clues from the
group's other pairs and weighs each of its articles against its sources), `combine` the groups
into an `OverlapResult`. On a process pool the prepared articles stay in the worker that made
them and the group is compared there (`held.Held`): only feature keys and finished rows cross
processes. The articles of a group too large to compare in one step are prepared once, come
back, and are shared by all its pairs (`prepare_parts`).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial

import numpy as np
import pandas as pd

from newsaudit import held, runner
from newsaudit.config import OverlapConfig
from newsaudit.corpus import Article, Corpus
from newsaudit.overlap import candidates as candidate_index
from newsaudit.overlap import frames
from newsaudit.overlap.direction import with_corpus_evidence
from newsaudit.overlap.groups import GroupResult, compare_group, needs, plan
from newsaudit.overlap.idf import KeyedIdf, keyed_idf
from newsaudit.overlap.prepare import prepare
from newsaudit.overlap.records import Prepared, PreparedParts, parts_of, rejoin
from newsaudit.overlap.reuse import ARTICLE_REUSE_COLUMNS, article_reuse, article_reuse_frame


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
    # article_reuse.csv: each article against all its possible sources together.
    article_reuse: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=ARTICLE_REUSE_COLUMNS)
    )

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


def pairs_to_compare(
    corpus: Corpus, config: OverlapConfig, each: runner.Each = runner.serial
) -> list[tuple[str, str]]:
    """All pairs for small corpora, else the shingle index's candidate pairs (the index's
    tokenising mapped by `each`)."""
    ids = corpus.ids
    if len(ids) <= config.all_pairs_max_articles:
        return [tuple(sorted(p)) for p in itertools.combinations(ids, 2)]  # type: ignore[misc]
    found = candidate_index.candidates(ids, [a.text for a in corpus.articles], config, each)
    return list(zip(found["article_a"], found["article_b"], strict=True))


def corpus_idf(prepared: Sequence[Prepared]) -> tuple[KeyedIdf, float]:
    """(IDF of the sentence features over the prepared articles, by feature key; IDF of any
    other feature): counted on the keys each article was prepared with (`idf.keyed_idf`), the
    same weights as the string table (`alignment.idf_table`)."""
    found = keyed_idf([p.view.keys for p in prepared])
    return found, found.default


def combine(
    done: Sequence[GroupResult],
    articles: Mapping[str, Article],
    ids: Sequence[str],
    config: OverlapConfig,
    spread: Mapping[str, Prepared] | None = None,
    each: runner.Each = runner.serial,
) -> OverlapResult:
    """The corpus step: finish the groups compared pair by pair (clues from their other
    pairs; each of their articles' reuse of all its possible sources together, mapped by
    `each` over `spread`, their prepared articles), rank every kept pair, and make every
    table. `articles`: the compared articles by id."""
    ranked = [r for g in done if g.whole for r in g.results]
    reused = [row for g in done for row in g.reuse]
    if spread:
        results = with_corpus_evidence([r for g in done if not g.whole for r in g.results], config)
        ranked += results
        reused += article_reuse(results, dict(spread), config, each)
    ranked.sort(key=lambda r: (-r.score, r.article_a, r.article_b))
    reused.sort(key=lambda row: row.article_id)
    texts = {i: a.text for i, a in articles.items()}
    quotes = {i: q for g in done for i, q in g.quotes}
    return OverlapResult(
        pairs=frames.pairs_frame(ranked),
        passages=frames.passages_frame(ranked, texts),
        passage_info=frames.passage_info_frame(ranked),
        evidence=frames.evidence_frame(ranked),
        quotes=frames.quotes_frame(ranked, quotes, texts),
        clusters=frames.clusters_frame(ranked, ids),
        ids=tuple(ids),
        all_pairs=len(ids) <= config.all_pairs_max_articles,
        article_reuse=article_reuse_frame(reused),
    )


def prepare_bundle(
    bundle: Sequence[Article], config: OverlapConfig
) -> tuple[dict[str, Prepared], list[np.ndarray]]:
    """`prepare` some articles (the first step a runner maps): (the prepared articles by id,
    kept where they were made; the keys of each one's sentence features, sent back for the
    corpus IDF)."""
    prepared = {a.article_id: prepare(a, config) for a in bundle}
    return prepared, [p.view.keys for p in prepared.values()]


def prepare_parts(article: Article, config: OverlapConfig) -> PreparedParts:
    """`prepare` one article, less the article (`records.parts_of`): the step a runner maps
    for the articles of large groups, sent back to be shared by all their pairs."""
    return parts_of(prepare(article, config))


def analyse(
    corpus: Corpus, config: OverlapConfig | None = None, each: runner.Each = runner.serial
) -> OverlapResult:
    """Reuse analysis of a corpus: ranked pairs, passages, direction evidence, quotes, families.

    The three steps: `prepare` the compared articles (in bundles, `groups.plan`) and compare
    each group of linked pairs (both mapped by `each`: serially, or by the pipeline's runner
    over a process pool, which keeps the prepared articles in the workers that made them, or
    Dask), then `combine`.
    """
    config = config or OverlapConfig()
    with runner.frozen():  # the corpus and its prepared articles, out of the collector's way
        return _analyse(corpus, config, each)


def _analyse(corpus: Corpus, config: OverlapConfig, each: runner.Each) -> OverlapResult:
    todo = pairs_to_compare(corpus, config, each)
    by_id = {a.article_id: a for a in corpus.articles}  # Corpus[...] is a linear scan
    bundles, whole, split = plan(todo, by_id)
    # The articles of large groups come back (as their words, offsets and sentence stems, not
    # their articles) and are shared by all their pairs; plain acyclic data, kept for the
    # whole analysis: no collection needed while it is made.
    shared = sorted({i for ids, *_ in split for i in ids})
    spread: dict[str, Prepared] = {}
    if shared:
        parts = each(
            "overlap: prepare", partial(prepare_parts, config=config), [by_id[i] for i in shared]
        )
        with runner.paused_collector(), runner.frozen():
            spread = {i: rejoin(by_id[i], p) for i, p in zip(shared, parts, strict=True)}
    step = partial(prepare_bundle, config=config)
    with held.Held(each, "overlap: prepare", step, bundles) as kept:
        keys = [k for sent in kept.sent for k in sent] + [p.view.keys for p in spread.values()]
        idf = keyed_idf(keys)
        compare_step = partial(
            compare_group, idf=idf, default_idf=idf.default, n_articles=len(corpus), config=config
        )
        done = kept.map(each, "overlap: compare", compare_step, whole, needs)
    if split:
        done += each(
            "overlap: compare",
            partial(held.with_kept, compare_step),
            [(item, [{i: spread[i] for i in item[0]}]) for item in split],
        )
    articles = {i: by_id[i] for i in sorted({i for pair in todo for i in pair})}
    return combine(done, articles, corpus.ids, config, spread, each)
