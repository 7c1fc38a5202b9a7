"""Seeds end to end: `newsaudit run seeds` to HTML and PDF, cold and unchanged, stage by stage.

Each run is a fresh `python -m newsaudit` process (cold: new output folder, so nothing cached;
unchanged: the same folder again, which must be skipped on the cache key). Stage times come
from the run's manifest.json; per-notebook times from Papermill's metadata in the executed
notebooks (kernel start-up = notebook wall time minus the time spent in its cells).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from benchmarks import machine

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOALS = {"cold": 10.0, "unchanged": 1.0}


def run_cli(out: Path, *extra: str) -> float:
    """Wall seconds of one `python -m newsaudit run seeds --out OUT` process."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
    }
    command = [sys.executable, "-m", "newsaudit", "run", str(SEEDS), "--out", str(out)]
    start = time.perf_counter()
    done = subprocess.run(
        [*command, "--no-progress", "--name", "seeds", *extra],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"newsaudit run failed: {done.stderr.strip()[-2000:]}")
    return elapsed


def notebook_times(out: Path) -> list[tuple[str, float, float]]:
    """(notebook, papermill wall seconds, seconds inside cells) of each executed notebook."""
    rows = []
    for path in sorted((out / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        total = float(nb.metadata.get("papermill", {}).get("duration") or 0.0)
        cells = sum(
            float(c.metadata.get("papermill", {}).get("duration") or 0.0) for c in nb.cells
        )
        rows.append((path.name, total, cells))
    return rows


def main(repeats: int = 3) -> Path:
    """Cold and unchanged runs; writes benchmarks/results/seeds.md."""
    facts = machine.info()
    colds, unchanged, stages, notebooks = [], [], {}, []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory(prefix="newsaudit-bench-") as tmp:
            out = Path(tmp) / "seeds"
            colds.append(run_cli(out))
            unchanged.append(min(run_cli(out) for _ in range(3)))
            manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
            for k, v in manifest["timings_s"].items():
                stages.setdefault(k, []).append(v)
            notebooks = notebook_times(out)
    cold, same = statistics.median(colds), statistics.median(unchanged)
    rows = [
        (
            "cold run, HTML + PDF (wall)",
            f"{cold:.2f}",
            f"<= {GOALS['cold']:.0f}",
            "yes" if cold <= GOALS["cold"] else "no",
        ),
        (
            "unchanged re-run (wall)",
            f"{same:.2f}",
            f"<= {GOALS['unchanged']:.0f}",
            "yes" if same <= GOALS["unchanged"] else "no",
        ),
    ]
    stage_rows = [(k, f"{statistics.median(v):.2f}") for k, v in sorted(stages.items())]
    nb_rows = [
        (name, f"{total:.2f}", f"{cells:.2f}", f"{total - cells:.2f}")
        for name, total, cells in notebooks
    ]
    sections = [
        f"Median of {repeats} cold runs (fresh process, new output folder) and of the best of "
        "3 unchanged re-runs each. Goals from issue #9 (on 2 cores).",
        machine.table(["run", "seconds", "goal", "met"], rows),
        "## Stages of a cold run (manifest.json timings_s, median)",
        machine.table(["stage", "seconds"], stage_rows),
        "## Notebooks (last cold run; Papermill metadata)",
        machine.table(["notebook", "wall s", "in cells s", "start-up + overhead s"], nb_rows),
    ]
    return machine.write("seeds", "Seeds end to end", sections, facts)


if __name__ == "__main__":
    print(main())
