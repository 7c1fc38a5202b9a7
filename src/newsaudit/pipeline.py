"""One run of every analysis over a corpus, its cache, and the contract CSV outputs."""

from __future__ import annotations

import dataclasses
import functools
import math
import os
import pickle
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from newsaudit import cache, corpus, events, figures, names, overlap, readability, runner, tagging
from newsaudit.config import DEFAULT, Settings

ARTICLE_COLUMNS = [
    "article_id",
    "file",
    "title",
    "outlet",
    "genre",
    "published",
    "words",
    "sha256",
    "boilerplate_lines",
]
CACHE_DIR = ".newsaudit-cache"
FLOAT_FORMAT = "%.6f"
_UMASK = os.umask(0)
os.umask(_UMASK)


@dataclass(frozen=True)
class Results:
    """Everything the report shows: the corpus, its tags and each analysis' DataFrames."""

    corpus: corpus.Corpus
    settings: Settings
    articles: pd.DataFrame
    names: pd.DataFrame
    overlap: overlap.OverlapResult
    figures: figures.FiguresResult
    readability: readability.ReadabilityResult
    key: str
    timings: dict[str, float] = field(default_factory=dict)
    # events.csv: the event of each article (figures are compared only within one).
    events: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=events.EVENT_COLUMNS)
    )

    def tables(self) -> dict[str, pd.DataFrame]:
        """The contract CSV files by name, in the order they are written."""
        return {
            "articles.csv": self.articles,
            "overlap_pairs.csv": self.overlap.pairs,
            "passages.csv": self.overlap.passages,
            "figures.csv": self.figures.figures,
            "figure_checks.csv": self.figures.checks,
            "names.csv": self.names,
            "readability.csv": self.readability.scores,
            "figure_comparisons.csv": self.figures.comparisons,  # every compared figure
            "events.csv": self.events,
            "article_reuse.csv": self.overlap.article_reuse,  # each article against its sources
        }


def articles_frame(docs: corpus.Corpus, tags: list[tagging.Tags]) -> pd.DataFrame:
    """articles.csv: one row per article with its tags; removed boilerplate lines one per line."""
    rows = []
    for article, tag in zip(docs, tags, strict=True):
        rows.append(
            {
                "article_id": article.article_id,
                "file": article.file,
                "title": article.title,
                "outlet": tag.outlet,
                "genre": tag.genre,
                "published": article.published.isoformat() if article.published else "",
                "words": article.words,
                "sha256": article.sha256,
                "boilerplate_lines": "\n".join(article.boilerplate),
                "outlet_source": tag.outlet_source,
                "genre_evidence": tag.genre_evidence,
                "dates_mentioned": "; ".join(tag.dates),
                "url": article.url,
            }
        )
    columns = [*ARTICLE_COLUMNS, "outlet_source", "genre_evidence", "dates_mentioned", "url"]
    return pd.DataFrame(rows, columns=columns)


def cache_key(docs: corpus.Corpus, settings: Settings) -> str:
    """Hash of package version, settings and input file hashes (see `cache.key`)."""
    return cache.key(docs, settings)


Progress = Callable[[str, int, int], None]  # (stage, articles or items done, total)


class Recipe:
    """Runs named steps in order with one runner, recording each step's seconds and reporting
    per-item progress (what `analyse` reads as a list of steps, as papermill's execute_notebook
    reads)."""

    def __init__(self, run: runner.Runner, progress: Progress | None = None) -> None:
        self.run = run
        self.progress = progress
        self.timings: dict[str, float] = {}

    def _record(self, name: str, started: float) -> None:
        self.timings[name] = round(self.timings.get(name, 0.0) + time.perf_counter() - started, 4)

    def each(self, name: str, fn: Callable[[Any], Any], items: Sequence[Any]) -> list:
        """Step `name`: fn over every item, wherever the runner runs it."""
        started, done, total = time.perf_counter(), 0, len(items)
        say = self.progress
        if say:
            say(name, 0, total)

        def tick(n: int) -> None:
            nonlocal done
            done += n
            if say:
                say(name, done, total)

        value = self.run.map(fn, items, tick)
        self._record(name, started)
        return value

    def once(self, name: str, fn: Callable[..., Any], *args: Any) -> Any:
        """Step `name`: one call in this process (a corpus-wide combine)."""
        started = time.perf_counter()
        value = fn(*args)
        self._record(name, started)
        return value


def load(
    corpus_dir: str | Path,
    settings: Settings = DEFAULT,
    run: runner.Runner | None = None,
    progress: Progress | None = None,
) -> corpus.Corpus:
    """`corpus.load` with the files read, decoded and cleaned by the runner (same Corpus, same
    notes and errors: only the per-file reading is mapped)."""
    steps = Recipe(run or runner.Serial(), progress)
    return corpus.load(
        corpus_dir, settings.corpus, mapper=lambda read, jobs: steps.each("reading", read, jobs)
    )


