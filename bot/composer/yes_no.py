"""Yes/no and either/or questions: answered from the best passage's wording.

"Has a location been agreed?" is answered "No" when the passage that best covers
the question's words negates near them ("no specific date or location has yet
been agreed"), "Yes" otherwise. "Is it A or B?" is answered with whichever option
the passage states.
"""

from __future__ import annotations

from bot.composer.candidates import Sentence
from bot.composer.lexicon import NEGATIONS
from bot.composer.questions import QuestionAnalysis

__all__ = ["decide_yes_no"]

# Negation this close (in tokens) to a matched question word governs it.
_NEGATION_WINDOW = 6


def decide_yes_no(sentence: Sentence, question: QuestionAnalysis) -> tuple[str, int, int]:
    """The short answer and its token span in ``sentence`` (the span is the evidence)."""
    tokens = sentence.tokens
    for option in question.alternatives:
        lowered = option.lower()
        for index, token in enumerate(tokens):
            if token.lower == lowered:
                return option, index, index
    matches = [index for index, matched in enumerate(sentence.matched) if matched]
    for index, token in enumerate(tokens):
        negated = (
            token.lower in NEGATIONS
            or token.lower.endswith("n't")
            or (token.lower == "yet" and index > 0 and tokens[index - 1].lower in {"has", "have"})
        )
        if negated and any(abs(index - match) <= _NEGATION_WINDOW for match in matches):
            return "No", index, index
    if matches:
        return "Yes", matches[0], matches[0]
    return "Yes", 0, 0
