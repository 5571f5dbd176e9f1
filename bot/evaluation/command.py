"""``articlebot eval``: score the bot on QA files and print a report.

With no file given it reports what generalizes, and labels each figure:

- the development data (``data/dev``) **held apart**: the articles are split
  into folds, and each fold is answered with weights fitted on the other folds
  only (:mod:`bot.evaluation.crossval`);
- the **frozen test split** (``data/test``) with the shipped weights, which
  were never fitted on it;
- with ``--tuned``, the development data with the shipped weights too: a
  figure on what they were fitted on, labelled as such.

Given files are scored with the shipped weights, or held apart with
``--held-apart``. Reading evaluation data is allowed here, and only here:
evaluation is a development tool, never part of answering.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.composer import ComposerOptions
from bot.evaluation.crossval import held_apart_reports
from bot.evaluation.datasets import DatasetError, EvalSet, load_eval_sets
from bot.evaluation.development import DATA, DEVELOPMENT_FILES, TEST_FILES
from bot.evaluation.scoring import RECALL_DEPTHS, SetReport, TypeReport, score_set, summarize
from bot.progress import Progress
from bot.settings import Settings, redact
from bot.startup import StartupError, load_configuration
from retrieval import ArticleError

__all__ = ["format_report", "run_eval"]

_MIN_FOLDS, _MAX_FOLDS = 2, 21


def run_eval(arguments: argparse.Namespace) -> int:
    """Run ``articlebot eval``; return the exit status."""
    settings = load_configuration()
    options = ComposerOptions(top_k=settings.top_k, abstain_threshold=settings.abstain_threshold)
    if not _MIN_FOLDS <= arguments.folds <= _MAX_FOLDS:
        raise StartupError(f"--folds takes a whole number from {_MIN_FOLDS} to {_MAX_FOLDS}")
    article = Path(arguments.article) if arguments.article else settings.articles[0]
    quiet = arguments.quiet
    reports: list[SetReport] = []
    if arguments.data:
        files = [Path(name) for name in arguments.data]
        loaded = [(path, _load_all([path], article, settings)) for path in files]
        if arguments.held_apart:
            reports += _held_apart(loaded, options, arguments.folds, quiet)
        else:
            reports += _shipped(loaded, options, quiet, "shipped weights")
    else:
        development = [(path, _load_all([path], article, settings)) for path in DEVELOPMENT_FILES]
        reports += _held_apart(development, options, arguments.folds, quiet)
        test = [(path, _load_all([path], article, settings)) for path in TEST_FILES]
        reports += _shipped(test, options, quiet, "frozen test split, shipped weights")
        if arguments.tuned:
            label = "TUNED ON: shipped weights, fitted on these"
            reports += _shipped(development, options, quiet, label)
    if arguments.json:
        print(json.dumps([report_to_dict(report) for report in reports], indent=2))
    else:
        print("\n\n".join(format_report(report) for report in reports))
    return 0


def _shipped(
    loaded: Sequence[tuple[Path, list[EvalSet]]], options: ComposerOptions, quiet: bool, label: str
) -> list[SetReport]:
    reports = []
    for path, eval_sets in loaded:
        outcomes = []
        for eval_set in eval_sets:
            progress = Progress(eval_set.name, len(eval_set.questions), enabled=not quiet)
            outcomes += score_set(eval_set, options, progress.update).outcomes
            progress.close()
        reports.append(summarize(f"{_file_name(path, eval_sets)} ({label})", outcomes))
    return reports


def _held_apart(
    loaded: Sequence[tuple[Path, list[EvalSet]]], options: ComposerOptions, folds: int, quiet: bool
) -> list[SetReport]:
    """Every file's articles answered with weights fitted without them, reported per file."""
    eval_sets = [eval_set for _, sets in loaded for eval_set in sets]
    bars: dict[str, Progress] = {}

    def progress(stage: str, done: int, total: int) -> None:
        bar = bars.setdefault(stage, Progress(stage, total, enabled=not quiet))
        bar.update(done)

    by_article = held_apart_reports(eval_sets, options, folds, progress)
    for bar in bars.values():
        bar.close()
    label = f"held apart, {min(folds, len(eval_sets))} folds by article"
    reports = [
        summarize(
            f"{_file_name(path, sets)} ({label})",
            [outcome for eval_set in sets for outcome in by_article[eval_set.name].outcomes],
        )
        for path, sets in loaded
    ]
    encyclopedia = [s for s in eval_sets if s.domain == "encyclopedia"]
    squad_files = sum(any(s.domain == "encyclopedia" for s in sets) for _, sets in loaded)
    if squad_files > 1:
        # The quality bar is stated over all the SQuAD articles together.
        outcomes = [o for eval_set in encyclopedia for o in by_article[eval_set.name].outcomes]
        name = f"SQuAD 2.0, all {len(encyclopedia)} articles ({label})"
        reports.append(summarize(name, outcomes))
    return reports


