"""Batch runs: many corpora through the report, one index (HTML + CSV) and a batch manifest.

Each corpus is built by `report.build` into OUT_ROOT/<name>/. A corpus that fails (bad input or
a notebook error) is recorded and the batch goes on; corpora whose inputs, parameters and
package version are unchanged are skipped.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
import time
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from newsaudit import __version__, corpus, pipeline, report
from newsaudit.cache import up_to_date
from newsaudit.config import DEFAULT, PARAM_FILES
from newsaudit.params import ParamsError, merge_params, one_line, read_params
from newsaudit.report import batch_index

INDEX_HTML, INDEX_CSV, BATCH_MANIFEST = "index.html", "index.csv", "batch.json"
INDEX_COLUMNS = [
    "corpus",
    "status",
    "articles",
    "derived_pairs",
    "inconsistent_measures",
    "mean_flesch_reading_ease",
    "report_html",
    "report_pdf",
    "error",
    "seconds",
]
STATUSES = ("built", "unchanged", "failed")
_RESERVED = {INDEX_HTML, INDEX_CSV, BATCH_MANIFEST}


@dataclass(frozen=True)
class Job:
    """One corpus to build: its unique name, input folder, output folder, batch parameters."""

    name: str
    corpus_dir: Path
    out_dir: Path
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CorpusRun:
    """What happened to one corpus: status, key findings, report links (relative), timings."""

    name: str
    corpus_dir: str
    status: str  # "built", "unchanged" or "failed"
    error: str = ""
    seconds: float = 0.0
    key: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    params_files: tuple[str, ...] = ()
    articles: int | None = None
    derived_pairs: int | None = None
    inconsistent_measures: int | None = None
    mean_flesch_reading_ease: float | None = None
    report_html: str = ""
    report_pdf: str = ""
    notebooks: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    timings: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class BatchResult:
    """Every corpus run, in input order, and where the index and batch manifest were written."""

    out_root: Path
    runs: tuple[CorpusRun, ...]
    seconds: float

    @property
    def failed(self) -> list[CorpusRun]:
        """The corpora that failed."""
        return [r for r in self.runs if r.status == "failed"]

    @property
    def ok(self) -> bool:
        """True when every corpus was built or is unchanged."""
        return not self.failed

    @property
    def index_html(self) -> Path:
        return self.out_root / INDEX_HTML

    @property
    def index_csv(self) -> Path:
        return self.out_root / INDEX_CSV

    @property
    def manifest(self) -> Path:
        return self.out_root / BATCH_MANIFEST


# ---------------------------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------------------------
def corpus_params(corpus_dir: Path, batch_params: Mapping[str, Any]) -> tuple[dict, list[str]]:
    """Effective overrides for one corpus: defaults < batch parameters < the corpus folder's own
    newsaudit.yaml (or params.yaml); returns (params, the per-corpus files used)."""
    found = [corpus_dir / name for name in PARAM_FILES if (corpus_dir / name).is_file()]
    if len(found) > 1:
        raise ParamsError(f"{corpus_dir}: both {' and '.join(PARAM_FILES)} present; keep one")
    local = read_params(found[0]) if found else {}
    params = merge_params(batch_params, local)
    try:
        DEFAULT.with_overrides(params)
    except (TypeError, ValueError) as err:
        raise ParamsError(one_line(f"{found[0] if found else corpus_dir}: {err}")) from None
    return params, [str(p) for p in found]


# ---------------------------------------------------------------------------------------------
# Planning (pure)
# ---------------------------------------------------------------------------------------------
def unique_names(corpora: Iterable[str | Path]) -> list[str]:
    """One output folder name per corpus: the folder's name, suffixed -2, -3... when taken."""
    taken = set(_RESERVED)
    names = []
    for path in corpora:
        base = Path(path).resolve().name or "corpus"
        base = re.sub(r"[^\w.\-]+", "_", base).lstrip(".") or "corpus"
        name, n = base, 1
        while name.lower() in taken:
            n += 1
            name = f"{base}-{n}"
        taken.add(name.lower())
        names.append(name)
    return names


def plan(
    corpora: Iterable[str | Path], out_root: Path, params: Mapping[str, Any] | None = None
) -> list[Job]:
    """The jobs of a batch, in input order."""
    paths = [Path(p) for p in corpora]
    return [
        Job(name, path.resolve(), out_root / name, dict(params or {}))
        for name, path in zip(unique_names(paths), paths, strict=True)
    ]


