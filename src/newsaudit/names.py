"""Named organisations and people, and their spelling variants across a corpus.

Mentions are capitalised runs and acronyms in the body (section headings skipped, titles split
off). Spellings are grouped when they are the same name written differently:
- spelling variants: same letters after folding accents and case, a small edit distance, or a
  same-ends anagram typo (MUNISMA / MINUSMA, Al-Qaeda / al Qaeda / Al-Quaeda, Djiré / Djire);
- acronym and long form written together as "Long Name (ACRONYM)" or "ACRONYM (Long Name)";
- surname-only mentions of a person named in full elsewhere (Djire -> Mohammed Kassoum Djiré),
  and the short form of an organisation ("Wagner" -> "Wagner Group"), when unambiguous.
Demonyms and prefixes are not variants (Russia / Russian, Mali / Malian), nor are two different
acronyms (ISIS / ISIL).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

import pandas as pd

from newsaudit import spelling_index
from newsaudit.config import CALENDAR_WORDS, TaggingConfig
from newsaudit.corpus import Article, Corpus
from newsaudit.text.distance import edit_distance
from newsaudit.text.fold import name_key as fold
from newsaudit.unionfind import UnionFind

_PARTICLE = r"(?:al|el|bin|ibn|de|du|des|van|von|der|da)"
_CAP = r"[A-Z\u00C0-\u00DE][\w\u00C0-\u024F]*(?:[-'’][\w\u00C0-\u024F]+)*"
_CONNECT = r"(?:of|for|in|de|des|du|the|on)"
NAME_RE = re.compile(
    rf"(?:\b{_PARTICLE}[- ])?{_CAP}(?:(?:\s+{_CONNECT})?\s+(?:{_PARTICLE}[- ])?{_CAP})*",
    re.UNICODE,
)
# Where one capitalised run holds several names: possessives, compound adjectives.
_SPLIT = re.compile(
    r"['’]s\s+|-(?:linked|backed|affiliated|led|based|funded|allied|run|controlled|aligned)\b\s*"
)
_LEADING = re.compile(r"^(?:(?:of|for|in|de|des|du|the|on)\s+)+")
_TRAILING = re.compile(r"(?:\s+(?:of|for|in|de|des|du|the|on))+$")
_CONNECTORS = {"of", "for", "in", "de", "des", "du", "the", "on"}
_CALENDAR = CALENDAR_WORDS


@dataclass(frozen=True)
class Mention:
    """One name as written in one article; `at_start` marks a lone sentence-initial word."""

    article_id: str
    text: str
    start: int
    end: int
    at_start: bool = False


class _Keys(dict):
    """`name_key` of each spelling, computed once and remembered (`keys[spelling]`)."""

    def __missing__(self, name: str) -> str:
        value = self[name] = fold(name)
        return value


def _is_heading(paragraph: str, config: TaggingConfig) -> bool:
    words = paragraph.split()
    if not words or len(words) > config.name_heading_max_words:
        return False
    if paragraph.rstrip()[-1:] in '.!?"”’)':
        return False
    content = [w.strip(":") for w in words if w.lower() not in _CONNECTORS]
    content = [w for w in content if w.isalpha()]
    share = sum(w[0].isupper() for w in content) / len(content) if content else 0.0
    return share >= (0.6 if paragraph.rstrip().endswith(":") else 0.8)


def _pieces(article: Article, config: TaggingConfig) -> list[tuple[str, int]]:
    """Capitalised runs outside headings, split at possessives, compounds and titles."""
    headings = [
        span
        for span, para in zip(article.paragraph_spans(), article.paragraphs, strict=False)
        if _is_heading(para, config)
    ]
    titles = set(config.name_titles)
    institutions = set(config.name_institutions)
    pieces: list[tuple[str, int]] = []
    for match in NAME_RE.finditer(article.text):
        if any(a <= match.start() < b for a, b in headings):
            continue
        pos = match.start()
        for part in _SPLIT.split(match.group(0)):
            # Titles split the run: "UN Secretary-General Antonio Guterres" -> UN | Antonio ...
            words = list(re.finditer(r"\S+", part))
            chunk: list[re.Match[str]] = []
            for i, w in enumerate(words):
                nxt = words[i + 1].group(0) if i + 1 < len(words) else ""
                if w.group(0) in titles and nxt not in institutions and nxt not in titles:
                    if chunk:
                        pieces.append(
                            (part[chunk[0].start() : chunk[-1].end()], pos + chunk[0].start())
                        )
                    chunk = []
                    continue
                if w.group(0) in titles and (nxt in titles):
                    if chunk:
                        pieces.append(
                            (part[chunk[0].start() : chunk[-1].end()], pos + chunk[0].start())
                        )
                    chunk = []
                    continue
                chunk.append(w)
            if chunk:
                pieces.append((part[chunk[0].start() : chunk[-1].end()], pos + chunk[0].start()))
            pos += len(part)
            sep = _SPLIT.match(article.text, pos)
            pos = sep.end() if sep else pos
    return pieces


def mentions(article: Article, config: TaggingConfig | None = None) -> list[Mention]:
    """Capitalised names and acronyms in the body; lone sentence-initial words are flagged."""
    config = config or TaggingConfig()
    stop = _word_set(config.name_stopwords)
    institutions = _word_set(config.name_institutions)
    found = []
    for text, start in _pieces(article, config):
        words = text.split()
        # Trim leading stop-words ("The Malian government" -> "Malian"), possessive tails.
        while words and words[0] in stop and not (len(words) > 1 and words[1] in institutions):
            start += len(words[0]) + 1
            words = words[1:]
        lead = _LEADING.match(" ".join(words))
        if lead:
            start += lead.end()
            words = " ".join(words)[lead.end() :].split()
        cut = next((i for i, w in enumerate(words) if i and w in _CALENDAR), len(words))
        words = words[:cut]  # "Djiré on Monday" -> "Djiré"
        text = _TRAILING.sub("", re.sub(r"(?:['’]s|['’])$", "", " ".join(words)))
        words = text.split()
        end = start + len(text)
        if len(_MENTION_KEYS[text]) < 3 or text in stop:
            continue
        is_acronym = text.isupper() and len(text) >= 3
        at_start = start == 0 or _after_sentence_start(article.text[max(0, start - 64) : start])
        if len(words) == 1 and not is_acronym and text.islower():
            continue
        lone_start = len(words) == 1 and at_start and not is_acronym
        found.append(Mention(article.article_id, text, start, end, lone_start))
    return found


def _after_sentence_start(before: str) -> bool:
    r"""Whether text ending in `before` leaves the next word at a sentence start: after ". ",
    "? ", ": " (whitespace required) or an opening quote or bracket (whitespace optional).
    What the pattern `(?:[.!?:;]\s+|["“‘(]\s*)$` finds, without trying it at each of the 64
    characters before a name (several times slower)."""
    bare = before.rstrip()
    last = bare[-1:]
    return bool(last) and (last in '"“‘(' or (last in ".!?:;" and len(bare) < len(before)))


@cache
def _word_set(words: tuple[str, ...]) -> frozenset[str]:
    """A configured word list as a set, built once per list."""
    return frozenset(words)


class _BoundedKeys(_Keys):
    """`_Keys` that stops remembering after `MENTION_KEYS_MAX` spellings (a worker's memory)."""

    def __missing__(self, name: str) -> str:
        value = fold(name)
        if len(self) < MENTION_KEYS_MAX:
            self[name] = value
        return value


MENTION_KEYS_MAX = 200_000
_MENTION_KEYS = _BoundedKeys()  # each spelling's `name_key`, once per process


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


def _plural_of(a: str, b: str) -> bool:
    """Multi-word names differing by a final plural ("Algiers Accord" / "Algiers Accords")."""
    if " " not in a or " " not in b:
        return False
    fa, fb = fold(a), fold(b)
    return fa + "s" == fb or fb + "s" == fa


def variant_groups(
    names: Iterable[str], counts: Counter[str], config: TaggingConfig
) -> dict[str, str]:
    """Map each spelling to its canonical spelling (the most used one in its group)."""
    return _canonical(_spelling_groups(sorted(set(names)), config), counts)


def _spelling_groups(
    names: list[str], config: TaggingConfig, key: dict[str, str] | None = None
) -> UnionFind[str]:
    groups = UnionFind(names)
    by_fold: dict[str, list[str]] = defaultdict(list)
    for name in names:
        by_fold[key[name] if key is not None else fold(name)].append(name)
    for members in by_fold.values():
        for other in members[1:]:
            groups.union(members[0], other)
    for a, b in _near_keys(sorted(by_fold), config):
        # b == a + "s" first: the same test as _plural_of on the folded keys, without folding
        # the names again for each of millions of candidate pairs.
        plural = b == a + "s" and _plural_of(by_fold[a][0], by_fold[b][0])
        if plural or _similar(a, b, config):
            groups.union(by_fold[a][0], by_fold[b][0])
    return groups


def _limit(length: int, config: TaggingConfig) -> int:
    """Edits allowed between a spelling of `length` characters and a longer or equal one."""
    return max(1, int(config.name_max_edit_ratio * length))


def _near_keys(keys: list[str], config: TaggingConfig) -> list[tuple[str, str]]:
    """Every (shorter, longer-or-equal) pair of sorted keys that could be linked, each pair
    once: within the shorter key's edit limit with the same first letter (`spelling_index`,
    exact and in numpy), the same letters with the same ends, or one key plus "s" (plurals).

    Linear in keys where comparing every key of a (first letter, length) bucket with its
    neighbours grew with the square of the names found; keys shorter than `name_min_len` + 1,
    which `_similar` never links, are left out but for plurals.
    """
    shortest = config.name_min_len + 1
    found = set(spelling_index.close_pairs(keys, lambda n: _limit(n, config), shortest))
    by_letters: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for key in keys:
        if len(key) >= shortest:
            by_letters[("".join(sorted(key)), key[:1], key[-1:])].append(key)
    for same in by_letters.values():
        found.update(itertools.combinations(same, 2))  # same length, in sorted order
    present = set(keys)
    found.update((b[:-1], b) for b in keys if b.endswith("s") and b[:-1] in present)
    return sorted(found)


def _canonical(groups: UnionFind[str], counts: Counter[str]) -> dict[str, str]:
    members: dict[str, list[str]] = defaultdict(list)
    for name in groups:
        members[groups.find(name)].append(name)
    canonical = {}
    for group in members.values():
        best = sorted(group, key=lambda n: (-counts[n], -len(n.split()), n))[0]
        for name in group:
            canonical[name] = best
    return canonical


def _initials(name: str) -> set[str]:
    return {w[0].upper() for w in re.split(r"[\s-]+", name) if w and w.lower() not in _CONNECTORS}


def acronym_pairs(
    article: Article, found: list[Mention], config: TaggingConfig
) -> list[tuple[str, str]]:
    """(acronym, long form) written together as "Long Name (ACR)" or "ACR (Long Name)"."""
    pairs: list[tuple[str, str]] = []
    if "(" not in article.text:
        return pairs  # most articles: nothing written in brackets
    ordered = sorted(found, key=lambda m: m.start)
    for a, b in itertools.pairwise(ordered):
        between = article.text[a.end : b.start]
        if (
            "(" not in between
            or not re.fullmatch(r"\s*\(\s*", between)
            or not article.text[b.end :].lstrip().startswith(")")
        ):
            continue
        for short, long in ((a.text, b.text), (b.text, a.text)):
            if not re.fullmatch(r"[A-Z][A-Z0-9&.-]{1,}", short) or len(long.split()) < 2:
                continue
            letters = set(re.sub(r"[^A-Z]", "", short))
            share = len(letters & _initials(long)) / len(letters) if letters else 0
            if share >= config.name_acronym_min_share:
                pairs.append((short, long))
    return pairs


def _person_like(name: str, config: TaggingConfig) -> bool:
    words = name.split()
    return (
        2 <= len(words) <= 4
        and words[0] not in config.name_not_given
        and not any(w.lower() in _CONNECTORS or w.isupper() for w in words)
        and words[-1] not in config.name_org_suffixes
        and words[-1] not in config.name_institutions
    )


def _short_forms(
    names: list[str], config: TaggingConfig, key: dict[str, str] | None = None
) -> list[tuple[str, str]]:
    """(single word, full name) for unambiguous surnames and organisation short forms.

    Full names are indexed by the folded surname (persons) and first word (two-word
    organisations), so each single word is one lookup: linear in the number of names.
    """
    key = _Keys() if key is None else key
    targets: dict[str, set[str]] = defaultdict(set)
    for n in names:
        words = n.split()
        if _person_like(n, config):
            targets[key[words[-1]]].add(n)
        if len(words) == 2 and words[1] in config.name_org_suffixes:
            targets[key[words[0]]].add(n)
    links = []
    for single in names:
        if len(single.split()) != 1 or single.isupper():
            continue
        found = targets.get(key[single], set())
        if len({key[t] for t in found}) == 1:
            links.append((single, sorted(found)[0]))
    return links


def table(
    corpus: Corpus,
    config: TaggingConfig | None = None,
    found: Sequence[list[Mention]] | None = None,
) -> pd.DataFrame:
    """names.csv: canonical, variant, article_id, count, sorted for stable output.

    `found` holds each article's `mentions` in corpus order when a runner computed them already
    (the per-article step); this is the corpus-wide step, linear in mentions and names.
    """
    config = config or TaggingConfig()
    if found is None:
        found = [mentions(a, config) for a in corpus]
    per_article: Counter[tuple[str, str]] = Counter()
    totals: Counter[str] = Counter()
    # Each spelling folded once: an archive repeats a few hundred thousand spellings in
    # millions of mentions, and folding is most of this step's time when repeated per mention.
    key = _Keys()
    full_names = {m.text for ms in found for m in ms if not m.at_start}
    confirmed = {key[n] for n in full_names}
    surname_keys = {key[n.split()[-1]] for n in full_names if _person_like(n, config)}
    org_keys = {
        key[n.split()[0]]
        for n in full_names
        if len(n.split()) == 2 and n.split()[1] in config.name_org_suffixes
    }
    known = confirmed | surname_keys | org_keys
    pairs: list[tuple[str, str]] = []
    for article, article_mentions in zip(corpus, found, strict=True):
        # A capitalised sentence opener not known as a name elsewhere is no mention.
        kept = [m for m in article_mentions if not m.at_start or key[m.text] in known]
        written = [m.text for m in kept]
        per_article.update(zip(written, itertools.repeat(article.article_id)))
        totals.update(written)
        pairs.extend(acronym_pairs(article, kept, config))
    names = sorted(totals)
    groups = _spelling_groups(names, config, key)
    for short, long in pairs:
        groups.union(short, long)
    short_forms = _short_forms(names, config, key)
    for single, full in short_forms:
        groups.union(single, full)
    canonical = _canonical(groups, totals)
    # A person or organisation is named by its full name, however often the short form is used.
    renamed = {single: full for single, full in short_forms if canonical[single] == single}
    if renamed:
        for name, best in canonical.items():
            if best in renamed:
                canonical[name] = renamed[best]
    spellings = [name for name, _ in per_article]
    frame = pd.DataFrame(
        {
            "canonical": [canonical[name] for name in spellings],
            "variant": spellings,
            "article_id": [aid for _, aid in per_article],
            "count": list(per_article.values()),
        },
        columns=["canonical", "variant", "article_id", "count"],
    )
    return frame.sort_values(["canonical", "variant", "article_id"], ignore_index=True)


def variants(names_table: pd.DataFrame) -> pd.DataFrame:
    """Only the groups written more than one way: canonical, variant, per-article counts."""
    spellings = names_table.groupby("canonical")["variant"].nunique()
    multi = spellings[spellings > 1].index
    return names_table[names_table["canonical"].isin(multi)].reset_index(drop=True)
