"""Readability per article and per paragraph: the standard published formulas on the body text.

What is counted (documented because every score moves with it):
- Text: `Article.text`, the cleaned body (no headline, no boilerplate); the headline is scored
  on its own. URLs and e-mail addresses are not words.
- Words: whitespace tokens (em/en dashes and ellipses also separate) holding a letter or digit.
  Hyphenated words, contractions, abbreviations and figures ("14,000") are one word each, as
  Flesch (1948) instructs.
- Sentences: `newsaudit.sentences.split`. A line (paragraph) break always ends a sentence, so
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

from __future__ import annotations

import math
import re
from dataclasses import dataclass, fields
from functools import cache, lru_cache

import pandas as pd

from newsaudit import syllables
from newsaudit.config import PACKAGE_DIR, ReadabilityConfig
from newsaudit.corpus import Corpus
from newsaudit.text import sentences as sentence_splitter

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

_WORD = re.compile(r"[^\s—–…]*[^\W_][^\s—–…]*")  # a token holding a letter or digit
_GLUED = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
_URL = re.compile(r"^[(\[<\"'“‘]*(?:[a-z][a-z0-9+.-]*://|www\.)|^[^@\s]+@[^@\s]+\.[a-z]{2,}", re.I)
_EDGE = re.compile(r"^[^0-9A-Za-z]+|[^0-9A-Za-z]+$")
_TERMINAL = ".!?…"
_CLOSERS = "\"'”’»)]"


# ---------------------------------------------------------------------------------------------
# Formulas (pure; the published constants, each with its source)
# ---------------------------------------------------------------------------------------------
def _ratio(num: float, den: float) -> float:
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


# ---------------------------------------------------------------------------------------------
# Counting
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Counts:
    """Everything the formulas need, for one span of text; counts add up across spans."""

    words: int = 0
    sentences: int = 0
    syllables: int = 0
    syllables_alt: int = 0  # the comparison backend's syllables
    polysyllables: int = 0
    complex_words: int = 0
    unfamiliar_words: int = 0
    letters: int = 0
    characters: int = 0

    def values(self) -> tuple[int, ...]:
        """The counts in field order (cheaper than dataclasses.astuple)."""
        return tuple(getattr(self, name) for name in _COUNT_FIELDS)

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(self.values(), other.values(), strict=True)))


_COUNT_FIELDS = tuple(f.name for f in fields(Counts))


def scores(counts: Counts) -> dict[str, float]:
    """The seven standard scores of one set of counts (NaN when there are no words)."""
    c = counts
    return {
        "flesch_reading_ease": flesch_reading_ease(c.words, c.sentences, c.syllables),
        "flesch_kincaid_grade": flesch_kincaid_grade(c.words, c.sentences, c.syllables),
        "gunning_fog": gunning_fog(c.words, c.sentences, c.complex_words),
        "smog_index": smog_index(c.sentences, c.polysyllables) if c.words else math.nan,
        "coleman_liau_index": coleman_liau_index(c.words, c.sentences, c.letters),
        "automated_readability_index": automated_readability_index(
            c.words, c.sentences, c.characters
        ),
        "dale_chall_readability_score": dale_chall_readability_score(
            c.words, c.sentences, c.unfamiliar_words
        ),
    }


def words(text: str) -> list[str]:
    """The word tokens of `text`: holding a letter or digit, URLs and e-mails excluded.

    Two sentences glued by lost whitespace ("ended.The") are two words, as the splitter sees it.
    """
    out = []
    for tok in _WORD.findall(text):
        if "." in tok or "@" in tok or "?" in tok or "!" in tok:
            if _URL.match(tok):
                continue
            if _GLUED.search(tok):
                out.extend(_GLUED.split(tok))
                continue
        out.append(tok)
    return out


@cache
def easy_words(file_name: str = ReadabilityConfig.dale_chall_file) -> frozenset[str]:
    """The Dale-Chall familiar words (lower case) from the package data file."""
    path = PACKAGE_DIR / "data" / file_name
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def _stems(word: str, suffixes: tuple[str, ...]) -> list[str]:
    """Candidate base forms of an inflected word ("cities"->"city", "hoped"->"hope")."""
    out = []
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)]
            out.append(stem)
            if suffix.startswith("i") and suffix != "ing":
                out.append(stem + "y")
            if suffix in ("ing", "ed", "er", "est"):
                out.append(stem + "e")
                if len(stem) > 2 and stem[-1] == stem[-2]:
                    out.append(stem[:-1])
    return out


@lru_cache(maxsize=100_000)
def _familiar_lower(word: str, file_name: str, suffixes: tuple[str, ...]) -> bool:
    easy = easy_words(file_name)
    if word in easy or word + "." in easy:  # the list spells "mr." and "mrs." with the dot
        return True
    if "-" in word:
        parts = [p for p in word.split("-") if p]
        return bool(parts) and all(_familiar_lower(p, file_name, suffixes) for p in parts)
    forms = [word, *_stems(word, suffixes)]
    # The list is American: "neighbouring" is an inflection of the listed "neighbor".
    forms += [re.sub(r"tre$", "ter", f.replace("our", "or")) for f in forms]
    return any(form in easy for form in forms)


def _is_name(core: str, initial: bool) -> bool:
    """A proper noun: capitalised inside a sentence, or an all-capitals acronym anywhere."""
    if len(core) > 1 and core.isupper() and core.isalpha():
        return True
    return not initial and core[:1].isupper()


def _unfamiliar(token: str, initial: bool, dale_file: str, suffixes: tuple[str, ...]) -> bool:
    core = _EDGE.sub("", token.replace("’", "'"))
    if not any(ch.isalpha() for ch in core) or _is_name(core, initial):
        return False
    return not _familiar_lower(core.lower(), dale_file, suffixes)


def familiar(token: str, initial: bool, config: ReadabilityConfig) -> bool:
    """Dale-Chall familiarity: listed word or regular inflection, proper name, or figure."""
    return not _unfamiliar(token, initial, config.dale_chall_file, config.dale_chall_suffixes)


def complex_word(token: str, initial: bool, syllable_count: int, backend: str) -> bool:
    """Gunning's hard word: 3+ syllables, no proper noun, compound, or -es/-ed/-ing third."""
    if syllable_count < 3:
        return False
    core = _EDGE.sub("", token.replace("’", "'"))
    if _is_name(core, initial) or "-" in core:
        return False
    lower = core.lower()
    for suffix in ("es", "ed", "ing"):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            stem = lower[: -len(suffix)]
            candidates = [stem, stem + "e"] if suffix == "ing" else [stem, lower[:-1]]
            known = [c for c in candidates if c in syllables.cmu_table()]
            base = syllables.count(known[0] if known else candidates[0], backend)
            if base < 3:
                return False
    return True


