"""Bounded memory: a flood of 100,000 users or conversations never grows what the bot keeps.

What grows with the people asking: follow-up context (``ConversationStore``,
per conversation and in total), the per-user cooldown, the map from the bot's
answers to their conversations (``FollowUps``) and each channel's chosen
article (``ChannelScopes``). Each is an LRU with a
cap; these tests flood each one, alone and through the paths that fill them
(the Discord answering path and the ``--jsonl`` stream), with the composer
replaced by a fake so 100,000 questions take a second, not minutes.
"""

from __future__ import annotations

import io
import json
from collections.abc import Hashable, Iterator
from typing import Any

import pytest

import bot.ask_command
import bot.discord_app.answering
from bot.answers import Answer, AnswerKind
from bot.composer import ComposerOptions
from bot.conversation import MAX_TURNS, Conversation, ConversationStore, Turn
from bot.discord_app.answering import Answering, FollowUps
from bot.discord_app.cooldown import Cooldown
from bot.discord_app.policy import Incoming, Policy
from bot.discord_app.runner import build_bot
from bot.discord_app.scopes import ChannelScopes
from bot.knowledge import Knowledge
from bot.settings import Settings
from bot.startup import Runtime

FLOOD = 100_000
BOT_ID = 1


def _fake_answer(
    question: str,
    knowledge: Knowledge,
    conversation: Conversation | None = None,
    options: ComposerOptions | None = None,
    *,
    scope: int | None = None,
) -> Answer:
    """The composer's contract at no cost: an answer, and one turn remembered."""
    if conversation is not None:
        conversation.remember(Turn(question, question, "OTHER", None, conversation.now()))
    said = "The article doesn't say."
    return Answer(question, said, said, None, "OTHER", 0.0, AnswerKind.NO_ANSWER)


@pytest.fixture
def fake_composer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bot.discord_app.answering, "answer", _fake_answer)
    monkeypatch.setattr(bot.ask_command, "answer", _fake_answer)


def test_a_conversation_keeps_only_its_last_turns() -> None:
    conversation = Conversation(clock=lambda: 0.0)
    for number in range(FLOOD):
        conversation.remember(Turn(f"q{number}", "", "OTHER", None, 0.0))

    assert len(conversation.turns) == MAX_TURNS
    assert conversation.last is not None
    assert conversation.last.question == f"q{FLOOD - 1}"


def test_the_store_keeps_at_most_its_cap_and_forgets_the_least_recent() -> None:
    store = ConversationStore(max_conversations=1_000)
    store.get("regular")
    for number in range(FLOOD):
        store.get(("channel", 1, number))
        if number % 500 == 0:
            store.get("regular")  # used now and then: never the least recent

    assert len(store) == 1_000
    assert store.get("regular") is store.get("regular")
    assert len(store) == 1_000


def test_cooldown_and_follow_ups_keep_at_most_their_caps() -> None:
    cooldown = Cooldown(60.0, clock=lambda: 0.0, max_users=1_000)
    follow_ups = FollowUps(max_answers=1_000)
    for number in range(FLOOD):
        cooldown.check(number)
        follow_ups.remember(number, ("channel", 1, number))

    assert len(cooldown) == 1_000
    assert len(follow_ups) == 1_000
    assert follow_ups.conversation_of(FLOOD - 1) == ("channel", 1, FLOOD - 1)
    assert follow_ups.conversation_of(0) is None


def test_the_discord_bot_is_built_with_bounded_memory(seed_knowledge: Knowledge) -> None:
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    answering = build_bot(Runtime(settings, seed_knowledge, ComposerOptions())).answering

    assert answering.conversations.max_conversations <= 10_000
    assert answering.cooldown.max_users <= 10_000
    assert answering.follow_ups.max_answers <= 10_000
    assert answering.scopes.max_channels <= 10_000


@pytest.mark.usefixtures("fake_composer")
def test_a_flood_of_users_on_discord_never_grows_memory_past_the_caps(
    seed_knowledge: Knowledge,
) -> None:
    cap = 2_000
    answering = Answering(
        seed_knowledge,
        ComposerOptions(),
        ConversationStore(max_conversations=cap),
        Cooldown(60.0, clock=lambda: 0.0, max_users=cap),
        follow_ups=FollowUps(max_answers=cap),
        scopes=ChannelScopes(max_channels=cap),
    )
    policy = Policy(BOT_ID)
    for number in range(FLOOD):
        user = 10 + number
        incoming = Incoming(number, user, 3, f"<@{BOT_ID}> question {number}", mentions_bot=True)
        response = answering.respond_to(incoming, policy)
        assert response is not None
        answering.remember(FLOOD + number, response)  # as if sent
        answering.scopes.use(number, 0)  # as if each user had a DM channel and ran /use
        if number % 10_000 == 0:
            assert len(answering.conversations) <= cap

    assert len(answering.conversations) == cap
    assert len(answering.cooldown) == cap
    assert len(answering.follow_ups) == cap
    assert len(answering.scopes) == cap


def test_the_real_composer_fills_the_store_only_to_its_cap(seed_knowledge: Knowledge) -> None:
    answering = Answering(
        seed_knowledge,
        ComposerOptions(),
        ConversationStore(max_conversations=50),
        Cooldown(0),
        follow_ups=FollowUps(max_answers=50),
    )
    for user in range(300):
        incoming = Incoming(user, 10 + user, 3, "<@1> when is the summit?", mentions_bot=True)
        response = answering.respond_to(incoming, Policy(BOT_ID))
        assert response is not None
        answering.remember(1_000 + user, response)

    assert len(answering.conversations) == 50
    assert len(answering.follow_ups) == 50


class _RecordingStore(ConversationStore):
    """A store that remembers every instance, so a test can look inside the stream's."""

    instances: list[ConversationStore] = []  # noqa: RUF012 - a test-local registry

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _RecordingStore.instances.append(self)


@pytest.mark.usefixtures("fake_composer")
def test_a_flood_of_jsonl_conversations_never_grows_memory_past_the_cap(
    seed_knowledge: Knowledge, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.ask_command, "ConversationStore", _RecordingStore)
    _RecordingStore.instances.clear()
    runtime = Runtime(Settings(_env_file=None), seed_knowledge, ComposerOptions())  # type: ignore[call-arg]

    def lines() -> Iterator[bytes]:
        for number in range(FLOOD):
            yield json.dumps({"question": "when?", "conversation": f"c{number}"}).encode()

    output = io.StringIO()
    bot.ask_command.stream_answers(runtime, lines(), output)

    (store,) = _RecordingStore.instances
    assert len(store) == store.max_conversations <= 10_000
    assert output.getvalue().count("\n") == FLOOD


def test_keys_need_not_be_strings() -> None:
    """Discord keys conversations by tuples; any hashable works and is bounded alike."""
    store = ConversationStore(max_conversations=3)
    keys: list[Hashable] = [("thread", 1), ("channel", 1, 2), "c", 4, ("thread", 5)]
    for key in keys:
        store.get(key)
    assert len(store) == 3
