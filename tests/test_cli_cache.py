"""The real command and its caches: nothing written beside articles, a second run read from cache.

Also ``--no-cache``, ``articlebot cache info|clear``, a home folder where nothing
can be written, ``--version`` and ``--help``.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from retrieval.collection_cache import RACY_NANOSECONDS
from tests.conftest import run_cli
from tests.generated import write_folder

pytestmark = pytest.mark.e2e

QUESTION = "When will Biden and Putin meet?"


def _files(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def _settled(folder: Path) -> None:
    """Wait until every file of ``folder`` is older than the cache's racy window.

    A file changed within that window of a scan may change again unseen, so the
    cache hashes it and saves again once it has settled: a run right after the
    files were written rewrites its entry by design, whatever the test checks.
    """
    newest = max(max(p.stat().st_mtime_ns, p.stat().st_ctime_ns) for p in folder.rglob("*"))
    wait = newest + RACY_NANOSECONDS - time.time_ns()
    if wait > 0:
        time.sleep(wait / 1e9 + 0.05)


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("*.npz")) if cache.exists() else []


def _ask(article: Path, cache: Path, *flags: str) -> str:
    result = run_cli(
        "ask", "--article", str(article), *flags, QUESTION, ARTICLEBOT_CACHE_DIR=str(cache)
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


@pytest.mark.parametrize("kind", ["file", "folder"])
def test_the_cache_goes_to_the_cache_folder_and_serves_the_second_run(
    tmp_path: Path, seed_copy: Path, kind: str
) -> None:
    article = seed_copy if kind == "file" else write_folder(seed_copy.parent, 3)
    _settled(seed_copy.parent)  # a racy first run saves its entry again on the second
    cache = tmp_path / "cache"
    before = _files(seed_copy.parent)
    first = _ask(article, cache)
    assert _files(seed_copy.parent) == before
    (entry,) = _entries(cache)
    assert entry.name.endswith(f".{'index' if kind == 'file' else 'collection'}.npz")
    written = entry.stat().st_mtime_ns
    os.utime(entry, ns=(1_000_000_000, written))  # "last used" long ago
    assert _ask(article, cache) == first
    assert entry.stat().st_mtime_ns == written  # read, not rebuilt and written again
    assert entry.stat().st_atime > 1_000_000_000  # and marked as used
    assert _files(seed_copy.parent) == before


def test_no_cache_reads_and_writes_no_cache(tmp_path: Path, seed_copy: Path) -> None:
    cache = tmp_path / "cache"
    _ask(seed_copy, cache, "--no-cache")
    assert _entries(cache) == []
    assert _files(seed_copy.parent) == ["story.txt"]


def test_a_home_where_nothing_can_be_written_still_answers(tmp_path: Path, seed_copy: Path) -> None:
    home = tmp_path / "home-is-a-file"
    home.write_text("no folder can be made under a file")
    result = run_cli(
        "ask",
        "--article",
        str(seed_copy),
        QUESTION,
        HOME=str(home),
        XDG_CACHE_HOME="",
        ARTICLEBOT_CACHE_DIR="",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("June 15-16")
    assert result.stderr == ""
    assert _files(seed_copy.parent) == ["story.txt"]


def test_cache_info_lists_the_entries_and_clear_deletes_them(
    tmp_path: Path, seed_copy: Path
) -> None:
    cache = tmp_path / "cache"
    _ask(seed_copy, cache)
    info = run_cli("cache", "info", ARTICLEBOT_CACHE_DIR=str(cache), ARTICLEBOT_CACHE_MAX_MB="64")
    assert info.returncode == 0, info.stderr
    lines = info.stdout.splitlines()
    assert lines[:3] == [
        f"cache folder: {cache}",
        "limit: 64.0 MiB (ARTICLEBOT_CACHE_MAX_MB)",
        lines[2],
    ]
    assert lines[2].startswith("entries: 1, ")
    assert _entries(cache)[0].name in lines[3]
    cleared = run_cli("cache", "clear", ARTICLEBOT_CACHE_DIR=str(cache))
    assert cleared.returncode == 0, cleared.stderr
    assert cleared.stdout.startswith("deleted 1 cache files (")
    assert _entries(cache) == []
    assert _files(seed_copy.parent) == ["story.txt"]


def test_a_bad_cache_limit_exits_2_naming_the_variable() -> None:
    result = run_cli("cache", "info", ARTICLEBOT_CACHE_MAX_MB="lots")
    assert result.returncode == 2
    assert "ARTICLEBOT_CACHE_MAX_MB" in result.stderr
    assert result.stderr.count("\n") == 1


def test_version_prints_the_installed_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0, result.stderr
    from importlib.metadata import version

    assert result.stdout == f"articlebot {version('articlebot')}\n"


def test_help_lists_every_command_on_one_line() -> None:
    from bot.cli import build_parser

    result = run_cli("--help")
    assert result.returncode == 0, result.stderr
    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    lines = result.stdout.splitlines()
    for command in commands:
        (line,) = [line for line in lines if line.split()[:1] == [command]]
        assert len(line.split()) > 2, f"{command} has no description: {line!r}"
    assert "--version" in result.stdout
