"""Evaluate newsaudit's reuse verdicts on METER (press-agency copy -> newspapers), per text.

Run: `python benchmarks/meter_eval.py` (from the repository root; a few minutes). Reads
`../shared/dev/meter` (METER, Clough et al. 2002; never copied into the repository) and skips
politely when it is absent. Writes benchmarks/results/meter_eval.md.

METER labels each newspaper text wholly / partially / non derived from ALL PA copy of its story
together, so each story folder is analysed as one corpus (with metadata saying the PA copy came
first, as a user who knows it would write in metadata.csv), and each newspaper text is scored
by newsaudit's article-level reuse verdict (`article_reuse.csv`: its coverage by all earlier
articles together). Folds: benchmarks/data/meter_folds.csv (5 folds grouped by story, fixed
before any tuning). Reported with story-level bootstrap 95 % intervals:
- "before": newsaudit's pair verdicts before the learned model (strongest verdict over the
  story's PA files), recorded once in benchmarks/results/meter_before.json;
- "floor": one word-3-gram containment threshold pair, tuned on the training folds;
- "after": the shipped verdict model's recipe, cross-validated: refitted on the training folds
  by benchmarks/train_verdict.py (feature set, C and cut picked inside those folds) and
  applied with the package's numpy code.
Direction is scored on pairs judged reusing, with dates (as run) and without (text only).
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from benchmarks import measured  # noqa: E402
from newsaudit import corpus as corpus_module  # noqa: E402
from newsaudit import overlap  # noqa: E402
from newsaudit.config import OverlapConfig  # noqa: E402
from newsaudit.overlap import direction_model as direction_module  # noqa: E402
from newsaudit.overlap import features as reuse_features  # noqa: E402
from newsaudit.overlap import verdict as verdict_module  # noqa: E402
from newsaudit.overlap.records import Evidence  # noqa: E402

METER = ROOT.parent / "shared" / "dev" / "meter"
FOLDS = HERE / "data" / "meter_folds.csv"
RESULTS = HERE / "results" / "meter_eval.md"
BEFORE = HERE / "results" / "meter_before.json"
CLASSES = ("wholly", "partially", "non")
TO_METER = {"derived": "wholly", "partial": "partially", "independent": "non"}
PA_DATE = dt.date(2000, 1, 1)  # METER: the PA copy is always first; papers the next morning
PAPER_DATE = dt.date(2000, 1, 2)
BOOTSTRAP = 1000


# ---------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------
def available() -> bool:
    """True when the METER development data is present beside the repository."""
    return (METER / "labels.csv").is_file() and FOLDS.is_file()


def labels() -> list[dict[str, str]]:
    """One row per newspaper text: story_id, newspaper_file, pa_files, label, fold."""
    folds = {r["story_id"]: r["fold"] for r in csv.DictReader(FOLDS.open(encoding="utf-8"))}
    rows = list(csv.DictReader((METER / "labels.csv").open(encoding="utf-8")))
    for r in rows:
        r["fold"] = folds[r["story_id"]]
    return rows


def by_story(rows: list[dict[str, str]]) -> list[tuple[str, list[dict[str, str]]]]:
    """`rows` grouped by story, stories sorted, rows in their order within each."""
    grouped: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        grouped.setdefault(r["story_id"], []).append(r)
    return sorted(grouped.items())


def story(story_id: str, dated: bool = True) -> corpus_module.Corpus:
    """A story folder as a corpus; with `dated`, PA copy a day before the newspapers."""
    docs = corpus_module.load(METER / "corpora" / story_id)
    if not dated:
        return docs
    articles = tuple(
        dataclasses.replace(a, published=PA_DATE if a.article_id.startswith("pa_") else PAPER_DATE)
        for a in docs.articles
    )
    return dataclasses.replace(docs, articles=articles)


# ---------------------------------------------------------------------------------------------
# Scores
# ---------------------------------------------------------------------------------------------
def macro_f1(gold: Sequence[str], pred: Sequence[str], classes: Sequence[str]) -> float:
    """Unweighted mean of per-class F1."""
    scores = []
    for c in classes:
        tp = sum(g == c and p == c for g, p in zip(gold, pred, strict=True))
        fp = sum(g != c and p == c for g, p in zip(gold, pred, strict=True))
        fn = sum(g == c and p != c for g, p in zip(gold, pred, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(scores))


def binary(labels_: Sequence[str]) -> list[str]:
    """wholly | partially -> derived; non stays non."""
    return ["derived" if x != "non" else "non" for x in labels_]


def scores(
    gold: Sequence[str], pred: Sequence[str], groups: Sequence[str], seed: int = 0
) -> dict[str, object]:
    """Binary and 3-class macro-F1 with story-level bootstrap 95 % intervals, and confusion."""
    b_gold, b_pred = binary(gold), binary(pred)
    by_group: dict[str, list[int]] = {}
    for k, g in enumerate(groups):
        by_group.setdefault(g, []).append(k)
    keys = sorted(by_group)
    rng = np.random.default_rng(seed)
    three, two = [], []
    for _ in range(BOOTSTRAP):
        idx = [k for g in rng.choice(len(keys), len(keys)) for k in by_group[keys[g]]]
        three.append(macro_f1([gold[k] for k in idx], [pred[k] for k in idx], CLASSES))
        two.append(
            macro_f1([b_gold[k] for k in idx], [b_pred[k] for k in idx], ("derived", "non"))
        )
    confusion = {g: {p: 0 for p in CLASSES} for g in CLASSES}
    for g, p in zip(gold, pred, strict=True):
        confusion[g][p] += 1
    return {
        "binary": macro_f1(b_gold, b_pred, ("derived", "non")),
        "binary_ci": [float(np.percentile(two, 2.5)), float(np.percentile(two, 97.5))],
        "three": macro_f1(gold, pred, CLASSES),
        "three_ci": [float(np.percentile(three, 2.5)), float(np.percentile(three, 97.5))],
        "confusion": confusion,
        "n": len(gold),
    }


# ---------------------------------------------------------------------------------------------
# Runs
# ---------------------------------------------------------------------------------------------
RANK = {"non": 0, "partially": 1, "wholly": 2}


def pair_verdicts(result: overlap.OverlapResult, paper: str) -> str:
    """The strongest pair verdict between a newspaper text and the story's PA files."""
    best = "non"
    for row in result.pairs.itertuples(index=False):
        if paper not in (row.article_a, row.article_b):
            continue
        other = row.article_b if row.article_a == paper else row.article_a
        if other.startswith("pa_") and RANK[TO_METER[row.verdict]] > RANK[best]:
            best = TO_METER[row.verdict]
    return best


