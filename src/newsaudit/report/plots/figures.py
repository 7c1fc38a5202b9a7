"""Plots for the figures section: interval plot per measure and the consistency matrix."""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.dates import AutoDateLocator, DateFormatter, date2num
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import FuncFormatter, MaxNLocator

from newsaudit.figures.intervals import as_date, fractional_year
from newsaudit.report.labels import measure_label

# Okabe-Ito colour-blind-safe palette.
VERDICT_COLOURS = {
    "inconsistent": "#D55E00",
    "compatible": "#E69F00",
    "consistent": "#009E73",
    "": "#FFFFFF",
}
# Inches of panels in one interval plot: with its title and axis label the figure fills one A4
# page at print width; a taller one was shrunk to an unreadable column (a METER story).
MAX_PANELS_HEIGHT = 10.0
_ORDER = {"inconsistent": 0, "compatible": 1, "consistent": 2}


def _measure_order(checks: pd.DataFrame) -> list[str]:
    worst = checks.groupby("measure")["verdict"].agg(lambda v: min(_ORDER[x] for x in v))
    return sorted(worst.index, key=lambda m: (worst[m], m))


def _finite_range(part: pd.DataFrame) -> tuple[float, float]:
    """The span of the finite bounds; (0, 1) when every bound is infinite (nothing to scale)."""
    finite = [float(v) for v in [*part["low"], *part["high"]] if math.isfinite(v)]
    return (min(finite), max(finite)) if finite else (0.0, 1.0)


def _in_years(part: pd.DataFrame) -> pd.DataFrame:
    """A panel of years and dates (a bare year and a date meet at the year) drawn in years: a
    date's yyyymmdd value as its year and the part of it gone (20110115: 2011.04)."""
    if set(part["unit"]) != {"year", "date"}:
        return part
    return part.assign(
        low=part["low"].map(fractional_year), high=part["high"].map(fractional_year)
    )


def _in_days(part: pd.DataFrame) -> tuple[pd.DataFrame, bool]:
    """A panel of dates alone drawn on a calendar axis: yyyymmdd numbers as matplotlib day
    numbers, the last day of a span included (August 2015 runs to the end of August 31), so
    the axis reads as dates and a month is as long as its days. (part, whether converted)."""
    if set(part["unit"]) != {"date"}:
        return part, False
    days = [as_date(v) for v in [*part["low"], *part["high"]] if math.isfinite(v)]
    if not days or None in days:
        return part, False

    def day(v: float) -> float:
        d = as_date(v)
        return v if d is None else float(date2num(d))

    low, high = part["low"].map(day), part["high"].map(day)
    high = high.where(high == low, high + 1.0)  # one day stays a point, a span ends at midnight
    return part.assign(low=low, high=high), True


def _tick(value: float, _pos: object = None) -> str:
    """A tick as the tables print numbers: grouped by thousands, no trailing zeros, no
    exponent (200,000, not 200000 or 1e6; 2.5 stays 2.5); millions and billions in words
    (250 million, 2.25 billion), as ten ticks of 1,250,000,000 overprint each other."""
    for size, word in ((1e9, " billion"), (1e6, " million")):
        if abs(value) >= size:
            return f"{value / size:,.3f}".rstrip("0").rstrip(".") + word
    text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _whole(part: pd.DataFrame) -> bool:
    """True when every finite bound is a whole number: the axis then ticks whole numbers
    (three figures all 10 years were ticked 9.25, 9.50 ... years)."""
    finite = [float(v) for v in [*part["low"], *part["high"]] if math.isfinite(v)]
    return all(v.is_integer() for v in finite)


def _row_heights(checks: pd.DataFrame, measures: list[str], max_articles: int) -> list[float]:
    """Inches per panel: a title and an axis, plus a line per article, so five articles stating
    one value do not overprint their labels in the height two would get."""
    counts = checks["measure"].value_counts()
    return [0.55 + 0.22 * min(int(counts.get(m, 1)), max_articles) for m in measures]


def _point_pad(part: pd.DataFrame, calendar: bool, value: float) -> float:
    """Half the width of a panel whose figures all give one value: 15 days a side for dates on
    a calendar axis, 2 years for years (and dates drawn in years), else 1 % of the value."""
    if calendar:
        return 15.0
    if set(part["unit"]) <= {"year", "date"}:
        return 2.0
    return max(abs(value) * 0.01, 1.0)


