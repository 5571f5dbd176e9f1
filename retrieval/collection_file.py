"""The saved-collection file: articles, their term counts and index, and where each came from.

One uncompressed NumPy ``.npz`` of plain arrays, read with ``allow_pickle=False``
(an index file may come from elsewhere, and unpickling runs code), holding:

- a JSON ``header``: the format name and version, the cache key (analyzer
  settings and the code that turns a file into counts), and when the sources
  were looked at;
- one row per article source: its resolved path, size, modification and change
  times, inode and SHA-256, which tell whether the file is still what was read
  (:mod:`retrieval.collection_cache`);
- the articles themselves as columns (:mod:`retrieval._article_columns`), so
  none of the files is read or parsed again when it has not changed;
- every passage's term counts (:mod:`retrieval._counts`), so an update only
  counts the articles that changed;
- the index over all the articles, in order (idf and CSC weights), so that an
  unchanged collection loads with array reads only.

Keeping both counts and weights doubles the matrix on disk (2 x 8 bytes per
entry, 40 MB at 5,000 articles) but spares each unchanged start a re-weighting
that imports SciPy's sparse module.

Any damage is reported as :class:`CollectionFileError`: the arrays are checked
for the invariants the search path relies on (pointers, ranges, sorted rows),
so a file that reads is a file that searches.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

import retrieval
from retrieval import _article_columns
from retrieval._article_columns import ArticleColumns, pack_articles
from retrieval._build import FittedTfidf
from retrieval._counts import TermCounts
from retrieval._npz import ArchiveError, Member, read_members
from retrieval.analysis import AnalyzerConfig
from retrieval.article import Article
from retrieval.index_file import (
    MAX_HEADER_BYTES,
    _checked_csc,
    _pack_strings,
    _unpack_strings,
    parse_header,
    write_arrays,
)

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "CollectionFileError",
    "SavedCollection",
    "SourceState",
    "cache_key",
    "read_collection",
    "write_collection",
]

FORMAT_NAME = "articlebot-collection"
FORMAT_VERSION = 2  # 2: sources also record their change time and inode
_DIGEST_BYTES = 32
# The code and libraries whose output a saved collection holds.
_PARSING_MODULES = (
    "article.py",
    "cleaning.py",
    "sentences.py",
    "analysis.py",
    "_chunks.py",
    "_build.py",
    "_counts.py",
    "_article_columns.py",
    "collection_file.py",
    "index_file.py",
)
_PARSING_LIBRARIES = ("trafilatura", "lxml", "lxml_html_clean", "snowballstemmer")


class CollectionFileError(ValueError):
    """A saved collection cannot be used (missing, damaged, foreign or out of date)."""


@dataclass(frozen=True, slots=True)
class SourceState:
    """A source file as it was read: what one ``stat`` tells, and the hash of its bytes.

    Size and modification time alone can be put back after an edit (``cp -p``,
    ``rsync -t``, ``tar x``); the change time cannot (any write, and the very
    call that sets the times, moves it), and a file replaced by another has a
    new inode. :mod:`retrieval.collection_cache` trusts the saved article only
    when all four are unchanged, and hashes the file otherwise.
    """

    path: str  # resolved
    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    digest: bytes  # SHA-256 of the file's bytes


@dataclass(frozen=True, slots=True, eq=False)
class SavedCollection:
    """What a collection file holds; ``weights`` index ``articles`` in stored order."""

    key: str
    scanned_ns: int  # when the sources were looked at (time.time_ns())
    sources: list[SourceState]  # one per article
    articles: ArticleColumns
    counts: TermCounts
    weights: FittedTfidf
    rows: dict[str, int]  # the article of each resolved source path

    def row_of(self, path: str) -> int | None:
        """The saved article read from ``path`` (resolved), if any."""
        return self.rows.get(path)


def cache_key(config: AnalyzerConfig) -> str:
    """What a saved collection must have been made with to be reused as it is."""
    digest = hashlib.sha256()
    settings = {"format": FORMAT_VERSION, "analyzer": config.to_dict()}
    digest.update(json.dumps(settings, sort_keys=True).encode("utf-8"))
    package = Path(retrieval.__file__).parent
    modules = [package / name for name in _PARSING_MODULES]
    for module in [*modules, *sorted((package / "formats").glob("*.py"))]:
        digest.update(module.name.encode("utf-8") + b"\x00" + module.read_bytes())
    for library in _PARSING_LIBRARIES:
        try:
            version = metadata.version(library)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"\x00{library}={version}".encode())
    return digest.hexdigest()


def write_collection(
    path: Path,
    *,
    key: str,
    scanned_ns: int,
    sources: Sequence[SourceState],
    articles: Sequence[Article],
    counts: TermCounts,
    weights: FittedTfidf,
) -> None:
    """Save a collection to ``path`` (replaced atomically); ValueError if it cannot be stored."""
    if len(sources) != len(articles):
        raise ValueError("one source state per article is needed")
    header = {"format": FORMAT_NAME, "version": FORMAT_VERSION}
    header.update(key=key, scanned_ns=scanned_ns)
    source_paths, source_path_ends = _pack_strings([source.path for source in sources])
    terms, term_ends = _pack_strings(counts.terms)
    digests = b"".join(source.digest for source in sources)
    arrays = {
        "header": np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8),
        "source_paths": source_paths,
        "source_path_ends": source_path_ends,
        "source_sizes": np.array([source.size for source in sources], dtype=np.int64),
        "source_mtimes": np.array([source.mtime_ns for source in sources], dtype=np.int64),
        "source_ctimes": np.array([source.ctime_ns for source in sources], dtype=np.int64),
        "source_inodes": np.array([source.inode for source in sources], dtype=np.uint64),
        "source_digests": np.frombuffer(digests, dtype=np.uint8).reshape(-1, _DIGEST_BYTES),
        **pack_articles(articles),
        "terms": terms,
        "term_ends": term_ends,
        "count_indptr": counts.indptr.astype(np.int64),
        "count_indices": counts.indices.astype(np.int32),
        "count_data": counts.data.astype(np.float32),
        "idf": weights.idf.astype(np.float32),
        "weight_indptr": weights.indptr.astype(np.int64),
        "weight_indices": weights.indices.astype(np.int32),
        "weight_data": weights.data.astype(np.float32),
    }
    write_arrays(path, arrays)


def read_collection(path: Path, key: str) -> SavedCollection:
    """Read the collection saved at ``path`` under cache key ``key``.

    Every array is checked (types, sizes, ranges, finite numbers) before it is
    used, so a collection that reads is one that searches; any problem is a
    :class:`CollectionFileError`.
    """
    arrays = _read_arrays(path)
    header = _read_header(arrays.pop("header"), path)
    if header.get("key") != key:
        raise CollectionFileError(f"{path} was saved by other code or settings")
    scanned_ns = header.get("scanned_ns")
    if not isinstance(scanned_ns, int) or isinstance(scanned_ns, bool) or scanned_ns < 0:
        raise CollectionFileError(f"{path} has a damaged header")
    try:
        return _saved_collection(arrays, key, scanned_ns)
    except (KeyError, IndexError, TypeError, ValueError, UnicodeDecodeError) as error:
        raise CollectionFileError(f"{path} is damaged ({error})") from None


def _saved_collection(arrays: dict[str, np.ndarray], key: str, scanned_ns: int) -> SavedCollection:
    articles = ArticleColumns(arrays)
    paths = _unpack_strings(arrays["source_paths"], arrays["source_path_ends"])
    sizes, mtimes, ctimes, inodes = (
        arrays[name].tolist()
        for name in ("source_sizes", "source_mtimes", "source_ctimes", "source_inodes")
    )
    digests = [digest.tobytes() for digest in arrays["source_digests"]]
    if arrays["source_digests"].shape[1:] != (_DIGEST_BYTES,):
        raise ValueError("source digests have the wrong shape")
    columns = (paths, sizes, mtimes, ctimes, inodes, digests)
    if any(len(column) != len(articles) for column in columns):
        raise ValueError("one source per article is needed")
    sources = [SourceState(*fields) for fields in zip(*columns, strict=True)]
    terms = _unpack_strings(arrays["terms"], arrays["term_ends"])
    n_passages = articles.passage_range(len(articles) - 1)[1] if len(articles) else 0
    counts = _checked_counts(arrays, terms, n_passages)
    weights = _checked_weights(arrays, terms, n_passages)
    rows = {source.path: row for row, source in enumerate(sources)}
    return SavedCollection(key, scanned_ns, sources, articles, counts, weights, rows)


def _checked_counts(arrays: dict[str, np.ndarray], terms: list[str], n_rows: int) -> TermCounts:
    indptr, indices = arrays["count_indptr"], arrays["count_indices"]
    data = arrays["count_data"]
    if indptr.ndim != 1 or len(indptr) != n_rows + 1 or indptr[0] != 0:
        raise ValueError("count rows do not match the passages")
    if indptr[-1] != len(indices) or len(data) != len(indices) or np.any(np.diff(indptr) < 0):
        raise ValueError("count pointers do not match the counts")
    if len(indices) and (int(indices.min()) < 0 or int(indices.max()) >= len(terms)):
        raise ValueError("count terms out of range")
    if not np.all(np.isfinite(data) & (data >= 1)):
        raise ValueError("counts must be finite, and one or more")
    return TermCounts(terms, indptr, indices, data)


def _checked_weights(arrays: dict[str, np.ndarray], terms: list[str], n_rows: int) -> FittedTfidf:
    named = {
        "indptr": arrays["weight_indptr"],
        "indices": arrays["weight_indices"],
        "data": arrays["weight_data"],
        "idf": arrays["idf"],
    }
    indptr, indices, data = _checked_csc(named, n_rows, len(terms))
    return FittedTfidf(terms, named["idf"], indptr, indices, data)


_MEMBERS = {
    "header": Member("u1", max_bytes=MAX_HEADER_BYTES),
    "source_paths": Member("u1"),
    "source_path_ends": Member("i8"),
    "source_sizes": Member("i8"),
    "source_mtimes": Member("i8"),
    "source_ctimes": Member("i8"),
    "source_inodes": Member("u8"),
    "source_digests": Member("u1", ndim=2),
    **_article_columns.MEMBERS,
    "terms": Member("u1"),
    "term_ends": Member("i8"),
    "count_indptr": Member("i8"),
    "count_indices": Member("i4"),
    "count_data": Member("f4"),
    "idf": Member("f4"),
    "weight_indptr": Member("i8"),
    "weight_indices": Member("i4"),
    "weight_data": Member("f4"),
}


def _read_arrays(path: Path) -> dict[str, np.ndarray]:
    try:
        return read_members(path, _MEMBERS)
    except ArchiveError as error:
        raise CollectionFileError(f"{path} is not a readable saved collection ({error})") from None


def _read_header(raw: np.ndarray, path: Path) -> dict[str, Any]:
    header = parse_header(raw)
    if header is None:
        raise CollectionFileError(f"{path} has a damaged header")
    if header.get("format") != FORMAT_NAME:
        raise CollectionFileError(f"{path} is not a saved collection")
    if header.get("version") != FORMAT_VERSION:
        raise CollectionFileError(
            f"{path} is in another collection format version; "
            f"this articlebot reads version {FORMAT_VERSION}"
        )
    return header
