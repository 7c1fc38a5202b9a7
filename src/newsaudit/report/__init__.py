"""Presentation: every part of the report lives here and nowhere else.

- `notebooks`: Papermill execution of the report notebooks;
- `render`: one report notebook from the executed ones, HTML through the templates;
- `pdf`: the HTML printed by headless Chromium;
- `builder`: `build` stages everything and publishes it into OUT_DIR with a manifest;
- `views`: captioned DataFrames per report section (shown the same in Jupyter and the report);
- `plots`: matplotlib figures; `display`: escaped, captioned tables and figures;
- `summary`: the findings in plain sentences; `batch_index`: the batch index page;
- `templates/`: the Jinja templates and CSS used by the report and the batch index.

`from newsaudit import report; report.build(corpus_dir, out_dir)` builds a report.
"""

from newsaudit.errors import ReportError
from newsaudit.report.builder import FORMATS, Build, build
from newsaudit.report.notebooks import notebook_paths

__all__ = ["FORMATS", "Build", "ReportError", "build", "notebook_paths"]
