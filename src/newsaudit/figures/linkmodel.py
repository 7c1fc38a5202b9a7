"""Whether two figures proposed as one measure are one: a small learned model.

Measure keys (`phrases.key`) propose candidate pairs. Overlapping figures of a known measure are
compared without asking (they cannot raise a false conflict); for disjoint ones the key model
decides whether they are one measure (that may disagree) or two. Every pair met only in a unit
channel (`keys.channel_key`: figures of unknown measure, figures read under two keys, years and
dates of one event) is decided by the channel model, overlapping or not; two years or dates
met there a slip apart reach it only when the event model reads one event in the words on
both sides (`one_event_dated`). All three are logistic,
trained on read news (BASIL development triplets and their injected conflicts) and the
project's own labelled seeds and clusters by `benchmarks/basil_eval.py --train`
(benchmarks/basil_train.py). Their coefficients are data (`lexicon/en/figures/link_model.yaml`);
no training library runs here.

Features of a pair (a, b):
- gap: how far apart the intervals are, as the log of the ratio of their near bounds (at most
  2): real disagreements between outlets are near misses (14,000 vs 13,000: 0.07), far-apart
  values are usually other measures ($2 trillion vs $1 trillion: 0.69);
- small: both are whole counts of ten or fewer ("two senators", "three aides"; not a magnitude
  6.8), which news uses for many different small sets; their relative gap says little (two vs
  three is 33 % apart), so gap is 0 for them and small, with context, decides;
- context: how much of the words around the two figures agree (content-word lemmas within
  `WINDOW` tokens on each side, Jaccard): "Farenthold used $84,000 in
  taxpayer funds to settle" and "paid $84,000 from a public fund ... settle" share settle, fund;
- loose: the pair was proposed by unit alone, because the sentence grammar could not say what
  either figure counts (`compare.loose_key`); such pairs are always asked, overlapping or not;
- loose_context: context for a loose pair, where the words around the figures are the only
  evidence that they count one thing;
- keyed: the pair met only in its unit channel (`keys.channel_key`) although both figures have
  a measure key, and the keys differ: the grammar read two measures ("42 Senate Republicans",
  "45 members"), which is evidence against one measure unless the words around them agree;
- date: both are years or dates met in their channel (two values, so two events unless the
  words say one event dated two ways: "joined the Marine Corps Reserves in 1970" and "joined
  the Marine Corps Reserve in 1971"); gap and small are 0 for them;
- date_gap: how many years apart the two are (at most 5, over 5): 2016 vs 2020 is two elections
  more often than one election misdated;
- date_context: context for a date pair;
- near_context: the same Jaccard within `NEAR` words on each side: the noun a number modifies
  ("the 2012 attack", "a 60-day suspension") says more than the rest of the sentence;
- same_event: a pair met in its channel whose two figures were read with one event or object,
  named ("election" and "election", "ban" and "ban"): the grammar's evidence of one measure
  that the keys (value, or thing and event together) did not show (under one key it says
  nothing new, so it is 0 there);
- year_date (event model only): one is a bare year, the other a date ("in 2010" / "January
  2011", compared at the year: `intervals.at_one_precision`): a story dates many events of a
  year, so a year and a date a slip apart are more often two events than two years are. Fitted
  after the others, on those pairs alone (`basil_train.fit_event`);
- event_class (event model only): event words of one class next to both years ("the program
  was started in 2007" / "a program launched in 2008": `dated.event_class`); fitted last, on
  top of the other event weights (benchmarks/basil_train.py `fit_event`);
- event_once (event model only): the class the two share is of an event that happens once to
  what it happens to (`dated.event_once`, `lexicon/en/figures/once_events.txt`: began, joined,
  born, took office, a deadline), not one that recurs (elections, attacks, laws): "the program
  began in 2007" / "a program launched in 2008" is one event misdated far more often than
  "elected in 2010" / "won the 2011 race". Fitted last with event_class (`fit_event`);
- sentence_context, names: the Jaccard of the two whole sentences' content lemmas, and the
  names they share (capitalised words after the first, at most `NAMES`): an event is often
  told beyond the words next to its year, by who it happened to; a sum or a count beyond the
  words next to it, by whose it is ("Farenthold used $84,000 in taxpayer funds" / "She sued
  him and was paid $84,000 ... on behalf of Farenthold"). In the channel model they are 0
  for years and dates (the event model reads them there) and were fitted last, with the
  other weights held (`basil_train.fit_extra`);
- money_shared: for two sums of money, the context words they share (`shared_context`, a
  count, not diluted by long contexts): the grammar reads what a count counts ("300,000
  people"), never what a sum is for, so two sums meet only in their currency's channel and
  the words around them, paid by whom and for what, are the evidence that they are one sum.
  Fitted last, like sentence_context, on every-way injections; 0 for other kinds: for counts,
  held out, the same words also linked a count to its counting base read another way ("deals
  with 11 Pacific Rim nations" / "the 12-nation Pacific trade deal"), one more false alarm;
- abbreviation: an acronym within `WINDOW` words of one figure is written out in the other's
  sentence (`abbreviated`: "restore T.P.S. protection for 300,000 people" / "280,000 people
  ... under the temporary protected status program"): what is counted named two ways, which
  shared words cannot show; 0 for years and dates. Fitted last on every-way injections, the
  other weights held (`basil_train.train_channel_extra(("abbreviation",), every=True)`);
- disjoint: the two values do not meet. Two keys giving one value ("$5.7 billion" read under
  two keys) is evidence of one measure; two keys giving near values is not: without it the
  channel model could not tell a value written again from a near miss (gap is about 0 for
  both), and learned from the injected conflicts, always near misses, that near values under
  two keys are one measure ("33" and "32" of two tallies). Only in the channel model.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from newsaudit import lexicon
from newsaudit.figures import attribution, dated
from newsaudit.figures.figure import Figure
from newsaudit.figures.intervals import at_one_precision
from newsaudit.figures.keys import comparable, years_apart
from newsaudit.figures.lemmas import lemma
from newsaudit.figures.phrases import (
    TOKEN_RE,
    UNKNOWN,
    acronyms,
    initialisms,
    words_beside,
)
from newsaudit.figures.span import DATE_KINDS
from newsaudit.text.tokens import tokens, words

FEATURES = (
    "bias",
    "gap",
    "small",
    "context",
    "loose",
    "loose_context",
    "keyed",
    "date",
    "date_gap",
    "date_context",
    "near_context",
    "same_event",
    "disjoint",
    "sentence_context",
    "names",
    "money_shared",
    "abbreviation",
)
# Whether two years or dates a slip apart date one event: what the words on both sides say.
EVENT_FEATURES = (
    "bias",
    "near_context",
    "context",
    "sentence_context",
    "names",
    "same_event",
    "year_date",
    "event_class",
    "event_once",
)
# Pairs of one measure key are decided on the evidence of the original model: the key already
# says what is counted, so only how far apart the values are and the words around them count.
KEY_FEATURES = ("bias", "gap", "small", "context")
WINDOW = 8  # content words on each side of a figure that describe what it counts
NEAR = 3  # words on each side of a figure that name what it is of: "the 2012 Benghazi attack"
NAMES = 3  # shared names that make the most of the evidence: "Chris Christie", "New Jersey"
SHARED = 3  # shared context words that make the most of the evidence: "sexual harassment", "fund"


@dataclass(frozen=True)
class LinkModel:
    """Logistic coefficients and the decision threshold."""

    weights: dict[str, float]
    threshold: float

    def probability(self, values: dict[str, float]) -> float:
        """P(same measure) of a pair's feature values (features without a weight count 0)."""
        z = sum(self.weights.get(name, 0.0) * v for name, v in values.items())
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


