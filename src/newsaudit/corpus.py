"""Articles and corpora: reading a folder of .txt files, cleaning web-extraction debris."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from newsaudit.config import (
    ARTICLE_SUFFIX,
    METADATA_COLUMNS,
    METADATA_FILE,
    PARAM_FILES,
    CorpusConfig,
)


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
# Decoding and HTML (pure over bytes and strings)
# ---------------------------------------------------------------------------------------------
# File signatures of formats people save or rename by mistake; named in the error message.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt document)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word .doc document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program (ELF executable)"),
)
_SAVE_AS_TEXT = "save the article as plain UTF-8 text"
# Mojibake's signature: a UTF-8 lead byte read as Windows-1252/Latin-1 ("Ã", "â", "ð") followed
# by a continuation byte read the same way ("©", "€", "Ÿ"), or a stray C1 control. Text without
# one is clean and never handed to ftfy (which costs ~0.3 s per MB).
_MOJIBAKE = re.compile(
    "[\u00c0-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039"
    "\u203a\u20ac\u2122]|[\u0080-\u009f]"
)


def _binary_kind(data: bytes) -> str:
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            return kind
    return ""


def repair_encoding(text: str) -> str:
    """The text with mojibake undone ("Itâ€™s", "CafÃ©", "cafÃƒÂ©" -> "It’s", "Café", "café").

    Only ftfy's encoding fixes run (no quote straightening, no normalisation), and only on text
    showing mojibake's signature, so clean text, curly quotes and accents are left untouched.
    Mixed text (some characters broken, some not) is repaired piece by piece.
    """
    if not _MOJIBAKE.search(text):
        return text
    import ftfy  # local: most corpora never need it

    return ftfy.fix_encoding(text)


def decode(data: bytes, path: Path | str) -> tuple[str, list[str]]:
    """Bytes to text, with a warning naming the file whenever the text was not clean UTF-8.

    UTF-8 (BOM allowed) is read as is; UTF-16/32 with a BOM is decoded; double-encoded UTF-8
    ("CafÃ©", "Itâ€™s") is repaired by `repair_encoding`; mostly-UTF-8 with a few bad bytes
    keeps UTF-8 and replaces them; any other non-UTF-8 text is Windows-1252 (or Latin-1, its
    subset). Binary files (known signatures, NUL bytes, control characters) raise CorpusError.
    """
    warnings: list[str] = []
    kind = _binary_kind(data)
    if kind:
        raise CorpusError(path, f"binary file: looks like {kind}, not text ({_SAVE_AS_TEXT})")
    for bom, codec in (
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                raise CorpusError(path, f"starts with a {codec} mark but is not {codec}") from None
            warnings.append(
                f"{path}: decoded as {codec.upper()} (byte-order mark); UTF-8 preferred"
            )
            return _check_controls(text, path), warnings
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:8192]:
        raise CorpusError(path, "looks like a binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
        repaired = repair_encoding(text)
        if repaired != text:
            text = repaired
            warnings.append(
                f"{path}: repaired double-encoded UTF-8 (mojibake such as 'â€™' for '’', "
                "'Ã©' for 'é'; ftfy)"
            )
    except UnicodeDecodeError:
        lenient = data.decode("utf-8", errors="replace")
        bad = lenient.count("\ufffd")
        good = sum(1 for ch in lenient if ord(ch) > 127 and ch != "\ufffd")
        if good > 2 * bad:
            text = lenient
            warnings.append(f"{path}: {bad} invalid UTF-8 byte sequence(s) replaced by '\ufffd'")
        elif any(0x80 <= b <= 0x9F for b in data):
            text = data.decode("cp1252", errors="replace")
            warnings.append(
                f"{path}: not valid UTF-8; decoded as Windows-1252"
                + (" (undefined bytes replaced by '\ufffd')" if "\ufffd" in text else "")
            )
        else:
            text = data.decode("latin-1")
            warnings.append(f"{path}: not valid UTF-8; decoded as Latin-1 (ISO-8859-1)")
    return _check_controls(text, path), warnings


def _check_controls(text: str, path: Path | str) -> str:
    sample = text[:8192]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    if controls > max(8, len(sample) // 50):
        raise CorpusError(path, "looks like a binary file (many control characters), not text")
    return text


_HTML_START = re.compile(r"\A\s*<(?:!doctype\s+html|html|\?xml|head|body|!--)", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(?:p|div|br|h[1-6]|article|section|span|a|li|ul|ol|body|head|title|meta|script|"
    r"style|table|tr|td|img|header|footer|nav|main)\b[^<>]*>",
    re.IGNORECASE,
)
_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
    ]
)
# Elements whose content is never article text.
_SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "canvas",
        "iframe",
        "object",
        "nav",
        "footer",
        "aside",
        "form",
        "button",
        "select",
        "head",
    ]
)
_H1_END = "\n\x00h1-end\n"  # html_to_text drops NULs from the page, so this is unique
_VOID_TAGS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)


def looks_like_html(text: str) -> bool:
    """True for a web page saved as .txt: it starts with a document tag (<!DOCTYPE html>,
    <html>, <head>, <body>), or its first line is a tag and it holds at least three HTML tags.

    An article whose first line is a plain headline is never HTML: tags quoted in its body
    (a story about `<script>` injection) stay literal text.
    """
    if _HTML_START.match(text):
        return True
    stripped = text.lstrip()
    return (
        stripped.startswith("<")
        and bool(_HTML_TAG.match(stripped))
        and len(_HTML_TAG.findall(text[:100_000])) >= 3
    )


class _TextExtractor(HTMLParser):
    """Visible text of an HTML page, one line per block element; <title> and first <h1> kept."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip: list[str] = []
        self.title: list[str] = []
        self.h1: list[str] = []
        self.in_title = False
        self.in_h1 = False
        self.h1_seen = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in _SKIP_TAGS and tag not in _VOID_TAGS:
            self.skip.append(tag)
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
        if tag == "h1" and not self.h1_seen and not self.skip:
            self.in_h1 = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if self.skip and tag == self.skip[-1]:
            self.skip.pop()
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
        if tag == "h1" and self.in_h1:
            self.in_h1, self.h1_seen = False, True
            self.parts.append(_H1_END)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        if self.skip:
            return
        if self.in_h1:
            self.h1.append(data)
        self.parts.append(data)


def html_to_text(page: str) -> str:
    """A web page as newsaudit's text format: headline line (first <h1>, else <title>), then
    one line per block of visible text after it; scripts, styles, navigation and forms dropped."""
    parser = _TextExtractor()
    try:
        parser.feed(page.replace("\x00", ""))
        parser.close()
    except AssertionError:  # the stdlib parser asserts on malformed "<![...": tags out by rule
        parser = _TextExtractor()
        parser.feed(re.sub(r"<![^>]*>?", " ", page.replace("\x00", "")))
        parser.close()
    text = "".join(parser.parts)
    headline = " ".join("".join(parser.h1).split()) or " ".join("".join(parser.title).split())
    if _H1_END in text:
        text = text.split(_H1_END, 1)[1]  # what precedes the headline is page furniture
    lines = [" ".join(line.split()) for line in text.split("\n")]
    lines = [line for line in lines if line]
    if lines and lines[0] == headline:
        lines = lines[1:]
    return "\n".join([headline, *lines])


# ---------------------------------------------------------------------------------------------
# Reading (IO at the edge)
# ---------------------------------------------------------------------------------------------
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
