"""The person a story is about, for a first question that says only "she"."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.composer.central_person import central_person, stands_for_someone
from bot.composer.reader import reader_for
from bot.knowledge import Knowledge
from retrieval import article_from_text
from tests.conftest import reader_of


@pytest.mark.parametrize(
    ("story", "person"),
    [
        # named in full once, then by surname
        (
            "Painter dies\n\nInes Calder, a painter, died on Sunday. Calder was 84. "
            "Her nephew, Dan Ruiz, confirmed it. Calder had no children.",
            "Ines Calder",
        ),
        # two people named as often: no one person
        (
            "Final\n\nAna Sato beat Kata Varga. Sato served first. Varga served second.",
            None,
        ),
        # a person named once is no story's subject
        ("Port\n\nShips waited. Ana Sato said so.", None),
    ],
)
def test_the_person_named_most_often_is_the_storys(story: str, person: str | None) -> None:
    assert central_person(reader_of(story)) == person


def test_with_several_articles_there_is_no_one_person() -> None:
    story = "Painter dies\n\nInes Calder died on Sunday. Calder was 84. Calder painted skies."
    knowledge = Knowledge.from_articles([article_from_text(story), article_from_text(story)])
    assert central_person(reader_for(knowledge)) is None


@pytest.mark.parametrize(
    ("question", "stands"),
    [
        ("how old was she?", True),
        ("who was her husband?", True),
        ("where was he born?", True),
        ("how old was Calder?", False),  # names someone
        ("how old is it?", False),  # no person
        ("where did I read this?", False),
    ],
)
def test_a_question_stands_for_someone_when_a_pronoun_is_all_it_names(
    question: str, stands: bool
) -> None:
    assert stands_for_someone(question) is stands


@given(st.text(max_size=300))
def test_any_text_is_read_without_error(text: str) -> None:
    assert stands_for_someone(text) in {True, False}
