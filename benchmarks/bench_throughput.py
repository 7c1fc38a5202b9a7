"""Figures and readability throughput (articles per second) beside quantulum3 and textstat.

All tools read the same cleaned article bodies of a synthetic corpus (benchmarks/synth.py).
Each tool processes consecutive batches of articles until all N are done or its time budget is
spent, so a slow tool is measured on a prefix of the corpus instead of running for an hour;
the table says how many articles each rate is based on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks import machine, synth
from newsaudit import corpus, figures, readability
from newsaudit.config import DEFAULT

BATCHES = (20, 100)  # the first batch is small so that a slow tool stops near its budget


def rate(
    fn: Callable[[Sequence[corpus.Article]], Any],
    articles: Sequence[corpus.Article],
    budget_s: float,
) -> tuple[float, int, float]:
    """(articles per second, articles processed, seconds) running fn on batches in order."""
    done, spent = 0, 0.0
    while done < len(articles) and spent < budget_s:
        batch = articles[done : done + BATCHES[min(done, 1)]]
        start = time.perf_counter()
        fn(batch)
        spent += time.perf_counter() - start
        done += len(batch)
    return (done / spent if spent else float("inf")), done, spent


def _sub(articles: Sequence[corpus.Article]) -> corpus.Corpus:
    return corpus.Corpus(articles=tuple(articles))


def tools() -> dict[str, tuple[str, Callable[[Sequence[corpus.Article]], Any]]]:
    """name -> (task, function over a batch of articles)."""
    import quantulum3.parser
    import textstat

    def newsaudit_figures(batch: Sequence[corpus.Article]) -> Any:
        return figures.analyse(_sub(batch), DEFAULT.figures)

    def quantulum(batch: Sequence[corpus.Article]) -> Any:
        return [quantulum3.parser.parse(a.text) for a in batch]

    def newsaudit_readability(batch: Sequence[corpus.Article]) -> Any:
        return readability.analyse(_sub(batch), DEFAULT.readability)

    def textstat_scores(batch: Sequence[corpus.Article]) -> Any:
        return [
            (
                textstat.flesch_reading_ease(a.text),
                textstat.flesch_kincaid_grade(a.text),
                textstat.gunning_fog(a.text),
                textstat.smog_index(a.text),
                textstat.coleman_liau_index(a.text),
                textstat.automated_readability_index(a.text),
                textstat.dale_chall_readability_score(a.text),
            )
            for a in batch
        ]

    return {
        "newsaudit.figures.analyse": ("figures", newsaudit_figures),
        "quantulum3.parser.parse": ("figures", quantulum),
        "newsaudit.readability.analyse": ("readability", newsaudit_readability),
        "textstat (7 formulas)": ("readability", textstat_scores),
    }


def main(n: int = 10_000, budget_s: float = 60.0) -> Path:
    """Throughput of each tool on the same n synthetic articles; writes throughput.md."""
    facts = machine.info()
    start = time.perf_counter()
    synthetic = synth.generate(n, seed=2)
    generated = time.perf_counter() - start
    start = time.perf_counter()
    docs = corpus.from_texts(dict(zip(synthetic.ids, synthetic.texts, strict=True)))
    load_s = time.perf_counter() - start
    articles = list(docs.articles)
    rows = [
        (
            "load + clean (corpus.from_texts)",
            "corpus",
            f"{n / load_s:,.0f}",
            f"{n:,}",
            f"{load_s:.1f}",
        )
    ]
    for name, (task, fn) in tools().items():
        fn(articles[:5])  # warm caches (dictionaries, models) outside the timing
        per_s, done, spent = rate(fn, articles, budget_s)
        rows.append((name, task, f"{per_s:,.1f}", f"{done:,}", f"{spent:.1f}"))
    sections = [
        f"{n:,} synthetic articles (~{sum(a.words for a in articles) / n:.0f} words each; "
        f"generated in {generated:.0f} s, not timed). Batches of {BATCHES[0]} then "
        f"{BATCHES[1]} articles until all are done or {budget_s:.0f} s are spent; one "
        "process. quantulum3 runs without its optional classifier (not installed).",
        machine.table(["tool", "task", "articles/s", "articles measured", "seconds"], rows),
    ]
    return machine.write("throughput", "Figures and readability throughput", sections, facts)


if __name__ == "__main__":
    print(main())
