"""Fitting TF-IDF weights fast: tokenize in bulk, analyze each distinct token once.

scikit-learn's ``TfidfVectorizer(analyzer=Analyzer(...))`` calls our analyzer on
every passage, so each of the corpus's tokens pays for Python calls: the stop-word
and acronym rules and a (cached) stem lookup. At a million passages of 20 words
that is 20 million round trips, about 50 s on a 2-core machine. Here the work is
split by how often it repeats:

1. per token, only C-speed steps: cutting the text into chunks (below) and one
   dict lookup that numbers the chunk (a ``defaultdict`` whose factory is
   ``len``, so a new chunk gets the next id without leaving C);
2. per *distinct* chunk, the analyzer itself (``Analyzer.words``): stop words,
   acronyms, single letters and stemming are decided once per word type instead
   of once per occurrence, and the terms are whatever the analyzer decides;
3. per passage, only array work: counts are summed with ``np.unique`` per batch,
   and the weighting repeats scikit-learn's ``TfidfTransformer`` arithmetic in
   float32 (smooth idf ``ln((1 + n) / (1 + df)) + 1``, sublinear tf
   ``1 + ln(tf)``, rows l2-normalized with a float64 norm).

Why chunks give the analyzer's tokens: every alternative of the analyzer's
pattern (dotted acronyms, runs of two or more word characters, single digits)
starts with a word character and holds only word characters and dots, so no match
crosses any other character
and ``findall`` on a text equals ``findall`` on each maximal run of word
characters and dots, in order. ``Analyzer.words`` maps each token on its own, so
``words(text)`` is the concatenation of ``words(run)``. On ASCII text those runs
are cut by ``str.translate`` (every other character to a space) and
``str.split``, about five times cheaper than the regular expression; other text
goes through ``findall`` after folding accents as the analyzer does. The split is
used only with the pattern it was proven on, and the tests check the result
against ``TfidfVectorizer`` with the same analyzer: same vocabulary, same idf,
same weights to float32 rounding.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, islice, repeat

import numpy as np

from retrieval._gc import paused_gc
from retrieval.analysis import _TOKEN, Analyzer, _fold_accents

__all__ = ["FittedTfidf", "fit_tfidf"]

# The token pattern the split path was proven on (see the module docstring).
_SPLIT_PATTERN = r"[^\W\d_](?:\.[^\W\d_])+\.?|\w\w+|\d"
_RUN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.")
_ASCII_TO_RUNS = str.maketrans(
    {chr(code): chr(code) if chr(code) in _RUN_CHARS else " " for code in range(128)}
)
# Passages per batch: bounds the live token strings (~25 MB at 20k passages of
# 20 words) while keeping the per-batch NumPy calls negligible.
_BATCH = 20_000


@dataclass(frozen=True, slots=True)
class FittedTfidf:
    """The fitted parts: sorted terms, their idf, and the weights in CSC arrays."""

    terms: list[str]
    idf: np.ndarray  # float32, one per term
    indptr: np.ndarray  # int64, one per term + 1
    indices: np.ndarray  # int32 passage of each weight, ascending within a column
    data: np.ndarray  # float32 weights, l2-normalized per passage


def fit_tfidf(texts: Sequence[str], analyzer: Analyzer) -> FittedTfidf:
    """Fit scikit-learn's TF-IDF weights for ``texts`` (see the module docstring)."""
    with paused_gc():
        terms, counts = _count_terms(texts, analyzer)
    idf = _smooth_idf(counts.indices, len(texts), len(terms))
    _weigh(counts, idf, analyzer.config.sublinear_tf)
    csc = _to_csc(counts, len(terms))
    del counts
    return FittedTfidf(terms, idf, csc.indptr.astype(np.int64), csc.indices, csc.data)


