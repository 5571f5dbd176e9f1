"""articlebot's retrieval library: articles, passages and a fast TF-IDF index.

Importable on its own, with no chat or Discord code::

    from retrieval import load_article, TfidfRetriever

    article = load_article("seeds/000_479c05f56fca69af.txt")
    retriever = TfidfRetriever.fit(article.passages)
    for hit in retriever.search("when is the summit?", k=3):
        print(hit.score, hit.passage.text)
"""

from retrieval.analysis import Analyzer, AnalyzerConfig
from retrieval.article import (
    MAX_ARTICLE_BYTES,
    Article,
    ArticleError,
    Passage,
    article_from_text,
    load_article,
)
from retrieval.index_file import IndexFileError
from retrieval.tfidf import Hit, TfidfRetriever

__all__ = [
    "MAX_ARTICLE_BYTES",
    "Analyzer",
    "AnalyzerConfig",
    "Article",
    "ArticleError",
    "Hit",
    "IndexFileError",
    "Passage",
    "TfidfRetriever",
    "article_from_text",
    "load_article",
]
