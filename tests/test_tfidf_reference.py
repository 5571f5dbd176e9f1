"""TfidfRetriever against a direct scikit-learn computation: same weights, same ranking.

The reference is what the retriever replaced: ``TfidfVectorizer`` with our
:class:`~retrieval.analysis.Analyzer` as its analyzer, and ``linear_kernel`` for
the cosine scores. scikit-learn computes query scores in float32 and we add them
in float64, so two passages whose reference scores differ by less than float32
rounding (a near tie) may come in either order; everything else must match
exactly, and passages with equal vectors (an exact tie) go to the earlier one.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import linear_kernel

from bot.evaluation.datasets import load_squad
from retrieval import (
    Analyzer,
    AnalyzerConfig,
    Article,
    Hit,
    TfidfRetriever,
    _postings,
    load_article,
)
from tests.conftest import SEED_ARTICLE, SEED_QUESTIONS, SQUAD_DEV
from tests.scripts import load_script

# Scores closer than this are a near tie in the float32 reference.
NEAR_TIE = 1e-6

CONFIGS = [
    AnalyzerConfig(),
    AnalyzerConfig(ngram_max=2),
    AnalyzerConfig(stop_words="none", stemming=False, sublinear_tf=False),
    AnalyzerConfig(stop_words="english", ngram_max=3, fold_accents=False),
]


class Reference:
    """scikit-learn's fit and cosine scores for one corpus."""

    def __init__(self, texts: Sequence[str], config: AnalyzerConfig) -> None:
        self.vectorizer = TfidfVectorizer(
            analyzer=Analyzer(config),
            sublinear_tf=config.sublinear_tf,
            smooth_idf=True,
            norm="l2",
            dtype=np.float32,
        )
        self.matrix = self.vectorizer.fit_transform(texts)

    def scores(self, query: str) -> np.ndarray:
        return np.asarray(linear_kernel(self.vectorizer.transform([query]), self.matrix)).ravel()


def assert_same_fit(retriever: TfidfRetriever, reference: Reference) -> None:
    assert retriever.vocabulary == reference.vectorizer.vocabulary_
    np.testing.assert_allclose(retriever.idf, reference.vectorizer.idf_, rtol=1e-6)
    difference = abs(retriever.matrix - reference.matrix)
    assert difference.nnz == 0 or difference.max() <= NEAR_TIE


def assert_same_ranking(hits: list[Hit], expected: np.ndarray, k: int) -> None:
    """``hits`` rank like ``expected`` (reference scores), up to near ties."""
    positive = np.flatnonzero(expected > 0).tolist()
    best = sorted(positive, key=lambda row: (-expected[row], row))[:k]
    rows = [hit.passage.index for hit in hits]
    assert len(rows) == len(best)
    for row, wanted in zip(rows, best, strict=True):
        assert row == wanted or abs(expected[row] - expected[wanted]) <= NEAR_TIE
    for hit, row in zip(hits, rows, strict=True):
        assert hit.score == pytest.approx(expected[row], abs=NEAR_TIE)
    keys = [(-hit.score, row) for hit, row in zip(hits, rows, strict=True)]
    assert keys == sorted(keys)
    assert len(set(rows)) == len(rows)


