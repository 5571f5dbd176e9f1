"""The cogs' handlers with stand-in discord objects: what is sent, how, and on failure."""

from __future__ import annotations

import itertools
import logging
from types import SimpleNamespace
from typing import Any
from unittest.mock import AsyncMock, MagicMock

import discord
import pytest

from bot.composer import ComposerOptions
from bot.conversation import ConversationStore
from bot.discord_app.answering import Answering
from bot.discord_app.client import ArticleBot
from bot.discord_app.cogs.article import ArticleCog
from bot.discord_app.cogs.asking import AskingCog
from bot.discord_app.cogs.help import HelpCog
from bot.discord_app.cooldown import Cooldown
from bot.knowledge import Knowledge, load_knowledge
from bot.settings import DEFAULT_ARTICLE, Settings

BOT_ID = 42
CHANNEL_ID = 100
_ids = itertools.count(1000)


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge(DEFAULT_ARTICLE)


def make_bot(knowledge: Knowledge, **settings: Any) -> ArticleBot:
    configured = Settings(_env_file=None, **settings)  # type: ignore[call-arg]
    answering = Answering(
        knowledge,
        ComposerOptions(),
        ConversationStore(),
        Cooldown(configured.cooldown_seconds, clock=lambda: 0.0),
    )
    bot = ArticleBot(configured, answering)
    bot._connection.user = SimpleNamespace(id=BOT_ID)  # as if logged in
    return bot


def make_message(
    content: str,
    *,
    author_id: int = 7,
    author_is_bot: bool = False,
    embed_links: bool = True,
    mentions_bot: bool = True,
) -> MagicMock:
    message = MagicMock(spec=discord.Message)
    message.id = next(_ids)
    message.content = content
    message.author = SimpleNamespace(id=author_id, bot=author_is_bot)
    message.webhook_id = None
    message.mentions = [SimpleNamespace(id=BOT_ID)] if mentions_bot else []
    message.role_mentions = []
    message.reference = None
    message.guild = SimpleNamespace(id=1, self_role=None, me=SimpleNamespace(id=BOT_ID))
    message.channel = MagicMock(spec=discord.TextChannel)
    message.channel.id = CHANNEL_ID
    message.channel.permissions_for.return_value = discord.Permissions(embed_links=embed_links)
    message.channel.send = AsyncMock(side_effect=lambda **_: SimpleNamespace(id=next(_ids)))
    return message


def make_interaction(*, user_id: int = 7, embed_links: bool = True) -> MagicMock:
    interaction = MagicMock(spec=discord.Interaction)
    interaction.id = next(_ids)
    interaction.user = SimpleNamespace(id=user_id)
    interaction.guild_id = 1
    interaction.channel_id = CHANNEL_ID
    interaction.channel = MagicMock(spec=discord.TextChannel)
    interaction.app_permissions = discord.Permissions(embed_links=embed_links)
    interaction.command = SimpleNamespace(qualified_name="ask")
    interaction.response.is_done.return_value = False
    interaction.response.send_message = AsyncMock(
        return_value=SimpleNamespace(message_id=next(_ids))
    )
    return interaction


def sent_kwargs(mock: AsyncMock) -> dict[str, Any]:
    mock.assert_awaited_once()
    kwargs: dict[str, Any] = mock.await_args.kwargs
    return kwargs


async def test_a_mention_is_answered_with_an_embed_reply_that_pings_nobody(
    knowledge: Knowledge,
) -> None:
    bot = make_bot(knowledge)
    message = make_message("<@42> when is the summit?")

    await AskingCog(bot).on_message(message)

    sent = sent_kwargs(message.channel.send)
    assert sent["mention_author"] is False
    assert sent["reference"] is message.to_reference.return_value
    message.to_reference.assert_called_once_with(fail_if_not_exists=False)
    assert sent["embed"].title == "when is the summit?"
    assert "\n> " in sent["embed"].description
    assert bot.allowed_mentions is not None
    assert bot.allowed_mentions.to_dict() == {"parse": []}


async def test_plain_text_when_embeds_are_not_allowed(knowledge: Knowledge) -> None:
    message = make_message("<@42> when is the summit?", embed_links=False)

    await AskingCog(make_bot(knowledge)).on_message(message)

    sent = sent_kwargs(message.channel.send)
    assert "embed" not in sent
    assert "\n> " in sent["content"]


async def test_a_bot_gets_no_reply(knowledge: Knowledge) -> None:
    message = make_message("<@42> when is the summit?", author_is_bot=True)

    await AskingCog(make_bot(knowledge)).on_message(message)

    message.channel.send.assert_not_awaited()


async def test_a_channel_outside_the_allow_list_gets_no_reply(knowledge: Knowledge) -> None:
    message = make_message("<@42> when is the summit?")

    await AskingCog(make_bot(knowledge, allowed_channels=[CHANNEL_ID + 1])).on_message(message)

    message.channel.send.assert_not_awaited()


