"""Real corpora never fail: `newsaudit batch` over every METER story and BASIL triplet.

Reads `../shared/dev/meter/corpora/*` (225 stories) and `../shared/dev/basil/*` (75 triplets)
when present (skips politely otherwise), builds every report with one `newsaudit batch` call
per dataset and writes benchmarks/results/real_corpora.md: built / failed per dataset and the
one-line error of each failure.

    python -m benchmarks.real_corpora                  # HTML + PDF (the goal: 300 of 300)
    python -m benchmarks.real_corpora --format html    # faster first pass to find crashes
    python -m benchmarks.real_corpora --stage analyse  # analyses only, in this process

`--stage analyse` runs `engine.run` (load + every analysis) per corpus in this process: seconds
per corpus, it finds crashes in the analyses before the slow notebook builds.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import time
import traceback
from pathlib import Path

from benchmarks import machine

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "dev"
OUT = machine.CACHE_DIR / "real_corpora"


def corpora(dev: Path = DEV) -> dict[str, list[Path]]:
    """Corpus folders per dataset: every METER story and every BASIL triplet."""
    meter = sorted(p for p in (dev / "meter" / "corpora").glob("*") if p.is_dir())
    basil = sorted(p for p in (dev / "basil").glob("*") if p.is_dir())
    return {"meter": meter, "basil": basil}


def _one_line(text: str) -> str:
    return " ".join(text.split())[:300]


def analyse_all(folders: list[Path]) -> list[tuple[str, str, float]]:
    """(corpus, error or "", seconds) for load + every analysis of each folder, in process."""
    from newsaudit import engine
    from newsaudit.corpus import CorpusError

    rows = []
    for folder in folders:
        start = time.perf_counter()
        try:
            engine.run(folder)
            error = ""
        except CorpusError as err:
            error = f"CorpusError: {err}"
        except Exception as err:  # a crash: the point of this benchmark is to find them
            where = traceback.extract_tb(err.__traceback__)[-1]
            error = f"{type(err).__name__}: {err} ({Path(where.filename).name}:{where.lineno})"
        rows.append((folder.name, _one_line(error), time.perf_counter() - start))
    return rows


def batch_all(
    folders: list[Path], out: Path, formats: str, jobs: int
) -> list[tuple[str, str, float]]:
    """(corpus, error or "", seconds) from one `newsaudit batch` over the folders."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
    }
    command = [sys.executable, "-m", "newsaudit", "batch", *map(str, folders)]
    command += ["--out", str(out), "--format", formats, "--jobs", str(jobs), "--no-progress"]
    subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    index = out / "index.csv"
    if not index.is_file():
        return [(f.name, "batch wrote no index.csv", 0.0) for f in folders]
    with index.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    found = {
        r["corpus"]: (r["error"] if r["status"] == "failed" else "", float(r["seconds"] or 0))
        for r in rows
    }
    return [(f.name, *found.get(f.name, ("not in index.csv", 0.0))) for f in folders]


def main(argv: list[str] | None = None) -> Path | None:
    """Build every real corpus; write results/real_corpora[_STAGE].md; None without the data."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.real_corpora", description=__doc__)
    parser.add_argument("--stage", choices=("batch", "analyse"), default="batch")
    parser.add_argument("--format", default="html,pdf", help="batch formats (default html,pdf)")
    parser.add_argument("--jobs", type=int, default=2, help="corpora built at once")
    parser.add_argument("--out", type=Path, default=OUT, help="batch output root")
    parser.add_argument("--limit", type=int, default=0, help="first N corpora per dataset")
    parser.add_argument(
        "--datasets", nargs="+", choices=("meter", "basil"), default=["meter", "basil"]
    )
    args = parser.parse_args(argv)
    found = corpora()
    if not any(found.values()):
        print(f"{DEV}: no METER or BASIL corpora here; skipped", file=sys.stderr)
        return None
    info = machine.info()
    started = time.perf_counter()
    summary, failures = [], []
    for dataset in args.datasets:
        folders = found[dataset]
        folders = folders[: args.limit] if args.limit else folders
        if args.stage == "analyse":
            rows = analyse_all(folders)
        else:
            rows = batch_all(folders, args.out / dataset, args.format, args.jobs)
        failed = [r for r in rows if r[1]]
        seconds = sorted(r[2] for r in rows)
        median = seconds[len(seconds) // 2] if seconds else 0.0
        summary.append((dataset, len(rows), len(rows) - len(failed), len(failed), f"{median:.1f}"))
        failures += [(dataset, name, error) for name, error, _ in failed]
    total = sum(r[1] for r in summary)
    built = sum(r[2] for r in summary)
    what = "analyses only (engine.run)" if args.stage == "analyse" else f"batch {args.format}"
    sections = [
        f"Stage: {what}; {built} of {total} built in {time.perf_counter() - started:.0f} s "
        f"(`python -m benchmarks.real_corpora {' '.join(argv or sys.argv[1:])}`).",
        machine.table(["dataset", "corpora", "built", "failed", "median s per corpus"], summary),
        "Failures:\n\n"
        + (machine.table(["dataset", "corpus", "error"], failures) if failures else "none"),
    ]
    name = "real_corpora" if args.stage == "batch" else "real_corpora_analyse"
    if args.stage == "batch" and args.format != "html,pdf":
        name += "_" + args.format.replace(",", "_")
    if args.datasets != ["meter", "basil"]:
        name += "_" + "_".join(args.datasets)
    path = machine.write(name, "Real corpora: METER and BASIL reports", sections, info)
    print(path)
    return path


if __name__ == "__main__":
    main()
