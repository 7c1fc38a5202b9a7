"""What the words around years and dates say of the events they date (figures.dated)."""

from __future__ import annotations

import pytest

from newsaudit import figures, lexicon
from newsaudit.figures import dated, linkmodel
from tests.figures.conftest import CONFIG


def _year(text: str, article_id: str = "a") -> figures.Figure:
    found = [f for f in figures.extract_text(text, CONFIG, article_id=article_id)]
    return next(f for f in found if f.kind in ("year", "date"))


@pytest.mark.parametrize(
    ("text", "classes"),
    [
        ("He enlisted in the Marines in 1970.", {"joined"}),
        ("The program was started in 2007 by the agency.", {"began"}),
        ("She was sworn in as governor in 2011.", {"office"}),
        ("He was born in 1946 in Queens.", {"born"}),
        ("The weather in 1999 was mild.", set()),
    ],
)
def test_classes_near(text, classes):
    f = _year(text)
    assert dated.classes_near(f.sentence, f.text) == frozenset(classes)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # one event told with other words of its class
        ("He enlisted in 1970.", "He joined the Reserve in 1971.", 1.0),
        ("The program was launched in 2007.", "The program began in 2008.", 1.0),
        # two events
        ("He was born in 1946.", "He was elected in 1947.", 0.0),
        # no event word on one side
        ("He enlisted in 1970.", "The weather in 1971 was mild.", 0.0),
        # an event word far from the year dates another event of the sentence
        (
            "He enlisted in 1970.",
            "In 1971 the weather was mild and dry all summer long, until he joined.",
            0.0,
        ),
    ],
)
def test_event_class(a, b, expected):
    assert dated.event_class(_year(a), _year(b, "b")) == expected


def test_every_event_word_is_in_one_class():
    members = [w for ws in dated._classes().values() for w in ws]
    assert len(members) == len(set(members))


def test_one_event_told_in_other_words_of_its_class_is_one_event():
    # "began" and "launched" are one class (began): with the words next to the years agreeing
    # little, the class is what makes the event model read one event misdated.
    a = _year("Officials said the survey began in 2007 and is in its third round.")
    b = _year("A survey launched in 2008 counts the trees of the city.", "b")
    assert dated.event_class(a, b) == 1.0
    assert linkmodel.one_event_dated(a, b, CONFIG.date_slip_years)
    model = linkmodel.load().event
    told = linkmodel.event_features(a, b)
    assert model.probability({**told, "event_class": 0.0, "event_once": 0.0}) < 0.5


@pytest.mark.parametrize(
    ("text", "classes"),
    [
        # the relation says what the date is: something must happen before or by it
        ("She may testify at any time before May 1, aides said.", {"deadline"}),
        ("The panel wants the papers by May 1, aides said.", {"deadline"}),
        ("The panel set a May 1 deadline.", {"deadline"}),
        # "since" dates a state begun by an event of any class: no class of its own
        ("She has lived there since 2010, aides said.", set()),
    ],
)
def test_classes_of_read_the_date_relation(text, classes):
    assert dated.classes_of(_year(text)) == frozenset(classes)


@pytest.mark.parametrize(
    ("a", "b", "once"),
    [
        # things that happen once to what they happen to
        ("The program was launched in 2007.", "The program began in 2008.", 1.0),
        ("He enlisted in 1970.", "He joined the Reserve in 1971.", 1.0),
        ("She may testify at any time before May 1.", "The panel set a May 2 deadline.", 1.0),
        # elections recur: one class, but not a once-only one
        ("He was elected in 2010.", "He won the race in 2011.", 0.0),
        # two classes
        ("He was born in 1946.", "He was elected in 1947.", 0.0),
    ],
)
def test_event_once(a, b, once):
    fa, fb = _year(a), _year(b, "b")
    assert dated.event_once(fa, fb) == once
    assert dated.event_class(fa, fb) == 1.0 or not once


def test_once_events_and_relation_events_name_classes():
    known = set(dated._classes())
    assert lexicon.word_set("figures/once_events") <= known
    assert set(dated._relation_classes().values()) <= known


@pytest.mark.parametrize(
    ("text", "classes"),
    [
        # a title right before "since": the date starts a state of holding the office
        ("She has been governor since January 2010, aides said.", {"office"}),
        ("He has served since 2011 on the panel.", {"office"}),
        # a title next to another relation dates nothing
        ("The governor in 2012 said no.", set()),
        # nor a title before another clause's verb
        ("President Obama has said since 2009 that it works.", set()),
    ],
)
def test_a_state_told_with_since_is_read(text, classes):
    assert dated.classes_of(_year(text)) == frozenset(classes)


@pytest.mark.parametrize(
    ("a", "b", "shared"),
    [
        # a state of office since a year dates the election that began it
        ("She has been governor since 2010.", "She was elected in 2010.", {"office"}),
        ("She has been governor since 2009.", "She was elected in 2010.", {"office"}),
        # a tenure starts the year after its election: both right, the state is not shared
        ("She has been governor since 2011.", "She was elected in 2010.", set()),
        ("He is in Congress since 2010.", "He won the election in 2010.", {"office"}),
        # an election told without a state: one class, no state begun
        ("He was elected in 2010.", "He won the race in 2011.", {"elected"}),
        # a state begun by another event than the one told
        ("She has been governor since 2011.", "She was born in 1960.", set()),
    ],
)
def test_a_state_shares_the_class_of_the_event_that_began_it(a, b, shared):
    fa, fb = _year(a), _year(b, "b")
    assert dated.shared_classes(fa, fb) == frozenset(shared)
    assert dated.shared_classes(fb, fa) == frozenset(shared)


def test_state_lists_name_classes():
    known = set(dated._classes())
    assert set(dated._since_states()) <= known
    assert set(dated._state_starts()) <= known
    assert {c for cs in dated._state_starts().values() for c in cs} <= known
