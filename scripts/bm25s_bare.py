"""bm25s's bare scoring call and a partial sort: the floor of what bm25s can do per query.

``BM25.retrieve`` wraps ``get_scores_from_ids`` in per-query bookkeeping and an
argpartition of its own; timing this instead gives bm25s its best case, so the
benchmarks compare against both.
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["best_ids"]


def best_ids(index: Any, vocabulary: dict[str, int], terms: list[str], k: int) -> np.ndarray:
    """Positions of the ``k`` best positive BM25 scores for ``terms``, best first.

    Terms outside ``vocabulary`` are dropped; ties go to the earlier position, as
    they do in every library compared.
    """
    token_ids = [vocabulary[term] for term in terms if term in vocabulary]
    if not token_ids:
        return np.zeros(0, dtype=np.int64)
    scores = index.get_scores_from_ids(token_ids)
    best = np.argpartition(-scores, k)[:k] if len(scores) > k else np.arange(len(scores))
    best = best[np.lexsort((best, -scores[best]))]
    return best[scores[best] > 0]
