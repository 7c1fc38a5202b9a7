"""Parameter files: YAML settings overrides, read and checked with one-line errors, and merged
layer by layer. Light on purpose (no pandas): the CLI reads them before heavy imports."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from newsaudit.config import DEFAULT


class ParamsError(ValueError):
    """A parameters file is missing or invalid; the message is one line naming the file."""


def one_line(text: str, limit: int = 400) -> str:
    """An error message squeezed onto one line (whitespace collapsed, long ones cut)."""
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def read_params(path: str | Path) -> dict[str, Any]:
    """Settings overrides from a YAML file (`{section: {setting: value}}`), validated against
    the settings; raises ParamsError with one line naming the file."""
    import yaml

    file = Path(path)
    if not file.is_file():
        raise ParamsError(f"{file}: parameters file not found")
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
    except UnicodeDecodeError:
        raise ParamsError(f"{file}: not UTF-8 text") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise ParamsError(f"{file}: not valid YAML{where}") from None
    if not isinstance(data, dict):
        raise ParamsError(f"{file}: must be a mapping of settings sections")
    try:
        DEFAULT.with_overrides(data)
    except (TypeError, ValueError) as err:
        raise ParamsError(one_line(f"{file}: {err}")) from None
    return data


def merge_params(*layers: Mapping[str, Any]) -> dict[str, Any]:
    """Later layers override earlier ones setting by setting (sections merge, not replace)."""
    merged: dict[str, dict[str, Any]] = {}
    for layer in layers:
        for section, values in layer.items():
            merged.setdefault(section, {})
            merged[section] = {**merged[section], **dict(values or {})}
    return merged
