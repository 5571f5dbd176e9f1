"""bm25s's bare scoring call and a partial sort: the floor of what bm25s can do per query.

``BM25.retrieve`` wraps ``get_scores_from_ids`` in per-query bookkeeping and an
argpartition of its own; timing this instead gives bm25s its best case, so the
benchmarks compare against both.
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["best_ids"]


def best_ids(index: Any, token_ids: list[int], k: int) -> np.ndarray:
    """Positions of the ``k`` best positive BM25 scores for ``token_ids``, best first.

    Ties go to the earlier position, as they do in every library compared.
    """
    scores = index.get_scores_from_ids(token_ids)
    best = np.argpartition(-scores, k)[:k] if len(scores) > k else np.arange(len(scores))
    best = best[np.lexsort((best, -scores[best]))]
    return best[scores[best] > 0]  # type: ignore[no-any-return]