def directions(result: overlap.OverlapResult) -> Counter[str]:
    """PA-newspaper pairs judged reusing: direction right / wrong / unknown."""
    out: Counter[str] = Counter()
    for row in result.pairs.itertuples(index=False):
        pa = [x for x in (row.article_a, row.article_b) if x.startswith("pa_")]
        if row.verdict == "independent" or len(pa) != 1:
            continue
        if not row.source:
            out["unknown"] += 1
        else:
            out["right" if row.source == pa[0] else "wrong"] += 1
    return out


def direction_clues(result: overlap.OverlapResult, story_id: str) -> list[dict[str, object]]:
    """PA-newspaper pairs judged reusing: the direction model's inputs signed towards the PA
    copy (positive: the clue favours the PA copy, the true source)."""
    out = []
    ev = result.evidence
    for row in result.pairs.itertuples(index=False):
        pa = [x for x in (row.article_a, row.article_b) if x.startswith("pa_")]
        if row.verdict == "independent" or len(pa) != 1:
            continue
        rows = ev[(ev.article_a == row.article_a) & (ev.article_b == row.article_b)]
        evidence = [
            Evidence(e.favours, e.weight, e.kind, e.detail, e.clue, e.value)
            for e in rows.itertuples(index=False)
        ]
        x = direction_module.signed(pa[0], evidence)
        decisive = sorted({e.clue for e in evidence if e.clue in direction_module.DECISIVE})
        out.append(
            {
                "story": story_id,
                "pair": f"{row.article_a}|{row.article_b}",
                "x": [x[c] for c in direction_module.CLUES],
                "decisive": decisive,
            }
        )
    return out


def collect(rows: list[dict[str, str]], config: OverlapConfig) -> dict[str, object]:
    """Analyse every story once (dated and undated); gather per-text features and verdicts."""
    out: dict[str, object] = {
        "rows": [],
        "direction_dated": Counter(),
        "direction_text": Counter(),
        "direction_pairs": [],
    }
    for n, (story_id, items) in enumerate(by_story(rows), start=1):
        dated = overlap.analyse(story(story_id, dated=True), config)
        undated = overlap.analyse(story(story_id, dated=False), config)
        out["direction_dated"] += directions(dated)  # type: ignore[operator]
        out["direction_text"] += directions(undated)  # type: ignore[operator]
        out["direction_pairs"] += direction_clues(undated, story_id)  # type: ignore[operator]
        reuse = dated.article_reuse.set_index("article_id")
        for r in items:
            paper = Path(r["newspaper_file"]).stem
            row = reuse.loc[paper]
            out["rows"].append(  # type: ignore[union-attr]
                {
                    "story": story_id,
                    "fold": int(r["fold"]),
                    "label": r["label"],
                    "pairs": pair_verdicts(dated, paper),
                    "features": [float(row[f]) for f in reuse_features.FEATURES],
                }
            )
        if n % 25 == 0:
            print(f"  {n} stories", file=sys.stderr)
    return out


