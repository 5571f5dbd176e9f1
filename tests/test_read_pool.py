"""The reader processes: pages read off the loop, at most N at once, their memory told truly.

Real worker processes reading from a web server on 127.0.0.1 (allowed by the
policy's test setting). The pool is built once for the module: its first
read starts the process server, which preloads the reading code.
"""

from __future__ import annotations

import asyncio
import gc
import time
import tracemalloc
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import pytest_asyncio

from bot.discord_app.footprint import footprint
from bot.discord_app.parcel import pack, unpack
from bot.discord_app.read_pool import (
    PoolBusyError,
    ReadPool,
    _unpack_out_of_gc_sight,
)
from bot.reading import read_knowledge
from retrieval import ArticleError
from retrieval.addresses import AddressPolicy
from tests.page_server import FIXTURES, Page, PageServer, news_page

module_loop = pytest.mark.asyncio(loop_scope="module")

PIER = (FIXTURES / "tabloid_pier.html").read_bytes()
HELD = 6  # reads sent at once to a route that holds them
IN_FLIGHT = 2


@pytest.fixture(scope="module")
def pages() -> Iterator[PageServer]:
    routes = {
        "/pier.html": Page(PIER),
        "/long.html": Page(news_page(300_000)),
        **{f"/held{n}.html": Page(PIER, hold=True) for n in range(HELD)},
    }
    with PageServer(routes) as server:
        yield server


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def pool() -> AsyncIterator[ReadPool]:
    readers = ReadPool(AddressPolicy(allow_private=True), max_in_flight=IN_FLIGHT, max_waiting=3)
    yield readers
    readers.close()


@module_loop
async def test_a_page_is_read_in_a_worker_and_indexed(pool: ReadPool, pages: PageServer) -> None:
    page = await pool.load(pages.url("/pier.html"))

    assert page.url == pages.url("/pier.html")
    assert page.article.title.startswith("Brackenmouth pier reopens")
    assert page.article.source == pages.url("/pier.html")
    here = read_knowledge(pages.url("/pier.html"))  # the same page, read in this process
    assert page.article == here.article
    question = "how much did the restoration cost?"
    assert page.knowledge.retriever.search(question, k=3) == here.retriever.search(question, k=3)
    assert pool.admitted == 0


@module_loop
async def test_at_most_n_pages_are_read_at_once_and_a_flood_is_refused(
    pool: ReadPool, pages: PageServer
) -> None:
    loads = [asyncio.create_task(pool.load(pages.url(f"/held{n}.html"))) for n in range(HELD - 1)]
    await asyncio.sleep(0)
    with pytest.raises(PoolBusyError):  # 2 reading + 3 waiting: the sixth is refused
        await pool.load(pages.url(f"/held{HELD - 1}.html"))
    await asyncio.sleep(2)  # time for every admitted read to reach the server if it could
    assert pages.most_at_once == IN_FLIGHT
    pages.release.set()
    read = await asyncio.gather(*loads)

    assert [page.article.title for page in read] == [read[0].article.title] * (HELD - 1)
    assert pages.most_at_once == IN_FLIGHT
    assert pool.admitted == 0


@module_loop
async def test_a_private_address_is_refused_in_the_worker(pages: PageServer) -> None:
    strict = ReadPool(AddressPolicy(ports=frozenset({pages.server_address[1]})))
    try:
        with pytest.raises(ArticleError, match=r"127\.0\.0\.1 is a loopback address"):
            await strict.load(pages.url("/pier.html"))
    finally:
        strict.close()


@module_loop
async def test_a_page_longer_than_the_limit_is_refused(pages: PageServer) -> None:
    short = ReadPool(AddressPolicy(allow_private=True), max_passages=100)
    try:
        with pytest.raises(ArticleError, match=r"too long to read here: .* the limit is 100"):
            await short.load(pages.url("/long.html"))
    finally:
        short.close()


@module_loop
async def test_a_reader_that_dies_fails_its_read_only(pool: ReadPool, pages: PageServer) -> None:
    pages.release.clear()
    before = pages.requests["/held0.html"]
    dying = asyncio.create_task(pool.load(pages.url("/held0.html")))
    while pages.requests["/held0.html"] == before:  # until the reader is at the server
        await asyncio.sleep(0.05)
    for reader in list(pool._readers):  # private: nothing public kills one
        reader.kill()

    with pytest.raises(ArticleError, match="the reading process stopped"):
        await dying
    pages.release.set()
    assert (await pool.load(pages.url("/pier.html"))).article.title.startswith("Brackenmouth")


@module_loop
async def test_a_reader_over_its_time_is_stopped(pages: PageServer) -> None:
    pages.release.clear()
    hurried = ReadPool(AddressPolicy(allow_private=True), read_seconds=1)
    try:
        with pytest.raises(ArticleError, match="took longer than 1 s, so it was stopped"):
            await hurried.load(pages.url("/held1.html"))
        assert hurried._readers == set()
    finally:
        pages.release.set()
        hurried.close()


@module_loop
async def test_closing_the_pool_abandons_the_reads_at_once(pages: PageServer) -> None:
    pages.release.clear()
    closing = ReadPool(AddressPolicy(allow_private=True))
    try:
        read = asyncio.create_task(closing.load(pages.url("/held2.html")))
        while not closing._readers:
            await asyncio.sleep(0.05)
        started = time.monotonic()
        closing.close()
        with pytest.raises(asyncio.CancelledError):
            await read
        assert time.monotonic() - started < 5
    finally:
        pages.release.set()


@pytest.mark.parametrize("size", [0, 30_000, 300_000, 1_000_000])
def test_a_pages_footprint_is_what_it_takes_in_memory(tmp_path: Path, size: int) -> None:
    """Against tracemalloc's count of what unpacking the page allocated and kept."""
    path = tmp_path / f"page{size}.html"
    path.write_bytes(news_page(size))
    packed = pack(read_knowledge(path))
    tracemalloc.start()
    try:
        loaded = unpack(packed)
        taken, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert 0.5 * taken <= footprint(loaded) <= 2 * taken


def test_a_loaded_page_is_out_of_the_collectors_sight_and_freed_when_dropped(
    tmp_path: Path,
) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(news_page(200_000))
    packed = pack(read_knowledge(path))
    gc.collect()
    tracked = len(gc.get_objects())
    try:
        knowledge, size = _unpack_out_of_gc_sight(packed)
        assert size == footprint(knowledge)
        assert len(knowledge.article.passages) > 1000
        # A full collection walks none of the page's objects.
        assert len(gc.get_objects()) < tracked + 100
        del knowledge
        assert gc.collect() == 0  # freed by reference counting: no cycles to find
    finally:
        gc.unfreeze()
