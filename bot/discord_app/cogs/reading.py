"""Reading a shared link: ``/read url:``, "@articlebot <link>", and "Ask about this link".

All three make the page the channel's article (threads follow their parent
channel) through :class:`~bot.discord_app.reading.Reading`; this cog only adapts
Discord objects and sends the replies. Loaded only when reading is on
(``ARTICLEBOT_READ_ENABLED``, default true).

Permissions the Discord way: neither command sets ``default_member_permissions``,
so everyone may use them until a server's admins restrict them in Server
Settings → Integrations.

A slash command must be answered within 3 seconds: what can be said at once
(a refused address, a cooldown, a page read recently) is said at once, and
privately when it is a refusal; otherwise the command is deferred ("articlebot
is thinking…") while the page is read, and the result replaces it. For a
mention, the bot shows it is typing while it reads.
"""

from __future__ import annotations

import contextlib

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.adapters import (
    incoming_from_interaction,
    reply_to_message,
    respond_to_interaction,
)
from bot.discord_app.client import ArticleBot, require_article_bot
from bot.discord_app.links import MAX_LINK_CHARS, first_link
from bot.discord_app.notices import channel_not_allowed
from bot.discord_app.read_replies import no_link_in_message
from bot.discord_app.reading import Reading, ReadRequest

__all__ = ["MENU_NAME", "ReadingCog", "setup"]


MENU_NAME = "Ask about this link"


class ReadingCog(commands.Cog):
    """Reads the links people share, so the channel can ask about them."""

    def __init__(self, bot: ArticleBot, reading: Reading) -> None:
        self.bot = bot
        self.reading = reading
        # A context-menu command cannot be declared inside a cog; it is added to
        # the tree here and taken out when the cog unloads.
        self._menu = app_commands.ContextMenu(name=MENU_NAME, callback=self.read_message_link)

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self._menu)
        self.bot.link_reader = self.read_for_message

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self._menu.name, type=self._menu.type)
        self.bot.link_reader = None

    @app_commands.command(
        name="read", description="Read a news link: this channel then answers from that page."
    )
    @app_commands.describe(url="The page's address, e.g. https://example.com/news/story")
    async def read(
        self, interaction: discord.Interaction, url: app_commands.Range[str, 1, MAX_LINK_CHARS]
    ) -> None:
        await self._read_for_interaction(interaction, url)

    async def read_message_link(
        self, interaction: discord.Interaction, message: discord.Message
    ) -> None:
        """The "Ask about this link" message command: read the message's first link."""
        url = first_link(message.content)
        if url is None:
            await respond_to_interaction(interaction, no_link_in_message(), ephemeral=True)
            return
        await self._read_for_interaction(interaction, url)

    async def _read_for_interaction(self, interaction: discord.Interaction, url: str) -> None:
        incoming = incoming_from_interaction(interaction, url)
        if not incoming.is_dm and not self.bot.policy.allows_channel(
            incoming.channel_id, incoming.thread_parent_id
        ):
            await respond_to_interaction(interaction, channel_not_allowed(), ephemeral=True)
            return
        request = ReadRequest.from_incoming(incoming, url)
        screened = self.reading.screen(request)
        if screened.reply is not None:
            reply = screened.reply
            await respond_to_interaction(interaction, reply.reply, ephemeral=reply.private)
            return
        if screened.url is None:  # commands always get a notice; never silent
            return
        await interaction.response.defer(thinking=True)
        result = await self.reading.read(request, screened.url)
        # The result replaces the public "thinking" message, so it is public too.
        await respond_to_interaction(interaction, result.reply)

    async def read_for_message(self, message: discord.Message, request: ReadRequest) -> None:
        """Read the link of "@articlebot <link>", replying to the message.

        The asking cog, which listens to every message, hands these over: one
        listener a message keeps the question path as it was.
        """
        screened = self.reading.screen(request, quiet_repeats=True)
        if screened.reply is not None:
            await reply_to_message(message, screened.reply.reply)
            return
        if screened.url is None:
            return
        # Typing shows the bot is on it; it is cosmetic, so a failure to show it is ignored.
        with contextlib.suppress(discord.HTTPException):
            await message.channel.typing()
        result = await self.reading.read(request, screened.url)
        await reply_to_message(message, result.reply)


async def setup(bot: commands.Bot) -> None:
    article_bot = require_article_bot(bot)
    if article_bot.reading is None:
        raise RuntimeError("the reading cog needs the bot's reading service")
    await bot.add_cog(ReadingCog(article_bot, article_bot.reading))
