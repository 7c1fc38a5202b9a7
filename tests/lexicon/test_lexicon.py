"""Tests for newsaudit.lexicon: every shipped word list loads, bad files are named errors."""

from pathlib import Path

import pytest

from newsaudit import lexicon

SHIPPED = sorted(p for p in lexicon.LEXICON_DIR.glob("*/**/*") if p.suffix in {".txt", ".yaml"})


@pytest.mark.parametrize("file", SHIPPED, ids=lambda p: str(p.relative_to(lexicon.LEXICON_DIR)))
def test_every_shipped_lexicon_file_loads(file: Path):
    language = file.relative_to(lexicon.LEXICON_DIR).parts[0]
    name = str(file.relative_to(lexicon.LEXICON_DIR / language).with_suffix(""))
    if file.suffix == ".txt":
        assert lexicon.words(name, language)
    else:
        data = lexicon.table(name, language, (dict, list))
        assert data


def test_months_are_in_calendar_order():
    assert lexicon.words("months")[:2] == ("January", "February")
    assert len(lexicon.words("months")) == 12


@pytest.mark.parametrize(
    ("content", "problem"),
    [("# only a comment\n\n", "no entries"), ("one\ntwo\none\n", "duplicate entry 'one'")],
)
def test_bad_word_list_is_an_error_naming_the_file(tmp_path, monkeypatch, content, problem):
    monkeypatch.setattr(lexicon, "LEXICON_DIR", tmp_path)
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "broken.txt").write_text(content)
    with pytest.raises(lexicon.LexiconError, match=problem) as err:
        lexicon.words.__wrapped__("broken", "xx")
    assert "broken.txt" in str(err.value)


def test_yaml_of_the_wrong_shape_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setattr(lexicon, "LEXICON_DIR", tmp_path)
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "units.yaml").write_text("- a\n- b\n")
    with pytest.raises(lexicon.LexiconError, match="expected a non-empty dict"):
        lexicon.table.__wrapped__("units", "xx", dict)


def test_word_set_holds_the_list_once():
    listed = lexicon.words("figures/irregular_past")
    built = lexicon.word_set("figures/irregular_past")
    assert built == frozenset(listed) and "went" in built
    assert lexicon.word_set("figures/irregular_past") is built  # built once, then shared
