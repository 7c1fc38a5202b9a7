"""Figures (first version): numbers with qualifiers as bounds, compared per measure."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd

from newsaudit.config import FiguresConfig
from newsaudit.corpus import Corpus

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
CHECK_COLUMNS = ["measure", "article_id", "text", "low", "high", "unit", "verdict"]
_NUM = re.compile(
    r"(?:(more than|at least|nearly|almost|about|approximately|around|over|some|up to)\s+)?"
    r"(\d{1,3}(?:,\d{3})+|\d+)(?:-strong)?\s+(?:UN\s+)?(\w+)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FiguresResult:
    """Extracted figures and per-measure consistency checks."""

    figures: pd.DataFrame
    checks: pd.DataFrame


def analyse(corpus: Corpus, config: FiguresConfig | None = None) -> FiguresResult:
    """Numbers followed by a noun; measure = the noun; bounds from qualifiers."""
    config = config or FiguresConfig()
    rows = []
    for a in corpus:
        for m in _NUM.finditer(a.text):
            q = (m.group(1) or "").lower()
            v = float(m.group(2).replace(",", ""))
            kind = config.qualifiers.get(q, "")
            low, high = v, v
            if kind == "gt":
                high = math.inf
            elif kind == "approx":
                low, high = v * (1 - config.approx_tolerance), v * (1 + config.approx_tolerance)
            s0 = a.text.rfind(".", 0, m.start()) + 1
            s1 = a.text.find(".", m.end())
            rows.append(
                {
                    "article_id": a.article_id,
                    "measure": m.group(3).lower(),
                    "text": m.group(0),
                    "low": low,
                    "high": high,
                    "unit": "",
                    "qualifier": q,
                    "sentence": a.text[s0 : s1 + 1].strip(),
                    "start": m.start(),
                    "end": m.end(),
                }
            )
    figures = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    checks = []
    for _measure, group in figures.groupby("measure"):
        if group["article_id"].nunique() < 2:
            continue
        for _, r in group.iterrows():
            others = group[group["article_id"] != r["article_id"]]
            disjoint = any(o.high < r.low or o.low > r.high for o in others.itertuples())
            same = all(o.low == r.low and o.high == r.high for o in others.itertuples())
            verdict = "inconsistent" if disjoint else "consistent" if same else "compatible"
            checks.append(
                {**{k: r[k] for k in CHECK_COLUMNS if k != "verdict"}, "verdict": verdict}
            )
    return FiguresResult(figures, pd.DataFrame(checks, columns=CHECK_COLUMNS))
