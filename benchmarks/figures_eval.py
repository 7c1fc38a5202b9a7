"""Evaluate figure extraction and consistency against the hand labels; compare with quantulum3.

Run from the repository root: `python benchmarks/figures_eval.py` (PYTHONPATH=src if newsaudit is
not installed). Writes benchmarks/results/figures_eval.md. Labels: tests/data/figures/*.csv
(every figure of the five seeds, and of three small multi-outlet clusters written for this).
"""

from __future__ import annotations

import math
import sys
import time
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsaudit import corpus, figures  # noqa: E402
from newsaudit.config import FiguresConfig  # noqa: E402
from newsaudit.text.sentences import split as split_sentences  # noqa: E402

DATA = ROOT / "tests" / "data" / "figures"
OUT = ROOT / "benchmarks" / "results" / "figures_eval.md"
CONFIG = FiguresConfig()


@dataclass(frozen=True)
class Corpus:
    name: str
    corpus: corpus.Corpus
    gold: pd.DataFrame


def load_sets() -> list[Corpus]:
    """The seeds and each cluster, with their gold figures."""
    seeds = pd.read_csv(DATA / "seeds_figures.csv", keep_default_na=False)
    clusters = pd.read_csv(DATA / "clusters_figures.csv", keep_default_na=False)
    sets = [Corpus("seeds", corpus.load(ROOT / "seeds"), seeds)]
    for name, gold in clusters.groupby("cluster", sort=True):
        sets.append(Corpus(str(name), corpus.load(DATA / "clusters" / str(name)), gold))
    # Written and labelled after the extractor was finished, then scored once without changes.
    heldout = pd.read_csv(DATA / "heldout_figures.csv", keep_default_na=False)
    for name, gold in heldout.groupby("cluster", sort=True):
        sets.append(Corpus(f"{name}†", corpus.load(DATA / "heldout" / str(name)), gold))
    for s in sets:
        s.gold["low"] = s.gold["low"].astype(float)
        s.gold["high"] = s.gold["high"].astype(float)
    return sets


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match(gold: pd.DataFrame, pred: list[tuple[str, int, int]]) -> dict[int, int]:
    """Gold row index -> predicted index, one-to-one by overlapping span in the same article."""
    out: dict[int, int] = {}
    used: set[int] = set()
    for gi, g in gold.iterrows():
        for pi, (aid, s, e) in enumerate(pred):
            if pi not in used and aid == g["article_id"] and _overlap((s, e), (g.start, g.end)):
                out[gi] = pi
                used.add(pi)
                break
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _same(a: float, b: float) -> bool:
    return (math.isinf(a) and math.isinf(b) and a == b) or (
        math.isfinite(a) and math.isfinite(b) and abs(a - b) <= 1e-6 * max(1, abs(a))
    )


def _nominal_in(value: float, low: float, high: float) -> bool:
    return low - 1e-9 <= value <= high + 1e-9


def _midpoint(low: float, high: float) -> float:
    if math.isinf(high) and math.isfinite(low):
        return low
    if math.isinf(low) and math.isfinite(high):
        return high
    return (low + high) / 2 if math.isfinite(low) else math.nan


def gold_pairs(gold: pd.DataFrame, conflict: bool) -> set[frozenset[int]]:
    """Same-measure pairs across articles (or, with conflict, those with disjoint intervals)."""
    pairs = set()
    usable = gold[(gold["measure"] != "?") & (gold["measure"] != "")]
    for i, a in usable.iterrows():
        for j, b in usable.iterrows():
            if i >= j or a.article_id == b.article_id or a.measure != b.measure:
                continue
            if conflict:
                if not (a.gold_verdict and b.gold_verdict):
                    continue
                if a.low <= b.high and b.low <= a.high:
                    continue
            pairs.add(frozenset((i, j)))
    return pairs


