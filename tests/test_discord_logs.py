"""The bot's log formatter blots out the token wherever it would appear."""

from __future__ import annotations

import logging
import sys

from bot.discord_app.logs import REDACTED, RedactingFormatter

TOKEN = "MTIz.secret-token.value"


def record(message: str, *args: object, exc_info: bool = False) -> logging.LogRecord:
    return logging.LogRecord(
        "test", logging.ERROR, __file__, 1, message, args, sys.exc_info() if exc_info else None
    )


def test_a_secret_in_a_message_is_redacted() -> None:
    text = RedactingFormatter([TOKEN]).format(record("header Bot %s sent", TOKEN))

    assert TOKEN not in text
    assert f"header Bot {REDACTED} sent" in text


def test_a_secret_in_a_traceback_is_redacted() -> None:
    try:
        raise ValueError(f"bad token {TOKEN}")
    except ValueError:
        text = RedactingFormatter([TOKEN]).format(record("failed", exc_info=True))

    assert "Traceback" in text
    assert TOKEN not in text


def test_empty_secrets_change_nothing() -> None:
    assert RedactingFormatter(["", ""]).format(record("plain")).endswith("test: plain")
