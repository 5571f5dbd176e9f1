"""Reading a link for a channel, from request to reply, without Discord.

``/read``, a mention holding one link, and "Ask about this link" all come
here; the cogs adapt Discord objects to a :class:`ReadRequest` and send what
comes back. Two steps, because a slash command must be answered within 3
seconds and a fetch can take longer:

1. :meth:`Reading.screen`, at once: is the address one the bot may fetch
   (http(s), no credentials, a web port: :func:`retrieval.fetch.check_url`), is
   the user within their ``/read`` cooldown (separate from the question
   cooldown), and was the page read recently (then it is served from the
   library, instantly)?
2. :meth:`Reading.read`, awaited: the page is read off the event loop
   (:class:`~bot.discord_app.read_pool.ReadPool`), shelved in the server's
   library, and the channel (threads follow their parent) answers from it.

The same address asked for twice while it is being read is read once.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Protocol

from bot.composer import ComposerOptions, answer
from bot.discord_app.cooldown import Cooldown, Verdict
from bot.discord_app.library import ReadLibrary, ReadPage
from bot.discord_app.links import lone_link, normalize_link
from bot.discord_app.policy import Incoming, Policy, decide
from bot.discord_app.read_pool import PoolBusyError
from bot.discord_app.read_replies import (
    page_read,
    page_too_large,
    read_busy,
    read_failed,
    read_refused,
    read_slow_down,
)
from bot.discord_app.replies import Reply
from bot.discord_app.scopes import ChannelScopes
from retrieval import ArticleError
from retrieval.addresses import AddressPolicy
from retrieval.fetch import check_url

__all__ = ["PageLoader", "ReadReply", "ReadRequest", "Reading", "Screened", "link_to_read"]

_log = logging.getLogger(__name__)

# The composer recognises this as a request for a summary (as ``/summary`` asks).
_SUMMARY_QUESTION = "What is the article about?"
_SUMMARY_SENTENCES = 2


class PageLoader(Protocol):
    """What reads pages: :class:`~bot.discord_app.read_pool.ReadPool`, or a test's stand-in."""

    async def load(self, url: str) -> ReadPage:
        """The page at ``url``; :class:`ArticleError` or :class:`PoolBusyError` if not."""
        ...

    def close(self) -> None:
        """Stop reading."""
        ...


@dataclass(frozen=True, slots=True)
class ReadRequest:
    """Someone asked the bot to read ``url`` for a channel."""

    owner: int  # the guild's id, or the DM channel's: whose library the page joins
    channel: int  # the channel, or a thread's parent: which channel answers from it
    user: int
    url: str

    @classmethod
    def from_incoming(cls, incoming: Incoming, url: str) -> ReadRequest:
        return cls(incoming.owner, incoming.home_channel, incoming.author_id, url)


def link_to_read(incoming: Incoming, policy: Policy) -> str | None:
    """The link a message asks the bot to read: one addressed to it that is one link alone.

    "@articlebot https://…" reads the page; "@articlebot what does https://… say?"
    is a question like any other.
    """
    ask = decide(incoming, policy)
    return None if ask is None else lone_link(ask.question)


@dataclass(frozen=True, slots=True)
class ReadReply:
    """What to send back; ``private`` replies are shown only to who asked (commands only)."""

    reply: Reply
    private: bool = False


@dataclass(frozen=True, slots=True)
class Screened:
    """The outcome of :meth:`Reading.screen`: a reply now, a page to read, or silence."""

    reply: ReadReply | None = None
    url: str | None = None  # read this with :meth:`Reading.read`


class Reading:
    """Reads links for channels, within the cooldown, the pool's limits and the library's."""

    def __init__(
        self,
        library: ReadLibrary,
        loader: PageLoader,
        *,
        cooldown: Cooldown,
        scopes: ChannelScopes,
        policy: AddressPolicy,
        options: ComposerOptions,
    ) -> None:
        self.library = library
        self.cooldown = cooldown
        self.scopes = scopes
        self.policy = policy
        self.options = options
        self.loader = loader
        self._in_flight: dict[str, asyncio.Future[ReadPage]] = {}

    def screen(self, request: ReadRequest, *, quiet_repeats: bool = False) -> Screened:
        """Check ``request`` at once; ``quiet_repeats``: stay silent after one "slow down"."""
        # "<https://…>" and a trailing "." are how links are pasted; anything else is checked as is.
        url = normalize_link(lone_link(request.url) or request.url.strip())
        try:
            check_url(url, self.policy)
        except ArticleError as error:
            return Screened(ReadReply(read_refused(str(error)), private=True))
        verdict = self.cooldown.check(request.user)
        if verdict is Verdict.SILENT and quiet_repeats:
            return Screened()
        if verdict is not Verdict.ALLOW:
            seconds = self.cooldown.remaining(request.user)
            return Screened(ReadReply(read_slow_down(seconds), private=True))
        page = self.library.fresh(url)
        if page is not None:
            return Screened(self._shelve(request, page))
        return Screened(url=url)

    async def read(self, request: ReadRequest, url: str) -> ReadReply:
        """Read ``url`` (as :meth:`screen` gave it) for ``request``'s channel."""
        try:
            page = await self._load_once(url)
        except PoolBusyError:
            return ReadReply(read_busy(), private=True)
        except ArticleError as error:
            _log.info("could not read a page for channel %s: %s", request.channel, error)
            return ReadReply(read_failed(str(error)))
        return self._shelve(request, page)

    def summary(self, page: ReadPage) -> list[str]:
        """The page's opening sentences, as the composer summarises an article."""
        result = answer(_SUMMARY_QUESTION, page.knowledge, None, self.options)
        return [evidence.text for evidence in result.passages[:_SUMMARY_SENTENCES]]

    def _shelve(self, request: ReadRequest, page: ReadPage) -> ReadReply:
        if not self.library.fits(page):
            limit = min(self.library.max_bytes, self.library.total_bytes)
            return ReadReply(page_too_large(page.size, limit))
        key = self.library.add(request.owner, request.channel, page)
        self.scopes.use(request.channel, key)
        return ReadReply(page_read(page.article, self.summary(page)))

    async def _load_once(self, url: str) -> ReadPage:
        """Load ``url``, sharing a load already under way for the same address."""
        pending = self._in_flight.get(url)
        if pending is None:
            pending = asyncio.ensure_future(self.loader.load(url))
            self._in_flight[url] = pending
            pending.add_done_callback(lambda _: self._in_flight.pop(url, None))
        # Shielded: one waiter giving up must not cancel the read for the others.
        return await asyncio.shield(pending)
