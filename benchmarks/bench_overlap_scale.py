"""Overlap at scale: newsaudit's shingle index against datasketch MinHash + MinHashLSH.

For each N a synthetic corpus with planted reuse pairs (benchmarks/synth.py) is generated once
and cached; each method then runs in its own fresh process so that its time and peak memory
are its own. Recall is measured on planted pairs with containment >= 0.3; precision is the share
of reported pairs that are planted. datasketch's LSH threshold is tuned in the same run: the
highest threshold whose recall reaches newsaudit's (and at least 0.98) is reported, timed as
MinHash building plus one LSH build and query at that threshold (tuning time not charged).
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import resource
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks import machine, synth
from benchmarks import scale_index as scale

RECALL_MIN_CONTAINMENT = 0.3  # the recall set
REPORT_MIN_CONTAINMENT = 0.15  # newsaudit reports pairs from the "partial" verdict up
LSH_THRESHOLDS = (0.5, 0.4, 0.3, 0.25, 0.2, 0.15, 0.12, 0.1, 0.08, 0.06, 0.05)
NUM_PERM = 128
SHINGLE = 5


def corpus_path(n: int, seed: int = 0) -> Path:
    """Generate (once) and cache the synthetic corpus of n articles; returns its pickle."""
    path = machine.CACHE_DIR / f"synth-{n}-{seed}.pkl"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        data = synth.generate(n, seed=seed)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(path)
    return path


def truth(corpus: synth.SynthCorpus) -> dict[tuple[str, str], float]:
    """Planted pair (ids sorted) -> containment."""
    return {(min(p.source, p.copy), max(p.source, p.copy)): p.containment for p in corpus.planted}


def scores(found: set[tuple[str, str]], planted: dict[tuple[str, str], float]) -> dict[str, Any]:
    """Recall on planted pairs with containment >= 0.3; precision over all reported pairs."""
    wanted = [k for k, v in planted.items() if v >= RECALL_MIN_CONTAINMENT]
    hits = sum(k in found for k in wanted)
    true = sum(k in planted for k in found)
    return {
        "recall": hits / len(wanted) if wanted else 1.0,
        "precision": true / len(found) if found else 1.0,
        "reported": len(found),
        "wanted": len(wanted),
    }


# ---------------------------------------------------------------------------------------------
# The two methods (each run in a child process)
# ---------------------------------------------------------------------------------------------
def run_newsaudit(corpus: synth.SynthCorpus, workers: int) -> dict[str, Any]:
    """benchmarks.scale_index.candidates, then pairs whose containment estimate reaches 0.15."""
    sample = scale.sample_rate(len(corpus.ids))
    start = time.perf_counter()
    found = scale.candidates(corpus.ids, corpus.texts, n=SHINGLE, sample=sample, workers=workers)
    elapsed = time.perf_counter() - start
    reported = found[found["containment"] >= REPORT_MIN_CONTAINMENT]
    pairs = set(zip(reported["article_a"], reported["article_b"], strict=True))
    return {
        "method": f"newsaudit scale.candidates (sample 1/{sample}, {workers} proc)",
        "seconds": elapsed,
        "candidates": len(found),
        **scores(pairs, truth(corpus)),
    }


def has_overlap_index() -> bool:
    """True when the overlap module has its own shingle index (`newsaudit.overlap.candidates`)."""
    import importlib.util

    return importlib.util.find_spec("newsaudit.overlap.candidates") is not None


def run_overlap_index(corpus: synth.SynthCorpus, _arg: int) -> dict[str, Any]:
    """The overlap module's own index (`candidates.candidates`, default settings)."""
    from newsaudit.config import DEFAULT
    from newsaudit.overlap import candidates

    start = time.perf_counter()
    found = candidates.candidates(corpus.ids, corpus.texts, DEFAULT.overlap)
    elapsed = time.perf_counter() - start
    pairs = set(zip(found["article_a"], found["article_b"], strict=True))
    return {
        "method": "newsaudit candidates.candidates (all candidates)",
        "seconds": elapsed,
        "candidates": len(found),
        **scores(pairs, truth(corpus)),
    }


def run_overlap_analyse(corpus: synth.SynthCorpus, _arg: int) -> dict[str, Any]:
    """End to end: `overlap.analyse` (index, alignment, verdicts); reported = not independent."""
    from newsaudit import corpus as corpus_module
    from newsaudit import overlap
    from newsaudit.config import DEFAULT

    docs = corpus_module.from_texts(dict(zip(corpus.ids, corpus.texts, strict=True)))
    # from_texts cleans the text only; the bodies equal the generated ones, ids too
    start = time.perf_counter()
    result = overlap.analyse(docs, DEFAULT.overlap)
    elapsed = time.perf_counter() - start
    pairs = result.pairs[result.pairs["verdict"] != "independent"]
    found = set(zip(pairs["article_a"], pairs["article_b"], strict=True))
    return {
        "method": "newsaudit overlap.analyse (end to end, verdict partial/derived)",
        "seconds": elapsed,
        "candidates": len(result.pairs),
        **scores(found, truth(corpus)),
    }


