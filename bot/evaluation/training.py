"""Training tables: every measure the composer's models weigh, for every development question.

The tables hold no model's output, only what the rules measure, so one pass over
the development data serves every fit (cross-validation folds included):

- per question, the pooled sentences' ranker features and which of them hold a
  gold answer;
- per question, the candidate spans of the sentences a ranker could read, with
  their span features (the two that depend on the sentence ranker's scores are
  filled in per fit, see :mod:`bot.evaluation.fitting`) and their F1 against
  the gold answers;
- per question, the facts the abstention model needs about the question alone.

Candidates are read from the :data:`READ_POOL` pooled sentences that a fixed rule
(retrieval cosine plus the window's coverage of the question) ranks first: wider
than the composer's own :data:`~bot.composer.selection.READ_SENTENCES`, so that
whichever sentences a fitted ranker puts first have their candidates here.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context

import numpy as np

from bot.composer.abstention_features import (
    WINDOW_FACTS,
    QuestionFacts,
    question_facts,
    window_facts,
)
from bot.composer.eligibility import candidate_spans
from bot.composer.normalization import clean_question
from bot.composer.questions import AnswerType
from bot.composer.reader import reader_for
from bot.composer.selection import (
    pool_features,
    pool_sentences,
    sentence_window,
)
from bot.composer.sentence_features import SENTENCE_FEATURES
from bot.composer.span_features import SPAN_FEATURES, span_features
from bot.composer.trimming import trimmed
from bot.composer.understanding import search_query, understand
from bot.evaluation.datasets import EvalQuestion, EvalSet
from bot.evaluation.metrics import best_f1
from bot.knowledge import Knowledge

__all__ = ["READ_POOL", "QuestionTable", "build_tables"]

READ_POOL = 6
_COSINE = SENTENCE_FEATURES.index("cosine_relative")
_WINDOW = SENTENCE_FEATURES.index("coverage_window")


@dataclass(frozen=True, slots=True)
class QuestionTable:
    """Everything measured about one question; arrays are row-aligned as described."""

    group: str  # the article's name: the unit held apart in cross-validation
    domain: str  # "news" or "encyclopedia": news questions weigh more in fitting
    question: EvalQuestion
    answer_type: str
    sentences: np.ndarray  # (pool, SENTENCE_FEATURES)
    gold: np.ndarray  # (pool,) bool: the pooled sentence holds a gold answer
    articles: np.ndarray  # (pool,) int: the article of each pooled sentence
    windows: np.ndarray  # (pool, WINDOW_FACTS), for the sentences read (0 elsewhere)
    spans: np.ndarray  # (candidates, SPAN_FEATURES); columns 0 and 1 to be filled
    span_sentence: np.ndarray  # (candidates,) int: the pool row of each candidate's sentence
    span_f1: np.ndarray  # (candidates,) F1 of the reply (trimmed) against the gold answers
    span_text: tuple[str, ...]  # lower-cased, to find the best span with other words
    facts: QuestionFacts

    @property
    def answerable(self) -> bool:
        return self.question.answerable


def build_tables(
    eval_sets: Sequence[EvalSet], progress: Callable[[int], None] | None = None
) -> list[QuestionTable]:
    """The tables of every span-answered question of ``eval_sets`` (yes/no ones are ruled).

    Stories that come from one file (a news set) are measured twice: each alone,
    and all of them loaded together, as a channel or a folder holds several
    articles; the second teaches the ranker what a matching headline is worth.

    Each article, and each file of stories, is measured in a process of its own,
    as many at once as the machine has cores: a question's measures are a few
    milliseconds of pure Python, and articles share nothing. The tables come back
    in the order of ``eval_sets`` whatever the number of processes (so a caller's
    main module must be importable without side effects, as multiprocessing's
    "spawn" asks). ``progress`` is told how many questions of the articles alone
    are done.
    """
    units = [(eval_set,) for eval_set in eval_sets] + [
        tuple(stories) for stories in _collections(eval_sets)
    ]
    tables: list[QuestionTable] = []
    done = 0
    workers = max(1, min(len(units), _cores()))
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
        for number, unit_tables in enumerate(pool.map(_unit_tables, units)):
            tables.extend(unit_tables)
            if number < len(eval_sets):
                done += len(eval_sets[number].questions)
                if progress is not None:
                    progress(done)
    return tables


def _cores() -> int:
    """The cores this process may run on (all the machine's where that is not known)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _unit_tables(unit: tuple[EvalSet, ...]) -> list[QuestionTable]:
    """The tables of one article alone, or of the stories of one file loaded together."""
    if len(unit) == 1:
        knowledge = Knowledge.from_article(unit[0].article)
        offsets = [0]
    else:
        knowledge = Knowledge.from_articles([eval_set.article for eval_set in unit])
        offsets = [knowledge.collection.passage_range(n).start for n in range(len(unit))]
    tables = []
    for eval_set, offset in zip(unit, offsets, strict=True):
        for question in eval_set.questions:
            table = _question_table(eval_set, question, knowledge, offset)
            if table is not None:
                tables.append(table)
    return tables


def _is_gold(index: int, offset: int, eval_set: EvalSet, question: EvalQuestion) -> bool:
    local = index - offset
    return 0 <= local < len(eval_set.article.passages) and local in question.gold_passages


def _collections(eval_sets: Sequence[EvalSet]) -> list[list[EvalSet]]:
    by_file: dict[str, list[EvalSet]] = {}
    for eval_set in eval_sets:
        if eval_set.collection:
            by_file.setdefault(eval_set.collection, []).append(eval_set)
    return [stories for stories in by_file.values() if len(stories) > 1]


def _question_table(
    eval_set: EvalSet, question: EvalQuestion, knowledge: Knowledge, offset: int
) -> QuestionTable | None:
    """``offset``: where the story's passages start in ``knowledge`` (0 when alone)."""
    reader = reader_for(knowledge)
    text = clean_question(question.question)
    if not text:
        return None
    analysis = understand(text, reader)
    if analysis.answer_type is AnswerType.YES_NO:
        return None
    pool = pool_sentences(analysis, search_query(analysis), reader)
    if not pool:
        return None
    weights = reader.stem_weights(analysis.content_stems)
    sentences = np.array(pool_features(analysis, pool, reader, weights), dtype=np.float64)
    order = np.argsort(-(sentences[:, _COSINE] + sentences[:, _WINDOW]), kind="stable")
    rows: list[tuple[float, ...]] = []
    positions: list[int] = []
    f1s: list[float] = []
    texts: list[str] = []
    windows = np.zeros((len(pool), len(WINDOW_FACTS)))
    for position in order[:READ_POOL]:
        index = pool[int(position)].index
        window = sentence_window(reader, index)
        windows[position] = window_facts(analysis, weights, window, reader.max_idf)
        _, candidates = candidate_spans(analysis, index, reader)
        for candidate in candidates:
            rows.append(span_features(candidate, analysis, weights, 0.0, False))
            positions.append(int(position))
            text = candidate.text
            # Scored as the composer would reply it: "Spain" of "Spain's", "22" of "22-year-old".
            start, end = trimmed(text, analysis)
            reply = text[start:end]
            f1s.append(best_f1(reply, question.answers) if question.answerable else 0.0)
            texts.append(text.lower())
    return QuestionTable(
        group=eval_set.name,
        domain=eval_set.domain,
        question=question,
        answer_type=str(analysis.answer_type),
        sentences=sentences,
        gold=np.array([_is_gold(item.index, offset, eval_set, question) for item in pool]),
        articles=np.array([reader.article_number(item.index) for item in pool], dtype=np.int64),
        windows=windows,
        spans=np.array(rows, dtype=np.float64).reshape(len(rows), len(SPAN_FEATURES)),
        span_sentence=np.array(positions, dtype=np.int64),
        span_f1=np.array(f1s, dtype=np.float64),
        span_text=tuple(texts),
        facts=question_facts(analysis, reader, weights),
    )
