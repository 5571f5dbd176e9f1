"""Logging for the Discord bot: discord.py's own set-up, with secrets blotted out.

The token is never passed to a log call, but a library could one day log a
header or a payload that holds it; the formatter replaces any secret in the
final text (message and traceback alike), so it cannot reach a log line.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable

import discord

__all__ = ["RedactingFormatter", "configure_logging"]

REDACTED = "[redacted]"
LOG_FORMAT = "[{asctime}] [{levelname:<8}] {name}: {message}"
DATE_FORMAT = "%Y-%m-%d %H:%M:%S"


class RedactingFormatter(logging.Formatter):
    """A formatter that replaces each secret with ``[redacted]`` in what it outputs."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__(LOG_FORMAT, DATE_FORMAT, style="{")
        # Longest first, so a secret containing another is replaced whole.
        self._secrets = sorted({secret for secret in secrets if secret}, key=len, reverse=True)

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text


def configure_logging(level: str, secrets: Iterable[str]) -> None:
    """Log to stderr at ``level`` through ``discord.utils.setup_logging``, redacting ``secrets``."""
    handler = logging.StreamHandler(sys.stderr)
    discord.utils.setup_logging(
        handler=handler,
        formatter=RedactingFormatter(secrets),
        level=logging.getLevelNamesMapping()[level],
        root=True,
    )
