"""Article tags: outlet, genre (news / opinion / explainer) and the dates an article mentions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsaudit import lexicon
from newsaudit.config import MONTHS, WEEKDAYS, TaggingConfig
from newsaudit.corpus import Article
from newsaudit.text.fold import ascii_lower

_MONTH = "|".join(MONTHS)
_DATE_PATTERNS = (
    rf"\b(?:{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b",
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH})(?:\s+\d{{4}})?\b",
    rf"\b(?:{_MONTH})\s+\d{{4}}\b",
    r"\b(?:19|20)\d{2}\b",
    rf"\b(?:on\s+)?(?:{'|'.join(WEEKDAYS)})\b",
    r"\b(?:last|next|this)\s+(?:year|month|week)\b",
    r"\b\d{4}-\d{2}-\d{2}\b",
)
DATE_RE = re.compile("|".join(f"(?:{p})" for p in _DATE_PATTERNS))
# Genre cues (lexicon/en/tagging/): language data, compiled once, case-insensitive.
EXPLAINER_CUES = lexicon.patterns("tagging/explainer_cues")
OPINION_MARKERS = lexicon.patterns("tagging/opinion_markers")
REPORTING_VERBS = lexicon.patterns("tagging/reporting_verbs")


@dataclass(frozen=True)
class Tags:
    """What tagging found for one article, with the evidence for its genre."""

    article_id: str
    outlet: str
    outlet_source: str  # "metadata", "url", "text" or "" when unknown
    genre: str
    genre_evidence: str
    dates: tuple[str, ...]


# Leading literal letters of a pattern after an optional \b ("\bshould\b" -> "should");
# the last one is dropped when a quantifier follows it ("\bop-?ed" keeps "op").
_LITERAL_HEAD = re.compile(r"(?:\\b|\^)?([a-z][a-z ]*)([?*{+]?)", re.IGNORECASE)


def literal_prefix(source: str) -> str:
    """Lower-case letters every match of the regex `source` starts with ("" when unknown): a
    text without them holds no match, and most cue patterns never occur in an article."""
    if not source.isascii() or _top_level_alternation(source):
        return ""
    head = _LITERAL_HEAD.match(source)
    if head is None:
        return ""
    letters = head.group(1)[:-1] if head.group(2) else head.group(1)
    return letters.lower()


def _top_level_alternation(source: str) -> bool:
    depth, escaped, in_class = 0, False, False
    for ch in source:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
    return False


def _count(patterns: tuple[re.Pattern[str], ...], text: str) -> int:
    """Matches of every (case-insensitive) pattern in `text`, skipping the patterns whose
    leading letters the text never holds (the same count, without scanning for them)."""
    lowered = ascii_lower(text)
    total = 0
    for pattern in patterns:
        head = _HEADS.get(pattern.pattern)
        if head is None:
            head = _HEADS[pattern.pattern] = literal_prefix(pattern.pattern)
        if lowered is not None and head and head not in lowered:
            continue
        total += len(pattern.findall(text))
    return total


_HEADS: dict[str, str] = {}  # pattern source -> its literal prefix (`literal_prefix`)


def genre(article: Article, config: TaggingConfig | None = None) -> tuple[str, str]:
    """(genre, evidence): explainer by headline/lead cues, opinion by judgement vs attribution."""
    config = config or TaggingConfig()
    lead = "\n".join((article.title, *article.paragraphs[:3]))
    for pattern in EXPLAINER_CUES:
        for line in lead.split("\n"):
            match = pattern.search(line)
            if match:
                return "explainer", f"explainer cue {match.group(0).strip()!r}"
    words = max(article.words, 1)
    opinion = _count(OPINION_MARKERS, article.text) * 100 / words
    reporting = _count(REPORTING_VERBS, article.text) * 100 / words
    score = opinion - config.reporting_weight * reporting
    evidence = (
        f"opinion markers {opinion:.2f}/100 words, reporting verbs {reporting:.2f}/100 words"
    )
    if score > config.opinion_threshold:
        return "opinion", evidence
    return "news", evidence


def outlet(article: Article, config: TaggingConfig | None = None) -> tuple[str, str]:
    """(outlet, source): metadata first, then the URL's host, then self-reference in the text.

    A self-reference is "told <Outlet>" or "interview with <Outlet>": reporters name their own
    outlet that way. A credit line ("Courtesy: X") names the *source*, not the outlet.
    """
    config = config or TaggingConfig()
    if article.outlet:
        return article.outlet, "metadata"
    if article.url:
        host = re.sub(r"^www\.", "", re.sub(r"^[a-z]+://", "", article.url).split("/")[0])
        if host:
            return host, "url"
    names = "|".join(re.escape(n) for n in sorted(config.known_outlets, key=len, reverse=True))
    hits = re.findall(
        rf"\b(?:told|interview with|speaking to|said to)\s+({names})\b", article.text
    )
    if hits:
        return max(set(hits), key=hits.count), "text"
    return "", ""


def dates(article: Article) -> tuple[str, ...]:
    """Date expressions mentioned in the body, in order of first appearance, without repeats."""
    seen: dict[str, None] = {}
    for match in DATE_RE.finditer(article.text):
        seen.setdefault(re.sub(r"^on\s+", "", match.group(0).strip()), None)
    return tuple(seen)


def tag(article: Article, config: TaggingConfig | None = None) -> Tags:
    """All tags of one article."""
    name, source = outlet(article, config)
    kind, evidence = genre(article, config)
    return Tags(article.article_id, name, source, kind, evidence, dates(article))
