"""Reading a folder: article files, metadata.csv, one article per file, the whole corpus."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import io
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsaudit.config import (
    ARTICLE_SUFFIX,
    METADATA_COLUMNS,
    METADATA_FILE,
    PARAM_FILES,
    CorpusConfig,
)
from newsaudit.corpus.clean import clean
from newsaudit.corpus.decode import decode
from newsaudit.corpus.model import Article, Corpus, CorpusError
from newsaudit.corpus.webpage import html_to_text, looks_like_html


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


def read_metadata(root: Path) -> tuple[dict[str, dict[str, str]], list[str]]:
    """metadata.csv rows keyed by file name (relative to the corpus folder), and notes.

    The researcher writes this file, so it is checked strictly: no 'file' column, malformed CSV
    or a bad date stops the run (exit 2) naming the line; unknown columns are noted.
    """
    path = root / METADATA_FILE
    if not path.is_file():
        return {}, []
    text, notes = decode(path.read_bytes(), path)
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        fields = [f.strip() for f in reader.fieldnames or []]
        rows = list(reader)
    except csv.Error as err:
        raise CorpusError(
            path, f"not valid CSV at line {reader.reader.line_num} ({err})"
        ) from None
    if "file" not in fields:
        raise CorpusError(
            path, "missing required column 'file' (columns: file,outlet,published,url)"
        )
    unknown = [f for f in fields if f not in METADATA_COLUMNS]
    if unknown:
        notes.append(f"{METADATA_FILE}: columns {', '.join(map(repr, unknown))} ignored")
    out: dict[str, dict[str, str]] = {}
    for line, row in enumerate(rows, 2):
        row = {(k or "").strip(): v for k, v in row.items()}
        name = unicodedata.normalize("NFC", (row.get("file") or "").strip().replace("\\", "/"))
        name = name.removeprefix("./")  # Windows separators and ./ prefixes name the same file
        if not name:
            continue
        values = {
            k: (row.get(k) or "").strip() if isinstance(row.get(k), str) else ""
            for k in METADATA_COLUMNS
            if k != "file"
        }
        parse_date(values.get("published", ""), f"{path} line {line} ({name})")
        if name in out:
            notes.append(f"{METADATA_FILE} line {line}: second row for {name!r} ignored")
            continue
        out[name] = values
    return out, notes


def article_from_bytes(
    data: bytes,
    file: str,
    meta: dict[str, str] | None = None,
    config: CorpusConfig | None = None,
    article_id: str = "",
) -> Article:
    """Build an Article from raw file bytes; raises CorpusError for unusable input."""
    config = config or CorpusConfig()
    if not data:
        raise CorpusError(file, "empty file (0 bytes)")
    text, warnings = decode(data, file)
    if looks_like_html(text):
        text = html_to_text(text)
        warnings.append(f"{file}: looks like HTML saved as .txt; tags stripped")
    headline, paragraphs, removed = clean(text, config)
    if not headline:
        raise CorpusError(file, "empty file (only whitespace)")
    if len(headline.split()) > config.headline_max_words:
        warnings.append(
            f"{file}: first line has {len(headline.split())} words, too long for a headline; "
            "kept as body text, title left empty"
        )
        paragraphs, headline = [headline, *paragraphs], ""
    if not paragraphs:
        warnings.append(f"{file}: headline only, no body text (kept, with nothing to analyse)")
    meta = meta or {}
    return Article(
        article_id=article_id or Path(file).with_suffix("").as_posix(),
        file=file,
        title=headline,
        text="\n\n".join(paragraphs),
        paragraphs=tuple(paragraphs),
        boilerplate=tuple(removed),
        sha256=sha256_bytes(data),
        outlet=meta.get("outlet", ""),
        published=parse_date(meta.get("published", ""), file),
        url=meta.get("url", ""),
        warnings=tuple(warnings),
    )


def display_name(relative: str) -> str:
    """A file path as shown in outputs: NFC-normalised (macOS writes NFD), bytes that are not
    UTF-8 (surrogate escapes from the file system) replaced by U+FFFD, control characters
    (a newline in a name) by '?', so every message stays one line."""
    fixed = relative.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    fixed = "".join("?" if unicodedata.category(ch) == "Cc" else ch for ch in fixed)
    return unicodedata.normalize("NFC", fixed)


def _listed(names: list[str], limit: int) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def article_files(root: Path, config: CorpusConfig | None = None) -> tuple[list[Path], list[str]]:
    """The .txt files below root, nested folders included (sorted by path), and a note on the
    other files that were ignored. Hidden files and folders (.git, .DS_Store) are skipped."""
    config = config or CorpusConfig()
    files, ignored = [], []
    for path in sorted(root.rglob("*"), key=lambda p: p.as_posix()):
        parts = path.relative_to(root).parts
        if any(part.startswith(".") for part in parts) or not path.is_file():
            continue
        if path.suffix.lower() == ARTICLE_SUFFIX:
            files.append(path)
        elif path.relative_to(root).as_posix() not in (METADATA_FILE, *PARAM_FILES):
            ignored.append(display_name(path.relative_to(root).as_posix()))
    notes = []
    if ignored:
        notes.append(
            f"ignored {len(ignored)} file(s) that are not {ARTICLE_SUFFIX} articles: "
            + _listed(ignored, config.max_listed_files)
        )
    return files, notes


def _read(path: Path, shown: str, config: CorpusConfig) -> bytes:
    try:
        size = path.stat().st_size
        if size > config.max_bytes:
            raise CorpusError(
                shown,
                f"file is {size / 2**20:.1f} MiB, over the {config.max_bytes / 2**20:.1f} MiB "
                "limit for one article (a dump or several articles?); raise corpus.max_bytes "
                "with --params to read it",
            )
        with path.open("rb") as fh:
            return fh.read(config.max_bytes + 1)
    except OSError as err:
        raise CorpusError(shown, f"cannot read ({err.strerror or err})") from None


@dataclass(frozen=True)
class FileJob:
    """One article file to read: where it is, how it is shown, its id and metadata row."""

    path: str
    rel: str
    article_id: str
    meta: dict[str, str]


def read_job(job: FileJob, config: CorpusConfig) -> Article | tuple[str, str]:
    """Read one file: its Article, or (file, problem) when it is unusable. Pure but for the
    read, so it can run anywhere (a thread, a Dask worker)."""
    try:
        data = _read(Path(job.path), job.rel, config)
        return article_from_bytes(data, job.rel, job.meta, config, job.article_id)
    except CorpusError as err:
        return (job.rel, err.problem)


Mapper = Callable[[Callable[[FileJob], "Article | tuple[str, str]"], list[FileJob]], Iterable]


def load(
    root: Path | str, config: CorpusConfig | None = None, mapper: Mapper | None = None
) -> Corpus:
    """Read every .txt article below `root` (first line = headline) into a Corpus.

    Unusable files (empty, whitespace only, binary, over `max_bytes`, unreadable) are skipped with
    a warning in `notes`, or raise CorpusError when `config.strict`; a folder with no usable
    article always raises. Identical files are both kept (syndicated copies are real reuse) and
    noted. Every warning is one line that starts with the file name. `mapper(fn, jobs)` reads
    the files (default: one after another; the Dask engine maps them over its workers).
    """
    config = config or CorpusConfig()
    root = Path(root)
    if not root.is_dir():
        raise CorpusError(root, "not a folder of .txt articles")
    metadata, meta_notes = read_metadata(root)
    files, notes = article_files(root, config)
    notes.extend(meta_notes)
    if not files:
        raise CorpusError(root, f"no {ARTICLE_SUFFIX} articles found")
    jobs: list[FileJob] = []
    used_ids: set[str] = set()
    for path in files:
        rel = display_name(path.relative_to(root).as_posix())
        if "\ufffd" in rel:
            notes.append(f"{rel}: file name is not valid UTF-8; shown with '\ufffd'")
        article_id = Path(rel).with_suffix("").as_posix()
        if article_id in used_ids:
            notes.append(f"{rel}: id {article_id!r} already used; using {rel!r} as its id")
            article_id = rel
        used_ids.add(article_id)
        meta = metadata.get(rel) or metadata.get(Path(rel).name) or {}
        jobs.append(FileJob(str(path), rel, article_id, meta))
    read = functools.partial(read_job, config=config)
    outcomes = list(mapper(read, jobs) if mapper else map(read, jobs))
    articles: list[Article] = []
    skipped: list[tuple[str, str]] = []
    for outcome in outcomes:
        if isinstance(outcome, Article):
            articles.append(outcome)
        elif config.strict:
            raise CorpusError(root / outcome[0], outcome[1])
        else:
            skipped.append(outcome)
    articles.sort(key=lambda a: a.article_id)  # ids are NFC: stable whatever the file system
    notes.extend(f"{file}: skipped: {problem}" for file, problem in skipped)
    if not articles:
        problems = "; ".join(f"{f}: {p}" for f, p in skipped[: config.max_listed_files])
        raise CorpusError(root, f"no usable {ARTICLE_SUFFIX} articles ({problems})")
    known = {a.file for a in articles} | {Path(a.file).name for a in articles}
    known |= {file for file, _ in skipped} | {Path(file).name for file, _ in skipped}
    for name in sorted(set(metadata) - known):
        notes.append(f"{METADATA_FILE}: row for unknown file {name!r} ignored")
    docs = Corpus(articles=tuple(articles), root=str(root), skipped=tuple(skipped))
    for group in docs.duplicates():
        notes.append(
            f"{group[0]}: identical to {_listed(list(group[1:]), config.max_listed_files)} "
            "(same bytes); all kept, so their overlap is complete"
        )
    for article in articles:
        notes.extend(article.warnings)
    return Corpus(
        articles=tuple(articles), root=str(root), notes=tuple(notes), skipped=tuple(skipped)
    )


def from_texts(
    texts: Sequence[str] | dict[str, str], config: CorpusConfig | None = None
) -> Corpus:
    """A Corpus from in-memory raw texts (first line = headline); ids are keys or 000, 001, ...

    Strict: an empty text raises CorpusError. Lone surrogates are replaced, not fatal.
    """
    items = (
        texts.items()
        if isinstance(texts, dict)
        else ((f"{i:03d}", t) for i, t in enumerate(texts))
    )
    articles = [
        article_from_bytes(
            raw.encode("utf-8", "replace"), f"{key}{ARTICLE_SUFFIX}", None, config, str(key)
        )
        for key, raw in items
    ]
    notes = tuple(w for a in articles for w in a.warnings)
    return Corpus(articles=tuple(sorted(articles, key=lambda a: a.article_id)), notes=notes)
