"""Choosing the answer: pool sentences, rank them, score their spans, weigh the result.

The rules and the fitted weights meet here::

    question words ─ TF-IDF search ─ pool (hits and their neighbours)
      → sentence ranker (sentence_features · weights) → best READ_SENTENCES sentences
      → extractors propose spans → span scorer (span_features · weights) → best span
      → abstention model (abstention_features · weights) → P(the answer is right)

Everything a model weighs is measured by the feature modules; the weights come
from :mod:`bot.composer.weights`. The training tables
(:mod:`bot.evaluation.training`) are built by these same functions, so what the
weights were fitted on is exactly what they are applied to.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bot.composer.abstention_features import (
    AnswerEvidence,
    abstention_features,
    question_facts,
    window_facts,
)
from bot.composer.candidates import Candidate, Sentence
from bot.composer.extraction import date_spans, extract_candidates, has_typed_phrase
from bot.composer.matching import sentence_for
from bot.composer.questions import AnswerType, QuestionAnalysis
from bot.composer.reader import ArticleReader, WordWeights
from bot.composer.sentence_features import PooledSentence, sentence_features
from bot.composer.span_features import asked_quantity, kind_fits, rule_family, span_features
from bot.composer.weights import AnswerWeights, LinearModel

__all__ = [
    "READ_SENTENCES",
    "TYPED_FAMILIES",
    "RankedSentence",
    "ScoredSpan",
    "Selection",
    "candidate_spans",
    "pool_features",
    "pool_sentences",
    "rank_sentences",
    "select_answer",
    "sentence_window",
    "span_share",
]

# Retrieval hits taken into the pool (with their neighbours) before ranking: 12 scores as
# well as 20 held apart (SQuAD 40.7 F1, news dev 50.6) and reads half as many sentences.
SEARCH_DEPTH = 12
# Sentences whose spans are scored: the gold sentence is among the ranker's best
# three for 89% of answerable development questions, and among its best one for 75%.
READ_SENTENCES = 3


# The extractor families that may answer a question of each type (see candidate_spans).
TYPED_FAMILIES: dict[AnswerType, frozenset[str]] = {
    AnswerType.DATE: frozenset({"date"}),
    AnswerType.NUMBER: frozenset({"number"}),
    AnswerType.PERSON: frozenset({"name", "person", "agent", "head", "definition"}),
    AnswerType.LOCATION: frozenset({"name", "place", "head"}),
    AnswerType.ORGANIZATION: frozenset({"name", "head"}),
    AnswerType.DEFINITION: frozenset({"definition", "head"}),
    AnswerType.QUOTE: frozenset({"quote"}),
    AnswerType.REASON: frozenset({"clause"}),
    AnswerType.MANNER: frozenset({"clause"}),
}


_CAUSES = frozenset({"clause", "chunk"})
_ENTITY_TYPES = frozenset({AnswerType.PERSON, AnswerType.ORGANIZATION, AnswerType.LOCATION})


@dataclass(frozen=True, slots=True)
class RankedSentence:
    """A pooled sentence, its features and its ranker score."""

    index: int  # position in the retriever
    cosine: float
    features: tuple[float, ...]
    score: float


@dataclass(frozen=True, slots=True)
class ScoredSpan:
    """A candidate span and its span-scorer score."""

    candidate: Candidate
    score: float
    rank: int  # its sentence's place in the ranking, from 0


@dataclass(frozen=True, slots=True)
class Selection:
    """What the composer found: ranked sentences, scored spans, and how sure it is."""

    sentences: tuple[RankedSentence, ...]  # best first
    spans: tuple[ScoredSpan, ...]  # best first
    probability: float  # that spans[0] answers the question
    passage_probability: float  # that spans[0]'s sentence holds the answer


def pool_sentences(
    question: QuestionAnalysis, query: str, reader: ArticleReader, scope: int | None = None
) -> list[PooledSentence]:
    """The retrieval hits for ``query`` and their neighbours, in article order."""
    cosine = _search(query, reader, scope)
    indexes = set(cosine)
    for index in cosine:
        indexes.update(reader.neighbours(index))
    return [PooledSentence(index, cosine.get(index, 0.0)) for index in sorted(indexes)]


def rank_sentences(
    question: QuestionAnalysis,
    pool: list[PooledSentence],
    reader: ArticleReader,
    weights: WordWeights,
    model: LinearModel,
) -> list[RankedSentence]:
    """The pooled sentences scored by the sentence ranker, best first."""
    rows = pool_features(question, pool, reader, weights)
    ranked = [
        RankedSentence(item.index, item.cosine, row, model.score(row))
        for item, row in zip(pool, rows, strict=True)
    ]
    ranked.sort(key=lambda item: (-item.score, item.index))
    return ranked


def pool_features(
    question: QuestionAnalysis,
    pool: list[PooledSentence],
    reader: ArticleReader,
    weights: WordWeights,
) -> list[tuple[float, ...]]:
    """The sentence ranker's features of every pooled sentence."""
    passages = reader.knowledge.retriever.passages
    typed = [has_typed_phrase(passages[item.index].text, question, reader) for item in pool]
    return sentence_features(question, pool, reader, weights, typed)


