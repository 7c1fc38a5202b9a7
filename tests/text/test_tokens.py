import pytest

from newsaudit.text import tokens as tokens_module
from newsaudit.text.fold import fold
from newsaudit.text.tokens import WORD_RE, Token, token_columns, tokens

TEXTS = [
    "",
    "The Council's vote: 14,000 troops, 3.5 km; al-Qaeda\u2019s \u201cCAFÉ\u201d.",
    "STRASSE Straße ǅemal ﬁnance 1.000.000 12,5 x\u2010y x\u2011y",
    "\u00a0Tab\tand NUL\x00 words \ud800 after a lone surrogate",
]


@pytest.mark.parametrize("text", TEXTS)
def test_tokens_fold_each_word_and_keep_its_span(text):
    expected = [Token(fold(m.group(0)), m.start(), m.end()) for m in WORD_RE.finditer(text)]
    assert tokens(text) == expected
    assert token_columns(text) == (
        [t.norm for t in expected],
        [t.start for t in expected],
        [t.end for t in expected],
    )


@pytest.mark.parametrize("text", TEXTS)
def test_words_past_the_memo_limit_are_folded_the_same(monkeypatch, text):
    monkeypatch.setattr(tokens_module, "_FOLDED", {})
    monkeypatch.setattr(tokens_module, "FOLDED_MAX", 0)
    assert token_columns(text)[0] == [fold(m.group(0)) for m in WORD_RE.finditer(text)]
