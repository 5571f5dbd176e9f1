"""TF-IDF retrieval of passages: fit with scikit-learn, answer queries with NumPy.

Fitting uses scikit-learn's ``TfidfVectorizer`` (smooth idf, l2-normalized rows,
optionally sublinear tf) with our :class:`~retrieval.analysis.Analyzer`, so the
weights are exactly scikit-learn's. Queries skip the vectorizer: the query's terms
are looked up in the fitted vocabulary, weighted with the fitted idf, and scored
against a term-major (CSC) copy of the matrix, so a query touches only the
postings of its own terms. The ranking is scikit-learn's cosine ranking, ties
broken by passage order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse

from retrieval.analysis import Analyzer, AnalyzerConfig
from retrieval.article import Passage

__all__ = ["Hit", "TfidfRetriever"]


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: the passage and its cosine similarity to the query (0..1]."""

    score: float
    passage: Passage


class TfidfRetriever:
    """A TF-IDF index over passages, searchable by free-text query.

    Build one with :meth:`fit` or :meth:`load`; the constructor takes the
    already-fitted parts.
    """

    def __init__(
        self,
        passages: Sequence[Passage],
        analyzer: Analyzer,
        vocabulary: dict[str, int],
        idf: np.ndarray,
        matrix: sparse.csc_matrix,
    ) -> None:
        if matrix.shape != (len(passages), len(vocabulary)):
            raise ValueError(
                f"matrix shape {matrix.shape} does not match "
                f"{len(passages)} passages x {len(vocabulary)} terms"
            )
        self.passages = tuple(passages)
        self.analyzer = analyzer
        self.vocabulary = vocabulary
        self.idf = idf
        self.matrix = matrix

    @classmethod
    def fit(
        cls,
        passages: Sequence[Passage] | Sequence[str],
        config: AnalyzerConfig | None = None,
    ) -> TfidfRetriever:
        """Fit an index on passages, or on plain strings (each string one passage)."""
        from sklearn.feature_extraction.text import TfidfVectorizer

        items = _as_passages(passages)
        analyzer = Analyzer(config)
        vectorizer = TfidfVectorizer(
            analyzer=analyzer,
            sublinear_tf=analyzer.config.sublinear_tf,
            smooth_idf=True,
            norm="l2",
            dtype=np.float32,
        )
        try:
            rows = vectorizer.fit_transform([passage.text for passage in items])
        except ValueError:
            # Nothing indexable (no passages, or only stop words): an empty index
            # that finds nothing is more useful to a caller than an exception.
            return cls(items, analyzer, {}, np.zeros(0, np.float32), _empty_matrix(len(items)))
        vocabulary = {term: int(column) for term, column in vectorizer.vocabulary_.items()}
        idf = np.asarray(vectorizer.idf_, dtype=np.float32)
        return cls(items, analyzer, vocabulary, idf, sparse.csc_matrix(rows, dtype=np.float32))

    def __len__(self) -> int:
        return len(self.passages)

    def search(self, query: str, k: int = 3) -> list[Hit]:
        """Return up to ``k`` passages similar to ``query``, best first.

        Passages that share no term with the query are never returned, so the
        list may be shorter than ``k`` (and empty for an empty query).
        """
        if k < 1:
            raise ValueError(f"k must be at least 1, not {k}")
        scores = self.scores(query)
        if scores is None:
            return []
        return self._top(scores, k)

    def scores(self, query: str) -> np.ndarray | None:
        """Return the cosine similarity of ``query`` to each passage; None if no term matches."""
        weights = self._query_weights(query)
        if not weights:
            return None
        matrix = self.matrix
        columns = list(weights)
        starts = matrix.indptr[columns]
        ends = matrix.indptr[np.asarray(columns) + 1]
        rows = np.concatenate([matrix.indices[s:e] for s, e in zip(starts, ends, strict=True)])
        values = np.concatenate(
            [matrix.data[s:e] * weights[c] for s, e, c in zip(starts, ends, columns, strict=True)]
        )
        return np.bincount(rows, weights=values, minlength=len(self.passages))

    def _query_weights(self, query: str) -> dict[int, float]:
        counts = Counter(
            self.vocabulary[term] for term in self.analyzer(query) if term in self.vocabulary
        )
        if not counts:
            return {}
        sublinear = self.analyzer.config.sublinear_tf
        weights = {
            column: (1.0 + float(np.log(count)) if sublinear else float(count))
            * float(self.idf[column])
            for column, count in counts.items()
        }
        norm = float(np.sqrt(sum(weight * weight for weight in weights.values())))
        return {column: weight / norm for column, weight in weights.items()}

    def _top(self, scores: np.ndarray, k: int) -> list[Hit]:
        candidates = np.flatnonzero(scores > 0)
        if len(candidates) > k:
            kth = np.argpartition(-scores[candidates], k - 1)[:k]
            # Keep every candidate tied with the k-th score, so ties break by order.
            threshold = scores[candidates[kth]].min()
            candidates = candidates[scores[candidates] >= threshold]
        order = sorted(candidates.tolist(), key=lambda row: (-scores[row], row))[:k]
        return [Hit(float(scores[row]), self.passages[row]) for row in order]

    def save(self, path: str | Path) -> None:
        """Write the index to ``path`` in the versioned articlebot index format."""
        from retrieval.index_file import write_index

        write_index(self, Path(path))

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


def _as_passages(passages: Sequence[Passage] | Sequence[str]) -> tuple[Passage, ...]:
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


def _empty_matrix(rows: int) -> sparse.csc_matrix:
    return sparse.csc_matrix((rows, 0), dtype=np.float32)
