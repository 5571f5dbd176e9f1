"""Passages made into objects only when asked for: from plain strings, or from a saved index.

A million :class:`~retrieval.article.Passage` objects cost about 100 MB and 1 s
to create (a frozen dataclass sets each field through ``object.__setattr__``),
which was a third of the time to reload a million-passage index. A search only
ever looks at a handful of them, so the retriever keeps passages from plain
strings (:class:`TextPassages`, over the caller's strings, no copy) and from saved
indexes (:class:`PassageColumns`, one UTF-8 blob and offset arrays) in these forms
and builds a ``Passage`` when one is asked for. Both behave as read-only sequences
and compare equal to any sequence of the same passages, a tuple included.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import overload

import numpy as np

from retrieval.article import Passage

__all__ = [
    "CollectionPassages",
    "LazyPassages",
    "PassageColumns",
    "TextPassages",
    "new_passage",
]

Columns = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


_new = object.__new__
_PASSAGE_FIELDS = ("text", "start", "end", "paragraph", "index")
_set_text, _set_start, _set_end, _set_paragraph, _set_index = (
    getattr(Passage, name).__set__ for name in _PASSAGE_FIELDS
)


def new_passage(text: str, start: int, end: int, paragraph: int, index: int) -> Passage:
    """``Passage(text, start, end, paragraph, index)`` in half the time.

    A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``
    (0.6 us a passage); its slot descriptors set them directly (0.3 us). A search
    makes one per hit, and at 10,000 passages ten hits were a third of its time.
    """
    passage = _new(Passage)
    _set_text(passage, text)
    _set_start(passage, start)
    _set_end(passage, end)
    _set_paragraph(passage, paragraph)
    _set_index(passage, index)
    return passage


class LazyPassages(Sequence[Passage]):
    """A read-only sequence of passages that makes each ``Passage`` on access."""

    __slots__ = ()

    def _make(self, position: int) -> Passage:
        raise NotImplementedError

    def take(self, positions: list[int]) -> list[Passage]:
        """The passages at ``positions`` (each in range, not negative), as a search asks."""
        return list(map(self._make, positions))

    def texts(self) -> list[str]:
        """Every passage's text, in order (without making Passage objects)."""
        raise NotImplementedError

    def columns(self) -> Columns:
        """The (starts, ends, paragraphs, indexes) arrays, int64."""
        raise NotImplementedError

    @overload
    def __getitem__(self, position: int) -> Passage: ...

    @overload
    def __getitem__(self, position: slice) -> tuple[Passage, ...]: ...

    def __getitem__(self, position: int | slice) -> Passage | tuple[Passage, ...]:
        if isinstance(position, slice):
            return tuple(self._make(i) for i in range(*position.indices(len(self))))
        if position < 0:
            position += len(self)
        if not 0 <= position < len(self):
            raise IndexError("passage index out of range")
        return self._make(position)

    def __iter__(self) -> Iterator[Passage]:
        return map(self._make, range(len(self)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))  # equal to a tuple of the same passages, so hashed like one

    def __repr__(self) -> str:
        return f"{type(self).__name__}({len(self)} passages)"


class TextPassages(LazyPassages):
    """Plain strings as passages: passage ``i`` is string ``i`` whole, paragraph ``i``."""

    __slots__ = ("_texts",)

    def __init__(self, texts: Sequence[str]) -> None:
        self._texts = list(texts)  # a list of references: the strings are not copied

    def __len__(self) -> int:
        return len(self._texts)

    def _make(self, position: int) -> Passage:
        text = self._texts[position]
        return new_passage(text, 0, len(text), position, position)

    def take(self, positions: list[int]) -> list[Passage]:
        texts = self._texts
        return [new_passage(texts[i], 0, len(texts[i]), i, i) for i in positions]

    def texts(self) -> list[str]:
        return self._texts

    def columns(self) -> Columns:
        lengths = np.fromiter(map(len, self._texts), dtype=np.int64, count=len(self._texts))
        numbers = np.arange(len(self._texts), dtype=np.int64)
        return np.zeros(len(self._texts), dtype=np.int64), lengths, numbers, numbers


