"""Query latency on the realistic corpus, ours against bm25s, interleaved; one JSON line.

Run by ``scripts/bench.py`` once per corpus size, each in a fresh process. The
corpus and the four query kinds come from ``realistic_corpus`` (fixed seeds).
Three contenders answer every query, back to back in a shuffled order, so load
on the shared machine falls on all of them alike:

- ``ours``: ``TfidfRetriever.search(query, k=10)`` (``Hit`` objects);
- ``bm25s scoring only``: ``BM25.get_scores_from_ids`` + a partial sort, the
  floor of what bm25s can do per query;
- ``bm25s``: ``BM25.retrieve``, its query API.

bm25s indexes the same terms as ours (our analyzer's output, as token ids), and
every query is analyzed by our analyzer for all three. Each query is timed as
wall time (``perf_counter``) and as this thread's CPU time (``thread_time``): on
a machine shared with other work the CPU time is what the code costs, the wall
time what a user waited.

Usage::

    python scripts/bench_realistic.py --size 100000 [--queries 250]
    python scripts/bench_realistic.py --size 1000000 --save PATH [--ascii]   # ours only
    python scripts/bench_realistic.py --reload PATH
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import realistic_corpus
from bench_scale import current_rss_mb, peak_rss_mb
from bm25s_bare import best_ids

from retrieval import Analyzer, TfidfRetriever

K = 10
Search = Callable[[str], object]
CONTENDERS = ("ours", "bm25s scoring only", "bm25s")


def build_bm25s(texts: list[str]) -> tuple[Search, Search]:
    """bm25s over our analyzer's terms: (bare scoring + partial sort, ``retrieve``)."""
    import bm25s

    analyzer = Analyzer()
    vocabulary: dict[str, int] = {}
    ids = [[vocabulary.setdefault(term, len(vocabulary)) for term in analyzer(t)] for t in texts]
    index = bm25s.BM25()
    index.index((ids, vocabulary), show_progress=False)
    del ids
    vocabulary = index.vocab_dict

    def scoring_only(question: str) -> object:
        return best_ids(index, vocabulary, analyzer(question), K)

    def retrieve(question: str) -> object:
        tokens = [term for term in analyzer(question) if term in vocabulary]
        if not tokens:
            return None
        return index.retrieve([tokens], k=min(K, len(texts)), show_progress=False)

    return scoring_only, retrieve


def interleaved(
    contenders: dict[str, Search], queries: list[tuple[str, str]]
) -> dict[str, dict[str, list[float]]]:
    """Per contender and query kind: (wall ms, CPU ms) of each query, contenders shuffled."""
    for search in contenders.values():
        for _, query in queries[:20]:  # warm up: first-touch pages, stem caches
            search(query)
    times: dict[str, dict[str, list[float]]] = {name: {} for name in contenders}
    order = list(contenders.items())
    shuffle = random.Random(5).shuffle
    for kind, query in queries:
        shuffle(order)
        for name, search in order:
            wall, cpu = time.perf_counter(), time.thread_time()
            search(query)
            cpu, wall = time.thread_time() - cpu, time.perf_counter() - wall
            times[name].setdefault(f"{kind} wall", []).append(wall * 1e3)
            times[name].setdefault(f"{kind} cpu", []).append(cpu * 1e3)
    return times


def summarize(times: dict[str, list[float]]) -> dict[str, dict[str, float]]:
    """p50/p95/p99 per kind and over all kinds ("mixed"), wall and CPU."""
    result = {}
    for clock in ("wall", "cpu"):
        mixed: list[float] = []
        for key, values in times.items():
            if key.endswith(clock):
                result[key] = _percentiles(values)
                mixed.extend(values)
        result[f"mixed {clock}"] = _percentiles(mixed)
    return result


def _percentiles(values: list[float]) -> dict[str, float]:
    p50, p95, p99 = np.percentile(values, [50, 95, 99])
    return {"p50_ms": float(p50), "p95_ms": float(p95), "p99_ms": float(p99), "n": len(values)}


