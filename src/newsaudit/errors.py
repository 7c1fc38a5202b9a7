"""Errors the CLI turns into exit codes, importable without the heavy modules that raise them."""

from __future__ import annotations


class ReportError(RuntimeError):
    """A notebook failed or the report could not be rendered; the message says where."""


class EngineError(RuntimeError):
    """The engine name is unknown or the Dask scheduler cannot be reached."""
