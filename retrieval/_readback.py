"""Reading back a summed query's scores: only the rows that can make the top k.

Once every posting of a large query is summed into a score array, each posting's
row's sum is read back to rank them: at a million realistic passages a long
question reads 50k-150k postings spread over the 8 MB array, and reading them
back cost ~2 ns each even right after the summing had brought the array into
the cache, a third of the query. Most of those postings are in its commonest
terms' lists, whose rows seldom make the top k.

A row in none of a chosen set of the query's rarest lists scores at most what
the other terms can add to a row outside their champion lists (each one's
largest weight there, times its query weight; see
:class:`~retrieval._postings.Champions`), unless it is one of those champions.
The shortest list holding k postings gives a score that k rows reach (its k-th
best sum). Where that score beats the bound, the top k lies among the chosen
lists' rows and the other lists' champions, and only those are read back: the
rarest lists chosen are those that read the fewest postings while the bound
holds. The ranking is then the same as from every posting (the sums are the
same array's), exactly: a row outside scores strictly less than k others.
"""

from __future__ import annotations

from itertools import accumulate

import numpy as np

from retrieval._postings import Postings, Query
from retrieval._ranking import kth_lowest, shortest_list

__all__ = ["TINY", "bounded_rows"]

# The bound and the k-th score are sums rounded in other orders: compared with
# this relative margin, a rounding difference cannot let a row in or out wrongly.
_MARGIN = 1e-9
# More than an approximate sum can be off by in absolute terms: float32 products
# below 2**-126 lose relative precision, each by at most 2**-150.
TINY = 2.0**-100


def bounded_rows(
    postings: Postings,
    query: Query,
    sums: np.ndarray,
    rows: np.ndarray,
    k: int,
    *,
    lengths: list[int],
    error: float = 0.0,
) -> tuple[np.ndarray, list[int]] | None:
    """The rows among which the top k lies, fewer than half of ``rows``, and the
    lengths of the lists they come in (each list's rows are distinct); None if
    no such rows are proven.

    ``sums`` holds each row's negated score (every posting of ``query`` summed),
    or an approximation of it within a relative ``error`` (and a negligible
    absolute one, ``TINY``); ``rows`` is the query's postings' rows, one list per
    term in column order, of ``lengths`` postings each.
    """
    listed = shortest_list(lengths, k)
    if listed is None or len(lengths) < 2:
        return None
    reached = -kth_lowest(sums[rows[listed]], k) * (1.0 - _MARGIN - error) - TINY  # k rows
    champions = postings.champions
    offsets = list(accumulate(lengths, initial=0))
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    # Per term: the most it adds to a row outside its champions (all rows if it has
    # none), and how many champions it has.
    slots = champions.slot[query.columns].tolist()
    largest = postings.column_max[query.columns].tolist()
    outside, champion_counts = [], []
    for slot, most, weight in zip(slots, largest, query.weights, strict=True):
        if slot < 0:
            outside.append(most * weight)
            champion_counts.append(0)
        else:
            outside.append(min(most, float(champions.bound[slot])) * weight)
            champion_counts.append(int(champions.indptr[slot + 1] - champions.indptr[slot]))
    # Reading the rarest `count` lists whole: the postings read, and the bound on the rest.
    rest, whole, champion_rows = sum(outside), 0, sum(champion_counts)
    best_count, fewest = 0, len(rows) // 2
    for count, term in enumerate(order[:-1], 1):
        rest -= outside[term]
        whole += lengths[term]
        champion_rows -= champion_counts[term]
        if whole + champion_rows < fewest and rest * (1.0 + _MARGIN) < reached:
            best_count, fewest = count, whole + champion_rows
    if not best_count:
        return None
    parts = [rows[offsets[term] : offsets[term + 1]] for term in order[:best_count]]
    for term in order[best_count:]:
        slot = slots[term]
        if slot >= 0:
            parts.append(champions.rows[champions.indptr[slot] : champions.indptr[slot + 1]])
    return np.concatenate(parts, dtype=np.intp), [len(part) for part in parts]
