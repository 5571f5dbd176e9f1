"""``/help``: how to ask the bot, shown only to the person who asked."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.adapters import respond_to_interaction
from bot.discord_app.client import ArticleBot, require_article_bot
from bot.discord_app.notices import help_text

__all__ = ["HelpCog", "setup"]


class HelpCog(commands.Cog):
    """Explains how to use the bot."""

    def __init__(self, bot: ArticleBot) -> None:
        self.bot = bot

    @app_commands.command(name="help", description="How to ask me about the article.")
    async def help(self, interaction: discord.Interaction) -> None:
        # Ephemeral: help is for the one who asked, not the whole channel.
        reply = help_text(self.bot.answering.headline, reading=self.bot.reading is not None)
        await respond_to_interaction(interaction, reply, ephemeral=True)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(HelpCog(require_article_bot(bot)))
