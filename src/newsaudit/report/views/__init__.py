"""One module per report section; each function takes the analysis results and returns what the
section shows: a captioned table (`display.Table`, its DataFrame at `.frame` to sort and filter
in Jupyter), a figure or sentences. Notebooks call one view per section."""

from newsaudit.report.views import appendix, figures, overlap, overview, readability

__all__ = ["appendix", "figures", "overlap", "overview", "readability"]
