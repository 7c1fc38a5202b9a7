"""Found by reading a real report page by page (eyes26): a METER story whose 17 articles form
one reuse family drew them as a blot, nodes on top of each other on a small circle."""

from __future__ import annotations

import itertools
import math
from types import SimpleNamespace

import pandas as pd
import pytest

from newsaudit.report import display
from newsaudit.report.plots import overlap as plots


def _family(sizes: list[int]) -> SimpleNamespace:
    rows = []
    for f, size in enumerate(sizes):
        members = [f"f{f}_{k}" for k in range(size)]
        rows += [(members[0], m, "derived", True) for m in members[1:]]
        rows += [(a, b, "partial", False) for a, b in itertools.pairwise(members[1:])]
    edges = pd.DataFrame(rows, columns=["source", "copy", "verdict", "directed"])
    clusters = pd.DataFrame({"article_id": [], "cluster": []})
    return SimpleNamespace(edges=lambda: edges, clusters=clusters)


@pytest.mark.parametrize("sizes", [[17], [2, 2, 2], [12, 3], [30]])
def test_family_nodes_do_not_overlap(sizes):
    fig = plots.cluster_graph(_family(sizes))
    display.png_base64(fig, dpi=20)  # lays it out
    ax = fig.axes[0]
    nodes = ax.collections[0]  # the node markers, drawn first
    points = ax.transData.transform(nodes.get_offsets()) / fig.dpi  # inches
    diameter = math.sqrt(nodes.get_sizes()[0]) / 72
    closest = min(math.dist(p, q) for p, q in itertools.combinations(points, 2))
    assert closest >= diameter, (closest, diameter)
