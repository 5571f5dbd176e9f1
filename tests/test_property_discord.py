"""Properties of the Discord front-end on hostile messages: a reply within limits that pings nobody.

The pure modules (``policy``, ``replies``, ``notices``, ``answering``) and the
message handler itself (the asking cog, with stand-in discord objects) get
hostile text: arbitrary Unicode, markdown, code fences, mention syntax
(``@everyone``, ``@here``, ``<@123>``, ``<@&456>``, ``<#789>``), very long and
empty messages, and hostile article headlines. Invariants: nothing raises, a
message addressed to the bot always gets exactly one reply, every reply fits
Discord's limits, no reply holds a live mention, and the bot's
``allowed_mentions`` lets nothing ping.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import discord
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.composer import ComposerOptions, answer
from bot.conversation import ConversationStore
from bot.discord_app.answering import Answering
from bot.discord_app.client import ArticleBot
from bot.discord_app.cogs.asking import AskingCog
from bot.discord_app.cooldown import Cooldown
from bot.discord_app.limits import (
    CONTENT_LIMIT,
    EMBED_DESCRIPTION_LIMIT,
    EMBED_FOOTER_LIMIT,
    EMBED_TITLE_LIMIT,
    EMBED_TOTAL_LIMIT,
    escape_markdown,
    size,
)
from bot.discord_app.notices import help_text, slow_down, source_info
from bot.discord_app.policy import Incoming, Policy, decide
from bot.discord_app.replies import Reply, render_answer
from bot.knowledge import Knowledge
from retrieval import Article, ArticleError, article_from_text
from retrieval.cleaning import normalize_characters
from tests.reliability_inputs import MENTIONS, hostile_text, live_mentions
from tests.test_discord_handlers import BOT_ID, make_bot, make_message

BOT = 42
ROLE = 77
MESSAGES = st.one_of(
    hostile_text(),
    st.text(max_size=300),
    st.lists(st.sampled_from(MENTIONS), max_size=6).map(" ".join),
    hostile_text(max_size=10).map(lambda text: text * 400),  # very long
    st.just(""),
)
SETTINGS = settings(max_examples=120, deadline=None)


def assert_sendable(reply: Reply) -> None:
    """The reply fits every Discord limit, as an embed and as text, and pings nobody."""
    assert reply.description.strip()
    assert size(reply.description) <= EMBED_DESCRIPTION_LIMIT
    assert reply.title is None or size(reply.title) <= EMBED_TITLE_LIMIT
    assert reply.footer is None or size(reply.footer) <= EMBED_FOOTER_LIMIT
    total = sum(size(part or "") for part in (reply.title, reply.description, reply.footer))
    assert total <= EMBED_TOTAL_LIMIT
    text = reply.as_text()
    assert size(text) <= CONTENT_LIMIT
    for part in (reply.title, reply.description, reply.footer, text):
        assert not live_mentions(part or ""), part
        (part or "").encode("utf-8")  # Discord takes UTF-8: no lone surrogate


@pytest.mark.parametrize("mention", MENTIONS)
def test_escaped_text_holds_no_live_mention(mention: str) -> None:
    escaped = escape_markdown(f"hi {mention} and <@{'1' * 18}> @{'2' * 18}")
    assert not live_mentions(escaped)
    assert mention.strip("<>").replace("@", "") in escaped.replace("\u200b", "")


@SETTINGS
@given(
    content=MESSAGES,
    author=st.sampled_from([1, 2, BOT]),
    flags=st.fixed_dictionaries(
        {
            "author_is_bot": st.booleans(),
            "from_webhook": st.booleans(),
            "is_dm": st.booleans(),
            "mentions_bot": st.booleans(),
            "replied_to_bot_message": st.none() | st.integers(1, 5),
            "thread_parent_id": st.none() | st.integers(1, 5),
            "bot_role_id": st.none() | st.just(ROLE),
        }
    ),
    allowed=st.frozensets(st.integers(1, 5), max_size=2),
    unmentioned=st.booleans(),
)
def test_decide_never_raises_and_strips_only_the_bots_mentions(
    content: str, author: int, flags: dict[str, Any], allowed: frozenset[int], unmentioned: bool
) -> None:
    incoming = Incoming(1, author, 3, content, **flags)
    policy = Policy(BOT, allowed, unmentioned)

    ask = decide(incoming, policy)

    assert decide(incoming, policy) == ask
    if flags["author_is_bot"] or flags["from_webhook"] or author == BOT:
        assert ask is None
    if ask is not None:
        assert ask.question == ask.question.strip()
        assert f"<@{BOT}>" not in ask.question
        assert f"<@!{BOT}>" not in ask.question
        if flags["bot_role_id"] is not None:
            assert f"<@&{ROLE}>" not in ask.question


@SETTINGS
@given(MESSAGES)
def test_every_answer_renders_to_a_sendable_reply(seed_knowledge: Knowledge, question: str) -> None:
    reply = render_answer(answer(question, seed_knowledge), seed_knowledge.article.title)
    assert_sendable(reply)
    assert render_answer(answer(question, seed_knowledge), seed_knowledge.article.title) == reply


def _hostile_article(body: str, headline: str) -> Article | None:
    try:
        article = article_from_text(f"{headline}\n\n{body} The summit is in June.")
    except ArticleError:
        return None
    return article


@settings(max_examples=60, deadline=None)
@given(headline=hostile_text(max_size=40), body=hostile_text(), question=MESSAGES)
def test_hostile_articles_render_sendable_replies_and_notices(
    headline: str, body: str, question: str
) -> None:
    article = _hostile_article(body, headline)
    if article is None:
        return
    knowledge = Knowledge.from_article(article)
    assert_sendable(render_answer(answer(question, knowledge), article.title))
    assert_sendable(help_text(article.title))
    assert_sendable(source_info(article))


@SETTINGS
@given(seconds=st.floats(0, 3600), headline=MESSAGES.map(normalize_characters))
def test_notices_are_sendable(seconds: float, headline: str) -> None:
    # Headlines come from cleaned article text, as ``normalize_characters`` leaves it.
    assert_sendable(slow_down(seconds))
    assert_sendable(help_text(headline))


@SETTINGS
@given(
    content=MESSAGES, user=st.integers(1, 10**18).filter(lambda user: user != BOT), dm=st.booleans()
)
def test_a_message_to_the_bot_always_gets_a_sendable_response(
    seed_knowledge: Knowledge, content: str, user: int, dm: bool
) -> None:
    answering = Answering(seed_knowledge, ComposerOptions(), ConversationStore(), Cooldown(0))
    incoming = Incoming(1, user, 3, f"<@{BOT}> {content}", is_dm=dm, mentions_bot=True)

    response = answering.respond_to(incoming, Policy(BOT))

    assert response is not None
    assert_sendable(response.reply)


# -- the message handler, with stand-in discord objects -------------------------------


@pytest.fixture(scope="module")
def loop() -> Iterator[asyncio.AbstractEventLoop]:
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


@pytest.fixture(scope="module")
def handler_bot(seed_knowledge: Knowledge) -> ArticleBot:
    return make_bot(seed_knowledge, cooldown_seconds=0)


def _assert_sent_safely(bot: ArticleBot, sent: dict[str, Any]) -> None:
    assert sent["mention_author"] is False
    assert sent.get("allowed_mentions") in (None, discord.AllowedMentions.none())
    assert bot.allowed_mentions is not None
    assert bot.allowed_mentions.to_dict() == {"parse": []}
    assert bot.allowed_mentions.replied_user is False
    if "embed" in sent:
        embed = sent["embed"].to_dict()
        parts = [embed.get("title"), embed.get("description"), embed.get("footer", {}).get("text")]
        assert size(embed["description"]) <= EMBED_DESCRIPTION_LIMIT
        assert sum(size(part or "") for part in parts) <= EMBED_TOTAL_LIMIT
    else:
        parts = [sent["content"]]
        assert size(sent["content"]) <= CONTENT_LIMIT
    assert not any(live_mentions(part or "") for part in parts)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(content=MESSAGES, embeds=st.booleans())
def test_the_handler_replies_once_safely_to_any_mention(
    loop: asyncio.AbstractEventLoop, handler_bot: ArticleBot, content: str, embeds: bool
) -> None:
    message = make_message(f"<@{BOT_ID}> {content}", embed_links=embeds)

    loop.run_until_complete(AskingCog(handler_bot).on_message(message))

    message.channel.send.assert_awaited_once()
    _assert_sent_safely(handler_bot, message.channel.send.await_args.kwargs)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(content=MESSAGES)
def test_the_handler_ignores_bots_whatever_they_say(
    loop: asyncio.AbstractEventLoop, handler_bot: ArticleBot, content: str
) -> None:
    message = make_message(f"<@{BOT_ID}> {content}", author_is_bot=True)

    loop.run_until_complete(AskingCog(handler_bot).on_message(message))

    message.channel.send.assert_not_awaited()
