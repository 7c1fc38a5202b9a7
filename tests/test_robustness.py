"""Messy corpora (issue #8): every bad input is handled with a warning or rejected in one line.

Policy, decided here and in corpus.load: files the researcher *collected* (article .txt files) are
skipped with a one-line warning when unusable (empty, whitespace only, binary, over the size
limit), because one broken download should not sink a 500-article run; `--strict` (corpus.strict)
turns that into exit 2. Files the researcher *wrote* (metadata.csv, --params) are checked strictly:
a bad date or a missing column is exit 2 naming the file and line. A folder with no usable article
is always exit 2. Text that is merely unusual (another encoding, HTML, CRLF, a headline only,
duplicates) is analysed, with a warning where something was changed or is suspicious.
"""

from __future__ import annotations

import os
import time
import unicodedata
from pathlib import Path

import pytest

from newsaudit import corpus, pipeline
from newsaudit.config import CorpusConfig

BODY = "Troops left Bamako on Friday.\nMore than 1,000 people watched them go."
ARTICLE = f"Peacekeepers leave Mali\n{BODY}\n".encode()
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"
STRICT = CorpusConfig(strict=True)


def write(root: Path, files: dict[str, bytes]) -> Path:
    """Write a corpus folder (names may contain sub-folders) and return it."""
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def one_line_naming(message: str, name: str) -> bool:
    return "\n" not in message and name in message


