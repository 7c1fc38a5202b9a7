"""`python -m benchmarks`: every benchmark, results in benchmarks/results/*.md.

--quick (default) runs analyse and overlap at 1k and 10k articles and short throughput budgets
(minutes on 2 cores); --full adds 100k articles (and overlap against datasketch at 100k) and
longer budgets. One benchmark alone, one size alone:

    python -m benchmarks analyse --sizes 1000            # `newsaudit analyse`, stage timings
    python -m benchmarks analyse --sizes 100000 --overlap
    python -m benchmarks real --format html              # every METER and BASIL corpus
    python -m benchmarks meter_figures                   # injected conflicts, PA vs papers
"""

from __future__ import annotations

import argparse
import sys

from benchmarks import bench_analyse, bench_overlap_scale, bench_seeds, bench_throughput


def main(argv: list[str] | None = None) -> int:
    """Run the selected benchmarks and print where their tables were written."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["analyse"]:
        print(bench_analyse.cli(argv[1:]).read_text(encoding="utf-8"))
        return 0
    if argv[:1] == ["real"]:
        from benchmarks import real_corpora

        path = real_corpora.main(argv[1:])
        print(path.read_text(encoding="utf-8") if path else "skipped: no real corpora")
        return 0
    if argv[:1] == ["meter_figures"]:
        from benchmarks import meter_figures

        return meter_figures.main(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="1k and 10k articles (default)")
    mode.add_argument("--full", action="store_true", help="also 100k articles")
    parser.add_argument(
        "--only",
        choices=("seeds", "analyse", "overlap", "throughput"),
        action="append",
        help="run only these benchmarks (repeatable)",
    )
    args = parser.parse_args(argv)
    chosen = set(args.only or ("seeds", "analyse", "overlap", "throughput"))
    written = []
    if "analyse" in chosen:
        sizes = [1_000, 10_000, 100_000] if args.full else [1_000, 10_000]
        written.append(bench_analyse.main(sizes, with_overlap=args.full))
    if "seeds" in chosen:
        written.append(bench_seeds.main(repeats=3 if args.full else 1))
    if "overlap" in chosen:
        sizes = [1_000, 10_000, 100_000] if args.full else [1_000, 10_000]
        written.append(bench_overlap_scale.main(sizes))
    if "throughput" in chosen:
        written.append(bench_throughput.main(10_000, budget_s=120.0 if args.full else 20.0))
    for path in written:
        print(path, file=sys.stderr)
        print(path.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
