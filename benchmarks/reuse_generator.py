"""Synthetic text-reuse corpora with known labels, for evaluating newsaudit.overlap.

Base texts: the five seed articles and the fictional news texts in tests/data/overlap/ (two
independent reports per topic). From each base article the generator makes copies with
controlled edits, each labelled derived / partial / independent with the true source:

- light:    verbatim copy with word substitutions, a few sentences deleted, one inserted (derived)
- rewrite:  every sentence reworded (synonyms from the generator's OWN table, not the one in
            OverlapConfig; clause moves, attribution inversions, dropped modifiers) (derived)
- reorder:  lightly edited copy with its paragraphs/sentences shuffled in blocks (derived)
- heavy-rewrite: all of the above at full strength, sentences merged and swapped (derived)
- human-rewrite: hand-written paraphrases in tests/data/overlap/rewrites/ (derived)
- summary:  about half of the sentences kept, reworded (derived)
- partial:  a third to a half of the source, lightly edited, framed by text of another
            article (partial, with both articles as sources)
- quotes:   an unrelated same-topic article that adds the source's quotations with the same
            speakers (independent of the source; derived from the article it extends)
Direction clues are added at random the way they occur in the wild: a credit line naming the
source's outlet, outlet metadata, publication dates, a truncated ending; or none at all.
Negatives: all pairs of different base articles (same topic and different topic).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import re
from dataclasses import dataclass
from pathlib import Path

from newsaudit.corpus import Article, Corpus, from_texts, load

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "data" / "overlap"
SEEDS = ROOT / "seeds"
REWRITES = FIXTURES / "rewrites"  # hand-written paraphrases of some fixture texts

OUTLETS = (
    "Daily Courier",
    "Northern Gazette",
    "Metro Post",
    "Radio Lumen",
    "The Harbour Times",
    "Coastline News",
    "Evening Ledger",
    "Capital Wire",
)
# The generator's own paraphrase table (deliberately broader than OverlapConfig.synonyms and
# only partly overlapping it, so the evaluation does not test the config list against itself).
REWORDINGS: dict[str, tuple[str, ...]] = {
    "said": ("stated", "explained", "noted"),
    "told": ("informed", "said to"),
    "people": ("residents", "individuals", "citizens"),
    "about": ("around", "roughly", "some"),
    "more than": ("over", "in excess of"),
    "after": ("following",),
    "because": ("since", "as"),
    "began": ("started", "got under way"),
    "large": ("big", "sizeable"),
    "largest": ("biggest",),
    "big": ("large", "major"),
    "help": ("assist", "support"),
    "show": ("reveal", "indicate"),
    "showed": ("revealed", "indicated"),
    "expected": ("anticipated", "forecast"),
    "warned": ("cautioned",),
    "killed": ("left dead",),
    "several": ("a number of", "various"),
    "many": ("numerous", "a lot of"),
    "demand": ("call for", "insist on"),
    "demanding": ("calling for",),
    "protesters": ("demonstrators",),
    "gathered": ("assembled", "came together"),
    "officials": ("authorities",),
    "government": ("administration", "authorities"),
    "country": ("nation",),
    "city": ("town", "municipality"),
    "town": ("locality",),
    "failed": ("did not manage",),
    "failure": ("inability",),
    "increase": ("rise",),
    "rise": ("increase",),
    "cost": ("price",),
    "price": ("cost",),
    "workers": ("employees", "staff"),
    "company": ("firm", "group"),
    "plan": ("scheme", "project"),
    "project": ("scheme", "plan"),
    "decision": ("ruling", "move"),
    "asked": ("requested", "urged"),
    "leave": ("quit", "depart from"),
    "end": ("conclusion", "close"),
    "mission": ("operation",),
    "troops": ("soldiers",),
    "soldiers": ("troops",),
    "fighting": ("battling", "combating"),
    "support": ("back", "assist"),
    "accused": ("charged", "blamed"),
    "accuse": ("blame",),
    "attacks": ("assaults",),
    "arrival": ("coming",),
    "repeated": ("recurring",),
    "recent": ("latest",),
    "however": ("but", "yet"),
    "also": ("additionally", "too"),
    "now": ("currently",),
    "remain": ("stay",),
    "reported": ("recorded",),
    "approved": ("backed", "endorsed"),
    "promised": ("pledged", "vowed"),
    "week": ("seven days",),
    "houses": ("homes",),
    "homes": ("houses",),
    "heavy": ("intense",),
    "rain": ("rainfall",),
    "farmers": ("growers",),
    "residents": ("locals", "inhabitants"),
    "fear": ("worry",),
    "hospital": ("clinic",),
    "new": ("fresh",),
    "record": ("all-time high",),
}
DROPPABLE = (
    "very",
    "also",
    "still",
    "now",
    "initially",
    "independent",
    "significant",
    "repeated",
    "recent",
    "several",
    "major",
    "further",
    "immediate",
    "long",
    "early",
    "only",
)
# Seed 000 is a human rewrite of seed 001 (known from reading them): a real derived pair.
SEED_FAMILY = {"s000", "s001"}
_SENT = re.compile(
    r"(?:(?<=[.!?])|(?<=[.!?][\"\u201d\u2019]))\s+(?=[\"\u201c]?[A-Z0-9])(?<!U\.N\. )"
)


@dataclass(frozen=True)
class Base:
    """A base article: id, raw text (headline first), topic."""

    article_id: str
    raw: str
    topic: str


@dataclass(frozen=True)
class Label:
    """Gold label of one pair: verdict and (for reuse) the source article."""

    a: str
    b: str
    verdict: str
    source: str
    case: str


@dataclass(frozen=True)
class Scenario:
    """One synthetic corpus and the gold labels of its labelled pairs."""

    name: str
    corpus: Corpus
    labels: tuple[Label, ...]


def bases() -> list[Base]:
    """Seed articles (topic 'mali') and fixture texts (topic from the file name)."""
    out = []
    seeds = load(SEEDS)
    for art in seeds:
        out.append(Base(f"s{art.article_id[:3]}", art.title + "\n\n" + art.text, "mali"))
    for path in sorted(FIXTURES.glob("*.txt")):
        out.append(Base(path.stem, path.read_text(encoding="utf-8"), path.stem.split("_")[0]))
    return out


# ---------------------------------------------------------------------------------------------
# Edits
# ---------------------------------------------------------------------------------------------
def split(raw: str) -> tuple[str, list[list[str]]]:
    """Headline and paragraphs as lists of sentences."""
    lines = [line.strip() for line in raw.strip().split("\n")]
    head, body = lines[0], [line for line in lines[1:] if line]
    return head, [[s for s in _SENT.split(p) if s.strip()] for p in body]


def join(head: str, paras: list[list[str]]) -> str:
    """Back to raw text (headline first, blank line between paragraphs)."""
    return head + "\n\n" + "\n\n".join(" ".join(p) for p in paras if p)


def _case_like(word: str, model: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def reword(sentence: str, rng: random.Random, rate: float) -> str:
    """Replace words and phrases from the generator's paraphrase table with probability `rate`."""
    for phrase in sorted(REWORDINGS, key=len, reverse=True):
        pattern = re.compile(rf"\b{re.escape(phrase)}\b", re.IGNORECASE)

        def swap(m: re.Match[str], phrase: str = phrase) -> str:
            if rng.random() >= rate:
                return m.group(0)
            return _case_like(rng.choice(REWORDINGS[phrase]), m.group(0))

        sentence = pattern.sub(swap, sentence)
    return sentence


