"""Cutting passages into chunks and numbering them, with as little per-token Python as possible.

A chunk is what the fit analyzes once and reuses (see :mod:`retrieval._build`): a
token of the analyzer's pattern, or, on ASCII text, a maximal run of word
characters and dots, which holds the same tokens (every alternative of the pattern
starts with a word character and holds only word characters and dots, so no match
crosses any other character).

Numbering 20 million chunks is the fit's largest cost after stemming. A Python
string per token plus a dict lookup costs about 250 ns; for a batch of ASCII
passages this module instead finds the runs with NumPy over the batch's bytes,
packs each run of at most 8 bytes into a uint64 key (its bytes, zero-padded:
exact, since runs hold no zero byte), and deduplicates the keys with one sort, so
only each batch's *distinct* chunks become strings and dict lookups. Longer runs,
and passages that are not ASCII, take the string path.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import chain

import numpy as np

from retrieval.analysis import _TOKEN, fold_accents

__all__ = ["ChunkIds"]

# The token pattern the run split was proven on; any other keeps ``findall``.
_SPLIT_PATTERN = r"[^\W\d_](?:\.[^\W\d_])+\.?|\w\w+|\d"
_RUN_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_."
_ASCII_TO_RUNS = str.maketrans(
    {chr(code): chr(code) if chr(code) in _RUN_CHARS else " " for code in range(128)}
)
_RUN_BYTES = np.zeros(256, dtype=bool)
_RUN_BYTES[[ord(char) for char in _RUN_CHARS]] = True
_KEY_BYTES = 8
_KEY_MASKS = np.array([(1 << (8 * n)) - 1 for n in range(_KEY_BYTES + 1)], dtype=np.uint64)


class ChunkIds:
    """Gives every distinct chunk a number, in order of first appearance (``ids``)."""

    def __init__(self, fold_accents: bool) -> None:
        # A new chunk gets the next id inside the C lookup: no Python call per token.
        self.ids: defaultdict[str, int] = defaultdict()
        self.ids.default_factory = self.ids.__len__
        self._split = _TOKEN.pattern == _SPLIT_PATTERN
        self._fold = fold_accents

    def number(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """(passage, chunk id) of every chunk of ``texts``, in text order."""
        if not self._split:
            return self._by_strings(texts)
        ascii_flags = list(map(str.isascii, texts))
        if all(ascii_flags):
            return self._by_bytes(texts)
        if not any(ascii_flags):
            return self._by_strings(texts)
        return self._mixed(texts, ascii_flags)

    def _mixed(
        self, texts: Sequence[str], ascii_flags: list[bool]
    ) -> tuple[np.ndarray, np.ndarray]:
        positions = np.asarray(ascii_flags)
        ascii_rows = np.flatnonzero(positions).astype(np.int32)
        other_rows = np.flatnonzero(~positions).astype(np.int32)
        rows_a, ids_a = self._by_bytes([texts[i] for i in ascii_rows.tolist()])
        rows_b, ids_b = self._by_strings([texts[i] for i in other_rows.tolist()])
        rows = np.concatenate([ascii_rows[rows_a], other_rows[rows_b]])
        order = np.argsort(rows, kind="stable")  # back to text order, chunks in order
        return rows[order], np.concatenate([ids_a, ids_b])[order]

    def _by_strings(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        chunk_lists = list(map(self._text_chunks, texts))
        chunks = list(chain.from_iterable(chunk_lists))
        ids = np.fromiter(map(self.ids.__getitem__, chunks), np.int32, len(chunks))
        counts = np.fromiter(map(len, chunk_lists), np.int64, len(chunk_lists))
        return np.repeat(np.arange(len(texts), dtype=np.int32), counts), ids

    def _text_chunks(self, text: str) -> list[str]:
        if text.isascii():
            if self._split:
                return text.translate(_ASCII_TO_RUNS).split()
        elif self._fold:
            text = fold_accents(text)
        return _TOKEN.findall(text)

    def _by_bytes(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Runs found in the bytes of the joined batch (a space keeps texts apart)."""
        blob = " ".join(texts).encode("ascii")
        edges = np.diff(
            _RUN_BYTES[np.frombuffer(blob, dtype=np.uint8)].view(np.int8),
            prepend=np.int8(0),
            append=np.int8(0),
        )
        starts = np.flatnonzero(edges == 1)
        lengths = np.flatnonzero(edges == -1) - starts
        text_ends = np.cumsum(np.fromiter(map(len, texts), np.int64, len(texts)) + 1)
        rows = np.searchsorted(text_ends, starts, side="right").astype(np.int32)
        ids = np.empty(len(starts), dtype=np.int32)
        short = lengths <= _KEY_BYTES
        ids[short] = self._short_ids(blob, starts[short], lengths[short])
        ids[~short] = self._named_ids(blob, starts[~short], lengths[~short])
        return rows, ids

    def _short_ids(self, blob: bytes, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Ids of runs of at most 8 bytes: one key each, only distinct keys named."""
        padded = np.zeros(len(blob) + _KEY_BYTES, dtype=np.uint8)
        padded[: len(blob)] = np.frombuffer(blob, dtype=np.uint8)
        # Every byte offset read as the start of a little-endian uint64 (unaligned).
        words = np.ndarray((len(blob),), dtype="<u8", buffer=padded, strides=(1,))
        keys = words[starts] & _KEY_MASKS[lengths]
        unique, inverse = np.unique(keys, return_inverse=True)
        one_each = np.empty(len(unique), dtype=np.int64)
        one_each[inverse] = np.arange(len(keys))
        return self._named_ids(blob, starts[one_each], lengths[one_each])[inverse]

    def _named_ids(self, blob: bytes, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        names = [
            blob[start : start + length].decode("ascii")
            for start, length in zip(starts.tolist(), lengths.tolist(), strict=True)
        ]
        return np.fromiter(map(self.ids.__getitem__, names), np.int32, len(names))
