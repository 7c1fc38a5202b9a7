"""Readability per article and per paragraph: the standard published formulas on the body text.

Layout: `syllables` (CMU dictionary + rules), `formulas` (one pure function per metric),
`hard_words` (Dale-Chall familiarity, Gunning complex words), `counts` (words, sentences,
counts per sentence), `article` (the per-article step `score_article`, `combine`, `analyse`),
`frames` (column order, metric names), `views` (tables for the report).

What is counted (documented because every score moves with it):
- Text: `Article.text`, the cleaned body (no headline, no boilerplate); the headline is scored
  on its own. URLs and e-mail addresses are not words.
- Words: whitespace tokens (em/en dashes and ellipses also separate) holding a letter or digit.
  Hyphenated words, contractions, abbreviations and figures ("14,000") are one word each, as
  Flesch (1948) instructs.
- Sentences: `newsaudit.text.sentences.split`. A line (paragraph) break always ends a sentence, so
  a section heading without punctuation is a sentence of its own (the text as given, as word
  processors count it); `headings` counts them and the `*_prose` columns give FRE/FKGL without
  them, so a reader sees how much that choice moves the numbers.
- Syllables: the configured backend (default: CMU dictionary, first pronunciation, rule
  fallback); figures count one syllable (tool convention; Flesch asked for the spoken form).
- Polysyllables (SMOG): words of 3+ syllables. Complex words (Gunning Fog): 3+ syllables, not a
  proper noun (capitalised inside a sentence, all capitals, or a sentence-initial word the
  same text capitalises mid-sentence and never writes in lower case), not a hyphenated
  compound, and not three syllables only because of -es/-ed/-ing (Gunning 1952).
- Unfamiliar words (Dale-Chall): not on the ~3000-word list, regular inflections of listed
  words ("-s", "-ed", "-ing", "-er", "-est", possessives) counting as listed, proper names
  and figures counting as familiar (Dale & Chall 1948; Chall & Dale 1995).
- Letters (Coleman-Liau): alphabetic characters of the words. Characters (ARI): letters and
  digits of the words.
Known differences from textstat 0.7.8 (measured in benchmarks/readability_eval.py): textstat
splits sentences at every period and then drops "sentences" of two words or fewer; uses pyphen
hyphenation points for words missing from cmudict; uses 0.058 instead of Coleman & Liau's
0.0588; counts punctuation as ARI characters; treats proper names, figures and inflected forms
as unfamiliar in Dale-Chall; and counts all 3+ syllable words outside the easy-word list as
"complex" in the Fog index. Undefined scores (no words) are NaN here, 0.0 in textstat.
"""

from newsaudit.readability import syllables
from newsaudit.readability.article import ArticleScores, analyse, combine, score_article
from newsaudit.readability.counts import (
    Counts,
    count_sentence,
    count_text,
    count_tokens,
    is_heading,
    names_in,
    score_text,
    scores,
    sentence_words,
    words,
)
from newsaudit.readability.formulas import (
    automated_readability_index,
    coleman_liau_index,
    dale_chall_readability_score,
    flesch_kincaid_grade,
    flesch_reading_ease,
    gunning_fog,
    smog_index,
)
from newsaudit.readability.frames import (
    EASIER_IS_HIGHER,
    METRIC_LABELS,
    METRICS,
    SCORE_COLUMNS,
    ReadabilityResult,
)
from newsaudit.readability.hard_words import complex_word, easy_words, familiar
from newsaudit.readability.views import (
    backend_comparison,
    compare_textstat,
    hardest_paragraphs,
    join_tags,
    method_note,
    ranked,
)

__all__ = [
    "EASIER_IS_HIGHER",
    "METRICS",
    "METRIC_LABELS",
    "SCORE_COLUMNS",
    "ArticleScores",
    "Counts",
    "ReadabilityResult",
    "analyse",
    "automated_readability_index",
    "backend_comparison",
    "coleman_liau_index",
    "combine",
    "compare_textstat",
    "complex_word",
    "count_sentence",
    "count_text",
    "count_tokens",
    "dale_chall_readability_score",
    "easy_words",
    "familiar",
    "flesch_kincaid_grade",
    "flesch_reading_ease",
    "gunning_fog",
    "hardest_paragraphs",
    "is_heading",
    "join_tags",
    "method_note",
    "names_in",
    "ranked",
    "score_article",
    "score_text",
    "scores",
    "sentence_words",
    "smog_index",
    "syllables",
    "words",
]
