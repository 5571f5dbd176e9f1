"""A read page packed for the trip from its reader process to the bot: plain data only.

The index cannot travel as it is (it holds a lock, around the score array its
searches reuse), and needs not: its fitted parts (vocabulary, idf, the CSC
matrix) and the article are plain data, and the bot rebuilds the index around
them with :meth:`~retrieval.TfidfRetriever.from_csc_arrays`, as loading a
cached index does. What travels is the reader's own pickle, never anything a
page could choose.
"""

from __future__ import annotations

import pickle

from bot.knowledge import Knowledge
from retrieval import Analyzer, TfidfRetriever
from retrieval.collection import Collection, number_passages

__all__ = ["pack", "unpack"]


def pack(knowledge: Knowledge) -> bytes:
    """The one article of ``knowledge`` and its fitted index, pickled."""
    retriever = knowledge.retriever
    parts = (
        knowledge.article,
        retriever.analyzer.config,
        retriever.vocabulary,
        retriever.idf,
        retriever.csc_arrays(),
    )
    return pickle.dumps(parts, protocol=pickle.HIGHEST_PROTOCOL)


def unpack(packed: bytes) -> Knowledge:
    """The knowledge :func:`pack` packed, its index rebuilt without fitting."""
    article, config, vocabulary, idf, csc = pickle.loads(packed)
    passages, starts = number_passages([article])
    retriever = TfidfRetriever.from_csc_arrays(passages, Analyzer(config), vocabulary, idf, csc)
    return Knowledge(Collection((article,), retriever, starts))
