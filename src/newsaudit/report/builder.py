"""Report building: Papermill executes the notebooks, nbconvert renders one HTML report, Chromium
prints it to PDF. Everything is staged and moved into OUT_DIR only when complete."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsaudit import __version__, corpus, pipeline
from newsaudit import engine as engines
from newsaudit.cache import MANIFEST, file_hash, up_to_date
from newsaudit.config import DEFAULT, Settings
from newsaudit.errors import ReportError
from newsaudit.report import notebooks
from newsaudit.report.pdf import PdfError, html_to_pdf
from newsaudit.report.render import for_print, merge, render_html

FORMATS = ("html", "pdf")
Progress = Callable[[str], None]


@dataclass
class Build:
    """What one `build` did: status, files written, timings and any non-fatal problem."""

    out_dir: Path
    status: str  # "built", "unchanged" or "failed"
    key: str = ""
    files: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    error: str = ""
    results: pipeline.Results | None = None


# ---------------------------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------------------------
def manifest(
    value: pipeline.Results,
    parameters: dict[str, Any],
    timings: dict[str, float],
    outputs: dict[str, str],
) -> dict[str, Any]:
    """The run manifest: version, parameters, inputs with hashes, outputs with hashes, timings."""
    return {
        "newsaudit_version": __version__,
        "python": sys.version.split()[0],
        "generated": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "key": value.key,
        "parameters": parameters,
        "inputs": [{"file": a.file, "sha256": a.sha256} for a in value.corpus],
        "outputs": outputs,
        "timings_s": timings,
        "notes": list(value.corpus.notes),
    }


def relative(path: Path, start: Path) -> str:
    """`path` relative to `start` (POSIX separators): published files name no absolute path."""
    return Path(os.path.relpath(path, start)).as_posix()


def _publish(stage: Path, out_dir: Path) -> None:
    """Move staged files into OUT_DIR one atomic rename at a time (notebooks folder included),
    the manifest last: a run killed while publishing leaves no manifest, so it is never current."""
    paths = sorted(stage.rglob("*"), key=lambda p: (p.name == MANIFEST, p.as_posix()))
    for path in paths:
        if path.is_dir():
            continue
        target = out_dir / path.relative_to(stage)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, target)


def build(
    corpus_dir: str | Path,
    out_dir: str | Path,
    params: dict[str, Any] | None = None,
    formats: tuple[str, ...] = FORMATS,
    force: bool = False,
    workers: int = 2,
    progress: Progress | None = None,
    name: str = "",
    engine: str = "local",
    scheduler: str | None = None,
    parquet: bool = False,
    article_progress: pipeline.Progress | None = None,
) -> Build:
    """Analyse `corpus_dir` and publish CSVs, executed notebooks, report.html/.pdf and the
    manifest into `out_dir`. Raises CorpusError for bad input and ReportError when a notebook
    fails; a missing PDF toolchain is a warning (HTML is still written)."""
    say = progress or (lambda _msg: None)
    started = time.perf_counter()
    corpus_dir, out_dir = Path(corpus_dir).resolve(), Path(out_dir).resolve()
    settings: Settings = DEFAULT.with_overrides(params)
    timings: dict[str, float] = {}

    say("loading corpus")
    docs = corpus.load(corpus_dir, settings.corpus)
    key = pipeline.cache_key(docs, settings)
    if not force and up_to_date(out_dir, key, formats):
        timings["total"] = round(time.perf_counter() - started, 3)
        return Build(out_dir, "unchanged", key, timings=timings)

    say("analysing")
    t = time.perf_counter()
    value = engines.analyse(docs, settings, engine, scheduler, article_progress)
    timings["analyse"] = round(time.perf_counter() - t, 3)
    timings.update({f"analyse.{k}": v for k, v in value.timings.items()})

    out_dir.mkdir(parents=True, exist_ok=True)
    _remove_stale_stages(out_dir)
    stage = out_dir / f".staging-{os.getpid()}"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    build_info = Build(out_dir, "built", key, results=value)
    stale_pdf = False
    try:
        pipeline.write_tables(value, stage)
        if engines.wants_parquet(len(docs), parquet):
            pipeline.write_parquet(value, stage)
        # Notebooks read the cached results from OUT_DIR instead of recomputing them.
        pipeline.save_cache(value, out_dir)
        # Published notebooks run in OUT_DIR/notebooks/: their paths are relative to it, so the
        # folder re-runs anywhere and reveals nothing of the build machine's file system.
        parameters = {
            "corpus_dir": relative(corpus_dir, out_dir / "notebooks"),
            "out_dir": "..",
            "params": params or {},
            "corpus_name": name or corpus_dir.name,
        }
        say("executing notebooks")
        t = time.perf_counter()
        try:
            executed = notebooks.execute_all(parameters, stage, settings.report, workers, out_dir)
        except ReportError:
            _publish(stage / "notebooks", out_dir / "notebooks")  # keep the failed copies
            raise
        timings["notebooks"] = round(time.perf_counter() - t, 3)

        say("rendering HTML")
        t = time.perf_counter()
        report_nb = merge(executed, f"News audit: {parameters['corpus_name']}")
        html_path = stage / "report.html"
        page = render_html(report_nb)
        html_path.write_text(page, encoding="utf-8")
        timings["html"] = round(time.perf_counter() - t, 3)
        if "html" not in formats:
            html_path.unlink()

        if "pdf" in formats:
            say("rendering PDF")
            t = time.perf_counter()
            source = stage / ".report-for-pdf.html"
            source.write_text(for_print(page), encoding="utf-8")
            try:
                html_to_pdf(source, stage / "report.pdf", settings.report)
            except PdfError as err:
                stale_pdf = (out_dir / "report.pdf").exists()  # would sit next to new HTML
                gone = "; the previous report.pdf is removed" if stale_pdf else ""
                build_info.warnings.append(f"PDF not written: {err}{gone}")
            finally:
                source.unlink(missing_ok=True)
            timings["pdf"] = round(time.perf_counter() - t, 3)

        outputs = {
            p.relative_to(stage).as_posix(): file_hash(p)
            for p in sorted(stage.rglob("*"))
            if p.is_file()
        }
        timings["total"] = round(time.perf_counter() - started, 3)
        published = {**parameters, "corpus_dir": relative(corpus_dir, out_dir), "out_dir": "."}
        data = manifest(value, published, timings, outputs)
        (stage / MANIFEST).write_text(
            json.dumps(data, indent=2, sort_keys=True, default=str) + "\n", encoding="utf-8"
        )
        (out_dir / MANIFEST).unlink(missing_ok=True)  # a half-published report is never current
        _publish(stage, out_dir)
        if stale_pdf:
            (out_dir / "report.pdf").unlink(missing_ok=True)
        build_info.files = sorted([*outputs, MANIFEST])
        build_info.timings = timings
        return build_info
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _remove_stale_stages(out_dir: Path) -> None:
    """Delete staging folders left by runs that were killed (their process no longer exists)."""
    for stage in out_dir.glob(".staging-*"):
        try:
            pid = int(stage.name.rsplit("-", 1)[1])
            os.kill(pid, 0)  # raises when no such process: the run that staged it is gone
        except ProcessLookupError:
            shutil.rmtree(stage, ignore_errors=True)
        except (ValueError, PermissionError):
            continue  # not ours to judge: a live process of another user, or a foreign name
