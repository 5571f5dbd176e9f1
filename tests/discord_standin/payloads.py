"""JSON payloads shaped like Discord's, for the stand-in and the tests that drive it.

Only the fields discord.py reads are filled in, with plausible values. Ids are
snowflake-sized integers sent as strings, as Discord sends them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

__all__ = [
    "ADMIN_PERMISSIONS",
    "BOT_PERMISSIONS",
    "EMBED_LINKS",
    "Ids",
    "application",
    "channel",
    "guild",
    "interaction",
    "member",
    "message",
    "message_command",
    "role",
    "user",
]

Json = dict[str, Any]

VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
EMBED_LINKS = 1 << 14
READ_MESSAGE_HISTORY = 1 << 16
USE_APPLICATION_COMMANDS = 1 << 31
# What the invite link in docs/DISCORD.md grants, plus seeing channels.
BOT_PERMISSIONS = (
    VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | READ_MESSAGE_HISTORY | USE_APPLICATION_COMMANDS
)
ADMIN_PERMISSIONS = 1 << 3
TIMESTAMP = "2021-04-26T12:00:00.000000+00:00"


class Ids:
    """Unique, increasing snowflake-sized ids."""

    def __init__(self, start: int = 1_100_000_000_000_000_000) -> None:
        self._counter: Iterator[int] = itertools.count(start)

    def next(self) -> int:
        return next(self._counter)


def user(user_id: int, name: str, *, bot: bool = False) -> Json:
    return {
        "id": str(user_id),
        "username": name,
        "global_name": name,
        "discriminator": "0",
        "avatar": None,
        "bot": bot,
        "public_flags": 0,
        "flags": 0,
        "mfa_enabled": False,
        "verified": True,
    }


def application(app_id: int, owner: Json) -> Json:
    return {
        "id": str(app_id),
        "name": "articlebot",
        "description": "",
        "icon": None,
        "bot_public": False,
        "bot_require_code_grant": False,
        "owner": owner,
        "verify_key": "0" * 64,
        "flags": 0,
        "summary": "",
        "team": None,
    }


def role(role_id: int, name: str, permissions: int, *, managed_by: int | None = None) -> Json:
    payload: Json = {
        "id": str(role_id),
        "name": name,
        "permissions": str(permissions),
        "position": 0 if managed_by is None else 1,
        "color": 0,
        "hoist": False,
        "managed": managed_by is not None,
        "mentionable": False,
        "flags": 0,
    }
    if managed_by is not None:
        payload["tags"] = {"bot_id": str(managed_by)}
    return payload


def member(user_payload: Json, roles: list[int] | tuple[int, ...] = ()) -> Json:
    return {
        "user": user_payload,
        "roles": [str(role_id) for role_id in roles],
        "joined_at": TIMESTAMP,
        "deaf": False,
        "mute": False,
        "flags": 0,
        "nick": None,
    }


def channel(channel_id: int, name: str, guild_id: int, *, deny_everyone: int = 0) -> Json:
    """A guild text channel; ``deny_everyone`` are permissions taken from @everyone there."""
    overwrites = []
    if deny_everyone:
        overwrites.append(
            {"id": str(guild_id), "type": 0, "allow": "0", "deny": str(deny_everyone)}
        )
    return {
        "id": str(channel_id),
        "type": 0,
        "guild_id": str(guild_id),
        "name": name,
        "position": 0,
        "permission_overwrites": overwrites,
        "nsfw": False,
        "parent_id": None,
        "topic": None,
        "last_message_id": None,
        "rate_limit_per_user": 0,
        "flags": 0,
    }


def guild(
    guild_id: int, name: str, *, roles: list[Json], members: list[Json], channels: list[Json]
) -> Json:
    return {
        "id": str(guild_id),
        "name": name,
        "icon": None,
        "owner_id": "1",
        "roles": roles,
        "emojis": [],
        "stickers": [],
        "features": [],
        "member_count": len(members),
        "members": members,
        "channels": channels,
        "threads": [],
        "voice_states": [],
        "presences": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
        "large": False,
        "unavailable": False,
        "joined_at": TIMESTAMP,
        "premium_tier": 0,
        "verification_level": 0,
        "default_message_notifications": 0,
        "explicit_content_filter": 0,
        "mfa_level": 0,
        "nsfw_level": 0,
        "preferred_locale": "en-US",
        "afk_channel_id": None,
        "system_channel_id": None,
        "system_channel_flags": 0,
    }


def message(
    message_id: int,
    channel_id: int,
    author: Json,
    content: str,
    *,
    guild_id: int | None = None,
    mentions: list[Json] | None = None,
    mention_roles: list[int] | None = None,
    mention_everyone: bool = False,
    reply_to: Json | None = None,
    embeds: list[Json] | None = None,
    webhook_id: int | None = None,
) -> Json:
    """A message as MESSAGE_CREATE carries it (and as creating one returns it)."""
    payload: Json = {
        "id": str(message_id),
        "channel_id": str(channel_id),
        "author": author,
        "content": content,
        "timestamp": TIMESTAMP,
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": mention_everyone,
        "mentions": mentions or [],
        "mention_roles": [str(role_id) for role_id in mention_roles or []],
        "attachments": [],
        "embeds": embeds or [],
        "pinned": False,
        "type": 0 if reply_to is None else 19,
        "flags": 0,
        "components": [],
    }
    if guild_id is not None:
        payload["guild_id"] = str(guild_id)
        if not author.get("bot"):
            payload["member"] = {k: v for k, v in member(author).items() if k != "user"}
    if reply_to is not None:
        payload["message_reference"] = {
            "type": 0,
            "message_id": reply_to["id"],
            "channel_id": reply_to["channel_id"],
            **({"guild_id": str(guild_id)} if guild_id is not None else {}),
        }
        payload["referenced_message"] = reply_to
    if webhook_id is not None:
        payload["webhook_id"] = str(webhook_id)
    return payload


def interaction(
    interaction_id: int,
    token: str,
    *,
    app_id: int,
    command: Json,
    asker: Json,
    options: dict[str, str] | None = None,
    guild_id: int | None,
    channel_id: int,
    app_permissions: int = BOT_PERMISSIONS,
) -> Json:
    """An INTERACTION_CREATE for slash ``command`` (as registered) with string ``options``."""
    payload: Json = {
        "id": str(interaction_id),
        "application_id": str(app_id),
        "type": 2,
        "token": token,
        "version": 1,
        "channel_id": str(channel_id),
        "app_permissions": str(app_permissions),
        "locale": "en-US",
        "entitlements": [],
        "attachment_size_limit": 10 * 1024 * 1024,
        "data": {
            "id": command["id"],
            "name": command["name"],
            "type": 1,
            "options": [
                {"name": name, "type": 3, "value": value} for name, value in (options or {}).items()
            ],
        },
    }
    if guild_id is not None:
        payload["guild_id"] = str(guild_id)
        payload["channel"] = {"id": str(channel_id), "type": 0, "guild_id": str(guild_id)}
        payload["member"] = {**member(asker), "permissions": str(BOT_PERMISSIONS)}
        payload["authorizing_integration_owners"] = {"0": str(guild_id)}
        payload["context"] = 0
    else:
        payload["channel"] = {"id": str(channel_id), "type": 1, "recipients": [asker]}
        payload["user"] = asker
        payload["context"] = 1
    return payload


def message_command(interaction_id: int, token: str, *, target: Json, **context: Any) -> Json:
    """An INTERACTION_CREATE for message context-menu ``command`` used on message ``target``.

    ``context`` is as for :func:`interaction` (``app_id``, ``command``, ``asker``, ...).
    """
    payload = interaction(interaction_id, token, **context)
    data = {key: value for key, value in payload["data"].items() if key != "options"}
    payload["data"] = {
        **data,
        "type": 3,
        "target_id": target["id"],
        "resolved": {"messages": {target["id"]: target}},
    }
    return payload
