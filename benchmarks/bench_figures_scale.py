"""`newsaudit analyse` on synthetic corpora of growing size: total time, figures and events time,
peak memory. The figures check was quadratic in articles (10,000 did not finish); events make it
grow linearly (figures compared only within one event, through an index on measure keys).

Run from the repository root: `python benchmarks/bench_figures_scale.py [N ...]` (default 1000
and 10000). Writes benchmarks/results/figures_scale.md. Each size runs in a fresh process, so
the peak resident memory is that run's alone. Timings depend on the machine's load.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from benchmarks import synth  # noqa: E402

OUT = ROOT / "benchmarks" / "results" / "figures_scale.md"
CHILD = """
import json, sys, time
from newsaudit import engine, pipeline
from newsaudit.config import DEFAULT
start = time.perf_counter()
value = engine.run(sys.argv[1], DEFAULT, "local", None, lambda *a, **k: None)
pipeline.write_tables(value, sys.argv[2])
events = value.events["event"].nunique() if not value.events.empty else 0
print(json.dumps({**value.timings, "total": time.perf_counter() - start, "n_events": events}))
"""


def run(n: int) -> dict[str, float]:
    """Timings (s), number of events and peak memory (GiB) of one `analyse` run on n articles."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = synth.generate(n, seed=3).write(Path(tmp) / "corpus")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(folder), str(Path(tmp) / "out")],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONPATH": str(ROOT / "src")},
        )
        wall = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    timings = json.loads(done.stdout.strip().splitlines()[-1])
    return {**timings, "wall": wall, "peak_gib": max(peak, before) / 2**20}


def main(sizes: list[int]) -> Path:
    """Run every size and write the table."""
    lines = [
        "# `newsaudit analyse` on synthetic corpora (figures with events)",
        "",
        "| articles | events | events s | figures s | overlap s | total s | peak GiB |",
        "|---|---|---|---|---|---|---|",
    ]
    for n in sizes:
        r = run(n)
        lines.append(
            f"| {n:,} | {int(r['n_events'])} | {r.get('events', 0):.1f} | {r['figures']:.1f} "
            f"| {r.get('overlap', 0):.1f} | {r['total']:.1f} | {r['peak_gib']:.2f} |"
        )
        print(lines[-1], flush=True)
    lines += ["", "Peak memory: the largest run so far (ru_maxrss of child processes).", ""]
    OUT.write_text("\n".join(lines), encoding="utf-8")
    return OUT


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1_000, 10_000])
