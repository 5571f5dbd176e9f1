"""Generated news articles for the collection tests (scripts/article_generator.py, fixed seed)."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

from tests.conftest import PROJECT_ROOT

__all__ = ["copy_folder", "write_folder"]


def write_folder(folder: Path, count: int, seed: int = 3) -> Path:
    """Write ``count`` generated articles (mostly .txt, some .md and .html) into ``folder``."""
    path = PROJECT_ROOT / "scripts" / "article_generator.py"
    spec = importlib.util.spec_from_file_location("article_generator", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write_articles(folder, count, seed=seed)
    return folder


def copy_folder(folder: Path, copy: Path) -> Path:
    """A copy of ``folder`` at ``copy``, file times included, for one test to change."""
    shutil.copytree(folder, copy)
    return copy
