"""Passages kept as columns (one text blob and offset arrays), made into objects on access.

A million :class:`~retrieval.article.Passage` objects cost about 100 MB and 1 s
to create (a frozen dataclass sets each field through ``object.__setattr__``),
which was a third of the time to reload a million-passage index. A search only
ever looks at a handful of them, so the retriever keeps passages from plain
strings and from saved indexes in this column form and builds a ``Passage`` when
one is asked for. It behaves as a read-only sequence and compares equal to any
sequence of the same passages, a tuple included.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

import numpy as np

from retrieval.article import Passage

__all__ = ["PassageColumns"]


class PassageColumns(Sequence[Passage]):
    """A read-only sequence of passages stored as a text blob and offset arrays.

    ``bounds[i]:bounds[i + 1]`` is passage ``i``'s slice of ``blob``; ``starts``,
    ``ends``, ``paragraphs`` and ``indexes`` are its fields.
    """

    __slots__ = ("_blob", "_bounds", "_ends", "_indexes", "_paragraphs", "_starts")

    def __init__(
        self,
        blob: str,
        bounds: np.ndarray,
        *,
        starts: np.ndarray,
        ends: np.ndarray,
        paragraphs: np.ndarray,
        indexes: np.ndarray,
    ) -> None:
        count = len(bounds) - 1
        if any(len(column) != count for column in (starts, ends, paragraphs, indexes)):
            raise ValueError("passage arrays differ in length")
        if count and (bounds[0] != 0 or bounds[-1] != len(blob) or np.any(np.diff(bounds) < 0)):
            raise ValueError("passage text offsets do not fit the text")
        self._blob = blob
        self._bounds = bounds
        self._starts = starts
        self._ends = ends
        self._paragraphs = paragraphs
        self._indexes = indexes

    @classmethod
    def from_texts(cls, texts: Sequence[str]) -> PassageColumns:
        """Passage ``i`` of plain strings: the whole string, paragraph ``i``, index ``i``."""
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        bounds = np.zeros(len(texts) + 1, dtype=np.int64)
        np.cumsum(lengths, out=bounds[1:])
        numbers = np.arange(len(texts), dtype=np.int64)
        zeros = np.zeros(len(texts), dtype=np.int64)
        return cls(
            "".join(texts), bounds, starts=zeros, ends=lengths, paragraphs=numbers, indexes=numbers
        )

    def text(self, position: int) -> str:
        return self._blob[int(self._bounds[position]) : int(self._bounds[position + 1])]

    def texts(self) -> list[str]:
        """Every passage's text, in order (without making Passage objects)."""
        bounds = self._bounds.tolist()
        return list(map(self._blob.__getitem__, map(slice, bounds, bounds[1:])))

    def columns(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The (starts, ends, paragraphs, indexes) arrays."""
        return self._starts, self._ends, self._paragraphs, self._indexes

    def __len__(self) -> int:
        return len(self._bounds) - 1

    @overload
    def __getitem__(self, position: int) -> Passage: ...

    @overload
    def __getitem__(self, position: slice) -> tuple[Passage, ...]: ...

    def __getitem__(self, position: int | slice) -> Passage | tuple[Passage, ...]:
        if isinstance(position, slice):
            return tuple(self[i] for i in range(*position.indices(len(self))))
        if position < 0:
            position += len(self)
        if not 0 <= position < len(self):
            raise IndexError("passage index out of range")
        return Passage(
            self.text(position),
            int(self._starts[position]),
            int(self._ends[position]),
            int(self._paragraphs[position]),
            int(self._indexes[position]),
        )

    def __iter__(self) -> Iterator[Passage]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))  # equal to a tuple of the same passages, so hashed like one

    def __repr__(self) -> str:
        return f"PassageColumns({len(self)} passages)"
