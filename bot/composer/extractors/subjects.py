"""Who did it: the noun phrase before the question's own verb.

"Who reported the offer?" is answered by whoever stands before "reported" in
"..., Russia's Kommersant newspaper reported, ...", and "who called the strike?"
by "Two unions called the strike": a doer that is neither a person's name nor
introduced by "by" (those have their own extractors). Only questions whose
wh-word is the subject of their verb ask for it.
"""

from __future__ import annotations

from collections.abc import Iterator

from bot.composer.candidates import Candidate, Sentence
from bot.composer.extractors.verb_uses import question_verbs, verb_uses
from bot.composer.lexicon import AUXILIARIES, DETERMINERS, FUNCTION_WORDS, NEGATIONS
from bot.composer.questions import QuestionAnalysis
from bot.composer.tokens import Token
from bot.composer.word_classes import WordClass, word_class

__all__ = ["extract_subjects"]

# The most words a subject may have ("Russia's Kommersant newspaper", "the two unions").
_SUBJECT_WORDS = 4
# Words that may stand between a subject and its verb ("has not called", "also said").
_BETWEEN = AUXILIARIES | NEGATIONS | frozenset({"also", "later", "then", "first"})
# How the doer fits a "who" question: as a bare "by X" agent does.
_SUBJECT_FIT = 0.6


def extract_subjects(sentence: Sentence, question: QuestionAnalysis) -> Iterator[Candidate]:
    """Yield the phrase before each use of the question's verb in ``sentence``."""
    if question.wh_role != "subject":
        return
    verbs = question_verbs(question)
    if not verbs:
        return
    tokens = sentence.tokens
    for index in verb_uses(sentence, verbs):
        end = index - 1
        while end >= 0 and index - end <= 3 and tokens[end].lower in _BETWEEN:
            end -= 1
        first = end
        while first >= 0 and end - first < _SUBJECT_WORDS and _in_noun_phrase(tokens[first]):
            first -= 1
        first += 1
        while first <= end and tokens[first].lower in DETERMINERS:
            first += 1  # "the newspaper" answers as "newspaper", as other spans do
        if first <= end and tokens[end].is_word and tokens[end].lower not in FUNCTION_WORDS:
            yield Candidate(sentence, first, end, "agent:subject", _SUBJECT_FIT)


def _in_noun_phrase(token: Token) -> bool:
    """A word a subject's noun phrase may hold: a determiner, a name, a noun or modifier."""
    if not token.is_word:
        return False
    if token.lower in DETERMINERS:
        return True
    if token.lower in FUNCTION_WORDS:
        return False
    return token.is_capitalized or word_class(token.lower) is not WordClass.VERB
