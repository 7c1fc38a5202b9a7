"""Optional dependencies (pip extras): what each provides, and a one-line error when missing.

`newsaudit run` needs only the core install. The Dask engine needs `newsaudit[dask]`, Parquet
output `newsaudit[parquet]`; `[dev]` holds the test and lint tools, `[bench]` the comparison
libraries of the benchmarks (textstat, quantulum3, datasketch).
"""

from __future__ import annotations

from importlib.util import find_spec

# extra -> the modules it installs that newsaudit imports
EXTRAS = {
    "dask": ("dask", "distributed"),
    "parquet": ("pyarrow",),
    "bench": ("textstat", "quantulum3", "datasketch"),
}


class MissingExtra(RuntimeError):
    """A feature needs an optional dependency that is not installed (CLI: exit 2)."""


def missing(extra: str) -> list[str]:
    """The modules of `extra` that cannot be imported here."""
    return [module for module in EXTRAS[extra] if find_spec(module) is None]


def available(extra: str) -> bool:
    """Whether every module of `extra` is installed."""
    return not missing(extra)


def require(extra: str, feature: str) -> None:
    """Raise MissingExtra, naming the extra to install, when `extra` is not installed."""
    absent = missing(extra)
    if absent:
        raise MissingExtra(
            f"{feature} needs the optional dependencies of newsaudit[{extra}] "
            f"({', '.join(absent)} not installed): pip install 'newsaudit[{extra}]'"
        )
