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

An ASCII query is not cut by the token pattern at all: every character that no
token holds becomes a space in one ``bytes.translate``, and the runs left, split
in C, are looked up in the memo in C (``map``). Such a run is a token, or holds
none (a single letter), or ends in a dot ("Normandy."), and the memo remembers
it under itself with its one token's column; the rare run holding two tokens
("3.5") is cut each time. On 1,000 realistic passages a question's vector took
2.6 us this way instead of 4.1 (warm, in a loop; the pattern alone cost 2 us),
and inside the benchmark's interleaving with bm25s (median of four passes over
its 1,000 queries) 4.9 us instead of 5.2 at the median, 10.3 instead of 11.0 at
the 95th percentile: cold, the memo's lookups cost more than the pattern.
"""

from __future__ import annotations

import math
from array import array
from functools import partial
from itertools import islice, repeat

import numpy as np

from retrieval._postings import Query
from retrieval.analysis import Analyzer

__all__ = ["QueryVectors"]

# Tokens remembered per index before the memo starts again: about 0.5 MB at most,
# and more distinct words than a few hundred questions hold.
_MEMO_TOKENS = 1 << 12
# Each ASCII byte that no token can hold (all but letters, digits, "_" and ".", see
# ``retrieval.analysis._TOKEN``) as a space: no token spans one, so the text's
# tokens are its runs' tokens, in order.
_BREAKS = bytes(
    byte if chr(byte).isascii() and (chr(byte).isalnum() or chr(byte) in "_.") else 0x20
    for byte in range(256)
)
# The memo's answer for a token or run it does not hold (a column is -1 or more),
# passed to each ``get`` by ``map`` from an endless ``repeat``.
_NOT_SEEN = -2
_UNSEEN = repeat(_NOT_SEEN)
_NONE = repeat(-1)  # the vocabulary's answer for an n-gram it does not hold


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

        Its columns (-1 for a stop word or a word not in the index) are looked up
        in C, and only the runs or tokens the memo lacks (``_UNSEEN``) take a
        Python call. The vector is made here, not in a helper: a search runs this
        right after other work, where each Python call costs a few hundred ns.
        """
        analyzer = self._analyzer
        if analyzer.config.ngram_max > 1:  # n-grams join neighbouring words: no token memo
            known = self._vocabulary.get
            found = list(map(known, analyzer(text), _NONE))
        elif text.isascii():
            runs = text.encode().translate(_BREAKS).decode().split()
            found = list(map(self._memo.get, runs, _UNSEEN))
            if _NOT_SEEN in found:
                self._runs_columns(runs, found)
        else:
            tokens = analyzer.tokens(text)
            found = list(map(self._memo.get, tokens, _UNSEEN))
            if _NOT_SEEN in found:
                found = list(map(self._column, tokens))
        distinct = set(found)
        distinct.discard(-1)
        if not distinct:
            return None
        columns = sorted(distinct)
        if len(columns) == len(found) - found.count(-1):  # the usual question: tf = 1
            weights = list(map(self._idf.__getitem__, columns))
        else:
            weights = self._repeated_weights(found, columns)
        norm = math.hypot(*weights)
        return _new_query((columns, list(map(norm.__rtruediv__, weights))))  # weight / norm

    def _runs_columns(self, runs: list[str], found: list[int]) -> None:
        """Fill in ``found``, the columns of ASCII ``runs``, where the memo lacked them.

        Only those runs are visited (found in C by ``list.index``). A run of two or
        more letters, digits and "_" is a token; any other is cut by the analyzer
        and, holding one token or none, remembered under itself with that token's
        column (or -1): a token cut alone is itself, so the memo can hold both. A
        run of two tokens ("3.5") is cut every time, its later tokens' columns
        appended (a vector does not depend on the order of its terms). A run not
        remembered is a word the collection does not hold as written (a question
        has one on average at 1,000 realistic passages), and each Python call on
        its way costs a few hundred ns right after other work.
        """
        term, known = self._analyzer.term, self._vocabulary.get
        at = -1
        for _ in range(found.count(_NOT_SEEN)):
            at = found.index(_NOT_SEEN, at + 1)
            run = runs[at]
            if len(run) > 1 and "." not in run:  # what _remember does, without two calls
                word = term(run)
                found[at] = column = -1 if word is None else known(word, -1)
                self._store(run, column)
                continue
            tokens = self._analyzer.tokens(run)
            column = self._column(tokens[0]) if tokens else -1
            if len(tokens) > 1:
                found.extend(map(self._column, tokens[1:]))
            elif not tokens or tokens[0] != run:
                self._store(run, column)
            found[at] = column

    def _column(self, token: str) -> int:
        column = self._memo.get(token, _NOT_SEEN)
        return self._remember(token) if column == _NOT_SEEN else column

    def _remember(self, token: str) -> int:
        term = self._analyzer.term(token)
        column = -1 if term is None else self._vocabulary.get(term, -1)
        self._store(token, column)
        return column

    def _store(self, key: str, column: int) -> None:
        if len(self._memo) >= self._kept + _MEMO_TOKENS:  # start again, with the known tokens
            self._memo = dict(islice(self._memo.items(), self._kept))
        self._memo[key] = column

    def _repeated_weights(self, found: list[int], columns: list[int]) -> list[float]:
        """Weights of a query naming a term more than once, in column order.

        ``found`` is each token's column (-1 for none). Each column's count is one
        ``list.count`` over them, in C: a question names a dozen tokens. Counted
        through ``collections.Counter`` such a query's vector took about 10 us more
        than the usual one's, interleaved with bm25s's queries on 1,000 passages,
        and in a dict filled in a Python loop about 2 us more.
        """
        sublinear = self._analyzer.config.sublinear_tf
        idf = self._idf
        counts = map(found.count, columns)
        return [
            _tf(count, sublinear) * idf[column]
            for column, count in zip(columns, counts, strict=True)
        ]


_new_query = partial(tuple.__new__, Query)  # a Query from a pair, in C (its __new__ is Python)


def _tf(count: int, sublinear: bool) -> float:
    """Term frequency as scikit-learn weighs it: ``1 + ln(count)`` when sublinear."""
    return 1.0 + math.log(count) if sublinear else float(count)
