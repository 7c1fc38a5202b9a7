"""`newsaudit analyse` at 1k / 10k / 100k synthetic articles, and the whole overlap (load +
analysis) against the datasketch MinHashLSH candidate pipeline on the same corpus.

Each measurement runs in a fresh process over a synthetic corpus written once as .txt files
(benchmarks/synth.py, cached under benchmarks/.cache/). "analyse" is `engine.run` with the given
engine (default: the local process pool over every core): reading and cleaning, tagging, names,
overlap, figures, readability, with each stage's seconds; "overlap" is `engine.load` plus
`overlap.analyse` over the same runner. Peak memory is the measuring process's (the pool's
forked workers share its pages; their own largest peak is listed apart).

    python -m benchmarks analyse --sizes 1000 10000       # what the issue's table needs
    nice python -m benchmarks analyse --sizes 100000      # 100k: minutes and ~GiB
    python -m benchmarks analyse --sizes 10000 --overlap  # + overlap vs datasketch
"""

from __future__ import annotations

import argparse
import json
import pickle
import resource
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks import bench_overlap_scale, machine

ROOT = Path(__file__).resolve().parent.parent
GOALS_S = {10_000: 60.0, 100_000: 600.0}
GOAL_PEAK_GIB = 6.0


def corpus_dir(n: int, seed: int = 0) -> Path:
    """The cached synthetic corpus of n articles as a folder of .txt files (written once)."""
    folder = machine.CACHE_DIR / f"synth-{n}-{seed}"
    done = folder / ".complete"
    if not done.exists():
        data = pickle.loads(bench_overlap_scale.corpus_path(n, seed).read_bytes())
        data.write(folder)
        done.write_text("ok\n", encoding="utf-8")
    return folder


def child(kind: str, folder: str, engine_name: str) -> None:
    """Entry point of a measuring child process: prints one JSON line."""
    from newsaudit import engine, overlap, pipeline, runner
    from newsaudit.config import DEFAULT

    start = time.perf_counter()
    if kind == "analyse":
        value = engine.run(folder, DEFAULT, engine_name)
        timings, n = dict(value.timings), len(value.corpus)
        found = value.overlap
    else:
        run_on = runner.get(engine_name)
        steps = pipeline.Recipe(run_on)
        docs = engine.load(folder, DEFAULT, run_on)
        steps.timings["reading"] = round(time.perf_counter() - start, 4)
        found = steps.once("overlap", overlap.analyse, docs, DEFAULT.overlap, steps.each)
        timings, n = steps.timings, len(docs)
    seconds = time.perf_counter() - start
    reported = found.pairs[found.pairs["verdict"] != "independent"]
    runner.reap()  # pool workers still exiting (not timed): their CPU time counted below
    print(
        json.dumps(
            {
                "seconds": seconds,
                "timings": timings,
                "articles": n,
                "pairs": sorted(zip(reported["article_a"], reported["article_b"], strict=True)),
                "peak_rss_mib": machine.peak_rss_mib(),
                "worker_peak_rss_mib": machine.peak_rss_mib(children=True)
                - machine.peak_rss_mib(),
                # CPU seconds (user + system): on a shared machine they vary far less than the
                # wall clock; main + workers / cores estimates the wall time on idle cores.
                "cpu_main_s": _cpu(resource.RUSAGE_SELF),
                "cpu_workers_s": _cpu(resource.RUSAGE_CHILDREN),
            }
        )
    )


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return round(usage.ru_utime + usage.ru_stime, 1)


def measure(kind: str, folder: Path, engine_name: str) -> dict[str, Any]:
    """Run one measurement in a fresh interpreter; its JSON result."""
    args = [kind, str(folder), "--engine", engine_name]
    return machine.child(
        "benchmarks.bench_analyse", args, ROOT / "src", f"{kind} on {folder.name}"
    )


def _stages(timings: dict[str, float]) -> str:
    return ", ".join(f"{k} {v:.1f}" for k, v in timings.items())


def _analyse_row(n: int, folder: Path, engine_name: str) -> tuple[str, ...]:
    r = measure("analyse", folder, engine_name)
    goal = GOALS_S.get(n)
    peak = r["peak_rss_mib"] / 1024
    met = "" if goal is None else ("yes" if r["seconds"] <= goal and peak <= 6 else "no")
    print(f"analyse: N={n} {r['seconds']:.1f} s", file=sys.stderr)
    return (
        f"{n:,}",
        engine_name,
        f"{r['seconds']:.1f}",
        f"{peak:.2f}",
        f"{r['worker_peak_rss_mib'] / 1024:.2f}",
        f"{r.get('cpu_main_s', 0):.0f} + {r.get('cpu_workers_s', 0):.0f}",
        _stages(r["timings"]),
        f"{goal:.0f} s, {GOAL_PEAK_GIB:.0f} GiB: {met}" if goal else "-",
    )


