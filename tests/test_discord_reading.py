"""Reading links without Discord: the library's bounds, the service's rules, the replies.

The pages are small articles built in memory and the loader is a stand-in,
so every rule (cooldown, cache, one load for two asks, busy, too large, a
dropped page) is tested with plain values and a stepped clock. The real
reader processes are tested in ``test_read_pool.py``, and everything end to
end in ``test_discord_read_e2e.py``.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field, replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.composer import ComposerOptions, answer
from bot.conversation import Conversation, ConversationStore
from bot.discord_app.answering import Answering
from bot.discord_app.cooldown import Cooldown
from bot.discord_app.library import PageKey, ReadLibrary, ReadPage
from bot.discord_app.links import first_link, lone_link
from bot.discord_app.policy import Incoming, Policy
from bot.discord_app.read_pool import PoolBusyError
from bot.discord_app.read_replies import page_forgotten, page_read, read_failed
from bot.discord_app.reading import Reading, ReadRequest, link_to_read
from bot.discord_app.replies import render_answer
from bot.discord_app.scopes import ChannelScopes
from bot.knowledge import Knowledge
from retrieval import ArticleError, article_from_text
from retrieval.addresses import AddressPolicy
from tests.reliability_inputs import hostile_text, live_mentions
from tests.test_property_discord import assert_sendable

GUILD, OTHER_GUILD = 10, 20
CHANNEL, THREAD = 100, 101
BOT = 999
POOL_TEXT = (
    "Pool saved by the council\n\n"
    "The council voted on Monday to keep the swimming pool open for another year. "
    "More than two thousand residents signed a petition against its closure.\n\n"
    "The mayor, Denise Achterberg, said the pool would reopen on 3 June."
)


def page(url: str, size: int = 1000, read_at: float = 0.0, text: str = POOL_TEXT) -> ReadPage:
    return ReadPage(url, Knowledge.from_article(article_from_text(text, source=url)), size, read_at)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


# -- the library ------------------------------------------------------------


def test_a_server_keeps_its_most_recently_used_pages() -> None:
    library = ReadLibrary(max_articles=2)
    first = library.add(GUILD, CHANNEL, page("https://a.example/1"))
    library.add(GUILD, CHANNEL, page("https://a.example/2"))
    assert library.get(first) is not None  # a use: now the most recent
    library.add(GUILD, CHANNEL, page("https://a.example/3"))

    assert library.get(PageKey(GUILD, "https://a.example/2")) is None
    assert [p.url for p in library.channel_pages(GUILD, CHANNEL)] == [
        "https://a.example/1",
        "https://a.example/3",
    ]


def test_a_server_keeps_within_its_memory_share() -> None:
    library = ReadLibrary(max_articles=20, max_bytes=2500)
    for number in range(4):
        library.add(GUILD, CHANNEL, page(f"https://a.example/{number}", size=1000))

    assert library.owner_size(GUILD) == 2000
    assert library.owner_count(GUILD) == 2


def test_all_servers_together_keep_within_the_total() -> None:
    library = ReadLibrary(max_bytes=2000, total_bytes=3000)
    library.add(GUILD, CHANNEL, page("https://a.example/1"))
    library.add(GUILD, CHANNEL, page("https://a.example/2"))
    library.add(OTHER_GUILD, 200, page("https://b.example/1"))
    library.add(OTHER_GUILD, 200, page("https://b.example/2"))

    assert library.size == 3000
    assert len(library) == 3
    assert library.get(PageKey(GUILD, "https://a.example/1")) is None  # the least recent of all


def test_a_page_read_by_two_servers_is_kept_once() -> None:
    library = ReadLibrary()
    shared = page("https://a.example/story")
    library.add(GUILD, CHANNEL, shared)
    library.add(OTHER_GUILD, 200, shared)

    assert library.size == shared.size
    assert library.owner_size(GUILD) == library.owner_size(OTHER_GUILD) == shared.size


def test_a_page_is_fresh_for_its_lifetime_and_then_replaced() -> None:
    clock = Clock()
    library = ReadLibrary(lifetime=60, clock=clock)
    old = page("https://a.example/story", size=1000, read_at=0)
    key = library.add(GUILD, CHANNEL, old)
    clock.now = 59
    assert library.fresh("https://a.example/story") is old
    clock.now = 60
    assert library.fresh("https://a.example/story") is None

    newer = page("https://a.example/story", size=1500, read_at=60)
    library.add(OTHER_GUILD, 200, newer)
    assert library.get(key) is newer  # the first server sees the newer page too
    assert library.size == 1500


def test_a_page_larger_than_a_share_does_not_fit() -> None:
    library = ReadLibrary(max_bytes=1000)

    assert not library.fits(page("https://a.example/big", size=1001))
    with pytest.raises(ValueError, match="does not fit"):
        library.add(GUILD, CHANNEL, page("https://a.example/big", size=1001))


def test_channels_list_only_what_they_read() -> None:
    library = ReadLibrary()
    library.add(GUILD, CHANNEL, page("https://a.example/1"))
    library.add(GUILD, 300, page("https://a.example/2"))

    assert [p.url for p in library.channel_pages(GUILD, CHANNEL)] == ["https://a.example/1"]
    assert library.channel_pages(OTHER_GUILD, CHANNEL) == []


# -- links ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lone", "first"),
    [
        ("https://news.example/a", "https://news.example/a", "https://news.example/a"),
        ("<https://news.example/a>", "https://news.example/a", "https://news.example/a"),
        ("  HTTP://news.example/a.  ", "HTTP://news.example/a", "HTTP://news.example/a"),
        ("what does https://news.example/a say?", None, "https://news.example/a"),
        ("see [this](https://news.example/a)", None, "https://news.example/a"),
        (
            "https://en.wikipedia.org/wiki/Mercury_(planet)",
            "https://en.wikipedia.org/wiki/Mercury_(planet)",
            "https://en.wikipedia.org/wiki/Mercury_(planet)",
        ),
        ("||https://news.example/a||", None, "https://news.example/a"),
        ("ftp://news.example/a", None, None),
        ("no link at all", None, None),
        ("https://", None, None),
    ],
)
def test_links_in_messages(text: str, lone: str | None, first: str | None) -> None:
    assert lone_link(text) == lone
    assert first_link(text) == first


def _incoming(content: str, **facts: object) -> Incoming:
    base: dict[str, object] = {
        "message_id": 1,
        "author_id": 7,
        "channel_id": CHANNEL,
        "content": content,
        "guild_id": GUILD,
    }
    return Incoming(**{**base, **facts})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("content", "facts", "expected"),
    [
        (f"<@{BOT}> https://news.example/a", {"mentions_bot": True}, "https://news.example/a"),
        (f"<@{BOT}> <https://news.example/a>", {"mentions_bot": True}, "https://news.example/a"),
        ("https://news.example/a", {"is_dm": True, "guild_id": None}, "https://news.example/a"),
        (f"<@{BOT}> what about https://news.example/a?", {"mentions_bot": True}, None),
        ("https://news.example/a", {}, None),  # not addressed to the bot
        (f"<@{BOT}> https://news.example/a", {"mentions_bot": True, "author_is_bot": True}, None),
    ],
)
def test_which_messages_ask_to_read_a_link(
    content: str, facts: dict[str, object], expected: str | None
) -> None:
    assert link_to_read(_incoming(content, **facts), Policy(bot_id=BOT)) == expected


def test_a_thread_reads_for_its_parent_channel_and_a_dm_for_itself() -> None:
    in_thread = ReadRequest.from_incoming(
        _incoming("", channel_id=THREAD, thread_parent_id=CHANNEL), "u"
    )
    in_dm = ReadRequest.from_incoming(_incoming("", channel_id=555, guild_id=None, is_dm=True), "u")

    assert (in_thread.owner, in_thread.channel) == (GUILD, CHANNEL)
    assert (in_dm.owner, in_dm.channel) == (555, 555)


# -- the service --------------------------------------------------------------


@dataclass
class FakeLoader:
    """Pages by address; ``hold`` keeps loads waiting; ``fail`` maps an address to its error."""

    clock: Clock
    size: int = 1000
    loads: list[str] = field(default_factory=list)
    hold: asyncio.Event | None = None
    fail: dict[str, Exception] = field(default_factory=dict)

    async def load(self, url: str) -> ReadPage:
        self.loads.append(url)
        if self.hold is not None:
            await self.hold.wait()
        if url in self.fail:
            raise self.fail[url]
        return page(url, size=self.size, read_at=self.clock())

    def close(self) -> None:
        """Nothing to stop."""


@dataclass
class Setup:
    reading: Reading
    loader: FakeLoader
    answering: Answering
    clock: Clock


@pytest.fixture
def setup(seed_knowledge: Knowledge) -> Setup:
    clock = Clock()
    library = ReadLibrary(max_bytes=5000, clock=clock, lifetime=3600)
    scopes = ChannelScopes()
    loader = FakeLoader(clock)
    reading = Reading(
        library,
        loader,
        cooldown=Cooldown(20, clock=clock),
        scopes=scopes,
        policy=AddressPolicy(),
        options=ComposerOptions(),
    )
    answering = Answering(
        seed_knowledge,
        ComposerOptions(),
        ConversationStore(),
        Cooldown(3, clock=clock),
        scopes=scopes,
        library=library,
        reading=True,
    )
    return Setup(reading, loader, answering, clock)


def request(url: str = "https://news.example/pool", user: int = 7) -> ReadRequest:
    return ReadRequest(GUILD, CHANNEL, user, url)


async def read(reading: Reading, wanted: ReadRequest) -> str:
    """Screen and read ``wanted``; return the reply's text (title and description)."""
    screened = reading.screen(wanted)
    if screened.reply is not None:
        reply = screened.reply.reply
    else:
        assert screened.url is not None
        reply = (await reading.read(wanted, screened.url)).reply
    return f"{reply.title}\n{reply.description}"


