"""Pointing discord.py at another Discord API, for the local stand-in the tests run.

discord.py has no per-client setting for this: the REST base is the class
attribute ``discord.http.Route.BASE`` and a plain (unsharded) client connects
to the class attribute ``DiscordWebSocket.DEFAULT_GATEWAY`` without asking
``GET /gateway/bot``. Both are process-wide, so they are set once, before the
one client of this process logs in, and only when the setting
``ARTICLEBOT_DISCORD_API_BASE`` is given: by default nothing here runs.
"""

from __future__ import annotations

import logging

import yarl
from discord.gateway import DiscordWebSocket
from discord.http import HTTPClient, Route

__all__ = ["use_api_base", "use_api_gateway"]

_log = logging.getLogger(__name__)


def use_api_base(base: str) -> None:
    """Send every REST request to ``base`` (e.g. ``http://127.0.0.1:8080/api/v10``)."""
    Route.BASE = base.rstrip("/")
    _log.info("using the Discord API at %s", Route.BASE)


async def use_api_gateway(http: HTTPClient) -> None:
    """Connect to the gateway that ``GET /gateway/bot`` of the configured API names."""
    _, url, _ = await http.get_bot_gateway()
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(url)
    _log.info("using the Discord gateway at %s", url)
