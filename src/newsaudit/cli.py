"""The `newsaudit` command: a thin shell over pipeline and report."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsaudit import __version__

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2

EPILOG = """examples:
  newsaudit run seeds --out reports/seeds          # CSVs, notebooks, report.html, report.pdf
  newsaudit run seeds --out build/seeds --format html --params params.yaml
  newsaudit analyse seeds --out build/seeds-csv    # the CSVs only, no notebooks or report
  newsaudit analyse archive --out build/archive --engine dask --scheduler tcp://host:8786
  python -m newsaudit --version
"""


class BadInput(Exception):
    """Raised for user errors that exit with code 2 and one line on stderr."""


def load_params(path: str | None) -> dict[str, Any]:
    """Settings overrides from a YAML file (`{section: {setting: value}}`); {} when none."""
    if not path:
        return {}
    import yaml

    file = Path(path)
    if not file.is_file():
        raise BadInput(f"{path}: parameters file not found")
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise BadInput(f"{path}: not valid YAML{where}") from None
    if not isinstance(data, dict):
        raise BadInput(f"{path}: must be a mapping of settings sections")
    from newsaudit.config import DEFAULT

    try:
        DEFAULT.with_overrides(data)
    except ValueError as err:
        raise BadInput(f"{path}: {err}") from None
    return data


def _formats(value: str) -> tuple[str, ...]:
    formats = tuple(f.strip() for f in value.split(",") if f.strip())
    unknown = sorted(set(formats) - {"html", "pdf"})
    if unknown or not formats:
        raise argparse.ArgumentTypeError(f"formats are html and/or pdf, not {value!r}")
    return formats


def _progress(enabled: bool, total: int) -> tuple[Any, Any]:
    """(callback, bar): a tqdm bar over the build stages on stderr, or a no-op."""
    if not enabled:
        return (lambda _msg: None), None
    from tqdm import tqdm

    bar = tqdm(total=total, unit="step", file=sys.stderr, leave=False, dynamic_ncols=True)

    def step(message: str) -> None:
        bar.set_description(message)
        bar.update(1)

    return step, bar


def cmd_run(args: argparse.Namespace) -> int:
    """Analyse a corpus and publish CSVs, executed notebooks and the HTML/PDF report."""
    from newsaudit import report

    params = load_params(args.params)
    step, bar = _progress(args.progress, 6)
    try:
        build = report.build(
            args.corpus_dir,
            args.out,
            params=params,
            formats=args.format,
            force=args.force,
            workers=args.jobs,
            progress=step,
            name=args.name,
            engine=args.engine,
            scheduler=args.scheduler,
            parquet=args.parquet,
        )
    finally:
        if bar is not None:
            bar.close()
    for warning in build.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if build.status == "unchanged":
        print(f"{build.out_dir}: up to date (inputs, parameters and version unchanged)")
    else:
        total = build.timings.get("total", 0.0)
        print(f"{build.out_dir}: report written in {total:.1f} s ({len(build.files)} files)")
    return EXIT_OK


def cmd_analyse(args: argparse.Namespace) -> int:
    """Write the contract CSVs only (no notebooks, no rendering)."""
    from newsaudit import engine, pipeline
    from newsaudit.config import DEFAULT

    settings = DEFAULT.with_overrides(load_params(args.params))
    step, bar = _progress(args.progress, 4)
    try:
        value = engine.run(args.corpus_dir, settings, args.engine, args.scheduler, step)
    finally:
        if bar is not None:
            bar.close()
    written = pipeline.write_tables(value, args.out)
    parquet = ""
    if engine.wants_parquet(len(value.corpus), args.parquet):
        parquet = f" and {len(pipeline.write_parquet(value, args.out))} Parquet files"
    for note in value.corpus.notes:
        print(f"note: {note}", file=sys.stderr)
    print(
        f"{args.out}: {len(written)} CSV files{parquet} for {len(value.corpus)} articles "
        f"(engine {args.engine})"
    )
    return EXIT_OK


def _add_engine_options(sub: argparse.ArgumentParser) -> None:
    """--engine, --scheduler and --parquet, shared by run and analyse."""
    sub.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="run the analyses here (local) or as Dask tasks (dask); same results",
    )
    sub.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster)",
    )
    sub.add_argument(
        "--parquet",
        action="store_true",
        help="also write the tables as Parquet (automatic from 10,000 articles)",
    )


def parser() -> argparse.ArgumentParser:
    """The argument parser (also used to document every sub-command)."""
    top = argparse.ArgumentParser(
        prog="newsaudit",
        description="Audit a folder of news articles: source overlap, figure consistency, "
        "readability; HTML and PDF reports.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.add_argument("--version", action="version", version=f"newsaudit {__version__}")
    subs = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = subs.add_parser(
        "run",
        help="analyse a corpus and build the HTML and PDF report",
        description="Analyse CORPUS_DIR (.txt files, first line = headline; optional "
        "metadata.csv with file,outlet,published,url) and write CSVs, executed notebooks, "
        "report.html, report.pdf and manifest.json into --out.",
        epilog="example: newsaudit run seeds --out reports/seeds",
    )
    run.add_argument("corpus_dir", help="folder of .txt articles")
    run.add_argument("--out", required=True, help="output folder (created if missing)")
    run.add_argument("--params", help="YAML file of settings overrides")
    run.add_argument(
        "--format", type=_formats, default=("html", "pdf"), help="html,pdf (default both)"
    )
    run.add_argument("--force", action="store_true", help="rebuild even if nothing changed")
    run.add_argument("--jobs", type=int, default=2, help="notebooks executed in parallel")
    run.add_argument("--name", default="", help="corpus name on the title page")
    run.add_argument(
        "--no-progress", dest="progress", action="store_false", help="no progress bar"
    )
    _add_engine_options(run)
    run.set_defaults(func=cmd_run)

    analyse = subs.add_parser(
        "analyse",
        help="write the result CSVs only (fast, no report)",
        description="Analyse CORPUS_DIR and write the contract CSV files into --out.",
        epilog="example: newsaudit analyse seeds --out build/seeds-csv",
    )
    analyse.add_argument("corpus_dir", help="folder of .txt articles")
    analyse.add_argument("--out", required=True, help="output folder")
    analyse.add_argument("--params", help="YAML file of settings overrides")
    analyse.add_argument(
        "--no-progress", dest="progress", action="store_false", help="no progress bar"
    )
    _add_engine_options(analyse)
    analyse.set_defaults(func=cmd_analyse)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: exit 0 on success, 2 on bad input (one line naming the file), 1 otherwise."""
    from newsaudit.corpus import CorpusError
    from newsaudit.engine import EngineError
    from newsaudit.report import ReportError

    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except (BadInput, CorpusError) as err:
        print(f"newsaudit: error: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except ReportError as err:
        print(f"newsaudit: report failed: {err}", file=sys.stderr)
        return EXIT_FAILED
    except EngineError as err:
        print(f"newsaudit: error: {err}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("newsaudit: interrupted; previous outputs left intact", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
