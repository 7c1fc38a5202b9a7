import pytest

from newsaudit import figures
from newsaudit.config import FiguresConfig
from newsaudit.figures import extract_text
from newsaudit.figures.contexts import channel_apart, context_conflict


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # in apposition: the age of the person named just before it
        ("McCarthy, 49, began gathering commitments.", [("49", "age", "age|mccarthy")]),
        ("Malia, 16, was dressed in a plaid miniskirt.", [("16", "age", "age|malia")]),
        # after "aged": names listed before it take the ages in order
        (
            "Malia and Sasha Obama, aged 17 and 13 respectively, should try.",
            [("17", "age", "age|malia"), ("13", "age", "age|sasha")],
        ),
        ("Smith, aged 49, said so.", [("49", "age", "age|smith")]),
        # ending a relative clause on the person: the same apposition told with a verb
        ("Labrador, who is 46, would be the first.", [("46", "age", "age|labrador")]),
        ("He met Huckabee, who was 59.", [("59", "age", "age|huckabee")]),
        ("Romney, who was 12 points behind, won.", [("12", "count", "point")]),
        # ages of people not named: ages, of no one's key
        ("The boys, aged 12 and 15, ran.", [("12", "age", "age|?"), ("15", "age", "age|?")]),
        ("He moved to the mainland at age 13.", [("13", "age", "age|?")]),
        # no age: not in apposition, past any age, qualified, or glyphs that are no digits
        ("Ohio lost 5, Texas 7.", [("5", "count", "?"), ("7", "count", "?")]),
        ("Boeing, 737, flew.", [("737", "count", "?")]),
        ("The dish held 10\u2076 cells.", [("10\u2076", "count", "cell")]),
    ],
)
def test_ages_written_as_bare_numbers(text, expected):
    got = [(f.text, f.kind, f.measure) for f in extract_text(text)]
    assert got == expected


def test_an_age_has_no_time_frame_of_its_sentence():
    # "from 1989 to 2013" dates the service, not the age: the two ages meet.
    a = figures.extract_text("Lieberman, 75, who served in the Senate from 1989 to 2013, spoke.")
    b = figures.extract_text("The 75-year-old former senator is the front-runner.")
    fa = next(f for f in a if f.kind == "age")
    fb = next(f for f in b if f.kind == "age")
    assert not channel_apart(fa, fb)
    assert not context_conflict(fa, fb, FiguresConfig())