def drop_modifiers(sentence: str, rng: random.Random, rate: float) -> str:
    """Delete optional modifiers ("very", "recent", ...) with probability `rate`."""
    for word in DROPPABLE:
        if rng.random() < rate:
            sentence = re.sub(rf"\b{word}\s+", "", sentence, count=1)
    return sentence


def rephrase(sentence: str, rng: random.Random) -> str:
    """One structural rewrite: move a leading phrase, invert an attribution, or split a clause."""
    choice = rng.random()
    m = re.match(r"^([A-Z][^,\"\u201c]{3,40}),\s+(.+?)([.!?])$", sentence)
    if choice < 0.35 and m and not m.group(2).startswith(("\u201c", '"')):
        rest = m.group(2)
        return f"{rest[0].upper()}{rest[1:]} {m.group(1)[0].lower()}{m.group(1)[1:]}{m.group(3)}"
    m = re.match(r"^[\"\u201c](.+?),[\"\u201d]\s+(said|says)\s+(.+?)\.$", sentence)
    if m:
        return f"{m.group(3)[0].upper()}{m.group(3)[1:]} {m.group(2)}: \u201c{m.group(1)}.\u201d"
    m = re.match(r"^(.{30,}?),\s+(?:and|but|while)\s+(.{20,})$", sentence)
    if choice < 0.7 and m:
        return f"{m.group(1)}. {m.group(2)[0].upper()}{m.group(2)[1:]}"
    m = re.match(r"^(The|A|An)\s+(\w+)\s+(.+)$", sentence)
    if m and choice >= 0.7:
        return f"{m.group(1)} {m.group(2)} {m.group(3)}".replace(" has ", " had ", 1)
    return sentence


