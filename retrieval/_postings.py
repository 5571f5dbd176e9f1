"""The query side of an index: term-major postings and the copies that make queries fast.

:class:`Postings` holds the CSC arrays (each term's passages, ascending, and
weights) plus what :mod:`retrieval._search` plans with, all derived once when an
index is fitted or loaded: each term's largest weight (the max-score bound), the
column pointers as a Python list (a query reads a few), the champion lists of
long posting lists and a reusable per-passage score array (large indexes), and
for small indexes each posting as a complex key, memoryviews for plain Python,
and, for an article's, a dense float64 copy.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import pairwise
from typing import NamedTuple

import numpy as np

__all__ = [
    "DENSE_ROWS",
    "Champions",
    "Postings",
    "PythonViews",
    "Query",
    "ScoreScratch",
    "keyed_only",
]

# Up to this many passages, the search sums every query's postings without
# planning, from a keyed copy of them (see ``Postings.keyed``).
DENSE_ROWS = 20_000
# Indexes this small also keep memoryviews of their postings (the search scores
# questions that read few postings in plain Python). At 10,000 realistic passages
# the keyed NumPy path was faster for all but the smallest queries (interleaved
# with bm25s: p50 0.92-0.95x bm25s's bare scoring with plain Python up to 48
# postings, 0.99-1.02x up to 192).
_PYTHON_ROWS = 2048
# Indexes of at most this many passages x terms (16 MB of float64, e.g. an
# article of 200 sentences and 1,500 terms is 300,000) keep a dense term-major
# copy: a query is then three NumPy calls, about 5 us instead of 20 us.
_MATRIX_CELLS = 1 << 21
# Passages kept per long posting list: one in 512 of the index, at least 64.
# Measured best at both 1M (2,000: p95 3.5 ms, against 5.0 ms with 512) and 100k
# passages (200: p95 0.6 ms, against 1.5 ms with 2,048) on the synthetic corpus.
_CHAMPION_SHARE = 512
_MIN_CHAMPIONS = 64


@dataclass(frozen=True, slots=True)
class Postings:
    """A CSC matrix's arrays, each column's largest weight, and what queries reuse."""

    indptr: np.ndarray  # int64, n_columns + 1
    indices: np.ndarray  # int32 rows, ascending within each column
    data: np.ndarray  # float32 weights, all positive
    n_rows: int
    column_max: np.ndarray  # float64, the largest weight of each column (0 if empty)
    starts: list[int]  # indptr as Python ints
    champions: Champions
    scratch: ScoreScratch
    screen: ScoreScratch  # float32, for retrieval._screen
    # If small and without a dense copy: each column's postings as the bytes of
    # complex64 numbers, each its negated weight + row * 1j (see _keyed_copy).
    keyed: list[bytes] | None
    matrix: np.ndarray | None  # float64 (n_columns, n_rows) for small indexes, else None
    views: PythonViews | None  # the postings for plain Python, if small
    lengths: memoryview  # each column's number of postings (int64), if ``keyed`` or ``views``
    indices_bytes: memoryview  # ``indices`` and ``data`` as bytes (4 a posting each)
    data_bytes: memoryview

    @classmethod
    def from_arrays(
        cls, indptr: np.ndarray, indices: np.ndarray, data: np.ndarray, n_rows: int
    ) -> Postings:
        # The search tells a passage it has not scored yet by its score being 0.
        if not np.all(data > 0):
            raise ValueError("matrix weights must be positive numbers")
        indices, data = np.ascontiguousarray(indices), np.ascontiguousarray(data)  # bytes views
        n_columns = len(indptr) - 1
        return cls(
            indptr,
            indices,
            data,
            n_rows,
            _column_max(indptr, data),
            indptr.tolist(),
            Champions.of(indptr, indices, data, n_rows),
            ScoreScratch(n_rows),
            ScoreScratch(n_rows, np.float32),
            keyed := _keyed_copy(indptr, indices, data) if keyed_only(n_rows, n_columns) else None,
            _dense_copy(indptr, indices, data, n_rows),
            views := _python_views(indptr, indices, data, n_rows),
            np.diff(indptr).data if keyed is not None or views is not None else memoryview(b""),
            indices.data.cast("B"),
            data.data.cast("B"),
        )

    def rows(self, column: int) -> np.ndarray:
        return self.indices[self.starts[column] : self.starts[column + 1]]


class ScoreScratch:
    """A score per passage (float64 unless said), all zero between queries, lent to one
    query at a time.

    Summing a query's postings into it and zeroing only the rows they touched
    costs ~10 ns a posting; a fresh array would cost 8 MB of zeroing and page
    faults per query at a million passages, and finding the scored rows in it a
    scan of all of them. A second thread asking while it is lent gets a fresh
    array; a query that fails midway drops it, so it is never lent dirty.
    """

    __slots__ = ("_dtype", "_lock", "_n_rows", "_scores")

    def __init__(self, n_rows: int, dtype: type[np.floating] = np.float64) -> None:
        self._lock = threading.Lock()
        self._n_rows = n_rows
        self._dtype = dtype
        self._scores: np.ndarray | None = None

    @contextmanager
    def scores(self) -> Iterator[np.ndarray]:
        """Zeros to add into; the borrower sets every row it touched back to 0."""
        if not self._lock.acquire(blocking=False):
            yield np.zeros(self._n_rows, dtype=self._dtype)
            return
        try:
            if self._scores is None:
                self._scores = np.zeros(self._n_rows, dtype=self._dtype)
            yield self._scores
        except BaseException:
            self._scores = None
            raise
        finally:
            self._lock.release()


@dataclass(frozen=True, slots=True)
class Champions:
    """The highest-weight rows of each long column, and a bound on all the others."""

    slot: np.ndarray  # int32 per column: its list, or -1 when the column is read whole
    indptr: np.ndarray  # int64, per list
    rows: np.ndarray  # int32
    bound: np.ndarray  # float64 per list: no weight outside the list is higher

    @classmethod
    def of(
        cls, indptr: np.ndarray, indices: np.ndarray, data: np.ndarray, n_rows: int
    ) -> Champions:
        lengths = np.diff(indptr)
        size = max(_MIN_CHAMPIONS, n_rows // _CHAMPION_SHARE)
        long = np.flatnonzero(lengths > size) if n_rows > DENSE_ROWS else np.zeros(0, np.int64)
        slot = np.full(len(lengths), -1, dtype=np.int32)
        slot[long] = np.arange(len(long), dtype=np.int32)
        rows = np.empty(len(long) * size, dtype=np.int32)
        bound = np.empty(len(long), dtype=np.float64)
        for number, column in enumerate(long.tolist()):
            start, end = int(indptr[column]), int(indptr[column + 1])
            weights = data[start:end]
            best = np.argpartition(weights, len(weights) - size)[-size:]
            rows[number * size : (number + 1) * size] = indices[start + best]
            bound[number] = float(weights[best].min())
        list_indptr = np.arange(len(long) + 1, dtype=np.int64) * size
        return cls(slot, list_indptr, rows, bound)


class Query(NamedTuple):
    """A query vector: distinct columns in ascending order and their weights.

    A named tuple rather than a frozen dataclass: one is made per question, and
    a tuple is made in a third of the time.
    """

    columns: list[int]
    weights: list[float]  # l2-normalized


def keyed_only(n_rows: int, n_columns: int) -> bool:
    """Whether an index of this shape answers from ``Postings.keyed`` with no dense copy."""
    # Rows as complex64 imaginary parts are exact below 2**24.
    return n_rows <= min(DENSE_ROWS, 1 << 24) and n_rows * n_columns > _MATRIX_CELLS


def _keyed_copy(indptr: np.ndarray, indices: np.ndarray, data: np.ndarray) -> list[bytes]:
    """Each column's postings as complex64 numbers, each its negated weight + its row * 1j,
    as one bytes object per column.

    A small index's query reads a few hundred postings, so its cost is the
    number of NumPy calls, not the postings. Its sums are over the real parts,
    and its ranking is by ``-score + row * 1j``, which NumPy sorts by score, then
    row (``retrieval._ranking.select_keyed``): one array, one slice a term, carries
    a posting from its list to the ranking. Stored as complex64, 8 bytes a
    posting like the int32 rows and float32 weights it copies (both exact: the
    weights are float32, rows below 2**24), and widened to complex128 as a query
    joins its columns, in the same call. The weights are stored negated, so that
    a query's products come out as the costs the ranking sorts (negation is
    exact), with no pass to negate them.

    One bytes object per column, so that a query joins its columns' postings with
    ``b"".join(map(keyed.__getitem__, columns))``, all in C: slicing one buffer
    made a memoryview per term in Python, and with its two bounds read cold cost
    ~0.5 us of a 17 us question on 1,000 realistic passages, interleaved with
    bm25s's queries. About 40 bytes a column more than one buffer.
    """
    keyed = np.empty(len(indices), dtype=np.complex64)
    np.negative(data, out=keyed.real)
    keyed.imag = indices
    raw = keyed.tobytes()
    bounds = (indptr * keyed.itemsize).tolist()
    return [raw[start:end] for start, end in pairwise(bounds)]


def _dense_copy(
    indptr: np.ndarray, indices: np.ndarray, data: np.ndarray, n_rows: int
) -> np.ndarray | None:
    n_columns = len(indptr) - 1
    if n_rows * n_columns > _MATRIX_CELLS:
        return None
    matrix = np.zeros((n_columns, n_rows), dtype=np.float64)
    matrix[np.repeat(np.arange(n_columns), np.diff(indptr)), indices] = data
    return matrix


class PythonViews(NamedTuple):
    """The rows (int32) and weights (float32) arrays as memoryviews, for plain Python.

    A slice of one is a term's postings, and iterating over it makes each row an
    int and each weight a float (exactly, as ``tolist`` would) from contiguous
    memory. Python lists of those ints and floats, kept per term, were slower:
    every posting was two objects of their own, read from wherever they lay
    (1,000 realistic passages, questions of 50-200 postings: 37-53 us against
    31-42 us with bm25s's queries in between, 25-38 against 19-30 without).
    """

    rows: memoryview
    weights: memoryview
    starts: memoryview  # indptr: a term's two bounds side by side, not two int objects


def _python_views(
    indptr: np.ndarray, indices: np.ndarray, data: np.ndarray, n_rows: int
) -> PythonViews | None:
    if n_rows > _PYTHON_ROWS:
        return None
    return PythonViews(indices.data, data.data, indptr.data)  # ndarray.data: a memoryview


def _column_max(indptr: np.ndarray, data: np.ndarray) -> np.ndarray:
    lengths = np.diff(indptr)
    result = np.zeros(len(lengths), dtype=np.float64)
    filled = lengths > 0
    if filled.any():
        result[filled] = np.maximum.reduceat(data, indptr[:-1][filled]).astype(np.float64)
    return result
