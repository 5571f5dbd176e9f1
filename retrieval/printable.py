"""Text from outside made safe to print in a one-line message.

Messages quote what they are about: a file name, a server's status line, a
``Location`` header. Those come from whoever made the file or runs the server,
and a terminal obeys what they hold: ``ESC ] 0 ; ... BEL`` retitles the window,
``ESC [ 2 J`` clears the screen, a CR or LF forges a second line, a
right-to-left override (U+202E) shows ``txt.exe`` as ``exe.txt``. Each such
character is written as its escape (``\\x1b``, ``\\u202e``) instead, so the message
shows exactly what was there and does nothing.
"""

from __future__ import annotations

import re

__all__ = ["printable"]

# C0 and C1 controls, DEL, and the invisible characters that reorder or split
# what a terminal shows: bidirectional marks, embeddings, overrides and isolates,
# and the Unicode line and paragraph separators.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with every control or reordering character written as its escape."""
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
