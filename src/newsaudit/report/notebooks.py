"""Notebook execution: Papermill runs the report notebooks, several in one kernel, kernels in
parallel; a failed notebook's executed copy is kept for the reader."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import nbformat

from newsaudit.config import NOTEBOOKS_DIR, ReportConfig
from newsaudit.errors import ReportError


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
    cwd: Path | None = None,
) -> nbformat.NotebookNode:
    """Run one notebook with Papermill (in `kernel`, a started or unstarted kernel manager,
    when given); on failure the executed copy with the error is kept (the message names
    `kept_at`, where the build publishes it, or else `target`)."""
    import papermill

    shared = {"km": kernel} if kernel is not None else {}
    try:
        nb = papermill.execute_notebook(
            str(source),
            str(target),
            parameters=parameters,
            kernel_name=config.kernel_name,
            progress_bar=False,
            log_output=False,
            # The kernel starts in the notebooks folder (relative defaults work) without
            # Papermill's `cwd=`, which chdirs the whole process and races between threads.
            resources={"metadata": {"path": str(cwd or source.parent)}},
            extra_arguments=["--IPKernelApp.log_level=CRITICAL"],  # no transport/shutdown noise
            iopub_timeout=config.iopub_timeout,
            **shared,
        )
    except papermill.PapermillExecutionError as err:
        if target.exists():
            nbformat.write(portable(nbformat.read(target, as_version=4), source.name), target)
        raise ReportError(
            f"{source.name}: cell {err.exec_count} raised {err.ename}: {err.evalue} "
            f"(executed copy with the error kept at {kept_at or target})"
        ) from None
    nbformat.write(portable(nb, source.name), target)
    return nb


def portable(nb: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """Papermill's record of the run with the notebook's own name in place of the absolute
    input and output paths: the published copy re-runs where it lies."""
    record = nb.metadata.get("papermill", {})
    for key in ("input_path", "output_path"):
        if key in record:
            record[key] = name
    return nb


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
    from jupyter_core.utils import run_sync

    kernel = _kernel_manager()(kernel_name=config.kernel_name)
    executed = []
    try:
        for index, src in enumerate(sources):
            if index:
                _reset(kernel)
            target = stage / "notebooks" / src.name
            kept_at = (publish_dir / "notebooks" / src.name) if publish_dir else None
            cwd = publish_dir / "notebooks" if publish_dir else None
            try:
                executed.append(execute(src, target, parameters, config, kernel, kept_at, cwd))
            finally:
                kernel.close_clients()
    finally:
        if kernel.has_kernel:
            run_sync(kernel.shutdown_kernel)(now=True)
        kernel.close_clients()
    return executed


def _kernel_manager() -> type:
    """A kernel manager that closes the clients it hands out. Papermill leaves the client of a
    kernel it does not own open (its channels' threads, sockets and ZMQ context): a batch of
    hundreds of corpora in one process ran out of file descriptors."""
    from jupyter_client.manager import AsyncKernelManager

    class ClosingKernelManager(AsyncKernelManager):
        def client(self, **kwargs: Any) -> Any:
            made = super().client(**kwargs)
            self.__dict__.setdefault("_handed_out", []).append(made)
            return made

        def close_clients(self) -> None:
            for made in self.__dict__.pop("_handed_out", []):
                made.stop_channels()
                made.context.destroy(linger=100)

    return ClosingKernelManager


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
    if publish_dir is not None:  # the kernels' working folder: parameters are relative to it
        (publish_dir / "notebooks").mkdir(parents=True, exist_ok=True)
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
