"""Articles and corpora: reading a folder of .txt files, cleaning web-extraction debris."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsaudit.config import ARTICLE_SUFFIX, METADATA_COLUMNS, METADATA_FILE, CorpusConfig


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
    notes: tuple[str, ...] = field(default=())

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


# ---------------------------------------------------------------------------------------------
# Cleaning (pure)
# ---------------------------------------------------------------------------------------------
_TERMINAL = tuple(".!?\"'”’)»:;…")


def _compiled(config: CorpusConfig) -> re.Pattern[str]:
    return re.compile(
        "|".join(f"(?:{p})" for p in config.boilerplate_patterns), re.IGNORECASE | re.UNICODE
    )


def _is_credit(line: str) -> bool:
    return bool(re.match(r"(image|photo|picture|video)\s*(credit|source)", line, re.I))


def split_lines(raw: str) -> list[str]:
    """Normalise newlines and Unicode (NFC), strip trailing space, drop zero-width characters."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    raw = unicodedata.normalize("NFC", raw)
    raw = re.sub("[\u200b\u200c\u200d\u2060\ufeff]", "", raw)
    return [line.rstrip() for line in raw.split("\n")]


def clean(raw: str, config: CorpusConfig | None = None) -> tuple[str, list[str], list[str]]:
    """Split raw text into (headline, body paragraphs, removed boilerplate lines).

    Line 1 (first non-blank) is the headline. Whole lines matching a boilerplate pattern, the
    caption line right above a credit line, and a truncated teaser that repeats the start of a
    later paragraph are removed and returned so the report can list them.
    """
    config = config or CorpusConfig()
    pattern = _compiled(config)
    lines = split_lines(raw)
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        return "", [], []
    headline = " ".join(lines[0].split())
    body = [" ".join(line.split()) for line in lines[1:]]
    body = [line for line in body if line]
    removed_idx: set[int] = set()
    for i, line in enumerate(body):
        if pattern.fullmatch(line):
            removed_idx.add(i)
            if _is_credit(line) and i > 0 and i - 1 not in removed_idx:
                prev = body[i - 1]
                if len(prev.split()) <= config.caption_max_words and not prev.endswith(_TERMINAL):
                    removed_idx.add(i - 1)
    for i, line in enumerate(body):
        if i in removed_idx or len(line) < config.teaser_min_chars or line.endswith(_TERMINAL):
            continue
        if any(
            other.startswith(line) and len(other) > len(line)
            for j, other in enumerate(body)
            if j != i and j not in removed_idx
        ):
            removed_idx.add(i)
    paragraphs = [line for i, line in enumerate(body) if i not in removed_idx]
    removed = [line for i, line in enumerate(body) if i in removed_idx]
    return headline, paragraphs, removed


