"""Scoring a query against term-major (CSC) postings, and picking the best k exactly.

A query has a handful of terms; each term's postings (the passages that hold it
and their weights) are one contiguous slice of the CSC arrays, so a query only
reads its own postings. Cosine scores are sums of ``weight * query_weight`` over
the query's terms, always added in ascending column order in float64, so every
path below gives a passage the same score, bit for bit, and passages with equal
vectors tie exactly (ties then go to the earlier passage).

Small indexes (one article) keep a dense float64 copy, so a question costs a
fixed dozen NumPy calls (about 8 us on a SQuAD article); questions that read
fewer than two dozen postings are scored in plain Python instead, where each
posting costs ~0.2 us and no call overhead is paid. Large indexes (a million
passages) try three plans, cheapest first; each is exact and hands over when it
cannot prove its answer:

1. **Max-score cut.** Terms are taken rarest first; once the k-th best partial
   score among the passages holding those terms beats the most all remaining
   terms could add (each term's largest weight times its query weight), no other
   passage can enter the top k, and only those candidates are completed, by binary
   search in the other terms' sorted postings. Common terms are never scanned.
   Given up when the rare terms' postings pass ``n / _CUT_FRACTION``.
2. **Champion lists.** For queries made only of common terms: each long posting
   list keeps its highest-weight passages (one in 512 of the index). Every
   passage outside all the lists scores at most the sum of each list's lowest
   weight times the query weight; when the k-th best candidate beats that bound,
   it is the answer.
3. **Dense.** Every posting is added into a score per passage; the champions'
   k-th best score is a floor that all of the top k reach, so one comparison
   over the scores leaves a handful of rows to sort.

On the 1M-passage benchmark (docs/BENCHMARKS.md) the three plans answer 89%, 8%
and 3% of the queries: p50 0.5 ms and p95 4 ms, against bm25s's 11 ms and 19 ms.
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
# The max-score cut gives up when its postings pass n_rows / this: sorting more
# candidates costs more than the champion lists (measured at 1M passages).
_CUT_FRACTION = 32
# Bounds are compared with this relative margin, so a rounding difference in
# summation order can never let a passage in or out of the top k wrongly.
_BOUND_MARGIN = 1e-9


def dense_scores(postings: Postings, query: Query) -> np.ndarray:
    """Return the cosine score of every row (float64, 0 where no term matches).

    The sum over terms runs in column order either way: ``sum(axis=0)`` adds the
    rows of the dense copy one after another, and adding the 0.0 of an absent
    term changes nothing, so both ways give the same bits.
    """
    if postings.matrix is not None:
        rows = postings.matrix[query.columns]
        rows *= np.asarray(query.weights)[:, None]
        return rows.sum(axis=0)  # type: ignore[no-any-return]
    scores = np.zeros(postings.n_rows, dtype=np.float64)
    for column, weight in zip(query.columns, query.weights, strict=True):
        start, end = int(postings.indptr[column]), int(postings.indptr[column + 1])
        np.add.at(
            scores, postings.indices[start:end], _contributions(postings.data[start:end], weight)
        )
    return scores


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
        rows, scores = _dense_top_k(postings, query, k, floor=0.0)
    else:
        found = _cut_top_k(postings, query, k)
        rows, scores = found if found is not None else _champion_top_k(postings, query, k)
    return rows.tolist(), scores.tolist()


def _postings_read(lists: list[tuple[list[int], list[float]]], query: Query) -> int:
    return sum(len(lists[column][0]) for column in query.columns)


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


def _contributions(weights: np.ndarray, query_weight: float) -> np.ndarray:
    return weights.astype(np.float64) * query_weight


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
    postings: Postings, query: Query, k: int, *, floor: float
) -> tuple[np.ndarray, np.ndarray]:
    """The top k from every score; only rows at or above ``floor`` (> 0) are sorted."""
    scores = dense_scores(postings, query)
    rows = (scores >= floor).nonzero()[0] if floor > 0 else scores.nonzero()[0]
    if len(rows) <= _SORT_ROWS:
        # Few rows: one sort is cheaper than partitioning first. Rows ascend, so a
        # stable sort on the negated scores leaves ties in row order.
        values = scores[rows]
        order = np.argsort(-values, kind="stable")[:k]
        return rows[order], values[order]
    return _best(rows, scores[rows], k)


def _cut_top_k(postings: Postings, query: Query, k: int) -> tuple[np.ndarray, np.ndarray] | None:
    """Plan 1, the max-score cut; None when it stops paying."""
    columns = np.asarray(query.columns, dtype=np.int64)
    lengths = postings.indptr[columns + 1] - postings.indptr[columns]
    bounds = postings.column_max[columns] * np.asarray(query.weights)
    rarest_first = np.argsort(lengths, kind="stable")
    budget = postings.n_rows // _CUT_FRACTION
    for size in range(1, len(columns) + 1):
        essential = np.sort(rarest_first[:size])
        if int(lengths[essential].sum()) > budget:
            return None
        rows, partial = _union_scores(postings, query, essential)
        if size == len(columns):
            return _best(rows, partial, k)
        if len(rows) < k:
            continue
        rest = float(bounds[rarest_first[size:]].sum()) * (1.0 + _BOUND_MARGIN)
        kth = _kth_largest(partial, k)
        if rest < kth:
            candidates = rows[partial + rest >= kth]
            return _best(candidates, _candidate_scores(postings, query, candidates), k)
    return None  # pragma: no cover - the loop always returns at size == len(columns)


def _union_scores(
    postings: Postings, query: Query, terms: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Rows holding any of ``terms`` (positions in the query, ascending), scored on them."""
    row_parts = []
    value_parts = []
    for term in terms.tolist():
        column = query.columns[term]
        start, end = int(postings.indptr[column]), int(postings.indptr[column + 1])
        row_parts.append(postings.indices[start:end])
        value_parts.append(_contributions(postings.data[start:end], query.weights[term]))
    if len(row_parts) == 1:
        return row_parts[0], value_parts[0]
    unique, inverse = np.unique(np.concatenate(row_parts), return_inverse=True)
    scores = np.bincount(inverse, weights=np.concatenate(value_parts), minlength=len(unique))
    return unique, scores


def _champion_top_k(postings: Postings, query: Query, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Plan 2, the champion lists, falling back to plan 3 with their k-th score as floor."""
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
    scores = _candidate_scores(postings, query, candidates)
    if len(candidates) < k:
        return _dense_top_k(postings, query, k, floor=0.0)
    kth = _kth_largest(scores, k)
    if outside * (1.0 + _BOUND_MARGIN) < kth:
        return _best(candidates, scores, k)
    return _dense_top_k(postings, query, k, floor=kth)


def _candidate_scores(postings: Postings, query: Query, candidates: np.ndarray) -> np.ndarray:
    """Full scores of ``candidates`` (ascending rows), by binary search in each posting list."""
    scores = np.zeros(len(candidates), dtype=np.float64)
    for column, query_weight in zip(query.columns, query.weights, strict=True):
        start = int(postings.indptr[column])
        column_rows = postings.rows(column)
        positions = np.searchsorted(column_rows, candidates)
        inside = positions < len(column_rows)
        held = np.zeros(len(candidates), dtype=bool)
        held[inside] = column_rows[positions[inside]] == candidates[inside]
        weights = postings.data[start + positions[held]]
        scores[held] += _contributions(weights, query_weight)
    return scores
