"""Quotations and who said them: reusing a quote is not reusing an article."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsaudit.config import OverlapConfig
from newsaudit.overlap.token_table import starts_of
from newsaudit.text.fold import name_key as fold_name
from newsaudit.text.tokens import Token


@dataclass(frozen=True)
class Quote:
    """Text inside quotation marks, with its char span and the speaker it is attributed to."""

    start: int
    end: int
    text: str
    speaker: str


_QUOTE_RE = re.compile(
    r"[\u201c\"\u00ab\u201e]([^\u201c\u201d\"\u00ab\u00bb\n]{3,}?)[\u201d\"\u00bb]"
)
_NAME_RE = re.compile(
    r"[A-Z][\w'\u2019\-]+(?:\s+(?:(?:al|el|de|da|van|von|bin|ibn|le|la)\s+)?"
    r"[A-Z][\w'\u2019\-]+)*"
)
_REPORTING_RE = re.compile(
    r"\b(?:said|says|saying|told|tells|added|adds|stated|noted|explained|insisted|argued"
    r"|warned|declared|asked|wrote|tweeted|according to)\b"
)
_PRONOUN_RE = re.compile(r"^\W{0,3}(?:he|she|they)\s+(?:said|says|added|told)\b", re.I)
_CLAUSE_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<![A-Z])[.!?](?:\s|$)")
_NOT_SPEAKER = frozenset(
    "The This That It In But And He She They We A An As At On For If When While After".split()  # noqa: SIM905
)


def _speaker_near(clause: str, verb: re.Match[str]) -> str:
    """The name right before a reporting verb ("Diop said"), else right after ("said Diop").

    All-capital words (UN, MINUSMA) are organisations, not speakers, and are skipped.
    """
    names = []
    for m in _NAME_RE.finditer(clause):
        words = [w for w in m.group(0).split() if w not in _NOT_SPEAKER and not w.isupper()]
        if words:
            names.append((m.start(), m.end(), " ".join(words)))
    before = [
        n
        for n in names
        if n[1] <= verb.start() and not _CLAUSE_END.search(clause[n[1] : verb.start()] + "x")
    ]
    if before:
        return max(before)[2]
    after = [n for n in names if n[0] >= verb.end()]
    return min(after)[2] if after else ""


def _speaker(before: str, after: str, previous: str) -> str:
    """Who a quotation is attributed to, from the clause right after it, else right before."""
    before = _QUOTE_RE.sub(lambda m: " " * len(m.group(0)), before)  # earlier quotes' words
    starts = [m.end() for m in _CLAUSE_END.finditer(before)]
    lead = before[starts[-1] :] if starts else before
    if _PRONOUN_RE.match(after):
        verbs = list(_REPORTING_RE.finditer(before))
        found = _speaker_near(before, verbs[-1]) if verbs else ""
        people = [m.group(0) for m in _NAME_RE.finditer(before) if len(m.group(0).split()) > 1]
        fallback = (
            " ".join(w for w in people[-1].split() if w not in _NOT_SPEAKER) if people else ""
        )
        return found or previous or fallback
    stop = _CLAUSE_END.search(after)
    clause = after[: stop.start()] if stop else after
    verb = _REPORTING_RE.search(clause[:80])
    found = _speaker_near(clause, verb) if verb else ""
    if not found:
        verbs = list(_REPORTING_RE.finditer(lead))
        found = _speaker_near(lead, verbs[-1]) if verbs else ""
    return found


def quotes(text: str, config: OverlapConfig) -> list[Quote]:
    """Quotations of at least `min_quote_words` words, each attributed to a speaker if named.

    The speaker is the name nearest a reporting verb in the clause right after the quotation,
    else right before it; "he said" takes the name reported just before the quote.
    """
    found: list[Quote] = []
    last = ""
    for m in _QUOTE_RE.finditer(text):
        body = m.group(1)
        if len(body.split()) < config.min_quote_words:
            continue
        after = text[m.end() : m.end() + 200]
        before = text[max(0, m.start() - 300) : m.start()]
        speaker = _speaker(before, after, last)
        last = speaker or last
        found.append(Quote(m.start(), m.end(), body, speaker))
    return found


def same_speaker(a: str, b: str) -> bool:
    """Speakers match on their last name (accents, case and punctuation ignored)."""
    if not a or not b:
        return False
    return fold_name(a.split()[-1]) == fold_name(b.split()[-1])


def token_mask(toks: Sequence[Token], spans: Sequence[tuple[int, int]]) -> np.ndarray:
    mask = np.zeros(len(toks), dtype=bool)
    if not spans or not toks:
        return mask
    starts = np.asarray(starts_of(toks))
    for s, e in spans:
        mask[(starts >= s) & (starts < e)] = True
    return mask


# ---------------------------------------------------------------------------------------------
