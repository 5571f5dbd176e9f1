"""The score array a large index reuses between queries: always lent out zeroed."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from retrieval import TfidfRetriever, _postings, _search
from retrieval._postings import ScoreScratch
from tests.test_tfidf_reference import realistic_corpus


def _fail_midway(scratch: ScoreScratch) -> None:
    with scratch.scores() as scores:
        scores[3] = 0.5
        raise RuntimeError("a query failed after adding some postings")


def test_a_borrower_that_fails_midway_does_not_leave_it_dirty() -> None:
    scratch = ScoreScratch(10)
    with pytest.raises(RuntimeError, match="failed after adding"):
        _fail_midway(scratch)
    with scratch.scores() as scores:
        assert not scores.any()


def test_a_second_borrower_at_the_same_time_gets_its_own_zeros() -> None:
    scratch = ScoreScratch(10)
    with scratch.scores() as first, scratch.scores() as second:
        assert first is not second
        first[1] = 1.0
        assert not second.any()


def test_searches_from_many_threads_find_what_one_thread_finds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_postings, "_MATRIX_CELLS", 0)
    monkeypatch.setattr(_postings, "DENSE_ROWS", 0)  # every query through the scratch array
    monkeypatch.setattr(_search, "_FRESH_ROWS", 0)
    texts, queries = realistic_corpus()
    retriever = TfidfRetriever.fit(texts)
    alone = [retriever.search(query, k=10) for query in queries]
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(lambda query: retriever.search(query, k=10), queries * 4))
    assert together == alone * 4
    with retriever._postings.scratch.scores() as scores:
        assert not np.any(scores)
