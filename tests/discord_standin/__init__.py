"""A local stand-in for Discord (REST API and gateway) for end-to-end tests of the bot."""

from tests.discord_standin.server import (
    DiscordStandIn,
    RecordedRequest,
    json_response,
    rate_limited,
    unknown_interaction,
)

__all__ = [
    "DiscordStandIn",
    "RecordedRequest",
    "json_response",
    "rate_limited",
    "unknown_interaction",
]
