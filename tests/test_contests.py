"""The sides of a contest: who a question asks for, and where a span stands."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.composer.contests import LOSER, WINNER, asked_side, contest_fit, side_of
from bot.composer.eligibility import candidate_spans
from bot.composer.questions import analyze_question
from tests.conftest import reader_of

READER = reader_of(
    "Final\n\n"
    "In the men's final, Argentina's Tomás Iglesias beat Canada's Noah Fairweather 6-3, 6-4. "
    "Katalin Varga was beaten by Emi Sato. "
    "Pavel Dorokhov lost to Marek Novak in the semifinal. "
    "Ana Silva won the junior title. "
    "Luis Ortega coached both players."
)


@pytest.mark.parametrize(
    ("question", "side"),
    [
        ("who won the men's final?", WINNER),
        ("which party won the most seats?", WINNER),
        ("who beat Varga?", WINNER),
        ("who was the champion?", WINNER),
        ("who lost the men's final?", LOSER),
        ("who did Sato beat?", LOSER),
        ("who was beaten in the final?", LOSER),
        # the other side again, after "to" and "by"
        ("who did Varga lose to?", WINNER),
        ("who was Varga beaten by?", WINNER),
        ("who coached the players?", None),
        ("who is the president?", None),
        # a quantity asks for no side
        ("how many jobs were lost?", None),
        ("when did Sato beat Varga?", None),
    ],
)
def test_the_side_a_question_asks_for(question: str, side: str | None) -> None:
    assert asked_side(analyze_question(question)) == side


def _sides(question: str) -> dict[str, str | None]:
    analysis = analyze_question(question)
    found: dict[str, str | None] = {}
    for index in range(len(READER.knowledge.retriever.passages)):
        for candidate in candidate_spans(analysis, index, READER)[1]:
            found[candidate.text] = side_of(candidate)
    return found


@pytest.mark.parametrize(
    ("name", "side"),
    [
        ("Tomás Iglesias", WINNER),  # the doer of "beat"
        ("Noah Fairweather", LOSER),  # its object
        ("Katalin Varga", LOSER),  # "was beaten by": the other way round
        ("Emi Sato", WINNER),
        ("Pavel Dorokhov", LOSER),  # "lost to"
        ("Marek Novak", WINNER),
        ("Ana Silva", WINNER),  # "won" has a winner's side only
        ("Luis Ortega", None),  # no contest
    ],
)
def test_the_side_a_name_stands_on(name: str, side: str | None) -> None:
    # a question whose verb the story does not use: "who lost?" would keep out "Marek
    # Novak" of "lost to Marek Novak" before his side is read (to whom it was done)
    assert _sides("who played?")[name] == side


def test_a_fit_is_signed_by_the_side_asked() -> None:
    analysis = analyze_question("who lost the men's final?")
    fits = {}
    for index in range(len(READER.knowledge.retriever.passages)):
        for candidate in candidate_spans(analysis, index, READER)[1]:
            fits[candidate.text] = contest_fit(candidate, asked_side(analysis))
    assert fits["Noah Fairweather"] == 1.0
    assert fits["Tomás Iglesias"] == -1.0
    assert fits["Luis Ortega"] == 0.0
    assert contest_fit(next(iter(candidate_spans(analysis, 1, READER)[1])), None) == 0.0


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_question_asks_for_one_side_or_none(text: str) -> None:
    assert asked_side(analyze_question(text)) in {WINNER, LOSER, None}


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.sampled_from(["beat", "was", "by", "lost", "to", "won", "Ana", "Bo", ","]), max_size=400
    )
)
def test_any_sentence_gives_each_span_one_side_or_none(words: list[str]) -> None:
    reader = reader_of("Story\n\nAna Lee said. " + " ".join(words) + ".")
    analysis = analyze_question("who lost?")
    for index in range(len(reader.knowledge.retriever.passages)):
        for candidate in candidate_spans(analysis, index, reader)[1]:
            assert side_of(candidate) in {WINNER, LOSER, None}


def test_to_whom_a_loss_was_suffered_did_not_lose() -> None:
    """ "Pavel Dorokhov lost to Marek Novak": Novak is to whom he lost, no loser."""
    sides = _sides("who lost?")
    assert "Marek Novak" not in sides
    assert sides["Pavel Dorokhov"] == LOSER
