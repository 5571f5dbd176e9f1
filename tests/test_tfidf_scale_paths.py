"""The paths that only large corpora take, forced on small seeded ones.

At a million passages the retriever sums postings into a reused score array and
cuts the search short (max-score), and the fit works in batches; all must give
exactly what the plain paths give.
"""

from __future__ import annotations

import numpy as np
import pytest

from retrieval import TfidfRetriever, _build, _plans, _postings, _ranking, _search
from tests.test_tfidf_reference import (
    Reference,
    assert_same_fit,
    assert_same_ranking,
    realistic_corpus,
)

_STOP = ["the", "of", "and", "to", "in", "is", "first", "found"]


def zipf_corpus(n_passages: int, seed: int = 0, vocabulary: int = 400) -> list[str]:
    """Passages of 4-20 Zipf-distributed words; stop words among the most frequent."""
    rng = np.random.default_rng(seed)
    words = _STOP + [f"w{index}x" for index in range(vocabulary)]
    weights = 1.0 / np.arange(1, len(words) + 1) ** 1.1
    weights /= weights.sum()
    lengths = rng.integers(4, 21, size=n_passages)
    return [" ".join(rng.choice(words, size=length, p=weights)) for length in lengths]


def sample_queries(texts: list[str], count: int, seed: int = 1) -> list[str]:
    rng = np.random.default_rng(seed)
    queries = []
    for row in rng.integers(0, len(texts), size=count):
        tokens = texts[row].split()
        picked = rng.choice(len(tokens), size=min(4, len(tokens)), replace=False)
        queries.append(" ".join(tokens[i] for i in picked))
    return queries


@pytest.fixture(scope="module")
def corpus() -> list[str]:
    """3,000 passages, the last 200 repeating the first: exact ties for every plan."""
    texts = zipf_corpus(2800)
    return texts + texts[:200]


@pytest.fixture(scope="module")
def retriever(corpus: list[str]) -> TfidfRetriever:
    return TfidfRetriever.fit(corpus)


def _top(retriever: TfidfRetriever, query: str, k: int) -> tuple[list[int], list[float]]:
    hits = retriever.search(query, k=k)
    return [hit.passage.index for hit in hits], [hit.score for hit in hits]


# Module constants that force each plan of the search on a small corpus.
FEW_CHAMPIONS = {"_MIN_CHAMPIONS": 64, "_CHAMPION_SHARE": 10**9}  # 64 per long list
# No dense copy, planned, narrow postings, np.add.at for every row's score, no plain Python.
LARGE = {
    "_MATRIX_CELLS": 0,
    "DENSE_ROWS": 0,
    "BINCOUNT_ROWS": 0,
    "_FRESH_ROWS": 0,
    "_PYTHON_ROWS": 0,
}
# The max-score cut on few postings, as on realistic text: champion lists of 8
# bound the skipped lists' other rows. With _LOOKUP_COST 0 it skips every list it can.
CUT_FEW = {
    **LARGE,
    "SUM_FRACTION": 1,
    "_GIANT_FRACTION": 1,
    "_CUT_FRACTION": 1,
    "_CUT_TEST_RATIO": 0,
    "_CUT_MIN_SKIPPED": 0,
    "_MIN_CHAMPIONS": 8,
    "_CHAMPION_SHARE": 10**9,
}
PLANS = {
    # Every query in plain Python, over memoryviews of the postings.
    "python": {"_PYTHON_ROWS": 10**9, "_PYTHON_QUERY_POSTINGS": 10**9, "_MATRIX_CELLS": 0},
    "dense copy": {"_MATRIX_CELLS": 10**12},
    # Every query through the complex keys of a small index.
    "summed, keyed": {"_MATRIX_CELLS": 0, "_PYTHON_ROWS": 0},
    "summed": {**LARGE, "SUM_FRACTION": 0, "_GIANT_FRACTION": 0, "_CUT_FRACTION": 10**9},
    "summed, fresh array": {
        **LARGE,
        "_FRESH_ROWS": 10**9,
        "SUM_FRACTION": 0,
        "_GIANT_FRACTION": 0,
        "_CUT_FRACTION": 10**9,
    },
    "max-score cut": {
        **LARGE,
        "SUM_FRACTION": 10**9,
        "_CUT_FRACTION": 1,
        "_CUT_TEST_RATIO": 0,
        "_CUT_MIN_SKIPPED": 0,
    },
    "max-score cut, few postings": CUT_FEW,
    "max-score cut, few postings, lookups only": {**CUT_FEW, "_LOOKUP_COST": 0},
    "cut or champions": {
        **LARGE,
        "SUM_FRACTION": 10**9,
        "_CUT_FRACTION": 8,
        "_CUT_MIN_SKIPPED": 0,
        **FEW_CHAMPIONS,
    },
    "champions": {**LARGE, "SUM_FRACTION": 10**9, "_CUT_FRACTION": 10**9, **FEW_CHAMPIONS},
    # Queries needing no plan still try the cut (it no longer does by default).
    "max-score cut on queries needing no plan": {**CUT_FEW, "_CUT_FEW": True},
    "max-score cut on queries needing no plan, lookups only": {
        **CUT_FEW,
        "_CUT_FEW": True,
        "_LOOKUP_COST": 0,
    },
    # Every posting summed, the sums read back only for the rows bounds leave in the
    # running (rarest lists and the others' champions), from the scratch array or a
    # fresh one; champion lists of 8, and of 64.
    "summed, bounded read-back": {
        **LARGE,
        "SUM_FRACTION": 0,
        "_GIANT_FRACTION": 0,
        "_CUT_FRACTION": 10**9,
        "_READ_BACK_POSTINGS": 0,
        "_MIN_CHAMPIONS": 8,
        "_CHAMPION_SHARE": 10**9,
    },
    "summed, bounded read-back, fresh array": {
        **LARGE,
        "_FRESH_ROWS": 10**9,
        "SUM_FRACTION": 0,
        "_GIANT_FRACTION": 0,
        "_CUT_FRACTION": 10**9,
        "_READ_BACK_POSTINGS": 0,
        **FEW_CHAMPIONS,
    },
    # Every list written into its place in the postings' arrays, not joined as bytes.
    "summed, lists written in place": {
        **LARGE,
        "SUM_FRACTION": 0,
        "_GIANT_FRACTION": 0,
        "_CUT_FRACTION": 10**9,
        "_JOINED_POSTINGS": 0,
    },
    # Summed in float32, the rows near the k-th scored exactly; and giving up on it.
    "screened": {
        **LARGE,
        "SUM_FRACTION": 0,
        "_GIANT_FRACTION": 0,
        "_CUT_FRACTION": 10**9,
        "_SCREEN_ROWS": 0,
        "_SCREEN_POSTINGS": 0,
        "_MIN_CHAMPIONS": 8,
        "_CHAMPION_SHARE": 10**9,
    },
    "screened, given up": {
        **LARGE,
        "SUM_FRACTION": 0,
        "_GIANT_FRACTION": 0,
        "_CUT_FRACTION": 10**9,
        "_SCREEN_ROWS": 0,
        "_SCREEN_POSTINGS": 0,
        "_SCREEN_CANDIDATES": 0,
    },
    "champions, then every row": {
        **LARGE,
        "SUM_FRACTION": 10**9,
        "_CUT_FRACTION": 10**9,
        "_MIN_CHAMPIONS": 1,  # too few for the bound: every row's score, above a floor
        "_CHAMPION_SHARE": 10**9,
    },
}


