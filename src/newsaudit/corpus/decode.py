"""Bytes to text: encodings, BOMs, double-encoded UTF-8 (ftfy), binary files refused."""

from __future__ import annotations

import re
from pathlib import Path

from newsaudit.corpus.model import CorpusError

# File signatures of formats people save or rename by mistake; named in the error message.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt document)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word .doc document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program (ELF executable)"),
)
_SAVE_AS_TEXT = "save the article as plain UTF-8 text"
# Mojibake's signature: a UTF-8 lead byte read as Windows-1252/Latin-1 ("Ã", "â", "ð") followed
# by a continuation byte read the same way ("©", "€", "Ÿ"), or a stray C1 control. Text without
# one is clean and never handed to ftfy (which costs ~0.3 s per MB).
_MOJIBAKE = re.compile(
    "[\u00c0-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039"
    "\u203a\u20ac\u2122]|[\u0080-\u009f]"
)

# Unicode's control characters (category Cc: C0, DEL, C1) other than newline, carriage return,
# tab and form feed; one regex pass instead of a category look-up per character (5.5 s of the
# 9 s spent loading 10,000 articles).
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# The same characters counted in UTF-8 bytes, ten times faster than the regex: C0 and DEL are
# one byte each (never part of a longer sequence); C1 (U+0080-U+009F) is 0xC2 then 0x80-0x9F,
# so text whose bytes hold no 0xC2 has none. `bytes.translate` deletes every other byte.
_C0_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_NOT_C0_CONTROL = bytes(b for b in range(256) if b not in _C0_CONTROL_BYTES)
_SAMPLE = 8192  # characters (bytes) looked at for NULs and control characters


def _binary_kind(data: bytes) -> str:
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            return kind
    return ""


def _may_show_mojibake(utf8: bytes) -> bool:
    """False when UTF-8 bytes cannot hold `_MOJIBAKE`: its characters (U+0080-U+00F4) are 0xC2
    or 0xC3 then one byte in UTF-8, so text with neither byte (all ASCII, most English) is
    clean without the regex search (90 us for a 4 KB article; these two scans take 0.3 us)."""
    return b"\xc2" in utf8 or b"\xc3" in utf8


def repair_encoding(text: str) -> str:
    """The text with mojibake undone ("Itâ€™s", "CafÃ©", "cafÃƒÂ©" -> "It’s", "Café", "café").

    Only ftfy's encoding fixes run (no quote straightening, no normalisation), and only on text
    showing mojibake's signature, so clean text, curly quotes and accents are left untouched.
    Mixed text (some characters broken, some not) is repaired piece by piece.
    """
    if not _MOJIBAKE.search(text):
        return text
    import ftfy  # local: most corpora never need it

    return ftfy.fix_encoding(text)


def decode(data: bytes, path: Path | str) -> tuple[str, list[str]]:
    """Bytes to text, with a warning naming the file whenever the text was not clean UTF-8.

    UTF-8 (BOM allowed) is read as is; UTF-16/32 with a BOM is decoded; double-encoded UTF-8
    ("CafÃ©", "Itâ€™s") is repaired by `repair_encoding`; mostly-UTF-8 with a few bad bytes
    keeps UTF-8 and replaces them; any other non-UTF-8 text is Windows-1252 (or Latin-1, its
    subset). Binary files (known signatures, NUL bytes, control characters) raise CorpusError.
    """
    warnings: list[str] = []
    kind = _binary_kind(data)
    if kind:
        raise CorpusError(path, f"binary file: looks like {kind}, not text ({_SAVE_AS_TEXT})")
    for bom, codec in (
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                raise CorpusError(path, f"starts with a {codec} mark but is not {codec}") from None
            warnings.append(
                f"{path}: decoded as {codec.upper()} (byte-order mark); UTF-8 preferred"
            )
            return _check_controls(text, path), warnings
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.find(b"\x00", 0, _SAMPLE) != -1:
        raise CorpusError(path, "looks like a binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
        repaired = repair_encoding(text) if _may_show_mojibake(data) else text
        if repaired != text:
            text = repaired
            warnings.append(
                f"{path}: repaired double-encoded UTF-8 (mojibake such as 'â€™' for '’', "
                "'Ã©' for 'é'; ftfy)"
            )
    except UnicodeDecodeError:
        lenient = data.decode("utf-8", errors="replace")
        bad = lenient.count("\ufffd")
        good = sum(1 for ch in lenient if ord(ch) > 127 and ch != "\ufffd")
        if good > 2 * bad:
            text = lenient
            warnings.append(f"{path}: {bad} invalid UTF-8 byte sequence(s) replaced by '\ufffd'")
        elif any(0x80 <= b <= 0x9F for b in data):
            text = data.decode("cp1252", errors="replace")
            warnings.append(
                f"{path}: not valid UTF-8; decoded as Windows-1252"
                + (" (undefined bytes replaced by '\ufffd')" if "\ufffd" in text else "")
            )
        else:
            text = data.decode("latin-1")
            warnings.append(f"{path}: not valid UTF-8; decoded as Latin-1 (ISO-8859-1)")
    return _check_controls(text, path), warnings


def _controls(sample: str) -> int:
    """Number of control characters (`_CONTROL`) in `sample`."""
    data = sample.encode("utf-8", "surrogatepass")
    if b"\xc2" in data:  # maybe C1 controls: the regex counts them
        return len(_CONTROL.findall(sample))
    return len(data.translate(None, _NOT_C0_CONTROL))


def _check_controls(text: str, path: Path | str) -> str:
    sample = text[:_SAMPLE]
    controls = _controls(sample)
    if controls > max(8, len(sample) // 50):
        raise CorpusError(path, "looks like a binary file (many control characters), not text")
    return text
