"""A figure: one number as written in an article, the interval it asserts and what it counts.

`extract` is a pure function of one article (a runner maps it over a process pool): spans from
`figures.extract`, then the measure of each from its sentence (`figures.measures`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from newsaudit.config import FiguresConfig
from newsaudit.corpus import Article
from newsaudit.figures import ages, measures, phrases
from newsaudit.figures.extract import spans
from newsaudit.figures.span import DATE_KINDS
from newsaudit.text.sentences import split as split_sentences


@dataclass(frozen=True)
class Figure:
    """One number as written in an article, with the interval it asserts and what it counts."""

    article_id: str
    measure: str
    text: str
    low: float
    high: float
    unit: str
    qualifier: str
    sentence: str
    start: int
    end: int
    kind: str = "count"  # count, money, percent, duration, age, ordinal, year, date
    thing: str = ""
    event: str = ""
    place: str = ""
    relation: str = ""
    modifiers: tuple[str, ...] = ()
    owner: str = ""
    timeframe: tuple[str, ...] = ()
    cause: tuple[str, ...] = ()
    vague: bool = False


def _figures_in(
    article_id: str, text: str, config: FiguresConfig, published: dt.date | None
) -> list[Figure]:
    found = spans(text, config, published)
    bounds = split_sentences(text)
    out = []
    for sent_start, sent_end in bounds:
        inside = [s for s in found if sent_start <= s.start < sent_end]
        if not inside:
            continue
        toks = phrases.tokens(text, sent_start, sent_end)
        sentence = text[sent_start:sent_end].strip()
        for s in inside:
            bare = s.kind == "count"
            s, person = ages.as_age(text, s)
            ctx = measures.context(text, toks, s, sent_start, sent_end, config)
            if bare and s.kind == "age":
                # The age of a named person is its own measure ("age|mccarthy"); an age of no
                # one named ("at age 13") is compared by unit and context only.
                event = person.lower() or phrases.UNKNOWN
                given = ages.given_name(text, s.start).lower() if person else ""
                mods = (given,) if given else ctx.modifiers
                ctx = phrases.Context("age", event, ctx.place, "", mods)
            timeframe = (
                measures.timeframe(s, inside, sentence, config, text)
                if s.kind not in DATE_KINDS
                else ()
            )
            cause = measures.causes(text, s, sent_end, config) if s.kind not in DATE_KINDS else ()
            out.append(
                Figure(
                    article_id=article_id,
                    measure=phrases.key(ctx.thing, ctx.event, ctx.place, ctx.relation),
                    text=text[s.start : s.end],
                    low=float(s.low),
                    high=float(s.high),
                    unit=s.unit,
                    qualifier=s.qualifier,
                    sentence=sentence,
                    start=s.start,
                    end=s.end,
                    kind=s.kind,
                    thing=ctx.thing,
                    event=ctx.event,
                    place=ctx.place,
                    relation=ctx.relation,
                    modifiers=ctx.modifiers,
                    owner=ctx.owner,
                    timeframe=timeframe,
                    cause=cause,
                    vague=s.vague,
                )
            )
    return out


def extract_text(
    text: str,
    config: FiguresConfig | None = None,
    published: dt.date | None = None,
    article_id: str = "",
) -> list[Figure]:
    """Every figure in a plain text (offsets into `text`), in text order."""
    return _figures_in(article_id, text, config or FiguresConfig(), published)


def extract(article: Article, config: FiguresConfig | None = None) -> list[Figure]:
    """Every figure in the article body, qualifiers turned into bounds."""
    return extract_text(article.text, config, article.published, article.article_id)
