"""A per-user cooldown: one question per user every few seconds.

The first question too soon gets one polite "slow down"; further ones before
the cooldown ends get silence, so a user hammering the bot cannot make it
flood the channel with warnings. A refused question does not extend the wait:
the user gets in again when the cooldown started by their last answered
question ends.

The clock is injected, so tests step time instead of sleeping. Memory is
bounded: at most ``max_users`` users are tracked, the least recently seen
forgotten first (by then their cooldown has long ended).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from enum import Enum

__all__ = ["Cooldown", "Verdict"]


class Verdict(Enum):
    """What to do with a user's question."""

    ALLOW = "allow"  # answer it
    WARN = "warn"  # too soon: say "slow down", once
    SILENT = "silent"  # too soon again: say nothing


@dataclass(slots=True)
class _UserState:
    until: float
    warned: bool = False


class Cooldown:
    """Tracks when each user may ask again; ``seconds == 0`` turns it off."""

    def __init__(
        self,
        seconds: float,
        clock: Callable[[], float] = time.monotonic,
        max_users: int = 10_000,
    ) -> None:
        if seconds < 0:
            raise ValueError("seconds must not be negative")
        if max_users < 1:
            raise ValueError("max_users must be at least 1")
        self.seconds = seconds
        self.max_users = max_users
        self._clock = clock
        self._users: OrderedDict[Hashable, _UserState] = OrderedDict()

    def check(self, user: Hashable) -> Verdict:
        """Record a question from ``user`` and say whether to answer it."""
        if self.seconds == 0:
            return Verdict.ALLOW
        now = self._clock()
        state = self._users.get(user)
        if state is None or now >= state.until:
            self._users[user] = _UserState(until=now + self.seconds)
            self._users.move_to_end(user)
            while len(self._users) > self.max_users:
                self._users.popitem(last=False)
            return Verdict.ALLOW
        if state.warned:
            return Verdict.SILENT
        state.warned = True
        return Verdict.WARN

    def remaining(self, user: Hashable) -> float:
        """Seconds until ``user`` may ask again (0 if they may now)."""
        state = self._users.get(user)
        return 0.0 if state is None else max(0.0, state.until - self._clock())

    def __len__(self) -> int:
        return len(self._users)
