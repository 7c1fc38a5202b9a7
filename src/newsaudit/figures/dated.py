"""What the words around two years or dates say of the events they date: the event model's
evidence beyond shared words (`linkmodel.event_features`).

Two outlets date one event with different words ("joined the Marine Corps Reserves" /
"enlisted"; "the program was started" / "a program launched"), so shared lemmas miss it; the
classes of `lexicon/en/figures/dated_events.yaml` (began, joined, elected, took office, died,
born, ...) read both as one kind of event. Only the words next to the year count (within
`EVENT_WINDOW`): further out they belong to other events of the sentence. Held out over dev
folds, two classes as evidence of two events ("born in 1946" / "elected in 1947") and one date
relation on both sides ("since 2010" / "since the 2010 midterm") added false links and were
left out. A date's relation gives it a class of its own (`relation_events`: "at any time before
May 1" is a deadline, as "a May 1 deadline" is), and a class shared by both sides is weighed
more when its event happens once to what it happens to (`once_events`: a program begins once,
elections recur: `event_once`). A date told with "since" after a word of holding an office
(`since_states`: "governor since January 2010", "has served since 2011") is the start of that
state, and it dates the event that began it, told elsewhere in that event's words
(`state_starts`: "in Congress since 2010" / "elected in 2010"): the two share the state's class
(`shared_classes`), unless the state starts after the event's year ("in Congress since 2011": a
tenure starts the year after its election, both right). Held out over dev folds, also reading
the class of the event word the grammar read a date with (the measure key's event, often beyond
the clause: "spanning from 1983 until his resignation in 1989 when he was elected" read as an
election) found no injection more and flagged four decoys more; reading back from a year to the
start of its clause (up to ten words, to a comma or a word opening a clause: "Blumenthal
voluntarily joined the Marine Corps Reserves in 1971") found none more either: both left out.
"""

from __future__ import annotations

from functools import cache, lru_cache

from newsaudit import lexicon
from newsaudit.figures import phrases
from newsaudit.figures.figure import Figure
from newsaudit.figures.intervals import at_one_precision, fractional_year

EVENT_WINDOW = 5  # words on each side of a year that tell what it dates ("was started in 2007 by")
# Words before a year told with "since" that name the state it starts ("has served since 2011",
# "governor since January 2010"); further back they may be another clause's ("President Obama
# has said since 2009": a saying, not a tenure).
STATE_WINDOW = 3


@cache
def _classes() -> dict[str, tuple[str, ...]]:
    data = lexicon.table("figures/dated_events")
    return {str(k): tuple(str(w) for w in v) for k, v in data.items()}


@lru_cache(maxsize=1 << 14)
def classes_near(sentence: str, text: str, window: int = EVENT_WINDOW) -> frozenset[str]:
    """Event classes (`dated_events`) written within `window` words of the figure's text in its
    sentence (the whole sentence when the text is not found in it)."""
    toks = phrases.tokens(sentence, 0, len(sentence))
    at = sentence.find(text)
    if at >= 0:
        before = [t for t in toks if t.end <= at][-window:]
        after = [t for t in toks if t.start >= at + len(text)][:window]
        toks = before + after
    return frozenset(hit[2] for hit in phrases.class_hits(toks, _classes()))


@cache
def _relation_classes() -> dict[str, str]:
    return {str(k): str(v) for k, v in lexicon.table("figures/relation_events").items()}


@cache
def _since_states() -> dict[str, tuple[str, ...]]:
    data = lexicon.table("figures/since_states")
    return {str(k): tuple(str(w) for w in v) for k, v in data.items()}


@cache
def _state_starts() -> dict[str, frozenset[str]]:
    data = lexicon.table("figures/state_starts")
    return {str(k): frozenset(str(w) for w in v) for k, v in data.items()}


@lru_cache(maxsize=1 << 14)
def _states_before(sentence: str, text: str, window: int = STATE_WINDOW) -> frozenset[str]:
    """State classes (`since_states`) named within `window` words before the figure's text."""
    at = sentence.find(text)
    if at < 0:
        return frozenset()
    before = [t for t in phrases.tokens(sentence, 0, at)][-window:]
    return frozenset(hit[2] for hit in phrases.class_hits(before, _since_states()))


def classes_of(f: Figure) -> frozenset[str]:
    """Event classes of a year or date: those written next to it (`classes_near`), the one
    its date relation says (`relation_events`: "before May 1" is a deadline) and, told with
    "since", the state it starts (`since_states`: "governor since January 2010")."""
    near = classes_near(f.sentence, f.text)
    told = _relation_classes().get(f.relation)
    state = _states_before(f.sentence, f.text) if f.relation == "since" else frozenset()
    return near | state | ({told} if told else frozenset())


def _begun(f: Figure, g: Figure, own: frozenset[str], other: frozenset[str]) -> frozenset[str]:
    """The states `f`, told with "since", starts (of its classes `own`) whose starting event
    the other figure `g` is told with (`state_starts`, `other`: "elected"), when the state does
    not start after the event's year: a tenure starts in the year of its election or in the
    next ("elected in 2010", "in Congress since 2011": both right, not one event misdated),
    never before it ("in Congress since 2009" / "elected in 2010": a slip)."""
    if f.relation != "since":
        return frozenset()
    fy, gy = at_one_precision(f, g)
    if fractional_year(fy.low) > fractional_year(gy.high):
        return frozenset()
    starts = _state_starts()
    return frozenset(c for c in own if starts.get(c, frozenset()) & other)


def shared_classes(a: Figure, b: Figure) -> frozenset[str]:
    """The event classes two years or dates are both told with (`classes_of`), a state's
    class counting as shared with the event that began it (`state_starts`: "in Congress since
    2010" / "elected in 2010"; `_begun`)."""
    ca, cb = classes_of(a), classes_of(b)
    return ca & cb | _begun(a, b, ca, cb) | _begun(b, a, cb, ca)


def event_class(a: Figure, b: Figure) -> float:
    """1 when the two figures are told with event words of one class (`shared_classes`): one
    event told two ways ("was started in 2007" / "a program launched in 2008")."""
    return float(bool(shared_classes(a, b)))


def event_once(a: Figure, b: Figure) -> float:
    """1 when the class the two share is of an event that happens once to what it happens to
    (`once_events`: began, joined, born, took office, died, a deadline): two years a slip
    apart told so are more often one event misdated than two; an election, an attack or a law
    recurs."""
    return float(bool(shared_classes(a, b) & lexicon.word_set("figures/once_events")))