async def test_a_read_page_becomes_the_channel_article(setup: Setup) -> None:
    text = await read(setup.reading, request())

    assert text.startswith("Pool saved by the council\n")
    assert "> The council voted on Monday" in text  # the two-sentence summary
    incoming = _incoming(f"<@{BOT}> when will the pool reopen?", mentions_bot=True)
    response = setup.answering.respond_to(incoming, Policy(bot_id=BOT))
    assert response is not None
    knowledge = setup.reading.library.fresh("https://news.example/pool")
    assert knowledge is not None
    expected = answer("when will the pool reopen?", knowledge.knowledge)
    assert (
        response.reply.description == render_answer(expected, knowledge.article.title).description
    )


async def test_a_pasted_link_is_read_without_its_brackets_or_full_stop(setup: Setup) -> None:
    for pasted in ("<https://news.example/pool>", " https://news.example/pool. "):
        assert setup.reading.screen(request(pasted)).url == "https://news.example/pool"
        setup.clock.now += 20  # past the read cooldown


async def test_a_refused_address_is_told_privately_and_costs_no_cooldown(setup: Setup) -> None:
    screened = setup.reading.screen(request("http://news.example:6379/"))

    assert screened.reply is not None
    assert screened.reply.private
    assert "port 6379 of news.example is not a web port" in screened.reply.reply.description
    assert setup.reading.screen(request()).url is not None  # the cooldown was not started


