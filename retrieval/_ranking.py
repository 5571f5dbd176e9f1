"""The steps every search plan shares: summing postings, and picking the best k rows exactly.

Cosine scores are sums of ``weight * query_weight`` over the query's terms. Each
term's postings are one slice of the CSC arrays (its rows ascending, its
weights), and whatever a plan does, a score it returns is the float64 sum of
those products in ascending column order: the same bits as
:func:`retrieval._search.dense_scores` gives that row, so passages with equal
vectors tie exactly, and ties go to the earlier row.
"""

from __future__ import annotations

import numpy as np

from retrieval._postings import Postings, Query

__all__ = [
    "best",
    "candidate_scores",
    "dense_scores",
    "dense_top_k",
    "distinct",
    "few_scores",
    "keyed_costs",
    "kth_largest",
    "kth_lowest",
    "postings_of",
    "select",
    "select_keyed",
    "shortest_list",
]

# Up to this many passages, dense_scores sums with one np.bincount (a fresh array);
# past it, list by list with np.add.at (np.bincount would copy every posting twice).
BINCOUNT_ROWS = 20_000
# Up to this many scored rows one sort is cheaper than partitioning first.
_SORT_ROWS = 256
# Up to this many postings select_keyed sorts complex keys; past it, select.
_KEYED_POSTINGS = 2048
# Up to this many postings, postings_of joins the lists' bytes (see _joined).
_JOINED_POSTINGS = 1 << 15
# select_keyed first looks for the k best rows among the _HEAD_ROWS * k lowest keys.
_HEAD_ROWS = 4
_SORTED_KEYS = 128


def dense_scores(postings: Postings, query: Query) -> np.ndarray:
    """Return the cosine score of every row (float64, 0 where no term matches).

    The sum over terms runs in column order every way: ``sum(axis=0)`` adds the
    rows of the dense copy one after another, ``np.bincount`` and ``np.add.at``
    add in input order, and adding the 0.0 of an absent term changes nothing, so
    all give the same bits.
    """
    if postings.matrix is not None:
        rows = postings.matrix[query.columns]
        rows *= np.asarray(query.weights)[:, None]
        return rows.sum(axis=0)  # type: ignore[no-any-return]
    if postings.n_rows <= BINCOUNT_ROWS:
        rows, added = postings_of(postings, query)
        return np.bincount(rows, added, minlength=postings.n_rows)
    starts, indices, data = postings.starts, postings.indices, postings.data
    scores = np.zeros(postings.n_rows, dtype=np.float64)
    for column, weight in zip(query.columns, query.weights, strict=True):
        start, end = starts[column], starts[column + 1]
        np.add.at(
            scores, indices[start:end], np.multiply(data[start:end], weight, dtype=np.float64)
        )
    return scores


def dense_top_k(
    postings: Postings, query: Query, k: int, *, floor: float = 0.0
) -> tuple[np.ndarray, np.ndarray]:
    """The top k from every row's score; only rows at or above ``floor`` (> 0) are sorted."""
    scores = dense_scores(postings, query)
    rows = (scores >= floor).nonzero()[0] if floor > 0 else scores.nonzero()[0]
    values = scores[rows]
    if len(rows) > _SORT_ROWS:
        return best(rows, values, k)
    # Few rows (an article's): one stable sort, ties stay in row order (rows ascend).
    order = np.argsort(-values, kind="stable")[:k]
    return rows[order], values[order]


