"""Source overlap section: who copied whom, with the evidence."""

from __future__ import annotations

import pandas as pd

from newsaudit.pipeline import Results
from newsaudit.report import passages as passage_markup
from newsaudit.report.display import Figure, Table, Text
from newsaudit.report.labels import labels, relabel
from newsaudit.report.plots import overlap as plots

IDS = ("article_a", "article_b", "source", "derived", "favours", "pair", "detail", "evidence")


def heatmap(results: Results) -> Figure | Text:
    """Reuse score of every pair as a matrix (a sentence when there is no pair)."""
    if results.overlap.pairs.empty:
        return Text(["A single article: there is no pair to score."], bullets=False)
    return Figure(
        plots.heatmap(results.overlap, tags=labels(results)),
        caption="Reuse score of every pair of articles (share of the copy aligned to the "
        "source; large corpora show the 60 articles with the most reuse).",
    )


def ranked_pairs(results: Results, limit: int = 200) -> Table:
    """Pairs ranked by reuse score, who is the source and how sure the direction is."""
    pairs = results.overlap.pairs
    shown = pairs[(pairs["score"] > 0) | (pairs["verdict"] != "independent")].head(limit)
    frame = relabel(shown, results, IDS)[
        [
            "article_a",
            "article_b",
            "verdict",
            "source",
            "derived",
            "direction_confidence",
            "score",
            "containment_a_in_b",
            "containment_b_in_a",
            "shared_passages",
            "shared_quotes",
        ]
    ]
    return Table(
        frame,
        caption="Article pairs that share text, ranked by reuse score (overlap_pairs.csv has "
        f"all {len(pairs):,} pairs)",
        labels={
            "article_a": "A",
            "article_b": "B",
            "derived": "Copy",
            "direction_confidence": "Direction sure",
            "containment_a_in_b": "Share of A in B",
            "containment_b_in_a": "Share of B in A",
            "shared_passages": "Passages",
            "shared_quotes": "Quotes",
        },
    )


def direction(results: Results) -> Table:
    """For each reusing pair, the clues that point to the source, with their weights."""
    frame = relabel(results.overlap.evidence, results, IDS)
    return Table(
        frame[["article_a", "article_b", "favours", "weight", "kind", "detail"]],
        caption="Direction evidence: which article each clue favours as the source",
        labels={"article_a": "A", "article_b": "B", "favours": "Source?"},
        wide=("detail",),
    )


def families_graph(results: Results) -> Figure | Text:
    """Reuse families as a graph, arrows from source to copy (a sentence when there are none)."""
    if results.overlap.edges().empty:
        return Text(
            ["No article copies another: there is no reuse family to draw."], bullets=False
        )
    return Figure(
        plots.cluster_graph(results.overlap, tags=labels(results)),
        caption="Reuse families: arrows point from source to copy.",
    )


def families(results: Results) -> Table:
    """Articles in each reuse family and their role."""
    return Table(
        relabel(results.overlap.clusters, results, ("article_id",)),
        caption="Articles in each reuse family and their role",
        labels={"article_id": "Article", "size": "Articles in family"},
    )


def passages(results: Results) -> Table:
    """Aligned passages of the top pairs, differences marked."""
    frame = passage_markup.side_by_side(results.overlap, top=3)
    frame = relabel(frame, results, ("pair",))
    return Table(
        frame,
        caption="Aligned passages of the top pairs, differences marked",
        html_columns=("text_a", "text_b"),
        labels={"text_a": "Text in A", "text_b": "Text in B"},
        wide=("text_a", "text_b"),
    )


def quotes(results: Results) -> Table:
    """Quotations both articles carry: reuse of a source's words, not of the article."""
    q = results.overlap.quotes
    frame = relabel(q, results, IDS)[
        ["article_a", "article_b", "speaker_a", "speaker_b", "same_speaker", "text_a"]
    ]
    return Table(
        pd.DataFrame(frame),
        caption="Quotes shared between articles",
        labels={"article_a": "A", "article_b": "B", "text_a": "Quote"},
        wide=("text_a",),
    )


def article_reuse(results: Results, limit: int = 200) -> Table:
    """Each article against all its possible sources together (a text rewritten from three
    wire takes is derived from their union), with the evidence that drove the verdict."""
    reuse = results.overlap.article_reuse
    shown = reuse[reuse["covered_share"] > 0].sort_values(
        ["covered_share", "article_id"], ascending=[False, True], kind="stable"
    )
    tag = labels(results)
    frame = pd.DataFrame(
        {
            "article_id": shown["article_id"].map(lambda a: tag.get(a, a)),
            "covered_share": shown["covered_share"],
            "sources": shown["sources"].map(
                lambda s: ", ".join(tag.get(x, x) for x in str(s).split()) if s == s else ""
            ),
            "verdict": shown["verdict"],
            "probability": shown["probability"],
            "evidence": shown["evidence"],
        }
    ).head(limit)
    return Table(
        frame,
        caption="Reuse per article: the share of its words aligned to any of its possible "
        "sources together, and the verdict of the model trained on real press-agency copy "
        "(METER); article_reuse.csv has every article and every evidence value",
        labels={
            "article_id": "Article",
            "covered_share": "Share covered",
            "probability": "Model sure",
        },
    )
