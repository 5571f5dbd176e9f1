"""Plans for queries that would read a large share of a large index: answer without summing it all.

Most queries of a million-passage index read a few thousand to a hundred
thousand postings, and :func:`retrieval._search.top_k` simply sums them. Two
kinds of query would read far more, and each has a plan that proves the top k
from less, tried in turn (each is exact, and says so when it cannot prove it):

1. **Max-score cut**, for a few rare terms beside very long lists (tried only
   on the queries that need a plan, see ``_CUT_FEW``): terms are
   summed rarest first; once the k-th best partial score beats the most that all
   remaining terms could add to a passage outside their champion lists (each
   term's weight bound times its query weight), only the passages summed so far
   and those champions can enter the top k. Those that still can are completed
   by binary search in the long lists, dropped as they fall behind, and the few
   left scored again in column order. The test is only made where it may hold
   (the remaining bounds are below the summed ones) and pays (the lists skipped
   are longer than those summed).
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
    few_scores,
    kth_largest,
    postings_of,
    select,
)

__all__ = ["SUM_FRACTION", "cut_tests", "may_plan", "planned_top_k"]

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
# ... and only for queries past n_rows / SUM_FRACTION postings or holding a giant
# list, unless this is set. Summing every posting of the others costs less since
# only the rows that can make the top k are read back (``retrieval._readback``):
# at a million realistic passages, mixed p95 1.29 ms with the cut tried for those
# past _CUT_MIN_SKIPPED postings, 1.18 ms without (question p95 1.84 and 1.60 ms),
# the cut costing ~0.7 ms where it held and ~0.2 ms more where it did not.
_CUT_FEW = False
# Once the cut holds, a list is summed rather than skipped while it holds fewer
# than this many postings per row still in the running: each such row is a
# binary search in every skipped list, about this many postings' summing.
_LOOKUP_COST = 8
# Champion lists are tried for queries past n_rows / SUM_FRACTION postings, or
# holding a list longer than n_rows / this: such lists' champions bound the rest
# well (measured: on the synthetic corpus they answer 90% of such queries), while
# on real text, where no list comes near, they seldom hold and cost 1-2 ms.
_GIANT_FRACTION = 8


def may_plan(lengths: list[int], n_rows: int) -> bool:
    """Whether a plan may apply to a query reading lists of ``lengths`` postings: the
    search sums every posting of the others without calling :func:`planned_top_k`."""
    total = sum(lengths)
    few = total * SUM_FRACTION <= n_rows and max(lengths) * _GIANT_FRACTION <= n_rows
    return not few or (_CUT_FEW and total > _CUT_MIN_SKIPPED)


def planned_top_k(
    postings: Postings, query: Query, k: int, scratch: np.ndarray, *, lengths: list[int]
) -> tuple[np.ndarray, np.ndarray] | None:
    """The top k by the cut or the champion lists; None when summing every posting is cheaper.

    For a query that :func:`may_plan` lets through, of lists of ``lengths`` postings.
    """
    n_rows = postings.n_rows
    total = sum(lengths)
    few = total * SUM_FRACTION <= n_rows and max(lengths) * _GIANT_FRACTION <= n_rows
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    weights = np.asarray(query.weights)
    bounds = (postings.column_max[query.columns] * weights).tolist()
    outside = (_outside_bounds(postings, query.columns) * weights).tolist()
    tests = cut_tests(
        [lengths[t] for t in order],
        [bounds[t] for t in order],
        n_rows,
        outside=[outside[t] for t in order],
    )
    if tests:
        found = _cut_top_k(
            postings, query, k, scratch, order=order, bounds=(bounds, outside), tests=tests
        )
        if found is not None:
            return found
    if few:
        return None
    found, floor = _champion_top_k(postings, query, k)
    if found is not None or total * SUM_FRACTION <= n_rows:
        return found
    return dense_top_k(postings, query, k, floor=floor)


def cut_tests(
    lengths: list[int], bounds: list[float], n_rows: int, *, outside: list[float] | None = None
) -> list[int]:
    """After how many of the terms (rarest first) the max-score cut may hold and pay.

    It may hold only if the remaining terms' ``outside`` bounds (``bounds`` if
    None) add up to less than the summed terms' ``bounds`` (no partial score is
    higher), and pays only if the remaining postings outnumber the summed ones
    ``_CUT_TEST_RATIO`` times over and ``_CUT_MIN_SKIPPED``; the summed postings
    stay under n_rows / ``_CUT_FRACTION``.
    """
    tests = []
    summed_postings, remaining = 0, sum(lengths)
    outside = bounds if outside is None else outside
    summed_bound = 0.0
    for count, (length, bound) in enumerate(zip(lengths[:-1], bounds[:-1], strict=True), 1):
        summed_postings += length
        remaining -= length
        summed_bound += bound
        remaining_bound = sum(outside[count:])
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
    bounds: tuple[list[float], list[float]],
    tests: list[int],
) -> tuple[np.ndarray, np.ndarray] | None:
    """Plan 1, the max-score cut: terms summed in ``order`` until the rest can be cut.

    The cut is tested after the term counts in ``tests``; None if it never holds.
    ``order`` is the query's terms, rarest first; ``bounds`` the most each term
    adds to any row's score, and to a row outside its champion list (the same
    where it has none), in the query's order.

    On realistic text a long list's largest weight is a loose bound (a common
    word in a two-word passage): with it the cut held for 4 of the 54 questions
    that tried it at a million passages, each failure costing ~0.5 ms. Rows
    outside the skipped lists' champion lists are bounded by the champions'
    lowest weight instead, and those champions kept in the running: it holds
    for two in three.
    """
    largest, outside = bounds
    starts = postings.starts
    kth = 0.0  # once the cut holds: the k-th best partial score, which the top k's are at least
    added_rows: list[np.ndarray] = []  # every row added to ``scratch``, to zero it again
    try:
        for count, term in enumerate(order, 1):
            if not kth and count > tests[-1]:
                return None
            rows, added = postings_of(postings, Query([query.columns[term]], [query.weights[term]]))
            np.add.at(scratch, rows, added)
            added_rows.append(rows)
            if not kth and count not in tests:
                continue
            added_rows = [np.concatenate(added_rows)]
            rows = added_rows[0]
            partial = scratch[rows]
            rest = sum(outside[t] for t in order[count:]) * (1.0 + _BOUND_MARGIN)
            if not kth:
                leaders, leading = select(rows, -partial, k, copies=count)
                if len(leaders) < k or rest >= leading[-1]:
                    continue
                kth = float(leading[-1])
            # Rows summed that may still make it: while the next list is short beside
            # them, summing it costs less than looking each of them up in it.
            promising = rows[partial + rest >= kth * (1.0 - _BOUND_MARGIN)]
            if count < len(order):
                column = query.columns[order[count]]
                if starts[column + 1] - starts[column] < _LOOKUP_COST * len(promising):
                    continue
            alive = _alive(
                postings, query, scratch, promising, kth, skipped=order[count:], bounds=bounds
            )
            found = (scratch[alive], alive, kth)
            return _completed(postings, query, k, found, skipped=order[count:], bounds=largest)
        return None
    finally:
        for rows in added_rows:
            scratch[rows] = 0.0


def _alive(
    postings: Postings,
    query: Query,
    scratch: np.ndarray,
    promising: np.ndarray,
    kth: float,
    *,
    skipped: list[int],
    bounds: tuple[list[float], list[float]],
) -> np.ndarray:
    """The rows that may still make the top k once the cut holds, ascending.

    The ``promising`` rows (of those summed), and the rows of the ``skipped``
    lists' champion lists whose partial score (in ``scratch``) plus the most the
    skipped terms can add may reach ``kth``: a row outside them gains at most
    the champions' lowest weight from those lists, which the cut has counted on.
    """
    largest, outside = bounds
    champions = postings.champions
    floor = kth * (1.0 - _BOUND_MARGIN)
    most = sum(largest[t] for t in skipped) * (1.0 + _BOUND_MARGIN)
    parts = [promising]
    for term in skipped:
        slot = int(champions.slot[query.columns[term]])
        if slot >= 0 and outside[term] < largest[term]:
            listed = champions.rows[champions.indptr[slot] : champions.indptr[slot + 1]]
            parts.append(listed[scratch[listed] + most >= floor])
    return distinct(np.concatenate(parts))


def _outside_bounds(postings: Postings, columns: list[int]) -> np.ndarray:
    """Each column's largest weight outside its champion list (its largest if it has none)."""
    champions = postings.champions
    slots = champions.slot[columns]
    bounds = postings.column_max[columns]
    listed = slots >= 0
    bounds[listed] = np.minimum(bounds[listed], champions.bound[slots[listed]])
    return bounds


