"""PDF rendering: the report HTML printed by a system Chromium, headless and offline."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from newsaudit.config import ReportConfig

INSTALL_HINT = (
    "install Chromium and fonts: sudo apt-get install -y --no-install-recommends "
    "chromium fonts-dejavu-core"
)
# Flags that keep a headless Chromium from reaching the network or downloading anything.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--disable-quic",
    "--mute-audio",
    "--no-pdf-header-footer",
    "--generate-pdf-document-outline",
    "--run-all-compositor-stages-before-draw",
)


class PdfError(RuntimeError):
    """PDF rendering failed or is not available; the message says what to do."""


def find_chromium(config: ReportConfig | None = None) -> str | None:
    """Path of a Chromium/Chrome executable on PATH, or None."""
    config = config or ReportConfig()
    for name in config.chromium_candidates:
        path = shutil.which(name)
        if path:
            return path
    return None


def html_to_pdf(html_path: Path, pdf_path: Path, config: ReportConfig | None = None) -> Path:
    """Print `html_path` to `pdf_path` (A4, page numbers from the page CSS, document outline)."""
    config = config or ReportConfig()
    browser = find_chromium(config)
    if browser is None:
        raise PdfError(f"no Chromium found for PDF rendering: {INSTALL_HINT}")
    pdf_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="newsaudit-chromium-") as profile:
        command = [
            browser,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            f"--print-to-pdf={pdf_path}",
            html_path.resolve().as_uri(),
        ]
        try:
            done = subprocess.run(
                command,
                capture_output=True,
                text=True,
                timeout=config.pdf_timeout_s,
                check=False,
                env={**os.environ, "HOME": profile},
            )
        except subprocess.TimeoutExpired:
            raise PdfError(f"{browser}: timed out after {config.pdf_timeout_s:.0f} s") from None
    if done.returncode != 0 or not pdf_path.exists() or pdf_path.stat().st_size == 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        raise PdfError(f"{browser} failed to print {html_path.name}: {tail[0]}")
    return pdf_path
