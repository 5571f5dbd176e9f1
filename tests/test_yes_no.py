"""Yes/no questions decided from one sentence's wording: a row per kind of evidence."""

from __future__ import annotations

import pytest

from bot.composer.matching import sentence_for
from bot.composer.questions import analyze_question
from bot.composer.yes_no import decide_yes_no
from retrieval import Passage


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("was the vote held on Monday?", "The vote was held on Monday.", "Yes"),
        ("is the pier open?", "The pier is not open yet.", "No"),
        ("has a date been agreed?", "No date has yet been agreed.", "No"),
        # a verb that refuses the next one negates it ...
        (
            "did the company say what the cranes cost?",
            "She declined to say how much the cranes would cost.",
            "No",
        ),
        ("did the talks reach a deal?", "The talks failed to reach a deal.", "No"),
        # ... unless it is what the question asks about
        ("did he decline to comment?", "He declined to comment on the deal.", "Yes"),
        # "declined" without "to" is a fall, not a refusal
        ("did prices fall?", "Prices declined and fell sharply in May.", "Yes"),
        # the opposite of a question word says no
        ("is the next storm stronger?", "The next storm is expected to be weaker.", "No"),
        ("is it red or blue?", "The new logo is blue.", "blue"),
    ],
)
def test_yes_or_no(question: str, text: str, expected: str) -> None:
    analysis = analyze_question(question)
    sentence = sentence_for(Passage(text, 0, len(text), 0, 0), analysis)
    assert decide_yes_no(sentence, analysis)[0] == expected
