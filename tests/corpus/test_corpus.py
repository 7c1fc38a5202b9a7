"""Corpus loading and cleaning."""

from __future__ import annotations

import pytest

from newsaudit import corpus

from ..conftest import EXPLAINER, OFFICIAL, OPINION, REWRITE

BOILERPLATE = [
    "Image Credit: Google",
    "Post a Comment",
    "0 Comments",
    "Leave a Reply",
    "Your email address will not be published.",
    "Tags:",
    "Scroll to Top",
    "Related",
]


@pytest.mark.parametrize("line", BOILERPLATE)
def test_seed_boilerplate_is_removed_and_recorded(seeds, line):
    owners = [a for a in seeds if line in a.boilerplate]
    assert owners, f"{line!r} not recorded as boilerplate"
    for article in seeds:
        assert line not in article.paragraphs


def test_truncated_teaser_and_caption_are_removed(seeds):
    rewrite = seeds[REWRITE]
    assert any(line.endswith("Stabilisat") for line in rewrite.boilerplate)
    assert "People gathered in Mali to oust UN Peace Keeping Mission" in rewrite.boilerplate
    assert rewrite.paragraphs[0].startswith("Several thousand demonstrators gathered in Bamako")
    assert rewrite.paragraphs[0].endswith("(MUNISMA).")


def test_headline_is_line_one_and_not_in_text(seeds):
    assert seeds[EXPLAINER].title == "EXPLAINED: Why is Mali kicking out UN peacekeepers?"
    for article in seeds:
        assert article.title not in article.text


def test_every_article_has_sha256_and_paragraph_spans(seeds):
    for article in seeds:
        assert len(article.sha256) == 64
        for (start, end), para in zip(article.paragraph_spans(), article.paragraphs, strict=True):
            assert article.text[start:end] == para


@pytest.mark.parametrize(
    ("raw", "headline", "paragraphs", "removed"),
    [
        ("Title\n\nBody one.\n\nPost a Comment\n", "Title", ["Body one."], ["Post a Comment"]),
        ("Title\r\nBody.\r\nShare this:\r\n", "Title", ["Body."], ["Share this:"]),
        ("\n\n  Title  \nA  b.\n", "Title", ["A b."], []),
        (
            "Title\nCaption here\nPhoto credit: AP\nText.",
            "Title",
            ["Text."],
            ["Caption here", "Photo credit: AP"],
        ),
        ("Title\nRelated news is good.\n", "Title", ["Related news is good."], []),
    ],
)
def test_clean_table(raw, headline, paragraphs, removed):
    assert corpus.clean(raw) == (headline, paragraphs, removed)


def test_teaser_needs_a_longer_paragraph_that_starts_with_it():
    body = "A teaser line that is long enough to count as a teaser here"
    raw = f"T\n{body}\n{body} and goes on to the end.\nUnrelated final paragraph, no prefix"
    _, paragraphs, removed = corpus.clean(raw)
    assert removed == [body]
    assert paragraphs[-1] == "Unrelated final paragraph, no prefix"


