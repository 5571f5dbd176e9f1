"""Which article, and what it is: ``/summary``, ``/source``, ``/articles`` and ``/use``.

With several articles loaded, ``/use`` picks the one a channel (and its threads)
answers from; ``/articles`` lists them with their numbers, then the pages the
channel read with ``/read`` (numbered after them). The choice is kept per
channel in :class:`~bot.discord_app.scopes.ChannelScopes`, bounded.
"""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.adapters import incoming_from_interaction, respond_to_interaction
from bot.discord_app.client import ArticleBot, require_article_bot
from bot.discord_app.library import PageKey
from bot.discord_app.notices import articles_list, now_using, source_info
from bot.discord_app.replies import Reply
from bot.discord_app.scopes import Scope

__all__ = ["ArticleCog", "setup"]

# Discord shows at most 25 autocomplete choices, each named in at most 100 characters.
_MAX_CHOICES = 25
_MAX_CHOICE_NAME = 100


class ArticleCog(commands.Cog):
    """Describes the articles the bot answers from, and picks one per channel."""

    def __init__(self, bot: ArticleBot) -> None:
        self.bot = bot

    def _scope(self, interaction: discord.Interaction) -> Scope:
        return self.bot.answering.scope_for(incoming_from_interaction(interaction, ""))

    def _listing(self, interaction: discord.Interaction, current: Scope) -> Reply:
        """``/articles``: every choice of this channel, ``current`` marked."""
        choices = self.bot.answering.choices_for(incoming_from_interaction(interaction, ""))
        titles = [title for title, _ in choices]
        marked = next((n for n, (_, scope) in enumerate(choices) if scope == current), None)
        loaded = len(self.bot.answering.knowledge.articles)
        first_read = loaded if self.bot.reading is not None else None
        return articles_list(titles, marked, first_read)

    @app_commands.command(name="summary", description="What the article is about.")
    async def summary(self, interaction: discord.Interaction) -> None:
        reply = self.bot.answering.summary(self._scope(interaction)).reply
        await respond_to_interaction(interaction, reply)

    @app_commands.command(name="source", description="The article's headline and where it is from.")
    async def source(self, interaction: discord.Interaction) -> None:
        answering = self.bot.answering
        articles = answering.knowledge.articles
        scope = self._scope(interaction)
        page = answering.library.get(scope) if isinstance(scope, PageKey) else None
        if page is not None:
            await respond_to_interaction(interaction, source_info(page.article))
        elif isinstance(scope, int) or len(articles) == 1:
            number = scope if isinstance(scope, int) else 0
            await respond_to_interaction(interaction, source_info(articles[number]))
        else:
            await respond_to_interaction(interaction, self._listing(interaction, None))

    @app_commands.command(name="articles", description="The articles I answer from.")
    async def articles(self, interaction: discord.Interaction) -> None:
        reply = self._listing(interaction, self._scope(interaction))
        await respond_to_interaction(interaction, reply, ephemeral=True)

    @app_commands.command(name="use", description="Answer in this channel from one article.")
    @app_commands.describe(article="The article's number from /articles; 0 for all of them.")
    async def use(self, interaction: discord.Interaction, article: int) -> None:
        incoming = incoming_from_interaction(interaction, "")
        choices = self.bot.answering.choices_for(incoming)
        if not 0 <= article <= len(choices):
            reply = self._listing(interaction, self._scope(interaction))
            await respond_to_interaction(interaction, reply, ephemeral=True)
            return
        title, chosen = (None, None) if article == 0 else choices[article - 1]
        self.bot.answering.scopes.use(incoming.home_channel, chosen)
        loaded = len(self.bot.answering.knowledge.articles)
        await respond_to_interaction(interaction, now_using(title, loaded))

    @use.autocomplete("article")
    async def _article_choices(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[int]]:
        """Headlines matching what was typed, so nobody has to remember numbers."""
        typed = current.lower().strip()
        choices = [app_commands.Choice(name="All articles", value=0)] if not typed else []
        listed = self.bot.answering.choices_for(incoming_from_interaction(interaction, ""))
        for number, (title, _) in enumerate(listed, start=1):
            if typed in title.lower() or typed == str(number):
                label = f"{number}. {title}"[:_MAX_CHOICE_NAME]
                choices.append(app_commands.Choice(name=label, value=number))
        return choices[:_MAX_CHOICES]


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(ArticleCog(require_article_bot(bot)))
