"""Reading input a line at a time without ever holding more than a line's cap.

``for line in stream`` reads a whole line, however long: 200 MB without a line
break cost ``ask --jsonl`` 639 MB of memory before it could refuse the line.
:func:`bounded_lines` reads at most ``max_length + 1`` characters (or bytes) of
a line; a longer one is skipped in chunks, never held, and stands as ``None``
in the output, so a caller answers it with an error and goes on with the next.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, AnyStr

__all__ = ["MAX_LINE_LENGTH", "bounded_lines"]

# A question is cut to 500 characters anyway, and a JSON line carries a question
# and a conversation id: a mebibyte is more than any real line needs.
MAX_LINE_LENGTH = 1024 * 1024
_SKIP_CHUNK = 64 * 1024


def bounded_lines(stream: IO[AnyStr], max_length: int = MAX_LINE_LENGTH) -> Iterator[AnyStr | None]:
    """The lines of ``stream`` (line break included), ``None`` for each over ``max_length``."""
    while line := stream.readline(max_length + 1):
        if len(line) > max_length and not _ends_line(line):
            _skip_rest_of_line(stream)
            yield None
        else:
            yield line


def _ends_line(text: str | bytes) -> bool:
    return text[-1:] in ("\n", b"\n")


def _skip_rest_of_line(stream: IO[AnyStr]) -> None:
    while chunk := stream.readline(_SKIP_CHUNK):  # each read consumes input, or ends the loop
        if _ends_line(chunk):
            return
