"""Scoring a query against term-major (CSC) postings, and picking the best k exactly.

A query has a handful of terms; each term's postings (the passages that hold it
and their weights) are one contiguous slice of the CSC arrays, so a query only
reads its own postings. Cosine scores are sums of ``weight * query_weight`` over
the query's terms, added in ascending column order in float64: every score this
module returns has the same bits as :func:`dense_scores` gives that passage, and
passages with equal vectors tie exactly (ties then go to the earlier passage).

Small indexes (one article) keep a dense float64 copy, so a question costs a
fixed dozen NumPy calls (about 8 us on a SQuAD article); questions that read
fewer than two dozen postings are scored in plain Python instead, where each
posting costs ~0.2 us and no call overhead is paid. Indexes up to
``DENSE_ROWS`` passages sum every posting with one ``np.bincount``.

Large indexes (a million passages) never touch a row no query term holds. The
postings are summed, shortest list first, into a score array kept zeroed
between queries (:class:`~retrieval._postings.ScoreScratch`), and a passage's
first posting is what adds it to the candidates (its score was still 0), so
no sort finds the union of the lists. On the way, the max-score cut may stop
early: once the k-th best partial score beats the most that all remaining terms
could add (each term's largest weight times its query weight), no passage
outside the candidates can enter the top k, and the remaining long lists are
only looked up, by binary search, for the few candidates that can still make
it. Either way the sums so far ran shortest list first, so the last few
candidates get their scores again in column order, by binary search, which is
what makes them exact.

On the realistic 1M-passage benchmark (docs/BENCHMARKS.md) a query reads 5k to
130k postings, at ~10 ns each.
"""

from __future__ import annotations

import heapq

import numpy as np

from retrieval import _postings
from retrieval._postings import Postings, Query

__all__ = ["dense_scores", "top_k"]

# Questions that read at most this many postings of a small index are scored in
# plain Python; past it a dozen NumPy calls (about 8 us on a SQuAD article) beat
# Python's ~0.2 us per posting.
_PYTHON_POSTINGS_PER_QUERY = 24
# Up to this many scored rows one sort is cheaper than partitioning first.
_SORT_ROWS = 256
# Bounds are compared with this relative margin, so a rounding difference in
# summation order can never let a passage in or out of the top k wrongly.
_BOUND_MARGIN = 1e-9
# Queries reading at most n_rows / this many postings sum them all: at ~10 ns a
# posting that is cheaper than planning, and exact without rescoring.
_SUM_FRACTION = 4
# The max-score cut is tried while the postings summed stay under n_rows / this
# (past that, the champion lists cost less: measured at 1M passages), and only
# where the postings it would skip are this many times those summed.
_CUT_FRACTION = 32
_CUT_TEST_RATIO = 2


def dense_scores(postings: Postings, query: Query) -> np.ndarray:
    """Return the cosine score of every row (float64, 0 where no term matches).

    The sum over terms runs in column order either way: ``sum(axis=0)`` adds the
    rows of the dense copy one after another, ``np.bincount`` adds its weights in
    input order, and adding the 0.0 of an absent term changes nothing, so both
    ways give the same bits.
    """
    if postings.matrix is not None:
        rows = postings.matrix[query.columns]
        rows *= np.asarray(query.weights)[:, None]
        return rows.sum(axis=0)  # type: ignore[no-any-return]
    starts, indices, data = postings.starts, postings.indices, postings.data
    slices = [(starts[column], starts[column + 1]) for column in query.columns]
    if postings.n_rows > _postings.DENSE_ROWS:
        # Many postings: add each list in place (np.bincount would copy them all twice).
        scores = np.zeros(postings.n_rows, dtype=np.float64)
        for (start, end), weight in zip(slices, query.weights, strict=True):
            added = np.multiply(data[start:end], weight, dtype=np.float64)
            np.add.at(scores, indices[start:end], added)
        return scores
    rows = np.concatenate([indices[start:end] for start, end in slices])
    added = np.concatenate(
        [np.multiply(data[start:end], weight, dtype=np.float64)
         for (start, end), weight in zip(slices, query.weights, strict=True)]
    )  # fmt: skip
    return np.bincount(rows, added, minlength=postings.n_rows)


