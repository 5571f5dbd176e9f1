"""End to end: ``articlebot discord`` as a subprocess against a stand-in of Discord on loopback.

One bot process serves the whole module (starting it costs a couple of
seconds); each test plays a different user so the per-user cooldown of one
test cannot silence another. The last test stops the bot with SIGTERM and
checks it closed cleanly and never logged its token.
"""

from __future__ import annotations

import asyncio
import re
import signal
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio

from bot.composer import answer
from bot.discord_app.limits import (
    CONTENT_LIMIT,
    EMBED_DESCRIPTION_LIMIT,
    EMBED_TITLE_LIMIT,
    EMBED_TOTAL_LIMIT,
)
from bot.knowledge import load_knowledge
from bot.settings import DEFAULT_ARTICLE
from tests.discord_standin import DiscordStandIn, RecordedRequest, json_response
from tests.discord_standin.process import BotProcess, bot_environment

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

COOLDOWN_SECONDS = "60"  # long enough never to run out during the module
# How long to keep listening before concluding the bot chose not to reply.
SILENCE_SECONDS = 0.5


class Session:
    """The stand-in and the bot process connected to it."""

    def __init__(self, standin: DiscordStandIn, bot: BotProcess) -> None:
        self.standin = standin
        self.bot = bot

    async def ask(self, content: str, **extra: Any) -> tuple[dict[str, Any], RecordedRequest]:
        """Post ``content`` as a new user and return the message and the bot's reply."""
        asker = self.standin.new_user("asker")
        message = await self.standin.send_message(asker, content, **extra)
        return message, await self.standin.wait_for_reply(message)

    async def assert_no_reply(self, message: dict[str, Any]) -> None:
        """Check the bot never replies to ``message``: it answers a later probe but not this."""
        probe = await self.standin.send_message(
            self.standin.new_user("prober"), f"{self.standin.mention()} who is Putin?"
        )
        await self.standin.wait_for_reply(probe)
        await asyncio.sleep(SILENCE_SECONDS)
        assert self.standin.replies_to(message) == []


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def session(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Session]:
    standin = DiscordStandIn()
    await standin.start()
    environment = bot_environment(
        DISCORD_TOKEN=standin.token,
        ARTICLEBOT_DISCORD_API_BASE=standin.api_base,
        ARTICLEBOT_COOLDOWN_SECONDS=COOLDOWN_SECONDS,
        ARTICLEBOT_LOG_LEVEL="INFO",
    )
    # An empty working directory: no stray .env can change the settings.
    bot = await BotProcess.start(environment, tmp_path_factory.mktemp("bot"))
    try:
        await standin.wait_until_ready()
    except TimeoutError:
        await bot.stop()
        await standin.close()
        pytest.fail(f"the bot never became ready; its output:\n{bot.output}")
    yield Session(standin, bot)
    await bot.stop()
    await standin.close()


def embed_of(reply: RecordedRequest) -> dict[str, Any]:
    embeds = reply.body.get("embeds") or []
    assert len(embeds) == 1, reply.body
    embed: dict[str, Any] = embeds[0]
    return embed


def visible_text(reply: RecordedRequest) -> str:
    """Everything a person sees in a reply: its content and its embeds' text."""
    parts = [reply.body.get("content") or ""]
    for embed in reply.body.get("embeds") or []:
        parts += [embed.get("title") or "", embed.get("description") or ""]
        parts.append((embed.get("footer") or {}).get("text") or "")
    return "\n".join(parts)


def assert_within_limits(body: dict[str, Any]) -> None:
    assert len(body.get("content") or "") <= CONTENT_LIMIT
    for embed in body.get("embeds") or []:
        assert len(embed.get("title") or "") <= EMBED_TITLE_LIMIT
        assert len(embed.get("description") or "") <= EMBED_DESCRIPTION_LIMIT
        total = sum(
            len(text)
            for text in (
                embed.get("title") or "",
                embed.get("description") or "",
                (embed.get("footer") or {}).get("text") or "",
            )
        )
        assert total <= EMBED_TOTAL_LIMIT


