"""Language knowledge as data: word lists, cue phrases and unit names, loaded once.

Files live in `newsaudit/lexicon/<language>/`:
- `NAME.txt`: one entry per line; blank lines and lines starting with `#` are skipped; an entry
  keeps its inner spaces ("per cent"). Read with `words(NAME)`; a list of regular expressions
  (one per line) with `patterns(NAME)`, compiled and checked once.
- `NAME.yaml`: a mapping or list for structured knowledge (classes of synonyms, units with
  their dimension and factor). Read with `table(NAME)`.
Every file is validated when it is first read (no empty list, no duplicate entry, the YAML of
the expected shape); a broken lexicon is a `LexiconError` naming the file.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

LEXICON_DIR = Path(__file__).resolve().parent
LANGUAGE = "en"


class LexiconError(ValueError):
    """A lexicon file is missing or malformed."""


def path(name: str, suffix: str, language: str = LANGUAGE) -> Path:
    """The file of lexicon `name` (e.g. `units`, `figures/months`) in `language`."""
    return LEXICON_DIR / language / f"{name}{suffix}"


@cache
def words(name: str, language: str = LANGUAGE) -> tuple[str, ...]:
    """Entries of `NAME.txt`, in file order, comments and blank lines dropped."""
    file = path(name, ".txt", language)
    if not file.is_file():
        raise LexiconError(f"{file}: lexicon file not found")
    entries: list[str] = []
    seen: set[str] = set()
    for number, raw in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        entry = raw.strip()
        if not entry or entry.startswith("#"):
            continue
        if entry in seen:
            raise LexiconError(f"{file}:{number}: duplicate entry {entry!r}")
        seen.add(entry)
        entries.append(entry)
    if not entries:
        raise LexiconError(f"{file}: no entries")
    return tuple(entries)


@cache
def word_set(name: str, language: str = LANGUAGE) -> frozenset[str]:
    """Entries of `NAME.txt` as a set built once, for membership tests in hot loops."""
    return frozenset(words(name, language))


@cache
def patterns(
    name: str, language: str = LANGUAGE, flags: int = re.IGNORECASE
) -> tuple[re.Pattern[str], ...]:
    """Entries of `NAME.txt` compiled as regular expressions; a bad one names file and line."""
    compiled = []
    for entry in words(name, language):
        try:
            compiled.append(re.compile(entry, flags))
        except re.error as err:
            raise LexiconError(
                f"{path(name, '.txt', language)}: bad pattern {entry!r} ({err})"
            ) from None
    return tuple(compiled)


@cache
def table(name: str, language: str = LANGUAGE, kind: type | tuple[type, ...] = dict) -> Any:
    """The YAML document of `NAME.yaml`; `kind` (dict, list or both) is the shape it must have."""
    file = path(name, ".yaml", language)
    if not file.is_file():
        raise LexiconError(f"{file}: lexicon file not found")
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise LexiconError(f"{file}: not valid YAML ({str(err).splitlines()[0]})") from None
    if not isinstance(data, kind) or not data:
        shape = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
        raise LexiconError(f"{file}: expected a non-empty {shape}")
    return data
