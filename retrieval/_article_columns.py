"""Articles as plain arrays, so a saved collection rebuilds them without reading their files.

Parsing is what makes a large collection slow to load (reading, extracting
HTML, cleaning and splitting sentences: about 7 s for 5,000 articles), while
everything it produces can be stored exactly as columns: one UTF-8 blob for all
texts (and one for titles and metadata) and integer arrays for the paragraph and
passage offsets. Nothing is stored twice: a paragraph and a passage are slices of
their article's text (``text[p.start:p.end] == p.text``, and ``text`` is the
paragraphs joined by a blank line), so only their offsets are kept, and the
writer checks that this holds before relying on it.

An article's ``source`` is not stored: it is the path as the caller names it
now, which may differ from when the cache was written ("./news" against
"news").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from retrieval._npz import Member
from retrieval.article import PARAGRAPH_SEPARATOR, Article, Passage
from retrieval.index_file import _pack_strings, _unpack_strings

__all__ = ["ArticleColumns", "pack_articles"]

_METADATA = ("published", "byline", "publisher")
_SEPARATOR = len(PARAGRAPH_SEPARATOR)
# The arrays that store articles, and what each must be when read back.
MEMBERS = {
    "titles": Member("u1"),
    "title_ends": Member("i8"),
    "texts": Member("u1"),
    "text_ends": Member("i8"),
    "metadata": Member("u1"),
    "metadata_ends": Member("i8"),
    "metadata_present": Member("b1", ndim=2),
    "has_headline": Member("b1"),
    "paragraph_ptr": Member("i8"),
    "paragraph_lengths": Member("i8"),
    "passage_ptr": Member("i8"),
    "passage_starts": Member("i8"),
    "passage_ends": Member("i8"),
    "passage_paragraphs": Member("i8"),
}


def pack_articles(articles: Sequence[Article]) -> dict[str, np.ndarray]:
    """The arrays that store ``articles``; ValueError if one is not made of slices of its text."""
    for article in articles:
        _check_slices(article)
    titles, title_ends = _pack_strings([article.title for article in articles])
    texts, text_ends = _pack_strings([article.text for article in articles])
    present = np.array(
        [[getattr(article, name) is not None for name in _METADATA] for article in articles],
        dtype=bool,
    ).reshape(len(articles), len(_METADATA))
    metadata, metadata_ends = _pack_strings(
        [getattr(article, name) or "" for article in articles for name in _METADATA]
    )
    passages = [passage for article in articles for passage in article.passages]
    return {
        "titles": titles,
        "title_ends": title_ends,
        "texts": texts,
        "text_ends": text_ends,
        "metadata": metadata,
        "metadata_ends": metadata_ends,
        "metadata_present": present,
        "has_headline": np.array([article.has_headline for article in articles], dtype=bool),
        "paragraph_ptr": _pointers([len(article.paragraphs) for article in articles]),
        "paragraph_lengths": _int_column(
            len(paragraph) for article in articles for paragraph in article.paragraphs
        ),
        "passage_ptr": _pointers([len(article.passages) for article in articles]),
        "passage_starts": _int_column(passage.start for passage in passages),
        "passage_ends": _int_column(passage.end for passage in passages),
        "passage_paragraphs": _int_column(passage.paragraph for passage in passages),
    }


class ArticleColumns:
    """Stored articles, each rebuilt on request as an :class:`Article` equal to a fresh load."""

    def __init__(self, arrays: dict[str, np.ndarray]) -> None:
        self.titles = _unpack_strings(arrays["titles"], arrays["title_ends"])
        self.texts = _unpack_strings(arrays["texts"], arrays["text_ends"])
        self._metadata = _unpack_strings(arrays["metadata"], arrays["metadata_ends"])
        self._present: list[list[bool]] = arrays["metadata_present"].tolist()
        self._has_headline: list[bool] = arrays["has_headline"].tolist()
        self._paragraph_ptr: list[int] = arrays["paragraph_ptr"].tolist()
        self._paragraph_lengths: list[int] = arrays["paragraph_lengths"].tolist()
        self._passage_ptr: list[int] = arrays["passage_ptr"].tolist()
        self._starts: list[int] = arrays["passage_starts"].tolist()
        self._ends: list[int] = arrays["passage_ends"].tolist()
        self._paragraphs: list[int] = arrays["passage_paragraphs"].tolist()
        self._check(arrays)

    def __len__(self) -> int:
        return len(self.texts)

    def passage_range(self, number: int) -> tuple[int, int]:
        """Positions of article ``number``'s passages among all stored passages."""
        return self._passage_ptr[number], self._passage_ptr[number + 1]

    def article(self, number: int, source: str) -> Article:
        """Stored article ``number``, with ``source`` as its source."""
        text = self.texts[number]
        first, last = self.passage_range(number)
        starts, ends = self._starts[first:last], self._ends[first:last]
        texts = map(text.__getitem__, map(slice, starts, ends))
        numbers = range(last - first)
        passages = tuple(map(Passage, texts, starts, ends, self._paragraphs[first:last], numbers))
        metadata = self._metadata[3 * number : 3 * number + 3]
        published, byline, publisher = (
            value if present else None
            for value, present in zip(metadata, self._present[number], strict=True)
        )
        return Article(
            title=self.titles[number],
            text=text,
            paragraphs=self._paragraphs_of(number, text),
            passages=passages,
            source=source,
            has_headline=self._has_headline[number],
            published=published,
            byline=byline,
            publisher=publisher,
        )

    def _check(self, arrays: dict[str, np.ndarray]) -> None:
        """Refuse arrays that do not describe whole articles (a damaged or foreign file)."""
        count = len(self.texts)
        lengths = np.fromiter(map(len, self.texts), np.int64, count)
        paragraph_ptr, passage_ptr = arrays["paragraph_ptr"], arrays["passage_ptr"]
        checks = [
            len(self.titles) == count and len(self._metadata) == 3 * count,
            arrays["metadata_present"].shape == (count, len(_METADATA)),
            len(self._has_headline) == count,
            _is_pointer_array(paragraph_ptr, count, len(arrays["paragraph_lengths"])),
            _is_pointer_array(passage_ptr, count, len(arrays["passage_starts"])),
            len(arrays["passage_ends"]) == len(arrays["passage_paragraphs"]) == passage_ptr[-1],
        ]
        if not all(checks):
            raise ValueError("stored article columns disagree in length")
        paragraph_counts = np.diff(paragraph_ptr)
        if np.any(arrays["paragraph_lengths"] < 0):
            raise ValueError("stored paragraph lengths are negative")
        if count and (
            paragraph_counts.min() < 1
            or not np.array_equal(
                np.add.reduceat(arrays["paragraph_lengths"], paragraph_ptr[:-1])
                + _SEPARATOR * (paragraph_counts - 1),
                lengths,
            )
        ):
            raise ValueError("stored paragraphs do not make up their article's text")
        per_passage = np.diff(passage_ptr)
        starts, ends = arrays["passage_starts"], arrays["passage_ends"]
        paragraphs = arrays["passage_paragraphs"]
        outside = (starts < 0) | (ends < starts) | (ends > np.repeat(lengths, per_passage))
        outside |= (paragraphs < 0) | (paragraphs >= np.repeat(paragraph_counts, per_passage))
        if outside.any():
            raise ValueError("stored passage offsets fall outside their article")

    def _paragraphs_of(self, number: int, text: str) -> tuple[str, ...]:
        paragraphs = []
        offset = 0
        first, last = self._paragraph_ptr[number], self._paragraph_ptr[number + 1]
        for length in self._paragraph_lengths[first:last]:
            paragraphs.append(text[offset : offset + length])
            offset += length + _SEPARATOR
        return tuple(paragraphs)


def _check_slices(article: Article) -> None:
    text = article.text
    if PARAGRAPH_SEPARATOR.join(article.paragraphs) != text:
        raise ValueError(f"the paragraphs of {article.source or 'an article'} are not its text")
    for passage in article.passages:
        if text[passage.start : passage.end] != passage.text:
            raise ValueError(f"a passage of {article.source or 'an article'} is not in its text")


def _is_pointer_array(pointers: np.ndarray, count: int, total: int) -> bool:
    return (
        pointers.ndim == 1
        and len(pointers) == count + 1
        and pointers[0] == 0
        and pointers[-1] == total
        and not np.any(np.diff(pointers) < 0)
    )


def _pointers(lengths: list[int]) -> np.ndarray:
    pointers = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=pointers[1:])
    return pointers


def _int_column(values: Iterable[int]) -> np.ndarray:
    return np.fromiter(values, dtype=np.int64)
