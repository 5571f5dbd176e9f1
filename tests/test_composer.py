"""The composer end to end on the seed article: short answers, abstention, chat, follow-ups."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.answers import AnswerKind
from bot.composer import MAX_QUESTION_CHARS, answer
from bot.conversation import Conversation
from bot.knowledge import Knowledge, load_knowledge
from retrieval import article_from_text

# Known misses of the fitted weights, kept visible: the seed's bar (issue 10) is 22
# of 24 hits, and strict xfail says so the day one of them starts to pass.
_G7 = pytest.mark.xfail(
    strict=True,
    reason="the sentence ranker prefers the one naming 'the G7 summit' and its dates; the "
    "answer sits beside the sentence that names the meeting a summit",
)
_QUOTE_ELSEWHERE = pytest.mark.xfail(
    strict=True, reason="a quotation with 'said' outranks the headline's quoted word"
)


@pytest.mark.parametrize(
    ("question", "short_answer"),
    [
        pytest.param("When is the summit?", "June 15-16", marks=_G7),
        pytest.param("wen is the summt", "June 15-16", marks=_G7),
        ("When will Biden and Putin meet?", "June 15-16"),
        ("wen will biden and putin meat", "June 15-16"),
        ("When is the NATO summit?", "June 14"),
        ("Where is the G7 summit held?", "UK"),
        ("Who is Yuri Ushakov?", "Putin's foreign policy adviser"),
        ("Which newspaper reported the proposed dates?", "Kommersant"),
        pytest.param("What did Biden call Putin?", "killer", marks=_QUOTE_ELSEWHERE),
        ("who called Putin a killer?", "Joe Biden"),
        ("How long was Navalny on hunger strike?", "24-day"),
        ("What did Putin reply to Biden's remark?", "It takes one to know one"),
        ("How did the Kremlin receive Biden's proposal?", "positively"),
        ("Why did Biden impose sanctions on Russia?", "for election meddling"),
        # Quantities whole (issue 10): the counted noun stays with its number.
        ("How many troops is Moscow recalling from the border?", "thousands of troops"),
        ("Has a location for the meeting been agreed?", "No"),
        ("Did Putin agree to join the climate summit?", "Yes"),
    ],
)
def test_short_answers(seed_knowledge: Knowledge, question: str, short_answer: str) -> None:
    result = answer(question, seed_knowledge)
    assert result.kind is AnswerKind.ANSWER
    assert result.short_answer == short_answer


@pytest.mark.parametrize(
    "question",
    [
        "What is the capital of France?",
        "Who won the 2018 World Cup?",
        "How do I bake sourdough bread?",
        "What is the stock price of Apple?",
        "zxqv wplk",
        # the sentence that names the role gives no name beside it ("proposed to Putin")
        "Who is the 46th US president?",
        # the search finds "build" inside "build-up" by another form of "built"; the
        # sentence uses no word of the question
        "Who built the train?",
        # a role of a body the article names, but never the role ("Putin" had answered)
        "Who is the chairman of Kommersant?",
    ],
)
def test_out_of_scope_questions_are_declined(seed_knowledge: Knowledge, question: str) -> None:
    result = answer(question, seed_knowledge)
    assert result.kind is AnswerKind.NO_ANSWER
    assert result.short_answer is None
    assert result.answer.startswith("The article doesn't say.")


def test_reply_states_the_answer_hedged_then_quotes_the_source(seed_knowledge: Knowledge) -> None:
    result = answer("When will Biden and Putin meet?", seed_knowledge)
    assert result.statement.startswith("June 15-16, reportedly")
    assert "no specific date or location has yet been agreed upon" in result.statement
    assert result.answer.splitlines()[1].startswith('> "Biden has reportedly offered')


def test_answer_offsets_point_at_the_short_answer(seed_knowledge: Knowledge) -> None:
    result = answer("Which newspaper reported the proposed dates?", seed_knowledge)
    assert result.answer_start is not None
    assert result.answer_end is not None
    text = seed_knowledge.article.text
    assert text[result.answer_start : result.answer_end] == result.short_answer
    source = result.passages[0]
    assert source.start <= result.answer_start < result.answer_end <= source.end


def test_evidence_is_best_first(seed_knowledge: Knowledge) -> None:
    result = answer("Who is Yuri Ushakov?", seed_knowledge)
    scores = [evidence.score for evidence in result.passages]
    assert scores == sorted(scores, reverse=True)
    assert "Yuri Ushakov" in result.passages[0].text
    assert result.notes, "the chosen rule and its score parts are kept for :why"


@pytest.mark.parametrize(
    ("message", "fragment"),
    [
        ("hello", "Ask me anything about"),
        ("Hi there!", "Ask me anything about"),
        ("thanks", "You're welcome"),
        ("help", "Follow-ups work too"),
        ("bye", "Goodbye"),
    ],
)
def test_small_talk(seed_knowledge: Knowledge, message: str, fragment: str) -> None:
    result = answer(message, seed_knowledge)
    assert result.kind is AnswerKind.CHAT
    assert fragment in result.answer


@pytest.mark.parametrize("message", ["what is the article about?", "summary", "tl;dr"])
def test_summary_is_two_lead_sentences(seed_knowledge: Knowledge, message: str) -> None:
    result = answer(message, seed_knowledge)
    assert result.kind is AnswerKind.SUMMARY
    assert len(result.passages) == 2
    assert result.passages[0].text.startswith("PRESIDENT Joe Biden will meet")


def test_follow_ups_borrow_the_previous_subject(seed_knowledge: Knowledge) -> None:
    conversation = Conversation()
    first = answer("When will Biden and Putin meet?", seed_knowledge, conversation)
    assert first.short_answer == "June 15-16"
    where_they_meet = answer("and where?", seed_knowledge, conversation).short_answer
    assert where_they_meet in {"a neutral country", "a mystery country", "a European country"}
    answer("Who is Yuri Ushakov?", seed_knowledge, conversation)
    where = answer("where did he speak?", seed_knowledge, conversation)
    assert where.short_answer == "Russian state television"


def test_a_pronoun_after_a_who_question_stands_for_the_person_answered() -> None:
    knowledge = Knowledge.from_article(
        article_from_text(
            "Painter dies\n\n"
            "Ines Calder, a painter of desert skies, died on Sunday at her home in Santa Fe. "
            "She was 84. Born in El Paso in 1940, Calder began drawing as a child. "
            "Calder married the sculptor Arthur Benn in 1970; they divorced in 1982."
        )
    )
    conversation = Conversation()
    assert answer("who died?", knowledge, conversation).short_answer == "Ines Calder"
    assert answer("how old was she?", knowledge, conversation).short_answer == "84"
    assert answer("who was her husband?", knowledge, conversation).short_answer == "Arthur Benn"
    # without a conversation, a lone pronoun stands for the person the story is about
    assert answer("how old was she?", knowledge).short_answer == "84"


def test_follow_up_context_expires(seed_knowledge: Knowledge) -> None:
    now = [0.0]
    conversation = Conversation(idle_seconds=60, clock=lambda: now[0])
    answer("When is the summit?", seed_knowledge, conversation)
    now[0] = 3600.0
    assert answer("and where?", seed_knowledge, conversation).kind is AnswerKind.NO_ANSWER


def test_without_a_conversation_follow_ups_stand_alone(seed_knowledge: Knowledge) -> None:
    assert answer("and where?", seed_knowledge).kind is AnswerKind.NO_ANSWER


def test_long_questions_are_truncated(seed_knowledge: Knowledge) -> None:
    result = answer("when is the summit? " * 10_000, seed_knowledge)
    assert len(result.question) <= MAX_QUESTION_CHARS


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=600))
def test_any_text_gets_a_deterministic_reply(seed_knowledge: Knowledge, text: str) -> None:
    first = answer(text, seed_knowledge)
    assert first.answer
    assert 0.0 <= first.confidence <= 1.0
    assert first == answer(text, seed_knowledge)
    if first.short_answer is not None and first.answer_start is not None:
        assert first.answer_end is not None
        assert seed_knowledge.article.text[first.answer_start : first.answer_end]


FIXTURES = Path(__file__).parent / "fixtures"


def test_relative_dates_are_resolved_and_the_source_is_named() -> None:
    knowledge = load_knowledge(FIXTURES / "tabloid_pier.html")
    result = answer("when did the pier reopen?", knowledge)
    assert result.statement.startswith("Tuesday (13 June 2023)")
    assert result.answer.splitlines()[1].endswith("according to The Daily Clarion, 14 June 2023)")


def test_the_doer_after_by_answers_who() -> None:
    knowledge = load_knowledge(FIXTURES / "wire_hydrogen_train.html")
    assert answer("who built the train?", knowledge).short_answer == "Corvel"
