"""Tokens with character offsets, the unit every extraction rule works on.

A :class:`Token` keeps its exact span in the sentence, its lower-case form and its
stem, so a rule can match words by stem ("meddling" ~ "meddle") and still hand
back the article's own characters as the answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import NamedTuple

from retrieval.analysis import fold_accents, stem

__all__ = [
    "Token",
    "groups_digits",
    "lower_places",
    "stem_places",
    "token_stems",
    "tokenize",
]

# Words (with inner hyphens, apostrophes and dots: "face-to-face", "Putin's",
# "U.S.", "3.5", "15-16"), or single punctuation marks.
_TOKEN = re.compile(r"\w+(?:[-'./]\w+)*\.?|[^\w\s]")
# Two capital-period pairs at the end ("U.S."); {2} rather than {2,}, which says
# the same but rescans a long "A.A.A..." run from every position.
_ACRONYM_DOT = re.compile(r"(?:[A-Z]\.){2}$")
# Titles written with a period ("Dr. Omar Haddad"): the period belongs to the word.
_ABBREVIATIONS = frozenset(
    "dr mr mrs ms prof gen sen rep gov lt col sgt capt cmdr adm st jr sr rev hon supt insp".split()
)


class Token(NamedTuple):
    """A word or punctuation mark and where it sits in its text.

    A named tuple, as a question's passages make thousands of tokens and a tuple
    is built several times faster than a frozen dataclass.
    """

    text: str
    start: int
    end: int
    lower: str
    stem: str
    is_word: bool
    is_capitalized: bool

    @property
    def is_number(self) -> bool:
        return self.text[:1].isdigit()


@lru_cache(maxsize=4096)
def tokenize(text: str) -> tuple[Token, ...]:
    """Split ``text`` into tokens with offsets; cached, as passages recur across questions.

    A new article's first question tokenizes every sentence it pools, so this is
    the composer's hottest loop: what a word is (its case, stem, trailing period)
    is looked up once per distinct word, and tokens are built as plain tuples.
    """
    tokens: list[Token] = []
    append = tokens.append
    find = text.find
    end = 0
    # The matches as strings (no match objects): only whitespace lies between two of
    # them, and a match never opens with it, so each starts where it is next found.
    for found in _TOKEN.findall(text):
        start = find(found, end)
        end = start + len(found)
        word, cut, lower, stemmed, is_word, capitalized = _word_facts(found)
        if cut:  # the word without its sentence-final period, then the period
            append(_new_token(Token, (word, start, end - 1, lower, stemmed, is_word, capitalized)))
            append(_new_token(Token, (".", end - 1, end, ".", ".", False, False)))
        else:
            append(_new_token(Token, (word, start, end, lower, stemmed, is_word, capitalized)))
    return tuple(tokens)


# Token indexes by a token's lower-cased form, or by its stem (read-only: memoized).
Places = Mapping[str, Sequence[int]]


@lru_cache(maxsize=4096)
def token_stems(text: str) -> tuple[str, ...]:
    """Every token's stem, in order (punctuation: itself), memoized like :func:`tokenize`.

    Matching a question's words against every sentence a new article's first question
    pools reads these at C speed (``map`` of a set's membership test), cheaper than
    building a table of places for a text read once."""
    return tuple(token.stem for token in tokenize(text))


@lru_cache(maxsize=4096)
def stem_places(text: str) -> Places:
    """Where each stem of ``text`` stands (token indexes, in order): a rule that looks
    for a few words reads only where they are, not every token. Memoized like
    :func:`tokenize`."""
    return _places(token_stems(text))


@lru_cache(maxsize=4096)
def lower_places(text: str) -> Places:
    """Where each lower-cased form of ``text`` stands, as :func:`stem_places`."""
    return _places(token.lower for token in tokenize(text))


def _places(keys: Iterable[str]) -> dict[str, list[int]]:
    """The indexes of each key, in order (a list made only for a key's first place)."""
    places: dict[str, list[int]] = {}
    for index, key in enumerate(keys):
        known = places.get(key)
        if known is None:
            places[key] = [index]
        else:
            known.append(index)
    return places


def groups_digits(tokens: Sequence[Token], index: int) -> bool:
    """Whether the mark at ``index`` joins the parts of one number: the comma of a
    number's thousands ("$400,000") or the colon of a clock's minutes ("2:40 a.m.").

    The tokenizer splits "400,000" at its comma, which every rule that ends a phrase at
    a comma would take for the phrase's end ("to return about $400").
    """
    if not 0 < index < len(tokens) - 1 or tokens[index].text not in _DIGIT_GROUPS:
        return False
    before, after = tokens[index - 1], tokens[index + 1]
    return (
        before.end == tokens[index].start
        and after.start == tokens[index].end
        and before.text[-1:].isdigit()
        and _starts_group(after.text, _DIGIT_GROUPS[tokens[index].text])
    )


def _starts_group(text: str, size: int) -> bool:
    """Whether ``text`` opens with a group of exactly ``size`` digits: "000", and the
    "180" of "1,180-kilogram" or "000th"."""
    return text[:size].isdigit() and len(text) >= size and not text[size : size + 1].isdigit()


# The marks that join a number's parts, and the digits of the part after them.
_DIGIT_GROUPS = {",": 3, ":": 2}


# Building a named tuple through tuple.__new__ skips its keyword handling: 2x faster.
_new_token = tuple.__new__


@lru_cache(maxsize=1 << 16)
def _word_facts(word: str) -> tuple[str, bool, str, str, bool, bool]:
    """A matched word without a sentence-final period, whether one was cut, and its forms."""
    cut = (
        word.endswith(".")
        and len(word) > 1
        and not _ACRONYM_DOT.search(word)
        and word[:-1].lower() not in _ABBREVIATIONS
    )
    if cut:
        word = word[:-1]  # a sentence-final period is punctuation, not part of the word
    lower = word.lower()
    is_word = word[0].isalnum() or word[0] == "_"
    base = _possessive_base(lower)
    # Accents folded as the index folds them: a question typed "ferran" says "Ferrán".
    stemmed = stem(base if base.isascii() else fold_accents(base)) if is_word else lower
    return word, cut, lower, stemmed, is_word, word[0].isupper()


def _possessive_base(lower: str) -> str:
    """'putin's' matches 'putin': possession does not change what a word names."""
    return lower[:-2] if lower.endswith("'s") else lower
