"""Counts joined from several tables weigh exactly like a fresh fit of the same passages."""

from __future__ import annotations

import numpy as np
import pytest

from retrieval import Analyzer, AnalyzerConfig, load_article
from retrieval._build import count_terms, fit_tfidf, weigh_counts
from retrieval._counts import RowRange, join_counts
from tests.conftest import SEED_ARTICLE

EXTRA = [
    "Zoë Müller opened the café in Zürich on 3 May 2021.",
    "The the the.",  # only stop words: an empty row
    "Putin and Biden met in Geneva; the summit lasted 3.5 hours.",
]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [passage.text for passage in load_article(SEED_ARTICLE).passages] + EXTRA


@pytest.mark.parametrize(
    "config",
    [AnalyzerConfig(), AnalyzerConfig(ngram_max=2, sublinear_tf=False, stop_words="english")],
)
def test_joined_counts_give_the_weights_of_a_fresh_fit(
    texts: list[str], config: AnalyzerConfig
) -> None:
    analyzer = Analyzer(config)
    # Three tables, each with its own vocabulary, joined out of their order.
    head, middle, tail = texts[:10], texts[10:25], texts[25:]
    tables = [count_terms(part, analyzer) for part in (middle, head, tail)]
    pieces = [
        RowRange(tables[1], 0, 4),
        RowRange(tables[1], 4, len(head)),  # adjacent: coalesced
        RowRange(tables[0], 0, len(middle)),
        RowRange(tables[2], 0, len(tail)),
    ]
    joined = weigh_counts(join_counts(pieces), config.sublinear_tf)
    fresh = fit_tfidf(texts, analyzer)
    assert joined.terms == fresh.terms
    for ours, reference in [
        (joined.idf, fresh.idf),
        (joined.indptr, fresh.indptr),
        (joined.indices, fresh.indices),
        (joined.data, fresh.data),
    ]:
        assert np.array_equal(ours, reference)


def test_terms_of_dropped_rows_leave_the_vocabulary(texts: list[str]) -> None:
    analyzer = Analyzer()
    counts = count_terms(texts, analyzer)
    kept = join_counts([RowRange(counts, 0, 5)])
    assert kept.terms == count_terms(texts[:5], analyzer).terms
    assert len(kept) == 5


def test_weighing_leaves_the_counts_as_they_were(texts: list[str]) -> None:
    counts = count_terms(texts, Analyzer())
    before = counts.data.copy()
    weigh_counts(counts, sublinear=True)
    assert np.array_equal(counts.data, before)


def test_the_default_analyzer_keeps_nouns_that_look_like_pronouns() -> None:
    # "Where is the mine?" must find the copper mine; "my" and "the" stay out.
    assert Analyzer()("Where is my mine?") == ["mine"]
