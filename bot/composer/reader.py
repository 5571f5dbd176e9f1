"""What the composer derives once from an article: word sets and cached lookups.

Built on first use for a :class:`~bot.knowledge.Knowledge` and kept beside it, so
per-question work is only the question's own.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

from bot.composer.gazetteer import Gazetteer, load_gazetteer
from bot.knowledge import Knowledge
from retrieval import Analyzer

__all__ = ["ArticleReader", "WordWeights", "reader_for"]

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# Readers are memoized per knowledge object; a process rarely has more than one
# or two articles loaded, and the bound keeps a long-running test run in check.
_MAX_READERS = 8


@dataclass(frozen=True, slots=True)
class WordWeights:
    """The idf of each of a question's stems, and their sum (computed once a question)."""

    by_stem: dict[str, float]
    total: float


# Compared and hashed by identity: memos key on the reader, never on its contents.
@dataclass(frozen=True, slots=True, eq=False)
class ArticleReader:
    """An article's vocabulary and the helpers the composer's rules share."""

    knowledge: Knowledge
    words: frozenset[str]  # every word of the article, lower-cased
    lower_case_words: frozenset[str]  # words the article writes in lower case somewhere
    gazetteer: Gazetteer

    def knows(self, word: str) -> bool:
        return word in self.words

    def written_lower(self, word: str) -> bool:
        return word in self.lower_case_words

    def is_proper(self, word: str) -> bool:
        """A word the article has, but never in lower case: a name."""
        return word in self.words and word not in self.lower_case_words

    def terms(self, text: str) -> frozenset[str]:
        """The index terms of ``text`` (as the retriever sees them), memoized."""
        return _terms(self.knowledge.retriever.analyzer, text)

    @property
    def max_idf(self) -> float:
        """The idf of the rarest term: the weight a term the article lacks deserves."""
        idf = self.knowledge.retriever.idf
        return float(idf.max()) if len(idf) else 1.0

    def stem_weights(self, stems: frozenset[str]) -> WordWeights:
        """The idf of each stem; a stem the article lacks weighs as its rarest term."""
        rarest = self.max_idf
        by_stem = {stem: self.idf(stem) or rarest for stem in stems}
        return WordWeights(by_stem, sum(by_stem.values()))

    def idf(self, term: str) -> float:
        column = self.knowledge.retriever.vocabulary.get(term)
        return float(self.knowledge.retriever.idf[column]) if column is not None else 0.0


_READERS: OrderedDict[int, ArticleReader] = OrderedDict()


def reader_for(knowledge: Knowledge) -> ArticleReader:
    """The reader of ``knowledge``, built on first use."""
    key = id(knowledge)
    reader = _READERS.get(key)
    if reader is not None and reader.knowledge is knowledge:
        _READERS.move_to_end(key)
        return reader
    text = knowledge.article.text
    found = _WORD.findall(text)
    reader = ArticleReader(
        knowledge=knowledge,
        words=frozenset(word.lower() for word in found),
        lower_case_words=frozenset(word for word in found if word.islower()),
        gazetteer=load_gazetteer(),
    )
    _READERS[key] = reader
    while len(_READERS) > _MAX_READERS:
        _READERS.popitem(last=False)
    return reader


@lru_cache(maxsize=8192)
def _terms(analyzer: Analyzer, text: str) -> frozenset[str]:
    return frozenset(analyzer(text))
