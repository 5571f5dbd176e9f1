"""Common English words, so that typo correction leaves real words alone.

Read once per process from ``bot/data/english_words.txt`` (50,000 words generated
by ``scripts/build_wordlist.py`` from wordfreq), and only when a question has a
word the article does not contain.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["is_english_word"]

_WORDS_FILE = Path(__file__).resolve().parent.parent / "data" / "english_words.txt"


@cache
def _english_words() -> frozenset[str]:
    lines = _WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def is_english_word(lower: str) -> bool:
    """Whether ``lower`` is one of the 50,000 most frequent English words."""
    return lower in _english_words()
