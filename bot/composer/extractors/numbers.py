"""Numbers and quantities: "24-day", "46th", "thousands of troops", "3.5 per cent", "$5bn".

For "how many X" the counted noun is part of the quantity ("thousands of
troops"), but a reply need not repeat the question's own noun, so scoring decides
between the bare number and the number with its noun. Years and dates are left to
the date extractor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.composer.candidates import Candidate, Sentence
from bot.composer.extractors.spans import token_range

__all__ = ["extract_numbers"]

_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|"
    r"a (?:few|dozen|hundred|thousand|million|billion)|several|half|twice|once)"
)
_MAGNITUDE = r"(?:\s?(?:hundred|thousand|million|billion|trillion|bn|m|k)\b)?"
_DIGITS = r"(?:[$£€¥]\s?)?\d[\d,]*(?:\.\d+)?(?:st|nd|rd|th)?%?" + _MAGNITUDE
_QUANTITY = re.compile(
    rf"(?<![\w$£€¥])(?:(?:tens|hundreds) of thousands|{_DIGITS}|{_NUMBER_WORD}"
    rf"(?:[- ](?:{_NUMBER_WORD}))*)(?:-\w+)?"
    r"(?:\s(?:per ?cent|percent))?",
    re.IGNORECASE,
)
# The noun counted by a quantity: "of troops", or a plain noun right after it.
_COUNTED = re.compile(r"\s(?:of\s)?([a-z][a-z-]+)")
_NOT_COUNTED = frozenset(
    "of and or to in on at by for the a an is are was were has have had will would "
    "who which that than as per".split()
)
_YEAR = re.compile(r"^(?:1\d{3}|20\d{2})$")


def extract_numbers(sentence: Sentence) -> Iterator[Candidate]:
    """Yield quantities of ``sentence``: the number alone, and with its counted noun."""
    text = sentence.passage.text
    for match in _QUANTITY.finditer(text):
        start, end = match.span()
        expression = match.group(0)
        if _YEAR.match(expression) or not expression.strip():
            continue
        span = token_range(sentence.tokens, start, end)
        if span is None:
            continue
        first, last = span
        has_digit = any(char.isdigit() for char in expression)
        fit = 1.0 if has_digit else 0.8
        yield Candidate(sentence, first, last, "number", fit)
        counted = _COUNTED.match(text, end)
        if counted and counted.group(1) not in _NOT_COUNTED:
            noun_span = token_range(sentence.tokens, start, counted.end())
            if noun_span is not None and noun_span[1] > last:
                yield Candidate(sentence, first, noun_span[1], "number+noun", fit)
