"""Where articlebot keeps its index caches: one folder of the user's, bounded in size.

An article's index and a folder's collection are cached so that the next start
reads arrays instead of parsing and fitting (:mod:`bot.knowledge` says what
each holds and when it is rebuilt). They are kept out of the user's own
folders: the platform's cache directory (``~/.cache/articlebot`` on Linux,
``~/Library/Caches/articlebot`` on macOS, ``%LOCALAPPDATA%\\articlebot\\Cache``
on Windows, found by ``platformdirs``), or ``ARTICLEBOT_CACHE_DIR``.

An entry is named by a hash of the resolved paths it caches
(``<hash>.index.npz`` for one article file, ``<hash>.collection.npz`` for a
folder or several files), so an article has one entry wherever it is opened
from, and a new version replaces the old one rather than adding to it; whether
the entry still fits the article's content is checked from its header when it
is read.

The folder is bounded (:data:`DEFAULT_MAX_BYTES`, ``ARTICLEBOT_CACHE_MAX_MB``):
after an entry is written, the least recently used ones are deleted until the
total fits. Reading an entry sets its access time, which is what "recently
used" means here (set explicitly, as many file systems do not update it on
reads). Only files named like entries are ever counted or deleted, so pointing
``ARTICLEBOT_CACHE_DIR`` at a folder that holds other files is harmless.

Everything here is best effort: a cache folder that cannot be created, read or
written (a read-only home, a full disk) means articles are indexed afresh, never
that a question goes unanswered.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DIRECTORY_VARIABLE",
    "MAX_MB_VARIABLE",
    "CacheEntry",
    "CacheStore",
    "default_directory",
]

logger = logging.getLogger(__name__)

DIRECTORY_VARIABLE = "ARTICLEBOT_CACHE_DIR"
MAX_MB_VARIABLE = "ARTICLEBOT_CACHE_MAX_MB"
# The seed article's index is 14 kB and a 5,000-article collection 40 MiB
# (docs/BENCHMARKS.md): 512 MiB holds dozens of large folders and thousands of
# single articles, and is small beside what browsers keep in the same place.
DEFAULT_MAX_MB = 512
DEFAULT_MAX_BYTES = DEFAULT_MAX_MB * 2**20

EntryKind = Literal["index", "collection"]
# An entry, or the temporary file an entry is written through (retrieval.index_file).
_ENTRY_NAME = re.compile(r"[0-9a-f]{24}\.(index|collection)\.npz")
_TEMPORARY_NAME = re.compile(
    r"\.[0-9a-f]{24}\.(?:index|collection)\.npz\.\d{1,10}\.[0-9a-f]{8}\.tmp"
)
_HASH_CHARS = 24


@dataclass(frozen=True, slots=True)
class CacheEntry:
    """One cached index or collection, as ``articlebot cache info`` lists it."""

    path: Path
    kind: EntryKind
    size: int
    written: float  # modification time, seconds since the epoch
    used: float  # last read or written


def default_directory(chosen: str | Path | None = None) -> Path | None:
    """The cache folder: ``chosen`` (``ARTICLEBOT_CACHE_DIR``), else the platform's.

    None when no absolute path comes out (no home directory can be found): then
    nothing is cached, rather than a ``~`` folder made in the working directory.
    """
    if chosen is not None and str(chosen).strip():
        return Path(chosen).expanduser().absolute()
    import platformdirs  # only when caching: a few milliseconds of start-up otherwise

    directory = Path(platformdirs.user_cache_dir("articlebot", appauthor=False))
    return directory if directory.is_absolute() else None


def _max_bytes_from(value: str | None) -> int:
    """The size limit given as ``ARTICLEBOT_CACHE_MAX_MB`` text; ValueError naming it if bad."""
    if value is None or not value.strip():
        return DEFAULT_MAX_BYTES
    text = value.strip()
    if not text.isdigit() or len(text) > 9:
        raise ValueError(f"invalid setting {MAX_MB_VARIABLE}: give a whole number of megabytes")
    return int(text) * 2**20


@dataclass(frozen=True, slots=True)
class CacheStore:
    """The cache folder and its size limit; no folder, or a limit of 0, means nothing is cached."""

    directory: Path | None
    max_bytes: int = DEFAULT_MAX_BYTES

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> CacheStore:
        """The store the variables describe (ValueError for a bad ``ARTICLEBOT_CACHE_MAX_MB``)."""
        environ = os.environ if environ is None else environ
        directory = default_directory(environ.get(DIRECTORY_VARIABLE))
        return cls(directory, _max_bytes_from(environ.get(MAX_MB_VARIABLE)))

    def entry_for(self, paths: Sequence[str | Path], kind: EntryKind) -> Path | None:
        """The entry caching ``paths`` (files or folders, in the order given), or None."""
        if self.directory is None or self.max_bytes <= 0:
            return None
        resolved = "\n".join(str(Path(path).resolve()) for path in paths).encode("utf-8")
        name = hashlib.sha256(resolved).hexdigest()[:_HASH_CHARS]
        return self.directory / f"{name}.{kind}.npz"

    def entries(self) -> list[CacheEntry]:
        """Every entry in the folder, least recently used first."""
        found: list[CacheEntry] = []
        for path in self._names(_ENTRY_NAME):
            try:
                status = path.stat()
            except OSError:
                continue  # deleted meanwhile by another articlebot
            kind: EntryKind = "index" if path.name.endswith(".index.npz") else "collection"
            used = max(status.st_atime, status.st_mtime)
            found.append(CacheEntry(path, kind, status.st_size, status.st_mtime, used))
        return sorted(found, key=lambda entry: (entry.used, entry.path.name))

    def mark_used(self, entry: Path) -> None:
        """Record that ``entry`` was just read, so eviction keeps it longest."""
        try:
            # In nanoseconds: a float would move the modification time by a few.
            os.utime(entry, ns=(time.time_ns(), entry.stat().st_mtime_ns))
        except OSError as error:
            logger.debug("cannot mark the cache entry %s used: %s", entry, error)

    def make_room(self) -> list[Path]:
        """Delete the least recently used entries until the folder fits; return those deleted.

        An entry larger than the whole limit is deleted too: the limit is the
        user's, and the entry is only a faster start.
        """
        entries = self.entries()
        total = sum(entry.size for entry in entries)
        deleted: list[Path] = []
        for entry in entries:
            if total <= self.max_bytes:
                break
            if _remove(entry.path):
                deleted.append(entry.path)
            total -= entry.size
        if deleted:
            logger.info("cache over %d MiB: deleted %d entries", self.max_bytes >> 20, len(deleted))
        return deleted

    def clear(self) -> tuple[int, int]:
        """Delete every entry and leftover temporary file; return (files deleted, bytes freed)."""
        count = freed = 0
        for path in [*self._names(_ENTRY_NAME), *self._names(_TEMPORARY_NAME)]:
            try:
                size = path.stat().st_size
            except OSError:
                continue
            if _remove(path):
                count += 1
                freed += size
        return count, freed

    def _names(self, pattern: re.Pattern[str]) -> list[Path]:
        if self.directory is None:
            return []
        try:
            names = os.listdir(self.directory)
        except OSError:
            return []  # no folder yet, or one that cannot be read: nothing cached
        return [self.directory / name for name in names if pattern.fullmatch(name)]


def _remove(path: Path) -> bool:
    try:
        path.unlink(missing_ok=True)
    except OSError as error:
        logger.info("cannot delete the cache entry %s: %s", path, error)
        return False
    return True
