"""Articles grouped into events in time linear in the number of articles.

Each article is keyed by the pairs of its key names (`names.key_names`); articles sharing a pair
are candidates, joined when published within `date_window_days` of each other (a sorted bucket
joins each article to its neighbour in date order, never all pairs), and overlap pairs (reuse)
join too. Events are the connected components (union-find). A corpus of up to
`single_event_max` articles is one event.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import combinations, pairwise

from newsaudit.config import EventsConfig
from newsaudit.corpus import Corpus
from newsaudit.events.names import key_names, names
from newsaudit.unionfind import UnionFind


def _near(a: dt.date | None, b: dt.date | None, days: int) -> bool:
    return a is None or b is None or abs((a - b).days) <= days


def components(
    keys: list[list[str]],
    dates: list[dt.date | None],
    joins: Iterable[tuple[int, int]],
    config: EventsConfig,
) -> list[int]:
    """Component root of each article: articles sharing a pair of key names within the date
    window, plus the given `joins` (index pairs)."""
    uf: UnionFind[int] = UnionFind(range(len(keys)))
    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, names_i in enumerate(keys):
        for pair in combinations(sorted(names_i), 2):
            buckets[pair].append(i)
    undated = dt.date.min
    for members in buckets.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda i: (dates[i] or undated, i))
        for x, y in pairwise(members):
            if _near(dates[x], dates[y], config.date_window_days):
                uf.union(x, y)
    for a, b in joins:
        uf.union(a, b)
    return [uf.find(i) for i in range(len(keys))]


def assign(
    corpus: Corpus,
    config: EventsConfig,
    joins: Iterable[tuple[str, str]] = (),
    surface: dict[str, str] | None = None,
) -> tuple[dict[str, int], list[Counter[str]]]:
    """(article_id -> event number in order of first article, each article's name counts);
    `surface` collects each name as first written."""
    counts = [names(a.text, surface) for a in corpus]
    ids = [a.article_id for a in corpus]
    if len(ids) <= config.single_event_max:
        return dict.fromkeys(ids, 0), counts
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    max_df = max(config.max_df_min, int(config.max_df_share * len(ids)))
    keys = [key_names(c, df, len(ids), max_df, config.key_terms) for c in counts]
    index = {aid: i for i, aid in enumerate(ids)}
    pairs = [(index[a], index[b]) for a, b in joins if a in index and b in index]
    roots = components(keys, [a.published for a in corpus], pairs, config)
    number: dict[int, int] = {}
    for root in roots:
        number.setdefault(root, len(number))
    return {aid: number[root] for aid, root in zip(ids, roots, strict=True)}, counts
