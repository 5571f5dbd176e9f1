"""What the command line writes to a terminal or a pipe, made unable to fail or mislead.

- Output streams whose encoding lacks a character (``PYTHONIOENCODING=ascii``,
  a Latin-1 locale) write it as an escape rather than stop the program with
  ``UnicodeEncodeError``; JSON output is then written in ASCII, which every
  JSON reader decodes to the same text.
- Messages (errors and warnings) are one line each, prefixed ``articlebot:``,
  with control characters from file names, servers or settings escaped
  (:func:`retrieval.printable.printable`).
"""

from __future__ import annotations

import codecs
import io
import logging
import sys
from typing import IO

from bot.settings import Settings, redact
from retrieval.printable import printable

__all__ = [
    "hide_secrets",
    "message_line",
    "prepare_streams",
    "show_warnings",
    "stop_showing_warnings",
    "writes_utf8",
]

PREFIX = "articlebot: "


def prepare_streams() -> None:
    """Let stdout and stderr write any character, as an escape when their encoding lacks it."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def writes_utf8(stream: IO[str]) -> bool:
    """Whether ``stream`` encodes text as UTF-8 (so JSON may hold any character as is)."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def message_line(message: str) -> str:
    """``message`` as the one line the command prints for it (a line break shows as ``\\n``)."""
    return PREFIX + printable(message)


class _MessageFormatter(logging.Formatter):
    """Warnings as ``articlebot: warning: ...``, one printable line, no traceback,
    settings' secrets blotted out (see :func:`hide_secrets`)."""

    settings: Settings | None = None

    def format(self, record: logging.LogRecord) -> str:
        text = f"{record.levelname.lower()}: {record.getMessage()}"
        return message_line(text if self.settings is None else redact(text, self.settings))


def hide_secrets(settings: Settings) -> None:
    """Make the warnings :func:`show_warnings` prints redact the secrets of ``settings``."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler.formatter, _MessageFormatter):
            handler.formatter.settings = settings


def stop_showing_warnings() -> None:
    """Remove what :func:`show_warnings` installed (the Discord bot then logs its own way)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler.formatter, _MessageFormatter):
            root.removeHandler(handler)


def show_warnings() -> None:
    """Print the library's warnings (a skipped file, say) on stderr, one line each."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_MessageFormatter())
    handler.setLevel(logging.WARNING)
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.WARNING:
        root.setLevel(logging.WARNING)
