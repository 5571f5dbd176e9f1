"""Whether the bot answers a message, what the question is, and whose conversation it joins."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.discord_app.policy import Ask, Incoming, Policy, conversation_key, decide, strip_mentions

BOT = 42
POLICY = Policy(bot_id=BOT)
MENTION = Incoming(
    message_id=1,
    author_id=7,
    channel_id=100,
    content="<@42> when is the summit?",
    mentions_bot=True,
)


def test_a_mention_is_answered_without_the_mention() -> None:
    assert decide(MENTION, POLICY) == Ask("when is the summit?")


@pytest.mark.parametrize(
    "change",
    [
        {"author_is_bot": True},
        {"from_webhook": True},
        {"author_id": BOT},
    ],
    ids=["bot", "webhook", "itself"],
)
def test_bots_webhooks_and_itself_are_ignored(change: dict[str, object]) -> None:
    assert decide(replace(MENTION, **change), POLICY) is None  # type: ignore[arg-type]


def test_an_unaddressed_message_is_ignored() -> None:
    message = replace(MENTION, content="when is the summit?", mentions_bot=False)

    assert decide(message, POLICY) is None


def test_a_dm_is_answered_without_a_mention() -> None:
    message = replace(MENTION, content="when is it?", mentions_bot=False, is_dm=True)

    assert decide(message, POLICY) == Ask("when is it?")


def test_a_reply_to_the_bot_is_a_follow_up() -> None:
    message = replace(MENTION, content="and where?", mentions_bot=False, replied_to_bot_message=9)

    assert decide(message, POLICY) == Ask("and where?", follow_up_of=9)


def test_an_empty_reply_without_the_intent_is_ignored() -> None:
    message = replace(MENTION, content="", mentions_bot=False, replied_to_bot_message=9)

    assert decide(message, POLICY) is None


def test_a_bare_mention_is_answered_with_an_empty_question() -> None:
    assert decide(replace(MENTION, content="<@42>"), POLICY) == Ask("")


def test_the_allow_list_keeps_the_bot_out_of_other_channels() -> None:
    policy = Policy(bot_id=BOT, allowed_channels=frozenset({200}))

    assert decide(MENTION, policy) is None
    assert decide(replace(MENTION, channel_id=200), policy) is not None


def test_a_thread_inherits_its_parent_channels_permission() -> None:
    policy = Policy(bot_id=BOT, allowed_channels=frozenset({200}))

    assert decide(replace(MENTION, channel_id=300, thread_parent_id=200), policy) is not None


def test_dms_ignore_the_allow_list() -> None:
    policy = Policy(bot_id=BOT, allowed_channels=frozenset({200}))

    assert decide(replace(MENTION, is_dm=True), policy) is not None


def test_unmentioned_messages_need_the_setting_and_a_listed_channel() -> None:
    plain = replace(MENTION, content="when is it?", mentions_bot=False, channel_id=200)
    listed = Policy(bot_id=BOT, allowed_channels=frozenset({200}), answer_unmentioned=True)

    assert decide(plain, listed) == Ask("when is it?")
    assert decide(plain, replace(listed, answer_unmentioned=False)) is None
    assert decide(plain, replace(listed, allowed_channels=frozenset())) is None


def test_conversations_are_per_user_in_a_channel_and_shared_in_a_thread() -> None:
    other_user = replace(MENTION, author_id=8)
    in_thread = replace(MENTION, channel_id=300, thread_parent_id=100)

    assert conversation_key(MENTION) != conversation_key(other_user)
    assert conversation_key(in_thread) == conversation_key(replace(in_thread, author_id=8))


@pytest.mark.parametrize(
    ("content", "question"),
    [
        ("<@42> when?", "when?"),
        ("<@!42>   when?", "when?"),
        ("when, <@42>?", "when, ?"),
        ("<@&5> when?", "when?"),
        ("what did <@43> say?", "what did <@43> say?"),
        ("<@42>\n```\ncode\n```", "``` code ```"),
    ],
)
def test_strip_mentions(content: str, question: str) -> None:
    assert strip_mentions(content, BOT, bot_role_id=5) == question
