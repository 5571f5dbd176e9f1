"""The pages read with ``/read``: kept per server, bounded, and shared as a cache.

Each server (a DM counts as its own) keeps at most ``max_articles`` pages and
``max_bytes`` of them, the least recently used dropped first (reading a page
or answering from it is a use); all servers together keep at most
``total_bytes``, so a bot in many servers cannot be made to hold more. A page
read by several servers is one object, counted once in the total and once in
each server's share.

Reading an address that some server read less than ``lifetime`` seconds ago
reuses that page instead of fetching it again: ``/read`` of the same link is
instant, and a flood of the same link costs one fetch. An older page is
fetched afresh and replaces the old one everywhere.

A channel's choice of page is a :class:`PageKey`; once the page is dropped,
:meth:`ReadLibrary.get` finds nothing and the channel is told (see
:class:`~bot.discord_app.answering.Answering`).

Pure Python with an injected clock, so every bound is tested by stepping time.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.knowledge import Knowledge
from retrieval import Article

__all__ = ["PageKey", "ReadLibrary", "ReadPage"]


@dataclass(frozen=True, slots=True, eq=False)
class ReadPage:
    """A page read on request: its address, its knowledge, and what it costs to keep."""

    url: str  # the address as asked for (after normalisation): the cache key
    knowledge: Knowledge
    size: int  # estimated bytes in memory
    read_at: float  # clock time of the fetch

    @property
    def article(self) -> Article:
        return self.knowledge.article


@dataclass(frozen=True, slots=True)
class PageKey:
    """Which read page a channel answers from: a server's (or DM's) page by address."""

    owner: int  # the guild id, or the DM channel's id
    url: str


@dataclass(slots=True)
class _Shelved:
    channels: set[int]  # the channels (threads by their parent) that read it
    order: int  # when the server first read it, for a stable listing


@dataclass(slots=True)
class _Held:
    page: ReadPage
    owners: set[int] = field(default_factory=set)


class ReadLibrary:
    """Read pages by server, least recently used dropped first, within count and memory caps."""

    def __init__(
        self,
        *,
        max_articles: int = 20,
        max_bytes: int = 64 << 20,
        total_bytes: int = 512 << 20,
        lifetime: float = 3600.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if max_articles < 1 or max_bytes < 1 or total_bytes < 1:
            raise ValueError("the library's limits must be at least 1")
        self.max_articles = max_articles
        self.max_bytes = max_bytes
        self.total_bytes = total_bytes
        self.lifetime = lifetime
        self._clock = clock
        self._pages: OrderedDict[str, _Held] = OrderedDict()  # every page, least recent first
        self._shelves: dict[int, OrderedDict[str, _Shelved]] = {}
        self._total = 0
        self._counter = 0

    def fresh(self, url: str) -> ReadPage | None:
        """The page at ``url`` if any server read it less than ``lifetime`` seconds ago."""
        held = self._pages.get(url)
        if held is None or self._clock() - held.page.read_at >= self.lifetime:
            return None
        return held.page

    def fits(self, page: ReadPage) -> bool:
        """True if ``page`` alone fits a server's share and the total."""
        return page.size <= min(self.max_bytes, self.total_bytes)

    def add(self, owner: int, channel: int, page: ReadPage) -> PageKey:
        """Shelve ``page`` for ``owner``, read in ``channel``; drop what no longer fits.

        ``page`` must :meth:`fit`. A newer fetch of an address replaces the old page.
        """
        if not self.fits(page):
            raise ValueError(f"a page of {page.size} bytes does not fit the library")
        held = self._pages.get(page.url)
        if held is None:
            held = self._pages[page.url] = _Held(page)
            self._total += page.size
        elif held.page is not page:
            self._total += page.size - held.page.size
            held.page = page
        held.owners.add(owner)
        self._pages.move_to_end(page.url)
        shelf = self._shelves.setdefault(owner, OrderedDict())
        shelved = shelf.get(page.url)
        if shelved is None:
            self._counter += 1
            shelved = shelf[page.url] = _Shelved(set(), self._counter)
        shelved.channels.add(channel)
        shelf.move_to_end(page.url)
        for holder in list(held.owners):  # a newer, larger fetch may overfill other shares too
            self._fit_shelf(holder, keep=page.url)
        self._fit_total(keep=page.url)
        return PageKey(owner, page.url)

    def get(self, key: PageKey) -> ReadPage | None:
        """The page ``key`` names, if its server still has it (marked as just used)."""
        shelf = self._shelves.get(key.owner)
        if shelf is None or key.url not in shelf:
            return None
        shelf.move_to_end(key.url)
        self._pages.move_to_end(key.url)
        return self._pages[key.url].page

    def channel_pages(self, owner: int, channel: int) -> list[ReadPage]:
        """The pages ``channel`` has read that its server still has, oldest read first."""
        shelf = self._shelves.get(owner, OrderedDict())
        read_here = sorted(
            (shelved.order, url) for url, shelved in shelf.items() if channel in shelved.channels
        )
        return [self._pages[url].page for _, url in read_here]

    def owner_size(self, owner: int) -> int:
        """Bytes of the pages ``owner`` keeps."""
        return sum(self._pages[url].page.size for url in self._shelves.get(owner, ()))

    def owner_count(self, owner: int) -> int:
        return len(self._shelves.get(owner, ()))

    @property
    def size(self) -> int:
        """Bytes of every page kept, each counted once."""
        return self._total

    def __len__(self) -> int:
        return len(self._pages)

    def _fit_shelf(self, owner: int, keep: str) -> None:
        shelf = self._shelves[owner]
        while len(shelf) > self.max_articles or self.owner_size(owner) > self.max_bytes:
            oldest = next(url for url in shelf if url != keep)
            self._drop(owner, oldest)

    def _fit_total(self, keep: str) -> None:
        while self._total > self.total_bytes:
            oldest = next(url for url in self._pages if url != keep)
            for owner in list(self._pages[oldest].owners):
                self._drop(owner, oldest)

    def _drop(self, owner: int, url: str) -> None:
        """Take ``url`` off ``owner``'s shelf; forget the page when no server keeps it."""
        shelf = self._shelves[owner]
        del shelf[url]
        if not shelf:
            del self._shelves[owner]
        held = self._pages[url]
        held.owners.discard(owner)
        if not held.owners:
            del self._pages[url]
            self._total -= held.page.size
