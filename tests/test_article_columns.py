"""Articles stored as columns come back equal, metadata and non-ASCII text included."""

from __future__ import annotations

import dataclasses

import pytest

from retrieval import Article, article_from_text
from retrieval._article_columns import ArticleColumns, pack_articles

STORY = (
    "Café owners in Zürich protest\n\nZoë Müller called the tax “a disaster” 😞.\nIt starts in May."
)


def _articles() -> list[Article]:
    plain = article_from_text(STORY, source="a.txt")
    rich = dataclasses.replace(
        article_from_text("Body only. Two sentences.", title="Given title", source="b.md"),
        published="2021-04-25",
        byline="",
        publisher="The Sun",
    )
    return [plain, rich]


def test_stored_articles_come_back_equal() -> None:
    articles = _articles()
    columns = ArticleColumns(pack_articles(articles))
    assert [columns.article(n, a.source) for n, a in enumerate(articles)] == articles


def test_an_article_whose_passages_are_not_slices_of_its_text_is_refused() -> None:
    article = _articles()[0]
    changed = dataclasses.replace(article.passages[1], text="Something else.")
    odd = dataclasses.replace(article, passages=(article.passages[0], changed))
    with pytest.raises(ValueError, match="not in its text"):
        pack_articles([odd])