CACHE = ROOT / "build" / "meter_features.json"


def _code_key() -> str:
    """Hash of the code that computes the features (the overlap package and config; not the
    shipped models, which the features and clue values do not depend on)."""
    import hashlib

    h = hashlib.sha256()
    package = ROOT / "src" / "newsaudit"
    code = sorted((package / "overlap").glob("*.py"))
    for path in [*code, package / "config.py"]:
        h.update(path.read_bytes())
    for path in sorted((package / "lexicon" / "en").rglob("*.txt")):
        h.update(path.read_bytes())
    return h.hexdigest()


def features_table(refresh: bool = False) -> dict:
    """Every newspaper text's features (cached in build/ while the overlap code is unchanged;
    the cache holds numbers and labels, no text)."""
    key = _code_key()
    if CACHE.is_file() and not refresh:
        cached = json.loads(CACHE.read_text(encoding="utf-8"))
        if cached.get("key") == key:
            return cached["data"]
    data = collect(labels(), OverlapConfig())
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    CACHE.write_text(json.dumps({"key": key, "data": data}), encoding="utf-8")
    return data


def _macro_f1_codes(gold: np.ndarray, pred: np.ndarray, k: int) -> float:
    """Macro-F1 over class codes 0..k-1 (numpy, for the threshold search)."""
    f = []
    for c in range(k):
        tp = np.sum((gold == c) & (pred == c))
        fp = np.sum((gold != c) & (pred == c))
        fn = np.sum((gold == c) & (pred != c))
        f.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(f))


def tune_floor(x: np.ndarray, y: Sequence[str]) -> tuple[float, float]:
    """(partially cut, wholly cut) on word-3-gram containment maximising 3-class macro-F1,
    searched on a 0.01 grid."""
    gold = np.array([CLASSES.index(v) for v in y])
    grid = np.round(np.arange(0.0, 1.01, 0.01), 2)
    best, cuts = -1.0, (0.0, 1.0)
    for lo in grid:
        for hi in grid[grid >= lo]:
            pred = np.where(x >= hi, 0, np.where(x >= lo, 1, 2))
            f = _macro_f1_codes(gold, pred, 3)
            if f > best:
                best, cuts = f, (float(lo), float(hi))
    return cuts


def cross_validate(
    data: list[dict], predict: Callable[[list[dict], list[dict]], list[str]]
) -> list[str]:
    """Predictions for every text from a model fitted on the other four folds."""
    pred = [""] * len(data)
    for fold in sorted({d["fold"] for d in data}):
        train = [d for d in data if d["fold"] != fold]
        test_idx = [k for k, d in enumerate(data) if d["fold"] == fold]
        for k, p in zip(test_idx, predict(train, [data[k] for k in test_idx]), strict=True):
            pred[k] = p
    return pred


def floor_predict(train: list[dict], test: list[dict]) -> list[str]:
    """The containment floor: two cuts on word-3-gram containment, tuned on `train`."""
    col = reuse_features.FEATURES.index("containment_3")
    x = np.array([d["features"][col] for d in train])
    lo, hi = tune_floor(x, [d["label"] for d in train])
    return [
        "wholly"
        if d["features"][col] >= hi
        else "partially"
        if d["features"][col] >= lo
        else "non"
        for d in test
    ]


def model_predict(train: list[dict], test: list[dict]) -> list[str]:
    """The learned verdict, refitted on `train` (training recipe of train_verdict.py)."""
    from benchmarks import train_verdict

    model = train_verdict.fit(
        np.array([d["features"] for d in train]),
        [d["label"] for d in train],
        [d["story"] for d in train],
    )
    x = np.array([d["features"] for d in test])
    return [TO_METER[v] for v in verdict_module.predict_many(model, x)]


# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------
def _ci(s: dict, key: str) -> str:
    lo, hi = s[f"{key}_ci"]
    return f"{s[key]:.3f} [{lo:.3f}, {hi:.3f}]"


def _confusion(s: dict) -> str:
    lines = ["| gold \\ predicted | " + " | ".join(CLASSES) + " |", "|---|---|---|---|"]
    for g in CLASSES:
        lines.append(f"| {g} | " + " | ".join(str(s["confusion"][g][p]) for p in CLASSES) + " |")
    return "\n".join(lines)


def _direction(c: Counter[str]) -> str:
    stated = c["right"] + c["wrong"]
    share = c["right"] / stated if stated else 0.0
    return (
        f"{share:.1%} right of {stated} stated ({c['right']} right, {c['wrong']} wrong, "
        f"{c['unknown']} unknown)"
    )


