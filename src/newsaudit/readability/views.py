"""Readability tables as the report shows them: ranked articles, hardest paragraphs, the
syllable backends side by side, the method note, and the textstat comparison."""

from __future__ import annotations

import pandas as pd

from newsaudit.corpus import Corpus
from newsaudit.readability.frames import EASIER_IS_HIGHER, METRICS, ReadabilityResult


def join_tags(scores: pd.DataFrame, tags: pd.DataFrame) -> pd.DataFrame:
    """Scores with the `genre` and `outlet` columns of a tags frame (keyed by article_id)."""
    keep = ["article_id", *[c for c in ("genre", "outlet") if c in tags.columns]]
    base = scores.drop(columns=[c for c in keep[1:] if c in scores.columns])
    joined = base.merge(tags[keep].drop_duplicates("article_id"), on="article_id", how="left")
    return joined.sort_values("article_id", kind="mergesort").reset_index(drop=True)


def ranked(scores: pd.DataFrame, metric: str = "flesch_kincaid_grade") -> pd.DataFrame:
    """Articles ranked hardest first by `metric`, with genre/outlet beside it when present."""
    if metric not in METRICS:
        raise ValueError(f"unknown readability metric {metric!r}; choose one of {METRICS}")
    easier_high = metric in EASIER_IS_HIGHER
    order = scores.sort_values(
        [metric, "article_id"], ascending=[easier_high, True], kind="mergesort", na_position="last"
    )
    keep = ["article_id", *[c for c in ("genre", "outlet") if c in scores.columns], metric]
    keep += [m for m in ("flesch_reading_ease", "flesch_kincaid_grade") if m != metric]
    keep += ["words", "short_text_warning", "notes"]
    out = order[keep].reset_index(drop=True)
    out.insert(0, "rank", range(1, len(out) + 1))
    return out


def hardest_paragraphs(result: ReadabilityResult, n: int = 10) -> pd.DataFrame:
    """The `n` hardest flagged paragraphs of the corpus by Flesch-Kincaid grade."""
    flagged = result.paragraphs[result.paragraphs["hardest"]]
    order = flagged.sort_values(
        ["flesch_kincaid_grade", "article_id", "paragraph"],
        ascending=[False, True, True],
        kind="mergesort",
    )
    cols = ["article_id", "paragraph", "words", "sentences", "flesch_kincaid_grade"]
    return order[[*cols, "flesch_reading_ease", "excerpt"]].head(n).reset_index(drop=True)


def backend_comparison(result: ReadabilityResult) -> pd.DataFrame:
    """FRE and FKGL per article under both syllable backends and their difference."""
    cols = [
        "article_id",
        "syllables",
        "syllables_alt",
        "flesch_reading_ease",
        "flesch_reading_ease_alt",
        "flesch_reading_ease_diff",
        "flesch_kincaid_grade",
        "flesch_kincaid_grade_alt",
        "flesch_kincaid_grade_diff",
    ]
    return result.scores[cols].copy()


def method_note(result: ReadabilityResult) -> str:
    """One paragraph for the report: which backend produced the numbers and what was counted."""
    diff = result.scores["flesch_reading_ease_diff"].abs()
    spread = f"{diff.max():.1f}" if len(diff) and diff.notna().any() else "n/a"
    short = int(result.scores["short_text_warning"].sum())
    return (
        f"Scores are computed on the cleaned article body (headline scored separately; "
        f"boilerplate and URLs removed) with the standard published formulas. Syllables: "
        f"{result.backend} (headline numbers); the comparison backend "
        f"({result.comparison_backend}) moves Flesch Reading Ease by at most {spread} points "
        f"on this corpus. A line break ends a sentence, so section headings count as "
        f"sentences. {short} article(s) have fewer words than the short-text threshold and are "
        f"shown with a warning."
    )


def compare_textstat(corpus: Corpus, result: ReadabilityResult) -> pd.DataFrame:
    """Long table: our score and textstat 0.7.8's on the same body text, per article and metric."""
    import textstat  # local: only this comparison needs it

    rows = []
    ours = result.scores.set_index("article_id")
    for article in corpus:
        text = article.text
        theirs = {
            "words": textstat.lexicon_count(text),
            "sentences": textstat.sentence_count(text),
            "syllables": textstat.syllable_count(text),
            **{m: getattr(textstat, m)(text) for m in METRICS},
        }
        for name, value in theirs.items():
            mine = float(ours.at[article.article_id, name])
            rows.append(
                {
                    "article_id": article.article_id,
                    "measure": name,
                    "newsaudit": mine,
                    "textstat": float(value),
                    "difference": mine - float(value),
                }
            )
    return pd.DataFrame(
        rows, columns=["article_id", "measure", "newsaudit", "textstat", "difference"]
    )