def _dev_corpora() -> list[tuple[Article, list[str]]]:
    seed = load_article(SEED_ARTICLE)
    seed_questions = [
        json.loads(line)["question"]
        for line in SEED_QUESTIONS.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    corpora = [(seed, seed_questions)]
    for eval_set in load_squad(SQUAD_DEV):
        corpora.append((eval_set.article, [q.question for q in eval_set.questions]))
    return corpora


@pytest.fixture(scope="module")
def dev_corpora() -> list[tuple[Article, list[str]]]:
    return _dev_corpora()


@pytest.mark.parametrize("config", CONFIGS, ids=repr)
def test_fit_equals_scikit_learn_on_the_development_articles(
    dev_corpora: list[tuple[Article, list[str]]], config: AnalyzerConfig
) -> None:
    for article, _ in dev_corpora:
        texts = [passage.text for passage in article.passages]
        assert_same_fit(TfidfRetriever.fit(article.passages, config), Reference(texts, config))


@pytest.mark.parametrize("k", [1, 5, 1000])
def test_ranking_equals_scikit_learn_on_the_development_questions(
    dev_corpora: list[tuple[Article, list[str]]], k: int
) -> None:
    for article, questions in dev_corpora:
        retriever = TfidfRetriever.fit(article.passages)
        reference = Reference([passage.text for passage in article.passages], AnalyzerConfig())
        for question in questions:
            assert_same_ranking(retriever.search(question, k=k), reference.scores(question), k)


def test_scores_equal_scikit_learns_cosine(dev_corpora: list[tuple[Article, list[str]]]) -> None:
    article, questions = dev_corpora[1]
    retriever = TfidfRetriever.fit(article.passages)
    reference = Reference([passage.text for passage in article.passages], AnalyzerConfig())
    for question in questions[:50]:
        ours = retriever.scores(question)
        expected = reference.scores(question)
        if ours is None:
            assert not expected.any()
        else:
            np.testing.assert_allclose(ours, expected, atol=NEAR_TIE)


# The realistic benchmark corpus (scripts/realistic_corpus.py: the development
# sentences with words swapped by English frequency, 6% of passages not ASCII) at a
# size that keeps the test quick, and 25 queries of each kind (passage words,
# common words, rare words, real questions).
REALISTIC_PASSAGES = 3_000


@cache
def realistic_corpus() -> tuple[list[str], list[str]]:
    corpus = load_script("realistic_corpus")
    texts: list[str] = corpus.corpus(REALISTIC_PASSAGES)
    queries = [query for kind in corpus.query_sets(texts, 25).values() for query in kind]
    return texts, queries


@pytest.fixture(scope="module")
def realistic_reference() -> Reference:
    return Reference(realistic_corpus()[0], AnalyzerConfig())


@pytest.mark.parametrize("large", [False, True], ids=["as fitted", "as a large index"])
def test_realistic_text_fits_and_ranks_like_scikit_learn(
    realistic_reference: Reference, monkeypatch: pytest.MonkeyPatch, large: bool
) -> None:
    texts, queries = realistic_corpus()
    if large:  # no dense copy: postings summed into the reused array, plans tried
        monkeypatch.setattr(_postings, "_MATRIX_CELLS", 0)
        monkeypatch.setattr(_postings, "DENSE_ROWS", 0)
    retriever = TfidfRetriever.fit(texts)
    assert_same_fit(retriever, realistic_reference)
    for query in queries:
        for k in (1, 10):
            expected = realistic_reference.scores(query)
            assert_same_ranking(retriever.search(query, k=k), expected, k)


def test_exact_ties_go_to_the_earlier_passage() -> None:
    texts = [
        "summit in Geneva",
        "markets fell",
        "summit in Geneva",
        "the summit",
        "summit in Geneva",
    ]
    retriever = TfidfRetriever.fit(texts)
    hits = retriever.search("Geneva summit", k=4)
    assert [hit.passage.index for hit in hits] == [0, 2, 4, 3]
    assert hits[0].score == hits[1].score == hits[2].score


# Words that exercise every analyzer rule: stop words, acronyms and their case,
# dotted acronyms, digits, accents, stems that merge, and non-ASCII punctuation.
_WORDS = [
    "the", "The", "US", "us", "U.S.", "U.S", "it", "IT", "summit", "summits", "Summit",
    "meeting", "meet", "met", "Geneva", "café", "cafe", "naïve", "7", "G7", "3.5",
    "2021", "élan", "run", "running", "runs", "first", "found", "system", "a", "I",
    "x.y", "e.g.", "data_set", "Москва", "東京", "ﬁnance", "finance",
]  # fmt: skip
_SEPARATORS = [" ", " ", " ", ", ", ". ", "-", "—", "’", "\n", "'s ", "(", ") "]
_texts = st.lists(
    st.lists(
        st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)), min_size=0, max_size=12
    ).map(lambda pairs: "".join(word + separator for word, separator in pairs)),
    min_size=1,
    max_size=25,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=_texts, config=st.sampled_from(CONFIGS), query=st.lists(st.sampled_from(_WORDS)))
def test_random_corpora_fit_and_rank_like_scikit_learn(
    texts: list[str], config: AnalyzerConfig, query: list[str]
) -> None:
    retriever = TfidfRetriever.fit(texts, config)
    try:
        reference = Reference(texts, config)
    except ValueError:  # scikit-learn refuses a corpus without terms
        assert retriever.vocabulary == {}
        assert retriever.search(" ".join(query), k=3) == []
        return
    assert_same_fit(retriever, reference)
    question = " ".join(query)
    assert_same_ranking(retriever.search(question, k=3), reference.scores(question), 3)
