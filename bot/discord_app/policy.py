"""Whether to answer a Discord message, and what the question is: pure decisions.

The message handler copies the few facts it needs from a ``discord.Message``
into an :class:`Incoming` and asks :func:`decide`; everything here is plain
data, so each rule (ignore bots, obey the allow-list, strip the mention) is a
one-line test.

The bot answers a message when it is a DM, mentions the bot, or replies to one
of the bot's answers (Discord counts such a reply as a mention when it pings,
but a reply with the ping turned off is a question all the same). With the
privileged message-content intent it also answers un-mentioned messages, but
only in channels named in the allow-list: answering every message in every
channel would turn a helper into a nuisance.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass

__all__ = ["Ask", "Incoming", "Policy", "conversation_key", "decide", "strip_mentions"]


@dataclass(frozen=True, slots=True)
class Incoming:
    """The facts about a message that decide whether and how to answer it."""

    message_id: int
    author_id: int
    channel_id: int
    content: str
    author_is_bot: bool = False
    from_webhook: bool = False
    is_dm: bool = False
    thread_parent_id: int | None = None  # set when the channel is a thread
    mentions_bot: bool = False  # a user mention of the bot, or of its managed role
    replied_to_bot_message: int | None = None  # the bot's message this one replies to
    bot_role_id: int | None = None  # the role Discord gives the bot in this guild
    guild_id: int | None = None  # None in a DM

    @property
    def in_thread(self) -> bool:
        return self.thread_parent_id is not None

    @property
    def home_channel(self) -> int:
        """The channel whose choices apply here: a thread's parent, else the channel itself."""
        return self.thread_parent_id or self.channel_id

    @property
    def owner(self) -> int:
        """Whose library a page read here joins: the guild, or the DM channel."""
        return self.guild_id if self.guild_id is not None else self.channel_id


@dataclass(frozen=True, slots=True)
class Policy:
    """Where the bot may answer, from settings."""

    bot_id: int
    allowed_channels: frozenset[int] = frozenset()
    answer_unmentioned: bool = False  # needs the message-content intent

    def allows_channel(self, channel_id: int, thread_parent_id: int | None = None) -> bool:
        """True if the allow-list is empty or names the channel (or the thread's parent)."""
        if not self.allowed_channels:
            return True
        return channel_id in self.allowed_channels or thread_parent_id in self.allowed_channels

    def lists_channel(self, incoming: Incoming) -> bool:
        """True only if the allow-list names the message's channel (or thread's parent)."""
        return bool(self.allowed_channels) and self.allows_channel(
            incoming.channel_id, incoming.thread_parent_id
        )


@dataclass(frozen=True, slots=True)
class Ask:
    """A message to answer: the question, with the bot's mention taken out."""

    question: str
    follow_up_of: int | None = None  # the bot's answer this question follows up


def decide(incoming: Incoming, policy: Policy) -> Ask | None:
    """Return what to answer for ``incoming``, or None to stay silent."""
    if incoming.author_is_bot or incoming.from_webhook or incoming.author_id == policy.bot_id:
        return None
    if not incoming.is_dm and not policy.allows_channel(
        incoming.channel_id, incoming.thread_parent_id
    ):
        return None
    addressed = (
        incoming.is_dm
        or incoming.mentions_bot
        or incoming.replied_to_bot_message is not None
        or (policy.answer_unmentioned and policy.lists_channel(incoming))
    )
    if not addressed:
        return None
    question = strip_mentions(incoming.content, policy.bot_id, incoming.bot_role_id)
    if not question and not incoming.mentions_bot:
        # Without the message-content intent Discord sends an empty text for a
        # reply that does not ping the bot: nothing to answer, so say nothing.
        return None
    return Ask(question, incoming.replied_to_bot_message)


def conversation_key(incoming: Incoming) -> Hashable:
    """Whose follow-up context a message belongs to: the thread's, or the user's in a channel."""
    if incoming.in_thread:
        return ("thread", incoming.channel_id)
    return ("channel", incoming.channel_id, incoming.author_id)


def strip_mentions(content: str, bot_id: int, bot_role_id: int | None = None) -> str:
    """Remove the bot's own mentions from ``content`` and tidy the whitespace left behind.

    Other mentions stay: "what did <@123> say?" is a question about someone.
    """
    pattern = rf"<@!?{bot_id}>"
    if bot_role_id is not None:
        pattern += rf"|<@&{bot_role_id}>"
    without = re.sub(pattern, " ", content)
    return " ".join(without.split())
