"""Shared fixtures: the seed article, its knowledge, and the development data paths."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.composer.reader import ArticleReader, reader_for
from bot.knowledge import Knowledge
from retrieval import Article, article_from_text, load_article

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = PROJECT_ROOT / "seeds" / "000_479c05f56fca69af.txt"
DEV_DATA = PROJECT_ROOT / "data" / "dev"
SEED_QUESTIONS = DEV_DATA / "article_dev.jsonl"
SQUAD_DEV = DEV_DATA / "squad2_dev_2articles.json"
CACHE_VARIABLE = "ARTICLEBOT_CACHE_DIR"


@pytest.fixture(scope="session", autouse=True)
def private_cache_directory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every index cache the tests write goes to a temporary folder, never the user's.

    Set for this process and the commands it starts (:func:`cli_environment`
    keeps it); ``XDG_CACHE_HOME`` too, for tests that clear articlebot's variables.
    """
    directory = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_VARIABLE, str(directory / "articlebot"))
        patch.setenv("XDG_CACHE_HOME", str(directory / "xdg"))
        yield directory / "articlebot"


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """A copy of the seed article, alone in a folder of its own (to see what appears beside it)."""
    path = tmp_path / "articles" / "story.txt"
    path.parent.mkdir()
    shutil.copyfile(SEED_ARTICLE, path)
    return path


@pytest.fixture(scope="session")
def seed_article() -> Article:
    return load_article(SEED_ARTICLE)


@pytest.fixture(scope="session")
def seed_knowledge(seed_article: Article) -> Knowledge:
    return Knowledge.from_article(seed_article)


def cli_environment(**extra: str) -> dict[str, str]:
    """The environment for running the CLI in a test: no articlebot settings leak in.

    The cache folder is kept: it only says where the tests' caches go.
    """
    environment = {
        name: value
        for name, value in os.environ.items()
        if name == CACHE_VARIABLE
        or (not name.startswith("ARTICLEBOT_") and name != "DISCORD_TOKEN")
    }
    environment.update(extra)
    return environment


def run_cli(
    *arguments: str,
    stdin: bytes | str | None = None,
    cwd: Path | None = None,
    timeout: float = 60,
    **env: str,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m bot`` with ``arguments``; text output, never raising on failure."""
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    completed = subprocess.run(
        [sys.executable, "-m", "bot", *arguments],
        input=data,
        capture_output=True,
        cwd=cwd or PROJECT_ROOT,
        env=cli_environment(**env),
        timeout=timeout,
        check=False,
    )
    return subprocess.CompletedProcess(
        completed.args,
        completed.returncode,
        completed.stdout.decode("utf-8", "replace"),
        completed.stderr.decode("utf-8", "replace"),
    )


def reader_of(text: str) -> ArticleReader:
    """The composer's reader of a story written out in ``text`` (a headline, a blank
    line, the body): the small articles the rule tests are read against."""
    return reader_for(Knowledge.from_article(article_from_text(text)))