@dataclass(frozen=True)
class LinkModels:
    """The three models: `key` decides the disjoint pairs of one measure key
    (`KEY_FEATURES`), `channel` the pairs met only in a unit channel (`FEATURES`), `event`
    whether two years or dates a slip apart date one event (`EVENT_FEATURES`)."""

    key: LinkModel
    channel: LinkModel
    event: LinkModel


def _model(name: str, part: str, data: dict, names: tuple[str, ...]) -> LinkModel:
    weights = {str(k): float(v) for k, v in data["weights"].items()}
    missing = [f for f in names if f not in weights]
    if missing:
        raise lexicon.LexiconError(f"{name}: {part}: no weight for {', '.join(missing)}")
    return LinkModel(weights=weights, threshold=float(data["threshold"]))


@cache
def load(name: str = "figures/link_model") -> LinkModels:
    """The shipped models (validated: every feature has a weight)."""
    data = lexicon.table(name)
    return LinkModels(
        key=_model(name, "key", data["key"], KEY_FEATURES),
        channel=_model(name, "channel", data["channel"], FEATURES),
        event=_model(name, "event", data["event"], EVENT_FEATURES),
    )


def _relative_gap(a: Figure, b: Figure) -> float:
    if a.low > b.high:
        a, b = b, a
    if b.low <= a.high:
        return 0.0
    if a.high > 0:
        return min(2.0, math.log(b.low / a.high))
    scale = max(abs(a.high), abs(b.low))
    return min(2.0, (b.low - a.high) / scale) if scale else 2.0


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1 << 16)
def _context(sentence: str, text: str, window: int = WINDOW) -> frozenset[str]:
    """Content-word lemmas within `window` words of the figure's text in its sentence."""
    left, right = words_beside(sentence, text, window) or (words(sentence), [])
    stop = lexicon.word_set("overlap/stopwords")
    return frozenset(
        lemma(w)
        for w in (*left, *right)
        if len(w) > 2 and not _DIGIT.search(w) and w.lower() not in stop
    )


