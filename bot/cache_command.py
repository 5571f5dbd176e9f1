"""``articlebot cache info`` and ``articlebot cache clear``: the index cache, seen and emptied.

The cache folder and its limit come from the same settings as every other
command (``ARTICLEBOT_CACHE_DIR``, ``ARTICLEBOT_CACHE_MAX_MB``, ``.env``), so
``info`` shows the folder the other commands actually use.
"""

from __future__ import annotations

import argparse
import time

from bot.cache_store import CacheEntry, CacheStore
from bot.startup import cache_store, load_configuration

__all__ = ["describe_cache", "run_cache"]

EXIT_OK = 0


def run_cache(arguments: argparse.Namespace) -> int:
    """Run ``articlebot cache ACTION``; return the exit status."""
    store = cache_store(load_configuration())
    if arguments.action == "clear":
        count, freed = store.clear()
        where = store.directory if store.directory is not None else "(no cache folder)"
        print(f"deleted {count} cache files ({_size(freed)}) from {where}")
    else:
        print(describe_cache(store))
    return EXIT_OK


def describe_cache(store: CacheStore) -> str:
    """Where the cache is, its limit, and each entry (least recently used first)."""
    if store.directory is None:
        return "no cache folder: no home directory was found; set ARTICLEBOT_CACHE_DIR"
    entries = store.entries()
    total = sum(entry.size for entry in entries)
    lines = [
        f"cache folder: {store.directory}",
        f"limit: {_size(store.max_bytes)} (ARTICLEBOT_CACHE_MAX_MB)"
        + (", so nothing is cached" if store.max_bytes == 0 else ""),
        f"entries: {len(entries)}, {_size(total)}",
    ]
    lines.extend(_entry_line(entry) for entry in entries)
    return "\n".join(lines)


def _entry_line(entry: CacheEntry) -> str:
    return (
        f"  {entry.path.name}  {entry.kind:<10}  {_size(entry.size):>9}  "
        f"written {_when(entry.written)}, last used {_when(entry.used)}"
    )


def _when(seconds: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(seconds))


def _size(count: int) -> str:
    if count < 2**20:
        return f"{count / 1024:.1f} KiB"
    return f"{count / 2**20:.1f} MiB"
