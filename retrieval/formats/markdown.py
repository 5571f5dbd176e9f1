"""Reading a Markdown article: the words of the story without the markup around them.

Markdown is a thin layer over plain text, so a full renderer (and a dependency)
would be overkill: we only need to drop the syntax and keep every word. The
reader works in two small steps, blocks then inline markup:

- blocks: front matter (``---`` YAML-like or ``+++`` TOML-like ``key: value``
  lines) becomes metadata; headings, list items, block quotes, table rows and
  fenced code become paragraphs of their own; the first level-1 heading is the
  headline; footnotes become paragraphs; HTML comments, link reference
  definitions and rules are dropped;
- inline (:mod:`.markdown_inline`): ``[text](url)`` keeps its text, images are
  dropped (their alt text is not part of the story), emphasis, code spans and
  inline HTML tags lose their markers, backslash escapes and entities become the
  characters they stand for.

Both steps take time linear in the text (up to a logarithm), whatever it holds:
every pattern here either is anchored at the start of a line or cannot rescan
what it has passed, and :mod:`tests.test_reliability_regex` checks them all.

Ordered-list numbers are kept: "1." may be the story's own words ("Step 1"),
and a paragraph that begins with a year ("2021. The ...") must not lose it.
"""

from __future__ import annotations

import re
from datetime import datetime

from retrieval.formats.extracted import ExtractedArticle, squeeze_whitespace
from retrieval.formats.markdown_inline import strip_inline_markup

__all__ = ["extract_markdown", "normalize_date", "strip_inline_markup"]

_FRONT_MATTER_FENCES = {"---": ":", "+++": "="}
_FRONT_MATTER_KEYS = {
    "title": "headline",
    "headline": "headline",
    "date": "published",
    "published": "published",
    "pubdate": "published",
    "published_at": "published",
    "author": "byline",
    "authors": "byline",
    "byline": "byline",
    "publisher": "publisher",
    "publication": "publisher",
    "site": "publisher",
    "site_name": "publisher",
    "source": "publisher",
}
_FRONT_MATTER_ITEM = re.compile(r"^\s+-\s+(.+)$")
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# The opening of an ATX heading; its closing "#"s are cut by _heading_text, as a
# pattern that also matched them tried every space of a long run as their start.
_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_THEMATIC_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[(?!\^)[^\]]+\]:\s*\S")
_FOOTNOTE_DEFINITION = re.compile(r"^ {0,3}\[\^[^\]\s]+\]:[ \t]*")
_BULLET = re.compile(r"^\s*[-*+][ \t]+")
_ORDERED_ITEM = re.compile(r"^\s*\d{1,9}[.)][ \t]+")
# All the ">" markers of a (nested) block quote line at once: removing them one at
# a time copied the line once per marker, quadratic on a line of ">>>>...".
_BLOCK_QUOTES = re.compile(r"(?: {0,3}>[ \t]?)+")
# No two runs of spaces meet without a "|" between them: "\s*\|?\s*" could split a
# long run of spaces every possible way before failing (quadratic).
_TABLE_DELIMITER = re.compile(r"^\s*(?:\|\s*)?:?-+:?\s*(?:\|\s*:?-+:?\s*)+(?:\|\s*)?$")
_TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")

_DATE_FORMATS = ("%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%Y/%m/%d", "%d/%m/%Y")
# The longest spelled date ("30 September 2023, 10:00:00 +00:00") is far shorter;
# a longer value is not read as a date at all.
_MAX_DATE_CHARS = 64
_ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ]|$)")


def extract_markdown(text: str) -> ExtractedArticle:
    """Split Markdown ``text`` into metadata, headline and plain-text paragraphs."""
    metadata, body = _split_front_matter(text)
    reader = _BlockReader()
    paragraphs = reader.read(_HTML_COMMENT.sub("", body).split("\n"))
    first_title = reader.first_title
    headline = metadata.get("headline") or first_title
    if first_title is not None and first_title == headline:
        paragraphs.remove(first_title)
    return ExtractedArticle(
        paragraphs=tuple(paragraphs),
        headline=headline,
        published=normalize_date(metadata.get("published", "")),
        byline=metadata.get("byline"),
        publisher=metadata.get("publisher"),
    )


def normalize_date(value: str) -> str | None:
    """Return ``value`` as an ISO date ("2021-04-25"), or None when it is not a date."""
    value = value.strip()
    if len(value) > _MAX_DATE_CHARS:
        return None
    match = _ISO_DATE.match(value)
    candidates = [(match[1], "%Y-%m-%d")] if match else []
    candidates += [(value, pattern) for pattern in _DATE_FORMATS]
    for candidate, pattern in candidates:
        try:
            return datetime.strptime(candidate, pattern).date().isoformat()
        except ValueError:
            continue
    return None


