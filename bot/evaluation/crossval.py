"""Held-apart evaluation: each article answered with weights fitted without it.

A figure on the articles the weights were fitted on says little about the next
article. Here the development articles are split into folds; for each fold the
composer's weights are fitted (:mod:`bot.evaluation.fitting`) on the other
folds' articles only, and the fold's questions are then answered end to end by
the real composer with those weights. Every development question is thus
answered by a composer that never saw its article.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from bot.composer import ComposerOptions
from bot.evaluation.datasets import EvalSet
from bot.evaluation.fitting import held_apart_weights
from bot.evaluation.scoring import SetReport, score_set
from bot.evaluation.training import build_tables

__all__ = ["DEFAULT_FOLDS", "held_apart_reports"]

DEFAULT_FOLDS = 4


def held_apart_reports(
    eval_sets: Sequence[EvalSet],
    options: ComposerOptions,
    folds: int = DEFAULT_FOLDS,
    progress: Callable[[str, int, int], None] | None = None,
) -> dict[str, SetReport]:
    """A report per article (by name), each answered with weights fitted on other folds."""
    total = sum(len(eval_set.questions) for eval_set in eval_sets)

    def tick(count: int) -> None:
        if progress is not None:
            progress("measuring", count, total)

    tables = build_tables(eval_sets, tick)
    reports: dict[str, SetReport] = {}
    answered = 0
    for held, weights in held_apart_weights(tables, folds):
        fold_options = replace(options, weights=weights)
        for eval_set in eval_sets:
            if eval_set.name not in held:
                continue
            reports[eval_set.name] = score_set(eval_set, fold_options)
            answered += len(eval_set.questions)
            if progress is not None:
                progress("answering", answered, total)
    missing = [eval_set for eval_set in eval_sets if eval_set.name not in reports]
    for eval_set in missing:  # articles with no span question: nothing to hold apart
        reports[eval_set.name] = score_set(eval_set, options)
    return reports