def assert_pings_nobody(body: dict[str, Any]) -> None:
    """Discord's ``allowed_mentions``: no parse types, no users or roles, no reply ping."""
    allowed = body.get("allowed_mentions")
    assert allowed is not None, body
    assert allowed.get("parse") == []
    assert not allowed.get("users")
    assert not allowed.get("roles")
    assert allowed.get("replied_user", False) is False


def composer_source(question: str) -> str:
    """The sentence the composer quotes for ``question``, computed in this process."""
    result = answer(question, load_knowledge(DEFAULT_ARTICLE))
    assert result.source is not None
    return result.source.text


def unescaped(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text).replace("**", "")


async def test_mention_gets_a_sourced_reply_that_pings_nobody(session: Session) -> None:
    started = time.monotonic()
    message, reply = await session.ask(f"{session.standin.mention()} when is the summit?")

    assert time.monotonic() - started < 1.0  # the acceptance bar: within a second

    assert reply.body["message_reference"]["message_id"] in (message["id"], int(message["id"]))
    assert_pings_nobody(reply.body)
    embed = embed_of(reply)
    assert composer_source("when is the summit?") in unescaped(embed["description"])
    assert re.fullmatch(r"Paragraph \d+ · confidence \d+%", embed["footer"]["text"])
    assert_within_limits(reply.body)


async def test_when_they_meet_is_answered_with_its_date(session: Session) -> None:
    _, reply = await session.ask(f"{session.standin.mention()} When will Biden and Putin meet?")

    assert "June 15-16" in unescaped(embed_of(reply)["description"])


async def test_slash_ask_answers_through_the_interaction_callback(session: Session) -> None:
    standin = session.standin
    interaction = await standin.run_command(
        "ask", standin.new_user("slasher"), question="when is the summit?"
    )

    callback = await standin.wait_for_request(
        lambda r: r.matches("POST", rf"/interactions/{interaction['id']}/[^/]+/callback")
    )
    assert callback.body["type"] == 4  # a channel message with source
    data = callback.body["data"]
    assert composer_source("when is the summit?") in unescaped(data["embeds"][0]["description"])
    assert_pings_nobody(data)


@pytest.mark.parametrize(
    ("command", "expected", "ephemeral"),
    [("summary", "", False), ("source", "000_479c05f56fca69af.txt", False), ("help", "/ask", True)],
)
async def test_the_other_slash_commands_reply(
    session: Session, command: str, expected: str, ephemeral: bool
) -> None:
    standin = session.standin
    interaction = await standin.run_command(command, standin.new_user("slasher"))

    callback = await standin.wait_for_request(
        lambda r: r.matches("POST", rf"/interactions/{interaction['id']}/[^/]+/callback")
    )
    data = callback.body["data"]
    assert expected in data["embeds"][0]["description"]
    assert data["embeds"][0]["description"].strip()
    assert bool(data.get("flags", 0) & 64) is ephemeral
    assert_pings_nobody(data)


async def test_mentioning_the_bots_role_asks_it_too(session: Session) -> None:
    _, reply = await session.ask(f"<@&{session.standin.bot_role_id}> when is the summit?")

    assert composer_source("when is the summit?") in unescaped(embed_of(reply)["description"])


async def test_everyone_in_a_question_pings_nobody(session: Session) -> None:
    _, reply = await session.ask(
        f"{session.standin.mention()} @everyone @here <@&{session.standin.guild_id}> "
        "when is the summit?"
    )

    assert_pings_nobody(reply.body)


async def test_messages_from_bots_get_no_reply(session: Session) -> None:
    standin = session.standin
    other_bot = standin.new_user("otherbot", bot=True)
    message = await standin.send_message(other_bot, f"{standin.mention()} when is the summit?")

    await session.assert_no_reply(message)


