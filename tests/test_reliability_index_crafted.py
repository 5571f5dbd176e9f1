"""Crafted index and collection files: refused on load with one error type, or safe to query.

``tests/test_reliability_index_files.py`` damages the bytes of an index; this
file crafts well-formed archives whose *values* are wrong (a header nested
100,000 deep, a 5,000-digit integer, ``ngram_max: 2.5``, an all-zero idf, NaN
weights, float offsets, a deflate bomb), which used to load and then fail at
query time, or to escape as RecursionError, ValueError or MemoryError. The
rule held here: every file either raises :class:`IndexFileError` when loaded,
or loads and answers every query with finite scores that JSON can carry; and a
bad cache beside an article is rebuilt, never fatal.
"""

from __future__ import annotations

import io
import json
import math
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from numpy.lib import format as npy_format

from bot.knowledge import index_cache_path, load_knowledge
from retrieval import IndexFileError, TfidfRetriever
from retrieval.collection_cache import load_collection
from tests.conftest import SEED_ARTICLE, run_cli

CORPUS = [
    "The summit will be held in Geneva in June.",
    "Stock markets fell sharply on Monday.",
    "Leaders agreed to meet again at a later summit.",
]
QUESTION = "When will Biden and Putin meet?"
QUERIES = ("summit in June", "markets fell", "leaders meet Geneva", "nothing matches this")


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> dict[str, np.ndarray]:
    path = tmp_path_factory.mktemp("good") / "good.idx"
    TfidfRetriever.fit(CORPUS).save(path)
    with np.load(path) as archive:
        return {name: archive[name] for name in archive.files}


def _npy(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, array)
    return buffer.getvalue()


def _write(path: Path, arrays: dict[str, Any], compression: int = zipfile.ZIP_STORED) -> Path:
    with zipfile.ZipFile(path, "w", compression=compression) as archive:
        for name, value in arrays.items():
            archive.writestr(f"{name}.npy", value if isinstance(value, bytes) else _npy(value))
    return path


def _header(arrays: dict[str, np.ndarray]) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(arrays["header"].tobytes())
    return loaded


def _with_header(arrays: dict[str, np.ndarray], text: str) -> dict[str, Any]:
    return {**arrays, "header": np.frombuffer(text.encode(), dtype=np.uint8)}


def _with_analyzer(arrays: dict[str, np.ndarray], **changes: Any) -> dict[str, Any]:
    header = _header(arrays)
    header["analyzer"] = {**header["analyzer"], **changes}
    return _with_header(arrays, json.dumps(header))


def _loaded_or_refused(path: Path) -> TfidfRetriever | None:
    """None when refused with a one-line IndexFileError; any other exception fails the test."""
    try:
        retriever = TfidfRetriever.load(path)
    except IndexFileError as error:
        message = str(error)
        if "\n" in message:
            pytest.fail(f"a message of more than one line: {message!r}")
        return None
    for query in QUERIES:
        hits = retriever.search(query, k=3)
        scores = [hit.score for hit in hits]
        assert all(math.isfinite(score) and 0 < score <= 1.0001 for score in scores)
        json.dumps(scores, allow_nan=False)
        dense = retriever.scores(query)
        assert dense is None or bool(np.all(np.isfinite(dense)))
    return retriever


