"""Scoring a query against term-major (CSC) postings, and picking the best k.

A query has a handful of terms; each term's postings (the passages that hold it
and their weights) are one contiguous slice of the CSC arrays, so a query only
reads its own postings. Cosine scores are sums of ``weight * query_weight`` over
the query's terms, always added in ascending column order in float64, so every
path below gives a passage the same score, bit for bit, and passages with equal
vectors tie exactly (ties then go to the earlier passage).

Small indexes (one article) are scored densely: the fixed cost of a few NumPy
calls is all there is. Large ones (a million passages) use a max-score style cut:
terms are taken rarest first; once the k-th best partial score among the passages
holding those terms beats the best that all remaining terms could add (each
term's largest weight times its query weight), no other passage can enter the top
k, and only those candidates are completed, by binary search in the remaining
terms' sorted postings. Common terms (long postings, low idf) are then never
scanned. When no such cut appears before the scanned postings grow past a fraction
of the corpus, the dense sum is cheaper and is used instead.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["Postings", "Query", "dense_scores", "top_k"]

# Up to this many passages, dense scoring costs less than planning a cut.
_DENSE_ROWS = 20_000
# Scanning more postings than rows / this for the candidate set costs more than
# a dense pass (measured at 1M passages: np.unique sorts, bincount streams).
_DENSE_FRACTION = 8
# Bounds are compared with this relative margin, so a rounding difference in
# summation order can never let a passage in or out of the top k wrongly.
_BOUND_MARGIN = 1e-9


@dataclass(frozen=True, slots=True)
class Postings:
    """A CSC matrix's arrays plus each column's largest weight."""

    indptr: np.ndarray  # int64, n_columns + 1
    indices: np.ndarray  # int32 rows, ascending within each column
    data: np.ndarray  # float32 weights
    n_rows: int
    column_max: np.ndarray  # float64, the largest weight of each column (0 if empty)

    @classmethod
    def from_arrays(
        cls, indptr: np.ndarray, indices: np.ndarray, data: np.ndarray, n_rows: int
    ) -> Postings:
        return cls(indptr, indices, data, n_rows, _column_max(indptr, data))


@dataclass(frozen=True, slots=True)
class Query:
    """A query vector: distinct columns in ascending order and their float64 weights."""

    columns: np.ndarray  # int64
    weights: np.ndarray  # float64, l2-normalized


def _column_max(indptr: np.ndarray, data: np.ndarray) -> np.ndarray:
    lengths = np.diff(indptr)
    result = np.zeros(len(lengths), dtype=np.float64)
    filled = lengths > 0
    if filled.any():
        result[filled] = np.maximum.reduceat(data, indptr[:-1][filled]).astype(np.float64)
    return result


def dense_scores(postings: Postings, query: Query) -> np.ndarray:
    """Return the cosine score of every row (float64, 0 where no term matches)."""
    rows, values = _gather(postings, query, np.arange(len(query.columns)))
    return np.bincount(rows, weights=values, minlength=postings.n_rows)


def top_k(postings: Postings, query: Query, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Return the rows of the ``k`` best positive scores and the scores, best first.

    Ties are broken by row, the earlier first.
    """
    if postings.n_rows > _DENSE_ROWS:
        found = _pruned_top_k(postings, query, k)
        if found is not None:
            return found
    scores = dense_scores(postings, query)
    rows = np.flatnonzero(scores > 0)
    return _best(rows, scores[rows], k)


def _gather(postings: Postings, query: Query, terms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Concatenate the postings of ``terms`` (positions in the query, ascending)."""
    row_parts = []
    value_parts = []
    for term in terms.tolist():
        column = int(query.columns[term])
        start, end = int(postings.indptr[column]), int(postings.indptr[column + 1])
        row_parts.append(postings.indices[start:end])
        value_parts.append(_contributions(postings.data[start:end], query.weights[term]))
    if len(row_parts) == 1:
        return row_parts[0], value_parts[0]
    return np.concatenate(row_parts), np.concatenate(value_parts)


def _contributions(weights: np.ndarray, query_weight: np.floating) -> np.ndarray:
    return weights.astype(np.float64) * np.float64(query_weight)


def _best(rows: np.ndarray, scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` best (row, score) pairs, by score then row; rows must be unique."""
    if len(rows) > k:
        kth = np.partition(scores, len(scores) - k)[len(scores) - k]
        # Keep everything tied with the k-th score, so the tie goes to the earliest row.
        keep = scores >= kth
        rows, scores = rows[keep], scores[keep]
    order = np.lexsort((rows, -scores))[:k]
    return rows[order], scores[order]


def _pruned_top_k(postings: Postings, query: Query, k: int) -> tuple[np.ndarray, np.ndarray] | None:
    """The top k by the max-score cut, or None when a dense pass is the cheaper way."""
    columns = query.columns
    lengths = postings.indptr[columns + 1] - postings.indptr[columns]
    bounds = postings.column_max[columns] * query.weights
    rarest_first = np.argsort(lengths, kind="stable")
    budget = postings.n_rows // _DENSE_FRACTION
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
        kth = float(np.partition(partial, len(partial) - k)[len(partial) - k])
        if rest < kth:
            candidates = rows[partial + rest >= kth]
            return _best(candidates, _candidate_scores(postings, query, candidates), k)
    return None  # pragma: no cover - the loop always returns at size == len(columns)


def _union_scores(
    postings: Postings, query: Query, terms: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Rows holding any of ``terms`` (ascending) and their scores over those terms."""
    rows, values = _gather(postings, query, terms)
    if len(terms) == 1:
        return rows, values
    unique, inverse = np.unique(rows, return_inverse=True)
    return unique, np.bincount(inverse, weights=values, minlength=len(unique))


def _candidate_scores(postings: Postings, query: Query, candidates: np.ndarray) -> np.ndarray:
    """Full scores of ``candidates`` (ascending rows), by binary search in each posting list."""
    scores = np.zeros(len(candidates), dtype=np.float64)
    for term in range(len(query.columns)):
        column = int(query.columns[term])
        start, end = int(postings.indptr[column]), int(postings.indptr[column + 1])
        column_rows = postings.indices[start:end]
        positions = np.searchsorted(column_rows, candidates)
        inside = positions < len(column_rows)
        held = np.zeros(len(candidates), dtype=bool)
        held[inside] = column_rows[positions[inside]] == candidates[inside]
        weights = postings.data[start + positions[held]]
        scores[held] += _contributions(weights, query.weights[term])
    return scores
