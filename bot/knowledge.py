"""What the bot knows: the loaded article and its passage index.

Built once at start-up by a front-end and shared, read-only, by every question.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from retrieval import Article, TfidfRetriever, load_article

__all__ = ["Knowledge", "load_knowledge"]


@dataclass(frozen=True, slots=True)
class Knowledge:
    """An article and the retriever fitted on its passages."""

    article: Article
    retriever: TfidfRetriever

    @classmethod
    def from_article(cls, article: Article) -> Knowledge:
        return cls(article, TfidfRetriever.fit(article.passages))


def load_knowledge(path: str | Path) -> Knowledge:
    """Load the article at ``path`` and index it (raises ``ArticleError`` for a bad file)."""
    return Knowledge.from_article(load_article(path))
