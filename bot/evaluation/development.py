"""The development data the repository ships, and the frozen test split.

``data/dev`` is for tuning (always with articles held apart); ``data/test`` is
the frozen test split: reported, never tuned on. Nothing here reads outside the
repository.
"""

from __future__ import annotations

from pathlib import Path

from bot.evaluation.datasets import EvalSet, load_eval_sets
from bot.settings import DEFAULT_ARTICLE, PROJECT_ROOT

__all__ = ["DATA", "DEVELOPMENT_FILES", "TEST_FILES", "load_development_sets"]

DATA = PROJECT_ROOT / "data"
DEVELOPMENT_FILES: tuple[Path, ...] = (
    DATA / "dev" / "article_dev.jsonl",
    DATA / "dev" / "squad2_dev_2articles.json",
    DATA / "dev" / "squad2_dev_10more_articles.json",
    DATA / "dev" / "news" / "questions.jsonl",
)
TEST_FILES: tuple[Path, ...] = (DATA / "test" / "news" / "questions.jsonl",)


def load_development_sets() -> list[EvalSet]:
    """Every development article with its questions (the seed questions are about the seed)."""
    return [
        eval_set for path in DEVELOPMENT_FILES for eval_set in load_eval_sets(path, DEFAULT_ARTICLE)
    ]