@lru_cache(maxsize=1 << 16)
def _sentence_words(sentence: str) -> tuple[frozenset[str], frozenset[str]]:
    """(content-word lemmas, names) of a whole sentence; the names are the words written with
    a capital after the first: the people, places and bodies an event is told with."""
    stop = lexicon.word_set("overlap/stopwords")
    lemmas = frozenset(
        lemma(w) for w in words(sentence) if len(w) > 2 and not _DIGIT.search(w) and w not in stop
    )
    names = frozenset(
        t.norm
        for t in tokens(sentence)[1:]
        if sentence[t.start].isupper()
        and len(t.norm) > 1
        and t.norm not in stop
        and not _DIGIT.search(t.norm)
    )
    return lemmas, names


def sentence_overlap(a: Figure, b: Figure) -> tuple[float, float]:
    """(Jaccard of the two sentences' content lemmas, shared names over `NAMES`, at most 1):
    an event is often told beyond the words next to its year ("joined the Marine Corps
    Reserves in 1971" / "In 1970, ... he landed a coveted spot in the Marine Reserve"), and
    by whom it happened to (Labrador, Christie, Lauren Greene)."""
    la, na = _sentence_words(a.sentence)
    lb, nb = _sentence_words(b.sentence)
    jaccard = len(la & lb) / len(la | lb) if la and lb else 0.0
    return jaccard, min(NAMES, len(na & nb)) / NAMES


def context_overlap(a: Figure, b: Figure, window: int = WINDOW) -> float:
    """Shared context lemmas over all context lemmas of the two (Jaccard; 0 when either has
    none): words every candidate shares (the counted noun) weigh less in a long context."""
    ca, cb = _context(a.sentence, a.text, window), _context(b.sentence, b.text, window)
    return len(ca & cb) / len(ca | cb) if ca and cb else 0.0


def shared_context(a: Figure, b: Figure) -> float:
    """Context lemmas the two figures share (within `WINDOW` words on each side), over
    `SHARED`, at most 1: what a sum is for, who pays it or what is counted is a few words ("used
    $84,000 in taxpayer funds to settle a sexual harassment case" / "was paid $84,000 from a
    public fund ... for a sexual harassment claim"), which the Jaccard of two long contexts
    (`context_overlap`) dilutes."""
    ca, cb = _context(a.sentence, a.text), _context(b.sentence, b.text)
    return min(SHARED, len(ca & cb)) / SHARED


