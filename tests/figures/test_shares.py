"""Poll and vote shares: the answer (stance), the population and the poll a share is of."""

from __future__ import annotations

import pytest

from newsaudit import figures
from newsaudit.figures import shares
from tests.conftest import corpus_of


def _share(text: str) -> figures.Figure:
    (fig,) = [f for f in figures.extract_text(text) if f.kind == "percent"][:1]
    return fig


@pytest.mark.parametrize(
    ("text", "measure", "population"),
    [
        # The answer after the share and its population, told with a verb or a preposition.
        (
            "A poll found that 61 percent of residents oppose the tax.",
            "percent|oppose",
            ("resident",),
        ),
        (
            "In the survey, 61 percent of residents are against the tax.",
            "percent|oppose",
            ("resident",),
        ),
        ("Some 44 percent of Democrats favor the proposal.", "percent|support", ("democratic",)),
        ("About 12 percent of adults were undecided.", "percent|undecided", ("adult",)),
        ("Sixty percent of those surveyed support the ban.", "percent|support", ()),
        ("Just 40 percent said they approve of the mayor's work.", "percent|approval", ()),
        ("Nine percent said they did not know.", "percent|undecided", ()),
        # Before the number: a passive, or the stance as the measure's subject.
        ("The levy is opposed by 58 percent of voters in the poll.", "percent|oppose", ("voter",)),
        ("Support for the levy stood at 47 percent in the survey.", "percent|support", ()),
        (
            "Opposition to the levy rose to 52 percent among independents.",
            "percent|oppose",
            ("independent",),
        ),
        # A fraction, a majority, the other side of a margin.
        (
            "One in three Republicans support the plan, the poll found.",
            "percent|support",
            ("republican",),
        ),
        ("A 54 percent majority of voters oppose the plan.", "percent|oppose", ("voter",)),
        (
            "Some 18 percent of Americans lack insurance, the survey found.",
            "percent|insurance",
            ("us",),
        ),
        # The group said with "among", after or before the number.
        ("Among Republicans, 70 percent support the wall.", "percent|support", ("republican",)),
        (
            "The senator got 6 percent support among likely Iowa voters.",
            "percent|support",
            ("likely", "iowa"),
        ),
    ],
)
def test_a_share_is_keyed_by_its_answer(text, measure, population):
    fig = _share(text)
    assert (fig.measure, fig.modifiers) == (measure, population)


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("Only 40 percent of Republicans do not support the bill.", "percent|oppose"),
        ("About 35 percent of voters don't approve of the council.", "percent|disapproval"),
        ("Some 20 percent of voters no longer trust the board.", "percent|distrust"),
        ("About 30 percent of voters do not oppose the plan.", "percent|not oppose"),
        ("About 38 percent of voters disapprove of the council.", "percent|disapproval"),
    ],
)
def test_a_negated_answer_is_the_other_answer(text, measure):
    assert _share(text).measure == measure


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        # Not a share of people: no answer is read.
        ("The senate rejected a 25 percent tariff.", "percent|tariff"),
        ("Unemployment rose to 7 percent against 6 percent a year ago.", "percent|unemployment"),
        ("About 30 percent of the budget was approved.", "percent|budget"),
        # A rate or a rating keeps its name.
        ("The governor's approval rating fell to 38 percent.", "percent|approval"),
        ("The district is 35 percent Latino.", "percent|latino"),
    ],
)
def test_other_shares_keep_their_reading(text, measure):
    assert _share(text).measure == measure


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        (
            "In the poll, 45 percent support Clinton and 41 percent support Trump.",
            "percent|support clinton",
        ),
        (
            "Some 43 percent disapprove of President Trump, the poll found.",
            "percent|disapproval trump",
        ),
        (
            "Clinton's support among Latinos is 60 percent, the poll found.",
            "percent|support clinton",
        ),
        (
            "Some 38 percent have a favorable view of Sanders, the survey found.",
            "percent|favorability sanders",
        ),
        ("Trump's approval rating is 43 percent.", "percent|approval trump"),
        # Not a name: the answer alone.
        ("Just 40 percent said they approve of the job Trump is doing.", "percent|approval"),
        ("The governor's approval rating fell to 38 percent.", "percent|approval"),
    ],
)
def test_an_answer_about_someone_named_is_keyed_with_the_name(text, measure):
    assert _share(text).measure == measure


