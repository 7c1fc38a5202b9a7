"""Readability scores per article (first version: textstat 0.7.8 on the cleaned body)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import textstat

from newsaudit.config import ReadabilityConfig
from newsaudit.corpus import Corpus

SCORE_COLUMNS = [
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
]


@dataclass(frozen=True)
class ReadabilityResult:
    """Per-article scores and the syllable backend that produced them."""

    scores: pd.DataFrame
    paragraphs: pd.DataFrame
    backend: str


def analyse(corpus: Corpus, config: ReadabilityConfig | None = None) -> ReadabilityResult:
    """Standard formulas on each article's cleaned body."""
    rows = []
    for a in corpus:
        t = a.text
        rows.append(
            {
                "article_id": a.article_id,
                "words": textstat.lexicon_count(t),
                "sentences": textstat.sentence_count(t),
                "flesch_reading_ease": textstat.flesch_reading_ease(t),
                "flesch_kincaid_grade": textstat.flesch_kincaid_grade(t),
                "gunning_fog": textstat.gunning_fog(t),
                "smog_index": textstat.smog_index(t),
                "coleman_liau_index": textstat.coleman_liau_index(t),
                "automated_readability_index": textstat.automated_readability_index(t),
                "dale_chall_readability_score": textstat.dale_chall_readability_score(t),
            }
        )
    scores = pd.DataFrame(rows, columns=SCORE_COLUMNS)
    return ReadabilityResult(scores, pd.DataFrame(), "pyphen (textstat 0.7.8)")
