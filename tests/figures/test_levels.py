"""A level told with a change verb is the level of its subject's measure, not a change."""

from __future__ import annotations

import pytest

from newsaudit import corpus, figures
from tests.figures.conftest import CONFIG


def _measures(text: str) -> dict[str, str]:
    return {f.text: f.measure for f in figures.extract_text(text, CONFIG)}


@pytest.mark.parametrize(
    ("text", "number", "measure"),
    [
        # The later value of a change: the subject's noun, even past "in the region".
        (
            "Unemployment in the region rose from 5 per cent to 7 per cent.",
            "7 per cent",
            "percent|unemployment",
        ),
        (
            "The regional unemployment rate climbed to 7 per cent.",
            "7 per cent",
            "percent|unemployment",
        ),
        ("Joblessness in the north has jumped to 9%.", "9%", "percent|unemployment"),
        ("Inflation fell to 2.5% in March.", "2.5%", "percent|inflation"),
        ("The jobless rate among young people dropped to 12%.", "12%", "percent|unemployment"),
        ("Unemployment in the region reached 6 per cent.", "6 per cent", "percent|unemployment"),
        ("Turnout hit 61% on Sunday.", "61%", "percent|turnout"),
        ("The inflation rate stood at 3.1%.", "3.1%", "percent|inflation"),
        ("Petrol prices in the city rose to $5 a gallon.", "$5", "USD|price"),
        ("The death toll rose to 50.", "50", "toll"),
        ("The death toll in the province has reached 50.", "50", "toll"),
        # The earlier value keeps its "from" relation under the same measure.
        (
            "Unemployment in the region rose from 5 per cent to 7 per cent.",
            "5 per cent",
            "percent|unemployment|from",
        ),
        (
            "Unemployment reached 6 per cent last year, up from 5 per cent.",
            "5 per cent",
            "percent|unemployment|from",
        ),
        (
            "Unemployment rose to 5.4% from 5.1% a year earlier.",
            "5.1%",
            "percent|unemployment|from",
        ),
        # A change amount stays a change; a subject that names no measure changes nothing.
        ("Unemployment rose by 2 points.", "2", "point|unemployment|increase"),
        ("The economy grew 2.1% between April and June.", "2.1%", "percent|economy|increase"),
        ("There was an increase of 5 per cent in sales.", "5 per cent", "percent|increase"),
        # A change amount before the level: the level is still the subject's.
        ("Prices climbed 3% to $5.", "$5", "USD|price"),
        ("Unemployment rose by 2 points to 7%.", "7%", "percent|unemployment"),
        # A transitive change names the measure as its object.
        ("The bank raised interest rates to 5%.", "5%", "percent|interest rate"),
        ("The central bank cut its key rate to 4.5%.", "4.5%", "percent|interest rate"),
        ("The company's shares rose to 40% of the index.", "40%", "percent|index"),
    ],
)
def test_level_takes_the_subjects_measure(text: str, number: str, measure: str) -> None:
    assert _measures(text)[number] == measure


def test_level_and_change_verbs_link_across_articles() -> None:
    """Three outlets tell one unemployment figure with different verbs: the later values meet
    (7 vs 7 consistent, 6 vs 7 in conflict), the earlier "from" values meet each other."""
    texts = {
        "a": "Jobs\n\nUnemployment in the region rose from 5 per cent to 7 per cent last year, "
        "the statistics office said on Monday.",
        "b": "Jobs\n\nThe regional unemployment rate climbed to 7 per cent last year, official "
        "statistics showed on Monday.",
        "c": "Jobs\n\nUnemployment in the region reached 6 per cent last year, up from 5 per "
        "cent, according to the statistics office.",
    }
    res = figures.analyse(corpus.from_texts(texts), CONFIG)
    rows = {(r.article_id, r.text): r for r in res.comparisons.itertuples()}
    assert rows[("b", "7 per cent")].measure == "percent|unemployment"
    assert set(rows[("b", "7 per cent")].compared_with.split("; ")) == {"a@51", "c@35"}
    assert rows[("a", "5 per cent")].verdict == "consistent"
    assert rows[("a", "5 per cent")].compared_with.startswith("c@")
    conflicts = {
        (r.article_a, r.text_a, r.article_b, r.text_b) for r in res.disagreements.itertuples()
    }
    assert conflicts == {
        ("a", "7 per cent", "c", "6 per cent"),
        ("b", "7 per cent", "c", "6 per cent"),
    }


