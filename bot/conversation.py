"""Follow-up context: what one conversation asked last, bounded and expiring.

A conversation is a REPL session, a ``--jsonl`` conversation id, or a Discord
channel-and-user (or thread). The composer reads the previous turn to resolve
"And when?" or "what did he say?", and records each new turn.

Memory is bounded twice: a conversation keeps only its last few turns, and a
:class:`ConversationStore` keeps at most ``max_conversations`` conversations,
evicting the least recently used, so a flood of users cannot grow memory
without limit. Idle conversations expire; an expired one starts afresh.
"""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field

__all__ = ["Conversation", "ConversationStore", "Turn"]

# Follow-ups refer to the last question or two; older turns only mislead.
MAX_TURNS = 4


@dataclass(frozen=True, slots=True)
class Turn:
    """One question and what the composer understood of it."""

    question: str
    subject: str  # the question's content words, used to complete a follow-up
    question_type: str
    short_answer: str | None
    asked_at: float


@dataclass(slots=True)
class Conversation:
    """The recent turns of one conversation."""

    idle_seconds: float = 900.0
    clock: Callable[[], float] = time.monotonic
    turns: deque[Turn] = field(default_factory=lambda: deque(maxlen=MAX_TURNS))

    @property
    def last(self) -> Turn | None:
        """The previous turn, or None if there is none or it has expired."""
        if not self.turns:
            return None
        turn = self.turns[-1]
        if self.clock() - turn.asked_at > self.idle_seconds:
            self.turns.clear()
            return None
        return turn

    def remember(self, turn: Turn) -> None:
        self.turns.append(turn)

    def now(self) -> float:
        return self.clock()


class ConversationStore:
    """Conversations by key, least recently used evicted beyond ``max_conversations``."""

    def __init__(
        self,
        idle_seconds: float = 900.0,
        max_conversations: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if max_conversations < 1:
            raise ValueError("max_conversations must be at least 1")
        self.idle_seconds = idle_seconds
        self.max_conversations = max_conversations
        self._clock = clock
        self._conversations: OrderedDict[Hashable, Conversation] = OrderedDict()

    def get(self, key: Hashable) -> Conversation:
        """Return the conversation for ``key``, creating it (and evicting the oldest) if needed."""
        conversation = self._conversations.get(key)
        if conversation is None:
            conversation = Conversation(idle_seconds=self.idle_seconds, clock=self._clock)
            self._conversations[key] = conversation
            while len(self._conversations) > self.max_conversations:
                self._conversations.popitem(last=False)
        else:
            self._conversations.move_to_end(key)
        return conversation

    def forget(self, key: Hashable) -> None:
        self._conversations.pop(key, None)

    def __len__(self) -> int:
        return len(self._conversations)
