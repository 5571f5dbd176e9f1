"""A stand-in for Discord on 127.0.0.1: the REST API and the gateway a bot talks to.

The real discord.py client of ``articlebot discord`` logs in, syncs its slash
commands, connects to the gateway and answers messages here exactly as it
would with Discord, while a test plays the users: :meth:`DiscordStandIn.send_message`
and :meth:`DiscordStandIn.run_command` push MESSAGE_CREATE and
INTERACTION_CREATE events, and every REST request the bot makes is recorded
(:attr:`DiscordStandIn.requests`) for the test to inspect or await.

Tests can script responses: :meth:`DiscordStandIn.script` puts a responder in
front of the default routes for the next ``times`` matching requests (a 429
with ``retry_after`` from :func:`rate_limited`, a 500 or 403 on send, an expired
interaction token from :func:`unknown_interaction`), and
:meth:`DiscordStandIn.drop_gateway` closes the websocket,
:meth:`DiscordStandIn.invalidate_session` makes the client identify again. A request no route
knows is logged as an error and answered 404, so a failing test says which
call the stand-in does not know yet.
"""

from __future__ import annotations

import asyncio
import inspect
import itertools
import json
import logging
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from tests.discord_standin import payloads
from tests.discord_standin.gateway import GatewayConnection, Op

__all__ = [
    "DiscordStandIn",
    "RecordedRequest",
    "json_response",
    "rate_limited",
    "unknown_interaction",
]

_log = logging.getLogger(__name__)

Json = dict[str, Any]
Responder = Callable[["RecordedRequest"], web.StreamResponse | Awaitable[web.StreamResponse]]

API_PREFIX = "/api/v10"
HEARTBEAT_INTERVAL_MS = 41_250
EPHEMERAL_FLAG = 1 << 6


@dataclass(frozen=True, slots=True)
class RecordedRequest:
    """A REST request the bot made: the path is relative to the API base."""

    method: str
    path: str
    query: dict[str, str]
    body: Any
    authorization: str | None
    received_at: float = field(default_factory=time.monotonic)  # when the stand-in read it

    def matches(self, method: str, pattern: str) -> bool:
        return self.method == method and re.fullmatch(pattern, self.path) is not None


@dataclass(slots=True)
class _Script:
    method: str
    pattern: str
    respond: Responder
    times: int | None  # None: every matching request


@dataclass(slots=True)
class _Route:
    method: str
    pattern: str
    handle: Callable[[RecordedRequest, re.Match[str]], Awaitable[web.StreamResponse]]


