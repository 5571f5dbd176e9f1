"""``articlebot discord`` start-up failures: one line on stderr, exit status 2, no token shown."""

from __future__ import annotations

import signal
import subprocess
from pathlib import Path

import pytest

from tests.discord_standin import DiscordStandIn
from tests.discord_standin.process import BotProcess, bot_command, bot_environment

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("token", [None, ""], ids=["unset", "empty-as-in-env-example"])
def test_a_missing_token_exits_2_saying_how_to_set_it(tmp_path: Path, token: str | None) -> None:
    environment = bot_environment() if token is None else bot_environment(DISCORD_TOKEN=token)

    result = subprocess.run(
        bot_command(),
        check=False,
        env=environment,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "DISCORD_TOKEN is not set" in result.stderr
    assert ".env" in result.stderr
    assert "Traceback" not in result.stderr


async def test_a_refused_token_exits_2_without_showing_it(tmp_path: Path) -> None:
    standin = DiscordStandIn(token="the-right-token")
    await standin.start()
    wrong_token = "a-wrong-token-that-must-never-be-printed"
    environment = bot_environment(
        DISCORD_TOKEN=wrong_token, ARTICLEBOT_DISCORD_API_BASE=standin.api_base
    )
    try:
        bot = await BotProcess.start(environment, tmp_path)
        status = await bot.wait(timeout=30)
    finally:
        await standin.close()

    assert status == 2, bot.output
    assert bot.lines[-1].startswith("articlebot: Discord refused DISCORD_TOKEN")
    assert wrong_token not in bot.output
    assert "Traceback" not in bot.output


async def test_sigterm_closes_the_connection_and_exits_0(tmp_path: Path) -> None:
    standin = DiscordStandIn()
    await standin.start()
    environment = bot_environment(
        DISCORD_TOKEN=standin.token, ARTICLEBOT_DISCORD_API_BASE=standin.api_base
    )
    try:
        bot = await BotProcess.start(environment, tmp_path)
        await standin.wait_until_ready()
        status = await bot.stop(signal.SIGTERM)
    finally:
        await standin.close()

    assert status == 0, bot.output
    assert "closed cleanly" in bot.output