def top_k(postings: Postings, query: Query, k: int) -> tuple[list[int], list[float]]:
    """Return the rows of the ``k`` best positive scores and the scores, best first.

    Ties are broken by row, the earlier first.
    """
    lists = postings.lists
    if (
        lists is not None
        and sum(len(lists[c][0]) for c in query.columns) <= _PYTHON_POSTINGS_PER_QUERY
    ):
        return _python_top_k(lists, query, k)
    if postings.n_rows <= _postings.DENSE_ROWS:
        rows, scores = _dense_top_k(postings, query, k)
    else:
        with postings.scratch.scores() as scratch:
            rows, scores = _planned_top_k(postings, query, k, scratch)
    return rows.tolist(), scores.tolist()


def _python_top_k(
    lists: list[tuple[list[int], list[float]]], query: Query, k: int
) -> tuple[list[int], list[float]]:
    """The top k in plain Python; the same float64 sums, in the same order, as NumPy's."""
    scores: dict[int, float] = {}
    get = scores.get
    for column, query_weight in zip(query.columns, query.weights, strict=True):
        rows, weights = lists[column]
        for row, weight in zip(rows, weights, strict=True):
            scores[row] = get(row, 0.0) + weight * query_weight
    best = heapq.nsmallest(k, scores.items(), key=_rank_key)
    return [row for row, _ in best], [score for _, score in best]


def _rank_key(item: tuple[int, float]) -> tuple[float, int]:
    return -item[1], item[0]