def analyse(
    docs: corpus.Corpus,
    settings: Settings = DEFAULT,
    run: runner.Runner | None = None,
    progress: Progress | None = None,
) -> Results:
    """Tagging and the three analyses over a loaded corpus (pure: no files written).

    The recipe: per-article steps (tagging, name mentions, and each analysis' own per-article
    and per-pair steps, which it hands to `steps.each`) mapped by `run` (serial, a process pool
    or Dask: the same Results), then each analysis' corpus-wide step in this process.
    """
    steps = Recipe(run or runner.Serial(), progress)
    articles = list(docs.articles)
    tags = steps.each("tagging", functools.partial(tagging.tag, config=settings.tagging), articles)
    found = steps.each(
        "names", functools.partial(names.mentions, config=settings.tagging), articles
    )
    names_frame = steps.once("names", names.table, docs, settings.tagging, found)
    overlap_result = steps.once("overlap", overlap.analyse, docs, settings.overlap, steps.each)
    story = steps.once("events", events.group, docs, settings.events, overlap_result.pairs)
    figures_result = steps.once(
        "figures", figures.analyse, docs, settings.figures, story.of, steps.each
    )
    read = steps.once("readability", readability.analyse, docs, settings.readability, steps.each)
    return Results(
        corpus=docs,
        settings=settings,
        articles=articles_frame(docs, tags),
        names=names_frame,
        overlap=overlap_result,
        figures=figures_result,
        readability=read,
        key=cache_key(docs, settings),
        timings=steps.timings,
        events=story.table,
    )


def results(
    corpus_dir: str | Path,
    out_dir: str | Path | None = None,
    params: dict[str, Any] | None = None,
) -> Results:
    """Load the corpus and analyse it, reusing `out_dir`'s cached results when inputs match.

    This is what notebooks call: after `newsaudit run` it is a cache hit, in a fresh Jupyter
    session it computes (and caches when out_dir is given). Files are read, and a miss is
    analysed, on every core (the local engine): a 100,000-article corpus is read in each
    notebook to check the cache key.
    """
    settings = DEFAULT.with_overrides(params)
    run_on = runner.get("local")
    docs = load(corpus_dir, settings, run_on)
    key = cache_key(docs, settings)
    cache = Path(out_dir) / CACHE_DIR / f"results-{key}.pkl" if out_dir else None
    if cache is not None and cache.exists():
        try:
            with cache.open("rb") as fh:
                cached = pickle.load(fh)
            if isinstance(cached, Results) and cached.key == key:
                return cached
        except Exception:  # a stale or truncated cache is recomputed, never fatal
            pass
    value = analyse(docs, settings, run_on)
    if cache is not None:
        write_bytes_atomic(cache, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return value


# ---------------------------------------------------------------------------------------------
# Writing (IO at the edge): atomic, byte-stable
# ---------------------------------------------------------------------------------------------
def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder and rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp creates 0600; published files are readable
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """Stable CSV: fixed float format, '\\n' line ends, 'inf' for unbounded values."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_float_dtype(out[column]):
            out[column] = [
                ("inf" if v > 0 else "-inf")
                if isinstance(v, float) and math.isinf(v)
                else ("" if pd.isna(v) else FLOAT_FORMAT % v)
                for v in out[column]
            ]
    return out.to_csv(index=False, lineterminator="\n").encode("utf-8")


def write_tables(value: Results, out_dir: str | Path) -> list[Path]:
    """Write every contract CSV into out_dir atomically; returns the paths written."""
    out = Path(out_dir)
    written = []
    for name, frame in value.tables().items():
        write_bytes_atomic(out / name, csv_bytes(frame))
        written.append(out / name)
    return written


def write_parquet(value: Results, out_dir: str | Path) -> list[Path]:
    """Parquet copies of the contract tables (typed, compressed; for large runs)."""
    from newsaudit.extras import require  # the parquet extra is optional

    require("parquet", "Parquet output")
    out = Path(out_dir)
    written = []
    for name, frame in value.tables().items():
        path = out / name.replace(".csv", ".parquet")
        path.parent.mkdir(parents=True, exist_ok=True)
        frame.to_parquet(path, index=False)
        written.append(path)
    return written


def save_cache(value: Results, out_dir: str | Path) -> Path:
    """Store results so notebooks executed afterwards reuse them instead of recomputing."""
    path = Path(out_dir) / CACHE_DIR / f"results-{value.key}.pkl"
    root = value.corpus.root
    if root and Path(root).is_absolute():  # the output folder may be published: no private path
        relative = os.path.relpath(root, Path(out_dir).resolve())
        value = dataclasses.replace(value, corpus=dataclasses.replace(value.corpus, root=relative))
    write_bytes_atomic(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return path
