"""The short answer's last touches: the words of the span that are not the answer.

The span an extractor proposes can carry what the reply should not: a possessive
("Canada's" for "which country?"), a trailing comma, or an age's "-year-old"
("22" answers "how old is Ana Ruiz?"), or the other year of a lifespan ("1919" of
"1919–1980" answers "when was he born?", "1980" "when did he die?"). Trimming moves the
span's ends, so the offsets still point at the article's own characters.
"""

from __future__ import annotations

import re

from bot.composer.candidates import Candidate
from bot.composer.questions import QuestionAnalysis, asks_birth, asks_death
from bot.composer.span_features import asked_quantity

__all__ = ["lifespan", "trimmed"]

_AGE = re.compile(r"(\d{1,3})-year-old")
# The years of a life: "1919–1980", "1249-1314", "1862–90".
_LIFESPAN = re.compile(r"(\d{3,4}) ?[–-] ?(\d{2,4})")
_POSSESSIVES = ("'s", "’s")
_TRAILING = ",;:-–—"


def trimmed(span: str, question: QuestionAnalysis) -> tuple[int, int]:
    """Where the answer starts and ends in ``span`` (0 and its length when nothing is
    trimmed)."""
    years = _LIFESPAN.fullmatch(span)
    if years and asks_birth(question):
        return 0, years.end(1)
    if years and asks_death(question) and len(years.group(2)) > 2:
        return years.start(2), len(span)  # "1862–90" gives no year of death to quote
    if asked_quantity(question) == "age":
        age = _AGE.fullmatch(span)
        if age:
            return 0, age.end(1)
    end = len(span)
    if span.endswith(_POSSESSIVES) and end > 2:
        end -= 2
    kept = span[:end].rstrip(_TRAILING + " ")
    return 0, len(kept) or end


def lifespan(candidate: Candidate) -> bool:
    """ "1919–1980" of "John Gallagher (1919–1980)": the years of a life, in brackets right
    after a name."""
    tokens = candidate.sentence.tokens
    return (
        _LIFESPAN.fullmatch(candidate.text) is not None
        and candidate.first >= 2
        and tokens[candidate.first - 1].text == "("
        and tokens[candidate.first - 2].is_capitalized
    )
