"""A burst of 200 questions from 50 users: each allowed one answered in order, the loop free.

The real bot (``ArticleBot`` with its cogs and discord.py client) runs in this
test's event loop, against the stand-in on loopback in the same loop, so a
watcher task can measure how long the loop goes without running it: the gap
between its 1 ms wake-ups (wall clock), and how much of that gap the loop's
thread spent computing (thread CPU time). The CPU figure is what the bot's own
work blocks the loop for; the wall figure adds whatever the operating system
took away, which on a shared CI machine is noise, so it gets a looser bound.
The bot is prepared as ``articlebot discord`` prepares it before connecting:
warmed up (the composer's lazily built tables would cost the first question
10-30 ms), and its start-up objects frozen out of the garbage collector's
sight (one full collection of this test process, and of the real bot, takes
70-80 ms, beyond the bar).

Each user asks four questions at once, with a 60 s cooldown: the first is
answered, the second gets the one "slow down", the other two get silence. The
figures are printed (``pytest tests/test_faults_discord_burst.py -s``) and
recorded in docs/RELIABILITY.md.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.composer import answer
from bot.conversation import Conversation
from bot.discord_app.client import ArticleBot
from bot.discord_app.replies import render_answer
from bot.knowledge import Knowledge
from tests.discord_standin import DiscordStandIn, RecordedRequest
from tests.discord_standin.in_process import bot_in_this_loop
from tests.loop_watch import LoopWatch
from tests.reliability_inputs import live_mentions

pytestmark = pytest.mark.e2e

USERS = 50
QUESTIONS_EACH = 4
QUESTIONS = (
    "when is the summit?",
    "who is Yuri Ushakov?",
    "where will Biden and Putin meet?",
    "how long was Navalny's hunger strike?",
    "what did Putin say about Biden?",
)
# The acceptance bar: the loop is never blocked for more than this.
MAX_BLOCKED = 0.050
# Wall-clock gaps also count time the OS gave to other processes; bounded loosely.
MAX_WALL_GAP = 0.250
SILENCE = 0.5  # how long to keep listening for replies that must not come


@pytest.fixture
async def running_bot(
    monkeypatch: pytest.MonkeyPatch, seed_knowledge: Knowledge
) -> AsyncIterator[tuple[DiscordStandIn, ArticleBot]]:
    async with bot_in_this_loop(monkeypatch, seed_knowledge, cooldown_seconds=60) as running:
        yield running


def _replies(standin: DiscordStandIn) -> list[RecordedRequest]:
    """The messages the bot has posted (counted cheaply: the watch shares this loop)."""
    return [r for r in standin.requests if r.method == "POST" and r.path.endswith("/messages")]


def _replied_to(request: RecordedRequest) -> int:
    return int(request.body["message_reference"]["message_id"])


def _description(request: RecordedRequest) -> str:
    embeds = request.body.get("embeds") or []
    assert len(embeds) == 1, request.body
    description: str = embeds[0]["description"]
    return description


async def test_a_burst_of_200_questions_from_50_users(
    running_bot: tuple[DiscordStandIn, ArticleBot], seed_knowledge: Knowledge
) -> None:
    standin, _ = running_bot
    users = [standin.new_user(f"user{number}") for number in range(USERS)]
    watch = LoopWatch()
    watching = asyncio.create_task(watch.run())
    sent: list[tuple[int, dict[str, Any], str, float]] = []  # (round, message, question, when)

    started = time.perf_counter()
    for round_number in range(QUESTIONS_EACH):
        for number, user in enumerate(users):
            question = QUESTIONS[(number + round_number) % len(QUESTIONS)]
            message = await standin.send_message(user, f"{standin.mention()} {question}")
            sent.append((round_number, message, question, time.monotonic()))
            # A send to a local socket need not suspend; without this the stand-in
            # would push all 200 in one go, blocking the shared loop itself.
            await asyncio.sleep(0)
    expected = [item for item in sent if item[0] < 2]  # answered, then warned
    await standin.wait_for_request(lambda _: len(_replies(standin)) >= len(expected), timeout=30)
    elapsed = time.perf_counter() - started
    await asyncio.sleep(SILENCE)
    watch.stop()
    await watching

    replies = _replies(standin)
    by_message = {int(item[1]["id"]): item for item in sent}
    # Exactly one reply to each of the first two questions of every user, none to the rest.
    assert sorted(_replied_to(r) for r in replies) == sorted(
        int(m["id"]) for _, m, _, _ in expected
    )
    # In the order the questions came: one channel, one queue.
    assert [_replied_to(r) for r in replies] == [int(m["id"]) for _, m, _, _ in expected]
    latencies = []
    for reply in replies:
        round_number, _, question, asked_at = by_message[_replied_to(reply)]
        latencies.append(reply.received_at - asked_at)
        description = _description(reply)
        assert not live_mentions(description)
        assert reply.body["allowed_mentions"]["parse"] == []
        if round_number == 0:
            fresh = answer(question, seed_knowledge, Conversation())
            expected_reply = render_answer(fresh, seed_knowledge.article.title)
            assert description == expected_reply.description
        else:
            assert description.startswith("Slow down")
    assert standin.unknown_requests == []

    print(
        f"reliability: burst of {len(sent)} questions from {USERS} users in "
        f"{elapsed:.2f} s: {sum(1 for item in expected if item[0] == 0)} answered, "
        f"{sum(1 for item in expected if item[0] == 1)} told to slow down, "
        f"{len(sent) - len(expected)} silenced; reply latency median "
        f"{statistics.median(latencies) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms; "
        f"event loop: worst blocked {watch.worst_blocked * 1000:.1f} ms (99th percentile "
        f"{watch.blocked_percentile(99) * 1000:.1f} ms), worst wall gap "
        f"{watch.worst_wall * 1000:.1f} ms over {len(watch.gaps)} wake-ups"
    )
    assert watch.worst_blocked < MAX_BLOCKED
    assert watch.worst_wall < MAX_WALL_GAP
