"""Fitting TF-IDF weights fast: tokenize in bulk, analyze each distinct token once.

scikit-learn's ``TfidfVectorizer(analyzer=Analyzer(...))`` calls our analyzer on
every passage, so each of the corpus's tokens pays for Python calls: the stop-word
and acronym rules and a (cached) stem lookup. At a million passages of 20 words
that is 20 million round trips, 29 s on this project's 2-core machine (15 s here,
where scikit-learn's own ``fit_transform``, with no stemming at all, takes 16 s;
docs/BENCHMARKS.md). The work is split by how often it repeats:

1. per token, only C-speed steps: cutting the text into chunks and numbering
   them (:mod:`retrieval._chunks`: NumPy over the bytes of ASCII batches);
2. per *distinct* chunk, the analyzer itself (``Analyzer.words``): stop words,
   acronyms, single letters and stemming are decided once per word type instead
   of once per occurrence, and the terms are whatever the analyzer decides;
3. per passage, only array work: counts are summed with ``np.unique`` per batch,
   and the weighting repeats scikit-learn's ``TfidfTransformer`` arithmetic in
   float32 (smooth idf ``ln((1 + n) / (1 + df)) + 1``, sublinear tf
   ``1 + ln(tf)``, rows l2-normalized with a float64 norm).

The weights are computed from the term-major (CSC) counts, whose order is fixed
by the sorted vocabulary and the passage order alone, so they are a function of
the counts: the same counts give the same weights bit for bit, however they were
assembled. That is what lets a collection cache count only its changed articles
and join the rest from stored counts (:mod:`retrieval._counts`,
:func:`weigh_counts`) and still equal a fresh fit. (Summing each norm in row order
would not: a fresh fit leaves a row's terms in first-seen order, which depends on
the passages before it.)

A chunk is a token of the analyzer's pattern or, on ASCII text, a run of word
characters and dots, which holds the same tokens; ``Analyzer.words`` maps each
token on its own, so ``words(text)`` is the concatenation of ``words(chunk)``.
Stemming the distinct words is what remains of the analyzer's cost: with the
pure-Python Snowball stemmer about 30 us a word, 6 s for the 200,000 words of the
1M-passage benchmark; ``snowballstemmer`` switches to the C implementation
(PyStemmer, same algorithm, same stems) when that is installed, and then it is
under 0.5 s. The tests check the result against ``TfidfVectorizer`` with the same
analyzer: same vocabulary, same idf, same weights to float32 rounding.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import chain, islice

import numpy as np

from retrieval._chunks import ChunkIds
from retrieval._counts import TermCounts
from retrieval._gc import paused_gc
from retrieval._postings import keyed_only
from retrieval.analysis import Analyzer

__all__ = ["FittedTfidf", "count_terms", "fit_tfidf", "weigh_counts"]

# Passages per batch: bounds the live token strings (~25 MB at 20k passages of
# 20 words) while keeping the per-batch NumPy calls negligible.
_BATCH = 20_000
# Entries per block when a whole-array temporary would be large (8 MB of int64).
_BLOCK = 1 << 20


@dataclass(frozen=True, slots=True)
class FittedTfidf:
    """The fitted parts: sorted terms, their idf, and the weights in CSC arrays."""

    terms: list[str]
    idf: np.ndarray  # float32, one per term
    indptr: np.ndarray  # int64, one per term + 1
    indices: np.ndarray  # int32 passage of each weight, ascending within a column
    data: np.ndarray  # float32 weights, l2-normalized per passage
    # Small indexes without a dense copy: the corpus's tokens and their columns (-1: none).
    token_columns: dict[str, int] | None = None


def fit_tfidf(texts: Sequence[str], analyzer: Analyzer) -> FittedTfidf:
    """Fit scikit-learn's TF-IDF weights for ``texts`` (see the module docstring)."""
    with paused_gc():
        terms, counts, tokens = _count_terms(texts, analyzer, with_tokens=True)
    csc = _to_csc(counts, len(terms))
    del counts  # at a million passages, 160 MB that the weighting need not share the heap with
    fitted = _weighed(terms, csc, len(texts), analyzer.config.sublinear_tf)
    return replace(fitted, token_columns=tokens)