def typo(word: str, rng: random.Random) -> str:
    """Swap two inner letters: the kind of slip a copy may carry along."""
    if len(word) < 6:
        return word
    k = rng.randrange(1, len(word) - 3)
    return word[:k] + word[k + 1] + word[k] + word[k + 2 :]


def _sentences(paras: list[list[str]]) -> list[str]:
    return [s for p in paras for s in p]


def _regroup(sentences: list[str], rng: random.Random) -> list[list[str]]:
    paras, k = [], 0
    while k < len(sentences):
        size = rng.randint(1, 3)
        paras.append(sentences[k : k + size])
        k += size
    return paras


def light(raw: str, filler: list[str], rng: random.Random) -> str:
    """Verbatim copy: ~8% words substituted, ~15% sentences deleted, one sentence inserted."""
    head, paras = split(raw)
    sents = [reword(s, rng, 0.15) for s in _sentences(paras) if rng.random() > 0.15]
    if filler:
        sents.insert(rng.randrange(len(sents) + 1), rng.choice(filler))
    return join(reword(head, rng, 0.5), _regroup(sents, rng))


def rewrite(raw: str, rng: random.Random) -> str:
    """Paraphrased rewrite: every sentence reworded and restructured where possible."""
    head, paras = split(raw)
    sents = [
        rephrase(drop_modifiers(reword(s, rng, 0.8), rng, 0.6), rng) for s in _sentences(paras)
    ]
    sents = [s for s in sents if rng.random() > 0.1]
    for k in range(len(sents) - 1):  # swap some neighbouring sentences
        if rng.random() < 0.15:
            sents[k], sents[k + 1] = sents[k + 1], sents[k]
    return join(reword(head, rng, 1.0), _regroup(sents, rng))


def reorder(raw: str, rng: random.Random) -> str:
    """Light edits, then blocks of sentences shuffled."""
    head, paras = split(raw)
    sents = [reword(s, rng, 0.1) for s in _sentences(paras)]
    blocks = [sents[k : k + 3] for k in range(0, len(sents), 3)]
    rng.shuffle(blocks)
    return join(head, _regroup([s for b in blocks for s in b], rng))


def summary(raw: str, rng: random.Random) -> str:
    """About half of the sentences kept (always the lead), reworded and trimmed."""
    head, paras = split(raw)
    sents = _sentences(paras)
    kept = [sents[0]] + [s for s in sents[1:] if rng.random() < 0.5]
    kept = [drop_modifiers(reword(s, rng, 0.4), rng, 0.5) for s in kept]
    return join(reword(head, rng, 0.7), _regroup(kept, rng))


