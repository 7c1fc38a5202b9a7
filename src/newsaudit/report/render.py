"""Merging executed notebooks into one report notebook and rendering it as self-contained HTML
with the report templates (pure over notebooks)."""

from __future__ import annotations

import copy
import re

import nbformat

from newsaudit import __version__
from newsaudit.config import TEMPLATES_DIR

_HIDDEN_TAGS = {"parameters", "injected-parameters", "remove-cell"}


def _slug(text: str) -> str:
    # nbconvert's heading ids: the heading text with spaces replaced by hyphens.
    return re.sub(r"\s+", "-", text.strip())


def merge(notebooks: list[nbformat.NotebookNode], title: str) -> nbformat.NotebookNode:
    """One report notebook: every cell but parameters (and cells tagged remove-cell), stderr
    streams dropped, a contents list of the level-2 headings after the cell tagged "title"."""
    merged = nbformat.v4.new_notebook()
    merged.metadata = copy.deepcopy(notebooks[0].metadata) if notebooks else {}
    merged.metadata.pop("papermill", None)
    merged.metadata["title"] = title
    merged.metadata["newsaudit"] = {"version": __version__}
    headings: list[tuple[int, str]] = []
    toc_at = 0
    for index, nb in enumerate(notebooks):
        for cell in nb.cells:
            tags = set(cell.get("metadata", {}).get("tags", []))
            if tags & _HIDDEN_TAGS:
                continue
            cell = copy.deepcopy(cell)
            cell["id"] = (
                f"nb{index}-{cell.get('id', len(merged.cells))}"  # unique across notebooks
            )
            cell.metadata.pop("papermill", None)
            cell.metadata.pop("execution", None)
            if cell.cell_type == "code":
                cell.outputs = [
                    o
                    for o in cell.outputs
                    if not (o.output_type == "stream" and o.name == "stderr")
                ]
            if cell.cell_type == "markdown":
                for line in cell.source.splitlines():
                    level = len(line) - len(line.lstrip("#"))
                    if level in (1, 2) and line[level:].startswith(" "):
                        headings.append((level, line[level:].strip()))
                if index > 0 and cell.source.startswith("# "):
                    # each notebook's own title becomes a section break in the single report
                    cell.source = '<div class="na-section-break"></div>\n\n' + cell.source
            merged.cells.append(cell)
            if "contents" in tags or ("title" in tags and not toc_at):
                toc_at = len(merged.cells)  # the contents follow the first screen
    nested, seen_h1 = [], False
    for level, text in headings:  # h2s before the first h1 are top-level entries
        seen_h1 = seen_h1 or level == 1
        indent = "    " if level == 2 and seen_h1 else ""
        nested.append(f"{indent}- [{text}](#{_slug(text)})")
    toc = "\n".join(nested)
    contents = nbformat.v4.new_markdown_cell(
        f'<nav class="na-toc" markdown="1">\n\n## Contents\n\n{toc}\n\n</nav>'
    )
    contents["id"] = "contents"  # a fixed id: new cells get random ones, the HTML shows them
    merged.cells.insert(toc_at, contents)
    return merged


def render_html(nb: nbformat.NotebookNode) -> str:
    """Self-contained HTML (no scripts, no CDN) with code cells and prompts hidden."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="newsaudit",
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
        sanitize_html=False,  # our outputs are escaped at the source (display.py)
    )
    body, _ = exporter.from_notebook_node(nb)
    return body


def for_print(page: str) -> str:
    """The HTML for the PDF: folded tables open (paper cannot unfold them)."""
    return page.replace('<details class="na-fold">', '<details class="na-fold" open>')
