"""Attribution clauses: who tells a figure, which is not what the figure is of.

"According to the indictment, between June and July 2016, Mr. Stone told aides ..." names the
source of the sentence, not the event the date dates; read as words around the date it makes
the date look like one told with "The July 2015 indictment" (one event class, shared words).
The event model reads the event classes next to two years or dates with such clauses blanked
(`outside`, `linkmodel.event_features`): "according to" and what follows it up to the end of
its clause, a clause-ending ", the report said" / ", prosecutors say", and a reporting clause
opening the sentence ("The lawsuit said (that) he was fired in 2015": the year dates the
firing, not the lawsuit); `measures` reads a date's event past the same clauses. A clause that
holds the figure itself is kept ("according to a 2016 report": the year dates the report). Blanking
them from the shared-word features as well was measured (dev five-fold, held out) and left
out: no decoy fewer, one false alarm more.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from newsaudit.figures.words import WORDS

_END = r"(?=\s*(?:[,;:()\[\]\"“”!?—–]|\.(?:\s|$)|$))"


@cache
def _clauses() -> re.Pattern[str]:
    said = sorted((v for v in WORDS.reporting_verbs if v != "according"), key=len, reverse=True)
    verbs = "|".join(re.escape(v) for v in said)
    return re.compile(
        # "According to the indictment," / ", according to court papers."
        rf"\b[Aa]ccording\s+to\b[^,;:()\[\]\"“”!?—–]*?{_END}"
        # ", the indictment said." / ", prosecutors say," (a subject of one to four words)
        rf"|(?<=,)\s*(?:[\w’'.-]+\s+){{1,4}}?(?:{verbs}|say|says){_END}"
        # "The lawsuit said (that) he was fired in 2015": a reporting clause opening the sentence
        rf"|^[\s\"“]*(?:[\w’'.-]+\s+){{1,4}}?(?:{verbs}|say|says)\b(?:\s+that\b)?"
    )


@lru_cache(maxsize=1 << 14)
def outside(sentence: str, text: str) -> str:
    """The sentence with its attribution clauses blanked (spaces, so offsets hold), except one
    that holds the figure's `text`."""
    at = sentence.find(text)
    out = sentence
    for m in _clauses().finditer(sentence):
        if at >= 0 and m.start() <= at < m.end():
            continue
        out = out[: m.start()] + " " * (m.end() - m.start()) + out[m.end() :]
    return out
