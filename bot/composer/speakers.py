"""Whose words a quote is: "what did the transport minister say?" is not answered by a
spokeswoman's quote, nor "what did Joana Ribeiro say?" by the winner's.

A quote is tied to the speaker asked about when its sentence names the speaker, names
someone the article gives the speaker's title, or says "he/she said" right after a
passage that names the speaker. Every check reads a bounded number of tokens and
passages: one search of at most a few hits, and the passage before.
"""

from __future__ import annotations

from bot.composer.candidates import Candidate
from bot.composer.lexicon import FUNCTION_WORDS, SPEECH_STEMS
from bot.composer.questions import QuestionAnalysis
from bot.composer.reader import ArticleReader
from bot.composer.tokens import Token, tokenize

__all__ = ["quotes_someone_else"]


def quotes_someone_else(
    candidate: Candidate, question: QuestionAnalysis, reader: ArticleReader, passage_index: int
) -> bool:
    """Whether a quote is not tied to the speaker asked about ("what did the minister say?").

    It is tied when its sentence names the speaker outside the quote ("Transport
    Minister Ana Ruiz said"); when it names someone the article gives the
    speaker's title elsewhere ("Ruiz said", and "Minister Ana Ruiz" in another
    passage); or when a pronoun says it ("he said") and the passage before names
    the speaker. A spokeswoman's words are not the minister's.
    """
    head = question.speaker[-1]
    outside = [
        token
        for index, token in enumerate(candidate.sentence.tokens)
        if token.is_word and not candidate.first <= index <= candidate.last
    ]
    if any(token.stem == head for token in outside):
        return False
    names = {t.stem for t in outside if t.is_capitalized and t.lower not in FUNCTION_WORDS}
    article = reader.article_number(passage_index)
    if names:
        for hit in reader.knowledge.retriever.search(" ".join(question.speaker), k=_SPEAKER_HITS):
            if reader.article_number(hit.passage.index) == article and _titled(
                [token.stem for token in tokenize(hit.passage.text)], head, names
            ):
                return False
    if _said_by_pronoun(outside):
        passages = reader.knowledge.retriever.passages
        for index in reader.neighbours(passage_index):
            if index < passage_index and head in {t.stem for t in tokenize(passages[index].text)}:
                return False
    return True


def _said_by_pronoun(words: list[Token]) -> bool:
    """ "..., she said", "said he": a pronoun right beside a speech verb gives the speaker."""
    return any(
        word.lower in _PRONOUNS
        and any(other.stem in SPEECH_STEMS for other in words[max(0, at - 1) : at + 2])
        for at, word in enumerate(words)
    )


def _titled(stems: list[str], head: str, names: set[str]) -> bool:
    """Whether one of ``names`` stands within a few words of the title ``head``."""
    return any(
        stem == head
        and not names.isdisjoint(stems[max(0, at - _TITLE_REACH) : at + _TITLE_REACH + 1])
        for at, stem in enumerate(stems)
    )


# Passages searched for the speaker's title beside a name the quote's sentence gives.
_SPEAKER_HITS = 10
# The most words between a title and the name it goes with ("Governor Verónica Ibáñez").
_TITLE_REACH = 3
_PRONOUNS = frozenset({"he", "she", "they"})
