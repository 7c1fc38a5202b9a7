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

import html
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from newsaudit import cli, corpus, pipeline, report
from newsaudit.config import CorpusConfig
from newsaudit.report import builder

from .conftest import SEEDS


def e2e(test):
    """End-to-end tests share one worker (and its seed build) under pytest-xdist."""
    return pytest.mark.xdist_group("e2e")(pytest.mark.e2e(test))


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
            "wire/b.txt": ARTICLE,
            "metadata.csv": b"file,outlet\nwire/a.txt,Reuters\n.\\wire\\b.txt,AP\n",
        },
    )
    loaded = corpus.load(tmp_path)
    assert (loaded["wire/a"].outlet, loaded["wire/b"].outlet) == ("Reuters", "AP")


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


def test_publish_moves_the_manifest_last(tmp_path, monkeypatch):
    """A run killed while publishing leaves no manifest, so the next run rebuilds."""
    stage, out = tmp_path / "stage", tmp_path / "out"
    for name in ["articles.csv", "manifest.json", "notebooks/01.ipynb", "report.html"]:
        (stage / name).parent.mkdir(parents=True, exist_ok=True)
        (stage / name).write_text(name, encoding="utf-8")
    moved: list[str] = []
    real_replace = os.replace

    def replace(src: Path, dst: Path) -> None:
        moved.append(Path(dst).name)
        real_replace(src, dst)

    monkeypatch.setattr(builder.os, "replace", replace)
    builder._publish(stage, out)
    assert moved[-1] == "manifest.json" and len(moved) == 4


def test_stale_staging_of_a_dead_run_is_removed(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], **TEXT_OUT)
    stale = tmp_path / f".staging-{int(dead.stdout)}"
    live = tmp_path / f".staging-{os.getpid()}"
    for folder in (stale, live):
        (folder / "notebooks").mkdir(parents=True)
    builder._remove_stale_stages(tmp_path)
    assert not stale.exists() and live.exists()


# ---------------------------------------------------------------------------------------------
# End to end: hostile content, a killed run, no PDF toolchain, determinism offline
# ---------------------------------------------------------------------------------------------
SRC = Path(__file__).resolve().parent.parent / "src"
TEXT_OUT = {"capture_output": True, "text": True, "check": True}
HOSTILE_TITLE = "Alert <script>alert('t')</script> & **bold** $x$ \\LaTeX 50% _u_ #h {b} ~^"
HOSTILE = f"""{HOSTILE_TITLE}
<script>alert('xss')</script> The mission said <b onmouseover="alert(1)">hi</b>.
More than 1,000 <img src=x onerror=alert(2)> troops cost $5,000 & 50% {{x}} _y_ #z \\textbf{{q}}.
Tags: <script>alert('tag')</script> **md** $m$ \\ % & _ # {{}} [link](http://example.org)
# Not a heading
**not bold** _not italic_ [not a link](http://example.org) `not code` > not a quote
| not | a | table |
About 15,000 peacekeepers remain, the UN said on Friday.
"""
HOSTILE_NAME = "Corpus <i>x</i> & $1 \\ % _ #"
PDF_TOKENS = ["<script>alert('t')</script>", "**bold**", "$x$", "\\LaTeX", "{b}", "**md**"]


def _pythonpath(monkeypatch: pytest.MonkeyPatch) -> None:
    """Kernels run in the notebooks folder: they need an absolute path to the package."""
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]))


def _pdf_text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    return subprocess.run(["pdftotext", str(pdf), "-"], **TEXT_OUT).stdout


def _hashes(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): builder.file_hash(p)
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.relative_to(root).parts[0].startswith(".")
    }


@e2e
def test_hostile_text_is_literal_in_html_and_pdf_for_a_one_article_corpus(tmp_path, monkeypatch):
    """A corpus of one article, named with spaces and accents, full of markup, still gets the
    full report; its text comes through both formats literally and the PDF builds."""
    if shutil.which("chromium") is None:
        pytest.skip("chromium not installed (make system-deps installs it)")
    _pythonpath(monkeypatch)
    folder = write(tmp_path / "in", {"Ségou report – day 1.txt": HOSTILE.encode()})
    out = tmp_path / "out"
    build = report.build(folder, out, name=HOSTILE_NAME)
    assert build.status == "built" and not build.warnings
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "<script" not in page.lower() and "<i>x</i>" not in page
    assert not re.search(r"<[^>]*\son(mouseover|error)\s*=", page, re.I)
    assert "<strong>bold</strong>" not in page and "<strong>md</strong>" not in page
    assert html.escape(HOSTILE_TITLE, quote=False) in page  # the appendix's article table
    assert html.escape("Ségou report – day 1", quote=False) in page
    boilerplate = "Tags: <script>alert('tag')</script> **md** $m$ \\ % & _ # {} [link]"
    assert html.escape(boilerplate, quote=False) in page  # the appendix's removed lines
    assert html.escape(HOSTILE_NAME, quote=False) in page
    assert "Traceback" not in page and "jp-OutputArea-error" not in page
    for section in ["Key findings", "Source overlap", "Figure consistency", "Readability"]:
        assert section in page, section
    text = "".join(_pdf_text(out / "report.pdf").split())  # table cells wrap lines anywhere
    for token in PDF_TOKENS:
        assert "".join(token.split()) in text, token