def test_the_other_side_of_a_margin_is_not_the_first_sides_answer():
    first, second = figures.extract_text("Voters oppose the plan 54 percent to 40 percent.")
    assert (first.measure, second.measure) == ("percent|oppose", "percent|?")


@pytest.mark.parametrize(
    ("words", "group"),
    [
        (["Hispanic", "voters"], ("latino",)),
        (["Hispanics"], ("latino",)),
        (["GOP", "voters"], ("republican",)),
        (["Republicans"], ("republican",)),
        (["voters"], ("voter",)),
        (["the", "people", "polled"], ()),
        (["Americans"], ("us",)),
    ],
)
def test_populations_are_folded(words, group):
    assert shares.group(words) == group


@pytest.mark.parametrize(
    ("text", "owner", "population"),
    [
        # A vote share: whose share it is, and of which votes.
        ("Romney took 47 percent of the vote.", "romney", ("vote",)),
        ("Romney captured 47 percent of the Latino vote.", "romney", ("latino",)),
        ("Obama won three quarters of Latino votes cast in 2012.", "obama", ("latino",)),
        ("Romney won 47 percent.", "romney", ()),
        # A share of a place's people: the place owns it, written either way.
        ("McCarthy, whose district is 35 percent Latino, spoke.", "district", ()),
    ],
)
def test_a_vote_share_has_its_owner_and_votes(text, owner, population):
    fig = _share(text)
    assert (fig.owner, fig.modifiers) == (owner, population)


def _disagreements(a: str, b: str) -> int:
    corpus = corpus_of({"a": f"Topeka.\n\n{a} Then more.", "b": f"Topeka.\n\n{b} Then more."})
    return len(figures.analyse(corpus).disagreements)


@pytest.mark.parametrize(
    ("a", "b", "conflicts"),
    [
        # One answer of one population, told two ways: one measure, the values disagree.
        (
            "A poll found that 54 percent of voters oppose the levy.",
            "In the same poll, 57 percent of voters are against the levy.",
            1,
        ),
        (
            "Only 40 percent of Republicans do not support the levy, the poll found.",
            "The poll found 44 percent of GOP voters oppose the levy.",
            1,
        ),
        (
            "The mayor's approval rating is 43 percent in the poll.",
            "In the poll, 47 percent of voters approve of the mayor.",
            1,
        ),
        (
            "Hispanic voters made up 10 percent of the electorate.",
            "Hispanics made up 12 percent of the electorate.",
            1,
        ),
        ("Romney won 47 percent of the vote.", "Romney took 49 percent of the vote.", 1),
        (
            "Trump's approval rating is 43 percent in the poll.",
            "In the poll, 47 percent of voters approve of President Trump.",
            1,
        ),
        (
            "A poll found 71 per cent of the public don't want the new runway.",
            "A poll found that 74 per cent of the public did not want the new runway.",
            1,
        ),
        # Opposite answers, two populations, two polls, two people: never one measure.
        (
            "In the poll, 45 percent of voters support Clinton.",
            "In the poll, 43 percent of voters support Trump.",
            0,
        ),
        ("Romney won 47 percent of the vote.", "Romney won 49 percent of the Latino vote.", 0),
        (
            "A poll found that 54 percent of voters oppose the levy.",
            "In the same poll, 57 percent of voters support the levy.",
            0,
        ),
        (
            "A poll found that 54 percent of voters support the levy.",
            "In the same poll, 57 percent of voters do not support the levy.",
            0,
        ),
        (
            "A poll found that 54 percent of Republicans oppose the levy.",
            "The poll found that 57 percent of Democrats oppose the levy.",
            0,
        ),
        (
            "A Quinnipiac poll found 54 percent of voters oppose the levy.",
            "A Gallup poll found 57 percent of voters oppose the levy.",
            0,
        ),
    ],
)
def test_shares_meet_only_with_the_same_answer(a, b, conflicts):
    assert _disagreements(a, b) == conflicts


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "In the poll, 54 percent of voters oppose the levy.",
            "In the poll, 54 percent support it.",
        ),
        ("In the poll, 54 percent approve of the mayor.", "In the poll, 54 percent disapprove."),
        ("In the poll, 54 percent support the levy.", "In the poll, 54 percent are undecided."),
    ],
)
def test_opposite_answers_are_never_compared(a, b):
    corpus = corpus_of({"a": f"Topeka.\n\n{a} Then more.", "b": f"Topeka.\n\n{b} Then more."})
    comparisons = figures.analyse(corpus).comparisons
    assert comparisons.empty or not comparisons["compared_with"].astype(bool).any()