class _Terms:
    """Numbers raw chunks and analyzed terms; analyzes each distinct chunk once.

    A chunk is a token of the analyzer's pattern, or on the split path a run of
    word characters and dots that holds zero or more tokens ("end." one, "3.5"
    two). Each chunk id maps to a ragged list of term ids: ``_flat[_starts[c] :
    _starts[c] + _counts[c]]``.
    """

    def __init__(self, analyzer: Analyzer) -> None:
        self.analyzer = analyzer
        # A new chunk gets the next id inside the C lookup: no Python call per token.
        self.raw_ids: defaultdict[str, int] = defaultdict()
        self.raw_ids.default_factory = self.raw_ids.__len__
        self._counts = np.zeros(0, dtype=np.int32)
        self._starts = np.zeros(0, dtype=np.int64)
        self._flat = np.zeros(0, dtype=np.int32)
        self.term_ids: dict[str, int] = {}
        self.names: list[str] = []
        self._split = _TOKEN.pattern == _SPLIT_PATTERN
        self._fold = analyzer.config.fold_accents

    def chunks(self, texts: Sequence[str]) -> list[list[str]]:
        """The chunks of each text; a batch of ASCII texts is split without a Python call."""
        if self._split and all(map(str.isascii, texts)):
            return list(map(str.split, map(str.translate, texts, repeat(_ASCII_TO_RUNS))))
        return list(map(self._text_chunks, texts))

    def _text_chunks(self, text: str) -> list[str]:
        if text.isascii():
            if self._split:
                return text.translate(_ASCII_TO_RUNS).split()
        elif self._fold:
            text = _fold_accents(text)
        return _TOKEN.findall(text)

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
        if len(self.raw_ids) == known:
            return
        words = self.analyzer.words
        lists = [
            [self.term_id(word) for word in words(chunk)]
            for chunk in islice(self.raw_ids, known, None)
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


def _count_terms(texts: Sequence[str], analyzer: Analyzer) -> tuple[list[str], _Csr]:
    """Return the sorted terms and the passages' term counts (CSR, float32).

    Counts are summed batch by batch, so what stays alive between batches is one
    entry per distinct (passage, term), never one per token. Columns within a row
    are left unsorted: the CSC transposition sorts what the query path needs.
    """
    terms = _Terms(analyzer)
    parts = [
        _batch_counts(texts[start : start + _BATCH], start, terms)
        for start in range(0, len(texts), _BATCH)
    ]
    rows = np.concatenate([part[0] for part in parts]) if parts else np.zeros(0, np.int32)
    indptr = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=len(texts)), out=indptr[1:])
    del rows
    sorted_terms, column_of_id = terms.column_of_id()
    ids = np.concatenate([part[1] for part in parts]) if parts else np.zeros(0, np.int32)
    data = np.concatenate([part[2] for part in parts]) if parts else np.zeros(0, np.float32)
    del parts
    return sorted_terms, _Csr(indptr, column_of_id[ids], data)


def _batch_counts(
    texts: Sequence[str], offset: int, terms: _Terms
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(passage, term id, count) for each distinct term of each passage in ``texts``."""
    rows, words = _batch_words(texts, terms)
    ngram_rows, ngram_ids = _ngram_entries(rows, words, terms.analyzer.config.ngram_max, terms)
    keys = np.concatenate([rows, *ngram_rows]).astype(np.int64) << 32
    keys |= np.concatenate([words, *ngram_ids]).astype(np.int64)
    unique, counts = np.unique(keys, return_counts=True)
    return (
        (unique >> 32).astype(np.int32) + np.int32(offset),
        (unique & 0xFFFFFFFF).astype(np.int32),
        counts.astype(np.float32),
    )


def _batch_words(texts: Sequence[str], terms: _Terms) -> tuple[np.ndarray, np.ndarray]:
    """Return (passage, unigram term id) for each term of ``texts``, in order."""
    chunk_lists = terms.chunks(texts)
    chunks = list(chain.from_iterable(chunk_lists))
    chunk_ids = np.fromiter(map(terms.raw_ids.__getitem__, chunks), np.int32, len(chunks))
    del chunks
    lengths = np.fromiter(map(len, chunk_lists), np.int64, len(chunk_lists))
    del chunk_lists
    positions, word_ids = terms.terms_of(chunk_ids)
    rows = np.repeat(np.arange(len(texts), dtype=np.int32), lengths)
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


def _smooth_idf(indices: np.ndarray, n_rows: int, n_columns: int) -> np.ndarray:
    """scikit-learn's smooth idf, computed in float32 in the same order."""
    df = np.bincount(indices, minlength=n_columns).astype(np.float32)
    df += 1.0
    idf = np.full_like(df, fill_value=n_rows + 1, dtype=np.float32)
    idf /= df
    np.log(idf, out=idf)
    idf += 1.0
    return idf


def _weigh(counts: _Csr, idf: np.ndarray, sublinear: bool) -> None:
    """Turn counts into l2-normalized tf-idf weights in place, as ``TfidfTransformer`` does.

    The row norm is summed in float64 from float32 squares and each weight divided
    in float64, as scikit-learn's Cython normalizer does.
    """
    data = counts.data
    if sublinear:
        np.log(data, out=data)
        data += 1.0
    data *= idf[counts.indices]
    lengths = np.diff(counts.indptr)
    filled = lengths > 0
    if not filled.any():
        return
    squares = data * data
    norms = np.sqrt(np.add.reduceat(squares, counts.indptr[:-1][filled], dtype=np.float64))
    del squares
    np.divide(data, np.repeat(norms, lengths[filled]), out=data, casting="unsafe")
