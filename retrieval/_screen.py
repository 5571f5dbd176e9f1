"""The longest queries of the largest indexes: summed in float32, then the few rows
that can make the top k scored exactly.

At a million realistic passages a long question sums 50k-150k postings into a
score array per passage, and the summing is a cache miss a posting: other work
(bm25s's queries in the benchmark) has pushed the array out of the cache. In
float32 the array is 4 MB instead of 8, and the same sums cost 0.6x as much
(128k postings: 330 against 545 us, cache swept before each). Their float32 sums
are not the exact scores, but they are within a known relative error of them, so
the rows within that error of the k-th best are the only ones that can make the
top k; a dozen or so on realistic text, scored exactly (float64, column order,
:func:`~retrieval._ranking.few_scores`) and ranked by those: the same rows,
scores and ties as summing every posting in float64.

The error bound: a row's float32 sum adds at most ``T`` products (``T`` query
terms), each its weight times the query weight rounded to float32, each rounded
to float32 (relative error <= 2u + u**2, u = 2**-24); adding ``T`` positive
numbers in float32 in any order errs by at most (T - 1)u / (1 - (T - 1)u) of
their sum; the exact score, summed in float64, is within T * 2**-53 of the real
sum. So a float32 sum is within (T + 4)u of the exact score, relatively, and
``_error`` takes twice that. A row of the top k (exact score s >= the k-th's,
theta) then has a float32 sum >= theta (1 - e/2), while fewer than k rows have
one above theta (1 + e/2), so each is at least the k-th best float32 sum times
(1 - e): those are the candidates, ``2 * error`` kept for good measure.
"""

from __future__ import annotations

import numpy as np

from retrieval._postings import Postings, Query
from retrieval._ranking import best, distinct, few_scores, postings_of, select
from retrieval._readback import TINY, bounded_rows

__all__ = ["screened_top_k"]


def screened_top_k(
    postings: Postings, query: Query, k: int, most: int, *, lengths: list[int]
) -> tuple[list[int], list[float]] | None:
    """The exact top k from float32 sums of the query's lists (of ``lengths`` postings);
    None if more than ``most`` rows are too close to call (scoring each by binary
    search in every list would cost more than summing every posting in float64)."""
    rows, costs = postings_of(postings, query, negated=True, single=True)
    terms = len(query.columns)
    error = _error(terms)
    with postings.screen.scores() as screen:
        np.add.at(screen, rows, costs)
        try:
            found = bounded_rows(postings, query, screen, rows, k, lengths=lengths, error=error)
            picked, lengths = (rows, lengths) if found is None else found
            approx = screen[picked]
        finally:
            screen[rows] = 0.0
    leaders, leading = select(picked, approx, k, terms, lengths)
    if len(leaders) < k:
        candidates = distinct(picked)
    else:
        floor = leading[-1] * (1.0 - 2.0 * error) - TINY
        candidates = distinct(picked[approx <= -floor])  # costs: negated sums
    if len(candidates) > most:
        return None
    top, scores = best(candidates, few_scores(postings, query, candidates), k)
    return top.tolist(), scores.tolist()


def _error(terms: int) -> float:
    """Twice the relative error of a float32 sum of ``terms`` products (see above)."""
    return (terms + 4) * 2.0**-23