@pytest.mark.parametrize(
    ("files", "problem"),
    [
        ({}, "no .txt articles found"),
        ({"a.txt": b""}, "empty file"),
        ({"a.txt": b"  \n\t\n"}, "empty file"),
        ({"a.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}, "binary"),
    ],
)
def test_bad_input_is_one_line_naming_the_file(tmp_path, files, problem):
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    with pytest.raises(corpus.CorpusError) as info:
        corpus.load(tmp_path)
    message = str(info.value)
    assert problem in message and "\n" not in message
    if files:
        assert next(iter(files)) in message


def test_metadata_is_used_and_bad_dates_rejected(tmp_path):
    (tmp_path / "x.txt").write_text("Head\nBody text.\n", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "file,outlet,published,url\nx.txt,Reuters,2023-06-16,https://example.org/a\n",
        encoding="utf-8",
    )
    (article,) = corpus.load(tmp_path).articles
    assert (article.outlet, article.published.isoformat()) == ("Reuters", "2023-06-16")
    (tmp_path / "metadata.csv").write_text("file,published\nx.txt,16/06/2023\n", encoding="utf-8")
    with pytest.raises(corpus.CorpusError, match="bad date"):
        corpus.load(tmp_path)


def test_windows_1252_is_decoded_with_a_warning(tmp_path):
    (tmp_path / "w.txt").write_bytes("Café\nDjiré said “yes”.\n".encode("cp1252"))
    loaded = corpus.load(tmp_path)
    assert loaded.articles[0].text == "Djiré said “yes”."
    assert any("Windows-1252" in note for note in loaded.notes)


def test_non_txt_files_are_ignored_with_a_note(tmp_path):
    (tmp_path / "a.txt").write_text("H\nBody.\n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    loaded = corpus.load(tmp_path)
    assert loaded.ids == ["a"]
    assert any("image.png" in note for note in loaded.notes)


def test_ids_are_file_stems_in_sorted_order(seeds):
    assert seeds.ids == sorted(seeds.ids)
    assert {OPINION, OFFICIAL} <= set(seeds.ids)


# Double-encoded text as web extraction leaves it: (as saved, as written).
MOJIBAKE = [
    pytest.param("Itâ€™s over", "It’s over", id="apostrophe-once"),
    pytest.param("CafÃ© au lait", "Café au lait", id="accent-once"),
    pytest.param("â€œWe leave,â€\x9d he said", "“We leave,” he said", id="quotes-c1"),
    pytest.param("Clean ’ and broken â€™ together", "Clean ’ and broken ’ together", id="mixed"),
    pytest.param("naÃ¯ve SÃ£o Paulo ZÃ¼rich", "naïve São Paulo Zürich", id="accents"),
    pytest.param("costsÂ\xa0rose", "costs\xa0rose", id="no-break-space"),
    pytest.param("peaceâ€”and war", "peace—and war", id="em-dash"),
    pytest.param("the cafÃƒÂ© closed", "the café closed", id="twice-encoded"),
    pytest.param("â‚¬5 million", "€5 million", id="euro"),
]


@pytest.mark.parametrize(("saved", "written"), MOJIBAKE)
def test_double_encoded_text_is_repaired_with_a_warning(saved, written):
    text, warnings = corpus.decode(f"Headline\n{saved}\n".encode(), "a.txt")
    assert text == f"Headline\n{written}\n"
    assert len(warnings) == 1 and warnings[0].startswith("a.txt: repaired double-encoded")


@pytest.mark.parametrize(
    "clean",
    [
        "Café, naïve, São Paulo, Zürich",
        "“Quoted” — it’s a dash’s day",
        "SÃO PAULO (Portuguese capitals)",
        "≥ 5 °C, Ελληνικά, 北京, emoji 😀",
        "résumé’s “façade”",
    ],
)
def test_clean_text_is_untouched(clean):
    assert corpus.decode(clean.encode(), "a.txt") == (clean, [])


def test_an_article_made_from_its_fields_equals_the_dataclass_one():
    import dataclasses
    import datetime as dt
    import pickle

    fields = {
        "article_id": "a",
        "file": "a.txt",
        "title": "T",
        "text": "x\n\ny",
        "paragraphs": ("x", "y"),
        "boilerplate": ("Share this",),
        "sha256": "0" * 64,
        "outlet": "o",
        "published": dt.date(2024, 5, 1),
        "url": "u",
        "warnings": ("w",),
    }
    assert set(fields) == {f.name for f in dataclasses.fields(corpus.Article)}
    made = corpus.Article.of(**fields)
    assert made == corpus.Article(**fields) == pickle.loads(pickle.dumps(made))
    assert dataclasses.replace(made, title="U").title == "U"
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.title = "U"  # type: ignore[misc]
