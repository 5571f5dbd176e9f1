"""Reading pages off the event loop: at most N at once, each in a process of its own.

Fetching, extracting and indexing a page is up to seconds of Python work. In a
thread it would hold the interpreter lock in turns with the event loop: with
ten 1 MB pages read by four threads, the loop went 90 to 200 ms without
running (measured on the 2-core development machine), enough to delay every
answer. In separate processes the loop only waits for their results: the worst
stall measured is in docs/RELIABILITY.md.

- At most ``max_in_flight`` pages are read at once across the bot; up to
  ``max_waiting`` more wait their turn, and beyond that a read is refused as
  busy, so a flood cannot queue without end.
- Each page is read by a process of its own, forked from a server process that
  preloaded :mod:`~bot.discord_app.read_worker` (starting one costs
  milliseconds) and ended with the page, so whatever a hostile page made it
  allocate goes back to the system. Readers run at a lower priority, and one
  that takes longer than :data:`READ_SECONDS` is stopped.
- Nothing that can block runs on the loop: starting a reader and waiting for
  its answer happen in a thread, and so do unpacking the page (the C
  unpickler holds the interpreter lock: 11 ms for a 1 MB page of text) and
  measuring its size (:mod:`~bot.discord_app.footprint`).
- A reader that dies (killed for memory, say) fails its own read, with a
  message; closing the pool ends every reader at once.
"""

from __future__ import annotations

import asyncio
import gc
import importlib
import logging
import multiprocessing
import threading
import time
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnContext
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING

from bot.discord_app.footprint import footprint
from bot.discord_app.library import ReadPage
from bot.discord_app.parcel import unpack
from bot.knowledge import Knowledge
from bot.reading import MAX_READ_PASSAGES
from retrieval import ArticleError
from retrieval.addresses import AddressPolicy

if TYPE_CHECKING:
    from multiprocessing.context import ForkServerContext  # not on Windows
    from types import ModuleType

__all__ = ["READ_SECONDS", "PoolBusyError", "ReadPool"]

_log = logging.getLogger(__name__)
# Imported by the readers, not by the bot: it loads the HTML extractor and SciPy.
_WORKER_MODULE = "bot.discord_app.read_worker"
# The fetch has 30 s in all; extracting and indexing even 10 MiB of hostile
# HTML takes under 10 s (docs/RELIABILITY.md). Past this, a reader is stopped.
READ_SECONDS = 90.0
# What a reader sends back: the page packed, a message for the user, or a bug.
_PAGE, _REFUSED, _FAILED = b"P", b"R", b"F"


class PoolBusyError(Exception):
    """Too many pages are being read or waiting; try again in a moment."""


class _Abandoned(Exception):
    """The pool was closed while the page was being read."""


