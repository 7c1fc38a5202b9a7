"""Names a reader can follow: short article labels, each article's role in the copy chains,
measure keys as words and values formatted by what they count."""

from __future__ import annotations

import math
import re
import weakref
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd

from newsaudit.config import MONTHS
from newsaudit.pipeline import Results

MAX_LABEL = 12  # longer ids are shortened: labels sit in table cells and plot ticks
REUSE = ("derived", "partial")


def short_labels(ids: Sequence[str]) -> dict[str, str]:
    """Short, unique label per article id: the id itself when short ("fox"), else its prefix
    before "_" ("000" for "000_a4af04…") when unique, else A1, A2, … in corpus order."""
    ids = list(ids)
    if all(len(i) <= MAX_LABEL for i in ids):
        return {i: i for i in ids}
    prefixes = [i.split("_", 1)[0] for i in ids]
    if len(set(prefixes)) == len(ids) and all(0 < len(p) <= MAX_LABEL for p in prefixes):
        return dict(zip(ids, prefixes, strict=True))
    return {i: f"A{n}" for n, i in enumerate(ids, start=1)}


_MEMO: dict[tuple[int, str], tuple[weakref.ref, Any]] = {}


def memo(results: Results, what: str, build: Callable[[Results], Any]) -> Any:
    """`build(results)` computed once per results object: views ask for the same lookup (labels,
    names) once per row, which over 100,000 articles must not rebuild it each time."""
    key = (id(results), what)
    hit = _MEMO.get(key)
    if hit is not None and hit[0]() is results:
        return hit[1]
    for stale in [k for k, (ref, _) in _MEMO.items() if ref() is None]:
        del _MEMO[stale]
    value = build(results)
    _MEMO[key] = (weakref.ref(results), value)
    return value


def labels(results: Results) -> dict[str, str]:
    """The short label of every article of the results (computed once per results)."""
    return memo(results, "labels", lambda r: short_labels(r.corpus.ids))


def copy_links(results: Results) -> list[tuple[str, str, str]]:
    """(source, copy, verdict) for every reusing pair whose direction is known."""
    pairs = results.overlap.pairs
    reuse = pairs[pairs["verdict"].isin(REUSE)]
    return [
        (str(r.source), str(r.derived), str(r.verdict))
        for r in reuse.itertuples(index=False)
        if isinstance(r.source, str) and r.source and isinstance(r.derived, str) and r.derived
    ]


def roles(results: Results) -> dict[str, str]:
    """Each article's role: "copy of 001", "partial copy of 001", "source of 000", "shares
    text with 004" (direction unknown) or "independent"."""
    tag = labels(results)
    copies: dict[str, list[str]] = {}
    sources: dict[str, list[str]] = {}
    for source, copy, verdict in copy_links(results):
        kind = "copy" if verdict == "derived" else "partial copy"
        copies.setdefault(copy, []).append(f"{kind} of {tag.get(source, source)}")
        sources.setdefault(source, []).append(tag.get(copy, copy))
    pairs = results.overlap.pairs
    undirected: dict[str, list[str]] = {}
    for r in pairs[pairs["verdict"].isin(REUSE)].itertuples(index=False):
        if not (isinstance(r.source, str) and r.source):
            undirected.setdefault(r.article_a, []).append(tag.get(r.article_b, r.article_b))
            undirected.setdefault(r.article_b, []).append(tag.get(r.article_a, r.article_a))
    out = {}
    for article_id in results.corpus.ids:
        parts = list(copies.get(article_id, []))
        if article_id in sources:
            parts.append("source of " + ", ".join(sources[article_id]))
        if article_id in undirected:
            parts.append("shares text with " + ", ".join(undirected[article_id]))
        out[article_id] = "; ".join(parts) or "independent"
    return out


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


def article_key(results: Results) -> pd.DataFrame:
    """One row per article: label, outlet, headline, date, words, role (in corpus order)."""
    tag, role = labels(results), roles(results)
    articles = {str(r["article_id"]): r for r in results.articles.to_dict("records")}
    rows = []
    for article_id in results.corpus.ids:
        row = articles.get(article_id, {})
        rows.append(
            {
                "article": tag[article_id],
                "outlet": _text(row.get("outlet")) or "not given",
                "headline": _text(row.get("title")),
                "date": _text(row.get("published")) or "not given",
                "words": int(row.get("words", 0) or 0),
                "role": role[article_id],
            }
        )
    return pd.DataFrame(rows, columns=["article", "outlet", "headline", "date", "words", "role"])


def _outlet_title(results: Results) -> dict[str, tuple[str, str]]:
    a = results.articles
    return {
        str(i): (_text(o), _text(t))
        for i, o, t in zip(a["article_id"], a["outlet"], a["title"], strict=True)
    }


