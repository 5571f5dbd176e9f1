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

from dataclasses import dataclass

from bot.composer.candidates import Candidate
from bot.composer.questions import QuestionAnalysis

__all__ = ["ScoredCandidate", "score_candidate"]

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
    """A candidate with its score and the parts that made it, for ``:why``."""

    candidate: Candidate
    score: float
    parts: dict[str, float]


def score_candidate(
    candidate: Candidate, question: QuestionAnalysis, weights: dict[str, float]
) -> ScoredCandidate | None:
    """Score ``candidate``; ``weights`` are the question's stems' idf. None if it only echoes."""
    echo = _echo(candidate, question)
    if echo >= 1.0:
        return None
    head_rule = HEAD_RULE_BONUS if candidate.rule.startswith("head:") else 0.0
    parts = {
        "relevance": RELEVANCE_WEIGHT * candidate.sentence.relevance,
        "closeness": CLOSENESS_WEIGHT * _closeness(candidate),
        "context": CONTEXT_WEIGHT * _context(candidate, weights),
        "bonus": BONUS_WEIGHT * candidate.bonus + head_rule,
        "echo": -ECHO_PENALTY * echo,
        "tense": -TENSE_PENALTY * _tense_clash(candidate, question),
        "length": -LENGTH_PENALTY * max(0, _word_count(candidate) - IDEAL_LENGTH),
    }
    fit = TYPE_FLOOR + (1.0 - TYPE_FLOOR) * candidate.type_fit
    parts["type_fit"] = fit
    return ScoredCandidate(
        candidate, sum(v for k, v in parts.items() if k != "type_fit") * fit, parts
    )


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


def _context(candidate: Candidate, weights: dict[str, float]) -> float:
    """The idf-weighted share of question words found within the window around it."""
    total = sum(weights.values())
    if not total:
        return 0.0
    tokens = candidate.sentence.tokens
    matched = candidate.sentence.matched
    low = max(0, candidate.first - CONTEXT_WINDOW)
    high = min(len(tokens), candidate.last + 1 + CONTEXT_WINDOW)
    seen = {
        tokens[index].stem
        for index in range(low, high)
        if matched[index] and not candidate.first <= index <= candidate.last
    }
    return sum(weights.get(stem, 0.0) for stem in seen) / total


def _tense_clash(candidate: Candidate, question: QuestionAnalysis) -> float:
    if candidate.rule == "date:past" and question.tense in {"present", "future"}:
        return 1.0
    if candidate.rule == "date:future" and question.tense == "past":
        return 0.5
    return 0.0


def _word_count(candidate: Candidate) -> int:
    return sum(1 for token in candidate.tokens if token.is_word)
