"""The figures analysis as tables: contract columns, the result bundle and its DataFrames."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from newsaudit.figures.figure import Figure

FIGURE_COLUMNS = [
    "article_id",
    "measure",
    "text",
    "low",
    "high",
    "unit",
    "qualifier",
    "sentence",
    "start",
    "end",
]
CHECK_COLUMNS = [
    "measure",
    "article_id",
    "text",
    "low",
    "high",
    "unit",
    "verdict",
    "relative_difference",
    "needs_review",
    "reason",
    "n_figures",
    "start",
    "end",
    "compared_with",
]
DISAGREEMENT_COLUMNS = [
    "measure",
    "unit",
    "article_a",
    "text_a",
    "low_a",
    "high_a",
    "article_b",
    "text_b",
    "low_b",
    "high_b",
    "difference",
    "relative_difference",
    "sentence_a",
    "sentence_b",
]
REVIEW_COLUMNS = [
    "measure",
    "article_id",
    "text",
    "other_measure",
    "other_article_id",
    "other_text",
    "intervals",
    "reason",
    "sentence",
    "other_sentence",
]


@dataclass(frozen=True)
class FiguresResult:
    """Figures, per-(measure, article) checks, and the views a fact-checker reads first."""

    figures: pd.DataFrame
    checks: pd.DataFrame
    disagreements: pd.DataFrame
    review: pd.DataFrame
    details: pd.DataFrame = field(default_factory=pd.DataFrame)
    # Every compared figure, one row each (checks keeps one row per measure and article).
    comparisons: pd.DataFrame = field(default_factory=pd.DataFrame)
    article_ids: tuple[str, ...] = ()

    def matrix(self, article_ids: Sequence[str] | None = None) -> pd.DataFrame:
        """Measures x the given articles (default: all): built on demand, as a grid of every
        measure by 100,000 articles would not fit in memory."""
        ids = list(self.article_ids if article_ids is None else article_ids)
        return matrix_frame(self.checks, ids)


def figures_frame(figs: list[Figure]) -> pd.DataFrame:
    """The figures table (contract columns), sorted by article_id, start."""
    rows = [{c: getattr(f, c) for c in FIGURE_COLUMNS} for f in figs]
    frame = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    return frame.sort_values(["article_id", "start", "end"], ignore_index=True)


def details_frame(figs: list[Figure]) -> pd.DataFrame:
    """Every field of every figure, for debugging measure keys."""
    rows = [
        {
            **{c: getattr(f, c) for c in FIGURE_COLUMNS},
            "kind": f.kind,
            "thing": f.thing,
            "event": f.event,
            "place": f.place,
            "relation": f.relation,
            "modifiers": "; ".join(f.modifiers),
            "timeframe": "; ".join(f.timeframe),
            "cause": "; ".join(f.cause),
            "vague": f.vague,
        }
        for f in figs
    ]
    frame = pd.DataFrame(rows)
    if frame.empty:
        return frame
    return frame.sort_values(["article_id", "start", "end"], ignore_index=True)


def matrix_frame(checks: pd.DataFrame, article_ids: list[str]) -> pd.DataFrame:
    """Measures x articles: the verdict of each article's figure ('' when it gives none)."""
    if checks.empty:
        return pd.DataFrame(columns=article_ids, dtype=object).rename_axis("measure")
    cells = checks.assign(
        cell=checks["verdict"]
        + ": "
        + checks["text"]
        + checks["needs_review"].map({True: " (?)", False: ""})
    )
    # An article's first figure for a measure stands for it in the matrix.
    cells = cells.drop_duplicates(["measure", "article_id"])
    measures = sorted(cells["measure"].unique())
    cells = cells[cells["article_id"].isin(set(article_ids))]  # only the columns asked for
    wide = cells.pivot(index="measure", columns="article_id", values="cell")
    wide = wide.reindex(index=measures, columns=article_ids).astype(object).fillna("")
    wide.columns.name = None
    wide.index.name = "measure"
    return wide


_SEVERITY = {"inconsistent": 0, "compatible": 1, "consistent": 2}


def one_row_per_measure_article(checks: pd.DataFrame) -> pd.DataFrame:
    """The contract of figure_checks.csv: one row per (measure, article). When an article gives
    several figures for one measure, the row shown is its most severe verdict (inconsistent,
    then compatible, then consistent; first in the text on ties); `n_figures` says how many."""
    if checks.empty:
        return checks
    ranked = checks.assign(_severity=checks["verdict"].map(_SEVERITY).fillna(3))
    ranked = ranked.sort_values(["measure", "article_id", "_severity", "start"], kind="stable")
    kept = ranked.drop_duplicates(["measure", "article_id"], keep="first")
    return kept.drop(columns="_severity").reset_index(drop=True)
