"""Reading a saved or fetched news web page: the story without the page around it.

A news page is mostly not the story: navigation, cookie banners, advertisements,
"most read" boxes, share buttons, comments and scripts often outweigh the
article itself. Finding the main text is a solved problem we do not re-solve:
trafilatura (see ``docs/FORMATS.md``) extracts the body and the headline, byline,
date and site name. We then keep its paragraph structure, one paragraph per
``<p>`` (and per heading, list item or table row), because paragraphs are what
answers cite.

trafilatura and lxml take a few hundred milliseconds to import, so this module
imports them only when a page is actually read; plain-text articles never pay
for them.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from retrieval.article import Article, ArticleError
from retrieval.formats.charset import decode_page
from retrieval.formats.extracted import ExtractedArticle, build_article, squeeze_whitespace

if TYPE_CHECKING:
    from lxml.etree import _Element
    from trafilatura.settings import Document

__all__ = ["article_from_html", "extract_html", "looks_like_html"]

_log = logging.getLogger(__name__)

# trafilatura's XML body: containers whose children are the paragraphs, and the
# line-break element that must read as a space, not glue two words together.
_CONTAINER_TAGS = frozenset({"list", "quote", "table", "div", "section"})
_LINE_BREAK_TAG = "lb"
# Boxes that sit inside the article body on many news sites and that trafilatura
# keeps because they look like paragraphs: paywall prompts, newsletter sign-ups,
# inline "read more" promotions. Matched on class and id names, lower-cased. Only
# short elements are removed: a site may name the wrapper of the whole story
# "paywall-content", and losing the story is far worse than keeping a prompt.
_DEBRIS_NAMES = ("paywall", "newsletter", "read-more", "readmore", "promo")
_MAX_DEBRIS_BOX_CHARS = 500
_PRUNE_XPATHS = [
    f'//*[contains(translate(@{attribute}, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", '
    f'"abcdefghijklmnopqrstuvwxyz"), "{name}") '
    f"and string-length(normalize-space(.)) <= {_MAX_DEBRIS_BOX_CHARS}]"
    for attribute in ("class", "id")
    for name in _DEBRIS_NAMES
]
# A paragraph that only points to another story ("READ MORE: Seaside towns brace
# for ..."), as tabloids put between paragraphs, when no class marked it.
_PROMOTION = re.compile(
    r"(?:read|see|watch) (?:more|next|also)|more on (?:this|[\w' -]{1,30})|related(?: \w+)?",
    re.IGNORECASE,
)
_MAX_PROMOTION_CHARS = 200
# When a page has no story, trafilatura's fallbacks still return what text they
# find: a menu ("Home News Sport") or a cookie notice. The shortest news brief is
# a sentence of fifteen words or so; fewer words than this is not an article.
_MIN_STORY_WORDS = 10
_WORD = re.compile(r"\w+")
_HTML_OPENINGS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title")


def looks_like_html(data: bytes) -> bool:
    """Tell whether ``data`` starts like an HTML document (for files with no known extension)."""
    start = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"<?xml"):
        start = start[start.find(b"?>") + 2 :].lstrip()
    while start.startswith(b"<!--") and b"-->" in start:
        start = start[start.find(b"-->") + 3 :].lstrip()
    return start.startswith(_HTML_OPENINGS)


def article_from_html(data: bytes, *, source: str, header_charset: str | None = None) -> Article:
    """Decode, extract and build the article of the web page ``data``.

    Raises :class:`ArticleError` when the page cannot be decoded or holds no
    story that trafilatura can find.
    """
    page = decode_page(data, source=source, header_charset=header_charset)
    return build_article(extract_html(page, source=source), source=source)


def extract_html(page: str, *, source: str) -> ExtractedArticle:
    """Find the story in the HTML text ``page``: headline, body paragraphs and metadata."""
    from trafilatura.settings import Document

    document = _run_trafilatura(page, source=source, with_metadata=True)
    if document is None:
        # Metadata extraction (htmldate above all) is where malformed pages
        # break; the story itself may still be found without it.
        document = _run_trafilatura(page, source=source, with_metadata=False)
    body = document.body if isinstance(document, Document) else None
    found = _paragraphs(body) if body is not None else iter(())
    paragraphs = tuple(p for p in found if p and not _is_promotion(p))
    if not isinstance(document, Document) or _word_count(paragraphs) < _MIN_STORY_WORDS:
        raise ArticleError(
            f"no article text found in the page {source} (is it a news story? "
            f"try saving the page again, or copy the story into a .txt file)"
        )
    return ExtractedArticle(
        paragraphs=paragraphs,
        headline=document.title,
        published=document.date,
        byline=document.author,
        publisher=document.sitename,
    )


def _run_trafilatura(page: str, *, source: str, with_metadata: bool) -> Document | None:
    import trafilatura
    from trafilatura.settings import Document

    try:
        document = trafilatura.bare_extraction(
            page,
            with_metadata=with_metadata,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            prune_xpath=_PRUNE_XPATHS,
        )
    except Exception:
        # trafilatura, htmldate and lxml fail on some malformed pages in ways
        # they do not document (an AssertionError from lxml for "<svg><html>",
        # found by the property test). A broken page is the user's input, not our
        # bug: the user gets a one-line message, the traceback goes to the debug
        # log (a library must not print to stderr uninvited).
        _log.debug("HTML extraction failed on %s", source, exc_info=True)
        return None
    return document if isinstance(document, Document) else None


def _is_promotion(paragraph: str) -> bool:
    label, colon, rest = paragraph.partition(":")
    return (
        bool(colon and rest.strip())
        and len(paragraph) <= _MAX_PROMOTION_CHARS
        and _PROMOTION.fullmatch(label.strip()) is not None
    )


def _word_count(paragraphs: tuple[str, ...]) -> int:
    return sum(len(_WORD.findall(paragraph)) for paragraph in paragraphs)


def _paragraphs(element: _Element) -> Iterator[str]:
    """Yield the text of each paragraph-like child of ``element``, containers opened.

    May yield empty strings (text around elements is usually blank); callers drop them.
    """
    for child in element:
        if not isinstance(child.tag, str):
            continue  # a comment or processing instruction
        if child.tag == "row":
            yield " | ".join(filter(None, (_text(cell) for cell in child)))
        elif child.tag in _CONTAINER_TAGS:
            yield squeeze_whitespace(child.text or "")
            yield from _paragraphs(child)
        else:
            yield _text(child)
        yield squeeze_whitespace(child.tail or "")


def _text(element: _Element) -> str:
    """Return the text of ``element`` and its descendants, a line break read as a space."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == _LINE_BREAK_TAG:
            parts.append(" ")
        elif isinstance(child.tag, str):
            parts.append(_text(child))
        parts.append(child.tail or "")
    return squeeze_whitespace("".join(parts))
