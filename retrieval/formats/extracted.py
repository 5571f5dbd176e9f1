"""The common result of every format reader, and how it becomes an :class:`Article`.

Markdown and HTML readers differ in how they find the story, but both end with
the same things: an optional headline, the body's paragraphs in order, and
whatever metadata the source carried. Building the :class:`Article` in one place
keeps the rules that matter to answers identical for every format: the headline
is paragraph 0 (as for a plain-text article whose first line is a headline), the
body's paragraphs stay paragraphs, and cleaning is the same as for ``.txt``.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from retrieval.article import PARAGRAPH_SEPARATOR, Article, article_from_text
from retrieval.cleaning import clean_paragraphs

__all__ = ["ExtractedArticle", "build_article", "squeeze_whitespace"]

_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class ExtractedArticle:
    """A story as a format reader found it, before cleaning and sentence splitting."""

    paragraphs: tuple[str, ...]
    headline: str | None = None
    published: str | None = None  # ISO date, e.g. "2021-04-25"
    byline: str | None = None
    publisher: str | None = None


def squeeze_whitespace(text: str) -> str:
    """Collapse runs of whitespace (line breaks included) into one space."""
    return _WHITESPACE.sub(" ", text).strip()


def build_article(extracted: ExtractedArticle, *, source: str) -> Article:
    """Clean, split and index ``extracted`` like a plain-text article, keeping its metadata.

    Each extracted paragraph becomes one paragraph of the article: they are
    joined with blank lines, which :func:`~retrieval.cleaning.clean_paragraphs`
    reads as paragraph breaks. A body paragraph that only repeats the headline
    (pages often show the ``<h1>`` inside the article body) is dropped.
    """
    body = [squeeze_whitespace(p) for p in extracted.paragraphs]
    body = [p for p in body if p]
    headline = _clean_headline(extracted.headline)
    if headline and body and _same_words(body[0], headline):
        body = body[1:]
    article = _article_with_headline(headline, body, source=source)
    return dataclasses.replace(
        article,
        published=extracted.published or None,
        byline=_optional(extracted.byline),
        publisher=_optional(extracted.publisher),
    )


def _article_with_headline(headline: str | None, body: list[str], *, source: str) -> Article:
    if headline is None or not body:
        paragraphs = body or ([headline] if headline else [])
        return article_from_text(PARAGRAPH_SEPARATOR.join(paragraphs), source=source)
    article = article_from_text(PARAGRAPH_SEPARATOR.join([headline, *body]), source=source)
    if article.paragraphs[0] == headline:
        # The headline is indexed like the rest, as a plain-text headline is: it
        # often states the story's main fact in the fewest words.
        return dataclasses.replace(article, title=headline, has_headline=True)
    # Cleaning dropped or merged the headline line; keep it as the title only.
    return article_from_text(PARAGRAPH_SEPARATOR.join(body), title=headline, source=source)


def _clean_headline(headline: str | None) -> str | None:
    """Return the headline as cleaning would leave it, or None when nothing is left."""
    if not headline:
        return None
    paragraphs = clean_paragraphs(squeeze_whitespace(headline))
    return paragraphs[0] if len(paragraphs) == 1 else None


def _same_words(paragraph: str, headline: str) -> bool:
    return (_clean_headline(paragraph) or "").casefold() == headline.casefold()


def _optional(value: str | None) -> str | None:
    value = squeeze_whitespace(value) if value else ""
    return value or None
