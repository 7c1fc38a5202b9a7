"""Aligned passages side by side with their differences marked (the report's HTML for them)."""

from __future__ import annotations

import difflib
import html
import re

import pandas as pd

from newsaudit.overlap import OverlapResult
from newsaudit.text.fold import fold

_PIECE = re.compile(r"\S+|\s+")


def mark_differences(text_a: str, text_b: str) -> tuple[str, str]:
    """Both texts HTML-escaped, words missing from the other wrapped in <del> (a) / <ins> (b)."""
    pieces_a, pieces_b = _PIECE.findall(text_a), _PIECE.findall(text_b)
    words_a = [
        (k, fold(w.strip(".,;:!?\"'()\u201c\u201d\u2019")))
        for k, w in enumerate(pieces_a)
        if not w.isspace()
    ]
    words_b = [
        (k, fold(w.strip(".,;:!?\"'()\u201c\u201d\u2019")))
        for k, w in enumerate(pieces_b)
        if not w.isspace()
    ]
    matcher = difflib.SequenceMatcher(
        None, [w for _, w in words_a], [w for _, w in words_b], autojunk=False
    )
    same_a: set[int] = set()
    same_b: set[int] = set()
    for block in matcher.get_matching_blocks():
        same_a.update(words_a[block.a + k][0] for k in range(block.size))
        same_b.update(words_b[block.b + k][0] for k in range(block.size))

    def render(pieces: list[str], same: set[int], tag: str) -> str:
        out = []
        for k, piece in enumerate(pieces):
            escaped = html.escape(piece)
            out.append(escaped if piece.isspace() or k in same else f"<{tag}>{escaped}</{tag}>")
        return "".join(out).replace(f"</{tag}> <{tag}>", " ")

    return render(pieces_a, same_a, "del"), render(pieces_b, same_b, "ins")


def side_by_side(result: OverlapResult, top: int = 3, max_passages: int = 12) -> pd.DataFrame:
    """Aligned passages of the `top` reusing pairs, differences marked, as HTML-ready cells.

    Columns: pair, kind, similarity, text_a, text_b. Article text is HTML-escaped before
    marking, so the cells are safe to render.
    """
    reusing = result.pairs[result.pairs["verdict"] != "independent"].head(top)
    if reusing.empty:
        reusing = result.pairs[result.pairs["shared_passages"] > 0].head(top)
    info = result.passage_info
    rows = []
    for pair in reusing.itertuples(index=False):
        sel = (result.passages["article_a"] == pair.article_a) & (
            result.passages["article_b"] == pair.article_b
        )
        for k, row in enumerate(result.passages[sel].itertuples()):
            if k >= max_passages:
                break
            a_html, b_html = mark_differences(row.text_a, row.text_b)
            rows.append(
                {
                    "pair": f"{pair.article_a} / {pair.article_b}",
                    "kind": info.loc[row.Index, "kind"],
                    "similarity": info.loc[row.Index, "similarity"],
                    "text_a": a_html,
                    "text_b": b_html,
                }
            )
    return pd.DataFrame(rows, columns=["pair", "kind", "similarity", "text_a", "text_b"])
