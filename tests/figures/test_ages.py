import pytest

from newsaudit.figures import extract_text


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
