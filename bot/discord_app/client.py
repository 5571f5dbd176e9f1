"""The discord.py bot: settings in, feature cogs loaded, slash commands synced.

Shaped like discord.py's own examples: a ``commands.Bot`` subclass whose
``setup_hook`` loads one extension per feature and then syncs the application
commands. Everything a cog needs (the answering path, the policy built from
settings) hangs off the bot, so nothing is global.

Intents: the defaults, without the privileged message-content intent. Discord
still sends the text of DMs, of messages that mention the bot and of replies
that ping it, which is all a mention-driven bot needs; the intent (setting
``ARTICLEBOT_MESSAGE_CONTENT``) is only for answering un-mentioned messages.

Mentions: ``AllowedMentions.none()`` once, here, so no text the bot echoes (a
question, an article sentence) can ping anyone, whatever a handler does.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.adapters import respond_to_interaction
from bot.discord_app.answering import Answering
from bot.discord_app.endpoints import use_api_gateway
from bot.discord_app.notices import apology
from bot.discord_app.policy import Policy
from bot.discord_app.reading import Reading, ReadRequest
from bot.settings import Settings

__all__ = ["EXTENSIONS", "ArticleBot", "require_article_bot"]

_log = logging.getLogger(__name__)

# One feature per module, each ending in ``async def setup(bot)``.
EXTENSIONS = (
    "bot.discord_app.cogs.asking",
    "bot.discord_app.cogs.article",
    "bot.discord_app.cogs.help",
)
# ``/read`` and "Ask about this link", loaded unless ARTICLEBOT_READ_ENABLED=false.
READING_EXTENSION = "bot.discord_app.cogs.reading"


class ArticleBot(commands.Bot):
    """articlebot on Discord: answers mentions, replies, DMs and slash commands."""

    def __init__(
        self, settings: Settings, answering: Answering, reading: Reading | None = None
    ) -> None:
        intents = discord.Intents.default()
        intents.message_content = settings.message_content
        super().__init__(
            # No prefix commands: every message is a question for the asking cog.
            command_prefix=commands.when_mentioned,
            help_command=None,
            intents=intents,
            allowed_mentions=discord.AllowedMentions.none(),
        )
        self.settings = settings
        self.answering = answering
        self.reading = reading  # None: reading links is turned off
        # Set by the reading cog: how a mention holding only a link is read.
        self.link_reader: Callable[[discord.Message, ReadRequest], Awaitable[None]] | None = None

    async def setup_hook(self) -> None:
        if self.settings.discord_api_base is not None:
            await use_api_gateway(self.http)
        self.tree.error(self._on_app_command_error)
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        if self.reading is not None:
            await self.load_extension(READING_EXTENSION)
        await self._sync_commands()

    async def close(self) -> None:
        if self.reading is not None:
            self.reading.loader.close()  # ends any page still being read
        await super().close()

    async def on_message(self, message: discord.Message, /) -> None:
        """Do not parse messages as prefix commands ("@bot when ..." is a question).

        The asking cog listens to messages itself.
        """

    @property
    def policy(self) -> Policy:
        """Where and to what the bot answers, from settings (needs the bot logged in)."""
        if self.user is None:
            raise RuntimeError("the bot is not logged in yet")
        return Policy(
            bot_id=self.user.id,
            allowed_channels=frozenset(self.settings.allowed_channels),
            answer_unmentioned=self.settings.message_content,
        )

    async def _sync_commands(self) -> None:
        """Register the slash commands: with one guild at once, or globally.

        A guild sync shows the commands immediately, for development; a global
        one can take a while to reach every client. Syncing is a bulk overwrite,
        so repeating it at every start is harmless. A failure (typically an
        invite without the ``applications.commands`` scope) is logged and the
        bot runs on: mentions and DMs still work.
        """
        guild_id = self.settings.discord_guild_id
        guild = discord.Object(id=guild_id) if guild_id is not None else None
        if guild is not None:
            self.tree.copy_global_to(guild=guild)
        try:
            synced = await self.tree.sync(guild=guild)
        except discord.HTTPException as error:
            _log.warning("could not sync the slash commands (%s); they may be missing", error)
            return
        where = f"guild {guild_id}" if guild_id is not None else "all guilds"
        _log.info("synced %d slash commands to %s", len(synced), where)

    async def _on_app_command_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        """Log a failed slash command with its context and tell the user, briefly."""
        command = interaction.command.qualified_name if interaction.command else "?"
        _log.error(
            "slash command /%s failed (interaction %s, user %s, channel %s, guild %s)",
            command,
            interaction.id,
            interaction.user.id,
            interaction.channel_id,
            interaction.guild_id,
            exc_info=error,
        )
        try:
            await respond_to_interaction(interaction, apology(), ephemeral=True)
        except Exception as failure:  # best effort, as for messages
            _log.warning(
                "could not send the apology for interaction %s (%r)", interaction.id, failure
            )


def require_article_bot(bot: commands.Bot) -> ArticleBot:
    """``bot`` as an :class:`ArticleBot`: the cogs' ``setup`` needs what only it carries."""
    if not isinstance(bot, ArticleBot):
        raise TypeError(f"articlebot's cogs need an ArticleBot, not {type(bot).__name__}")
    return bot
