"""Passages from plain strings and saved indexes: a lazy sequence that acts like a tuple."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval import Passage, TfidfRetriever, _passages
from retrieval._passages import LazyPassages, PassageColumns, TextPassages

TEXTS = ["first passage", "Café — second", "", "fourth one"]


def _columns(texts: list[str]) -> PassageColumns:
    lengths = np.array([len(text) for text in texts], dtype=np.int64)
    byte_lengths = np.array([len(text.encode("utf-8")) for text in texts], dtype=np.int64)
    numbers = np.arange(len(texts), dtype=np.int64)
    return PassageColumns(
        "".join(texts).encode("utf-8"),
        np.concatenate([[0], np.cumsum(byte_lengths)]),
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
    blob = "".join(TEXTS).encode("utf-8")
    bounds = np.concatenate([[0], np.cumsum([len(text.encode("utf-8")) for text in TEXTS])])
    fields = {"ends": ends, "paragraphs": paragraphs, "indexes": indexes}
    with pytest.raises(ValueError, match="differ in length"):
        PassageColumns(blob, bounds, starts=starts[:-1], **fields)
    with pytest.raises(ValueError, match="do not fit"):
        PassageColumns(b"short", bounds, starts=starts, **fields)
    with pytest.raises(ValueError, match="not a byte array"):
        PassageColumns(np.zeros(len(blob), dtype=np.int32), bounds, starts=starts, **fields)


def test_offsets_inside_a_character_are_refused() -> None:
    blob = "é|ü".encode()  # two bytes, one, two
    fields = {name: np.zeros(2, dtype=np.int64) for name in ("starts", "ends", "paragraphs")}
    with pytest.raises(UnicodeDecodeError):
        PassageColumns(blob, np.array([0, 1, 5]), indexes=np.arange(2), **fields)
    whole = PassageColumns(blob, np.array([0, 2, 5]), indexes=np.arange(2), **fields)
    assert [passage.text for passage in whole] == ["é", "|ü"]


def test_text_that_is_not_utf8_is_refused() -> None:
    fields = {name: np.zeros(1, dtype=np.int64) for name in ("starts", "ends", "paragraphs")}
    for damaged in (b"caf\xe9 latin-1", b"cut short \xe2\x80", b"\xff"):
        with pytest.raises(UnicodeDecodeError):
            PassageColumns(damaged, np.array([0, len(damaged)]), indexes=np.arange(1), **fields)


# Bytes that make and break UTF-8: ASCII, continuations, every kind of lead (overlong
# C0/C1, E0 and F0 with their overlong seconds, ED's surrogates, F4 and past it).
_UTF8_EDGES = [0x41, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0]
_UTF8_EDGES += [0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(st.sampled_from(_UTF8_EDGES) | st.integers(0, 255), max_size=12),
    st.lists(st.integers(0, 12), max_size=3),
)
def test_the_utf8_check_refuses_what_decoding_each_passage_refuses(
    values: list[int], cuts: list[int]
) -> None:
    blob = bytes(values)
    bounds = sorted({0, len(blob), *(cut for cut in cuts if cut < len(blob))})
    try:
        for start, end in itertools.pairwise(bounds):
            blob[start:end].decode("utf-8", "surrogatepass")
        decodes = True
    except UnicodeDecodeError:
        decodes = False
    count = len(bounds) - 1
    fields = {name: np.zeros(count, dtype=np.int64) for name in ("starts", "ends", "paragraphs")}
    try:
        PassageColumns(blob, np.array(bounds), indexes=np.arange(count), **fields)
        accepted = True
    except UnicodeDecodeError:
        accepted = False
    assert accepted is decodes


def test_texts_decoded_in_batches_are_the_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["plain", "", "ascii", "text", "in", "batches", ""]
    monkeypatch.setattr(_passages, "_TEXT_BATCH", 2)
    assert _columns(texts).texts() == texts


def test_texts_are_the_same_whether_or_not_the_blob_is_ascii() -> None:
    for texts in (["plain", "", "ascii"], TEXTS, ["\ud800 lone surrogate", "🙂"]):
        blob = "".join(texts).encode("utf-8", "surrogatepass")
        ends = np.cumsum([len(text.encode("utf-8", "surrogatepass")) for text in texts])
        fields = {name: np.zeros(len(texts), dtype=np.int64) for name in ("starts", "ends")}
        columns = PassageColumns(blob, np.concatenate([[0], ends]), paragraphs=np.arange(
            len(texts)), indexes=np.arange(len(texts)), **fields)  # fmt: skip
        assert columns.texts() == texts
        assert [passage.text for passage in columns] == texts
