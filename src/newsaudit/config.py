"""Paths, thresholds and word lists: every tunable of newsaudit, as data, in one place.

Analyses read their settings from here (or from a copy with overrides built by `with_overrides`),
so a parameter file or a notebook parameter changes behaviour without touching code.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsaudit import lexicon, setting_types

# ---------------------------------------------------------------------------------------------
# Paths (cookiecutter-data-science style: one place that knows where things live)
# ---------------------------------------------------------------------------------------------
PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent.parent  # only meaningful in a source checkout
# The report notebooks: `notebooks/` in a checkout; copied into the package by the wheel build.
NOTEBOOKS_DIR = (
    PACKAGE_DIR / "notebooks"
    if (PACKAGE_DIR / "notebooks").is_dir()
    else PROJECT_DIR / "notebooks"
)
TEMPLATES_DIR = PACKAGE_DIR / "report" / "templates"
SEEDS_DIR = PROJECT_DIR / "seeds"
REPORTS_DIR = PROJECT_DIR / "reports"

ARTICLE_SUFFIX = ".txt"
METADATA_FILE = "metadata.csv"
METADATA_COLUMNS = ("file", "outlet", "published", "url")
PARAM_FILES = ("newsaudit.yaml", "params.yaml")  # a corpus folder's own settings overrides
MONTHS = lexicon.words("months")
WEEKDAYS = lexicon.words("weekdays")
CALENDAR_WORDS = frozenset(MONTHS + WEEKDAYS)  # capitalised, yet never names or counted nouns


# ---------------------------------------------------------------------------------------------
# Corpus cleaning
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CorpusConfig:
    """How articles are read and which web-extraction debris is dropped."""

    # Whole-line patterns (regular expressions, case-insensitive) of page furniture: comment
    # widgets, share bars, credits. A setting because every site has its own furniture: add
    # yours in a parameters file. Defaults: lexicon/en/corpus/boilerplate.txt.
    boilerplate_patterns: tuple[str, ...] = lexicon.words("corpus/boilerplate")
    # A line this short or shorter directly above a credit line is its caption.
    caption_max_words: int = 14
    # A line is a truncated teaser when it is this long (chars) and a later paragraph starts
    # with it while the line itself ends mid-word (no closing punctuation).
    teaser_min_chars: int = 40
    # Largest article file read, in bytes. 2 MiB is ~300,000 words, ten times the longest
    # long-form piece; a bigger .txt is a dump or a concatenated corpus, not one article, and
    # the name and readability passes would take many minutes on it. Raise it via --params.
    max_bytes: int = 2 * 1024 * 1024
    # A first line longer than this (in words) is body text, not a headline: the file has no
    # headline line (headlines run 5-25 words), so the title is left empty with a warning.
    headline_max_words: int = 60
    # False: an unusable article file (empty, binary, too large, unreadable) is skipped with a
    # warning naming it. True (`newsaudit run --strict`): it stops the run with exit code 2.
    strict: bool = False
    # Notes that list ignored files name at most this many of them.
    max_listed_files: int = 10


# ---------------------------------------------------------------------------------------------
# Tagging: outlet, genre, dates, names
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TaggingConfig:
    """Weights and thresholds for genre, outlet and name tagging.

    Genre cue lists are language data (lexicon/en/tagging/: explainer_cues, opinion_markers,
    reporting_verbs), read by newsaudit.tagging. The lists below stay settings, their defaults
    read from lexicon files: outlets and name stop-words depend on the corpus (a user adds the
    outlets and the false names of theirs); the name_* word lists are read by newsaudit.names
    through this config.
    """

    # Outlet names recognised in self-references ("told Al Jazeera") and credit lines.
    known_outlets: tuple[str, ...] = lexicon.words("tagging/outlets")
    # Opinion markers per 100 words, minus reporting verbs per 100 words, above which the
    # article reads as opinion. News articles attribute; opinion pieces prescribe and judge.
    opinion_threshold: float = 0.25
    reporting_weight: float = 0.5
    # Names: a variant joins a group when its folded spelling is within this edit distance
    # of the group's (scaled by length), or is an anagram with the same first and last letter.
    name_min_len: int = 4
    name_max_edit_ratio: float = 0.2
    # Titles split a capitalised run ("UN Secretary-General Antonio Guterres" -> "Antonio
    # Guterres"), unless what follows is an institution ("Foreign Ministry" stays whole).
    name_titles: tuple[str, ...] = lexicon.words("names/titles")
    name_institutions: tuple[str, ...] = lexicon.words("names/institutions")
    # A one-word name is the short form of a multi-word organisation ending in one of these.
    name_org_suffixes: tuple[str, ...] = lexicon.words("names/org_suffixes")
    # First words that make a multi-word name a place or adjective phrase, not a person.
    name_not_given: tuple[str, ...] = lexicon.words("names/not_given")
    # An acronym in parentheses names the long form before it (or vice versa) when at least this
    # share of its distinct letters are initials of the long form: MINUSMA (French word order)
    # shares 5 of 6 letters with "United Nations Multidimensional Integrated Stabilization
    # Mission in Mali"; a credit such as "(AP)" after a person shares at most one.
    name_acronym_min_share: float = 0.6
    # A paragraph this short (words) without closing punctuation and in Title Case is a section
    # heading ("Loss of Confidence in MUNISMA:"); its capitalised words are not names.
    name_heading_max_words: int = 12
    # Sentence-initial words that are not names even when capitalised.
    name_stopwords: tuple[str, ...] = lexicon.words("names/stopwords")


# ---------------------------------------------------------------------------------------------
# Overlap (text reuse)
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class OverlapConfig:
    """Shingling, alignment, verdict and direction settings for text-reuse detection.

    Thresholds were chosen on the synthetic evaluation (benchmarks/overlap_eval.py, results in
    benchmarks/results/overlap_eval.md) and checked on the seeds; see the comments per value.
    """

    # --- candidates (candidates.py) ---------------------------------------------------------
    shingle_size: int = 5  # words per shingle: 5-grams are rare enough to mean reuse
    # A shingle in more than this many articles is a stock phrase ("the united nations said
    # on"), not evidence of reuse between any two of them; dropping it bounds the index cost.
    max_shingle_df: int = 20
    min_shared_shingles: int = 2  # one shared 5-gram happens by chance in same-topic news
    # Index memory and time: articles are shingled in chunks of this many; above
    # `large_corpus_articles` only one shingle in `large_keep_one_in` is kept (chosen by hash,
    # so the same in every article). A 30 %-containment pair of 500-word articles shares ~145
    # 5-grams, ~36 after sampling: far above `min_shared_shingles`.
    index_chunk_articles: int = 2000
    large_corpus_articles: int = 5000
    large_keep_one_in: int = 4
    # Corpora up to this size keep every pair (complete heatmap, paraphrase check on all
    # pairs); larger ones only align the candidate pairs from the shingle index.
    all_pairs_max_articles: int = 200

    # --- verbatim alignment (alignment.verbatim) --------------------------------------------
    seed_size: int = 3  # exact word n-grams that seed a local alignment
    min_passage_words: int = 8  # aligned passages shorter than this are ignored
    max_gap_words: int = 6  # seeds closer than this (in both texts) join one edited passage

    # --- paraphrase alignment (alignment.align_sentences) ------------------------------------
    stem_length: int = 6  # content words are compared on their first letters (light stemming)
    # Sentences are compared by the IDF-weighted Dice of their content stems. A rewrite is a
    # long in-order chain of sentence pairs (local alignment over the similarity matrix): a
    # pair adds (similarity - sentence_min_similarity), a skipped sentence costs the gap
    # penalty. On the seeds and the hand-written rewrites in tests/data/overlap/rewrites, real
    # rewrites reach chains of 6-14 pairs and scores 0.5-2.5; same-topic pairs at most 2 pairs
    # and 0.3, hence the minimums below.
    sentence_min_similarity: float = 0.2
    sentence_gap_penalty: float = 0.05
    min_chain_sentences: int = 4
    min_chain_score: float = 0.4
    max_chains: int = 3  # moved blocks: further chains after masking the first
    sentence_min_words: int = 5  # shorter sentences (datelines, headings) are not aligned
    # A chain must also score this much per sentence of the shorter article (long sentences
    # only): on the hand-written METER-like set (tests/data/overlap/realistic) independent
    # reports of the same event written in news order form chains of 5-8 sentence pairs
    # scoring 0.047-0.072 per sentence; rewrites of their source 0.088-0.26 (seed rewrite:
    # 0.12). The price: the two fully paraphrased, verbatim-free rewrites in
    # tests/data/overlap/rewrites (0.07) fall below it, as they look just like an independent
    # retelling.
    chain_min_score_per_sentence: float = 0.08
    # Reordered rewrites (journalists move, merge and cut the wire's sentences) break chains:
    # sentences are also matched one-to-one in any order on a second similarity in which
    # names and numbers weigh `anchor_weight` (every report of the event shares them) and
    # content-word bigrams `bigram_weight` (a copy keeps word pairs, a retelling does not).
    # Pairs of at least `match_min_similarity` are kept when their summed excess over
    # `match_margin` per sentence of the shorter article reaches `match_min_mass`. Realistic
    # set: rewrites 0.125-0.20, partial copies 0.09-0.17, independent same-event reports at
    # most 0.079; synthetic same-topic pairs at most 0.064.
    anchor_weight: float = 0.3
    bigram_weight: float = 0.5
    match_min_similarity: float = 0.2
    match_margin: float = 0.2
    match_min_mass: float = 0.1
    # Synonym groups folded to their first word before comparing (news reporting vocabulary),
    # and function words, which never make two sentences similar: lexicon/en/overlap/.
    synonyms: tuple[tuple[str, ...], ...] = tuple(
        tuple(line.split()) for line in lexicon.words("overlap/synonyms")
    )
    stopwords: tuple[str, ...] = lexicon.words("overlap/stopwords")

    # --- quotes ---------------------------------------------------------------------------------
    min_quote_words: int = 4  # shorter quoted text is a term or a title, not a quotation
    # A passage counts as a shared quote when this share of it lies inside quotation marks in
    # both articles: reuse of what a speaker said, not of the article.
    quote_passage_share: float = 0.6

    # --- verdicts ---------------------------------------------------------------------------
    # Article-level verdicts (article_reuse.csv) and each pair's `learned_verdict` come from a
    # small learned model (overlap/verdict_model.json, trained on METER by
    # benchmarks/train_verdict.py; scores in benchmarks/results/meter_eval.md). The pair
    # verdict keeps the containment rule below, which the seeds and the project's synthetic
    # and hand-written sets were tuned on: the METER model reads paraphrased rewrites (the
    # seed 000 of 001) as partial, since METER's wholly derived texts share most words.
    # The verdict is the share of the copy found in its source (the shorter article when the
    # direction is unknown), shared quotes and unmatched headings left out. On the synthetic
    # development split (benchmarks/results/overlap_eval.md) that share is 0.72-1.00 for
    # derived copies (0.62 for the real seed rewrite 000/001), 0.14-0.46 for partial copies,
    # and the pair score of independent pairs never exceeds 0.10 (same topic: 0.05). The cuts
    # sit in the gaps: 0.5 between partial and derived, 0.12 between independent and partial.
    derived_min_score: float = 0.5
    partial_min_score: float = 0.12
    # A pair is reported (at scale) only when its score reaches this.
    report_min_score: float = 0.02
    # Article-level reuse (article_reuse.csv) weighs an article against at most this many of
    # its possible sources, best pairs first: METER stories have 1-5 PA takes; the cap bounds
    # the cost of an article that shares stock text with hundreds of others in a large corpus.
    article_max_sources: int = 20

    # --- direction (which article is the source) ---------------------------------------------
    # Dates and credits naming the partner decide alone; the other clues are weighed by the
    # learned model in overlap/direction_model.json (its own cut for stating a direction).
    # The compilation clue: one article also draws on a third its partner doesn't, where
    # "draws on" means a pair score of at least this (a shared sentence or more, not a shared
    # organisation name such as the UN mission's full title).
    compilation_min_score: float = 0.06
    # ...and the two borrowed parts must make up this share of the compiling article: a wire
    # story that two papers each took different parts from (the METER situation) keeps text
    # neither took, while a compilation is made almost wholly of its sources. In the synthetic
    # development split the clue's candidates cover 0.2-1.0 (median 0.93); requiring 0.8
    # states two more directions there (69 of 79 pairs, none wrong, was 67).
    compilation_min_coverage: float = 0.8
    length_min_ratio: float = 1.1  # length differences under 10 % say nothing
    # Containment one way (the copy found in its source more than the source in the copy):
    # differences under 2 points are rounding and boilerplate, not condensing.
    contained_min_difference: float = 0.02
    # Credit lines ("Courtesy: X"), in-text attributions ("according to X") and how an outlet
    # names itself ("told X"): regexes whose group 1 is a name, in lexicon/en/overlap/.
    credit_patterns: tuple[str, ...] = lexicon.words("overlap/credit_patterns")
    attribution_patterns: tuple[str, ...] = lexicon.words("overlap/attribution_patterns")
    self_reference_patterns: tuple[str, ...] = lexicon.words("overlap/self_reference_patterns")


# ---------------------------------------------------------------------------------------------
# Events (which articles tell the same story; figures are compared only within one)
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class EventsConfig:
    """How articles are grouped into events before their figures are compared."""

    # Up to this many articles a corpus is one event: a folder handed to newsaudit is about one
    # story (the brief's 5-article seeds, BASIL's triplets); grouping only pays off for archives.
    single_event_max: int = 30
    # Names an article is keyed by: its most telling capitalised words (tf x idf). Six keep
    # enough of a story's cast and places while 15 pairs of them stay cheap to index.
    key_terms: int = 6
    # A name written by more than this share of the corpus (and more than `max_df_min` articles)
    # says nothing about the event ("Washington", "President"); one story can fill a tenth of
    # an archive, so the share stays well above that.
    max_df_share: float = 0.2
    max_df_min: int = 50
    # Two articles join when they share two of their key names (one shared rare name happens by
    # chance across stories; two rarely do) and were published within this many days.
    date_window_days: int = 7
    # Overlap pairs with at least this score join their articles' events (reuse = same story).
    overlap_min_score: float = 0.3
    # Names in an event's label in events.csv.
    label_terms: int = 3


# ---------------------------------------------------------------------------------------------
# Figures (numbers and their consistency)
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FiguresConfig:
    """How numbers are read, how qualifiers become bounds and when two figures are one measure."""

    # Word lists, units and patterns are data: lexicon/en/figures/*.txt|yaml, loaded by
    # newsaudit.figures.words. The settings below are thresholds, each with its reason.

    # "about 170" = 170 ± 10 %: wire-service style rounds to 2 significant figures, so ±10 %
    # covers the rounding of any two-digit value and the usual spread between outlets.
    approx_tolerance: float = 0.10
    # "nearly 300" = [270, 300]: "nearly/almost" is used for shortfalls up to about a tenth.
    nearly_tolerance: float = 0.10
    # Round numbers are taken as exact (0.0): a fact-checker wants 14,000 vs 13,000 flagged.
    round_tolerance: float = 0.0
    # A yearless date ("March 3") is the last such date on or before publication (news reports
    # what happened) unless it falls within this many days after it: articles announce
    # scheduled events days or weeks ahead ("Netanyahu speaks to Congress on March 3"), while a
    # date months ahead with no "will"/"next" in its sentence is usually last year's.
    yearless_ahead_days: int = 60
    # Two dates of one event told two ways are a slip of a day or a year ("1970" / "1971");
    # dates further apart name two events (the 2016 and the 2020 elections), never one event
    # misdated: only dates this many years apart at most meet as one measure.
    date_slip_years: float = 1.0
    # A place named in at least this share of the articles is the story's setting, not part of
    # a measure ("troops in Mali" and "troops" are the same measure when every article is Mali).
    setting_share: float = 0.8
    # Tokens searched for a count's event: after its noun phrase ("300 peacekeepers have also
    # been killed": 4) and before the number ("killing 500 civilians", "execution of 500": 2),
    # within its clause. Short on purpose: a farther verb usually belongs to another clause.
    event_window: int = 5
    event_left_window: int = 3
    # Tokens searched for the event a date or duration belongs to: dates attach tightly.
    date_event_window: int = 6
    # Verdict tolerance when comparing bounds (floating point only).
    epsilon: float = 1e-9
    # Figures of unknown measure are compared by unit and context only ("count|by context"):
    # when more articles of one event than this give such a figure, the shared unit says
    # nothing about a shared measure (like a shingle found in too many articles), and comparing
    # every pair of those articles grows with the square of the event. Triplets, the seeds and
    # small stories stay far below it; at 10,000 synthetic articles an event of 585 articles
    # made figures 5x slower.
    loose_max_articles: int = 20
    # An event with more articles than this giving one measure (an archive's running story:
    # thousands of articles) compares each article with the articles nearest to it in
    # publication order (half before, half after) instead of with all of them: the cost and the
    # memory stay linear in articles (every pair of 5,000 articles ran a 24 GiB machine out of
    # memory), and a figure is checked against what was written around the same time.
    compare_max_articles: int = 50


# ---------------------------------------------------------------------------------------------
# Readability
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReadabilityConfig:
    """Readability settings: warnings, reading speed, hard-paragraph flags, splitter word lists.

    The formula constants are not here on purpose: they are the published ones (Flesch 1948,
    Kincaid et al. 1975, Gunning 1952, McLaughlin 1969, Coleman & Liau 1975, Smith & Senter 1967,
    Dale & Chall 1948/1995) and live as literals in readability/formulas.py next to their citation.
    """

    # Below this many words a score is shown with a warning (Flesch used 100-word samples).
    min_words: int = 100
    # Syllable backend of the headline numbers, and the one they are compared with (see
    # syllables.BACKENDS): the dictionary is right for known words, the rules show the spread.
    syllable_backend: str = "cmudict"
    comparison_backend: str = "rules"
    smog_min_sentences: int = 30  # McLaughlin's SMOG is calibrated on 30-sentence samples
    words_per_minute: float = 238.0  # Brysbaert (2019) mean silent reading rate for non-fiction
    # Paragraphs shorter than this are scored but never flagged "hardest": one long sentence
    # of 12 words says little about a paragraph's difficulty.
    paragraph_min_words: int = 15
    # Share of an article's eligible paragraphs flagged as its hardest (at least one): the top
    # fifth by Flesch-Kincaid grade, so a reader sees where to start editing.
    hardest_share: float = 0.2
    # A paragraph this short (words) with no sentence-final punctuation is a section heading.
    heading_max_words: int = 12
    # Word lists are language data in lexicon/en/: readability/dale_chall (the ~3000 familiar
    # words, Chall & Dale 1995), readability/inflections, abbreviations/ (sentence splitting).


# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReportConfig:
    """Report rendering settings."""

    # Seconds a notebook cell may wait for its output messages. nbclient's default (4 s) timed
    # out on 2 of 225 METER stories built two at a time with both cores busy (CellTimeoutError
    # "Timeout waiting for IOPub output"); a minute never comes near on a working kernel.
    iopub_timeout: float = 60.0

    notebooks: tuple[str, ...] = (
        "01_overview.ipynb",
        "02_overlap.ipynb",
        "03_figures.ipynb",
        "04_readability.ipynb",
        "05_appendix.ipynb",
    )
    kernel_name: str = "python3"
    figure_dpi: int = 150
    max_table_rows: int = 60  # longer tables are truncated in the report with a note
    # Longer tables fold (<details>) in the HTML: a screen of rows reads; more is reference.
    fold_table_rows: int = 15
    # Findings on the first screen: more sentences push the evidence out of view.
    max_findings: int = 8
    # Claim cards shown, largest disagreement first: each card is a screen of sentences, and an
    # archive can disagree on thousands of quantities (the CSVs list every one).
    max_claim_cards: int = 25
    # Statements (and values) shown on one claim card: the disagreeing pair first, then one
    # article per other value; six fill a screen side by side, and one measure of an archive
    # can be stated by thousands of articles (figure_checks.csv lists every one).
    max_card_statements: int = 6
    # A claim card's likely reason: a gap within 10 % is the size of rounding ("about 14,000"
    # vs "13,000"); a running count rarely doubles between two days' articles, so beyond 50 %
    # the articles likely count different things.
    rounding_gap: float = 0.10
    moved_gap: float = 0.5
    chromium_candidates: tuple[str, ...] = (
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    )
    pdf_timeout_s: float = 120.0


@dataclass(frozen=True)
class Settings:
    """All settings of one run; `with_overrides` builds a copy from a parameters mapping."""

    corpus: CorpusConfig = field(default_factory=CorpusConfig)
    tagging: TaggingConfig = field(default_factory=TaggingConfig)
    overlap: OverlapConfig = field(default_factory=OverlapConfig)
    figures: FiguresConfig = field(default_factory=FiguresConfig)
    events: EventsConfig = field(default_factory=EventsConfig)
    readability: ReadabilityConfig = field(default_factory=ReadabilityConfig)
    report: ReportConfig = field(default_factory=ReportConfig)

    def with_overrides(self, params: dict[str, Any] | None) -> Settings:
        """A copy with `{"overlap": {"shingle_size": 4}, ...}` applied.

        Unknown sections or settings and values of the wrong type raise SettingTypeError /
        ValueError with one line naming the setting ("overlap.min_passage_words must be an
        integer, got 'ten'"); lists become tuples.
        """
        if not params:
            return self
        changes: dict[str, Any] = {}
        for section, values in params.items():
            current = getattr(self, section, None)
            if current is None or not dataclasses.is_dataclass(current):
                raise ValueError(f"unknown settings section {section!r}")
            if not isinstance(values, dict):
                raise ValueError(f"settings section {section!r} must be a mapping")
            names = {f.name for f in dataclasses.fields(current)}
            unknown = sorted(set(values) - names)
            if unknown:
                raise ValueError(f"unknown setting(s) in {section!r}: {', '.join(unknown)}")
            hints = setting_types.hints(type(current))
            fixed = {
                k: setting_types.typed(v, hints[k], f"{section}.{k}") for k, v in values.items()
            }
            for key, value in fixed.items():
                if key.endswith("_patterns"):
                    setting_types.check_patterns(value, f"{section}.{key}")
            changes[section] = dataclasses.replace(current, **fixed)
        return dataclasses.replace(self, **changes)

    def as_dict(self) -> dict[str, Any]:
        """Plain mapping of every setting, for manifests and cache keys."""
        return dataclasses.asdict(self)


DEFAULT = Settings()
