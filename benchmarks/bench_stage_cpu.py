"""CPU seconds per stage of `newsaudit analyse`: the serial engine in one process, each stage
timed on the process clock instead of the wall clock.

On a shared machine the wall-clock stage timings of `bench_analyse` move with the load; the CPU
time one stage takes in one process moves much less, so two checkouts (or two commits) can be
compared in the same hour. Run it from each checkout on the same cached corpus:

    python -m benchmarks.bench_stage_cpu --sizes 10000
    python -m benchmarks.bench_stage_cpu --sizes 10000 --src /path/to/other/checkout/src

`--src` measures another checkout's package (its `src/` folder) in a child process. Prints one
markdown table row per size: CPU seconds for reading, tagging, names, overlap, events, figures
(its per-article extraction apart) and readability (its per-article scoring apart).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import types
from pathlib import Path

from benchmarks import bench_analyse

ROOT = Path(__file__).resolve().parent.parent
STAGES = (
    "reading",
    "tagging",
    "names",
    "overlap",
    "events",
    "figures: extract",
    "figures",
    "readability: score",
    "readability",
)


def child(folder: str) -> None:
    """In this process: load and analyse `folder` serially; print the CPU seconds per stage."""
    from newsaudit import pipeline, runner
    from newsaudit.config import DEFAULT

    pipeline.time = types.SimpleNamespace(perf_counter=time.process_time)  # stage clocks
    start = time.process_time()
    docs = pipeline.load(folder, DEFAULT, runner.Serial())
    reading = time.process_time() - start
    value = pipeline.analyse(docs, DEFAULT, runner.Serial())
    timings = {"reading": reading, **value.timings, "total": time.process_time() - start}
    print(json.dumps({k: round(v, 2) for k, v in timings.items()}))


def measure(n: int, src: Path) -> dict[str, float]:
    """CPU seconds per stage at n articles, measured in a fresh interpreter on `src`."""
    folder = bench_analyse.corpus_dir(n)
    env_path = f"{src}:{ROOT}"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_stage_cpu", "--child", str(folder)],
        env={**os.environ, "PYTHONPATH": env_path},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    """Print a markdown table: CPU seconds per stage for each size."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_stage_cpu")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000])
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="package folder to time")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child)
        return
    print("| N | " + " | ".join(STAGES) + " | total |")
    print("|---" * (len(STAGES) + 2) + "|")
    for n in args.sizes:
        cpu = measure(n, args.src.resolve())
        cells = [f"{cpu.get(stage, 0.0):.1f}" for stage in (*STAGES, "total")]
        print(f"| {n:,} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