def candidate_spans(
    question: QuestionAnalysis, passage_index: int, reader: ArticleReader
) -> tuple[Sentence, list[Candidate]]:
    """The sentence at ``passage_index`` and its distinct candidates that are not echoes.

    A question that wants a kind of thing only gets candidates of that kind: a
    date for "when", a quantity for "how many", a name, a role noun or an agent
    for "who", a description for "who is X?". When the sentence has none, it
    offers nothing: a generic noun phrase there is a confident wrong answer. A
    question about a person, organization or place never gets its own names back;
    a number inside a date ("April 13") never answers "how many"; "how old" wants
    an age and "how much does it cost" an amount of money.
    """
    sentence = sentence_for(reader.knowledge.retriever.passages[passage_index], question)
    allowed = TYPED_FAMILIES.get(question.answer_type)
    if question.answer_type is AnswerType.REASON and not question.text.lower().startswith(
        ("why", "how come")
    ):
        # "what caused the fire?" is answered by a noun phrase as often as by a clause.
        allowed = _CAUSES
    candidates = extract_candidates(sentence, question, reader)
    text = sentence.passage.text
    dates = date_spans(text, reader) if question.answer_type is AnswerType.NUMBER else []
    best: dict[tuple[int, int], Candidate] = {}
    for candidate in candidates:
        if allowed is not None and rule_family(candidate.rule) not in allowed:
            continue
        if _repeats_a_name(candidate, question) or _wrong_name(candidate, question):
            continue
        if _wrong_quantity(candidate, question, dates):
            continue
        words = sentence.word_count(candidate.first, candidate.last)
        if not words or sentence.echo_count(candidate.first, candidate.last) >= words:
            continue  # nothing but the question's own words
        key = (candidate.first, candidate.last)
        kept = best.get(key)
        if kept is None or (candidate.type_fit, candidate.bonus) > (kept.type_fit, kept.bonus):
            best[key] = candidate
    return sentence, list(best.values())


# The kinds of name that may answer each entity question ("name:person" is no place).
_NAME_KINDS = {
    AnswerType.PERSON: frozenset({"person", "organization", "unknown"}),
    AnswerType.ORGANIZATION: frozenset({"organization", "unknown"}),
    AnswerType.LOCATION: frozenset({"place", "organization", "unknown"}),
}


