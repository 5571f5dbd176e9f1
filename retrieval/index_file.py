"""The saved-index file format: a NumPy ``.npz`` archive of plain arrays, no pickles.

Why not ``pickle`` or ``joblib``: an index file may come from somewhere else, and
unpickling runs code. Every member here is a numeric or byte array read with
``allow_pickle=False``; strings (terms, passage texts) are stored as one UTF-8
blob plus an offsets array, which also loads far faster than a million small
Python objects.

The ``header`` member is JSON: the format name, its version, and the analyzer
settings (plus any fields the writer adds, such as a cache key). Readers refuse
other format names and versions with a message that says how to rebuild the file.

Reading needs NumPy only: the matrix stays as its CSC arrays, which is what the
query path uses, so loading an index imports neither SciPy's sparse module nor
scikit-learn.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from retrieval._npz import ArchiveError, Member, read_members
from retrieval._passages import LazyPassages, PassageColumns
from retrieval.analysis import Analyzer, AnalyzerConfig
from retrieval.article import Passage
from retrieval.printable import printable

if TYPE_CHECKING:
    from retrieval.tfidf import TfidfRetriever

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "IndexFileError",
    "read_header",
    "read_index",
    "write_arrays",
    "write_index",
]

FORMAT_NAME = "articlebot-tfidf-index"
FORMAT_VERSION = 1
_REBUILD_HINT = "rebuild it with TfidfRetriever.fit(passages).save(path)"
# The JSON header holds a few settings; a larger one is not ours.
MAX_HEADER_BYTES = 64 * 1024
_MAX_HEADER_DEPTH = 8
_MEMBERS = {
    "header": Member("u1", max_bytes=MAX_HEADER_BYTES),
    "idf": Member("f4"),
    "indptr": Member("i8"),
    "indices": Member("i4"),
    "data": Member("f4"),
    "terms": Member("u1"),
    "term_ends": Member("i8"),
    "texts": Member("u1"),
    "text_ends": Member("i8"),
    "starts": Member("i8"),
    "ends": Member("i8"),
    "paragraphs": Member("i8"),
    "passage_indexes": Member("i8"),
}
# Passage vectors are l2-normalized, so no weight exceeds 1 (but for float32 rounding).
_MAX_WEIGHT = 1.0 + 1e-3


class IndexFileError(ValueError):
    """A saved index cannot be read; the message says why and how to recover."""


def write_index(
    retriever: TfidfRetriever, path: Path, extra_header: dict[str, Any] | None = None
) -> None:
    """Write ``retriever`` to ``path`` (the file is replaced atomically).

    ``extra_header`` adds JSON-able fields to the header; they cannot replace the
    format's own fields.
    """
    header = {
        **(extra_header or {}),
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "analyzer": retriever.analyzer.config.to_dict(),
        "n_passages": len(retriever.passages),
        "n_terms": len(retriever.vocabulary),
    }
    terms = sorted(retriever.vocabulary, key=retriever.vocabulary.__getitem__)
    term_blob, term_ends = _pack_strings(terms)
    texts, starts, ends, paragraphs, indexes = _passage_columns(retriever.passages)
    text_blob, text_ends = _pack_strings(texts)
    indptr, indices, data = retriever.csc_arrays()
    arrays: dict[str, np.ndarray] = {
        "header": np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8),
        "idf": retriever.idf.astype(np.float32),
        "indptr": indptr.astype(np.int64),
        "indices": indices.astype(np.int32),
        "data": data.astype(np.float32),
        "terms": term_blob,
        "term_ends": term_ends,
        "texts": text_blob,
        "text_ends": text_ends,
        "starts": starts,
        "ends": ends,
        "paragraphs": paragraphs,
        "passage_indexes": indexes,
    }
    write_arrays(path, arrays)


def write_arrays(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Write ``arrays`` to ``path`` as an uncompressed ``.npz``, replacing it atomically.

    A unique temporary name, so two processes caching the same index at once
    never write into one file; the rename makes the new file appear whole.
    (Not tempfile's: it creates files readable by their owner only.)
    """
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        with temporary.open("xb") as handle:
            np.savez(handle, **arrays)  # type: ignore[arg-type]
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _passage_columns(
    passages: Sequence[Passage],
) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Texts and (starts, ends, paragraphs, indexes) arrays of ``passages``."""
    if isinstance(passages, LazyPassages):
        return (passages.texts(), *passages.columns())
    fields = [
        np.fromiter((getattr(p, name) for p in passages), np.int64, len(passages))
        for name in ("start", "end", "paragraph", "index")
    ]
    return [p.text for p in passages], *fields  # type: ignore[return-value]


def read_header(path: Path) -> dict[str, Any]:
    """Read only the header of an index file (cheap: the arrays stay on disk)."""
    return _read_header(_read_arrays(path, ("header",))["header"], path)


def read_index(path: Path) -> TfidfRetriever:
    """Read an index file written by :func:`write_index`.

    Everything is checked before the index is built (types, sizes, ranges,
    finite weights and a positive idf), so an index that loads answers every
    query: any problem is an :class:`IndexFileError`, raised here.
    """
    from retrieval.tfidf import TfidfRetriever

    arrays = _read_arrays(path)
    header = _read_header(arrays["header"], path)
    try:
        config = AnalyzerConfig.from_dict(header["analyzer"])
        terms = _unpack_strings(arrays["terms"], arrays["term_ends"])
        passages = _unpack_passages(_checked_passage_columns(arrays))
        _check_counts(header, len(passages), terms)
        csc = _checked_csc(arrays, len(passages), len(terms))
        vocabulary = {term: column for column, term in enumerate(terms)}
        return TfidfRetriever.from_csc_arrays(
            passages, Analyzer(config), vocabulary, arrays["idf"], csc
        )
    except (KeyError, IndexError, TypeError, ValueError, UnicodeDecodeError) as error:
        raise IndexFileError(f"index file {path} is damaged ({error}); {_REBUILD_HINT}") from None


def _check_counts(header: dict[str, Any], n_passages: int, terms: list[str]) -> None:
    if header.get("n_passages", n_passages) != n_passages:
        raise ValueError("the header and the passages disagree")
    if header.get("n_terms", len(terms)) != len(terms) or len(set(terms)) != len(terms):
        raise ValueError("the header and the vocabulary disagree, or a term repeats")


def _checked_passage_columns(arrays: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The passage arrays, refused unless every passage has its text and sane offsets."""
    blob, ends = arrays["texts"], arrays["text_ends"]
    _check_string_ends(blob, ends)
    # Each text must start on a character, not inside a UTF-8 sequence.
    inner = ends[ends < len(blob)]
    if np.any((blob[inner] & 0xC0) == 0x80):
        raise ValueError("a passage text starts inside a character")
    columns = [arrays[name] for name in ("starts", "ends", "paragraphs", "passage_indexes")]
    if any(len(column) != len(ends) for column in columns):
        raise ValueError("passage columns disagree in length")
    if any(np.any(column < 0) for column in columns) or np.any(columns[1] < columns[0]):
        raise ValueError("passage offsets out of range")
    return arrays


