"""Hostile inputs shared by the reliability and property tests.

``ADVERSARIAL`` holds texts of exactly 100,000 characters built to make a
regular expression backtrack: long runs of one character class, runs that
almost match and then fail at the very end, nested quotes, thousands of
candidate sentence ends. ``hostile_text()`` is the hypothesis strategy for the
property tests: arbitrary Unicode with the characters chat and the web throw at
a bot (controls, NUL, bidirectional marks, combining marks, emoji, lone
surrogates) and the syntax Discord gives meaning to (markdown, code fences,
mentions).
"""

from __future__ import annotations

import gc
import re
import time
from collections.abc import Callable
from typing import TypeVar

from hypothesis import strategies as st

__all__ = [
    "ADVERSARIAL",
    "ADVERSARIAL_LENGTH",
    "LIVE_MENTION",
    "MENTIONS",
    "adversarial_texts",
    "hostile_text",
    "live_mentions",
    "timed",
]

T = TypeVar("T")

ADVERSARIAL_LENGTH = 100_000


def adversarial_texts(length: int = ADVERSARIAL_LENGTH) -> dict[str, str]:
    """The hostile texts, each exactly ``length`` characters, by what they are made of."""

    def repeat(unit: str, size: int = length) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    def ending(body: str, tail: str) -> str:
        """``body`` cut so that, with ``tail`` after it, the text is ``length`` long."""
        return body[: length - len(tail)] + tail

    return {
        "capitals": repeat("A"),
        "capital words": repeat("A "),
        "capitalized words": repeat("Ab "),
        "letters": repeat("a"),
        "a a a": repeat("a "),
        "two long words": ending(repeat("a", length // 2) + " " + repeat("b"), ""),
        "double quotes": repeat('"'),
        "single quotes": repeat("'"),
        "nested quotes": repeat("\"'"),
        "quoted words": repeat('"a '),
        "open single quotes": repeat("' a "),
        "apostrophes": repeat("a'"),
        "digits": repeat("1"),
        "digits and commas": repeat("1,"),
        "digits and dots": repeat("1."),
        "money": repeat("$1,"),
        "number words": repeat("one-two "),
        "hyphens": repeat("-"),
        "hyphenated": repeat("a-"),
        "dots": repeat("."),
        "dots then a letter": ending(repeat("."), "x"),
        "question marks then a letter": ending(repeat("?"), "x"),
        "initials": repeat("A. "),
        "acronym then lower case": ending(repeat("A."), "a."),
        "abbreviations": repeat("Mr. "),
        "dotted acronyms": repeat("U.S. "),
        "numbered lines": repeat("1.\n"),
        "spaces": repeat(" "),
        "spaces then a letter": ending(repeat(" "), "x"),
        "newlines": repeat("\n"),
        "blank lines then a heading": ending(repeat(" \n"), "#"),
        "tabs": repeat("\t"),
        "angle brackets": repeat("<"),
        "mentions": repeat("<@123456789012345678> @everyone @here "),
        "code fences": repeat("```\n"),
        "headings": repeat("#\n"),
        "what what": repeat("what "),
        "what about ???": ending("what about " + repeat("?"), "x"),
        "caveats without a negation": repeat(", though x"),
        "dates": repeat("June 1 "),
        "weekdays": repeat("Monday, "),
        "emoji": repeat("\U0001f389"),
        "word then a bang": ending(repeat("a"), "!"),
        "controls and NUL": repeat("\x00\x01\x1b\x7f"),
        "bidirectional marks": repeat("\u202e\u200f\u2066a"),
        "combining marks": repeat("e\u0301\u0302\u0303"),
        # Markdown: openers that never close, and blocks that repeat (issue 11)
        "emphasis openers": repeat("*a "),
        "underscore openers": repeat("_a "),
        "strong openers": repeat("**a "),
        "strike openers": repeat("~~a "),
        "link openers": repeat("[a "),
        "image openers": repeat("![a "),
        "footnote openers": repeat("[^a"),
        "backticks then a letter": ending(repeat("`"), "a"),
        "brackets then a target": (repeat("[", length // 2) + "](" + repeat("a"))[:length],
        "heading then spaces": ending("# a" + repeat(" "), "x"),
        "block quote markers": repeat(">"),
        "escapes": repeat("\\*"),
        "unclosed tags": repeat("<a b="),
        "carriage returns": repeat("\r"),
        "carriage return lines": repeat("1.\r\n"),
    }


ADVERSARIAL = adversarial_texts()

# Mention syntax Discord understands; none may come back live in a reply.
MENTIONS = ("@everyone", "@here", "<@123>", "<@!123>", "<@&456>", "<#789>")

# A live mention in text the bot sends: a mass mention without the zero-width
# space after its "@", or a user or role mention whose "<" is not escaped.
LIVE_MENTION = re.compile(r"@(?:everyone|here)|(?<!\\)<@[!&]?\d+>")


def live_mentions(text: str) -> list[str]:
    """The live mentions in ``text`` (empty when it is safe to send)."""
    return LIVE_MENTION.findall(text)


_SPECIAL_CHARACTERS = (
    "\x00",
    "\x07",
    "\x1b",
    "\x7f",
    "\x85",
    "\u00ad",  # soft hyphen
    "\u200b",  # zero-width space
    "\u200d",  # zero-width joiner
    "\u200e",  # left-to-right mark
    "\u200f",  # right-to-left mark
    "\u202e",  # right-to-left override
    "\u2066",  # left-to-right isolate
    "\u2028",  # line separator
    "\u2029",  # paragraph separator
    "\ufeff",  # byte-order mark
    "\u0301",  # combining acute accent
    "\u0336",  # combining long stroke overlay
    "\ud800",  # lone high surrogate
    "\udfff",  # lone low surrogate
    "\U0001f389",  # emoji
    "\U0001f1fa\U0001f1f8",  # flag (two regional indicators)
    "\U0001f468\u200d\U0001f469\u200d\U0001f467",  # family (joined emoji)
    "\u05e9\u05dc\u05d5\u05dd",  # Hebrew
    "\u0645\u0631\u062d\u0628\u0627",  # Arabic
)
_SYNTAX = (
    *MENTIONS,
    "```",
    "```py\nprint('x')\n```",
    "`",
    "**",
    "__",
    "~~",
    "||",
    "> ",
    "# ",
    "-# ",
    "1. ",
    "[link](http://example.com)",
    "\\",
    "\n",
    "\n\n",
    "\t",
    "  ",
    "?",
    '"',
    "'",
    ".",
)
_WORDS = (
    "when",
    "where",
    "who",
    "what",
    "how many",
    "is",
    "the",
    "summit",
    "Biden",
    "Putin",
    "June",
    "said",
    "and where?",
    "help",
    "hi",
    "what is the article about?",
)


def hostile_text(max_size: int = 60) -> st.SearchStrategy[str]:
    """Text made of arbitrary Unicode, special characters, Discord syntax and question words."""
    piece = st.one_of(
        st.text(max_size=8),
        st.sampled_from(_SPECIAL_CHARACTERS),
        st.sampled_from(_SYNTAX),
        st.sampled_from(_WORDS),
    )
    return st.lists(piece, max_size=max_size).map(" ".join)


def timed(function: Callable[[], T]) -> tuple[T, float]:
    """Call ``function``; return its result and the seconds it took.

    The garbage collector is paused meanwhile: a full collection of the test
    run's heap can take a few hundred milliseconds and land on any call, which
    says nothing about the code being timed.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        started = time.perf_counter()
        result = function()
        return result, time.perf_counter() - started
    finally:
        if enabled:
            gc.enable()