async def test_the_read_cooldown_is_its_own(setup: Setup) -> None:
    await read(setup.reading, request())
    second = setup.reading.screen(request("https://news.example/other"))
    assert second.reply is not None
    assert second.reply.private
    assert "read another in 20 seconds" in second.reply.reply.description
    assert setup.reading.screen(request("https://news.example/other"), quiet_repeats=True) == (
        type(second)()
    )  # then silence, for a mention
    # Questions have their own cooldown: the reader may still ask.
    assert setup.answering.cooldown.check(7).value == "allow"
    setup.clock.now = 20
    assert setup.reading.screen(request("https://news.example/other")).url is not None


async def test_a_page_read_again_comes_from_the_library(setup: Setup) -> None:
    await read(setup.reading, request(user=1))
    await read(setup.reading, request(user=2))
    assert setup.loader.loads == ["https://news.example/pool"]

    setup.clock.now = 3600  # its lifetime is over: fetched afresh
    await read(setup.reading, request(user=3))
    assert setup.loader.loads == ["https://news.example/pool"] * 2


async def test_two_asks_for_one_address_share_one_load(setup: Setup) -> None:
    setup.loader.hold = asyncio.Event()
    first = asyncio.create_task(read(setup.reading, request(user=1)))
    second = asyncio.create_task(read(setup.reading, request("https://news.example/pool#top", 2)))
    await asyncio.sleep(0.01)
    setup.loader.hold.set()

    assert (await first).startswith("Pool saved")
    assert (await second).startswith("Pool saved")
    assert setup.loader.loads == ["https://news.example/pool"]


