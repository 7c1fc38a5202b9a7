"""Reading a sentence's tokens: noun phrases, clauses, subjects, places and synonym classes.

The small grammar `figures.measures` uses to say what a figure counts. A measure key is
`thing|event[|place][|relation]` built from lower-cased lemmas and the synonym classes in
`FiguresConfig` ("troops|deployed", "peacekeepers killed" -> "troops|killed",
"civilians|killed|Moura", "year|coup"). Two figures are compared only when their keys match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from newsaudit import lexicon
from newsaudit.config import CALENDAR_WORDS, FiguresConfig
from newsaudit.figures.lemmas import (
    lemma,
    name_or_lemma,
    not_verb_forms,
    noun_lemma,
    verb_base,
)
from newsaudit.figures.words import WORDS
from newsaudit.text.tokens import words

UNKNOWN = "?"
# Unlike `newsaudit.text.tokens` (folded words for matching), a token here keeps its original
# case (capitalised names and places are read from it) and inner dots ("U.N").
TOKEN_RE = re.compile(r"[A-Za-z\u00C0-\u024F0-9][\w\u00C0-\u024F]*(?:[-'’.][\w\u00C0-\u024F]+)*")
_PHRASE_BREAK = re.compile(r"[,;:()\[\]\"“”!?]|\.\s|—|–\s")
_PRONOUNS = {"it", "they", "he", "she", "we", "i", "you", "this", "that", "which", "who"}
# Particles of phrasal verbs right before a number ("made up", "set aside", "paid out").
_PARTICLES = frozenset({"up", "out", "off", "aside", "back", "down"})
_INITIALS = re.compile(r"[A-Za-z](?:\.[A-Za-z])+")  # "U.S", "U.N": the last dot not in the token
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\"“”!?—]|\.\s")
_CALENDAR = CALENDAR_WORDS


@dataclass(frozen=True)
class Token:
    """A word with its char offsets in the article text."""

    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower().replace("’", "'")


@dataclass(frozen=True)
class Context:
    """What a figure is about, read from its sentence."""

    thing: str
    event: str
    place: str = ""
    relation: str = ""
    modifiers: tuple[str, ...] = ()
    owner: str = ""


def words_beside(sentence: str, text: str, window: int) -> tuple[list[str], list[str]] | None:
    """The folded words (`text.tokens.words`) within `window` of a figure's text in its sentence:
    (those before it, in order; those after it); None when the text is not in the sentence."""
    at = sentence.find(text)
    if at < 0:
        return None
    return words(sentence[:at])[-window:], words(sentence[at + len(text) :])[:window]


def tokens(text: str, start: int, end: int) -> list[Token]:
    """Word tokens of text[start:end] with absolute offsets."""
    return [
        Token(m.group(0), start + m.start(), start + m.end())
        for m in TOKEN_RE.finditer(text[start:end])
    ]


@cache
def _class_index(classes: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[tuple[str, ...], str]:
    """(phrase tokens) -> canonical class, including the lemma of one-word members."""
    index: dict[tuple[str, ...], str] = {}
    for canonical, members in classes:
        for member in (canonical, *members):
            words = tuple(member.lower().split())
            index.setdefault(words, canonical)
            if len(words) == 1:
                index.setdefault((lemma(words[0]),), canonical)
    return index


def _longest(index: dict[tuple[str, ...], str]) -> int:
    """Length of the longest phrase in a class index (cached per index)."""
    found = _LONGEST.get(id(index))
    if found is None:
        found = _LONGEST[id(index)] = max((len(k) for k in index), default=1)
    return found


_LONGEST: dict[int, int] = {}


def _frozen(classes: dict[str, tuple[str, ...]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((k, tuple(v)) for k, v in classes.items())


def class_hits(
    toks: list[Token],
    classes: dict[str, tuple[str, ...]],
    ignore: tuple[str, ...] = (),
) -> list[tuple[int, int, str]]:
    """(first token index, last token index, class) for every class phrase in the tokens."""
    index = _class_index(_frozen(classes))
    longest = _longest(index)
    hits = []
    lows = [t.low for t in toks]
    for i in range(len(toks)):
        if lows[i] in ignore:
            continue
        for n in range(min(longest, len(toks) - i), 0, -1):
            words = tuple(lows[i : i + n])
            found = index.get(words) or (index.get((lemma(words[0]),)) if n == 1 else None)
            if found:
                hits.append((i, i + n - 1, found))
                break
    return hits


def thing_of(
    words: list[Token], config: FiguresConfig, names: bool = False
) -> tuple[str, tuple[str, ...]]:
    """Class (or lemma) of a noun phrase and its capitalised modifiers. With `names`, a
    capitalised head is a name and keeps its form ("47-year-old Jones"); without (what a count
    counts), it is a plural like any other ("two Libyans", "five Law Lords": libyan, lord)."""
    if not words:
        return "", ()
    hits = class_hits(words, WORDS.thing_classes)
    neutral = {m.lower().replace(".", "") for m in WORDS.neutral_modifiers}
    if hits:
        first, last, thing = hits[-1]
    else:
        # the phrase follows its figure: its head does not open the sentence
        word = _unhyphenated(words[-1].text)
        head = name_or_lemma(word if names else word.lower())
        first, last, thing = len(words) - 1, len(words) - 1, head
    same = modifier_synonyms()
    mods = tuple(
        dict.fromkeys(
            "UN"
            if t.low in neutral or t.low.replace(".", "") in neutral
            else same.get(t.low.replace(".", ""), t.text)
            for i, t in enumerate(words)
            if not first <= i <= last and t.text[:1].isupper()
        )
    )
    return thing, mods


# Prefixes written with or without a hyphen ("co-sponsors", "cosponsors"; "non-profits").
_PREFIXED = re.compile(r"^(co|non|e|pre|re)-(?=[a-z]+$)", re.IGNORECASE)


def _unhyphenated(word: str) -> str:
    """The word without the hyphen after a prefix written either way ("co-sponsor")."""
    return _PREFIXED.sub(r"\1", word)


@cache
def modifier_synonyms() -> dict[str, str]:
    """Spellings of one group modifier (lower case, no dots) -> the modifier compared ("GOP
    senators" and "Republican senators"; "U.S. troops" and "American troops")."""
    table = lexicon.table("figures/modifier_synonyms")
    return {str(k).lower().replace(".", ""): str(v) for k, v in table.items()}


def noun_phrase(
    text: str, toks: list[Token], after: int, config: FiguresConfig, need_of: bool = False
) -> list[Token]:
    """The noun phrase right after char `after`: up to 4 words, stopping at punctuation,
    prepositions, auxiliaries and -ing/-ed verbs; "of" is skipped after vague amounts."""
    right = [t for t in toks if t.start >= after]
    members = {w for ws in _class_index(_frozen(WORDS.thing_classes)) for w in ws}
    breaks = set(WORDS.phrase_breaks)
    if right and right[0].low == "of":
        if _PHRASE_BREAK.search(text[after : right[0].start]):
            return []
        after = right[0].end
        right = right[1:]
        while right and (
            right[0].low in ("the", "a", "an", "these", "those", "its", "their")
            or re.fullmatch(r"\d[\d,.]*", right[0].low)
        ):
            right = right[1:]  # "132 of the 250 seats": the phrase is "seats"
    elif need_of:
        return []
    phrase: list[Token] = []
    prev = after
    right = _paired_as_one(right[:7])
    for tok in right[:5]:
        gap = text[prev : tok.start]
        if phrase and _INITIALS.fullmatch(phrase[-1].text) and gap.startswith("."):
            gap = gap[1:]  # "3,000 U.S. troops": the initials' own dot ends no phrase
        if _PHRASE_BREAK.search(gap) or "\n" in gap:
            break
        low = tok.low
        if (low in breaks and " " not in low) or tok.text in _CALENDAR:
            break  # "2.1% between April and June": a month is never what is counted
        if phrase and low in irregular_past():
            break  # "850,000 employees went without pay"; not "1,200 lost jobs"
        if re.fullmatch(r"\d[\d,.]*", low):
            break
        verbish = low.endswith("ing") or (low.endswith("ed") and len(low) > 4)
        member = low in members or lemma(low) in members
        if verbish and not member and (phrase or not low.endswith("ed")):
            break
        phrase.append(tok)
        prev = tok.end
        if len(phrase) >= 4:
            break
    # A phrasal verb ends it ("the 24-page indictment lays out"); an -ed word may open it as an
    # adjective ("armed men"), never end it ("led to"), nor may a dimension ("448 pages long").
    verb = next((i - 1 for i, t in enumerate(phrase) if i > 1 and t.low in _PARTICLES), None)
    phrase = phrase[:verb]
    while phrase and (
        (phrase[-1].low.endswith("ed") and phrase[-1].low not in members)
        or (len(phrase) > 1 and phrase[-1].low in lexicon.word_set("figures/dimension_words"))
    ):
        phrase.pop()
    return phrase


def irregular_past() -> frozenset[str]:
    """Past-tense verbs without an -ed ending ("went", "came"), which end a noun phrase."""
    return lexicon.word_set("figures/irregular_past")


@cache
def _paired_modifiers() -> frozenset[tuple[str, ...]]:
    """Modifier pairs joined by a conjunction inside a noun phrase ("past and present")."""
    return frozenset(tuple(p.split()) for p in lexicon.words("figures/paired_modifiers"))


def _paired_as_one(toks: list[Token]) -> list[Token]:
    """The tokens with a pair of modifiers joined by "and" or "or" ("five past and present
    Missouri Republican senators", "two current or former officials") made one token, so the
    noun phrase reads on to the noun they modify rather than stopping at the conjunction."""
    pairs = _paired_modifiers()
    out: list[Token] = []
    i = 0
    while i < len(toks):
        three = toks[i : i + 3]
        if len(three) == 3 and tuple(t.low for t in three) in pairs:
            out.append(Token(" ".join(t.text for t in three), three[0].start, three[2].end))
            i += 3
            continue
        out.append(toks[i])
        i += 1
    return out


def nearest_class(
    toks: list[Token],
    start: int,
    end: int,
    classes: dict[str, tuple[str, ...]],
    window: int,
    prefer_left: bool = False,
    stop_right: frozenset[str] = frozenset(),
    ignore: tuple[str, ...] = (),
) -> str:
    """The class of the class phrase nearest to the span [start, end), within `window` tokens.

    With `prefer_left` any hit on the left wins (dates follow the event they date: "withdrew its
    troops in 2022 after a coup"); `stop_right` words end the right-hand search ("to" opens a
    purpose clause: "until June 30 to decide on a withdrawal")."""
    inside = [i for i, t in enumerate(toks) if t.start < end and t.end > start]
    if inside:
        lo, hi = inside[0], inside[-1]
    else:
        lo = sum(1 for t in toks if t.end <= start)
        hi = lo - 1
    stops = [i for i, t in enumerate(toks) if i > hi and t.low in stop_right]
    right_end = stops[0] if stops else len(toks)
    best: tuple[int, int, str] | None = None
    for first, last, cls in class_hits(toks, classes, ignore):
        if first > hi:
            if first >= right_end:
                continue
            side, dist = (1, first - hi) if prefer_left else (0, first - hi)
        elif last < lo:
            side, dist = (0, lo - last) if prefer_left else (1, lo - last)
        else:
            continue  # the figure's own words
        rank = (side, dist) if prefer_left else (dist, side)
        if dist <= window and (best is None or rank < best[:2]):
            best = (*rank, cls)
    return best[2] if best else ""


def nearest_verb(toks: list[Token], start: int, end: int, config: FiguresConfig) -> str:
    """Base form of the nearest -ing/-ed verb (`lemmas.verb_base`: "changed" -> change) within
    the date window; not an auxiliary, a reporting verb (attribution is not the event:
    "reported", "according") or a word of `event_ignore` ("during")."""
    # nor a word that is no verb's form ("morning", "hundred")
    aux = {*WORDS.auxiliaries, *WORDS.reporting_verbs, *WORDS.event_ignore, *not_verb_forms()}
    left = [t for t in toks if t.end <= start][::-1][: config.date_event_window]
    right = [t for t in toks if t.start >= end][: config.date_event_window]
    for i in range(config.date_event_window):
        for side in (left, right):
            if i < len(side):
                low = side[i].text
                if low not in aux and re.fullmatch(r"[a-z]+(?:ing|ed)", low) and len(low) > 4:
                    return verb_base(low)
    return ""


_PLACE_TMPL = (
    r"^[^,;:.]{{0,40}}?\b(?:in|at|near|outside)\s+(?:the\s+(?:[a-z]+\s+)?(?:{nouns})\s+of\s+)?"
    r"([A-Z][\w\u00C0-\u024F'’-]+(?:\s+[A-Z][\w\u00C0-\u024F'’-]+)?)"
)


_PLACE_NOUNS = "|".join(re.escape(n) for n in WORDS.place_nouns)
_PLACE_AFTER = re.compile(_PLACE_TMPL.format(nouns=_PLACE_NOUNS))
_PLACE_BEFORE = re.compile(
    rf"\s*(?:In|At|Near)\s+(?:the\s+(?:[a-z]+\s+)?(?:{_PLACE_NOUNS})\s+of\s+)?"
    r"([A-Z][\w\u00C0-\u024F'’-]+(?:\s+[A-Z][\w\u00C0-\u024F'’-]+)?)[^.;:]{0,12},"
)


def place_after(text: str, end: int, stop: int, config: FiguresConfig) -> str:
    """A capitalised place right after the figure ("in the village of Moura" -> "Moura")."""
    match = _PLACE_AFTER.search(text[end:stop])
    if not match:
        return ""
    place = re.sub(r"['’]s$", "", match.group(1))
    first = re.sub(r"['’]s$", "", place.split()[0])
    if first.isupper() or first in _CALENDAR or re.match(r"\d", first):
        return ""
    return re.sub(r"['’]s$", "", place)


def place_before(text: str, sent_start: int, start: int, config: FiguresConfig) -> str:
    """A sentence-opening place phrase that scopes the figure ("In the town of Kesh, 300 ...")."""
    match = _PLACE_BEFORE.match(text[sent_start:start])
    if not match or match.group(1).split()[0] in _CALENDAR or match.group(1).isupper():
        return ""
    return match.group(1)


def clause(text: str, toks: list[Token], start: int, end: int) -> tuple[list[Token], list[Token]]:
    """Tokens of the figure's clause before `start` and after `end` (commas, semicolons, colons,
    brackets and quotes bound a clause)."""
    left = []
    pos = start
    for tok in reversed([t for t in toks if t.end <= start]):
        if _CLAUSE_BREAK.search(text[tok.end : pos]):
            break
        left.append(tok)
        pos = tok.start
    right = []
    pos = end
    for tok in (t for t in toks if t.start >= end):
        if _CLAUSE_BREAK.search(text[pos : tok.start]):
            break
        right.append(tok)
        pos = tok.end
    return left[::-1], right


def owner(
    left: list[Token], config: FiguresConfig, sent_start: int = -1, measure_noun: bool = False
) -> str:
    """Who the figure belongs to, from "[subject] [aux] verb [det] NUMBER" ("The Unity Party won
    132 seats" -> "Unity Party", "the opposition took 87" -> "opposition") or a name right
    before the number ("give the Unity Party 130 seats"); '' for attribution ("Police said 35")
    or when the subject is itself a modifier ("the toll in Arvela has risen to"). A subject that
    is a quantity noun ("turnout rose to 61%") is returned only with `measure_noun`."""
    dets = set(WORDS.determiners)
    breaks = set(WORDS.phrase_breaks)
    copulas = {"was", "were", "is", "are", "be", "been", "stood", "reached"}
    i = len(left) - 1
    while i >= 0 and left[i].low in dets:
        i -= 1
    if i < 0:
        return ""
    first = left[0].start if left and left[0].start <= sent_start + 2 else -1
    if (
        left[i].text[:1].isupper()
        and left[i].low not in breaks
        and left[i].text.isalpha()
        and left[i].start != first
    ):
        j = i
        while j > 0 and left[j - 1].text[:1].isupper() and left[j - 1].low not in breaks:
            j -= 1
        return " ".join(t.text for t in left[j : i + 1])
    if left[i].low in ("to", "at"):
        i -= 1
    if i > 0 and left[i].low in _PARTICLES and left[i - 1].text.isalpha():
        i -= 1  # a phrasal verb: "Hispanic voters made up 11 percent", "they set aside $5m"
    if i < 0:
        return ""
    verb = left[i]
    if not verb.text.isalpha() or not verb.text.islower():
        return ""
    if verb.low in WORDS.reporting_verbs or (verb.low in breaks and verb.low not in copulas):
        return ""
    i -= 1
    aux = set(WORDS.auxiliaries)
    while i >= 0 and left[i].low in aux:
        i -= 1
    if i >= 0 and left[i].low in _PRONOUNS:
        return ""  # "it killed 20": the pronoun's antecedent is in another clause
    j = i
    while j >= 0 and j > i - 3 and left[j].low not in breaks and left[j].low not in dets:
        if not left[j].text.replace("-", "").isalpha():
            break
        j -= 1
    subject = left[j + 1 : i + 1]
    if not subject or (j >= 0 and left[j].low in breaks and left[j].low not in dets):
        return ""
    caps = [t.text for t in subject if t.text[:1].isupper() and t.start != first]
    if caps:
        return " ".join(caps)
    head = noun_lemma(subject[-1].low, measure_nouns())
    if head in WORDS.cause_nouns or head in WORDS.agent_exclude:
        return ""  # "an earthquake killed 1,230": a cause, not whose figure it is
    if head in WORDS.measure_nouns and not measure_noun:
        return ""  # "the death toll rose to 45": the quantity itself, not an owner
    return " ".join(t.low for t in subject) if not measure_noun else head


@cache
def measure_nouns() -> frozenset[str]:
    """The nouns that name a measure ("toll", "turnout"), as a set built once."""
    return frozenset(WORDS.measure_nouns)


def key(thing: str, event: str, place: str = "", relation: str = "") -> str:
    """`thing|event|place|relation`, empty parts left out; UNKNOWN when uncomparable. Who the
    figure belongs to (`owner`) is compared as context, not keyed: one side often omits it."""
    if not thing or thing in _PRONOUNS:
        return UNKNOWN
    if event in _PRONOUNS:  # "a one-in-three chance we could lose": a pronoun is no event
        event = UNKNOWN
    return "|".join(p for p in (thing, event, place, relation) if p)


# An acronym: three to six capitals, dotted or not ("T.P.S.", "DACA", "NSA"); two-letter ones
# ("U.S.", "UN") would match the initials of too many word pairs by chance.
_ACRONYM = re.compile(r"\b[A-Z](?:\.[A-Z]){2,5}\b\.?|\b[A-Z]{3,6}\b")
# Words an acronym skips inside its expansion ("Department of Homeland Security": DHS).
_ACRONYM_JOINERS = frozenset({"of", "and", "the", "for", "on", "in", "to"})


@lru_cache(maxsize=1 << 14)
def acronyms(sentence: str) -> frozenset[str]:
    """The acronyms a sentence writes, lower-cased without dots ("T.P.S. protection": tps)."""
    return frozenset(m.group(0).replace(".", "").lower() for m in _ACRONYM.finditer(sentence))


@lru_cache(maxsize=1 << 14)
def initialisms(sentence: str) -> frozenset[str]:
    """The initials of every run of three to six words of a sentence (joiners such as "of"
    skipped inside a run, never at its ends): what an acronym of it would be ("the temporary
    protected status program": tps, tpsp, psp...)."""
    # A word in capitals ("NSA sent agents") or a number ends a run: it is no expansion.
    toks = [
        "" if w.isupper() or not w[:1].isalpha() else w.lower()
        for w in (m.group(0) for m in TOKEN_RE.finditer(sentence))
    ]
    out: set[str] = set()
    for i, first in enumerate(toks):
        if not first or first in _ACRONYM_JOINERS:
            continue
        letters = ""
        for w in toks[i : i + 9]:
            if not w:
                break
            if w in _ACRONYM_JOINERS:
                continue
            letters += w[0]
            if len(letters) > 6:
                break
            if len(letters) >= 3:
                out.add(letters)
    return frozenset(out)


def spelled_out(a: str, b: str) -> bool:
    """Whether an acronym of one sentence is written out in the other ("restore T.P.S.
    protection for 300,000 people" / "280,000 people ... under the temporary protected status
    program"): one program, agency or law named two ways, which the words alone do not
    share."""
    return bool(acronyms(a) & initialisms(b) or acronyms(b) & initialisms(a))