def _wrong_name(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """A name of a kind the question cannot want: a person for "where", a place for "who"."""
    kinds = _NAME_KINDS.get(question.answer_type)
    family, _, kind = candidate.rule.partition(":")
    return kinds is not None and family == "name" and kind not in kinds


def _repeats_a_name(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """A name the question itself says: the answer to "who called Putin a killer?" is not Putin.

    Nor is a nationality ("Russian") the answer to who, where or which organization.
    """
    if question.answer_type not in _ENTITY_TYPES:
        return False
    if candidate.rule == "name:adjective":
        return True
    return any(
        token.is_capitalized and token.stem in question.capital_stems
        for token in candidate.tokens
        if token.is_word
    )


def _wrong_quantity(
    candidate: Candidate, question: QuestionAnalysis, dates: list[tuple[int, int]]
) -> bool:
    """A day of a date is never an amount; an age or a price must read as one."""
    if any(first <= candidate.last and candidate.first <= last for first, last in dates):
        return rule_family(candidate.rule) == "number"
    if asked_quantity(question) in {"age", "money", "count"}:
        return not kind_fits(question, candidate)
    return False


def sentence_window(reader: ArticleReader, index: int) -> list[str]:
    """The texts of a passage and its neighbours in the same article."""
    passages = reader.knowledge.retriever.passages
    return [passages[index].text, *(passages[n].text for n in reader.neighbours(index))]


def select_answer(
    question: QuestionAnalysis,
    query: str,
    reader: ArticleReader,
    answer_weights: AnswerWeights,
    scope: int | None = None,
) -> Selection:
    """Rank, read and weigh: the composer's whole choice for one question."""
    weights = reader.stem_weights(question.content_stems)
    pool = pool_sentences(question, query, reader, scope)
    ranked = rank_sentences(question, pool, reader, weights, answer_weights.sentence)
    if not ranked:
        return Selection((), (), 0.0, 0.0)
    spans = _score_spans(question, ranked[:READ_SENTENCES], reader, weights, answer_weights.span)
    if not spans:
        return Selection(tuple(ranked), (), 0.0, 0.0)
    evidence = _evidence(question, reader, weights, ranked, spans)
    row = abstention_features(question_facts(question, reader, weights), evidence)
    return Selection(
        tuple(ranked),
        tuple(spans),
        _sigmoid(answer_weights.abstention.score(row)),
        _sigmoid(answer_weights.passage.score(row)),
    )


def _score_spans(
    question: QuestionAnalysis,
    sentences: list[RankedSentence],
    reader: ArticleReader,
    weights: WordWeights,
    model: LinearModel,
) -> list[ScoredSpan]:
    best_score = sentences[0].score
    coefficients, constant = model.folded
    scored = []
    for rank, ranked in enumerate(sentences):
        _, candidates = candidate_spans(question, ranked.index, reader)
        relative = ranked.score - best_score
        for candidate in candidates:
            row = span_features(candidate, question, weights, relative, rank == 0)
            score = constant + float(np.dot(coefficients, row))
            scored.append(ScoredSpan(candidate, score, rank))
    scored.sort(key=lambda item: (-item.score, item.rank, item.candidate.first))
    return scored


def _evidence(
    question: QuestionAnalysis,
    reader: ArticleReader,
    weights: WordWeights,
    ranked: list[RankedSentence],
    spans: list[ScoredSpan],
) -> AnswerEvidence:
    best = spans[0]
    words = best.candidate.text.lower()
    runner_up = next((s.score for s in spans[1:] if s.candidate.text.lower() != words), None)
    sentence = ranked[best.rank]
    return AnswerEvidence(
        span_score=best.score,
        runner_up_score=runner_up,
        sentence_score=sentence.score,
        best_sentence_score=ranked[0].score,
        second_sentence_score=ranked[1].score if len(ranked) > 1 else None,
        sentence_row=sentence.features,
        window=window_facts(
            question, weights, sentence_window(reader, sentence.index), reader.max_idf
        ),
        span_share=span_share([item.score for item in spans]),
        type_fit=best.candidate.type_fit,
        typed_rule=rule_family(best.candidate.rule) != "chunk",
    )


def span_share(scores: Sequence[float]) -> float:
    """The first (best) score's share of a softmax over all: how clearly it wins."""
    top = scores[0]
    return 1.0 / sum(math.exp(max(-50.0, score - top)) for score in scores)


def _search(query: str, reader: ArticleReader, scope: int | None) -> dict[int, float]:
    """Cosine scores of the best passages, by position; within one article when scoped."""
    retriever = reader.knowledge.retriever
    if not query.strip():
        return {}
    if scope is None:
        return {hit.passage.index: hit.score for hit in retriever.search(query, k=SEARCH_DEPTH)}
    scores = retriever.scores(query)
    if scores is None:
        return {}
    span = reader.knowledge.collection.passage_range(scope)
    local = scores[span.start : span.stop]
    best = np.argsort(-local, kind="stable")[:SEARCH_DEPTH]
    return {span.start + int(i): float(local[i]) for i in best if local[i] > 0}


def _sigmoid(value: float) -> float:
    if value < -60:
        return 0.0
    return 1.0 / (1.0 + math.exp(-value))
