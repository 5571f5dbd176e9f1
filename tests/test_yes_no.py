"""Yes/no questions decided from one sentence's wording: a row per kind of evidence."""

from __future__ import annotations

import pytest

from bot.composer.candidates import Sentence
from bot.composer.matching import sentence_for
from bot.composer.questions import analyze_question
from bot.composer.reader import WordWeights
from bot.composer.yes_no import decide_yes_no, judge_yes_no, yes_no_coverage
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
        # ... and only that verb: what was said before the refusal stands
        (
            "were the paintings insured?",
            "He said the paintings were insured but declined to name the insurer.",
            "Yes",
        ),
        (
            "did he name the insurer?",
            "He said the paintings were insured but declined to name the insurer.",
            "No",
        ),
        # "declined" without "to" is a fall, not a refusal
        ("did prices fall?", "Prices declined and fell sharply in May.", "Yes"),
        # the opposite of a question word says no
        ("is the next storm stronger?", "The next storm is expected to be weaker.", "No"),
        ("is it red or blue?", "The new logo is blue.", "blue"),
        # a split vote says it was not unanimous; a vote with none against does not
        ("was the vote unanimous?", "The board approved it 7-2 on Tuesday.", "No"),
        ("was the vote unanimous?", "The vote was five to two.", "No"),
        ("was the vote unanimous?", "Two trustees voted against the deal.", "No"),
        ("was the vote unanimous?", "The board approved it 9-0 on Tuesday.", "Yes"),
        # a vote against says no to backing the thing voted on, unless asked about
        ("did the students back the rise?", "The two students voted against the rise.", "No"),
        ("did the students vote against it?", "The two students voted against the rise.", "Yes"),
        # a verb that says no to its object ...
        ("does the frog have a tadpole stage?", "The frog skips the tadpole stage.", "No"),
        ("did voters approve the dam?", "Voters rejected the dam on Sunday.", "No"),
        # ... but not to a thing further on, nor when it is the question's own verb
        ("was the dam built?", "Voters rejected a rival plan before the dam was built.", "Yes"),
        ("did voters reject the dam?", "Voters rejected the dam on Sunday.", "Yes"),
        # what is passed over is not so
        (
            "will the plant make chips for phones?",
            "It will make power chips rather than the chips used in phones.",
            "No",
        ),
        # a negation in a clause after "but" does not deny the one before it
        (
            "did the union welcome the pay?",
            "The union welcomed the pay but said it would not end the strike.",
            "Yes",
        ),
        ("did the union welcome the pay?", "The union did not welcome the pay.", "No"),
    ],
)
def test_yes_or_no(question: str, text: str, expected: str) -> None:
    analysis = analyze_question(question)
    sentence = sentence_for(Passage(text, 0, len(text), 0, 0), analysis)
    assert decide_yes_no(sentence, analysis)[0] == expected


@pytest.mark.parametrize(
    ("question", "text", "said"),
    [
        # every word said
        ("was the CFO convicted?", "The CFO was convicted on Friday.", 1.0),
        # the opposite of a word speaks to it as much: the sentence answers the question
        ("was the CFO convicted?", "The verdict acquitting the CFO was read.", 1.0),
        # a word neither said nor contradicted is missing
        ("was the CFO convicted?", "The CFO wept in court.", None),
        # a split vote speaks to "unanimous"
        ("was the vote unanimous?", "The vote was 5-2.", 1.0),
        ("was the vote unanimous?", "The vote was held on Monday.", None),
    ],
)
def test_a_yes_no_question_is_said_by_a_word_or_its_opposite(
    question: str, text: str, said: float | None
) -> None:
    analysis = analyze_question(question)
    weights = WordWeights(dict.fromkeys(analysis.content_stems, 1.0), len(analysis.content_stems))
    measured = yes_no_coverage(analysis, weights, text)
    assert measured == said if said is not None else measured < 1.0


def _sentence(text: str, question: str, index: int = 0) -> Sentence:
    return sentence_for(Passage(text, 0, len(text), 0, index), analyze_question(question))


@pytest.mark.parametrize(
    ("question", "best", "neighbours", "before", "expected"),
    [
        # the sentence says the whole question: its own wording decides
        ("was the strike the first?", "The strike was the first in years.", [], "", "Yes"),
        # it says only part, the rest said by neighbours: not a "yes" ...
        (
            "did voters approve the dam?",
            "The parliament approved the dam in March.",
            ["Most voters went to the polls early."],
            "",
            None,
        ),
        # ... but a neighbour that plainly negates it is a "no"
        (
            "were any protesters arrested?",
            "The protesters left peacefully at 7 p.m.",
            ["Police said no arrests were made."],
            "",
            "No",
        ),
        # a pronoun opening the sentence stands for the person named before it
        (
            "is the injured firefighter stable?",
            "He is stable in hospital.",
            [],
            "An injured firefighter was flown out.",
            "Yes",
        ),
        ("is the injured firefighter stable?", "He is stable in hospital.", [], "", None),
    ],
)
def test_a_yes_needs_the_sentence_itself_and_a_no_may_come_from_a_neighbour(
    question: str, best: str, neighbours: list[str], before: str, expected: str | None
) -> None:
    analysis = analyze_question(question)
    weights = WordWeights(dict.fromkeys(analysis.content_stems, 1.0), len(analysis.content_stems))
    # the best sentence is passage 1; the one before it, when given, passage 0
    around = [_sentence(text, question, 2 + at) for at, text in enumerate(neighbours)]
    if before:
        around.append(_sentence(before, question, 0))
    verdict = judge_yes_no(_sentence(best, question, 1), around, analysis, weights, 1.0)
    assert (verdict.short if verdict is not None else None) == expected


@pytest.mark.parametrize(
    ("question", "best", "expected"),
    [
        # a "no" the sentence says itself stands on a sentence saying part of the question
        (
            "will the freedom party back the new cabinet?",
            "Its leader said his party would vote against the new cabinet.",
            "No",
        ),
        ("did the newspaper name its source?", "The newspaper declined to name him.", "No"),
        ("will the funeral be public?", "The family said the funeral would be private.", "No"),
        # a "yes" does not: the reader is shown the sentence
        ("did the council back the closures?", "The council met on Monday.", None),
    ],
)
def test_a_no_said_by_the_sentence_needs_only_part_of_the_question(
    question: str, best: str, expected: str | None
) -> None:
    analysis = analyze_question(question)
    weights = WordWeights(dict.fromkeys(analysis.content_stems, 1.0), len(analysis.content_stems))
    verdict = judge_yes_no(_sentence(best, question, 1), [], analysis, weights, 0.55)
    assert (verdict.short if verdict is not None else None) == expected
