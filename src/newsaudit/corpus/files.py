"""Reading a folder: article files, metadata.csv, one article per file, the whole corpus."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import io
import os
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsaudit import runner
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


Parts = tuple[str, tuple[str, ...], tuple[str, ...], str, tuple[str, ...]]
"""What reading one file yields: (title, paragraphs, boilerplate lines, sha256, warnings), the
Article less what the caller already knows (id, file, metadata) and less `text`, which joins
the paragraphs (see `assemble`): half the bytes a pool worker would send back otherwise."""


def parts_from_bytes(data: bytes, file: str, config: CorpusConfig | None = None) -> Parts:
    """Decode and clean raw file bytes into `Parts`; raises CorpusError for unusable input."""
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
    return (headline, tuple(paragraphs), tuple(removed), sha256_bytes(data), tuple(warnings))


def assemble(
    parts: Parts, file: str, meta: dict[str, str] | None = None, article_id: str = ""
) -> Article:
    """The Article of `parts` read from `file`, with its id and metadata row."""
    title, paragraphs, removed, sha256, warnings = parts
    meta = meta or {}
    return Article.of(
        article_id=article_id or Path(file).with_suffix("").as_posix(),
        file=file,
        title=title,
        text="\n\n".join(paragraphs),
        paragraphs=paragraphs,
        boilerplate=removed,
        sha256=sha256,
        outlet=meta.get("outlet", ""),
        published=parse_date(meta.get("published", ""), file),
        url=meta.get("url", ""),
        warnings=warnings,
    )


def article_from_bytes(
    data: bytes,
    file: str,
    meta: dict[str, str] | None = None,
    config: CorpusConfig | None = None,
    article_id: str = "",
) -> Article:
    """Build an Article from raw file bytes; raises CorpusError for unusable input."""
    return assemble(parts_from_bytes(data, file, config), file, meta, article_id)


def display_name(relative: str) -> str:
    """A file path as shown in outputs: NFC-normalised (macOS writes NFD), bytes that are not
    UTF-8 (surrogate escapes from the file system) replaced by U+FFFD, control characters
    (a newline in a name) by '?', so every message stays one line."""
    if relative.isascii() and relative.isprintable():  # ASCII's non-printables are its Cc
        return relative
    fixed = relative.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    fixed = "".join("?" if unicodedata.category(ch) == "Cc" else ch for ch in fixed)
    return unicodedata.normalize("NFC", fixed)


def _listed(names: list[str], limit: int) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def _suffix(name: str) -> str:
    """A file name's suffix as `Path.suffix` has it ('.txt' of 'a.b.txt'; none of '.txt')."""
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


def _stem_path(relative: str) -> str:
    """'sub/a.txt' -> 'sub/a', as `Path(relative).with_suffix("").as_posix()` (no Path made)."""
    suffix = _suffix(relative.rpartition("/")[2])
    return relative[: len(relative) - len(suffix)]


def _walk(root: str) -> list[str]:
    """Relative paths ('sub/a.txt') of the files below `root`, sorted, as `Path.rglob` finds
    them: into sub-folders but not linked ones, unreadable folders passed over; hidden names
    (.git, .DS_Store) and all below them left out. One `os.scandir` per folder, no stat per
    file (the directory entry says what it is) and no Path objects: 100,000 files in ~0.1 s."""
    found: list[str] = []
    folders = [("", root)]
    while folders:
        prefix, folder = folders.pop()
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except PermissionError:
            continue
        for entry in listed:
            name = entry.name
            if name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                folders.append((f"{prefix}{name}/", entry.path))
            elif entry.is_file():
                found.append(prefix + name)
    found.sort()  # the root's path is a common prefix: this is rglob's order by full path
    return found


def _listing(root: Path, config: CorpusConfig) -> tuple[list[str], list[str]]:
    """The .txt files below root as relative paths (see `_walk`), and the ignored-files note."""
    files, ignored = [], []
    for relative in _walk(str(root)):
        if _suffix(relative.rpartition("/")[2]).lower() == ARTICLE_SUFFIX:
            files.append(relative)
        elif relative not in (METADATA_FILE, *PARAM_FILES):
            ignored.append(display_name(relative))
    notes = []
    if ignored:
        notes.append(
            f"ignored {len(ignored)} file(s) that are not {ARTICLE_SUFFIX} articles: "
            + _listed(ignored, config.max_listed_files)
        )
    return files, notes


def article_files(root: Path, config: CorpusConfig | None = None) -> tuple[list[Path], list[str]]:
    """The .txt files below root, nested folders included (sorted by path), and a note on the
    other files that were ignored. Hidden files and folders (.git, .DS_Store) are skipped."""
    files, notes = _listing(Path(root), config or CorpusConfig())
    return [Path(root) / relative for relative in files], notes


