"""Train the reuse verdict on METER and ship it as readable JSON in the package.

Run: `python benchmarks/train_verdict.py` (from the repository root; needs the bench extra for
scikit-learn and `../shared/dev/meter`; a few minutes). It computes every newspaper text's
reuse features with newsaudit itself (`article_reuse.csv`, PA copy dated a day earlier),
cross-validates the recipe on the fixed folds (benchmarks/data/meter_folds.csv), fits it on
all texts and writes src/newsaudit/overlap/verdict_model.json: feature names, scaling, weights,
the training data description and the cross-validated scores. The product applies the JSON in
numpy (`newsaudit.overlap.verdict`); scikit-learn is needed only here.

Recipe: standardised features (`MODEL_FEATURES`); multinomial logistic regression with L2
penalty, classes weighted to balance them (METER has 250 wholly, 356 partially, 166 non
texts); the penalty strength C and the probability from which a text is called independent
picked together by an inner story-grouped cross-validation on the training texts only.
(`fit(..., sets=CANDIDATES)` also picks the feature set there: an attempt, not shipped.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from benchmarks import meter_eval  # noqa: E402
from newsaudit.overlap import verdict  # noqa: E402
from newsaudit.overlap.features import FEATURES  # noqa: E402
from newsaudit.overlap.verdict import MODEL_FILE, VERDICTS  # noqa: E402

TO_VERDICT = {"wholly": "derived", "partially": "partial", "non": "independent"}
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
CUT_GRID = tuple(round(0.2 + 0.02 * k, 2) for k in range(31))
# Version 2's features (article_reuse.csv has more): on the first exploration (all folds,
# before this list was fixed) 8-grams, content words, unquoted 3-grams, sentence shares,
# passages per 100 words and source length did not help a linear model; version 2 added four
# (benchmarks/verdict_attempts.py).
V2_FEATURES = (
    "containment_1",
    "containment_2",
    "containment_3",
    "containment_5",
    "source_used_3",
    "covered_share",
    "verbatim_share",
    "rewritten_share",
    "quote_share",
    "longest_passage",
    "quoted_in_covered",
    "coherence",
    "log_length_ratio",
    "anchors_shared",
    "log_words",
    "sources_used",
    "sentences_close",
    "lead_covered",
    "tail_covered",
    "peer_only_share",
)
# Version 3's evidence (`newsaudit.overlap.tiling`): Greedy String Tiling, the sentence profile
# it gives, quotes of the copy's own and names and numbers absent from the sources.
TILING = ("tiled_1", "tiled_2", "tiled_3", "tiled_8", "tile_mean", "source_tiled")
SENTENCES = (
    "sentences_unsourced",
    "unsourced_run",
    "first_sourced",
    "last_sourced",
    "sentence_stems_sourced",
)
OWN = ("tiled_unquoted", "quoted_share", "own_quote_share", "untiled_unquoted", "novel_anchors")
# A compact set: the strongest evidence of each kind, one feature each where they overlap.
COMPACT = (
    "tiled_1",
    "tiled_2",
    "sentence_stems_sourced",
    "anchors_shared",
    "log_words",
    "log_length_ratio",
    *OWN,
)
# Candidate feature sets for a recipe that picks the set by the inner cross-validation on the
# training texts, with C and the independent cut (never on the test fold). Measured in
# benchmarks/verdict_attempts.py: no candidate beat v2 beyond noise and picking among them
# cost 0.03 (the choice is noisy), so the shipped recipe stays on v2 (`SHIPPED`).
CANDIDATES = {
    "v2": V2_FEATURES,
    "v2 + tiling + sentences + own": (*V2_FEATURES, *TILING, *SENTENCES, *OWN),
    "compact": COMPACT,
    "compact + passages": (*COMPACT, "longest_passage", "containment_1", "covered_share"),
}
SHIPPED = {"v2": V2_FEATURES}
MODEL_FEATURES = V2_FEATURES
VERSION = 2


def _fit_sklearn(x: np.ndarray, y: Sequence[str], c: float):
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
    clf.fit(x, [VERDICTS.index(TO_VERDICT.get(v, v)) for v in y])
    return clf


def _inner(
    x: np.ndarray,
    y: Sequence[str],
    groups: Sequence[str],
    sets: dict[str, Sequence[str]],
    names: Sequence[str] = FEATURES,
) -> tuple[str, float, float]:
    """(feature set, C, independent cut) with the best binary plus 3-class macro-F1 over a
    4-fold story-grouped split of the training texts `x` (columns `names`; the test fold is
    never seen). Ties keep the earlier set and the smaller C."""
    from sklearn.model_selection import GroupKFold

    gold = [TO_VERDICT.get(v, v) for v in y]
    binary_gold = ["reuse" if v != "independent" else v for v in gold]
    split = list(GroupKFold(n_splits=4).split(x, y, groups))
    best, best_at = -1.0, (next(iter(sets)), 1.0, 0.5)
    for name, features in sets.items():
        z = _standardise(x[:, [list(names).index(f) for f in features]])
        for c in C_GRID:
            proba = np.zeros((len(y), len(VERDICTS)))
            for train, test in split:
                clf = _fit_sklearn(z[train], [y[k] for k in train], c)
                proba[np.ix_(test, clf.classes_)] = clf.predict_proba(z[test])
            for cut in CUT_GRID:
                pred = [
                    VERDICTS[k]
                    for k in verdict.decide({"independent_min_probability": cut}, proba)
                ]
                score = meter_eval.macro_f1(gold, pred, VERDICTS) + meter_eval.macro_f1(
                    binary_gold,
                    ["reuse" if v != "independent" else v for v in pred],
                    ("reuse", "independent"),
                )
                if score > best + 1e-9:
                    best, best_at = score, (name, c, cut)
    return best_at


def _standardise(x: np.ndarray) -> np.ndarray:
    """Columns to zero mean and unit variance over the rows given (in-fold scaling)."""
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    return (x - x.mean(axis=0)) / scale


def fit(
    x: np.ndarray,
    y: Sequence[str],
    groups: Sequence[str] | None = None,
    features: Sequence[str] | None = None,
    sets: dict[str, Sequence[str]] | None = None,
    names: Sequence[str] = FEATURES,
) -> dict[str, object]:
    """The verdict model as the package reads it, fitted on (x, y) only (x: columns `names`,
    all FEATURES unless an attempt adds its own).

    With `features`, that set; else the best of `sets` (default: the shipped set) by the inner
    cross-validation, which also picks C and the cut when `groups` are given."""
    sets = {"given": tuple(features)} if features else (sets or SHIPPED)
    if groups is not None:
        name, c, cut = _inner(x, y, groups, sets, names)
    else:
        name, c, cut = next(iter(sets)), 1.0, 0.5
    chosen = sets[name]
    x = x[:, [list(names).index(f) for f in chosen]]
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    clf = _fit_sklearn((x - mean) / scale, y, c)
    coef = np.zeros((len(VERDICTS), x.shape[1]))
    intercept = np.zeros(len(VERDICTS))
    for row, k in enumerate(clf.classes_):
        coef[k], intercept[k] = clf.coef_[row], clf.intercept_[row]
    return {
        "features": list(chosen),
        "classes": list(VERDICTS),
        "mean": [round(float(v), 8) for v in mean],
        "scale": [round(float(v), 8) for v in scale],
        "coef": [[round(float(v), 8) for v in r] for r in coef],
        "intercept": [round(float(v), 8) for v in intercept],
        "independent_min_probability": cut,
        "C": c,
        "feature_set": name,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Cross-validate, fit on everything, write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--features", type=Path, help="a features cache written by meter_eval.py (any code)"
    )
    args = parser.parse_args(argv)
    if not meter_eval.available():
        print(f"METER not found at {meter_eval.METER}: nothing to train on")
        return 0
    if args.features:
        rows = json.loads(args.features.read_text(encoding="utf-8"))["data"]["rows"]
    else:
        rows = meter_eval.features_table()["rows"]
    gold = [d["label"] for d in rows]
    groups = [d["story"] for d in rows]
    cv = meter_eval.scores(gold, meter_eval.cross_validate(rows, meter_eval.model_predict), groups)
    x = np.array([d["features"] for d in rows])
    model = {
        "name": "newsaudit reuse verdict",
        "version": VERSION,
        "kind": "multinomial logistic regression (L2, balanced class weights), on standardised "
        "features: p(class) = softmax(coef @ ((x - mean) / scale) + intercept); independent "
        "when p(independent) >= independent_min_probability, else the likelier of derived and "
        "partial",
        **fit(x, gold, groups),
        "training": {
            "data": "METER corpus (Clough et al. 2002): 772 newspaper texts of 225 court and "
            "show-business stories, each labelled wholly / partially / non derived from all "
            "UK Press Association copy of its story together; features of each text against "
            "all PA copy of its story (PA dated a day earlier), computed by newsaudit itself",
            "labels": {"derived": "wholly", "partial": "partially", "independent": "non"},
            "trained": dt.date.today().isoformat(),
            "script": "benchmarks/train_verdict.py",
        },
        "cv": {
            "folds": "benchmarks/data/meter_folds.csv (5 folds grouped by story)",
            "binary_macro_f1": round(float(cv["binary"]), 4),  # type: ignore[arg-type]
            "three_class_macro_f1": round(float(cv["three"]), 4),  # type: ignore[arg-type]
            "confusion (gold -> predicted)": cv["confusion"],
        },
    }
    MODEL_FILE.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(model["cv"], indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
