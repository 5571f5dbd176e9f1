"""The library contract of PRODUCT.md: fit, search, save and load."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from retrieval import Article, IndexFileError, TfidfRetriever, index_file

CORPUS = [
    "The summit will be held in Geneva in June.",
    "Stock markets fell sharply on Monday.",
    "Leaders agreed to meet again at a later summit.",
    "Nothing here matches.",
]


def test_fit_accepts_plain_strings() -> None:
    retriever = TfidfRetriever.fit(CORPUS)
    hits = retriever.search("when is the summit?", k=3)
    assert [hit.passage.index for hit in hits] == [0, 2]
    assert hits[0].score >= hits[1].score > 0
    assert hits[0].passage.text == CORPUS[0]


def test_search_finds_the_june_sentence_among_the_top_five(seed_article: Article) -> None:
    retriever = TfidfRetriever.fit(seed_article.passages)
    hits = retriever.search("when will Biden and Putin meet?", k=5)
    assert any("June 15-16" in hit.passage.text for hit in hits)


def test_no_shared_term_means_no_hits() -> None:
    retriever = TfidfRetriever.fit(CORPUS)
    assert retriever.search("zebra", k=3) == []
    assert retriever.search("", k=3) == []


@pytest.mark.parametrize("k", [1, 2, 5])
def test_passages_of_one_direction_tie_at_one_to_the_earlier(k: int) -> None:
    # "a a b b" and "a b" both have cosine 1 with "a b", but their sums round either side
    # of it: the clamped scores tie, and a tie goes to the earlier passage.
    retriever = TfidfRetriever.fit(["w0x", "w1x", "w2x", "w0x w0x w1x w1x", "w0x w1x", "w0x"])
    hits = retriever.search("w0x w1x", k=k)
    assert [hit.passage.index for hit in hits][:2] == [3, 4][:k]
    assert all(hit.score <= 1.0 for hit in hits)


@pytest.mark.parametrize("k", [1, 2, 3, 4, 6, 8, 10])
def test_many_passages_at_one_rank_as_every_clamped_score_does(k: int) -> None:
    # Passages in the query's direction score 1, some of them a rounding above: the
    # clamp makes them tie, in passage order, whether the k found hold them all
    # (fewer than k, or a lower score after them) or not (more of them than k).
    texts = ["w0x w1x w2x", "w3x", "w0x w0x w1x w1x", "w0x w1x", "w0x w1x w3x"]
    texts += ["w0x w1x", "w0x w0x w1x w1x", "w1x w0x", "w0x w0x w0x w1x w1x w1x", "w0x"]
    retriever = TfidfRetriever.fit(texts)
    scores = retriever.scores("w0x w1x")
    assert scores is not None
    assert scores.max() == 1.0
    assert len(np.flatnonzero(scores == 1.0)) == 6
    expected = sorted(np.flatnonzero(scores).tolist(), key=lambda row: (-scores[row], row))
    hits = retriever.search("w0x w1x", k=k)
    assert [hit.passage.index for hit in hits] == expected[:k]
    assert [hit.score for hit in hits] == scores[expected[:k]].tolist()


def test_k_must_be_positive() -> None:
    with pytest.raises(ValueError, match="k must be at least 1"):
        TfidfRetriever.fit(CORPUS).search("summit", k=0)


def test_fit_refuses_other_types() -> None:
    with pytest.raises(TypeError, match="Passage objects or strings"):
        TfidfRetriever.fit([1, 2])  # type: ignore[list-item]


def test_an_index_of_stop_words_only_finds_nothing() -> None:
    retriever = TfidfRetriever.fit(["the of and", "a an"])
    assert retriever.search("the", k=2) == []


def test_save_and_load_round_trip(tmp_path: Path, seed_article: Article) -> None:
    retriever = TfidfRetriever.fit(seed_article.passages)
    path = tmp_path / "seed.idx"
    retriever.save(path)
    loaded = TfidfRetriever.load(path)
    assert loaded.passages == retriever.passages
    assert loaded.analyzer.config == retriever.analyzer.config
    for query in ("when is the summit?", "who is Yuri Ushakov", "hunger strike"):
        before = [(hit.passage.index, hit.score) for hit in retriever.search(query, k=5)]
        after = [(hit.passage.index, hit.score) for hit in loaded.search(query, k=5)]
        assert [i for i, _ in before] == [i for i, _ in after]
        assert np.allclose([s for _, s in before], [s for _, s in after])


def test_incompatible_version_is_refused_with_a_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.idx"
    monkeypatch.setattr(index_file, "FORMAT_VERSION", 999)
    TfidfRetriever.fit(CORPUS).save(path)
    monkeypatch.undo()
    with pytest.raises(IndexFileError, match=r"version 999.*rebuild it"):
        TfidfRetriever.load(path)


@pytest.mark.parametrize(
    "content", [b"", b"not an index at all", b"PK\x03\x04 broken zip", b"\x80\x04\x95pickle"]
)
def test_foreign_or_damaged_files_are_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.idx"
    path.write_bytes(content)
    with pytest.raises(IndexFileError):
        TfidfRetriever.load(path)


def test_truncated_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "whole.idx"
    TfidfRetriever.fit(CORPUS).save(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(IndexFileError):
        TfidfRetriever.load(path)


def test_text_with_lone_surrogates_saves_and_loads_as_it_was(tmp_path: Path) -> None:
    texts = ["a broken \ud800 pair in a summit report", "plain summit text", "caf\u00e9 summit"]
    path = tmp_path / "odd.idx"
    TfidfRetriever.fit(texts).save(path)
    loaded = TfidfRetriever.load(path)
    assert [passage.text for passage in loaded.passages] == texts
