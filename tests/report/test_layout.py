"""The seed report's layout, measured on the real PDF (poppler's pdftohtml -xml gives every text
line and image with its box): nothing wider than the printable area, no empty or heading-only
page, every caption under its figure, every table column printed; and the published folder
names no absolute path of the build machine."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsaudit.config import SEEDS_DIR

pytestmark = [pytest.mark.e2e]
MARGIN_MM = 14.0  # left and right page margins of report.css (@page)
A4_WIDTH_MM = 210.0
FOOTER = re.compile(r"^(Page \d+ of \d+|newsaudit report)$")


@dataclass(frozen=True)
class Box:
    page: int
    kind: str  # "text" or "image"
    left: float
    top: float
    width: float
    height: float
    text: str = ""

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height


@dataclass(frozen=True)
class Page:
    number: int
    width: float
    boxes: list[Box]

    @property
    def content(self) -> list[Box]:
        """Everything but the running footer."""
        return [b for b in self.boxes if not FOOTER.match(b.text.strip())]


def layout(pdf: Path, workdir: Path) -> list[Page]:
    """Every page's text lines and images with their boxes, in pdftohtml's pixels."""
    subprocess.run(
        ["pdftohtml", "-xml", "-q", "-nodrm", str(pdf), str(workdir / "layout")],
        check=True,
        capture_output=True,
    )
    root = ET.parse(workdir / "layout.xml").getroot()
    pages = []
    for page in root.iter("page"):
        boxes = [
            Box(
                int(page.get("number")),
                element.tag,
                float(element.get("left")),
                float(element.get("top")),
                float(element.get("width")),
                float(element.get("height")),
                "".join(element.itertext()),
            )
            for element in page
            if element.tag in ("text", "image")
        ]
        pages.append(Page(int(page.get("number")), float(page.get("width")), boxes))
    return pages


@pytest.fixture(scope="module")
def pages(seed_build, tmp_path_factory) -> list[Page]:
    if shutil.which("pdftohtml") is None:
        pytest.skip("pdftohtml (poppler-utils) not installed")
    return layout(seed_build.out_dir / "report.pdf", tmp_path_factory.mktemp("layout"))


def test_nothing_is_wider_than_the_printable_area(pages):
    for page in pages:
        scale = page.width / A4_WIDTH_MM
        left, right = MARGIN_MM * scale - 2, page.width - MARGIN_MM * scale + 2
        for box in page.content:
            assert left <= box.left and box.right <= right, (
                f"page {page.number}: {box.kind} {box.text[:40]!r} spans {box.left:.0f}-"
                f"{box.right:.0f}, printable {left:.0f}-{right:.0f}"
            )


def test_every_page_carries_content(pages):
    for page in pages:
        content = page.content
        images = [b for b in content if b.kind == "image"]
        lines = [b for b in content if b.kind == "text" and b.text.strip()]
        assert images or len(lines) >= 4, (
            f"page {page.number} is blank or holds only {[b.text for b in lines]}"
        )


def test_every_caption_sits_under_its_figure(pages, seed_build):
    page_html = (seed_build.out_dir / "report.html").read_text(encoding="utf-8")
    figures = page_html.count('<figure class="na-figure">')
    captions = [
        (page, box)
        for page in pages
        for box in page.content
        if box.kind == "text" and box.text.startswith("Figure.")
    ]
    assert figures and len(captions) == figures
    for page, caption in captions:
        # the caption's first line: "Figure." and the words after it (a figure narrowed to fit
        # the page is centred over it)
        right = max(
            b.right for b in page.content if b.kind == "text" and abs(b.top - caption.top) <= 2
        )
        above = [
            b
            for b in page.content
            if b.kind == "image" and 0 <= caption.top - b.bottom <= 40 and b.left < right
        ]
        assert above, f"page {page.number}: caption {caption.text[:50]!r} has no figure above it"


def test_every_table_column_is_printed(seed_build):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    page_html = (seed_build.out_dir / "report.html").read_text(encoding="utf-8")
    headers = {
        html.unescape(re.sub(r"<[^>]+>", "", h)).strip()
        for h in re.findall(r"<th[^>]*>(.*?)</th>", page_html, flags=re.S)
    }
    text = subprocess.run(
        ["pdftotext", str(seed_build.out_dir / "report.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    words = set(re.findall(r"\w+", text))
    missing = {h for h in headers if h and not set(re.findall(r"\w+", h)) <= words}
    assert not missing, f"table columns cut off in the PDF: {sorted(missing)}"


def test_published_files_name_no_absolute_path(seed_build):
    out = seed_build.out_dir
    private = {str(out), str(out.resolve()), str(SEEDS_DIR), str(SEEDS_DIR.resolve())}
    private |= {str(Path.home()), str(Path.cwd())} - {"/"}
    # a relative path may pass through the same folders ("../../x/seeds"): only a path that
    # starts at the root counts, so the character before it must not be part of a path
    pattern = re.compile("|".join(rf"(?<![\w./-]){re.escape(p)}" for p in private))
    for path in sorted(out.rglob("*")):
        if not path.is_file():
            continue  # every file, the hidden results cache included
        text = path.read_bytes().decode("utf-8", errors="replace")
        hit = pattern.search(text)
        assert hit is None, f"{path.relative_to(out)} names {hit.group(0)!r}"


def test_published_notebooks_rerun_from_the_published_folder(seed_build, tmp_path):
    import nbformat

    nb = nbformat.read(seed_build.out_dir / "notebooks" / "01_overview.ipynb", as_version=4)
    record = nb.metadata["papermill"]
    assert record["input_path"] == record["output_path"] == "01_overview.ipynb"
    injected = next(c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", []))
    corpus_dir = re.search(r'corpus_dir = "([^"]+)"', injected.source).group(1)
    assert not Path(corpus_dir).is_absolute() and 'out_dir = ".."' in injected.source
    assert (seed_build.out_dir / "notebooks" / corpus_dir).resolve() == SEEDS_DIR.resolve()
