"""Reading's fast paths give what the general path gives, on tricky inputs.

Each shortcut in `newsaudit.corpus` (ASCII text, no mojibake bytes, single-spaced lines,
directory listing without Path objects, sized reads, parts sent back by pool workers) is
checked here against the general computation it replaces.
"""

from __future__ import annotations

import codecs
import contextlib
import gc
import importlib
import os
import unicodedata
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsaudit import corpus, pipeline, runner
from newsaudit.config import CorpusConfig

# The modules (the package re-exports functions of the same names as `clean` and `decode`).
clean_module = importlib.import_module("newsaudit.corpus.clean")
decode_module = importlib.import_module("newsaudit.corpus.decode")
files_module = importlib.import_module("newsaudit.corpus.files")

# Text pieces that exercise every branch: accents, mojibake, zero-width and odd whitespace,
# CRLF, controls (C0, DEL, C1), HTML, boilerplate, teasers.
PIECES = [
    "Headline",
    "word",
    "Café",
    "e\u0301",
    "“quoted” it’s",
    "Itâ€™s",
    "CafÃ©",
    "â€œWe leave,â€\x9d",
    "\u200b",
    "\ufeff",
    " ",
    "  ",
    "\t",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x85",
    "\xa0",
    "\u2028",
    "\u3000",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\x00",
    "\x01",
    "\x7f",
    "\x9b",
    "Post a Comment",
    "Photo credit: AP",
    "Share this:",
    "<p>",
    "<html>",
    "A line long enough to be taken for a truncated teaser",
    "A line long enough to be taken for a truncated teaser, and the rest of it.",
    "北京 😀",
]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
ASCII_TEXTS = st.text(alphabet=st.characters(max_codepoint=127), max_size=300)
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252", "latin-1"]

TRICKY = {
    "ascii": b"Headline\n\nOne paragraph.\n\nTwo paragraphs.\n",
    "crlf": b"Headline\r\nBody  with  double spaces.\r\n\r\nShare this:\r\n",
    "tabs": b"Head\tline\n\tIndented\tbody.\x0c\n",
    "leading-space": b"  Headline \n body line \n",
    "bom": codecs.BOM_UTF8 + "Café\nNaïve body.\n".encode(),
    "utf16": "Café\nBody “quoted”.\n".encode("utf-16"),
    "cp1252": "Café\nDjiré said “yes”.\n".encode("cp1252"),
    "mojibake": "Itâ€™s\nCafÃ© body.\n".encode(),
    "zero-width": "Head\u200bline\nBody\ufeff text.\n".encode(),
    "nfd": "Cafe\u0301\nBody.\n".encode(),
    "html": b"<!DOCTYPE html><html><title>T</title><body><h1>H  1</h1><p>A.</p></body></html>",
    "controls": b"Head\n" + b"\x01\x02 body " * 40,
    "c1-controls": b"Head\n" + "\x85\x9b body ".encode() * 40,
    "nul": b"Head\nbo\x00dy\n",
    "png": b"\x89PNG\r\n\x1a\n\x00\x00",
    "pdf": b"%PDF-1.4\nbody\n",
    "empty": b"",
    "blank": b" \n\t\n",
    "headline-only": b"Headline\n",
}


def outcome(fn, *args):
    """fn's value, or its CorpusError message: both paths must agree on errors too."""
    try:
        return fn(*args)
    except corpus.CorpusError as err:
        return str(err)


@pytest.mark.parametrize("data", TRICKY.values(), ids=TRICKY.keys())
def test_decode_without_the_mojibake_shortcut_is_the_same(data):
    fast = outcome(corpus.decode, data, "a.txt")
    with mock.patch.object(decode_module, "_may_show_mojibake", lambda data: True):
        assert outcome(corpus.decode, data, "a.txt") == fast


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.sampled_from(ENCODINGS))
def test_decode_shortcuts_change_nothing_on_any_text(text, encoding):
    data = text.encode(encoding, "replace")
    fast = outcome(corpus.decode, data, "a.txt")
    with mock.patch.object(decode_module, "_may_show_mojibake", lambda data: True):
        assert outcome(corpus.decode, data, "a.txt") == fast


@settings(max_examples=300, deadline=None)
@given(st.one_of(TEXTS, st.text(max_size=300)))
def test_control_count_by_bytes_is_the_regex_count(sample):
    assert decode_module._controls(sample) == len(decode_module._CONTROL.findall(sample))


@pytest.mark.parametrize("data", TRICKY.values(), ids=TRICKY.keys())
def test_clean_without_the_single_space_shortcut_is_the_same(data):
    text = outcome(corpus.decode, data, "a.txt")
    if isinstance(text, str):
        return
    fast = corpus.clean(text[0])
    with mock.patch.object(clean_module, "_single_spaced", lambda text: False):
        assert corpus.clean(text[0]) == fast


@settings(max_examples=300, deadline=None)
@given(st.one_of(TEXTS, ASCII_TEXTS))
def test_clean_shortcuts_change_nothing_on_any_text(raw):
    fast = corpus.clean(raw)
    with mock.patch.object(clean_module, "_single_spaced", lambda text: False):
        assert corpus.clean(raw) == fast