def _completed(
    postings: Postings,
    query: Query,
    k: int,
    found: tuple[np.ndarray, np.ndarray, float],
    *,
    skipped: list[int],
    bounds: list[float],
) -> tuple[np.ndarray, np.ndarray]:
    """The cut's top k: the ``alive`` rows' ``sums`` completed with the ``skipped`` terms.

    ``found`` is the sums of the terms summed, the rows that can still make the
    top k (ascending), and the k-th best sum, which the top k's scores are at
    least; ``bounds`` the most each term adds to any row's score.

    One term at a time, by binary search in its list; after each, the rows that
    can no longer reach the k-th best sum so far are dropped: thousands are alive
    at the cut on realistic text, about k after the first term. (Scoring every
    alive row in every list, as before, made a question the cut answered slower
    than summing all its postings.) The sums were made out of column order and
    may differ from the scores in the last bits, so the rows within a margin of
    the k-th best sum are scored again in column order and ranked by those: the
    same rows, scores and ties as summing every posting.
    """
    sums, alive, kth = found
    starts, indices, data = postings.starts, postings.indices, postings.data
    keys = alive.astype(indices.dtype, copy=False)  # searchsorted would convert each list
    for number, term in enumerate(skipped, 1):
        column = query.columns[term]
        start, end = starts[column], starts[column + 1]
        listed = indices[start:end]
        positions = np.minimum(np.searchsorted(listed, keys), end - start - 1)
        products = np.multiply(data[start + positions], query.weights[term], dtype=np.float64)
        sums += np.where(listed[positions] == keys, products, 0.0)
        if len(sums) > k:
            kth = max(kth, kth_largest(sums, k))
            rest = sum(bounds[t] for t in skipped[number:]) * (1.0 + _BOUND_MARGIN)
            keep = (sums + rest >= kth * (1.0 - _BOUND_MARGIN)).nonzero()[0]
            alive, keys, sums = alive[keep], keys[keep], sums[keep]
    if len(sums) > k:
        alive = alive[sums >= kth_largest(sums, k) * (1.0 - _BOUND_MARGIN)]
    return best(alive, few_scores(postings, query, alive), k)


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
