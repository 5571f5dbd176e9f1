"""The saved-index file: exact round trip, header fields, and refusal of bad files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from retrieval import Article, IndexFileError, TfidfRetriever, index_file
from tests.conftest import PROJECT_ROOT


@pytest.fixture
def saved(tmp_path: Path, seed_article: Article) -> tuple[TfidfRetriever, Path]:
    retriever = TfidfRetriever.fit(seed_article.passages)
    path = tmp_path / "seed.npz"
    retriever.save(path, header={"source_key": "abc"})
    return retriever, path


def _arrays(path: Path) -> dict[str, np.ndarray]:
    with np.load(path, allow_pickle=False) as archive:
        return {name: archive[name] for name in archive.files}


def test_a_loaded_index_is_the_saved_one(saved: tuple[TfidfRetriever, Path]) -> None:
    retriever, path = saved
    loaded = TfidfRetriever.load(path)
    assert loaded.passages == retriever.passages
    assert loaded.vocabulary == retriever.vocabulary
    np.testing.assert_array_equal(loaded.idf, retriever.idf)
    for ours, theirs in zip(loaded.csc_arrays(), retriever.csc_arrays(), strict=True):
        np.testing.assert_array_equal(ours, theirs)
    assert loaded.search("when is the summit?", k=5) == retriever.search("when is the summit?", 5)


def test_extra_header_fields_are_kept_but_cannot_replace_the_format(tmp_path: Path) -> None:
    path = tmp_path / "index.npz"
    TfidfRetriever.fit(["one passage", "another"]).save(path, header={"format": "x", "key": 1})
    header = index_file.read_header(path)
    assert header["key"] == 1
    assert header["format"] == index_file.FORMAT_NAME
    assert header["version"] == index_file.FORMAT_VERSION


def test_saving_leaves_no_temporary_file(saved: tuple[TfidfRetriever, Path]) -> None:
    _, path = saved
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_object_arrays_are_refused_not_unpickled(saved: tuple[TfidfRetriever, Path]) -> None:
    _, path = saved
    arrays = _arrays(path)
    arrays["texts"] = np.array([object()], dtype=object)
    np.savez(path, **arrays)  # type: ignore[arg-type]
    with pytest.raises(IndexFileError, match="not a readable articlebot index"):
        TfidfRetriever.load(path)


@pytest.mark.parametrize(
    ("member", "damage"),
    [
        ("indices", lambda a: a + 10_000),
        ("indices", lambda a: a[::-1].copy()),
        ("indptr", lambda a: a[:-1].copy()),
        ("indptr", lambda a: a[::-1].copy()),
        ("idf", lambda a: a[:-1].copy()),
        ("data", lambda a: a[:-1].copy()),
    ],
    ids=["rows out of range", "rows unsorted", "short pointers", "pointers decrease",
         "short idf", "short data"],
)  # fmt: skip
def test_inconsistent_arrays_are_refused(
    saved: tuple[TfidfRetriever, Path], member: str, damage: object
) -> None:
    _, path = saved
    arrays = _arrays(path)
    arrays[member] = damage(arrays[member])  # type: ignore[operator]
    np.savez(path, **arrays)  # type: ignore[arg-type]
    with pytest.raises(IndexFileError, match="damaged"):
        TfidfRetriever.load(path)


def test_loading_and_searching_import_neither_scikit_learn_nor_scipy_sparse(
    saved: tuple[TfidfRetriever, Path],
) -> None:
    _, path = saved
    script = (
        "import sys\n"
        "from retrieval import TfidfRetriever\n"
        f"retriever = TfidfRetriever.load({str(path)!r})\n"
        "assert retriever.search('when is the summit?', k=3)\n"
        "print(sorted(m for m in ('sklearn', 'scipy.sparse') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        check=True,
        timeout=60,
    )
    assert result.stdout.strip() == "[]"


def test_non_ascii_passages_round_trip_exactly(tmp_path: Path) -> None:
    texts = ["Café naïve — “quoted”", "Москва 東京 🙂 end", "", "plain ascii"]
    path = tmp_path / "unicode.npz"
    retriever = TfidfRetriever.fit(texts)
    retriever.save(path)
    loaded = TfidfRetriever.load(path)
    assert [passage.text for passage in loaded.passages] == texts
    assert loaded.passages == retriever.passages
    assert loaded.search("Москва", k=1)[0].passage.text == texts[1]


def test_a_saved_index_gets_the_usual_file_permissions(tmp_path: Path) -> None:
    usual = tmp_path / "usual"
    usual.write_bytes(b"")
    path = tmp_path / "index.npz"
    TfidfRetriever.fit(["one passage"]).save(path)
    assert path.stat().st_mode == usual.stat().st_mode