async def test_cooldown_says_slow_down_once_then_stays_silent(session: Session) -> None:
    standin = session.standin
    hasty = standin.new_user("hasty")
    question = f"{standin.mention()} when is the summit?"
    first = await standin.send_message(hasty, question)
    await standin.wait_for_reply(first)
    second = await standin.send_message(hasty, question)
    warning = await standin.wait_for_reply(second)
    third = await standin.send_message(hasty, question)

    assert "slow down" in visible_text(warning).lower()
    await session.assert_no_reply(third)


@pytest.mark.parametrize(
    "question",
    [
        "why " * 2500,
        "🎉🤔🇺🇸🇷🇺" * 3,
        "```py\nprint('summit')\n```\n# Heading\n> quote **bold** _it_ ||spoiler|| [link](http://x)",
    ],
    ids=["10000-chars", "emoji-only", "markdown"],
)
async def test_odd_questions_get_a_reply_within_limits(session: Session, question: str) -> None:
    _, reply = await session.ask(f"{session.standin.mention()} {question}")

    assert_within_limits(reply.body)
    assert visible_text(reply).strip()
    assert_pings_nobody(reply.body)


async def test_plain_text_where_embeds_are_not_allowed(session: Session) -> None:
    _, reply = await session.ask(
        f"{session.standin.mention()} when is the summit?",
        channel_id=session.standin.no_embed_channel_id,
    )

    assert not reply.body.get("embeds")
    assert composer_source("when is the summit?") in unescaped(reply.body["content"])
    assert_within_limits(reply.body)


async def test_a_dm_gets_an_answer(session: Session) -> None:
    standin = session.standin
    message = await standin.send_dm(standin.new_user("dmer"), "when is the summit?")

    reply = await standin.wait_for_reply(message)
    assert composer_source("when is the summit?") in unescaped(visible_text(reply))


async def test_reply_to_an_answer_is_a_follow_up(session: Session) -> None:
    standin = session.standin
    asker = standin.new_user("follower")
    first = await standin.send_message(asker, f"{standin.mention()} when is the summit?")
    await standin.wait_for_reply(first)
    answer_message = standin.reply_message(first)
    follow_up = await standin.send_message(
        standin.new_user("other"), "and where?", reply_to=answer_message
    )

    reply = await standin.wait_for_reply(follow_up)
    assert_pings_nobody(reply.body)


async def test_a_failed_send_is_logged_and_answered_with_an_apology(session: Session) -> None:
    standin = session.standin
    standin.script(
        "POST",
        rf"/channels/{standin.channel_id}/messages",
        json_response(403, {"message": "Missing Permissions", "code": 50013}),
        times=1,
    )
    message = await standin.send_message(standin.new_user("unlucky"), f"{standin.mention()} hi")

    # The first attempt is refused; the second reply is the apology.
    await standin.wait_for_request(lambda _: len(standin.replies_to(message)) == 2)
    apology = standin.replies_to(message)[1]
    assert "sorry, something went wrong" in visible_text(apology).lower()
    assert_pings_nobody(apology.body)
    assert "could not answer message" in session.bot.output


async def test_after_a_dropped_gateway_the_bot_resumes_and_answers(session: Session) -> None:
    standin = session.standin
    await standin.drop_gateway()
    await standin.wait_until_connected()

    _, reply = await session.ask(f"{standin.mention()} who is Putin?")

    assert standin.resumes
    assert visible_text(reply).strip()


async def test_the_bot_keeps_answering_and_ctrl_c_stops_it_cleanly(session: Session) -> None:
    _, reply = await session.ask(f"{session.standin.mention()} who is Putin?")
    assert visible_text(reply).strip()

    status = await session.bot.stop(signal.SIGINT)

    assert status == 0, session.bot.output
    assert "closed cleanly" in session.bot.output
    assert session.standin.token not in session.bot.output
    assert session.standin.unknown_requests == []
