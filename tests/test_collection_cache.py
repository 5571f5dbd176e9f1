"""A folder of articles through the collection cache: reloads, incremental updates, bad caches."""

from __future__ import annotations

import logging
import os
import shutil
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pytest

from retrieval import AnalyzerConfig, Article, TfidfRetriever, collection_file, load_article
from retrieval import collection_cache as cache_module
from retrieval.collection import Collection, build_collection
from retrieval.collection_cache import CollectionLoad, load_collection
from retrieval.collection_file import FORMAT_VERSION, cache_key, read_collection
from tests.generated import copy_folder, write_folder

QUERIES = ["when do the talks start?", "who met in Vienna?", "how many people were affected", "é"]
# Not ASCII, so the stored text blobs take their UTF-8 path too.
UNICODE_ARTICLE = (
    "Café owners in Zürich protest\n\n"
    "The café association said on 3 May 2021 that 40 percent of members would close.\n"
    "Its president, Zoë Müller, called the tax “a disaster” 😞 for the old town.\n"
)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = write_folder(tmp_path_factory.mktemp("generated"), 30)
    (folder / "article_00030.txt").write_text(UNICODE_ARTICLE, encoding="utf-8")
    return folder


@pytest.fixture
def folder(generated: Path, tmp_path: Path) -> Path:
    return copy_folder(generated, tmp_path / "news")


def _sources(folder: Path) -> list[Path]:
    return sorted(path for path in folder.iterdir() if path.suffix in {".txt", ".md", ".html"})


def _cache(folder: Path) -> Path:
    return folder / ".articlebot-collection.npz"


def _load(folder: Path, sources: Sequence[Path] | None = None) -> CollectionLoad:
    return load_collection(_sources(folder) if sources is None else sources, _cache(folder))


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    reads: list[str] = []

    def counted(path: str | Path) -> Article:
        reads.append(Path(path).name)
        return load_article(path)

    monkeypatch.setattr(cache_module, "load_article", counted)
    return reads


def assert_same_as_fresh(collection: Collection, sources: Sequence[Path]) -> None:
    """Articles equal to fresh loads, and an index equal, bit for bit, to a fresh build."""
    fresh = build_collection([load_article(path) for path in sources])
    assert collection.articles == fresh.articles
    assert collection.starts == fresh.starts
    ours, theirs = collection.retriever, fresh.retriever
    assert ours.vocabulary == theirs.vocabulary
    assert np.array_equal(ours.idf, theirs.idf)
    for mine, reference in zip(ours.csc_arrays(), theirs.csc_arrays(), strict=True):
        assert np.array_equal(mine, reference)
    assert list(ours.passages) == list(theirs.passages)
    for query in QUERIES:
        assert ours.search(query, k=5) == theirs.search(query, k=5)


