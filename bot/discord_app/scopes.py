"""Which article each channel answers from, set with ``/use`` (bounded, like every map here).

A channel that never chose answers from every loaded article. A thread follows
its parent channel, so ``/use`` in a channel applies to the threads under it.
"""

from __future__ import annotations

from collections import OrderedDict

__all__ = ["ChannelScopes"]


class ChannelScopes:
    """Channel id → article number (from 0); the least recently set are forgotten first."""

    def __init__(self, max_channels: int = 10_000) -> None:
        if max_channels < 1:
            raise ValueError("max_channels must be at least 1")
        self.max_channels = max_channels
        self._scopes: OrderedDict[int, int] = OrderedDict()

    def use(self, channel_id: int, article: int | None) -> None:
        """Answer from ``article`` in the channel; None answers from every article again."""
        self._scopes.pop(channel_id, None)
        if article is None:
            return
        self._scopes[channel_id] = article
        while len(self._scopes) > self.max_channels:
            self._scopes.popitem(last=False)

    def scope_of(self, channel_id: int, thread_parent_id: int | None = None) -> int | None:
        """The article a channel (or a thread, by its parent) answers from, if one was chosen."""
        if thread_parent_id is not None and thread_parent_id in self._scopes:
            return self._scopes[thread_parent_id]
        return self._scopes.get(channel_id)

    def __len__(self) -> int:
        return len(self._scopes)
