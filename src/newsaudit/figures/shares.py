"""What a share of people answers: the stance, the population and the poll of a share.

"54 percent of voters oppose the plan" and "57 percent of voters are against it" give one
measure (voters opposing); "38 percent of Americans support it, while 52 percent disapprove"
two, and "do not support" is the opposing answer, never the supporting one. "40 percent of
Republicans" and "40 percent of Democrats" are shares of two groups; "a Quinnipiac poll" and
"a CNN poll" two sources; "45 percent support Clinton" and "41 percent support Trump" two
answers. Read from the figure's sentence with word lists of general English
(`lexicon/en/figures/stances.yaml`, `negated_stances.yaml`, `negations.txt`,
`stance_lead_words.txt`, `population_nouns.txt`, `irregular_plurals.txt`, `poll_samples.txt`,
`poll_cues.txt`, `poll_nouns.txt`, `share_nouns.txt`): `measures.context` keys a share by its
stance and the name it is about (so opposite answers never meet: shares are never channelled,
`compare._channelled`) and compares its population and source as context
(`contexts.context_conflict`: different groups, different subjects).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from newsaudit import lexicon
from newsaudit.figures import lemmas, phrases
from newsaudit.figures.phrases import Token
from newsaudit.figures.span import Span
from newsaudit.figures.words import WORDS

# Words between the number and its stance that say nothing of the answer ("54 percent of voters
# say they do not support"), beyond auxiliaries and negations; the stance is looked for within
# this many words after the population.
STANCE_WINDOW = 6
# A stance before the number ("the plan is opposed by 54 percent", "support for the plan stands
# at 54 percent") is read within this many words of it, in its clause.
LEFT_WINDOW = 8
_SKIP = frozenset({"those", "these", "all", "the", "a", "an", "whose"})
_ENDS = frozenset({"while", "whereas", "but", "compared", "versus", "vs"})


@dataclass(frozen=True)
class Share:
    """A percentage read as the answer of a share of people: its stance class ('' when none is
    read; "not oppose" for a negated stance without an opposite), the group words of its
    population (empty when it names none or everyone asked), the poll it comes from (lower
    case, '' when not named), whether the stance was read before the number, and the name the
    answer is about."""

    stance: str = ""
    population: tuple[str, ...] = ()
    source: str = ""
    before: bool = False  # the stance was read before the number ("support for it is 54%")
    named: str = ""  # who or what the answer is about, when named ("support Clinton": clinton)


@cache
def _stances() -> dict[str, tuple[str, ...]]:
    table = lexicon.table("figures/stances")
    out = {}
    for name, members in table.items():
        if not isinstance(members, list) or not all(isinstance(m, str) for m in members):
            path = lexicon.path("figures/stances", ".yaml")
            raise lexicon.LexiconError(f"{path}: entry {name!r} is not a list of words")
        out[str(name)] = tuple(members)
    return out


def stance_names() -> frozenset[str]:
    """The stance classes (`stances.yaml`), as `Share.stance` gives them un-negated."""
    return frozenset(_stances())


@cache
def _negated() -> dict[str, str]:
    return {str(k): str(v) for k, v in lexicon.table("figures/negated_stances").items()}


def _set(name: str) -> frozenset[str]:
    return lexicon.word_set(f"figures/{name}")


def share_nouns() -> frozenset[str]:
    """Nouns naming a share itself ("share", "proportion"), not what it is a share of."""
    return _set("share_nouns")


def _negation(toks: list[Token]) -> bool:
    """Whether the words right before a stance negate it ("do not", "don't", "no longer")."""
    lows = [t.low for t in toks]
    negations = _set("negations")
    pairs = {" ".join(lows[i : i + 2]) for i in range(len(lows) - 1)}
    return any(w in negations or w.endswith("n't") for w in lows) or bool(pairs & negations)


def _stance_at(toks: list[Token], i: int, stance: str) -> str:
    """The stance hit at toks[i], turned by a negation in the three words before it."""
    if _negation(toks[max(0, i - 3) : i]):
        return _negated().get(stance, f"not {stance}")
    return stance


def group(words: list[str]) -> tuple[str, ...]:
    """The group words of a population phrase, folded so outlets' spellings meet: lemmas, one
    spelling of a group (`modifier_synonyms`: "Hispanics", "Latino voters": latino; "GOP
    voters", "Republicans": republican), generic nouns ("voters", "adults") dropped when a
    group is named; empty for everyone a poll asked ("those surveyed")."""
    skip = _SKIP | set(WORDS.determiners)
    lows = [w.lower().replace("’", "'") for w in words if w.lower() not in skip]
    samples = _set("poll_samples")
    if any(w in samples or lemmas.lemma(w) in samples for w in lows):
        return ()
    same = phrases.modifier_synonyms()
    folded = []
    for w in lows:
        plain = w.replace(".", "")
        spelled = same.get(plain) or same.get(lemmas.lemma(plain))
        folded.append(spelled.lower() if spelled else lemmas.lemma(plain))
    generic = _set("population_nouns")
    folded = [w for w in folded if w not in _set("poll_nouns")]  # "a poll found": no owner
    groups = [w for w in folded if w not in generic]
    return tuple(dict.fromkeys(groups or folded))


def _population(toks: list[Token], hits: dict[int, str]) -> list[Token]:
    """The population phrase at the start of `toks` (the words after "of" or "among"), up to
    its stance, a verb (an -ed or past form after its first word), a preposition or a clause
    word, at most four words, ending at its first plural noun."""
    breaks = set(WORDS.phrase_breaks) | set(WORDS.auxiliaries) | set(WORDS.reporting_verbs)
    past = phrases.irregular_past()
    span: list[Token] = []
    for i, t in enumerate(toks):
        if t.low in _SKIP and not span:
            continue
        verbish = (t.low.endswith("ing") and len(t.low) > 5) or (
            span and ((t.low.endswith("ed") and len(t.low) > 4) or t.low in past)
        )  # "of voters backing the plan", "of Latino votes cast"; not "of registered voters"
        negation = t.low.endswith("n't") or t.low in _set("negations")
        if i in hits or (t.low in breaks and t.low not in _SKIP) or verbish or negation:
            break
        span.append(t)
        if len(span) >= 4 or _plural(t.low):
            break  # "of Americans lack insurance": the phrase ends at its plural head
    return span


def _plural(word: str) -> bool:
    """Whether a word reads as a plural noun ("voters", "Americans", "children")."""
    return word in _set("irregular_plurals") or (
        len(word) > 3 and lemmas.lemma(word) != word and word.endswith("s")
    )


def _people(span: list[Token]) -> bool:
    """Whether a population phrase names people: a capitalised group ("Republicans",
    "Americans"), a generic people noun ("voters") or everyone a poll asked."""
    known = _set("population_nouns") | _set("poll_samples")
    return any(
        t.text[:1].isupper() or lemmas.lemma(t.low) in known or t.low in known for t in span
    )


def _source(sentence: list[Token], at: int) -> str:
    """The poll named nearest the number ("a Quinnipiac poll found": quinnipiac), lower case."""
    nouns = _set("poll_nouns")
    best, distance = "", 1 << 30
    for i, t in enumerate(sentence):
        if t.low not in nouns and lemmas.lemma(t.low) not in nouns:
            continue
        j = i
        while (
            j > 0
            and i - j < 4
            and sentence[j - 1].text[:1].isupper()
            and sentence[j - 1].low not in WORDS.determiners
        ):
            j -= 1
        if j < i and abs(t.start - at) < distance:
            best = " ".join(x.low for x in sentence[j:i])
            distance = abs(t.start - at)
    return best


def read(text: str, toks: list[Token], s: Span, sent_start: int, measure: str = "") -> Share:
    """The stance, population, source and named object of a percentage (`Share`); a stance is
    read only for a
    share of people (`_of_people`), so "a 25 percent tariff against imports" has none, or when
    it is the measure the grammar read (`measure`: "Trump's approval rating is 43 percent")."""
    left, right = phrases.clause(text, toks, s.start, s.end)
    for i, t in enumerate(right):
        if t.text[:1].isdigit() or t.low in _ENDS:
            right = right[:i]  # "38 percent support it, while 52 percent disapprove"
            break
    stances = _stances()
    spans = {i: (j, c) for i, j, c in phrases.class_hits(right, stances)}
    hits = {i: c for i, (_, c) in spans.items()}
    population: list[Token] = []
    rest = 0
    via_among = bool(right) and right[0].low == "among"
    at = 1 if len(right) > 1 and right[0].low in share_nouns() else 0
    if len(right) > at and right[at].low in ("of", "among"):  # "a 54 percent majority of"
        population = _population(right[at + 1 :], {i - at - 1: c for i, c in hits.items()})
        rest = right.index(population[-1]) + 1 if population else at + 1
    stance, found = "", [i for i in sorted(hits) if rest <= i < rest + STANCE_WINDOW]
    named = ""
    if found:
        stance = _stance_at(right, found[0], hits[found[0]])
        named = _named(right, found[0], spans[found[0]][0])
    if not population:
        population = _among(right[rest:]) or _among(
            [t for t in toks if sent_start <= t.start < s.start], last=True
        )
        via_among = bool(population)
    read_before = False
    if not stance:
        # After attribution or another number: "voters oppose it 54 percent to 40 percent"
        # gives the 40 percent no stance.
        said = [
            i for i, t in enumerate(left) if t.low in WORDS.reporting_verbs or t.text[:1].isdigit()
        ]
        near = left[said[-1] + 1 if said else 0 :][-LEFT_WINDOW:]
        back = phrases.class_hits(near, stances)
        if back:
            stance, read_before = _stance_at(near, back[-1][0], back[-1][2]), True
            named = _named(near, back[-1][0], back[-1][1])
    sentence = [t for t in toks if sent_start <= t.start]
    lead = right[rest : found[0] + 1] if found else []
    rated = bool(stance) and stance == measure  # "Trump's approval rating is 43 percent"
    if not rated and not _of_people(sentence, population, via_among, lead):
        return Share()
    return Share(
        stance,
        group([t.text for t in population]),
        _source(sentence, s.start),
        read_before,
        named,
    )


_BEFORE_NAME = frozenset({"of", "for", "the", "a", "an", "view", "views", "opinion", "opinions"})


def _named(toks: list[Token], first: int, last: int) -> str:
    """Who or what the stance at toks[first:last + 1] is about when a name says it: a
    possessive before it ("Clinton's support") or a capitalised name after it, past "of",
    "the", "view of" ("support Clinton", "disapprove of President Trump", "a favorable view of
    Sanders"): its last word, lower case; '' for "it", "the plan", "the job he is doing"."""
    if first > 0 and toks[first - 1].text[:1].isupper() and toks[first - 1].low.endswith("'s"):
        return toks[first - 1].low[:-2]
    i = last + 1
    while i < len(toks) and i <= last + 2 and toks[i].low in _BEFORE_NAME:
        i += 1
    name = []
    while i < len(toks) and len(name) < 3 and toks[i].text[:1].isupper():
        name.append(toks[i].low)
        i += 1
    return name[-1].removesuffix("'s") if name else ""


def _among(toks: list[Token], last: bool = False) -> list[Token]:
    """The group after "among" in `toks` (the first, or with `last` the last one, with no
    number after it: "Among Democrats, 80 percent favor the deal")."""
    marks = [i for i, t in enumerate(toks) if t.low == "among"]
    if not marks:
        return []
    at = marks[-1] if last else marks[0]
    if last and any(t.text[:1].isdigit() for t in toks[at:]):
        return []
    return _population(toks[at + 1 :], {})


def _of_people(
    sentence: list[Token], population: list[Token], among: bool, lead: list[Token]
) -> bool:
    """Whether a percentage is a share of people, whose stance is an answer: its sentence
    speaks of a poll or a vote (`poll_cues`), it is a share among a group or of people ("of
    Republicans", "of voters"), or a share of nothing named is followed by a stance with only
    auxiliaries, negations and reporting words between (`lead`, ending with the stance word:
    "40 percent said they approve", "12 percent were undecided"; not a preposition: "a 25
    percent tariff against imports"; not "30 percent of the budget was approved")."""
    cues = _set("poll_cues")
    if any(t.low in cues for t in sentence) or (population and (among or _people(population))):
        return True
    if population or not lead or lead[-1].low in WORDS.phrase_breaks:
        return False
    allowed = set(WORDS.auxiliaries) | _set("stance_lead_words") | _set("negations")
    return all(t.low in allowed or t.low.endswith("n't") for t in lead[:-1])
