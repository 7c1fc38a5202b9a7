"""Machine facts, peak memory and the markdown table every benchmark writes."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

RESULTS_DIR = Path(__file__).resolve().parent / "results"
CACHE_DIR = Path(__file__).resolve().parent / ".cache"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gib() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 2**20
    except OSError:
        pass
    return float("nan")


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def info() -> dict[str, str]:
    """CPU, cores, memory, load, Python and library versions at the time of the run."""
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "-"
    return {
        "date (UTC)": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M"),
        "cpu": _cpu_model(),
        "cores": str(os.cpu_count()),
        "memory": f"{_memory_gib():.1f} GiB",
        "load average (1, 5, 15 min) at start": load,
        "os": platform.platform(),
        "python": sys.version.split()[0],
        "packages": ", ".join(
            f"{p} {_version(p)}"
            for p in ("numpy", "pandas", "datasketch", "textstat", "quantulum3", "dask")
        ),
    }


def peak_rss_mib(children: bool = False) -> float:
    """Peak resident memory of this process so far (MiB); with `children`, plus the largest
    peak of its finished child processes (an upper bound on what ran at once with one child)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if children:
        peak += resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 2**20


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def write(name: str, title: str, sections: Sequence[str], machine: dict[str, str]) -> Path:
    """Write benchmarks/results/<name>.md: title, machine facts, then the sections."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    facts = "\n".join(f"- {k}: {v}" for k, v in machine.items())
    text = f"# {title}\n\n{facts}\n\n" + "\n\n".join(sections) + "\n"
    path = RESULTS_DIR / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    return path


def child(module: str, args: Sequence[str], src: Path, what: str) -> dict[str, Any]:
    """Run `python -m module --child *args` in a fresh interpreter with `src` first on the path
    (and the repository root, for `benchmarks`); the JSON object of its last output line."""
    root = Path(__file__).resolve().parent.parent
    paths = [str(src), str(root), os.environ.get("PYTHONPATH", "")]
    done = subprocess.run(
        [sys.executable, "-m", module, "--child", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=root,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)},
    )
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed: {done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])
