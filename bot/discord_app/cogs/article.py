"""Which article, and what it is: ``/summary``, ``/source``, ``/articles`` and ``/use``.

With several articles loaded, ``/use`` picks the one a channel (and its threads)
answers from; ``/articles`` lists them with their numbers. The choice is kept per
channel in :class:`~bot.discord_app.scopes.ChannelScopes`, bounded.
"""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.adapters import incoming_from_interaction, respond_to_interaction
from bot.discord_app.client import ArticleBot, require_article_bot
from bot.discord_app.notices import articles_list, now_using, source_info

__all__ = ["ArticleCog", "setup"]

# Discord shows at most 25 autocomplete choices, each named in at most 100 characters.
_MAX_CHOICES = 25
_MAX_CHOICE_NAME = 100


class ArticleCog(commands.Cog):
    """Describes the articles the bot answers from, and picks one per channel."""

    def __init__(self, bot: ArticleBot) -> None:
        self.bot = bot

    def _scope(self, interaction: discord.Interaction) -> int | None:
        return self.bot.answering.scope_for(incoming_from_interaction(interaction, ""))

    @app_commands.command(name="summary", description="What the article is about.")
    async def summary(self, interaction: discord.Interaction) -> None:
        reply = self.bot.answering.summary(self._scope(interaction)).reply
        await respond_to_interaction(interaction, reply)

    @app_commands.command(name="source", description="The article's headline and where it is from.")
    async def source(self, interaction: discord.Interaction) -> None:
        articles = self.bot.answering.knowledge.articles
        scope = self._scope(interaction)
        if scope is None and len(articles) > 1:
            titles = [article.title for article in articles]
            await respond_to_interaction(interaction, articles_list(titles, None))
            return
        await respond_to_interaction(interaction, source_info(articles[scope or 0]))

    @app_commands.command(name="articles", description="The articles I answer from.")
    async def articles(self, interaction: discord.Interaction) -> None:
        titles = [article.title for article in self.bot.answering.knowledge.articles]
        reply = articles_list(titles, self._scope(interaction))
        await respond_to_interaction(interaction, reply, ephemeral=True)

    @app_commands.command(name="use", description="Answer in this channel from one article.")
    @app_commands.describe(article="The article's number from /articles; 0 for all of them.")
    async def use(self, interaction: discord.Interaction, article: int) -> None:
        articles = self.bot.answering.knowledge.articles
        if not 0 <= article <= len(articles):
            titles = [item.title for item in articles]
            await respond_to_interaction(interaction, articles_list(titles, None), ephemeral=True)
            return
        incoming = incoming_from_interaction(interaction, "")
        channel = incoming.thread_parent_id or incoming.channel_id
        chosen = None if article == 0 else article - 1
        self.bot.answering.scopes.use(channel, chosen)
        title = None if chosen is None else articles[chosen].title
        await respond_to_interaction(interaction, now_using(title, len(articles)))

    @use.autocomplete("article")
    async def _article_choices(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[int]]:
        """Headlines matching what was typed, so nobody has to remember numbers."""
        typed = current.lower().strip()
        choices = [app_commands.Choice(name="All articles", value=0)] if not typed else []
        for number, item in enumerate(self.bot.answering.knowledge.articles, start=1):
            if typed in item.title.lower() or typed == str(number):
                label = f"{number}. {item.title}"[:_MAX_CHOICE_NAME]
                choices.append(app_commands.Choice(name=label, value=number))
        return choices[:_MAX_CHOICES]


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(ArticleCog(require_article_bot(bot)))
