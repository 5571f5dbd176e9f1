"""Scoring candidates: evidence for the answer, scaled by how well its type fits.

A candidate's score is its *evidence*, a weighted sum of what speaks for it minus
what speaks against it, multiplied by its *type fit*: a phrase that is not a date
can still answer "when" when nothing else does, but it starts far behind. The
weights are few and named; they were set on the development data (see
docs/BENCHMARKS.md) and each part is shown by ``:why``:

- ``relevance``: how well its passage matches the question (0..1, best passage 1);
- ``closeness``: how near it stands to a word of the question in its sentence;
- ``context``: the idf-weighted share of the question's words within a few tokens
  of it (an answer sits among the words it answers);
- ``bonus``: rule-specific evidence (a quote introduced by the asked speech verb),
  and a small preference for the head-noun rules of "what/which + noun";
- ``echo``: the share of its words that the question already contains (the answer to
  "who called Putin a killer?" is not "Putin"); one made only of question words is
  dropped;
- ``tense``: a past expression ("last week") for a question about the future;
- ``length``: a little per word beyond ``IDEAL_LENGTH``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from bot.composer.candidates import Candidate
from bot.composer.questions import QuestionAnalysis
from bot.composer.reader import WordWeights

__all__ = ["ScoredCandidate", "score_candidate", "score_parts", "upper_bound"]

RELEVANCE_WEIGHT = 1.0
CLOSENESS_WEIGHT = 0.2
CONTEXT_WEIGHT = 0.2
CONTEXT_WINDOW = 10  # tokens on either side
BONUS_WEIGHT = 0.2
HEAD_RULE_BONUS = 0.05
ECHO_PENALTY = 0.2
TENSE_PENALTY = 0.2
LENGTH_PENALTY = 0.02  # per word beyond IDEAL_LENGTH
IDEAL_LENGTH = 4
# A candidate of the wrong type keeps this share of its evidence.
TYPE_FLOOR = 0.2
# Tokens of distance at which closeness halves.
CLOSENESS_SCALE = 3.0


@dataclass(frozen=True, slots=True)
class ScoredCandidate:
    """A candidate and its score."""

    candidate: Candidate
    score: float


def score_candidate(
    candidate: Candidate, question: QuestionAnalysis, weights: WordWeights
) -> ScoredCandidate | None:
    """Score ``candidate``; ``weights`` are the question's stems' idf. None if it only echoes."""
    parts = score_parts(candidate, question, weights)
    if parts is None:
        return None
    fit = parts.pop("type_fit")
    return ScoredCandidate(candidate, sum(parts.values()) * fit)


def score_parts(
    candidate: Candidate, question: QuestionAnalysis, weights: WordWeights
) -> dict[str, float] | None:
    """The weighted parts of a candidate's score (shown by ``:why``); None if it only echoes."""
    sentence = candidate.sentence
    words = sentence.word_count(candidate.first, candidate.last)
    if not words:
        return None
    echo = sentence.echo_count(candidate.first, candidate.last) / words
    if echo >= 1.0:
        return None
    head_rule = HEAD_RULE_BONUS if candidate.rule.startswith("head:") else 0.0
    return {
        "relevance": RELEVANCE_WEIGHT * sentence.relevance,
        "closeness": CLOSENESS_WEIGHT * _closeness(candidate),
        "context": CONTEXT_WEIGHT * _context(candidate, weights),
        "bonus": BONUS_WEIGHT * candidate.bonus + head_rule,
        "echo": -ECHO_PENALTY * echo,
        "tense": -TENSE_PENALTY * _tense_clash(candidate, question),
        "length": -LENGTH_PENALTY * max(0, words - IDEAL_LENGTH),
        "type_fit": TYPE_FLOOR + (1.0 - TYPE_FLOOR) * candidate.type_fit,
    }


def upper_bound(candidate: Candidate) -> float:
    """The most ``candidate`` could score: closeness and context at 1, no penalty."""
    head_rule = HEAD_RULE_BONUS if candidate.rule.startswith("head:") else 0.0
    evidence = (
        RELEVANCE_WEIGHT * candidate.sentence.relevance
        + CLOSENESS_WEIGHT
        + CONTEXT_WEIGHT
        + BONUS_WEIGHT * candidate.bonus
        + head_rule
    )
    return evidence * (TYPE_FLOOR + (1.0 - TYPE_FLOOR) * candidate.type_fit)


def _closeness(candidate: Candidate) -> float:
    """1 next to a matched question word, falling off with distance; 0 with none."""
    matches = candidate.sentence.matches
    before = bisect_left(matches, candidate.first) - 1
    after = bisect_right(matches, candidate.last)
    distances = []
    if before >= 0:
        distances.append(candidate.first - matches[before])
    if after < len(matches):
        distances.append(matches[after] - candidate.last)
    if not distances:
        return 0.0
    return 1.0 / (1.0 + (min(distances) - 1) / CLOSENESS_SCALE)


def _context(candidate: Candidate, weights: WordWeights) -> float:
    """The idf-weighted share of question words found within the window around it."""
    if not weights.total:
        return 0.0
    tokens = candidate.sentence.tokens
    low = candidate.first - CONTEXT_WINDOW
    high = candidate.last + CONTEXT_WINDOW
    seen = {
        tokens[index].stem
        for index in candidate.sentence.matches
        if low <= index <= high and not candidate.first <= index <= candidate.last
    }
    return sum(weights.by_stem.get(stem, 0.0) for stem in seen) / weights.total


def _tense_clash(candidate: Candidate, question: QuestionAnalysis) -> float:
    if candidate.rule == "date:past" and question.tense in {"present", "future"}:
        return 1.0
    if candidate.rule == "date:future" and question.tense == "past":
        return 0.5
    return 0.0
