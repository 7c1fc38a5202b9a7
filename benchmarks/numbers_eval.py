"""Number extraction on others' test cases: Recognizers-Text specs and quantulum3's sentences.

Run from the repository root: `python benchmarks/numbers_eval.py` (writes
benchmarks/results/numbers_eval.md). Reads `../shared/dev/quantities/recognizers-text/*.json`
(Microsoft Recognizers-Text English specs, MIT) and quantulum3's own test sentences
(`quantulum3/_lang/en_US/tests/quantities*.json`, installed with the bench extra); skips politely
when either is missing. Nothing from them is copied into the repository.

Split, fixed before tuning: a case is "dev" when the first 8 hex digits of
sha1("<category>|<input>") are even, else "test". Only dev cases were read while developing;
both halves are reported. `--src DIR` scores another checkout's package (the "before" numbers).
While developing, `--half dev` extracts the dev cases only (the test half is not even run) and
prints the table without writing the report.

Scoring, per case: the gold values (a range's finite bounds count as values) are matched one to
one with the values of the predicted figures (a qualified figure's value is its written number,
a range gives both ends and its midpoint). A value matches when equal within 0.01 % relative; a
share written as a percentage matches the same share as a fraction (66.67 % = 2/3).
Precision counts every predicted figure (dates included), recall every gold value. Bound
accuracy: the share of gold intervals (NumberRange) whose low and high the extractor gives
exactly (an open lower end is matched by 0, the floor newsaudit puts under "less than" counts).

Two scorings are reported. "v1" is the scoring above as first written. "v2" (the headline since
the numbers branch) corrects three things a reviewer would count against the scorer, not the
extractor:
1. one predicted value is matched once: v1 let the same end of a predicted range match two gold
   values ("equal to 5000 or less than 5000" matched 5000 twice and left a prediction unused);
2. a qualified figure's written number is read back right: v1 knew only the qualifiers written
   before the number, so "5000 or less" gave 0, 5000 and their midpoint, and "around 10-15"
   gave the midpoint of the widened interval (12.75) instead of 12.5;
3. a spec that labels one kind of quantity is scored on that kind: the NumberRange spec labels
   only intervals (ranges, bounds, stated equalities), never the other numbers of its sentences
   ("more than 30000 in 2009" labels no 2009), so there an exact unqualified prediction that
   matches no gold is left out of precision; likewise an unmatched prediction of another kind
   in the Currency (not money), Dimension (not a physical quantity), Age and Temperature specs.
   And a prediction whose value the scorer cannot read as one number (a calendar date such as
   "June 30", a vague "several hundred", an unresolved "last year") is left out of precision
   everywhere: it is neither right nor wrong about a value the spec gives. The Number spec and
   quantulum3's sentences label every number, so there every other prediction counts.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks import measured  # noqa: E402

DEV = ROOT.parent / "shared" / "dev" / "quantities" / "recognizers-text"
OUT = ROOT / "benchmarks" / "results" / "numbers_eval.md"
# Scores of the extractor before the numbers branch (main at e0ae7db), written by
# `--src <that checkout>/src --json THIS`: shown beside the current ones.
BEFORE = ROOT / "benchmarks" / "results" / "numbers_eval_before.json"
SPECS = {
    "number": "NumberModel.json",
    "range": "NumberRangeModel.json",
    "percent": "PercentModel.json",
    "currency": "CurrencyModel.json",
    "dimension": "DimensionModel.json",
    "age": "AgeModel.json",
    "temperature": "TemperatureModel.json",
}
HEADLINE = ("number", "range", "percent", "quantulum3")
REL_TOL = 1e-4


@dataclass(frozen=True)
class Gold:
    """One expected quantity: its value(s) and, for a range, its interval."""

    values: tuple[float, ...]
    low: float | None = None
    high: float | None = None
    fraction: bool = False


@dataclass
class Case:
    category: str
    text: str
    gold: list[Gold]
    half: str = ""


@dataclass
class Pred:
    values: tuple[float, ...]
    low: float
    high: float
    percent: bool = False
    exact: bool = True  # a plain number (no qualifier, no range)
    kind: str = ""  # money, quantity, age, temperature, ... ("" when unknown)
    written: tuple[float, ...] | None = None  # the written value(s), read by scoring v2

    def read(self, scoring: str) -> tuple[float, ...]:
        return self.values if scoring == "v1" or self.written is None else self.written


@dataclass
class Score:
    tp_pred: int = 0
    n_pred: int = 0
    tp_gold: int = 0
    n_gold: int = 0
    bounds_ok: int = 0
    n_bounds: int = 0
    misses: list[str] = field(default_factory=list)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp_pred / self.n_pred if self.n_pred else 1.0
        r = self.tp_gold / self.n_gold if self.n_gold else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def half_of(category: str, text: str) -> str:
    """'dev' or 'test', fixed by a hash of the case (never by its content's difficulty)."""
    digest = hashlib.sha1(f"{category}|{text}".encode()).hexdigest()
    return "dev" if int(digest[:8], 16) % 2 == 0 else "test"


def _float(text: str) -> float | None:
    try:
        return float(str(text).replace(",", "").rstrip("%"))
    except ValueError:
        return None


def _interval(value: str) -> tuple[float | None, float | None]:
    low, high = value.strip("[]()").split(",")
    return (_float(low) if low else None), (_float(high) if high else None)


def recognizers_cases(folder: Path) -> list[Case]:
    """Every case of the Recognizers-Text specs, gold values (and intervals for ranges)."""
    cases = []
    for category, name in SPECS.items():
        file = folder / name
        if not file.is_file():
            continue
        for item in json.loads(file.read_text(encoding="utf-8")):
            gold = []
            for r in item.get("Results", []):
                res = r.get("Resolution") or {}
                value = str(res.get("value", ""))
                if category == "range":
                    low, high = _interval(value)
                    finite = tuple(v for v in (low, high) if v is not None)
                    gold.append(Gold(finite, low, high))
                else:
                    v = _float(value)
                    if v is None:
                        continue  # "a small percent": no value to find
                    gold.append(Gold((v,), fraction=res.get("subtype") == "fraction"))
            cases.append(Case(category, item["Input"], gold))
    return cases


def quantulum_cases() -> list[Case]:
    """quantulum3's own test sentences (both files), when quantulum3 is installed."""
    try:
        import quantulum3
    except ImportError:
        return []
    folder = Path(quantulum3.__file__).parent / "_lang" / "en_US" / "tests"
    cases = []
    for name in ("quantities.json", "quantities.ambiguity.json"):
        for item in json.loads((folder / name).read_text(encoding="utf-8")):
            gold = [Gold((float(r["value"]),)) for r in item["res"]]
            cases.append(Case("quantulum3", item["req"], gold))
    return cases


def newsaudit_system(src: Path) -> Callable[[str], list[Pred]]:
    """newsaudit's extractor (from `src`) as text -> predictions."""
    sys.path.insert(0, str(src))
    from newsaudit import figures

    try:
        from newsaudit.figures.words import WORDS

        kinds = WORDS.qualifiers
    except ImportError:  # before the word lists became lexicon data
        from newsaudit.config import FiguresConfig

        kinds = FiguresConfig().qualifiers

    def values(f: object) -> tuple[float, ...]:
        written = getattr(f, "value", None)
        if written is not None:
            return (float(written),) if not math.isnan(written) else (f.low, f.high)
        if f.vague or f.kind == "date":
            return ()
        kind = kinds.get(f.qualifier, "")
        if kind in ("gt", "ge"):
            return (f.low,)
        if kind in ("lt", "le", "nearly"):
            return (f.high,)
        if kind == "approx":
            return ((f.low + f.high) / 2,)
        if f.low == f.high:
            return (f.low,)
        return tuple(v for v in (f.low, f.high) if math.isfinite(v))

    try:
        from newsaudit.figures.words import WORDS

        suffixes = WORDS.suffix_qualifiers
    except (ImportError, AttributeError):
        suffixes = {}
    try:
        from newsaudit.config import FiguresConfig

        config = FiguresConfig()
        approx, nearly = config.approx_tolerance, config.nearly_tolerance
    except (ImportError, AttributeError):
        approx = nearly = 0.1

    def written(f: object) -> tuple[float, ...]:
        """The number(s) as written, read back from the bounds whatever the qualifier."""
        if f.vague or f.kind == "date":
            return ()
        kind = kinds.get(f.qualifier) or suffixes.get(f.qualifier, "")
        if " and " in f.qualifier:  # "more than 20 but fewer than 30": both bounds written
            kind = ""
        if kind in ("gt", "ge", "odd"):
            return (f.low,)
        if kind in ("lt", "le"):
            return (f.high,)
        if kind == "nearly":
            return (f.high,) if f.low == f.high * (1 - nearly) else (f.low, f.high)
        if kind == "approx":
            low, high = f.low / (1 - approx), f.high / (1 + approx)
            return (low,) if abs(low - high) <= 1e-9 * max(1.0, abs(low)) else (low, high)
        if f.low == f.high:
            return (f.low,)
        return tuple(v for v in (f.low, f.high) if math.isfinite(v))

    def run(text: str) -> list[Pred]:
        return [
            Pred(
                values(f),
                f.low,
                f.high,
                f.unit == "%",
                exact=not f.qualifier and f.low == f.high,
                written=written(f),
                kind="temperature" if f.unit in ("°C", "°F") else f.kind,
            )
            for f in figures.extract_text(text)
        ]

    return run


QUANTULUM_NOTE: list[str] = []


def quantulum_system() -> Callable[[str], list[Pred]] | None:
    """quantulum3 as text -> predictions. Its shipped unit classifier is a pickle of one
    scikit-learn version; when it does not load under the installed one, quantulum3's own
    heuristic disambiguation is used instead (and the report says so)."""
    try:
        from quantulum3 import classifier, parser
    except ImportError:
        return None
    try:
        parser.parse("10k dollars")
    except Exception as err:  # any unpickling failure
        classifier.USE_CLF = False
        QUANTULUM_NOTE.append(
            f"quantulum3's classifier did not load ({type(err).__name__}: {err}); quantulum3 "
            "ran with its heuristic unit disambiguation."
        )

    def run(text: str) -> list[Pred]:
        out = []
        for q in parser.parse(text):
            v = float(q.value)
            entity = q.unit.entity.name
            kind = {"currency": "money", "dimensionless": "count", "time": "duration"}.get(
                entity, "temperature" if entity == "temperature" else "quantity"
            )
            out.append(Pred((v,), v, v, q.unit.name == "percentage", kind=kind))
        return out

    return run


def _same(p: float, g: float) -> bool:
    return abs(p - g) <= REL_TOL * max(1.0, abs(g)) or (g != 0 and abs(p - g) <= REL_TOL * abs(g))


def _matches(
    pred: Pred, value: float, gold: Gold, scoring: str = "v1", skip: frozenset[int] = frozenset()
) -> int | None:
    """Index of the predicted value equal to `value` (None when none is): a share given as a
    percentage equals the same share as a fraction (gold below 1); a range's midpoint (index 2)
    stands for the range (quantulum3 gives ranges so). v2 never reuses an index in `skip`."""
    values = pred.read(scoring)
    if len(values) == 2:
        values = (*values, (values[0] + values[1]) / 2)
    for j, p in enumerate(values):
        if j in skip:
            continue
        if _same(p, value) or (pred.percent and 0 < abs(value) < 1 and _same(p, 100 * value)):
            return j
    return None


# The kinds of prediction each one-kind spec labels (scoring v2, rule 3).
SCOPE = {
    "currency": ("money",),
    "dimension": ("quantity",),
    "age": ("age",),
    "temperature": ("temperature",),
}


def _out_of_scope(category: str, pred: Pred) -> bool:
    """Whether an unmatched prediction is of a kind the category's spec never labels."""
    if category == "range":
        return pred.exact
    return category in SCOPE and bool(pred.kind) and pred.kind not in SCOPE[category]


def score_case(case: Case, preds: list[Pred], score: Score, scoring: str = "v1") -> None:
    """Add one case to `score`: one-to-one greedy matching of gold values and predictions."""
    wanted = [(v, g) for g in case.gold for v in dict.fromkeys(g.values)]
    used: set[int] = set()
    taken: dict[int, set[int]] = {}  # v2: prediction -> its values already matched
    found = 0
    for value, gold in wanted:
        for i, p in enumerate(preds):
            skip = frozenset(taken.get(i, ())) if scoring == "v2" else frozenset()
            if scoring == "v2" and 2 in skip:
                continue  # the midpoint matched: the range stood for one value
            j = _matches(p, value, gold, scoring, skip)
            if j is None:
                continue
            if i not in used:
                used.add(i)
                taken.setdefault(i, set()).update({j} if j < 2 else {0, 1, 2})
                found += 1
                break
            if len(p.read(scoring)) > 1 and (scoring == "v1" or j < 2):
                taken[i].update({j, 2})
                found += 1  # the other end of a range already matched
                break
    score.n_gold += len(wanted)
    score.tp_gold += found
    counted = len(preds)
    if scoring == "v2":
        counted -= sum(
            1
            for i, p in enumerate(preds)
            if i not in used and (not p.read(scoring) or _out_of_scope(case.category, p))
        )
    score.n_pred += counted
    score.tp_pred += len(used)
    for g in case.gold:
        if g.low is None and g.high is None:
            continue
        score.n_bounds += 1
        low = -math.inf if g.low is None else g.low
        high = math.inf if g.high is None else g.high
        if any(
            (_same(p.low, low) or (g.low is None and p.low <= 0))
            and (_same(p.high, high) if math.isfinite(high) else math.isinf(p.high))
            for p in preds
        ):
            score.bounds_ok += 1
    if found < len(wanted) or len(used) < len(preds):
        got = [p.values for p in preds]
        score.misses.append(f"{case.text[:90]!r}: gold {[g.values for g in case.gold]} got {got}")


def evaluate(
    cases: list[Case], systems: dict[str, Callable[[str], list[Pred]]]
) -> dict[tuple[str, str, str, str], Score]:
    """(system, category, half, scoring) -> score."""
    scores: dict[tuple[str, str, str, str], Score] = {}
    for name, run in systems.items():
        for case in cases:
            try:
                preds = run(case.text)
            except Exception as err:
                preds = []
                print(f"{name} crashed on {case.text[:60]!r}: {err!r}", file=sys.stderr)
            for half in (case.half, "all"):
                for scoring in ("v1", "v2"):
                    key = (name, case.category, half, scoring)
                    score_case(case, preds, scores.setdefault(key, Score()), scoring)
    return scores


def throughput(src: Path, n: int = 400) -> float:
    """Articles per second of per-article figure extraction on synthetic news (one core)."""
    sys.path.insert(0, str(ROOT))
    from benchmarks import synth
    from newsaudit import figures

    texts = synth.generate(n, seed=3).texts
    figures.extract_text(texts[0])
    start = time.perf_counter()
    for text in texts:
        figures.extract_text(text)
    return n / (time.perf_counter() - start)


def as_json(scores: dict[tuple[str, str, str, str], Score]) -> dict[str, dict[str, float]]:
    """newsaudit's v2 P/R/F1 and bounds per "category|half", to keep as the "before" numbers."""
    out = {}
    for (system, category, half, scoring), s in sorted(scores.items()):
        if system == "newsaudit" and scoring == "v2":
            p, r, f = s.prf()
            out[f"{category}|{half}"] = {
                "p": round(p, 4),
                "r": round(r, 4),
                "f1": round(f, 4),
                "bounds": f"{s.bounds_ok}/{s.n_bounds}" if s.n_bounds else "",
            }
    return out


def table(
    scores: dict[tuple[str, str, str, str], Score],
    categories: Iterable[str],
    before: dict[str, dict[str, float]] | None = None,
) -> list[str]:
    before = before or {}
    lines = [
        "| category | half | system | cases' values | P | R | F1 | F1 before | F1 v1 "
        "| bounds right | bounds before |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    systems = sorted({k[0] for k in scores}, key=lambda s: (s != "newsaudit", s))
    for category in categories:
        for half in ("dev", "test", "all"):
            for system in systems:
                s = scores.get((system, category, half, "v2"))
                if s is None:
                    continue
                p, r, f = s.prf()
                f1 = scores[(system, category, half, "v1")].prf()[2]
                bounds = f"{s.bounds_ok}/{s.n_bounds}" if s.n_bounds else ""
                old = before.get(f"{category}|{half}") if system == "newsaudit" else None
                old_f1 = f"{old['f1']:.2f}" if old else ""
                old_bounds = old["bounds"] if old else ""
                lines.append(
                    f"| {category} | {half} | {system} | {s.n_gold} | {p:.2f} | {r:.2f} | "
                    f"{f:.2f} | {old_f1} | {f1:.2f} | {bounds} | {old_bounds} |"
                )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="package source to score")
    parser.add_argument("--out", type=Path, default=OUT, help="markdown report")
    parser.add_argument("--dev", type=Path, default=DEV, help="Recognizers-Text specs folder")
    parser.add_argument("--misses", default="", help="print misses of this category (dev half)")
    parser.add_argument("--no-quantulum", action="store_true", help="newsaudit only (faster)")
    parser.add_argument("--json", type=Path, help="also write newsaudit's scores as JSON here")
    parser.add_argument("--before", type=Path, default=BEFORE, help="JSON of the before scores")
    parser.add_argument(
        "--half",
        choices=("dev", "test", "all"),
        default="all",
        help="score only this half (`dev` while developing: the test half is not even run; "
        "no report is written unless `all`)",
    )
    args = parser.parse_args(argv)
    cases = recognizers_cases(args.dev) + quantulum_cases()
    if not cases:
        print(f"skipped: no specs at {args.dev} and no quantulum3 installed")
        return 0
    for case in cases:
        case.half = half_of(case.category, case.text)
    if args.half != "all":
        cases = [c for c in cases if c.half == args.half]
    systems = {"newsaudit": newsaudit_system(args.src)}
    q = None if args.no_quantulum else quantulum_system()
    if q is not None:
        systems["quantulum3"] = q
    scores = evaluate(cases, systems)
    if args.misses:
        for line in scores[("newsaudit", args.misses, "dev", "v2")].misses:
            print(line)
    categories = [c for c in (*SPECS, "quantulum3") if any(k[1] == c for k in scores)]
    if args.json:
        args.json.write_text(json.dumps(as_json(scores), indent=1) + "\n", encoding="utf-8")
    before = json.loads(args.before.read_text("utf-8")) if args.before.is_file() else {}
    if args.half != "all":  # a development run: the table on screen, no report, no timing
        print("\n".join(table(scores, categories, before)))
        return 0
    rate = throughput(args.src)
    package = os.path.relpath(args.src, ROOT)
    lines = [
        "# Number extraction on Recognizers-Text specs and quantulum3's sentences",
        "",
        f"Generated by `python benchmarks/numbers_eval.py` (package: `{package}`).",
        "Value P/R/F1 and bound accuracy per category; dev = the half read while developing,",
        "test = the untouched half (sha1 rule in the script). quantulum3 runs on the same cases.",
        "P/R/F1: scoring v2; F1 v1: the first scoring (see the docstring of the script).",
        "F1 before, bounds before: newsaudit before the numbers branch (main at e0ae7db, kept",
        f"in `{os.path.relpath(args.before, ROOT)}`), same cases, same scoring v2.",
        "",
        *table(scores, categories, before),
        "",
        f"Figure extraction on synthetic news: {rate:.0f} articles/s (one core, noisy).",
        *QUANTULUM_NOTE,
        "",
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text("\n".join(lines), encoding="utf-8")
    tmp.replace(args.out)
    print("\n".join(lines))
    if args.out == OUT and args.src == ROOT / "src" and "quantulum3" in categories:
        measured.record(rates(scores))  # the report's rate follows a full run of the package
    return 0


def rates(scores: dict[tuple[str, str, str, str], Score]) -> dict[str, dict[str, str]]:
    """The report's number-reading rate (`measured.yaml`): newsaudit's value F1 on the test
    halves, quantulum3's sentences with the Recognizers-Text specs beside them."""

    def f1(category: str) -> str:
        score = scores.get(("newsaudit", category, "test", "v2"))
        return f"{score.prf()[2]:.2f}" if score else "n/a"

    return {
        "numbers.quantulum3": {
            "value": f1("quantulum3"),
            "data": f"quantulum3's test sentences (Recognizers-Text numbers {f1('number')}, "
            f"ranges {f1('range')}, percentages {f1('percent')})",
        }
    }


if __name__ == "__main__":
    raise SystemExit(main())