# ---------------------------------------------------------------------------------------------
# Key findings (from the contract CSVs, so "unchanged" corpora get them too)
# ---------------------------------------------------------------------------------------------
def findings(tables: Mapping[str, pd.DataFrame]) -> dict[str, Any]:
    """articles, derived pairs, measures with an inconsistent figure, mean Flesch Reading Ease;
    a value is None when its table or column is missing."""
    out: dict[str, Any] = dict.fromkeys(
        ["articles", "derived_pairs", "inconsistent_measures", "mean_flesch_reading_ease"]
    )
    articles = tables.get("articles.csv")
    if articles is not None:
        out["articles"] = len(articles)
    pairs = tables.get("overlap_pairs.csv")
    if pairs is not None and "verdict" in pairs:
        out["derived_pairs"] = int((pairs["verdict"] == "derived").sum())
    checks = tables.get("figure_checks.csv")
    if checks is not None and "verdict" in checks:
        bad = checks[checks["verdict"] == "inconsistent"]
        out["inconsistent_measures"] = (
            int(bad["measure"].nunique()) if "measure" in bad else len(bad)
        )
    scores = tables.get("readability.csv")
    if scores is not None and "flesch_reading_ease" in scores:
        values = pd.to_numeric(scores["flesch_reading_ease"], errors="coerce").dropna()
        out["mean_flesch_reading_ease"] = float(values.mean()) if len(values) else None
    return out


def read_findings(out_dir: Path) -> dict[str, Any]:
    """`findings` over the CSVs in a corpus' output folder (unreadable tables are skipped)."""
    tables = {}
    for name in ["articles.csv", "overlap_pairs.csv", "figure_checks.csv", "readability.csv"]:
        try:
            tables[name] = pd.read_csv(out_dir / name, keep_default_na=False, na_values=[""])
        except (OSError, ValueError):
            continue
    return findings(tables)


# ---------------------------------------------------------------------------------------------
# Running one corpus (in a worker thread: everything in and out is plain data)
# ---------------------------------------------------------------------------------------------
def _failed(job: Job, error: BaseException | str, started: float, **extra: Any) -> CorpusRun:
    message = one_line(str(error) or type(error).__name__)
    notebooks = sorted(
        p.relative_to(job.out_dir.parent).as_posix()
        for p in (job.out_dir / "notebooks").glob("*.ipynb")
    )
    return CorpusRun(
        name=job.name,
        corpus_dir=str(job.corpus_dir),
        status="failed",
        error=message,
        seconds=round(time.perf_counter() - started, 3),
        notebooks=tuple(notebooks) if isinstance(error, report.ReportError) else (),
        **extra,
    )


def _finished(
    job: Job, status: str, formats: tuple[str, ...], started: float, **extra: Any
) -> CorpusRun:
    links = {
        f"report_{fmt}": f"{job.name}/report.{fmt}"
        for fmt in formats
        if fmt in ("html", "pdf") and (job.out_dir / f"report.{fmt}").is_file()
    }
    return CorpusRun(
        name=job.name,
        corpus_dir=str(job.corpus_dir),
        status=status,
        seconds=round(time.perf_counter() - started, 3),
        **links,
        **read_findings(job.out_dir),
        **extra,
    )


def check(job: Job, formats: tuple[str, ...], force: bool) -> CorpusRun | None:
    """Fast pre-check in the parent: a finished run when the corpus is unchanged or cannot be
    loaded, None when it needs building."""
    started = time.perf_counter()
    try:
        params, files = corpus_params(job.corpus_dir, job.params)
        settings = DEFAULT.with_overrides(params)
        docs = corpus.load(job.corpus_dir, settings.corpus)
        key = pipeline.cache_key(docs, settings)
    except (ParamsError, corpus.CorpusError) as err:
        return _failed(job, err, started)
    except Exception as err:  # e.g. an unreadable file: this corpus fails, the batch goes on
        return _failed(job, f"{type(err).__name__}: {err}", started)
    if force or not up_to_date(job.out_dir, key, formats):
        return None
    files = tuple(files)
    return _finished(
        job, "unchanged", formats, started, key=key, params=params, params_files=files
    )


def build_one(job: Job, formats: tuple[str, ...], force: bool, workers: int) -> CorpusRun:
    """Build one corpus' report; any failure is returned as a failed run, never raised."""
    started = time.perf_counter()
    extra: dict[str, Any] = {}
    try:
        params, files = corpus_params(job.corpus_dir, job.params)
        extra = {"params": params, "params_files": tuple(files)}
        done = report.build(
            job.corpus_dir,
            job.out_dir,
            params=params,
            formats=formats,
            force=force,
            workers=workers,
            name=job.name,
        )
    except KeyboardInterrupt:
        raise
    except (ParamsError, corpus.CorpusError, report.ReportError) as err:
        return _failed(job, err, started, **extra)
    except Exception as err:  # a bug on odd input must not stop the other corpora
        return _failed(job, f"{type(err).__name__}: {err}", started, **extra)
    return _finished(
        job,
        done.status,
        formats,
        started,
        key=done.key,
        warnings=tuple(one_line(w) for w in done.warnings),
        timings=dict(done.timings),
        **extra,
    )


# ---------------------------------------------------------------------------------------------
# Index and manifest (pure builders, atomic writers)
# ---------------------------------------------------------------------------------------------
def index_frame(runs: Iterable[CorpusRun]) -> pd.DataFrame:
    """index.csv: one row per corpus in input order, the contract columns."""
    rows = [
        {"corpus": run.name} | {column: getattr(run, column) for column in INDEX_COLUMNS[1:]}
        for run in runs
    ]
    frame = pd.DataFrame(rows, columns=INDEX_COLUMNS)
    for column in ["articles", "derived_pairs", "inconsistent_measures"]:
        frame[column] = frame[column].astype("Int64")
    for column in ["mean_flesch_reading_ease", "seconds"]:
        frame[column] = frame[column].astype("float64")
    return frame


