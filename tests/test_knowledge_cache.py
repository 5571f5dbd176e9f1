"""The article's index cache: built once, reused, rebuilt when anything it depends on changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.cache_store import CacheStore
from bot.knowledge import Knowledge, index_cache_path, index_key, load_knowledge
from retrieval import AnalyzerConfig, TfidfRetriever, index_file, load_article
from tests.conftest import SEED_ARTICLE

QUESTION = "when is the summit?"


@pytest.fixture
def article_path(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    shutil.copyfile(SEED_ARTICLE, path)
    return path


def _forbid_fitting(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object, **__: object) -> TfidfRetriever:
        raise AssertionError("the index was fitted again")

    monkeypatch.setattr(TfidfRetriever, "fit", refuse)


def _count_fits(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    original = TfidfRetriever.fit

    def counted(*args: object, **kwargs: object) -> TfidfRetriever:
        calls.append(1)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(TfidfRetriever, "fit", counted)
    return calls


def _search(found: Knowledge) -> list[tuple[int, float]]:
    return [(hit.passage.index, hit.score) for hit in found.retriever.search(QUESTION, k=5)]


def test_the_index_is_cached_in_the_cache_folder_not_beside_the_article_and_reused(
    article_path: Path, monkeypatch: pytest.MonkeyPatch, private_cache_directory: Path
) -> None:
    first = load_knowledge(article_path)
    cache = index_cache_path(article_path)
    assert cache is not None
    assert cache.parent == private_cache_directory
    assert cache.is_file()
    assert [path.name for path in article_path.parent.iterdir()] == ["story.txt"]
    _forbid_fitting(monkeypatch)
    second = load_knowledge(article_path)
    assert _search(second) == _search(first)
    # The cached retriever shares the freshly loaded article's passage objects.
    assert all(
        a is b for a, b in zip(second.retriever.passages, second.article.passages, strict=True)
    )


def test_an_edited_article_rebuilds_the_index(
    article_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_knowledge(article_path)
    article_path.write_text(
        article_path.read_text(encoding="utf-8") + "\n\nThe summit moved to Vienna.\n",
        encoding="utf-8",
    )
    fits = _count_fits(monkeypatch)
    edited = load_knowledge(article_path)
    assert fits == [1]
    assert any("Vienna" in hit.passage.text for hit in edited.retriever.search("Vienna", k=1))
    load_knowledge(article_path)
    assert fits == [1]


def test_the_key_changes_with_the_analyzer_settings_and_the_format(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    passages = load_article(SEED_ARTICLE).passages
    key = index_key(passages, AnalyzerConfig())
    assert index_key(passages, AnalyzerConfig()) == key
    assert index_key(passages, AnalyzerConfig(stemming=False)) != key
    assert index_key(passages[:-1], AnalyzerConfig()) != key
    monkeypatch.setattr(index_file, "FORMAT_VERSION", index_file.FORMAT_VERSION + 1)
    assert index_key(passages, AnalyzerConfig()) != key


@pytest.mark.parametrize(
    "spoil",
    [
        lambda path: path.write_bytes(b"not an index"),
        lambda path: TfidfRetriever.fit(["other"]).save(path, header={"source_key": "stale"}),
    ],
    ids=["damaged", "stale key"],
)
def test_a_damaged_or_stale_cache_is_rebuilt(
    article_path: Path, monkeypatch: pytest.MonkeyPatch, spoil: object
) -> None:
    load_knowledge(article_path)
    cache = index_cache_path(article_path)
    assert cache is not None
    spoil(cache)  # type: ignore[operator]
    fits = _count_fits(monkeypatch)
    rebuilt = load_knowledge(article_path)
    assert fits == [1]
    assert rebuilt.retriever.search(QUESTION, k=1)
    assert TfidfRetriever.load(cache).passages == rebuilt.article.passages


def test_an_index_of_another_format_version_is_rebuilt(
    article_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_file, "FORMAT_VERSION", 999)
    load_knowledge(article_path)
    monkeypatch.undo()
    fits = _count_fits(monkeypatch)
    load_knowledge(article_path)
    assert fits == [1]
    cache = index_cache_path(article_path)
    assert cache is not None
    assert index_file.read_header(cache)["version"] != 999


def test_the_same_article_reached_another_way_shares_its_entry(
    article_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_knowledge(article_path)
    (article_path.parent / "link.txt").symlink_to(article_path)
    monkeypatch.chdir(article_path.parent)
    _forbid_fitting(monkeypatch)
    for spelling in ("story.txt", "./story.txt", "link.txt"):
        assert index_cache_path(Path(spelling)) == index_cache_path(article_path)
        load_knowledge(spelling)


def test_a_cache_folder_that_cannot_be_written_only_costs_time(
    article_path: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    unwritable = CacheStore(blocker / "cache")
    assert _search(load_knowledge(article_path, cache=unwritable))
    assert _search(load_knowledge(article_path, cache=unwritable))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "story.txt"]


def test_without_cache_nothing_is_written(
    article_path: Path, private_cache_directory: Path
) -> None:
    before = set(private_cache_directory.glob("*")) if private_cache_directory.exists() else set()
    load_knowledge(article_path, cache=False)
    assert sorted(p.name for p in article_path.parent.iterdir()) == ["story.txt"]
    assert index_cache_path(article_path) not in before
    cache = index_cache_path(article_path)
    assert cache is not None
    assert not cache.exists()
