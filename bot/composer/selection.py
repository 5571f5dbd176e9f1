"""Choosing the answer: pool sentences, rank them, score their spans, weigh the result.

The rules and the fitted weights meet here::

    question words ─ TF-IDF search ─ pool (hits and their neighbours)
      → sentence ranker (sentence_features · weights) → best READ_SENTENCES sentences
      → extractors propose spans → span scorer (span_features · weights) → best span
      → abstention model (abstention_features · weights) → P(the article answers it)

Everything a model weighs is measured by the feature modules, and the spans it
may choose from are those :mod:`bot.composer.eligibility` admits; the weights come
from :mod:`bot.composer.weights`. The training tables
(:mod:`bot.evaluation.training`) are built by these same functions, so what the
weights were fitted on is exactly what they are applied to.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from bot.composer.abstention_features import (
    AnswerEvidence,
    QuestionFacts,
    abstention_features,
    question_facts,
    window_facts,
)
from bot.composer.candidates import Candidate, rule_family
from bot.composer.eligibility import candidate_spans
from bot.composer.extraction import counts_asked_thing, has_typed_phrase
from bot.composer.questions import QuestionAnalysis
from bot.composer.reader import ArticleReader, WordWeights
from bot.composer.sentence_features import PooledSentence, sentence_features
from bot.composer.span_features import span_features
from bot.composer.weights import AnswerWeights, LinearModel

__all__ = [
    "READ_MARGIN",
    "READ_SENTENCES",
    "RankedSentence",
    "ScoredSpan",
    "Selection",
    "full_name_first",
    "pool_features",
    "pool_sentences",
    "rank_sentences",
    "read_sentences",
    "same_answer",
    "select_answer",
    "sentence_window",
    "span_share",
]

# Retrieval hits taken into the pool (with their neighbours) before ranking. Held apart
# (4 folds by article), 8 scores as well as 12 (SQuAD F1 40.8 vs 40.7, news dev 55.6 vs
# 55.1) and 6 a little worse (40.6); 8 reads a third fewer sentences than 12, which is
# most of a new article's first answer.
SEARCH_DEPTH = 8
# Sentences whose spans are scored: the gold sentence is among the ranker's best
# three for 89% of answerable development questions, and among its best one for 75%.
READ_SENTENCES = 3
# A sentence this far below the best in ranker score (log-odds) is not read for spans:
# its spans rarely win, and not reading them cut the seed's warm answer from 0.63 to
# 0.53 ms (p50) while scoring the same held apart (SQuAD F1 40.9, news dev 55.1).
READ_MARGIN = 3.0


# A full name is preferred to its surname alone when it scores at most this much lower
# (log-odds), among the best few spans.
_SAME_NAME_MARGIN = 0.5
_NAMES_LOOKED_AT = 6


@dataclass(frozen=True, slots=True)
class RankedSentence:
    """A pooled sentence, its features and its ranker score."""

    index: int  # position in the retriever
    cosine: float
    features: tuple[float, ...]
    score: float


class ScoredSpan(NamedTuple):
    """A candidate span and its span-scorer score (a named tuple, as candidates are: a
    question scores dozens, and a tuple is built several times faster than a frozen
    dataclass)."""

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
    # What the abstention model read of the question (None when no span was weighed):
    # the composer's decline rules ask the same of it.
    facts: QuestionFacts | None = None


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
    texts = [passages[item.index].text for item in pool]
    typed = [has_typed_phrase(text, question, reader) for text in texts]
    counted = [counts_asked_thing(text, question, reader) for text in texts]
    return sentence_features(question, pool, reader, weights, typed=typed, counted=counted)


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
    spans = _score_spans(
        question, read_sentences(ranked, reader), reader, weights, answer_weights.span
    )
    if not spans:
        return Selection(tuple(ranked), (), 0.0, 0.0)
    evidence = _evidence(question, reader, weights, ranked, spans)
    facts = question_facts(question, reader, weights)
    row = abstention_features(facts, evidence)
    return Selection(
        tuple(ranked),
        tuple(spans),
        _sigmoid(answer_weights.abstention.score(row)),
        _sigmoid(answer_weights.passage.score(row)),
        facts,
    )


def read_sentences(ranked: list[RankedSentence], reader: ArticleReader) -> list[RankedSentence]:
    """The sentences whose spans are scored: the best few, near the best in score, and
    of the best one's article. With several articles loaded the ranker picks the
    article; a span from another ("95 million euros" for the pier's restoration,
    beside a train's cost) answers a question about something else.
    """
    best = ranked[0]
    article = reader.article_number(best.index)
    return [
        item
        for item in ranked[:READ_SENTENCES]
        if item.score >= best.score - READ_MARGIN and reader.article_number(item.index) == article
    ]


def _score_spans(
    question: QuestionAnalysis,
    sentences: list[RankedSentence],
    reader: ArticleReader,
    weights: WordWeights,
    model: LinearModel,
) -> list[ScoredSpan]:
    best_score = sentences[0].score
    scored = []
    for rank, ranked in enumerate(sentences):
        _, candidates = candidate_spans(question, ranked.index, reader)
        relative = ranked.score - best_score
        for candidate in candidates:
            row = span_features(candidate, question, weights, relative, rank == 0)
            scored.append(ScoredSpan(candidate, model.score(row), rank))
    scored.sort(key=lambda item: (-item.score, item.rank, item.candidate.first))
    return _full_name_first(scored)


def _full_name_first(scored: list[ScoredSpan]) -> list[ScoredSpan]:
    order = full_name_first(
        [item.candidate.text for item in scored],
        [rule_family(item.candidate.rule) == "name" for item in scored],
        [item.score for item in scored],
    )
    return [scored[at] for at in order]


def full_name_first(
    texts: Sequence[str], names: Sequence[bool], scores: Sequence[float]
) -> list[int]:
    """The spans' order (given best first) with the best one's name in full first, when
    a span naming it so scores nearly as well: "Joe Biden" of "PRESIDENT Joe Biden will
    meet ..." over "Biden" of the headline. The two are one answer; the fuller says who.
    Shared with the fitting, which must choose as the composer does."""
    order = list(range(len(texts)))
    if not texts or not names[0]:
        return order
    for at in order[1:_NAMES_LOOKED_AT]:
        if scores[0] - scores[at] > _SAME_NAME_MARGIN:
            break
        if names[at] and _in_full(texts[at], texts[0]):
            return [at, *order[:at], *order[at + 1 :]]
    return order


def _in_full(full: str, short: str) -> bool:
    """Whether ``full`` ends in the words of ``short`` and has more ("Joe Biden", "Biden")."""
    full_words, short_words = full.lower().split(), short.lower().split()
    return len(full_words) > len(short_words) and full_words[-len(short_words) :] == short_words


def same_answer(one: str, other: str) -> bool:
    """Whether two spans give one answer: the same words, or a name and its end ("Biden",
    "Joe Biden"). The runner-up the abstention model weighs gives another."""
    return one.lower() == other.lower() or _in_full(one, other) or _in_full(other, one)


def _evidence(
    question: QuestionAnalysis,
    reader: ArticleReader,
    weights: WordWeights,
    ranked: list[RankedSentence],
    spans: list[ScoredSpan],
) -> AnswerEvidence:
    best = spans[0]
    words = best.candidate.text
    runner_up = next(
        (item.score for item in spans[1:] if not same_answer(item.candidate.text, words)), None
    )
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