def evaluate(sets: Iterable[Corpus]) -> dict[str, float]:
    """Extraction, measure-linking, verdict and conflict scores of newsaudit.figures."""
    n_gold = n_pred = tp = exact_value = nominal_ok = 0
    link_tp = link_pred = link_gold = 0
    cmp_tp = cmp_pred = 0
    conf_tp = conf_pred = conf_gold = 0
    verdict_ok = verdict_n = 0
    false_alarms = []
    for s in sets:
        result = figures.analyse(s.corpus, CONFIG)
        figs = result.figures
        pred = list(zip(figs["article_id"], figs["start"], figs["end"], strict=True))
        m = match(s.gold, pred)
        inv = {v: k for k, v in m.items()}
        n_gold += len(s.gold)
        n_pred += len(pred)
        tp += len(m)
        for gi, pi in m.items():
            g, p = s.gold.loc[gi], figs.iloc[pi]
            exact_value += _same(g.low, p.low) and _same(g.high, p.high)
            nominal_ok += _nominal_in(_midpoint(p.low, p.high), g.low, g.high) or (
                _same(g.low, p.low) and _same(g.high, p.high)
            )
        # Same-measure links among matched figures (pairs of articles).
        details = result.details
        comparable_ids = {
            i for i in range(len(figs)) if figures.comparable_key(str(figs.iloc[i]["measure"]))
        }
        gold_links = gold_pairs(s.gold, conflict=False)
        matched_gold_links = {p for p in gold_links if all(i in m for i in p)}
        pred_links = set()
        for pi in comparable_ids:
            for pj in comparable_ids:
                if pi >= pj or pi not in inv or pj not in inv:
                    continue
                a, b = figs.iloc[pi], figs.iloc[pj]
                if a.article_id != b.article_id and a.measure == b.measure:
                    pred_links.add(frozenset((inv[pi], inv[pj])))
        link_gold += len(matched_gold_links)
        link_pred += len(pred_links)
        link_tp += len(pred_links & matched_gold_links)
        del details
        # Compared pairs: what each checks row was actually judged against (`compared_with`).
        at = {(a, st): i for i, (a, st, _e) in enumerate(pred)}
        compared = set()
        for c in result.comparisons.itertuples():
            for ref in filter(None, str(c.compared_with).split("; ")):
                aid, _, start = ref.rpartition("@")
                pa, pb = at.get((c.article_id, c.start)), at.get((aid, int(start)))
                if pa in inv and pb in inv:
                    compared.add(frozenset((inv[pa], inv[pb])))
        cmp_pred += len(compared)
        cmp_tp += len(compared & matched_gold_links)
        # Conflicts: predicted disagreement pairs vs gold disjoint same-measure pairs.
        gold_conf = gold_pairs(s.gold, conflict=True)
        conf_gold += len(gold_conf)
        span_index = {(a, st): i for i, (a, st, _e) in enumerate(pred)}
        for r in result.disagreements.itertuples():
            ia = span_index.get((r.article_a, _start_of(figs, r.article_a, r.text_a, r.low_a)))
            ib = span_index.get((r.article_b, _start_of(figs, r.article_b, r.text_b, r.low_b)))
            conf_pred += 1
            pair = frozenset((inv.get(ia, -1), inv.get(ib, -2)))
            if pair in gold_conf:
                conf_tp += 1
            else:
                false_alarms.append(f"{s.name}: {r.measure}: {r.text_a!r} vs {r.text_b!r}")
        # Verdicts: each gold (measure, article) row with a verdict.
        checks = result.comparisons
        for (_measure, aid), rows in s.gold[s.gold["gold_verdict"] != ""].groupby(
            ["measure", "article_id"]
        ):
            verdict_n += 1
            want = rows["gold_verdict"].iloc[0]
            spans = [(g.start, g.end) for g in rows.itertuples()]
            got = [
                c.verdict
                for c in checks[checks["article_id"] == aid].itertuples()
                if any(_overlap((c.start, c.end), sp) for sp in spans)
            ]
            verdict_ok += bool(got) and got[0] == want
    p, r, f = prf(tp, n_pred, n_gold)
    lp, lr, _ = prf(link_tp, link_pred, link_gold)
    mp, mr, _ = prf(cmp_tp, cmp_pred, link_gold)
    cp, cr, _ = prf(conf_tp, conf_pred, conf_gold)
    return {
        "gold figures": n_gold,
        "predicted figures": n_pred,
        "extraction precision": p,
        "extraction recall": r,
        "extraction F1": f,
        "value exact (bounds), matched": exact_value / tp if tp else 0,
        "value in gold interval, matched": nominal_ok / tp if tp else 0,
        "same-measure link precision": lp,
        "same-measure link recall": lr,
        "compared-pair precision": mp,
        "compared-pair recall": mr,
        "verdict accuracy": verdict_ok / verdict_n if verdict_n else 0,
        "verdict rows": verdict_n,
        "conflict pair precision": cp,
        "conflict pair recall": cr,
        "conflict pairs (gold)": conf_gold,
        "false alarms": len(false_alarms),
        "_false_alarms": false_alarms,  # type: ignore[dict-item]
    }


