"""A query's tf-idf vector: its tokens, their columns, and l2-normalized weights.

The vector is the row scikit-learn's ``transform`` would make (tf, ``1 + ln(tf)``
if sublinear, times the fitted idf, l2-normalized), without its per-call
validation. Each token's column (or none: a stop word, a term not in the
index) depends on the token alone, so it is memoized per index: a question's
words recur across questions, and a token found in the memo skips the stop
word check, the stemmer's cache and the vocabulary (on 1,000 realistic
passages, a question's analysis was 6 us of a 30 us search, interleaved with
bm25s's queries). The memo starts again when full, so hostile text cannot grow it.
An index fitted on a small collection starts it with the collection's own tokens
(:meth:`QueryVectors.start_with`), which it keeps when it starts again.
"""

from __future__ import annotations

import math
from array import array
from functools import partial
from itertools import islice

import numpy as np

from retrieval._postings import Query
from retrieval.analysis import Analyzer

__all__ = ["QueryVectors"]

# Tokens remembered per index before the memo starts again: about 0.5 MB at most,
# and more distinct words than a few hundred questions hold.
_MEMO_TOKENS = 1 << 12


class QueryVectors:
    """Makes the :class:`~retrieval._postings.Query` of a query text for one index."""

    __slots__ = ("_analyzer", "_idf", "_kept", "_memo", "_vocabulary")

    def __init__(self, analyzer: Analyzer, vocabulary: dict[str, int], idf: np.ndarray) -> None:
        self._analyzer = analyzer
        self._vocabulary = vocabulary
        # A query reads a few, as floats: from one contiguous array, not a list of
        # float objects lying wherever they were made.
        self._idf = array("d", idf.tolist())
        self._memo: dict[str, int] = {}  # token -> its column, or -1 for none
        self._kept = 0  # the memo's first entries, kept when it starts again

    def start_with(self, known: dict[str, int]) -> None:
        """Remember ``known`` tokens and their columns (-1 for none) for good.

        Each is a token as :meth:`~retrieval.analysis.Analyzer.tokens` cuts it,
        with the column its term has (or -1), as the memo would remember it. A
        search of 1,000 or 10,000 realistic passages, interleaved with bm25s's,
        spent 1.3-2 us on each token not yet remembered (the stop words, the
        stemmer's cache, the vocabulary: all cold), a sixth of a long question,
        and a collection's own tokens were 69% of its questions' distinct
        tokens at 1,000 passages and 94% at 10,000.
        """
        self._memo = dict(known)
        self._kept = len(known)

    def __call__(self, text: str) -> Query | None:
        """The query's vector; None when none of its terms is in the index.

        The token loop is written out here, not in a helper: a search runs this
        right after other work, where each Python call costs a few hundred ns.
        """
        analyzer = self._analyzer
        if analyzer.config.ngram_max > 1:  # n-grams join neighbouring words: no token memo
            known = self._vocabulary.get
            found = [column for column in map(known, analyzer(text)) if column is not None]
        else:
            remembered = self._memo.get
            found = []
            for token in analyzer.tokens(text):
                column = remembered(token)
                if column is None:
                    column = self._remember(token)
                if column >= 0:
                    found.append(column)
        if not found:
            return None
        columns = sorted(set(found))
        idf = self._idf
        if len(columns) == len(found):  # the usual question: every term once, tf = 1
            weights = list(map(idf.__getitem__, columns))
        else:
            weights = self._repeated_weights(found, columns)
        norm = math.hypot(*weights)
        return _new_query((columns, list(map(norm.__rtruediv__, weights))))  # weight / norm

    def _remember(self, token: str) -> int:
        term = self._analyzer.term(token)
        column = -1 if term is None else self._vocabulary.get(term, -1)
        if len(self._memo) >= self._kept + _MEMO_TOKENS:  # start again, with the known tokens
            self._memo = dict(islice(self._memo.items(), self._kept))
        self._memo[token] = column
        return column

    def _repeated_weights(self, found: list[int], columns: list[int]) -> list[float]:
        """Weights of a query naming a term more than once, in column order.

        Counted in a dict: through ``collections.Counter`` such a query's vector
        took about 10 us more than the usual one's, interleaved with bm25s's
        queries on 1,000 passages.
        """
        counts = dict.fromkeys(columns, 0)
        for column in found:
            counts[column] += 1
        sublinear = self._analyzer.config.sublinear_tf
        idf = self._idf
        return [_tf(count, sublinear) * idf[column] for column, count in counts.items()]


_new_query = partial(tuple.__new__, Query)  # a Query from a pair, in C (its __new__ is Python)


def _tf(count: int, sublinear: bool) -> float:
    """Term frequency as scikit-learn weighs it: ``1 + ln(count)`` when sublinear."""
    return 1.0 + math.log(count) if sublinear else float(count)