Craft = Callable[[dict[str, np.ndarray]], dict[str, Any]]
CRAFTED: dict[str, Craft] = {
    "header nested 100,000 deep": lambda a: _with_header(a, "[" * 50_000 + "]" * 50_000),
    "header nested in an object": lambda a: _with_header(
        a, json.dumps({**_header(a), "extra": json.loads("[" * 50 + "]" * 50)})
    ),
    "a 5,000-digit integer": lambda a: _with_header(
        a, json.dumps(_header(a)).replace('"version": 1', '"version": ' + "9" * 5000)
    ),
    "header not an object": lambda a: _with_header(a, "[1, 2, 3]"),
    "analyzer not an object": lambda a: _with_header(a, json.dumps({**_header(a), "analyzer": 5})),
    "ngram_max 2.5": lambda a: _with_analyzer(a, ngram_max=2.5),
    "ngram_max true": lambda a: _with_analyzer(a, ngram_max=True),
    "ngram_max 10**30": lambda a: _with_analyzer(a, ngram_max=10**30),
    "stop_words a list": lambda a: _with_analyzer(a, stop_words=["x"]),
    "stemming a string": lambda a: _with_analyzer(a, stemming="no"),
    "n_passages wrong": lambda a: _with_header(a, json.dumps({**_header(a), "n_passages": 99})),
    "all-zero idf": lambda a: {**a, "idf": np.zeros_like(a["idf"])},
    "negative idf": lambda a: {**a, "idf": -a["idf"]},
    "infinite idf": lambda a: {**a, "idf": np.full_like(a["idf"], np.inf)},
    "NaN weights": lambda a: {**a, "data": np.full_like(a["data"], np.nan)},
    "weights over one": lambda a: {**a, "data": a["data"] * 1000},
    "integer weights": lambda a: {**a, "data": a["data"].astype(np.int64)},
    "float offsets": lambda a: {**a, "starts": a["starts"].astype(np.float64) + 0.5},
    "negative offsets": lambda a: {**a, "starts": -np.ones_like(a["starts"])},
    "ends before starts": lambda a: {**a, "ends": a["starts"] - 1},
    "2-D idf": lambda a: {**a, "idf": a["idf"].reshape(1, -1)},
    "Fortran 2-D data": lambda a: {**a, "data": np.asfortranarray(np.tile(a["data"], (2, 1)))},
    "text offsets past the text": lambda a: {**a, "text_ends": a["text_ends"] + 5},
    "text offsets descending": lambda a: {**a, "text_ends": a["text_ends"][::-1].copy()},
    "term offsets mid-character": lambda a: {
        **a,
        "terms": np.frombuffer("é".encode() * 4, dtype=np.uint8),
        "term_ends": np.array([1, 3, 5, 8], dtype=np.int64)[: len(a["term_ends"])],
    },
    "a repeated term": lambda a: {
        **a,
        "terms": np.frombuffer(b"ab" * len(a["term_ends"]), dtype=np.uint8),
        "term_ends": np.arange(2, 2 * len(a["term_ends"]) + 1, 2, dtype=np.int64),
    },
    "a member that is not .npy": lambda a: {**a, "idf": b"not an npy file at all"},
}


@pytest.mark.parametrize("craft", list(CRAFTED.values()), ids=list(CRAFTED))
def test_a_crafted_index_is_refused_with_one_error_type(
    tmp_path: Path, good: dict[str, np.ndarray], craft: Craft
) -> None:
    path = _write(tmp_path / "crafted.idx", craft(good))
    # Before: RecursionError, ValueError, AttributeError escaped load, or the file
    # loaded and a query raised ZeroDivisionError or TypeError, or scored NaN.
    assert _loaded_or_refused(path) is None


def test_the_good_index_still_loads_and_answers(tmp_path: Path, good: dict[str, Any]) -> None:
    retriever = _loaded_or_refused(_write(tmp_path / "good.idx", good))
    assert retriever is not None
    assert retriever.search("summit in June", k=1)


