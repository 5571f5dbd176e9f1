"""Article formats beyond plain text: which reader a file or a web response needs.

The readers live in their own modules (:mod:`.markdown`, :mod:`.html`); this
module only decides between them, from a file's extension or a response's media
type, and sniffs the content when neither says. Nothing here imports
trafilatura: only reading an HTML page does.
"""

from __future__ import annotations

from typing import Literal

from retrieval.article import Article, ArticleError, article_from_text, check_line_count
from retrieval.formats.extracted import build_article
from retrieval.formats.html import article_from_html, looks_like_html
from retrieval.formats.markdown import extract_markdown

__all__ = [
    "ArticleFormat",
    "article_from_html",
    "article_from_plain_text",
    "format_of_file",
    "format_of_media_type",
]

ArticleFormat = Literal["text", "markdown", "html"]

_SUFFIX_FORMATS: dict[str, ArticleFormat] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
_MEDIA_TYPE_FORMATS: dict[str, ArticleFormat] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
}
# Servers that do not know what they send say one of these; the content decides.
_UNKNOWN_MEDIA_TYPES = frozenset({"", "application/octet-stream"})


def format_of_file(suffix: str, data: bytes) -> ArticleFormat:
    """Return the format of a file from its extension, sniffing unknown extensions."""
    known = _SUFFIX_FORMATS.get(suffix.lower())
    if known is not None:
        return known
    return "html" if looks_like_html(data) else "text"


def format_of_media_type(media_type: str, data: bytes, *, source: str) -> ArticleFormat:
    """Return the format of a web response from its media type (raises for non-text types)."""
    media_type = media_type.lower()
    if media_type in _UNKNOWN_MEDIA_TYPES:
        return "html" if looks_like_html(data) else "text"
    known = _MEDIA_TYPE_FORMATS.get(media_type)
    if known is None:
        raise ArticleError(
            f"the address {source} gives {media_type}, not a web page or text "
            f"(give the address of the article's page)"
        )
    return known


def article_from_plain_text(text: str, *, article_format: ArticleFormat, source: str) -> Article:
    """Build the article of decoded plain text or Markdown ``text``."""
    if article_format == "markdown":
        check_line_count(text, source)  # before the block reader's work per line
        return build_article(extract_markdown(text), source=source)
    return article_from_text(text, source=source)
