"""What a figure measures: measure keys, earlier values, generic nouns, time frames."""

from __future__ import annotations

import pytest

from newsaudit import figures


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("More than 300 UN peacekeepers have also been killed.", "troops|killed"),
        (
            "With approximately 170 peacekeepers losing their lives in the line of duty.",
            "troops|killed",
        ),
        ("MINUSMA, with its 14,000-strong troop presence, was established.", "troops"),
        ("The mission, comprising 13,000 peacekeepers, was deployed.", "troops"),
        (
            "the execution of more than 500 civilians in the village of Moura",
            "civilians|killed|Moura",
        ),
        ("Thousands have lost their lives.", "people|killed"),
        ("Several thousand protesters gathered on Thursday.", "protesters|gathered"),
        ("The peacekeeping mission, established in 2013, faced criticism.", "year|established"),
        ("Relations soured after a military coup in 2020.", "year|coup"),
        ("France withdrew its troops from Mali in 2022 after a military coup.", "year|withdrawal"),
        ("after a decade of unsuccessful peacekeeping operations", "years|mission"),
        ("Since 2013, Mali has faced attacks by armed groups.", "year|attack|since"),
        # A year in a prepositional phrase dates the clause before it, not the noun after it.
        ("He joined the Marine Corps Reserves in 1971 and served for years.", "year|join"),
        ("Reports told of a program launched in 2007 called PRISM.", "year|established"),
        ("In 1970, with his last deferment in jeopardy, he landed a spot.", "year|?"),
        ("Clinton, the front-runner in the 2016 presidential race, declined.", "year|election"),
        ("Lawmakers elected in 2010 were hoping for a change.", "year|election"),
        ("She sued him in 2014, claiming that he had fired her.", "year|lawsuit"),
        ("Personnel must leave by December 31.", "month-day|withdrawal|until"),
        ("Cholera has infected at least 1,400 people.", "cases"),
        ("Officials recorded 1,340 suspected cholera cases.", "cases"),
        ("More than 40,000 people have been vaccinated.", "people|vaccinated"),
        ("Some 40,000 people have received a vaccine dose.", "people|vaccinated"),
        ("Some 6,000 residents have been ordered to evacuate.", "people|evacuated"),
        ("The fire forced 6,000 residents to leave their homes.", "people|evacuated"),
        ("About 21,000 hectares had burned.", "ha|burned"),
        ("6,500 people had been evacuated and 21,000 hectares had burned.", "people|evacuated"),
        ("The blaze has scorched 18,000 hectares.", "ha|burned"),
        ("It was 30 per cent contained late on Wednesday.", "percent|contained"),
        ("The jobless rate climbed to 5.4%.", "percent|unemployment"),
        ("Unemployment rose to 5.4%.", "percent|unemployment"),
        ("The central bank's main rate stands at 4.75%.", "percent|interest rate"),
        ("The economy grew 2.1% between April and June.", "percent|economy|increase"),
        ("The 1,250 firefighters were deployed.", "firefighter"),
        ("At least 14 protesters were killed.", "people|killed"),
        ("Some 120 protesters were arrested.", "people|arrested"),
        ("Several thousand protesters gathered on Thursday.", "protesters|gathered"),
        ("More than 500 civilians were killed.", "civilians|killed"),
    ],
)
def test_measure_keys(text: str, measure: str) -> None:
    found = [f for f in figures.extract_text(text) if f.kind != "year" or "year" in measure]
    assert found[0].measure == measure


@pytest.mark.parametrize(
    ("text", "figure_text"),
    [
        ("Unemployment rose to 5.4% from 5.1%.", "5.1%"),
        ("Around 900 firefighters were on duty, down from a peak of 1,300.", "1,300"),
        ("Five people have died, up from four on Wednesday.", "four"),
        ("Employers added 15,000 jobs, fewer than the 24,000 added before.", "24,000"),
        ("Inflation slowed to 3.2% in June from 3.6% in May.", "3.6%"),
    ],
)
def test_earlier_values_are_keyed_apart(text: str, figure_text: str) -> None:
    found = {f.text: f for f in figures.extract_text(text)}
    earlier = found[figure_text]
    assert earlier.measure.endswith("|from") or not figures.comparable(earlier)
    assert not any(f.measure.endswith("|from") for t, f in found.items() if t != figure_text)


@pytest.mark.parametrize(
    ("text", "comparable"),
    [
        ("About 40,000 young people are out of work, a rate of 14%.", False),
        ("The mortgage rate is 6%.", True),
        ("The share of 40% was sold.", False),
    ],
)
def test_generic_measure_nouns_need_a_modifier(text: str, comparable: bool) -> None:
    found = [f for f in figures.extract_text(text) if f.kind == "percent"]
    assert figures.comparable(found[0]) is comparable


@pytest.mark.parametrize(
    ("text", "figure_text", "timeframe"),
    [
        ("It was the worst flooding since 2019, when 21 people were killed.", "21", "in 2019"),
        (
            "The last major quake, in 1998, killed roughly 2,000 people.",
            "roughly 2,000",
            "in 1998",
        ),
        ("Since 2013, thousands of people have been killed.", "thousands", "since 2013"),
    ],
)
def test_time_frames_of_counts(text: str, figure_text: str, timeframe: str) -> None:
    (fig,) = [f for f in figures.extract_text(text) if f.text == figure_text]
    assert timeframe in fig.timeframe


@pytest.mark.parametrize(
    ("agency", "paper"),
    [
        (
            "A man was jailed for 18 months today for stealing.",
            "A man was jailed for 18 months yesterday for stealing.",
        ),
        (
            "She was given a two-year ban tonight by the court.",
            "She was given a two-year ban yesterday by the court.",
        ),
    ],
)
def test_the_day_an_article_speaks_from_is_not_what_is_measured(agency: str, paper: str) -> None:
    """The agency writes "today", the papers next morning "yesterday": one measure, one key."""
    (a,) = figures.extract_text(agency)
    (b,) = figures.extract_text(paper)
    assert a.measure == b.measure
    assert not {"today", "tonight", "yesterday"} & set(a.measure.split("|"))
