"""Whether two disjoint figures sharing a measure key are one measure: a small learned model.

Measure keys (`phrases.key`) propose candidate pairs. Overlapping figures are compared without
asking (they cannot raise a false conflict); for disjoint ones this logistic model, trained on
read news (BASIL development triplets) and the project's own labelled seeds and clusters by
`benchmarks/basil_eval.py --train`, decides whether they are one measure that disagrees or two
measures. Its coefficients are data (`lexicon/en/figures/link_model.yaml`); no training library
runs here.

Features of a pair (a, b):
- gap: how far apart the intervals are, relative to their size: real disagreements between
  outlets are near misses (14,000 vs 13,000), far-apart values are usually other measures;
- small: both are counts of ten or fewer ("two senators", "three aides"), which news uses for
  many different small sets.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from newsaudit import lexicon
from newsaudit.figures.figure import Figure

FEATURES = ("bias", "gap", "small")


@dataclass(frozen=True)
class LinkModel:
    """Logistic coefficients and the decision threshold."""

    weights: dict[str, float]
    threshold: float

    def probability(self, values: dict[str, float]) -> float:
        """P(same measure) of a pair's feature values."""
        z = sum(self.weights.get(name, 0.0) * v for name, v in values.items())
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


@cache
def load(name: str = "figures/link_model") -> LinkModel:
    """The shipped model (validated: every feature has a weight)."""
    data = lexicon.table(name)
    weights = {str(k): float(v) for k, v in data["weights"].items()}
    missing = [f for f in FEATURES if f not in weights]
    if missing:
        raise lexicon.LexiconError(f"{name}: no weight for {', '.join(missing)}")
    return LinkModel(weights=weights, threshold=float(data["threshold"]))


def _relative_gap(a: Figure, b: Figure) -> float:
    if a.low > b.high:
        a, b = b, a
    if b.low <= a.high:
        return 0.0
    scale = max(abs(a.high), abs(b.low))
    return min(1.0, (b.low - a.high) / scale) if scale else 1.0


def features(a: Figure, b: Figure) -> dict[str, float]:
    """Feature values of a candidate pair (see the module docstring)."""
    small = all(f.kind == "count" and math.isfinite(f.high) and f.high <= 10 for f in (a, b))
    return {"bias": 1.0, "gap": _relative_gap(a, b), "small": float(small)}


def same_measure(a: Figure, b: Figure, model: LinkModel | None = None) -> bool:
    """Whether the model links the pair."""
    model = model or load()
    return model.probability(features(a, b)) >= model.threshold