@lru_cache(maxsize=1 << 14)
def _near_acronyms(sentence: str, text: str, window: int = WINDOW) -> frozenset[str]:
    """The acronyms written within `window` words of the figure's text in its sentence."""
    at = sentence.find(text)
    if at < 0:
        return frozenset()
    left = [m.group(0) for m in TOKEN_RE.finditer(sentence[:at])][-window:]
    right = [m.group(0) for m in TOKEN_RE.finditer(sentence[at + len(text) :])][:window]
    return acronyms(" ".join((*left, *right)))


def abbreviated(a: Figure, b: Figure) -> bool:
    """Whether an acronym next to one figure is written out in the other's sentence ("restore
    T.P.S. protection for 300,000 people" / "280,000 people ... under the temporary protected
    status program"): what is counted named two ways, which shared words cannot show. Only next
    to the figure: the acronym says nothing of another number of its sentence ("700,000
    Dreamers")."""
    return bool(
        _near_acronyms(a.sentence, a.text) & initialisms(b.sentence)
        or _near_acronyms(b.sentence, b.text) & initialisms(a.sentence)
    )


@lru_cache(maxsize=1 << 14)
def _beside(sentence: str, text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the `NEAR` words right before the figure's text, nearest first; the `NEAR` words right
    after it), folded; empty when the text is not in the sentence."""
    left, right = words_beside(sentence, text, NEAR) or ([], [])
    return tuple(reversed(left)), tuple(right)


def _shared_run(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    """The words two sequences share from their start on."""
    run = []
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        run.append(x)
    return tuple(run)


def told_alike(a: Figure, b: Figure) -> bool:
    """Whether two figures are written alike: the same kind and unit, and the same words right
    next to the number, on one side at least, up to a content word ("six years in the
    reserves" / "six years in the reserves"; "passed 234-193"; "used $84,000 in taxpayer
    funds"). Two outlets writing one measure often copy the words around it, while the grammar
    reads it under two keys or finds a place or year elsewhere in one sentence only; the value
    is left out, so a changed number told in the same words is still told alike. The words the
    measure keys already read (the counted noun and its event: "21 people were killed" / "17
    people were killed") are no further evidence."""
    if a.kind != b.kind or a.unit != b.unit or a.vague != b.vague:
        return False
    (la, ra), (lb, rb) = _beside(a.sentence, a.text), _beside(b.sentence, b.text)
    stop = lexicon.word_set("overlap/stopwords")
    read = {lemma(w) for f in (a, b) for w in re.split(r"[|\s]+", f.measure.lower()) if w}
    for x, y in ((la, lb), (ra, rb)):
        run = _shared_run(x, y)
        if any(
            w.isdigit() or (w not in stop and len(w) > 2 and lemma(w) not in read) for w in run
        ):
            return True
    return False


def _months(f: Figure) -> set[int]:
    """The months a date names (dates are yyyymmdd numbers), every month of a range of months
    ("between June and August 2014": June, July, August); every month for a year."""
    if f.unit != "date" or f.low < 10_000_000:
        return set(range(1, 13))
    first, last = int(f.low) // 100, int(f.high) // 100  # yyyymm
    if last - first >= 100:
        return set(range(1, 13))
    if last // 100 == first // 100:
        return set(range(first % 100, last % 100 + 1))
    return {*range(first % 100, 13), *range(1, last % 100 + 1)}


def one_event_dated(a: Figure, b: Figure, slip_years: float) -> bool:
    """Whether two years or dates met in their channel may date one event two ways: a slip of
    at most `slip_years` (setting `figures.date_slip_years`) and the same month, and the event
    model (`same_event`) reading one event in the words on both sides.
    Being a year apart is no evidence: a story dates many events of one year ("in July 2012",
    "on Sept. 11, 2012"); a slip changes the year or the day, so two dates of different months
    are two events."""
    if years_apart(a, b) > slip_years or not _months(a) & _months(b):
        return False
    return same_event(a, b)


def event_features(a: Figure, b: Figure) -> dict[str, float]:
    """Feature values of the event model (`EVENT_FEATURES`): the words next to both figures,
    around them, in their whole sentences, the names the sentences share, one event named
    by the grammar on both sides ("elected in 2010" / "elected in 2011"), and event words of one
    class next to both (`dated.event_class`: "was started in 2007" / "launched in 2008")."""
    sentence, names = sentence_overlap(a, b)
    return {
        "bias": 1.0,
        "near_context": context_overlap(a, b, NEAR),
        "context": context_overlap(a, b),
        "sentence_context": sentence,
        "names": names,
        "same_event": float(a.event == b.event and a.event not in ("", UNKNOWN)),
        "year_date": float(a.kind != b.kind),
        "event_class": dated.event_class(_unattributed(a), _unattributed(b)),
        "event_once": dated.event_once(_unattributed(a), _unattributed(b)),
    }


def _unattributed(f: Figure) -> Figure:
    """The figure with its sentence's attribution clauses blanked (`attribution.outside`)."""
    return replace(f, sentence=attribution.outside(f.sentence, f.text))


def same_event(a: Figure, b: Figure, model: LinkModel | None = None) -> bool:
    """Whether the event model reads one event in two years or dates a slip apart."""
    model = model or load().event
    return model.probability(event_features(a, b)) >= model.threshold


def features(a: Figure, b: Figure, loose: bool = False, channel: bool = False) -> dict[str, float]:
    """Feature values of a candidate pair (see the module docstring)."""
    date = a.kind in DATE_KINDS and b.kind in DATE_KINDS
    small = not date and all(
        f.kind == "count" and math.isfinite(f.high) and f.high <= 10 and float(f.high).is_integer()
        for f in (a, b)
    )
    context = context_overlap(a, b)
    gap = 0.0 if small or date else _relative_gap(a, b)
    keyed = channel and comparable(a) and comparable(b) and a.measure != b.measure
    # Years and dates have the event model for this evidence (`one_event_dated`).
    sentence, names = (0.0, 0.0) if date else sentence_overlap(a, b)
    return {
        "bias": 1.0,
        "gap": gap,
        "small": float(small),
        "context": context,
        "loose": float(loose),
        "loose_context": float(loose) * context,
        "keyed": float(keyed and not date),
        "date": float(date),
        "date_gap": min(5.0, years_apart(a, b)) / 5 if date else 0.0,
        "date_context": float(date) * context,
        "near_context": context_overlap(a, b, NEAR),
        "same_event": float(channel and a.event == b.event and a.event not in ("", UNKNOWN)),
        "disjoint": float(_disjoint(*at_one_precision(a, b))),
        "sentence_context": sentence,
        "names": names,
        "money_shared": shared_context(a, b) if a.kind == b.kind == "money" else 0.0,
        "abbreviation": 0.0 if date else float(abbreviated(a, b)),
    }


def _disjoint(a: Figure, b: Figure) -> bool:
    return a.low > b.high or b.low > a.high


# Features that say how far apart the values are, not what the words around them say.
VALUE_FEATURES = ("gap", "date_gap", "disjoint")


def affinity(a: Figure, b: Figure, loose: bool = False, channel: bool = False) -> float:
    """How likely the words make the pair one measure, whatever the values: `probability` with
    the value features (`VALUE_FEATURES`) at 0. Ranks a figure's candidate counterparts in a
    unit channel, where a value written again would otherwise always beat a near miss told in
    the same words."""
    models = load()
    model = models.channel if channel or loose else models.key
    values = features(a, b, loose, channel)
    return model.probability({k: 0.0 if k in VALUE_FEATURES else v for k, v in values.items()})


def same_measure(
    a: Figure,
    b: Figure,
    model: LinkModel | None = None,
    loose: bool = False,
    channel: bool = False,
) -> bool:
    """Whether the model links the pair: the channel model for a pair met in its unit channel
    (`channel`, or two figures of unknown measure, `loose`), else the key model."""
    if model is None:
        models = load()
        model = models.channel if channel or loose else models.key
    return model.probability(features(a, b, loose, channel)) >= model.threshold
