"""Passages from plain strings and saved indexes: a lazy sequence that acts like a tuple."""

from __future__ import annotations

import numpy as np
import pytest

from retrieval import Passage, TfidfRetriever
from retrieval._passages import LazyPassages, PassageColumns, TextPassages

TEXTS = ["first passage", "Café — second", "", "fourth one"]


def _columns(texts: list[str]) -> PassageColumns:
    lengths = np.array([len(text) for text in texts], dtype=np.int64)
    numbers = np.arange(len(texts), dtype=np.int64)
    return PassageColumns(
        "".join(texts),
        np.concatenate([[0], np.cumsum(lengths)]),
        starts=np.zeros(len(texts), dtype=np.int64),
        ends=lengths,
        paragraphs=numbers,
        indexes=numbers,
    )


@pytest.fixture(params=["strings", "columns"])
def passages(request: pytest.FixtureRequest) -> LazyPassages:
    return TextPassages(TEXTS) if request.param == "strings" else _columns(TEXTS)


def test_plain_strings_become_numbered_whole_passages(passages: LazyPassages) -> None:
    assert passages[1] == Passage("Café — second", 0, len("Café — second"), 1, 1)
    assert [passage.text for passage in passages] == TEXTS
    assert len(passages) == 4


def test_it_indexes_and_slices_like_a_tuple(passages: LazyPassages) -> None:
    as_tuple = tuple(passages)
    assert passages[-1] == as_tuple[-1]
    assert passages[1:3] == as_tuple[1:3]
    assert passages[::-2] == as_tuple[::-2]
    with pytest.raises(IndexError):
        passages[4]
    with pytest.raises(IndexError):
        passages[-5]


def test_it_equals_and_hashes_like_a_tuple_of_the_same_passages(
    passages: LazyPassages,
) -> None:
    as_tuple = tuple(passages)
    assert passages == as_tuple
    assert as_tuple == passages
    assert passages == list(as_tuple)
    assert passages != as_tuple[:-1]
    assert passages != "first passage"
    assert hash(passages) == hash(as_tuple)


def test_a_retriever_fitted_on_strings_keeps_them_lazily() -> None:
    retriever = TfidfRetriever.fit(TEXTS)
    assert isinstance(retriever.passages, TextPassages)
    assert retriever.search("second", k=1)[0].passage == retriever.passages[1]


def test_inconsistent_columns_are_refused() -> None:
    starts, ends, paragraphs, indexes = TextPassages(TEXTS).columns()
    bounds = np.concatenate([[0], np.cumsum(ends)])
    with pytest.raises(ValueError, match="differ in length"):
        PassageColumns("".join(TEXTS), bounds, starts=starts[:-1], ends=ends,
                       paragraphs=paragraphs, indexes=indexes)  # fmt: skip
    with pytest.raises(ValueError, match="do not fit"):
        PassageColumns("short", bounds, starts=starts, ends=ends,
                       paragraphs=paragraphs, indexes=indexes)  # fmt: skip
