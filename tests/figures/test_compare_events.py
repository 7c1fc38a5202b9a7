"""Linking that holds on real news: events, dates, compound units, moved counts, the link model."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from newsaudit import figures
from newsaudit.figures import linkmodel
from newsaudit.figures.compare import LOOSE, age_of, loose_key, neighbours, written_bounds
from tests.conftest import corpus_of
from tests.figures.conftest import CONFIG


def _verdicts(result: figures.FiguresResult) -> dict[tuple[str, str], str]:
    return {(r.article_id, r.text): r.verdict for r in result.comparisons.itertuples()}


@pytest.mark.parametrize(
    ("texts", "reason"),
    [
        # Far-apart values under one key, told in other words, are two measures for the link
        # model (a senator's demand and the cuts due at year end).
        (
            {
                "a": "Corker said Republicans should press for $2 trillion in spending cuts.",
                "b": "At the year-end deadline $1 trillion in spending cuts will kick in.",
            },
            "too far apart",
        ),
    ],
)
def test_not_compared_rather_than_a_wrong_pair(texts, reason):
    result = figures.analyse(corpus_of(texts), CONFIG)
    assert result.disagreements.empty
    assert set(_verdicts(result).values()) == {"compatible"}
    assert result.comparisons["reason"].str.contains(reason).all()
    assert (result.comparisons["compared_with"] == "").all()


def test_a_year_is_compared_under_its_value():
    # A year names which election: two years are two events, never a disagreement; one year
    # given with different verbs ("filed in 2014", "sued him in 2014") is one measure.
    texts = {"a": "He lost the 2016 election.", "b": "He lost the 2012 election."}
    result = figures.analyse(corpus_of(texts), CONFIG)
    assert result.disagreements.empty and result.comparisons.empty
    texts = {"a": "Greene had filed in 2014.", "b": "She sued him in 2014."}
    result = figures.analyse(corpus_of(texts), CONFIG)
    assert set(_verdicts(result).values()) == {"consistent"}
    assert set(result.checks["measure"]) == {"year|2014"}


DAY1, DAY2 = dt.date(2014, 8, 20), dt.date(2014, 8, 21)
ARRESTS_GREW = {
    "a": "Police made 46 arrests overnight in Ferguson.",
    "b": "Police made 47 arrests overnight in Ferguson.",
}
ARRESTS_FELL = {"a": ARRESTS_GREW["b"], "b": ARRESTS_GREW["a"]}
MONEY = {
    "a": "The city budget is $4.5 million.",
    "b": "The city budget is $4.2 million.",
}
TURKEYS = {
    "a": "The president pardoned two turkeys named Mac and Cheese.",
    "b": "The president pardoned three turkeys named Mac and Cheese.",
}


@pytest.mark.parametrize(
    ("texts", "dates", "verdict", "n_disagreements"),
    [
        (ARRESTS_GREW, None, "inconsistent", 1),
        (ARRESTS_GREW, {"a": DAY1, "b": DAY1}, "inconsistent", 1),
        # a running tally grows between the days of writing: both may be right
        (ARRESTS_GREW, {"a": DAY1, "b": DAY2}, "compatible", 0),
        # ... but a tally that fell, or a sum of money, is not explained by the date
        (ARRESTS_FELL, {"a": DAY1, "b": DAY2}, "inconsistent", 1),
        (MONEY, {"a": DAY1, "b": DAY2}, "inconsistent", 1),
        # ... nor a count that is no running tally (lexicon/en/figures/tallies.txt)
        (TURKEYS, {"a": DAY1, "b": DAY2}, "inconsistent", 1),
    ],
)
def test_counts_written_on_different_days_moved(texts, dates, verdict, n_disagreements):
    result = figures.analyse(corpus_of(texts, dates), CONFIG)
    assert set(_verdicts(result).values()) == {verdict}
    assert len(result.disagreements) == n_disagreements
    moved = result.comparisons["reason"].str.startswith("moved:")
    assert moved.all() == (verdict == "compatible")
    assert result.comparisons["needs_review"].all() == (verdict == "compatible")


def test_figures_of_different_events_never_meet():
    texts = {
        "a": "Police made 47 arrests overnight in Ferguson.",
        "b": "Police made 46 arrests overnight in Ferguson.",
    }
    result = figures.analyse(corpus_of(texts), CONFIG, events={"a": "E1", "b": "E2"})
    assert result.disagreements.empty
    assert (result.comparisons["compared_with"] == "").all() or result.comparisons.empty


def test_unbounded_figures_are_not_compared_but_listed():
    # "last year" in articles of unknown date is (-inf, inf): nothing to compare or draw.
    texts = {"a": "The mine closed last year.", "b": "The mine closed last year."}
    result = figures.analyse(corpus_of(texts), CONFIG)
    unbounded = result.figures[result.figures["text"] == "last year"]
    assert len(unbounded) == 2
    assert result.checks.empty or not result.checks["text"].eq("last year").any()
    assert result.review["reason"].str.contains("no finite bound").sum() == 2


@pytest.mark.parametrize(
    ("a", "b", "other_words", "same"),
    [
        ((14_000, 14_000), (13_000, 13_000), False, True),  # a near miss: one measure, disagreeing
        ((14_000, 14_000), (13_000, 13_000), True, True),
        ((132, 132), (130, 130), True, True),
        ((2e12, 2e12), (1e12, 1e12), True, False),  # half apart, told otherwise: two measures
        ((6, 6), (47, 47), False, False),
    ],
)
def test_link_model_keeps_near_misses(a, b, other_words, same):
    base = figures.extract_text("Officials said 5 people were evacuated", CONFIG)[0]
    other = "Organisers expect 5 people at the fair" if other_words else base.sentence
    fa = base.__class__(**{**base.__dict__, "low": a[0], "high": a[1]})
    fb = base.__class__(
        **{**base.__dict__, "low": b[0], "high": b[1], "article_id": "b", "sentence": other}
    )
    assert linkmodel.same_measure(fa, fb) is same


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Farenthold used $84,000 in taxpayer funds", "repay the $84,000 in taxpayer funds", 0.4),
        ("Farenthold used $84,000 in taxpayer funds", "a $4.5 billion settlement payment", 0.0),
        ("$84,000", "$84,000", 0.0),  # no words around either: no evidence
    ],
)
def test_context_overlap(a, b, expected):
    fa, fb = (figures.extract_text(t, CONFIG)[0] for t in (a, b))
    assert linkmodel.context_overlap(fa, fb) == pytest.approx(expected)


SETTLED = "She was paid $91,000 from a public fund to settle her sexual harassment claim."


@pytest.mark.parametrize(
    ("other", "n_disagreements"),
    [
        # paid for one thing (settle, sexual harassment, fund): one sum, a few percent apart
        ("The congressman used $84,000 in taxpayer funds to settle a sexual harassment claim.", 1),
        # a sum for something else a few percent apart: not compared
        ("The city spent $84,000 on new park benches last spring.", 0),
    ],
)
def test_sums_meet_by_what_they_are_for(other, n_disagreements):
    result = figures.analyse(corpus_of({"a": other, "b": SETTLED}), CONFIG)
    assert len(result.disagreements) == n_disagreements


@pytest.mark.parametrize(
    ("a", "b", "money", "expected"),
    [
        (
            "used $84,000 in taxpayer funds to settle",
            "paid $84,000 from a public fund to settle",
            1,
            2 / 3,
        ),
        # more than `SHARED` words shared count as `SHARED`
        ("was paid $84,000 from a public fund to settle the claim", SETTLED, 1, 1.0),
        ("The city spent $84,000 on park benches", SETTLED, 1, 0.0),
        # counts: the grammar reads what they count; their shared words are not this feature
        (
            "used 84 pages in taxpayer funds to settle",
            "paid 91 pages from a public fund to settle",
            0,
            1.0,
        ),
    ],
)
def test_shared_context(a, b, money, expected):
    fa, fb = (figures.extract_text(t, CONFIG)[0] for t in (a, b))
    assert linkmodel.shared_context(fa, fb) == pytest.approx(expected)
    got = linkmodel.features(fa, fb, loose=True, channel=True)["money_shared"]
    assert got == pytest.approx(expected * money)


def test_link_model_is_data():
    models = linkmodel.load()
    assert set(linkmodel.KEY_FEATURES) <= set(models.key.weights)
    assert set(linkmodel.FEATURES) <= set(models.channel.weights)
    assert set(linkmodel.EVENT_FEATURES) <= set(models.event.weights)
    assert all(0 < m.threshold < 1 for m in (models.key, models.channel, models.event))


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Anthony Weiner, 46, is married to Huma Abedin.", "Weiner"),
        ("On Friday morning, McCarthy, 49, appeared to be headed toward a win.", "McCarthy"),
        ("The bill passed, 234, to the surprise of many.", ""),  # no name before it
        ("Police made 47 arrests overnight.", ""),
    ],
)
def test_age_in_apposition(text, person):
    fig = next(f for f in figures.extract_text(text, CONFIG) if f.text[0].isdigit())
    assert age_of(fig) == person
    if person:
        assert loose_key(fig) == f"age|{LOOSE}"


@pytest.mark.parametrize(
    ("texts", "n_disagreements"),
    [
        # one person's age, two values: a conflict the grammar alone could not key
        (
            {
                "a": "Anthony Weiner, 46, is married to Huma Abedin.",
                "b": "Anthony Weiner, 47, is married to Huma Abedin.",
            },
            1,
        ),
        # one family name, two given names: two people
        (
            {
                "a": "The killer shot Ian Brown, 36, at the house.",
                "b": "The killer shot Neil Brown, 39, at the house.",
            },
            0,
        ),
        # two people's ages are never one measure
        (
            {
                "a": "On Friday, McCarthy, 49, began gathering commitments.",
                "b": "On Friday, Labrador, 46, began gathering commitments.",
            },
            0,
        ),
    ],
)
def test_ages_compared_by_person(texts, n_disagreements):
    result = figures.analyse(corpus_of(texts), CONFIG)
    assert len(result.disagreements) == n_disagreements


@pytest.mark.parametrize(("articles", "cap", "compared"), [(3, 3, True), (3, 2, False)])
def test_a_unit_shared_by_too_many_articles_is_no_measure(articles, cap, compared):
    # A sum the grammar cannot key is compared by unit and context ("USD|by context"); past
    # `loose_max_articles` articles giving it, the bucket is left uncompared (linear cost).
    texts = {
        f"a{i}": f"She was paid ${84 + 7 * (i == 0)},000 from a public fund."
        for i in range(articles)
    }
    config = dataclasses.replace(CONFIG, loose_max_articles=cap)
    result = figures.analyse(corpus_of(texts), config)
    assert (len(result.disagreements) > 0) == compared


@pytest.mark.parametrize(
    ("n", "most", "expected"),
    [
        # small buckets: every other article
        (3, 50, {"a0": ["a1", "a2"], "a1": ["a0", "a2"], "a2": ["a0", "a1"]}),
        # large ones: the `most` nearest in publication order, half on each side where possible
        (6, 2, {"a0": ["a1", "a2"], "a2": ["a1", "a3"], "a5": ["a3", "a4"]}),
    ],
)
def test_figures_compared_with_the_nearest_articles_of_a_large_event(n, most, expected):
    ids = [f"a{i}" for i in range(n)]
    published = {a: dt.date(2024, 1, 1 + i) for i, a in enumerate(ids)}
    near = neighbours(ids, published, most)
    assert {a: near[a] for a in expected} == expected
    assert all(len(v) == min(most, n - 1) for v in near.values())


def test_an_exact_figure_meets_its_exact_counterpart_not_a_vague_one():
    texts = {
        "a": "Investigators read 25,000 pages of documents.",
        "b": "Tens of thousands of pages were released; investigators read 25,000 pages.",
    }
    result = figures.analyse(corpus_of(texts), CONFIG)
    rows = {(r.article_id, r.text): r.compared_with for r in result.comparisons.itertuples()}
    assert rows[("a", "25,000")].startswith("b@") and rows[("b", "25,000")] == "a@19"
    assert rows[("b", "Tens of thousands")] == ""


def test_one_event_dated_two_ways_is_a_disagreement():
    # Years of one event meet in their unit channel ("year|by context") and the link model,
    # reading the words around them, takes them for one event told two ways.
    texts = {
        "a": "Blumenthal joined the Marine Corps Reserves in 1970 and served six months.",
        "b": "Blumenthal joined the Marine Corps Reserve in 1971 and served for six months.",
    }
    result = figures.analyse(corpus_of(texts), CONFIG)
    assert result.disagreements[["text_a", "text_b"]].values.tolist() == [["1970", "1971"]]


@pytest.mark.parametrize(
    ("b", "expected"),
    [
        # a bare year and a month of the next year, one event: a disagreement at the year
        (
            "Blumenthal joined the Marine Corps Reserve in January 1971.",
            [["1970", "January 1971"]],
        ),
        # a month of the same year: the same year, no disagreement
        ("Blumenthal joined the Marine Corps Reserve in January 1970.", []),
    ],
)
def test_a_year_and_a_date_of_one_event_are_compared_at_the_year(b, expected):
    texts = {
        "a": "Blumenthal joined the Marine Corps Reserves in 1970 and served six months.",
        "b": b,
    }
    result = figures.analyse(corpus_of(texts), CONFIG)
    assert result.disagreements[["text_a", "text_b"]].values.tolist() == expected


def test_one_measure_read_under_two_keys_meets_in_its_unit_channel():
    texts = {
        "a": "A letter was signed by all 42 Senate Republicans.",
        "b": "A letter was signed by all 45 members of the Republican caucus in the Senate.",
    }
    result = figures.analyse(corpus_of(texts), CONFIG)
    assert set(result.comparisons["measure"]) == {f"count|{LOOSE}"}
    assert result.disagreements[["text_a", "text_b"]].values.tolist() == [["42", "45"]]


@pytest.mark.parametrize(
    ("text", "value", "low", "high"),
    [
        ("$1.1 million", 1.1e6, 1.05e6, 1.15e6),  # rounded to the last written digit
        ("$5.7bn", 5.7e9, 5.65e9, 5.75e9),
        ("$84,000", 84_000, 84_000, 84_000),  # round numbers are exact
        ("2.5 percent", 2.5, 2.5, 2.5),
    ],
)
def test_written_bounds(text, value, low, high):
    assert written_bounds(text, value, value) == pytest.approx((low, high))


def test_an_amount_within_the_rounding_of_the_other_is_compatible():
    texts = {
        "a": "Reading the Constitution cost $1.1 million, Vanity Fair estimated.",
        "b": "Reading the Constitution cost $1,071,872.87, Vanity Fair estimated.",
    }
    result = figures.analyse(corpus_of(texts), CONFIG)
    assert result.disagreements.empty
    assert set(result.comparisons["verdict"]) == {"compatible"}


def test_near_values_under_two_keys_need_words_in_common():
    # Two keys, near values and no word in common: a near value alone is no evidence of one
    # measure (the injected conflicts the channel model learns from are all near misses).
    texts = {
        "a": "Officials said 33 people were hurt when the bus overturned.",
        "b": "Police said 32 passengers were treated after the crash.",
    }
    result = figures.analyse(corpus_of(texts), CONFIG)
    assert result.disagreements.empty


@pytest.mark.parametrize(
    ("a", "b", "one_event"),
    [
        # the same event named on both sides, a year apart: one event told two ways
        ("He joined the Marine Corps Reserves in 1970.", "He joined the Reserve in 1971.", True),
        # the same day of the next year, the same words next to it: a slip of the year
        (
            "The attack on Sept. 11, 2012 killed him.",
            "The attack on Sept. 11, 2013 killed him.",
            True,
        ),
        # one year, two months: two events of the story, not one misdated
        ("He arrived in July 2012 for talks.", "The attack on Sept. 11, 2012 killed him.", False),
        # two events named, a year apart
        ("Smith joined the firm in 2010.", "Smith was elected in 2011.", False),
        # one event told in other words, with the people it happened to
        (
            "Farenthold was sued by his former aide, Lauren Greene, in 2015, alleging abuse.",
            "Lauren Greene sued Farenthold in 2014, claiming that he had fired her.",
            True,
        ),
        # more than a year apart: two elections
        ("Obama won the 2012 election.", "Clinton lost the 2016 election.", False),
    ],
)
def test_dates_meet_in_their_channel_only_as_a_slip_of_one_event(a, b, one_event):
    fa, fb = (figures.extract_text(t, CONFIG, article_id=i)[0] for t, i in ((a, "a"), (b, "b")))
    assert linkmodel.one_event_dated(fa, fb, CONFIG.date_slip_years) is one_event


@pytest.mark.parametrize(
    ("texts", "pair"),
    [
        # The misdated year meets the other outlet's year told in the same words, not the
        # first year of that article that might be it.
        (
            {
                "a": "Blumenthal joined the Marine Corps Reserves in 1971 and served six months.",
                "b": "A clerk of the Marine Corps wrote in 1970. Blumenthal joined the Marine "
                "Corps Reserve in 1970 and served for six months.",
            },
            ("1971", "Blumenthal joined"),
        ),
        # The other outlet's year is already paired with a year of the same value in an aside
        # of the first article; the misdated mention told in the same words takes it again.
        (
            {
                "a": "He spoke of the 2016 ruling. Trump Jr. wrote to WikiLeaks before the "
                "2017 presidential election, a report said.",
                "b": "Trump Jr. wrote to WikiLeaks during the 2016 presidential election.",
            },
            ("2017", "Trump Jr. wrote"),
        ),
    ],
)
def test_a_misdated_year_meets_the_year_told_in_the_same_words(texts, pair):
    result = figures.analyse(corpus_of(texts), CONFIG)
    found = result.disagreements
    assert len(found) == 1
    row = found.iloc[0]
    assert pair[0] in (row.text_a, row.text_b)
    assert row.sentence_a.startswith(pair[1]) or pair[1] in row.sentence_b


def test_the_same_year_in_the_same_words_is_not_taken_by_a_near_year():
    # Both outlets give 2016 for the election in the same words: the aside's 2017 is no
    # counterpart of it.
    texts = {
        "a": "Trump Jr. wrote to WikiLeaks during the 2016 presidential election. The firm "
        "opened in 2017.",
        "b": "Trump Jr. wrote to WikiLeaks during the 2016 presidential election.",
    }
    result = figures.analyse(corpus_of(texts), CONFIG)
    assert result.disagreements.empty
