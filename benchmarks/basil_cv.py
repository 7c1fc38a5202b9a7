"""Cross-validated check of the BASIL link models: fitted on some dev triplets, scored on the rest.

Run from the repository root: `python benchmarks/basil_cv.py [--folds 5] [--every]
[--refit event,channel]`. The dev triplets (never the test ones; benchmarks/data/basil_split.csv)
are dealt into folds whole, by their position among all 75 folders in date order (a triplet's
injections and decoys stay in its fold); for each fold the models named in `--refit` are
fitted on the other folds' pairs
(`basil_train.folder_pairs`, with `--every` each group injected in every article both ways)
and the project's own seeds and clusters, every other weight and every threshold as shipped,
and the held-out triplets are scored: the untouched triplets' false alarms, the injected
conflicts found (`basil_inject.injections`, as `basil_eval.py` makes them, and every way), and
the decoys flagged (a near miss written into an unrelated sentence, called a conflict;
`--decoys` lists them with the figure each was called a conflict with, its kind, measure key,
event and sentence: printed for reading dev triplets, never written to the repository). The
same counts with the shipped models beside them (fitted on every dev triplet: in-sample). A
change of features or training is kept when it holds up here, before test is looked at.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import basil_inject  # noqa: E402
import basil_train  # noqa: E402
from basil_eval import BASIL, load_labels, load_split, run_triplet, score_run  # noqa: E402

from newsaudit import corpus  # noqa: E402
from newsaudit.figures import linkmodel  # noqa: E402

LIST_DECOYS = False  # `--decoys`: keep each flagged decoy's listing (`_flagged`)
HOOKS = {"event": "same_event", "channel": "same_measure", "key": "same_measure"}
NAMES = {
    "event": linkmodel.EVENT_FEATURES,
    "channel": linkmodel.FEATURES,
    "key": linkmodel.KEY_FEATURES,
}


@dataclass
class Held:
    """Counts on held-out triplets."""

    alarms: int = 0
    injected: int = 0
    found: int = 0
    every: int = 0
    every_found: int = 0
    decoys: int = 0
    decoys_flagged: int = 0
    pairs_right: int = 0  # untouched triplets: pairs compared, labelled one measure
    pairs_labelled: int = 0  # ... of pairs whose two figures are both labelled
    missed: list[str] = field(default_factory=list)  # every-way injections not found (dev)
    flagged: list[str] = field(default_factory=list)  # decoys flagged (dev), with their partner

    def add(self, o: Held) -> None:
        for k, v in vars(o).items():
            setattr(self, k, getattr(self, k) + v)

    def line(self) -> str:
        return (
            f"false alarms {self.alarms}, injected found {self.found}/{self.injected}, "
            f"every way found {self.every_found}/{self.every}, "
            f"decoys flagged {self.decoys_flagged}/{self.decoys}, "
            f"link precision (labelled) {self.pairs_right}/{self.pairs_labelled}"
        )


def score(folder: str) -> Held:
    """False alarms, injections found and decoys flagged on one triplet (current models)."""
    docs = corpus.load(BASIL / folder)
    rows = load_labels().get(folder, [])
    untouched = score_run(folder, run_triplet(docs, rows))
    h = Held(
        alarms=len(untouched.alarms),
        pairs_right=untouched.pairs_right,
        pairs_labelled=untouched.pairs_labelled,
    )
    for every in (False, True):
        for group, new_docs, new_rows, *_ in basil_inject.injections(docs, rows, every):
            run = run_triplet(new_docs, new_rows)
            mine = {k for _, k in run.mentions[group] if k}
            hit = any(p & run.injected and len(p & mine) == 2 for p in run.conflicts)
            if every:
                h.every += 1
                h.every_found += hit
                if not hit:
                    h.missed.append(f"{folder} {group}")
            else:
                h.injected += 1
                h.found += hit
    for group, new_docs, file, start in basil_inject.decoys(docs, rows, True):
        run = run_triplet(new_docs, rows)
        aid = next(a.article_id for a in new_docs if a.file == file)
        h.decoys += 1
        met = [p for p in run.conflicts if (aid, start) in p]
        h.decoys_flagged += bool(met)
        if met and LIST_DECOYS:
            h.flagged.append(_flagged(folder, group, new_docs, (aid, start), met[0]))
    return h


def _flagged(
    folder: str, group: str, docs: corpus.Corpus, decoy: tuple[str, int], pair: frozenset
) -> str:
    """One flagged decoy for `--decoys`: folder, group, then for the decoy and the figure it
    was called a conflict with: text, kind, measure key, event, sentence (dev articles only;
    printed, never written to the repository)."""
    from newsaudit import figures

    details = figures.analyse(docs).details
    lines = [f"{folder} {group}"]
    for key in (decoy, *(k for k in pair if k != decoy)):
        row = details[(details.article_id == key[0]) & (details.start == key[1])].iloc[0]
        lines.append(
            f"    {'decoy' if key == decoy else 'other'}: {row.text!r} kind={row.kind} "
            f"measure={row.measure!r} event={row.event!r} | {' '.join(str(row.sentence).split())}"
        )
    return "\n".join(lines)


def _with(models: linkmodel.LinkModels):
    """Make `linkmodel.load` return `models` (the functions that decide read it each time)."""
    linkmodel.load = lambda name="figures/link_model": models  # type: ignore[assignment]


def main(argv: list[str] | None = None) -> int:
    """Fit per fold, score the held-out triplets, print the sums."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--every", action="store_true", help="train on every-way injections")
    parser.add_argument("--refit", default="event", help="models refitted per fold")
    parser.add_argument(
        "--l2", type=float, default=basil_train.EVENT_L2, help="L2 penalty of the refits"
    )
    parser.add_argument(
        "--extra", default="", help="refit only these channel or key weights (comma-separated)"
    )
    parser.add_argument(
        "--extra-l2",
        type=float,
        default=basil_train.EVENT_EXTRA_L2,
        help="L2 penalty of the event model's features fitted last (basil_train.EVENT_EXTRA)",
    )
    parser.add_argument("--shipped", action="store_true", help="also score the shipped models")
    parser.add_argument(
        "--misses", action="store_true", help="list the every-way injections missed held out"
    )
    parser.add_argument(
        "--decoys", action="store_true", help="list the decoys flagged held out, with partners"
    )
    parser.add_argument(
        "--thresholds", default="", help="thresholds of the first refitted model to score"
    )
    args = parser.parse_args(argv)
    global LIST_DECOYS
    LIST_DECOYS = args.decoys
    if not BASIL.is_dir():
        print(f"skipped: {BASIL} not found (BASIL development data)", file=sys.stderr)
        return 0
    shipped = linkmodel.load()
    position = {f: i for i, f in enumerate(sorted(load_split()))}  # among all 75, by date
    dev = basil_train.dev_folders()
    fold_of = {f: position[f] % args.folds for f in dev}
    refit = [m for m in args.refit.split(",") if m]
    pairs = {m: {f: basil_train.folder_pairs(f, HOOKS[m], args.every) for f in dev} for m in refit}
    own = {m: basil_train.own_pairs(HOOKS[m]) for m in refit}
    cuts = [float(t) for t in args.thresholds.split(",") if t] or [None]
    total, base = {t: Held() for t in cuts}, Held()
    for k in range(args.folds):
        held = [f for f in dev if fold_of[f] == k]
        models = shipped
        for m in refit:
            data = [d for f in dev if fold_of[f] != k for d in pairs[m][f]] + own[m]
            if m != "event":  # the channel model decides the channel pairs, the key model the rest
                data = [d for d in data if d[2] == (m == "channel")]
            if m != "event" and args.extra:
                old = getattr(shipped, m).weights
                extra = tuple(args.extra.split(","))
                weights = basil_train.fit_extra(data, old, extra, args.l2)
            elif m == "event":
                weights = basil_train.fit_event(data, args.l2, args.extra_l2)
            else:
                weights = basil_train.fit(data, NAMES[m], args.l2)
            old = getattr(shipped, m)
            models = replace(models, **{m: replace(old, weights={**old.weights, **weights})})
        for t in cuts:
            first = getattr(models, refit[0]) if refit else None
            if first and t is not None:
                _with(replace(models, **{refit[0]: replace(first, threshold=t)}))
            else:
                _with(models)
            fold = Held()
            for f in held:
                fold.add(score(f))
            total[t].add(fold)
            print(f"fold {k} ({len(held)} triplets) at {t}: {fold.line()}", file=sys.stderr)
        if args.shipped:
            _with(shipped)
            for f in held:
                base.add(score(f))
    for t, held_out in total.items():
        print(
            f"cross-validated ({args.folds} folds, refit {args.refit}, every={args.every}, "
            f"threshold {t}): {held_out.line()}"
        )
    if args.shipped:
        print(f"shipped models (in-sample on dev): {base.line()}")
    if args.misses:
        for t, held_out in total.items():
            print(f"every-way injections missed held out (threshold {t}):")
            print("\n".join(f"- {m}" for m in sorted(held_out.missed)))
    if args.decoys:
        for t, held_out in total.items():
            print(f"decoys flagged held out (threshold {t}):")
            print("\n".join(f"- {m}" for m in sorted(held_out.flagged)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
