"""Report display objects: escaped, captioned tables and figures that render the same in HTML
and in the PDF printed from it."""

from __future__ import annotations

import base64
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

_counter = {"table": 0, "figure": 0}


def _number(value: object, digits: int) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if math.isinf(value):
            return "∞" if value > 0 else "−∞"
        if value.is_integer() and abs(value) >= 1000:
            return f"{value:,.0f}"
        return f"{value:,.{digits}f}"
    return str(value)


def _label(column: str) -> str:
    return column.replace("_", " ").capitalize()


@dataclass
class Table:
    """A DataFrame shown with readable headers, formatted numbers, escaped text and a caption.

    Long tables are truncated to `max_rows` with a note saying where the full data is.
    Columns listed in `html_columns` hold markup produced by newsaudit itself (already escaped).
    """

    frame: pd.DataFrame
    caption: str = ""
    digits: int = 2
    max_rows: int = ReportConfig().max_table_rows
    html_columns: tuple[str, ...] = ()
    note: str = ""
    labels: dict[str, str] = field(default_factory=dict)

    def _repr_html_(self) -> str:
        _counter["table"] += 1
        frame = self.frame
        shown = frame.head(self.max_rows)
        head = "".join(
            f"<th>{html.escape(self.labels.get(c, _label(str(c))))}</th>" for c in shown.columns
        )
        body = []
        for row in shown.itertuples(index=False):
            cells = []
            for column, value in zip(shown.columns, row, strict=True):
                text = _number(value, self.digits)
                if column not in self.html_columns:
                    text = html.escape(text).replace("\n", "<br>")
                numeric = isinstance(value, int | float) and not isinstance(value, bool)
                cells.append(f'<td class="{"num" if numeric else "txt"}">{text}</td>')
            body.append("<tr>" + "".join(cells) + "</tr>")
        notes = []
        if len(frame) > len(shown):
            notes.append(f"Showing {len(shown):,} of {len(frame):,} rows; the CSV has them all.")
        if self.note:
            notes.append(self.note)
        if frame.empty:
            notes.append("No rows.")
        caption = (
            f"<caption>{html.escape(self.caption)}</caption>"
            if self.caption
            else "<caption></caption>"
        )
        foot = "".join(f'<p class="na-note">{html.escape(n)}</p>' for n in notes)
        return (
            f'<div class="na-table">\n<table>{caption}<thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>{foot}</div>"
        )


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
        if not self._png:
            self._png = png_base64(self.fig, self.dpi)
        alt = html.escape(self.alt or self.caption, quote=True)
        return (
            f'<figure class="na-figure"><img alt="{alt}" src="data:image/png;base64,{self._png}">'
            f"<figcaption>{html.escape(self.caption)}</figcaption></figure>"
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
