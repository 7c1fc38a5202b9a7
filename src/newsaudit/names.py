"""Named organisations and people, and their spelling variants across a corpus."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from newsaudit.config import TaggingConfig
from newsaudit.corpus import Article, Corpus

_PARTICLE = r"(?:al|el|bin|ibn|de|du|des|van|von|der|da)"
_CAP = r"[A-Z\u00C0-\u00DE][\w\u00C0-\u024F]*(?:[-'’][\w\u00C0-\u024F]+)*"
_CONNECT = r"(?:of|for|in|de|des|du|the|on)"
NAME_RE = re.compile(
    rf"(?:\b{_PARTICLE}[- ])?{_CAP}(?:(?:\s+{_CONNECT})?\s+(?:{_PARTICLE}[- ])?{_CAP})*",
    re.UNICODE,
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|[\"“‘(]\s*)$")
# Where one capitalised run holds several names: possessives, compound adjectives.
_SPLIT = re.compile(
    r"['’]s\s+|-(?:linked|backed|affiliated|led|based|funded|allied|run|controlled|aligned)\b\s*"
)
_LEADING = re.compile(r"^(?:(?:of|for|in|de|des|du|the|on)\s+)+")


@dataclass(frozen=True)
class Mention:
    """One name as written in one article."""

    article_id: str
    text: str
    start: int
    end: int


def fold(name: str) -> str:
    """Spelling-insensitive key: accents stripped, case folded, only letters and digits kept."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[\W_]+", "", plain.casefold())


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, stopping early once it exceeds `limit` (returns limit + 1)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def mentions(article: Article, config: TaggingConfig | None = None) -> list[Mention]:
    """Capitalised names and acronyms in the body, skipping lone sentence-initial words."""
    config = config or TaggingConfig()
    stop = set(config.name_stopwords)
    found = []
    pieces = []
    for match in NAME_RE.finditer(article.text):
        pos = match.start()
        for part in _SPLIT.split(match.group(0)):
            pieces.append((part, pos))
            pos += len(part)
            sep = _SPLIT.match(article.text, pos)
            pos = sep.end() if sep else pos
    for text, start in pieces:
        words = text.split()
        # Trim leading stop-words ("The Malian government" -> "Malian"), possessive tails.
        while words and words[0] in stop:
            start += len(words[0]) + 1
            words = words[1:]
        lead = _LEADING.match(" ".join(words))
        if lead:
            start += lead.end()
            words = " ".join(words)[lead.end() :].split()
        text = re.sub(r"(?:['’]s|['’])$", "", " ".join(words))
        end = start + len(text)
        if len(fold(text)) < 3 or text in stop:
            continue
        is_acronym = text.isupper() and len(text) >= 3
        at_start = bool(_SENTENCE_START.search(article.text[:start]))
        if len(words) == 1 and at_start and not is_acronym:
            continue
        if len(words) == 1 and not is_acronym and text.islower():
            continue
        found.append(Mention(article.article_id, text, start, end))
    return found


def _similar(a: str, b: str, config: TaggingConfig) -> bool:
    """Two folded spellings of the same name: close in edits, or a same-ends anagram (typo)."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    if shorter < config.name_min_len + 1:
        return False
    if a.startswith(b) or b.startswith(a):  # plural or demonym (Russia/Russian), not a typo
        return False
    if len(a) == len(b) and sorted(a) == sorted(b) and a[0] == b[0] and a[-1] == b[-1]:
        return True
    limit = max(1, int(config.name_max_edit_ratio * shorter))
    return a[0] == b[0] and edit_distance(a, b, limit) <= limit


def variant_groups(
    names: Iterable[str], counts: Counter[str], config: TaggingConfig
) -> dict[str, str]:
    """Map each spelling to its canonical spelling (the most used one in its group)."""
    by_fold: dict[str, list[str]] = defaultdict(list)
    for name in sorted(set(names)):
        by_fold[fold(name)].append(name)
    keys = sorted(by_fold)
    parent = {k: k for k in keys}

    def root(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if _similar(a, b, config):
                parent[root(b)] = root(a)
    members: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        members[root(key)].extend(by_fold[key])
    canonical = {}
    for group in members.values():
        best = sorted(group, key=lambda n: (-counts[n], n))[0]
        for name in group:
            canonical[name] = best
    return canonical


def table(corpus: Corpus, config: TaggingConfig | None = None) -> pd.DataFrame:
    """names.csv: canonical, variant, article_id, count, sorted for stable output."""
    config = config or TaggingConfig()
    per_article: Counter[tuple[str, str]] = Counter()
    totals: Counter[str] = Counter()
    for article in corpus:
        for m in mentions(article, config):
            per_article[(m.text, article.article_id)] += 1
            totals[m.text] += 1
    canonical = variant_groups(totals, totals, config)
    rows = [
        {"canonical": canonical[name], "variant": name, "article_id": aid, "count": n}
        for (name, aid), n in per_article.items()
    ]
    frame = pd.DataFrame(rows, columns=["canonical", "variant", "article_id", "count"])
    return frame.sort_values(["canonical", "variant", "article_id"], ignore_index=True)


def variants(names_table: pd.DataFrame) -> pd.DataFrame:
    """Only the groups written more than one way: canonical, variant, per-article counts."""
    spellings = names_table.groupby("canonical")["variant"].nunique()
    multi = spellings[spellings > 1].index
    return names_table[names_table["canonical"].isin(multi)].reset_index(drop=True)
