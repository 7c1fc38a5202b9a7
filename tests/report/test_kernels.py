"""Executing notebooks leaves nothing open: a batch runs hundreds of corpora in one process."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest

from newsaudit.config import ReportConfig
from newsaudit.report import notebooks


def _open_handles() -> tuple[int, int]:
    return len(os.listdir("/proc/self/fd")), len(os.listdir("/proc/self/task"))


def _tiny_notebook(folder: Path) -> Path:
    nb = nbformat.v4.new_notebook()
    parameters = nbformat.v4.new_code_cell("x = 1")
    parameters.metadata["tags"] = ["parameters"]
    nb.cells = [parameters, nbformat.v4.new_code_cell("print(x)")]
    nb.metadata["kernelspec"] = {"name": "python3", "language": "python", "display_name": "Py"}
    path = folder / "tiny.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="counts open files in /proc")
def test_kernels_and_their_clients_are_closed_after_each_corpus(tmp_path):
    source = _tiny_notebook(tmp_path)
    (tmp_path / "notebooks").mkdir()
    config = ReportConfig()
    runs = []
    for _ in range(3):
        executed = notebooks.execute_in_one_kernel([source, source], {"x": 2}, tmp_path, config)
        assert executed[1].cells[-1].outputs[0]["text"] == "2\n"
        runs.append(_open_handles())
    # Papermill left each notebook's kernel client open: ~12 descriptors and 3 threads each.
    assert runs[2] == runs[0]
