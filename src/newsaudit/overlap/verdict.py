"""Verdicts: how much of a copy comes from its source(s).

Two readings: the containment rule for pairs (`verdict`, `directed_verdict`: thresholds in
`OverlapConfig`), and a small learned model for articles against all their sources together
(and, as a second opinion, for each reusing pair).

The model is a regularised multinomial logistic regression over `features.FEATURES`, trained
by benchmarks/train_verdict.py on METER (press-agency copy and the newspaper stories made from
it, labelled wholly / partially / non derived by journalists) and shipped as readable JSON
(`verdict_model.json`: feature names, scaling, weights, training data, cross-validated
scores). It is applied here in numpy: no training library at run time.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from newsaudit.config import OverlapConfig
from newsaudit.overlap.features import DESCRIPTIONS, FEATURES, TILED
from newsaudit.overlap.records import PairResult

MODEL_FILE = Path(__file__).with_name("verdict_model.json")
VERDICTS = ("derived", "partial", "independent")


ARRAYS = ("mean", "scale", "coef", "intercept")  # the model's numbers, as numpy arrays once


@cache
def model(path: Path = MODEL_FILE) -> dict[str, Any]:
    """The shipped verdict model, checked against the features this version computes (its
    numbers `ARRAYS` as numpy arrays: made once, not at each of thousands of verdicts)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not set(data["features"]) <= set(FEATURES) or tuple(data["classes"]) != VERDICTS:
        raise ValueError(f"{path}: model features or classes differ from this newsaudit")
    if set(data["features"]) & set(TILED):  # pairs are judged without them (features.py)
        raise ValueError(f"{path}: the tiling features are computed for articles only")
    return {k: np.asarray(v) if k in ARRAYS else v for k, v in data.items()}


@cache
def _column_index(features: tuple[str, ...]) -> list[int]:
    return [FEATURES.index(f) for f in features]


def _columns(m: Mapping[str, Any]) -> list[int]:
    return _column_index(tuple(m["features"]))


def probabilities(m: Mapping[str, Any], x: np.ndarray) -> np.ndarray:
    """Class probabilities (rows of x = vectors of all `FEATURES`, columns = `VERDICTS`)."""
    z = (np.atleast_2d(x)[:, _columns(m)] - np.asarray(m["mean"])) / np.asarray(m["scale"])
    logits = z @ np.asarray(m["coef"]).T + np.asarray(m["intercept"])
    logits -= logits.max(axis=1, keepdims=True)
    e = np.exp(logits)
    return e / e.sum(axis=1, keepdims=True)


def decide(m: Mapping[str, Any], p: np.ndarray) -> np.ndarray:
    """Verdict index per row of probabilities: independent when its probability reaches the
    model's `independent_min_probability`, else the likelier of derived and partial."""
    k = VERDICTS.index("independent")
    reuse = np.where(p[:, 0] >= p[:, 1], 0, 1)
    return np.where(p[:, k] >= m["independent_min_probability"], k, reuse)


def predict_many(m: Mapping[str, Any], x: np.ndarray) -> list[str]:
    """The verdict of each row (rows = vectors of all `FEATURES`)."""
    return [VERDICTS[k] for k in decide(m, probabilities(m, x))]


def explain(m: Mapping[str, Any], row: np.ndarray, verdict_index: int, top: int = 2) -> str:
    """The evidence that pushed most towards the verdict, in words ("share copied verbatim
    0.81 (high)"): each feature's scaled value times its weight for this verdict, over the
    mean weight of all verdicts."""
    values = row[_columns(m)]
    z = (values - np.asarray(m["mean"])) / np.asarray(m["scale"])
    coef = np.asarray(m["coef"])
    push = z * (coef[verdict_index] - coef.mean(axis=0))
    order = [int(k) for k in np.argsort(-push, kind="stable") if push[k] > 0][:top]
    return "; ".join(
        f"{DESCRIPTIONS[m['features'][k]]} {values[k]:.2f} ({'high' if z[k] > 0 else 'low'})"
        for k in order
    )


def judge(values: Mapping[str, float]) -> tuple[str, float, str]:
    """(verdict, its probability, the evidence that drove it) for one feature mapping."""
    m = model()
    row = np.array([values[f] for f in FEATURES], dtype=float)
    p = probabilities(m, row)
    k = int(decide(m, p)[0])
    return VERDICTS[k], float(p[0, k]), explain(m, row, k)


def copy_side(r: PairResult, derived: str) -> int:
    """0 when article a is taken for the copy, 1 for b: `derived` (the derived article when
    the direction is known, else the one the direction model leans to), else the shorter one
    (copies usually condense), else the more reusing one."""
    if derived:
        return 0 if derived == r.article_a else 1
    if r.words_a != r.words_b:
        return 0 if r.words_a < r.words_b else 1
    if len(r.judged) == 2:
        rank = {v: k for k, v in enumerate(VERDICTS)}
        return 0 if rank[r.judged[0][0]] <= rank[r.judged[1][0]] else 1
    return 0


def directed(r: PairResult, derived: str, config: OverlapConfig) -> PairResult:
    """The pair with the verdict of its copy side: the containment rule (`directed_verdict`)
    and the learned model's reading (see `copy_side`)."""
    kind = directed_verdict(r, derived, config)
    if not r.judged:
        return dataclasses.replace(r, verdict=kind)
    learned, probability, why = r.judged[copy_side(r, derived)]
    return dataclasses.replace(
        r, verdict=kind, learned=learned, probability=round(probability, 4), why=why
    )


def verdict(score: float, config: OverlapConfig) -> str:
    """derived / partial / independent from the pair score, with thresholds from config."""
    if score >= config.derived_min_score:
        return "derived"
    if score >= config.partial_min_score:
        return "partial"
    return "independent"


def directed_verdict(r: PairResult, derived: str, config: OverlapConfig) -> str:
    """The verdict is how much of the copy comes from its source; `derived` is the copy
    (stated, or the direction model's leaning), else the shorter article is taken for it.

    A short source wholly inside a long article makes the long one partly derived, not derived
    (METER's "partially derived"); a pair that reuses anything stays at least partial.
    """
    if r.verdict == "independent":
        return r.verdict
    if not derived:  # unknown direction: copies usually condense, so judge the shorter one
        derived = r.article_a if r.words_a < r.words_b else r.article_b
        if r.words_a == r.words_b:
            return r.verdict
    share = r.containment_a_in_b if derived == r.article_a else r.containment_b_in_a
    return "derived" if share >= config.derived_min_score else "partial"
