"""One library at one corpus size: build, memory, query latency; prints one JSON line.

Run by ``scripts/bench.py`` in a fresh process per (library, size), so the peak
RSS it reports (``ru_maxrss``) belongs to that size alone. The corpus and the
queries come from ``bench_corpus`` with fixed seeds, so every library sees the
same passages and questions.

Usage::

    python scripts/bench_scale.py --library ours --size 100000 [--save PATH]
    python scripts/bench_scale.py --reload PATH
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_corpus import corpus, queries
from bm25s_bare import best_ids

from retrieval import Analyzer, TfidfRetriever
from retrieval._passages import LazyPassages
from retrieval.analysis import _STOP_WORD_LISTS, _TOKEN, AnalyzerConfig, stem

K = 10
Search = Callable[[str], object]


def current_rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def peak_rss_mb() -> float:
    """This process's peak RSS (VmHWM): unlike ``ru_maxrss``, not inherited across exec."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def latencies_ms(search: Search, questions: list[str]) -> list[float]:
    for question in questions[:5]:  # warm caches (stems, first-touch pages)
        search(question)
    times = []
    for question in questions:
        start = time.perf_counter()
        search(question)
        times.append((time.perf_counter() - start) * 1e3)
    return times


def summary(times: list[float]) -> dict[str, float]:
    p50, p95, p99 = np.percentile(times, [50, 95, 99])
    return {"p50_ms": float(p50), "p95_ms": float(p95), "p99_ms": float(p99), "n": len(times)}


def build_ours(texts: list[str]) -> tuple[object, Search]:
    retriever = TfidfRetriever.fit(texts)
    return retriever, lambda question: retriever.search(question, k=K)


def build_sklearn(texts: list[str]) -> tuple[object, Search]:
    """scikit-learn's plain path: its own tokenizer (our pattern, our stop words), no stemming."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import linear_kernel

    stop_words = sorted(_STOP_WORD_LISTS[AnalyzerConfig().stop_words])
    vectorizer = TfidfVectorizer(
        token_pattern=_TOKEN.pattern, stop_words=stop_words, sublinear_tf=True, dtype=np.float32
    )
    matrix = vectorizer.fit_transform(texts)

    def search(question: str) -> object:
        scores = linear_kernel(vectorizer.transform([question]), matrix).ravel()
        best = np.argpartition(-scores, K)[:K]
        return best[np.argsort(-scores[best], kind="stable")]

    return (vectorizer, matrix), search


def build_sklearn_analyzer(texts: list[str]) -> tuple[object, Search]:
    """The fit this project used before: TfidfVectorizer calling our Analyzer per passage."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(analyzer=Analyzer(), sublinear_tf=True, dtype=np.float32)
    return (vectorizer, vectorizer.fit_transform(texts)), lambda question: None


def build_bm25s(texts: list[str]) -> tuple[object, Search]:
    """bm25s as its README builds it: its tokenizer with our stop words and stemmer."""
    import bm25s

    stop_words = sorted(_STOP_WORD_LISTS[AnalyzerConfig().stop_words])
    tokens = bm25s.tokenize(
        texts,
        stopwords=stop_words,
        stemmer=lambda words: list(map(stem, words)),
        show_progress=False,
    )
    index = bm25s.BM25()
    index.index(tokens, show_progress=False)
    analyzer = Analyzer()
    vocabulary = tokens.vocab

    def search(question: str) -> object:
        return best_ids(index, vocabulary, analyzer(question), K)

    return index, search


# Imported before the baseline RSS is taken, so index memory is the index alone.
MODULES = {
    "ours": ["retrieval._build"],
    "sklearn": ["sklearn.feature_extraction.text", "sklearn.metrics.pairwise"],
    "sklearn-analyzer": ["sklearn.feature_extraction.text"],
    "bm25s": ["bm25s"],
}
BUILDERS = {
    "ours": build_ours,
    "sklearn": build_sklearn,
    "sklearn-analyzer": build_sklearn_analyzer,
    "bm25s": build_bm25s,
}
# scikit-learn's plain path scans every row per query (~140 ms at 1M): fewer queries.
QUERY_COUNTS = {"ours": 500, "bm25s": 500, "sklearn": 60, "sklearn-analyzer": 0}


def measure_build(library: str, size: int, save: Path | None) -> dict[str, Any]:
    texts = corpus(size)
    questions = queries(texts, QUERY_COUNTS[library])
    for module in MODULES[library]:
        importlib.import_module(module)
    gc.collect()
    before = current_rss_mb()
    start = time.perf_counter()
    index, search = BUILDERS[library](texts)
    build_s = time.perf_counter() - start
    gc.collect()
    result: dict[str, Any] = {
        "library": library,
        "size": size,
        "build_s": build_s,
        "index_mb": current_rss_mb() - before,
    }
    if questions:
        result.update(summary(latencies_ms(search, questions)))
    if save is not None and isinstance(index, TfidfRetriever):
        start = time.perf_counter()
        index.save(save)
        result["save_s"] = time.perf_counter() - start
        result["file_mb"] = save.stat().st_size / 2**20
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def measure_reload(path: Path) -> dict[str, Any]:
    """Load a saved index in a fresh process, then answer the benchmark's queries."""
    start = time.perf_counter()
    retriever = TfidfRetriever.load(path)
    reload_s = time.perf_counter() - start
    passages = retriever.passages
    texts = passages.texts() if isinstance(passages, LazyPassages) else [p.text for p in passages]
    questions = queries(texts, QUERY_COUNTS["ours"])
    result = {"library": "ours-reloaded", "size": len(texts), "reload_s": reload_s}
    result.update(summary(latencies_ms(lambda q: retriever.search(q, k=K), questions)))
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", choices=sorted(BUILDERS), default="ours")
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--save", type=Path, help="also save our index here (ours only)")
    parser.add_argument("--reload", type=Path, help="time loading this saved index instead")
    arguments = parser.parse_args()
    if arguments.reload is not None:
        result = measure_reload(arguments.reload)
    else:
        result = measure_build(arguments.library, arguments.size, arguments.save)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
