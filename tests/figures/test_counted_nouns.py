"""What a count or share counts when its noun phrase is coordinated or its noun ends in -ing."""

from __future__ import annotations

import pytest

from newsaudit import figures
from newsaudit.figures import lemmas
from tests.conftest import corpus_of


@pytest.mark.parametrize(
    ("text", "thing", "modifiers"),
    [
        # A pair of modifiers joined by "and"/"or" does not end the noun phrase.
        ("After five past and present Ohio Democratic mayors spoke out.", "mayor", ("Ohio",)),
        ("Two current or former officials said so.", "official", ()),
        ("Three former and current Texas judges signed it.", "judge", ("Texas",)),
        ("They hired 40 full-time and part-time workers.", "workers", ()),
        # A conjunction between two nouns still ends it: two things are counted.
        ("He met five people and two children.", "people", ()),
        ("Four senators and three governors came.", "senator", ()),
    ],
)
def test_paired_modifiers_keep_the_noun(text, thing, modifiers):
    first = figures.extract_text(text)[0]
    assert first.thing == thing
    assert set(modifiers) <= set(first.modifiers)


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("The governor's approval rating fell to 38 percent last month.", "percent|approval"),
        ("Her approval ratings stood at 52 percent.", "percent|approval"),
        ("The state's poverty rate rose to 14 percent.", "percent|poverty"),
        ("The favorability rating of the mayor dropped to 41 percent.", "percent|favorability"),
    ],
)
def test_rating_nouns_name_the_measure(text, measure):
    (share,) = figures.extract_text(text)
    assert share.measure == measure


@pytest.mark.parametrize(
    ("word", "lemma"),
    [("rating", "rating"), ("ratings", "rating"), ("rates", "rate"), ("parking", "park")],
)
def test_listed_nouns_keep_their_form(word, lemma):
    assert lemmas.noun_lemma(word, frozenset({"rating", "rate"})) == lemma


def test_two_outlets_giving_one_rating_two_ways_disagree():
    corpus = corpus_of(
        {
            "a": "Albany.\n\nThe governor's approval rating fell to 38 percent in the poll.",
            "b": "Albany.\n\nA poll put the governor's approval rating at 42 percent.",
        }
    )
    result = figures.analyse(corpus)
    assert len(result.disagreements) == 1


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        ("The shutdown left 800,000 federal workers without pay.", "workers"),
        ("Some 850,000 federal employees went without pay.", "workers"),
        ("Twelve lawmakers came to the hearing.", "lawmaker"),
        ("Forty students fled through the back door.", "student"),
    ],
)
def test_a_noun_phrase_ends_at_a_preposition_or_an_irregular_verb(text, thing):
    assert figures.extract_text(text)[0].thing == thing


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Three Republican senators opposed the bill.",
            "The bill was opposed by four GOP senators.",
        ),
        (
            "The 3,000 U.S. troops arrived on Monday.",
            "The 3,400 American troops arrived on Monday.",
        ),
        (
            "Romney won 47 percent of the vote in Ohio.",
            "In Ohio, Romney took 50 percent of the vote.",
        ),
    ],
)
def test_one_group_or_owner_spelled_two_ways_is_compared(a, b):
    corpus = corpus_of({"a": f"Columbus.\n\n{a} Then more.", "b": f"Columbus.\n\n{b} Then more."})
    assert len(figures.analyse(corpus).disagreements) == 1


def test_two_parties_are_two_groups():
    corpus = corpus_of(
        {
            "a": "Columbus.\n\nThree Republican senators opposed the bill. Then more.",
            "b": "Columbus.\n\nFour Democratic senators opposed the bill. Then more.",
        }
    )
    assert figures.analyse(corpus).disagreements.empty


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("Nine people were convicted in the scheme.", "people|convicted"),
        ("Twelve men pleaded guilty to fraud.", "men|convicted"),
        ("The agency deported 240,000 people last year.", "people|deported"),
        ("About 1,200 workers were laid off at the plant.", "workers|laid off"),
        ("Some 1,300 workers lost their jobs at the plant.", "workers|laid off"),
    ],
)
def test_what_was_done_to_people_is_what_is_counted(text, measure):
    assert figures.extract_text(text)[0].measure == measure


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The report was 448 pages long.", "The report ran to 450 pages."),
        ("The bill has 40 co-sponsors.", "The bill has 43 cosponsors."),
        ("The plant has 4,000 workers.", "The plant has 4,300 employees."),
        ("The raid freed 14 children.", "The raid freed 16 kids."),
    ],
)
def test_one_counted_noun_written_two_ways(a, b):
    (fa,), (fb,) = figures.extract_text(a), figures.extract_text(b)
    assert fa.thing == fb.thing


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Ninety percent of the funds went to the state.",
            "The state received 87 percent of the money.",
        ),
        (
            "Women made up 48 percent of the electorate.",
            "Women were 52 percent of the electorate.",
        ),
    ],
)
def test_one_share_read_two_ways(a, b):
    (fa, *_), (fb, *_) = figures.extract_text(a), figures.extract_text(b)
    assert fa.measure == fb.measure


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("Since then, Latino voters made up 11 percent of the electorate.", "latino"),
        ("In the end, the city set aside 5 percent of its budget.", "city"),
    ],
)
def test_a_phrasal_verb_has_its_subject(text, owner):
    (share,) = figures.extract_text(text)
    assert owner in (share.owner, *share.modifiers)


def _disagreements(a: str, b: str) -> int:
    corpus = corpus_of({"a": f"Columbus.\n\n{a} Then more.", "b": f"Columbus.\n\n{b} Then more."})
    return len(figures.analyse(corpus).disagreements)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A counting base: the partners and the pact they sign with one more member.
        (
            "Ministers from 11 Pacific Rim nations met in Hawaii on Friday.",
            "Ministers backed the 12-nation Pacific trade pact on Friday.",
        ),
        # A compound's noun met in another office: terms in the House, not as governor.
        ("She served three terms in the House.", "Her two-term governorship ended early."),
    ],
)
def test_a_count_and_a_compound_of_its_noun_are_not_called_a_conflict(a, b):
    assert _disagreements(a, b) == 0


@pytest.mark.xfail(
    strict=True,
    reason="a small set read at two heads is left uncompared (README, BASIL round 25)",
)
@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Five Ohio Republican senators urged the mayor to quit.",
            "Six senior Ohio Republicans urged the mayor to quit.",
        ),
        (
            "A grand jury charged him in a seven-count indictment.",
            "He was charged with eight counts, including perjury.",
        ),
    ],
)
def test_one_small_set_read_at_two_heads(a, b):
    assert _disagreements(a, b) == 1
