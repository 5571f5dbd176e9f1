"""Several articles searched as one: a collection and its shared index.

A :class:`Collection` holds articles in order and one :class:`TfidfRetriever` over
all their passages, so a query ranks sentences across every article at once. In
the collection's index a passage's ``index`` is its position in the whole
collection (article after article); its ``start``/``end`` offsets and
``paragraph`` still point into its own article's text. :meth:`Collection.article_of`
maps a position back to its article, so every hit can cite the article it came from.

A collection of one article behaves exactly like indexing that article alone.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from retrieval.analysis import AnalyzerConfig
from retrieval.article import Article, Passage
from retrieval.tfidf import TfidfRetriever

__all__ = ["Collection", "build_collection", "number_passages"]


@dataclass(frozen=True, slots=True, eq=False)
class Collection:
    """Articles, and one index over all their passages (positions run article after article)."""

    articles: tuple[Article, ...]
    retriever: TfidfRetriever
    starts: tuple[int, ...]  # position of each article's first passage in the index

    def __post_init__(self) -> None:
        if len(self.starts) != len(self.articles):
            raise ValueError("a collection needs one start position per article")

    def article_of(self, position: int) -> int:
        """The number of the article whose passage sits at ``position`` in the index."""
        if not 0 <= position < len(self.retriever.passages):
            raise IndexError(f"no passage at position {position}")
        return bisect_right(self.starts, position) - 1

    def passage_range(self, article: int) -> range:
        """Positions in the index of one article's passages."""
        end = self.starts[article + 1] if article + 1 < len(self.starts) else None
        return range(self.starts[article], end or len(self.retriever.passages))

    def __len__(self) -> int:
        return len(self.articles)


def number_passages(articles: Sequence[Article]) -> tuple[list[Passage], tuple[int, ...]]:
    """All passages, renumbered by position in the collection, and each article's start.

    One article keeps its own passage objects: their numbers already are positions.
    """
    if len(articles) == 1:
        return list(articles[0].passages), (0,)
    passages: list[Passage] = []
    starts: list[int] = []
    for article in articles:
        starts.append(len(passages))
        offset = len(passages)
        passages.extend(
            replace(passage, index=offset + passage.index) for passage in article.passages
        )
    return passages, tuple(starts)


def build_collection(
    articles: Sequence[Article], config: AnalyzerConfig | None = None
) -> Collection:
    """Index ``articles`` together (no cache; see ``bot.knowledge`` for the cached path)."""
    if not articles:
        raise ValueError("a collection needs at least one article")
    passages, starts = number_passages(articles)
    return Collection(tuple(articles), TfidfRetriever.fit(passages, config), starts)
