"""Discord's size limits, and text made to fit them and echoed safely.

Discord rejects a message whose content passes 2000 characters or whose embed
passes any of its limits, so every string the bot sends goes through
:func:`fit`. Discord counts characters; we count UTF-16 code units, which are
never fewer than characters, so a text that fits here fits there whichever
way a given endpoint counts (an emoji outside the Basic Multilingual Plane
costs two of our units, which is the only price of the safety margin).

Text taken from a question or the article is shown inside markdown, so it is
escaped with :func:`escape_markdown` first: an article sentence with ``*`` or
``_`` must not turn the rest of the reply italic, and a question cannot smuggle
a masked link, a heading or a mention-looking ``<@123>`` into the reply. Mass
mentions are defused too: a zero-width space after the ``@`` of ``@everyone`` and
``@here`` keeps them from being mentions at all. (No ping can happen anyway:
the bot allows no mentions; this is the second lock on the door, and looks.)

Pure functions with no discord import, so they are cheap to test exhaustively.
"""

from __future__ import annotations

import re

__all__ = [
    "CONTENT_LIMIT",
    "ELLIPSIS",
    "EMBED_DESCRIPTION_LIMIT",
    "EMBED_FIELD_LIMIT",
    "EMBED_FOOTER_LIMIT",
    "EMBED_TITLE_LIMIT",
    "EMBED_TOTAL_LIMIT",
    "defuse_mentions",
    "escape_markdown",
    "fit",
    "one_line",
    "size",
]

CONTENT_LIMIT = 2000
EMBED_TITLE_LIMIT = 256
EMBED_DESCRIPTION_LIMIT = 4096
EMBED_FIELD_LIMIT = 1024
EMBED_FOOTER_LIMIT = 2048
EMBED_TOTAL_LIMIT = 6000
ELLIPSIS = "…"

# A cut this close to the limit may end at a space instead, so a word is not
# chopped in half; further back and we would throw away too much text.
_WORD_BOUNDARY_SLACK = 0.2

# Characters that change how Discord renders text wherever they stand.
_INLINE_MARKUP = re.compile(r"([\\*_~`|\[\]()<>])")
# Markers that only mean something at the start of a line: headings (#),
# lists and subtext (-, +), which ``_INLINE_MARKUP`` leaves alone mid-line.
# (Block quotes start with ">", already escaped everywhere.) The indent may not
# cross a line break: with ``\s*`` every line start of a run of blank lines
# would rescan the rest of the run, quadratic work on a hostile text.
_LINE_START_MARKUP = re.compile(r"^([^\S\n]*)([#+-])", re.MULTILINE)
# "1. item" is a list; CommonMark shows a backslash before a digit, so the
# escape goes before the dot.
_ORDERED_LIST_MARKUP = re.compile(r"^([^\S\n]*\d+)\.", re.MULTILINE)
# What Discord reads as a mass mention; and, after "<", as a user or role mention.
_MASS_MENTION = re.compile(r"@(everyone|here)")
_MENTION = re.compile(r"@(everyone|here|[!&]?\d+)")
_ZERO_WIDTH_SPACE = "\u200b"
_WHITESPACE = re.compile(r"\s+")


def size(text: str) -> int:
    """The length of ``text`` in UTF-16 code units (an upper bound of Discord's count).

    A lone surrogate (which no cleaned text holds) counts as one unit, not an error.
    """
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def fit(text: str, limit: int) -> str:
    """Return ``text`` unchanged if it fits in ``limit``, else cut it and end with an ellipsis.

    The cut prefers a word boundary near the end and never leaves a lone
    escaping backslash behind (which would escape the ellipsis instead).
    """
    if limit < 1:
        raise ValueError("limit must be at least 1")
    if size(text) <= limit:
        return text
    cut = _prefix_within(text, limit - size(ELLIPSIS))
    boundary = cut.rfind(" ")
    if boundary >= len(cut) * (1 - _WORD_BOUNDARY_SLACK):
        cut = cut[:boundary]
    cut = _drop_dangling_escape(cut.rstrip())
    return cut + ELLIPSIS


def escape_markdown(text: str) -> str:
    """Backslash-escape Discord markdown in ``text`` so it shows literally, mentions defused.

    User and role mentions die with their escaped ``<``; mass mentions need
    :func:`defuse_mentions`.
    """
    escaped = _INLINE_MARKUP.sub(r"\\\1", text)
    escaped = _LINE_START_MARKUP.sub(r"\1\\\2", escaped)
    escaped = _ORDERED_LIST_MARKUP.sub(r"\1\\.", escaped)
    return _MASS_MENTION.sub(f"@{_ZERO_WIDTH_SPACE}\\1", escaped)


def defuse_mentions(text: str) -> str:
    """Put a zero-width space after the ``@`` of every mention in unescaped text.

    ``@everyone`` still reads as ``@everyone`` and ``<@123>`` as ``<@123>``, but
    both are plain text to Discord, as ``discord.utils.escape_mentions`` makes them.
    """
    return _MENTION.sub(f"@{_ZERO_WIDTH_SPACE}\\1", text)


def one_line(text: str) -> str:
    """Collapse runs of whitespace, newlines included, into single spaces."""
    return _WHITESPACE.sub(" ", text).strip()


def _prefix_within(text: str, units: int) -> str:
    """The longest prefix of ``text`` that is at most ``units`` UTF-16 code units long."""
    used = 0
    for index, character in enumerate(text):
        used += 2 if ord(character) > 0xFFFF else 1
        if used > units:
            return text[:index]
    return text


def _drop_dangling_escape(text: str) -> str:
    """Remove a final backslash that would escape whatever follows the cut."""
    trailing = len(text) - len(text.rstrip("\\"))
    return text[:-1] if trailing % 2 else text
