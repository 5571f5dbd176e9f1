"""Articles and their passages: loading a file, cleaning it, splitting it into sentences.

An :class:`Article` is the cleaned text plus two views of it: paragraphs and
passages (sentences). Every passage carries exact character offsets into
``Article.text`` and the index of its paragraph, so an answer can always point back
to where it came from (``article.text[p.start:p.end] == p.text``).

Paragraphs are numbered from 0 in data; front-ends show them from 1. When the
first line is a headline it becomes ``Article.title`` and also paragraph 0, since a
headline often states the story's main fact in the fewest words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from retrieval.cleaning import clean_paragraphs
from retrieval.sentences import split_sentences

if TYPE_CHECKING:
    from retrieval.addresses import AddressPolicy

__all__ = [
    "MAX_ARTICLE_BYTES",
    "MAX_LINES",
    "MAX_PASSAGES",
    "Article",
    "ArticleError",
    "Passage",
    "article_from_text",
    "check_line_count",
    "load_article",
    "load_article_from_url",
]

# A long news feature is about 100 kB of text; 10 MB leaves room for whole books
# while refusing the accidental multi-gigabyte log file before it is read.
MAX_ARTICLE_BYTES = 10 * 1024 * 1024
# A news story has tens of sentences and a 10 MB book about 100,000, on some
# 200,000 lines (a line of 40 to 80 characters, blank lines between paragraphs).
# Far more within the byte limit means a list or a log (10 MB of "1." lines is
# 3.5 million), which would cost a minute and 1.4 GB to index; it is refused
# first, as cleaning costs a few microseconds a line.
MAX_PASSAGES = 500_000
MAX_LINES = 250_000
PARAGRAPH_SEPARATOR = "\n\n"

# A headline is short, and does not end like a sentence of running text.
_MAX_HEADLINE_CHARS = 200
_MAX_HEADLINE_WORDS = 30
_TITLE_FALLBACK_CHARS = 80
_WORD = re.compile(r"\w", re.UNICODE)
# A web address is fetched rather than opened; any other scheme is refused there
# with a message, rather than looked for as a file named "ftp:".
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class ArticleError(ValueError):
    """An article cannot be used; the message says why and what to do about it."""


@dataclass(frozen=True, slots=True)
class Passage:
    """One retrievable unit of text (a sentence) and where it sits in its article."""

    text: str
    start: int
    end: int
    paragraph: int
    index: int


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: its headline, text, paragraphs and sentence passages."""

    title: str
    text: str
    paragraphs: tuple[str, ...]
    passages: tuple[Passage, ...]
    source: str = ""
    has_headline: bool = field(default=False)
    # Metadata a richer source (an HTML page) can supply; plain text has none.
    published: str | None = None  # ISO date, e.g. "2021-04-25"
    byline: str | None = None
    publisher: str | None = None  # e.g. "The Sun"

    def paragraph_passages(self, paragraph: int) -> tuple[Passage, ...]:
        """Return the passages of one paragraph, in order."""
        return tuple(p for p in self.passages if p.paragraph == paragraph)


def load_article(path: str | Path) -> Article:
    """Read, clean and split the article at ``path``: a file, or an http(s) address.

    Files are read by extension: ``.txt`` (UTF-8 text), ``.md``/``.markdown``
    (Markdown, markup dropped, front matter read as metadata) and
    ``.html``/``.htm`` (a saved web page, the story extracted from it); other
    extensions are read as HTML when they start like it and as text otherwise. A
    string starting with ``http://`` or ``https://`` is fetched, see
    :func:`load_article_from_url`.

    Raises :class:`ArticleError` with a message fit for a user when the file is
    missing, a directory, a pipe or device, too large, binary, not UTF-8 (or not
    in the encoding an HTML page declares), or has no text.
    """
    if isinstance(path, str) and _URL.match(path):
        return load_article_from_url(path)
    path = Path(path)
    data = _read_bytes(path)
    if path.suffix.lower() == ".txt":
        # The common case stays free of the format readers' imports.
        return article_from_text(_decode_utf8(data, path), source=str(path))
    from retrieval import formats

    article_format = formats.format_of_file(path.suffix, data)
    if article_format == "html":
        return formats.article_from_html(data, source=str(path))
    text = _decode_utf8(data, path)
    return formats.article_from_plain_text(text, article_format=article_format, source=str(path))


def load_article_from_url(
    url: str, *, timeout: float | None = None, policy: AddressPolicy | None = None
) -> Article:
    """Fetch the page at the http(s) address ``url`` and read its article.

    The response's media type chooses the reader (HTML, Markdown or plain text);
    ``timeout`` (seconds, default :data:`retrieval.fetch.DEFAULT_TIMEOUT`)
    bounds the whole fetch: connecting, redirects, headers and body. Raises
    :class:`ArticleError` when the page cannot be fetched, is too large, is not a
    web page or text, or holds no story. ``policy`` marks ``url`` as untrusted:
    see :mod:`retrieval.fetch`.
    """
    from retrieval import formats
    from retrieval.fetch import DEFAULT_TIMEOUT, fetch_page
    from retrieval.formats.charset import decode_page

    page = fetch_page(url, timeout=DEFAULT_TIMEOUT if timeout is None else timeout, policy=policy)
    article_format = formats.format_of_media_type(page.media_type, page.data, source=page.url)
    if article_format == "html":
        return formats.article_from_html(page.data, source=page.url, header_charset=page.charset)
    text = decode_page(page.data, source=page.url, header_charset=page.charset)
    return formats.article_from_plain_text(text, article_format=article_format, source=page.url)


