"""Years and dates written relative to the article's date ("last year", "next year's", "this
year", "that year"): one value, many events.

Such a year is read from the publication date, so its value says nothing of what it dates: a
story told in 2017 has the election, a leak and an interview all "last year", and another
outlet's "2016" meets each of them under one value key. Two written years of one value are
mostly one event and are compared without asking; a pair with a relative year is compared only
when the event model reads one event in the words on both sides, as for two years a slip apart
("married in 2012" / "were married last year": one event; "released emails last year" / "the
2016 election": two).

The event model is asked directly, not through `linkmodel.same_event`, so that these pairs stay
out of its training (benchmarks/basil_train.py records the pairs `same_event` is asked about):
held out over five dev folds, fitted with the years a slip apart they moved those weights into
a false alarm, and fitted on their own (a `relative` weight learned last, as `year_date` is)
they linked no fewer wrong pairs than the model as it is.
"""

from __future__ import annotations

from newsaudit.figures import linkmodel
from newsaudit.figures.figure import Figure
from newsaudit.figures.span import DATE_KINDS


def relative(f: Figure) -> bool:
    """Whether a year or date is written without a digit: dated from the publication."""
    return f.kind in DATE_KINDS and not any(c.isdigit() for c in f.text)


def apart(a: Figure, b: Figure) -> bool:
    """Whether two years or dates, one at least written relative to the article's date, are
    two events: the event model does not read one event in the words on both sides. False
    for any other pair."""
    if a.kind not in DATE_KINDS or b.kind not in DATE_KINDS or not (relative(a) or relative(b)):
        return False
    model = linkmodel.load().event
    return model.probability(linkmodel.event_features(a, b)) < model.threshold