@settings(max_examples=300, deadline=None)
@given(st.one_of(TEXTS, st.text(max_size=200)))
def test_normalising_skips_only_what_ascii_text_cannot_hold(raw):
    general = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    for ch in "\u200b\u200c\u200d\u2060\ufeff":
        general = general.replace(ch, "")
    assert clean_module._normalised(raw) == general


@pytest.mark.parametrize(
    "name",
    ["a.txt", "a b.txt", "a\nb.txt", "a\x7f.txt", "é.txt", "e\u0301.txt", "a\udcff.txt", "tab\t"],
)
def test_display_name_shortcut_for_printable_ascii(name):
    fixed = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    fixed = "".join("?" if unicodedata.category(ch) == "Cc" else ch for ch in fixed)
    assert corpus.display_name(name) == unicodedata.normalize("NFC", fixed)


@pytest.mark.parametrize(
    "relative",
    ["a.txt", "sub/a.TXT", "a.b.txt", "a..txt", "a.", "sub.d/a", "sub/.txt", "x.txt/y", "a"],
)
def test_suffix_and_stem_are_pathlibs(relative):
    path = Path(relative)
    assert files_module._suffix(path.name) == path.suffix
    assert files_module._stem_path(relative) == path.with_suffix("").as_posix()


def _tree(root: Path) -> None:
    """Nested and hidden folders, linked and broken entries, odd names, non-.txt files."""
    for rel in ["b.txt", "a.TXT", "a-b.txt", "sub/c.txt", "sub/deeper/d.txt", "x.txt/e.txt"]:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(b"Head\nBody.\n")
    for rel in [".hidden.txt", ".git/f.txt", "sub/.cache/g.txt", "notes.md", "metadata.csv"]:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(b"file,outlet\n" if rel.endswith(".csv") else b"x\n")
    (root / "linked").symlink_to(root / "sub", target_is_directory=True)
    (root / "link.txt").symlink_to(root / "b.txt")
    (root / "broken.txt").symlink_to(root / "missing.txt")
    (root / "empty").mkdir()
    if os.uname().sysname == "Linux":  # other systems refuse names that are not UTF-8
        with open(os.path.join(os.fsencode(root), b"bad\xffname.txt"), "wb") as fh:
            fh.write(b"Head\nBody.\n")


def test_listing_finds_what_rglob_finds(tmp_path):
    _tree(tmp_path)
    files, _ = corpus.article_files(tmp_path)
    expected = [
        path
        for path in sorted(tmp_path.rglob("*"), key=lambda p: p.as_posix())
        if not any(part.startswith(".") for part in path.relative_to(tmp_path).parts)
        and path.is_file()
        and path.suffix.lower() == ".txt"
    ]
    assert files == expected


@pytest.mark.parametrize("size", [0, 1, 4095, 4096, 4097, 100, 101, 102])
def test_sized_read_is_a_buffered_read(tmp_path, size):
    path = tmp_path / "a.txt"
    path.write_bytes(bytes(range(256)) * (size // 256) + bytes(size % 256))
    config = CorpusConfig(max_bytes=101)
    try:
        got = files_module._read(str(path), "a.txt", config)
    except corpus.CorpusError as err:
        assert size > config.max_bytes and "over the" in str(err)
        return
    with path.open("rb") as fh:
        assert got == fh.read(config.max_bytes + 1)


def test_unreadable_path_is_one_line_naming_the_file(tmp_path):
    with pytest.raises(corpus.CorpusError, match=r"^a\.txt: cannot read \(No such file"):
        files_module._read(str(tmp_path / "missing.txt"), "a.txt", CorpusConfig())


@pytest.mark.parametrize("data", TRICKY.values(), ids=TRICKY.keys())
def test_article_from_parts_is_the_article(data):
    article = outcome(corpus.article_from_bytes, data, "a.txt")
    if isinstance(article, str):
        return
    assert article.text == "\n\n".join(article.paragraphs)
    parts = corpus.parts_from_bytes(data, "a.txt")
    assert corpus.assemble(parts, "a.txt") == article


def test_pool_reads_the_same_corpus_as_one_process(tmp_path):
    """Enough files for the pool to fork (see runner.MIN_ITEMS_PER_WORKER), every tricky kind."""
    for i in range(3):
        for name, data in TRICKY.items():
            (tmp_path / f"{name}-{i}.txt").write_bytes(data)
    (tmp_path / "metadata.csv").write_text(
        "file,outlet,published\nascii-0.txt,Reuters,2023-06-16\nnone.txt,AP,\n", encoding="utf-8"
    )
    serial = corpus.load(tmp_path)
    pooled = pipeline.load(tmp_path, run=runner.Pool(workers=2))
    assert pooled == serial
    assert len(serial.articles) == 3 * 13 and len(serial.skipped) == 3 * 6


@pytest.mark.parametrize("files", [{"a.txt": b"Head\nBody.\n"}, {"a.txt": b""}])
def test_collector_is_back_on_after_loading_or_failing(tmp_path, files):
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    with contextlib.suppress(corpus.CorpusError):
        corpus.load(tmp_path)
    assert gc.isenabled()
