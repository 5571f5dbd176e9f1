"""Naming the holder of a role a question asks about: bot/composer/holders.py."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.composer import answer
from bot.composer.holders import name_the_holder
from bot.composer.questions import analyze_question
from bot.knowledge import Knowledge
from retrieval import article_from_text
from tests.conftest import reader_of

STORY = (
    "Brenko concedes defeat\n\n"
    "VALMORA (Wire) — Prime Minister Tomas Brenko lost the election on Sunday. "
    "Brenko, 63, conceded defeat on Monday.\n\n"
    "Aldmark chief executive Mikkel Rasmussen-Holt will lead the group. "
    "Solvik's chief executive, Annika Thorsell, 47, said little. "
    "Finance Minister Ana Ruiz met Health Minister Joao Silva. "
    "The student body voted."
)
READER = reader_of(STORY)


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("how old is the prime minister", "prime minister Tomas Brenko"),
        ("what did the prime minister say?", "prime minister Tomas Brenko say?"),
        # a verb the lexicon knows as a noun, before its object
        ("what did the prime minister call the result?", "Tomas Brenko call the result?"),
        ("how old is the defeated prime minister", "defeated prime minister Tomas Brenko"),
        # the owner picks one of two holders of a title
        ("how old is the Solvik chief executive", "Solvik chief executive Annika Thorsell"),
        ("how old is Solvik's chief executive", "Solvik's chief executive Annika Thorsell"),
        # two holders, none, or a holder asked for: left as typed
        ("how old is the chief executive", None),
        ("how old is the minister", None),
        ("how old is the mayor", None),
        ("who is the prime minister?", None),
        ("what is the name of the prime minister?", None),
        # a named holder, a plural, a role word that modifies another noun
        ("how old is the prime minister Tomas Brenko", None),
        ("how old are the ministers", None),
        ("when did the student body vote?", None),
    ],
)
def test_the_holder_of_a_role_is_named_when_the_article_gives_it_one_person(
    question: str, named: str | None
) -> None:
    result = name_the_holder(analyze_question(question), READER)
    if named is None:
        assert result == question
    else:
        assert result.endswith(named)


def test_a_question_about_a_holder_finds_the_sentence_that_names_them_alone() -> None:
    """ "Brenko, 63," never says "prime minister"; named, the question finds it."""
    knowledge = Knowledge.from_article(article_from_text(STORY))
    reply = answer("how old is the prime minister?", knowledge)
    assert reply.short_answer == "63"
    # a holder named but no age said of her: still declined
    assert answer("how old is the finance minister?", knowledge).short_answer is None


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["the", "prime", "minister", "Solvik's", "chief", "executive", "of", "how", "old",
             "is", "Brenko", "mayor", "at", "?", "student", "body", "their", "coach", "x" * 40]
        ),
        max_size=300,
    )
)  # fmt: skip
def test_naming_a_holder_only_adds_a_name_and_stays_bounded(words: list[str]) -> None:
    asked = analyze_question(" ".join(words))
    named = name_the_holder(asked, READER)
    added = set(named.split()) - set(asked.text.split())
    assert set(asked.text.split()) <= set(named.split())
    assert added <= {"Tomas", "Brenko", "Annika", "Thorsell"}
