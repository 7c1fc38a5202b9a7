"""The report's table of error rates (`src/newsaudit/report/measured.yaml`) kept equal to what
the evaluations measure: an evaluation run over its whole data writes its numbers back.

Each rate there that an evaluation measures carries a `key` (e.g. `basil.injected`); `record`
sets the fields given for each key by editing the lines in place, so the file's comments,
order and the other fields stay as written.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEASURED = ROOT / "src" / "newsaudit" / "report" / "measured.yaml"
_ENTRY = re.compile(r"^  - ")
_FIELD = re.compile(r"^(    |  - )(\w+): ?(.*)$")


def _quoted(text: str) -> str:
    """A YAML scalar for `text`: plain when it reads back as itself, else double-quoted."""
    plain = re.fullmatch(r"[\w(].*", text) and ": " not in text and " #" not in text
    if plain and not text.endswith((" ", ":")):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def record(updates: dict[str, dict[str, str]], path: Path = MEASURED) -> list[str]:
    """Set, for each key in `updates`, the named fields of the rate with that key (values as
    they should read: "0.53", a sentence); the keys found. A key the file lacks is an error:
    the table would silently keep a stale number."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if _ENTRY.match(line)] + [len(lines)]
    found: list[str] = []
    for start, end in itertools.pairwise(starts):
        fields: dict[str, tuple[int, str, str]] = {}  # name: (line, prefix, value)
        for i in range(start, end):
            if m := _FIELD.match(lines[i]):
                fields[m.group(2)] = (i, m.group(1), m.group(3))
        key = fields["key"][2] if "key" in fields else None
        if key not in updates:
            continue
        for name, value in updates[key].items():
            if name not in fields:
                raise KeyError(f"{path.name}: rate {key} has no field {name!r}")
            line, prefix, _ = fields[name]
            lines[line] = f"{prefix}{name}: {_quoted(value)}\n"
        found.append(key)
    missing = sorted(set(updates) - set(found))
    if missing:
        raise KeyError(f"{path.name}: no rate with key {', '.join(missing)}")
    tmp = path.with_suffix(".tmp")
    tmp.write_text("".join(lines), encoding="utf-8")
    tmp.replace(path)
    return found