class PassageColumns(LazyPassages):
    """Passages stored as one UTF-8 blob and offset arrays, as a saved index holds them.

    ``bounds[i]:bounds[i + 1]`` is passage ``i``'s slice of ``blob``, in bytes;
    ``starts``, ``ends``, ``paragraphs`` and ``indexes`` are its fields. The text
    stays UTF-8 and a passage is decoded when it is asked for (a search asks for
    ten): decoding it all at load would cost a second at a million passages, and
    one character past U+00FF makes the whole decoded string two or four bytes a
    character, so memory and time would depend on whether the text is ASCII.
    """

    __slots__ = ("_ascii", "_blob", "_bounds", "_ends", "_indexes", "_paragraphs", "_starts")

    def __init__(
        self,
        blob: bytes | np.ndarray,
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
        data = np.frombuffer(blob, dtype=np.uint8) if isinstance(blob, bytes) else blob
        data = np.ascontiguousarray(data)
        if data.dtype != np.uint8 or data.ndim != 1:
            raise ValueError("passage text is not a byte array")
        if bounds[0] != 0 or bounds[-1] != len(data) or np.any(np.diff(bounds) < 0):
            raise ValueError("passage text offsets do not fit the text")
        self._blob = data.data  # a memoryview: slices without copying
        self._ascii = _checked_is_ascii(data, bounds)
        self._bounds = bounds
        self._starts = starts
        self._ends = ends
        self._paragraphs = paragraphs
        self._indexes = indexes

    def __len__(self) -> int:
        return len(self._bounds) - 1

    def _make(self, position: int) -> Passage:
        start, end = int(self._bounds[position]), int(self._bounds[position + 1])
        return new_passage(
            str(self._blob[start:end], "utf-8", _LONE_SURROGATES),
            int(self._starts[position]),
            int(self._ends[position]),
            int(self._paragraphs[position]),
            int(self._indexes[position]),
        )

    def take(self, positions: list[int]) -> list[Passage]:
        # Each column read once for all positions: NumPy scalars cost ~0.2 us apiece.
        rows = np.asarray(positions, dtype=np.intp)
        fields = (self._starts, self._ends, self._paragraphs, self._indexes)
        starts, ends, paragraphs, indexes = (column[rows].tolist() for column in fields)
        blob, bounds = self._blob, self._bounds
        firsts, lasts = bounds[rows].tolist(), bounds[rows + 1].tolist()
        pairs = zip(firsts, lasts, strict=True)
        texts = [str(blob[a:b], "utf-8", _LONE_SURROGATES) for a, b in pairs]
        return list(map(new_passage, texts, starts, ends, paragraphs, indexes))

    def texts(self) -> list[str]:
        bounds = self._bounds.tolist()
        if self._ascii:  # bytes are characters: one decode per batch, then slices
            texts: list[str] = []
            for first in range(0, len(bounds) - 1, _TEXT_BATCH):
                batch = bounds[first : first + _TEXT_BATCH + 1]
                text, offset = str(self._blob[batch[0] : batch[-1]], "ascii"), batch[0]
                texts.extend(text[a - offset : b - offset] for a, b in pairwise(batch))
            return texts
        blob = self._blob
        return [str(blob[start:end], "utf-8", _LONE_SURROGATES) for start, end in pairwise(bounds)]

    def columns(self) -> Columns:
        return self._starts, self._ends, self._paragraphs, self._indexes


# Passages fitted from plain strings may hold lone surrogates, stored as their three
# UTF-8 bytes (see retrieval.index_file); they decode back as they were.
_LONE_SURROGATES = "surrogatepass"
# Passages decoded at a time by texts(): one decoded copy of all the text would
# add ~110 MB at a million passages to the strings themselves.
_TEXT_BATCH = 1 << 16
# Bytes scanned at a time for non-ASCII ones: bounds the temporaries (1 MB, 8 MB
# of positions at most) however the text is made.
_SCAN_BYTES = 1 << 20


def _checked_is_ascii(data: np.ndarray, bounds: np.ndarray) -> bool:
    """Whether the text is ASCII; UnicodeDecodeError if a passage is not UTF-8 on its own.

    The bytes past ASCII are checked as UTF-8 all at once, by NumPy (see
    :func:`_well_formed`): decoding each passage that holds one took ~80 ms of a
    0.25 s reload at a million passages (6% of them), most of it a Python call per
    passage, and made reloading news text a quarter slower than ASCII text. Only a
    file that fails the check is decoded passage by passage, for the exact error.
    """
    high = _high_bytes(data)
    if not len(high):
        return True
    if not _well_formed(data, high) or _starts_inside_a_character(data, bounds, high):
        _decode_each(data, bounds, high)  # raises where a passage fails
    return False


def _high_bytes(data: np.ndarray) -> np.ndarray:
    """The positions of the bytes of 0x80 or more, in order; in chunks, so temporaries
    stay small however the text is made."""
    found = []
    for start in range(0, len(data), _SCAN_BYTES):
        high = np.flatnonzero(data[start : start + _SCAN_BYTES] >= 0x80)
        if len(high):
            found.append(high + start)
    return np.concatenate(found) if found else np.empty(0, dtype=np.intp)


def _well_formed(data: np.ndarray, high: np.ndarray) -> bool:
    """Whether the bytes at ``high`` (every byte of 0x80 or more, in order) form UTF-8
    characters, lone surrogates allowed (``_LONE_SURROGATES``): each lead byte C2-F4
    followed right after by its one to three continuation bytes 80-BF, the second of
    which is in range for E0 (no overlong), F0 (idem) and F4 (nothing past U+10FFFF),
    and no continuation byte of no lead."""
    values = data[high]
    continuation = (values & 0xC0) == 0x80
    leads = np.flatnonzero(~continuation)
    lead_values = values[leads]
    if np.any((lead_values < 0xC2) | (lead_values > 0xF4)):
        return False  # C0, C1 (overlong) and F5-FF lead nothing
    needed = 1 + (lead_values >= 0xE0) + (lead_values >= 0xF0)
    if int(needed.sum()) != int(continuation.sum()):
        return False
    for step in (1, 2, 3):
        own = leads[needed >= step]
        follower = own + step
        if len(follower) and (
            follower[-1] >= len(high)
            or np.any(high[follower] != high[own] + step)
            or not np.all(continuation[follower])
        ):
            return False
    second = values[np.minimum(leads + 1, len(high) - 1)]
    return not np.any(
        ((lead_values == 0xE0) & (second < 0xA0))
        | ((lead_values == 0xF0) & (second < 0x90))
        | ((lead_values == 0xF4) & (second > 0x8F))
    )


def _starts_inside_a_character(data: np.ndarray, bounds: np.ndarray, high: np.ndarray) -> bool:
    """Whether a passage starts on a continuation byte (one of ``high``): a character
    split between two passages, which decode apart."""
    continuations = high[(data[high] & 0xC0) == 0x80]
    at = np.searchsorted(bounds, continuations)
    inside = at < len(bounds)
    return bool(np.any(bounds[at[inside]] == continuations[inside]))


def _decode_each(data: np.ndarray, bounds: np.ndarray, high: np.ndarray) -> None:
    """Decode every passage that holds a byte past ASCII, raising UnicodeDecodeError at the
    first that is not UTF-8 on its own."""
    blob = data.data
    rows = np.unique(np.searchsorted(bounds, high, side="right") - 1)
    for start, end in zip(bounds[rows].tolist(), bounds[rows + 1].tolist(), strict=True):
        str(blob[start:end], "utf-8", _LONE_SURROGATES)


class CollectionPassages(LazyPassages):
    """The passages of several articles, numbered by position across all of them.

    Passage ``i`` is its article's own passage (same text, offsets and paragraph)
    with ``index`` set to ``i``. Renumbering eagerly would copy every passage
    (130,000 objects, about 0.3 s, at 5,000 articles) to serve the handful a
    search returns.
    """

    __slots__ = ("_articles", "_starts")

    def __init__(self, articles: Sequence[Sequence[Passage]], starts: Sequence[int]) -> None:
        if len(articles) != len(starts):
            raise ValueError("one start position per article is needed")
        self._articles = list(articles)
        self._starts = list(starts)

    def __len__(self) -> int:
        if not self._articles:
            return 0
        return self._starts[-1] + len(self._articles[-1])

    def _make(self, position: int) -> Passage:
        article = bisect_right(self._starts, position) - 1
        own = self._articles[article][position - self._starts[article]]
        return Passage(own.text, own.start, own.end, own.paragraph, position)

    def texts(self) -> list[str]:
        return [passage.text for passages in self._articles for passage in passages]

    def columns(self) -> Columns:
        every = [passage for passages in self._articles for passage in passages]
        fields = [
            np.fromiter((getattr(p, name) for p in every), np.int64, len(every))
            for name in ("start", "end", "paragraph")
        ]
        return fields[0], fields[1], fields[2], np.arange(len(every), dtype=np.int64)
