"""The batch index page (index.html) rendered from the report's Jinja templates."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any
from urllib.parse import quote

import jinja2

from newsaudit import __version__
from newsaudit.config import TEMPLATES_DIR


def _decimal(value: Any, digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return f"{value:,.{digits}f}"


def _count(value: Any) -> str:
    return "" if value is None else f"{value:,}"


@cache
def environment() -> jinja2.Environment:
    """The templates with autoescape on (every value escaped) and the formatting filters."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR / "newsaudit"),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(urlpath=quote, decimal=_decimal, count_=_count)
    return env


def index_html(
    runs: Sequence[Any], seconds: float, generated: str, csv: str, manifest: str
) -> str:
    """index.html: self-contained (inline CSS, no scripts), every text escaped, relative links;
    failed corpora are marked FAILED with their one-line error."""
    counts = {s: sum(r.status == s for r in runs) for s in ("built", "unchanged", "failed")}
    summary = (
        f"{len(runs)} corpora: {counts['built'] + counts['unchanged']} complete "
        f"({counts['built']} built, {counts['unchanged']} unchanged), {counts['failed']} failed."
    )
    return (
        environment()
        .get_template("batch_index.html.j2")
        .render(
            runs=runs,
            seconds=seconds,
            generated=generated,
            csv=csv,
            manifest=manifest,
            summary=summary,
            version=__version__,
        )
    )