class ReadPool:
    """Reads pages in processes of their own, at most ``max_in_flight`` at a time."""

    def __init__(
        self,
        policy: AddressPolicy,
        *,
        max_in_flight: int = 4,
        max_waiting: int | None = None,
        max_passages: int = MAX_READ_PASSAGES,
        read_seconds: float = READ_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if max_in_flight < 1:
            raise ValueError("max_in_flight must be at least 1")
        self.policy = policy
        self.max_in_flight = max_in_flight
        self.max_waiting = 4 * max_in_flight if max_waiting is None else max_waiting
        self.max_passages = max_passages
        self.read_seconds = read_seconds
        self._clock = clock
        self._context = _reader_context()
        self._slots = asyncio.Semaphore(max_in_flight)
        self._admitted = 0
        self._closed = False
        self._readers: set[BaseProcess] = set()
        self._readers_lock = threading.Lock()  # the set is shared with the reading threads

    @property
    def admitted(self) -> int:
        """Reads running or waiting for their turn."""
        return self._admitted

    async def load(self, url: str) -> ReadPage:
        """Read ``url`` in a reader; :class:`ArticleError` or :class:`PoolBusyError` if not."""
        if self._admitted >= self.max_in_flight + self.max_waiting:
            raise PoolBusyError(f"{self._admitted} pages are being read")
        self._admitted += 1
        try:
            async with self._slots:
                packed = await asyncio.to_thread(self._read_in_a_reader, url)
            knowledge, size = await asyncio.to_thread(_unpack_out_of_gc_sight, packed)
        except _Abandoned:  # the bot is stopping: the read is dropped, not failed
            raise asyncio.CancelledError from None
        finally:
            self._admitted -= 1
        return ReadPage(url, knowledge, size, self._clock())

    def close(self) -> None:
        """Stop reading: end every reader now; reads still waiting are abandoned."""
        with self._readers_lock:
            self._closed = True
            running = list(self._readers)
        for reader in running:
            reader.terminate()

    def _read_in_a_reader(self, url: str) -> bytes:
        """Start a reader for ``url`` and wait for its answer (in a thread: this blocks)."""
        if self._closed:
            raise _Abandoned
        receiving, sending = self._context.Pipe(duplex=False)
        reader = self._context.Process(
            target=_read_into, args=(sending, url, self.policy, self.max_passages), daemon=True
        )
        reader.start()
        if not self._register(reader):  # closed while it started: close() could not see it
            reader.terminate()
        sending.close()  # the reader holds the other end: its exit ends the pipe
        try:
            return self._answer_of(reader, receiving, url)
        finally:
            receiving.close()
            reader.join(timeout=5)
            with self._readers_lock:
                self._readers.discard(reader)

    def _register(self, reader: BaseProcess) -> bool:
        """Note a running reader for :meth:`close`; False if the pool is closed already."""
        with self._readers_lock:
            self._readers.add(reader)
            return not self._closed

    def _answer_of(self, reader: BaseProcess, receiving: Connection, url: str) -> bytes:
        if not receiving.poll(self.read_seconds):
            reader.terminate()
            raise ArticleError(
                f"reading {url} took longer than {self.read_seconds:g} s, so it was stopped"
            )
        try:
            answer = receiving.recv_bytes()
        except EOFError:
            if self._closed:
                raise _Abandoned from None
            reader.join(timeout=5)
            _log.warning("the reader of %s stopped with no answer (exit %s)", url, reader.exitcode)
            raise ArticleError(f"reading {url} failed: the reading process stopped") from None
        kind, body = answer[:1], answer[1:]
        if kind == _REFUSED:
            raise ArticleError(body.decode("utf-8", "replace"))
        if kind == _FAILED:
            raise RuntimeError(f"the reader of {url} failed:\n{body.decode('utf-8', 'replace')}")
        return body


def _reader_context() -> ForkServerContext | SpawnContext:
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


def _unpack_out_of_gc_sight(packed: bytes) -> tuple[Knowledge, int]:
    """The page's knowledge and its size in memory, its objects moved out of the collector's sight.

    A 1 MB page is some 55,000 objects the collector tracks; kept pages pile up,
    and each full collection walks them all on whichever thread triggers it,
    most often the event loop's: 10 to 54 ms with seven such pages kept
    (measured). Frozen (``gc.freeze``, as the start-up objects are), they are
    never walked; they hold no reference cycles (tested), so reference counting
    frees them when the page is dropped. The young generations are collected
    first, so cyclic garbage of the moment is freed rather than frozen.
    """
    knowledge = unpack(packed)
    size = footprint(knowledge)
    gc.collect(1)
    gc.freeze()
    return knowledge, size


def _read_into(sending: Connection, url: str, policy: AddressPolicy, max_passages: int) -> None:
    """A reader's whole life: read ``url`` and send back the page, or why not.

    It imports the reader's module there (the fork server preloaded it, so that
    costs nothing), never in the bot.
    """
    worker: ModuleType = importlib.import_module(_WORKER_MODULE)
    worker.prepare_reader()
    try:
        answer = _PAGE + worker.read_page(url, policy, max_passages)
    except ArticleError as error:
        answer = _REFUSED + str(error).encode("utf-8", "replace")
    except Exception:
        answer = _FAILED + traceback.format_exc().encode("utf-8", "replace")
    sending.send_bytes(answer)
    sending.close()
