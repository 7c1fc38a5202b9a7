"""Found by reading a real report page by page (eyes26): a METER story of 34 articles drew each
readability chart taller than a page, so it printed shrunk on a page of its own and left the
page before it blank under its heading."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from newsaudit.report.plots import readability as plots


def _many(result, copies: int) -> SimpleNamespace:
    """The seeds' scores and paragraphs repeated under new ids: `copies` x 5 articles."""
    scores, paras = [], []
    for k in range(copies):
        rename = {a: f"{k:02d}{a}" for a in result.scores["article_id"]}
        scores.append(result.scores.assign(article_id=result.scores["article_id"].map(rename)))
        paras.append(
            result.paragraphs.assign(article_id=result.paragraphs["article_id"].map(rename))
        )
    return SimpleNamespace(scores=pd.concat(scores), paragraphs=pd.concat(paras))


@pytest.mark.parametrize(
    "draw",
    [
        lambda r: plots.ranking(r.scores.assign(genre="news", outlet="Example")),
        plots.paragraph_spread,
        lambda r: plots.backend_difference(r.scores),
        lambda r: plots.metric_profile(r.scores),
    ],
    ids=["ranking", "spread", "backends", "formulas"],
)
def test_readability_charts_of_many_articles_fit_a_page_under_their_heading(seed_results, draw):
    many = _many(seed_results.readability, copies=7)  # 35 articles
    width, height = draw(many).get_size_inches()
    assert height <= plots.PAGE_RATIO * width