def intervals(
    checks: pd.DataFrame,
    max_measures: int = 12,
    tags: dict[str, str] | None = None,
    max_articles: int = 12,
) -> Figure:
    """One panel per measure, one horizontal line per article from low to high (arrows for
    unbounded sides), coloured by verdict; disagreements first. Survives any corpus: all
    bounds infinite, one article, thousands of figures (panels and rows are capped)."""
    tags = tags or {}
    measures = _measure_order(checks)[:max_measures] if not checks.empty else []
    total = len(_measure_order(checks)) if not checks.empty else 0
    heights = _row_heights(checks, measures, max_articles) if measures else [1.1]
    while len(heights) > 1 and sum(heights) > MAX_PANELS_HEIGHT:  # one page, read unshrunk
        heights, measures = heights[:-1], measures[:-1]
    # A bare Figure (no pyplot): no global state, and a notebook shows it exactly once.
    fig = Figure(figsize=(8, 1.0 + sum(heights)))
    axes = fig.subplots(len(heights), 1, squeeze=False, height_ratios=heights)
    if not measures:
        ax = axes[0][0]
        ax.text(0.5, 0.5, "No measure is reported by two articles", ha="center", va="center")
        ax.set_axis_off()
        fig.suptitle("Figures by measure")
        return fig
    for ax, measure in zip(axes[:, 0], measures, strict=False):
        part = checks[checks["measure"] == measure].sort_values(["article_id", "start"])
        part, calendar = _in_days(_in_years(part.head(max_articles)))
        lo, hi = _finite_range(part)
        pad = (hi - lo) * 0.15 or _point_pad(part, calendar, hi)
        left, right = lo - pad, hi + pad
        for y, row in enumerate(part.itertuples()):
            colour = VERDICT_COLOURS[row.verdict]
            a = row.low if math.isfinite(row.low) else left
            b = row.high if math.isfinite(row.high) else right
            ax.plot([a, b], [y, y], color=colour, linewidth=3, solid_capstyle="butt")
            marker = "o" if a == b else "|"
            ax.plot([a, b], [y, y], marker, color=colour, markersize=6 if a == b else 10)
            if not math.isfinite(row.high):
                ax.annotate("", (right, y), (b - pad * 0.5, y), arrowprops={"color": colour})
            if not math.isfinite(row.low):
                ax.annotate("", (left, y), (a + pad * 0.5, y), arrowprops={"color": colour})
            ax.text(b, y + 0.25, f" {row.text}", fontsize=7, va="bottom", ha="right")
        ax.set_yticks(
            range(len(part)), [tags.get(a, a)[:12] for a in part["article_id"]], fontsize=7
        )
        if calendar:
            locator = AutoDateLocator(minticks=3, maxticks=8)
            ax.xaxis.set_major_locator(locator)
            # Full dates: a concise axis ticked "Aug 08 15 22 Sep" over "2015-Sep", a month
            # no article gave.
            ax.xaxis.set_major_formatter(DateFormatter("%Y-%m-%d"))
        elif set(part["unit"]) <= {"year", "date"}:
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # 2016, not 2016.0
            ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f}"))
        else:
            steps = [1, 2, 2.5, 5, 10]
            ax.xaxis.set_major_locator(MaxNLocator(nbins=6, integer=_whole(part), steps=steps))
            ax.xaxis.set_major_formatter(FuncFormatter(_tick))
        ax.set_ylim(-0.7, len(part) - 0.2)
        ax.set_xlim(left, right)
        ax.set_title(f"{measure_label(measure)} ({part['unit'].iloc[0]})", fontsize=8, loc="left")
        ax.tick_params(axis="x", labelsize=7)
    axes[-1][0].set_xlabel("value (closed interval the article asserts)")
    handles = [Patch(color=c, label=v) for v, c in VERDICT_COLOURS.items() if v]
    fig.legend(handles=handles, loc="upper right", fontsize=7, ncols=3)
    shown = f" ({len(measures)} of {total} measures)" if len(measures) < total else ""
    fig.suptitle(f"Figures by measure: one line per compared figure{shown}", x=0.02, ha="left")
    fig.supylabel("article", fontsize=8)
    fig.tight_layout(rect=(0, 0, 1, 0.97))
    return fig


def matrix(
    checks: pd.DataFrame,
    article_ids: list[str],
    tags: dict[str, str] | None = None,
    max_measures: int = 40,
    max_articles: int = 12,
) -> Figure:
    """Measures x articles grid coloured by verdict (blank: the article gives no figure);
    large corpora show the `max_measures` worst measures and the articles giving most figures."""
    tags = tags or {}
    measures = _measure_order(checks)[:max_measures] if not checks.empty else []
    if len(article_ids) > max_articles:
        counts = checks[checks["measure"].isin(measures)]["article_id"].value_counts()
        keep = set(counts.index[:max_articles])
        article_ids = [a for a in article_ids if a in keep][:max_articles]
    fig = Figure(figsize=(max(4.0, 2.5 + 0.9 * len(article_ids)), 1.2 + 0.35 * len(measures)))
    ax = fig.subplots()
    lookup: dict = {}
    for r in checks.sort_values(["measure", "article_id", "start"]).itertuples():
        lookup.setdefault((r.measure, r.article_id), r)  # an article's first figure stands
    for y, measure in enumerate(measures):
        for x, article_id in enumerate(article_ids):
            row = lookup.get((measure, article_id))
            colour = VERDICT_COLOURS[row.verdict] if row else VERDICT_COLOURS[""]
            ax.add_patch(Rectangle((x, y), 1, 1, color=colour, ec="#999999", lw=0.5))
            if row:
                mark = "?" if row.needs_review else ""
                ax.text(
                    x + 0.5,
                    y + 0.5,
                    f"{row.text[:14]}{mark}",
                    ha="center",
                    va="center",
                    fontsize=6,
                )
    ax.set_xlim(0, max(1, len(article_ids)))
    ax.set_ylim(0, max(1, len(measures)))
    ax.set_xticks(
        [i + 0.5 for i in range(len(article_ids))],
        [tags.get(a, a)[:12] for a in article_ids],
        rotation=30,
        ha="right",
        fontsize=7,
    )
    ax.set_yticks(
        [i + 0.5 for i in range(len(measures))], [measure_label(m) for m in measures], fontsize=7
    )
    ax.invert_yaxis()
    ax.set_xlabel("article")
    ax.set_ylabel("measure")
    handles = [Patch(color=c, label=v) for v, c in VERDICT_COLOURS.items() if v]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=7)
    ax.set_title("Consistency matrix (? = needs review)")
    fig.tight_layout()
    return fig