@e2e
def test_killed_run_leaves_the_previous_report_intact(seed_build, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(seed_build.out_dir, out)
    before = _hashes(out)
    key = json.loads((out / "manifest.json").read_text())["key"]
    run = subprocess.Popen(
        [sys.executable, "-m", "newsaudit", "run", str(SEEDS), "--out", str(out), "--force"],
        env={**os.environ, "PYTHONPATH": str(SRC)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    try:
        while not list(out.glob(".staging-*/notebooks/*.ipynb")):  # notebooks are executing
            assert run.poll() is None and time.monotonic() < deadline, "run ended too early"
            time.sleep(0.05)
    finally:
        os.killpg(run.pid, signal.SIGKILL)
        run.wait()
    assert _hashes(out) == before  # every CSV, notebook, report.html/pdf and the manifest
    assert builder.up_to_date(out, key, ("html", "pdf"))
    builder._remove_stale_stages(out)
    assert not list(out.glob(".staging-*"))


@e2e
def test_missing_pdf_toolchain_still_writes_html_and_says_how_to_install(
    seed_build, tmp_path, monkeypatch, capsys
):
    """Exit 0 with a warning: the HTML is the report; the PDF is a print of it."""
    _pythonpath(monkeypatch)
    out = tmp_path / "out"
    shutil.copytree(seed_build.out_dir, out)
    (tmp_path / "bin").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))  # no chromium on PATH
    code = cli.main(["run", str(SEEDS), "--out", str(out), "--force", "--no-progress"])
    err = capsys.readouterr().err
    assert code == cli.EXIT_OK
    (warning,) = [line for line in err.splitlines() if "PDF not written" in line]
    assert "sudo apt-get install -y --no-install-recommends chromium fonts-dejavu-core" in warning
    assert "previous report.pdf is removed" in warning
    assert (out / "report.html").stat().st_mtime > (
        seed_build.out_dir / "report.html"
    ).stat().st_mtime
    assert not (out / "report.pdf").exists()
    manifest = json.loads((out / "manifest.json").read_text())
    assert "report.html" in manifest["outputs"] and "report.pdf" not in manifest["outputs"]


def _network_cut() -> str:
    """'' when `unshare -n` can run a command without network here, else why not."""
    if shutil.which("unshare") is None or shutil.which("ip") is None:
        return "unshare or ip not installed"
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, text=True)
    return "" if probe.returncode == 0 else f"unshare -n not permitted: {probe.stderr.strip()}"


@e2e
@pytest.mark.network
def test_offline_run_is_deterministic(seed_build, tmp_path):
    """`newsaudit run` with the network cut (only loopback, for the kernels) produces the same
    CSVs byte for byte, and the same HTML and PDF text apart from the generation time."""
    reason = _network_cut()
    if reason:
        pytest.skip(reason)
    out = tmp_path / "offline"
    script = (
        "ip link set lo up && "
        f"! {sys.executable} -c \"import socket; socket.create_connection(('1.1.1.1', 53), 2)\" "
        f"2>/dev/null && exec {sys.executable} -m newsaudit run {SEEDS} --out {out} "
        "--name seeds --no-progress"
    )
    done = subprocess.run(
        ["unshare", "-n", "sh", "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    first = seed_build.out_dir
    for name in seed_build.results.tables():
        assert (out / name).read_bytes() == (first / name).read_bytes(), name
    stamp = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC")
    pages = [
        stamp.sub("<time>", (d / "report.html").read_text(encoding="utf-8")) for d in (first, out)
    ]
    assert pages[0] == pages[1]
    texts = [stamp.sub("<time>", _pdf_text(d / "report.pdf")) for d in (first, out)]
    assert texts[0] == texts[1]


def test_csvs_are_byte_identical_across_processes_and_hash_seeds(tmp_path):
    """Stable sort orders and fixed float formats: set/dict order (PYTHONHASHSEED) and file
    system order never reach the CSVs."""
    shared = "More than 1,000 peacekeepers left Bamako on Friday, Mr Djiré said in a statement."
    folder = write(
        tmp_path / "in",
        {
            "wire/Été à Gao.txt": f"UN leaves Gao\n{shared}\nAbout 15,000 troops remain.".encode(),
            "b copy.txt": f"Mali mission ends\n{shared}\nNearly 13,000 troops remain.".encode(),
            "c.txt": b"Opinion: Djire was right\nMr Djire should say 1,200 peacekeepers.",
            "d.txt": ARTICLE,
            "e.txt": ARTICLE,
        },
    )
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        subprocess.run(
            [sys.executable, "-m", "newsaudit", "analyse", str(folder), "--out", str(out)],
            env={**os.environ, "PYTHONPATH": str(SRC), "PYTHONHASHSEED": seed},
            capture_output=True,
            check=True,
            timeout=300,
        )
        outputs.append({p.name: p.read_bytes() for p in sorted(out.glob("*.csv"))})
    assert len(outputs[0]) == 8 and outputs[0] == outputs[1]  # 7 contract CSVs + comparisons


@pytest.mark.parametrize(
    "markup", ["<![A", "<![A b <p>x</p>", "<p>a</p><![if !IE]>b", "<![CDATA[x"]
)
def test_malformed_marked_sections_do_not_crash_the_html_reader(markup):
    """Found by the fuzz test: the stdlib HTML parser asserts on a malformed `<![`."""
    text = corpus.html_to_text(f"<html><body><h1>Head</h1>{markup}<p>Body text.</p>")
    assert text.splitlines()[0] == "Head" and "Body text." in text
