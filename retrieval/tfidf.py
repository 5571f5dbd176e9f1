"""TF-IDF retrieval of passages: scikit-learn's weights, answered with NumPy alone.

The weights are exactly scikit-learn's ``TfidfVectorizer`` with our
:class:`~retrieval.analysis.Analyzer` (smooth idf, l2-normalized rows, optionally
sublinear tf); the tests check them, and the ranking, against it. Fitting does not
go through the vectorizer, though: calling the analyzer on every passage cost 29 s
at a million passages, so :mod:`retrieval._build` tokenizes in bulk and analyzes
each distinct word once: 15 s, less than scikit-learn's own ``fit_transform``
without any stemming (16 s; ``docs/BENCHMARKS.md``).

Queries skip the vectorizer too (its per-call validation costs ~1.5 ms): the
query's terms are looked up in the fitted vocabulary, weighted with the fitted
idf, and scored against a term-major (CSC) copy of the matrix by
:mod:`retrieval._search`, so a query reads only its own terms' postings. The
ranking is scikit-learn's cosine ranking, ties broken by passage order. Neither
path imports scikit-learn, so loading a saved index and answering stay lean.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from retrieval._build import fit_tfidf
from retrieval._passages import LazyPassages, TextPassages
from retrieval._postings import Postings, Query
from retrieval._query import QueryVectors
from retrieval._search import dense_scores, top_k
from retrieval.analysis import Analyzer, AnalyzerConfig
from retrieval.article import Passage

if TYPE_CHECKING:
    from scipy import sparse

__all__ = ["Hit", "TfidfRetriever"]

_MADE_PASSAGES = 1 << 18


class Hit(NamedTuple):
    """One search result: the passage and its cosine similarity to the query (0..1].

    A named tuple, so that a search makes its hits in C (``tuple.__new__`` mapped
    over the (score, passage) pairs): ten of them took 8.5 us as slotted frozen
    dataclasses and 5.5 us as tuples, right after other work (the benchmark's
    bm25s queries), in a search of 45 us on 1,000 passages.
    """

    score: float
    passage: Passage


class TfidfRetriever:
    """A TF-IDF index over passages, searchable by free-text query.

    Build one with :meth:`fit` or :meth:`load`; the constructor takes the
    already-fitted parts (``matrix`` is passages x terms, any SciPy sparse format).
    """

    def __init__(
        self,
        passages: Sequence[Passage],
        analyzer: Analyzer,
        vocabulary: dict[str, int],
        idf: np.ndarray,
        matrix: sparse.spmatrix | sparse.sparray,
    ) -> None:
        csc = matrix.tocsc(copy=True)  # sorting must not touch the caller's matrix
        csc.sort_indices()
        self._setup(passages, analyzer, vocabulary, idf, (csc.indptr, csc.indices, csc.data))

    @classmethod
    def from_csc_arrays(
        cls,
        passages: Sequence[Passage],
        analyzer: Analyzer,
        vocabulary: dict[str, int],
        idf: np.ndarray,
        csc: tuple[np.ndarray, np.ndarray, np.ndarray],
    ) -> TfidfRetriever:
        """Build from the CSC ``(indptr, indices, data)`` arrays, rows sorted per column.

        This is how :meth:`fit` and :meth:`load` build one without importing SciPy's
        sparse module, which alone costs ~90 ms of a cold start.
        """
        retriever = cls.__new__(cls)
        retriever._setup(passages, analyzer, vocabulary, idf, csc)
        return retriever

    def _setup(
        self,
        passages: Sequence[Passage],
        analyzer: Analyzer,
        vocabulary: dict[str, int],
        idf: np.ndarray,
        csc: tuple[np.ndarray, np.ndarray, np.ndarray],
    ) -> None:
        indptr, indices, data = csc
        if len(indptr) != len(vocabulary) + 1 or len(idf) != len(vocabulary):
            raise ValueError(
                f"matrix has {len(indptr) - 1} columns and idf {len(idf)} values, "
                f"but the vocabulary has {len(vocabulary)} terms"
            )
        if len(indices) and int(indices.max()) >= len(passages):
            raise ValueError(f"matrix rows exceed the {len(passages)} passages")
        self.passages: Sequence[Passage] = (
            passages if isinstance(passages, LazyPassages) else tuple(passages)
        )
        # A search makes a Passage per hit from lazy passages (~1 us a hit). Fitted on
        # up to _MADE_PASSAGES plain strings, making them all once costs 0.3 us and
        # ~100 bytes each, against a fit's ~30 us a passage; a loaded index stays lazy
        # (loading costs ~1 us a passage, so making them would triple it).
        made = isinstance(passages, TextPassages) and len(passages) <= _MADE_PASSAGES
        self._lazy_passages = passages if isinstance(passages, LazyPassages) and not made else None
        lazy = self._lazy_passages is not None
        self._made: tuple[Passage, ...] = () if lazy else tuple(self.passages)
        self.analyzer = analyzer
        self.vocabulary = vocabulary
        self.idf = np.asarray(idf, dtype=np.float32)
        self._query_vectors = QueryVectors(analyzer, vocabulary, self.idf)
        self._postings = Postings.from_arrays(
            np.asarray(indptr, dtype=np.int64),
            np.asarray(indices, dtype=np.int32),
            np.asarray(data, dtype=np.float32),
            len(self.passages),
        )

    @classmethod
    def fit(
        cls,
        passages: Sequence[Passage] | Sequence[str],
        config: AnalyzerConfig | None = None,
    ) -> TfidfRetriever:
        """Fit an index on passages, or on plain strings (each string one passage).

        Nothing indexable (no passages, or only stop words) gives an empty index
        that finds nothing: more useful to a caller than an exception.
        """
        items = _as_passages(passages)
        analyzer = Analyzer(config)
        texts = items.texts() if isinstance(items, LazyPassages) else [p.text for p in items]
        fitted = fit_tfidf(texts, analyzer)
        del texts
        vocabulary = {term: column for column, term in enumerate(fitted.terms)}
        csc = (fitted.indptr, fitted.indices, fitted.data)
        retriever = cls.from_csc_arrays(items, analyzer, vocabulary, fitted.idf, csc)
        if fitted.token_columns is not None:
            retriever._query_vectors.start_with(fitted.token_columns)
        return retriever

    @property
    def matrix(self) -> sparse.csc_matrix:
        """The passages x terms weights as a SciPy CSC matrix (a view, built on access)."""
        from scipy import sparse

        postings = self._postings
        return sparse.csc_matrix(
            (postings.data, postings.indices, postings.indptr),
            shape=(len(self.passages), len(self.vocabulary)),
        )

    def csc_arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The term-major ``(indptr, indices, data)`` arrays (read-only use)."""
        return self._postings.indptr, self._postings.indices, self._postings.data

    def __len__(self) -> int:
        return len(self.passages)

    def search(self, query: str, k: int = 3) -> list[Hit]:
        """Return up to ``k`` passages similar to ``query``, best first.

        Passages that share no term with the query are never returned, so the
        list may be shorter than ``k`` (and empty for an empty query). Equal
        scores go to the earlier passage.
        """
        if k < 1:
            raise ValueError(f"k must be at least 1, not {k}")
        vector = self._query_vectors(query)
        if vector is None:
            return []
        rows, scores = top_k(self._postings, vector, k)
        # A cosine is at most 1; a loaded file's weights are checked one by one,
        # not per passage, so a crafted one could add up to more.
        if scores and scores[0] > 1.0:
            rows, scores = self._clamped(vector, rows, scores, k)
        lazy = self._lazy_passages
        # Made passages are looked up as each Hit is made (in C): no list of them between.
        passages = map(self._made.__getitem__, rows) if lazy is None else lazy.take(rows)
        return list(map(_new_hit, zip(scores, passages, strict=True)))

    def _clamped(
        self, vector: Query, rows: list[int], scores: list[float], k: int
    ) -> tuple[list[int], list[float]]:
        """The top k of the scores clamped to 1, from the top k found unclamped.

        Two passages with the same direction ("a b" and "a a b b") score 1 each, but
        their sums may round either side of it, and a later one's 1.0000000000000002
        would outrank an earlier one's 1.0 that the clamp makes equal. Once clamped,
        the rows at 1 or more tie, so they come first in row order. If the rows
        found end below 1, or are fewer than k, they hold every row at 1 or more
        (each outranks the rest) and are only reordered: the usual case, a query
        that is one passage's own words (0.2-0.5% of the realistic benchmark's
        queries, which scored every passage here: 80 us at 10,000). Otherwise more
        may lie beyond the k found, and every row is scored.
        """
        ones = sum(score >= 1.0 for score in scores)  # best first: the rows at 1 lead
        if ones == len(scores) == k:
            return self._clamped_top_k(vector, k)
        return sorted(rows[:ones]) + rows[ones:], [1.0] * ones + scores[ones:]

    def _clamped_top_k(self, vector: Query, k: int) -> tuple[list[int], list[float]]:
        """The top k of the scores clamped to 1, ties to the earlier passage, from every
        row's score (see :meth:`_clamped`)."""
        scores = self._clamped_scores(vector)
        matched = np.flatnonzero(scores)
        best = matched[np.lexsort((matched, -scores[matched]))][:k]
        return best.tolist(), scores[best].tolist()

    def scores(self, query: str) -> np.ndarray | None:
        """Return the cosine similarity of ``query`` to each passage; None if no term matches."""
        vector = self._query_vector(query)
        if vector is None:
            return None
        return self._clamped_scores(vector)

    def _clamped_scores(self, vector: Query) -> np.ndarray:
        """Every passage's score, at most 1 (a cosine, as search reports it)."""
        scores = dense_scores(self._postings, vector)
        np.minimum(scores, 1.0, out=scores)
        return scores

    def _query_vector(self, query: str) -> Query | None:
        """The query's tf-idf vector, l2-normalized, as scikit-learn's transform makes it."""
        return self._query_vectors(query)

    def save(self, path: str | Path, *, header: dict[str, Any] | None = None) -> None:
        """Write the index to ``path`` in the versioned articlebot index format.

        ``header`` adds JSON-able fields to the file's header (e.g. a cache key).
        """
        from retrieval.index_file import write_index

        write_index(self, Path(path), extra_header=header)

    @classmethod
    def load(cls, path: str | Path) -> TfidfRetriever:
        """Read an index written by :meth:`save`; never executes code from the file."""
        from retrieval.index_file import read_index

        return read_index(Path(path))

    def __repr__(self) -> str:
        return (
            f"TfidfRetriever({len(self.passages)} passages, {len(self.vocabulary)} terms, "
            f"{self.analyzer.config!r})"
        )


_new_hit = partial(tuple.__new__, Hit)  # a Hit from a (score, passage) pair, in C


def _as_passages(passages: Sequence[Passage] | Sequence[str]) -> Sequence[Passage]:
    """Passages as given, or plain strings as lazily made passages (see ``TextPassages``)."""
    if all(isinstance(item, str) for item in passages):
        return TextPassages(passages)  # type: ignore[arg-type]
    items: list[Passage] = []
    for index, item in enumerate(passages):
        if isinstance(item, Passage):
            items.append(item)
        elif isinstance(item, str):
            items.append(Passage(text=item, start=0, end=len(item), paragraph=index, index=index))
        else:
            raise TypeError(
                f"passages must be Passage objects or strings, not {type(item).__name__}"
            )
    return tuple(items)
