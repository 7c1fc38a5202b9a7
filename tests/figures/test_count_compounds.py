"""A hyphenated count counts its own noun ("a 24-page indictment": pages) and belongs to the noun
it modifies (the indictment), read as a duration's compound is ("a two-year sentence")."""

from __future__ import annotations

import pytest

from newsaudit import figures
from newsaudit.figures import units
from newsaudit.figures.span import Span
from tests.conftest import corpus_of
from tests.figures.conftest import CONFIG


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        # The number counts the noun after its hyphen, of the noun the compound modifies.
        ("A grand jury charged him in a seven-count indictment.", "count|indictment"),
        ("The 24-page indictment lays out the case.", "page|indictment"),
        ("The 12-nation pact was signed.", "nation|pact"),
        ("The 448-page report was released.", "page|report"),
        ("A 10-member panel met.", "member|panel"),
        ("She is a two-term senator.", "term|senator"),
        ("The four-part drama aired.", "part|drama"),
        # Forms of the counted noun its lemma does not read (compound_nouns.yaml).
        ("They bought a four-bedroomed house.", "bedroom|homes"),
        ("He hired a 20-seater coach.", "seat|coach"),
        ("She sent a 4-pg letter.", "page|letter"),
        # Points: of a lead, or of a change, as when written as a plain count.
        ("He holds a 10-point lead.", "point|lead"),
        ("A 2-point drop in unemployment came.", "point|unemployment|decrease"),
        ("Unemployment fell 2 points.", "point|unemployment|decrease"),
        # Near misses that stay as they were: durations, ages, the size of a force, a measure
        # noun, a rate, a multiple, a plain count.
        ("He got a two-year sentence.", "years|sentence"),
        ("A 47-year-old man died.", "age|man"),
        ("The 1,000-strong force arrived.", "troops"),
        ("It was a 7.1-magnitude quake.", "magnitude"),
        ("The show had four-a-week episodes.", "episode"),
        ("He is a three-times champion.", "champion"),
        ("He was charged with seven counts.", "count"),
        ("The report ran to 448 pages.", "page"),
        ("A two-thirds majority voted.", "percent|majority"),
    ],
)
def test_a_count_compound_counts_its_own_noun(text, measure):
    (fig,) = figures.extract_text(text)
    assert fig.measure == measure


@pytest.mark.parametrize(
    ("text", "kind", "unit"),
    [
        # Units and money written as compounds are read as before.
        ("He ran a 10-mile race.", "quantity", "mile"),
        ("A 300-pound man sat.", "quantity", "lb"),
        ("He paid with a 20-pound note.", "money", "GBP"),
        ("A two-thirds majority voted.", "percent", "%"),
    ],
)
def test_a_unit_compound_is_no_count(text, kind, unit):
    (fig,) = figures.extract_text(text)
    assert (fig.kind, fig.unit) == (kind, unit)


@pytest.mark.parametrize(
    "text",
    [
        "A 5-4 ruling came down.",
        "It was a 3-2 win.",
        "He had a 12-bore shotgun.",
        "He won a six-figure sum.",
    ],
)
def test_scores_and_kinds_stay_no_figure(text):
    assert figures.extract_text(text) == []


@pytest.mark.parametrize(
    ("hyphen", "noun"),
    [
        ("page", "page"),
        ("count", "count"),
        ("nation", "nation"),
        ("bedroomed", "bedroom"),
        ("seater", "seat"),
        ("pg", "page"),
        ("strong", ""),  # the size of the force it modifies
        ("times", ""),  # a multiple
        ("a-week", ""),  # a rate
    ],
)
def test_counted_noun(hyphen, noun):
    assert units.counted_noun(Span(0, 5, 3, 3, "count", "count", hyphen=hyphen)) == noun


def test_only_a_count_has_a_counted_noun():
    assert units.counted_noun(Span(0, 5, 3, 3, "duration", "years", hyphen="long")) == ""
    assert units.counted_noun(Span(0, 5, 3, 3, "count", "count")) == ""


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        # A phrasal verb ends the noun phrase: its particle is never what is counted.
        ("Some 40 firms set aside money.", "firm"),
        ("The 24-page indictment lays out the case.", "page"),
        # A particle right after the counted noun is read as before.
        ("He has 3 back rooms.", "room"),
    ],
)
def test_a_phrasal_verb_ends_the_noun_phrase(text, thing):
    (fig,) = figures.extract_text(text)
    assert fig.thing == thing


def test_a_compound_and_a_plain_count_of_its_noun_count_one_thing():
    (compound,) = figures.extract_text("A grand jury charged him in a seven-count indictment.")
    (plain,) = figures.extract_text("He was charged with seven counts.")
    (pages,) = figures.extract_text("The 24-page indictment came out.")
    assert compound.thing == plain.thing == "count"
    assert pages.thing == "page" and pages.event == compound.event == "indictment"


def test_pages_and_counts_of_one_indictment_are_never_compared():
    texts = {"a": "The 24-page indictment came out.", "b": "The seven-count indictment came out."}
    result = figures.analyse(corpus_of(texts), CONFIG)
    assert result.disagreements.empty and result.comparisons.empty