def _use_plan(monkeypatch: pytest.MonkeyPatch, plan: str) -> None:
    for name, value in PLANS[plan].items():
        module = next(m for m in (_search, _plans, _ranking, _postings) if hasattr(m, name))
        monkeypatch.setattr(module, name, value)


@pytest.mark.parametrize("plan", PLANS)
@pytest.mark.parametrize("k", [1, 3, 10])
def test_every_plan_finds_exactly_the_dense_top_k(
    retriever: TfidfRetriever,
    corpus: list[str],
    monkeypatch: pytest.MonkeyPatch,
    plan: str,
    k: int,
) -> None:
    queries = sample_queries(corpus, 150)
    assert retriever._postings.matrix is not None  # the baseline: the dense copy, summed
    dense = [_top(retriever, query, k) for query in queries]
    _use_plan(monkeypatch, plan)
    planned = TfidfRetriever.fit(corpus)  # the copies are made with the index
    assert [_top(planned, query, k) for query in queries] == dense


@pytest.mark.parametrize("plan", PLANS)
def test_every_plan_finds_exactly_the_dense_top_k_of_realistic_text(
    monkeypatch: pytest.MonkeyPatch, plan: str
) -> None:
    texts, queries = realistic_corpus()
    _use_plan(monkeypatch, plan)
    retriever = TfidfRetriever.fit(texts)
    for query in queries:
        every = retriever.scores(query)
        if every is None:
            assert retriever.search(query, k=10) == []
            continue
        best = sorted(np.flatnonzero(every).tolist(), key=lambda row: (-every[row], row))[:10]
        assert _top(retriever, query, 10) == (best, every[best].tolist())


@pytest.mark.parametrize("plan", PLANS)
def test_search_scores_are_the_scores_of_scores(
    corpus: list[str], monkeypatch: pytest.MonkeyPatch, plan: str
) -> None:
    _use_plan(monkeypatch, plan)
    retriever = TfidfRetriever.fit(corpus)
    for query in sample_queries(corpus, 50, seed=3):
        every = retriever.scores(query)
        if every is None:  # only stop words
            assert retriever.search(query, k=5) == []
            continue
        for hit in retriever.search(query, k=5):
            assert hit.score == every[hit.passage.index]


def test_the_planned_search_ranks_like_scikit_learn(
    corpus: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _use_plan(monkeypatch, "cut or champions")
    retriever = TfidfRetriever.fit(corpus)
    reference = Reference(corpus, retriever.analyzer.config)
    assert_same_fit(retriever, reference)
    for query in sample_queries(corpus, 100, seed=4):
        assert_same_ranking(retriever.search(query, k=5), reference.scores(query), 5)


def test_a_fit_in_many_batches_equals_one_batch(
    corpus: list[str], retriever: TfidfRetriever, monkeypatch: pytest.MonkeyPatch
) -> None:
    mixed = [*corpus[:300], "Café U.S. naïve élan 3.5 G7", "the of", "", "Москва U.S"]
    whole = TfidfRetriever.fit(mixed)
    monkeypatch.setattr(_build, "_BATCH", 7)
    batched = TfidfRetriever.fit(mixed)
    assert batched.vocabulary == whole.vocabulary
    for ours, theirs in zip(batched.csc_arrays(), whole.csc_arrays(), strict=True):
        np.testing.assert_array_equal(ours, theirs)
    np.testing.assert_array_equal(batched.idf, whole.idf)