def report(runs: dict[str, dict], data: dict[str, object]) -> str:
    """The results page."""
    names = {
        "before": "newsaudit before (pair verdicts, hand-set thresholds)",
        "floor": "word-3-gram containment, two cuts tuned on the training folds",
        "after": "newsaudit after (learned article-level verdict, cross-validated)",
    }
    table = [
        "| method | binary macro-F1 [95 % CI] | 3-class macro-F1 [95 % CI] |",
        "|---|---|---|",
    ]
    for key, s in runs.items():
        table.append(f"| {names.get(key, key)} | {_ci(s, 'binary')} | {_ci(s, 'three')} |")
    parts = [
        "# METER evaluation (per newspaper text, against all PA copy of its story)",
        "",
        f"Generated by `python benchmarks/meter_eval.py`. {runs['floor']['n']} newspaper texts "
        "of 225 stories; 5 folds grouped by story (benchmarks/data/meter_folds.csv, fixed before "
        f"tuning); 95 % intervals from {BOOTSTRAP} story-level bootstrap resamples.",
        "",
        *table,
        "",
    ]
    for key, s in runs.items():
        parts += [f"## Confusion: {names.get(key, key)}", "", _confusion(s), ""]
    parts += [
        "## Direction (PA-newspaper pairs judged reusing; the PA copy is always the source)",
        "",
        "- with metadata dates (PA a day earlier): "
        + _direction(Counter(data["direction_dated"])),  # type: ignore[arg-type]
        *(f"- {name}: {_direction(c)}" for name, c in text_directions(data).items()),
        "",
    ]
    return "\n".join(parts)


def text_directions(data: dict[str, object]) -> dict[str, Counter[str]]:
    """Direction from text alone (no dates): before (hand-weighted votes, recorded), the
    learned model cross-validated on the fixed folds, and the shipped model in-sample."""
    from benchmarks import train_direction

    out: dict[str, Counter[str]] = {}
    if BEFORE.is_file():
        before = json.loads(BEFORE.read_text(encoding="utf-8"))
        out["text only, before (hand-weighted clue votes)"] = Counter(before["direction_text"])
    x, stories, folds, decisive = train_direction.pairs()
    learned = [k for k, d in enumerate(decisive) if not d]
    cv = train_direction.cross_validate(
        x[learned], [stories[k] for k in learned], [folds[k] for k in learned]
    )
    out["text only, learned model (cross-validated)"] = Counter(cv)
    for target in (0.9, 0.8):  # the same recipe with a lower accuracy target: the trade-off
        lower = train_direction.cross_validate(
            x[learned], [stories[k] for k in learned], [folds[k] for k in learned], target
        )
        out[f"text only, same recipe with the cut picked for {target:.0%} (cross-validated)"] = (
            Counter(lower)
        )
    shipped = train_direction.outcome(direction_module.model(), x[learned])
    out["text only, shipped model (in-sample, not a score)"] = Counter(shipped)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Run the evaluation; write the results page."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", action="store_true", help="record today's scores only")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if not available():
        print(f"METER not found at {METER}: skipping (see benchmarks/meter_eval.py)")
        return 0
    data = features_table()
    rows: list[dict] = data["rows"]  # type: ignore[assignment]
    gold = [d["label"] for d in rows]
    groups = [d["story"] for d in rows]
    floor = scores(gold, cross_validate(rows, floor_predict), groups)
    if args.before:
        before = scores(gold, [d["pairs"] for d in rows], groups)
        before["direction_dated"] = dict(data["direction_dated"])  # type: ignore[arg-type]
        before["direction_text"] = dict(data["direction_text"])  # type: ignore[arg-type]
        BEFORE.write_text(json.dumps(before, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        runs = {"before": before, "floor": floor}
    else:
        before = json.loads(BEFORE.read_text(encoding="utf-8"))
        runs = {
            "before": before,
            "floor": floor,
            "after": scores(gold, cross_validate(rows, model_predict), groups),
            "shipped model, in-sample (not a score)": scores(
                gold,
                [
                    TO_METER[v]
                    for v in verdict_module.predict_many(
                        verdict_module.model(), np.array([d["features"] for d in rows])
                    )
                ],
                groups,
            ),
        }
    page = report(runs, data)
    args.out.write_text(page, encoding="utf-8")
    print(page)
    if "after" in runs and args.out == RESULTS:  # the report's rates follow a full run
        after = runs["after"]
        measured.record(
            {
                "meter.binary": {"value": f"{after['binary']:.3f}"},
                "meter.three": {"value": f"{after['three']:.3f}"},
            }
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
