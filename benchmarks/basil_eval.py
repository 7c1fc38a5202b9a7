"""Figure linking and conflicts on real news: BASIL triplets against our own reading.

Run from the repository root: `python benchmarks/basil_eval.py [--label NAME]` (PYTHONPATH=src
if newsaudit is not installed). Needs `../shared/dev/basil/` next to the repository and skips
politely without it. Writes benchmarks/results/basil_eval.md (and prints it).

Labels: benchmarks/data/basil_figure_labels.csv, one row per figure mention (folder, file, a
short verbatim snippet, the number as written, group, verdict, why); the group is one measure
(same thing counted, event, place and time frame) and its verdict is consistent / compatible /
conflict / moved / different (the labelling guide is benchmarks/data/README.md; "different"
marks look-alike figures that are NOT one measure: hard negatives). The dev/test split is fixed
in benchmarks/data/basil_split.csv (seeded hash order, alternating); methods are tuned on dev.

Scores, separately for dev and test:
- link precision: system-compared figure pairs whose two figures are labelled in one same-measure
  group (consistent, compatible, conflict or moved), over all pairs the system compares (labels
  cover every quantity given by two or more articles, so an unlabelled pair is a wrong link);
  "labelled" precision counts only pairs whose two figures both match a label;
- link recall: labelled same-measure article pairs (group, article, other article) that the
  system compares through at least one pair of their mentions;
- conflicts, pair level: system conflict pairs (disjoint intervals once the rounding of the
  written precision is allowed, `figures.compare.written_bounds`, a date against a bare year at
  the year, `intervals.at_one_precision`; not explained as moved)
  against labelled conflict mention pairs; group level: a labelled conflict group is found when
  any of its pairs is flagged, and a flagged group (the labelled group of the pair, else the pair
  itself) is right when it is a labelled conflict;
- compatible flagged: labelled compatible groups (rounding, vague vs exact, bounds) the system
  calls a conflict: the false alarms real news invites;
- false alarms per triplet over all 75 triplets: every system conflict outside labelled conflicts;
- injected conflicts (benchmarks/basil_inject.py): every eligible consistent group gets one
  outlet's number changed in memory (every mention of the group in that article); it is found
  when a changed figure is flagged against any labelled mention of its group in another article;
  recall is the share found, by kind.
Every mention of a labelled measure in each article is labelled (benchmarks/data/README.md,
label completion), and link precision, link recall and injected recall all count every mention.
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import basil_inject  # noqa: E402
import measured  # noqa: E402

from newsaudit import corpus, figures, lexicon  # noqa: E402
from newsaudit.figures import linkmodel  # noqa: E402
from newsaudit.figures.compare import written_bounds  # noqa: E402
from newsaudit.figures.intervals import at_one_precision  # noqa: E402

BASIL = ROOT.parent / "shared" / "dev" / "basil"
LABELS = ROOT / "benchmarks" / "data" / "basil_figure_labels.csv"
SPLIT = ROOT / "benchmarks" / "data" / "basil_split.csv"
OUT = ROOT / "benchmarks" / "results" / "basil_eval.md"
MODEL = ROOT / "src" / "newsaudit" / "lexicon" / "en" / "figures" / "link_model.yaml"
OWN = ROOT / "tests" / "data" / "figures"
SAME = ("consistent", "compatible", "conflict", "moved")

Key = tuple[str, int]  # (article_id, start) of a system figure


@dataclass
class Scores:
    """Counts for one part (dev, test or all)."""

    triplets: int = 0
    pairs: int = 0
    pairs_right: int = 0
    pairs_labelled: int = 0
    gold_links: int = 0
    gold_links_found: int = 0
    conflicts: int = 0
    conflicts_right: int = 0
    gold_conflicts: int = 0
    gold_conflicts_found: int = 0
    flagged_groups: int = 0
    flagged_groups_right: int = 0
    gold_conflict_groups: int = 0
    gold_conflict_groups_found: int = 0
    compatible_groups: int = 0
    compatible_flagged: int = 0
    moved: int = 0
    unmatched: int = 0
    mentions: int = 0
    injected: int = 0
    injected_linked: int = 0
    injected_found: int = 0
    injected_by_kind: dict[str, list[int]] = field(default_factory=dict)
    alarms: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)  # compared pairs not labelled one measure

    def add(self, other: Scores) -> None:
        for name, value in vars(other).items():
            if isinstance(value, list):
                getattr(self, name).extend(value)
            elif isinstance(value, dict):
                for kind, counts in value.items():
                    mine = getattr(self, name).setdefault(kind, [0] * len(counts))
                    for i, c in enumerate(counts):
                        mine[i] += c
            else:
                setattr(self, name, getattr(self, name) + value)


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f} ({a}/{b})" if b else f"n/a ({a}/{b})"


def load_labels() -> dict[str, list[dict[str, str]]]:
    """folder -> its labelled mentions."""
    out: dict[str, list[dict[str, str]]] = defaultdict(list)
    with LABELS.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out[row["folder"]].append(row)
    return out


def load_split() -> dict[str, str]:
    """folder -> 'dev' or 'test'."""
    with SPLIT.open(encoding="utf-8", newline="") as fh:
        return {row["folder"]: row["split"] for row in csv.DictReader(fh)}


def _mention_span(text: str, row: dict[str, str]) -> tuple[int, int] | None:
    """Char span of the labelled number inside the article text (the snippet when the number as
    written is not found in it verbatim); None when the snippet is not in the body."""
    at = text.find(row["snippet"])
    if at < 0:
        return None
    inner = row["snippet"].lower().find(row["number"].lower())
    if inner < 0:
        return at, at + len(row["snippet"])
    return at + inner, at + inner + len(row["number"])


def _match(span: tuple[int, int], figs: list[tuple[Key, int, int]]) -> Key | None:
    """The system figure overlapping the span most."""
    best, best_overlap = None, 0
    for key, start, end in figs:
        overlap = min(end, span[1]) - max(start, span[0])
        if overlap > best_overlap:
            best, best_overlap = key, overlap
    return best


def _disjoint(a: tuple[float, float], b: tuple[float, float]) -> bool:
    eps = 1e-9 * max(1.0, *(abs(v) for v in (*a, *b) if math.isfinite(v)))
    return a[1] < b[0] - eps or b[1] < a[0] - eps


@dataclass
class Run:
    """What the system did on one triplet, keyed by (article_id, start) of its figures."""

    pairs: set[frozenset[Key]]
    conflicts: set[frozenset[Key]]
    texts: dict[Key, str]
    moved: int
    mentions: dict[str, list[tuple[str, Key | None]]]  # group -> (article_id, figure)
    group_of: dict[Key, str]
    verdict: dict[str, str]
    injected: set[Key]
    unmatched: int
    sentences: dict[Key, str] = field(default_factory=dict)


def run_triplet(docs: corpus.Corpus, rows: list[dict[str, str]]) -> Run:
    """Run newsaudit's figure analysis on one triplet and match its figures to the labels."""
    result = figures.analyse(docs)
    by_file = {a.file: a for a in docs}
    details = result.details
    figs_of: dict[str, list[tuple[Key, int, int]]] = defaultdict(list)
    found: dict[Key, figures.Figure] = {}
    texts: dict[Key, str] = {}
    sentences: dict[Key, str] = {}
    for f in details.itertuples() if not details.empty else ():
        key = (str(f.article_id), int(f.start))
        figs_of[str(f.article_id)].append((key, int(f.start), int(f.end)))
        found[key] = figures.Figure(
            *(getattr(f, c) for c in figures.FIGURE_COLUMNS), kind=str(f.kind)
        )
        texts[key] = str(f.text)
        sentences[key] = " ".join(str(f.sentence).split())

    def bounds(a: Key, b: Key) -> tuple[tuple[float, float], tuple[float, float]]:
        """Conflicts as the system judges them: the rounding of the written precision allowed,
        a date against a year at the year (`intervals.at_one_precision`)."""
        x, y = at_one_precision(found[a], found[b])
        return written_bounds(x.text, x.low, x.high), written_bounds(y.text, y.low, y.high)

    group_of: dict[Key, str] = {}
    mentions: dict[str, list[tuple[str, Key | None]]] = defaultdict(list)
    verdict: dict[str, str] = {}
    injected: set[Key] = set()
    unmatched = 0
    for row in rows:
        article = by_file.get(row["file"])
        span = _mention_span(article.text, row) if article else None
        key = _match(span, figs_of[article.article_id]) if span and article else None
        unmatched += key is None
        aid = article.article_id if article else row["file"]
        mentions[row["group"]].append((aid, key))
        verdict[row["group"]] = row["verdict"]
        if key is not None:
            group_of[key] = row["group"]
            if row.get("injected"):
                injected.add(key)
    # System pairs: what each compared figure was judged against; a disjoint pair is a conflict
    # unless the system explained it as a tally that moved between two days of writing.
    pairs: set[frozenset[Key]] = set()
    conflicts: set[frozenset[Key]] = set()
    moved = 0
    comps = result.comparisons
    for c in comps.itertuples() if not comps.empty else ():
        own = (str(c.article_id), int(c.start))
        why = [r for r in str(c.reason).split(" | ") if r.startswith("moved:")]
        moved += bool(why)
        for ref in filter(None, str(c.compared_with).split("; ")):
            aid, _, start = ref.rpartition("@")
            other = (aid, int(start))
            pair = frozenset((own, other))
            pairs.add(pair)
            explained = any(f"{aid} (" in r and f"{own[0]} (" in r for r in why)
            if _disjoint(*bounds(own, other)) and not explained:
                conflicts.add(pair)
    return Run(
        pairs, conflicts, texts, moved, mentions, group_of, verdict, injected, unmatched, sentences
    )


