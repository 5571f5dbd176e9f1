"""Plans for queries that would read a large share of a large index: answer without summing it all.

Most queries of a million-passage index read a few thousand to a hundred
thousand postings, and :func:`retrieval._search.top_k` simply sums them. Two
kinds of query would read far more, and each has a plan that proves the top k
from less, tried in turn (each is exact, and says so when it cannot prove it):

1. **Max-score cut**, for a few rare terms beside very long lists: terms are
   summed rarest first; once the k-th best partial score beats the most that all
   remaining terms could add (each term's largest weight times its query
   weight), no other passage can enter the top k, and only the candidates that
   still can are completed, by binary search in the long lists. The test is only
   made where it may hold (the remaining bounds are below the summed ones) and
   pays (the lists skipped are longer than those summed).
2. **Champion lists**, for queries reading more than n / ``SUM_FRACTION``
   postings or holding a list longer than n / 8: each long list keeps its
   highest-weight passages (:class:`~retrieval._postings.Champions`); every passage
   outside all the lists scores at most the sum of each list's lowest weight
   times the query weight, and when the k-th best candidate beats that bound, it
   is the answer. Otherwise its k-th score is a floor for one pass over every
   row's score, which then sorts only the rows above it.

On real text (stop words removed, no word in more than 6% of passages) neither
plan is needed; on the synthetic benchmark corpus, where pseudo-words fill up to
90% of passages, they answer most queries.
"""

from __future__ import annotations

import numpy as np

from retrieval._postings import Postings, Query
from retrieval._ranking import (
    best,
    candidate_scores,
    dense_top_k,
    distinct,
    kth_largest,
    postings_of,
    select,
)

__all__ = ["SUM_FRACTION", "cut_tests", "planned_top_k"]

# Queries reading at most n_rows / this many postings sum them all.
SUM_FRACTION = 4
# Bounds are compared with this relative margin, so a rounding difference in
# summation order can never let a passage in or out of the top k wrongly.
_BOUND_MARGIN = 1e-9
# The max-score cut is tried while the postings summed stay under n_rows / this
# (past that, the champion lists cost less: measured at 1M passages), and only
# where the postings it would skip are this many times those summed.
_CUT_FRACTION = 32
_CUT_TEST_RATIO = 2
# ... and at least this many (about 0.5 ms of summing): below that, a test that
# fails costs more than the cut could save.
_CUT_MIN_SKIPPED = 65_536
# Champion lists are tried for queries past n_rows / SUM_FRACTION postings, or
# holding a list longer than n_rows / this: such lists' champions bound the rest
# well (measured: on the synthetic corpus they answer 90% of such queries), while
# on real text, where no list comes near, they seldom hold and cost 1-2 ms.
_GIANT_FRACTION = 8


def planned_top_k(
    postings: Postings, query: Query, k: int, scratch: np.ndarray
) -> tuple[np.ndarray, np.ndarray] | None:
    """The top k by the cut or the champion lists; None when summing every posting is cheaper."""
    starts, n_rows = postings.starts, postings.n_rows
    lengths = [starts[column + 1] - starts[column] for column in query.columns]
    total = sum(lengths)
    few = total * SUM_FRACTION <= n_rows and max(lengths) * _GIANT_FRACTION <= n_rows
    if few and total <= _CUT_MIN_SKIPPED:  # no plan applies: spare computing the bounds
        return None
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    bounds = (postings.column_max[query.columns] * np.asarray(query.weights)).tolist()
    tests = cut_tests([lengths[t] for t in order], [bounds[t] for t in order], n_rows)
    if tests:
        found = _cut_top_k(postings, query, k, scratch, order=order, tests=tests)
        if found is not None:
            return found
    if few:
        return None
    found, floor = _champion_top_k(postings, query, k)
    if found is not None or total * SUM_FRACTION <= n_rows:
        return found
    return dense_top_k(postings, query, k, floor=floor)


def cut_tests(lengths: list[int], bounds: list[float], n_rows: int) -> list[int]:
    """After how many of the terms (rarest first) the max-score cut may hold and pay.

    It may hold only if the remaining terms' bounds add up to less than the summed
    terms' (no partial score is higher), and pays only if the remaining postings
    outnumber the summed ones ``_CUT_TEST_RATIO`` times over and
    ``_CUT_MIN_SKIPPED``; the summed postings stay under n_rows / ``_CUT_FRACTION``.
    """
    tests = []
    summed_postings, remaining = 0, sum(lengths)
    summed_bound, remaining_bound = 0.0, sum(bounds)
    for count, (length, bound) in enumerate(zip(lengths[:-1], bounds[:-1], strict=True), 1):
        summed_postings += length
        remaining -= length
        summed_bound += bound
        remaining_bound -= bound
        if summed_postings * _CUT_FRACTION > n_rows:
            break
        pays = remaining > max(_CUT_TEST_RATIO * summed_postings, _CUT_MIN_SKIPPED)
        if pays and remaining_bound < summed_bound:
            tests.append(count)
    return tests


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
    added_rows: list[np.ndarray] = []  # every row added to ``scratch``, to zero it again
    try:
        for count, term in enumerate(order[: tests[-1]], 1):
            rows, added = postings_of(postings, Query([query.columns[term]], [query.weights[term]]))
            np.add.at(scratch, rows, added)
            added_rows.append(rows)
            if count not in tests:
                continue
            added_rows = [np.concatenate(added_rows)]
            rows = added_rows[0]
            partial = scratch[rows]
            leaders, leading = select(rows, -partial, k, copies=count)
            if len(leaders) < k:
                continue
            kth = float(leading[-1])
            rest = sum(bounds[t] for t in order[count:]) * (1.0 + _BOUND_MARGIN)
            if rest < kth:
                # Summed out of column order: those that can still make it are scored again.
                alive = distinct(rows[partial + rest >= kth * (1.0 - _BOUND_MARGIN)])
                return best(alive, candidate_scores(postings, query, alive), k)
        return None
    finally:
        for rows in added_rows:
            scratch[rows] = 0.0


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
    candidates = distinct(np.concatenate(row_parts))
    if len(candidates) < k:
        return None, 0.0
    scores = candidate_scores(postings, query, candidates)
    kth = kth_largest(scores, k)
    if outside * (1.0 + _BOUND_MARGIN) < kth:
        return best(candidates, scores, k), kth
    return None, kth