def measure_latency(size: int, per_kind: int) -> dict[str, Any]:
    texts = realistic_corpus.corpus(size)
    queries = realistic_corpus.mixed(realistic_corpus.query_sets(texts, per_kind))
    start = time.perf_counter()
    retriever = TfidfRetriever.fit(texts)
    build_s = time.perf_counter() - start
    start = time.perf_counter()
    scoring_only, retrieve = build_bm25s(texts)
    bm25s_build_s = time.perf_counter() - start
    gc.collect()
    contenders: dict[str, Search] = {
        "ours": lambda query: retriever.search(query, k=K),
        "bm25s scoring only": scoring_only,
        "bm25s": retrieve,
    }
    times = interleaved(contenders, queries)
    # The same queries again, ours alone: how much of its time the others' cache
    # traffic adds (bm25s's retrieve reads ~100 MB a query at 1M passages).
    times["ours alone"] = interleaved({"ours alone": contenders["ours"]}, queries)["ours alone"]
    return {
        "size": size,
        "per_kind": per_kind,
        "templates": len(realistic_corpus.sentences()),
        "non_ascii_share": sum(not text.isascii() for text in texts) / len(texts),
        "build_s": {"ours": build_s, "bm25s": bm25s_build_s},
        "latency": {name: summarize(values) for name, values in times.items()},
        "peak_rss_mb": peak_rss_mb(),
    }


def measure_save(size: int, path: Path, ascii_only: bool) -> dict[str, Any]:
    """Ours alone: fit (peak RSS of the build) and save, for a reload in a fresh process."""
    texts = realistic_corpus.corpus(size)
    if ascii_only:
        texts = [text.encode("ascii", "replace").decode("ascii") for text in texts]
    gc.collect()
    before = current_rss_mb()
    start = time.perf_counter()
    retriever = TfidfRetriever.fit(texts)
    build_s = time.perf_counter() - start
    gc.collect()
    index_mb = current_rss_mb() - before
    start = time.perf_counter()
    retriever.save(path)
    return {
        "size": size,
        "ascii_only": ascii_only,
        "non_ascii_share": sum(not text.isascii() for text in texts) / len(texts),
        "text_mb": sum(len(text.encode("utf-8")) for text in texts) / 2**20,
        "build_s": build_s,
        "index_mb": index_mb,
        "save_s": time.perf_counter() - start,
        "file_mb": path.stat().st_size / 2**20,
        "peak_rss_mb": peak_rss_mb(),
    }


def measure_reload(path: Path, per_kind: int) -> dict[str, Any]:
    """Load a saved index in a fresh process, then answer the mixed queries once."""
    start = time.perf_counter()
    retriever = TfidfRetriever.load(path)
    reload_s = time.perf_counter() - start
    reload_peak = peak_rss_mb()
    queries = realistic_corpus.mixed(
        realistic_corpus.query_sets(realistic_corpus.corpus(1000), per_kind)
    )
    times = interleaved({"ours": lambda query: retriever.search(query, k=K)}, queries)
    return {
        "size": len(retriever),
        "reload_s": reload_s,
        "reload_peak_rss_mb": reload_peak,
        "latency": summarize(times["ours"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=250, help="queries of each kind")
    parser.add_argument("--save", type=Path, help="fit ours alone and save it here")
    parser.add_argument("--ascii", action="store_true", help="with --save: non-ASCII as '?'")
    parser.add_argument("--reload", type=Path, help="time loading this saved index instead")
    arguments = parser.parse_args()
    if arguments.reload is not None:
        result = measure_reload(arguments.reload, arguments.queries)
    elif arguments.save is not None:
        result = measure_save(arguments.size, arguments.save, arguments.ascii)
    else:
        result = measure_latency(arguments.size, arguments.queries)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