def _checked_csc(
    arrays: dict[str, np.ndarray], n_rows: int, n_columns: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The CSC arrays, after the checks that keep a damaged file from failing a query.

    Besides shapes and ranges (no index out of range, rows sorted for the binary
    search), the numbers a query computes with: an idf that is finite and
    positive (a query of zero idf has no norm to divide by), weights that are
    finite and within (0, 1] (a NaN would reach ``--json`` as ``NaN``, which is
    not JSON). Whether each passage's vector still has unit length is not
    measured (a pass over every weight: 25 ms at 4 million); the search caps a
    score at 1 instead.
    """
    indptr, indices, data = arrays["indptr"], arrays["indices"], arrays["data"]
    idf = arrays["idf"]
    if indptr.ndim != 1 or len(indptr) != n_columns + 1 or len(idf) != n_columns:
        raise ValueError("matrix and vocabulary sizes disagree")
    if indptr[0] != 0 or indptr[-1] != len(indices) or len(data) != len(indices):
        raise ValueError("matrix pointers do not match its entries")
    if np.any(np.diff(indptr) < 0):
        raise ValueError("matrix pointers decrease")
    if len(indices) and (int(indices.min()) < 0 or int(indices.max()) >= n_rows):
        raise ValueError("matrix rows out of range")
    # The query path binary-searches each column's rows, so they must ascend.
    descents = np.flatnonzero(np.diff(indices) <= 0)
    if not np.isin(descents + 1, indptr[1:-1]).all():
        raise ValueError("matrix rows are not sorted within their columns")
    if not np.all(np.isfinite(idf) & (idf > 0)):
        raise ValueError("idf values must be finite and positive")
    if not np.all(np.isfinite(data) & (data > 0) & (data <= _MAX_WEIGHT)):
        raise ValueError("weights must be finite and within (0, 1]")
    return indptr, indices, data


def _read_arrays(path: Path, members: tuple[str, ...] | None = None) -> dict[str, np.ndarray]:
    if not path.is_file():
        raise IndexFileError(f"index file not found: {path}")
    wanted = _MEMBERS if members is None else {name: _MEMBERS[name] for name in members}
    try:
        return read_members(path, wanted)
    except ArchiveError as error:
        raise IndexFileError(
            f"{path} is not a readable articlebot index ({error}); {_REBUILD_HINT}"
        ) from None


def _read_header(raw: np.ndarray, path: Path) -> dict[str, Any]:
    header = parse_header(raw)
    if header is None:
        raise IndexFileError(f"{path} has a damaged header; {_REBUILD_HINT}")
    if header.get("format") != FORMAT_NAME:
        raise IndexFileError(f"{path} is not an articlebot index; {_REBUILD_HINT}")
    version = header.get("version")
    if version != FORMAT_VERSION:
        raise IndexFileError(
            f"{path} uses index format version {printable(repr(version))[:20]}, but this "
            f"articlebot reads version {FORMAT_VERSION}; {_REBUILD_HINT}"
        )
    return header


def parse_header(raw: np.ndarray) -> dict[str, Any] | None:
    """The JSON object a header member holds, or None when it is not a small, flat one.

    JSON can nest without end (``json`` raises RecursionError) and spell integers of
    any length (ValueError past 4,300 digits); neither is a header.
    """
    try:
        header = json.loads(raw.tobytes().decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(header, dict) or _depth(header) > _MAX_HEADER_DEPTH:
        return None
    return header


def _depth(value: Any) -> int:
    """How deeply lists and objects nest in a JSON value (iteratively: no recursion limit)."""
    deepest = 0
    pending = [(value, 1)]
    while pending:  # each value is visited once
        item, depth = pending.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            children = item.values() if isinstance(item, dict) else item
            pending.extend((child, depth + 1) for child in children)
    return deepest


# Text handed to the library as plain strings may hold lone surrogates (from JSON
# "\ud800", say). They are stored as their three bytes and read back as they were,
# so an index saves and loads exactly what it was fitted on.
_LONE_SURROGATES = "surrogatepass"


def _pack_strings(strings: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """One UTF-8 blob and the byte offset where each string ends.

    Encoded a batch at a time into one array sized in advance: joining all the
    strings first would hold the text twice more at once, and the joined string
    takes two or four bytes a character as soon as one character is past U+00FF
    (600 MB instead of 150 MB at a million passages). Sizing needs each string's
    UTF-8 length: its length when it is ASCII; only the others are encoded alone.
    """
    byte_lengths = np.fromiter(map(len, strings), np.int64, len(strings))
    ascii_flags = np.fromiter(map(str.isascii, strings), bool, len(strings))
    for row in np.flatnonzero(~ascii_flags).tolist():
        byte_lengths[row] = len(strings[row].encode("utf-8", _LONE_SURROGATES))
    ends = np.cumsum(byte_lengths, dtype=np.int64)
    data = np.empty(int(ends[-1]) if len(ends) else 0, dtype=np.uint8)
    for first in range(0, len(strings), _PACK_BATCH):
        batch = "".join(strings[first : first + _PACK_BATCH]).encode("utf-8", _LONE_SURROGATES)
        start = int(ends[first - 1]) if first else 0
        data[start : start + len(batch)] = np.frombuffer(batch, dtype=np.uint8)
    return data, ends


# Strings encoded at a time when packing: a few MB of text.
_PACK_BATCH = 20_000


def _check_string_ends(blob: np.ndarray, ends: np.ndarray) -> None:
    """Refuse ``ends`` that are not ascending offsets ending at the blob's end."""
    if blob.ndim != 1 or ends.ndim != 1:
        raise ValueError("strings are not stored as a blob and its offsets")
    if len(ends) and (ends[0] < 0 or ends[-1] != len(blob) or np.any(np.diff(ends) < 0)):
        raise ValueError("string offsets do not cut their blob")
    if not len(ends) and len(blob):
        raise ValueError("a blob of no strings holds bytes")


def _unpack_strings(blob: np.ndarray, ends: np.ndarray) -> list[str]:
    """Split a UTF-8 blob at byte offsets ``ends`` (checked first).

    ASCII text (byte offsets are character offsets) is decoded once and sliced,
    several times faster than a million small decodes.
    """
    _check_string_ends(blob, ends)
    data = blob.tobytes()
    starts = [0, *ends.tolist()]
    bounds = list(map(slice, starts, starts[1:]))
    if data.isascii():
        return list(map(data.decode("ascii").__getitem__, bounds))
    # Decoded once too, and cut at character offsets: a byte offset less the UTF-8
    # continuation bytes before it (a million small decodes cost a tenth of a
    # reload with a vocabulary of accented words). A string that ends inside a
    # character would decode alone with an error, so it is refused as that would.
    text = data.decode("utf-8", _LONE_SURROGATES)
    continuations = np.flatnonzero((blob & 0xC0) == 0x80)
    cuts = np.asarray(starts, dtype=np.int64)
    before = np.searchsorted(continuations, cuts)
    inside = before < len(continuations)
    if np.any(continuations[before[inside]] == cuts[inside]):
        raise UnicodeDecodeError("utf-8", data, 0, len(data), "a string ends inside a character")
    characters = (cuts - before).tolist()
    return list(map(text.__getitem__, map(slice, characters, characters[1:])))


def _unpack_passages(arrays: dict[str, np.ndarray]) -> PassageColumns:
    """The passages, kept as columns: the stored UTF-8 text and its byte offsets, as they are.

    No character offsets are computed: each passage is decoded when it is asked for.
    """
    return PassageColumns(
        arrays["texts"],
        np.concatenate([[0], arrays["text_ends"]]).astype(np.int64),
        starts=arrays["starts"].astype(np.int64),
        ends=arrays["ends"].astype(np.int64),
        paragraphs=arrays["paragraphs"].astype(np.int64),
        indexes=arrays["passage_indexes"].astype(np.int64),
    )
