"""Evaluate newsaudit.overlap on synthetic reuse corpora: verdict P/R/F1 and direction accuracy.

Run: `python benchmarks/overlap_eval.py` (from the repository root; about a minute when idle).
Writes benchmarks/results/overlap_eval.md. Labels come from benchmarks/reuse_generator.py
(synthetic) and tests/data/overlap/realistic/labels.csv (hand-written, METER-like).
"""

from __future__ import annotations

import csv
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "src"), str(HERE)]

from reuse_generator import scenarios  # noqa: E402

from newsaudit import overlap  # noqa: E402
from newsaudit.config import OverlapConfig  # noqa: E402
from newsaudit.corpus import from_texts  # noqa: E402

RESULTS = HERE / "results" / "overlap_eval.md"
REALISTIC = HERE.parent / "tests" / "data" / "overlap" / "realistic"
CLASSES = ("derived", "partial", "independent")


def prf(gold: list[str], pred: list[str], positive: str) -> tuple[float, float, float, int]:
    """Precision, recall, F1 and support of one class."""
    tp = sum(g == positive and p == positive for g, p in zip(gold, pred, strict=True))
    fp = sum(g != positive and p == positive for g, p in zip(gold, pred, strict=True))
    fn = sum(g == positive and p != positive for g, p in zip(gold, pred, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, tp + fn


def binary_f1(gold: list[str], pred: list[str]) -> float:
    """F1 of reuse (derived or partial) against independent."""
    return prf(
        ["r" if g != "independent" else "n" for g in gold],
        ["r" if p != "independent" else "n" for p in pred],
        "r",
    )[2]


def _tallies() -> dict[str, list[str]]:
    """Empty per-label tallies: gold and predicted verdicts, learned verdicts, case names and
    direction outcomes ("correct" | "wrong" | "unknown" per gold-reuse pair found)."""
    return {"gold": [], "pred": [], "learned": [], "cases": [], "direction": []}


def _tally(out: dict[str, list[str]], verdict: str, source: str, row: dict, case: str) -> None:
    """Add one labelled pair (gold `verdict` and `source`) and its result `row` to `out`."""
    out["gold"].append(verdict)
    out["pred"].append(row["verdict"])
    out["learned"].append(row["learned_verdict"] or row["verdict"])
    out["cases"].append(case)
    if verdict != "independent" and row["verdict"] != "independent":
        if not row["source"]:
            out["direction"].append("unknown")
        else:
            out["direction"].append("correct" if row["source"] == source else "wrong")


def evaluate(
    config: OverlapConfig | None = None, seed: int = 7, rounds: int = 2
) -> dict[str, object]:
    """Run every scenario; return gold/pred verdicts, direction outcomes and per-case tallies."""
    config = config or OverlapConfig()
    out = _tallies()
    started = time.perf_counter()
    n_articles = 0
    for sc in scenarios(seed, rounds):
        result = overlap.analyse(sc.corpus, config)
        n_articles += len(sc.corpus)
        table = {(r["article_a"], r["article_b"]): r for r in result.pairs.to_dict("records")}
        for lab in sc.labels:
            _tally(out, lab.verdict, lab.source, table[(lab.a, lab.b)], lab.case)
    return {**out, "seconds": time.perf_counter() - started, "articles": n_articles}


def evaluate_realistic(
    config: OverlapConfig | None = None, split: str = "dev"
) -> dict[str, object]:
    """Run the hand-written METER-like set (tests/data/overlap/realistic/), one corpus per story
    (a wire story and three newspaper stories about the same event)."""
    config = config or OverlapConfig()
    with (REALISTIC / "labels.csv").open(encoding="utf-8") as f:
        labels = [row for row in csv.DictReader(f) if row["split"] == split]
    out = _tallies()
    started = time.perf_counter()
    n_articles = 0
    for story in sorted({row["story"] for row in labels}):
        texts = {
            path.stem: path.read_text(encoding="utf-8")
            for path in sorted(REALISTIC.glob(f"{story}_*.txt"))
        }
        result = overlap.analyse(from_texts(texts), config)
        n_articles += len(texts)
        table = {}
        for r in result.pairs.to_dict("records"):
            table[(r["article_a"], r["article_b"])] = table[(r["article_b"], r["article_a"])] = r
        for lab in (row for row in labels if row["story"] == story):
            row = table[(lab["article_a"], lab["article_b"])]
            kind = lab["article_b"].split("_", 1)[1]
            case = f"wire-{kind}" if lab["article_a"].endswith("_wire") else f"{kind}-indep"
            _tally(out, lab["verdict"], lab["source"], row, case)
    return {**out, "seconds": time.perf_counter() - started, "articles": n_articles}


HEADER = """# Overlap evaluation (synthetic and hand-written realistic reuse)

Generated by `python benchmarks/overlap_eval.py`; corpora from `benchmarks/reuse_generator.py`:
the five seeds and fictional fixture texts (tests/data/overlap/), copies with controlled edits,
hand-written paraphrases (tests/data/overlap/rewrites/) and the real seed rewrite (000 of 001).
Each scenario is one corpus (all base articles plus the copies of one of them), analysed with
the default `OverlapConfig`. Thresholds were chosen on the development split (generator seed 7);
the held-out split (seed 2024) draws new random edits, clues and metadata and was not looked at
while tuning. Both reuse the same base texts, so it is held-out edits, not held-out writing.

Caveats: synthetic is not METER. METER's best published figures (binary F1 0.73, 3-class
average F1 0.66) are on real press-agency reuse judged by journalists and are only a reference
point. The rule-based rewordings here are milder than human paraphrase: the 'human-rewrite' and
'seed-rewrite' rows (3 texts) are the hard cases, and too few to carry a precise estimate.

## Realistic set (hand-written, METER-like): blind vs after

tests/data/overlap/realistic/ holds six fictional wire stories, each with a wholly derived
newspaper rewrite (own intro, reordered, condensed, merged sentences, some verbatim phrases), a
partially derived story (30-50 % from the wire, the rest own reporting) and an independent
report of the same event (same facts, names, numbers, sometimes the same short quote). Each
story is one corpus of four articles; 5 labelled pairs per story (wire vs each, and the two
copies vs the independent report). Stories `strike` and `storm` are held out: written and
labelled before any tuning and never inspected while tuning (only their blind aggregate was
printed). 'Blind' is the code before this set existed (commit 2713683), recorded once:

| split | pairs | macro F1 | binary F1 | derived F1 | direction right / found (stated) |
|---|---|---|---|---|---|
| development stories (4), blind | 20 | 0.758 | 0.800 | 0.857 | 2 / 8 (2 of 3 stated) |
| held-out stories (2), blind | 10 | 0.676 | 0.667 | 0.800 | 1 / 3 (1 of 1 stated) |
| development, after step 1 | 20 | 1.000 | 1.000 | 1.000 | 2 / 8 (2 of 2 stated) |
| held-out, after step 1 (first look) | 10 | 0.633 | 0.750 | 0.667 | 0 / 3 (0 of 2 stated) |

Step 1 changed the sentence similarity and verdict gates (tuned on the development stories
and the synthetic split). Its held-out aggregate (only that) was then looked at once; step 2
(direction: quote richness only for speakers both articles name, compilation clue only when the
borrowed parts cover most of the compiler) was motivated by the development stories and checked
on them and the synthetic split; the held-out tables below are the second and last look.

Blind failures: independent same-event reports and the two copies of one wire that were
rewritten in news order formed sentence chains (shared names and numbers made their sentences
similar), and a reordered rewrite broke the chains. The tables below are the current code.
The development stories were written by the same person who tuned the thresholds, so even the
held-out stories share the author's habits: read them as an optimistic estimate.
"""


def report(res: dict[str, object], title: str) -> str:
    """Markdown tables of one evaluation run."""
    gold, pred, cases = res["gold"], res["pred"], res["cases"]
    lines = [
        f"## {title}",
        "",
        f"{len(gold)} labelled pairs in {res['articles']} articles "
        f"({len(set(cases))} cases); analysis time {res['seconds']:.1f} s.",
        "",
        "### Verdicts",
        "",
        "| class | precision | recall | F1 | support |",
        "|---|---|---|---|---|",
    ]
    f1s = []
    for cls in CLASSES:
        p, r, f, n = prf(gold, pred, cls)
        f1s.append(f)
        lines.append(f"| {cls} | {p:.3f} | {r:.3f} | {f:.3f} | {n} |")
    lines.append(f"| **macro (3-class)** | | | **{sum(f1s) / 3:.3f}** | {len(gold)} |")
    reuse_gold = ["reuse" if g != "independent" else "no" for g in gold]
    reuse_pred = ["reuse" if p != "independent" else "no" for p in pred]
    p, r, f, n = prf(reuse_gold, reuse_pred, "reuse")
    lines.append(
        f"| **binary: reuse (derived+partial) vs not** | {p:.3f} | {r:.3f} | **{f:.3f}** | {n} |"
    )
    strict_gold = ["d" if g == "derived" else "no" for g in gold]
    strict_pred = ["d" if x == "derived" else "no" for x in pred]
    p, r, f, n = prf(strict_gold, strict_pred, "d")
    lines.append(f"| binary: derived vs not | {p:.3f} | {r:.3f} | {f:.3f} | {n} |")
    lines += ["", "### Confusion (rows gold, columns predicted)", ""]
    lines.append("| gold \\ pred | " + " | ".join(CLASSES) + " |")
    lines.append("|---|" + "---|" * len(CLASSES))
    counts = Counter(zip(gold, pred, strict=True))
    for g in CLASSES:
        lines.append(f"| {g} | " + " | ".join(str(counts[(g, p)]) for p in CLASSES) + " |")
    lines += [
        "",
        "### By case",
        "",
        "| case | gold | pairs | correct verdict |",
        "|---|---|---|---|",
    ]
    by_case: dict[str, list[bool]] = {}
    gold_of: dict[str, str] = {}
    for g, p, c in zip(gold, pred, cases, strict=True):
        by_case.setdefault(c, []).append(g == p)
        gold_of[c] = g
    for c in sorted(by_case):
        ok = by_case[c]
        lines.append(f"| {c} | {gold_of[c]} | {len(ok)} | {sum(ok) / len(ok):.3f} |")
    direction = Counter(res["direction"])
    found = sum(direction.values())
    stated = direction["correct"] + direction["wrong"]
    lines += [
        "",
        "### Direction (gold reuse pairs that were detected)",
        "",
        "| pairs | correct | wrong | unknown | accuracy (all) | accuracy (when stated) |",
        "|---|---|---|---|---|---|",
        f"| {found} | {direction['correct']} | {direction['wrong']} | {direction['unknown']} | "
        f"{direction['correct'] / max(found, 1):.3f} | "
        f"{direction['correct'] / max(stated, 1):.3f} |",
        "",
    ]
    learned = res["learned"]
    macro = sum(prf(gold, learned, c)[2] for c in CLASSES) / 3
    lines += [
        "### The learned METER model as the pair verdict (not shipped: compare with the above)",
        "",
        f"3-class macro F1 {macro:.3f}, binary F1 {binary_f1(gold, learned):.3f}, derived F1 "
        f"{prf(gold, learned, 'derived')[2]:.3f}.",
        "",
    ]
    return "\n".join(lines)


def ablation() -> str:
    """Verdict scores without the sentence (paraphrase) channel: a verbatim-only aligner,
    as passim or TextPAIR would align, on one round of the development split."""
    rows = ["## Ablation: verbatim alignment only (development split, one round)", ""]
    rows += [
        "| method | macro F1 | binary F1 | derived recall | rewrites found "
        "| realistic dev macro / binary | realistic held-out macro / binary |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, config in (
        ("full (verbatim + sentence chains)", OverlapConfig()),
        (
            "chains on plain stems only (previous version)",
            OverlapConfig(chain_min_score_per_sentence=0.0, match_min_similarity=2.0),
        ),
        ("verbatim only", OverlapConfig(min_chain_sentences=10**6, match_min_similarity=2.0)),
    ):
        res = evaluate(config, seed=7, rounds=1)
        gold, pred, cases = res["gold"], res["pred"], res["cases"]
        macro = sum(prf(gold, pred, c)[2] for c in CLASSES) / 3
        binary = binary_f1(gold, pred)
        recall = prf(gold, pred, "derived")[1]
        hard = [
            p != "independent"
            for p, c in zip(pred, cases, strict=True)
            if c in ("human-rewrite", "seed-rewrite")
        ]
        real = []
        for split in ("dev", "heldout"):
            r = evaluate_realistic(config, split)
            real.append(
                f"{sum(prf(r['gold'], r['pred'], c)[2] for c in CLASSES) / 3:.3f} / "
                + f"{binary_f1(r['gold'], r['pred']):.3f}"
            )
        rows.append(
            f"| {name} | {macro:.3f} | {binary:.3f} | {recall:.3f} | {sum(hard)}/{len(hard)} "
            f"| {real[0]} | {real[1]} |"
        )
    rows.append("")
    rows.append("'rewrites found' counts the hand-written and seed paraphrases detected as reuse.")
    return "\n".join(rows)


def main() -> None:
    """Evaluate, print and write the markdown report."""
    text = "\n".join(
        [
            HEADER,
            report(evaluate(seed=7), "Development split (generator seed 7)"),
            report(evaluate(seed=2024), "Held-out split (generator seed 2024)"),
            report(evaluate_realistic(split="dev"), "Realistic set: development stories (after)"),
            report(evaluate_realistic(split="heldout"), "Realistic set: held-out stories (after)"),
            ablation(),
        ]
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