def _article_pairs(found: list[tuple[str, Key | None]]):
    """(keys of article x, keys of article y) for every pair of articles giving a group."""
    articles = sorted({aid for aid, _ in found})
    for i, x in enumerate(articles):
        for y in articles[i + 1 :]:
            yield (
                [k for aid, k in found if aid == x and k],
                [k for aid, k in found if aid == y and k],
            )


def score_run(folder: str, run: Run) -> Scores:
    """Links and conflicts of one triplet against its labels."""
    s = Scores(triplets=1, moved=run.moved, unmatched=run.unmatched)
    s.mentions = sum(len(m) for m in run.mentions.values())
    group_of, verdict = run.group_of, run.verdict
    for pair in run.pairs:
        a, b = tuple(pair)
        ga, gb = group_of.get(a), group_of.get(b)
        s.pairs += 1
        s.pairs_labelled += bool(ga and gb)
        right = bool(ga and ga == gb and verdict[ga] in SAME)
        s.pairs_right += right
        if not right:
            x, y = sorted(pair)
            s.wrong.append(
                f"{folder} {ga} / {gb}: {run.texts.get(x)!r} vs {run.texts.get(y)!r}\n"
                f"    {x[0]}: {run.sentences.get(x, '')}\n    {y[0]}: {run.sentences.get(y, '')}"
            )
    flagged: set[str] = set()
    for pair in run.conflicts:
        a, b = sorted(pair)
        ga, gb = group_of.get(a), group_of.get(b)
        same = ga if ga and ga == gb else None
        flagged.add(same or f"{a}-{b}")
        s.conflicts += 1
        if same and verdict[same] == "conflict":
            s.conflicts_right += 1
        else:
            s.alarms.append(f"{folder}: {run.texts.get(a)!r} vs {run.texts.get(b)!r}")
    s.flagged_groups = len(flagged)
    s.flagged_groups_right = sum(verdict.get(g) == "conflict" for g in flagged)
    # Labelled links: one per (group, article pair); found when any mention pair is compared.
    for group, found in run.mentions.items():
        if verdict[group] not in SAME:
            continue
        hit_conflict = False
        for keys_x, keys_y in _article_pairs(found):
            cross = [frozenset((kx, ky)) for kx in keys_x for ky in keys_y]
            s.gold_links += 1
            s.gold_links_found += any(p in run.pairs for p in cross)
            flagged_here = any(p in run.conflicts for p in cross)
            hit_conflict |= flagged_here
            if verdict[group] == "conflict":
                s.gold_conflicts += 1
                s.gold_conflicts_found += flagged_here
        s.gold_conflict_groups += verdict[group] == "conflict"
        s.gold_conflict_groups_found += verdict[group] == "conflict" and hit_conflict
        s.compatible_groups += verdict[group] == "compatible"
        s.compatible_flagged += verdict[group] == "compatible" and hit_conflict
    return s


