"""End to end: reading links with the real ``articlebot discord`` against the stand-in of Discord.

Pages come from a web server on 127.0.0.1 (:mod:`tests.page_server`). The main
bot runs with ``ARTICLEBOT_FETCH_ALLOW_PRIVATE=true``, the test setting that
lets it read from loopback; a second bot, with the setting off as in
production, must refuse the same server. Each test plays new users, so one
test's cooldowns cannot silence another.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
import pytest_asyncio

from bot.composer import answer
from bot.discord_app.cogs.reading import MENU_NAME
from bot.discord_app.replies import render_answer
from bot.knowledge import Knowledge
from bot.reading import read_knowledge
from tests.discord_standin import DiscordStandIn, RecordedRequest
from tests.discord_standin.in_process import bot_in_this_loop
from tests.discord_standin.process import BotProcess, start_ready_bot
from tests.page_server import FIXTURES, Page, PageServer

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

PAGES = {
    "/pier.html": Page((FIXTURES / "tabloid_pier.html").read_bytes()),
    "/fisheries.html": Page((FIXTURES / "broadsheet_fisheries.html").read_bytes()),
    "/train.html": Page((FIXTURES / "wire_hydrogen_train.html").read_bytes()),
    "/journal.html": Page((FIXTURES / "journal_news.html").read_bytes()),
    "/cached.html": Page((FIXTURES / "magazine_syndicated.html").read_bytes()),
    "/held.html": Page((FIXTURES / "journal_news.html").read_bytes(), hold=True),
}
EPHEMERAL = 64
SLOW = 30.0  # a first read starts the reading processes: allow for a busy machine


class Reader:
    """The stand-in, the bot, and the page server, with the steps a user takes."""

    def __init__(self, standin: DiscordStandIn, bot: BotProcess, pages: PageServer) -> None:
        self.standin = standin
        self.bot = bot
        self.pages = pages

    async def command(self, name: str, user: dict[str, Any] | None = None, **options: str) -> Any:
        """Run slash command ``name``; return (interaction, its callback request)."""
        user = user or self.standin.new_user("reader")
        interaction = await self.standin.run_command(name, user, **options)
        return interaction, await self.callback(interaction)

    async def callback(self, interaction: dict[str, Any]) -> RecordedRequest:
        return await self.standin.wait_for_request(
            lambda r: r.matches("POST", rf"/interactions/{interaction['id']}/[^/]+/callback"),
            timeout=SLOW,
        )

    async def follow_up(self, interaction: dict[str, Any]) -> RecordedRequest:
        """The message that replaced a deferred ("thinking…") response."""
        token = re.escape(interaction["token"])
        return await self.standin.wait_for_request(
            lambda r: r.matches("POST", rf"/webhooks/\d+/{token}"), timeout=SLOW
        )

    async def read(self, path: str, user: dict[str, Any] | None = None) -> RecordedRequest:
        """``/read`` the page at ``path``; return the message that says what was read."""
        interaction, callback = await self.command("read", user, url=self.pages.url(path))
        if callback.body["type"] == 5:  # deferred while the page is read
            return await self.follow_up(interaction)
        return callback


def embed(request: RecordedRequest) -> dict[str, Any]:
    body = request.body.get("data") or request.body
    embeds = body.get("embeds") or []
    assert len(embeds) == 1, request.body
    found: dict[str, Any] = embeds[0]
    return found


def expected_answer(knowledge: Knowledge, question: str) -> str:
    """What the bot must say to ``question`` about the page ``knowledge`` holds."""
    return render_answer(answer(question, knowledge), knowledge.article.title).description


@pytest.fixture(scope="module")
def pages() -> Iterator[PageServer]:
    with PageServer(PAGES) as server:
        yield server


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def reader(
    pages: PageServer, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Reader]:
    standin = DiscordStandIn()
    await standin.start()
    bot = await start_ready_bot(
        standin,
        tmp_path_factory.mktemp("bot"),
        ARTICLEBOT_FETCH_ALLOW_PRIVATE="true",
        ARTICLEBOT_COOLDOWN_SECONDS="0",
        ARTICLEBOT_READ_COOLDOWN_SECONDS="60",
    )
    yield Reader(standin, bot, pages)
    status = await bot.stop()
    await standin.close()
    assert status == 0, bot.output  # readers and all, closed cleanly
    assert "Traceback" not in bot.output
    assert standin.unknown_requests == []


async def test_read_commands_are_registered_for_everyone(reader: Reader) -> None:
    read = reader.standin.command("read")
    menu = reader.standin.command(MENU_NAME)

    assert [option["name"] for option in read["options"]] == ["url"]
    assert menu["type"] == 3  # a message context-menu command
    # Unset: anyone may use them until a server's admins restrict them.
    assert read.get("default_member_permissions") is None
    assert menu.get("default_member_permissions") is None
    _, shown = await reader.command("help")
    assert "`/read`" in embed(shown)["description"]


async def test_read_then_a_question_is_answered_from_that_page(reader: Reader) -> None:
    knowledge = read_knowledge(reader.pages.url("/pier.html"))
    user = reader.standin.new_user("pier reader")

    confirmation = embed(await reader.read("/pier.html", user))

    assert (
        confirmation["title"]
        == "Brackenmouth pier reopens after £4m restoration as crowds flock back"
    )
    assert "The Daily Clarion · 2023-06-14" in confirmation["description"]
    assert "`/ask`" in confirmation["description"]
    question = "how much did the restoration cost?"
    message = await reader.standin.send_message(user, f"{reader.standin.mention()} {question}")
    reply = await reader.standin.wait_for_reply(message)
    assert embed(reply)["description"] == expected_answer(knowledge, question)
    assert reply.body["allowed_mentions"]["parse"] == []
    # /ask in the same channel answers from the page too.
    _, asked = await reader.command("ask", question=question)
    assert embed(asked)["description"] == expected_answer(knowledge, question)


async def test_a_mention_holding_one_link_reads_it(reader: Reader) -> None:
    user = reader.standin.new_user("linker")
    link = f"<{reader.pages.url('/fisheries.html')}>"

    message = await reader.standin.send_message(user, f"{reader.standin.mention()} {link}")
    reply = await reader.standin.wait_for_reply(message, timeout=SLOW)

    knowledge = read_knowledge(reader.pages.url("/fisheries.html"))
    assert embed(reply)["title"] == knowledge.article.title
    question = "who announced the quotas?"
    asked = await reader.standin.send_message(user, f"{reader.standin.mention()} {question}")
    answered = await reader.standin.wait_for_reply(asked)
    assert embed(answered)["description"] == expected_answer(knowledge, question)


async def test_ask_about_this_link_reads_the_link_in_a_message(reader: Reader) -> None:
    author = reader.standin.new_user("sharer")
    shared = await reader.standin.send_message(
        author, f"Big news this morning: {reader.pages.url('/train.html')}."
    )

    interaction = await reader.standin.run_message_command(
        MENU_NAME, reader.standin.new_user("curious"), shared
    )
    callback = await reader.callback(interaction)
    assert callback.body["type"] == 5  # "articlebot is thinking…" while it reads
    result = await reader.follow_up(interaction)

    title = read_knowledge(reader.pages.url("/train.html")).article.title
    assert embed(result)["title"] == title
    assert reader.standin.replies_to(shared) == []  # the bot never answered the plain message


async def test_a_message_without_a_link_is_told_so_privately(reader: Reader) -> None:
    shared = await reader.standin.send_message(reader.standin.new_user("talker"), "no link here")

    interaction = await reader.standin.run_message_command(
        MENU_NAME, reader.standin.new_user("curious"), shared
    )
    callback = await reader.callback(interaction)
    assert callback.body["data"]["flags"] & EPHEMERAL
    assert "no web link" in embed(callback)["description"]


async def test_a_second_read_within_the_cooldown_is_told_to_wait(reader: Reader) -> None:
    user = reader.standin.new_user("eager")
    await reader.read("/journal.html", user)

    _, callback = await reader.command("read", user, url=reader.pages.url("/train.html"))

    assert callback.body["data"]["flags"] & EPHEMERAL
    assert "you can ask me to read another in" in embed(callback)["description"]


async def test_a_page_read_again_is_served_from_the_cache(reader: Reader) -> None:
    first = await reader.read("/cached.html")
    fetched = reader.pages.requests["/cached.html"]

    _, again = await reader.command("read", url=reader.pages.url("/cached.html"))

    assert again.body["type"] == 4  # answered at once, not deferred
    assert embed(again)["title"] == embed(first)["title"]
    assert reader.pages.requests["/cached.html"] == fetched  # not fetched again


async def test_articles_lists_what_the_channel_read(reader: Reader) -> None:
    await reader.read("/pier.html")  # the last page read is the channel's

    _, listing = await reader.command("articles")

    description = embed(listing)["description"]
    assert "Read in this channel:" in description
    assert re.search(r"\d+\. Brackenmouth pier reopens .* ← this channel", description)


async def test_an_address_that_is_not_http_is_refused_at_once(reader: Reader) -> None:
    _, callback = await reader.command("read", url="file:///etc/passwd")

    assert callback.body["type"] == 4
    assert callback.body["data"]["flags"] & EPHEMERAL
    assert "only http and https" in embed(callback)["description"]


async def test_with_private_addresses_refused_a_loopback_page_is_not_read(
    pages: PageServer, tmp_path_factory: pytest.TempPathFactory
) -> None:
    standin = DiscordStandIn()
    await standin.start()
    bot = await start_ready_bot(standin, tmp_path_factory.mktemp("strict"))
    refusing = Reader(standin, bot, pages)
    try:
        before = pages.requests["/pier.html"]
        # Port 80: past the port rule, so the address rule is the one that refuses.
        interaction, callback = await refusing.command("read", url="http://localhost/pier.html")
        result = await refusing.follow_up(interaction) if callback.body["type"] == 5 else callback
        description = embed(result)["description"]
        assert "localhost is a loopback address" in description
        assert "not a public web address" in description
        # The page server's own port is refused before anything is resolved.
        _, refused = await refusing.command("read", url=pages.url("/pier.html"))
        assert "is not a web port" in embed(refused)["description"]
        assert pages.requests["/pier.html"] == before  # nothing reached the server
    finally:
        await bot.stop()
        await standin.close()


async def test_reading_can_be_turned_off(
    monkeypatch: pytest.MonkeyPatch, seed_knowledge: Knowledge, pages: PageServer
) -> None:
    async with bot_in_this_loop(monkeypatch, seed_knowledge, read_enabled=False) as running:
        standin, _ = running
        names = {command["name"] for command in standin.commands[None]}
        assert "read" not in names
        assert MENU_NAME not in names
        assert {"ask", "articles", "use"} <= names
        helped = await standin.run_command("help", standin.new_user("helped"))
        callback = await standin.wait_for_request(
            lambda r: r.matches("POST", rf"/interactions/{helped['id']}/[^/]+/callback")
        )
        assert "/read" not in embed(callback)["description"]
        before = pages.requests["/pier.html"]
        link = pages.url("/pier.html")
        message = await standin.send_message(
            standin.new_user("linker"), f"{standin.mention()} {link}"
        )
        reply = await standin.wait_for_reply(message)
        assert "Read from" not in embed(reply)["description"]  # a question like any other
        assert pages.requests["/pier.html"] == before  # nothing was fetched


async def test_stopping_the_bot_while_it_reads_ends_the_reader_cleanly(
    pages: PageServer, tmp_path_factory: pytest.TempPathFactory
) -> None:
    standin = DiscordStandIn()
    await standin.start()
    bot = await start_ready_bot(
        standin, tmp_path_factory.mktemp("stopped"), ARTICLEBOT_FETCH_ALLOW_PRIVATE="true"
    )
    reading = Reader(standin, bot, pages)
    try:
        _, callback = await reading.command("read", url=pages.url("/held.html"))
        assert callback.body["type"] == 5  # reading: the server holds the page back
        while pages.requests["/held.html"] == 0:
            await asyncio.sleep(0.05)
        started = time.monotonic()
        status = await bot.stop()
    finally:
        await standin.close()

    assert status == 0, bot.output
    assert time.monotonic() - started < 5  # the held read did not keep it waiting
    assert "Traceback" not in bot.output
    assert "stopped unexpectedly" not in bot.output  # the reader was stopped, not broken