def _best(rows: np.ndarray, scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` best (row, score) pairs, by score then row; rows must be unique."""
    if len(rows) > k:
        kth = _kth_largest(scores, k)
        # Keep everything tied with the k-th score, so the tie goes to the earliest row.
        keep = scores >= kth
        rows, scores = rows[keep], scores[keep]
    order = np.lexsort((rows, -scores))[:k]
    return rows[order], scores[order]


def _kth_largest(values: np.ndarray, k: int) -> float:
    return float(np.partition(values, len(values) - k)[len(values) - k])


def _dense_top_k(
    postings: Postings, query: Query, k: int, *, floor: float = 0.0
) -> tuple[np.ndarray, np.ndarray]:
    """The top k from every row's score; only rows at or above ``floor`` (> 0) are sorted."""
    scores = dense_scores(postings, query)
    rows = (scores >= floor).nonzero()[0] if floor > 0 else scores.nonzero()[0]
    if len(rows) <= _SORT_ROWS:
        # Few rows: one sort is cheaper than partitioning first. Rows ascend, so a
        # stable sort on the negated scores leaves ties in row order.
        values = scores[rows]
        order = np.argsort(-values, kind="stable")[:k]
        return rows[order], values[order]
    return _best(rows, scores[rows], k)


def _planned_top_k(
    postings: Postings, query: Query, k: int, scratch: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The top k of a large index, by the cheapest plan that proves its answer."""
    starts = postings.starts
    lengths = [starts[column + 1] - starts[column] for column in query.columns]
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    bounds = (postings.column_max[query.columns] * np.asarray(query.weights)).tolist()
    tests = _cut_tests([lengths[t] for t in order], [bounds[t] for t in order], postings.n_rows)
    found = _cut_top_k(postings, query, k, scratch, order=order, tests=tests) if tests else None
    if found is not None:
        return found
    if sum(lengths) * _SUM_FRACTION <= postings.n_rows:
        return _summed_top_k(postings, query, k, scratch)
    found, floor = _champion_top_k(postings, query, k)
    return found if found is not None else _dense_top_k(postings, query, k, floor=floor)


def _cut_tests(lengths: list[int], bounds: list[float], n_rows: int) -> list[int]:
    """After how many of the terms (rarest first) the max-score cut may hold and pay.

    It may hold only if the remaining terms' bounds add up to less than the summed
    terms' (no partial score is higher), and pays only if the remaining postings
    outnumber the summed ones ``_CUT_TEST_RATIO`` times over; the summed postings
    stay under n_rows / ``_CUT_FRACTION``.
    """
    tests = []
    summed, remaining = 0, sum(lengths)
    summed_bound, remaining_bound = 0.0, sum(bounds)
    for count, (length, bound) in enumerate(zip(lengths[:-1], bounds[:-1], strict=True), 1):
        summed += length
        remaining -= length
        summed_bound += bound
        remaining_bound -= bound
        if summed * _CUT_FRACTION > n_rows:
            break
        if remaining > _CUT_TEST_RATIO * summed and remaining_bound < summed_bound:
            tests.append(count)
    return tests


def _summed_top_k(
    postings: Postings, query: Query, k: int, scratch: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Every posting summed into ``scratch`` in column order, so the sums are exact."""
    fresh_parts: list[np.ndarray] = []
    try:
        for term in range(len(query.columns)):
            fresh_parts.append(_add_postings(postings, query, term, scratch, bool(fresh_parts)))
        candidates = np.concatenate(fresh_parts)
        return _best(candidates, scratch[candidates], k)
    finally:
        for part in fresh_parts:
            scratch[part] = 0.0


def _add_postings(
    postings: Postings, query: Query, term: int, scratch: np.ndarray, more: bool
) -> np.ndarray:
    """Add query term ``term``'s postings into ``scratch``; return the rows it scored first.

    ``more``: some term was added before (otherwise every row is new, none is read).
    """
    column = query.columns[term]
    start, end = postings.starts[column], postings.starts[column + 1]
    # As intp once: NumPy would convert int32 rows for every indexing below (2x slower).
    rows = postings.indices[start:end].astype(np.intp)
    added = np.multiply(postings.data[start:end], query.weights[term], dtype=np.float64)
    if not more:
        scratch[rows] = added
        return rows
    before = scratch.take(rows)
    scratch[rows] = before + added
    fresh: np.ndarray = rows[before == 0.0]
    return fresh


def _cut_top_k(
    postings: Postings,
    query: Query,
    k: int,
    scratch: np.ndarray,
    *,
    order: list[int],
    tests: list[int],
) -> tuple[np.ndarray, np.ndarray] | None:
    """Plan 1, the max-score cut: terms summed in ``order`` until the rest can be cut.

    The cut is tested after the term counts in ``tests``; None if it never holds.
    """
    bounds = (postings.column_max[query.columns] * np.asarray(query.weights)).tolist()
    fresh_parts: list[np.ndarray] = []
    try:
        for count, term in enumerate(order[: tests[-1]], 1):
            fresh_parts.append(_add_postings(postings, query, term, scratch, bool(fresh_parts)))
            if count not in tests:
                continue
            fresh_parts = [np.concatenate(fresh_parts)]
            candidates = fresh_parts[0]
            if len(candidates) < k:
                continue
            rest = sum(bounds[t] for t in order[count:]) * (1.0 + _BOUND_MARGIN)
            partial = scratch[candidates]
            kth = _kth_largest(partial, k)
            if rest < kth:
                # Summed out of column order: the few left are scored again, exactly.
                alive = np.sort(candidates[partial + rest >= kth * (1.0 - _BOUND_MARGIN)])
                return _best(alive, _candidate_scores(postings, query, alive), k)
        return None
    finally:
        for part in fresh_parts:
            scratch[part] = 0.0


def _champion_top_k(
    postings: Postings, query: Query, k: int
) -> tuple[tuple[np.ndarray, np.ndarray] | None, float]:
    """Plan 2, the champion lists: the top k if their bound proves it, and a floor for it.

    The floor is the k-th best score among the candidates (0 if there are fewer):
    every passage of the top k scores at least that.
    """
    champions = postings.champions
    row_parts = []
    outside = 0.0
    for column, weight in zip(query.columns, query.weights, strict=True):
        slot = int(champions.slot[column])
        if slot < 0:
            row_parts.append(postings.rows(column))
        else:
            start, end = int(champions.indptr[slot]), int(champions.indptr[slot + 1])
            row_parts.append(champions.rows[start:end])
            outside += float(champions.bound[slot]) * weight
    candidates = np.unique(np.concatenate(row_parts))
    if len(candidates) < k:
        return None, 0.0
    scores = _candidate_scores(postings, query, candidates)
    kth = _kth_largest(scores, k)
    if outside * (1.0 + _BOUND_MARGIN) < kth:
        return _best(candidates, scores, k), kth
    return None, kth


def _candidate_scores(postings: Postings, query: Query, candidates: np.ndarray) -> np.ndarray:
    """Full scores of ``candidates`` (ascending rows), by binary search in each posting list."""
    # Of the lists' own dtype: searchsorted would otherwise convert each whole list.
    candidates = candidates.astype(postings.indices.dtype, copy=False)
    scores = np.zeros(len(candidates), dtype=np.float64)
    starts = postings.starts
    for column, query_weight in zip(query.columns, query.weights, strict=True):
        start = starts[column]
        column_rows = postings.indices[start : starts[column + 1]]
        positions = np.searchsorted(column_rows, candidates)
        inside = positions < len(column_rows)
        held = np.zeros(len(candidates), dtype=bool)
        held[inside] = column_rows[positions[inside]] == candidates[inside]
        scores[held] += np.multiply(
            postings.data[start + positions[held]], query_weight, dtype=np.float64
        )
    return scores
