"""Scoring candidates: type fit, closeness to the question's words, passage relevance.

A candidate's score is a weighted sum of what speaks for it, minus what speaks
against it. The weights are few and named; they were set on the development data
and are shown by ``:why``:

- ``relevance``: how well its passage matches the question (0..1, best passage 1);
- ``type_fit``: how well it fits the expected type (a date for "when");
- ``closeness``: how near it stands to the question's words in its sentence;
- ``bonus``: rule-specific evidence (a quote introduced by the asked speech verb);
- ``echo``: the share of its words that the question already contains (the answer to
  "who called Putin a killer?" is not "Putin"); a candidate made only of question
  words is dropped;
- ``tense``: a past expression ("last week") for a question about the future.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.composer.candidates import Candidate
from bot.composer.questions import QuestionAnalysis

__all__ = ["ScoredCandidate", "score_candidate"]

RELEVANCE_WEIGHT = 0.40
TYPE_WEIGHT = 0.30
CLOSENESS_WEIGHT = 0.30
BONUS_WEIGHT = 0.20
ECHO_PENALTY = 0.45
TENSE_PENALTY = 0.20
LENGTH_PENALTY = 0.02  # per token beyond IDEAL_LENGTH
IDEAL_LENGTH = 4
# Tokens of distance at which closeness halves.
CLOSENESS_SCALE = 3.0


@dataclass(frozen=True, slots=True)
class ScoredCandidate:
    """A candidate with its score and the parts that made it, for ``:why``."""

    candidate: Candidate
    score: float
    parts: dict[str, float]


def score_candidate(candidate: Candidate, question: QuestionAnalysis) -> ScoredCandidate | None:
    """Score ``candidate`` for ``question``; None when it only repeats the question."""
    echo = _echo(candidate, question)
    if echo >= 1.0:
        return None
    parts = {
        "relevance": RELEVANCE_WEIGHT * candidate.sentence.relevance,
        "type_fit": TYPE_WEIGHT * candidate.type_fit,
        "closeness": CLOSENESS_WEIGHT * _closeness(candidate),
        "bonus": BONUS_WEIGHT * candidate.bonus,
        "echo": -ECHO_PENALTY * echo,
        "tense": -TENSE_PENALTY * _tense_clash(candidate, question),
        "length": -LENGTH_PENALTY * max(0, _word_count(candidate) - IDEAL_LENGTH),
    }
    return ScoredCandidate(candidate, sum(parts.values()), parts)


def _echo(candidate: Candidate, question: QuestionAnalysis) -> float:
    words = [token for token in candidate.tokens if token.is_word]
    if not words:
        return 1.0
    # The head noun of "what theorems ..." belongs in the answer ("hierarchy theorems").
    stems = question.content_stems - frozenset(question.head)
    return sum(token.stem in stems for token in words) / len(words)


def _closeness(candidate: Candidate) -> float:
    """1 next to a matched question word, falling off with distance; 0 with none."""
    matched = candidate.sentence.matched
    best = 0.0
    for index, is_match in enumerate(matched):
        if not is_match or candidate.first <= index <= candidate.last:
            continue
        distance = candidate.first - index if index < candidate.first else index - candidate.last
        best = max(best, 1.0 / (1.0 + (distance - 1) / CLOSENESS_SCALE))
    return best


def _tense_clash(candidate: Candidate, question: QuestionAnalysis) -> float:
    if candidate.rule == "date:past" and question.tense in {"present", "future"}:
        return 1.0
    if candidate.rule == "date:future" and question.tense == "past":
        return 0.5
    return 0.0


def _word_count(candidate: Candidate) -> int:
    return sum(1 for token in candidate.tokens if token.is_word)
