"""The seven published readability formulas, one small pure function each (textstat style).

Each takes the counts it needs and returns NaN when the text has no words or no sentences
(textstat returns 0.0, which reads as a real score). Constants are the published ones, cited.
"""

from __future__ import annotations

import math


def ratio(num: float, den: float) -> float:
    """num / den, NaN for an empty denominator."""
    return num / den if den else math.nan


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float:
    """Flesch (1948): 206.835 - 1.015 words/sentence - 84.6 syllables/word."""
    if not words or not sentences:
        return math.nan
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float:
    """Kincaid et al. (1975): 0.39 words/sentence + 11.8 syllables/word - 15.59."""
    if not words or not sentences:
        return math.nan
    return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59


def gunning_fog(words: int, sentences: int, complex_words: int) -> float:
    """Gunning (1952): 0.4 (words/sentence + 100 complex words/words)."""
    if not words or not sentences:
        return math.nan
    return 0.4 * (words / sentences + 100 * complex_words / words)


def smog_index(sentences: int, polysyllables: int) -> float:
    """McLaughlin (1969): 1.0430 sqrt(polysyllables x 30/sentences) + 3.1291."""
    if not sentences:
        return math.nan
    return 1.0430 * math.sqrt(polysyllables * 30 / sentences) + 3.1291


def coleman_liau_index(words: int, sentences: int, letters: int) -> float:
    """Coleman & Liau (1975): 0.0588 L - 0.296 S - 15.8, L and S per 100 words."""
    if not words or not sentences:
        return math.nan
    return 0.0588 * (100 * letters / words) - 0.296 * (100 * sentences / words) - 15.8


def automated_readability_index(words: int, sentences: int, characters: int) -> float:
    """Smith & Senter (1967): 4.71 characters/word + 0.5 words/sentence - 21.43."""
    if not words or not sentences:
        return math.nan
    return 4.71 * (characters / words) + 0.5 * (words / sentences) - 21.43


def dale_chall_readability_score(words: int, sentences: int, unfamiliar: int) -> float:
    """Dale & Chall: 0.1579 % unfamiliar + 0.0496 words/sentence, + 3.6365 if > 5 % unfamiliar."""
    if not words or not sentences:
        return math.nan
    percent = 100 * unfamiliar / words
    return 0.1579 * percent + 0.0496 * (words / sentences) + (3.6365 if percent > 5 else 0.0)
