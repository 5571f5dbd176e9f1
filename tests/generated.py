"""Generated news articles for the collection tests (scripts/article_generator.py, fixed seed)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.scripts import load_script

__all__ = ["copy_folder", "write_folder"]


def write_folder(folder: Path, count: int, seed: int = 3) -> Path:
    """Write ``count`` generated articles (mostly .txt, some .md and .html) into ``folder``."""
    load_script("article_generator").write_articles(folder, count, seed=seed)
    return folder


def copy_folder(folder: Path, copy: Path) -> Path:
    """A copy of ``folder`` at ``copy``, file times included, for one test to change."""
    shutil.copytree(folder, copy)
    return copy