def heavy(raw: str, rng: random.Random) -> str:
    """Heavy paraphrase: a quarter of the sentences dropped, the rest reworded and restructured,
    some merged pairwise, neighbours swapped."""
    head, paras = split(raw)
    sents = [s for s in _sentences(paras) if rng.random() > 0.25]
    sents = [rephrase(drop_modifiers(reword(s, rng, 1.0), rng, 1.0), rng) for s in sents]
    merged: list[str] = []
    for s in sents:
        if merged and rng.random() < 0.25 and not merged[-1].endswith(("\u201d", '"')):
            merged[-1] = merged[-1].rstrip(".") + ", and " + s[:1].lower() + s[1:]
        else:
            merged.append(s)
    for k in range(len(merged) - 1):
        if rng.random() < 0.25:
            merged[k], merged[k + 1] = merged[k + 1], merged[k]
    return join(reword(head, rng, 1.0), _regroup(merged, rng))


def partial(raw: str, frame: str, rng: random.Random) -> str:
    """Some contiguous sentences of the source (lightly edited) inside another article.

    The borrowed text is 20 to 45 % of the result, so the copy is partly, not wholly, derived.
    """
    _, paras = split(raw)
    head_f, paras_f = split(frame)
    sents = _sentences(paras)
    own = _sentences(paras_f)
    own_words = sum(len(s.split()) for s in own)
    share = rng.uniform(0.2, 0.45)
    target = own_words * share / (1 - share)
    start = rng.randrange(max(1, len(sents) - 3))
    borrowed: list[str] = []
    for s in sents[start:]:
        if borrowed and sum(len(b.split()) for b in borrowed) + len(s.split()) > target:
            break
        borrowed.append(reword(s, rng, 0.1))
    cut = rng.randrange(1, max(2, len(own)))
    return join(head_f, _regroup(own[:cut] + borrowed + own[cut:], rng))


_QUOTED = re.compile(r"[\"\u201c]([^\"\u201d]{20,}?)[,.]?[\"\u201d]")
_PERSON = re.compile(r"\b([A-Z][a-z\u00e0-\u00ff]+(?:\s+[A-Z][a-z\u00e0-\u00ff]+)+)")


def quotations(raw: str) -> list[tuple[str, str]]:
    """(quotation, speaker) pairs of an article; the speaker is a two-word capitalised name
    outside the quotation marks in the same sentence."""
    _, paras = split(raw)
    out = []
    for sent in _sentences(paras):
        m = _QUOTED.search(sent)
        if not m:
            continue
        outside = sent[: m.start()] + " " + sent[m.end() :]
        person = _PERSON.search(outside)
        if person:
            out.append((m.group(1).strip(), person.group(1)))
    return out


def with_quotes(raw: str, quotes: list[tuple[str, str]], rng: random.Random) -> str:
    """Another article with the given quotations added, attributed in its own words."""
    head, paras = split(raw)
    sents = _sentences(paras)
    forms = (
        "\u201c{q},\u201d {p} said.",
        "{p} said: \u201c{q}.\u201d",
        "\u201c{q},\u201d said {p}.",
    )
    for q, person in quotes:
        line = rng.choice(forms).format(q=q.rstrip(".,"), p=person)
        sents.insert(rng.randrange(1, len(sents) + 1), line)
    return join(head, _regroup(sents, rng))


# ---------------------------------------------------------------------------------------------
# Scenarios
# ---------------------------------------------------------------------------------------------
def _clues(
    copy_raw: str, source: str, outlets: dict[str, str], rng: random.Random
) -> tuple[str, bool]:
    """Maybe add a credit line or truncate the copy; returns (raw, truncated)."""
    r = rng.random()
    if r < 0.3:
        form = rng.choice(("(Courtesy: {})", "Source: {}", "This article first appeared on {}."))
        return copy_raw + "\n\n" + form.format(outlets[source]), False
    if r < 0.4:
        cut = copy_raw.rstrip()
        words = cut.split(" ")
        keep = int(len(words) * 0.85)
        return " ".join(words[:keep]).rstrip(".,;:"), True
    return copy_raw, False