@pytest.mark.parametrize(
    ("text", "number", "measure"),
    [
        # A change amount told with a verb is the change of its subject's measure...
        ("Fuel prices jumped 40 per cent in December.", "40 per cent", "percent|price|increase"),
        ("The protests began after fuel prices rose by 40%.", "40%", "percent|price|increase"),
        ("Wages rose 4.1% in the year to June.", "4.1%", "percent|wage|increase"),
        ("Unemployment rose 2 points.", "2", "point|unemployment|increase"),
        ("Fuel prices fell 10% last month.", "10%", "percent|price|decrease"),
        ("Norvalia's gross domestic product expanded 2.3%.", "2.3%", "percent|economy|increase"),
        # ... or of its object when the verb takes one.
        ("The government raised fuel prices by 40%.", "40%", "percent|price|increase"),
        ("The bank cut interest rates by 0.5%.", "0.5%", "percent|interest rate|decrease"),
        # The same change told with a noun meets it.
        ("There was a 40% rise in fuel prices.", "40%", "percent|price|increase"),
        ("They protested a 40 per cent fuel price rise.", "40 per cent", "percent|price|increase"),
        ("There was an increase of 5 per cent in wages.", "5 per cent", "percent|wage|increase"),
        ("There was a 2-point drop in unemployment.", "2-point", "point|unemployment|decrease"),
        (
            "A 2 percentage point rise in unemployment.",
            "2 percentage point",
            "percentage points|unemployment|increase",
        ),
        ("Inflation rose 0.3% in May.", "0.3%", "percent|inflation|increase"),
        ("Inflation eased 0.2% in May.", "0.2%", "percent|inflation|decrease"),
        ("Inflation eased to 3.2% in June.", "3.2%", "percent|inflation"),
        ("The budget was cut by $2 billion.", "$2 billion", "USD|budget|decrease"),
        # A level is never a change; a change of nothing named keeps its old key.
        ("Unemployment rose to 7 per cent.", "7 per cent", "percent|unemployment"),
        ("Unemployment fell by two points to 5%.", "5%", "percent|unemployment"),
        ("The company rose 5%.", "5%", "percent|increase"),
        ("There was an increase of 5 per cent in sales.", "5 per cent", "percent|increase"),
    ],
)
def test_change_amount_is_the_change_of_its_measure(text: str, number: str, measure: str) -> None:
    assert _measures(text)[number] == measure


def test_change_wordings_meet_and_a_level_stays_apart() -> None:
    """Two outlets give one change in the two wordings (compared, consistent), a third gives
    another change (in conflict with both) and a level of the same thing (compared with none)."""
    texts = {
        "a": "Jobs\n\nUnemployment jumped 4 per cent in March, the statistics office said on "
        "Monday.",
        "b": "Jobs\n\nOfficial figures on Monday showed a 4% rise in unemployment in March.",
        "c": "Jobs\n\nUnemployment climbed 6 per cent in March, the union said. The jobless "
        "rate rose to 4 per cent.",
    }
    res = figures.analyse(corpus.from_texts(texts), CONFIG)
    rows = {(r.article_id, r.text): r for r in res.comparisons.itertuples()}
    assert rows[("a", "4 per cent")].measure == "percent|unemployment|increase"
    assert rows[("b", "4%")].measure == "percent|unemployment|increase"
    assert rows[("a", "4 per cent")].compared_with.split("; ")[0].startswith("b@")
    assert ("c", "4 per cent") not in rows or not rows[("c", "4 per cent")].compared_with
    conflicts = {
        (r.article_a, r.text_a, r.article_b, r.text_b) for r in res.disagreements.itertuples()
    }
    assert conflicts == {("a", "4 per cent", "c", "6 per cent"), ("b", "4%", "c", "6 per cent")}
