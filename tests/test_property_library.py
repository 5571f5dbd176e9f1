"""Properties of the retrieval library on hostile input: a result or a clear error, never a crash.

``load_article``/``article_from_text`` get arbitrary Unicode (controls, NUL,
bidirectional and combining marks, emoji, lone surrogates), markup, mention
syntax, long runs and blank text; ``TfidfRetriever`` gets hostile passages and
queries. The same input must always give the same result.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from retrieval import Article, ArticleError, TfidfRetriever, article_from_text, load_article
from retrieval.sentences import MAX_SENTENCE_CHARS, split_sentences
from tests.reliability_inputs import hostile_text

# Long texts of a few characters: runs of capitals, dots, quotes, spaces.
_RUNS = st.text(alphabet="Aa1.?!\"' \n-", min_size=0, max_size=4000)
_ARTICLE_TEXT = st.one_of(hostile_text(max_size=120), _RUNS)


def _article_or_message(text: str) -> Article | str:
    try:
        return article_from_text(text)
    except ArticleError as error:
        return str(error)


def _loaded_or_message(path: Path) -> Article | str:
    try:
        return load_article(path)
    except ArticleError as error:
        return str(error)


def _assert_well_formed(article: Article) -> None:
    assert article.title
    assert article.passages
    for passage in article.passages:
        assert article.text[passage.start : passage.end] == passage.text
        assert passage.text == passage.text.strip()
        assert len(passage.text) <= MAX_SENTENCE_CHARS
    assert [passage.index for passage in article.passages] == list(range(len(article.passages)))


@settings(max_examples=150, deadline=None)
@given(_ARTICLE_TEXT)
def test_any_text_gives_the_same_article_or_the_same_clear_error(text: str) -> None:
    first, second = _article_or_message(text), _article_or_message(text)
    assert first == second
    if isinstance(first, str):
        assert "\n" not in first
    else:
        _assert_well_formed(first)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=_ARTICLE_TEXT, suffix=st.sampled_from([".txt", ".md", ".html", ".dat"]))
def test_any_file_gives_an_article_or_one_line_of_error(
    tmp_path: Path, text: str, suffix: str
) -> None:
    path = tmp_path / f"hostile{suffix}"
    # A lone surrogate cannot be UTF-8: written as is, it makes the file invalid UTF-8.
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    outcome = _loaded_or_message(path)
    assert outcome == _loaded_or_message(path)
    if isinstance(outcome, str):
        assert "\n" not in outcome
    else:
        _assert_well_formed(outcome)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="Ab. \n!?\"'", max_size=5000))
def test_sentences_are_capped_and_cover_the_text(text: str) -> None:
    spans = split_sentences(text)
    covered = "".join(text[start:end] for start, end in spans)
    assert "".join(covered.split()) == "".join(text.split())
    assert all(0 < end - start <= MAX_SENTENCE_CHARS for start, end in spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


@pytest.mark.parametrize("unit", ["A", "word ", "A. ", '"a" ', "1,"])
def test_a_run_on_paragraph_is_cut_into_capped_passages(unit: str) -> None:
    text = "A headline\n\n" + unit * (200_000 // len(unit))
    article = article_from_text(text)
    _assert_well_formed(article)
    assert len(article.passages) >= 200_000 // MAX_SENTENCE_CHARS


_PASSAGES = st.lists(hostile_text(max_size=25), min_size=1, max_size=12)


@settings(max_examples=120, deadline=None)
@given(passages=_PASSAGES, query=hostile_text(max_size=15), k=st.integers(1, 6))
def test_search_returns_ranked_hits_from_the_index(passages: list[str], query: str, k: int) -> None:
    retriever = TfidfRetriever.fit(passages)
    hits = retriever.search(query, k=k)
    assert len(hits) <= k
    scores = [hit.score for hit in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < score <= 1 + 1e-5 and math.isfinite(score) for score in scores)
    assert all(hit.passage in retriever.passages for hit in hits)
    # Deterministic: the same query, and a refit on the same passages, rank alike.
    assert retriever.search(query, k=k) == hits
    again = TfidfRetriever.fit(passages).search(query, k=k)
    assert [hit.passage for hit in again] == [hit.passage for hit in hits]
    assert [hit.score for hit in again] == pytest.approx(scores)


@settings(max_examples=30, deadline=None)
@given(passages=_PASSAGES)
def test_fit_on_blank_or_stop_word_passages_finds_nothing_rather_than_failing(
    passages: list[str],
) -> None:
    blank = [" " * len(passage) for passage in passages]
    retriever = TfidfRetriever.fit(blank)
    assert retriever.search("the summit", k=3) == []
    assert len(retriever) == len(passages)
