"""Paths that are not article files: refused at once, whatever named them; a folder skips them.

Before: ``--article /dev/zero`` grew to gigabytes and died with a MemoryError
traceback, a named pipe hung the command, and a folder holding a link to either
hung while its files were hashed, because only ``ARTICLEBOT_ARTICLES`` entries
were checked. And one bad entry in a folder (an editor's lock link, a macOS
``._`` file, a sub-folder named ``notes.txt``, an empty file, a link loop)
stopped the whole folder. Now every path goes through
:mod:`retrieval.article_files`.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.knowledge import load_knowledge
from retrieval import ArticleError, load_article
from retrieval.article_files import read_regular_file
from tests.conftest import PROJECT_ROOT, SEED_ARTICLE, cli_environment

QUESTION = "When will Biden and Putin meet?"
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
needs_dev_zero = pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")


def _ask(*arguments: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The real command, given 20 s: what used to hang fails the test instead of the suite."""
    return subprocess.run(
        [sys.executable, "-m", "bot", "ask", *arguments],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        env=cli_environment(**env),
        timeout=20,
        check=False,
    )


@pytest.fixture
def specials(tmp_path: Path) -> dict[str, Path]:
    """Paths that name no article file: a device, a pipe, links to them, a folder, a loop."""
    found: dict[str, Path] = {"directory named like a file": tmp_path / "notes.txt"}
    found["directory named like a file"].mkdir()
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    found["link loop"] = tmp_path / "loop.txt"
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere")
    found["broken link"] = tmp_path / "dangling.txt"
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.txt")
        found["named pipe"] = tmp_path / "pipe.txt"
        (tmp_path / "to-pipe.txt").symlink_to(tmp_path / "pipe.txt")
        found["link to a named pipe"] = tmp_path / "to-pipe.txt"
    if Path("/dev/zero").exists():
        found["/dev/zero"] = Path("/dev/zero")
        (tmp_path / "zero.txt").symlink_to("/dev/zero")
        found["link to /dev/zero"] = tmp_path / "zero.txt"
    return found


EXPECTED = {
    "directory named like a file": "is a directory",
    "link loop": "symbolic link loop",
    "broken link": "broken link",
    "named pipe": "not a regular file",
    "link to a named pipe": "not a regular file",
    "/dev/zero": "not a regular file",
    "link to /dev/zero": "not a regular file",
}


def test_every_special_path_is_refused_at_once_by_the_library(specials: dict[str, Path]) -> None:
    for kind, path in specials.items():
        with pytest.raises(ArticleError) as caught:
            load_article(path)
        assert EXPECTED[kind] in str(caught.value), kind
        assert "\n" not in str(caught.value)


@needs_fifo
@needs_dev_zero
@pytest.mark.parametrize("kind", ["named pipe", "link to /dev/zero"])
def test_the_command_refuses_them_in_one_line(specials: dict[str, Path], kind: str) -> None:
    result = _ask("--article", str(specials[kind]), QUESTION)
    # Before: the pipe hung, /dev/zero ended in a MemoryError traceback.
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "not a regular file" in result.stderr


def test_reading_stops_one_byte_past_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(b"word " * 1000)
    assert read_regular_file(path, 5000) == b"word " * 1000
    with pytest.raises(ArticleError, match="is 5,000 bytes, the limit is 4,999 bytes"):
        read_regular_file(path, 4999)


def _folder_with_every_bad_entry(folder: Path) -> Path:
    folder.mkdir()
    shutil.copy(SEED_ARTICLE, folder / "a.txt")
    (folder / ".#a.txt").symlink_to("user@host.1234:1700000000")  # an editor's lock
    (folder / "._a.txt").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X")  # AppleDouble
    (folder / ".articlebot-collection.npz").write_bytes(b"not a cache")
    (folder / "notes.txt").mkdir()
    (folder / "empty.txt").write_text(" \n")
    (folder / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    with (folder / "big.txt").open("wb") as handle:
        handle.truncate(10 * 1024 * 1024 + 1)  # sparse
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.txt")
    if Path("/dev/zero").exists():
        (folder / "zero.txt").symlink_to("/dev/zero")
    return folder


SKIPPED_WITH_A_WARNING = ("empty.txt", "binary.md", "loop.txt", "dangling.txt", "big.txt")


def test_a_folder_loads_what_it_can_and_warns_once_for_each_bad_file(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = _folder_with_every_bad_entry(tmp_path / "news")
    with caplog.at_level(logging.WARNING):
        knowledge = load_knowledge(folder, cache=False)
    assert [article.source for article in knowledge.articles] == [str(folder / "a.txt")]
    warnings = [record.getMessage() for record in caplog.records]
    assert len(warnings) == len(SKIPPED_WITH_A_WARNING)
    for name in SKIPPED_WITH_A_WARNING:
        assert sum(name in warning for warning in warnings) == 1, name
    assert all(warning.startswith("skipped a file: ") for warning in warnings)


def test_the_command_answers_from_such_a_folder(tmp_path: Path) -> None:
    folder = _folder_with_every_bad_entry(tmp_path / "news")
    given = _ask("--article", str(folder), QUESTION)
    configured = _ask(QUESTION, ARTICLEBOT_ARTICLES=str(folder))
    for result in (given, configured):
        # Before: the first bad entry stopped the load (and the pipe or the link hung it).
        assert result.returncode == 0, result.stderr
        assert "June 15-16" in result.stdout
        lines = result.stderr.splitlines()
        assert len(lines) == len(SKIPPED_WITH_A_WARNING)  # once each, not once per check
        assert all(line.startswith("articlebot: warning: skipped a file: ") for line in lines)


def test_a_folder_of_nothing_loadable_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "empty.txt").write_text("\n")
    (folder / "blank.md").write_text("  \n")
    with pytest.raises(ArticleError, match="none of the articles could be read"):
        load_knowledge(folder, cache=False)
    hidden_only = tmp_path / "hidden"
    hidden_only.mkdir()
    (hidden_only / ".draft.txt").write_bytes(SEED_ARTICLE.read_bytes())
    with pytest.raises(ArticleError, match="no articles in folder"):
        load_knowledge(hidden_only, cache=False)


def test_a_file_named_directly_is_still_an_error(tmp_path: Path) -> None:
    folder = _folder_with_every_bad_entry(tmp_path / "news")
    with pytest.raises(ArticleError, match="article is empty"):
        load_knowledge([folder, folder / "empty.txt"], cache=False)
