"""The query side of a search: the memoized query vector, and the keyed top k.

Both are speed-ups that must not change a bit of the result: the vector made
through the token memo equals the one made from the analyzer's terms, whatever
the memo holds, and the keyed ranking equals a plain sort of the scores.
"""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval import Analyzer, AnalyzerConfig, TfidfRetriever, _postings, _query, _ranking
from retrieval._postings import Query

CORPUS = [
    "Biden offered to meet Putin in June in a European country.",
    "The U.S. and Russia have not agreed on a date for the summit.",
    "Putin's adviser Yuri Ushakov said there are even specific dates.",
    "The café in Genève served naïve tourists; the US embassy was closed.",
    "It rained in Geneva on Monday, and IT staff went home early.",
    "Summits, summit meetings and the summiteers: Putin, Putin, Putin.",
]
_PIECES = [
    "Putin", "putin's", "PUTIN", "U.S.", "US", "us", "IT", "it", "the", "The", "summit",
    "summits", "Genève", "Geneva", "café", "cafe", "naïve", "7", "G7", "June", "dates",
    "unknown", "Москва", "meet", "meeting", "—", "a", "I",
]  # fmt: skip
_queries = st.lists(st.sampled_from(_PIECES), max_size=12).map(" ".join)
# ASCII text whose runs between spaces and punctuation are not all tokens: dots
# inside, ending and between words, single letters, "_", digits, all punctuation.
_ASCII_PIECES = [
    "Putin", "putin", "U.S.", "U.S", "US", "IT", "it", "the", "summit", "summits.",
    "3.5", "e.g.", "a.m.", "end.Next", "Geneva.", "x", "I", "_", "__init__", "7", "G7",
    "..", ".", "U.S.A.", "date.", "meet", "dates", "unknown", "a.b.c", "1.2.3",
]  # fmt: skip
_ascii_queries = st.lists(
    st.tuples(st.sampled_from(_ASCII_PIECES), st.sampled_from([*" ,?!-'()\"/:;\t\n", ""])),
    max_size=12,
).map(lambda pairs: "".join(piece + gap for piece, gap in pairs))
CONFIGS = [
    AnalyzerConfig(),
    AnalyzerConfig(sublinear_tf=False),
    AnalyzerConfig(stop_words="english", stemming=False, fold_accents=False),
    AnalyzerConfig(ngram_max=2),
]


def _vector_from_terms(retriever: TfidfRetriever, query: str) -> Query | None:
    """The query vector straight from the analyzer's terms, as scikit-learn makes it."""
    counts: dict[int, int] = {}
    for term in retriever.analyzer(query):
        column = retriever.vocabulary.get(term)
        if column is not None:
            counts[column] = counts.get(column, 0) + 1
    if not counts:
        return None
    sublinear = retriever.analyzer.config.sublinear_tf
    columns = sorted(counts)
    weights = [
        (1.0 + math.log(counts[c]) if sublinear else float(counts[c])) * float(retriever.idf[c])
        for c in columns
    ]
    norm = math.hypot(*weights)
    return Query(columns, [weight / norm for weight in weights])


@pytest.fixture(scope="module", params=CONFIGS, ids=repr)
def retriever(request: pytest.FixtureRequest) -> TfidfRetriever:
    return TfidfRetriever.fit(CORPUS, request.param)


@settings(max_examples=200, deadline=None)
@given(queries=st.lists(_queries, min_size=1, max_size=5))
def test_the_memoized_vector_is_the_analyzers(
    retriever: TfidfRetriever, queries: list[str]
) -> None:
    for query in queries + queries:  # the second time, every token is remembered
        assert retriever._query_vector(query) == _vector_from_terms(retriever, query)


@settings(max_examples=300, deadline=None)
@given(queries=st.lists(_ascii_queries, min_size=1, max_size=5))
def test_the_vector_of_ascii_text_cut_in_runs_is_the_analyzers(
    retriever: TfidfRetriever, queries: list[str]
) -> None:
    for query in queries + queries:  # the second time, every run is remembered
        assert retriever._query_vector(query) == _vector_from_terms(retriever, query)


