"""Article files and folders: the one way every path is checked and read.

A path reaches the library from ``--article``, from ``ARTICLEBOT_ARTICLES``,
from a folder listing or from a script, and may name anything: ``/dev/zero``
(endless), a named pipe (blocks until a writer comes), a symbolic link to
either, a link loop, a sub-folder called ``notes.txt``. So every entry point
goes through :func:`read_regular_file`, which

- opens without blocking (``O_NONBLOCK``: opening a pipe does not wait for a
  writer) and checks what was opened, not what the name pointed to a moment
  before (``fstat`` on the open file), so a file swapped for a pipe between
  the check and the read is still refused;
- reads at most ``max_bytes + 1`` bytes, whatever ``stat`` claimed: a device
  reports a size of 0, and a file may grow while it is read.

:func:`check_article_file` is the same test without reading (for settings
checked at start), and :func:`list_article_folder` lists a folder's article
files, leaving out what is not one.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from retrieval.article import MAX_ARTICLE_BYTES, ArticleError

__all__ = [
    "ARTICLE_SUFFIXES",
    "FolderListing",
    "check_article_file",
    "list_article_folder",
    "read_regular_file",
]

# File names a folder of articles is read for.
ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
_MEBIBYTE = 1024 * 1024
_READ_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class FolderListing:
    """A folder's article files, in name order, and the entries left out with a reason."""

    files: tuple[Path, ...]
    skipped: tuple[tuple[Path, str], ...]


def check_article_file(path: Path, max_bytes: int = MAX_ARTICLE_BYTES) -> None:
    """Raise :class:`ArticleError` unless ``path`` is a readable regular file within the cap."""
    try:
        status = path.stat()
    except OSError as error:
        raise ArticleError(_open_problem(path, error)) from None
    _check_status(path, status, max_bytes)
    if not os.access(path, os.R_OK):
        raise ArticleError(f"article cannot be read: {path} (check its permissions)")


def read_regular_file(path: Path, max_bytes: int = MAX_ARTICLE_BYTES, *, what: str = "") -> bytes:
    """The bytes of the regular file ``path``, or :class:`ArticleError` saying why not.

    Never blocks on a pipe and never reads more than ``max_bytes + 1`` bytes.
    ``what`` names the file in messages when it is not an article ("evaluation file").
    """
    try:
        return _read_regular_file(path, max_bytes)
    except ArticleError as error:
        if not what:
            raise
        raise ArticleError(str(error).replace("article", what, 1)) from None


def _read_regular_file(path: Path, max_bytes: int) -> bytes:
    with _opened(path) as descriptor:
        _check_status(path, os.fstat(descriptor), max_bytes)
        chunks: list[bytes] = []
        size = 0
        while size <= max_bytes:  # each read returns at least one byte, or ends the loop
            chunk = os.read(descriptor, min(_READ_CHUNK, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    if size > max_bytes:
        raise ArticleError(_too_large(path, "larger than that while being read", max_bytes))
    return b"".join(chunks)


def list_article_folder(folder: Path) -> FolderListing:
    """The article files of ``folder`` (not recursing), in name order.

    Hidden entries (editor locks such as ``.#a.txt``, macOS ``._a.txt``, the
    caches) and entries that are not files (sub-folders, pipes, devices) are
    left out silently; links that lead nowhere (broken, or a loop) are left out
    with their reason, so a front-end can say so. Raises ``OSError`` when the
    folder cannot be listed.
    """
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            path = folder / entry.name
            if entry.name.startswith(".") or path.suffix.lower() not in ARTICLE_SUFFIXES:
                continue
            try:
                if stat.S_ISREG(entry.stat().st_mode):
                    files.append(path)
            except OSError as error:
                skipped.append((path, _open_problem(path, error)))
    return FolderListing(tuple(sorted(files)), tuple(sorted(skipped)))


@contextmanager
def _opened(path: Path) -> Iterator[int]:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise ArticleError(_open_problem(path, error)) from None
    try:
        yield descriptor
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise ArticleError(f"article cannot be read: {path} ({reason})") from None
    finally:
        os.close(descriptor)


def _check_status(path: Path, status: os.stat_result, max_bytes: int) -> None:
    if stat.S_ISDIR(status.st_mode):
        raise ArticleError(f"article path is a directory: {path} (give the path of a text file)")
    if not stat.S_ISREG(status.st_mode):
        raise ArticleError(
            f"article is not a regular file: {path} (a pipe, device or socket; "
            f"give an article file, or a folder of them)"
        )
    if status.st_size > max_bytes:
        raise ArticleError(_too_large(path, f"{status.st_size:,} bytes", max_bytes))


def _too_large(path: Path, size: str, max_bytes: int) -> str:
    limit = f"{max_bytes:,} bytes"
    if max_bytes % _MEBIBYTE == 0:
        limit += f" ({max_bytes // _MEBIBYTE} MiB)"
    return f"article is too large: {path} is {size}, the limit is {limit} (split it into several)"


def _open_problem(path: Path, error: OSError) -> str:
    """What an ``OSError`` from opening or ``stat``-ing ``path`` means, for a person."""
    if error.errno == errno.ELOOP:
        return f"article path is a symbolic link loop: {path} (fix or remove the link)"
    if isinstance(error, FileNotFoundError):
        if path.is_symlink():
            return f"article path is a broken link: {path} (it points to nothing; fix or remove it)"
        return f"article not found: {path} (check the path, or pass --article PATH)"
    if isinstance(error, IsADirectoryError):
        return f"article path is a directory: {path} (give the path of a text file)"
    reason = error.strerror or type(error).__name__
    return f"article cannot be read: {path} ({reason}; check its permissions)"