def scenario(
    base: Base, pool: list[Base], rng: random.Random, with_base_pairs: bool = False
) -> Scenario:
    """A corpus: every base article plus copies of `base`, with gold labels."""
    outlets = {b.article_id: OUTLETS[k % len(OUTLETS)] for k, b in enumerate(pool)}
    others = [b for b in pool if b.article_id != base.article_id]
    same_topic = [b for b in others if b.topic == base.topic]
    other_topic = [b for b in others if b.topic != base.topic]
    filler_src = rng.choice(other_topic)
    _, fparas = split(filler_src.raw)
    filler = [s for s in _sentences(fparas) if len(s.split()) > 8][:6]
    texts: dict[str, str] = {b.article_id: b.raw for b in pool}
    labels: list[Label] = []
    bid = base.article_id

    def add(case: str, raw: str, sources: dict[str, str]) -> None:
        cid = f"{bid}~{case}"
        texts[cid], _ = _clues(raw, next(iter(sources)), outlets, rng)
        for sid, verdict in sources.items():
            labels.append(
                Label(*sorted((cid, sid)), verdict, sid if verdict != "independent" else "", case)
            )

    add("light", light(base.raw, filler, rng), {bid: "derived"})
    add("rewrite", rewrite(base.raw, rng), {bid: "derived"})
    add("heavy-rewrite", heavy(base.raw, rng), {bid: "derived"})
    human = REWRITES / f"{bid}.txt"
    if human.exists():  # a paraphrase written by hand, as seed 000 is of seed 001
        add("human-rewrite", human.read_text(encoding="utf-8"), {bid: "derived"})
    add("reorder", reorder(base.raw, rng), {bid: "derived"})
    add("summary", summary(base.raw, rng), {bid: "derived"})
    frame = rng.choice(other_topic)
    add("partial", partial(base.raw, frame.raw, rng), {bid: "partial"})
    quotes = quotations(base.raw)
    hosts = [b for b in same_topic if not {b.article_id, bid} <= SEED_FAMILY]
    if quotes and hosts:
        host = rng.choice(hosts)
        qid = f"{bid}~quotes"
        texts[qid] = with_quotes(host.raw, quotes[:2], rng)
        labels.append(Label(*sorted((qid, bid)), "independent", "", "quotes"))
    # Negatives: copies vs unrelated bases, and base vs base (same and different topic).
    generated = [t for t in texts if "~" in t]
    involved = {lab.a for lab in labels} | {lab.b for lab in labels}
    siblings = {bid} | (SEED_FAMILY if bid in SEED_FAMILY else set())
    for cid in generated:
        for b in pool:
            pair = tuple(sorted((cid, b.article_id)))
            if b.article_id in siblings or (b.article_id in involved and _labelled(labels, pair)):
                continue
            frame_family = SEED_FAMILY if frame.article_id in SEED_FAMILY else {frame.article_id}
            if b.article_id in frame_family and cid.endswith("partial"):
                continue
            if b.article_id == filler_src.article_id and cid.endswith("~light"):
                continue
            if cid.endswith("quotes") and b.topic == base.topic:
                continue  # the host article: its extended copy is a derivative, not scored
            case = "same-topic" if b.topic == base.topic else "other-topic"
            labels.append(Label(*pair, "independent", "", case))
    if with_base_pairs:  # pairs of base articles: labelled once, in the first scenario
        for x, y in ((x, y) for k, x in enumerate(pool) for y in pool[k + 1 :]):
            if {x.article_id, y.article_id} == SEED_FAMILY:
                labels.append(Label("s000", "s001", "derived", "s001", "seed-rewrite"))
            else:
                case = "same-topic" if x.topic == y.topic else "other-topic"
                labels.append(
                    Label(*sorted((x.article_id, y.article_id)), "independent", "", case)
                )
    corpus = from_texts(texts)
    corpus = _with_metadata(corpus, outlets, base, rng)
    return Scenario(bid, corpus, tuple(labels))


