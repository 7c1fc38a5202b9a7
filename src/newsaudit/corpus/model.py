"""Articles and corpora as plain data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class CorpusError(ValueError):
    """Bad input: the message is one line naming the file and what is wrong."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}")


@dataclass(frozen=True)
class Article:
    """One article: headline, cleaned body text, its paragraphs and what cleaning removed.

    `text` is the analysed body: paragraphs joined by blank lines. Every char offset reported by
    an analysis points into `text`.
    """

    article_id: str
    file: str
    title: str
    text: str
    paragraphs: tuple[str, ...]
    boilerplate: tuple[str, ...] = ()
    sha256: str = ""
    outlet: str = ""
    published: dt.date | None = None
    url: str = ""
    warnings: tuple[str, ...] = ()

    @classmethod
    def of(cls, **fields: Any) -> Article:
        """An Article from every one of its fields, without the dataclass `__init__` (frozen:
        a checked `setattr` per field, most of the cost of making the 100,000 articles of an
        archive in the process that reads them)."""
        article = object.__new__(cls)
        article.__dict__.update(fields)
        return article

    @property
    def words(self) -> int:
        """Number of whitespace-separated words in the body."""
        return len(self.text.split())

    def paragraph_spans(self) -> list[tuple[int, int]]:
        """(start, end) char offsets of each paragraph in `text`."""
        spans, pos = [], 0
        for para in self.paragraphs:
            spans.append((pos, pos + len(para)))
            pos += len(para) + 2
        return spans


@dataclass(frozen=True)
class Corpus:
    """An ordered collection of articles (sorted by article_id) and where it came from."""

    articles: tuple[Article, ...]
    root: str = ""
    notes: tuple[str, ...] = field(default=())  # one line each, starting with the file name
    skipped: tuple[tuple[str, str], ...] = ()  # (file, problem) of unusable files left out

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def __len__(self) -> int:
        return len(self.articles)

    def __getitem__(self, article_id: str) -> Article:
        for article in self.articles:
            if article.article_id == article_id:
                return article
        raise KeyError(article_id)

    @property
    def ids(self) -> list[str]:
        """Article ids in corpus order."""
        return [a.article_id for a in self.articles]

    def hashes(self) -> dict[str, str]:
        """file -> sha256 of the raw bytes, for manifests and cache keys."""
        return {a.file: a.sha256 for a in self.articles}

    def duplicates(self) -> list[tuple[str, ...]]:
        """Groups of files with identical bytes, each group in corpus order."""
        groups: dict[str, list[str]] = {}
        for article in self.articles:
            groups.setdefault(article.sha256, []).append(article.file)
        return [tuple(files) for files in groups.values() if len(files) > 1]


# ---------------------------------------------------------------------------------------------
# Cleaning (pure)
# ---------------------------------------------------------------------------------------------
