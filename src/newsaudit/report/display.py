"""Report display objects: escaped, captioned tables and figures that render the same in HTML
and in the PDF printed from it."""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure as MplFigure

from newsaudit.config import ReportConfig

# Columns whose numbers are not quantities: years print as 2013 (not 2,013), character offsets
# and counts without decimals, dates as dates.
YEAR_COLUMNS = frozenset({"year", "years_mentioned"})
COUNT_COLUMNS = frozenset(
    {
        "start",
        "end",
        "words",
        "count",
        "size",
        "cluster",
        "shared_passages",
        "shared_quotes",
        "passage_words",
        "verbatim_passages",
        "rewritten_passages",
        "n_figures",
        "sentences",
        "paragraphs",
        "syllables",
        "articles",
        "rows",
    }
)
DATE_COLUMNS = frozenset({"published", "date"})


def _snap(value: float) -> float:
    """A float within a billionth (relative) of a whole number, as that number."""
    whole = round(value)
    return float(whole) if abs(value - whole) <= 1e-9 * max(1.0, abs(value)) else value


def _number(value: object, digits: int, kind: str = "") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = float(value) if isinstance(value, float) else value
        if isinstance(value, float) and math.isnan(value):
            return ""
        if isinstance(value, float) and math.isinf(value):
            return "∞" if value > 0 else "−∞"
        if kind in ("year", "count") and not isinstance(value, int):
            value = _snap(value)  # 300 - 1.1 * 170 is 112.99999999999997: a count of 113
        if kind == "year" and float(value).is_integer():
            return f"{value:.0f}"
        if kind == "count" and float(value).is_integer():
            return f"{value:,.0f}"
        if isinstance(value, int):
            return f"{value:,}"
        if value.is_integer() and abs(value) >= 1000:
            return f"{value:,.0f}"
        return f"{value:,.{digits}f}"
    if value is pd.NaT:
        return ""
    return str(value)


LONG_TOKEN = 18  # characters: hashes, file names, URLs may break anywhere; words may not


def _long_tokens(values: pd.Series) -> bool:
    """True when the column holds unbreakable strings longer than a word (a hash, a path)."""
    if pd.api.types.is_numeric_dtype(values.dtype):
        return False
    return any(isinstance(v, str) and any(len(t) > LONG_TOKEN for t in v.split()) for v in values)


def column_kind(column: str) -> str:
    """How a column's numbers read: "year", "count", "date" or "" (a measured quantity)."""
    name = str(column).lower()
    if name in YEAR_COLUMNS:
        return "year"
    if name in DATE_COLUMNS:
        return "date"
    if name in COUNT_COLUMNS or name.startswith("n_"):
        return "count"
    return ""


def _label(column: str) -> str:
    return column.replace("_", " ").capitalize()


@dataclass
class Table:
    """A DataFrame shown with readable headers, formatted numbers, escaped text and a caption.

    Long tables are truncated to `max_rows` with a note saying where the full data is, and fold
    (`<details>`, opened in the PDF) from `fold_rows` rows. Columns listed in `html_columns`
    hold markup produced by newsaudit itself (already escaped); `kinds` overrides how a
    column's numbers read ("year", "count", "date"); `wide` columns get the width.
    `frame` is the DataFrame itself: sort and filter it in Jupyter.
    """

    frame: pd.DataFrame
    caption: str = ""
    digits: int = 2
    max_rows: int = ReportConfig().max_table_rows
    html_columns: tuple[str, ...] = ()
    note: str = ""
    labels: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    wide: tuple[str, ...] = ()
    fold_rows: int = ReportConfig().fold_table_rows
    anchor: str = ""

    def _repr_html_(self) -> str:
        frame = self.frame
        anchor = f' id="{html.escape(self.anchor, quote=True)}"' if self.anchor else ""
        if frame.empty:  # a caption and one line, not an empty grid of headers
            text = html.escape(f"{self.caption or 'Table'}: none.")
            return f'<div class="na-table"{anchor}><p class="na-note">{text}</p></div>'
        shown = frame.head(self.max_rows)
        head = "".join(
            ('<th class="wide">' if c in self.wide else "<th>")
            + f"{html.escape(self.labels.get(c, _label(str(c))))}</th>"
            for c in shown.columns
        )
        tokens = {c for c in shown.columns if _long_tokens(shown[c])}
        kinds = {c: self.kinds.get(c, column_kind(c)) for c in shown.columns}
        body = []
        for row in shown.itertuples(index=False):
            cells = []
            for column, value in zip(shown.columns, row, strict=True):
                text = _number(value, self.digits, kinds[column])
                if column not in self.html_columns:
                    text = html.escape(text).replace("\n", "<br>")
                numeric = isinstance(value, int | float) and not isinstance(value, bool)
                css = "num" if numeric and kinds[column] != "year" else "txt"
                css += " wide" if column in self.wide else ""
                css += " date" if kinds[column] == "date" else ""
                css += " token" if column in tokens else ""
                cells.append(f'<td class="{css}">{text}</td>')
            body.append("<tr>" + "".join(cells) + "</tr>")
        notes = []
        if len(frame) > len(shown):
            notes.append(f"Showing {len(shown):,} of {len(frame):,} rows; the CSV has them all.")
        if self.note:
            notes.append(self.note)
        caption = (
            f"<caption>{html.escape(self.caption)}</caption>"
            if self.caption
            else "<caption></caption>"
        )
        foot = "".join(f'<p class="na-note">{html.escape(n)}</p>' for n in notes)
        table = (
            f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
        )
        if len(shown) > self.fold_rows:
            summary = html.escape(f"{self.caption or 'Table'} ({len(frame):,} rows)")
            table = f'<details class="na-fold"><summary>{summary}</summary>{table}</details>'
        short = " na-short" if len(shown) <= self.fold_rows else ""  # kept on one page
        return f'<div class="na-table{short}"{anchor}>\n{table}{foot}</div>'


def png_base64(fig: MplFigure, dpi: int = ReportConfig().figure_dpi) -> str:
    """A figure as base64 PNG (deterministic metadata), then closed to free memory."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


@dataclass
class Figure:
    """A matplotlib figure embedded as a PNG with a numbered caption."""

    fig: MplFigure
    caption: str
    dpi: int = ReportConfig().figure_dpi
    alt: str = ""
    _png: str = field(default="", repr=False)

    def _repr_html_(self) -> str:
        # shown at about 80 px per figure inch (capped by the page): a small chart stays
        # small instead of filling the page width
        width = round(float(self.fig.get_size_inches()[0]) * 80)
        if not self._png:
            self._png = png_base64(self.fig, self.dpi)
        alt = html.escape(self.alt or self.caption, quote=True)
        return (
            f'<figure class="na-figure"><img alt="{alt}" style="width:{width}px" '
            f'src="data:image/png;base64,{self._png}">'
            f'<figcaption><span class="na-figure-mark">Figure.</span> '
            f"{html.escape(self.caption)}</figcaption></figure>"
        )


@dataclass
class Text:
    """Plain sentences (escaped) shown as paragraphs or a bullet list."""

    lines: Iterable[str]
    bullets: bool = True
    css: str = "na-text"

    def _repr_html_(self) -> str:
        items = [html.escape(line) for line in self.lines]
        if not items:
            return ""
        if self.bullets:
            return f'<ul class="{self.css}">' + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
        return "".join(f'<p class="{self.css}">{i}</p>' for i in items)


@dataclass
class Html:
    """Markup built by newsaudit itself from escaped parts (never raw article text)."""

    markup: str

    def _repr_html_(self) -> str:
        return self.markup