_TOKEN = re.compile(r"\w+")


def _shingle_set(text: str) -> set[bytes]:
    toks = _TOKEN.findall(text.lower())
    return {" ".join(toks[i : i + SHINGLE]).encode() for i in range(len(toks) - SHINGLE + 1)}


def _lsh_pairs(ids: list[str], hashes: list[Any], threshold: float) -> set[tuple[str, str]]:
    """MinHashLSH at `threshold`: every indexed pair a query returns (ids sorted)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    with lsh.insertion_session() as session:
        for key, m in zip(ids, hashes, strict=True):
            session.insert(key, m)
    pairs = set()
    for key, m in zip(ids, hashes, strict=True):
        for other in lsh.query(m):
            if other != key:
                pairs.add((min(key, other), max(key, other)))
    return pairs


def run_datasketch(corpus: synth.SynthCorpus, target_recall: float) -> dict[str, Any]:
    """MinHash (128 permutations) of word 5-gram shingles, MinHashLSH at a tuned threshold."""
    from datasketch import MinHash

    start, cpu_start = time.perf_counter(), time.process_time()
    hashes = MinHash.bulk((_shingle_set(t) for t in corpus.texts), num_perm=NUM_PERM)
    minhash_s, minhash_cpu = time.perf_counter() - start, time.process_time() - cpu_start
    planted = truth(corpus)
    tried = []
    best: dict[str, Any] | None = None
    for threshold in LSH_THRESHOLDS:
        t0, cpu0 = time.perf_counter(), time.process_time()
        pairs = _lsh_pairs(corpus.ids, hashes, threshold)
        lsh_s, lsh_cpu = time.perf_counter() - t0, time.process_time() - cpu0
        result = scores(pairs, planted)
        tried.append((threshold, round(result["recall"], 4), len(pairs), round(lsh_s, 2)))
        best = {
            "method": f"datasketch MinHashLSH (threshold {threshold})",
            "threshold": threshold,
            "seconds": minhash_s + lsh_s,
            "minhash_seconds": minhash_s,
            "cpu_s": round(minhash_cpu + lsh_cpu, 1),  # the timed part only, as `seconds`
            "candidates": len(pairs),
            **result,
        }
        if result["recall"] >= target_recall:
            break
    assert best is not None
    best["tuning"] = tried
    return best


_POOL_TEXTS: list[str] = []  # what the forked MinHash workers inherit
POOL_WORKERS = 2
POOL_CHUNK = 2_000  # texts per task: results stream back while the others hash


def _minhash_chunk(bounds: tuple[int, int]) -> list[Any]:
    from datasketch import LeanMinHash, MinHash

    texts = _POOL_TEXTS[bounds[0] : bounds[1]]
    return [LeanMinHash(m) for m in MinHash.bulk(map(_shingle_set, texts), num_perm=NUM_PERM)]


def run_datasketch_pool(corpus: synth.SynthCorpus, threshold: float) -> dict[str, Any]:
    """The same pipeline at a given threshold, `MinHash.bulk` split over `POOL_WORKERS` forked
    processes (chunks in order, returned as `LeanMinHash`); LSH in this process, as
    datasketch's index is one in-memory structure."""
    import multiprocessing

    global _POOL_TEXTS
    _POOL_TEXTS = corpus.texts
    n = len(corpus.texts)
    bounds = [(i, min(n, i + POOL_CHUNK)) for i in range(0, n, POOL_CHUNK)]
    start, cpu_start = time.perf_counter(), time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    pool = multiprocessing.get_context("fork").Pool(POOL_WORKERS)
    hashes = [m for part in pool.imap(_minhash_chunk, bounds) for m in part]
    pool.close()
    pool.join()  # workers waited for: their CPU time is counted below
    minhash_s = time.perf_counter() - start
    pairs = _lsh_pairs(corpus.ids, hashes, threshold)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    workers_cpu = after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
    return {
        "cpu_main_s": round(time.process_time() - cpu_start, 1),
        "cpu_workers_s": round(workers_cpu, 1),
        "method": f"datasketch MinHashLSH (threshold {threshold}, MinHash on {POOL_WORKERS} "
        "processes)",
        "threshold": threshold,
        "seconds": time.perf_counter() - start,
        "minhash_seconds": minhash_s,
        "candidates": len(pairs),
        **scores(pairs, truth(corpus)),
    }


