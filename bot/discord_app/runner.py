"""``articlebot discord``: start the Discord bot and run it until stopped.

Problems a user can fix (no token, a token Discord refuses, the message-content
intent not enabled in the developer portal) become a
:class:`~bot.startup.StartupError`: one line on stderr, exit status 2. SIGINT
and SIGTERM close the gateway connection and the HTTP session cleanly and
exit 0. The token is read from settings here and handed only to discord.py.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import re
import signal

import aiohttp
import discord

from bot.composer import ComposerOptions
from bot.conversation import ConversationStore
from bot.discord_app.answering import Answering
from bot.discord_app.client import ArticleBot
from bot.discord_app.cooldown import Cooldown
from bot.discord_app.endpoints import use_api_base
from bot.discord_app.library import ReadLibrary
from bot.discord_app.logs import configure_logging
from bot.discord_app.read_pool import ReadPool
from bot.discord_app.reading import Reading
from bot.discord_app.scopes import ChannelScopes
from bot.settings import Settings
from bot.startup import Runtime, StartupError, start
from bot.terminal import stop_showing_warnings
from retrieval.addresses import AddressPolicy

__all__ = [
    "build_bot",
    "build_reading",
    "freeze_startup_objects",
    "prepare_to_serve",
    "run_discord",
    "warm_up",
]

EXIT_OK = 0
EXIT_FAILED = 1
# A bot token is letters, digits and "._-"; a space or line break inside one would
# reach an HTTP header, where aiohttp refuses it with a traceback.
_TOKEN_CHARACTERS = re.compile(r"[A-Za-z0-9._-]+")

_log = logging.getLogger(__name__)

MISSING_TOKEN = (
    "DISCORD_TOKEN is not set: put DISCORD_TOKEN=<your bot token> in .env (see .env.example) "
    "or in the environment; docs/DISCORD.md shows where to get one"
)
REFUSED_TOKEN = (
    "Discord refused DISCORD_TOKEN: copy a fresh token from the developer portal "
    "(Bot > Reset Token) into .env or the environment"
)
MALFORMED_TOKEN = (
    "DISCORD_TOKEN holds a space, line break or other character no Discord token has: "
    "copy it again from the developer portal (Bot > Reset Token)"
)
UNREACHABLE = (
    "cannot reach Discord at {base} ({reason}); check the network connection"
    "{setting}, then start the bot again"
)
INTENT_NOT_ENABLED = (
    "ARTICLEBOT_MESSAGE_CONTENT=true needs the Message Content intent: enable it in the "
    "developer portal (Bot > Privileged Gateway Intents) or unset ARTICLEBOT_MESSAGE_CONTENT"
)

# One question of each common kind: the composer builds some tables on first use
# (the article's words, the gazetteer of places), 10-30 ms that would otherwise
# fall on the first person to ask, and on the event loop.
WARM_UP_QUESTIONS = (
    "when is it?",
    "where is it?",
    "who said it?",
    "what did they say?",
    "how many are there?",
    "why?",
)


def run_discord(*, cache: bool = True) -> int:
    """Run the Discord bot until it is stopped; return the exit status (``cache``: see start)."""
    runtime = start(cache=cache)
    token = _token(runtime.settings)
    stop_showing_warnings()
    configure_logging(runtime.settings.log_level, secrets=[token])
    if runtime.settings.discord_api_base is not None:
        use_api_base(runtime.settings.discord_api_base)
    bot = build_bot(runtime)
    prepare_to_serve(bot)
    try:
        asyncio.run(_serve(bot, token))
    except discord.LoginFailure:
        raise StartupError(REFUSED_TOKEN) from None
    except discord.PrivilegedIntentsRequired:
        raise StartupError(INTENT_NOT_ENABLED) from None
    except (aiohttp.ClientConnectionError, discord.GatewayNotFound, OSError) as error:
        raise StartupError(_unreachable(runtime.settings, error, token)) from None
    except Exception:
        _log.exception("the Discord bot stopped on an unexpected error")
        return EXIT_FAILED
    return EXIT_OK


def prepare_to_serve(bot: ArticleBot) -> None:
    """Make the loop's first seconds like the rest: warm the composer, freeze start-up objects."""
    warm_up(bot.answering)
    freeze_startup_objects()


