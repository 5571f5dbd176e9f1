"""Inline Markdown dropped in linear time: links, images, emphasis, code spans and tags.

Why not one regular expression per kind of markup, as before: a pattern such as
``\\*(.+?)\\*`` tries, at every ``*``, every later position for its closing
``*``, so text with many openers and no closer (``"*a *a *a ..."``, ``"[a [a
..."``, a long run of backticks) costs time quadratic in its length: 60,000
characters of ``*a`` took 27 s, a run of 20,000 backticks 82 s. Here:

- emphasis keeps its pattern, but runs only up to the end of the line's last
  closer, found first in one pass (see :class:`_Emphasis`): before it every
  opener finds its closer, after it none can;
- code spans, links, images and footnote marks list their openers and closers
  once and pair them by binary search, each closing bracket's link target
  tried once however many labels end at it.

So every pass costs O(n log n) at worst. The pairing is the one the regular
expressions made: scanning left to right, an opener takes the nearest closer
of its kind after it, and the text it spans is not searched again by the same
pass. Emphasis does not cross a line break. Code spans follow CommonMark: a run
of backticks is closed by the next run of exactly the same length.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from dataclasses import dataclass

from retrieval.formats.extracted import squeeze_whitespace

__all__ = ["strip_inline_markup"]

# Backslash escapes become private-use placeholders first, so that no later step
# reads an escaped "*" as markup, and are restored at the end.
_ESCAPABLE = "\\`*_{}[]()#+-.!|<>~\"'"
_ESCAPE = re.compile(r"\\([" + re.escape(_ESCAPABLE) + r"])")
_PLACEHOLDER_BASE = 0xE000  # Unicode private use area: never produced by the steps below
_RESTORE_ESCAPES = str.maketrans(
    {_PLACEHOLDER_BASE + index: character for index, character in enumerate(_ESCAPABLE)}
)

_BACKTICK_RUN = re.compile(r"`+")
_CLOSE_BRACKET = re.compile(r"\]")
# The last whitespace character of a range (greedy, then back to it).
_LAST_WHITESPACE = re.compile(r".*\s", re.DOTALL)
_IMAGE_OPEN = re.compile(r"!\[")
_LINK_OPEN = re.compile(r"\[")
_FOOTNOTE_OPEN = re.compile(r"\[\^")
# What may follow "[label]": "(url)" or '(url "title")', one level of parentheses
# inside the url. Each attempt stops at the first whitespace or parenthesis it
# cannot take, and each "]" is tried once, so trying it costs linear time.
_LINK_TARGET = re.compile(r"\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+)>", re.IGNORECASE)
_LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")


@dataclass(frozen=True, slots=True)
class _Emphasis:
    """One kind of emphasis: the whole span (group 1 its content), and where the last one ends.

    ``span`` alone is quadratic: its lazy content tries every later position for
    a closer, and when an opener has no closer, neither has any opener after it,
    so each of them scans to the end of the line again. ``last_closer`` finds the
    end of the last closer in one pass (greedy ``.*``, then back); past it no span
    can end, and before it every opener's scan stops at the nearest closer, which
    the span then consumes. So ``span`` runs on the line up to there only.
    """

    marker: str
    span: re.Pattern[str]
    last_closer: re.Pattern[str]


def _emphasis(marker: str, *, flanking: str = r"\S", outside: str = "") -> _Emphasis:
    """``marker`` text ``marker``, the text starting and ending with ``flanking``.

    ``outside``, when given, is a character class that may touch neither side
    of the span (so "snake_case_name" and "2 * 3" are not emphasis).
    """
    mark = re.escape(marker)
    before = f"(?<![{outside}])" if outside else ""
    after = f"(?![{outside}])" if outside else ""
    closer = f"(?<={flanking}){mark}{after}"
    return _Emphasis(
        marker,
        re.compile(f"{before}{mark}(?={flanking})(.+?){closer}"),
        re.compile(f".*{closer}"),
    )


# Applied in this order, each on the output of the one before.
_EMPHASES = (
    _emphasis("**"),
    _emphasis("__"),
    _emphasis("~~"),
    _emphasis("*", flanking=r"[^\s*]", outside=r"\w*"),
    _emphasis("_", flanking=r"[^\s_]", outside=r"\w_"),
)


def strip_inline_markup(text: str) -> str:
    """Return ``text`` without links, images, emphasis, code marks and inline HTML."""
    text = _ESCAPE.sub(lambda m: chr(_PLACEHOLDER_BASE + _ESCAPABLE.index(m[1])), text)
    text = _strip_code_spans(text)
    text = _strip_bracketed(text, _IMAGE_OPEN, keep_label=False)
    text = _strip_bracketed(text, _LINK_OPEN, keep_label=True)
    text = _strip_footnote_marks(text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _LINE_BREAK_TAG.sub(" ", text)
    text = _HTML_TAG.sub("", text)
    for emphasis in _EMPHASES:
        text = "\n".join(_strip_emphasis(line, emphasis) for line in text.split("\n"))
    text = html.unescape(text).translate(_RESTORE_ESCAPES)
    return squeeze_whitespace(text)


def _positions(pattern: re.Pattern[str], text: str) -> list[int]:
    return [match.start() for match in pattern.finditer(text)]


def _next(positions: list[int], position: int) -> int | None:
    """The first of the sorted ``positions`` at or after ``position``."""
    index = bisect_left(positions, position)
    return positions[index] if index < len(positions) else None


class _Rewriter:
    """Copies a text, replacing spans found left to right; spans never overlap."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.copied = 0  # everything before this is decided
        self._pieces: list[str] = []

    def replace(self, start: int, end: int, replacement: str) -> None:
        self._pieces += (self.text[self.copied : start], replacement)
        self.copied = end

    def result(self) -> str:
        return "".join(self._pieces) + self.text[self.copied :]