def _split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Return the front matter's known fields and the text after it."""
    text = text.lstrip("\ufeff")
    first_line, _, rest = text.partition("\n")
    fence = first_line.strip()
    separator = _FRONT_MATTER_FENCES.get(fence)
    if separator is None:
        return {}, text
    lines = rest.split("\n")
    closing = next((i for i, line in enumerate(lines) if line.strip() in (fence, "...")), None)
    if closing is None:
        return {}, text
    return _front_matter_fields(lines[:closing], separator), "\n".join(lines[closing + 1 :])


def _front_matter_fields(lines: list[str], separator: str) -> dict[str, str]:
    """Read ``key: value`` lines (and ``- item`` lists under a key); the first key wins."""
    values: dict[str, list[str]] = {}
    field: str | None = None
    for line in lines:
        if item := _FRONT_MATTER_ITEM.match(line):
            if field is not None:
                values[field].append(_unquote(item[1]))
            continue
        key, found, value = line.partition(separator)
        field = _FRONT_MATTER_KEYS.get(key.strip().lower()) if found else None
        if field is None or line[:1].isspace() or field in values:
            field = None
            continue
        values[field] = [_unquote(part) for part in _list_items(value)]
    return {
        name: ", ".join(filter(None, items)) if name == "byline" else items[0]
        for name, items in values.items()
        if any(items)
    }


def _list_items(value: str) -> list[str]:
    """Split an inline list (``[a, "b"]``) into its items; any other value is one item."""
    value = value.strip()
    if value.startswith("[") and value.endswith("]"):
        return value[1:-1].split(",")
    return [value]


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1].strip()
    return value


def _heading_text(rest: str) -> str:
    """The text of an ATX heading after its opening "#"s: without a closing "#" sequence."""
    rest = rest.rstrip(" \t")
    bare = rest.rstrip("#")
    if bare != rest and (not bare or bare[-1] in " \t"):
        rest = bare.rstrip(" \t")
    return rest


class _BlockReader:
    """Groups Markdown lines into plain-text paragraphs, one block at a time.

    Kept as a small state machine because two blocks span lines: an open code
    fence, and a paragraph whose next line may turn out to be a setext underline.
    """

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.first_title: str | None = None
        self._current: list[str] = []
        self._fence: str | None = None

    def read(self, lines: list[str]) -> list[str]:
        for line in lines:
            self._read_line(line)
        self._flush(verbatim=self._fence is not None)
        return [p for p in self.paragraphs if p]

    def _read_line(self, line: str) -> None:
        if self._fence is not None:
            if line.strip().startswith(self._fence):
                self._fence = None
                self._flush(verbatim=True)
            else:
                self._current.append(line)
        elif opening := _FENCE.match(line):
            self._flush()
            self._fence = opening[1]
        elif (underline := _SETEXT_UNDERLINE.match(line)) and self._current:
            text = " ".join(self._current)
            self._current.clear()
            self._heading(text, 1 if underline[1].startswith("=") else 2)
        elif atx := _ATX_HEADING.match(line):
            self._heading(_heading_text(line[atx.end() :]), len(atx[1]))
        elif not line.strip() or _THEMATIC_BREAK.match(line) or _TABLE_DELIMITER.match(line):
            self._flush()
        elif not _REFERENCE_DEFINITION.match(line):
            self._read_text_line(line)

    def _read_text_line(self, line: str) -> None:
        if quotes := _BLOCK_QUOTES.match(line):
            line = line[quotes.end() :]
        if not line.strip():
            self._flush()
        elif row := _TABLE_ROW.match(line):
            self._flush()
            self._current.append(" | ".join(cell.strip() for cell in row[1].split("|")))
            self._flush()
        elif _BULLET.match(line) or _ORDERED_ITEM.match(line):
            self._flush()
            self._current.append(_BULLET.sub("", line))
        elif _FOOTNOTE_DEFINITION.match(line):
            self._flush()  # the note's text is the author's words: keep it, unmarked
            self._current.append(_FOOTNOTE_DEFINITION.sub("", line))
        else:
            self._current.append(line)

    def _heading(self, text: str, level: int) -> None:
        self._flush()
        self.paragraphs.append(strip_inline_markup(text))
        if level == 1 and self.first_title is None and self.paragraphs[-1]:
            self.first_title = self.paragraphs[-1]

    def _flush(self, *, verbatim: bool = False) -> None:
        if self._current:
            text = " ".join(self._current)
            plain = squeeze_whitespace(text) if verbatim else strip_inline_markup(text)
            self.paragraphs.append(plain)
            self._current.clear()
