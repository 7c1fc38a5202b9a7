"""Reading a corpus folder (`engine.load`: list, read, decode, clean, build the Corpus) and then
the overlap's candidate pairs (`overlap.analysis.pairs_to_compare`: the shingle index) at 10k
and 100k synthetic articles, this tree against another (e.g. main) in the same run.

Each measurement runs in a fresh interpreter, imports done before the clock starts. CPU seconds
are the main process's and its pool workers' (user + system; on a shared machine they vary far
less than the wall clock), per step. Every run also prints a digest of the whole Corpus (every
field of every article, notes, skipped files) and one of the candidate pairs: equal digests
mean byte-identical results.

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
    from newsaudit import engine, pipeline, runner
    from newsaudit.config import DEFAULT
    from newsaudit.overlap import analysis

    run_on = runner.get(engine_name)
    cpu_main, start = _cpu(resource.RUSAGE_SELF), time.perf_counter()
    docs = engine.load(folder, DEFAULT, run_on)
    seconds = time.perf_counter() - start
    cpu_load = _cpu(resource.RUSAGE_SELF) - cpu_main
    runner.reap()  # pool workers still exiting: their CPU time counted as the children's
    cpu_workers = _cpu(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    pairs = analysis.pairs_to_compare(docs, DEFAULT.overlap, pipeline.Recipe(run_on).each)
    index_seconds = time.perf_counter() - start
    runner.reap()
    out = {
        "seconds": seconds,
        "cpu_main_s": cpu_load,
        "cpu_workers_s": cpu_workers,
        "index_seconds": index_seconds,
        "index_cpu_main_s": _cpu(resource.RUSAGE_SELF) - cpu_main - cpu_load,
        "index_cpu_workers_s": _cpu(resource.RUSAGE_CHILDREN) - cpu_workers,
        "peak_rss_mib": machine.peak_rss_mib(),
        "articles": len(docs),
        "pairs": len(pairs),
        "source": str(Path(engine.__file__).resolve().parent.parent),
    }
    out["digest"] = digest(docs)
    out["pairs_digest"] = hashlib.sha256(repr(pairs).encode()).hexdigest()[:16]
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
                index_cpu = r["index_cpu_main_s"] + r["index_cpu_workers_s"]
                goal = GOAL_CPU_S.get(n)
                print(f"load N={n} {engine_name} {label}: {r['seconds']:.1f} s", file=sys.stderr)
                digests.setdefault(n, set()).add((r["digest"], r["pairs_digest"]))
                rows.append(
                    (
                        f"{n:,}",
                        engine_name,
                        f"{label} ({r['source']})",
                        f"{r['seconds']:.2f}",
                        f"{r['cpu_main_s']:.1f} + {r['cpu_workers_s']:.1f} = {cpu:.1f}",
                        f"{r['index_seconds']:.2f}",
                        f"{r['index_cpu_main_s']:.1f} + {r['index_cpu_workers_s']:.1f} = "
                        f"{index_cpu:.1f}",
                        f"{r['seconds'] + r['index_seconds']:.2f}",
                        f"{r['peak_rss_mib'] / 1024:.2f}",
                        f"{r['digest']} / {r['pairs_digest']} ({r['pairs']:,} pairs)",
                        "-" if goal is None or label != "this tree" else f"{cpu <= goal}",
                    )
                )
    header = [
        "N",
        "engine",
        "code",
        "load wall s",
        "load CPU s main + workers",
        "index wall s",
        "index CPU s main + workers",
        "load + index wall s",
        "peak RSS GiB",
        "corpus / pairs digest",
        "load CPU <= 8 s",
    ]
    same = all(len(d) == 1 for d in digests.values())
    sections = [
        "## Reading a corpus folder (`engine.load`), then the candidate index\n\n"
        "Fresh process per row, imports before the clock. CPU = main process + its pool "
        "workers (user + system). Index = `overlap.analysis.pairs_to_compare` (the shingle "
        "index's candidate pairs) over the loaded corpus, same runner. The corpus digest "
        "covers every field of every article, the notes and the skipped files, the pairs "
        "digest the candidate pairs in order: one pair of digests per N means the trees read "
        "identical corpora and propose identical pairs.\n\n"
        + machine.table(header, rows)
        + f"\n\nIdentical results across trees and engines: {'yes' if same else 'NO'}.",
    ]
    largest = max(sizes) // 1000
    return machine.write(
        f"load_{largest}k", "Reading a corpus folder and the candidate index", sections, facts
    )


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