def injected_outcome(run: Run, group: str) -> tuple[bool, bool]:
    """(whether a changed mention of the injected `group` is compared with another mention of
    the group, whether that pair is flagged as a conflict)."""
    mine = {k for _, k in run.mentions[group] if k}
    linked = any(p & run.injected and len(p & mine) == 2 for p in run.pairs)
    found = any(p & run.injected and len(p & mine) == 2 for p in run.conflicts)
    return linked, found


def score_triplet(folder: str, rows: list[dict[str, str]]) -> Scores:
    """Score one untouched triplet, then once more per injected conflict (recall only)."""
    docs = corpus.load(BASIL / folder)
    s = score_run(folder, run_triplet(docs, rows))
    first = {}
    for row in rows:
        first.setdefault(row["group"], row["number"])
    for group, new_docs, new_rows, target, kind, number in basil_inject.injections(docs, rows):
        linked, found = injected_outcome(run_triplet(new_docs, new_rows), group)
        counts = s.injected_by_kind.setdefault(kind, [0, 0, 0])
        counts[0] += 1
        counts[1] += linked
        counts[2] += found
        s.injected += 1
        s.injected_linked += linked
        s.injected_found += found
        if not found:
            s.missed.append(f"{folder} {group}: {target} {first[group]!r} -> {number!r}")
    return s


