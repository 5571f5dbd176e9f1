"""Details that pin a question's event: a year or a number it names.

"How many seats did Rural Voice win in 2021?" asks about the 2021 election; a sentence
about this year's vote answers another question, however well its words match.
SQuAD's unanswerable questions often swap such a detail ("who patented a steam engine
in 1883?" against a sentence of 1698), and news questions pin an event by its year.
"""

from __future__ import annotations

import re
from functools import lru_cache

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
    years, numbers = _pinned(question.text, question.answer_type)
    if not years and not numbers:
        return False  # most questions: nothing to look for in the sentence
    text = text.lower()
    if years and not any(_said_in(year, hundreds, text) for year, hundreds in years):
        return True
    if not numbers:
        return False
    said = {number.replace(",", "") for number in _NUMBER.findall(text)}
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
    numbers = frozenset(
        number.replace(",", "")
        for number in _NUMBER.findall(question_text)
        if not _YEAR.fullmatch(number)
    )
    return years, numbers


def _said_in(year: str, hundreds: str, text: str) -> bool:
    """Whether ``text`` says the year, or for "the 1700s" also "the 18th century"."""
    if year in text:
        return True
    if not (hundreds and year.endswith("00")):
        return False
    century = int(year[:2]) + 1
    return f"{century}th century" in text or f"{century}th-century" in text


# A year as questions write it: "in 2021", "in the 1940's", "the 1700s" (its first four
# digits, and the "s" of a span of years).
_YEAR = re.compile(r"\b(1\d{3}|20\d{2})(?!\d)('?s)?")
# A number written in digits, whole: "8", "10,000", "9.81" (not a part of "G7" or "3D",
# nor of a name joined to it by a hyphen: "Norvane-1", "Calder-2", "COVID-19").
_NUMBER = re.compile(r"(?<![\w.,])(?<![^\W\d_]-)(\d[\d,.]{0,20}\d|\d)(?!\w)")
