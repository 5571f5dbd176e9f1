"""Faults that take discord.py too long to reach end to end, at the handlers, with stand-in objects.

A 500 that lasts makes discord.py retry for about 25 s before it gives up with
``DiscordServerError``; a rate limit longer than the client accepts ends in
``RateLimited``; an expired interaction in ``NotFound`` (code 10062). Each is
raised here straight from the stand-in ``send``: the handler must log it with
the message's ids, try the apology, survive the apology failing too, and answer
the next message.
"""

from __future__ import annotations

import logging
from types import SimpleNamespace

import aiohttp
import discord
import pytest
from discord import app_commands

from bot.discord_app.client import ArticleBot
from bot.discord_app.cogs.asking import AskingCog
from bot.knowledge import Knowledge
from tests.test_discord_handlers import make_bot, make_interaction, make_message


def _http_error(kind: type[discord.HTTPException], status: int, code: int) -> Exception:
    response = SimpleNamespace(status=status, reason="stand-in")
    return kind(response, {"message": "stand-in failure", "code": code})  # type: ignore[arg-type]


FAILURES = {
    "500 that lasts": _http_error(discord.DiscordServerError, 500, 0),
    "403 missing permissions": _http_error(discord.Forbidden, 403, 50013),
    "404 unknown channel": _http_error(discord.NotFound, 404, 10003),
    "rate limited too long": discord.RateLimited(3600.0),
    "connection dropped": aiohttp.ClientConnectionError("Connection reset by peer"),
}


@pytest.fixture
def bot(seed_knowledge: Knowledge) -> ArticleBot:
    return make_bot(seed_knowledge, cooldown_seconds=0)


@pytest.mark.parametrize("failure", FAILURES.values(), ids=FAILURES.keys())
async def test_a_failing_send_and_apology_are_logged_and_the_next_message_answered(
    bot: ArticleBot, failure: Exception, caplog: pytest.LogCaptureFixture
) -> None:
    cog = AskingCog(bot)
    doomed = make_message("<@42> when is the summit?")
    doomed.channel.send.side_effect = failure

    with caplog.at_level(logging.WARNING):
        await cog.on_message(doomed)

    assert doomed.channel.send.await_count == 2  # the answer, then the apology
    assert f"could not answer message {doomed.id}" in caplog.text
    assert f"could not send the apology for message {doomed.id}" in caplog.text
    following = make_message("<@42> who is Putin?")
    await cog.on_message(following)
    following.channel.send.assert_awaited_once()
    assert "Putin" in following.channel.send.await_args.kwargs["embed"].description


async def test_an_expired_interaction_is_logged_not_raised(
    bot: ArticleBot, caplog: pytest.LogCaptureFixture
) -> None:
    interaction = make_interaction()
    expired = _http_error(discord.NotFound, 404, 10062)
    interaction.response.send_message.side_effect = expired
    cog = AskingCog(bot)

    with pytest.raises(discord.NotFound):
        # discord.py hands what the command raises to the tree's error handler.
        await cog.ask.callback(cog, interaction, "when is the summit?")
    await bot._on_app_command_error(interaction, app_commands.CommandInvokeError(cog.ask, expired))

    assert "slash command /ask failed" in caplog.text
    assert f"could not send the apology for interaction {interaction.id}" in caplog.text
