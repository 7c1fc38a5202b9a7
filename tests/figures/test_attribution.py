"""Attribution clauses name who tells a figure, not what it is of: the link model reads past
them."""

import pytest

from newsaudit import figures
from newsaudit.figures import linkmodel
from newsaudit.figures.attribution import outside


@pytest.mark.parametrize(
    ("sentence", "text", "source", "blanked"),
    [
        (
            "According to the indictment, between June and July 2016, Stone told aides.",
            "June and July 2016",
            "indictment",
            True,
        ),
        ("He met aides in 2016, according to the indictment.", "2016", "indictment", True),
        ("He met aides in 2016, prosecutors said.", "2016", "prosecutors", True),
        # the clause holds the figure: the year dates the report
        ("According to a 2016 report, prices rose.", "2016", "report", False),
        ("The July 2015 indictment named Stone.", "July 2015", "indictment", False),
    ],
)
def test_outside(sentence, text, source, blanked):
    out = outside(sentence, text)
    assert len(out) == len(sentence)
    assert text in out
    assert (source not in out) == blanked


def test_an_attribution_is_no_shared_event():
    a = figures.extract_text("The July 2015 indictment of Russian officers referred to Stone.")[0]
    b = figures.extract_text(
        "According to the indictment, between June and July 2016, Stone told campaign aides."
    )[0]
    assert linkmodel.event_features(a, b)["event_class"] == 0.0


@pytest.mark.parametrize(
    ("sentence", "text", "source", "blanked"),
    [
        ("The lawsuit said he was fired in 2015.", "2015", "lawsuit", True),
        ("The lawsuit says that he was fired in 2015.", "2015", "lawsuit", True),
        # the reporting clause holds the figure: the year dates the lawsuit
        ("The 2015 lawsuit said he was fired.", "2015", "lawsuit", False),
        # no reporting verb opens the sentence
        ("The lawsuit was filed in 2015.", "2015", "lawsuit", False),
    ],
)
def test_an_opening_reporting_clause(sentence, text, source, blanked):
    out = outside(sentence, text)
    assert len(out) == len(sentence)
    assert (source not in out) == blanked


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("The lawsuit said he was fired in 2015.", "year|fire"),
        ("The lawsuit says that he was fired in 2015.", "year|fire"),
        ("He was fired in 2015, the lawsuit said.", "year|fire"),
        ("The lawsuit was filed in 2015.", "year|lawsuit"),
        ("The 2015 lawsuit said he was fired.", "year|lawsuit"),
    ],
)
def test_a_dates_event_is_read_past_its_attribution(text, measure):
    (fig,) = figures.extract_text(text)
    assert fig.measure == measure
