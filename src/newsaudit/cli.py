"""The `newsaudit` command: a thin shell over pipeline and report."""

from __future__ import annotations

import argparse
import os
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
  newsaudit batch seeds tests/data/corpora/flood --out build/batch   # + index.html, index.csv
  newsaudit analyse archive --out build/archive --engine dask --scheduler tcp://host:8786
  python -m newsaudit --version
"""


STRICT_HELP = (
    "stop with exit code 2 on any unusable article file (empty, binary, too large) "
    "instead of skipping it with a warning"
)


class BadInput(Exception):
    """Raised for user errors that exit with code 2 and one line on stderr."""


def load_params(path: str | None) -> dict[str, Any]:
    """Settings overrides from a YAML file (`{section: {setting: value}}`); {} when none."""
    if not path:
        return {}
    from newsaudit.params import ParamsError, read_params

    try:
        return read_params(path)
    except ParamsError as err:
        raise BadInput(str(err)) from None


def _with_strict(params: dict[str, Any], strict: bool) -> dict[str, Any]:
    """`--strict` as a settings override: unusable article files stop the run (exit 2)."""
    if not strict:
        return params
    return {**params, "corpus": {**params.get("corpus", {}), "strict": True}}


def _check_out(out: str) -> None:
    if Path(out).exists() and not Path(out).is_dir():
        raise BadInput(f"{out}: --out must be a folder, not a file")


def _print_notes(notes: Sequence[str]) -> None:
    """Corpus warnings (decoding, skipped or ignored files), one line each on stderr."""
    for note in notes:
        print(f"warning: {note}", file=sys.stderr)


def _formats(value: str) -> tuple[str, ...]:
    formats = tuple(f.strip() for f in value.split(",") if f.strip())
    unknown = sorted(set(formats) - {"html", "pdf"})
    if unknown or not formats:
        raise argparse.ArgumentTypeError(f"formats are html and/or pdf, not {value!r}")
    return formats


def _article_bar(enabled: bool) -> tuple[Any, Any]:
    """(progress, bar): a tqdm bar per stage counting articles (or pairs) on stderr, for
    `engine.run`'s (stage, done, total) reports; (None, None) when off or not a terminal."""
    if not enabled or not sys.stderr.isatty():
        return None, None
    from tqdm import tqdm

    bar = tqdm(total=0, file=sys.stderr, leave=False, dynamic_ncols=True, unit="item")

    def show(stage: str, done: int, total: int) -> None:
        if bar.desc != stage or bar.total != total:
            bar.reset(total=total)
            bar.set_description_str(stage, refresh=False)
        bar.update(done - bar.n)

    return show, bar


def cmd_run(args: argparse.Namespace) -> int:
    """Analyse a corpus and publish CSVs, executed notebooks and the HTML/PDF report."""
    from newsaudit import cache, corpus
    from newsaudit.config import DEFAULT

    params = _with_strict(load_params(args.params), args.strict)
    _check_out(args.out)
    if not args.force:  # answer an unchanged re-run before the heavy imports
        settings = DEFAULT.with_overrides(params)
        docs = corpus.load(args.corpus_dir, settings.corpus)
        out_dir = Path(args.out).resolve()
        if cache.up_to_date(out_dir, cache.key(docs, settings), args.format):
            _print_notes(docs.notes)
            print(f"{out_dir}: up to date (inputs, parameters and version unchanged)")
            return EXIT_OK
    from newsaudit import report

    show, bar = _article_bar(args.progress)
    try:
        build = report.build(
            args.corpus_dir,
            args.out,
            params=params,
            formats=args.format,
            force=args.force,
            workers=args.jobs,
            progress=(lambda message: show(message, 0, 0)) if show else None,
            name=args.name,
            engine=args.engine,
            scheduler=args.scheduler,
            parquet=args.parquet,
            article_progress=show,
        )
    finally:
        if bar is not None:
            bar.close()
    if build.results is not None:
        _print_notes(build.results.corpus.notes)
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

    settings = DEFAULT.with_overrides(_with_strict(load_params(args.params), args.strict))
    _check_out(args.out)
    show, bar = _article_bar(args.progress)
    try:
        value = engine.run(args.corpus_dir, settings, args.engine, args.scheduler, show)
    finally:
        if bar is not None:
            bar.close()
    written = pipeline.write_tables(value, args.out)
    parquet = ""
    if engine.wants_parquet(len(value.corpus), args.parquet):
        parquet = f" and {len(pipeline.write_parquet(value, args.out))} Parquet files"
    _print_notes(value.corpus.notes)
    print(
        f"{args.out}: {len(written)} CSV files{parquet} for {len(value.corpus)} articles "
        f"(engine {args.engine})"
    )
    return EXIT_OK


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number >= 1, not {value!r}")
    return int(value)