def _refused_within_memory(path: Path) -> int:
    """Check that ``path`` is refused; return the bytes allocated at the peak meanwhile."""
    tracemalloc.start()
    try:
        assert _loaded_or_refused(path) is None
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _bomb_member(declared: int) -> bytes:
    header = io.BytesIO()
    npy_format.write_array_header_1_0(
        header, {"descr": "<f4", "fortran_order": False, "shape": (declared // 4,)}
    )
    return header.getvalue() + bytes(declared)


@pytest.mark.parametrize("member", ["header", "idf", "texts"])
def test_a_deflate_bomb_is_refused_before_it_is_inflated(
    tmp_path: Path, good: dict[str, Any], member: str
) -> None:
    inflated = 64 * 1024 * 1024  # compresses to about 64 KB
    path = _write(
        tmp_path / "bomb.idx", {**good, member: _bomb_member(inflated)}, zipfile.ZIP_DEFLATED
    )
    assert path.stat().st_size < inflated // 500
    # Before: np.load inflated the member (440 MB for a 391 KB file) before failing.
    assert _refused_within_memory(path) < 5 * 1024 * 1024


def test_a_stored_member_declaring_more_than_it_holds_is_refused_unallocated(
    tmp_path: Path, good: dict[str, Any]
) -> None:
    header = io.BytesIO()
    npy_format.write_array_header_1_0(
        header, {"descr": "<f4", "fortran_order": False, "shape": (10**9,)}
    )
    path = _write(tmp_path / "liar.idx", {**good, "idf": header.getvalue() + bytes(64)})
    assert _refused_within_memory(path) < 5 * 1024 * 1024


_VALUES = st.one_of(
    st.sampled_from([np.nan, np.inf, -np.inf, 0.0, -1.0, 1e30, 1e-30, 2.5]),
    st.integers(-(2**40), 2**40),
)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_value_anywhere_is_refused_or_answers_safely(
    tmp_path: Path, good: dict[str, np.ndarray], data: st.DataObject
) -> None:
    name = data.draw(st.sampled_from(sorted(set(good) - {"header"})))
    array = good[name].copy()
    if len(array):
        position = data.draw(st.integers(0, len(array) - 1))
        value = data.draw(_VALUES)
        with np.errstate(all="ignore"):
            array[position] = np.asarray(value).astype(array.dtype)
    else:
        array = np.zeros(3, dtype=array.dtype)
    _loaded_or_refused(_write(tmp_path / "mutated.idx", {**good, name: array}))


# -- caches: a bad one is rebuilt, never fatal -----------------------------------------


def _craft_cache(article: Path, good: dict[str, np.ndarray], craft: str) -> Path:
    """Put a crafted index where ``article``'s cache is, with the real key when it has a header."""
    cache = index_cache_path(article)
    assert cache is not None
    load_knowledge(article)  # writes the real cache, whose key a crafted file can copy
    with np.load(cache) as archive:
        key = json.loads(archive["header"].tobytes())["source_key"]
    crafted = CRAFTED[craft](good)
    try:
        header = json.loads(crafted["header"].tobytes())
        crafted = _with_header(crafted, json.dumps({**header, "source_key": key}))
    except RecursionError:
        pass  # the header itself is the attack
    _write(cache, crafted)
    return cache


@pytest.fixture
def article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ARTICLEBOT_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "story.txt"
    path.write_bytes(SEED_ARTICLE.read_bytes())
    return path


@pytest.mark.parametrize("craft", ["header nested 100,000 deep", "ngram_max 2.5", "all-zero idf"])
def test_a_crafted_cache_is_replaced(
    article: Path, good: dict[str, np.ndarray], craft: str
) -> None:
    cache = _craft_cache(article, good, craft)
    knowledge = load_knowledge(article)  # before: the error escaped, at every start
    assert knowledge.retriever.search("summit", k=1)
    assert TfidfRetriever.load(cache).search("summit", k=1)  # replaced by a good one


def test_a_crafted_cache_never_stops_ask(
    article: Path, good: dict[str, np.ndarray], tmp_path: Path
) -> None:
    _craft_cache(article, good, "all-zero idf")
    cache_dir = str(tmp_path / "cache")
    first = run_cli("ask", "--article", str(article), QUESTION, ARTICLEBOT_CACHE_DIR=cache_dir)
    second = run_cli("ask", "--article", str(article), QUESTION, ARTICLEBOT_CACHE_DIR=cache_dir)
    # Before: exit 1 with a traceback (ZeroDivisionError), at every start.
    assert first.returncode == second.returncode == 0, first.stderr
    assert "Traceback" not in first.stderr
    assert "June" in second.stdout


def test_a_crafted_collection_cache_is_rebuilt(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for number in range(2):
        (folder / f"a{number}.txt").write_bytes(SEED_ARTICLE.read_bytes())
    cache = folder / ".articlebot-collection.npz"
    load_collection(sorted(folder.glob("*.txt")), cache)
    with np.load(cache) as archive:
        arrays = {name: archive[name] for name in archive.files}
    arrays["count_data"] = np.full_like(arrays["count_data"], np.nan)  # "< 1" let NaN through
    _write(cache, arrays)

    reloaded = load_collection(sorted(folder.glob("*.txt")), cache)

    assert reloaded.parsed == 2  # read again: the cache was not used
    assert reloaded.saved
    assert reloaded.collection.retriever.search("summit", k=1)
