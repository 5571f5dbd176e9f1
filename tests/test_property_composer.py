"""Properties of the composer's ``answer()`` on hostile questions and articles.

Whatever a person types (controls, NUL, bidirectional and combining marks,
emoji, lone surrogates, markdown, code fences, mentions, nothing at all), and
whatever article the bot was given: an answer comes back, it is well formed
and printable as UTF-8 JSON, and the same question in the same state gets the
same answer.
"""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.answers import Answer, AnswerKind
from bot.composer import MAX_QUESTION_CHARS, answer
from bot.conversation import MAX_TURNS, Conversation
from bot.knowledge import Knowledge
from retrieval import ArticleError, article_from_text
from tests.reliability_inputs import hostile_text

QUESTIONS = st.one_of(
    hostile_text(),
    st.text(max_size=200),
    st.text(alphabet=" \t\n\r\x0b\x0c\u00a0\u2028\u3000", max_size=50),  # only whitespace
    hostile_text(max_size=10).map(lambda text: text * 300),  # very long
)


def _assert_well_formed(result: Answer, knowledge: Knowledge) -> None:
    assert result.answer.strip()
    assert len(result.question) <= MAX_QUESTION_CHARS
    assert 0.0 <= result.confidence <= 1.0
    assert result.kind in set(AnswerKind)
    # A short answer, or for a passage the answering sentence; nothing for the rest.
    quoted = {AnswerKind.ANSWER, AnswerKind.PASSAGE}
    assert (result.short_answer is None) == (result.kind not in quoted)
    text = knowledge.article.text
    for evidence in result.passages:
        assert text[evidence.start : evidence.end] == evidence.text
    if result.answer_start is not None and result.answer_end is not None:
        assert 0 <= result.answer_start < result.answer_end <= len(text)
    # ``ask --json`` prints it as UTF-8: no lone surrogate may survive.
    json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8")


@settings(max_examples=200, deadline=None)
@given(QUESTIONS)
def test_every_question_gets_a_well_formed_answer_and_the_same_one_again(
    seed_knowledge: Knowledge, question: str
) -> None:
    result = answer(question, seed_knowledge)
    _assert_well_formed(result, seed_knowledge)
    assert answer(question, seed_knowledge) == result


@settings(max_examples=60, deadline=None)
@given(st.lists(QUESTIONS, min_size=1, max_size=6))
def test_a_conversation_of_hostile_questions_is_bounded_and_replays_alike(
    seed_knowledge: Knowledge, questions: list[str]
) -> None:
    def replay() -> list[Answer]:
        conversation = Conversation(clock=lambda: 0.0)
        results = [answer(question, seed_knowledge, conversation) for question in questions]
        assert len(conversation.turns) <= MAX_TURNS
        return results

    first = replay()
    for result in first:
        _assert_well_formed(result, seed_knowledge)
    assert replay() == first


@settings(max_examples=60, deadline=None)
@given(article=hostile_text(max_size=150), questions=st.lists(QUESTIONS, max_size=3))
def test_hostile_articles_answer_hostile_questions(article: str, questions: list[str]) -> None:
    try:
        knowledge = Knowledge.from_article(article_from_text("A headline\n\n" + article))
    except ArticleError:
        return
    for question in [*questions, "when is the summit?", "who said it?"]:
        result = answer(question, knowledge)
        _assert_well_formed(result, knowledge)
        assert answer(question, knowledge) == result
