"""The readability analysis as pure steps: score one article, combine articles into tables."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from newsaudit import runner
from newsaudit.config import ReadabilityConfig
from newsaudit.corpus import Article, Corpus
from newsaudit.readability import frames, syllables
from newsaudit.readability.counts import (
    Counts,
    count_sentences,
    count_text,
    is_heading,
    names_of,
    scores,
    sentence_words,
)
from newsaudit.readability.formulas import flesch_kincaid_grade, flesch_reading_ease, ratio


@dataclass(frozen=True)
class ArticleScores:
    """One article's row of readability.csv and its paragraph rows."""

    row: dict
    paragraphs: list[dict]


def _warnings(counts: Counts, config: ReadabilityConfig) -> str:
    notes = []
    if counts.words < config.min_words:
        notes.append(f"only {counts.words} words (< {config.min_words}): scores are unreliable")
    if counts.words and counts.sentences < config.smog_min_sentences:
        notes.append(
            f"SMOG extrapolated from {counts.sentences} sentences "
            f"(calibrated on {config.smog_min_sentences})"
        )
    return "; ".join(notes)


def _paragraph_row(article_id: str, index: int, span: tuple[int, int], para: str,
                   counts: Counts, heading: bool) -> dict:  # fmt: skip
    return {
        "article_id": article_id,
        "paragraph": index,
        "start": span[0],
        "end": span[1],
        "words": counts.words,
        "sentences": counts.sentences,
        "syllables": counts.syllables,
        **scores(counts),
        "flesch_reading_ease_alt": flesch_reading_ease(
            counts.words, counts.sentences, counts.syllables_alt
        ),
        "is_heading": heading,
        "excerpt": para if len(para) <= 90 else para[:87].rstrip() + "...",
    }


def score_article(article: Article, config: ReadabilityConfig | None = None) -> ArticleScores:
    """Scores of one article body, its paragraphs and its headline (the per-article step)."""
    config = config or ReadabilityConfig()
    total_counts, prose, headings = Counts(), Counts(), 0
    split = [sentence_words(para) for para in article.paragraphs]
    names = names_of([tokens for para in split for tokens in para])
    paragraph_rows = []
    for index, (span, para) in enumerate(
        zip(article.paragraph_spans(), article.paragraphs, strict=True)
    ):
        counts = count_sentences(split[index], config, names)
        total_counts = total_counts + counts
        heading = is_heading(para, config)
        headings += heading
        prose = prose if heading else prose + counts
        paragraph_rows.append(
            _paragraph_row(article.article_id, index, span, para, counts, heading)
        )
    t = total_counts
    head = count_text(article.title, config, names)
    fre_alt = flesch_reading_ease(t.words, t.sentences, t.syllables_alt)
    fkgl_alt = flesch_kincaid_grade(t.words, t.sentences, t.syllables_alt)
    main_scores = scores(t)
    row = {
        "article_id": article.article_id,
        "words": t.words,
        "sentences": t.sentences,
        **main_scores,
        "syllables": t.syllables,
        "polysyllables": t.polysyllables,
        "complex_words": t.complex_words,
        "unfamiliar_words": t.unfamiliar_words,
        "letters": t.letters,
        "characters": t.characters,
        "avg_sentence_length": ratio(t.words, t.sentences),
        "avg_syllables_per_word": ratio(t.syllables, t.words),
        "reading_time_min": t.words / config.words_per_minute,
        "paragraphs": len(article.paragraphs),
        "headings": headings,
        "headline_words": head.words,
        "headline_flesch_reading_ease": flesch_reading_ease(
            head.words, head.sentences, head.syllables
        ),
        "headline_flesch_kincaid_grade": flesch_kincaid_grade(
            head.words, head.sentences, head.syllables
        ),
        "flesch_reading_ease_prose": flesch_reading_ease(
            prose.words, prose.sentences, prose.syllables
        ),
        "flesch_kincaid_grade_prose": flesch_kincaid_grade(
            prose.words, prose.sentences, prose.syllables
        ),
        "syllables_alt": t.syllables_alt,
        "flesch_reading_ease_alt": fre_alt,
        "flesch_kincaid_grade_alt": fkgl_alt,
        "flesch_reading_ease_diff": fre_alt - main_scores["flesch_reading_ease"],
        "flesch_kincaid_grade_diff": fkgl_alt - main_scores["flesch_kincaid_grade"],
        "short_text_warning": t.words < config.min_words,
        "notes": _warnings(t, config),
        "backend": syllables.backend_name(config.syllable_backend),
        "comparison_backend": syllables.backend_name(config.comparison_backend),
    }
    return ArticleScores(row, paragraph_rows)


def combine(
    parts: list[ArticleScores], config: ReadabilityConfig | None = None
) -> frames.ReadabilityResult:
    """The corpus tables from per-article scores (in any order: rows are sorted by id)."""
    config = config or ReadabilityConfig()
    return frames.ReadabilityResult(
        scores=frames.article_frame([p.row for p in parts]),
        paragraphs=frames.paragraph_frame([r for p in parts for r in p.paragraphs], config),
        backend=syllables.backend_name(config.syllable_backend),
        comparison_backend=syllables.backend_name(config.comparison_backend),
    )


def analyse(
    corpus: Corpus, config: ReadabilityConfig | None = None, each: runner.Each = runner.serial
) -> frames.ReadabilityResult:
    """Standard readability scores of every article body, its paragraphs and its headline
    (`score_article` mapped by `each`: serially, or by the pipeline's runner)."""
    config = config or ReadabilityConfig()
    scored = each("readability: score", partial(score_article, config=config), list(corpus))
    return combine(scored, config)
