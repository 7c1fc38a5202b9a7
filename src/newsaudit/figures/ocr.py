"""Digits that optical character recognition read as letters: "3O million", "£l95million",
"aged l6", "£6O,OOO", "at 8.l2 pm" (scanned newspaper text keeps them).

`digits` gives the text back with those letters read as the digits they stand for, one
character for one, so every offset into it is an offset into the text as written.
"""

from __future__ import annotations

import re

# A hint that a text holds any: a letter O, l or I glued to a digit, or after a currency sign
# (the letter first: the search skips to one, four times faster than a digit first).
_HINT = re.compile(r"[OlI](?:(?<=[\d£$][OlI])|(?=\d))")
# A number token that may hold them: digits, O, l and I, joined by "," "." or ":" (never after
# a letter or digit: "H2O", "CO2", "A11" and "B5078" are names, and "4lb" is pounds).
_TOKEN = re.compile(r"(?<![\w.,:])[£$]?[\dOlI](?:[\dOlI]|[,.:](?=[\dOlI]))*")


def _fixed(token: str) -> str:
    """The token with its misread letters as digits: an O after a digit, comma or O, or before a
    digit after a currency sign ("3O", "£6O,OOO", "£O.5m"); an l or I before a digit, a point
    or a colon ("l8", "8.l2", "l.l7"). A token without a digit of its own is left as it is."""
    if not any(c.isdigit() for c in token):
        return token
    out = list(token)
    for i, c in enumerate(token):
        before = token[i - 1] if i else " "
        after = token[i + 1] if i + 1 < len(token) else " "
        if c == "O" and (
            before.isdigit() or before in ",O" or (before in "£$" and after.isdigit())
        ):
            out[i] = "0"
        elif c in "lI" and (after.isdigit() or (after in ".,:" and i + 2 < len(token))):
            out[i] = "1"
    return "".join(out)


# ... and the other way round: the "l" of "lb" read as a "1" where the weight is plain from its
# neighbours ("his 71b 2oz daughter", "6st 21b"): "1b" back to "lb" (no one writes "71b" for 71
# billion beside ounces or stone).
_POUNDS_1B = re.compile(r"(?<=\d)1b(?=\s*\d{1,2}\s?oz\b)|(?<=\dst\s\d)1b\b|(?<=\dst\s)1b\b")


def digits(text: str) -> str:
    """The text with digits misread as letters put back ("3O million" -> "30 million"), and
    letters misread as digits where the unit is plain ("71b 2oz" -> "7lb 2oz")."""
    if "1b" in text:
        text = _POUNDS_1B.sub("lb", text)
    if not _HINT.search(text):
        return text
    return _TOKEN.sub(lambda m: _fixed(m.group(0)), text)
