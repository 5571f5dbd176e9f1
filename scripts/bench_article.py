"""Article-sized benchmarks: answer latency, retrieval latency and recall@1 by library.

Every library ranks the same passages (the development articles' sentences) with
the same terms (our :class:`~retrieval.analysis.Analyzer`), so the comparison is
of the index and its query path alone. Each round times every library on the same
question back to back, in a shuffled order, so machine load and the caches one
library leaves to the next fall on all of them alike.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from bm25s_bare import best_ids

from bot.composer import ComposerOptions, answer, ranked_passages
from bot.evaluation.datasets import EvalSet, load_eval_sets
from bot.evaluation.development import DEVELOPMENT_FILES
from bot.knowledge import Knowledge
from bot.settings import DEFAULT_ARTICLE
from retrieval import Analyzer, Passage, TfidfRetriever

__all__ = ["LIBRARIES", "answer_latency", "load_dev_sets", "recall_at_1", "retrieval_latency"]

K = 5
# A ranker maps a question to passage positions, best first (ties: earlier first).
Ranker = Callable[[str], list[int]]


def load_dev_sets() -> list[EvalSet]:
    """The seed article's questions, then one set per SQuAD development article."""
    sets: list[EvalSet] = []
    for path in DEVELOPMENT_FILES[:2]:
        sets.extend(load_eval_sets(path, DEFAULT_ARTICLE))
    return sets


def _top(scores: np.ndarray, k: int) -> list[int]:
    """Positions of the k best positive scores, ties to the earlier position."""
    order = np.argsort(-scores, kind="stable")[:k]
    return [int(i) for i in order if scores[i] > 0]


def ours(passages: Sequence[Passage]) -> Ranker:
    # Fitted on what the bot fits on: the article's Passage objects.
    retriever = TfidfRetriever.fit(passages)
    return lambda question: [hit.passage.index for hit in retriever.search(question, k=K)]


def sklearn_plain(passages: Sequence[Passage]) -> Ranker:
    """scikit-learn's plain query path: ``vectorizer.transform`` + ``linear_kernel``."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import linear_kernel

    vectorizer = TfidfVectorizer(analyzer=Analyzer(), sublinear_tf=True, dtype=np.float32)
    matrix = vectorizer.fit_transform([passage.text for passage in passages])
    return lambda question: _top(linear_kernel(vectorizer.transform([question]), matrix).ravel(), K)


def _bm25s_index(passages: Sequence[Passage]) -> Any:
    import bm25s

    index = bm25s.BM25()
    analyzer = Analyzer()
    index.index([analyzer(passage.text) for passage in passages], show_progress=False)
    return index


def bm25s_retrieve(passages: Sequence[Passage]) -> Ranker:
    """bm25s through its query API, ``BM25.retrieve`` (the numpy backend)."""
    index = _bm25s_index(passages)
    analyzer = Analyzer()
    vocabulary = index.vocab_dict
    k = min(K, len(passages))

    def rank(question: str) -> list[int]:
        tokens = [term for term in analyzer(question) if term in vocabulary]
        if not tokens:
            return []
        found, scores = index.retrieve([tokens], k=k, show_progress=False)
        return [int(i) for i, score in zip(found[0], scores[0], strict=True) if score > 0]

    return rank


def bm25s_scores(passages: Sequence[Passage]) -> Ranker:
    """bm25s's bare scoring call, ``get_scores_from_ids``, then a partial sort: its floor."""
    index = _bm25s_index(passages)
    analyzer = Analyzer()
    vocabulary = index.vocab_dict

    def rank(question: str) -> list[int]:
        return best_ids(index, vocabulary, analyzer(question), K).tolist()

    return rank


def rank_bm25_ranker(passages: Sequence[Passage]) -> Ranker:
    from rank_bm25 import BM25Okapi

    analyzer = Analyzer()
    index = BM25Okapi([analyzer(passage.text) or [""] for passage in passages])
    return lambda question: _top(np.asarray(index.get_scores(analyzer(question))), K)


