"""The readability tables: column order of readability.csv and the paragraph table, metric names
and labels, and the hardest-paragraph flags."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from newsaudit.config import ReadabilityConfig

SCORE_COLUMNS = (
    "article_id",
    "words",
    "sentences",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
)
METRICS = SCORE_COLUMNS[3:]
# Every metric is a grade except Flesch Reading Ease, where higher means easier.
EASIER_IS_HIGHER = frozenset({"flesch_reading_ease"})
METRIC_LABELS = {
    "flesch_reading_ease": "Flesch Reading Ease",
    "flesch_kincaid_grade": "Flesch-Kincaid grade",
    "gunning_fog": "Gunning Fog",
    "smog_index": "SMOG",
    "coleman_liau_index": "Coleman-Liau",
    "automated_readability_index": "ARI",
    "dale_chall_readability_score": "Dale-Chall",
}
ARTICLE_COLUMNS = (
    *SCORE_COLUMNS,
    "syllables",
    "polysyllables",
    "complex_words",
    "unfamiliar_words",
    "letters",
    "characters",
    "avg_sentence_length",
    "avg_syllables_per_word",
    "reading_time_min",
    "paragraphs",
    "headings",
    "headline_words",
    "headline_flesch_reading_ease",
    "headline_flesch_kincaid_grade",
    "flesch_reading_ease_prose",
    "flesch_kincaid_grade_prose",
    "syllables_alt",
    "flesch_reading_ease_alt",
    "flesch_kincaid_grade_alt",
    "flesch_reading_ease_diff",
    "flesch_kincaid_grade_diff",
    "short_text_warning",
    "notes",
    "backend",
    "comparison_backend",
)
PARAGRAPH_COLUMNS = (
    "article_id",
    "paragraph",
    "start",
    "end",
    "words",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "sentences",
    "syllables",
    *METRICS[2:],
    "flesch_reading_ease_alt",
    "is_heading",
    "excerpt",
)


@dataclass(frozen=True)
class ReadabilityResult:
    """Scores per article and per paragraph, and the syllable backends used."""

    scores: pd.DataFrame  # one row per article, SCORE_COLUMNS first
    paragraphs: pd.DataFrame  # one row per paragraph, "hardest" flags the hardest
    backend: str  # syllable backend of the headline numbers
    comparison_backend: str  # backend of the *_alt columns


def flag_hardest(frame: pd.DataFrame, config: ReadabilityConfig) -> pd.DataFrame:
    """Rank eligible paragraphs by FKGL within each article; flag the top share (at least one)."""
    frame = frame.copy()
    eligible = (~frame["is_heading"].astype(bool)) & (frame["words"] >= config.paragraph_min_words)
    order = frame[eligible].sort_values(
        ["article_id", "flesch_kincaid_grade", "paragraph"],
        ascending=[True, False, True],
        kind="mergesort",
    )
    rank = order.groupby("article_id", sort=False).cumcount() + 1
    size = order.groupby("article_id", sort=False)["paragraph"].transform("size")
    top = (size * config.hardest_share).apply(math.ceil).clip(lower=1)
    frame["rank_in_article"] = rank.reindex(frame.index).astype("Int64")
    frame["hardest"] = (rank <= top).reindex(frame.index, fill_value=False).astype(bool)
    return frame


def article_frame(rows: list[dict]) -> pd.DataFrame:
    """readability.csv: one row per article, sorted by id."""
    frame = pd.DataFrame(rows, columns=list(ARTICLE_COLUMNS))
    return frame.sort_values("article_id", kind="mergesort").reset_index(drop=True)


def paragraph_frame(rows: list[dict], config: ReadabilityConfig) -> pd.DataFrame:
    """One row per paragraph with the hardest flagged, sorted by article and position."""
    frame = flag_hardest(pd.DataFrame(rows, columns=list(PARAGRAPH_COLUMNS)), config)
    frame = frame.sort_values(["article_id", "paragraph"], kind="mergesort")
    return frame.reset_index(drop=True)