async def test_a_failing_handler_logs_and_apologises(
    knowledge: Knowledge, caplog: pytest.LogCaptureFixture
) -> None:
    message = make_message("<@42> when is the summit?")
    message.channel.send.side_effect = [RuntimeError("boom"), SimpleNamespace(id=1)]

    with caplog.at_level(logging.ERROR):
        await AskingCog(make_bot(knowledge)).on_message(message)

    assert message.channel.send.await_count == 2
    assert "Sorry" in message.channel.send.await_args.kwargs["embed"].description
    assert f"could not answer message {message.id}" in caplog.text
    assert "boom" in caplog.text


async def test_a_failing_apology_is_logged_not_raised(
    knowledge: Knowledge, caplog: pytest.LogCaptureFixture
) -> None:
    message = make_message("<@42> when is the summit?")
    refused = discord.Forbidden(SimpleNamespace(status=403, reason="Forbidden"), "no")
    message.channel.send.side_effect = [RuntimeError("boom"), refused]

    await AskingCog(make_bot(knowledge)).on_message(message)

    assert "could not send the apology" in caplog.text


async def test_slash_ask_answers_and_remembers_the_answer(knowledge: Knowledge) -> None:
    bot = make_bot(knowledge)
    interaction = make_interaction()

    cog = AskingCog(bot)
    await cog.ask.callback(cog, interaction, "when is the summit?")

    sent = sent_kwargs(interaction.response.send_message)
    assert sent["ephemeral"] is False
    assert "\n> " in sent["embed"].description
    assert len(bot.answering.follow_ups) == 1


async def test_slash_ask_too_soon_is_told_privately(knowledge: Knowledge) -> None:
    bot = make_bot(knowledge)
    cog = AskingCog(bot)
    await cog.ask.callback(cog, make_interaction(), "when is the summit?")
    again = make_interaction()

    await cog.ask.callback(cog, again, "when is the summit?")

    sent = sent_kwargs(again.response.send_message)
    assert sent["ephemeral"] is True
    assert "Slow down" in sent["embed"].description


async def test_slash_ask_outside_the_allow_list_is_refused_privately(knowledge: Knowledge) -> None:
    bot = make_bot(knowledge, allowed_channels=[CHANNEL_ID + 1])
    cog = AskingCog(bot)
    interaction = make_interaction()

    await cog.ask.callback(cog, interaction, "when is the summit?")

    sent = sent_kwargs(interaction.response.send_message)
    assert sent["ephemeral"] is True
    assert "don't answer in this channel" in sent["embed"].description


async def test_slash_commands_fall_back_to_text_without_embed_links(knowledge: Knowledge) -> None:
    bot = make_bot(knowledge)
    cog = ArticleCog(bot)
    interaction = make_interaction(embed_links=False)

    await cog.source.callback(cog, interaction)

    interaction.response.send_message.assert_awaited_once()
    text = interaction.response.send_message.await_args.args[0]
    assert knowledge.article.title.split()[0] in text


async def test_summary_and_help_reply(knowledge: Knowledge) -> None:
    bot = make_bot(knowledge)
    summary, help_ = make_interaction(), make_interaction()

    await ArticleCog(bot).summary.callback(ArticleCog(bot), summary)
    await HelpCog(bot).help.callback(HelpCog(bot), help_)

    assert sent_kwargs(summary.response.send_message)["embed"].description
    assert sent_kwargs(help_.response.send_message)["ephemeral"] is True


async def test_a_failed_slash_command_is_logged_and_apologised_for(
    knowledge: Knowledge, caplog: pytest.LogCaptureFixture
) -> None:
    bot = make_bot(knowledge)
    interaction = make_interaction()
    error = discord.app_commands.AppCommandError("boom")

    await bot._on_app_command_error(interaction, error)

    assert "slash command /ask failed" in caplog.text
    sent = sent_kwargs(interaction.response.send_message)
    assert sent["ephemeral"] is True
    assert "Sorry" in sent["embed"].description


async def test_setup_hook_loads_every_feature_and_syncs_to_the_guild(knowledge: Knowledge) -> None:
    bot = make_bot(knowledge, discord_guild_id=5)
    bot.tree.sync = AsyncMock(return_value=[])  # type: ignore[method-assign]

    await bot.setup_hook()

    assert set(bot.cogs) == {"AskingCog", "ArticleCog", "HelpCog"}
    assert {command.name for command in bot.tree.get_commands()} == {
        "ask",
        "summary",
        "source",
        "articles",
        "use",
        "help",
    }
    bot.tree.sync.assert_awaited_once()
    assert bot.tree.sync.await_args.kwargs["guild"].id == 5


def test_the_message_content_intent_is_off_unless_configured(knowledge: Knowledge) -> None:
    assert make_bot(knowledge).intents.message_content is False
    assert make_bot(knowledge, message_content=True).intents.message_content is True
