"""A verb's base form is a word, never a cut stem: keys read "date|change", not "date|chang"."""

import pytest

from newsaudit import figures
from newsaudit.figures.lemmas import lemma, name_or_lemma, noun_singular, verb_base


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("changed", "change"),
        ("receiving", "receive"),
        ("decided", "decide"),
        ("estimated", "estimate"),
        ("announced", "announce"),
        ("continued", "continue"),
        ("caused", "cause"),
        ("ruled", "rule"),
        ("dated", "date"),
        ("agreed", "agree"),
        ("denied", "deny"),
        ("stopped", "stop"),
        ("committed", "commit"),
        ("travelled", "travel"),
        ("killed", "kill"),
        ("joined", "join"),
        ("visited", "visit"),
        ("happened", "happen"),
        ("belonged", "belong"),
        ("examined", "examine"),
        ("focused", "focus"),
        ("invited", "invite"),
        ("seeing", "see"),
        ("proceed", "proceed"),
        ("struggled", "struggle"),
        ("totalled", "total"),
        ("installed", "install"),
        ("war", "war"),
    ],
)
def test_verb_base(word, base):
    assert verb_base(word) == base


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("The rules changed in 2014.", "year|change"),
        # a preposition or attribution is not the event a date is read with
        ("Prices fell during 2014.", "year|?"),
    ],
)
def test_date_keys_read_a_verb(text, measure):
    (fig,) = figures.extract_text(text)
    assert fig.measure == measure


def test_a_pronoun_is_no_event():
    (fig,) = figures.extract_text('"There is a one-in-three chance we could lose," he said.')
    assert "we" not in fig.measure.split("|")


@pytest.mark.parametrize(
    ("word", "singular"),
    [
        ("knives", "knife"),
        ("movies", "movie"),
        ("mornings", "morning"),
        ("companies", "company"),
        ("churches", "church"),
        ("classes", "class"),
        ("taxes", "tax"),
        ("cases", "case"),
        ("archives", "archive"),
        ("shoes", "shoe"),
        ("heroes", "hero"),
        ("caucuses", "caucus"),
        ("crises", "crisis"),
        ("series", "series"),
        ("news", "news"),
        ("status", "status"),
        ("knife", "knife"),
    ],
)
def test_noun_singular(word, singular):
    assert noun_singular(word) == singular


@pytest.mark.parametrize(
    ("a", "b"),
    [("knives", "knife"), ("movies", "movie"), ("mornings", "morning"), ("series", "series")],
)
def test_both_forms_one_lemma(a, b):
    assert lemma(a) == lemma(b) == b


@pytest.mark.parametrize(
    ("word", "read"),
    [("Jones", "jones"), ("Jones's", "jones"), ("knives", "knife"), ("MPs", "mps")],
)
def test_a_name_keeps_its_form(word, read):
    assert name_or_lemma(word) == read


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("Police found two knives at the house.", "knife"),
        ("Police found 1 knife at the house.", "knife"),
        ("The studio released three movies.", "movie"),
        ("He was described as 47-year-old Jones.", "age|jones"),
    ],
)
def test_keys_read_as_words(text, measure):
    assert measure in [f.measure for f in figures.extract_text(text)]


def test_a_noun_in_ing_is_no_verb():
    (fig,) = figures.extract_text("The hearing was set for the morning of May 5.")
    assert "morn" not in fig.measure.split("|")


@pytest.mark.parametrize(
    ("word", "head"),
    [
        ("hearings", "hear"),
        ("hearing", "hear"),
        ("negotiating", "negotiate"),
        ("graduated", "graduate"),
        ("yearling", "yearling"),
        ("morning", "morning"),
    ],
)
def test_a_heads_lemma_is_a_word(word, head):
    assert name_or_lemma(word) == head


def test_a_counted_plural_is_one_key_however_written():
    (a,) = figures.extract_text("The appeal was heard by five Law Lords.")
    (b,) = figures.extract_text("The appeal was heard by five law lords.")
    (c,) = figures.extract_text("Two Libyans were charged.")
    assert a.measure.split("|")[0] == b.measure.split("|")[0] == "lord"
    assert c.measure.split("|")[0] == "libyan"