def main(
    sizes: list[int], engine_name: str = "local", with_overlap: bool = False, analyse: bool = True
) -> Path:
    """Measure every size; write benchmarks/results/analyse_<sizes>.md."""
    facts = machine.info()
    rows, overlap_rows = [], []
    for n in sizes:
        folder = corpus_dir(n)
        if analyse:
            rows.append(_analyse_row(n, folder, engine_name))
        if with_overlap:
            ours = measure("overlap", folder, engine_name)
            path = bench_overlap_scale.corpus_path(n)
            planted = bench_overlap_scale.truth(pickle.loads(path.read_bytes()))
            score = bench_overlap_scale.scores({tuple(p) for p in ours["pairs"]}, planted)
            theirs = bench_overlap_scale.measure("datasketch", path, score["recall"])
            pooled = bench_overlap_scale.measure("datasketch-pool", path, theirs["threshold"])
            ours_cpu = f"{ours['cpu_main_s']:.0f} + {ours['cpu_workers_s']:.0f}"
            for method, seconds, res, peak_mib, cpu in (
                (
                    f"newsaudit load + overlap.analyse ({engine_name})",
                    ours["seconds"],
                    score,
                    ours["peak_rss_mib"],
                    ours_cpu,
                ),
                (
                    theirs["method"] + " (candidates only)",
                    theirs["seconds"],
                    theirs,
                    theirs["peak_rss_mib"],
                    f"{theirs.get('cpu_s', 0):.0f}",
                ),
                (
                    pooled["method"] + " (candidates only)",
                    pooled["seconds"],
                    pooled,
                    pooled["peak_rss_mib"],
                    f"{pooled['cpu_main_s']:.0f} + {pooled['cpu_workers_s']:.0f}",
                ),
            ):
                overlap_rows.append(
                    (
                        f"{n:,}",
                        method,
                        f"{seconds:.1f}",
                        f"{theirs['seconds'] / seconds:.1f}x",
                        f"{pooled['seconds'] / seconds:.1f}x",
                        cpu,
                        f"{peak_mib / 1024:.2f}",
                        f"{res['recall']:.3f} ({res['wanted']})",
                        f"{res['precision']:.3f}",
                    )
                )
            print(f"overlap: N={n} {ours['seconds']:.1f} s", file=sys.stderr)
    name = "analyse_" + "_".join(f"{n // 1000}k" for n in sizes)
    if not analyse:
        name = name.replace("analyse_", "overlap_vs_datasketch_")
    sections = []
    if rows:
        sections += [
            "`newsaudit analyse` (`engine.run`: load, tag, names, overlap, figures, "
            "readability) on synthetic articles (benchmarks/synth.py, ~535 words); each size "
            "in a fresh process. Peak RSS is the main process's; the pool's forked workers share "
            "its pages, their own largest peak is listed apart. Timings taken on a shared "
            "machine are noisy; CPU seconds much less so (main + workers / cores estimates the "
            "wall time on idle cores).",
            machine.table(
                [
                    "N",
                    "engine",
                    "seconds",
                    "peak RSS GiB",
                    "worker peak GiB",
                    "CPU s (main + workers)",
                    "stages (s)",
                    "goal",
                ],
                rows,
            ),
        ]
    if overlap_rows:
        sections += [
            "## Whole overlap against datasketch (same corpus, same run)\n\n"
            "newsaudit: `engine.load` + `overlap.analyse` (candidate index, alignment, verdicts; "
            "pairs partial or derived reported). datasketch: `MinHash.bulk` (128 permutations, "
            "word 5-grams) + `MinHashLSH` at the highest threshold reaching newsaudit's recall; "
            "candidates only, the corpus already in memory (reading not charged), once in one "
            "process and once with `MinHash.bulk` split over 2 forked processes (chunks of 2,000 "
            "articles; the LSH, one in-memory index, in the main process) at the same threshold. "
            "Speed-up = datasketch seconds / these seconds (goal >= 3x for newsaudit). CPU "
            "seconds vary far less than the wall clock on a shared machine; main process + "
            "workers / cores estimates the wall time on idle cores.",
            machine.table(
                [
                    "N",
                    "method",
                    "seconds",
                    "speed-up vs datasketch 1 process",
                    "speed-up vs datasketch 2 processes",
                    "CPU s (main + workers)",
                    "peak RSS GiB",
                    "recall c>=0.3",
                    "precision",
                ],
                overlap_rows,
            ),
        ]
    return machine.write(name, "newsaudit analyse at scale", sections, facts)


def cli(argv: list[str] | None = None) -> Path:
    """`python -m benchmarks analyse [--sizes ...] [--engine ...] [--overlap]`."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks analyse", description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--engine", default="local", choices=("local", "serial", "dask"))
    parser.add_argument("--overlap", action="store_true", help="+ overlap vs datasketch")
    parser.add_argument(
        "--overlap-only", action="store_true", help="only overlap vs datasketch, no analyse"
    )
    args = parser.parse_args(argv)
    with_overlap = args.overlap or args.overlap_only
    return main(args.sizes, args.engine, with_overlap, analyse=not args.overlap_only)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", nargs=2, metavar=("KIND", "FOLDER"))
    parser.add_argument("--engine", default="local")
    known, rest = parser.parse_known_args()
    if known.child:
        child(known.child[0], known.child[1], known.engine)
    else:
        print(cli(rest))