def _strip_emphasis(line: str, emphasis: _Emphasis) -> str:
    """Replace every span of ``emphasis`` in ``line`` (no line break in it) by its content."""
    if emphasis.marker not in line:
        return line
    last = emphasis.last_closer.match(line)
    if last is None:
        return line
    end = last.end()
    return emphasis.span.sub(r"\1", line[:end]) + line[end:]


def _strip_code_spans(text: str) -> str:
    """Replace each code span by its content, stripped; an unmatched run stays as it is."""
    runs = [(match.start(), match.end()) for match in _BACKTICK_RUN.finditer(text)]
    if not runs:
        return text
    starts_by_width: dict[int, list[int]] = {}
    for start, end in runs:
        starts_by_width.setdefault(end - start, []).append(start)
    rewriter = _Rewriter(text)
    for start, end in runs:
        if start < rewriter.copied:
            continue
        width = end - start
        close = _next(starts_by_width[width], end)
        if close is not None:
            rewriter.replace(start, close + width, text[end:close].strip())
    return rewriter.result()


def _strip_bracketed(text: str, opener: re.Pattern[str], *, keep_label: bool) -> str:
    """Replace ``[label](url)`` or ``[label][ref]`` (after ``opener``) by the label, or nothing."""
    closes = _positions(_CLOSE_BRACKET, text)
    target_ends: dict[int, int | None] = {}  # many labels may share one "]"
    rewriter = _Rewriter(text)
    for match in opener.finditer(text):
        start, label = match.start(), match.end()
        if start < rewriter.copied:
            continue
        close = _next(closes, label)
        if close is None:
            break  # no "]" after this opener, so none after any later one
        if close not in target_ends:
            target_ends[close] = _target_end(text, close + 1, closes)
        end = target_ends[close]
        if end is not None:
            rewriter.replace(start, end, text[label:close] if keep_label else "")
    return rewriter.result()


def _target_end(text: str, position: int, closes: list[int]) -> int | None:
    """Where the link target starting at ``position`` ends, or None when there is none."""
    target = _LINK_TARGET.match(text, position)
    if target is not None:
        return target.end()
    if text.startswith("[", position):  # a reference link: [label][ref]
        close = _next(closes, position + 1)
        return None if close is None else close + 1
    return None


def _strip_footnote_marks(text: str) -> str:
    """Drop footnote references ``[^label]`` (a label of one or more non-space characters).

    Every opener whose label starts after one "]" and at or before the next
    ends at that next one, so the last whitespace before each "]" (searched
    once, from the "]" before it) tells for all of them whether the label is
    one word.
    """
    if "[^" not in text:
        return text
    closes = _positions(_CLOSE_BRACKET, text)
    last_spaces: dict[int, int] = {}  # for each "]" reached: its index -> last whitespace before
    rewriter = _Rewriter(text)
    for match in _FOOTNOTE_OPEN.finditer(text):
        start, label = match.start(), match.end()
        index = bisect_left(closes, label)
        if index == len(closes):
            break
        if start < rewriter.copied or closes[index] == label:
            continue
        if index not in last_spaces:
            after_previous = closes[index - 1] + 1 if index else 0
            space = _LAST_WHITESPACE.match(text, after_previous, closes[index])
            last_spaces[index] = space.end() - 1 if space else -1
        if last_spaces[index] < label:
            rewriter.replace(start, closes[index] + 1, "")
    return rewriter.result()