def warm_up(answering: Answering) -> None:
    """Answer :data:`WARM_UP_QUESTIONS` once, outside any conversation, and forget them."""
    for question in WARM_UP_QUESTIONS:
        answering.answer(question, None)


def freeze_startup_objects() -> None:
    """Keep the garbage collector from walking what start-up loaded, for good.

    The article, its index, the composer's tables and the libraries are some
    130,000 objects that live as long as the process. A full collection walks
    them all (70-80 ms, measured) on the event loop's thread, stalling every
    handler; a burst of questions allocates enough to set one off. Frozen
    (``gc.freeze``), they are never scanned again, and a full collection walks
    only what was made since.
    """
    gc.collect()
    gc.freeze()


def build_bot(runtime: Runtime) -> ArticleBot:
    """The bot, with its answering path built from ``runtime``'s settings and knowledge."""
    settings = runtime.settings
    library = ReadLibrary(
        max_articles=settings.read_max_articles,
        max_bytes=settings.read_max_mb << 20,
        total_bytes=settings.read_total_mb << 20,
        lifetime=settings.read_cache_seconds,
    )
    scopes = ChannelScopes()
    answering = Answering(
        runtime.knowledge,
        runtime.options,
        ConversationStore(idle_seconds=settings.conversation_idle_seconds),
        Cooldown(settings.cooldown_seconds),
        scopes=scopes,
        library=library,
        reading=settings.read_enabled,
    )
    reading = build_reading(settings, runtime.options, library, scopes)
    return ArticleBot(settings, answering, reading)


def build_reading(
    settings: Settings, options: ComposerOptions, library: ReadLibrary, scopes: ChannelScopes
) -> Reading | None:
    """The ``/read`` service from settings, or None when reading is turned off."""
    if not settings.read_enabled:
        return None
    policy = AddressPolicy(
        allow_private=settings.fetch_allow_private, ports=frozenset(settings.fetch_ports)
    )
    return Reading(
        library,
        ReadPool(policy, max_in_flight=settings.read_max_in_flight),
        cooldown=Cooldown(settings.read_cooldown_seconds),
        scopes=scopes,
        policy=policy,
        options=options,
    )


async def _serve(bot: ArticleBot, token: str) -> None:
    """Run ``bot`` until it stops by itself or a SIGINT/SIGTERM asks it to."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signal_number in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signal_number, stop.set)
    async with bot:
        running = asyncio.create_task(bot.start(token))
        stopping = asyncio.create_task(stop.wait())
        await asyncio.wait({running, stopping}, return_when=asyncio.FIRST_COMPLETED)
        if stopping.done():
            _log.info("stop requested: closing the connection to Discord")
            await bot.close()
        else:
            stopping.cancel()
        await running  # re-raises whatever stopped the bot by itself
    _log.info("closed cleanly")


def _token(settings: Settings) -> str:
    secret = settings.discord_token
    token = secret.get_secret_value().strip() if secret is not None else ""
    if not token:
        raise StartupError(MISSING_TOKEN)
    if not _TOKEN_CHARACTERS.fullmatch(token):
        # Which character, or where, is not said: the message must not leak the token.
        raise StartupError(MALFORMED_TOKEN)
    return token


def _unreachable(settings: Settings, error: BaseException, token: str) -> str:
    """One line for a Discord that cannot be reached (no connection, a wrong API base)."""
    base = settings.discord_api_base
    reason = (str(error) or type(error).__name__).replace(token, "[redacted]")
    setting = " and ARTICLEBOT_DISCORD_API_BASE" if base else ""
    return UNREACHABLE.format(base=base or "discord.com", reason=reason, setting=setting)
