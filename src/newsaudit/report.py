"""Report building: Papermill executes the notebooks, nbconvert renders one HTML report, Chromium
prints it to PDF. Everything is staged and moved into OUT_DIR only when complete."""

from __future__ import annotations

import copy
import datetime as dt
import html
import json
import os
import re
import shutil
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat

from newsaudit import __version__, corpus, pipeline
from newsaudit import engine as engines
from newsaudit.cache import MANIFEST, file_hash, up_to_date
from newsaudit.config import DEFAULT, NOTEBOOKS_DIR, TEMPLATES_DIR, ReportConfig, Settings
from newsaudit.errors import ReportError
from newsaudit.pdf import PdfError, html_to_pdf

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


def notebook_paths(config: ReportConfig | None = None) -> list[Path]:
    """The report notebooks, in report order."""
    config = config or ReportConfig()
    return [NOTEBOOKS_DIR / name for name in config.notebooks]


# ---------------------------------------------------------------------------------------------
# Execution
# ---------------------------------------------------------------------------------------------
def execute(
    source: Path,
    target: Path,
    parameters: dict[str, Any],
    config: ReportConfig,
    kernel: Any | None = None,
    kept_at: Path | None = None,
) -> nbformat.NotebookNode:
    """Run one notebook with Papermill (in `kernel`, a started or unstarted kernel manager,
    when given); on failure the executed copy with the error is kept (the message names
    `kept_at`, where the build publishes it, or else `target`)."""
    import papermill

    shared = {"km": kernel} if kernel is not None else {}
    try:
        return papermill.execute_notebook(
            str(source),
            str(target),
            parameters=parameters,
            kernel_name=config.kernel_name,
            progress_bar=False,
            log_output=False,
            # The kernel starts in the notebooks folder (relative defaults work) without
            # Papermill's `cwd=`, which chdirs the whole process and races between threads.
            resources={"metadata": {"path": str(source.parent)}},
            extra_arguments=["--IPKernelApp.log_level=CRITICAL"],  # no transport/shutdown noise
            **shared,
        )
    except papermill.PapermillExecutionError as err:
        raise ReportError(
            f"{source.name}: cell {err.exec_count} raised {err.ename}: {err.evalue} "
            f"(executed copy with the error kept at {kept_at or target})"
        ) from None


# Run between two notebooks sharing a kernel: a fresh namespace and prompt numbers from 1, so
# each notebook runs as it would alone; imported modules stay loaded (that is the saving).
_RESET = "get_ipython().run_line_magic('reset', '-f'); get_ipython().execution_count = 1"


def _reset(kernel: Any) -> None:
    from jupyter_core.utils import run_sync

    client = kernel.client()
    client.start_channels()
    try:
        reply = run_sync(client.execute_interactive)(_RESET, store_history=False, timeout=60)
        if reply["content"].get("status") != "ok":
            raise ReportError(f"could not reset the shared kernel: {reply['content']}")
    finally:
        client.stop_channels()


def execute_in_one_kernel(
    sources: list[Path],
    parameters: dict[str, Any],
    stage: Path,
    config: ReportConfig,
    publish_dir: Path | None = None,
) -> list[nbformat.NotebookNode]:
    """Execute notebooks one after another in one kernel: kernel start-up and the imports of
    pandas, matplotlib and newsaudit are paid once instead of once per notebook."""
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.utils import run_sync

    kernel = AsyncKernelManager(kernel_name=config.kernel_name)
    executed = []
    try:
        for index, src in enumerate(sources):
            if index:
                _reset(kernel)
            target = stage / "notebooks" / src.name
            kept_at = (publish_dir / "notebooks" / src.name) if publish_dir else None
            executed.append(execute(src, target, parameters, config, kernel, kept_at))
    finally:
        if kernel.has_kernel:
            run_sync(kernel.shutdown_kernel)(now=True)
    return executed


def execute_all(
    parameters: dict[str, Any],
    stage: Path,
    config: ReportConfig,
    workers: int = 2,
    publish_dir: Path | None = None,
) -> list[nbformat.NotebookNode]:
    """Execute every report notebook into `stage/notebooks/`: `workers` kernels in parallel,
    each running its share of the notebooks in turn (round robin), in report order; error
    messages name the copy under `publish_dir/notebooks/` where failures are kept."""
    (stage / "notebooks").mkdir(parents=True, exist_ok=True)
    sources = notebook_paths(config)
    n = max(1, min(workers, len(sources)))
    groups = [sources[i::n] for i in range(n)]
    with ThreadPoolExecutor(max_workers=n) as pool:
        futures = [
            pool.submit(execute_in_one_kernel, group, parameters, stage, config, publish_dir)
            for group in groups
        ]
        done = {
            src: nb
            for f, group in zip(futures, groups, strict=True)
            for src, nb in zip(group, f.result(), strict=True)
        }
    return [done[src] for src in sources]


# ---------------------------------------------------------------------------------------------
# Merging and rendering (pure over notebooks)
# ---------------------------------------------------------------------------------------------
_HIDDEN_TAGS = {"parameters", "injected-parameters", "remove-cell"}


