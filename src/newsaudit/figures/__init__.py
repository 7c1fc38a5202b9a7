"""Figure extraction and cross-article consistency.

Every number an article writes (counts, money, percentages, durations, years and dates, vague
amounts) becomes a `Figure`: the interval it asserts once its qualifier is applied ("more than
300" = [300, inf)), and the measure it counts, read from its sentence. Figures of the same
measure in different articles are then compared interval by interval.

Modules: `numbers` (a number expression -> interval), `extract` (number spans in text),
`phrases` and `measures` (what a figure counts), `figure` (one article -> its figures),
`compare` (partners and verdicts), `linkmodel` (the learned link of disjoint pairs), `review`
(hard negatives and doubtful pairs), `frames` (the output tables).
"""

from __future__ import annotations

from functools import partial

from newsaudit import runner
from newsaudit.config import FiguresConfig
from newsaudit.corpus import Corpus
from newsaudit.events import group as group_events
from newsaudit.figures.compare import (
    by_measure,
    checks_frame,
    comparable,
    comparable_key,
    compare,
    without_setting,
)
from newsaudit.figures.contexts import context_conflict
from newsaudit.figures.extract import spans
from newsaudit.figures.figure import Figure, extract, extract_text
from newsaudit.figures.frames import (
    CHECK_COLUMNS,
    DISAGREEMENT_COLUMNS,
    FIGURE_COLUMNS,
    REVIEW_COLUMNS,
    FiguresResult,
    details_frame,
    figures_frame,
    matrix_frame,
    one_row_per_measure_article,
)
from newsaudit.figures.intervals import gap, relation
from newsaudit.figures.partners import partners
from newsaudit.figures.review import review_frame
from newsaudit.figures.span import Span

__all__ = [
    "CHECK_COLUMNS",
    "DISAGREEMENT_COLUMNS",
    "FIGURE_COLUMNS",
    "REVIEW_COLUMNS",
    "Figure",
    "FiguresResult",
    "Span",
    "analyse",
    "by_measure",
    "checks_frame",
    "comparable",
    "comparable_key",
    "compare",
    "context_conflict",
    "details_frame",
    "extract",
    "extract_text",
    "figures_frame",
    "gap",
    "matrix_frame",
    "one_row_per_measure_article",
    "partners",
    "relation",
    "review_frame",
    "spans",
]


def analyse(
    corpus: Corpus,
    config: FiguresConfig | None = None,
    events: dict[str, str] | None = None,
    each: runner.Each = runner.serial,
) -> FiguresResult:
    """Figures of every article, their per-measure checks and the fact-checker's views.

    `events` (article_id -> event, see `newsaudit.events`) keeps comparisons inside one story;
    by default the corpus is grouped with `events.group`. `extract` is the per-article step
    (mapped by `each`: serially, or by the pipeline's runner).
    """
    config = config or FiguresConfig()
    if events is None:
        events = group_events(corpus).of
    found = each("figures: extract", partial(extract, config=config), list(corpus))
    figs = [f for article_figs in found for f in article_figs]
    figs = without_setting(figs, corpus, config, events)
    figs.sort(key=lambda f: (f.article_id, f.start, f.end))
    published = {a.article_id: a.published for a in corpus}
    comparisons, disagreements = compare(figs, config, events, published)
    checks = one_row_per_measure_article(comparisons)
    return FiguresResult(
        figures=figures_frame(figs),
        checks=checks,
        disagreements=disagreements,
        review=review_frame(figs, comparisons, config, events),
        details=details_frame(figs),
        comparisons=comparisons,
        article_ids=tuple(corpus.ids),
    )
