"""Answering a query from term-major (CSC) postings: the k best passages, exactly.

A query has a handful of terms; each term's postings (the passages that hold it
and their weights) are one contiguous slice of the CSC arrays, so a query only
reads its own postings, and every plan here returns the scores and ranking that
summing every posting would (see :mod:`retrieval._ranking`).

- Questions that read few postings of an article's index are scored in plain
  Python, where a posting costs ~0.2 us and no NumPy call overhead is paid.
- An article's index keeps a dense float64 copy: a question is three NumPy calls.
- A one-term question's postings are its scores.
- Up to ``DENSE_ROWS`` passages, each posting is one complex number (-weight +
  row * 1j, :attr:`~retrieval._postings.Postings.keyed`): its weight becomes its
  product, then its row's sum by one ``np.bincount`` into a fresh array, and the
  keys are ranked as they are (:func:`~retrieval._ranking.select_keyed`).
- Past it, the postings are summed with ``np.add.at`` into a score array kept
  zeroed between queries (:class:`~retrieval._postings.ScoreScratch`), of which
  only the rows touched are read and zeroed again, unless the query reads so
  many postings of a mid-sized index that a fresh array costs less; the best k
  are picked among the postings (:func:`~retrieval._ranking.select`): no sort of
  their union and no pass over all rows. About 10 ns a posting at a million
  passages, where a realistic query reads 1k to 150k postings. Past
  ``_READ_BACK_POSTINGS``, only the sums of the rows that bounds leave in the
  running are read back (:mod:`retrieval._readback`): a long question's
  rarest lists and the others' champions, a quarter of its postings.
- Queries that would read more than a quarter of a large index, or hold a list
  of more than an eighth of it, go through :mod:`retrieval._plans` first.
"""

from __future__ import annotations

import numpy as np

from retrieval._plans import may_plan, planned_top_k
from retrieval._postings import Postings, PythonViews, Query
from retrieval._ranking import (
    dense_scores,
    dense_top_k,
    keyed_costs,
    postings_of,
    select,
    select_keyed,
)
from retrieval._readback import bounded_rows
from retrieval._screen import screened_top_k

__all__ = ["dense_scores", "top_k"]

# Questions that read at most this many postings of an article's index (one with
# a dense copy) are scored in plain Python, at ~0.2 us a posting: past it, the
# dense copy's NumPy calls (about 8 us on a SQuAD article) cost less. A small
# index without a dense copy sends every query through the keyed path (0 here; the
# tests raise it to force plain Python): on 1,000 realistic passages, interleaved
# with bm25s as the benchmark runs, plain Python up to 192 postings cost ~0.25 us
# a posting, and splitting queries between the two paths kept neither warm (mixed
# p95 37 us with both, 30.5 us keyed only, 34 us with Python up to 48 postings).
_PYTHON_QUERY_POSTINGS_WITH_COPY = 24
_PYTHON_QUERY_POSTINGS = 0
# Past DENSE_ROWS, a query reading at least n_rows / _FRESH_SHARE postings of an
# index of at most _FRESH_ROWS passages sums them with np.bincount into a fresh
# array too. Its zeroing is one sequential pass, which stays cheap when other
# work has pushed the scratch array out of the cache; np.add.at's reads and
# writes to it are then a cache miss a posting. At 100,000 passages, queries of
# 2.5k-5k postings right after bm25s's retrieve: 34 us against 48 us (alone,
# with the scratch array cached, 26 us against 21 us). Not past _FRESH_ROWS,
# where the fresh array would be megabytes a query.
_FRESH_ROWS = 1 << 17
_FRESH_SHARE = 32
# Queries of at least this many postings read back only the sums of the rows that
# can make the top k, where bounds prove which (:mod:`retrieval._readback`).
_READ_BACK_POSTINGS = 16_384
# Queries of at least _SCREEN_POSTINGS postings of an index of at least _SCREEN_ROWS
# passages are summed in float32 first (:mod:`retrieval._screen`).
# At a million realistic passages (cache swept before each query, two runs), mixed
# p95 0.97-0.98 ms with it past 64k postings, 0.98-0.99 past 32k, 1.10-1.12 without;
# past 32k, common-word queries' p50 rose from 0.54-0.57 to 0.65-0.66 ms (the
# exact scoring of the candidates costs about what float32 saves on 40k postings).
# It gives up past _SCREEN_CANDIDATES rows too close to call (a dozen on real text).
_SCREEN_ROWS = 1 << 18
_SCREEN_POSTINGS = 65_536
_SCREEN_CANDIDATES = 64


def top_k(postings: Postings, query: Query, k: int) -> tuple[list[int], list[float]]:
    """Return the rows of the ``k`` best positive scores and the scores, best first.

    Ties are broken by row, the earlier first.
    """
    # A collection of up to DENSE_ROWS passages (no dense copy) first, and with one
    # test: its questions are the shortest searches, a few NumPy calls in all.
    keyed = postings.keyed
    if keyed is not None and not _PYTHON_QUERY_POSTINGS:
        return _keyed_top_k(keyed, postings, query, k)
    views = postings.views
    if views is not None:
        copy = postings.matrix is not None
        limit = _PYTHON_QUERY_POSTINGS_WITH_COPY if copy else _PYTHON_QUERY_POSTINGS
        # Each list's length from a list of them, in C: a generator over the query's
        # lists cost a microsecond of a 15 us query.
        if limit and sum(map(postings.lengths.__getitem__, query.columns)) <= limit:
            return _python_top_k(views, query, k)
    if postings.matrix is not None:
        rows, scores = dense_top_k(postings, query, k)
        return rows.tolist(), scores.tolist()
    if keyed is not None:
        return _keyed_top_k(keyed, postings, query, k)
    if len(query.columns) == 1:  # its postings are its scores: nothing to add up
        rows, costs = postings_of(postings, query, negated=True)
        return select(rows, costs, k, copies=1)
    return _large_top_k(postings, query, k)