def _start_of(figs: pd.DataFrame, aid: str, text: str, low: float) -> int:
    rows = figs[(figs["article_id"] == aid) & (figs["text"] == text)]
    return int(rows["start"].iloc[0]) if len(rows) else -1


def sentences_of(sets: Iterable[Corpus]) -> list[tuple[str, str, int, str]]:
    """(set, article_id, offset, sentence) for every sentence of every article."""
    out = []
    for s in sets:
        for a in s.corpus:
            for start, end in split_sentences(a.text):
                out.append((s.name, a.article_id, start, a.text[start:end]))
    return out


def compare_quantulum(sets: list[Corpus]) -> tuple[dict[str, dict[str, float]], list[str]]:
    """Extraction scores and speed of newsaudit and quantulum3 on the same sentences."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t0 = time.perf_counter()
        from quantulum3 import classifier, parser

        # The documented setting: quantulum3 without its optional unit classifier. When
        # scikit-learn happens to be installed, its shipped pickle may not load in that version.
        classifier.USE_CLF = False
        parser.parse("warm up 3 km")
        load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    figures.extract_text("warm up 3 km", FiguresConfig())
    first_s = time.perf_counter() - t0
    sents = sentences_of(sets)
    gold = pd.concat([s.gold.assign(set=s.name) for s in sets], ignore_index=True).reset_index(
        drop=True
    )
    gold["article_id"] = gold["set"] + "/" + gold["article_id"].astype(str)
    systems: dict[str, dict[str, float]] = {}
    examples: list[str] = []
    runs = {
        "newsaudit": lambda text: [
            (f.start, f.end, f.low, f.high) for f in figures.extract_text(text, CONFIG)
        ],
        "quantulum3": lambda text: [
            (q.span[0], q.span[1], q.value, q.value) for q in parser.parse(text)
        ],
    }
    outputs: dict[str, list[tuple[str, int, int, float, float]]] = {}
    for name, run in runs.items():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = []
            t0 = time.perf_counter()
            for set_name, aid, offset, sent in sents:
                for s, e, low, high in run(sent):
                    found.append((f"{set_name}/{aid}", offset + s, offset + e, low, high))
            elapsed = time.perf_counter() - t0
        outputs[name] = found
        pred = [(a, s, e) for a, s, e, _l, _h in found]
        m = match(gold, pred)
        p, r, f = prf(len(m), len(pred), len(gold))
        in_interval = sum(
            _nominal_in(_midpoint(found[pi][3], found[pi][4]), gold.loc[gi].low, gold.loc[gi].high)
            for gi, pi in m.items()
        )
        bounds = sum(
            _same(found[pi][3], gold.loc[gi].low) and _same(found[pi][4], gold.loc[gi].high)
            for gi, pi in m.items()
        )
        systems[name] = {
            "precision": p,
            "recall": r,
            "F1": f,
            "value in gold interval, matched": in_interval / len(m) if m else 0,
            "bounds exact, matched": bounds / len(m) if m else 0,
            "ms per sentence": 1000 * elapsed / len(sents),
            "sentences": len(sents),
        }
    systems["quantulum3"]["load + first parse s"] = load_s
    systems["newsaudit"]["load + first parse s"] = first_s
    # A few sentences where the two disagree, for the report.
    for set_name, aid, offset, sent in sents[:400]:
        key = f"{set_name}/{aid}"
        ours = {(s, e) for a, s, e, *_ in outputs["newsaudit"] if a == key and offset <= s}
        ours = {x for x in ours if x[1] <= offset + len(sent)}
        theirs = {(s, e) for a, s, e, *_ in outputs["quantulum3"] if a == key and offset <= s}
        theirs = {x for x in theirs if x[1] <= offset + len(sent)}
        if ours != theirs and len(examples) < 8:
            examples.append(
                f"| {sent[:90]}{'…' if len(sent) > 90 else ''} | {_texts(sent, offset, ours)} | "
                f"{_texts(sent, offset, theirs)} |"
            )
    return systems, examples


def _texts(sent: str, offset: int, spans: set[tuple[int, int]]) -> str:
    return ", ".join(repr(sent[s - offset : e - offset]) for s, e in sorted(spans))


def timing(sets: list[Corpus], repeat: int = 3) -> dict[str, float]:
    """Seconds for `figures.analyse` per set (best of `repeat`)."""
    out = {}
    for s in sets:
        best = math.inf
        for _ in range(repeat):
            t0 = time.perf_counter()
            figures.analyse(s.corpus, CONFIG)
            best = min(best, time.perf_counter() - t0)
        out[s.name] = best
    return out


def _fmt(v: object) -> str:
    return f"{v:.3f}" if isinstance(v, float) else str(v)


def main() -> None:
    sets = load_sets()
    per_set = {s.name: evaluate([s]) for s in sets}
    overall = evaluate(sets)
    blind3 = [s for s in sets if s.name.rstrip("†") in ("economy", "outbreak", "wildfire")]
    now3 = evaluate(blind3)
    old6 = evaluate([s for s in sets if s not in blind3])
    pooled = {
        k: now3[k]
        for k in (
            "extraction F1",
            "same-measure link precision",
            "same-measure link recall",
            "compared-pair precision",
            "compared-pair recall",
            "verdict accuracy",
            "conflict pair precision",
            "conflict pair recall",
            "false alarms",
        )
    }
    systems, examples = compare_quantulum(sets)
    times = timing(sets)
    keys = [k for k in overall if not k.startswith("_")]
    lines = [
        "# Figures evaluation",
        "",
        "Generated by `python benchmarks/figures_eval.py` against the hand labels in",
        "`tests/data/figures/` (every figure in the 5 seed articles; eight 3-article clusters",
        "written for this benchmark: quake, election, protest, and ferry†, flood†, economy†,",
        "outbreak†, wildfire† which were first scored blind, see below). Extraction matches a",
        "predicted figure to a gold one by overlapping span in the same article. Same-measure",
        "links are pairs of figures in different articles that the system would compare (equal",
        "measure",
        "key) against pairs with the same gold measure, over matched figures; compared pairs",
        "are the pairs the checks were actually judged on (`compared_with`), against the same",
        "gold pairs. Verdict accuracy",
        "is over gold (measure, article) rows. Conflict pairs are the rows of the disagreements",
        "table against gold same-measure pairs whose intervals are disjoint.",
        "",
        "Caveat: the clusters were written by the same person who wrote the extractor, after",
        "its first version existed; their extraction scores are optimistic. The flood†",
        "cluster was written and labelled before the extractor saw it. Its first",
        "score, before any change: same-measure link P 0.471 / R 0.500, verdict accuracy 0.400,",
        "conflict pairs P 0.333 / R 0.250, 2 false alarms (14 missing vs 12,000 evacuated, both",
        "keyed 'people'). The fixes that followed are general (event classes 'missing' and",
        "'evacuated', a 'homes' class, physical units, and generic nouns such as 'people' need",
        "an event to be compared), so its column below is no longer held out. A second",
        "held-out cluster (ferry) was then written and labelled; its first score: extraction F1",
        "0.979, link P 0.500 / R 0.143, verdict accuracy 0.167, conflict pairs P 0.500 / R 0.250,",
        "1 false alarm ('150 passengers' capacity vs 'Some 130 passengers survived'). Fixes after",
        "it (drowned/bodies/rescued/aboard events, passengers and survivors as people, 'capacity",
        "of N', built-year events, event search stopping at the next number, owners compared as",
        "context instead of keyed) make its column optimistic too. The seed labels",
        "were written from the articles, not from the system output. quantulum3 runs without",
        "its optional unit classifier (not installed), as it would in this environment.",
        "",
        "## Three more blind clusters (economy†, outbreak†, wildfire†)",
        "",
        "Written and hand-labelled (every figure, measure labels, expected verdicts, hard",
        "negatives: same number word for different things, 'this year' vs 'since 2019',",
        "cumulative vs daily, earlier readings, peaks, subsets, doses vs people) before any code",
        "change, then scored once with the code as it was (commit 0d932b9). That first score is",
        "the honest estimate of how linking generalises; everything after it was tuned with",
        "these clusters in view (general rules only, see the commit log), so their columns",
        "below are optimistic. 'Compared pairs' did not exist then (each article's first",
        "figure was compared with the others' first figures).",
        "",
        "| first (blind) score | economy† | outbreak† | wildfire† | three pooled | six older |",
        "|---|---|---|---|---|---|",
        "| extraction F1 | 0.986 | 1.000 | 0.984 | 0.989 | 0.997 |",
        "| same-measure link precision | 0.600 | 0.571 | 0.500 | 0.553 | 0.752 |",
        "| same-measure link recall | 0.353 | 0.667 | 0.438 | 0.467 | 0.792 |",
        "| verdict accuracy | 0.412 | 0.467 | 0.471 | 0.449 | 0.673 |",
        "| conflict pair precision | 0.333 | 0.500 | 0.750 | 0.545 | 1.000 |",
        "| conflict pair recall | 0.167 | 0.500 | 0.429 | 0.353 | 0.818 |",
        "| false alarms | 2 | 2 | 1 | 5 | 0 |",
        "",
        "Blind false alarms: 5.1% (previous quarter's unemployment) vs 2.1% (growth), 5.4%",
        "(jobless rate) vs 4.75% (central bank rate), 1,340 cumulative cases vs about 90 a day",
        "(twice), more than 1,200 firefighters vs about 900 on a later day.",
        "",
        "Changes since (all general): every figure of a measure is compared with its mutual",
        "nearest counterpart in each other article (same time frame first, then value), not",
        "only each article's first figure; earlier or reference values ('up from', 'down from a",
        "peak of', 'fewer than the') are keyed apart; months and more prepositions end the",
        "counted noun phrase; generic measure nouns ('rate') need a modifier, and measure and",
        "subject synonyms are data in FiguresConfig (jobless rate = unemployment, key/main/bank",
        "rate = interest rate, GDP = economy); event classes infected, vaccinated, burned,",
        "contained, more evacuation phrasings; people infected = cases; 'deployed' is keyed as",
        "no event; subjects meet when they share a telling word ('the opposition' and 'the",
        "opposition alliance'); physical amounts take the nearest event on either side; a",
        "count in 'since 2019, when 21 people died' is dated in 2019; protesters killed,",
        "injured or arrested are counted as people (written with the protest cluster in",
        "view, so its column is optimistic). On the six older sets",
        "nothing got worse (verdict accuracy 0.673 -> 0.770, no false alarm).",
        "",
        "Still open: '1,200 firefighters' vs 'about 900 on Thursday, down from a peak of 1,300'",
        "(a changing quantity read on another day) stays a false alarm; other groups than",
        "protesters are never folded into 'people' (civilians, troops); money is keyed by its",
        "verb (pledged vs announced), so most aid and",
        "fund figures are not linked; year-of-event figures link poorly (year|?).",
        "",
        "| now | three pooled | six older |",
        "|---|---|---|",
        *[f"| {k} | {_fmt(now3[k])} | {_fmt(old6[k])} |" for k in pooled],
        "",
        "## newsaudit.figures",
        "",
        "| metric | " + " | ".join(per_set) + " | all |",
        "|---|" + "---|" * (len(per_set) + 1),
    ]
    for k in keys:
        lines.append(
            f"| {k} | "
            + " | ".join(_fmt(per_set[n][k]) for n in per_set)
            + f" | {_fmt(overall[k])} |"
        )
    lines += ["", "False alarms (disagreements not in the gold conflicts):", ""]
    lines += [f"- {x}" for x in overall["_false_alarms"]] or ["- none"]
    lines += [
        "",
        "## Side by side with quantulum3 (same sentences, extraction only)",
        "",
        "quantulum3 finds quantities with units but has no notion of qualifiers as bounds,",
        "of vague amounts, of relative years or of what is counted; 'value in gold interval'",
        "takes its value (or our interval's midpoint) and checks it lies in the gold interval.",
        "",
        "| metric | newsaudit | quantulum3 |",
        "|---|---|---|",
    ]
    for k in systems["newsaudit"]:
        lines.append(
            f"| {k} | {_fmt(systems['newsaudit'][k])} | {_fmt(systems['quantulum3'][k])} |"
        )
    lines += [
        "",
        "Sentences where they differ (first few):",
        "",
        "| sentence | newsaudit | quantulum3 |",
        "|---|---|---|",
    ]
    lines += examples
    lines += [
        "",
        "## Speed of `figures.analyse` (best of 3, seconds)",
        "",
        "| set | s |",
        "|---|---|",
    ]
    lines += [f"| {k} | {v:.3f} |" for k, v in times.items()]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(OUT.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
