"""Details that pin a question's event: a year or a number it names.

"How many seats did Rural Voice win in 2021?" asks about the 2021 election; a sentence
about this year's vote answers another question, however well its words match.
SQuAD's unanswerable questions often swap such a detail ("who patented a steam engine
in 1883?" against a sentence of 1698), and news questions pin an event by its year.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.composer.lexicon import SMALL_NUMBERS
from bot.composer.questions import AnswerType, QuestionAnalysis

__all__ = ["pinned_unsaid"]


def pinned_unsaid(question: QuestionAnalysis, text: str) -> bool:
    """Whether the question names a year or a number that ``text`` (a sentence) does not:
    "how many seats did Rural Voice win in 2021?" is not answered by "The Greens won 14
    seats and the agrarian Rural Voice party 9" (this year's election), nor "who patented
    a steam engine in 1883?" by a sentence of 1698, nor "how did the Yuan come to have the
    8 schools of medicine?" by one about four schools. Such a detail pins the event; a
    sentence without it answers another question. A date question asks for the date, so
    its years are not checked, nor a number question's numbers."""
    text_lower = text.lower()
    if _earlier_unsaid(question, text_lower):
        return True
    years, numbers = _pinned(question.text, question.answer_type)
    if not years and not numbers:
        return False  # most questions: nothing to look for in the sentence
    text = text_lower
    if years and not any(_said_in(year, hundreds, text) for year, hundreds in years):
        return True
    if not numbers:
        return False
    said = {number.replace(",", "") for number in _NUMBER.findall(text)}
    said |= {_DIGITS[word] for word in _COUNT_WORD.findall(text)}  # "four schools": 4
    return not numbers <= said


@lru_cache(maxsize=1024)
def _pinned(
    question_text: str, answer_type: AnswerType
) -> tuple[tuple[tuple[str, str], ...], frozenset[str]]:
    """The question's years (with the "s" of a span of years) and its other numbers, once
    per question rather than once per sentence read."""
    years = () if answer_type is AnswerType.DATE else tuple(_YEAR.findall(question_text))
    if answer_type is AnswerType.NUMBER:
        return years, frozenset()
    asked = _ASKED_COUNT.match(question_text.lower().lstrip())
    numbers = frozenset(
        number.replace(",", "")
        for number in _NUMBER.findall(question_text)
        if not _YEAR.fullmatch(number) and not (asked and number == asked.group(1))
    )
    return years, numbers


def _earlier_unsaid(question: QuestionAnalysis, text: str) -> bool:
    """Whether the question asks about an earlier occasion ("who won at Lake Louise last
    year?") of a sentence that speaks of no earlier time: no "last", "ago", "previous",
    "earlier", "before" nor a year."""
    if question.answer_type is AnswerType.DATE or not _EARLIER_ASKED.search(question.text.lower()):
        return False
    return _EARLIER_SAID.search(text) is None


# "last year", "last season", "a year ago": a question about an earlier occasion; and what
# a sentence says of one.
_EARLIER_ASKED = re.compile(r"\blast (?:year|season|month|week|time)\b|\b(?:year|years) ago\b")
_EARLIER_SAID = re.compile(
    r"\b(?:last|ago|previous|previously|earlier|before|former|formerly|since|until|"
    r"(?:1\d{3}|20\d{2}))\b"
)


def _said_in(year: str, hundreds: str, text: str) -> bool:
    """Whether ``text`` says the year; for "the 1700s" also a year in it ("1750") or "the
    18th century" (or "the 17th and 18th centuries"), for "the 1940s" a year in it."""
    if year in text:
        return True
    if not (hundreds and year.endswith("0")):
        return False
    # "the 1700s" is said by 1750, "the 1940s" and "the 2000s" by 1945 and 2004
    span = year[:2] if year.endswith("00") and year[1] != "0" else year[:3]
    if any(said.startswith(span) for said in _YEAR_SAID.findall(text)):
        return True
    if len(span) != 2:
        return False
    century = str(int(span) + 1)
    return century in _CENTURIES_SAID.findall(text)


# Years and centuries as a sentence says them: "1750"; "18th century", "18th-century",
# "the 17th and 18th centuries" (the ordinal before "and" is said too: a few words at
# most between an ordinal and the word "century").
_YEAR_SAID = re.compile(r"\b(?:1\d{3}|20\d{2})\b")
_CENTURIES_SAID = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)\b(?=(?:[ -]|[ -][a-z0-9]{1,10}(?: [a-z0-9]{1,10}){0,2} )"
    r"centur(?:y|ies)\b)"
)


# Number words a sentence may write for a question's digits ("the 4 schools": "four").
_DIGITS = {word: str(value) for word, value in SMALL_NUMBERS.items()}
_COUNT_WORD = re.compile(r"\b(" + "|".join(_DIGITS) + r")\b")
# A count of the things asked for, not a detail of them: "what 3 things ...?", "what are
# the 3 most popular libraries?", "2 differences between ...".
_ASKED_COUNT = re.compile(r"(?:(?:what|which|name|list)(?: are| were)?(?: the)? )?(\d{1,2})\b")
# A year as questions write it: "in 2021", "in the 1940's", "the 1700s" (its first four
# digits, and the "s" of a span of years).
_YEAR = re.compile(r"\b(1\d{3}|20\d{2})(?!\d)('?s)?")
# A number written in digits, whole: "8", "10,000", "9.81" (not a part of "G7" or "3D",
# nor of a name joined to it by a hyphen: "Norvane-1", "Calder-2", "COVID-19").
_NUMBER = re.compile(r"(?<![\w.,])(?<![^\W\d_]-)(\d[\d,.]{0,20}\d|\d)(?!\w)")
