"""Readability evaluation: hand-counted fixtures, textstat on the seeds, backends, throughput.

Run from the repository root:  python benchmarks/readability_eval.py
Writes benchmarks/results/readability_eval.md (and prints it).
"""

from __future__ import annotations

import json
import os
import platform
import random
import re
import sys
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import pandas as pd  # noqa: E402
import textstat  # noqa: E402

from newsaudit import corpus, readability  # noqa: E402
from newsaudit.config import ReadabilityConfig  # noqa: E402
from newsaudit.readability import syllables  # noqa: E402
from newsaudit.text import sentences  # noqa: E402

FIXTURES = ROOT / "tests" / "data" / "readability" / "worked_examples.json"
OUT = ROOT / "benchmarks" / "results" / "readability_eval.md"
THROUGHPUT_ARTICLES = 1000
TEXTSTAT_ARTICLES = 100  # textstat is slower; time it on a tenth and report per article


def md(frame: pd.DataFrame, floatfmt: str = ".2f") -> str:
    """A DataFrame as a GitHub markdown table (no tabulate dependency)."""
    cols = list(frame.columns)

    def cell(value: object) -> str:
        if isinstance(value, float):
            return format(value, floatfmt)
        return str(value)

    lines = ["| " + " | ".join(map(str, cols)) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in frame.itertuples(False)]
    return "\n".join(lines)