@lru_cache(maxsize=200_000)
def _token_counts(
    token: str, initial: bool, main: str, alt: str, dale_file: str, suffixes: tuple[str, ...]
) -> tuple[int, int, int, int, int, int, int]:
    """(syllables, alt syllables, polysyllable, complex, unfamiliar, letters, characters)."""
    syl = syllables.count(token, main)
    unfamiliar = _unfamiliar(token, initial, dale_file, suffixes)
    return (
        syl,
        syllables.count(token, alt),
        int(syl >= 3),
        int(complex_word(token, initial, syl, main)),
        int(unfamiliar),
        sum(ch.isalpha() for ch in token),
        sum(ch.isalnum() for ch in token),
    )


@lru_cache(maxsize=200_000)
def _core(token: str) -> str:
    """A token without edge punctuation, typographic apostrophes made plain."""
    return _EDGE.sub("", token.replace("’", "'"))


def sentence_words(text: str, config: ReadabilityConfig | None = None) -> list[list[str]]:
    """The word tokens of each sentence of `text`."""
    return [words(text[left:right]) for left, right in sentence_splitter.split(text, config)]


def _names(sentences: list[list[str]]) -> frozenset[str]:
    capitalised: set[str] = set()
    lower: set[str] = set()
    for tokens in sentences:
        for i, tok in enumerate(tokens):
            core = _core(tok)
            if core[:1].isupper():
                if i > 0:
                    capitalised.add(core)
            elif core[:1].islower():
                lower.add(core)
    return frozenset(c for c in capitalised if c.lower() not in lower)


def names_in(text: str, config: ReadabilityConfig | None = None) -> frozenset[str]:
    """Words the text shows to be names: capitalised inside a sentence and never lower-case.

    Lets a sentence-initial "Malians" count as the name it is elsewhere in the same article.
    """
    return _names(sentence_words(text, config))


def count_tokens(
    tokens: list[str], config: ReadabilityConfig, names: frozenset[str] = frozenset()
) -> Counts:
    """Counts of one sentence's tokens; the first is sentence-initial unless it is in `names`."""
    if not tokens:
        return Counts()
    args = (
        config.syllable_backend,
        config.comparison_backend,
        config.dale_chall_file,
        config.dale_chall_suffixes,
    )
    first_is_name = bool(names) and _core(tokens[0]) in names
    per_token = [
        _token_counts(tok, i == 0 and not first_is_name, *args) for i, tok in enumerate(tokens)
    ]
    sums = [sum(column) for column in zip(*per_token, strict=True)]
    return Counts(len(tokens), 1, *sums)


def count_sentence(
    text: str, config: ReadabilityConfig, names: frozenset[str] = frozenset()
) -> Counts:
    """Counts of one sentence; its first word is sentence-initial unless it is in `names`."""
    return count_tokens(words(text), config, names)


def _sum(counts: list[Counts]) -> Counts:
    return Counts(*(sum(column) for column in zip(*(c.values() for c in counts), strict=True)))