LIBRARIES: dict[str, Callable[[Sequence[Passage]], Ranker]] = {
    "ours": ours,
    "scikit-learn plain": sklearn_plain,
    "bm25s": bm25s_retrieve,
    "bm25s scoring only": bm25s_scores,
    "rank_bm25": rank_bm25_ranker,
}


def latency(times: list[float]) -> dict[str, float]:
    """p50/p95/p99 in milliseconds of ``times`` in seconds."""
    p50, p95, p99 = np.percentile(np.asarray(times) * 1e3, [50, 95, 99])
    return {"p50_ms": float(p50), "p95_ms": float(p95), "p99_ms": float(p99), "n": len(times)}


def retrieval_latency(eval_set: EvalSet, rounds: int) -> dict[str, dict[str, float]]:
    """Per-question latency of each library's query path on one article, interleaved."""
    rankers = {name: build(eval_set.article.passages) for name, build in LIBRARIES.items()}
    questions = [question.question for question in eval_set.questions]
    for rank in rankers.values():  # warm up: first calls pay for imports and caches
        for question in questions[:10]:
            rank(question)
    times: dict[str, list[float]] = {name: [] for name in rankers}
    order = list(rankers.items())
    shuffle = random.Random(5).shuffle
    for _ in range(rounds):
        for question in questions:
            shuffle(order)  # no library always follows the same one (cache effects)
            for name, rank in order:
                start = time.perf_counter()
                rank(question)
                times[name].append(time.perf_counter() - start)
    return {name: latency(values) for name, values in times.items()}


# The passages the bot itself draws answers from: the composer's ranking over our index
# (question analysis, coverage, neighbours), as opposed to the index's plain search.
COMPOSER_RANKING = "ours, composer ranking"


def recall_at_1(eval_sets: list[EvalSet]) -> dict[str, dict[str, Any]]:
    """Gold-sentence recall@1 of each library over the answerable questions of ``eval_sets``."""
    names = [*LIBRARIES, COMPOSER_RANKING]
    found = dict.fromkeys(names, 0)
    total = 0
    for eval_set in eval_sets:
        rankers = {name: build(eval_set.article.passages) for name, build in LIBRARIES.items()}
        rankers[COMPOSER_RANKING] = _composer_ranker(Knowledge.from_article(eval_set.article))
        for question in eval_set.questions:
            if not question.gold_passages:
                continue
            total += 1
            for name, rank in rankers.items():
                best = rank(question.question)[:1]
                found[name] += bool(best) and best[0] in question.gold_passages
    return {name: {"recall": found[name] / total, "questions": total} for name in names}


def _composer_ranker(knowledge: Knowledge) -> Ranker:
    def rank(question: str) -> list[int]:
        return [passage.index for passage in ranked_passages(question, knowledge)]

    return rank


def answer_latency(eval_set: EvalSet, rounds: int) -> dict[str, float]:
    """Per-question latency of ``bot.composer.answer`` (retrieve + compose) on one article.

    Wall time (``p50_ms``...) and this thread's CPU time (``cpu_p50_ms``...): on a
    shared machine the tail of the wall time is mostly other processes' turns.
    """
    knowledge = Knowledge.from_article(eval_set.article)
    options = ComposerOptions()
    questions = [question.question for question in eval_set.questions]
    for question in questions:  # warm up: the composer's per-article reader, caches
        answer(question, knowledge, None, options)
    wall, cpu = [], []
    for _ in range(rounds):
        for question in questions:
            start, start_cpu = time.perf_counter(), time.thread_time()
            answer(question, knowledge, None, options)
            cpu.append(time.thread_time() - start_cpu)
            wall.append(time.perf_counter() - start)
    return {**latency(wall), **{f"cpu_{key}": value for key, value in latency(cpu).items()}}
