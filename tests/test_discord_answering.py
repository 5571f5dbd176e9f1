"""The answering path without Discord: decide, throttle, compose, render, remember."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.composer import ComposerOptions
from bot.conversation import ConversationStore
from bot.discord_app.answering import Answering, FollowUps
from bot.discord_app.cooldown import Cooldown
from bot.discord_app.policy import Incoming, Policy
from bot.knowledge import Knowledge, load_knowledge
from bot.settings import DEFAULT_ARTICLE

BOT = 42
POLICY = Policy(bot_id=BOT)
QUESTION = Incoming(
    message_id=1,
    author_id=7,
    channel_id=100,
    content="<@42> when is the summit?",
    mentions_bot=True,
)


class Clock:
    now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge(DEFAULT_ARTICLE)


@pytest.fixture
def answering(knowledge: Knowledge) -> Answering:
    return Answering(knowledge, ComposerOptions(), ConversationStore(), Cooldown(3, Clock()))


def test_a_question_gets_a_sourced_answer_in_the_askers_conversation(answering: Answering) -> None:
    response = answering.respond_to(QUESTION, POLICY)

    assert response is not None
    assert response.conversation == ("channel", 100, 7)
    assert response.reply.description.count("\n> ") == 1  # one quoted source sentence


def test_an_ignored_message_costs_no_cooldown(answering: Answering) -> None:
    assert answering.respond_to(replace(QUESTION, author_is_bot=True), POLICY) is None
    assert len(answering.cooldown) == 0


def test_too_soon_gets_one_slow_down_then_silence(answering: Answering) -> None:
    answering.respond_to(QUESTION, POLICY)
    warning = answering.respond_to(QUESTION, POLICY)

    assert warning is not None
    assert "Slow down" in warning.reply.description
    assert warning.conversation is None  # a reply to a warning is not a follow-up
    assert answering.respond_to(QUESTION, POLICY) is None


def test_a_reply_to_an_answer_continues_the_askers_conversation(answering: Answering) -> None:
    first = answering.respond_to(QUESTION, POLICY)
    assert first is not None
    answering.remember(555, first)
    follow_up = Incoming(
        message_id=2, author_id=8, channel_id=100, content="and where?", replied_to_bot_message=555
    )

    response = answering.respond_to(follow_up, POLICY)

    assert response is not None
    assert response.conversation == ("channel", 100, 7)
    assert len(answering.conversations) == 1


def test_a_reply_to_a_forgotten_answer_starts_the_replier_own_conversation(
    answering: Answering,
) -> None:
    follow_up = Incoming(
        message_id=2, author_id=8, channel_id=100, content="and where?", replied_to_bot_message=999
    )

    response = answering.respond_to(follow_up, POLICY)

    assert response is not None
    assert response.conversation == ("channel", 100, 8)


def test_a_bare_mention_gets_help(answering: Answering) -> None:
    response = answering.respond_to(replace(QUESTION, content="<@42>"), POLICY)

    assert response is not None
    assert "/ask" in response.reply.description


def test_the_article_does_not_say_kindly(answering: Answering) -> None:
    response = answering.answer("what is the capital of France?", None)

    assert "Sorry" in response.reply.description
    assert answering.headline in response.reply.description


def test_summary_replies_within_limits(answering: Answering) -> None:
    assert answering.summary().reply.as_text()


def test_follow_ups_are_bounded() -> None:
    follow_ups = FollowUps(max_answers=2)
    for message_id in (1, 2, 3):
        follow_ups.remember(message_id, ("channel", 1, message_id))

    assert len(follow_ups) == 2
    assert follow_ups.conversation_of(1) is None
    assert follow_ups.conversation_of(3) == ("channel", 1, 3)
