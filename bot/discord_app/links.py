"""Finding the web link in a message: the one to read.

"@articlebot https://…" (a mention holding one link and nothing else) reads
the link; "Ask about this link" reads the first link of the message it is used
on. Discord users write links bare, in angle brackets (which hides the
preview), as masked links ``[text](https://…)`` or behind markup, so the link
is taken up to a space or angle bracket and trailing punctuation is dropped.

The patterns are bounded: a link is at most :data:`MAX_LINK_CHARS` long, and
nothing in them backtracks over more than one link's length.
"""

from __future__ import annotations

import re

__all__ = ["MAX_LINK_CHARS", "first_link", "lone_link", "normalize_link"]

# Browsers and servers cope with about 2,000 characters; a news link is under 300.
MAX_LINK_CHARS = 2000

_LINK = re.compile(rf"https?://[^\s<>]{{1,{MAX_LINK_CHARS}}}", re.IGNORECASE)
_LONE_LINK = re.compile(rf"<?(https?://[^\s<>]{{1,{MAX_LINK_CHARS}}})>?", re.IGNORECASE)
# What ends a sentence or wraps a link in markdown, rather than being part of it.
_TRAILING = ".,;:!?)]}'\"|*_~"


def lone_link(text: str) -> str | None:
    """The link if ``text`` is one web link and nothing else (``<…>`` allowed), else None."""
    match = _LONE_LINK.fullmatch(text.strip())
    return None if match is None else _trimmed(match[1])


def first_link(text: str) -> str | None:
    """The first web link in ``text``, or None."""
    match = _LINK.search(text)
    return None if match is None else _trimmed(match[0])


def normalize_link(url: str) -> str:
    """The address as the cache knows it: without a ``#fragment`` (the same page)."""
    return url.partition("#")[0]


def _trimmed(link: str) -> str:
    """``link`` without the punctuation after it, keeping the brackets it opened itself.

    ``https://en.wikipedia.org/wiki/Mercury_(planet)`` keeps its ")" (also inside a
    masked link, where one more ")" follows); a sentence's "." or ")" goes.
    """
    stripped = link.rstrip(_TRAILING)
    tail = link[len(stripped) :]
    unclosed = stripped.count("(") - stripped.count(")")
    closers = len(tail) - len(tail.lstrip(")"))
    return stripped + ")" * max(0, min(unclosed, closers))
