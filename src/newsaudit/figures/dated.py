"""What the words around two years or dates say of the events they date: the event model's
evidence beyond shared words (`linkmodel.event_features`).

Two outlets date one event with different words ("joined the Marine Corps Reserves" /
"enlisted"; "the program was started" / "a program launched"), so shared lemmas miss it; the
classes of `lexicon/en/figures/dated_events.yaml` (began, joined, elected, took office, died,
born, ...) read both as one kind of event. Only the words next to the year count (within
`EVENT_WINDOW`): further out they belong to other events of the sentence. Held out over dev
folds, two classes as evidence of two events ("born in 1946" / "elected in 1947") and one date
relation on both sides ("since 2010" / "since the 2010 midterm") added false links and were
left out.
"""

from __future__ import annotations

from functools import cache, lru_cache

from newsaudit import lexicon
from newsaudit.figures import phrases
from newsaudit.figures.figure import Figure

EVENT_WINDOW = 5  # words on each side of a year that tell what it dates ("was started in 2007 by")


@cache
def _classes() -> dict[str, tuple[str, ...]]:
    data = lexicon.table("figures/dated_events")
    return {str(k): tuple(str(w) for w in v) for k, v in data.items()}


@lru_cache(maxsize=1 << 14)
def classes_near(sentence: str, text: str, window: int = EVENT_WINDOW) -> frozenset[str]:
    """Event classes (`dated_events`) written within `window` words of the figure's text in its
    sentence (the whole sentence when the text is not found in it)."""
    toks = phrases.tokens(sentence, 0, len(sentence))
    at = sentence.find(text)
    if at >= 0:
        before = [t for t in toks if t.end <= at][-window:]
        after = [t for t in toks if t.start >= at + len(text)][:window]
        toks = before + after
    return frozenset(hit[2] for hit in phrases.class_hits(toks, _classes()))


def event_class(a: Figure, b: Figure) -> float:
    """1 when the two figures are told with event words of one class (`classes_near`): one
    event told two ways ("was started in 2007" / "a program launched in 2008")."""
    return float(bool(classes_near(a.sentence, a.text) & classes_near(b.sentence, b.text)))
