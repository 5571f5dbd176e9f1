"""Reading pages off the event loop: at most N at once, each in a process of its own.

Fetching, extracting and indexing a page is up to seconds of Python work. In a
thread it would hold the interpreter lock in turns with the event loop: with
ten 1 MB pages read by four threads, the loop went 90 to 200 ms without
running (measured on the 2-core development machine), enough to delay every
answer. In separate processes the loop only waits for their results: the worst
stall measured is in docs/RELIABILITY.md.

- At most ``max_in_flight`` pages are read at once across the bot (one process
  each); up to ``max_waiting`` more wait their turn, and beyond that a read is
  refused as busy, so a flood cannot queue without end.
- Each page is read by a fresh process (``max_tasks_per_child=1``) forked from
  a server that preloaded :mod:`~bot.discord_app.read_worker`: starting one
  costs milliseconds, and whatever a hostile page made it allocate goes back to
  the system with it. Readers run at a lower priority.
- Nothing that can block runs on the loop: submitting a job (which may have to
  wait for a process to start) and unpickling the result (the C unpickler
  holds the interpreter lock: 11 ms for a 1 MB page of text) happen in
  threads.
- A reader that dies (killed for memory, say) breaks the executor: it is
  replaced, and the reads it took down are reported as failed.
"""

from __future__ import annotations

import asyncio
import gc
import importlib
import logging
import multiprocessing
import pickle
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

from bot.discord_app.library import ReadPage
from bot.knowledge import Knowledge
from bot.reading import MAX_READ_PASSAGES
from retrieval import ArticleError
from retrieval.addresses import AddressPolicy

if TYPE_CHECKING:
    from types import ModuleType

__all__ = ["PoolBusyError", "ReadPool", "estimated_size"]

_log = logging.getLogger(__name__)
# Imported by the readers, not by the bot: it loads the HTML extractor and SciPy.
_WORKER_MODULE = "bot.discord_app.read_worker"
# Unpickled, a page takes 1.2 to 3.5 times its pickled size (measured from 7 KB
# to 1 MB pages; small pages carry a fixed cost): twice the size plus 32 KiB
# bounds that from above (tests/test_discord_reading.py measures it).
_SIZE_FACTOR = 2
_SIZE_FIXED = 32 << 10


class PoolBusyError(Exception):
    """Too many pages are being read or waiting; try again in a moment."""


class ReadPool:
    """Reads pages in worker processes, at most ``max_in_flight`` at a time."""

    def __init__(
        self,
        policy: AddressPolicy,
        *,
        max_in_flight: int = 4,
        max_waiting: int | None = None,
        max_passages: int = MAX_READ_PASSAGES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if max_in_flight < 1:
            raise ValueError("max_in_flight must be at least 1")
        self.policy = policy
        self.max_in_flight = max_in_flight
        self.max_waiting = 4 * max_in_flight if max_waiting is None else max_waiting
        self.max_passages = max_passages
        self._clock = clock
        self._admitted = 0
        self._closed = False
        self._executor = self._new_executor()

    @property
    def admitted(self) -> int:
        """Reads running or waiting for a process."""
        return self._admitted

    async def load(self, url: str) -> ReadPage:
        """Read ``url`` in a worker; :class:`ArticleError` or :class:`PoolBusyError` if not."""
        if self._admitted >= self.max_in_flight + self.max_waiting:
            raise PoolBusyError(f"{self._admitted} pages are being read")
        self._admitted += 1
        executor = self._executor
        try:
            job = await asyncio.to_thread(
                executor.submit, _read_page, url, self.policy, self.max_passages
            )
            pickled = await asyncio.wrap_future(job)
            knowledge = await asyncio.to_thread(_unpickle_out_of_gc_sight, pickled)
        except BrokenProcessPool:
            if self._closed:  # the bot is stopping: the read is abandoned, not failed
                raise asyncio.CancelledError from None
            if self._executor is executor:  # the first read to find it broken replaces it
                _log.warning("a reading process stopped unexpectedly; starting a new pool")
                self._executor = self._new_executor()
                await asyncio.to_thread(_stop, executor)
            raise ArticleError(f"reading {url} failed: the reading process stopped") from None
        finally:
            self._admitted -= 1
        return ReadPage(url, knowledge, estimated_size(pickled), self._clock())

    def close(self) -> None:
        """Stop reading: cancel waiting reads and end the running ones now."""
        self._closed = True
        _stop(self._executor)

    def _new_executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.max_in_flight,
            mp_context=_reader_context(),
            initializer=_prepare_reader,
            max_tasks_per_child=1,
        )


def _reader_context() -> multiprocessing.context.BaseContext:
    """Fork readers from a clean server process with the reading code preloaded.

    Not plain ``fork``: that would copy the running bot (its threads, its
    connection to Discord) into every reader. Where there is no fork server
    (Windows), readers are spawned, and each imports what it needs.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([_WORKER_MODULE])
    return context


def _unpickle_out_of_gc_sight(pickled: bytes) -> Knowledge:
    """The page's knowledge, its objects moved out of the cyclic garbage collector's sight.

    A 1 MB page is some 55,000 objects the collector tracks; kept pages pile up,
    and each full collection walks them all on whichever thread triggers it,
    most often the event loop's: 11 to 45 ms with seven such pages kept
    (measured). Frozen (``gc.freeze``, as the start-up objects are), they are
    never walked; they hold no reference cycles (tested), so reference counting
    frees them when the page is dropped. The young generations are collected
    first, so cyclic garbage of the moment is freed rather than frozen.
    """
    knowledge: Knowledge = pickle.loads(pickled)
    gc.collect(1)
    gc.freeze()
    return knowledge


def estimated_size(pickled: bytes) -> int:
    """An upper bound of the memory the page pickled as ``pickled`` takes once loaded."""
    return _SIZE_FACTOR * len(pickled) + _SIZE_FIXED


# What the pool runs in a reader. They import the reader's module there (the fork
# server preloaded it, so that costs nothing), never in the bot.


def _prepare_reader() -> None:
    _worker().prepare_reader()


def _read_page(url: str, policy: AddressPolicy, max_passages: int) -> bytes:
    pickled: bytes = _worker().read_page(url, policy, max_passages)
    return pickled


def _worker() -> ModuleType:
    return importlib.import_module(_WORKER_MODULE)


def _stop(executor: ProcessPoolExecutor) -> None:
    """Shut ``executor`` down without waiting for the pages it is reading.

    Its processes are ended first, so the shutdown that waits for its manager
    thread returns at once (shutting down without waiting races that thread
    when a reader exits just then).
    """
    # Python 3.14 has ProcessPoolExecutor.terminate_workers(); before it, the
    # processes are only reachable through this private attribute.
    processes = getattr(executor, "_processes", None) or {}
    for process in list(processes.values()):
        process.terminate()
    executor.shutdown(wait=True, cancel_futures=True)
