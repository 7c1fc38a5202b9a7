"""Whether two figures sit in one sentence retold: the words written right next to both.

A paper retelling an agency's story keeps its sentences, changing a word here and there
("was put on probation for two years" / "and was put on probation for two years by"); two
outlets writing two measures rarely put them in the same run of words. The shared run is
counted outward from the number on each side, the number itself left out, so a value changed
in a retold sentence is still retold. Used to order candidates in the one-to-one matching
(`partners`), not as a weight: fitted as one on METER silver groups it found nothing more held
out (benchmarks/meter_train.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsaudit import lexicon
from newsaudit.figures.figure import Figure
from newsaudit.figures.lemmas import lemma
from newsaudit.figures.phrases import words_beside

RUN = 4  # shared content words (both sides together) that make the most of the evidence
WINDOW = 8  # words read on each side of a figure


@lru_cache(maxsize=1 << 16)
def _beside(sentence: str, text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the `WINDOW` folded words before the figure's text, nearest first; the `WINDOW` after
    it); empty when the text is not in the sentence."""
    left, right = words_beside(sentence, text, WINDOW) or ([], [])
    return tuple(reversed(left)), tuple(right)


def shared_run(a: tuple[str, ...], b: tuple[str, ...], read: frozenset[str] = frozenset()) -> int:
    """How many words two sequences share from their start on, stopwords ("the", "of") and
    those in `read` not counted (the run goes on through them)."""
    stop = lexicon.word_set("overlap/stopwords")
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += x not in stop and lemma(x) not in read
    return n


def retold(a: Figure, b: Figure) -> float:
    """The words right before and right after the two figures that are the same, counted
    outward from the number, over `RUN` (at most 1): "subjected to two repeated attacks and" /
    "subjected to three repeated attacks and" is 1; "two women" / "three civilian staff" is 0.
    Stopwords are no evidence ("the two should die" / "murdering the three"), and the words
    after count only when those before agree too (at least the first, or both figures open
    their sentence): what governs a number is written before it ("put on probation for",
    "pleaded guilty to"), and two measures of one thing share the words after it ("press for
    $2 trillion in spending cuts" / "the deadline $1 trillion in spending cuts"). The words
    the measure keys read (what is counted, its event) are no evidence: every pair of one key
    shares them."""
    (la, ra), (lb, rb) = _beside(a.sentence, a.text), _beside(b.sentence, b.text)
    read = _read(a.measure) | _read(b.measure)
    before = shared_run(la, lb, read)
    after = shared_run(ra, rb, read) if before or la[:1] == lb[:1] else 0
    return min(RUN, before + after) / RUN


@lru_cache(maxsize=1 << 14)
def _read(measure: str) -> frozenset[str]:
    """The lemmas of the words a measure key holds ("spending cuts|?": spending, cut)."""
    return frozenset(lemma(w) for w in re.split(r"[|\s]+", measure.lower()) if w)