# ---------------------------------------------------------------------------------------------
# Reading (IO at the edge)
# ---------------------------------------------------------------------------------------------
def decode(data: bytes, path: Path | str) -> tuple[str, list[str]]:
    """Bytes to text: UTF-8 (BOM allowed), else Windows-1252 with a warning; binary is rejected."""
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:8192]:
        raise CorpusError(path, "looks like a binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
            warnings.append(f"{path}: not valid UTF-8, decoded as Windows-1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            warnings.append(f"{path}: not valid UTF-8, decoded as Latin-1")
    controls = sum(
        1 for ch in text[:8192] if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f"
    )
    if controls > max(8, len(text[:8192]) // 50):
        raise CorpusError(path, "looks like a binary file (many control characters), not text")
    return text, warnings


def sha256_bytes(data: bytes) -> str:
    """Hex sha256 of raw file bytes."""
    return hashlib.sha256(data).hexdigest()


def parse_date(value: str, path: Path | str) -> dt.date | None:
    """ISO date (YYYY-MM-DD, or a full ISO timestamp) from metadata; blank gives None."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise CorpusError(
            path, f"bad date {value!r} in column 'published' (want YYYY-MM-DD)"
        ) from None


def read_metadata(root: Path) -> dict[str, dict[str, str]]:
    """metadata.csv rows keyed by file name (relative to the corpus folder); {} when absent."""
    path = root / METADATA_FILE
    if not path.exists():
        return {}
    text, _ = decode(path.read_bytes(), path)
    rows = list(csv.DictReader(text.splitlines()))
    if rows and "file" not in rows[0]:
        raise CorpusError(path, "missing required column 'file'")
    out: dict[str, dict[str, str]] = {}
    for row in rows:
        name = (row.get("file") or "").strip()
        if name:
            out[name] = {k: (row.get(k) or "").strip() for k in METADATA_COLUMNS if k != "file"}
    return out


def article_from_bytes(
    data: bytes,
    file: str,
    meta: dict[str, str] | None = None,
    config: CorpusConfig | None = None,
) -> Article:
    """Build an Article from raw file bytes; raises CorpusError for unusable input."""
    config = config or CorpusConfig()
    text, warnings = decode(data, file)
    headline, paragraphs, removed = clean(text, config)
    if not headline:
        raise CorpusError(file, "empty file (no headline on line 1)")
    if not paragraphs:
        warnings.append(f"{file}: headline only, no body text")
    meta = meta or {}
    stem = Path(file).with_suffix("").as_posix()
    return Article(
        article_id=stem,
        file=file,
        title=headline,
        text="\n\n".join(paragraphs),
        paragraphs=tuple(paragraphs),
        boilerplate=tuple(removed),
        sha256=sha256_bytes(data),
        outlet=meta.get("outlet", ""),
        published=parse_date(meta.get("published", ""), Path(file).name)
        if meta.get("published")
        else None,
        url=meta.get("url", ""),
        warnings=tuple(warnings),
    )


def article_files(root: Path) -> tuple[list[Path], list[str]]:
    """The .txt files below root (sorted), and notes on files that were skipped."""
    files, notes = [], []
    for path in sorted(root.rglob("*"), key=lambda p: p.as_posix()):
        if not path.is_file() or any(
            part.startswith(".") for part in path.relative_to(root).parts
        ):
            continue
        if path.suffix.lower() == ARTICLE_SUFFIX:
            files.append(path)
        elif path.name != METADATA_FILE:
            notes.append(f"{path.relative_to(root).as_posix()}: not a .txt article, ignored")
    return files, notes


def load(root: Path | str, config: CorpusConfig | None = None) -> Corpus:
    """Read every .txt article below `root` (first line = headline) into a Corpus."""
    config = config or CorpusConfig()
    root = Path(root)
    if not root.is_dir():
        raise CorpusError(root, "not a folder of .txt articles")
    metadata = read_metadata(root)
    files, notes = article_files(root)
    if not files:
        raise CorpusError(root, "no .txt articles found")
    articles = []
    for path in files:
        rel = path.relative_to(root).as_posix()
        if path.stat().st_size > config.max_bytes:
            raise CorpusError(rel, f"file larger than {config.max_bytes} bytes")
        meta = metadata.get(rel) or metadata.get(path.name) or {}
        try:
            articles.append(article_from_bytes(path.read_bytes(), rel, meta, config))
        except CorpusError as err:
            raise CorpusError(root / rel, err.problem) from None
    known = {a.file for a in articles} | {Path(a.file).name for a in articles}
    for name in sorted(set(metadata) - known):
        notes.append(f"{METADATA_FILE}: row for unknown file {name!r} ignored")
    for article in articles:
        notes.extend(article.warnings)
    return Corpus(articles=tuple(articles), root=str(root), notes=tuple(notes))


def from_texts(
    texts: Sequence[str] | dict[str, str], config: CorpusConfig | None = None
) -> Corpus:
    """A Corpus from in-memory raw texts (first line = headline); ids are keys or 000, 001, ..."""
    items = (
        texts.items()
        if isinstance(texts, dict)
        else ((f"{i:03d}", t) for i, t in enumerate(texts))
    )
    articles = [
        article_from_bytes(raw.encode("utf-8"), f"{key}{ARTICLE_SUFFIX}", None, config)
        for key, raw in items
    ]
    return Corpus(articles=tuple(sorted(articles, key=lambda a: a.article_id)))
