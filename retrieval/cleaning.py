"""Cleaning a news article's raw text before it is split and indexed.

Articles arrive as text copied or saved from web pages. Besides the story they carry
page furniture ("Most read in US News", "Advertisement", "Share this article") and
typographic punctuation that makes the same word look different to a tokenizer
(``‘killer’`` against ``'killer'``). Cleaning removes the first and normalizes the
second, and nothing else: a sentence of the story is never edited, only whole lines
of debris are dropped, so every answer can quote the article faithfully.

The steps are small and separate (normalize characters → split lines → drop debris
→ group paragraphs) so each can be tested and reused alone.
"""

from __future__ import annotations

import re
import unicodedata

from retrieval.furniture import is_page_note

__all__ = ["clean_paragraphs", "is_debris_line", "normalize_characters"]

# Typographic characters mapped to their plain ASCII equivalents. Dashes are left
# alone: "15–16" and "Biden–Putin" read differently with a hyphen, and the
# tokenizer splits on both anyway.
_CHARACTER_MAP = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark (also the apostrophe)
        "\u201a": "'",  # single low-9 quotation mark
        "\u201b": "'",  # single high-reversed-9 quotation mark
        "\u2032": "'",  # prime
        "\u201c": '"',  # left double quotation mark
        "\u201d": '"',  # right double quotation mark
        "\u201e": '"',  # double low-9 quotation mark
        "\u201f": '"',  # double high-reversed-9 quotation mark
        "\u2033": '"',  # double prime
        "\u00ab": '"',  # left-pointing double angle quotation mark
        "\u00bb": '"',  # right-pointing double angle quotation mark
        "\u00a0": " ",  # no-break space
        "\u2007": " ",  # figure space
        "\u202f": " ",  # narrow no-break space
        "\u2009": " ",  # thin space
        "\u200a": " ",  # hair space
        "\u2028": "\n",  # line separator
        "\u2029": "\n\n",  # paragraph separator
        "\u2026": "...",  # horizontal ellipsis
        "\ufeff": None,  # byte-order mark / zero-width no-break space
        "\u200b": None,  # zero-width space
        "\u00ad": None,  # soft hyphen
    }
)

# Control characters other than tab and newline carry no meaning in a story.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Half of a UTF-16 pair is no character: no file decodes to one, but text handed to
# the library may hold one (JSON can spell "\ud800"), and no UTF-8 output can.
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
_REPLACEMENT_CHARACTER = "\ufffd"
_HORIZONTAL_SPACE = re.compile(r"[ \t\f\v]+")

# Lines that are page furniture, matched against the whole (stripped) line. Each
# pattern is anchored at both ends so a sentence that merely contains "read more"
# is never dropped.
_DEBRIS_PATTERNS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"most (read|popular|viewed|shared)( stories| articles)?( in [\w .&'-]{1,40})?",
        r"(read|see) (more|next|also)( on [\w .&'-]{1,40})?:?",
        r"(related|recommended|trending|more) (articles?|stories|news|videos?|content)",
        r"more on this (story|topic)",
        r"(top|latest|breaking) (stories|news|headlines)",
        r"advertisement|sponsored( content)?|ad feedback|promoted( stories)?",
        r"(share|email|print|save|tweet|comment on) (this|the) (article|story|page)",
        r"(share|comments?|print|email|tweet)( \(\d+\))?",
        r"(sign up|subscribe) (to|for) [\w .&'-]{1,60}",
        r"follow us on [\w ,.&'-]{1,60}",
        r"click here( to [\w ,.&'-]{1,60})?",
        r"(copyright|©) .{0,80}",
        r"all rights reserved\.?",
        r"(skip|jump) to (main )?content",
        r"(image|photo|picture|video) (credit|source)s?: .{0,80}",
        r"(getty|reuters|ap|afp|pa|epa)( images)?",
        r"continue reading( below)?",
    )
)
# The same, as one pattern: one call per line instead of seventeen (a file of a
# million short lines spends most of its cleaning here).
_DEBRIS = re.compile("|".join(f"(?:{p.pattern})" for p in _DEBRIS_PATTERNS), re.IGNORECASE)
# Debris lines are short; a longer line is story text even if it starts like debris.
_MAX_DEBRIS_LENGTH = 100


def normalize_characters(text: str) -> str:
    """Return ``text`` with typographic quotes, odd spaces and control characters made plain.

    A lone surrogate becomes U+FFFD, the replacement character.

    NFC composition keeps "é" one character whether it arrived composed or not,
    so offsets and tokens agree across sources. Line structure is kept: line
    breaks are the only paragraph signal a plain-text article has.
    """
    text = _LONE_SURROGATE.sub(_REPLACEMENT_CHARACTER, text)
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_CHARACTER_MAP)
    text = _CONTROL_CHARACTERS.sub(" ", text)
    return text


def is_debris_line(line: str) -> bool:
    """Tell whether a whole line is web-page furniture rather than part of the story.

    Menu-like debris here; notes, credits and labels that read like sentences
    ("This article originally appeared on ...") in :mod:`retrieval.furniture`.
    """
    stripped = line.strip().strip("|•·-–—:>*#").strip()
    if not stripped:
        return False
    if len(stripped) <= _MAX_DEBRIS_LENGTH and _DEBRIS.fullmatch(stripped):
        return True
    return is_page_note(stripped)


def clean_paragraphs(raw_text: str) -> list[str]:
    """Split ``raw_text`` into cleaned paragraphs, debris dropped.

    Two layouts are common. Text saved from a page usually has one paragraph a
    line; text written by hand or exported from a corpus separates paragraphs
    with blank lines and may wrap lines inside them. When the text has any blank
    line, blank lines separate paragraphs and single line breaks inside a
    paragraph become spaces; otherwise every line is a paragraph.
    """
    text = normalize_characters(raw_text)
    lines = [_HORIZONTAL_SPACE.sub(" ", line).strip() for line in text.split("\n")]
    lines = [line for line in lines if not is_debris_line(line)]
    has_blank_lines = any(not line for line in _trim_blank_edges(lines))
    if not has_blank_lines:
        return [line for line in lines if line]
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def _trim_blank_edges(lines: list[str]) -> list[str]:
    """Drop leading and trailing blank lines, which say nothing about the layout."""
    start, end = 0, len(lines)
    while start < end and not lines[start]:
        start += 1
    while end > start and not lines[end - 1]:
        end -= 1
    return lines[start:end]
