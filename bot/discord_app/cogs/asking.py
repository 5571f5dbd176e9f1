"""Asking questions: by mention, by reply to an answer, by DM, and with ``/ask``.

Every message goes through :class:`~bot.discord_app.answering.Answering`; this
cog only adapts Discord objects and sends what comes back. A mention holding
only a link is handed to the reading cog instead (one listener for every
message, so the question path costs what it did). A handler never
lets an error escape: it is logged with the message's ids (never its author's
token or the bot's) and the asker gets a short apology, so one bad message
cannot stop the bot answering the next.

Replies in a channel are sent one at a time, in the order the questions came:
discord.py sends concurrently within a rate-limit bucket, and a late request can
overtake a waiting one, so a burst could see a user's "slow down" posted before
the answer it follows. The per-channel locks live only while a send holds or
awaits them (a weak dictionary), so they cost nothing once a channel is quiet.
"""

from __future__ import annotations

import asyncio
import weakref

import discord
from discord import app_commands
from discord.ext import commands

from bot.composer import MAX_QUESTION_CHARS
from bot.discord_app.adapters import (
    incoming_from_interaction,
    incoming_from_message,
    reply_to_message,
    report_failure,
    respond_to_interaction,
)
from bot.discord_app.client import ArticleBot, require_article_bot
from bot.discord_app.cooldown import Verdict
from bot.discord_app.notices import channel_not_allowed
from bot.discord_app.policy import conversation_key
from bot.discord_app.reading import ReadRequest, link_to_read

__all__ = ["AskingCog", "setup"]


class AskingCog(commands.Cog):
    """Answers questions about the article."""

    def __init__(self, bot: ArticleBot) -> None:
        self.bot = bot
        self._channel_turns: weakref.WeakValueDictionary[int, asyncio.Lock] = (
            weakref.WeakValueDictionary()
        )

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        try:
            await self._answer_message(message)
        except Exception:
            await report_failure(message, "answer")

    async def _answer_message(self, message: discord.Message) -> None:
        if self.bot.user is None:
            return
        incoming = incoming_from_message(message, self.bot.user.id)
        read_link = self.bot.link_reader
        link = link_to_read(incoming, self.bot.policy) if read_link is not None else None
        if read_link is not None and link is not None:  # "@articlebot <link>"
            await read_link(message, ReadRequest.from_incoming(incoming, link))
            return
        response = self.bot.answering.respond_to(incoming, self.bot.policy)
        if response is None:
            return
        async with self._channel_turn(message.channel.id):
            sent = await reply_to_message(message, response.reply)
        self.bot.answering.remember(sent.id, response)

    def _channel_turn(self, channel_id: int) -> asyncio.Lock:
        """The lock that queues one channel's replies (asyncio locks serve in arrival order)."""
        turn = self._channel_turns.get(channel_id)
        if turn is None:
            turn = self._channel_turns[channel_id] = asyncio.Lock()
        return turn

    @app_commands.command(name="ask", description="Ask a question about the article.")
    @app_commands.describe(question="Your question, e.g. when is the summit?")
    async def ask(
        self,
        interaction: discord.Interaction,
        question: app_commands.Range[str, 1, MAX_QUESTION_CHARS],
    ) -> None:
        answering = self.bot.answering
        incoming = incoming_from_interaction(interaction, question)
        if not incoming.is_dm and not self.bot.policy.allows_channel(
            incoming.channel_id, incoming.thread_parent_id
        ):
            await respond_to_interaction(interaction, channel_not_allowed(), ephemeral=True)
            return
        # An interaction must be answered, or the user sees "did not respond";
        # so every question too soon gets the (ephemeral, private) notice.
        if answering.cooldown.check(incoming.author_id) is not Verdict.ALLOW:
            notice = answering.slow_down(incoming.author_id)
            await respond_to_interaction(interaction, notice.reply, ephemeral=True)
            return
        response = answering.answer(
            question, conversation_key(incoming), answering.scope_for(incoming)
        )
        message_id = await respond_to_interaction(interaction, response.reply)
        if message_id is not None:
            answering.remember(message_id, response)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(AskingCog(require_article_bot(bot)))