def index_html(result: BatchResult, generated: str) -> str:
    """index.html from the report templates (see `newsaudit.report.batch_index`)."""
    return batch_index.index_html(
        result.runs, result.seconds, generated, INDEX_CSV, BATCH_MANIFEST
    )


def batch_manifest(
    result: BatchResult, settings: dict[str, Any], generated: str
) -> dict[str, Any]:
    """batch.json: version, batch parameters, and per corpus its key, status and timings."""
    return {
        "newsaudit_version": __version__,
        "python": sys.version.split()[0],
        "generated": generated,
        "parameters": settings,
        "seconds": result.seconds,
        "corpora": [asdict(run) for run in result.runs],
    }


def write_index(result: BatchResult, settings: dict[str, Any]) -> list[Path]:
    """Write index.csv, index.html and batch.json into OUT_ROOT, each atomically."""
    generated = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    files = {
        result.index_csv: pipeline.csv_bytes(index_frame(result.runs)),
        result.index_html: index_html(result, generated).encode("utf-8"),
        result.manifest: (
            json.dumps(batch_manifest(result, settings, generated), indent=2, default=str) + "\n"
        ).encode("utf-8"),
    }
    for path, data in files.items():
        pipeline.write_bytes_atomic(path, data)
    return list(files)


# ---------------------------------------------------------------------------------------------
# The batch
# ---------------------------------------------------------------------------------------------
def default_notebook_workers(parallel: int) -> int:
    """Kernels per corpus so that corpora built at once x kernels is about the number of cores
    (measured on 2 cores: more kernels than cores only adds memory, fewer leaves a core idle)."""
    return max(1, (os.cpu_count() or 2) // max(1, parallel))


def _progress_bar(enabled: bool | None, total: int) -> Any:
    from tqdm import tqdm

    if enabled is None:
        enabled = sys.stderr.isatty()
    return tqdm(
        total=total,
        unit="corpus",
        file=sys.stderr,
        disable=not enabled,
        dynamic_ncols=True,
        desc="newsaudit batch",
    )


def run(
    corpora: Iterable[str | Path],
    out_root: str | Path,
    params: Mapping[str, Any] | str | Path | None = None,
    jobs: int = 2,
    force: bool = False,
    formats: tuple[str, ...] = report.FORMATS,
    progress: bool | None = None,
    notebook_workers: int | None = None,
) -> BatchResult:
    """Build every corpus into OUT_ROOT/<name>/ (`jobs` corpora at a time), skip unchanged ones
    unless `force`, record failures and go on; write index.html, index.csv and batch.json.

    `params` (a mapping or a YAML path) applies to every corpus; a corpus folder's own
    newsaudit.yaml overrides it. `progress`: True/False, or None for "when stderr is a TTY".
    """
    started = time.perf_counter()
    out_root = Path(out_root).resolve()
    batch_params = read_params(params) if isinstance(params, str | Path) else dict(params or {})
    try:
        DEFAULT.with_overrides(batch_params)
    except (TypeError, ValueError) as err:
        raise ParamsError(one_line(f"parameters: {err}")) from None
    jobs = max(1, int(jobs))
    workers = notebook_workers or 0  # 0: decided once we know how many corpora need building
    plan_jobs = plan(corpora, out_root, batch_params)
    out_root.mkdir(parents=True, exist_ok=True)
    runs: dict[str, CorpusRun] = {}
    bar = _progress_bar(progress, len(plan_jobs))

    def record(done: CorpusRun) -> None:
        runs[done.name] = done
        bar.set_postfix_str(f"{done.name}: {done.status}", refresh=False)
        bar.update(1)

    try:
        todo = []
        for job in plan_jobs:
            early = check(job, formats, force)
            if early is None:
                todo.append(job)
            else:
                record(early)
        # Threads suffice: the heavy work runs in kernel and Chromium subprocesses, and threads
        # need no `if __name__ == "__main__"` guard in the caller's script (spawned processes do).
        bar.set_description_str(f"building {len(todo)} of {len(plan_jobs)}")
        parallel = max(1, min(jobs, len(todo)))
        workers = workers or default_notebook_workers(parallel)
        with ThreadPoolExecutor(parallel) as pool:
            futures = [pool.submit(build_one, job, formats, force, workers) for job in todo]
            try:
                for future in as_completed(futures):
                    record(future.result())  # build_one returns failures, never raises them
            except KeyboardInterrupt:
                pool.shutdown(wait=False, cancel_futures=True)  # running builds finish, no more
                raise
    finally:
        bar.close()

    result = BatchResult(
        out_root=out_root,
        runs=tuple(runs[job.name] for job in plan_jobs if job.name in runs),
        seconds=round(time.perf_counter() - started, 3),
    )
    settings = {
        "params": batch_params,
        "formats": list(formats),
        "jobs": jobs,
        "notebook_workers": workers,
        "force": force,
        "corpora": [str(job.corpus_dir) for job in plan_jobs],
    }
    write_index(result, settings)
    return result
