"""Reading sentences: acronyms and the words they abbreviate."""

from __future__ import annotations

import pytest

from newsaudit.figures import linkmodel
from newsaudit.figures.figure import extract_text
from newsaudit.figures.phrases import acronyms, spelled_out


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Trump offered to restore T.P.S. protection for 300,000 people.", {"tps"}),
        ("The NSA collected the data under PRISM.", {"nsa", "prism"}),
        ("The U.S. and the UN agreed.", set()),  # two letters: too many chance matches
        ("No acronym here at all.", set()),
    ],
)
def test_acronyms(sentence, expected):
    assert acronyms(sentence) == expected


@pytest.mark.parametrize(
    ("a", "b", "spelled"),
    [
        (
            "Trump offered to restore T.P.S. protection for 300,000 people.",
            "It gives 280,000 people under the temporary protected status program more time.",
            True,
        ),
        (
            "The DHS said 40 agents were sent.",
            "The Department of Homeland Security sent 40.",
            True,
        ),
        (
            "The NSA said 40 agents were sent.",
            "The Department of Homeland Security sent 40.",
            False,
        ),
        ("The NSA said 40 agents were sent.", "The NSA sent 40 agents.", False),  # written alike
    ],
)
def test_spelled_out(a, b, spelled):
    assert spelled_out(a, b) is spelled
    assert spelled_out(b, a) is spelled


def test_abbreviation_feature():
    (a,) = extract_text("Trump offered to restore T.P.S. protection for 300,000 people.")
    (b,) = extract_text("It extends the temporary protected status of 280,000 people.")
    (c,) = extract_text("It extends the visas of 280,000 people.")
    assert linkmodel.features(a, b, loose=True, channel=True)["abbreviation"] == 1.0
    assert linkmodel.features(a, c, loose=True, channel=True)["abbreviation"] == 0.0


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        ("He wrote that the two teenagers should try showing a little class.", "teenager"),
        ("The 40 delegates can vote.", "delegate"),
        ("The three officers must testify.", "officer"),
        ("The 12 jurors did not agree.", "juror"),
    ],
)
def test_modal_ends_counted_phrase(text, thing):
    """A modal or 'do' after the counted noun ends its phrase: never what is counted."""
    (f,) = extract_text(text)
    assert f.thing == thing
