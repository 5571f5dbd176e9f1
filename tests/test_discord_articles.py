"""Several articles on Discord: /articles lists them, /use picks one per channel."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.discord_app.cogs.article import ArticleCog
from bot.discord_app.cogs.asking import AskingCog
from bot.discord_app.scopes import ChannelScopes
from bot.knowledge import Knowledge, load_knowledge
from bot.settings import DEFAULT_ARTICLE
from tests.test_discord_handlers import make_bot, make_interaction, make_message, sent_kwargs

TRAIN = Path(__file__).parent / "fixtures" / "wire_hydrogen_train.html"


@pytest.fixture(scope="module")
def two() -> Knowledge:
    return load_knowledge([DEFAULT_ARTICLE, TRAIN])


def test_scopes_follow_threads_and_stay_bounded() -> None:
    scopes = ChannelScopes(max_channels=2)
    scopes.use(1, 0)
    assert scopes.scope_of(1) == 0
    assert scopes.scope_of(99, thread_parent_id=1) == 0  # a thread follows its channel
    scopes.use(2, 1)
    scopes.use(3, 1)
    assert len(scopes) == 2
    assert scopes.scope_of(1) is None  # the oldest choice was forgotten
    scopes.use(3, None)
    assert scopes.scope_of(3) is None


async def test_articles_lists_them_numbered_and_privately(two: Knowledge) -> None:
    cog = ArticleCog(make_bot(two))
    interaction = make_interaction()

    await cog.articles.callback(cog, interaction)

    sent = sent_kwargs(interaction.response.send_message)
    assert sent["ephemeral"] is True
    description = sent["embed"].description
    assert "1. Biden" in description
    assert "2. Hydrogen train completes first passenger trial" in description
    assert "answers from every article" in description


async def test_use_scopes_the_channels_answers(two: Knowledge) -> None:
    bot = make_bot(two)
    articles = ArticleCog(bot)
    asking = AskingCog(bot)

    choose = make_interaction()
    await articles.use.callback(articles, choose, 1)
    assert "Biden" in sent_kwargs(choose.response.send_message)["embed"].description

    message = make_message("<@42> who built the train?")
    await asking.on_message(message)
    scoped = sent_kwargs(message.channel.send)["embed"].description
    assert "doesn't say" in scoped

    reset = make_interaction()
    await articles.use.callback(articles, reset, 0)
    message = make_message("<@42> who built the train?", author_id=8)
    await asking.on_message(message)
    assert "Corvel" in sent_kwargs(message.channel.send)["embed"].description


async def test_use_out_of_range_shows_the_list(two: Knowledge) -> None:
    cog = ArticleCog(make_bot(two))
    interaction = make_interaction()

    await cog.use.callback(cog, interaction, 9)

    sent = sent_kwargs(interaction.response.send_message)
    assert sent["ephemeral"] is True
    assert "2. Hydrogen" in sent["embed"].description


async def test_use_autocompletes_headlines(two: Knowledge) -> None:
    cog = ArticleCog(make_bot(two))

    everything = await cog._article_choices(make_interaction(), "")
    hydrogen = await cog._article_choices(make_interaction(), "hydro")

    assert [choice.value for choice in everything] == [0, 1, 2]
    assert [choice.value for choice in hydrogen] == [2]
    assert all(len(choice.name) <= 100 for choice in everything)


async def test_source_without_a_choice_lists_every_article(two: Knowledge) -> None:
    cog = ArticleCog(make_bot(two))
    interaction = make_interaction()

    await cog.source.callback(cog, interaction)

    assert "2. Hydrogen" in sent_kwargs(interaction.response.send_message)["embed"].description
