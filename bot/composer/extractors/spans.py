"""Helpers shared by extractors: mapping character spans to token ranges."""

from __future__ import annotations

from bot.composer.tokens import Token

__all__ = ["token_range"]


def token_range(tokens: tuple[Token, ...], start: int, end: int) -> tuple[int, int] | None:
    """The first and last token inside the character span ``[start, end)``, or None."""
    first = last = None
    for index, token in enumerate(tokens):
        if token.start >= start and token.end <= end:
            if first is None:
                first = index
            last = index
        elif token.start >= end:
            break
    if first is None or last is None:
        return None
    return first, last
