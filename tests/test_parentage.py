"""What someone's parents did for a living: bot/composer/parentage.py and its answer."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.composer import answer
from bot.composer.parentage import asked_parent, parents_work
from bot.knowledge import Knowledge
from retrieval import Passage, article_from_text


@pytest.mark.parametrize(
    ("question", "owner", "parent"),
    [
        ("what did her father do for a living", "her", "father"),
        ("What did his parents do?", "his", "parents"),
        ("what did her dad do", "her", "father"),
        ("what were his parents' jobs?", "his", "parents"),
        ("what was her mother's occupation", "her", "mother"),
        ("what job did his mum have?", "his", "mother"),
        ("what did radovan kučera's father do?", "radovan kučera's", "father"),
        # other questions about parents, or about doing, are not asked here
        ("who were her parents?", None, None),
        ("what did the council do?", None, None),
        ("what did her father say?", None, None),
        ("what did her father do after the verdict?", None, None),
    ],
)
def test_the_parent_a_question_asks_about(
    question: str, owner: str | None, parent: str | None
) -> None:
    asked = asked_parent(question.lower())
    if owner is None:
        assert asked is None
    else:
        assert asked is not None
        assert (asked.owner, asked.parent) == (owner, parent)


def _passages(*sentences: str) -> list[Passage]:
    story = article_from_text("A life\n\n" + "\n\n".join(sentences))
    return list(Knowledge.from_article(story).retriever.passages)


CONDUCTOR = (
    "Born in 1941 in Zlín, the son of a shoemaker and a church organist, Kučera began "
    "playing the violin at six."
)
PAINTER = "Born in El Paso in 1940 to a Mexican-born bricklayer and a schoolteacher, she drew."
POET = "Benavente was the youngest of six children of a railway clerk and a seamstress."


@pytest.mark.parametrize(
    ("text", "parent", "expected"),
    [
        (CONDUCTOR, "parents", "a shoemaker and a church organist"),
        (CONDUCTOR, "father", "a shoemaker"),
        (CONDUCTOR, "mother", "a church organist"),
        (PAINTER, "father", "a Mexican-born bricklayer"),
        (POET, "parents", "a railway clerk and a seamstress"),
        ("The son of a miner, he left school at 14.", "father", "a miner"),
        # one parent named says nothing of the other
        ("The son of a miner, he left school at 14.", "mother", None),
        # people named by no work, or no people at all
        ("He was born in 1950 to a Catholic family.", "parents", None),
        ("She was the daughter of a Dane and a Swede.", "parents", None),
        ("He is the son of the late mayor.", "father", None),
        ("Born to run, he trained at dawn.", "parents", None),
    ],
)
def test_what_the_parents_did_is_read_from_the_phrase(
    text: str, parent: str, expected: str | None
) -> None:
    found = parents_work(_passages(text), parent, frozenset())  # type: ignore[arg-type]
    assert (found.text if found is not None else None) == expected


def test_a_named_persons_parents_are_read_only_of_them() -> None:
    """ "daughter of a church minister" after "wife of commander Jan van Riebeeck" tells
    of the wife's father: a question about Jan's is not answered by it."""
    text = (
        "The first settler was Maria de la Queillerie, wife of commander Jan van Riebeeck "
        "(and daughter of a Walloon church minister)."
    )
    assert parents_work(_passages(text), "father", frozenset({"riebeeck"})) is None
    found = parents_work(_passages(CONDUCTOR), "parents", frozenset({"kucera"}))
    assert found is not None
    assert found.text == "a shoemaker and a church organist"


def test_the_composer_answers_with_the_phrase_and_says_whose_parent() -> None:
    story = article_from_text(
        "Conductor Radovan Kučera dies at 84\n\n"
        "Radovan Kučera, who led the Vltava Philharmonic for 27 years, died on Monday.\n\n"
        + CONDUCTOR
    )
    knowledge = Knowledge.from_article(story)
    reply = answer("what did his parents do for a living?", knowledge)
    assert reply.short_answer == "a shoemaker and a church organist"
    assert reply.statement == "His parents were a shoemaker and a church organist."
    assert reply.answer_start is not None
    assert reply.answer_end is not None
    assert story.text[reply.answer_start : reply.answer_end] == reply.short_answer
    named = answer("What did Radovan Kučera's father do?", knowledge)
    assert named.statement == "Radovan Kučera's father was a shoemaker."
    # an article that does not say it is answered as any other question
    other = Knowledge.from_article(article_from_text("A story\n\nThe mill closed in May."))
    assert answer("what did her father do?", other).short_answer is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_a_phrase_inside_it_or_none(text: str) -> None:
    try:
        passages = _passages(text)
    except ValueError:  # no words to index
        return
    found = parents_work(passages, "parents", frozenset())
    assert found is None or 0 <= found.start < found.end <= len(found.passage.text)


@pytest.mark.parametrize(
    "text",
    [
        "the son of " + "a a " * 20_000,
        "born " * 20_000 + "to a miner",
        "children of an a-a-a-a " * 5_000,
    ],
)
def test_hostile_text_is_read_in_bounded_steps(text: str) -> None:
    passages = _passages(text)
    start = time.perf_counter()
    parents_work(passages, "parents", frozenset())
    assert time.perf_counter() - start < 5.0