def test_a_reload_reads_no_file_and_equals_a_fresh_load(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _load(folder)
    assert (first.parsed, first.reused, first.saved) == (31, 0, True)
    reads = _count_reads(monkeypatch)
    second = _load(folder)
    assert reads == []
    assert (second.parsed, second.reused, second.saved) == (0, 31, False)
    assert_same_as_fresh(first.collection, _sources(folder))
    assert_same_as_fresh(second.collection, _sources(folder))
    metadata = {(a.publisher, a.published) for a in second.collection.articles}
    assert {(None, None), ("The Daily Example", "2021-04-25")} <= metadata


def test_editing_a_file_reads_only_that_file(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _load(folder)
    edited = _sources(folder)[4]
    edited.write_text(edited.read_text() + "\nThe okapi summit moved to Kinshasa.\n")
    reads = _count_reads(monkeypatch)
    update = _load(folder)
    assert reads == [edited.name]
    assert (update.parsed, update.reused, update.dropped) == (1, 30, 0)
    assert_same_as_fresh(update.collection, _sources(folder))
    hit = update.collection.retriever.search("okapi Kinshasa", k=1)[0]
    assert update.collection.articles[update.collection.article_of(hit.passage.index)].source == (
        str(edited)
    )
    assert _load(folder).parsed == 0


def test_added_and_removed_files(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _load(folder)
    sources = _sources(folder)
    sources[0].unlink()
    sources[17].unlink()
    (folder / "article_00010b.txt").write_text(
        "Okapi festival opens\n\nThe okapi festival opens on 3 May 2022 in Kinshasa.\n"
    )
    reads = _count_reads(monkeypatch)
    update = _load(folder)
    assert reads == ["article_00010b.txt"]
    assert (update.parsed, update.reused, update.dropped) == (1, 29, 2)
    assert_same_as_fresh(update.collection, _sources(folder))


def test_another_order_of_the_same_files_is_indexed_in_that_order(folder: Path) -> None:
    _load(folder)
    backwards = _sources(folder)[::-1]
    update = _load(folder, backwards)
    assert update.parsed == 0
    assert_same_as_fresh(update.collection, backwards)


def test_a_touched_file_is_compared_by_content_not_read_again(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _load(folder)
    touched = _sources(folder)[3]
    status = touched.stat()
    os.utime(touched, ns=(status.st_atime_ns, status.st_mtime_ns + 5_000_000_000))
    reads = _count_reads(monkeypatch)
    update = _load(folder)
    assert reads == []
    assert update.saved  # with the new time, so the next start need not hash it
    state = read_collection(_cache(folder), cache_key(AnalyzerConfig())).sources[3]
    assert state.mtime_ns == status.st_mtime_ns + 5_000_000_000


def test_a_same_size_edit_within_the_timestamp_granularity_is_caught(folder: Path) -> None:
    edited = _sources(folder)[2]
    os.utime(edited)  # written just before the scan: a second write could keep its time
    _load(folder)
    status = edited.stat()
    text = edited.read_text()
    edited.write_text(text.replace("the", "THE", 1))
    os.utime(edited, ns=(status.st_atime_ns, status.st_mtime_ns))  # same size, same time
    update = _load(folder)
    assert update.parsed == 1
    assert_same_as_fresh(update.collection, _sources(folder))


class _Clock:
    """The scan time the cache sees: now, shifted by ``ahead`` seconds."""

    def __init__(self) -> None:
        self.ahead = 0.0

    def time_ns(self) -> int:
        return time.time_ns() + int(self.ahead * 1e9)


def _clock_and_hashes(monkeypatch: pytest.MonkeyPatch) -> tuple[_Clock, list[str]]:
    clock = _Clock()
    monkeypatch.setattr(cache_module, "time", clock)
    hashed: list[str] = []
    digest = cache_module._digest

    def counted(path: str) -> bytes:
        hashed.append(Path(path).name)
        return digest(path)

    monkeypatch.setattr(cache_module, "_digest", counted)
    return clock, hashed


def test_files_written_just_before_a_scan_are_hashed_once_not_at_every_start(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock, hashed = _clock_and_hashes(monkeypatch)
    _load(folder)  # the files were just copied: their change times are within 2 s of the scan
    hashed.clear()  # (reading a file hashes it too)
    clock.ahead = 5
    second = _load(folder)
    assert len(hashed) == len(_sources(folder))  # checked by content, once
    assert second.parsed == 0
    assert second.saved  # with this scan's time, which the files are now clearly older than
    hashed.clear()
    clock.ahead = 10
    third = _load(folder)
    # Before: the cache was not rewritten when nothing changed, so every start hashed them all.
    assert hashed == []
    assert not third.saved


@pytest.mark.parametrize("how", ["cp -p", "touch -r"])
def test_a_same_size_edit_with_its_old_time_put_back_is_caught(
    folder: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    clock, hashed = _clock_and_hashes(monkeypatch)
    clock.ahead = 60  # every file long settled when the cache is saved
    _load(folder)
    hashed.clear()
    edited = _sources(folder)[4]
    status = edited.stat()
    changed = edited.read_text(encoding="utf-8").replace("the", "THE", 1)
    if how == "cp -p":  # a same-size copy written over it, times preserved
        other = folder.parent / "edited.txt"
        other.write_text(changed, encoding="utf-8")
        os.utime(other, ns=(status.st_atime_ns, status.st_mtime_ns))
        shutil.copy2(other, edited)
    else:  # edited in place, then the old time set again
        edited.write_text(changed, encoding="utf-8")
        os.utime(edited, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert (edited.stat().st_size, edited.stat().st_mtime_ns) == (
        status.st_size,
        status.st_mtime_ns,
    )

    update = _load(folder)

    # Before: size and time matched, so the stale text was served from the cache.
    assert update.parsed == 1
    assert hashed == [edited.name]
    assert_same_as_fresh(update.collection, _sources(folder))


def test_a_file_replaced_by_an_identical_copy_is_hashed_not_read(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock, hashed = _clock_and_hashes(monkeypatch)
    clock.ahead = 60
    _load(folder)
    hashed.clear()
    replaced = _sources(folder)[5]
    copy = folder.parent / "copy.txt"
    shutil.copy2(replaced, copy)
    copy.replace(replaced)  # same bytes and times, another inode (rsync, tar x)
    reads = _count_reads(monkeypatch)
    update = _load(folder)
    assert hashed == [replaced.name]
    assert reads == []
    assert update.saved  # the new inode recorded: the next start trusts it


def _spoil_counts(cache: Path) -> None:
    with np.load(cache) as archive:
        arrays = {name: archive[name] for name in archive.files}
    arrays["count_indices"][0] = 10**6  # a term that does not exist; the CRCs stay valid
    np.savez(cache, **arrays)  # type: ignore[arg-type]


def _spoil_version(cache: Path) -> None:
    with np.load(cache) as archive:
        arrays = {name: archive[name] for name in archive.files}
    header = (
        arrays["header"]
        .tobytes()
        .replace(f'"version": {FORMAT_VERSION}'.encode(), b'"version": 99')
    )
    arrays["header"] = np.frombuffer(header, dtype=np.uint8)
    np.savez(cache, **arrays)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "spoil",
    [
        lambda cache: cache.write_bytes(b"not an archive"),
        lambda cache: cache.write_bytes(cache.read_bytes()[: cache.stat().st_size // 2]),
        lambda cache: np.savez(cache, header=np.zeros(3, dtype=np.uint8)),
        _spoil_counts,
        _spoil_version,
    ],
    ids=["garbage", "truncated", "foreign", "inconsistent", "other version"],
)
def test_a_bad_cache_is_rebuilt(
    folder: Path, spoil: Callable[[Path], None], caplog: pytest.LogCaptureFixture
) -> None:
    _load(folder)
    spoil(_cache(folder))
    with caplog.at_level(logging.INFO, logger=cache_module.__name__):
        rebuilt = _load(folder)
    assert (rebuilt.parsed, rebuilt.saved) == (31, True)
    # Recognized as a bad file, not caught as an unexpected error.
    assert [r.levelno for r in caplog.records if "rebuilding" in r.message] == [logging.INFO]
    assert_same_as_fresh(rebuilt.collection, _sources(folder))
    assert _load(folder).parsed == 0


def test_a_cache_made_by_other_code_is_rebuilt(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _load(folder)
    monkeypatch.setattr(collection_file, "_PARSING_LIBRARIES", ("numpy",))
    assert _load(folder).parsed == 31


def test_a_cache_that_cannot_be_written_only_costs_time(folder: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    for _ in range(2):
        loaded = load_collection(_sources(folder), blocker / "collection.npz")
        assert (loaded.parsed, loaded.saved) == (31, False)
    assert_same_as_fresh(loaded.collection, _sources(folder))


def test_progress_counts_the_files_read(folder: Path) -> None:
    calls: list[tuple[int, int]] = []
    load_collection(_sources(folder), _cache(folder), progress=lambda *call: calls.append(call))
    assert calls[0] == (0, 31)
    assert calls[-1] == (31, 31)
    calls.clear()
    load_collection(_sources(folder), _cache(folder), progress=lambda *call: calls.append(call))
    assert calls == []


def test_without_a_cache_nothing_is_written(folder: Path) -> None:
    loaded = load_collection(_sources(folder), None)
    assert not loaded.saved
    assert not _cache(folder).exists()


def test_articles_from_the_cache_name_their_source_as_a_fresh_load_does(folder: Path) -> None:
    spelled = [f"{folder}/./{path.name}" for path in _sources(folder)[:3]]
    load_collection(spelled, _cache(folder))
    reloaded = load_collection(spelled, _cache(folder))
    assert reloaded.parsed == 0
    assert list(reloaded.collection.articles) == [load_article(name) for name in spelled]


def test_the_collection_index_saves_and_loads_like_any_index(folder: Path, tmp_path: Path) -> None:
    retriever = _load(folder).collection.retriever
    retriever.save(tmp_path / "index.npz")
    loaded = TfidfRetriever.load(tmp_path / "index.npz")
    assert loaded.passages == retriever.passages
    assert loaded.search(QUERIES[0], k=5) == retriever.search(QUERIES[0], k=5)