def article_from_text(raw_text: str, *, title: str | None = None, source: str = "") -> Article:
    """Build an :class:`Article` from raw text already in memory.

    When ``title`` is given the text is taken as body only; otherwise a short
    first line is taken as the headline. Raises :class:`ArticleError` for text
    with no words, or more than :data:`MAX_LINES` lines or :data:`MAX_PASSAGES`
    sentences.
    """
    check_line_count(raw_text, source)
    paragraphs = clean_paragraphs(raw_text)
    where = f" {source}" if source else ""
    if not any(_WORD.search(paragraph) for paragraph in paragraphs):
        raise ArticleError(f"article{where} has no text: give a file with the story in it")
    if len(paragraphs) > MAX_PASSAGES:
        raise ArticleError(
            _too_many(where, f"{len(paragraphs):,} paragraphs, over {MAX_PASSAGES:,} sentences")
        )
    has_headline = title is None and _looks_like_headline(paragraphs)
    text = PARAGRAPH_SEPARATOR.join(paragraphs)
    passages = _split_passages(paragraphs)
    if len(passages) > MAX_PASSAGES:
        raise ArticleError(_too_many(where, f"over the limit of {MAX_PASSAGES:,} sentences"))
    if title is None:
        title = paragraphs[0] if has_headline else _fallback_title(passages[0].text)
    return Article(
        title=title,
        text=text,
        paragraphs=tuple(paragraphs),
        passages=passages,
        source=source,
        has_headline=has_headline,
    )


def check_line_count(text: str, source: str = "") -> None:
    """Refuse text of more than :data:`MAX_LINES` lines before any work is done per line."""
    # The line breaks cleaning reads: LF, CR and CRLF, and the Unicode separators
    # (a paragraph separator becomes a blank line).
    lines = text.count("\n") + text.count("\r") - text.count("\r\n")
    lines += text.count("\u2028") + 2 * text.count("\u2029")
    if lines > MAX_LINES:
        where = f" {source}" if source else ""
        raise ArticleError(_too_many(where, f"{lines:,} lines, over the limit of {MAX_LINES:,}"))


def _too_many(where: str, what: str) -> str:
    return (
        f"article{where} is too long to index: {what} "
        f"(a list or a log rather than a story? split it into several articles)"
    )


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, read the one way every path is (:mod:`retrieval.article_files`)."""
    from retrieval.article_files import read_regular_file

    data = read_regular_file(path, MAX_ARTICLE_BYTES)
    if not data.strip():
        raise ArticleError(f"article is empty: {path} (give a file with the story in it)")
    # UTF-16 (with its byte-order mark) is full of NUL bytes but is text; an
    # HTML page may use it, a .txt file gets the "not UTF-8" message instead.
    if b"\x00" in data[:8192] and not data.startswith(_UTF16_BOMS):
        raise ArticleError(f"article looks binary, not text: {path} (give a UTF-8 text file)")
    return data


def _decode_utf8(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError(
            f"article is not UTF-8 text: {path} (invalid byte at offset {error.start}; "
            f"convert it, e.g. iconv -f LATIN1 -t UTF-8)"
        ) from None


def _looks_like_headline(paragraphs: list[str]) -> bool:
    if len(paragraphs) < 2:
        return False
    first = paragraphs[0]
    if len(first) > _MAX_HEADLINE_CHARS or len(first.split()) > _MAX_HEADLINE_WORDS:
        return False
    # Running text ends with a period; headlines end with a word, a quote or "?"/"!".
    return not first.rstrip("\"')]").endswith(".") or first.endswith("...")


def _split_passages(paragraphs: list[str]) -> tuple[Passage, ...]:
    """The sentences of ``paragraphs`` as passages; splitting stops past :data:`MAX_PASSAGES`."""
    passages: list[Passage] = []
    offset = 0
    for number, paragraph in enumerate(paragraphs):
        if len(passages) > MAX_PASSAGES:
            break  # the caller refuses the article
        for start, end in split_sentences(paragraph, MAX_PASSAGES - len(passages)):
            passages.append(
                Passage(
                    text=paragraph[start:end],
                    start=offset + start,
                    end=offset + end,
                    paragraph=number,
                    index=len(passages),
                )
            )
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    return tuple(passages)


def _fallback_title(first_sentence: str) -> str:
    if len(first_sentence) <= _TITLE_FALLBACK_CHARS:
        return first_sentence
    cut = first_sentence[:_TITLE_FALLBACK_CHARS].rsplit(" ", 1)[0]
    return cut + "..."