def cmd_batch(args: argparse.Namespace) -> int:
    """Build every corpus, go on past failures; exit 1 when any corpus failed."""
    from newsaudit import batch

    try:
        params = batch.read_params(args.params) if args.params else {}
    except batch.ParamsError as err:
        raise BadInput(str(err)) from None
    result = batch.run(
        args.corpora,
        args.out,
        params=params,
        jobs=args.jobs,
        force=args.force,
        formats=args.format,
        progress=None if args.progress else False,  # None: a bar when stderr is a terminal
        notebook_workers=args.notebook_jobs,
    )
    for run in result.runs:
        detail = f": {run.error}" if run.error else f" ({run.seconds:.1f} s)"
        print(f"{run.name}: {run.status}{detail}")
        for warning in run.warnings:
            print(f"warning: {run.name}: {warning}", file=sys.stderr)
    done = len(result.runs) - len(result.failed)
    print(f"{result.index_html}: {done} complete, {len(result.failed)} failed")
    return EXIT_OK if result.ok else EXIT_FAILED


def cmd_params(args: argparse.Namespace) -> int:
    """Print every setting with its default as YAML: a starting point for --params files."""
    import yaml

    from newsaudit.config import DEFAULT

    settings = DEFAULT.with_overrides(load_params(args.params)) if args.params else DEFAULT
    data = settings.as_dict()
    if args.section:
        if args.section not in data:
            raise BadInput(f"unknown settings section {args.section!r} ({', '.join(data)})")
        data = {args.section: data[args.section]}
    print(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=99), end="")
    return EXIT_OK


def _add_analysis_options(sub: argparse.ArgumentParser) -> None:
    """--strict, --no-progress, --engine, --scheduler and --parquet: run and analyse."""
    sub.add_argument("--strict", action="store_true", help=STRICT_HELP)
    sub.add_argument(
        "--no-progress", dest="progress", action="store_false", help="no progress bar"
    )
    sub.add_argument(
        "--engine",
        choices=("local", "serial", "dask"),
        default="local",
        help="local: a process pool over every core; serial: one process; dask: Dask tasks "
        "(same results)",
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
    _add_analysis_options(run)
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
    _add_analysis_options(analyse)
    analyse.set_defaults(func=cmd_analyse)

    params = subs.add_parser(
        "params",
        help="print every setting and its default as YAML",
        description="Print the settings (defaults, or with --params applied) as YAML: save "
        "it, keep the lines you want to change, and pass the file with --params.",
        epilog="example: newsaudit params overlap > params.yaml",
    )
    params.add_argument("section", nargs="?", help="only this section (e.g. overlap)")
    params.add_argument("--params", help="YAML file of overrides to apply first")
    params.set_defaults(func=cmd_params)

    batch = subs.add_parser(
        "batch",
        help="build reports for many corpora plus an index (HTML, CSV)",
        description="Build each CORPUS_DIR into OUT/<folder name>/ (as `run` does), skip "
        "unchanged ones, go on past failures and write OUT/index.html, index.csv and "
        "batch.json. A corpus folder's own newsaudit.yaml overrides --params. Exit 0 when "
        "every corpus succeeded, 1 when any failed, 2 for bad arguments.",
        epilog="example: newsaudit batch seeds tests/data/corpora/flood --out build/batch",
    )
    batch.add_argument("corpora", nargs="+", metavar="CORPUS_DIR", help="folders of articles")
    batch.add_argument("--out", required=True, help="output root (created if missing)")
    batch.add_argument("--params", help="YAML file of settings overrides for every corpus")
    batch.add_argument(
        "--format", type=_formats, default=("html", "pdf"), help="html,pdf (default both)"
    )
    batch.add_argument("--force", action="store_true", help="rebuild unchanged corpora too")
    batch.add_argument("--jobs", type=_positive, default=2, help="corpora built at once")
    batch.add_argument(
        "--notebook-jobs",
        type=_positive,
        default=None,
        help="notebooks run at once per corpus (default: cores / corpora building)",
    )
    batch.add_argument(
        "--no-progress", dest="progress", action="store_false", help="no progress bar"
    )
    batch.set_defaults(func=cmd_batch)
    return top


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split())


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: exit 0 on success, 2 on bad input (one line naming the file), 1 otherwise."""
    from newsaudit.corpus import CorpusError
    from newsaudit.errors import EngineError, ReportError
    from newsaudit.extras import MissingExtra, require

    args = parser().parse_args(argv)
    try:
        if getattr(args, "engine", None) == "dask":  # optional dependencies: fail before work
            require("dask", "--engine dask")
        if getattr(args, "parquet", False):
            require("parquet", "--parquet")
        return int(args.func(args))
    except (BadInput, CorpusError, MissingExtra) as err:
        print(f"newsaudit: error: {_one_line(err)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except ReportError as err:
        print(f"newsaudit: report failed: {_one_line(err)}", file=sys.stderr)
        return EXIT_FAILED
    except EngineError as err:
        print(f"newsaudit: error: {err}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("newsaudit: interrupted; previous outputs left intact", file=sys.stderr)
        return 130
    except OSError as err:  # disk full, permissions: one line, not a traceback
        where = f"{err.filename}: " if err.filename else ""
        print(f"newsaudit: error: {where}{err.strerror or err}", file=sys.stderr)
        return EXIT_FAILED
    except Exception as err:  # a bug: say where to look instead of dumping a traceback
        if os.environ.get("NEWSAUDIT_DEBUG"):
            raise
        print(
            f"newsaudit: internal error: {type(err).__name__}: {_one_line(err)} "
            "(set NEWSAUDIT_DEBUG=1 for the traceback)",
            file=sys.stderr,
        )
        return EXIT_FAILED


if __name__ == "__main__":
    raise SystemExit(main())