def hand_counted() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per fixture: hand counts vs newsaudit vs textstat, and a summary of exact matches."""
    examples = json.loads(FIXTURES.read_text())["examples"]
    rows = []
    for ex in examples:
        ours = readability.score_text(ex["text"])
        theirs = {
            "words": textstat.lexicon_count(ex["text"]),
            "sentences": textstat.sentence_count(ex["text"]),
            "syllables": textstat.syllable_count(ex["text"]),
        }
        hand_fre = readability.flesch_reading_ease(ex["words"], ex["sentences"], ex["syllables"])
        for measure in ("words", "sentences", "syllables"):
            rows.append(
                {
                    "example": ex["name"],
                    "measure": measure,
                    "hand": ex[measure],
                    "newsaudit": ours[measure],
                    "textstat": theirs[measure],
                }
            )
        rows.append(
            {
                "example": ex["name"],
                "measure": "FRE",
                "hand": round(hand_fre, 2),
                "newsaudit": round(ours["flesch_reading_ease"], 2),
                "textstat": round(textstat.flesch_reading_ease(ex["text"]), 2),
            }
        )
        for measure in ("polysyllables", "complex_words", "unfamiliar_words", "letters"):
            rows.append(
                {
                    "example": ex["name"],
                    "measure": measure,
                    "hand": ex[measure],
                    "newsaudit": ours[measure],
                    "textstat": "",
                }
            )
    detail = pd.DataFrame(rows)
    counts = detail[detail["measure"].isin(["words", "sentences", "syllables"])]
    summary = pd.DataFrame(
        [
            {
                "measure": m,
                "fixtures": int((counts["measure"] == m).sum()),
                "newsaudit exact": int((g["newsaudit"] == g["hand"]).sum()),
                "textstat exact": int((g["textstat"] == g["hand"]).sum()),
            }
            for m, g in counts.groupby("measure", sort=False)
        ]
    )
    return detail, summary


CAUSES = {
    "words": "textstat strips punctuation then splits: same tokens except dash-joined words",
    "sentences": "textstat splits at every '.' (U.N.) then drops pieces of <= 2 words; "
    "merges headings without punctuation into the next sentence",
    "syllables": "textstat falls back to pyphen hyphenation points for names "
    "(Malian = 1, Abdoulaye = 2); we fall back to vowel-group rules and sum compound parts",
    "flesch_reading_ease": "syllables and sentences as above",
    "flesch_kincaid_grade": "syllables and sentences as above",
    "gunning_fog": "textstat counts proper nouns, compounds and -ed/-es/-ing forms as complex",
    "smog_index": "polysyllable and sentence counts as above",
    "coleman_liau_index": "textstat uses 0.058 (published: 0.0588) and counts digits as letters",
    "automated_readability_index": "textstat counts punctuation as characters",
    "dale_chall_readability_score": "textstat counts names, figures and inflected forms "
    "of listed words as unfamiliar",
}


def seeds_vs_textstat(seeds: corpus.Corpus, result: readability.ReadabilityResult) -> tuple:
    """Long table of differences on the seeds, and a per-measure summary with causes."""
    table = readability.compare_textstat(seeds, result)
    summary = (
        table.groupby("measure", sort=False)
        .agg(
            mean_newsaudit=("newsaudit", "mean"),
            mean_textstat=("textstat", "mean"),
            mean_diff=("difference", "mean"),
            max_abs_diff=("difference", lambda d: d.abs().max()),
        )
        .reset_index()
    )
    summary["main cause"] = summary["measure"].map(CAUSES)
    wide = table.pivot(index="article_id", columns="measure", values="difference").reset_index()
    return summary, wide


def backend_table(result: readability.ReadabilityResult) -> pd.DataFrame:
    return readability.backend_comparison(result)


def rule_accuracy() -> pd.DataFrame:
    """Exact agreement of the rule counter with cmudict on two word sets."""
    table = syllables.cmu_table()
    easy = sorted(w for w in readability.easy_words() if w.isalpha() and w in table)
    pool = sorted(w for w in table if re.fullmatch(r"[a-z]{2,}", w))
    sample = random.Random(0).sample(pool, 5000)
    rows = []
    for name, words in (
        ("Dale-Chall familiar words", easy),
        ("5000 random cmudict words", sample),
    ):
        exact = sum(syllables.rule_count(w) == table[w] for w in words)
        within = sum(abs(syllables.rule_count(w) - table[w]) <= 1 for w in words)
        rows.append(
            {
                "word set": name,
                "words": len(words),
                "exact": exact / len(words),
                "within 1": within / len(words),
            }
        )
    return pd.DataFrame(rows)


def generated_corpus(seeds: corpus.Corpus, n: int) -> corpus.Corpus:
    """n articles of 4-14 seed paragraphs drawn with a fixed seed (deterministic)."""
    rng = random.Random(42)
    paragraphs = [p for a in seeds for p in a.paragraphs]
    titles = [a.title for a in seeds]
    texts = {
        f"gen{i:05d}": rng.choice(titles)
        + "\n\n"
        + "\n\n".join(rng.choices(paragraphs, k=rng.randint(4, 14)))
        for i in range(n)
    }
    return corpus.from_texts(texts)


def throughput(seeds: corpus.Corpus) -> pd.DataFrame:
    big = generated_corpus(seeds, THROUGHPUT_ARTICLES)
    words = sum(a.words for a in big)
    readability.analyse(seeds)  # warm the dictionary load (once per process)
    start = time.perf_counter()
    readability.analyse(big, ReadabilityConfig())
    ours = time.perf_counter() - start
    sample = list(big)[:TEXTSTAT_ARTICLES]
    start = time.perf_counter()
    for article in sample:
        for metric in readability.METRICS:
            getattr(textstat, metric)(article.text)
    theirs = time.perf_counter() - start
    text = "\n\n".join(a.text for a in big)
    start = time.perf_counter()
    n_sentences = len(sentences.split(text))
    split_s = time.perf_counter() - start
    return pd.DataFrame(
        [
            {
                "task": f"readability.analyse, {len(big)} articles ({words} words)",
                "seconds": ours,
                "rate": f"{len(big) / ours:.0f} articles/s",
            },
            {
                "task": f"textstat 0.7.8, 7 scores, {len(sample)} of those articles",
                "seconds": theirs,
                "rate": f"{len(sample) / theirs:.0f} articles/s",
            },
            {
                "task": f"sentences.split, {len(text) / 1e6:.1f} MB, {n_sentences} sentences",
                "seconds": split_s,
                "rate": f"{len(text) / 1e6 / split_s:.1f} MB/s",
            },
        ]
    )


def main() -> None:
    seeds = corpus.load(ROOT / "seeds")
    result = readability.analyse(seeds)
    detail, summary = hand_counted()
    ts_summary, ts_wide = seeds_vs_textstat(seeds, result)
    backends = backend_table(result)
    accuracy = rule_accuracy()
    speed = throughput(seeds)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    headline = result.scores[list(readability.SCORE_COLUMNS)]
    parts = [
        "# Readability evaluation",
        "",
        "Generated by `python benchmarks/readability_eval.py`. "
        f"Headline backend: **{result.backend}**; comparison backend: "
        f"{result.comparison_backend}; textstat {version('textstat')}.",
        "",
        "## 1. Hand-counted fixtures (tests/data/readability/worked_examples.json)",
        "",
        "Exact matches with the hand counts:",
        "",
        md(summary),
        "",
        md(detail),
        "",
        "## 2. Seeds: newsaudit vs textstat on the same cleaned body text",
        "",
        "newsaudit headline scores:",
        "",
        md(headline),
        "",
        "Difference newsaudit - textstat, per measure (mean over the 5 seeds):",
        "",
        md(ts_summary),
        "",
        "Per article (newsaudit - textstat):",
        "",
        md(ts_wide),
        "",
        "## 3. Syllable backends on the seeds (FRE/FKGL; diff = rules - cmudict)",
        "",
        md(backends),
        "",
        "Rule counter vs cmudict (how good the fallback and the second backend are):",
        "",
        md(accuracy, ".3f"),
        "",
        "## 4. Throughput",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores shared with other workers, "
        f"load average {load:.1f} at the end of the run; Python {platform.python_version()}.",
        "",
        md(speed),
        "",
        "## 5. Counting conventions (from `newsaudit.readability`)",
        "",
        "```text",
        (readability.__doc__ or "").strip(),
        "```",
        "",
    ]
    report = "\n".join(parts)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
