"""A prepared article's tokens as three lists: the same tokens, cheaper to ship."""

from __future__ import annotations

import pickle

from newsaudit.overlap.token_table import TokenTable, norms_of, starts_of
from newsaudit.text.tokens import Token, tokens

TEXT = "The Council’s budget: 14,000 roads, 3.5 per cent, al-Qaeda said."


def test_a_table_is_the_tokens_it_was_made_of():
    toks = tokens(TEXT)
    table = TokenTable.of(toks)
    assert len(table) == len(toks)
    assert list(table) == toks
    assert table == toks and table == tuple(toks)
    assert table[1] == toks[1] and table[-1] == toks[-1]
    assert list(table[2:4]) == toks[2:4]
    assert norms_of(table) == norms_of(toks) == [t.norm for t in toks]


def test_a_table_survives_pickling_as_plain_lists():
    table = TokenTable.of(tokens(TEXT))
    back = pickle.loads(pickle.dumps(table))
    assert back == table
    assert isinstance(back.norms, list) and back[0] == Token(table.norms[0], 0, 3)
    assert table != TokenTable.of(tokens(TEXT + " More."))


def test_a_table_made_from_the_text_equals_the_tokens_table():
    table = TokenTable.of_text(TEXT)
    assert table == TokenTable.of(tokens(TEXT))
    assert list(starts_of(table)) == starts_of(tokens(TEXT)) == [t.start for t in tokens(TEXT)]