def test_the_token_memo_starts_again_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_query, "_MEMO_TOKENS", 4)
    retriever = TfidfRetriever.fit(CORPUS)
    query = "the summit in Geneva: Putin meets Biden on the date"
    for _ in range(3):
        assert retriever._query_vector(query) == _vector_from_terms(retriever, query)
        assert len(retriever._query_vectors._memo) <= 4


def _fit_without_dense_copy(config: AnalyzerConfig | None = None) -> TfidfRetriever:
    """CORPUS fitted as a collection too large for a dense copy, which starts its
    token memo with the corpus's tokens."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_postings, "_MATRIX_CELLS", 0)
        retriever = TfidfRetriever.fit(CORPUS, config)
    assert retriever._postings.matrix is None
    return retriever


@pytest.fixture(scope="module", params=CONFIGS, ids=repr)
def collection(request: pytest.FixtureRequest) -> TfidfRetriever:
    return _fit_without_dense_copy(request.param)


def _column_of(retriever: TfidfRetriever, token: str) -> int:
    term = retriever.analyzer.term(token)
    return -1 if term is None else retriever.vocabulary.get(term, -1)


def test_a_collection_starts_its_memo_with_its_own_tokens(collection: TfidfRetriever) -> None:
    memo = collection._query_vectors._memo
    if collection.analyzer.config.ngram_max > 1:
        assert memo == {}
        return
    tokens = {token for text in CORPUS for token in collection.analyzer.tokens(text)}
    assert {"Biden", "U.S.", "the", "IT"} <= set(memo) <= tokens
    assert all(column == _column_of(collection, token) for token, column in memo.items())


def test_an_articles_index_starts_its_memo_empty() -> None:
    retriever = TfidfRetriever.fit(CORPUS)  # small enough for a dense copy
    assert retriever._postings.matrix is not None
    assert retriever._query_vectors._memo == {}


@settings(max_examples=200, deadline=None)
@given(queries=st.lists(_queries, min_size=1, max_size=5))
def test_the_vector_from_known_tokens_is_the_analyzers(
    collection: TfidfRetriever, queries: list[str]
) -> None:
    for query in queries + queries:
        assert collection._query_vector(query) == _vector_from_terms(collection, query)


@settings(max_examples=300, deadline=None)
@given(queries=st.lists(_ascii_queries, min_size=1, max_size=5))
def test_the_vector_of_ascii_runs_from_known_tokens_is_the_analyzers(
    collection: TfidfRetriever, queries: list[str]
) -> None:
    for query in queries + queries:
        assert collection._query_vector(query) == _vector_from_terms(collection, query)


def test_the_memo_keeps_the_corpus_tokens_when_it_starts_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_query, "_MEMO_TOKENS", 4)
    retriever = _fit_without_dense_copy()
    known = dict(retriever._query_vectors._memo)
    query = "unheard words: zebras, quokkas, narwhals and axolotls meet Putin"
    for _ in range(3):
        assert retriever._query_vector(query) == _vector_from_terms(retriever, query)
        memo = retriever._query_vectors._memo
        assert known.items() <= memo.items()
        assert len(memo) <= len(known) + 4


@settings(max_examples=200, deadline=None)
@given(text=_queries, fold=st.booleans(), stemming=st.booleans())
def test_tokens_and_their_terms_are_the_words(text: str, fold: bool, stemming: bool) -> None:
    analyzer = Analyzer(AnalyzerConfig(fold_accents=fold, stemming=stemming))
    terms = [analyzer.term(token) for token in analyzer.tokens(text)]
    assert [term for term in terms if term is not None] == analyzer.words(text)


@pytest.mark.parametrize("sorted_keys", [0, 128, 10**9])  # partitioned first, or sorted whole
@pytest.mark.parametrize("head_rows", [1, 2, 4])
@pytest.mark.parametrize("k", [1, 3, 10, 50])
def test_keyed_selection_is_a_sort_of_the_sums(
    monkeypatch: pytest.MonkeyPatch, head_rows: int, k: int, sorted_keys: int
) -> None:
    # Few distinct sums and rows: many ties, and rows named by up to `copies` postings,
    # so the first head of keys often holds fewer than k rows.
    monkeypatch.setattr(_ranking, "_HEAD_ROWS", head_rows)
    monkeypatch.setattr(_ranking, "_SORTED_KEYS", sorted_keys)
    generator = random.Random(k * 10 + head_rows)
    for _ in range(300):
        copies = generator.randint(1, 6)
        sums = {row: -generator.choice([0.25, 0.5, 0.75, 1.0]) for row in range(40)}
        rows = [
            row for row in generator.sample(range(40), generator.randint(1, 40))
            for _ in range(generator.randint(1, copies))
        ]  # fmt: skip
        generator.shuffle(rows)
        keys = np.array([sums[row] + row * 1j for row in rows], dtype=np.complex128)
        best = sorted(set(rows), key=lambda row: (sums[row], row))[:k]
        assert _ranking.select_keyed(keys, k, copies) == (best, [-sums[row] for row in best])


@pytest.mark.parametrize("k", [1, 3, 10])
def test_selection_bounded_by_the_shortest_list_is_a_sort_of_the_sums(k: int) -> None:
    # Postings as lists of distinct rows, one per term (as a query reads them), few
    # distinct sums: many ties, and the shortest list's k-th often ties the top k's.
    generator = random.Random(k)
    for _ in range(300):
        sums = {row: -generator.choice([0.25, 0.5, 0.75, 1.0]) for row in range(60)}
        lists = [
            sorted(generator.sample(range(60), generator.randint(1, 60)))
            for _ in range(generator.randint(1, 6))
        ]
        rows = [row for listed in lists for row in listed]
        lengths = [len(listed) for listed in lists]
        best = sorted(set(rows), key=lambda row: (sums[row], row))[:k]
        costs = np.array([sums[row] for row in rows])
        found = _ranking.select(np.array(rows), costs, k, len(lists), lengths)
        assert found == (best, [-sums[row] for row in best])


@pytest.mark.parametrize(
    ("lengths", "k", "expected"),
    [
        ([5, 2, 3], 3, slice(7, 10)),  # the third list: the shortest of those holding 3
        ([5, 2, 3], 2, slice(5, 7)),
        ([4, 2, 2], 2, slice(4, 6)),  # two as short: the first of them
        ([5, 2, 3], 6, None),  # none holds 6
        ([], 1, None),
    ],
)
def test_the_shortest_list_holding_k_postings(
    lengths: list[int], k: int, expected: slice | None
) -> None:
    assert _ranking.shortest_list(lengths, k) == expected


@pytest.mark.parametrize("k", [1, 2, 5])
def test_kth_lowest_is_the_kth_of_the_sorted_values(k: int) -> None:
    generator = random.Random(k)
    for _ in range(100):
        values = [generator.choice([-1.0, -0.5, 0.25, 2.0]) for _ in range(generator.randint(k, 9))]
        assert _ranking.kth_lowest(np.array(values), k) == sorted(values)[k - 1]


def test_a_collections_keyed_copy_holds_each_columns_postings() -> None:
    retriever = _fit_without_dense_copy()
    postings = retriever._postings
    assert postings.keyed is not None
    assert len(postings.keyed) == len(retriever.vocabulary)
    for column, raw in enumerate(postings.keyed):
        keys = np.frombuffer(raw, dtype=np.complex64)
        start, end = postings.starts[column], postings.starts[column + 1]
        assert keys.imag.tolist() == postings.indices[start:end].tolist()
        assert (-keys.real).tolist() == postings.data[start:end].tolist()


def test_an_articles_index_keeps_no_keyed_copy() -> None:
    retriever = TfidfRetriever.fit(CORPUS)  # its dense copy answers every query
    assert retriever._postings.matrix is not None
    assert retriever._postings.keyed is None