def json_body(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    """A JSON response typed exactly ``application/json``, as Discord sends it.

    discord.py decodes a body only when the content type is exactly that, so
    aiohttp's ``json_response`` (which appends a charset) will not do.
    """
    return web.Response(
        body=json.dumps(body).encode(),
        status=status,
        headers=headers,
        content_type="application/json",
    )


def json_response(
    status: int, body: Any = None, headers: dict[str, str] | None = None
) -> Responder:
    """A responder for :meth:`DiscordStandIn.script`: ``status`` with ``body`` as JSON."""

    def respond(_: RecordedRequest) -> web.StreamResponse:
        if body is None:
            return web.Response(status=status, headers=headers)
        return json_body(body, status, headers)

    return respond


def rate_limited(retry_after: float, *, is_global: bool = False) -> Responder:
    """A 429 as Discord sends it: JSON ``retry_after`` and the headers discord.py checks.

    discord.py takes a 429 without a ``Via`` header for a Cloudflare ban and
    gives up at once, so the header is part of a faithful rate limit.
    """
    headers = {
        "Via": "1.1 google",
        "Retry-After": str(max(1, round(retry_after))),
        "X-RateLimit-Scope": "global" if is_global else "user",
    }
    body = {"message": "You are being rate limited.", "retry_after": retry_after}
    return json_response(429, {**body, "global": is_global}, headers)


def unknown_interaction() -> Responder:
    """What Discord answers once an interaction's token has expired (after 3 s, or 15 min)."""
    return json_response(404, {"message": "Unknown interaction", "code": 10062})


@dataclass
class DiscordStandIn:
    """One guild with a bot, two text channels (one forbids embeds) and any number of users."""

    token: str = "stand-in-token"
    ids: payloads.Ids = field(default_factory=payloads.Ids)
    requests: list[RecordedRequest] = field(default_factory=list)
    unknown_requests: list[RecordedRequest] = field(default_factory=list)
    identifies: list[Json] = field(default_factory=list)
    resumes: list[Json] = field(default_factory=list)
    commands: dict[int | None, list[Json]] = field(default_factory=dict)
    messages: dict[int, Json] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.app_id = self.ids.next()
        self.bot_user = payloads.user(self.app_id, "articlebot", bot=True)
        self.owner = payloads.user(self.ids.next(), "owner")
        self.guild_id = self.ids.next()
        self.bot_role_id = self.ids.next()
        self.channel_id = self.ids.next()
        self.no_embed_channel_id = self.ids.next()
        self.users: dict[int, Json] = {self.app_id: self.bot_user}
        self.connection: GatewayConnection | None = None
        self._scripts: list[_Script] = []
        self._routes = self._default_routes()
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self._tokens = (f"interaction-token-{n}" for n in itertools.count())
        self.base_url = ""

    # -- lifecycle -------------------------------------------------------

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self._rest)
        app.router.add_route("*", "/{tail:.*}", self._unknown)
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.base_url = f"http://{host}:{port}"

    async def close(self) -> None:
        if self.connection is not None:
            await self.connection.socket.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_base(self) -> str:
        return self.base_url + API_PREFIX

    @property
    def gateway_url(self) -> str:
        return self.base_url.replace("http://", "ws://", 1) + "/gateway"

    # -- what a test does ------------------------------------------------

    def script(self, method: str, pattern: str, respond: Responder, times: int | None = 1) -> None:
        """Answer the next ``times`` requests that match ``method`` and ``pattern`` by ``respond``.

        ``pattern`` is a regular expression over the whole path after the API
        base; ``times=None`` keeps the script for every matching request.
        """
        self._scripts.append(_Script(method, pattern, respond, times))

    def new_user(self, name: str, *, bot: bool = False) -> Json:
        created = payloads.user(self.ids.next(), name, bot=bot)
        self.users[int(created["id"])] = created
        return created

    async def send_message(
        self, author: Json, content: str, *, channel_id: int | None = None, **extra: Any
    ) -> Json:
        """Post a message in the guild (``channel_id`` defaults to the embed-friendly channel).

        Mentions are read from ``content`` as Discord does, unless given in ``extra``.
        """
        extra = {**self._mentions_in(content), **extra}
        data = payloads.message(
            self.ids.next(),
            channel_id or self.channel_id,
            author,
            content,
            guild_id=self.guild_id,
            **extra,
        )
        return await self._create_message(data)

    async def send_dm(self, author: Json, content: str) -> Json:
        """Send a direct message to the bot (a DM channel per user)."""
        data = payloads.message(self.ids.next(), int(author["id"]) + 1, author, content)
        return await self._create_message(data)

    def _mentions_in(self, content: str) -> Json:
        users = [int(found) for found in re.findall(r"<@!?(\d+)>", content)]
        return {
            "mentions": [self.users[user_id] for user_id in users if user_id in self.users],
            "mention_roles": [int(found) for found in re.findall(r"<@&(\d+)>", content)],
            "mention_everyone": "@everyone" in content or "@here" in content,
        }

    def mention(self) -> str:
        return f"<@{self.app_id}>"

    async def run_command(self, name: str, asker: Json, **options: str) -> Json:
        """Use slash command ``name`` in the guild channel; return the interaction sent."""
        command = self.command(name)
        data = payloads.interaction(
            self.ids.next(),
            next(self._tokens),
            app_id=self.app_id,
            command=command,
            asker=asker,
            options=options,
            guild_id=self.guild_id,
            channel_id=self.channel_id,
        )
        await self._dispatch("INTERACTION_CREATE", data)
        return data

    async def run_message_command(self, name: str, asker: Json, target: Json) -> Json:
        """Use message context-menu command ``name`` on ``target``; return the interaction."""
        data = payloads.message_command(
            self.ids.next(),
            next(self._tokens),
            app_id=self.app_id,
            command=self.command(name),
            asker=asker,
            target=target,
            guild_id=self.guild_id,
            channel_id=int(target["channel_id"]),
        )
        await self._dispatch("INTERACTION_CREATE", data)
        return data

    def command(self, name: str) -> Json:
        """The registered command called ``name`` (guild commands first)."""
        for registered in (*self.commands.get(self.guild_id, []), *self.commands.get(None, [])):
            if registered["name"] == name:
                return registered
        raise LookupError(f"no command {name!r} registered; have {self.commands}")

    async def drop_gateway(self, code: int = 4000) -> None:
        """Close the gateway connection, as Discord does when it restarts a node."""
        if self.connection is not None:
            await self.connection.socket.close(code=code)

    async def invalidate_session(self, *, resumable: bool = False) -> None:
        """Send INVALID_SESSION: the client must identify afresh (or resume, if ``resumable``)."""
        if self.connection is not None:
            await self.connection.send(Op.INVALID_SESSION, resumable)

    async def dispatch(self, event: str, data: Json) -> None:
        """Send any dispatch event to the connected client."""
        await self._dispatch(event, data)

    async def wait_for_request(
        self, predicate: Callable[[RecordedRequest], bool], timeout: float = 5.0
    ) -> RecordedRequest:
        """The first recorded request (past or future) for which ``predicate`` holds."""
        async with asyncio.timeout(timeout), self._changed:
            while True:
                for request in self.requests:
                    if predicate(request):
                        return request
                await self._changed.wait()

    async def wait_until_connected(self, timeout: float = 5.0) -> None:
        """Wait until the client has identified or resumed on a live connection (after a drop)."""

        def connected() -> bool:
            return self.connection is not None and self.connection.open and self.connection.started

        async with asyncio.timeout(timeout), self._changed:
            await self._changed.wait_for(connected)

    async def wait_until_ready(self, timeout: float = 15.0) -> None:
        """Wait until the bot has identified on the gateway and registered its commands."""
        async with asyncio.timeout(timeout), self._changed:
            await self._changed.wait_for(lambda: bool(self.identifies) and bool(self.commands))

    def replies_to(self, message: Json) -> list[RecordedRequest]:
        """The bot's messages sent so far as replies to ``message``."""
        return [
            request
            for request in self.requests
            if request.matches("POST", r"/channels/\d+/messages")
            and (request.body.get("message_reference") or {}).get("message_id")
            in (message["id"], int(message["id"]))
        ]

    def reply_message(self, message: Json) -> Json:
        """The message the bot posted in reply to ``message`` (as the gateway echoed it)."""
        for posted in self.messages.values():
            reference = posted.get("message_reference") or {}
            if (
                posted["author"]["id"] == self.bot_user["id"]
                and reference.get("message_id") == message["id"]
            ):
                return posted
        raise LookupError(f"the bot has not replied to message {message['id']}")

    async def wait_for_reply(self, message: Json, timeout: float = 5.0) -> RecordedRequest:
        await self.wait_for_request(lambda _: bool(self.replies_to(message)), timeout)
        return self.replies_to(message)[0]

    # -- gateway ---------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.StreamResponse:
        socket = web.WebSocketResponse(autoping=True, max_msg_size=0)
        await socket.prepare(request)
        try:
            previous = self.connection.sequence if self.connection is not None else 0
            connection = GatewayConnection(socket, request.query.get("compress"), previous)
        except ValueError:
            await socket.close(code=4000)
            return socket
        self.connection = connection
        await connection.send(Op.HELLO, {"heartbeat_interval": HEARTBEAT_INTERVAL_MS})
        async for frame in socket:
            if frame.type is not WSMsgType.TEXT:
                _log.error("gateway: unexpected frame %s", frame.type)
                continue
            await self._on_gateway_payload(connection, json.loads(frame.data))
        return socket

    async def _on_gateway_payload(self, connection: GatewayConnection, payload: Json) -> None:
        op = payload.get("op")
        data: Json = payload.get("d") or {}
        if op in (Op.IDENTIFY, Op.RESUME) and data.get("token") != self.token:
            await connection.socket.close(code=4004)  # authentication failed
        elif op == Op.HEARTBEAT:
            await connection.send(Op.HEARTBEAT_ACK, None)
        elif op == Op.IDENTIFY:
            await connection.dispatch("READY", self._ready())
            await connection.dispatch("GUILD_CREATE", self._guild())
            self.identifies.append(data)
            await self._session_started(connection)
        elif op == Op.RESUME:
            await connection.dispatch("RESUMED", {})
            self.resumes.append(data)
            await self._session_started(connection)
        elif op != Op.PRESENCE_UPDATE:
            _log.error("gateway: unknown op %s: %s", op, payload)

    async def _session_started(self, connection: GatewayConnection) -> None:
        async with self._changed:
            connection.started = True
            self._changed.notify_all()

    async def _dispatch(self, event: str, data: Json) -> None:
        if self.connection is None or not self.connection.open:
            raise RuntimeError(f"cannot send {event}: the bot is not connected")
        await self.connection.dispatch(event, data)

    async def _create_message(self, data: Json) -> Json:
        self.messages[int(data["id"])] = data
        await self._dispatch("MESSAGE_CREATE", data)
        return data

    def _ready(self) -> Json:
        return {
            "v": 10,
            "user": self.bot_user,
            "guilds": [{"id": str(self.guild_id), "unavailable": True}],
            "session_id": "stand-in-session",
            "resume_gateway_url": self.gateway_url,
            "application": {"id": str(self.app_id), "flags": 0},
            "private_channels": [],
            "relationships": [],
        }

    def _guild(self) -> Json:
        roles = [
            payloads.role(self.guild_id, "@everyone", payloads.BOT_PERMISSIONS),
            payloads.role(
                self.bot_role_id, "articlebot", payloads.BOT_PERMISSIONS, managed_by=self.app_id
            ),
        ]
        channels = [
            payloads.channel(self.channel_id, "general", self.guild_id),
            payloads.channel(
                self.no_embed_channel_id,
                "no-embeds",
                self.guild_id,
                deny_everyone=payloads.EMBED_LINKS,
            ),
        ]
        members = [payloads.member(self.bot_user, roles=[self.bot_role_id])]
        return payloads.guild(
            self.guild_id, "stand-in guild", roles=roles, members=members, channels=channels
        )

    # -- REST ------------------------------------------------------------

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        recorded = await self._record(request, request.path.removeprefix(API_PREFIX))
        if recorded.authorization not in (f"Bot {self.token}", None):
            return json_body({"message": "401: Unauthorized", "code": 0}, 401)
        for script in self._scripts:
            if recorded.matches(script.method, script.pattern) and script.times != 0:
                if script.times is not None:
                    script.times -= 1
                response = script.respond(recorded)
                return await response if inspect.isawaitable(response) else response
        for route in self._routes:
            match = re.fullmatch(route.pattern, recorded.path)
            if match and route.method == recorded.method:
                return await route.handle(recorded, match)
        return self._not_found(recorded)

    async def _unknown(self, request: web.Request) -> web.StreamResponse:
        return self._not_found(await self._record(request, request.path))

    def _not_found(self, recorded: RecordedRequest) -> web.StreamResponse:
        _log.error("stand-in: no route for %s %s", recorded.method, recorded.path)
        self.unknown_requests.append(recorded)
        return json_body({"message": "404: Not Found", "code": 0}, 404)

    async def _record(self, request: web.Request, path: str) -> RecordedRequest:
        raw = await request.read()
        body: Any = None
        if raw:
            try:
                body = json.loads(raw)
            except ValueError:
                body = raw
        recorded = RecordedRequest(
            request.method, path, dict(request.query), body, request.headers.get("Authorization")
        )
        async with self._changed:
            self.requests.append(recorded)
            self._changed.notify_all()
        return recorded

    def _default_routes(self) -> list[_Route]:
        return [
            _Route("GET", r"/users/@me", self._current_user),
            _Route("GET", r"/oauth2/applications/@me", self._application),
            _Route("GET", r"/gateway(/bot)?", self._gateway_info),
            _Route(
                "PUT", r"/applications/\d+(/guilds/(?P<guild>\d+))?/commands", self._put_commands
            ),
            _Route(
                "GET", r"/applications/\d+(/guilds/(?P<guild>\d+))?/commands", self._get_commands
            ),
            _Route("POST", r"/channels/(?P<channel>\d+)/messages", self._post_message),
            _Route("POST", r"/channels/\d+/typing", self._typing),
            _Route("POST", r"/interactions/(?P<id>\d+)/(?P<token>[^/]+)/callback", self._callback),
            _Route("POST", r"/webhooks/\d+/(?P<token>[^/]+)", self._followup),
        ]

    async def _current_user(self, _: RecordedRequest, __: re.Match[str]) -> web.StreamResponse:
        return json_body(self.bot_user)

    async def _application(self, _: RecordedRequest, __: re.Match[str]) -> web.StreamResponse:
        return json_body(payloads.application(self.app_id, self.owner))

    async def _gateway_info(self, _: RecordedRequest, __: re.Match[str]) -> web.StreamResponse:
        limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
        return json_body({"url": self.gateway_url, "shards": 1, "session_start_limit": limit})

    async def _put_commands(
        self, request: RecordedRequest, match: re.Match[str]
    ) -> web.StreamResponse:
        guild = int(match["guild"]) if match["guild"] else None
        registered = [
            {
                "description": "",  # as Discord fills in for context-menu commands
                **command,
                "id": str(self.ids.next()),
                "application_id": str(self.app_id),
                "version": "1",
                **({"guild_id": str(guild)} if guild is not None else {}),
            }
            for command in request.body or []
        ]
        async with self._changed:
            self.commands[guild] = registered
            self._changed.notify_all()
        return json_body(registered)

    async def _get_commands(self, _: RecordedRequest, match: re.Match[str]) -> web.StreamResponse:
        guild = int(match["guild"]) if match["guild"] else None
        return json_body(self.commands.get(guild, []))

    async def _post_message(
        self, request: RecordedRequest, match: re.Match[str]
    ) -> web.StreamResponse:
        body = request.body or {}
        reference = body.get("message_reference") or {}
        replied = self.messages.get(int(reference["message_id"])) if reference else None
        data = payloads.message(
            self.ids.next(),
            int(match["channel"]),
            self.bot_user,
            body.get("content") or "",
            guild_id=int(replied["guild_id"]) if replied and "guild_id" in replied else None,
            embeds=body.get("embeds"),
            reply_to=replied,
        )
        # Discord echoes the bot's own messages back on the gateway; the bot must ignore them.
        await self._create_message(data)
        return json_body(data)

    async def _typing(self, _: RecordedRequest, __: re.Match[str]) -> web.StreamResponse:
        return web.Response(status=204)

    async def _callback(self, request: RecordedRequest, match: re.Match[str]) -> web.StreamResponse:
        body = request.body or {}
        reply = body.get("data") or {}
        data = self._interaction_message(reply)
        ephemeral = bool(reply.get("flags", 0) & EPHEMERAL_FLAG)
        return json_body(
            {
                "interaction": {
                    "id": match["id"],
                    "type": 2,
                    "response_message_id": data["id"],
                    "response_message_loading": False,
                    "response_message_ephemeral": ephemeral,
                },
                "resource": {"type": body.get("type", 4), "message": data},
            }
        )

    async def _followup(self, request: RecordedRequest, _: re.Match[str]) -> web.StreamResponse:
        return json_body(self._interaction_message(request.body or {}))

    def _interaction_message(self, body: Json) -> Json:
        """The message an interaction response or follow-up posts (commands run in the guild)."""
        data = payloads.message(
            self.ids.next(),
            self.channel_id,
            self.bot_user,
            body.get("content") or "",
            guild_id=self.guild_id,
            embeds=body.get("embeds"),
        )
        self.messages[int(data["id"])] = data
        return data
