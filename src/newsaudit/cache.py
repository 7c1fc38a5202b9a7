"""Result keys and the up-to-date check: is OUT_DIR's report current for these inputs,
settings and version? Light on purpose (no pandas): an unchanged re-run answers in a blink."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from newsaudit import __version__
from newsaudit.config import Settings
from newsaudit.corpus import Corpus

MANIFEST = "manifest.json"


def key(docs: Corpus, settings: Settings) -> str:
    """Hash of package version, settings and input file hashes: equal keys, equal results."""
    payload = {
        "version": __version__,
        "settings": settings.as_dict(),
        "inputs": docs.hashes(),
    }
    blob = json.dumps(payload, sort_keys=True, default=str).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()[:16]


def file_hash(path: Path) -> str:
    """sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def up_to_date(out_dir: Path, key: str, formats: tuple[str, ...]) -> bool:
    """True when OUT_DIR holds a complete report for exactly this key (inputs, settings,
    version): the previous manifest matches and every file it lists is intact."""
    path = out_dir / MANIFEST
    try:
        old = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if old.get("key") != key or old.get("newsaudit_version") != __version__:
        return False
    wanted = {f"report.{fmt}" for fmt in formats}
    outputs: dict[str, str] = old.get("outputs", {})
    if not wanted <= set(outputs):
        return False
    return all(
        (out_dir / name).is_file() and file_hash(out_dir / name) == digest
        for name, digest in outputs.items()
    )
