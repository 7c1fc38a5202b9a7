"""Paths, thresholds and word lists: every tunable of newsaudit, as data, in one place.

Analyses read their settings from here (or from a copy with overrides built by `with_overrides`),
so a parameter file or a notebook parameter changes behaviour without touching code.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsaudit import lexicon

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

    # Whole-line patterns (case-insensitive, matched against the stripped line) that are page
    # furniture, not article text. Kept generic: comment widgets, share bars, credits, tag lists.
    boilerplate_patterns: tuple[str, ...] = (
        r"(image|photo|picture|video|featured image)\s*(credit|source|courtesy)s?\s*[:\-].*",
        r"(post|leave|add|write) a (comment|reply)\.?",
        r"\d+\s+comments?",
        r"no comments?( yet)?\.?",
        r"your email address will not be published\.?.*",
        r"required fields are marked.*",
        r"tags?\s*:.*",
        r"categor(y|ies)\s*:.*",
        r"filed under\s*:?.*",
        r"scroll to top",
        r"back to top",
        r"related( (posts|articles|stories|news))?\s*:?",
        r"(read|see) (more|also)\s*:?.*",
        r"share (this|on)\b.*",
        r"(share|tweet|email|print|whatsapp|facebook|twitter|linkedin|pinterest|telegram)"
        r"(\s*[|/·•,]\s*(share|tweet|email|print|whatsapp|facebook|twitter|linkedin|pinterest"
        r"|telegram))*",
        r"advertisement",
        r"sponsored( content)?",
        r"click here\b.*",
        r"subscribe\b.*",
        r"sign up\b.*newsletter.*",
        r"all rights reserved\.?.*",
        r"(©|\(c\)|copyright)\s.*",
        r"loading\.*",
        r"skip to (main )?content",
        r"cookie(s)? (policy|settings).*",
        r"follow us\b.*",
    )
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
    """Cue words and weights for genre, outlet and name tagging."""

    # Outlet names recognised in self-references ("told Al Jazeera") and credit lines.
    known_outlets: tuple[str, ...] = (
        "Al Jazeera",
        "Reuters",
        "Associated Press",
        "AP",
        "AFP",
        "Agence France-Presse",
        "BBC",
        "CNN",
        "The Guardian",
        "The New York Times",
        "The Washington Post",
        "Bloomberg",
        "France 24",
        "RFI",
        "Deutsche Welle",
        "DW",
        "Le Monde",
        "Anadolu Agency",
        "Xinhua",
        "TASS",
        "NPR",
        "Voice of America",
        "VOA",
        "Sky News",
        "The Independent",
        "The Telegraph",
        "Financial Times",
        "Euronews",
    )
    # Headline or lead cues that mark an explainer.
    explainer_patterns: tuple[str, ...] = (
        r"^\s*(explained|explainer|analysis|q\s*&\s*a|fact ?check)\b",
        r"\b(here'?s|here is) (a |an )?(breakdown|what|why|how|everything|look)\b",
        r"\bwhat (you need|to know)\b",
        r"^\s*(why|what|how|who|when) (is|are|did|does|do|was|were|has|have|will)\b.*\?\s*$",
        r"\bkey (facts|questions)\b",
    )
    # Opinion markers: evaluative and prescriptive language, first and second person.
    opinion_markers: tuple[str, ...] = (
        r"\bshould\b",
        r"\bought to\b",
        r"\bI (think|believe|argue)\b",
        r"\bin my (view|opinion)\b",
        r"\bwe (must|should|need)\b",
        r"\byou (can|should|must|may)\b",
        r"\bit is (important|clear|dangerous|worth|time)\b",
        r"\bworth(y of)? a\b",
        r"\bcannot be (overlooked|ignored|denied)\b",
        r"\b(highly|deeply|utterly|truly) (ineffective|flawed|wrong|misguided)\b",
        r"\bmay (partially )?be right\b",
        r"\bop-?ed\b",
        r"\bcommentary\b",
        r"\bopinion\b",
    )
    # Reporting verbs: attribution is the signature of news writing.
    reporting_verbs: tuple[str, ...] = (
        r"\b(said|says|told|stated|added|according to|announced|reported|accused|accusing"
        r"|emphasi[sz]ed|insisted|acknowledged|highlighted|claimed|claiming|confirmed|denied)\b",
    )
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
    name_titles: tuple[str, ...] = (
        "Secretary-General",
        "Secretary",
        "General",
        "Minister",
        "Prime",
        "President",
        "Foreign",
        "Defence",
        "Defense",
        "Interior",
        "Transitional",
        "Interim",
        "Head",
        "Chief",
        "Spokesman",
        "Spokeswoman",
        "Spokesperson",
        "Ambassador",
        "Envoy",
        "Colonel",
        "Col",
        "Gen",
        "Lt",
        "Captain",
        "Commander",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Sir",
        "King",
        "Queen",
        "Prince",
        "Senator",
        "Governor",
        "Mayor",
        "Judge",
        "Special",
        "Representative",
    )
    name_institutions: tuple[str, ...] = (
        "Ministry",
        "Council",
        "Office",
        "Department",
        "Assembly",
        "Government",
        "Army",
        "Forces",
        "Court",
        "Party",
        "Service",
        "Services",
        "Committee",
        "Commission",
    )
    # A one-word name is the short form of a multi-word organisation ending in one of these
    # ("Wagner" -> "Wagner Group").
    name_org_suffixes: tuple[str, ...] = (
        "Group",
        "Party",
        "Company",
        "Corporation",
        "Organisation",
        "Organization",
        "Movement",
        "Front",
        "Alliance",
        "Coalition",
        "Network",
        "Brigade",
        "Agency",
        "Foundation",
    )
    # First words that make a multi-word name a place or adjective phrase, not a person, so its
    # last word is not a surname ("Northern Mali" does not make "Mali" a surname).
    name_not_given: tuple[str, ...] = (
        "North",
        "South",
        "East",
        "West",
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "Central",
        "Upper",
        "Lower",
        "Greater",
        "New",
        "Old",
        "United",
        "Republic",
        "Democratic",
        "Saint",
        "St",
        "Lake",
        "Mount",
        "Cape",
        "Port",
        "Fort",
        "Sub-Saharan",
        "Middle",
        "Far",
        "Near",
    )
    # An acronym in parentheses names the long form before it (or vice versa) when at least this
    # share of its distinct letters are initials of the long form: MINUSMA (French word order)
    # shares 5 of 6 letters with "United Nations Multidimensional Integrated Stabilization
    # Mission in Mali"; a credit such as "(AP)" after a person shares at most one.
    name_acronym_min_share: float = 0.6
    # A paragraph this short (words) without closing punctuation and in Title Case is a section
    # heading ("Loss of Confidence in MUNISMA:"); its capitalised words are not names.
    name_heading_max_words: int = 12
    # Sentence-initial words that are not names even when capitalised.
    name_stopwords: tuple[str, ...] = (
        "The",
        "A",
        "An",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "Its",
        "In",
        "On",
        "At",
        "Of",
        "For",
        "With",
        "By",
        "As",
        "But",
        "And",
        "Or",
        "If",
        "While",
        "Since",
        "After",
        "Before",
        "Despite",
        "However",
        "Although",
        "Furthermore",
        "Additionally",
        "Previously",
        "Overall",
        "Outside",
        "Instead",
        "Initially",
        "Several",
        "Thousands",
        "Many",
        "Some",
        "More",
        "Most",
        "They",
        "He",
        "She",
        "We",
        "I",
        "You",
        "Our",
        "Their",
        "His",
        "Her",
        "Here",
        "There",
        "What",
        "Why",
        "How",
        "When",
        "Who",
        "Such",
        "Without",
        "Failure",
        "Tensions",
        "Peace",
        "Calls",
        "Loss",
        "Friction",
        "Growing",
        "Ineffectiveness",
        "Believing",
        "To",
        "Transitional",
        "Foreign",
        "Minister",
        "Prime",
        "President",
        "Head",
        "Everyone",
        "Malians",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Image",
        "Post",
        "Leave",
        "Tags",
        "Related",
        "Scroll",
        "Top",
        "Difficulty",
        "Over",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Monday",
        "Tuesday",
        "Wednesday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Courtesy",
        "Comments",
        "Reply",
        "Explained",
        # Sentence-opening adverbs and time words.
        "Later",
        "Earlier",
        "Meanwhile",
        "Today",
        "Yesterday",
        "Tomorrow",
        "Now",
        "Then",
        "Also",
        "Still",
        "Last",
        "Next",
        "Recently",
        "Currently",
        "Yet",
        "So",
        "Thus",
        "Nevertheless",
        "Moreover",
        "Indeed",
        "Finally",
        "Meantime",
    )


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

    # --- direction (which article is the source) ---------------------------------------------
    # Votes for the source; a direction is stated when the margin reaches `direction_min_margin`.
    vote_published: float = 3.0  # metadata dates: the earlier article is the source
    vote_credit_match: float = 3.0  # copy credits an outlet the other article speaks as
    # Copy carries a credit line ("Courtesy: X") and the other article's outlet is unknown
    # (when it is known and is not X, the credit points elsewhere and says nothing). Weak:
    # the credit may point to a third source whose line the other article dropped.
    vote_credit: float = 0.8
    vote_typo: float = 1.0  # a shared misspelling that is a one-off slip in only one article
    vote_truncated: float = 1.0  # the copy stops mid-sentence where its source goes on
    vote_detail: float = 1.0  # the source holds quotes/numbers/names the copy summarises away
    vote_compilation: float = 1.0  # one article also draws on a third its partner doesn't
    # ...where "draws on" means a pair score of at least this (a shared sentence or more, not
    # a shared organisation name such as the UN mission's full title).
    compilation_min_score: float = 0.06
    # ...and the two borrowed parts must make up this share of the compiling article: a wire
    # story that two papers each took different parts from (the METER situation) keeps text
    # neither took, while a compilation is made almost wholly of its sources. In the synthetic
    # development split the clue's candidates cover 0.2-1.0 (median 0.93); requiring 0.8
    # states two more directions there (69 of 79 pairs, none wrong, was 67).
    compilation_min_coverage: float = 0.8
    vote_length: float = 0.4  # copies usually condense: the longer article is the source
    # ...and more so when the shorter is found almost whole in the longer, which has much of
    # its own (a summary or an excerpt): the asymmetric-containment clue.
    vote_condensed: float = 0.8
    condensed_min_containment: float = 0.85
    condensed_max_source: float = 0.75
    length_min_ratio: float = 1.1  # length differences under 10 % say nothing
    direction_min_margin: float = 0.5
    # Credit lines ("Courtesy: X"), in-text attributions ("according to X") and how an outlet
    # names itself ("told X"): regexes whose group 1 is a name, in lexicon/en/overlap/.
    credit_patterns: tuple[str, ...] = lexicon.words("overlap/credit_patterns")
    attribution_patterns: tuple[str, ...] = lexicon.words("overlap/attribution_patterns")
    self_reference_patterns: tuple[str, ...] = lexicon.words("overlap/self_reference_patterns")


# ---------------------------------------------------------------------------------------------
# Figures (numbers and their consistency)
# ---------------------------------------------------------------------------------------------
_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    " fifteen sixteen seventeen eighteen nineteen"
)
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"


@dataclass(frozen=True)
class FiguresConfig:
    """How numbers are read, how qualifiers become bounds and when two figures are one measure."""

    # "about 170" = 170 ± 10 %: wire-service style rounds to 2 significant figures, so ±10 %
    # covers the rounding of any two-digit value and the usual spread between outlets.
    approx_tolerance: float = 0.10
    # "nearly 300" = [270, 300]: "nearly/almost" is used for shortfalls up to about a tenth.
    nearly_tolerance: float = 0.10
    # Round numbers are taken as exact (0.0): a fact-checker wants 14,000 vs 13,000 flagged.
    round_tolerance: float = 0.0
    qualifiers: dict[str, str] = field(
        default_factory=lambda: {
            "more than": "gt",
            "over": "gt",
            "above": "gt",
            "in excess of": "gt",
            "upwards of": "gt",
            "just over": "gt",
            "well over": "gt",
            "at least": "ge",
            "no fewer than": "ge",
            "no less than": "ge",
            "a minimum of": "ge",
            "nearly": "nearly",
            "almost": "nearly",
            "close to": "nearly",
            "just under": "nearly",
            "just shy of": "nearly",
            "about": "approx",
            "approximately": "approx",
            "around": "approx",
            "roughly": "approx",
            "some": "approx",
            "an estimated": "approx",
            "estimated": "approx",
            "circa": "approx",
            "an approximate": "approx",
            "up to": "le",
            "at most": "le",
            "as many as": "le",
            "no more than": "le",
            "fewer than": "lt",
            "less than": "lt",
            "under": "lt",
            "below": "lt",
        }
    )
    # Spelled cardinals below one hundred; "hundred" and the scales are handled by the parser.
    number_words: dict[str, int] = field(
        default_factory=lambda: {
            **{w: i for i, w in enumerate(_UNITS.split())},
            **{w: 10 * i for i, w in enumerate(_TENS.split(), start=2)},
        }
    )
    scale_words: dict[str, float] = field(
        default_factory=lambda: {
            "thousand": 1e3,
            "million": 1e6,
            "billion": 1e9,
            "trillion": 1e12,
        }
    )
    # Attached magnitude suffixes ("$3.5bn", "5m", "10k"); only read next to a currency or alone
    # with digits, never inside words.
    scale_suffixes: dict[str, float] = field(
        default_factory=lambda: {
            "k": 1e3,
            "m": 1e6,
            "mn": 1e6,
            "mln": 1e6,
            "bn": 1e9,
            "b": 1e9,
            "tn": 1e12,
        }
    )
    # Vague amounts as closed bands. Plural magnitudes mean "at least two of them" and stay below
    # the next written magnitude; "several/a few" span 2-9 units. Wide on purpose: a vague word
    # should only clash with a figure clearly outside what the word can mean.
    vague_amounts: dict[str, tuple[float, float]] = field(
        default_factory=lambda: {
            "dozens": (24, 199),
            "hundreds": (200, 1_999),
            "thousands": (2_000, 999_999),
            "tens of thousands": (20_000, 999_999),
            "hundreds of thousands": (200_000, 1_999_999),
            "millions": (2e6, 999e6),
            "tens of millions": (20e6, 999e6),
            "hundreds of millions": (200e6, 1_999e6),
            "billions": (2e9, 999e9),
            "several dozen": (24, 119),
            "a few dozen": (24, 119),
            "several hundred": (200, 999),
            "a few hundred": (200, 999),
            "several thousand": (2_000, 9_999),
            "a few thousand": (2_000, 9_999),
            "several million": (2e6, 9.999e6),
            "a few million": (2e6, 9.999e6),
            "a handful": (2, 9),
            "a few": (2, 9),
            "several": (2, 9),
            "a couple of": (2, 2),
            "decades": (20, 99),
        }
    )
    # Vague words that only count when a unit or "of + noun" follows ("a few weeks").
    vague_need_unit: tuple[str, ...] = ("a few", "several", "a couple of", "a handful")
    ordinal_words: dict[str, int] = field(
        default_factory=lambda: {
            "second": 2,
            "third": 3,
            "fourth": 4,
            "fifth": 5,
            "sixth": 6,
            "seventh": 7,
            "eighth": 8,
            "ninth": 9,
            "tenth": 10,
        }
    )
    # Duration units: word -> (unit, factor). A decade is 10 years.
    duration_units: dict[str, tuple[str, float]] = field(
        default_factory=lambda: {
            "year": ("years", 1),
            "years": ("years", 1),
            "month": ("months", 1),
            "months": ("months", 1),
            "week": ("weeks", 1),
            "weeks": ("weeks", 1),
            "day": ("days", 1),
            "days": ("days", 1),
            "hour": ("hours", 1),
            "hours": ("hours", 1),
            "decade": ("years", 10),
            "decades": ("years", 10),
        }
    )
    currency_symbols: dict[str, str] = field(
        default_factory=lambda: {
            "US$": "USD",
            "$": "USD",
            "USD": "USD",
            "€": "EUR",
            "EUR": "EUR",
            "£": "GBP",
            "GBP": "GBP",
            "¥": "JPY",
            "CFA": "XOF",
        }
    )
    currency_words: dict[str, str] = field(
        default_factory=lambda: {
            "dollars": "USD",
            "us dollars": "USD",
            "euros": "EUR",
            "pounds": "GBP",
            "pounds sterling": "GBP",
            "cfa francs": "XOF",
            "francs": "XOF",
            "yen": "JPY",
        }
    )
    percent_words: tuple[str, ...] = ("%", "percent", "per cent", "pc")
    # Physical units written after a number: spelling -> canonical unit.
    physical_units: dict[str, str] = field(
        default_factory=lambda: {
            "mm": "mm",
            "millimetres": "mm",
            "millimeters": "mm",
            "millimetre": "mm",
            "cm": "cm",
            "centimetres": "cm",
            "centimeters": "cm",
            "m": "m",
            "metres": "m",
            "meters": "m",
            "metre": "m",
            "meter": "m",
            "km": "km",
            "kilometres": "km",
            "kilometers": "km",
            "kilometre": "km",
            "miles": "mile",
            "mile": "mile",
            "kg": "kg",
            "kilograms": "kg",
            "kilogrammes": "kg",
            "tonnes": "t",
            "tons": "t",
            "tonne": "t",
            "ton": "t",
            "hectares": "ha",
            "hectare": "ha",
            "ha": "ha",
            "acres": "acre",
            "square kilometres": "km2",
            "square kilometers": "km2",
            "sq km": "km2",
            "degrees": "degree",
            "°C": "°C",
            "°F": "°F",
            "litres": "l",
            "liters": "l",
            "barrels": "barrel",
            "km/h": "km/h",
            "mph": "mph",
            "MW": "MW",
            "GW": "GW",
            "megawatts": "MW",
            "gigawatts": "GW",
        }
    )
    # Written fractions ("two-thirds", "three-quarters") become percentages.
    fraction_words: dict[str, int] = field(
        default_factory=lambda: {
            "half": 2,
            "halves": 2,
            "third": 3,
            "thirds": 3,
            "quarter": 4,
            "quarters": 4,
            "fifth": 5,
            "fifths": 5,
            "tenth": 10,
            "tenths": 10,
        }
    )
    # What a number counts: synonym classes (canonical -> members, lower case). A member may be
    # singular or plural; unlisted nouns fall back to their crude singular.
    thing_classes: dict[str, tuple[str, ...]] = field(
        default_factory=lambda: {
            "troops": (
                "troops",
                "troop",
                "soldiers",
                "soldier",
                "peacekeepers",
                "peacekeeper",
                "personnel",
                "blue helmets",
                "force",
                "forces",
                "servicemen",
                "servicemembers",
                "military personnel",
                "uniformed personnel",
                "contingent",
                "strong",
            ),
            "civilians": ("civilians", "civilian", "villagers", "non-combatants"),
            "people": (
                "people",
                "persons",
                "person",
                "individuals",
                "passengers",
                "survivors",
                "bodies",
                "lives",
                "deaths",
                "dead",
                "residents",
                "inhabitants",
            ),
            "protesters": ("protesters", "protestors", "demonstrators", "marchers"),
            "fighters": (
                "fighters",
                "militants",
                "mercenaries",
                "insurgents",
                "jihadists",
                "rebels",
                "combatants",
                "gunmen",
            ),
            "refugees": ("refugees", "displaced people", "displaced persons", "asylum seekers"),
            "coups": ("coups", "coup", "putsch", "putsches", "coups d'etat", "coups d'état"),
            "mission": ("mission", "missions", "operation", "operations", "peacekeeping"),
            "homes": ("homes", "home", "houses", "house", "dwellings", "households"),
            "cases": ("cases", "case", "infections"),
        }
    )
    # What happened to them: event classes (canonical -> words or phrases, lower case).
    event_classes: dict[str, tuple[str, ...]] = field(
        default_factory=lambda: {
            "killed": (
                "killed",
                "kill",
                "killing",
                "killings",
                "died",
                "die",
                "dying",
                "dead",
                "deaths",
                "death",
                "lost their lives",
                "losing their lives",
                "lost lives",
                "fatalities",
                "executed",
                "execution",
                "executions",
                "massacred",
                "slain",
                "murdered",
                "perished",
                "drowned",
                "burned to death",
                "bodies",
                "bodies recovered",
                "death toll",
                "toll",
            ),
            "injured": ("injured", "wounded", "hurt", "injuries"),
            "deployed": (
                "deployed",
                "deployment",
                "stationed",
                "presence",
                "on the ground",
                "strong",
                "comprising",
                "comprises",
                "comprised",
                "serving",
                "consists of",
            ),
            "displaced": ("displaced", "fled", "uprooted", "forced from their homes"),
            "arrested": ("arrested", "detained", "jailed", "imprisoned"),
            "gathered": (
                "gathered",
                "rallied",
                "marched",
                "demonstrated",
                "demonstrate",
                "protested",
                "protest",
                "took to the streets",
                "turned out",
            ),
            "kidnapped": ("kidnapped", "abducted", "taken hostage"),
            "missing": ("missing", "unaccounted for", "disappeared"),
            "rescued": (
                "rescued",
                "survived",
                "survivors",
                "pulled from the water",
                "saved",
            ),
            "aboard": ("carrying", "on board", "aboard", "onboard"),
            "evacuated": (
                "evacuated",
                "evacuation",
                "moved to shelters",
                "relocated",
                "sheltering",
                "evacuate",
                "evacuating",
                "leave their homes",
                "left their homes",
                "flee their homes",
                "ordered out",
            ),
            "infected": (
                "infected",
                "infections",
                "infection",
                "contracted",
                "tested positive",
                "fell ill",
                "sickened",
            ),
            "vaccinated": (
                "vaccinated",
                "vaccine",
                "vaccines",
                "vaccination",
                "inoculated",
                "immunised",
                "immunized",
                "jabbed",
            ),
            "burned": ("burned", "burnt", "scorched", "charred", "blackened", "consumed"),
            "contained": ("contained", "containment"),
            "increase": (
                "rose",
                "risen",
                "rise",
                "rising",
                "increased",
                "increase",
                "jumped",
                "raised",
                "climbed",
                "soared",
                "surged",
                "hiked",
                "grew",
                "grown",
                "expanded",
                "expand",
                "up",
            ),
            "decrease": (
                "fell",
                "fallen",
                "dropped",
                "declined",
                "decreased",
                "cut",
                "slumped",
                "down",
                "shrank",
            ),
        }
    )
    # Words never read as events even though a class lemma matches ("according" ~ "accord").
    event_ignore: tuple[str, ...] = ("according", "accordingly")
    # Nouns that name the quantity itself when written just before the number or as its
    # subject ("a magnitude 6.8 quake", "turnout was 61%", "a 7.1-magnitude quake").
    measure_nouns: tuple[str, ...] = (
        "magnitude",
        "turnout",
        "toll",
        "rate",
        "unemployment",
        "inflation",
        "score",
        "temperature",
        "budget",
        "cost",
        "price",
        "tally",
        "population",
        "majority",
        "share",
        "growth",
        "capacity",
        "deficit",
        "debt",
        "age",
        "salary",
        "wage",
        "fine",
        "ransom",
        "bail",
        "jobless",
        "joblessness",
        "level",
        "figure",
    )
    # Measure nouns that say nothing alone ("a rate of 14%", "the level"): keyed with the word
    # before them ("mortgage rate") or left uncompared.
    generic_measure_nouns: tuple[str, ...] = ("rate", "level", "share", "figure", "number")
    # Spellings of one measure (lemma of the modifier + noun, or the noun alone) -> canonical
    # name: standard economic and public-health terms, so outlets' wording meets.
    measure_synonyms: dict[str, str] = field(
        default_factory=lambda: {
            "jobless": "unemployment",
            "joblessness": "unemployment",
            "jobless rate": "unemployment",
            "unemployment rate": "unemployment",
            "inflation rate": "inflation",
            "consumer price": "inflation",
            "interest rate": "interest rate",
            "key rate": "interest rate",
            "main rate": "interest rate",
            "policy rate": "interest rate",
            "benchmark rate": "interest rate",
            "base rate": "interest rate",
            "bank rate": "interest rate",
            "lending rate": "interest rate",
            "growth rate": "growth",
            "mortality rate": "mortality",
            "fatality rate": "mortality",
            "death rate": "mortality",
            "vaccination rate": "vaccination",
        }
    )
    # Spellings of one subject (lower case) -> the name compared: "GDP grew 2.3%" and "the economy
    # grew 2.1%" are one measure.
    subject_synonyms: dict[str, str] = field(
        default_factory=lambda: {
            "gdp": "economy",
            "gross domestic product": "economy",
            "domestic product": "economy",
            "output": "economy",
        }
    )
    # Words two subjects may share and still be different parties ("Unity Party" vs "Freedom
    # Party"): a shared word other than these makes them one subject.
    owner_generic_words: tuple[str, ...] = (
        "party",
        "alliance",
        "union",
        "group",
        "front",
        "movement",
        "national",
        "people",
        "new",
        "of",
        "the",
        "and",
    )
    # Reporting verbs: the clause before them is attribution, not the subject of the figure.
    reporting_verbs: tuple[str, ...] = (
        "said",
        "says",
        "told",
        "reported",
        "added",
        "announced",
        "estimated",
        "claimed",
        "stated",
        "confirmed",
        "according",
        "noted",
        "insisted",
        "warned",
    )
    # Words skipped between a verb and its number ("offered a further $100m").
    determiners: tuple[str, ...] = (
        "a",
        "an",
        "the",
        "further",
        "additional",
        "another",
        "extra",
        "its",
        "their",
        "his",
        "her",
        "our",
        "only",
        "just",
        "some",
    )
    # Events that a calendar date or year is the date of (what "in 2013" dates).
    date_event_classes: dict[str, tuple[str, ...]] = field(
        default_factory=lambda: {
            "established": (
                "established",
                "establishment",
                "deployed",
                "created",
                "creation",
                "founded",
                "set up",
                "launched",
                "formed",
                "arrival",
                "arrived",
            ),
            "coup": ("coup", "coups", "putsch", "took power", "seized power"),
            "withdrawal": (
                "withdrew",
                "withdraw",
                "withdrawn",
                "withdrawal",
                "withdrawing",
                "pulled out",
                "pull out",
                "departure",
                "exit",
                "leave",
            ),
            "election": ("election", "elections", "vote", "polls", "referendum"),
            "agreement": ("accord", "accords", "agreement", "deal", "treaty", "signed"),
            "resolution": ("resolution", "adopted", "adoption"),
            "rebellion": ("rebellion", "uprising", "insurgency", "revolt"),
            "massacre": ("massacre",),
            "attack": ("attack", "attacks", "attacked"),
            "independence": ("independence",),
            "built": ("built", "constructed", "manufactured", "commissioned"),
        }
    )
    # "thing|event" pairs that name another measure ("thing" or "thing|event"): people infected
    # are cases.
    measure_aliases: dict[str, str] = field(default_factory=lambda: {"people|infected": "cases"})
    # Events that only say a counted group exists ("1,250 firefighters were deployed", "troops
    # on the ground"): keyed as no event, so they meet the same group written bare.
    presence_events: tuple[str, ...] = ("deployed",)
    # Groups that news counts interchangeably with "people" when something happens to them (a
    # protest's dead are "14 protesters" in one outlet, "9 people" in another). Not civilians
    # or troops: "people killed" in a war counts both, so they stay apart.
    people_groups: tuple[str, ...] = ("protesters",)
    harm_events: tuple[str, ...] = ("killed", "injured", "arrested", "missing", "kidnapped")
    # Things too generic to compare without an event: "14 people" and "9,000 people" in two
    # articles are different measures unless both say what happened to them.
    generic_things: tuple[str, ...] = ("people",)
    # A count with no noun ("Thousands have lost their lives") counts these, by event.
    implicit_things: dict[str, str] = field(
        default_factory=lambda: {
            "infected": "people",
            "vaccinated": "people",
            "killed": "people",
            "injured": "people",
            "displaced": "people",
            "arrested": "people",
            "kidnapped": "people",
            "missing": "people",
            "rescued": "people",
            "aboard": "people",
            "evacuated": "people",
            "gathered": "protesters",
        }
    )
    # Nouns heading a restrictive cause phrase ("killed in malicious acts", "died in accidents"):
    # a figure with such a cause counts a subset, so it is not compared with one without it.
    # Broad causes ("killed in attacks", "in the violence") restrict nothing and are left out.
    cause_nouns: tuple[str, ...] = (
        "act",
        "accident",
        "clash",
        "incident",
        "ambush",
        "bombing",
        "explosion",
        "airstrike",
        "strike",
        "raid",
        "disease",
        "illness",
        "combat",
        "hostilities",
        "shelling",
        "crossfire",
    )
    # Subjects that cause a figure rather than own it ("an earthquake killed 1,230 people").
    agent_exclude: tuple[str, ...] = (
        "earthquake",
        "quake",
        "storm",
        "flood",
        "fire",
        "blast",
        "cyclone",
        "hurricane",
        "typhoon",
        "landslide",
        "virus",
        "outbreak",
        "epidemic",
        "pandemic",
        "drought",
        "heatwave",
        "wave",
        "crash",
        "collapse",
        "war",
        "conflict",
        "unrest",
        "violence",
    )
    # Place heads after "in the ... of" ("in the village of Moura").
    place_nouns: tuple[str, ...] = (
        "village",
        "town",
        "city",
        "region",
        "district",
        "province",
        "area",
        "camp",
        "commune",
        "county",
        "state",
        "capital",
        "municipality",
    )
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
    # Words that end a noun phrase after a number (prepositions, auxiliaries, conjunctions).
    phrase_breaks: tuple[str, ...] = (
        "off",
        "near",
        "outside",
        "inside",
        "along",
        "around",
        "within",
        "remain",
        "remains",
        "remained",
        "say",
        "says",
        "said",
        "need",
        "needs",
        "include",
        "includes",
        "included",
        "in",
        "on",
        "at",
        "from",
        "to",
        "with",
        "by",
        "for",
        "since",
        "during",
        "after",
        "before",
        "as",
        "than",
        "of",
        "and",
        "or",
        "but",
        "who",
        "which",
        "that",
        "were",
        "was",
        "are",
        "is",
        "have",
        "has",
        "had",
        "been",
        "be",
        "will",
        "would",
        "could",
        "may",
        "might",
        "still",
        "also",
        "now",
        "remaining",
        "across",
        "into",
        "under",
        "over",
        "per",
        "while",
        "including",
        "among",
        "against",
        "when",
        "where",
        "each",
        "a",
        "an",
        "the",
        "its",
        "their",
        "his",
        "her",
        "our",
        "later",
        "earlier",
        "ago",
        "between",
        "amid",
        "despite",
        "throughout",
        "toward",
        "towards",
        "via",
        "like",
        "unlike",
    )
    # Auxiliaries (and adverbs) skipped between a subject and its verb ("had also been killed"),
    # never taken as the verb a date or duration belongs to.
    auxiliaries: tuple[str, ...] = (
        "be",
        "been",
        "being",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "having",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "not",
        "also",
        "still",
        "already",
        "reportedly",
        "allegedly",
        "now",
        "then",
        "just",
        "only",
    )
    # Relative years, resolved against the article's publication date when it is known.
    relative_years: dict[str, int] = field(
        default_factory=lambda: {
            "last year": -1,
            "the previous year": -1,
            "this year": 0,
            "the current year": 0,
            "next year": 1,
            "the following year": 1,
            "the coming year": 1,
        }
    )
    # Anaphoric years ("established that year"): the last explicit year written before them.
    anaphoric_years: tuple[str, ...] = ("that year", "the same year", "that same year")
    # Temporal prepositions that change what a date measures ("since 2013" is a start, "by
    # December 31" a deadline); other prepositions ("in", "on") date the event itself.
    # Words before a number that make it the earlier or reference value of a change or a
    # comparison ("up from 54%", "fewer than the 24,000"); such figures are keyed apart ("|from")
    # so a previous value is never called inconsistent with a current one. Qualifiers such as
    # "more than" are part of the figure's span and never reach this test.
    baseline_markers: tuple[str, ...] = (
        "from",
        "than",
        "compared with",
        "compared to",
        "versus",
        "vs",
    )
    baseline_nouns: tuple[str, ...] = ("peak", "high", "low", "record", "level", "total")
    date_relations: dict[str, str] = field(
        default_factory=lambda: {
            "since": "since",
            "from": "since",
            "until": "until",
            "till": "until",
            "by": "until",
            "before": "before",
            "ahead of": "before",
            "after": "after",
        }
    )
    # Spellings of the UN as a modifier, folded to "UN" ("U.N. peacekeepers" = "UN peacekeepers").
    neutral_modifiers: tuple[str, ...] = ("UN", "U.N", "U.N.", "United Nations")
    # Verdict tolerance when comparing bounds (floating point only).
    epsilon: float = 1e-9


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
    # Dale-Chall list of ~3000 familiar words (Chall & Dale 1995), shipped as package data.
    dale_chall_file: str = "dale_chall_easy_words.txt"
    # Dale-Chall rules count regular inflections of listed words as familiar: these suffixes
    # are stripped (with "ies"->"y" style restorations in readability/hard_words.py) first.
    dale_chall_suffixes: tuple[str, ...] = (
        "'s", "s'", "s", "es", "ies", "ed", "d", "ied", "ing", "er", "r", "est", "st", "ier",
        "iest",
    )  # fmt: skip
    # Gunning (1952): a word made three syllables only by one of these endings is not "hard".
    fog_suffixes: tuple[str, ...] = ("es", "ed", "ing")
    # Sentence splitting. Abbreviations are compared lower-cased, without their final period.
    # Titles before a name never end a sentence ("Mr. Smith").
    title_abbreviations: tuple[str, ...] = (
        "mr", "mrs", "ms", "mx", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt",
        "cpt", "sgt", "maj", "cmdr", "adm", "rev", "hon", "pres", "insp", "messrs",
        "mme", "mlle", "fr", "brig", "cpl", "pvt", "amb", "atty", "supt", "det", "cllr",
    )  # fmt: skip
    # Abbreviations that end a sentence only when a typical sentence opener follows
    # ("the U.S. The next day" splits, "U.N. Security Council" does not).
    abbreviations: tuple[str, ...] = (
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "thu", "thur", "thurs", "fri", "etc", "vs", "e.g", "i.e", "cf",
        "al", "approx", "est", "inc", "ltd", "co", "corp", "bros", "plc", "llc", "dept", "univ",
        "assn", "ave", "blvd", "rd", "st", "mt", "ft", "jr", "sr", "ca", "govt", "intl",
    )  # fmt: skip
    # Abbreviations only when a number follows ("No. 10", "p. 5"); otherwise ordinary words.
    numeric_abbreviations: tuple[str, ...] = (
        "no", "nos", "vol", "p", "pp", "fig", "art", "sec", "ch", "para", "op",
    )  # fmt: skip
    # Capitalised words that typically open a sentence: after an ambiguous abbreviation or an
    # initial, one of these means the period did end the sentence.
    sentence_openers: tuple[str, ...] = (
        "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They",
        "We", "I", "You", "His", "Her", "Their", "Our", "My", "But", "And", "Or", "So", "Yet",
        "In", "On", "At", "For", "With", "By", "From", "As", "If", "When", "While", "After",
        "Before", "Since", "Although", "Though", "However", "Meanwhile", "There", "Here", "What",
        "Why", "How", "Who", "Where", "Some", "Many", "Most", "All", "No", "Not", "One", "Two",
        "Both", "Each", "Such", "Then", "Now", "Still", "Also", "Despite", "Under", "Over",
        "According",
    )  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReportConfig:
    """Report rendering settings."""

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
    readability: ReadabilityConfig = field(default_factory=ReadabilityConfig)
    report: ReportConfig = field(default_factory=ReportConfig)

    def with_overrides(self, params: dict[str, Any] | None) -> Settings:
        """A copy with `{"overlap": {"shingle_size": 4}, ...}` applied; unknown keys raise."""
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
            fixed = {
                k: tuple(v) if isinstance(getattr(current, k), tuple) else v
                for k, v in values.items()
            }
            changes[section] = dataclasses.replace(current, **fixed)
        return dataclasses.replace(self, **changes)

    def as_dict(self) -> dict[str, Any]:
        """Plain mapping of every setting, for manifests and cache keys."""
        return dataclasses.asdict(self)


DEFAULT = Settings()
