"""Chunks (retrieval._chunks) hold exactly the analyzer's tokens, in order, on every path."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval import Analyzer, AnalyzerConfig
from retrieval._chunks import ChunkIds

_PIECES = [
    "U.S.", "U.S", "e.g.", "x.y.z", "3.5", "end.", ".", "..", "a", "I", "7", "G7", "__",
    "data_set", "Internationalization", "extraordinarily", "overwhelmingly.", "twelve",
    "café", "naïve", "Москва", "“quoted”", "—", "it's", "A.", "ab.c.d", "abcdefgh", "abcdefghi",
]  # fmt: skip
_texts = st.lists(
    st.lists(st.sampled_from(_PIECES), max_size=15).map(" ".join)
    | st.text(alphabet="aB1_.é -", max_size=40),
    min_size=1,
    max_size=30,
)


def _words_by_chunk(texts: list[str], analyzer: Analyzer) -> list[list[str]]:
    chunks = ChunkIds(analyzer.config.fold_accents)
    rows, ids = chunks.number(texts)
    names = list(chunks.ids)
    words: list[list[str]] = [[] for _ in texts]
    for row, chunk in zip(rows.tolist(), ids.tolist(), strict=True):
        words[row].extend(analyzer.words(names[chunk]))
    return words


@settings(max_examples=150, deadline=None)
@given(texts=_texts, fold=st.booleans())
def test_chunks_hold_the_analyzers_words_in_order(texts: list[str], fold: bool) -> None:
    analyzer = Analyzer(AnalyzerConfig(fold_accents=fold))
    assert _words_by_chunk(texts, analyzer) == [analyzer.words(text) for text in texts]


@pytest.mark.parametrize(
    "texts",
    [
        ["plain ascii only", "with U.S. and 3.5 and extraordinarily long words"],
        ["café only", "Москва"],
        ["mixed: ascii", "café", "ascii again abcdefghi", "“quoted” text"],
        ["", " ", "..."],
    ],
    ids=["ascii batch", "no ascii", "mixed", "empty"],
)
def test_each_batch_kind_numbers_chunks_like_the_analyzer(texts: list[str]) -> None:
    analyzer = Analyzer()
    assert _words_by_chunk(texts, analyzer) == [analyzer.words(text) for text in texts]


def test_the_same_chunk_gets_the_same_id_on_every_path() -> None:
    chunks = ChunkIds(fold_accents=True)
    _, first = chunks.number(["summit in Geneva"])
    _, second = chunks.number(["café summit", "Geneva summit"])
    names = list(chunks.ids)
    assert names.count("summit") == 1
    assert set(first.tolist()) <= set(second.tolist()) | {chunks.ids["in"]}
