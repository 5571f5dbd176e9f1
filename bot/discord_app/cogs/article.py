"""What the article is: ``/summary`` (what it is about) and ``/source`` (where it comes from)."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.adapters import respond_to_interaction
from bot.discord_app.client import ArticleBot, require_article_bot
from bot.discord_app.notices import source_info

__all__ = ["ArticleCog", "setup"]


class ArticleCog(commands.Cog):
    """Describes the article the bot answers from."""

    def __init__(self, bot: ArticleBot) -> None:
        self.bot = bot

    @app_commands.command(name="summary", description="What the article is about.")
    async def summary(self, interaction: discord.Interaction) -> None:
        await respond_to_interaction(interaction, self.bot.answering.summary().reply)

    @app_commands.command(name="source", description="The article's headline and where it is from.")
    async def source(self, interaction: discord.Interaction) -> None:
        article = self.bot.answering.knowledge.article
        await respond_to_interaction(interaction, source_info(article))


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(ArticleCog(require_article_bot(bot)))
