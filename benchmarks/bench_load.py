"""Reading a corpus folder (`engine.load`: list, read, decode, clean, build the Corpus) at 10k
and 100k synthetic articles, this tree against another (e.g. main) in the same run.

Each measurement runs in a fresh interpreter, imports done before the clock starts. CPU seconds
are the main process's and its pool workers' (user + system; on a shared machine they vary far
less than the wall clock). Every run also prints a digest of the whole Corpus (every field of
every article, notes, skipped files): equal digests mean byte-identical results.

    python -m benchmarks.bench_load                                  # 10k, this tree
    nice python -m benchmarks.bench_load --sizes 10000 100000 --before /work/main/src
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks import machine
from benchmarks.bench_analyse import corpus_dir

ROOT = Path(__file__).resolve().parent.parent
GOAL_CPU_S = {100_000: 8.0}  # issue 16: reading 100k articles in at most 8 CPU seconds


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def digest(docs: Any) -> str:
    """sha256 over every field of every article, the notes and the skipped files."""
    h = hashlib.sha256()
    for article in docs.articles:
        h.update(repr(dataclasses.astuple(article)).encode("utf-8", "surrogatepass"))
    h.update(repr((docs.root, docs.notes, docs.skipped)).encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:16]


def child(folder: str, engine_name: str) -> None:
    """Entry point of a measuring child process: prints one JSON line."""
    from newsaudit import engine, runner
    from newsaudit.config import DEFAULT

    cpu_main, start = _cpu(resource.RUSAGE_SELF), time.perf_counter()
    docs = engine.load(folder, DEFAULT, runner.get(engine_name))
    seconds = time.perf_counter() - start
    out = {
        "seconds": seconds,
        "cpu_main_s": _cpu(resource.RUSAGE_SELF) - cpu_main,
        "cpu_workers_s": _cpu(resource.RUSAGE_CHILDREN),
        "peak_rss_mib": machine.peak_rss_mib(),
        "articles": len(docs),
        "source": str(Path(engine.__file__).resolve().parent.parent),
    }
    out["digest"] = digest(docs)
    print(json.dumps(out))


def measure(folder: Path, engine_name: str, src: Path) -> dict[str, Any]:
    """One load in a fresh interpreter with `src` first on the path; its JSON result."""
    args = [str(folder), engine_name]
    return machine.child("benchmarks.bench_load", args, src, f"load of {folder.name}")


def main(sizes: list[int], engines: list[str], before: Path | None) -> Path:
    """Measure every size, engine and tree; write benchmarks/results/load_<largest N>k.md."""
    facts = machine.info()
    trees = [("this tree", ROOT / "src")] + ([("before", before)] if before else [])
    rows, digests = [], {}
    for n in sizes:
        folder = corpus_dir(n)
        for engine_name in engines:
            for label, src in trees:
                r = measure(folder, engine_name, src)
                cpu = r["cpu_main_s"] + r["cpu_workers_s"]
                goal = GOAL_CPU_S.get(n)
                print(f"load N={n} {engine_name} {label}: {r['seconds']:.1f} s", file=sys.stderr)
                digests.setdefault(n, set()).add(r["digest"])
                rows.append(
                    (
                        f"{n:,}",
                        engine_name,
                        f"{label} ({r['source']})",
                        f"{r['seconds']:.2f}",
                        f"{r['cpu_main_s']:.1f} + {r['cpu_workers_s']:.1f} = {cpu:.1f}",
                        f"{r['peak_rss_mib'] / 1024:.2f}",
                        r["digest"],
                        "-" if goal is None or label != "this tree" else f"{cpu <= goal}",
                    )
                )
    header = [
        "N",
        "engine",
        "code",
        "wall s",
        "CPU s main + workers",
        "peak RSS GiB",
        "corpus digest",
        "CPU <= 8 s",
    ]
    same = all(len(d) == 1 for d in digests.values())
    sections = [
        "## Reading a corpus folder (`engine.load`)\n\n"
        "Fresh process per row, imports before the clock. CPU = main process + its pool "
        "workers (user + system). The digest covers every field of every article, the notes "
        "and the skipped files: one digest per N means the trees read identical corpora.\n\n"
        + machine.table(header, rows)
        + f"\n\nIdentical results across trees and engines: {'yes' if same else 'NO'}.",
    ]
    largest = max(sizes) // 1000
    return machine.write(f"load_{largest}k", "Reading a corpus folder", sections, facts)


def cli(argv: list[str] | None = None) -> Path:
    """Parse arguments (or run one measuring child) and write the results table."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        child(argv[1], argv[2])
        sys.exit(0)
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_load", description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--engines", nargs="+", default=["local", "serial"])
    parser.add_argument("--before", type=Path, help="another tree's src/ to measure alongside")
    args = parser.parse_args(argv)
    return main(args.sizes, args.engines, args.before)


if __name__ == "__main__":
    print(cli().read_text(encoding="utf-8"))