def count_text(
    text: str, config: ReadabilityConfig | None = None, names: frozenset[str] | None = None
) -> Counts:
    """Counts of a whole text, sentence by sentence (names found in the text itself if None)."""
    config = config or ReadabilityConfig()
    sentences = sentence_words(text, config)
    names = _names(sentences) if names is None else names
    return _sum([count_tokens(tokens, config, names) for tokens in sentences])


def score_text(text: str, config: ReadabilityConfig | None = None) -> dict[str, float]:
    """Counts and scores of any text as given (what the article table holds, for one text)."""
    counts = count_text(text, config)
    return {**{f.name: getattr(counts, f.name) for f in fields(counts)}, **scores(counts)}


def is_heading(paragraph: str, config: ReadabilityConfig) -> bool:
    """A short line without sentence-final punctuation: a section heading or a credit."""
    end = paragraph.rstrip().rstrip(_CLOSERS)
    return (
        bool(end)
        and end[-1] not in _TERMINAL
        and len(words(paragraph)) <= config.heading_max_words
    )


# ---------------------------------------------------------------------------------------------
# Analysis
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReadabilityResult:
    """Scores per article and per paragraph, and the syllable backends used."""

    scores: pd.DataFrame  # one row per article, SCORE_COLUMNS first
    paragraphs: pd.DataFrame  # one row per paragraph, "hardest" flags the hardest
    backend: str  # syllable backend of the headline numbers
    comparison_backend: str  # backend of the *_alt columns


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


def _flag_hardest(frame: pd.DataFrame, config: ReadabilityConfig) -> pd.DataFrame:
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


def analyse(corpus: Corpus, config: ReadabilityConfig | None = None) -> ReadabilityResult:
    """Standard readability scores of every article body, its paragraphs and its headline."""
    config = config or ReadabilityConfig()
    main = syllables.backend_name(config.syllable_backend)
    alt = syllables.backend_name(config.comparison_backend)
    article_rows, paragraph_rows = [], []
    for article in corpus:
        total, prose, headings = Counts(), Counts(), 0
        split = [sentence_words(para, config) for para in article.paragraphs]
        names = _names([tokens for para in split for tokens in para])
        for index, ((start, end), para) in enumerate(
            zip(article.paragraph_spans(), article.paragraphs, strict=True)
        ):
            counts = _sum([count_tokens(tokens, config, names) for tokens in split[index]])
            total = total + counts
            heading = is_heading(para, config)
            headings += heading
            prose = prose if heading else prose + counts
            paragraph_rows.append(
                {
                    "article_id": article.article_id,
                    "paragraph": index,
                    "start": start,
                    "end": end,
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
            )
        head = count_text(article.title, config, names)
        fre_alt = flesch_reading_ease(total.words, total.sentences, total.syllables_alt)
        fkgl_alt = flesch_kincaid_grade(total.words, total.sentences, total.syllables_alt)
        main_scores = scores(total)
        article_rows.append(
            {
                "article_id": article.article_id,
                "words": total.words,
                "sentences": total.sentences,
                **main_scores,
                "syllables": total.syllables,
                "polysyllables": total.polysyllables,
                "complex_words": total.complex_words,
                "unfamiliar_words": total.unfamiliar_words,
                "letters": total.letters,
                "characters": total.characters,
                "avg_sentence_length": _ratio(total.words, total.sentences),
                "avg_syllables_per_word": _ratio(total.syllables, total.words),
                "reading_time_min": total.words / config.words_per_minute,
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
                "syllables_alt": total.syllables_alt,
                "flesch_reading_ease_alt": fre_alt,
                "flesch_kincaid_grade_alt": fkgl_alt,
                "flesch_reading_ease_diff": fre_alt - main_scores["flesch_reading_ease"],
                "flesch_kincaid_grade_diff": fkgl_alt - main_scores["flesch_kincaid_grade"],
                "short_text_warning": total.words < config.min_words,
                "notes": _warnings(total, config),
                "backend": main,
                "comparison_backend": alt,
            }
        )
    score_frame = pd.DataFrame(article_rows, columns=_article_columns())
    score_frame = score_frame.sort_values("article_id", kind="mergesort").reset_index(drop=True)
    para_frame = pd.DataFrame(paragraph_rows, columns=_paragraph_columns())
    para_frame = _flag_hardest(para_frame, config)
    para_frame = para_frame.sort_values(["article_id", "paragraph"], kind="mergesort")
    return ReadabilityResult(
        scores=score_frame,
        paragraphs=para_frame.reset_index(drop=True),
        backend=main,
        comparison_backend=alt,
    )


def _article_columns() -> list[str]:
    return [
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
    ]


def _paragraph_columns() -> list[str]:
    return [
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
    ]


# ---------------------------------------------------------------------------------------------
# Views for the report
# ---------------------------------------------------------------------------------------------
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