async def test_busy_and_failed_reads_are_said(setup: Setup) -> None:
    setup.loader.fail["https://news.example/busy"] = PoolBusyError("8 pages")
    setup.loader.fail["https://news.example/gone"] = ArticleError(
        "page not found (HTTP 404): https://news.example/gone <@123> [x](https://evil.example)"
    )
    busy = await setup.reading.read(request(), "https://news.example/busy")
    gone = await setup.reading.read(request(), "https://news.example/gone")

    assert busy.private
    assert "reading a lot of pages" in busy.reply.description
    assert not gone.private
    assert "page not found \\(HTTP 404\\)" in gone.reply.description
    assert "\\[x\\]\\(https://evil.example\\)" in gone.reply.description  # no masked link
    assert not live_mentions(gone.reply.description)


async def test_a_page_too_large_for_the_server_is_not_kept(setup: Setup) -> None:
    setup.loader.size = 6000

    text = await read(setup.reading, request())

    assert "too large to keep" in text
    assert len(setup.reading.library) == 0


async def test_a_dropped_page_is_said_once_then_the_channel_answers_as_before(
    setup: Setup,
) -> None:
    await read(setup.reading, request("https://news.example/first"))
    setup.clock.now = 20
    for number in range(5):  # 5 x 1000 bytes fill the server's 5000: the first page goes
        await read(setup.reading, request(f"https://news.example/{number}", user=10 + number))
    setup.reading.scopes.use(CHANNEL, PageKey(GUILD, "https://news.example/first"))
    incoming = _incoming(f"<@{BOT}> when is the summit?", mentions_bot=True, author_id=50)

    told = setup.answering.respond_to(incoming, Policy(bot_id=BOT))
    assert told is not None
    assert told.reply == page_forgotten("https://news.example/first", setup.answering.headline)
    setup.clock.now = 40  # past the question cooldown
    again = setup.answering.respond_to(incoming, Policy(bot_id=BOT))
    assert again is not None
    from_loaded = answer("when is the summit?", setup.answering.knowledge, Conversation())
    expected = render_answer(from_loaded, setup.answering.headline)
    assert again.reply.description == expected.description


async def test_choices_list_the_loaded_articles_then_the_channel_pages(setup: Setup) -> None:
    await read(setup.reading, request())
    choices = setup.answering.choices_for(_incoming(""))

    assert [title for title, _ in choices][1:] == ["Pool saved by the council"]
    assert choices[1][1] == PageKey(GUILD, "https://news.example/pool")
    assert setup.answering.scope_for(_incoming("")) == choices[1][1]


# -- what a page can put in a reply ---------------------------------------------


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=hostile_text(),
    publisher=hostile_text(),
    summary=st.lists(hostile_text(), max_size=3),
    source=hostile_text(),
)
def test_a_page_cannot_ping_or_link_from_the_confirmation(
    title: str, publisher: str, summary: list[str], source: str
) -> None:
    article = article_from_text("A headline\n\nA sentence of the story.")
    hostile = replace(article, title=title, publisher=publisher, published=publisher, source=source)
    reply = page_read(hostile, summary)

    assert_sendable(reply)
    assert not re.search(r"(?<!\\)\]\(", reply.description)  # no masked link "[text](url)"


@settings(max_examples=60, deadline=None)
@given(reason=hostile_text(max_size=400))
def test_an_error_cannot_ping_or_link_either(reason: str) -> None:
    assert_sendable(read_failed(reason or "x"))
