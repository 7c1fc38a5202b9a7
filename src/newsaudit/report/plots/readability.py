"""Readability charts: ranking across the corpus, paragraph spread, syllable-backend difference.

Each function takes the DataFrames of `readability.analyse` (a scores frame may carry `genre`
and `outlet` columns joined from tagging) and returns a matplotlib Figure with a title and
labelled axes, in the Okabe-Ito colour-blind-safe palette.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from newsaudit.readability import EASIER_IS_HIGHER, METRIC_LABELS, METRICS, ReadabilityResult

# Okabe & Ito (2008): distinguishable under the common colour-vision deficiencies.
OKABE_ITO = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
)
GREY = "#999999"
MAX_ROWS = 40  # articles per chart: more rows would not be readable on a page
# Height / width at most: a chart printed at the page's width then leaves room for its heading
# and caption on an A4 page (34 articles drew one taller than a page: it printed shrunk on a
# page of its own, the page before blank under the heading). Rows get closer instead.
PAGE_RATIO = 1.1


def _size(width: float, height: float) -> tuple[float, float]:
    """(width, height) with the height capped at PAGE_RATIO x width."""
    return width, min(height, PAGE_RATIO * width)


def _label(scores: pd.DataFrame, row: pd.Series) -> str:
    outlet = str(row["outlet"]) if "outlet" in scores.columns and pd.notna(row["outlet"]) else ""
    return f"{row['article_id']} ({outlet})" if outlet else str(row["article_id"])


def _check_metric(metric: str) -> None:
    if metric not in METRICS:
        raise ValueError(f"unknown readability metric {metric!r}; choose one of {METRICS}")


def ranking(scores: pd.DataFrame, metric: str = "flesch_kincaid_grade") -> Figure:
    """Horizontal bars, hardest article on top, coloured by genre, outlet in the label.

    Articles below the short-text threshold are hatched and marked "(short)"; a black tick
    shows the same score with the comparison syllable backend where it exists.
    """
    _check_metric(metric)
    easier_high = metric in EASIER_IS_HIGHER
    data = scores.sort_values(
        [metric, "article_id"], ascending=[easier_high, True], kind="mergesort"
    ).reset_index(drop=True)
    data = data.head(MAX_ROWS)  # the hardest; readability.csv has every article
    genres = (
        sorted(data["genre"].fillna("unknown").astype(str).unique())
        if "genre" in data.columns
        else []
    )
    colours = {g: OKABE_ITO[i % len(OKABE_ITO)] for i, g in enumerate(genres)}
    fig = Figure(figsize=_size(9.5, 1.2 + 0.45 * max(len(data), 1)), layout="constrained")
    ax = fig.add_subplot()
    y = np.arange(len(data))[::-1]
    for yi, (_, row) in zip(y, data.iterrows(), strict=True):
        genre = str(row["genre"]) if genres and pd.notna(row["genre"]) else "unknown"
        short = bool(row.get("short_text_warning", False))
        value = row[metric] if pd.notna(row[metric]) else 0.0
        ax.barh(
            yi,
            value,
            color=colours.get(genre, OKABE_ITO[0]),
            hatch="//" if short else None,
            edgecolor="white" if not short else "black",
        )
        alt = f"{metric}_alt"
        if alt in data.columns and pd.notna(row[alt]):
            ax.plot([row[alt]], [yi], marker="|", color="black", markersize=14)
    labels = [
        _label(data, row) + (" (short)" if row.get("short_text_warning") else "")
        for _, row in data.iterrows()
    ]
    ax.set_yticks(y, labels)
    ax.set_xlabel(METRIC_LABELS[metric] + (" (higher = easier)" if easier_high else " (grade)"))
    ax.set_ylabel("article (outlet)")
    ax.set_title(f"Articles ranked by {METRIC_LABELS[metric]}, hardest on top")
    handles = [Patch(color=colours[g], label=g) for g in genres]
    if f"{metric}_alt" in data.columns and len(data):
        alt_name = str(data["comparison_backend"].iloc[0]) if "comparison_backend" in data else ""
        handles.append(
            Line2D(
                [], [], marker="|", linestyle="", color="black", label=alt_name or "other backend"
            )
        )
    if handles:
        fig.legend(
            handles=handles,
            loc="outside right upper",
            fontsize="small",
            title="genre" if genres else None,
        )
    ax.axvline(0, color=GREY, linewidth=0.8)
    return fig


def paragraph_spread(
    result: ReadabilityResult,
    metric: str = "flesch_kincaid_grade",
    tags: dict[str, str] | None = None,
    max_articles: int = 40,
) -> Figure:
    """Box plot with every paragraph as a dot, per article; the flagged hardest in vermillion.

    Headings are left out (they are not prose); paragraphs shorter than the flagging threshold
    are drawn hollow, because one short sentence says little about a paragraph.
    """
    _check_metric(metric)
    paras = result.paragraphs[~result.paragraphs["is_heading"]]
    ids = list(result.scores["article_id"])[:max_articles]
    fig = Figure(figsize=_size(8, 1.2 + 0.5 * max(len(ids), 1)), layout="constrained")
    ax = fig.add_subplot()
    positions = np.arange(len(ids))[::-1]
    series = [paras.loc[paras["article_id"] == i, metric].dropna().to_numpy() for i in ids]
    if any(len(s) for s in series):
        ax.boxplot(
            [s if len(s) else np.array([np.nan]) for s in series],
            positions=positions,
            orientation="horizontal",
            widths=0.6,
            showfliers=False,
            medianprops={"color": OKABE_ITO[0]},
        )
    rng = np.random.default_rng(0)  # fixed jitter: the same input draws the same figure
    for pos, article_id in zip(positions, ids, strict=True):
        group = paras[paras["article_id"] == article_id]
        jitter = rng.uniform(-0.15, 0.15, len(group))
        for (_, row), dy in zip(group.iterrows(), jitter, strict=True):
            if pd.isna(row[metric]):
                continue
            hardest = bool(row["hardest"])
            eligible = pd.notna(row["rank_in_article"])
            ax.plot(
                row[metric],
                pos + dy,
                marker="D" if hardest else "o",
                markersize=6 if hardest else 4,
                color=OKABE_ITO[5] if hardest else OKABE_ITO[0],
                markerfacecolor=(OKABE_ITO[5] if hardest else OKABE_ITO[0])
                if eligible
                else "none",
                linestyle="",
                alpha=0.9,
            )
    ax.set_yticks(positions, [(tags or {}).get(i, i) for i in ids])
    ax.set_xlabel(METRIC_LABELS[metric] + " per paragraph")
    ax.set_ylabel("article")
    ax.set_title(f"Spread of {METRIC_LABELS[metric]} across paragraphs")
    fig.legend(
        handles=[
            Line2D([], [], marker="o", linestyle="", color=OKABE_ITO[0], label="paragraph"),
            Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                color=OKABE_ITO[0],
                markerfacecolor="none",
                label="short paragraph",
            ),
            Line2D([], [], marker="D", linestyle="", color=OKABE_ITO[5], label="flagged hardest"),
        ],
        loc="outside right upper",
        fontsize="small",
    )
    return fig


def backend_difference(scores: pd.DataFrame) -> Figure:
    """Dumbbells: Flesch Reading Ease and FK grade with each syllable backend, per article."""
    data = scores.sort_values("article_id", kind="mergesort").reset_index(drop=True)
    data = data.head(MAX_ROWS)  # thousands of articles: one readable panel, the CSV has all
    fig = Figure(figsize=_size(9, 1.4 + 0.45 * max(len(data), 1)), layout="constrained")
    axes = fig.subplots(1, 2, sharey=True)
    y = np.arange(len(data))[::-1]
    backend = str(data["backend"].iloc[0]) if len(data) else "main backend"
    alt = str(data["comparison_backend"].iloc[0]) if len(data) else "comparison backend"
    for ax, metric in zip(axes, ("flesch_reading_ease", "flesch_kincaid_grade"), strict=True):
        main, other = data[metric].to_numpy(float), data[f"{metric}_alt"].to_numpy(float)
        ax.hlines(y, np.minimum(main, other), np.maximum(main, other), color=GREY, linewidth=2)
        ax.plot(main, y, "o", color=OKABE_ITO[0], label=backend)
        ax.plot(other, y, "s", color=OKABE_ITO[1], label=alt)
        ax.set_xlabel(METRIC_LABELS[metric])
        ax.set_title(METRIC_LABELS[metric])
    axes[0].set_yticks(y, list(data["article_id"]))
    axes[0].set_ylabel("article")
    fig.legend(
        *axes[0].get_legend_handles_labels(),
        loc="outside lower center",
        ncols=2,
        fontsize="small",
        title="syllable backend",
    )
    fig.suptitle("How much the syllable counter moves the scores")
    return fig


def metric_profile(scores: pd.DataFrame) -> Figure:
    """Dot plot of the six grade-level scores per article: where the formulas agree or not."""
    grades = [
        m for m in METRICS if m not in EASIER_IS_HIGHER and m != "dale_chall_readability_score"
    ]
    data = scores.sort_values("article_id", kind="mergesort").reset_index(drop=True)
    data = data.head(MAX_ROWS)  # thousands of articles: one readable panel, the CSV has all
    fig = Figure(figsize=_size(8, 1.4 + 0.45 * max(len(data), 1)), layout="constrained")
    ax = fig.add_subplot()
    y = np.arange(len(data))[::-1]
    markers = ("o", "s", "^", "D", "v", "P")
    for i, metric in enumerate(grades):
        ax.plot(
            data[metric].to_numpy(float),
            y + (i - (len(grades) - 1) / 2) * 0.08,
            linestyle="",
            marker=markers[i % len(markers)],
            color=OKABE_ITO[i % len(OKABE_ITO)],
            label=METRIC_LABELS[metric],
        )
    ax.set_yticks(y, [_label(data, row) for _, row in data.iterrows()])
    ax.set_xlabel("US school grade")
    ax.set_ylabel("article (outlet)")
    ax.set_title("Grade-level formulas side by side")
    fig.legend(loc="outside right upper", fontsize="small", title="formula")
    return fig
