"""Passages from plain strings and saved indexes: a lazy sequence that acts like a tuple."""

from __future__ import annotations

import pytest

from retrieval import Passage, TfidfRetriever
from retrieval._passages import PassageColumns

TEXTS = ["first passage", "Café — second", "", "fourth one"]


@pytest.fixture
def passages() -> PassageColumns:
    return PassageColumns.from_texts(TEXTS)


def test_plain_strings_become_numbered_whole_passages(passages: PassageColumns) -> None:
    assert passages[1] == Passage("Café — second", 0, len("Café — second"), 1, 1)
    assert [passage.text for passage in passages] == TEXTS
    assert len(passages) == 4


def test_it_indexes_and_slices_like_a_tuple(passages: PassageColumns) -> None:
    as_tuple = tuple(passages)
    assert passages[-1] == as_tuple[-1]
    assert passages[1:3] == as_tuple[1:3]
    assert passages[::-2] == as_tuple[::-2]
    with pytest.raises(IndexError):
        passages[4]
    with pytest.raises(IndexError):
        passages[-5]


def test_it_equals_and_hashes_like_a_tuple_of_the_same_passages(
    passages: PassageColumns,
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
    assert isinstance(retriever.passages, PassageColumns)
    assert retriever.search("second", k=1)[0].passage == retriever.passages[1]


def test_inconsistent_columns_are_refused() -> None:
    good = PassageColumns.from_texts(TEXTS)
    starts, ends, paragraphs, indexes = good.columns()
    with pytest.raises(ValueError, match="differ in length"):
        PassageColumns("x", good._bounds, starts=starts[:-1], ends=ends,
                       paragraphs=paragraphs, indexes=indexes)  # fmt: skip