def _too_large(shown: str, size: int, config: CorpusConfig) -> CorpusError:
    return CorpusError(
        shown,
        f"file is {size / 2**20:.1f} MiB, over the {config.max_bytes / 2**20:.1f} MiB "
        "limit for one article (a dump or several articles?); raise corpus.max_bytes "
        "with --params to read it",
    )


def _read(path: str, shown: str, config: CorpusConfig) -> bytes:
    """At most `max_bytes` + 1 bytes of the file; CorpusError naming `shown` when it is over
    the limit (told by its size, before reading) or cannot be read.

    Plain `os` calls sized by the file (open, fstat, read): a buffered `open().read(n)` makes a
    `max_bytes` (2 MiB) buffer per file. When opening fails the size is still told first, as
    a `stat` before opening would.
    """
    try:
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        except OSError:
            size = os.stat(path).st_size  # unreadable but too large: say so first
            if size > config.max_bytes:
                raise _too_large(shown, size, config) from None
            raise
        try:
            size = os.fstat(fd).st_size
            if size > config.max_bytes:
                raise _too_large(shown, size, config)
            limit, chunks, got = config.max_bytes + 1, [], 0
            want = min(limit, size + 1)
            while got < limit:  # until the end of the file (it may have grown) or the limit
                chunk = os.read(fd, want)
                if not chunk:
                    break
                chunks.append(chunk)
                got += len(chunk)
                want = limit - got
            return chunks[0] if len(chunks) == 1 else b"".join(chunks)
        finally:
            os.close(fd)
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
    outcome = read_parts(job, config)
    if isinstance(outcome, str):
        return (job.rel, outcome)
    return assemble(outcome, job.rel, job.meta, job.article_id)


def read_parts(job: FileJob, config: CorpusConfig) -> Parts | str:
    """Read one file: its `Parts`, or the problem when it is unusable (what `load` maps: the
    caller holds the job, so only the parts come back from a worker)."""
    try:
        return parts_from_bytes(_read(job.path, job.rel, config), job.rel, config)
    except CorpusError as err:
        return err.problem


Mapper = Callable[[Callable[[FileJob], "Parts | str"], list[FileJob]], Iterable]


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
    # Reading makes millions of objects that form no cycle (strings, tuples, Articles): the
    # collector's passes over them found nothing and cost 10-15% of the CPU time of reading
    # 100,000 articles. Pool workers forked meanwhile inherit the pause.
    with runner.paused_collector():
        return _load(Path(root), config or CorpusConfig(), mapper)


def _load(root: Path, config: CorpusConfig, mapper: Mapper | None) -> Corpus:
    """`load` (see there)."""
    if not root.is_dir():
        raise CorpusError(root, "not a folder of .txt articles")
    metadata, meta_notes = read_metadata(root)
    files, notes = _listing(root, config)
    notes.extend(meta_notes)
    if not files:
        raise CorpusError(root, f"no {ARTICLE_SUFFIX} articles found")
    jobs: list[FileJob] = []
    used_ids: set[str] = set()
    folder = str(root)
    for relative in files:
        rel = display_name(relative)
        if "\ufffd" in rel:
            notes.append(f"{rel}: file name is not valid UTF-8; shown with '\ufffd'")
        article_id = _stem_path(rel)
        if article_id in used_ids:
            notes.append(f"{rel}: id {article_id!r} already used; using {rel!r} as its id")
            article_id = rel
        used_ids.add(article_id)
        meta = metadata.get(rel) or metadata.get(rel.rpartition("/")[2]) or {}
        jobs.append(FileJob(f"{folder}/{relative}", rel, article_id, meta))
    read = functools.partial(read_parts, config=config)
    outcomes = mapper(read, jobs) if mapper else map(read, jobs)
    articles: list[Article] = []
    skipped: list[tuple[str, str]] = []
    for job, outcome in zip(jobs, outcomes, strict=True):
        if not isinstance(outcome, str):
            try:
                articles.append(assemble(outcome, job.rel, job.meta, job.article_id))
                continue
            except CorpusError as err:  # a bad date (read_metadata has checked them all)
                outcome = err.problem
        if config.strict:
            raise CorpusError(root / job.rel, outcome)
        else:
            skipped.append((job.rel, outcome))
    articles.sort(key=lambda a: a.article_id)  # ids are NFC: stable whatever the file system
    notes.extend(f"{file}: skipped: {problem}" for file, problem in skipped)
    if not articles:
        problems = "; ".join(f"{f}: {p}" for f, p in skipped[: config.max_listed_files])
        raise CorpusError(root, f"no usable {ARTICLE_SUFFIX} articles ({problems})")
    if metadata:
        files_read = [a.file for a in articles] + [file for file, _ in skipped]
        known = set(files_read) | {file.rpartition("/")[2] for file in files_read}
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
