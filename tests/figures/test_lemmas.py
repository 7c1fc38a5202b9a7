"""A verb's base form is a word, never a cut stem: keys read "date|change", not "date|chang"."""

import pytest

from newsaudit import figures
from newsaudit.figures.lemmas import verb_base


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