def postings_of(
    postings: Postings, query: Query, *, negated: bool = False, single: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """The rows (intp) and products of the query's terms, in column order.

    Rows as intp and products as float64 once, here: NumPy would otherwise
    convert int32 rows at every indexing, which was a quarter of a small query.
    ``negated`` gives each product's negative, which :func:`select` ranks
    without a pass to negate them (negation is exact: the sums are the negated
    sums, bit for bit). ``single`` gives float32 products of each weight and
    the query weight rounded to float32 (for :mod:`retrieval._screen`).
    """
    if postings.keyed is not None and not single:
        keys = keyed_costs(postings.keyed, postings, query)
        return keys.imag.astype(np.intp), keys.real.copy() if negated else np.negative(keys.real)
    starts, columns = postings.starts, query.columns
    weights = [-weight for weight in query.weights] if negated else query.weights
    slices = [(starts[column], starts[column + 1]) for column in columns]
    indices, data = postings.indices, postings.data
    total = sum(b - a for a, b in slices)
    if total <= _JOINED_POSTINGS and not single:
        return _joined(postings, slices, weights)
    # Large lists: each written once into its place (joining copies twice).
    rows = np.empty(total, dtype=np.intp)
    dtype = np.float32 if single else np.float64
    added = np.empty(total, dtype=dtype)
    at = 0
    for (a, b), w in zip(slices, weights, strict=True):
        rows[at : at + b - a] = indices[a:b]
        np.multiply(data[a:b], dtype(w), out=added[at : at + b - a], dtype=dtype)
        at += b - a
    return rows, added


def _joined(
    postings: Postings, slices: list[tuple[int, int]], weights: list[float]
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`postings_of` for a few thousand postings: the lists' bytes joined, for
    rows and weights each, in a fixed number of NumPy calls.

    Writing each list into its place costs two NumPy calls a term, a microsecond
    each right after other work: at 100,000 realistic passages, 15-25 us of a
    question's 90 (1.4k-5k postings, interleaved with bm25s).
    """
    indices, data = postings.indices_bytes, postings.data_bytes
    rows = np.frombuffer(b"".join([indices[4 * a : 4 * b] for a, b in slices]), dtype=np.int32)
    added = np.frombuffer(b"".join([data[4 * a : 4 * b] for a, b in slices]), dtype=np.float32)
    # float32 weights widened exactly, then one IEEE multiplication each, as above
    products = added * np.array(weights).repeat([b - a for a, b in slices])
    return rows.astype(np.intp), products


def keyed_costs(keyed: list[bytes], postings: Postings, query: Query) -> np.ndarray:
    """The query's postings from a small index's ``Postings.keyed`` (``keyed``), in
    column order, each as its cost (its product, negated) + its row * 1j.

    The columns' bytes are joined, then multiplied by the query weights repeated
    per posting: the products are the same (one IEEE multiplication each; the
    stored weights are negated, which changes only the sign), in four NumPy calls
    whatever the number of terms, and the join is one C call over the columns
    (a question names ten terms).
    """
    columns = query.columns
    # float32 weights, widened exactly
    keys = np.frombuffer(b"".join(map(keyed.__getitem__, columns)), np.complex64).astype(
        np.complex128
    )
    costs = keys.real
    costs *= np.array(query.weights).repeat(list(map(postings.lengths.__getitem__, columns)))
    return keys


def select(
    rows: np.ndarray,
    costs: np.ndarray,
    k: int,
    copies: int,
    lengths: list[int] | None = None,
) -> tuple[list[int], list[float]]:
    """The ``k`` best distinct rows and their scores, best first, from postings naming a
    row up to ``copies`` times; ``costs`` is each posting's row's score, negated.

    The rows of the top k, and every row tied with the k-th, hold one of the
    ``k * copies`` lowest costs (fewer than k rows score above the k-th, and each
    names its row at most ``copies`` times), so only those are sorted; up to
    twice as many are sorted outright, which costs less than finding them.
    Sorted, a row's postings sit side by side and the k-th distinct row starts
    before position ``k * copies``. Negated scores sort best first with rows
    ascending in one ``lexsort``; the lists returned are what the search hands on.

    The lowest costs are found with a bound, where the postings are one list per
    term of ``lengths`` postings each, in that order (see :func:`_list_bound`),
    and by a partition of all of them otherwise.
    """
    enough = k * copies
    if len(rows) > 2 * enough:
        bound = None if lengths is None else _list_bound(costs, k, lengths)
        if bound is not None:
            keep = (costs <= bound).nonzero()[0]
            rows, costs = rows[keep], costs[keep]
        if len(rows) > 2 * enough:
            # The method: np.partition's wrapper costs as much for a few hundred.
            part = costs.copy()
            part.partition(enough - 1)
            keep = (costs <= part[enough - 1]).nonzero()[0]  # two gathers: less than two masks
            rows, costs = rows[keep], costs[keep]
    order = np.lexsort((rows, costs))[:enough]
    top_rows: list[int] = []
    scores: list[float] = []
    last = -1
    for row, cost in zip(rows[order].tolist(), costs[order].tolist(), strict=True):
        if row != last:
            top_rows.append(row)
            scores.append(-cost)
            if len(top_rows) == k:
                break
            last = row
    return top_rows, scores


def _list_bound(costs: np.ndarray, k: int, lengths: list[int]) -> float | None:
    """A cost that at least k distinct rows have at most: the k-th lowest of the
    shortest list holding k postings (a list names each row once); None if none does.

    Keeping the costs at or below it leaves every row of the top k (each costs at
    most the k-th distinct row's) and, the shortest list being the query's rarest
    term, usually few others: at a million realistic passages a long question
    reads 50k-150k postings, and this partitions a few hundred or thousand of
    them instead of all.
    """
    listed = shortest_list(lengths, k)
    if listed is None or (listed.stop - listed.start) * 2 > len(costs):
        return None
    return kth_lowest(costs[listed].copy(), k)


def shortest_list(lengths: list[int], k: int) -> slice | None:
    """Where the shortest list holding at least ``k`` postings lies among postings
    that are lists of ``lengths`` postings, one after another (the first such list
    if several are as short); None if no list holds ``k``.

    Its k-th best score is one that k distinct rows reach (a list names each row
    once), the floor both :func:`select` and :mod:`retrieval._readback` rank by.
    """
    shortest = min((length for length in lengths if length >= k), default=0)
    if not shortest:
        return None
    at = 0
    for length in lengths:
        if length == shortest:
            break
        at += length
    return slice(at, at + shortest)


def kth_lowest(values: np.ndarray, k: int) -> float:
    """The k-th lowest of ``values``, which are partitioned in place (pass a copy)."""
    values.partition(k - 1)  # the method: np.partition's wrapper costs as much for a few
    return float(values[k - 1])


def select_keyed(keys: np.ndarray, k: int, copies: int) -> tuple[list[int], list[float]]:
    """:func:`select` for postings as ``cost + row * 1j`` (see :func:`keyed_costs`).

    NumPy orders complex numbers by real part, then imaginary part, so these
    keys rank best score first and, among equal scores, the earlier row first:
    one partition and one sort of one array, where :func:`select` makes eight
    NumPy calls for a threshold, a mask and a ``lexsort``. A row's postings have
    equal keys, so the ``k * copies`` lowest hold the top k distinct rows, and
    no tie with the k-th can be left out. That bound is loose: on realistic
    text the 10th distinct row lay within the first 40 keys of every query
    (the first 24 at 1,000 passages), so the ``_HEAD_ROWS * k`` lowest are
    sorted first, and the ``k * copies`` only if they hold fewer than k rows:
    a question's selection took 4.1 us instead of 4.4 at 1,000 passages and
    7.6 instead of 8.5 at 10,000 (warm; questions name 5-10 terms).
    Past ``_KEYED_POSTINGS`` NumPy's complex partition is slower than the float
    one (5x at 15,000 postings), so larger inputs go through :func:`select`.
    """
    if len(keys) > _KEYED_POSTINGS:
        return select(keys.imag.astype(np.intp), keys.real, k, copies)
    enough = k * copies
    head = min(enough, _HEAD_ROWS * k)
    rows, scores = _distinct_head(keys, head, k)
    if len(rows) < k and head < min(enough, len(keys)):
        rows, scores = _distinct_head(keys, enough, k)
    return rows, scores


def _distinct_head(keys: np.ndarray, head: int, k: int) -> tuple[list[int], list[float]]:
    """The first k distinct rows (and scores) among the ``head`` lowest keys, best first.

    ``keys`` is partitioned and its head sorted in place; up to ``_SORTED_KEYS``,
    sorted whole, which costs less than partitioning first (65 keys, a question's
    at 1,000 passages: 0.66 against 1.06 us warm, and one NumPy call fewer).
    """
    if len(keys) > max(head, _SORTED_KEYS):
        keys.partition(head - 1)
        keys = keys[:head]
        keys.sort()
    else:
        keys.sort()
        keys = keys[:head]
    top_rows: list[int] = []
    scores: list[float] = []
    last = -1.0
    # As Python complex numbers: 40 of them are made in half the time of their 80
    # parts as floats, and the loop reads only the dozen or so it needs.
    for key in keys.tolist():
        row = key.imag
        if row != last:
            top_rows.append(int(row))
            scores.append(-key.real)
            if len(top_rows) == k:
                break
            last = row
    return top_rows, scores


def best(rows: np.ndarray, scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` best (row, score) pairs, by score then row; rows must be unique."""
    if len(rows) > k:
        # Keep everything tied with the k-th score, so the tie goes to the earliest row.
        keep = scores >= kth_largest(scores, k)
        rows, scores = rows[keep], scores[keep]
    order = np.lexsort((rows, -scores))[:k]
    return rows[order], scores[order]


def distinct(rows: np.ndarray) -> np.ndarray:
    """``rows`` sorted, each once: ``np.unique`` by a sort (NumPy 2's hash-based
    ``np.unique`` of integers took 1.4 ms for 20,000 rows, a sort 0.1 ms)."""
    rows = np.sort(rows)
    first = np.ones(len(rows), dtype=bool)
    np.not_equal(rows[1:], rows[:-1], out=first[1:])
    return rows[first]


def kth_largest(values: np.ndarray, k: int) -> float:
    return float(np.partition(values, len(values) - k)[len(values) - k])


def candidate_scores(postings: Postings, query: Query, candidates: np.ndarray) -> np.ndarray:
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


def few_scores(postings: Postings, query: Query, rows: np.ndarray) -> np.ndarray:
    """Exact scores of a few ``rows``, summed in column order like every other plan's.

    For the rows a plan has ranked from sums made in another order: one binary
    search per term, then every term's products gathered at once into a (terms,
    rows) array and summed row after row, which is the column order (an absent
    term adds 0.0, which changes nothing). Six NumPy calls fewer per term than
    :func:`candidate_scores`, which is made for thousands of candidates.
    """
    starts, indices = postings.starts, postings.indices
    keys = rows.astype(indices.dtype, copy=False)
    positions = np.empty((len(query.columns), len(keys)), dtype=np.intp)
    last = np.empty((len(query.columns), 1), dtype=np.intp)
    for number, column in enumerate(query.columns):
        start, end = starts[column], starts[column + 1]
        positions[number] = np.searchsorted(indices[start:end], keys)
        positions[number] += start
        last[number] = end - 1  # a row past the list's end: compared with its last
    np.minimum(positions, last, out=positions)
    np.maximum(positions, 0, out=positions)  # an empty list (a crafted file's) at 0 ...
    products = np.multiply(
        postings.data[positions], np.asarray(query.weights)[:, None], dtype=np.float64
    )
    products[indices[positions] != keys] = 0.0
    products[(last[:, 0] < [starts[c] for c in query.columns]).nonzero()[0]] = 0.0  # ... adds 0
    # Row after row, explicitly: for a single row, sum(axis=0) is a contiguous
    # reduction, pairwise past 8 terms (another order: a different last bit in
    # one case of four, measured with 12 terms).
    scores: np.ndarray = products[0]
    for added in products[1:]:
        scores += added
    return scores