# ---------------------------------------------------------------------------------------------
# Unusable files: skipped with a warning next to good ones, exit 2 when alone or strict
# ---------------------------------------------------------------------------------------------
UNUSABLE = [
    pytest.param(b"", "empty file (0 bytes)", id="empty"),
    pytest.param(b"  \n\t\r\n \n", "empty file (only whitespace)", id="whitespace-only"),
    pytest.param(PNG, "binary file: looks like a PNG image", id="png-renamed-txt"),
    pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "looks like a PDF document", id="pdf"),
    pytest.param(b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive (or a .docx", id="docx"),
    pytest.param(b"Title\nab\x00\x00cd\x00", "contains NUL bytes", id="nul-bytes"),
    pytest.param(bytes(range(1, 32)) * 20, "many control characters", id="control-chars"),
]


@pytest.mark.parametrize(("data", "problem"), UNUSABLE)
def test_unusable_file_is_skipped_with_a_warning(tmp_path, data, problem):
    write(tmp_path, {"good.txt": ARTICLE, "bad file.txt": data})
    loaded = corpus.load(tmp_path)
    assert loaded.ids == ["good"]
    assert loaded.skipped == (("bad file.txt", loaded.skipped[0][1]),)
    (note,) = [n for n in loaded.notes if n.startswith("bad file.txt")]
    assert problem in note and one_line_naming(note, "bad file.txt")


@pytest.mark.parametrize(("data", "problem"), UNUSABLE)
def test_unusable_file_alone_or_strict_is_an_error(tmp_path, data, problem):
    write(tmp_path, {"bad file.txt": data})
    with pytest.raises(corpus.CorpusError) as alone:
        corpus.load(tmp_path)
    assert problem in str(alone.value) and one_line_naming(str(alone.value), "bad file.txt")
    write(tmp_path, {"good.txt": ARTICLE})
    with pytest.raises(corpus.CorpusError) as strict:
        corpus.load(tmp_path, STRICT)
    assert problem in str(strict.value)
    assert one_line_naming(str(strict.value), str(tmp_path / "bad file.txt"))


def test_huge_file_is_refused_by_size_without_reading_it(tmp_path):
    """50 MB in one .txt is a dump, not an article: refused from its size alone, at once."""
    write(tmp_path, {"a.txt": ARTICLE})
    with (tmp_path / "dump.txt").open("wb") as fh:
        fh.truncate(50 * 2**20)  # sparse: costs no disk, reading it would cost time
    start = time.perf_counter()
    loaded = corpus.load(tmp_path)
    assert time.perf_counter() - start < 1.0
    assert loaded.ids == ["a"]
    (note,) = [n for n in loaded.notes if n.startswith("dump.txt")]
    assert "50.0 MiB, over the 2.0 MiB limit" in note and "corpus.max_bytes" in note
    with pytest.raises(corpus.CorpusError, match=r"dump\.txt: file is 50\.0 MiB"):
        corpus.load(tmp_path, STRICT)


def test_size_limit_is_a_setting(tmp_path):
    write(tmp_path, {"a.txt": ARTICLE, "b.txt": ARTICLE + b"x" * 200})
    loaded = corpus.load(tmp_path, CorpusConfig(max_bytes=len(ARTICLE) + 10))
    assert loaded.ids == ["a"]


# ---------------------------------------------------------------------------------------------
# Encodings and line ends: decoded, with a warning naming the file, never mojibake
# ---------------------------------------------------------------------------------------------
TEXT = "Café in Bamako\nDjiré said “the mission — MINUSMA — must end” at 10 o’clock.\n"
LATIN = "Café in Bamako\nDjiré met the délégation à Bamako.\n"


@pytest.mark.parametrize(
    ("data", "warning", "expected"),
    [
        pytest.param(TEXT.encode(), None, TEXT, id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + TEXT.encode(), None, TEXT, id="utf-8-bom"),
        pytest.param(TEXT.encode("cp1252"), "decoded as Windows-1252", TEXT, id="windows-1252"),
        pytest.param(LATIN.encode("latin-1"), "decoded as Latin-1", LATIN, id="latin-1"),
        pytest.param(TEXT.encode("utf-16"), "decoded as UTF-16-LE", TEXT, id="utf-16-bom"),
        pytest.param(
            LATIN.encode("utf-8").decode("cp1252").encode("utf-8"),
            "repaired double-encoded UTF-8",
            LATIN,
            id="double-encoded",
        ),
        pytest.param(
            LATIN.encode() + b"\xff\n", "1 invalid UTF-8 byte", LATIN + "\ufffd\n", id="bad-byte"
        ),
        pytest.param(TEXT.replace("\n", "\r\n").encode(), None, TEXT, id="crlf"),
        pytest.param(TEXT.replace("\n", "\r").encode(), None, TEXT, id="old-mac-cr"),
    ],
)
def test_encodings_decode_to_the_same_text(tmp_path, data, warning, expected):
    write(tmp_path, {"w.txt": data})
    loaded = corpus.load(tmp_path)
    (article,) = loaded.articles
    want = corpus.article_from_bytes(expected.encode(), "w.txt")
    assert (article.title, article.text) == (want.title, want.text)
    assert "Ã" not in article.text and "\ufeff" not in article.title
    warnings = [n for n in loaded.notes if n.startswith("w.txt")]
    if warning is None:
        assert warnings == []
    else:
        (note,) = warnings
        assert warning in note and "\n" not in note


# ---------------------------------------------------------------------------------------------
# HTML saved as .txt: tags stripped with a warning; tags quoted in an article stay literal
# ---------------------------------------------------------------------------------------------
PAGE = """<!DOCTYPE html>
<html><head><title>World | News site</title><script>var tracker = 1;</script>
<style>p { color: red }</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<header><h1>Mali &amp; the UN: peacekeepers leave</h1></header>
<article><p>Troops left <b>Bamako</b> on Friday &mdash; 1,000 watched.</p>
<p class="x">Officials said &lt;nothing&gt; more.<br>Second line.</p></article>
<footer>Share this</footer></body></html>"""


def test_html_saved_as_txt_is_stripped_with_a_warning(tmp_path):
    write(tmp_path, {"page.txt": PAGE.encode()})
    loaded = corpus.load(tmp_path)
    (article,) = loaded.articles
    assert article.title == "Mali & the UN: peacekeepers leave"
    assert article.paragraphs == (
        "Troops left Bamako on Friday — 1,000 watched.",
        "Officials said <nothing> more.",
        "Second line.",
    )
    assert any("page.txt: looks like HTML saved as .txt; tags stripped" in n for n in loaded.notes)


@pytest.mark.parametrize(
    ("text", "is_html"),
    [
        (PAGE, True),
        ("<p>Headline</p>\n<p>Body one.</p>\n<p>Body two.</p>", True),
        ("  <html><body>Title<br>text</body></html>", True),
        (
            "Headline about <script> tags\n<script>alert(1)</script> <p>in the body</p> <div>",
            False,
        ),
        ("Maths: 3 < 4 and 5 > 2\nBody", False),
        ("<Breaking> news\nBody", False),
    ],
)
def test_html_detection_table(text, is_html):
    assert corpus.looks_like_html(text) is is_html


# ---------------------------------------------------------------------------------------------
# Odd but valid corpora
# ---------------------------------------------------------------------------------------------
def test_identical_files_are_both_kept_and_noted(tmp_path):
    """Syndicated copies are real reuse (and metadata may give them different outlets)."""
    write(tmp_path, {"a.txt": ARTICLE, "b.txt": ARTICLE, "c.txt": b"Other\nText here."})
    loaded = corpus.load(tmp_path)
    assert loaded.ids == ["a", "b", "c"]
    assert loaded.duplicates() == [("a.txt", "b.txt")]
    assert any(n.startswith("a.txt: identical to b.txt") for n in loaded.notes)
    pairs = pipeline.analyse(loaded).overlap.pairs
    ab = pairs[(pairs.article_a == "a") & (pairs.article_b == "b")]
    assert ab.score.iloc[0] == pytest.approx(1.0)


def test_headline_only_is_kept_with_a_warning(tmp_path):
    write(tmp_path, {"a.txt": ARTICLE, "h.txt": b"Just a headline\n\n\n"})
    loaded = corpus.load(tmp_path)
    assert loaded["h"].title == "Just a headline" and loaded["h"].text == ""
    assert any(n.startswith("h.txt: headline only") for n in loaded.notes)
    value = pipeline.analyse(loaded)
    assert value.articles.set_index("article_id").loc["h", "words"] == 0


def test_first_line_too_long_for_a_headline_is_body_text(tmp_path):
    sentence = "The mission ends after ten years of work in the country. " * 8
    write(tmp_path, {"a.txt": sentence.encode()})
    loaded = corpus.load(tmp_path)
    assert loaded["a"].title == "" and loaded["a"].text == sentence.strip()
    assert any("too long for a headline" in n for n in loaded.notes)


def test_corpus_of_one_article_is_fully_analysed(tmp_path):
    write(tmp_path, {"only.txt": ARTICLE})
    value = pipeline.analyse(corpus.load(tmp_path))
    assert len(value.articles) == 1 and len(value.readability.scores) == 1
    assert value.overlap.pairs.empty and value.figures.checks.empty
    assert len(value.figures.figures) >= 1


@pytest.mark.parametrize(
    "files",
    [pytest.param({}, id="empty-folder"), pytest.param({"notes.md": b"# x"}, id="no-txt-files")],
)
def test_corpus_of_zero_articles_is_an_error(tmp_path, files):
    write(tmp_path, files)
    with pytest.raises(corpus.CorpusError, match=r"no \.txt articles found") as info:
        corpus.load(tmp_path)
    assert one_line_naming(str(info.value), str(tmp_path))


def test_names_with_spaces_non_ascii_and_nested_folders(tmp_path):
    nfd = unicodedata.normalize("NFD", "Épisode été.txt")  # as macOS writes names
    write(
        tmp_path,
        {
            "my article 1.txt": ARTICLE,
            "Bamako – Ségou/Djiré’s story.txt": b"B\nText b.",
            f"wire/{nfd}": b"C\nText c.",
            "wire/deep/er/x.TXT": b"D\nText d.",
            ".git/ignored.txt": b"E\nHidden.",
        },
    )
    loaded = corpus.load(tmp_path)
    assert loaded.ids == [
        "Bamako – Ségou/Djiré’s story",
        "my article 1",
        "wire/deep/er/x",
        "wire/Épisode été",
    ]
    assert all(unicodedata.is_normalized("NFC", a.file) for a in loaded)
    out = tmp_path.parent / "out"
    pipeline.write_tables(pipeline.analyse(loaded), out)
    assert "wire/Épisode été.txt" in (out / "articles.csv").read_text(encoding="utf-8")


@pytest.mark.skipif(os.uname().sysname == "Darwin", reason="macOS refuses non-UTF-8 names")
def test_file_name_that_is_not_utf8_is_shown_with_a_replacement(tmp_path):
    write(tmp_path, {"a.txt": ARTICLE})
    with open(os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt"), "wb") as fh:
        fh.write(b"T\nBody.")
    loaded = corpus.load(tmp_path)
    assert "caf\ufffd" in loaded.ids
    assert any("not valid UTF-8" in n for n in loaded.notes)
    pipeline.csv_bytes(pipeline.analyse(loaded).articles)  # encodable: no surrogates left


def test_file_name_with_a_newline_keeps_messages_on_one_line(tmp_path):
    write(tmp_path, {"bad\nname.txt": b""})
    with pytest.raises(corpus.CorpusError) as info:
        corpus.load(tmp_path)
    assert "bad?name.txt" in str(info.value) and "\n" not in str(info.value)


def test_same_id_from_two_files_is_made_unique(tmp_path):
    write(tmp_path, {"x.txt": ARTICLE, "x.TXT": b"Other\nBody."})
    loaded = corpus.load(tmp_path)
    assert sorted(loaded.ids) == ["x", "x.txt"] or sorted(loaded.ids) == ["x", "x.TXT"]
    assert len(set(loaded.ids)) == 2


def test_non_txt_files_are_ignored_with_one_note(tmp_path):
    files = {"a.txt": ARTICLE, "photo.png": PNG, "b.docx": b"PK", "sub/page.html": b"<p>"}
    files |= {f"img{i:02d}.jpg": b"\xff\xd8\xff" for i in range(12)}
    write(tmp_path, files)
    loaded = corpus.load(tmp_path)
    assert loaded.ids == ["a"]
    (note,) = [n for n in loaded.notes if n.startswith("ignored")]
    assert note.startswith("ignored 15 file(s) that are not .txt articles: b.docx, img00.jpg")
    assert note.endswith("and 5 more") and "\n" not in note


# ---------------------------------------------------------------------------------------------
# metadata.csv: written by the researcher, so checked strictly
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("csv_text", "problem"),
    [
        ("file,published\na.txt,16/06/2023\n", "line 2 (a.txt): bad date '16/06/2023'"),
        ("file,published\na.txt,2023-02-30\n", "bad date '2023-02-30'"),
        ("name,outlet\na.txt,Reuters\n", "missing required column 'file'"),
        ("", "missing required column 'file'"),
        ('file,outlet\n"a.txt,Reuters\n', "not valid CSV at line 2 (unexpected end of data)"),
    ],
)
def test_bad_metadata_is_an_error_naming_file_and_line(tmp_path, csv_text, problem):
    write(tmp_path, {"a.txt": ARTICLE, "metadata.csv": csv_text.encode()})
    with pytest.raises(corpus.CorpusError) as info:
        corpus.load(tmp_path)
    assert problem in str(info.value) and one_line_naming(str(info.value), "metadata.csv")


def test_metadata_unknown_files_and_columns_are_noted(tmp_path):
    csv_text = (
        "file,outlet,published,author\n"
        "a.txt,Reuters,2023-06-16T09:00:00Z,X\n"
        "gone.txt,AP,2023-06-17,Y\n"
        "a.txt,AFP,2023-06-18,Z\n"
    )
    write(tmp_path, {"a.txt": ARTICLE, "metadata.csv": csv_text.encode("cp1252")})
    loaded = corpus.load(tmp_path)
    assert (loaded["a"].outlet, str(loaded["a"].published)) == ("Reuters", "2023-06-16")
    notes = "\n".join(loaded.notes)
    assert "metadata.csv: row for unknown file 'gone.txt' ignored" in notes
    assert "metadata.csv: columns 'author' ignored" in notes
    assert "metadata.csv line 4: second row for 'a.txt' ignored" in notes


def test_metadata_matches_nested_files_by_path(tmp_path):
    write(
        tmp_path,
        {
            "wire/a.txt": ARTICLE,
            "metadata.csv": b"file,outlet\nwire/a.txt,Reuters\n",
        },
    )
    assert corpus.load(tmp_path)["wire/a"].outlet == "Reuters"


# ---------------------------------------------------------------------------------------------
# Atomic output
# ---------------------------------------------------------------------------------------------
def test_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "articles.csv"
    pipeline.write_bytes_atomic(target, b"old complete file\n")

    def crash(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="No space"):
        pipeline.write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"old complete file\n"
    assert [p.name for p in tmp_path.iterdir()] == ["articles.csv"]
