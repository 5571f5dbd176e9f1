"""The saved-index file format: a NumPy ``.npz`` archive of plain arrays, no pickles.

Why not ``pickle`` or ``joblib``: an index file may come from somewhere else, and
unpickling runs code. Every member here is a numeric or byte array read with
``allow_pickle=False``; strings (terms, passage texts) are stored as one UTF-8
blob plus an offsets array, which also loads far faster than a million small
Python objects.

The ``header`` member is JSON: the format name, its version, and the analyzer
settings. Readers refuse other format names and versions with a message that says
how to rebuild the file.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from scipy import sparse

from retrieval.analysis import Analyzer, AnalyzerConfig
from retrieval.article import Passage

if TYPE_CHECKING:
    from retrieval.tfidf import TfidfRetriever

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "IndexFileError", "read_index", "write_index"]

FORMAT_NAME = "articlebot-tfidf-index"
FORMAT_VERSION = 1
_REBUILD_HINT = "rebuild it with TfidfRetriever.fit(passages).save(path)"
_MEMBERS = (
    "header",
    "idf",
    "indptr",
    "indices",
    "data",
    "terms",
    "term_ends",
    "texts",
    "text_ends",
    "starts",
    "ends",
    "paragraphs",
    "passage_indexes",
)


class IndexFileError(ValueError):
    """A saved index cannot be read; the message says why and how to recover."""


def write_index(retriever: TfidfRetriever, path: Path) -> None:
    """Write ``retriever`` to ``path`` (the file is replaced atomically)."""
    header = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "analyzer": retriever.analyzer.config.to_dict(),
        "n_passages": len(retriever.passages),
        "n_terms": len(retriever.vocabulary),
    }
    terms = sorted(retriever.vocabulary, key=retriever.vocabulary.__getitem__)
    term_blob, term_ends = _pack_strings(terms)
    text_blob, text_ends = _pack_strings([p.text for p in retriever.passages])
    matrix = retriever.matrix
    arrays: dict[str, np.ndarray] = {
        "header": np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8),
        "idf": retriever.idf.astype(np.float32),
        "indptr": matrix.indptr.astype(np.int64),
        "indices": matrix.indices.astype(np.int32),
        "data": matrix.data.astype(np.float32),
        "terms": term_blob,
        "term_ends": term_ends,
        "texts": text_blob,
        "text_ends": text_ends,
        "starts": np.fromiter((p.start for p in retriever.passages), np.int64),
        "ends": np.fromiter((p.end for p in retriever.passages), np.int64),
        "paragraphs": np.fromiter((p.paragraph for p in retriever.passages), np.int64),
        "passage_indexes": np.fromiter((p.index for p in retriever.passages), np.int64),
    }
    temporary = path.with_name(path.name + ".tmp")
    with temporary.open("wb") as handle:
        np.savez(handle, **arrays)  # type: ignore[arg-type]
    temporary.replace(path)


def read_index(path: Path) -> TfidfRetriever:
    """Read an index file written by :func:`write_index`."""
    from retrieval.tfidf import TfidfRetriever

    arrays = _read_arrays(path)
    header = _read_header(arrays["header"], path)
    try:
        config = AnalyzerConfig.from_dict(header["analyzer"])
        terms = _unpack_strings(arrays["terms"], arrays["term_ends"])
        texts = _unpack_strings(arrays["texts"], arrays["text_ends"])
        passages = [
            Passage(text, int(start), int(end), int(paragraph), int(index))
            for text, start, end, paragraph, index in zip(
                texts,
                arrays["starts"],
                arrays["ends"],
                arrays["paragraphs"],
                arrays["passage_indexes"],
                strict=True,
            )
        ]
        matrix = sparse.csc_matrix(
            (arrays["data"], arrays["indices"], arrays["indptr"]),
            shape=(len(passages), len(terms)),
        )
        matrix.check_format(full_check=False)
        vocabulary = {term: column for column, term in enumerate(terms)}
        return TfidfRetriever(passages, Analyzer(config), vocabulary, arrays["idf"], matrix)
    except (KeyError, TypeError, ValueError, UnicodeDecodeError) as error:
        raise IndexFileError(f"index file {path} is damaged ({error}); {_REBUILD_HINT}") from None


def _read_arrays(path: Path) -> dict[str, np.ndarray]:
    if not path.is_file():
        raise IndexFileError(f"index file not found: {path}")
    try:
        with np.load(path, allow_pickle=False) as archive:
            missing = [name for name in _MEMBERS if name not in archive.files]
            if missing:
                raise IndexFileError(
                    f"{path} is not an articlebot index (missing {', '.join(missing)}); "
                    f"{_REBUILD_HINT}"
                )
            return {name: archive[name] for name in _MEMBERS}
    except IndexFileError:
        raise
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as error:
        raise IndexFileError(
            f"{path} is not a readable articlebot index ({error}); {_REBUILD_HINT}"
        ) from None


def _read_header(raw: np.ndarray, path: Path) -> dict[str, Any]:
    try:
        header = json.loads(raw.tobytes().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise IndexFileError(f"{path} has a damaged header; {_REBUILD_HINT}") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT_NAME:
        raise IndexFileError(f"{path} is not an articlebot index; {_REBUILD_HINT}")
    version = header.get("version")
    if version != FORMAT_VERSION:
        raise IndexFileError(
            f"{path} uses index format version {version}, but this articlebot reads "
            f"version {FORMAT_VERSION}; {_REBUILD_HINT}"
        )
    return header


def _pack_strings(strings: list[str]) -> tuple[np.ndarray, np.ndarray]:
    encoded = [string.encode("utf-8") for string in strings]
    ends = np.cumsum([len(item) for item in encoded], dtype=np.int64)
    return np.frombuffer(b"".join(encoded), dtype=np.uint8), ends


def _unpack_strings(blob: np.ndarray, ends: np.ndarray) -> list[str]:
    data = blob.tobytes()
    bounds = [0, *ends.tolist()]
    return [data[bounds[i] : bounds[i + 1]].decode("utf-8") for i in range(len(ends))]
