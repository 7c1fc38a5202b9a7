"""Tests for newsaudit.figures: number forms, qualifiers, measures, verdicts on the seeds."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsaudit import corpus, figures
from newsaudit.config import SEEDS_DIR, FiguresConfig

DATA = Path(__file__).parent / "data" / "figures"
CONFIG = FiguresConfig()


def one(text: str, **kwargs: object) -> figures.Figure:
    found = figures.extract_text(text, CONFIG, **kwargs)
    assert len(found) == 1, found
    return found[0]


@pytest.fixture(scope="module")
def seeds() -> corpus.Corpus:
    return corpus.load(SEEDS_DIR)


@pytest.fixture(scope="module")
def result(seeds: corpus.Corpus) -> figures.FiguresResult:
    return figures.analyse(seeds, CONFIG)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("more than 300 peacekeepers", 300, math.inf),
        ("approximately 170 peacekeepers", 153, 187),
        ("a 14,000-strong force", 14_000, 14_000),
        ("at least 12 people died", 12, math.inf),
        ("nearly 300 soldiers", 270, 300),
        ("almost ten years", 9, 10),
        ("up to 40 refugees", 0, 40),
        ("fewer than 50 fighters", 0, 50),
        ("some 2,000 troops", 1_800, 2_200),
        ("around 1.2 million people", 1_080_000, 1_320_000),
        ("between 12,000 and 15,000 troops", 12_000, 15_000),
        ("12,000-15,000 troops", 12_000, 15_000),
        ("over 500 civilians", 500, math.inf),
    ],
)
def test_qualifiers_become_bounds(text: str, low: float, high: float) -> None:
    fig = one(text)
    assert (fig.low, fig.high) == pytest.approx((low, high))


@pytest.mark.parametrize(
    ("text", "figure_text", "low", "unit"),
    [
        ("The force has 14,000 troops.", "14,000", 14_000, "count"),
        ("It lasted ten years.", "ten years", 10, "years"),
        ("a coup nine months later", "nine months", 9, "months"),
        ("a dozen villages burned", "a dozen", 12, "count"),
        ("two hundred and fifty people", "two hundred and fifty", 250, "count"),
        ("They pledged $3.5bn in aid.", "$3.5bn", 3.5e9, "USD"),
        ("a budget of €40m", "€40m", 40e6, "EUR"),
        ("it cost 2 million dollars", "2 million dollars", 2e6, "USD"),
        ("Turnout was 62.5% this time", "62.5%", 62.5, "%"),
        ("Turnout was 58 per cent.", "58 per cent", 58, "%"),
        ("a 45-year-old man", "45-year-old", 45, "years old"),
        ("after a decade of war", "a decade", 10, "years"),
        ("a decade-long mission", "decade-long", 10, "years"),
        ("It was created in 2013.", "2013", 2013, "year"),
        ("The UN has until June 30th to decide.", "June 30th", 630, "month-day"),
        ("The vote is on 5 March 2024.", "5 March 2024", 20240305, "date"),
        ("The attack came in March 2022.", "March 2022", 20220301, "date"),
        ("It was the third coup.", "third", 3, "ordinal"),
        ("It was the 21st summit.", "21st", 21, "ordinal"),
        ("Two-thirds of voters agreed.", "Two-thirds", 200 / 3, "%"),
    ],
)
def test_number_forms(text: str, figure_text: str, low: float, unit: str) -> None:
    fig = one(text)
    assert (fig.text, fig.low, fig.unit) == (figure_text, pytest.approx(low), unit)
    assert text[fig.start : fig.end] == fig.text


@pytest.mark.parametrize(
    "text",
    [
        "It is one of the key tasks.",
        "The M5-RFP party organised it.",
        "the post-9/11 approach",
        "A report came out in May.",
        "Several groups joined.",
        "a few of them left",
    ],
)
def test_not_figures(text: str) -> None:
    assert figures.extract_text(text, CONFIG) == []


@pytest.mark.parametrize(
    ("text", "published", "low", "high"),
    [
        ("They were killed last year.", dt.date(2023, 6, 20), 2022, 2022),
        ("They were killed last year.", None, -math.inf, math.inf),
        ("Elections are due next year.", dt.date(2023, 6, 20), 2024, 2024),
    ],
)
def test_relative_years_resolve_against_the_article_date(
    text: str, published: dt.date | None, low: float, high: float
) -> None:
    fig = one(text, published=published)
    assert (fig.low, fig.high, fig.unit) == (low, high, "year")


def test_that_year_takes_the_last_written_year() -> None:
    found = figures.extract_text("Violence began in 2013. The mission was set up that year.")
    assert [(f.text, f.low) for f in found] == [("2013", 2013), ("that year", 2013)]
    assert found[1].measure == "year|established"


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
        ("The economy grew 2.1% between April and June.", "percent|increase"),
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
    ("texts", "verdicts", "n_conflicts"),
    [
        # A cumulative and a daily count under one key: each meets its own counterpart.
        (
            {
                "a": "X\n\nOfficials recorded 1,340 cholera cases. On Thursday, 86 new cases.",
                "b": "X\n\nAround 90 cases are now being reported every day.",
                "c": "X\n\nOfficials recorded 1,340 cases. There were 86 cases on Thursday.",
            },
            {
                ("a", "1,340"): "consistent",
                ("a", "86"): "compatible",
                ("b", "Around 90"): ("compatible"),
            },
            0,
        ),
        # A later figure of the same measure is compared too (the second party's seats).
        (
            {
                "a": "X\n\nThe Unity Party won 132 seats. The opposition alliance took 87 seats.",
                "b": "X\n\nThe Unity Party won 130 seats. The opposition won 85 seats.",
            },
            {("a", "132"): "inconsistent", ("a", "87"): "inconsistent"},
            2,
        ),
        # One subject spelled two ways; a cumulative figure since a year is left out.
        (
            {
                "a": "X\n\nThe economy grew 2.1% between April and June.",
                "b": "X\n\nGDP expanded 2.3% in the quarter. Since 2019, it has grown by 9%.",
            },
            {("a", "2.1%"): "inconsistent", ("b", "2.3%"): "inconsistent"},
            1,
        ),
        # An earlier toll in the same sentence is no counterpart of today's.
        (
            {
                "a": "X\n\nFive people have now died, up from four on Wednesday.",
                "b": "X\n\nFive people have been killed in the fire.",
            },
            {("a", "Five"): "consistent", ("b", "Five"): "consistent"},
            0,
        ),
    ],
)
def test_every_figure_meets_its_counterpart(
    texts: dict[str, str], verdicts: dict[tuple[str, str], str], n_conflicts: int
) -> None:
    res = figures.analyse(corpus.from_texts(texts), CONFIG)
    got = {(r.article_id, r.text): r.verdict for r in res.comparisons.itertuples()}
    for k, v in verdicts.items():
        assert got[k] == v, (k, got)
    assert len(res.disagreements) == n_conflicts
    assert res.comparisons["compared_with"].str.len().gt(0).any()
    per_key = res.checks.groupby(["measure", "article_id"]).size()
    assert (per_key == 1).all()  # figure_checks.csv: one row per (measure, article)


def test_figures_table_contract(result: figures.FiguresResult, seeds: corpus.Corpus) -> None:
    assert list(result.figures.columns) == figures.FIGURE_COLUMNS
    assert list(result.checks.columns[:7]) == [
        "measure",
        "article_id",
        "text",
        "low",
        "high",
        "unit",
        "verdict",
    ]
    for row in result.figures.itertuples():
        assert seeds[row.article_id].text[row.start : row.end] == row.text
    ordered = result.figures.sort_values(["article_id", "start"], ignore_index=True)
    pd.testing.assert_frame_equal(result.figures, ordered)
    assert set(result.checks["verdict"]) <= {"consistent", "compatible", "inconsistent"}
    assert (result.checks.groupby("measure")["article_id"].nunique() >= 2).all()


def _verdicts(result: figures.FiguresResult, measure: str) -> dict[str, str]:
    rows = result.checks[result.checks["measure"] == measure]
    return {r.article_id[:3]: r.verdict for r in rows.itertuples()}


@pytest.mark.parametrize(
    ("measure", "expected"),
    [
        ("troops", {"000": "inconsistent", "001": "inconsistent", "003": "inconsistent"}),
        ("troops|killed", {"001": "inconsistent", "003": "inconsistent"}),
        ("civilians|killed|Moura", {"001": "compatible", "003": "compatible"}),
        ("year|established", {"001": "consistent", "003": "consistent", "004": "consistent"}),
        (
            "year|coup",
            {"001": "consistent", "002": "consistent", "003": "consistent", "004": "consistent"},
        ),
    ],
)
def test_seed_verdicts(result: figures.FiguresResult, measure: str, expected: dict) -> None:
    assert _verdicts(result, measure) == expected


def test_seed_texts(result: figures.FiguresResult) -> None:
    checks = result.checks.set_index(["measure", result.checks["article_id"].str[:3]])
    assert checks.loc[("troops", "000"), "text"] == "14,000-strong"
    assert checks.loc[("troops", "001"), "text"] == "more than 14,000"
    assert checks.loc[("troops", "003"), "text"] == "13,000"
    assert checks.loc[("troops|killed", "001"), "text"] == "More than 300"
    assert checks.loc[("troops|killed", "003"), "text"] == "approximately 170"


def test_no_seed_hard_negative_is_inconsistent(result: figures.FiguresResult) -> None:
    """Only figures hand-labelled as part of a true conflict may be called inconsistent."""
    gold = pd.read_csv(DATA / "seeds_figures.csv", dtype=str, keep_default_na=False)
    conflicting = {
        (r.article_id, int(r.start)) for r in gold.itertuples() if r.gold_verdict == "inconsistent"
    }
    called = result.checks[result.checks["verdict"] == "inconsistent"]
    assert not called.empty
    for row in called.itertuples():
        assert (row.article_id, row.start) in conflicting, row


def test_disagreements_are_ordered_by_size(result: figures.FiguresResult) -> None:
    dis = result.disagreements
    assert list(dis["measure"].iloc[:1]) == ["troops|killed"]
    assert dis["relative_difference"].is_monotonic_decreasing
    assert dis.iloc[0]["relative_difference"] == pytest.approx(113 / 300)


def test_matrix_is_measures_by_articles(result: figures.FiguresResult, seeds) -> None:
    assert list(result.matrix.columns) == seeds.ids
    assert set(result.matrix.index) == set(result.checks["measure"])
    assert result.matrix.loc["troops|killed", seeds.ids[2]] == ""


CLUSTER = {
    "a": "Clashes\n\nMore than 40 soldiers have been killed since 2019, the army said.",
    "b": "Clashes\n\nSome 25 soldiers have been killed in hostile acts, officials said.",
    "c": "Clashes\n\nAt least 40 soldiers have been killed since 2019 in the region.",
}


def test_different_contexts_need_review_not_a_verdict_of_inconsistent() -> None:
    res = figures.analyse(corpus.from_texts(CLUSTER), CONFIG)
    rows = res.checks[res.checks["measure"] == "troops|killed"].set_index("article_id")
    assert rows.loc["b", "verdict"] == "compatible"
    assert rows.loc["b", "needs_review"]
    assert "time frame" in rows.loc["b", "reason"] and "act" in rows.loc["b", "reason"]
    assert rows.loc["a", "verdict"] == "compatible"  # [40, inf) vs [40, inf)... and a vs c
    assert res.disagreements.empty
    assert (res.review["article_id"] == "b").any() or (res.review["other_article_id"] == "b").any()


def test_different_groups_are_not_compared() -> None:
    texts = {
        "a": "X\n\nAbout 5,000 French troops were deployed.",
        "b": "X\n\nAbout 12,000 UN peacekeepers were deployed.",
    }
    res = figures.analyse(corpus.from_texts(texts), CONFIG)
    assert set(res.checks["verdict"]) == {"compatible"}
    assert res.checks["needs_review"].all()
    assert res.checks["reason"].str.contains("different groups").all()


def test_analyse_is_deterministic(seeds: corpus.Corpus) -> None:
    a, b = figures.analyse(seeds, CONFIG), figures.analyse(seeds, CONFIG)
    for name in ("figures", "checks", "disagreements", "matrix", "review"):
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name))


def test_tolerances_are_configurable() -> None:
    wide = FiguresConfig(approx_tolerance=0.5)
    (fig,) = figures.extract_text("about 100 people", wide)
    assert (fig.low, fig.high) == (50, 150)


def test_plots_return_labelled_figures(result: figures.FiguresResult, seeds) -> None:
    from newsaudit.report.plots import figures as plots_figures

    fig = plots_figures.intervals(result.checks)
    assert fig.axes and fig.axes[-1].get_xlabel()
    fig = plots_figures.matrix(result.checks, seeds.ids)
    assert fig.axes[0].get_title()


def test_review_lists_the_seed_hard_negatives(result: figures.FiguresResult) -> None:
    review = result.review
    waiting = review[(review["text"] == "10 years") & (review["other_text"] == "a decade")]
    assert len(waiting) == 1
    assert "events differ" in waiting["reason"].iloc[0]
    assert waiting["intervals"].iloc[0] == "identical"


@pytest.mark.parametrize(
    ("folder", "cluster"),
    [
        ("clusters", "election"),
        ("clusters", "protest"),
        ("clusters", "quake"),
        ("heldout", "ferry"),
        ("heldout", "flood"),
        ("heldout", "economy"),
        ("heldout", "outbreak"),
    ],
)
def test_cluster_inconsistencies_are_labelled_conflicts(folder: str, cluster: str) -> None:
    """On the hand-labelled clusters only true conflicts are called inconsistent, and the
    clear ones (disjoint values of one labelled measure, same context) are found."""
    gold = pd.read_csv(DATA / f"{folder}_figures.csv", dtype=str, keep_default_na=False)
    gold = gold[gold["cluster"] == cluster]
    res = figures.analyse(corpus.load(DATA / folder / cluster), CONFIG)
    conflicting = [
        (r.article_id, int(r.start), int(r.end))
        for r in gold.itertuples()
        if r.gold_verdict == "inconsistent"
    ]
    called = res.checks[res.checks["verdict"] == "inconsistent"]
    assert not called.empty
    for row in called.itertuples():
        assert any(
            a == row.article_id and s < row.end and row.start < e for a, s, e in conflicting
        ), row


_PIECES = [
    "more than",
    "about",
    "nearly",
    "14,000",
    "ten",
    "years",
    "troops",
    "killed",
    "in",
    "2013",
    "June 30th",
    "$3.5bn",
    "42%",
    "between",
    "and",
    "thousands of",
    "people",
    "last year",
    ",",
    ".",
    "a dozen",
    "-strong",
    "that year",
    "the",
    "UN",
    "Moura",
    "since",
    "9/11",
    "M5-RFP",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=25))
def test_any_text_gives_well_formed_figures(words: list[str]) -> None:
    text = " ".join(words)
    for fig in figures.extract_text(text, CONFIG):
        assert text[fig.start : fig.end] == fig.text
        assert fig.low <= fig.high
        assert fig.measure


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