def _file_name(path: Path, eval_sets: Sequence[EvalSet]) -> str:
    count = len(eval_sets)
    resolved = path.resolve()
    shown = resolved.relative_to(DATA) if resolved.is_relative_to(DATA) else path
    return f"{shown}" + (f", {count} articles" if count > 1 else "")


def _load_all(files: list[Path], article: Path | str, settings: Settings) -> list[EvalSet]:
    eval_sets: list[EvalSet] = []
    for path in files:
        try:
            eval_sets.extend(load_eval_sets(path, article))
        except (DatasetError, ArticleError) as error:
            raise StartupError(redact(str(error), settings)) from None
    return eval_sets


def format_report(report: SetReport) -> str:
    """A plain-text report: headline figures, recall, latency, then a row per question type."""
    overall = report.overall
    recall = "  ".join(f"@{depth} {report.recall[depth]:5.1f}" for depth in RECALL_DEPTHS)
    ranked = "  ".join(f"@{d} {report.ranked_recall[d]:5.1f}" for d in RECALL_DEPTHS)
    lines = [
        f"== {report.name}: {overall.count} questions, {overall.answerable} answerable",
        f"answerable:   EM {overall.exact:5.1f}  F1 {overall.f1:5.1f}  hit rate "
        f"{overall.hit_rate:5.1f}%  declined {overall.declined_answerable:5.1f}%",
        f"unanswerable: accuracy {_maybe(overall.unanswerable_accuracy)}   overall F1 "
        f"{overall.overall_f1:5.1f} (always-decline baseline {report.always_decline_f1:5.1f})",
        f"baseline, best TF-IDF sentence given whole: answerable F1 {report.echo_f1:5.1f}",
        f"gold sentence recall, TF-IDF retriever: {recall}",
        f"gold sentence recall, composer ranking: {ranked}",
        f"latency per question: mean {report.latency_ms['mean']:.3f} ms  p50 "
        f"{report.latency_ms['p50']:.3f} ms  p95 {report.latency_ms['p95']:.3f} ms",
        "",
        f"{'type':<14}{'n':>5}{'answ':>6}{'EM':>7}{'F1':>7}{'hit%':>7}{'abst%':>7}{'unans%':>8}",
    ]
    for name, row in report.by_type.items():
        lines.append(
            f"{name:<14}{row.count:>5}{row.answerable:>6}{row.exact:>7.1f}{row.f1:>7.1f}"
            f"{row.hit_rate:>7.1f}{row.abstention_rate:>7.1f}{_maybe(row.unanswerable_accuracy):>8}"
        )
    return "\n".join(lines)


def report_to_dict(report: SetReport) -> dict[str, Any]:
    return {
        "name": report.name,
        "overall": _type_to_dict(report.overall),
        "by_type": {name: _type_to_dict(row) for name, row in report.by_type.items()},
        "recall": {f"@{depth}": value for depth, value in report.recall.items()},
        "ranked_recall": {f"@{depth}": value for depth, value in report.ranked_recall.items()},
        "latency_ms": report.latency_ms,
        "always_decline_f1": report.always_decline_f1,
        "echo_f1": report.echo_f1,
    }


def _type_to_dict(row: TypeReport) -> dict[str, Any]:
    return {name: getattr(row, name) for name in row.__dataclass_fields__}


def _maybe(value: float | None) -> str:
    return "  -  " if value is None else f"{value:5.1f}"
