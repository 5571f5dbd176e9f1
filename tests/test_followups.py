"""Follow-up questions completed from the previous turn."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.composer.followups import resolve_followup
from bot.conversation import Turn

WHO_DIED = Turn("who died?", "died", "PERSON", "Inés Calderón", 0.0)
HOW_OLD = Turn("how old was Inés Calderón?", "Inés Calderón old", "NUMBER", "84", 0.0)
WHEN = Turn("When will Biden and Putin meet?", "Biden Putin meet", "DATE", "June 15-16", 0.0)


@pytest.mark.parametrize(
    ("question", "previous", "resolved"),
    [
        # a pronoun stands for the person answered, even beside words of the question's own
        ("how old was she?", WHO_DIED, "how old was Inés Calderón?"),
        ("who was her husband?", WHO_DIED, "who was Inés Calderón's husband?"),
        (
            "what did police tell her about the case?",
            WHO_DIED,
            "what did police tell Inés Calderón about the case?",
        ),
        # ... or for the name the last question asked about
        ("where was she born?", HOW_OLD, "where was Inés Calderón born?"),
        # a bare question word borrows the previous subject
        ("and where?", WHEN, "where Biden Putin meet?"),
        # a question with its own topic and no pronoun is left alone
        ("when is the summit?", WHO_DIED, "when is the summit?"),
        ("how old was she?", None, "how old was she?"),
    ],
)
def test_a_follow_up_borrows_what_the_last_turn_was_about(
    question: str, previous: Turn | None, resolved: str
) -> None:
    assert resolve_followup(question, previous) == resolved


@given(st.text(max_size=400))
def test_any_text_is_resolved_without_error(text: str) -> None:
    assert isinstance(resolve_followup(text, WHO_DIED), str)
    assert isinstance(resolve_followup(text, WHEN), str)
