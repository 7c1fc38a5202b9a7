"""Measuring a late weight of the key model, `retold`, fitted on METER silver groups and BASIL dev.

`retold` (`figures/retold.py`: the content words right next to two numbers that are the same)
orders the one-to-one matching of figures of one key (`partners._distance`). Whether it also
earns a weight in the key model was measured here, held out, and it does not: fitted per fold
(weight about 4.3 to 5.7), METER injected conflicts found 1,242 of 1,568 either way, false
alarms 77 with it against 76 without; BASIL dev held out unchanged. So the shipped model has no
such weight, and this script has no step that writes one. Run from the repository root:
- `python benchmarks/meter_train.py --cv-meter`: each METER fold (benchmarks/data/
  meter_folds.csv, fixed, by story) scored as `meter_figures.py` scores it, with `retold`
  fitted in the key model on the four other folds and BASIL dev;
- `python benchmarks/meter_train.py --cv-basil`: each of `basil_cv.py`'s five dev folds scored
  as `basil_cv.py --every` scores it (the event model refitted per fold as there), with
  `retold` fitted on the other dev folds and every METER fold.

Training pairs are what the models decide at run time (`basil_train._candidates`): on METER,
every (PA copy, paper) pair with a silver group (`meter_figures.derived_pairs`), untouched
(pairs of one silver group one measure, of two silver groups not; a figure in no silver
group is of unknown measure, its pairs left out) and with each group injected
(`basil_inject.inject`, the paper as target; only the pairs of its changed mention);
on BASIL, `basil_train.folder_pairs(every=True)` and the project's own seeds and clusters.
Fitted last, the other weights held (`basil_train.fit_extra`, L2 0.3). METER pairs are cached
in benchmarks/.cache/meter_pairs-silver-<digest>.json (features only, no text). Reads
../shared/dev; skips politely when it is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import basil_inject  # noqa: E402
import basil_train  # noqa: E402
import meter_eval  # noqa: E402
import meter_figures  # noqa: E402

from newsaudit.figures import linkmodel  # noqa: E402
from newsaudit.figures.retold import retold  # noqa: E402

EXTRA = ("retold",)
L2 = 0.3  # the penalty the channel model's other late weights were fitted with
CACHE = ROOT / "benchmarks" / ".cache"
Pair = tuple[dict[str, float], int, bool]


def _silver_pairs(docs, rows: list[dict[str, str]], only: str = "") -> list[Pair]:
    """(features, one measure?, asked of the channel?) of the pairs the models are asked on a
    (PA, paper) pair whose figures are both in silver groups (one measure when in the same
    group); a figure outside every silver group is of unknown measure (its retelling was not
    aligned), so its pairs are left out. With `only`, just the pairs of that (injected) group."""
    by_file = {a.file: a for a in docs}
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for row in rows:
        article = by_file[row["file"]]
        span = basil_train._mention_span(article.text, row)
        if span:
            spans[article.article_id].append((*span, row["group"]))
    out: list[Pair] = []
    for a, b, loose, channel in basil_train._candidates(docs):
        ga, gb = basil_train._group_at(spans, a), basil_train._group_at(spans, b)
        if not (ga and gb) or (only and not ga == gb == only):
            continue
        values = {**linkmodel.features(a, b, loose, channel), "retold": retold(a, b)}
        out.append((values, int(ga == gb), channel or loose))
    return out


def story_pairs(story_id: str, papers: list[dict[str, str]]) -> list[Pair]:
    """The training pairs of one METER story: every (PA, paper) pair with a silver group,
    untouched and with each group injected (`_silver_pairs`)."""
    data: list[Pair] = []
    for _, pair_docs, _, paper, labelled, all_rows in meter_figures.derived_pairs(
        story_id, papers
    ):
        if pair_docs is None:
            continue
        data += _silver_pairs(pair_docs, all_rows)
        for name, rows, _, group in labelled:
            if not meter_figures.injectable(group, rows):
                continue
            changed = basil_inject.inject(pair_docs, rows, target=paper.file)
            if changed is None:
                continue
            new_docs, new_rows = changed[0], changed[1]
            rest = [r for r in all_rows if r["group"] != name]
            data += _silver_pairs(new_docs, rest + new_rows, only=name)
    return data


def _stories() -> tuple[dict[str, list[str]], dict[str, list[dict[str, str]]]]:
    rows = meter_eval.labels()
    papers: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        if r["label"] in meter_figures.DERIVED:
            papers[r["story_id"]].append(r)
    return meter_figures.chosen_stories(rows, 0), papers


def _code_state() -> str:
    """A digest of the package and its lexicon, the link weights left out (the pairs asked and
    their features do not depend on them)."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "src" / "newsaudit").rglob("*")):
        kept = path.suffix in (".py", ".txt", ".yaml", ".csv", ".json")
        if path.is_file() and kept and path.name != "link_model.yaml":
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def meter_pairs() -> dict[str, list[Pair]]:
    """fold -> its METER training pairs, cached by the state of the package (`_code_state`)."""
    cache = CACHE / f"meter_pairs-silver-{_code_state()}.json"
    if cache.is_file():
        return {k: [tuple(p) for p in v] for k, v in json.loads(cache.read_text()).items()}
    stories, papers = _stories()
    out = {
        fold: [p for s in ids for p in story_pairs(s, papers[s])] for fold, ids in stories.items()
    }
    CACHE.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps(out), encoding="utf-8")
    return out


