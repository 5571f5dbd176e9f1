"""The index cache folder: where it is, how entries are named, kept within a limit and cleared."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from bot.cache_store import DEFAULT_MAX_BYTES, CacheStore, default_directory
from bot.knowledge import load_knowledge

MIB = 2**20


def _entry(store: CacheStore, name: str, size: int, used: float) -> Path:
    """A fake entry of ``size`` bytes, last used at ``used`` (seconds since the epoch)."""
    path = store.entry_for([Path(name)], "index")
    assert path is not None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\0" * size)
    os.utime(path, (used, used))
    return path


def test_the_variable_names_the_folder_and_the_platform_default_follows_xdg(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert CacheStore.from_environment({"ARTICLEBOT_CACHE_DIR": str(tmp_path)}).directory == (
        tmp_path
    )
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_directory() == tmp_path / "xdg" / "articlebot"
    assert CacheStore.from_environment({"ARTICLEBOT_CACHE_DIR": " "}).directory == (
        tmp_path / "xdg" / "articlebot"
    )


@pytest.mark.parametrize(
    ("value", "expected"), [(None, DEFAULT_MAX_BYTES), ("", DEFAULT_MAX_BYTES), ("3", 3 * MIB)]
)
def test_the_size_limit_comes_from_the_variable(value: str | None, expected: int) -> None:
    environ = {} if value is None else {"ARTICLEBOT_CACHE_MAX_MB": value}
    assert CacheStore.from_environment(environ).max_bytes == expected


@pytest.mark.parametrize("value", ["lots", "-5", "1.5", "9" * 5000])
def test_a_bad_size_limit_is_refused_naming_the_variable(value: str) -> None:
    with pytest.raises(ValueError, match="ARTICLEBOT_CACHE_MAX_MB"):
        CacheStore.from_environment({"ARTICLEBOT_CACHE_MAX_MB": value})


def test_entries_are_named_by_resolved_path_and_kind(tmp_path: Path) -> None:
    store = CacheStore(tmp_path / "cache")
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    assert store.entry_for([a], "index") == store.entry_for(
        [tmp_path / "x" / ".." / "a.txt"], "index"
    )
    assert store.entry_for([a], "index") != store.entry_for([b], "index")
    assert store.entry_for([a, b], "collection") != store.entry_for([b, a], "collection")
    assert str(store.entry_for([a], "collection")).endswith(".collection.npz")


def test_no_folder_or_a_limit_of_zero_caches_nothing(seed_copy: Path, tmp_path: Path) -> None:
    assert CacheStore(None).entry_for([seed_copy], "index") is None
    off = CacheStore(tmp_path / "cache", max_bytes=0)
    assert off.entry_for([seed_copy], "index") is None
    load_knowledge(seed_copy, cache=off)
    assert not (tmp_path / "cache").exists()


def test_the_least_recently_used_entries_go_first_until_the_folder_fits(tmp_path: Path) -> None:
    store = CacheStore(tmp_path / "cache", max_bytes=3 * MIB)
    oldest = _entry(store, "oldest", MIB, 1_000)
    middle = _entry(store, "middle", MIB, 2_000)
    newest = _entry(store, "newest", MIB, 3_000)
    assert store.make_room() == []  # 3 MiB fit in 3 MiB
    store.mark_used(oldest)  # read now: the most recently used
    latest = _entry(store, "latest", MIB, 4_000_000_000)
    assert store.make_room() == [middle]
    assert {entry.path for entry in store.entries()} == {oldest, newest, latest}


def test_eviction_and_clearing_touch_only_the_caches_own_files(tmp_path: Path) -> None:
    store = CacheStore(tmp_path, max_bytes=MIB)
    mine = [_entry(store, name, MIB, used) for name, used in [("a", 1_000), ("b", 2_000)]]
    leftover = tmp_path / f".{mine[0].name}.1234.0123abcd.tmp"  # a write cut short
    leftover.write_bytes(b"partial")
    theirs = [tmp_path / "notes.txt", tmp_path / "photo.npz", tmp_path / "0123.index.npz"]
    for path in theirs:
        path.write_bytes(b"\0" * (2 * MIB))
    assert store.make_room() == [mine[0]]
    assert store.clear() == (2, MIB + len(b"partial"))
    assert sorted(tmp_path.iterdir()) == sorted(theirs)


def test_an_entry_larger_than_the_limit_is_not_kept_and_says_so(
    seed_copy: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    tiny = CacheStore(tmp_path / "cache", max_bytes=1024)
    with caplog.at_level(logging.WARNING):
        knowledge = load_knowledge(seed_copy, cache=tiny)
    assert knowledge.retriever.search("when is the summit?", k=1)
    assert tiny.entries() == []
    assert "ARTICLEBOT_CACHE_MAX_MB" in caplog.text


def test_a_read_entry_is_marked_used_and_not_rewritten(seed_copy: Path, tmp_path: Path) -> None:
    store = CacheStore(tmp_path / "cache")
    load_knowledge(seed_copy, cache=store)
    (entry,) = store.entries()
    os.utime(entry.path, (1_000, entry.written))  # as if last used long ago
    load_knowledge(seed_copy, cache=store)
    (again,) = store.entries()
    assert again.written == entry.written
    assert again.used > 1_000_000_000