def report(parts: dict[str, Scores], label: str, seconds: float) -> str:
    """The markdown tables of one run."""
    lines = [
        f"### {label}",
        "",
        "| part | triplets | link precision | link precision (labelled) | link recall "
        "| false alarms / triplet | compatible groups flagged | moved |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, s in parts.items():
        lines.append(
            f"| {name} | {s.triplets} | {_ratio(s.pairs_right, s.pairs)} "
            f"| {_ratio(s.pairs_right, s.pairs_labelled)} "
            f"| {_ratio(s.gold_links_found, s.gold_links)} "
            f"| {len(s.alarms) / max(1, s.triplets):.2f} ({len(s.alarms)}) "
            f"| {_ratio(s.compatible_flagged, s.compatible_groups)} | {s.moved} |"
        )
    lines += [
        "",
        "| part | conflict precision (pairs) | conflict recall (pairs) "
        "| conflict precision (groups) | conflict recall (groups) "
        "| injected conflicts found | injected pairs compared |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, s in parts.items():
        lines.append(
            f"| {name} | {_ratio(s.conflicts_right, s.conflicts)} "
            f"| {_ratio(s.gold_conflicts_found, s.gold_conflicts)} "
            f"| {_ratio(s.flagged_groups_right, s.flagged_groups)} "
            f"| {_ratio(s.gold_conflict_groups_found, s.gold_conflict_groups)} "
            f"| {_ratio(s.injected_found, s.injected)} "
            f"| {_ratio(s.injected_linked, s.injected)} |"
        )
    kinds = sorted({k for s in parts.values() for k in s.injected_by_kind})
    by_kind = []
    for k in kinds:
        cells = []
        for name, s in parts.items():
            total, _, found = s.injected_by_kind.get(k, [0, 0, 0])
            cells.append(f"{name} {_ratio(found, total)}")
        by_kind.append(f"{k}: " + ", ".join(cells))
    lines += ["", "Injected conflicts found, by kind: " + "; ".join(by_kind) + "."]
    everything = parts["all"]
    lines += [
        "",
        f"Labelled mentions: {everything.mentions}, not found by the extractor: "
        f"{everything.unmatched}. Run time {seconds:.1f} s.",
        "",
        "False alarms (every system conflict outside labelled conflicts):",
        "",
        *[f"- {a}" for a in everything.alarms],
        "",
        "Injected conflicts missed (dev only; test misses are not listed, to keep it untouched):",
        "",
        *[f"- {m}" for m in parts["dev"].missed],
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Score every labelled triplet; write and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--label", default="this run", help="heading of the results table")
    parser.add_argument("--append", action="store_true", help="append to the results file")
    parser.add_argument(
        "--train", action="store_true", help="refit the event model first (dev triplets only)"
    )
    parser.add_argument(
        "--dev-only", action="store_true", help="score the dev triplets only (while tuning)"
    )
    parser.add_argument(
        "--wrong",
        action="store_true",
        help="print the dev pairs compared that are not labelled one measure (labelled two "
        "measures, or one side unlabelled: group None)",
    )
    parser.add_argument(
        "--out", type=Path, default=OUT, help=f"results file (default {OUT.relative_to(ROOT)})"
    )
    args = parser.parse_args(argv)
    if not BASIL.is_dir():
        print(f"skipped: {BASIL} not found (BASIL development data)", file=sys.stderr)
        return 0
    if args.train:
        import basil_train

        print(basil_train.train(), file=sys.stderr)
        lexicon.table.cache_clear()  # the YAML just written, not the one read before
        linkmodel.load.cache_clear()
    labels, split = load_labels(), load_split()
    parts = {"dev": Scores(), "test": Scores(), "all": Scores()}
    start = time.perf_counter()
    for folder in sorted(split):
        if not (BASIL / folder).is_dir() or (args.dev_only and split[folder] != "dev"):
            continue
        s = score_triplet(folder, labels.get(folder, []))
        parts[split[folder]].add(s)
        parts["all"].add(s)
    text = report(parts, args.label, time.perf_counter() - start)
    out = args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    if args.append and out.exists():
        text = out.read_text(encoding="utf-8") + "\n" + text
    else:
        text = (
            "# BASIL figure linking and conflicts\n\n"
            + (__doc__ or "").split("\n\n")[2]
            + ("\n\n" + text)
        )
    out.write_text(text, encoding="utf-8")
    print(text)
    if args.wrong:  # dev only: test pairs are never read
        print("Dev pairs compared, not labelled one measure:")
        print("\n".join(f"- {w}" for w in sorted(parts["dev"].wrong)))
    if out == OUT and not args.dev_only:  # a full run: the report's rates follow it
        measured.record(rates(parts))
    return 0


def rates(parts: dict[str, Scores]) -> dict[str, dict[str, str]]:
    """The report's BASIL rates (`measured.yaml`) from a full run: untouched test part, and
    false alarms over all triplets."""
    test, every = parts["test"], parts["all"]
    alarmed = len({a.split(":")[0] for a in every.alarms})
    years_total, _, years_found = test.injected_by_kind.get("year", [0, 0, 0])
    return {
        "basil.link_precision": {"value": f"{test.pairs_right / max(1, test.pairs_labelled):.2f}"},
        "basil.link_recall": {"value": f"{test.gold_links_found / max(1, test.gold_links):.2f}"},
        "basil.no_alarm": {
            "value": f"{(every.triplets - alarmed) / max(1, every.triplets):.2f}",
            "measure": f"article triplets with no false conflict alarm ({len(every.alarms)} "
            f"alarms in {alarmed} of {every.triplets})",
        },
        "basil.injected": {
            "value": f"{test.injected_found / max(1, test.injected):.2f}",
            "data": f"BASIL, {test.triplets} real triplets, {test.injected} consistent groups "
            f"given a wrong value (years {years_found} of {years_total})",
        },
    }


if __name__ == "__main__":
    raise SystemExit(main())
