"""The short answer's last touches: the words of the span that are not the answer.

The span an extractor proposes can carry what the reply should not: a possessive
("Canada's" for "which country?"), a trailing comma, or an age's "-year-old"
("22" answers "how old is Ana Ruiz?"). Trimming moves the span's end, so the offsets
still point at the article's own characters.
"""

from __future__ import annotations

import re

from bot.composer.questions import QuestionAnalysis
from bot.composer.span_features import asked_quantity

__all__ = ["trimmed_end"]

_AGE = re.compile(r"(\d{1,3})-year-old")
_POSSESSIVES = ("'s", "’s")
_TRAILING = ",;:-–—"


def trimmed_end(span: str, question: QuestionAnalysis) -> int:
    """How many characters of ``span`` to keep (its length when nothing is trimmed)."""
    if asked_quantity(question) == "age":
        age = _AGE.fullmatch(span)
        if age:
            return len(age.group(1))
    end = len(span)
    if span.endswith(_POSSESSIVES) and end > 2:
        end -= 2
    kept = span[:end].rstrip(_TRAILING + " ")
    return len(kept) or end