# The models `retold` is fitted in: the key model (pairs of one measure key). Fitted in the
# channel model too (pairs met in a unit channel or of unknown measure) its weight came out
# about 0 on everything (-0.03) and unstable across METER folds (-0.27 to 1.26); held out,
# fold 3 lost 6 injections found with it (176 against 182 of 221): it stays 0 there.
PARTS = (("key", False),)


def fitted(data: list[Pair], models: linkmodel.LinkModels) -> linkmodel.LinkModels:
    """`models` with `EXTRA` fitted in the models of `PARTS` on the pairs they decide, every
    other weight held."""
    out = models
    for part, channel in PARTS:
        rows = [d for d in data if bool(d[2]) == channel]
        old = getattr(models, part)
        weights = basil_train.fit_extra(rows, old.weights, EXTRA, L2)
        out = replace(out, **{part: replace(old, weights={**old.weights, **weights})})
    return out


def _recorded(fn, *args):
    """`fn(*args)` with `retold` added to every link-model pair's features it records
    (`basil_train._features`)."""
    real = basil_train._features

    def with_retold(hook, a, b, loose, channel):
        values = real(hook, a, b, loose, channel)
        return values if hook == "same_event" else {**values, "retold": retold(a, b)}

    basil_train._features = with_retold
    try:
        return fn(*args)
    finally:
        basil_train._features = real


def basil_pairs(hook: str = "same_measure") -> dict[str, list[Pair]]:
    """BASIL dev folder -> its training pairs (every-way injections, decoys), with `retold`."""
    return {
        f: _recorded(basil_train.folder_pairs, f, hook, True) for f in basil_train.dev_folders()
    }


def own_pairs(hook: str = "same_measure") -> list[Pair]:
    """The project's own seeds and clusters' pairs (`basil_train.own_pairs`), with `retold`."""
    return _recorded(basil_train.own_pairs, hook)


def _use(models: linkmodel.LinkModels) -> None:
    linkmodel.load = lambda name="figures/link_model": models  # type: ignore[assignment]


def cv_meter(shipped: linkmodel.LinkModels) -> str:
    """Each METER fold scored with `retold` fitted without it: the `meter_figures` table."""
    meter = meter_pairs()
    basil = [d for ds in basil_pairs().values() for d in ds] + own_pairs()
    stories, papers = _stories()
    counts: dict[str, Counter] = {}
    for fold, ids in stories.items():
        models = fitted(basil + [d for f, ds in meter.items() if f != fold for d in ds], shipped)
        print(f"fold {fold}: key {models.key.weights['retold']}", file=sys.stderr)
        _use(models)
        counts[fold] = Counter()
        kept: dict[str, list] = defaultdict(list)
        for story_id in ids:
            counts[fold] += meter_figures.run_story(story_id, papers[story_id], kept)
        _use(shipped)
    before_file = meter_figures.BEFORE
    before = json.loads(before_file.read_text("utf-8")) if before_file.is_file() else None
    old = meter_figures.from_json(before) if before else {}
    return "\n".join(meter_figures.table(counts, stories, old))


def cv_basil(shipped: linkmodel.LinkModels, folds: int = 5) -> str:
    """`basil_cv.py --every` with `retold` refitted per fold (and the event model, as there)."""
    import basil_cv
    from basil_eval import load_split

    meter = [d for ds in meter_pairs().values() for d in ds]
    position = {f: i for i, f in enumerate(sorted(load_split()))}
    dev = basil_train.dev_folders()
    fold_of = {f: position[f] % folds for f in dev}
    measure, event = basil_pairs(), basil_pairs("same_event")
    own_m, own_e = own_pairs(), own_pairs("same_event")
    total = basil_cv.Held()
    for k in range(folds):
        train = [f for f in dev if fold_of[f] != k]
        ev = basil_train.fit_event([d for f in train for d in event[f]] + own_e)
        models = replace(shipped, event=replace(shipped.event, weights={**ev}))
        models = fitted([d for f in train for d in measure[f]] + own_m + meter, models)
        _use(models)
        held = basil_cv.Held()
        for f in dev:
            if fold_of[f] == k:
                held.add(basil_cv.score(f))
        _use(shipped)
        print(f"fold {k}: {held.line()}", file=sys.stderr)
        total.add(held)
    return f"held out ({folds} folds, event and retold refitted per fold): {total.line()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv-meter", action="store_true", help="METER folds held out")
    parser.add_argument("--cv-basil", action="store_true", help="BASIL dev folds held out")
    args = parser.parse_args(argv)
    if not (meter_figures.METER / "labels.csv").is_file() or not basil_train.BASIL.is_dir():
        print("skipped: ../shared/dev (METER, BASIL) not found", file=sys.stderr)
        return 0
    shipped = linkmodel.load()
    if args.cv_meter:
        print(cv_meter(shipped))
    if args.cv_basil:
        print(cv_basil(shipped))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