def _keyed_top_k(
    keyed: list[bytes], postings: Postings, query: Query, k: int
) -> tuple[list[int], list[float]]:
    """A small index: the postings as ``-product + row * 1j``, each product then
    replaced by its row's negated sum, and ranked as they are.

    The sums are one ``np.bincount`` into a fresh array: at this size zeroing it
    costs less than a borrowed one's bookkeeping. A one-term query's products
    are its scores.
    """
    keys = keyed_costs(keyed, postings, query)
    if len(query.columns) > 1:
        rows = keys.imag.astype(np.intp)
        keys.real = np.bincount(rows, keys.real, minlength=postings.n_rows)[rows]
    return select_keyed(keys, k, copies=len(query.columns))


def _large_top_k(postings: Postings, query: Query, k: int) -> tuple[list[int], list[float]]:
    """A large index: a plan if one pays, else every posting summed.

    Into a fresh array or the scratch one (see ``_FRESH_ROWS``), or first in float32
    for the longest queries of the largest indexes (``_SCREEN_ROWS``). The scratch
    array is borrowed only where it is used.
    """
    starts, n_rows = postings.starts, postings.n_rows
    lengths = [starts[column + 1] - starts[column] for column in query.columns]
    if may_plan(lengths, n_rows):
        with postings.scratch.scores() as scratch:
            found = planned_top_k(postings, query, k, scratch, lengths=lengths)
        if found is not None:
            return found[0].tolist(), found[1].tolist()
    total = sum(lengths)
    if n_rows >= _SCREEN_ROWS and total >= _SCREEN_POSTINGS:
        screened = screened_top_k(postings, query, k, _SCREEN_CANDIDATES, lengths=lengths)
        if screened is not None:
            return screened
    rows, costs = postings_of(postings, query, negated=True)
    if n_rows <= _FRESH_ROWS and total * _FRESH_SHARE >= n_rows:
        sums = np.bincount(rows, costs, minlength=n_rows)
        return _ranked(postings, query, k, sums, rows, lengths=lengths)
    with postings.scratch.scores() as scratch:
        np.add.at(scratch, rows, costs)  # in column order: the exact sums
        try:
            return _ranked(postings, query, k, scratch, rows, lengths=lengths)
        finally:
            scratch[rows] = 0.0  # only the rows touched: the array stays zeroed


def _ranked(
    postings: Postings,
    query: Query,
    k: int,
    sums: np.ndarray,
    rows: np.ndarray,
    *,
    lengths: list[int],
) -> tuple[list[int], list[float]]:
    """The top k of the negated ``sums`` of the query's postings' ``rows`` (lists of
    ``lengths`` postings): read back for the rows that can make it
    (:mod:`retrieval._readback`), or for all."""
    copies = len(query.columns)
    if len(rows) >= _READ_BACK_POSTINGS:
        found = bounded_rows(postings, query, sums, rows, k, lengths=lengths)
        if found is not None:
            picked, picked_lengths = found
            return select(picked, sums[picked], k, copies, picked_lengths)
    return select(rows, sums[rows], k, copies, lengths)


def _python_top_k(views: PythonViews, query: Query, k: int) -> tuple[list[int], list[float]]:
    """The top k in plain Python; the same float64 sums, in the same order, as NumPy's.

    The first term's scores are its products, made in one dict comprehension: a row's
    first product is its sum so far, exactly (0.0 + p is p), and no ``get`` is called.
    """
    columns, query_weights = query
    all_rows, all_weights, starts = views
    start, end = starts[columns[0]], starts[columns[0] + 1]
    query_weight = query_weights[0]
    scores = {
        row: weight * query_weight
        for row, weight in zip(all_rows[start:end], all_weights[start:end], strict=True)
    }
    get = scores.get
    for column, query_weight in zip(columns[1:], query_weights[1:], strict=True):
        start, end = starts[column], starts[column + 1]
        for row, weight in zip(all_rows[start:end], all_weights[start:end], strict=True):
            scores[row] = get(row, 0.0) + weight * query_weight
    return _python_best(scores, k)


def _python_best(scores: dict[int, float], k: int) -> tuple[list[int], list[float]]:
    """The k best rows of ``scores`` and their scores, best first, ties to the earlier row.

    One sort of the rows by score, in C (the dict's own lookup as the key): half
    the time of sorting the bare floats to find the k-th and then picking the
    rows above it in a Python loop. The sort is stable, so tied rows keep the
    dict's order, not row order: the rows tied with the k-th are all kept, and
    if any scores tie, those few are sorted again as (-score, row) pairs.
    """
    score_of = scores.__getitem__
    ranked = sorted(scores, key=score_of, reverse=True)
    if len(ranked) > k:
        kth = score_of(ranked[k - 1])
        end = k
        for row in ranked[k:]:  # rows tied with the k-th: usually none
            if score_of(row) != kth:
                break
            end += 1
        del ranked[end:]
    values = list(map(score_of, ranked))
    if len(set(values)) == len(values):
        return ranked, values
    pairs = sorted(zip(map(float.__neg__, values), ranked, strict=True))
    del pairs[k:]
    return [row for _, row in pairs], [-score for score, _ in pairs]
