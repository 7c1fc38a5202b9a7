"""The learned direction model: clue values signed towards one article, weighed, decided.

`direction_model.json` (trained by benchmarks/train_direction.py on METER: press-agency copy,
always the source, and the newspaper stories made from it) holds one weight per clue of
`CLUES`: p(a is the source) = 1 / (1 + exp(-sum(weight x value))), values signed plus for a
and minus for b, so swapping the articles flips the probability. A direction is stated when
max(p, 1 - p) reaches the model's `min_probability`, a cut chosen on the training folds for
95 % accuracy when stated. Dates and credits naming the partner (`DECISIVE`) decide first.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from newsaudit.config import OverlapConfig
from newsaudit.overlap.records import Evidence

MODEL_FILE = Path(__file__).with_name("direction_model.json")
# Clues that decide alone (a copy cannot come before its source; an article crediting its
# partner's outlet says where it comes from).
DECISIVE = ("date", "credit_match")
# The learned model's inputs, each a value signed towards the article it favours as the source.
CLUES = (
    "credit",  # a credit line to an unknown outlet in the copy only
    "typo",  # a shared misspelling that is a one-off slip in one article (per slip)
    "truncation",  # the copy stops mid-sentence where its source goes on
    "specifics",  # log-ratio of numbers and names in the reused passages, source over copy
    "quotes",  # log-ratio of quoted words of shared speakers, source over copy
    "length",  # log length ratio, longer over shorter: copies usually condense
    "condensed",  # mean log length ratio of the aligned passages, longer side over shorter
    "contained",  # containment of the copy minus that of the source (the copy is found whole)
    "compilation",  # the copy also draws on a third article the source shares nothing with
)


@cache
def model(path: Path = MODEL_FILE) -> dict[str, Any]:
    """The shipped direction model, checked against the clues this version computes."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if set(data["coef"]) != set(CLUES):
        raise ValueError(f"{path}: model clues differ from this newsaudit's {CLUES}")
    return data


def signed(a_id: str, evidence: Sequence[Evidence]) -> dict[str, float]:
    """The model's inputs for a pair: each clue's value, plus when it favours `a_id` as the
    source and minus when it favours the other article."""
    out = dict.fromkeys(CLUES, 0.0)
    for e in evidence:
        if e.clue in out:
            out[e.clue] += e.value if e.favours == a_id else -e.value
    return out


def weigh(evidence: Sequence[Evidence], m: Mapping[str, Any] | None = None) -> list[Evidence]:
    """Evidence with each learned clue's weight: what it adds to its side's log-odds of being
    the source (decisive clues keep weight 1)."""
    coef = (m or model())["coef"]
    return [
        e
        if e.clue in DECISIVE
        else dataclasses.replace(e, weight=round(coef[e.clue] * e.value, 4))
        for e in evidence
    ]


def probability(a_id: str, evidence: Sequence[Evidence], m: Mapping[str, Any]) -> float:
    """The model's probability that `a_id` is the source (the other article is the copy)."""
    x = signed(a_id, evidence)
    z = sum(m["coef"][c] * x[c] for c in CLUES)
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def decide(
    a_id: str,
    b_id: str,
    evidence: Sequence[Evidence],
    config: OverlapConfig,
    m: Mapping[str, Any] | None = None,
) -> tuple[str, str, float]:
    """(source, derived, confidence) of a pair; ("", "", 0.0) when the evidence is weak.

    A date, else a credit naming the partner, decides alone (confidence 1). Otherwise the
    direction model's probability, stated when it reaches the model's `min_probability`.
    """
    del config  # the cut is the model's own, chosen with it on the training folds
    for kind in DECISIVE:
        decisive = [e for e in evidence if e.clue == kind]
        if decisive and len({e.favours for e in decisive}) == 1:
            source = decisive[0].favours
            return source, b_id if source == a_id else a_id, 1.0
    m = m or model()
    p = probability(a_id, evidence, m)
    if max(p, 1.0 - p) < m["min_probability"]:
        return "", "", 0.0
    source, derived = (a_id, b_id) if p >= 0.5 else (b_id, a_id)
    return source, derived, round(max(p, 1.0 - p), 3)


def likelier_copy(a_id: str, b_id: str, evidence: Sequence[Evidence]) -> str:
    """The article the model leans towards as the copy, stated or not ("" when the clues are
    even): which side a pair's verdict judges when the direction is unknown. Leaning is not
    stating: it only picks which text's share to read, as "the shorter one" did before."""
    p = probability(a_id, evidence, model())
    if abs(p - 0.5) < 1e-9:
        return ""
    return b_id if p > 0.5 else a_id