def count_terms(texts: Sequence[str], analyzer: Analyzer) -> TermCounts:
    """The term counts of each of ``texts``, the first half of :func:`fit_tfidf`."""
    with paused_gc():
        terms, counts, _ = _count_terms(texts, analyzer)
    return TermCounts(terms, counts.indptr, counts.indices, counts.data)


def weigh_counts(counts: TermCounts, sublinear: bool) -> FittedTfidf:
    """The TF-IDF weights of ``counts`` (left unchanged), the second half of :func:`fit_tfidf`."""
    csc = _to_csc(_Csr(counts.indptr, counts.indices, counts.data), len(counts.terms))
    return _weighed(counts.terms, csc, len(counts), sublinear)


def _weighed(terms: list[str], csc: _Csr, n_rows: int, sublinear: bool) -> FittedTfidf:
    """Weigh the CSC counts ``csc`` in place and return the fitted parts."""
    csc = _Csr(csc.indptr.astype(np.int64), csc.indices, csc.data)
    idf = _smooth_idf(np.diff(csc.indptr), n_rows)
    _weigh(csc, idf, sublinear, n_rows)
    return FittedTfidf(terms, idf, csc.indptr, csc.indices, csc.data)


class _Terms:
    """Maps each distinct chunk to its terms, analyzing it once.

    Chunks are numbered by :class:`~retrieval._chunks.ChunkIds`; each chunk id maps
    to a ragged list of term ids: ``_flat[_starts[c] : _starts[c] + _counts[c]]``
    ("end." holds one term, "3.5" two, a stop word none).
    """

    def __init__(self, analyzer: Analyzer) -> None:
        self.analyzer = analyzer
        self.chunks = ChunkIds(analyzer.config.fold_accents)
        self._counts = np.zeros(0, dtype=np.int32)
        self._starts = np.zeros(0, dtype=np.int64)
        self._flat = np.zeros(0, dtype=np.int32)
        self.term_ids: dict[str, int] = {}
        self.names: list[str] = []

    def terms_of(self, chunk_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(position in ``chunk_ids``, term id) of every term the chunks hold, in order."""
        self._analyze_new_chunks()
        counts = self._counts[chunk_ids]
        starts = self._starts[chunk_ids]
        if counts.max(initial=0) <= 1:  # the usual case: one term or none per chunk
            positions = np.flatnonzero(counts)
            return positions, self._flat[starts[positions]]
        positions = np.repeat(np.arange(len(chunk_ids)), counts)
        first = np.repeat(np.cumsum(counts) - counts, counts)
        within = np.arange(len(positions)) - first
        return positions, self._flat[starts[positions] + within]

    def _analyze_new_chunks(self) -> None:
        known = len(self._counts)
        if len(self.chunks.ids) == known:
            return
        words = self.analyzer.words
        lists = [
            [self.term_id(word) for word in words(chunk)]
            for chunk in islice(self.chunks.ids, known, None)
        ]
        counts = np.fromiter(map(len, lists), np.int32, len(lists))
        starts = len(self._flat) + np.cumsum(counts, dtype=np.int64) - counts
        flat = np.fromiter(chain.from_iterable(lists), np.int32, int(counts.sum()))
        self._counts = np.concatenate([self._counts, counts])
        self._starts = np.concatenate([self._starts, starts])
        self._flat = np.concatenate([self._flat, flat])

    def term_id(self, term: str) -> int:
        known = self.term_ids.get(term)
        if known is None:
            known = self.term_ids[term] = len(self.names)
            self.names.append(term)
        return known

    def token_columns(self, column_of_id: np.ndarray) -> dict[str, int] | None:
        """Each distinct chunk that is one ASCII token as a query cuts it, and its
        column (-1 for none): what the query's token memo would remember for it
        (:meth:`retrieval._query.QueryVectors.start_with`). None with n-grams,
        whose queries have no token memo.

        The chunk was indexed under the term it holds, or none, so that is its
        column; one ``findall`` a distinct chunk (1-2 ms a 1,000 realistic passages).
        """
        if self.analyzer.config.ngram_max > 1:
            return None
        counts, starts = self._counts.tolist(), self._starts.tolist()
        columns = column_of_id[self._flat].tolist()
        whole = self.analyzer.tokens  # an ASCII chunk's tokens: its accents need no folding
        known: dict[str, int] = {}
        for chunk, chunk_id in self.chunks.ids.items():  # the corpus's distinct chunks
            if chunk.isascii() and whole(chunk) == [chunk]:
                known[chunk] = columns[starts[chunk_id]] if counts[chunk_id] else -1
        return known

    def column_of_id(self) -> tuple[list[str], np.ndarray]:
        """The terms sorted (scikit-learn's column order) and each id's column."""
        order = sorted(range(len(self.names)), key=self.names.__getitem__)
        columns = np.empty(len(order), dtype=np.int32)
        columns[order] = np.arange(len(order), dtype=np.int32)
        return [self.names[i] for i in order], columns


@dataclass(frozen=True, slots=True)
class _Csr:
    indptr: np.ndarray
    indices: np.ndarray
    data: np.ndarray


def _count_terms(
    texts: Sequence[str], analyzer: Analyzer, *, with_tokens: bool = False
) -> tuple[list[str], _Csr, dict[str, int] | None]:
    """Return the sorted terms, the passages' term counts (CSR, float32) and, if
    ``with_tokens`` and the index is one whose queries start from them (see
    :meth:`_Terms.token_columns`), the corpus's tokens and their columns.

    Counts are summed batch by batch, so what stays alive between batches is one
    entry per distinct (passage, term), never one per token, and each batch keeps
    its rows as pointers, not one row number per entry. Columns within a row are
    left unsorted: the CSC transposition sorts what the query path needs.
    """
    terms = _Terms(analyzer)
    parts = [
        _batch_counts(texts[start : start + _BATCH], terms)
        for start in range(0, len(texts), _BATCH)
    ]
    indptr = np.zeros(len(texts) + 1, dtype=np.int64)
    if parts:
        np.cumsum(np.concatenate([np.diff(part.indptr) for part in parts]), out=indptr[1:])
    sorted_terms, column_of_id = terms.column_of_id()
    # One field at a time, each batch's copy dropped as soon as it is joined:
    # at a million passages each field is 60 MB.
    columns = _join([part.indices for part in parts], np.int32)
    columns = column_of_id[columns]
    data = _join([part.data for part in parts], np.float32)
    tokens = None
    if with_tokens and keyed_only(len(texts), len(sorted_terms)):
        tokens = terms.token_columns(column_of_id)
    return sorted_terms, _Csr(indptr, columns, data), tokens


def _join(pieces: list[np.ndarray], dtype: type[np.generic]) -> np.ndarray:
    if not pieces:
        return np.zeros(0, dtype=dtype)
    joined = np.concatenate(pieces)
    pieces.clear()
    return joined


def _batch_counts(texts: Sequence[str], terms: _Terms) -> _Csr:
    """The count of each distinct term of each passage of ``texts``, as CSR arrays."""
    rows, words = _batch_words(texts, terms)
    ngram_rows, ngram_ids = _ngram_entries(rows, words, terms.analyzer.config.ngram_max, terms)
    keys = np.concatenate([rows, *ngram_rows]).astype(np.int64) << 32
    keys |= np.concatenate([words, *ngram_ids]).astype(np.int64)
    unique, counts = np.unique(keys, return_counts=True)
    indptr = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(np.bincount(unique >> 32, minlength=len(texts)), out=indptr[1:])
    return _Csr(indptr, (unique & 0xFFFFFFFF).astype(np.int32), counts.astype(np.float32))


def _batch_words(texts: Sequence[str], terms: _Terms) -> tuple[np.ndarray, np.ndarray]:
    """Return (passage, unigram term id) for each term of ``texts``, in order."""
    rows, chunk_ids = terms.chunks.number(texts)
    positions, word_ids = terms.terms_of(chunk_ids)
    return rows[positions], word_ids


def _ngram_entries(
    rows: np.ndarray, words: np.ndarray, ngram_max: int, terms: _Terms
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Return (passages, term ids) of the 2..n-grams of consecutive kept words.

    Windows are deduplicated with ``np.unique`` over rows of word ids, then named
    the way the analyzer names them: their words joined by a space.
    """
    ngram_rows: list[np.ndarray] = []
    ngram_ids: list[np.ndarray] = []
    for size in range(2, ngram_max + 1):
        starts = np.flatnonzero(rows[: len(rows) - size + 1] == rows[size - 1 :])
        if not len(starts):
            continue
        windows = np.stack([words[starts + offset] for offset in range(size)], axis=1)
        unique, inverse = np.unique(windows, axis=0, return_inverse=True)
        names = terms.names
        ids = [terms.term_id(" ".join(names[i] for i in window)) for window in unique.tolist()]
        ngram_rows.append(rows[starts])
        ngram_ids.append(np.asarray(ids, dtype=np.int32)[inverse.reshape(-1)])
    return ngram_rows, ngram_ids


def _to_csc(rows: _Csr, n_columns: int) -> _Csr:
    """Transpose to term-major order with SciPy's linear-time conversion.

    The conversion walks the rows in order, so each column's rows come out
    ascending whatever the column order within a row was.
    """
    from scipy import sparse

    shape = (len(rows.indptr) - 1, n_columns)
    matrix = sparse.csr_matrix((rows.data, rows.indices, rows.indptr), shape=shape).tocsc()
    return _Csr(matrix.indptr, matrix.indices.astype(np.int32, copy=False), matrix.data)


def _smooth_idf(document_frequencies: np.ndarray, n_rows: int) -> np.ndarray:
    """scikit-learn's smooth idf, computed in float32 in the same order."""
    df = document_frequencies.astype(np.float32)
    df += 1.0
    idf = np.full_like(df, fill_value=n_rows + 1, dtype=np.float32)
    idf /= df
    np.log(idf, out=idf)
    idf += 1.0
    return idf


def _weigh(csc: _Csr, idf: np.ndarray, sublinear: bool, n_rows: int) -> None:
    """Turn CSC counts into l2-normalized tf-idf weights in place, as ``TfidfTransformer`` does.

    Each row's squared norm is summed in float64 from float32 squares, one entry
    after another in column (sorted term) order (``np.add.at``), and each weight
    divided in float64, as scikit-learn's Cython normalizer does over its sorted
    rows. Work goes in blocks of entries: whole-array float64 temporaries would add
    300 MB at a million passages, and ``np.add.at`` needs no per-block array of
    row sums (``np.bincount`` does, and left 30 MB more of freed heap in the
    process at 1M passages; same speed).
    """
    data, rows = csc.data, csc.indices
    if sublinear:
        np.log(data, out=data)
        data += 1.0
    squared_norms = np.zeros(n_rows, dtype=np.float64)
    for start in range(0, len(data), _BLOCK):
        end = min(start + _BLOCK, len(data))
        block = data[start:end]
        block *= _column_values(csc.indptr, idf, start, end)
        squares = (block * block).astype(np.float64)
        np.add.at(squared_norms, rows[start:end], squares)  # in order, no n_rows temporary
    norms = np.sqrt(squared_norms)
    for start in range(0, len(data), _BLOCK):
        block = data[start : start + _BLOCK]
        np.divide(block, norms[rows[start : start + _BLOCK]], out=block, casting="unsafe")


def _column_values(indptr: np.ndarray, values: np.ndarray, start: int, end: int) -> np.ndarray:
    """``values[column]`` for each CSC entry from ``start`` to ``end`` (exclusive)."""
    first = int(np.searchsorted(indptr, start, side="right")) - 1
    last = int(np.searchsorted(indptr, end - 1, side="right")) - 1
    bounds = np.clip(indptr[first : last + 2], start, end)
    return np.repeat(values[first : last + 1], np.diff(bounds))
