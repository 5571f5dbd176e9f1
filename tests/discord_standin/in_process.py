"""The real bot in this test's own event loop, against a stand-in in the same loop.

For tests that measure the loop itself (a watcher task shares it with the
bot): the bot is prepared as ``articlebot discord`` prepares it before it
connects (warmed up, start-up objects frozen out of the collector's sight).
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.composer import ComposerOptions
from bot.discord_app.client import ArticleBot
from bot.discord_app.runner import build_bot, prepare_to_serve
from bot.knowledge import Knowledge
from bot.settings import Settings
from bot.startup import Runtime
from tests.discord_standin.server import DiscordStandIn

__all__ = ["bot_in_this_loop"]


@asynccontextmanager
async def bot_in_this_loop(
    monkeypatch: pytest.MonkeyPatch, knowledge: Knowledge, **settings: Any
) -> AsyncIterator[tuple[DiscordStandIn, ArticleBot]]:
    """A started stand-in and a ready bot on it, with ``settings``; both closed at the end."""
    standin = DiscordStandIn()
    await standin.start()
    # What ARTICLEBOT_DISCORD_API_BASE does in the real command, undone after the test.
    monkeypatch.setattr(Route, "BASE", standin.api_base)
    monkeypatch.setattr(DiscordWebSocket, "DEFAULT_GATEWAY", DiscordWebSocket.DEFAULT_GATEWAY)
    configured = Settings(  # type: ignore[call-arg]
        _env_file=None,
        DISCORD_TOKEN=standin.token,
        discord_api_base=standin.api_base,
        **settings,
    )
    bot = build_bot(Runtime(configured, knowledge, ComposerOptions()))
    prepare_to_serve(bot)  # as ``articlebot discord`` does before it connects
    running = asyncio.create_task(bot.start(standin.token))
    try:
        await standin.wait_until_ready()
        yield standin, bot
    finally:
        await bot.close()
        await running
        await standin.close()
        gc.unfreeze()
