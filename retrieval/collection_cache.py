"""A collection of article files loaded through a cache: only new and changed files are read.

Reading 5,000 articles and counting their terms takes about 8 s on this
project's 2-core machine (parsing and stemming new words dominate), while
reading the same collection back from its saved arrays takes 0.5 s, and an
update after editing five of the files 0.9 s (``docs/BENCHMARKS.md``, "Many
articles"). :func:`load_collection` keeps
a :mod:`collection file <retrieval.collection_file>` up to date and does the
least work the sources allow:

1. every source is ``stat``-ed (microseconds a file); one whose size,
   modification time, change time and inode all match what was saved is taken
   from the cache as is;
2. one where any of them differs (a ``touch``, a checkout, a copy, an edit
   whose old modification time was put back) is hashed, and taken from the
   cache if its bytes are the same;
3. the others (new or edited) are parsed and their passages counted;
   articles saved for files no longer among the sources are dropped;
4. if nothing changed, the saved index is used as it is (array reads only);
   otherwise the counts are joined and the index weighed again from them, which
   gives exactly the weights of a fresh fit, and the file is rewritten.

Why all four: size and modification time can be put back after an edit
(``cp -p``, ``rsync -t``, ``tar x`` and ``touch -r`` all set the old time), and a
same-size edit would then be served stale; the change time cannot be set by a
program (the call that sets the other times moves it), and a replaced file has
a new inode. A file modified twice within the file system's timestamp
granularity could still keep all four; so, as git does for its index, entries
whose times are not clearly older than the scan that saved them
(:data:`RACY_NANOSECONDS`) are checked by hash at the next load, and once a
later scan finds them settled the file is rewritten with that scan's time, so
they are not hashed again at every start.

The cache is an optimization only: a missing, damaged, foreign or outdated file
(another analyzer, another version of the code that parses and counts) means a
full rebuild, and a file that cannot be written means only a slower next start.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

import numpy as np

from retrieval._build import FittedTfidf, count_terms, weigh_counts
from retrieval._counts import RowRange, TermCounts, join_counts
from retrieval._gc import paused_gc
from retrieval._passages import CollectionPassages
from retrieval.analysis import Analyzer, AnalyzerConfig
from retrieval.article import Article, ArticleError, load_article
from retrieval.article_files import read_regular_file
from retrieval.collection import Collection
from retrieval.collection_file import (
    CollectionFileError,
    SavedCollection,
    SourceState,
    cache_key,
    read_collection,
    write_collection,
)
from retrieval.tfidf import TfidfRetriever

__all__ = ["RACY_NANOSECONDS", "CollectionLoad", "Progress", "load_collection"]

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
"""Called with (articles read, articles to read) while new and changed files are read."""

# FAT stores times to 2 s and network file systems cache them; ext4 and tmpfs
# stamp to the kernel tick. A file whose time is within this of the scan may
# have been written again, unseen, in the same tick.
RACY_NANOSECONDS = 2_000_000_000
# Articles counted together: large enough for the bulk counting to pay off
# (about 6,000 passages), small enough that counting, which is a third of the
# work, happens as the progress bar moves rather than after it has finished.
_COUNT_GROUP = 250


@dataclass(frozen=True, slots=True, eq=False)
class CollectionLoad:
    """A loaded collection, and how much of it came from the cache."""

    collection: Collection
    parsed: int  # articles read from their files
    reused: int  # articles taken from the cache
    dropped: int  # cached articles whose file is no longer a source
    saved: bool  # whether the cache file was written


@dataclass(slots=True)
class _Source:
    """One source file: what it is now, and the saved article it matches, if any."""

    name: str  # as the caller gave it: the article's ``source``
    state: SourceState | None  # None when the file cannot be stat-ed
    row: int | None = None  # the saved article, when unchanged
    racy: bool = False  # the saved entry was too recent to trust its times


def load_collection(
    sources: Sequence[str | Path],
    cache: Path | None,
    *,
    progress: Progress | None = None,
    config: AnalyzerConfig | None = None,
    optional: Iterable[str | Path] = (),
) -> CollectionLoad:
    """Load the article files ``sources`` as one collection, through the cache file ``cache``.

    With ``cache`` None nothing is read or written. Raises ``ArticleError`` for a
    file that cannot be read as an article, ``ValueError`` for no sources. A
    source among ``optional`` (a folder's files) that cannot be read is left
    out with a warning instead; it is an error only when no source is left.
    """
    if not sources:
        raise ValueError("a collection needs at least one article")
    config = config or AnalyzerConfig()
    key = cache_key(config)
    saved = _read_saved(cache, key) if cache is not None else None
    scanned_ns = time.time_ns()
    folders: dict[str, str] = {}
    # Named as load_article names its source: Path's spelling ("./a//b" is "a/b").
    files = [_look_at(str(Path(source)), saved, folders) for source in sources]
    skippable = {str(Path(source)) for source in optional}
    files, articles, pieces, parsed = _read_articles(files, saved, config, progress, skippable)
    # Every file was stat-ed: one that could not be has failed to load by now.
    states = [file.state for file in files if file.state is not None]
    counts, weights = _index(saved, [file.row for file in files], pieces, config)
    written = False
    if cache is not None and (
        saved is None or states != saved.sources or _settled(files, scanned_ns)
    ):
        save = partial(write_collection, key=key, scanned_ns=scanned_ns, sources=states)
        written = _save(cache, partial(save, articles=articles, counts=counts, weights=weights))
    reused = len(files) - parsed
    dropped = 0 if saved is None else len(set(saved.rows).difference(s.path for s in states))
    logger.info("collection: %d articles read, %d from the cache", parsed, reused)
    return CollectionLoad(_collection(articles, weights, config), parsed, reused, dropped, written)


def _index(
    saved: SavedCollection | None,
    rows: list[int | None],
    pieces: list[RowRange],
    config: AnalyzerConfig,
) -> tuple[TermCounts, FittedTfidf]:
    """The counts and weights of the articles: as saved when they are the saved ones, in order."""
    if saved is not None and rows == list(range(len(saved.sources))):
        return saved.counts, saved.weights
    counts = join_counts(pieces)
    return counts, weigh_counts(counts, config.sublinear_tf)


def _is_racy(state: SourceState, scanned_ns: int) -> bool:
    """Whether ``state`` was recorded too close to the scan to trust its times."""
    return max(state.mtime_ns, state.ctime_ns) >= scanned_ns - RACY_NANOSECONDS


def _settled(files: list[_Source], scanned_ns: int) -> bool:
    """Whether a file hashed for being racy is no longer so: saving now spares the next hash."""
    return any(
        file.racy and file.state is not None and not _is_racy(file.state, scanned_ns)
        for file in files
    )


def _look_at(name: str, saved: SavedCollection | None, folders: dict[str, str]) -> _Source:
    """Stat ``name`` and find the saved article it still matches (hashing only when unsure).

    ``folders`` caches each folder's resolved path: resolving every file costs three
    ``lstat`` calls, 60 ms at 5,000 files, for the same answer.
    """
    try:
        status = os.stat(name)
    except OSError:
        return _Source(name, None)  # reading it will say what is wrong
    folder, file_name = os.path.split(name)
    if folder not in folders:
        folders[folder] = os.path.realpath(folder or ".")
    path = os.path.join(folders[folder], file_name)
    state = SourceState(
        path, status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, b""
    )
    row = saved.row_of(state.path) if saved is not None else None
    if row is None or saved is None or saved.sources[row].size != state.size:
        return _Source(name, state)
    known = saved.sources[row]
    racy = _is_racy(known, saved.scanned_ns)
    if replace(known, digest=b"") == state and not racy:
        return _Source(name, known, row)
    digest = _digest(name)
    state = replace(state, digest=digest)
    return _Source(name, state, row if digest == known.digest else None, racy)


def _read_articles(
    files: list[_Source],
    saved: SavedCollection | None,
    config: AnalyzerConfig,
    progress: Progress | None,
    skippable: set[str],
) -> tuple[list[_Source], list[Article], list[RowRange], int]:
    """The sources kept, their articles and count rows (saved ones as they are), and how many
    were read now."""
    to_read = [number for number, file in enumerate(files) if file.row is None]
    read_now = _read_and_count(files, to_read, config, progress, skippable)
    kept: list[_Source] = []
    articles: list[Article] = []
    pieces: list[RowRange] = []
    with paused_gc():  # 130,000 passages at 5,000 articles: 0.3 s with collection on, 0.1 off
        for number, file in enumerate(files):
            if file.row is None:
                if number not in read_now:
                    continue  # skipped, with a warning
                article, piece = read_now[number]
            else:
                assert saved is not None
                article = saved.articles.article(file.row, file.name)
                piece = RowRange(saved.counts, *saved.articles.passage_range(file.row))
            kept.append(file)
            articles.append(article)
            pieces.append(piece)
    if not kept:
        raise ArticleError("none of the articles could be read (see the warnings above)")
    return kept, articles, pieces, len(read_now)


def _read_and_count(
    files: list[_Source],
    to_read: list[int],
    config: AnalyzerConfig,
    progress: Progress | None,
    skippable: set[str],
) -> dict[int, tuple[Article, RowRange]]:
    """Parse the files numbered ``to_read`` and count their terms, a group at a time."""
    analyzer = Analyzer(config)
    done: dict[int, tuple[Article, RowRange]] = {}
    if progress is not None and to_read:
        progress(0, len(to_read))
    for first in range(0, len(to_read), _COUNT_GROUP):
        group = to_read[first : first + _COUNT_GROUP]
        loaded: list[tuple[int, Article]] = []
        for attempted, number in enumerate(group, start=1):
            article = _read_or_skip(files[number], skippable)
            if article is not None:
                loaded.append((number, article))
            if progress is not None:
                progress(first + attempted, len(to_read))
        texts = [p.text for _, article in loaded for p in article.passages]
        counts = count_terms(texts, analyzer)
        start = 0
        for number, article in loaded:
            end = start + len(article.passages)
            done[number] = (article, RowRange(counts, start, end))
            start = end
    return done


def _read_or_skip(file: _Source, skippable: set[str]) -> Article | None:
    """The source's article; None, with a warning, for a skippable one that cannot be read."""
    try:
        return _read(file)
    except ArticleError as error:
        if file.name not in skippable:
            raise
        logger.warning("skipped a file: %s", error)
        return None


def _read(file: _Source) -> Article:
    """Parse one source, recording the digest of its bytes first (so a later edit shows)."""
    if file.state is not None and not file.state.digest:
        file.state = replace(file.state, digest=_digest(file.name))
    return load_article(Path(file.name))


def _digest(path: str) -> bytes:
    """SHA-256 of the file, read as an article is (never a pipe, never past the size cap)."""
    try:
        return hashlib.sha256(read_regular_file(Path(path))).digest()
    except ArticleError:
        return b""  # never equal to a saved digest; reading the article will report the error


def _collection(
    articles: list[Article], weights: FittedTfidf, config: AnalyzerConfig
) -> Collection:
    lengths = [len(article.passages) for article in articles]
    starts = (np.cumsum(lengths) - lengths).tolist()
    passages = CollectionPassages([article.passages for article in articles], starts)
    vocabulary = {term: column for column, term in enumerate(weights.terms)}
    csc = (weights.indptr, weights.indices, weights.data)
    retriever = TfidfRetriever.from_csc_arrays(
        passages, Analyzer(config), vocabulary, weights.idf, csc
    )
    return Collection(tuple(articles), retriever, tuple(starts))


def _read_saved(cache: Path, key: str) -> SavedCollection | None:
    """The saved collection, or None (then everything is read again) if it cannot be used."""
    if not cache.is_file():
        return None
    try:
        return read_collection(cache, key)
    except CollectionFileError as error:
        logger.info("rebuilding the collection cache: %s", error)
    except Exception as error:  # an untrusted file must never stop the bot from starting
        logger.warning("rebuilding the collection cache %s (%s)", cache, type(error).__name__)
    return None


def _save(cache: Path, write: Callable[[Path], None]) -> bool:
    """Save for next time; a cache that cannot be written only makes the next start slower."""
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        write(cache)
    except (OSError, ValueError) as error:
        logger.info("cannot save the collection cache at %s: %s", cache, error)
        return False
    return True
