"""Running the bot over an :class:`EvalSet` and aggregating what it got right.

Each question is answered through the same :func:`bot.composer.answer` the
front-ends use (a fresh conversation per question, so no follow-up context
leaks between unrelated questions). The results are aggregated per set and per
question type.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np

from bot.answers import Answer
from bot.composer import ComposerOptions, answer, ranked_passages
from bot.evaluation.datasets import EvalQuestion, EvalSet
from bot.evaluation.metrics import best_exact, best_f1
from bot.knowledge import Knowledge

__all__ = ["Outcome", "SetReport", "TypeReport", "score_set", "summarize"]

RECALL_DEPTHS = (1, 3, 5)
# A question counts as a hit when its short answer overlaps a gold answer this much.
HIT_F1 = 0.5


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one question."""

    question: EvalQuestion
    answer: Answer
    exact: float
    f1: float
    retrieved: tuple[int, ...]  # passage indexes, best first, by the plain retriever
    ranked: tuple[int, ...]  # passage indexes, best first, as the composer ranks them
    seconds: float
    echo_f1: float = 0.0  # F1 of the retriever's best sentence, given whole (a baseline)

    @property
    def declined(self) -> bool:
        return self.answer.short_answer is None

    @property
    def correct(self) -> bool:
        """Right for its kind: a hit when answerable, declined when not."""
        if self.question.answerable:
            return self.f1 >= HIT_F1
        return self.declined


@dataclass(frozen=True, slots=True)
class TypeReport:
    """Aggregates over the questions of one type (or all of them)."""

    count: int
    answerable: int
    exact: float
    f1: float
    hit_rate: float
    declined_answerable: float
    unanswerable_accuracy: float | None
    overall_f1: float
    abstention_rate: float

    @classmethod
    def of(cls, outcomes: list[Outcome]) -> TypeReport:
        answerable = [o for o in outcomes if o.question.answerable]
        unanswerable = [o for o in outcomes if not o.question.answerable]
        per_question_f1 = [o.f1 if o.question.answerable else float(o.declined) for o in outcomes]
        return cls(
            count=len(outcomes),
            answerable=len(answerable),
            exact=_percent(o.exact for o in answerable),
            f1=_percent(o.f1 for o in answerable),
            hit_rate=_percent(float(o.f1 >= HIT_F1) for o in answerable),
            declined_answerable=_percent(float(o.declined) for o in answerable),
            unanswerable_accuracy=(
                _percent(float(o.declined) for o in unanswerable) if unanswerable else None
            ),
            overall_f1=_percent(per_question_f1),
            abstention_rate=_percent(float(o.declined) for o in outcomes),
        )


@dataclass(frozen=True, slots=True)
class SetReport:
    """The whole report for one evaluation set."""

    name: str
    overall: TypeReport
    by_type: dict[str, TypeReport]
    recall: dict[int, float]  # of the plain TF-IDF retriever
    ranked_recall: dict[int, float]  # of the composer's ranking (coverage, neighbours)
    latency_ms: dict[str, float]
    always_decline_f1: float
    echo_f1: float  # answerable F1 of giving the retriever's best sentence whole
    outcomes: list[Outcome] = field(repr=False)


def score_set(
    eval_set: EvalSet,
    options: ComposerOptions,
    progress: Callable[[int], None] | None = None,
    knowledge: Knowledge | None = None,
) -> SetReport:
    """Answer every question of ``eval_set`` and aggregate the results."""
    knowledge = knowledge or Knowledge.from_article(eval_set.article)
    outcomes = []
    for number, question in enumerate(eval_set.questions, start=1):
        outcomes.append(_run_one(question, knowledge, options))
        if progress is not None:
            progress(number)
    return summarize(eval_set.name, outcomes)


def summarize(name: str, outcomes: list[Outcome]) -> SetReport:
    """Aggregate outcomes (of one set, or of several sets together) into a report."""
    by_type: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        by_type.setdefault(outcome.answer.question_type, []).append(outcome)
    seconds = np.array([o.seconds for o in outcomes]) * 1000.0
    return SetReport(
        name=name,
        overall=TypeReport.of(outcomes),
        by_type={kind: TypeReport.of(items) for kind, items in sorted(by_type.items())},
        recall=_recall(outcomes, lambda o: o.retrieved),
        ranked_recall=_recall(outcomes, lambda o: o.ranked),
        latency_ms={
            "mean": float(seconds.mean()) if len(seconds) else 0.0,
            "p50": float(np.percentile(seconds, 50)) if len(seconds) else 0.0,
            "p95": float(np.percentile(seconds, 95)) if len(seconds) else 0.0,
        },
        always_decline_f1=_percent(float(not o.question.answerable) for o in outcomes),
        echo_f1=_percent(o.echo_f1 for o in outcomes if o.question.answerable),
        outcomes=outcomes,
    )


def _recall(
    outcomes: list[Outcome], ranking: Callable[[Outcome], tuple[int, ...]]
) -> dict[int, float]:
    """Share of questions with a gold sentence whose ranking has one in its first k."""
    located = [o for o in outcomes if o.question.answerable and o.question.gold_passages]
    return {
        depth: _percent(
            float(bool(o.question.gold_passages & set(ranking(o)[:depth]))) for o in located
        )
        for depth in RECALL_DEPTHS
    }


def _run_one(question: EvalQuestion, knowledge: Knowledge, options: ComposerOptions) -> Outcome:
    started = time.perf_counter()
    result = answer(question.question, knowledge, None, options)
    seconds = time.perf_counter() - started
    hits = knowledge.retriever.search(question.question, k=max(RECALL_DEPTHS))
    retrieved = tuple(hit.passage.index for hit in hits)
    echo = best_f1(hits[0].passage.text, question.answers) if hits and question.answerable else 0.0
    ranked = tuple(
        passage.index for passage in ranked_passages(question.question, knowledge, options)
    )
    prediction = result.short_answer
    if prediction is None or not question.answerable:
        exact = f1 = 0.0
    else:
        exact = best_exact(prediction, question.answers)
        f1 = best_f1(prediction, question.answers)
    return Outcome(question, result, exact, f1, retrieved, ranked, seconds, echo)


def _percent(values: Iterable[float]) -> float:
    items = list(values)
    return 100.0 * sum(items) / len(items) if items else 0.0
