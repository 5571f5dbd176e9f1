"""Knowledge of a folder or several files: the collection cache's place, and the progress bar."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from bot import startup
from bot.knowledge import collection_cache_path, index_cache_path, load_knowledge
from bot.progress import indexing_progress
from retrieval import Article, load_article
from retrieval import collection_cache as cache_module
from tests.conftest import SEED_ARTICLE
from tests.generated import copy_folder, write_folder


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = write_folder(tmp_path_factory.mktemp("generated"), 24)
    return folder


@pytest.fixture
def folder(generated: Path, tmp_path: Path) -> Path:
    return copy_folder(generated, tmp_path / "news")


def _forbid_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: object) -> Article:
        raise AssertionError(f"{path} was read again")

    monkeypatch.setattr(cache_module, "load_article", refuse)


def test_a_folder_is_cached_in_the_cache_folder_and_reloaded_without_reading(
    folder: Path, monkeypatch: pytest.MonkeyPatch, private_cache_directory: Path
) -> None:
    names = sorted(path.name for path in folder.iterdir())
    first = load_knowledge(folder)
    cache = collection_cache_path([folder])
    assert cache is not None
    assert cache.parent == private_cache_directory
    assert cache.is_file()
    assert sorted(path.name for path in folder.iterdir()) == names
    _forbid_reading(monkeypatch)
    second = load_knowledge(folder)
    fresh = [load_article(path) for path in sorted(folder.glob("article_*"))]
    assert second.articles == first.articles == tuple(fresh)
    hit = second.retriever.search("who met in Vienna?", k=1)[0]
    cited = second.article_of(hit.passage)
    assert cited.text[hit.passage.start : hit.passage.end] == hit.passage.text


def test_several_files_share_one_cache_named_by_their_paths(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = [SEED_ARTICLE, *sorted(folder.glob("*.txt"))[:2]]
    cache = collection_cache_path(files)
    assert cache is not None
    assert cache != collection_cache_path(files[:2])
    first = load_knowledge(files)
    assert cache.is_file()
    assert first.article == load_article(SEED_ARTICLE)
    _forbid_reading(monkeypatch)
    assert load_knowledge(files).articles == first.articles


def test_one_file_in_a_list_keeps_its_own_index_cache(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    shutil.copyfile(SEED_ARTICLE, story)
    load_knowledge([story])
    entry = index_cache_path(story)
    assert entry is not None
    assert entry.is_file()
    assert [path.name for path in tmp_path.iterdir()] == ["story.txt"]


def test_a_folder_without_cache_writes_nothing(folder: Path) -> None:
    names = sorted(path.name for path in folder.iterdir())
    load_knowledge(folder, cache=False)
    assert sorted(path.name for path in folder.iterdir()) == names
    cache = collection_cache_path([folder])
    assert cache is not None
    assert not cache.exists()


def test_the_progress_callback_sees_every_file_read(folder: Path) -> None:
    calls: list[tuple[int, int]] = []
    load_knowledge(folder, progress=lambda *call: calls.append(call))
    assert (calls[0], calls[-1]) == ((0, 24), (24, 24))


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_indexing_bar_draws_on_a_terminal_for_many_articles() -> None:
    terminal = _Terminal()
    update = indexing_progress(terminal)
    for done in (0, 250, 500):
        update(done, 500)
    output = terminal.getvalue()
    assert "indexing articles" in output
    assert output.endswith("500/500\n")


@pytest.mark.parametrize(("stream", "total"), [(_Terminal(), 5), (io.StringIO(), 500)])
def test_the_indexing_bar_stays_silent_for_a_few_articles_or_off_a_terminal(
    stream: io.StringIO, total: int
) -> None:
    update = indexing_progress(stream)
    update(0, total)
    update(total, total)
    assert stream.getvalue() == ""


def test_start_passes_a_progress_callback(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, object] = {}

    def fake_load(path: object, **options: object) -> object:
        seen.update(options)
        raise startup.ArticleError("stop here")

    monkeypatch.setattr(startup, "load_knowledge", fake_load)
    with pytest.raises(startup.StartupError, match="stop here"):
        startup.start(SEED_ARTICLE)
    assert callable(seen["progress"])
