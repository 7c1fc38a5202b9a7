"""Per-article preparation: tokens, sentences, quotations and look-up tables, computed once."""

from __future__ import annotations

from newsaudit.config import OverlapConfig
from newsaudit.corpus import Article
from newsaudit.overlap import alignment
from newsaudit.overlap.near import near_keys
from newsaudit.overlap.quotes import quotes, token_mask
from newsaudit.overlap.records import Prepared
from newsaudit.overlap.token_table import TokenTable

__all__ = ["near_keys", "prepare"]  # near_keys: reachable here, where it was


def prepare(article: Article, config: OverlapConfig) -> Prepared:
    """Tokens, sentence view and quotations of one article."""
    toks = TokenTable.of_text(article.text)  # equal to `text.tokens.tokens(article.text)`
    qs = quotes(article.text, config)
    mask = token_mask(toks, [(q.start, q.end) for q in qs])
    view = alignment.sentence_view(article.text, toks, config, mask.tolist())
    view.keys  # noqa: B018  # made here, on the pool, and sent with the view (the corpus IDF's)
    return Prepared(
        article,
        toks,
        view,
        tuple(qs),
        mask,
        config.seed_size,
    )
