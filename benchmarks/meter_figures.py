"""Figure linking on METER: injected conflicts between press-agency copy and the papers.

Run from the repository root: `python benchmarks/meter_figures.py` (a few minutes on one core).
Reads `../shared/dev/meter` (METER, Clough et al. 2002; never copied into the repository) and
skips politely when it is absent. Writes benchmarks/results/meter_figures.md (counts only, no
article text). `--src DIR` scores another checkout's package with this tree's benchmark code;
`--json FILE` writes the counts, and the counts of `--before FILE` (main, by default
benchmarks/results/meter_figures_before.json) are shown beside the current ones.

A newspaper story derived from PA copy retells PA's figures in its own words: "same measure,
told by two outlets" pairs that nobody had to label. Silver links, made without the linker under
test: for every PA file and every newspaper text of its story labelled wholly or partially
derived, the reused passages the overlap analysis aligns between the two (`overlap.analyse` on
the whole story, its verbatim passages and rewritten sentence pairs: one implementation of
alignment), and inside each aligned passage the figures (`figures.extract`) of one kind and one
interval in both texts, paired in text order (a value written a different number of times on
the two sides of a passage pairs nothing: ambiguous). Pairs sharing a figure are one measure
(a silver group). Dates: the PA copy on the story's day, the papers the next morning. Read by
hand (meterfig, November 2026): 30 of 30 sampled silver groups are one measure.

Each (PA file, paper) pair with a silver group is then a two-article corpus run through the
normal figure analysis, as `basil_eval.run_triplet` runs a BASIL triplet:
- silver linked: silver groups the system compares (any pair of their mentions);
- false alarms: every conflict the system flags on the untouched pair (none is expected: the
  paper retells the PA copy, though a tally may have moved overnight, `--alarms` prints some);
- injected: each silver group of exact figures (no qualifier, not vague, one value or a
  calendar date: moving one end of "between £90,000 and £110,000" or the bound of "more than
  £500,000" makes no conflict) that the BASIL injector accepts (`basil_inject.eligible`: one
  value written alike in both texts) gets the paper's mentions changed to a plausible wrong value
  (`basil_inject.inject`, the paper as target: a count written later is changed downwards); it is
  found when the system flags a changed mention against the group's PA mention. The number
  handed to the injector is the figure as written, else its numeral ("£30,000" -> "30,000",
  "two years" -> "two", "17-year-old" -> "17"), so money in pounds, durations and ages are
  injected too.
Kinds are the figure kinds of the package measured (`Figure.kind`), a count under 20 as a small
count. Folds: benchmarks/data/meter_folds.csv (fixed, grouped by story); `--stories N` samples N
stories per fold with a fixed seed (all by default).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import importlib
import json
import os
import random
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
METER = ROOT.parent / "shared" / "dev" / "meter"
FOLDS = ROOT / "benchmarks" / "data" / "meter_folds.csv"
OUT = ROOT / "benchmarks" / "results" / "meter_figures.md"
BEFORE = ROOT / "benchmarks" / "results" / "meter_figures_before.json"
DERIVED = ("wholly", "partially")
SEED = 13
NUMERAL = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\b(?:two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"twenty)\b",
    re.IGNORECASE,
)
COUNTS = (
    "derived pairs",
    "aligned pairs",
    "silver groups",
    "silver linked",
    "eligible",
    "injected",
    "injected linked",
    "injected found",
    "false alarms",
    "pairs run",
)


# ---------------------------------------------------------------------------------------------
# Silver links (pure helpers over plain data)
# ---------------------------------------------------------------------------------------------
def snippet_at(text: str, start: int, end: int, before: int = 12) -> tuple[str, int] | None:
    """(a verbatim snippet whose first occurrence in `text` holds text[start:end] at the same
    place, where text[start:end] is the snippet's first occurrence of it): up to `before` chars
    of context before the number (a qualifier shows), then as many chars after it as make it
    unique. None when no snippet up to the end of the text is unique."""
    number = text[start:end]
    for lead in range(max(0, start - before), start + 1):
        if lead < start and lead and text[lead - 1].isalnum():
            continue  # the snippet starts at a word
        for stop in range(end, len(text) + 1):
            snippet = text[lead:stop]
            if snippet.find(number) != start - lead:
                break  # the number is in its own lead: a shorter lead
            if text.find(snippet) == lead:
                return snippet, start - lead
        else:
            return None  # not unique up to the end of the text
    return None


def written_number(text: str, perturb) -> tuple[int, int] | None:
    """(start, end) inside a figure's text of the number the injector changes: the whole text
    when `perturb` accepts it, else its first numeral ("£30,000" -> "30,000", "two years" ->
    "two"); None when neither is accepted."""
    if perturb(text) is not None:
        return 0, len(text)
    m = NUMERAL.search(text)
    if m and perturb(m.group()) is not None:
        return m.start(), m.end()
    return None


def pair_in_passage(figs_a: list, figs_b: list) -> list[tuple[object, object]]:
    """Figures of one kind and one interval on both sides of one aligned passage, paired in
    text order; a value written a different number of times on the two sides pairs nothing."""
    by_a: dict[tuple, list] = defaultdict(list)
    by_b: dict[tuple, list] = defaultdict(list)
    for f in figs_a:
        by_a[(f.kind, f.low, f.high)].append(f)
    for f in figs_b:
        by_b[(f.kind, f.low, f.high)].append(f)
    out = []
    for key, xs in by_a.items():
        ys = by_b.get(key, [])
        if len(xs) == len(ys):
            out.extend(zip(xs, ys, strict=True))
    return out


def groups_of(pairs: list[tuple[object, object]]) -> list[list[object]]:
    """Connected figures of the silver pairs: one measure each (`UnionFind`)."""
    from newsaudit.unionfind import UnionFind

    keys = {}
    for a, b in pairs:
        keys[(a.article_id, a.start)] = a
        keys[(b.article_id, b.start)] = b
    sets = UnionFind(sorted(keys))
    for a, b in pairs:
        sets.union((a.article_id, a.start), (b.article_id, b.start))
    found: dict[tuple, list] = defaultdict(list)
    for key in sets:
        found[sets.find(key)].append(keys[key])
    return [found[k] for k in sorted(found)]


def exact(fig) -> bool:
    """Whether changing the figure's number makes its interval disjoint from the old one: no
    qualifier ("more than", "about"), not vague, one value (a range's end moved, "between
    £90,000 and £110,000", still overlaps), or a calendar date (its day or year moves)."""
    return not fig.qualifier and not fig.vague and (fig.kind == "date" or fig.low == fig.high)


def kind_of(fig) -> str:
    """The figure's kind, a count under 20 as a small count."""
    return "small count" if fig.kind == "count" and fig.high < 20 else fig.kind


# ---------------------------------------------------------------------------------------------
# One story
# ---------------------------------------------------------------------------------------------
def story(story_id: str):
    """A story folder as a corpus: PA copy on the story's day, the papers the next day."""
    from newsaudit import corpus

    docs = corpus.load(METER / "corpora" / story_id)
    day = dt.date.fromisoformat(story_id.split("_")[1])
    articles = tuple(
        dataclasses.replace(
            a, published=day if a.article_id.startswith("pa_") else day + dt.timedelta(days=1)
        )
        for a in docs.articles
    )
    return dataclasses.replace(docs, articles=articles)


def silver(docs, passages, pa: str, paper: str) -> list[list[object]]:
    """Silver groups of one (PA, paper) pair: figures paired inside aligned passages."""
    from newsaudit import figures

    figs = {a.article_id: figures.extract(a) for a in docs if a.article_id in (pa, paper)}
    pairs = []
    for p in passages.itertuples(index=False):
        if {p.article_a, p.article_b} != {pa, paper}:
            continue
        span = {p.article_a: (p.start_a, p.end_a), p.article_b: (p.start_b, p.end_b)}
        inside = {
            aid: [f for f in figs[aid] if span[aid][0] <= f.start and f.end <= span[aid][1]]
            for aid in (pa, paper)
        }
        pairs += pair_in_passage(inside[pa], inside[paper])
    return groups_of(pairs)


def rows_of(docs, group: list, name: str, perturb) -> list[dict[str, str]]:
    """The group as BASIL label rows (file, snippet, number, group, verdict), in memory only."""
    by_id = {a.article_id: a for a in docs}
    rows = []
    for f in group:
        article = by_id[f.article_id]
        inner = written_number(f.text, perturb) or (0, len(f.text))
        found = snippet_at(article.text, f.start + inner[0], f.start + inner[1])
        if found is None:
            return []
        rows.append(
            {
                "file": article.file,
                "snippet": found[0],
                "number": f.text[inner[0] : inner[1]],
                "group": name,
                "verdict": "consistent",
                "why": "",
            }
        )
    return rows


def derived_pairs(story_id: str, papers: list[dict[str, str]]):
    """Per (PA file, paper) pair of a story: (counts, pair corpus, PA article, paper, labelled
    groups as (name, label rows, kind, figures), all label rows); counts holds the pair-level
    counts, and labelled is empty for a pair without a silver group."""
    import basil_inject

    from newsaudit import overlap

    docs = story(story_id)
    passages = overlap.analyse(docs).passage_info
    by_file = {a.file: a for a in docs}
    for row in papers:
        paper = by_file.get(row["newspaper_file"])
        for pa_file in row["pa_files"].split():
            pa = by_file.get(pa_file)
            if paper is None or pa is None:
                continue
            counts: Counter = Counter({("derived pairs", ""): 1})
            groups = silver(docs, passages, pa.article_id, paper.article_id)
            if not groups:
                yield counts, None, pa, paper, [], []
                continue
            counts["aligned pairs", ""] += 1
            pair_docs = dataclasses.replace(docs, articles=(pa, paper))
            labelled = []
            for n, group in enumerate(groups):
                rows = rows_of(pair_docs, group, f"g{n}", basil_inject.perturb)
                first = next(f for f in group if f.article_id == pa.article_id)
                if rows:
                    labelled.append((f"g{n}", rows, kind_of(first), group))
            all_rows = [r for _, rows, _, _ in labelled for r in rows]
            yield counts, pair_docs, pa, paper, labelled, all_rows


def injectable(group: list, rows: list[dict[str, str]]) -> bool:
    """Whether a silver group takes an injected conflict (`exact`, `basil_inject.eligible`)."""
    import basil_inject

    return all(map(exact, group)) and basil_inject.eligible(rows)


def run_story(story_id: str, papers: list[dict[str, str]], kept: dict[str, list]) -> Counter:
    """Counts of one story, keyed (count name, kind): kind "" for pair-level counts."""
    import basil_eval
    import basil_inject

    counts: Counter = Counter()
    for pair_counts, pair_docs, pa, paper, labelled, all_rows in derived_pairs(story_id, papers):
        counts += pair_counts
        if pair_docs is None:
            continue
        run = basil_eval.run_triplet(pair_docs, all_rows)
        counts["pairs run", ""] += 1
        counts["false alarms", ""] += len(run.conflicts)
        where = f"{story_id} {pa.file}~{paper.file}"
        for pair in run.conflicts:
            keys = sorted(pair)
            kept["alarms"].append((where, pair_docs, keys, [run.texts[k] for k in keys]))
        for name, rows, kind, group in labelled:
            keys = [k for _, k in run.mentions[name] if k]
            linked = any(len(p & set(keys)) == 2 for p in run.pairs)
            counts["silver groups", kind] += 1
            counts["silver linked", kind] += linked
            kept["silver"].append((where, pair_docs, group, linked))
            if not injectable(group, rows):
                continue
            counts["eligible", kind] += 1
            changed = basil_inject.inject(pair_docs, rows, target=paper.file)
            if changed is None:
                continue
            new_docs, new_rows, _, _, number = changed
            rest = [r for r in all_rows if r["group"] != name]
            after = basil_eval.run_triplet(new_docs, rest + new_rows)
            hit_link, hit = basil_eval.injected_outcome(after, name)
            counts["injected", kind] += 1
            counts["injected linked", kind] += hit_link
            counts["injected found", kind] += hit
            if not hit:
                kept["missed"].append((where, pair_docs, group, number))
    return counts


# ---------------------------------------------------------------------------------------------
# All stories, tables
# ---------------------------------------------------------------------------------------------
def chosen_stories(rows: list[dict[str, str]], per_fold: int) -> dict[str, list[str]]:
    """fold -> its stories with a derived paper, sorted; `per_fold` > 0 samples that many
    (seeded)."""
    folds: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r["label"] in DERIVED:
            folds[r["fold"]].add(r["story_id"])
    out = {}
    for fold, ids in sorted(folds.items()):
        ids_sorted = sorted(ids)
        if 0 < per_fold < len(ids_sorted):
            ids_sorted = sorted(random.Random(f"{SEED}-{fold}").sample(ids_sorted, per_fold))
        out[fold] = ids_sorted
    return out


def _window(docs, key: tuple[str, int], length: int, width: int = 90) -> str:
    """The words around a figure, the figure in [[ ]]."""
    text = next(a.text for a in docs if a.article_id == key[0])
    start, end = key[1], key[1] + length
    around = f"{text[max(0, start - width) : start]}[[{text[start:end]}]]{text[end : end + width]}"
    return " ".join(around.split())


def show(kept: dict[str, list], what: str, n: int) -> None:
    """Print `n` seeded samples of silver groups, false alarms or missed injections (stdout
    only: article text never goes into the results file)."""
    items = kept[what]
    rng = random.Random(SEED)
    for i, item in enumerate(rng.sample(items, min(n, len(items))), 1):
        where, docs = item[0], item[1]
        if what == "alarms":
            keys, texts = item[2], item[3]
            print(f"\n[{what} {i}] {where}")
        else:
            keys = [(f.article_id, f.start) for f in item[2]]
            texts = [f.text for f in item[2]]
            print(f"\n[{what} {i}] {where} {item[3]!r}")
        for key, text in zip(keys, texts, strict=True):
            print(f"  {key[0]}@{key[1]}: ...{_window(docs, key, len(text))}...")


def _cell(after: int, total: int, before: tuple[int, int] | None = None) -> str:
    now = f"{after}/{total}" if total else "-"
    if before is None:
        return now
    was = f"{before[0]}/{before[1]}" if before[1] else "-"
    return f"{was} → {now}"


def _sum(counts: dict[str, Counter], name: str, kind: str | None = None) -> int:
    return sum(
        n for c in counts.values() for (k, kd), n in c.items() if k == name and kind in (None, kd)
    )


def table(
    counts: dict[str, Counter],
    stories: dict[str, list[str]],
    before: dict[str, Counter],
) -> list[str]:
    """Per fold, then by kind: main (before) → this tree (after)."""
    folds = sorted(counts)
    parts = {**{f: {f: counts[f]} for f in folds}, "all": counts}
    was = {**{f: {f: before.get(f, Counter())} for f in folds}, "all": before}
    old = bool(before)
    lines = [
        "| fold | stories | derived (PA, paper) pairs | pairs with silver | silver groups "
        "| silver linked | false alarms (per pair) | injected | injected found |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, part in parts.items():
        prev = was[name]
        pairs = _sum(part, "pairs run")
        alarms = _sum(part, "false alarms")
        rate = f"{alarms} ({alarms / max(1, pairs):.3f})"
        if old:
            p_alarms, p_pairs = _sum(prev, "false alarms"), _sum(prev, "pairs run")
            rate = f"{p_alarms} ({p_alarms / max(1, p_pairs):.3f}) → {rate}"

        def cell(num: str, den: str) -> str:
            now = (_sum(part, num), _sum(part, den))  # noqa: B023
            then = (_sum(prev, num), _sum(prev, den)) if old else None  # noqa: B023
            return _cell(*now, then)

        n_stories = len(stories[name]) if name in stories else sum(map(len, stories.values()))
        lines.append(
            f"| {name} | {n_stories} | {_sum(part, 'derived pairs')} "
            f"| {_sum(part, 'aligned pairs')} | {_sum(part, 'silver groups')} "
            f"| {cell('silver linked', 'silver groups')} | {rate} "
            f"| {_sum(part, 'injected')} | {cell('injected found', 'injected')} |"
        )
    kinds = sorted({kd for c in counts.values() for (k, kd) in c if k == "silver groups"})
    lines += [
        "",
        "| kind | silver groups | silver linked | eligible | injected linked "
        + "".join(f"| found, fold {f} " for f in folds)
        + "| found, all |",
        "|---|---|---|---|---" + "|---" * len(folds) + "|---|",
    ]
    for kind in kinds:

        def by(part: dict[str, Counter], num: str, den: str) -> tuple[int, int]:
            return _sum(part, num, kind), _sum(part, den, kind)  # noqa: B023

        def cell(part: dict[str, Counter], prev: dict[str, Counter], num: str, den: str) -> str:
            return _cell(*by(part, num, den), by(prev, num, den) if old else None)

        lines.append(
            f"| {kind} | {_sum(counts, 'silver groups', kind)} "
            f"| {cell(counts, before, 'silver linked', 'silver groups')} "
            f"| {_sum(counts, 'eligible', kind)} "
            f"| {cell(counts, before, 'injected linked', 'injected')} "
            + "".join(f"| {cell(parts[f], was[f], 'injected found', 'injected')} " for f in folds)
            + f"| {cell(counts, before, 'injected found', 'injected')} |"
        )
    return lines


def as_json(
    counts: dict[str, Counter], package: str, seconds: float, stories: int
) -> dict[str, object]:
    return {
        "package": package,
        "seconds": round(seconds, 1),
        "stories_per_fold": stories,
        "counts": {
            fold: {f"{k}|{kd}": n for (k, kd), n in sorted(c.items())}
            for fold, c in sorted(counts.items())
        },
    }


def from_json(data: dict[str, object]) -> dict[str, Counter]:
    out = {}
    for fold, c in data["counts"].items():
        out[fold] = Counter({tuple(k.split("|", 1)): n for k, n in c.items()})
    return out


def _use_package(src: Path) -> None:
    """Import newsaudit from `src` before anything else imports it (this tree's benchmark code,
    that checkout's package), then the benchmark modules shared with basil_eval."""
    sys.path.insert(0, str(src))
    newsaudit = importlib.import_module("newsaudit")
    if not Path(newsaudit.__file__).resolve().is_relative_to(src.resolve()):
        raise SystemExit(f"--src {src}: newsaudit was imported from {newsaudit.__file__}")
    sys.path.insert(1, str(ROOT / "benchmarks"))
    sys.path.insert(2, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    """Silver links, false alarms and injected conflicts on METER; write and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="package source to score")
    parser.add_argument("--out", type=Path, default=OUT, help="markdown report")
    parser.add_argument("--json", type=Path, help="also write the counts as JSON here")
    parser.add_argument("--before", type=Path, default=BEFORE, help="JSON of the before counts")
    parser.add_argument("--stories", type=int, default=0, help="stories per fold (0: all)")
    parser.add_argument("--silver", type=int, default=0, help="print N sampled silver groups")
    parser.add_argument("--alarms", type=int, default=0, help="print N sampled false alarms")
    parser.add_argument("--missed", type=int, default=0, help="print N sampled missed injections")
    args = parser.parse_args(argv)
    if not (METER / "labels.csv").is_file() or not FOLDS.is_file():
        print(f"skipped: {METER} not found (METER development data)", file=sys.stderr)
        return 0
    _use_package(args.src)
    import meter_eval

    rows = meter_eval.labels()
    stories = chosen_stories(rows, args.stories)
    papers: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        if r["label"] in DERIVED:
            papers[r["story_id"]].append(r)
    kept: dict[str, list] = defaultdict(list)
    counts: dict[str, Counter] = {}
    start = time.perf_counter()
    for fold, ids in stories.items():
        counts[fold] = Counter()
        for story_id in ids:
            counts[fold] += run_story(story_id, papers[story_id], kept)
    seconds = time.perf_counter() - start
    package = os.path.relpath(args.src, ROOT)
    commit = subprocess.run(
        ["git", "-C", str(args.src), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    package += f" at {commit}" if commit else ""
    if args.json:
        data = json.dumps(as_json(counts, package, seconds, args.stories), indent=1)
        args.json.write_text(data + "\n", encoding="utf-8")
    for what, n in (("silver", args.silver), ("alarms", args.alarms), ("missed", args.missed)):
        if n:
            show(kept, what, n)
    before = json.loads(args.before.read_text("utf-8")) if args.before.is_file() else None
    if before and before.get("stories_per_fold", 0) != args.stories:
        before = None  # counts of other stories: not comparable
    sample = f"{args.stories} stories per fold (seed {SEED})" if args.stories else "all stories"
    lines = [
        "# Figure linking on METER: silver links and injected conflicts",
        "",
        f"Generated by `python benchmarks/meter_figures.py` (package: `{package}`, {sample}, "
        f"{seconds:.0f} s on one core, noisy).",
        (__doc__ or "").split("\n\n")[2].replace("\n", " "),
        "",
    ]
    if before:
        lines += [
            f"Cells `before → after`: before = package `{before['package']}` "
            f"(`{os.path.relpath(args.before, ROOT)}`, {before['seconds']:.0f} s), "
            "after = this run.",
            "",
        ]
    lines += [*table(counts, stories, from_json(before) if before else {}), ""]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text("\n".join(lines), encoding="utf-8")
    tmp.replace(args.out)
    print("\n".join(lines))
    if args.src == ROOT / "src" and not args.stories and args.out == OUT:  # a full run
        import measured  # benchmarks/measured.py: the report's rates follow a full run

        measured.record(rates(counts))
    return 0


def rates(counts: dict[str, Counter]) -> dict[str, dict[str, str]]:
    """The report's METER figure-linking rate (`measured.yaml`) from a full run: injected
    conflicts found over every fold (nothing is fitted on METER, so every fold is held out)."""
    found, injected = _sum(counts, "injected found"), _sum(counts, "injected")
    alarms, pairs = _sum(counts, "false alarms"), _sum(counts, "pairs run")
    return {
        "meter.figures_injected": {
            "value": f"{found / max(1, injected):.2f}",
            "data": f"METER, {injected} figures of press-agency copy retold by newspapers, "
            f"given a wrong value in the paper ({alarms} alarms on {pairs} untouched pairs, "
            "some of them real differences)",
        }
    }


if __name__ == "__main__":
    raise SystemExit(main())
