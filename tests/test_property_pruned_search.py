"""The max-score cut finds exactly what summing every posting finds, on any small corpus.

Random corpora of a few words (so passages repeat and scores tie exactly),
random queries and k up to past the number of matches: the search with the cut
forced on (:data:`tests.test_tfidf_scale_paths.CUT_FEW`, with and without its
extra summing) must give the rows, order and float scores, bit for bit, of
every row's score summed in column order, ties to the earlier row. Champion
lists of 2 rows, so that the skipped lists' champions are candidates too.
"""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from retrieval import TfidfRetriever, _postings
from retrieval._ranking import few_scores
from tests.test_tfidf_scale_paths import _use_plan

# Common words and rare ones: the cut sums the rare lists and skips the common.
_WORDS = [f"w{index}x" for index in range(12) for _ in range(12 // (index + 1))]
_PASSAGE = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8).map(" ".join)
# Equal passages too (the first third again): exact ties.
_CORPUS = st.lists(_PASSAGE, min_size=2, max_size=80).map(
    lambda texts: texts + texts[: len(texts) // 3]
)
_CHAMPION_WINS = (
    "w2x w3x w8x w0x w3x w4x w0x|w5x w1x w0x w2x w5x w10x w3x w0x|w2x|w2x w0x w5x|"
    "w1x w1x w9x w10x w6x|w2x w0x|w0x w2x w2x w0x|w0x w3x w0x w5x w2x w1x w9x w0x|"
    "w0x w1x w5x w0x w5x w4x w8x w2x|w0x w2x w9x w0x w1x w11x w1x w10x|w4x w2x|w9x|"
    "w2x w1x w1x w0x w1x w0x w1x|w9x w0x w0x w8x|w0x w0x w1x w2x|w5x w1x w0x|"
    "w2x w0x w0x w1x w2x w1x w11x w9x|w0x w2x w5x w0x|w9x w3x w0x|w9x w10x w7x|"
    "w0x w2x w7x w0x|w1x w6x w5x w2x w4x|w0x|w4x w2x w1x w5x w1x|"
    "w2x w7x w0x w7x w8x w0x w11x w0x|w10x w3x w9x w1x w0x w4x|"
    "w0x w0x w1x w0x w0x w0x w0x w1x|w8x w1x|w5x w3x w0x w1x w0x|w1x w0x w0x w4x|"
    "w0x w3x w0x w3x w10x|w7x w0x|w2x w0x|w0x|w2x w5x w0x w1x w5x"
).split("|")
_K = st.one_of(st.integers(1, 4), st.integers(1, 120))  # the cut needs k rows; past the matches
_QUERY = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6).map(" ".join)


def _expected(retriever: TfidfRetriever, query: str, k: int) -> tuple[list[int], list[float]]:
    """The top k from every row's score (the unpruned sum), ties to the earlier row."""
    every = retriever.scores(query)
    if every is None:
        return [], []
    rows = sorted(every.nonzero()[0].tolist(), key=lambda row: (-every[row], row))[:k]
    return rows, [min(float(every[row]), 1.0) for row in rows]


@pytest.mark.parametrize(
    "plan",
    [
        "max-score cut, few postings",
        "max-score cut, few postings, lookups only",
        "max-score cut on queries needing no plan",
        "max-score cut on queries needing no plan, lookups only",
        "summed, bounded read-back",
        "summed, bounded read-back, fresh array",
        "screened",
    ],
)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Found by a search: the second best passage for "w2x w10x" is "w2x" alone, a
# champion of w2x's list; the cut misses it if the skipped lists' champions are
# not kept as candidates.
@example(corpus=_CHAMPION_WINS, queries=["w2x w10x"], k=4)
# Found by a search: "w0x w1x" scores rows 3 and 4 1.0 and 1.0000000000000002; clamped
# to 1 they tie, and the tie goes to row 3.
@example(
    corpus=["w0x", "w1x", "w2x", "w0x w0x w1x w1x", "w0x w1x", "w0x"], queries=["w0x w1x"], k=1
)
@given(corpus=_CORPUS, queries=st.lists(_QUERY, min_size=1, max_size=5), k=_K)
def test_the_cut_finds_what_summing_every_posting_finds(
    plan: str, corpus: list[str], queries: list[str], k: int
) -> None:
    plain = TfidfRetriever.fit(corpus)
    with pytest.MonkeyPatch.context() as monkeypatch:
        _use_plan(monkeypatch, plan)
        monkeypatch.setattr(_postings, "_MIN_CHAMPIONS", 2)  # lists of these corpora are short
        pruned = TfidfRetriever.fit(corpus)
        for query in queries:
            hits = pruned.search(query, k=k)
            found = ([hit.passage.index for hit in hits], [hit.score for hit in hits])
            assert found == _expected(plain, query, k)


# Thirty passages of 6-12 of the 12 words: with all 12 as the query, rows 7 and
# 16 alone are where NumPy's pairwise sum over the terms differs in the last bit.
_RNG = random.Random(0)
_ALL_WORDS = sorted(set(_WORDS))
_MANY_TERMS = [
    " ".join(_RNG.sample(_ALL_WORDS, _RNG.randint(6, 12)) * _RNG.randint(1, 3)) for _ in range(30)
]


@settings(max_examples=60, deadline=None)
@example(corpus=_MANY_TERMS, words=_ALL_WORDS, picked={7})
@example(corpus=_MANY_TERMS, words=_ALL_WORDS, picked={16})
@given(
    corpus=_CORPUS,
    words=st.lists(st.sampled_from(_WORDS), max_size=30),
    picked=st.sets(st.integers(0, 1000), min_size=1, max_size=12),
)
def test_finalists_are_scored_again_in_column_order(
    corpus: list[str], words: list[str], picked: set[int]
) -> None:
    """The cut's rescoring of a few rows gives each one's column-order sum, bit for bit.

    Queries of up to 12 terms, and single rows: NumPy's sum over the terms of one
    row would be pairwise past 8 terms, not in column order.
    """
    retriever = TfidfRetriever.fit(corpus)
    query = retriever._query_vector(" ".join(words))
    if query is None:
        return
    rows = np.array(sorted({row % len(corpus) for row in picked}))
    matrix = retriever.matrix
    expected = []
    for row in rows.tolist():
        score = 0.0
        for column, weight in zip(query.columns, query.weights, strict=True):
            score += float(matrix[row, column]) * weight
        expected.append(score)
    assert few_scores(retriever._postings, query, rows).tolist() == expected
