"""Faults around Discord, end to end: the real ``articlebot discord`` against a faulty stand-in.

One bot process serves the module, as in ``test_discord_e2e.py`` (which
already covers a dropped gateway that the bot resumes, and a 403 answered with
an apology). Here Discord rate-limits a send (429 with ``retry_after``), fails
one with a 500, refuses both the answer and the apology (403), lets an
interaction token expire before the reply (404, code 10062), and invalidates
the session so the bot must identify again. After each fault the bot must have
logged it, stayed up, and answered the next question.

A second kind of test crashes the bot on purpose, with its token planted where
it would be logged, and checks that neither the log nor the traceback shows it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from tests.discord_standin import (
    DiscordStandIn,
    RecordedRequest,
    json_response,
    rate_limited,
    unknown_interaction,
)
from tests.discord_standin.process import BotProcess, bot_environment, start_ready_bot

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

MESSAGES_PATH = r"/channels/\d+/messages"
CALLBACK_PATH = r"/interactions/\d+/[^/]+/callback"


class Session:
    """The stand-in and the bot process connected to it."""

    def __init__(self, standin: DiscordStandIn, bot: BotProcess) -> None:
        self.standin = standin
        self.bot = bot

    async def mention(self, content: str) -> dict[str, Any]:
        """Post ``@bot content`` as a new user (so no cooldown is shared); return the message."""
        asker = self.standin.new_user("asker")
        return await self.standin.send_message(asker, f"{self.standin.mention()} {content}")

    async def assert_still_answering(self) -> None:
        message = await self.mention("who is Putin?")
        reply = await self.standin.wait_for_reply(message)
        assert "Putin" in _visible_text(reply)

    async def wait_for_log(self, fragment: str, timeout: float = 5.0) -> None:
        async with asyncio.timeout(timeout):
            while fragment not in self.bot.output:
                await asyncio.sleep(0.02)


def _visible_text(reply: RecordedRequest) -> str:
    parts = [reply.body.get("content") or ""]
    parts += [embed.get("description") or "" for embed in reply.body.get("embeds") or []]
    return "\n".join(parts)


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def session(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Session]:
    standin = DiscordStandIn()
    await standin.start()
    try:
        bot = await start_ready_bot(
            standin, tmp_path_factory.mktemp("bot"), ARTICLEBOT_COOLDOWN_SECONDS="60"
        )
    except AssertionError:
        await standin.close()
        raise
    yield Session(standin, bot)
    status = await bot.stop()
    await standin.close()
    assert status == 0, bot.output
    assert standin.token not in bot.output
    assert "closed cleanly" in bot.output  # every fault survived, to the end


async def test_a_rate_limited_send_is_retried_after_retry_after(session: Session) -> None:
    standin = session.standin
    standin.script("POST", MESSAGES_PATH, rate_limited(0.4), times=1)
    started = time.monotonic()
    message = await session.mention("when is the summit?")

    await standin.wait_for_request(lambda _: len(standin.replies_to(message)) == 2)
    elapsed = time.monotonic() - started

    limited, sent = standin.replies_to(message)
    assert limited.body == sent.body  # the same answer, sent again
    assert "Sorry" not in _visible_text(sent)
    assert elapsed >= 0.4
    await session.wait_for_log("We are being rate limited")
    await session.assert_still_answering()


async def test_a_send_failing_with_500_is_retried(session: Session) -> None:
    standin = session.standin
    failure = {"message": "500: Internal Server Error", "code": 0}
    standin.script("POST", MESSAGES_PATH, json_response(500, failure), times=1)
    message = await session.mention("when is the summit?")

    await standin.wait_for_request(lambda _: len(standin.replies_to(message)) == 2, timeout=10)

    failed, sent = standin.replies_to(message)
    assert failed.body == sent.body
    assert "Sorry" not in _visible_text(sent)
    await session.assert_still_answering()


async def test_a_refused_answer_and_apology_are_logged_and_the_bot_goes_on(
    session: Session,
) -> None:
    standin = session.standin
    refused = {"message": "Missing Permissions", "code": 50013}
    standin.script("POST", MESSAGES_PATH, json_response(403, refused), times=2)
    message = await session.mention("when is the summit?")

    await standin.wait_for_request(lambda _: len(standin.replies_to(message)) == 2)

    await session.wait_for_log(f"could not send the apology for message {message['id']}")
    assert f"could not answer message {message['id']}" in session.bot.output
    await session.assert_still_answering()


async def test_an_expired_interaction_is_logged_and_the_bot_goes_on(session: Session) -> None:
    standin = session.standin
    # The answer and then the apology both meet the expired token.
    standin.script("POST", CALLBACK_PATH, unknown_interaction(), times=2)
    interaction = await standin.run_command(
        "ask", standin.new_user("slow"), question="when is the summit?"
    )

    await session.wait_for_log(f"could not send the apology for interaction {interaction['id']}")

    assert "slash command /ask failed" in session.bot.output
    assert "Unknown interaction" in session.bot.output
    await session.assert_still_answering()
    # And the next /ask, with a live token, is answered.
    again = await standin.run_command("ask", standin.new_user("quick"), question="who is Putin?")
    callback = await standin.wait_for_request(
        lambda r: r.matches("POST", rf"/interactions/{again['id']}/[^/]+/callback")
    )
    assert callback.body["type"] == 4


async def test_an_invalidated_session_identifies_again_and_answers(session: Session) -> None:
    standin = session.standin
    identified = len(standin.identifies)

    await standin.invalidate_session(resumable=False)
    async with asyncio.timeout(15):
        while len(standin.identifies) == identified:
            await asyncio.sleep(0.05)
    await standin.wait_until_connected()

    await session.assert_still_answering()


# -- crashes must not leak the token ---------------------------------------------------

PLANTED_TOKEN = "MTE.planted-secret-token.must-never-be-printed"


async def _crash(tmp_path: Path, standin: DiscordStandIn) -> tuple[int, str]:
    environment = bot_environment(
        DISCORD_TOKEN=standin.token,
        ARTICLEBOT_DISCORD_API_BASE=standin.api_base,
        ARTICLEBOT_LOG_LEVEL="DEBUG",
    )
    bot = await BotProcess.start(environment, tmp_path)
    status = await bot.wait(timeout=30)
    return status, bot.output


async def test_a_crash_at_login_does_not_print_the_token(tmp_path: Path) -> None:
    standin = DiscordStandIn(token=PLANTED_TOKEN)
    # Discord's error message quotes the token: it lands in the exception and its traceback.
    standin.script(
        "GET",
        r"/users/@me",
        json_response(400, {"message": f"bad request from {PLANTED_TOKEN}", "code": 0}),
        times=None,
    )
    await standin.start()
    try:
        status, output = await _crash(tmp_path, standin)
    finally:
        await standin.close()

    assert status == 1, output
    assert "the Discord bot stopped on an unexpected error" in output
    assert "Traceback" in output
    assert "[redacted]" in output  # the token was there, and was blotted out
    assert PLANTED_TOKEN not in output


async def test_a_crash_on_the_gateway_does_not_print_the_token(tmp_path: Path) -> None:
    standin = DiscordStandIn(token=PLANTED_TOKEN)
    await standin.start()
    try:
        crashing = asyncio.create_task(_crash(tmp_path, standin))
        await standin.wait_until_ready()
        # At DEBUG, discord.py logs every event it receives: plant the token in one,
        # then close with "invalid intents" (4013), which the bot cannot recover from.
        await standin.dispatch("STAND_IN_ECHO", {"token": PLANTED_TOKEN})
        await asyncio.sleep(0.2)
        await standin.drop_gateway(code=4013)
        status, output = await crashing
    finally:
        await standin.close()

    assert status == 1, output
    assert "WebSocket Event" in output
    assert "the Discord bot stopped on an unexpected error" in output
    assert "[redacted]" in output
    assert PLANTED_TOKEN not in output
