"""Contexts that keep two figures apart (figures/contexts.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsaudit import figures
from newsaudit.config import FiguresConfig
from newsaudit.figures.contexts import channel_apart, context_conflict, frames, near_frames


def _figure(text: str, number: str) -> figures.Figure:
    (f,) = [f for f in figures.extract_text(text) if f.text == number]
    return f


@pytest.mark.parametrize(
    ("text", "number", "near"),
    [
        # The year dates the nomination, far from the figure: not the figure's time frame.
        (
            "The speech capped three days of panel talks and speeches by the many hopefuls "
            "for the party's 2012 nomination.",
            "three days",
            set(),
        ),
        # Right next to it, the year scopes the toll.
        ("It was the worst flooding since 2019, when 21 people were killed.", "21", {"in 2019"}),
    ],
)
def test_near_frames(text, number, near):
    f = _figure(text, number)
    assert frames(f)
    assert near_frames(f) == near


def test_a_year_far_from_one_figure_does_not_keep_the_channel_apart():
    far = _figure(
        "The speech capped three days of panel talks and speeches by the many hopefuls for "
        "the party's 2012 nomination.",
        "three days",
    )
    other = _figure("Delegates closed three days of panel talks on Saturday.", "three days")
    toll = _figure("It was the worst flooding since 2019, when 21 people were killed.", "21")
    now = _figure("In all, 17 people were killed when the river burst.", "17")
    assert not channel_apart(far, other)
    assert channel_apart(toll, now)


@pytest.mark.parametrize(
    ("mods_a", "mods_b", "apart"),
    [
        (("Irish",), ("IRISH",), False),  # a headline in capitals
        (("Penelope",), ("penelope",), False),
        (("mrs",), ("pam",), False),  # a title is not a given name
        (("Dr", "David"), ("dr",), False),
        (("miss",), ("gillian",), False),
        (("janice",), ("connie",), True),  # two people of one family name
        (("Irish",), ("Scottish",), True),
    ],
)
def test_groups_compared_folded_without_titles(mods_a, mods_b, apart):
    f = _figure("Five tourists were charged.", "Five")
    a, b = replace(f, modifiers=mods_a), replace(f, modifiers=mods_b, article_id="b")
    assert bool(context_conflict(a, b, FiguresConfig())) == apart
