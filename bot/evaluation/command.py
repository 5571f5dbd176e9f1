"""``articlebot eval``: score the bot on QA files and print a report.

With no file given it scores the development data the repository ships in
``data/dev`` (see ``data/README.md``). Reading it is allowed here, and only here:
evaluation is a development tool, never part of answering.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from bot.composer import ComposerOptions
from bot.evaluation.datasets import DatasetError, EvalSet, load_eval_sets
from bot.evaluation.scoring import RECALL_DEPTHS, SetReport, TypeReport, score_set, summarize
from bot.progress import Progress
from bot.settings import PROJECT_ROOT, Settings, redact
from bot.startup import StartupError, load_configuration
from retrieval import ArticleError

__all__ = ["DEVELOPMENT_DATA", "format_report", "run_eval"]

DEVELOPMENT_DATA = (
    PROJECT_ROOT / "data" / "dev" / "article_dev.jsonl",
    PROJECT_ROOT / "data" / "dev" / "squad2_dev_2articles.json",
)


def run_eval(arguments: argparse.Namespace) -> int:
    """Run ``articlebot eval``; return the exit status."""
    settings = load_configuration()
    options = ComposerOptions(top_k=settings.top_k, abstain_threshold=settings.abstain_threshold)
    files = [Path(name) for name in arguments.data] or list(DEVELOPMENT_DATA)
    article = Path(arguments.article) if arguments.article else settings.articles[0]
    reports = []
    for path in files:
        eval_sets = _load_all([path], article, settings)
        file_reports = []
        for eval_set in eval_sets:
            total = len(eval_set.questions)
            progress = Progress(eval_set.name, total, enabled=not arguments.quiet)
            file_reports.append(score_set(eval_set, options, progress.update))
            progress.close()
        reports.extend(file_reports)
        if len(file_reports) > 1:
            # The file as a whole, as the quality bars are stated per file.
            outcomes = [outcome for report in file_reports for outcome in report.outcomes]
            reports.append(summarize(f"{path.name} (all {len(file_reports)} articles)", outcomes))
    if arguments.json:
        print(json.dumps([report_to_dict(report) for report in reports], indent=2))
    else:
        print("\n\n".join(format_report(report) for report in reports))
    return 0


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
    }


def _type_to_dict(row: TypeReport) -> dict[str, Any]:
    return {name: getattr(row, name) for name in row.__dataclass_fields__}


def _maybe(value: float | None) -> str:
    return "  -  " if value is None else f"{value:5.1f}"
