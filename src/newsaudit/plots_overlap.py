"""Overlap figures: the pair-score heatmap and the reuse-family graph (source -> copy arrows)."""

from __future__ import annotations

import math

import matplotlib

matplotlib.use("Agg")  # figures are rendered into reports, never shown on screen

import matplotlib.pyplot as plt
import networkx as nx
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from newsaudit.overlap import OverlapResult

# Okabe-Ito: distinguishable with the common forms of colour blindness.
OKABE_ITO = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#000000",
)
MAX_LABEL = 14


def _short(article_id: str) -> str:
    return article_id if len(article_id) <= MAX_LABEL else article_id[: MAX_LABEL - 1] + "…"


def heatmap(result: OverlapResult, max_articles: int = 60) -> Figure:
    """Pair scores as an article x article matrix (cividis, colour-blind safe), values printed
    when the corpus is small. Larger corpora show the `max_articles` most-reusing articles."""
    matrix = result.matrix(result.most_reusing(max_articles))
    n = len(matrix)
    size = max(4.0, min(14.0, 0.45 * n + 2.5))
    fig, ax = plt.subplots(figsize=(size + 1.2, size))
    image = ax.imshow(matrix.to_numpy(), cmap="cividis", vmin=0.0, vmax=1.0)
    labels = [_short(i) for i in matrix.index]
    ax.set_xticks(range(n), labels, rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(n), labels, fontsize=8)
    if n <= 20:
        values = matrix.to_numpy()
        for i in range(n):
            for j in range(n):
                if i != j:
                    ax.text(
                        j,
                        i,
                        f"{values[i, j]:.2f}",
                        ha="center",
                        va="center",
                        fontsize=7,
                        color="black" if values[i, j] > 0.55 else "white",
                    )
    ax.set_xlabel("article")
    ax.set_ylabel("article")
    ax.set_title("Text reuse: pair score (share of the more-reusing article)")
    fig.colorbar(image, ax=ax, fraction=0.046, pad=0.04, label="score (0 = none, 1 = all)")
    fig.tight_layout()
    return fig


def cluster_graph(result: OverlapResult) -> Figure:
    """Reuse families: one node per article in a derived/partial pair, arrows source -> copy
    (solid: derived, dashed: partial; no arrowhead when the direction is unknown)."""
    edges = result.edges()
    fig, ax = plt.subplots(figsize=(8, 6))
    ax.set_title("Reuse families (arrows from source to copy)")
    ax.set_axis_off()
    if edges.empty:
        ax.text(0.5, 0.5, "No derived or partial pairs", ha="center", va="center")
        return fig
    graph = nx.DiGraph()
    for row in edges.itertuples(index=False):
        graph.add_edge(row.source, row.copy, verdict=row.verdict, directed=row.directed)
    cluster_of = {r.article_id: r.cluster for r in result.clusters.itertuples(index=False)}
    colours = [
        OKABE_ITO[(cluster_of.get(node, 0) - 1) % len(OKABE_ITO)]
        if node in cluster_of
        else "#999999"
        for node in graph.nodes
    ]
    pos = nx.spring_layout(graph, seed=7, k=2.0 / math.sqrt(max(graph.number_of_nodes(), 1)))
    nx.draw_networkx_nodes(graph, pos, ax=ax, node_color=colours, node_size=700, alpha=0.9)
    nx.draw_networkx_labels(
        graph, pos, ax=ax, labels={n: _short(n) for n in graph.nodes}, font_size=8
    )
    for verdict, style in (("derived", "solid"), ("partial", "dashed")):
        for directed in (True, False):
            chosen = [
                (u, v)
                for u, v, d in graph.edges(data=True)
                if d["verdict"] == verdict and d["directed"] == directed
            ]
            if chosen:
                nx.draw_networkx_edges(
                    graph,
                    pos,
                    ax=ax,
                    edgelist=chosen,
                    style=style,
                    arrows=True,
                    arrowstyle="-|>" if directed else "-",
                    arrowsize=18,
                    node_size=700,
                    width=1.8,
                )
    ax.legend(
        handles=[
            Line2D([0], [0], color="black", lw=1.8, label="derived"),
            Line2D([0], [0], color="black", lw=1.8, ls="--", label="partial"),
        ],
        loc="lower right",
        fontsize=8,
    )
    fig.tight_layout()
    return fig
