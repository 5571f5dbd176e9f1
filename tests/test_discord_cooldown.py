"""The per-user cooldown: answer, warn once, then silence until it ends."""

from __future__ import annotations

import pytest

from bot.discord_app.cooldown import Cooldown, Verdict


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_first_question_is_allowed() -> None:
    assert Cooldown(3, Clock()).check("ann") is Verdict.ALLOW


def test_too_soon_warns_once_then_stays_silent() -> None:
    cooldown = Cooldown(3, Clock())
    cooldown.check("ann")

    assert [cooldown.check("ann") for _ in range(3)] == [
        Verdict.WARN,
        Verdict.SILENT,
        Verdict.SILENT,
    ]


def test_after_the_cooldown_the_user_may_ask_and_be_warned_again() -> None:
    clock = Clock()
    cooldown = Cooldown(3, clock)
    cooldown.check("ann")
    cooldown.check("ann")
    clock.now += 3

    assert cooldown.check("ann") is Verdict.ALLOW
    assert cooldown.check("ann") is Verdict.WARN


def test_refused_questions_do_not_extend_the_wait() -> None:
    clock = Clock()
    cooldown = Cooldown(3, clock)
    cooldown.check("ann")
    clock.now += 2
    cooldown.check("ann")
    clock.now += 1

    assert cooldown.check("ann") is Verdict.ALLOW


def test_users_are_independent() -> None:
    cooldown = Cooldown(3, Clock())
    cooldown.check("ann")

    assert cooldown.check("bob") is Verdict.ALLOW


def test_zero_seconds_turns_it_off() -> None:
    cooldown = Cooldown(0, Clock())

    assert {cooldown.check("ann") for _ in range(5)} == {Verdict.ALLOW}
    assert len(cooldown) == 0


def test_remaining_counts_down() -> None:
    clock = Clock()
    cooldown = Cooldown(3, clock)
    cooldown.check("ann")
    clock.now += 1

    assert cooldown.remaining("ann") == pytest.approx(2)
    assert cooldown.remaining("bob") == 0


def test_memory_is_bounded() -> None:
    cooldown = Cooldown(3, Clock(), max_users=2)
    for user in ("ann", "bob", "cat"):
        cooldown.check(user)

    assert len(cooldown) == 2
    assert cooldown.check("ann") is Verdict.ALLOW  # forgotten, so allowed


@pytest.mark.parametrize(("seconds", "max_users"), [(-1, 10), (1, 0)])
def test_bad_arguments_are_refused(seconds: float, max_users: int) -> None:
    with pytest.raises(ValueError, match="must"):
        Cooldown(seconds, Clock(), max_users)
