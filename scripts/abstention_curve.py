"""Print the abstention trade-off: answerable F1 against unanswerable accuracy per threshold.

Each question is answered once with abstention off; a threshold then declines every
answer whose confidence is below it, which is exactly what the composer does.

Run: ``.venv/bin/python scripts/abstention_curve.py`` (the development data in ``data/dev``).
"""

from __future__ import annotations

from pathlib import Path

from bot.composer import ComposerOptions
from bot.evaluation.command import DEVELOPMENT_DATA
from bot.evaluation.datasets import load_eval_sets
from bot.evaluation.scoring import HIT_F1, Outcome, score_set
from bot.settings import DEFAULT_ARTICLE

THRESHOLDS = (0.0, 0.1, 0.15, 0.2, 0.22, 0.25, 0.3, 0.35, 0.4, 0.5)


def outcomes(path: Path) -> list[Outcome]:
    results: list[Outcome] = []
    for eval_set in load_eval_sets(path, DEFAULT_ARTICLE):
        results.extend(score_set(eval_set, ComposerOptions(abstain_threshold=0.0)).outcomes)
    return results


def row(results: list[Outcome], threshold: float) -> tuple[float, float, float, float]:
    answerable = [o for o in results if o.question.answerable]
    unanswerable = [o for o in results if not o.question.answerable]

    def kept(o: Outcome) -> bool:
        return o.answer.short_answer is not None and o.answer.confidence >= threshold

    f1 = sum(o.f1 for o in answerable if kept(o)) / len(answerable)
    declined = sum(not kept(o) for o in answerable) / len(answerable)
    accuracy = sum(not kept(o) for o in unanswerable) / max(1, len(unanswerable))
    overall = (sum(o.f1 for o in answerable if kept(o)) + accuracy * len(unanswerable)) / len(
        results
    )
    return 100 * f1, 100 * declined, 100 * accuracy, 100 * overall


def main() -> None:
    squad = outcomes(Path(DEVELOPMENT_DATA[1]))
    seed = outcomes(Path(DEVELOPMENT_DATA[0]))
    print(
        "| threshold | SQuAD answerable F1 | declined | unanswerable accuracy | overall F1 "
        "| seed hits (of 24) | seed declined out-of-scope (of 4) |"
    )
    print("|---|---|---|---|---|---|---|")
    for threshold in THRESHOLDS:
        f1, declined, accuracy, overall = row(squad, threshold)
        hits = sum(
            o.f1 >= HIT_F1 and o.answer.confidence >= threshold
            for o in seed
            if o.question.answerable
        )
        declined_oos = sum(
            o.answer.short_answer is None or o.answer.confidence < threshold
            for o in seed
            if not o.question.answerable
        )
        print(
            f"| {threshold:.2f} | {f1:.1f} | {declined:.1f}% | {accuracy:.1f}% | {overall:.1f} "
            f"| {hits} | {declined_oos} |"
        )


if __name__ == "__main__":
    main()