def name(results: Results, article_id: str, headline: bool = False) -> str:
    """ "001 (Al Jazeera)" or, without an outlet, "003"; with `headline`, its headline quoted."""
    tag = labels(results).get(article_id, article_id)
    outlet, title = memo(results, "outlet_title", _outlet_title).get(article_id, ("", ""))
    bits = [outlet] if outlet else []
    if headline and title:
        bits.append(f"“{shorten(title, 60)}”")
    return f"{tag} ({', '.join(bits)})" if bits else tag


def shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"


def measure_label(measure: str) -> str:
    """A measure key as words: "troops|killed" -> "troops killed", "civilians|killed|Moura" ->
    "civilians killed (Moura)"; placeholder parts ("?") are dropped."""
    parts = [p for p in str(measure).split("|") if p and p != "?"]
    if not parts:
        return "unnamed quantity"
    head, rest = parts[:2], parts[2:]
    text = " ".join(head)
    return f"{text} ({', '.join(rest)})" if rest else text


def value_text(value: float, unit: str = "") -> str:
    """A bound as a reader writes it: 2013 for years, 14,000 for counts, 38% for shares."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if unit == "year":
        return f"{value:.0f}"
    if unit == "date" and 10_000_000 <= value <= 99_991_231:  # 20220301: a day as YYYYMMDD
        day = f"{value:.0f}"
        return f"{day[:4]}-{day[4:6]}-{day[6:]}"
    if unit == "month-day" and 101 <= value <= 1231:  # 630: June 30, year not given
        month, day = divmod(int(value), 100)
        if 1 <= month <= 12:
            return f"{MONTHS[month - 1]} {day}"
    if abs(value - round(value)) < 1e-6 * max(1.0, abs(value)):  # 187.00000000000003
        value = float(round(value))
    digits = 0 if float(value).is_integer() else (1 if abs(value) >= 10 else 2)
    text = f"{value:,.{digits}f}"
    if unit in ("percent", "%"):
        return text + "%"
    if unit in ("usd", "$", "dollars", "USD"):
        return "$" + text
    return text


def interval_text(low: float, high: float, unit: str = "") -> str:
    """An interval as words: "14,000", "153 to 187", "300 or more", "up to 40"."""
    if low == high:
        return value_text(low, unit)
    if math.isinf(high) and math.isinf(low):
        return "any value"
    if math.isinf(high):
        return f"{value_text(low, unit)} or more"
    if math.isinf(low):
        return f"up to {value_text(high, unit)}"
    return f"{value_text(low, unit)} to {value_text(high, unit)}"


def relabel(frame: pd.DataFrame, results: Results, columns: Sequence[str]) -> pd.DataFrame:
    """A copy with article ids replaced by short labels in `columns` (ids in free text too)."""
    tag = labels(results)
    renamed = memo(results, "renamed", lambda r: _renamed(labels(r)))
    out = frame.copy()
    for column in columns:
        if column in out.columns:
            out[column] = out[column].map(lambda v: relabel_text(v, tag, renamed))
    return out


_ID_TOKEN = re.compile(r"[\w\-]+(?:\.[\w\-]+)*")


def _renamed(tag: dict[str, str]) -> tuple[dict[str, str], tuple[str, ...]]:
    """The ids whose label differs: those made of word characters, dots and hyphens (found as
    tokens in a text, one dictionary lookup each) and any others (found by substring)."""
    changed = {i: t for i, t in tag.items() if i != t}
    tokens = {i: t for i, t in changed.items() if _ID_TOKEN.fullmatch(i)}
    others = tuple(sorted((i for i in changed if i not in tokens), key=len, reverse=True))
    return tokens, others


def relabel_text(
    value: object,
    tag: dict[str, str],
    renamed: tuple[dict[str, str], tuple[str, ...]] | None = None,
) -> object:
    """Every article id in a text replaced by its short label (other values unchanged)."""
    if not isinstance(value, str):
        return "" if value is None or (isinstance(value, float) and math.isnan(value)) else value
    if value in tag:
        return tag[value]
    tokens, others = renamed if renamed is not None else _renamed(tag)
    for article_id in others:
        if article_id in value:
            value = value.replace(article_id, tag[article_id])
    if tokens:
        value = _ID_TOKEN.sub(lambda m: _token_label(m.group(0), tokens), value)
    return value


def _token_label(token: str, tokens: dict[str, str]) -> str:
    """A token's label; "000_ab-001_cd" (two ids joined by a hyphen) labelled part by part."""
    if token in tokens:
        return tokens[token]
    return "-".join(tokens.get(p, p) for p in token.split("-")) if "-" in token else token