def child(method: str, path: str, arg: float) -> None:
    """Entry point of a measuring child process: prints one JSON line."""
    corpus = pickle.loads(Path(path).read_bytes())
    base = machine.peak_rss_mib()
    runs = {
        "newsaudit": run_newsaudit,
        "overlap-index": run_overlap_index,
        "overlap-analyse": run_overlap_analyse,
    }
    if method in runs:
        out = runs[method](corpus, int(arg))
    elif method == "datasketch-pool":
        out = run_datasketch_pool(corpus, arg)
    else:
        out = run_datasketch(corpus, arg)
    out["peak_rss_mib"] = machine.peak_rss_mib(children=True)
    out["corpus_rss_mib"] = base
    from newsaudit import runner

    runner.reap()  # pool workers still exiting: their CPU time counted as the children's
    usage = [resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    out.setdefault("cpu_s", round(sum(u.ru_utime + u.ru_stime for u in usage), 1))
    print(json.dumps(out))


def measure(method: str, path: Path, arg: float) -> dict[str, Any]:
    """Run one method in a fresh interpreter; its JSON result."""
    src = Path(__file__).resolve().parent.parent / "src"
    args = [method, str(path), str(arg)]
    return machine.child("benchmarks.bench_overlap_scale", args, src, f"{method} on {path.name}")


def main(
    sizes: list[int],
    workers: int = 2,
    datasketch_max: int = 100_000,
    end_to_end_max: int = 10_000,
) -> Path:
    """Benchmark every size; write benchmarks/results/overlap_scale_<largest N>k.md."""
    facts = machine.info()
    rows, tuning, notes = [], [], []
    for n in sizes:
        t = time.perf_counter()
        path = corpus_path(n)
        gen_s = time.perf_counter() - t
        corpus = pickle.loads(path.read_bytes())
        described = synth.describe(corpus)
        del corpus
        results = [measure("newsaudit", path, 1)]
        if workers > 1:
            results.append(measure("newsaudit", path, workers))
        if has_overlap_index():
            results.append(measure("overlap-index", path, 1))
            if n <= end_to_end_max:
                results.append(measure("overlap-analyse", path, 1))
        if n <= datasketch_max:
            target = max(0.98, min(r["recall"] for r in results if "scale" in r["method"]))
            results.append(measure("datasketch", path, target))
            tuning.append((n, results[-1]["tuning"]))
        fastest = min(r["seconds"] for r in results if "scale" in r["method"])
        for r in results:
            rows.append(
                (
                    f"{n:,}",
                    r["method"],
                    f"{r['seconds']:.1f}",
                    f"{r['seconds'] / fastest:.1f}x",
                    f"{r['peak_rss_mib'] / 1024:.2f}",
                    f"{(r['peak_rss_mib'] - r['corpus_rss_mib']) / 1024:.2f}",
                    f"{r['recall']:.3f} ({r['wanted']})",
                    f"{r['precision']:.3f}",
                    f"{r['reported']:,}",
                    f"{r['candidates']:,}",
                )
            )
        notes.append(
            f"- N = {n:,}: {described['mean_words']:.0f} words per article on average, "
            f"{described['planted_pairs']} planted pairs ({described['planted_ge_0.3']} with "
            f"containment >= 0.3); corpus generated in {gen_s:.0f} s (cached, not timed)."
        )
        print(f"overlap_scale: N={n} done", file=sys.stderr)
    header = [
        "N",
        "method",
        "seconds",
        "vs fastest scale",
        "peak RSS GiB",
        "RSS over corpus GiB",
        "recall c>=0.3 (pairs)",
        "precision",
        "pairs reported",
        "candidate pairs",
    ]
    tune_rows = [
        (f"{n:,}", "; ".join(f"{t}: recall {r}, {p:,} pairs, {s} s" for t, r, p, s in tried))
        for n, tried in tuning
    ]
    sections = [
        "Each method runs in a fresh process on the same cached corpus (time excludes reading "
        "it). newsaudit: `benchmarks.scale_index.candidates` (numpy shingle index, word 5-grams, "
        f"shingles in > 20 articles dropped, >= 2 shared shingles; 1 shingle in {scale.SAMPLE} "
        f"sampled from {scale.SAMPLE_FROM_ARTICLES:,} articles up), reporting pairs whose "
        "containment "
        f"estimate is >= {REPORT_MIN_CONTAINMENT}. datasketch: `MinHash.bulk` (128 "
        "permutations) of word 5-gram shingles, `MinHashLSH` at the highest threshold whose "
        "recall reaches newsaudit's (>= 0.98); it reports the LSH candidate pairs. Recall is "
        f"on planted pairs with containment >= {RECALL_MIN_CONTAINMENT}; precision is the "
        "share of reported pairs that are planted. When the overlap module's own index "
        "(`newsaudit.overlap.candidates`) is present it is measured too (all its candidate pairs "
        "reported), and `overlap.analyse` end to end (index, alignment, verdicts; pairs "
        "with verdict partial or derived reported) up to 10k articles.",
        machine.table(header, rows),
        "\n".join(notes),
        "## datasketch threshold tuning (threshold: recall, pairs, LSH seconds)",
        machine.table(["N", "tried"], tune_rows),
    ]
    name = f"overlap_scale_{max(sizes) // 1000}k"  # quick (10k) and full (100k) runs side by side
    return machine.write(name, "Overlap at scale", sections, facts)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--child", nargs=3, metavar=("METHOD", "CORPUS", "ARG"))
    parser.add_argument("--sizes", type=int, nargs="*", default=[1_000, 10_000])
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], float(args.child[2]))
    else:
        print(main(args.sizes, args.workers))
