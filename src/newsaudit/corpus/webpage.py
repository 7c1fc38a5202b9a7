"""HTML saved as .txt: detected, tags stripped, the headline from <h1> or <title>."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_HTML_START = re.compile(r"\A\s*<(?:!doctype\s+html|html|\?xml|head|body|!--)", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(?:p|div|br|h[1-6]|article|section|span|a|li|ul|ol|body|head|title|meta|script|"
    r"style|table|tr|td|img|header|footer|nav|main)\b[^<>]*>",
    re.IGNORECASE,
)
_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
    ]
)
# Elements whose content is never article text.
_SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "canvas",
        "iframe",
        "object",
        "nav",
        "footer",
        "aside",
        "form",
        "button",
        "select",
        "head",
    ]
)
_H1_END = "\n\x00h1-end\n"  # html_to_text drops NULs from the page, so this is unique
_VOID_TAGS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)


def looks_like_html(text: str) -> bool:
    """True for a web page saved as .txt: it starts with a document tag (<!DOCTYPE html>,
    <html>, <head>, <body>), or its first line is a tag and it holds at least three HTML tags.

    An article whose first line is a plain headline is never HTML: tags quoted in its body
    (a story about `<script>` injection) stay literal text.
    """
    if _HTML_START.match(text):
        return True
    stripped = text.lstrip()
    return (
        stripped.startswith("<")
        and bool(_HTML_TAG.match(stripped))
        and len(_HTML_TAG.findall(text[:100_000])) >= 3
    )


class _TextExtractor(HTMLParser):
    """Visible text of an HTML page, one line per block element; <title> and first <h1> kept."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip: list[str] = []
        self.title: list[str] = []
        self.h1: list[str] = []
        self.in_title = False
        self.in_h1 = False
        self.h1_seen = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in _SKIP_TAGS and tag not in _VOID_TAGS:
            self.skip.append(tag)
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
        if tag == "h1" and not self.h1_seen and not self.skip:
            self.in_h1 = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if self.skip and tag == self.skip[-1]:
            self.skip.pop()
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
        if tag == "h1" and self.in_h1:
            self.in_h1, self.h1_seen = False, True
            self.parts.append(_H1_END)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        if self.skip:
            return
        if self.in_h1:
            self.h1.append(data)
        self.parts.append(data)


def html_to_text(page: str) -> str:
    """A web page as newsaudit's text format: headline line (first <h1>, else <title>), then
    one line per block of visible text after it; scripts, styles, navigation and forms dropped."""
    parser = _TextExtractor()
    try:
        parser.feed(page.replace("\x00", ""))
        parser.close()
    except AssertionError:  # the stdlib parser asserts on malformed "<![...": tags out by rule
        parser = _TextExtractor()
        parser.feed(re.sub(r"<![^>]*>?", " ", page.replace("\x00", "")))
        parser.close()
    text = "".join(parser.parts)
    headline = " ".join("".join(parser.h1).split()) or " ".join("".join(parser.title).split())
    if _H1_END in text:
        text = text.split(_H1_END, 1)[1]  # what precedes the headline is page furniture
    lines = [" ".join(line.split()) for line in text.split("\n")]
    lines = [line for line in lines if line]
    if lines and lines[0] == headline:
        lines = lines[1:]
    return "\n".join([headline, *lines])


# ---------------------------------------------------------------------------------------------
# Reading (IO at the edge)
# ---------------------------------------------------------------------------------------------