def _slug(text: str) -> str:
    # nbconvert's heading ids: the heading text with spaces replaced by hyphens.
    return re.sub(r"\s+", "-", text.strip())


def merge(notebooks: list[nbformat.NotebookNode], title: str) -> nbformat.NotebookNode:
    """One report notebook: every cell but parameters (and cells tagged remove-cell), stderr
    streams dropped, a contents list of the level-2 headings after the cell tagged "title"."""
    merged = nbformat.v4.new_notebook()
    merged.metadata = copy.deepcopy(notebooks[0].metadata) if notebooks else {}
    merged.metadata.pop("papermill", None)
    merged.metadata["title"] = title
    merged.metadata["newsaudit"] = {"version": __version__}
    headings: list[tuple[int, str]] = []
    toc_at = 0
    for index, nb in enumerate(notebooks):
        for cell in nb.cells:
            tags = set(cell.get("metadata", {}).get("tags", []))
            if tags & _HIDDEN_TAGS:
                continue
            cell = copy.deepcopy(cell)
            cell["id"] = (
                f"nb{index}-{cell.get('id', len(merged.cells))}"  # unique across notebooks
            )
            cell.metadata.pop("papermill", None)
            cell.metadata.pop("execution", None)
            if cell.cell_type == "code":
                cell.outputs = [
                    o
                    for o in cell.outputs
                    if not (o.output_type == "stream" and o.name == "stderr")
                ]
            if cell.cell_type == "markdown":
                for line in cell.source.splitlines():
                    level = len(line) - len(line.lstrip("#"))
                    if level in (1, 2) and line[level:].startswith(" "):
                        headings.append((level, line[level:].strip()))
                if index > 0 and cell.source.startswith("# "):
                    # each notebook's own title becomes a section break in the single report
                    cell.source = '<div class="na-section-break"></div>\n\n' + cell.source
            merged.cells.append(cell)
            if "title" in tags and not toc_at:
                toc_at = len(merged.cells)
    nested, seen_h1 = [], False
    for level, text in headings:  # h2s before the first h1 are top-level entries
        seen_h1 = seen_h1 or level == 1
        indent = "    " if level == 2 and seen_h1 else ""
        nested.append(f"{indent}- [{text}](#{_slug(text)})")
    toc = "\n".join(nested)
    contents = nbformat.v4.new_markdown_cell(f"## Contents\n\n{toc}")
    contents["id"] = "contents"  # a fixed id: new cells get random ones, the HTML shows them
    merged.cells.insert(toc_at, contents)
    return merged


def render_html(nb: nbformat.NotebookNode) -> str:
    """Self-contained HTML (no scripts, no CDN) with code cells and prompts hidden."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="newsaudit",
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
        sanitize_html=False,  # our outputs are escaped at the source (display.py)
    )
    body, _ = exporter.from_notebook_node(nb)
    return body


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
    value = engines.analyse(docs, settings, engine, scheduler)
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
        parameters = {
            "corpus_dir": str(corpus_dir),
            "out_dir": str(out_dir),
            "params": params or {},
            "corpus_name": name or corpus_dir.name,
        }
        say("executing notebooks")
        t = time.perf_counter()
        try:
            executed = execute_all(parameters, stage, settings.report, workers, out_dir)
        except ReportError:
            _publish(stage / "notebooks", out_dir / "notebooks")  # keep the failed copies
            raise
        timings["notebooks"] = round(time.perf_counter() - t, 3)

        say("rendering HTML")
        t = time.perf_counter()
        report_nb = merge(executed, f"News audit: {parameters['corpus_name']}")
        html_path = stage / "report.html"
        html_path.write_text(render_html(report_nb), encoding="utf-8")
        timings["html"] = round(time.perf_counter() - t, 3)
        if "html" not in formats:
            html_path.unlink()

        if "pdf" in formats:
            say("rendering PDF")
            t = time.perf_counter()
            source = html_path
            if not source.exists():
                source = stage / ".report-for-pdf.html"
                source.write_text(render_html(report_nb), encoding="utf-8")
            try:
                html_to_pdf(source, stage / "report.pdf", settings.report)
            except PdfError as err:
                stale_pdf = (out_dir / "report.pdf").exists()  # would sit next to new HTML
                gone = "; the previous report.pdf is removed" if stale_pdf else ""
                build_info.warnings.append(f"PDF not written: {err}{gone}")
            finally:
                if source.name.startswith("."):
                    source.unlink(missing_ok=True)
            timings["pdf"] = round(time.perf_counter() - t, 3)

        outputs = {
            p.relative_to(stage).as_posix(): file_hash(p)
            for p in sorted(stage.rglob("*"))
            if p.is_file()
        }
        timings["total"] = round(time.perf_counter() - started, 3)
        data = manifest(value, parameters, timings, outputs)
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


def escape(text: str) -> str:
    """HTML-escape text for report markup (quotes included)."""
    return html.escape(text, quote=True)
