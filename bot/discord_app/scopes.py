"""Which article each channel answers from, set with ``/use`` or ``/read`` (bounded).

A channel that never chose answers from every loaded article. A thread follows
its parent channel, so ``/use`` in a channel applies to the threads under it.
A choice is a loaded article's number, or a :class:`~bot.discord_app.library.PageKey`
naming a page the channel read with ``/read``.
"""

from __future__ import annotations

from collections import OrderedDict

from bot.discord_app.library import PageKey

__all__ = ["ChannelScopes", "Scope"]

# A loaded article's number (from 0), a read page, or None for every loaded article.
Scope = int | PageKey | None


class ChannelScopes:
    """Channel id → its chosen article; the least recently set are forgotten first."""

    def __init__(self, max_channels: int = 10_000) -> None:
        if max_channels < 1:
            raise ValueError("max_channels must be at least 1")
        self.max_channels = max_channels
        self._scopes: OrderedDict[int, int | PageKey] = OrderedDict()

    def use(self, channel_id: int, article: Scope) -> None:
        """Answer from ``article`` in the channel; None answers from every article again."""
        self._scopes.pop(channel_id, None)
        if article is None:
            return
        self._scopes[channel_id] = article
        while len(self._scopes) > self.max_channels:
            self._scopes.popitem(last=False)

    def scope_of(self, channel_id: int, thread_parent_id: int | None = None) -> Scope:
        """The article a channel (or a thread, by its parent) answers from, if one was chosen."""
        if thread_parent_id is not None and thread_parent_id in self._scopes:
            return self._scopes[thread_parent_id]
        return self._scopes.get(channel_id)

    def forget(self, page: PageKey) -> None:
        """Every channel reading ``page`` answers from every loaded article again."""
        for channel_id in [channel for channel, chosen in self._scopes.items() if chosen == page]:
            del self._scopes[channel_id]

    def __len__(self) -> int:
        return len(self._scopes)
