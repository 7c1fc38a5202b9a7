"""Events: which articles of a corpus tell the same story.

Figures are compared only within one event, so an archive of many stories never compares a toll
in one story with a toll in another, and the cost of comparing grows with the number of
articles, not its square. Small corpora are one event (`EventsConfig.single_event_max`).

`group(corpus, config, pairs)` -> `Events`: the event of each article and the `events.csv` table
(event, article_id, label, articles, published).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pandas as pd

from newsaudit.config import EventsConfig
from newsaudit.corpus import Corpus
from newsaudit.events.grouping import assign, components
from newsaudit.events.names import key_names, names

EVENT_COLUMNS = ["event", "article_id", "label", "articles", "published"]

__all__ = [
    "EVENT_COLUMNS",
    "Events",
    "assign",
    "components",
    "group",
    "key_names",
    "names",
]


@dataclass(frozen=True)
class Events:
    """The event of every article and the table shown in the report."""

    of: dict[str, str]
    table: pd.DataFrame

    def members(self) -> dict[str, list[str]]:
        """event -> its article ids, in corpus order."""
        out: dict[str, list[str]] = {}
        for aid, event in self.of.items():
            out.setdefault(event, []).append(aid)
        return out


def _label(counts: list[Counter[str]], surface: dict[str, str], n: int) -> str:
    """The event's most written names, as first seen in its articles."""
    total: Counter[str] = Counter()
    for c in counts:
        total.update(c.keys())
    top = sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    return ", ".join(surface.get(k, k) for k, _ in top)


def group(
    corpus: Corpus, config: EventsConfig | None = None, pairs: pd.DataFrame | None = None
) -> Events:
    """Events of a corpus; `pairs` (overlap pairs: article_a, article_b, score) join reused
    articles into one event."""
    config = config or EventsConfig()
    joins: list[tuple[str, str]] = []
    if pairs is not None and not pairs.empty:
        strong = pairs[pairs["score"].astype(float) >= config.overlap_min_score]
        joins = list(zip(strong["article_a"], strong["article_b"], strict=True))
    surface: dict[str, str] = {}
    number, counts = assign(corpus, config, joins, surface)
    width = len(str(max(number.values(), default=0) + 1))
    of = {aid: f"E{n + 1:0{width}d}" for aid, n in number.items()}
    by_event: dict[str, list[int]] = {}
    for i, a in enumerate(corpus):
        by_event.setdefault(of[a.article_id], []).append(i)
    rows = []
    for event, members in sorted(by_event.items()):
        label = _label([counts[i] for i in members], surface, config.label_terms)
        for i in members:
            a = corpus.articles[i]
            rows.append(
                {
                    "event": event,
                    "article_id": a.article_id,
                    "label": label,
                    "articles": len(members),
                    "published": a.published.isoformat() if a.published else "",
                }
            )
    return Events(of=of, table=pd.DataFrame(rows, columns=EVENT_COLUMNS))