def _labelled(labels: list[Label], pair: tuple[str, ...]) -> bool:
    return any((lab.a, lab.b) == pair for lab in labels)


def _with_metadata(
    corpus: Corpus, outlets: dict[str, str], base: Base, rng: random.Random
) -> Corpus:
    """In a third of the scenarios, outlets and dates are known (as from metadata.csv)."""
    if rng.random() >= 1 / 3:
        return corpus
    day0 = dt.date(2023, 6, 1)
    arts: list[Article] = []
    for art in corpus:
        copy = "~" in art.article_id
        root = art.article_id.split("~")[0]
        outlet = rng.choice(OUTLETS) if copy else outlets.get(root, "")
        date = day0 + dt.timedelta(days=(3 + rng.randrange(3)) if copy else rng.randrange(2))
        arts.append(dataclasses.replace(art, outlet=outlet, published=date))
    return Corpus(tuple(arts), corpus.root, corpus.notes)


def scenarios(seed: int = 7, rounds: int = 3) -> list[Scenario]:
    """`rounds` scenarios per base article (different random edits), deterministic per seed."""
    pool = bases()
    rng = random.Random(seed)
    return [
        scenario(b, pool, rng, r == 0 and k == 0)
        for r in range(rounds)
        for k, b in enumerate(pool)
    ]


# ---------------------------------------------------------------------------------------------
# Scale: many synthetic articles with planted reuse pairs
# ---------------------------------------------------------------------------------------------
def scale_texts(
    n_articles: int, n_planted: int, words: int = 500, seed: int = 3
) -> tuple[list[str], list[str], list[tuple[str, str, float]]]:
    """(ids, raw texts, planted pairs with their copied share) for timing the candidate index.

    Articles are Zipf-distributed draws over a 30,000-word vocabulary (the shape of news word
    frequencies, so common shingles exist and the frequency cap matters), in sentences of 12-30
    words. A planted copy takes a contiguous 30-100 % of its source, substitutes 5 % of the
    words and fills the rest with its own text.
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    vocab = np.array([f"w{k}" for k in range(30_000)])
    ranks = np.arange(1, len(vocab) + 1)
    probs = 1.0 / ranks**1.07
    probs /= probs.sum()

    def sentences(n_words: int) -> list[str]:
        drawn = vocab[rng.choice(len(vocab), size=n_words, p=probs)]
        out, k = [], 0
        while k < n_words:
            size = int(rng.integers(12, 31))
            chunk = drawn[k : k + size]
            out.append(" ".join(chunk).capitalize() + ".")
            k += size
        return out

    texts = [sentences(words) for _ in range(n_articles)]
    planted: list[tuple[str, str, float]] = []
    sources = rng.choice(n_articles, size=min(n_planted, n_articles // 2), replace=False)
    targets = rng.permutation(sorted(set(range(n_articles)) - set(sources.tolist())))
    for src, dst in zip(sources.tolist(), targets.tolist(), strict=False):
        share = float(rng.uniform(0.3, 1.0))
        sents = texts[src]
        take = max(1, round(len(sents) * share))
        start = int(rng.integers(0, len(sents) - take + 1))
        copied = []
        for sent in sents[start : start + take]:
            toks = sent.split()
            for k in range(len(toks)):
                if rng.random() < 0.05:
                    toks[k] = str(vocab[rng.integers(len(vocab))])
            copied.append(" ".join(toks))
        own = texts[dst][: max(0, len(sents) - take)]
        texts[dst] = own[: len(own) // 2] + copied + own[len(own) // 2 :]
        planted.append((f"a{min(src, dst):06d}", f"a{max(src, dst):06d}", share))
    ids = [f"a{k:06d}" for k in range(n_articles)]
    return ids, [f"Headline {k}\n\n" + " ".join(t) for k, t in enumerate(texts)], planted
