"""Overlap figures: the pair-score heatmap and the reuse-family graph (source -> copy arrows)."""

from __future__ import annotations

import math

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
# Reuse-family graph: drawn at one inch per layout unit up to MAX_GRAPH_INCHES (beyond it
# nodes, labels and arrows shrink together); nodes of NODE_SIZE points² sit NODE_SPACING
# units apart on their family's circle, so neighbours never touch.
NODE_SIZE = 700
NODE_SPACING = 0.75
MAX_GRAPH_INCHES = 9.0


def _short(article_id: str) -> str:
    return article_id if len(article_id) <= MAX_LABEL else article_id[: MAX_LABEL - 1] + "…"


def heatmap(
    result: OverlapResult, max_articles: int = 60, tags: dict[str, str] | None = None
) -> Figure:
    """Pair scores as an article x article matrix (cividis, colour-blind safe), values printed
    when the corpus is small. Larger corpora show the `max_articles` most-reusing articles."""
    matrix = result.matrix(result.most_reusing(max_articles))
    n = len(matrix)
    size = max(4.0, min(14.0, 0.45 * n + 2.5))
    fig = Figure(figsize=(size + 1.2, size))
    ax = fig.subplots()
    image = ax.imshow(matrix.to_numpy(), cmap="cividis", vmin=0.0, vmax=1.0)
    labels = [_short((tags or {}).get(i, i)) for i in matrix.index]
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


def family_layout(graph: nx.DiGraph, cell: float = 3.0) -> dict[str, tuple[float, float]]:
    """Positions without scipy (networkx's spring layout needs it from 500 nodes): each
    family on its own circle, families on a grid, largest first. A circle is wide enough for
    its nodes to sit NODE_SPACING apart (17 articles on the small circle were one blot), and
    the grid's cells as wide as its largest circle."""
    families = sorted(
        (sorted(c) for c in nx.weakly_connected_components(graph)), key=lambda c: (-len(c), c)
    )
    columns = max(1, math.ceil(math.sqrt(len(families))))

    def radius(size: int) -> float:
        return 0.0 if size == 1 else max(cell * 0.32, size * NODE_SPACING / (2 * math.pi))

    cell = max([cell, *(2 * radius(len(f)) + 1.5 for f in families)])
    pos: dict[str, tuple[float, float]] = {}
    for n, members in enumerate(families):
        cx, cy = (n % columns) * cell, -(n // columns) * cell
        r = radius(len(members))
        for k, node in enumerate(members):
            angle = math.pi + 2 * math.pi * k / len(members)
            pos[node] = (cx + r * math.cos(angle), cy + r * math.sin(angle))
    return pos


def cluster_graph(
    result: OverlapResult, tags: dict[str, str] | None = None, max_nodes: int = 120
) -> Figure:
    """Reuse families: one node per article in a derived/partial pair, arrows source -> copy
    (solid: derived, dashed: partial; no arrowhead when the direction is unknown). Large
    corpora show the biggest families up to `max_nodes` articles."""
    edges = result.edges()
    tags = tags or {}
    graph = nx.DiGraph()
    for row in edges.itertuples(index=False):
        graph.add_edge(row.source, row.copy, verdict=row.verdict, directed=row.directed)
    families = sorted(
        (sorted(c) for c in nx.weakly_connected_components(graph)), key=lambda c: (-len(c), c)
    )
    kept: list[str] = []
    for members in families:
        if kept and len(kept) + len(members) > max_nodes:
            break
        kept.extend(members)
    graph = graph.subgraph(kept).copy()
    fig = Figure(figsize=(6, 3))
    ax = fig.subplots()
    ax.set_title("Reuse families (arrows from source to copy)", fontsize=10)
    ax.set_axis_off()
    if edges.empty:
        fig.set_size_inches(6, 1.2)
        ax.text(0.5, 0.5, "No derived or partial pairs", ha="center", va="center")
        return fig
    cluster_of = {r.article_id: r.cluster for r in result.clusters.itertuples(index=False)}
    colours = [
        OKABE_ITO[(cluster_of.get(node, 0) - 1) % len(OKABE_ITO)]
        if node in cluster_of
        else "#999999"
        for node in graph.nodes
    ]
    pos = family_layout(graph)
    xs = [x for x, _ in pos.values()]
    ys = [y for _, y in pos.values()]
    span_x, span_y = max(xs) - min(xs) + 2.4, max(ys) - min(ys) + 2.4
    scale = min(1.0, MAX_GRAPH_INCHES / span_x, MAX_GRAPH_INCHES / span_y)  # inches per unit
    fig.set_size_inches(max(4.2, span_x * scale + 0.6), max(3.0, span_y * scale + 0.9))
    node_size = NODE_SIZE * scale**2
    nx.draw_networkx_nodes(graph, pos, ax=ax, node_color=colours, node_size=node_size, alpha=0.9)
    nx.draw_networkx_labels(
        graph,
        pos,
        ax=ax,
        labels={n: _short(tags.get(n, n)) for n in graph.nodes},
        font_size=max(5.0, 8 * scale),
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
                    arrowsize=max(6.0, 18 * scale),
                    node_size=node_size,
                    width=max(0.6, 1.8 * scale),
                )
    ax.set_xlim(min(xs) - 1.2, max(xs) + 1.2)
    ax.set_ylim(min(ys) - 1.2, max(ys) + 1.2)
    ax.set_aspect("equal")  # a family's circle stays a circle
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
