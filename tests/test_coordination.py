"""Answers of several items: the count a question asks for, and candidates joined to it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.composer.candidates import Candidate, Sentence
from bot.composer.coordination import asked_count, item_count, joined_items, whole_lists
from bot.composer.tokens import tokenize
from retrieval import Passage


def sentence_of(text: str) -> Sentence:
    tokens = tokenize(text)
    return Sentence(Passage(text, 0, len(text), 0, 0), tokens, (False,) * len(tokens))


def candidate(sentence: Sentence, words: str, rule: str = "name:person") -> Candidate:
    """The candidate over the first run of tokens spelling ``words``."""
    wanted = [token.text for token in tokenize(words)]
    texts = [token.text for token in sentence.tokens]
    first = next(i for i in range(len(texts)) if texts[i : i + len(wanted)] == wanted)
    return Candidate(sentence, first, first + len(wanted) - 1, rule, 1.0)


@pytest.mark.parametrize(
    ("question", "count"),
    [
        ("What two scientists proposed the theory?", 2),
        ("What are the three sources of EU law?", 3),
        ("Which two courts apply the law?", 2),
        ("Immunological memory can take what two forms?", 2),
        ("Name the two teams in the final", 2),
        # a count the question says of its own subject asks for no count
        ("Time and space are both examples of what type of resource?", 0),
        ("If the three institutions cannot agree, what is formed?", 0),
        ("How many of the two teams scored?", 0),
        ("What did the two leaders agree?", 0),
    ],
)
def test_asked_count(question: str, count: int) -> None:
    assert asked_count(question) == count


@pytest.mark.parametrize(
    ("span", "items"),
    [
        ("Robert Koch", 1),
        ("Robert Koch and Emil von Behring", 2),
        ("time or space", 2),
        ("best, worst and average", 3),
        ("primary law, secondary law, and supplementary law", 3),
    ],
)
def test_item_count(span: str, items: int) -> None:
    assert item_count(tokenize(span)) == items


def test_two_names_joined_by_and_make_one_answer_of_two() -> None:
    sentence = sentence_of("It was held by Robert Koch and Emil von Behring, among others.")
    koch, behring = candidate(sentence, "Robert Koch"), candidate(sentence, "Emil von Behring")
    runs = joined_items([koch, behring], 2)
    assert [run.text for run in runs] == ["Robert Koch and Emil von Behring"]
    assert runs[0].rule == "name:person"


def test_three_items_need_three_candidates_of_one_family() -> None:
    sentence = sentence_of("The classes BPP, ZPP and RP are defined.")
    items = [candidate(sentence, word, "chunk") for word in ("BPP", "ZPP", "RP")]
    assert [run.text for run in joined_items(items, 3)] == ["BPP, ZPP and RP"]
    assert joined_items(items, 2)[0].text == "BPP, ZPP"
    mixed = [*items[:2], candidate(sentence, "RP", "name:person")]
    assert joined_items(mixed, 3) == []


def test_items_apart_are_not_joined() -> None:
    sentence = sentence_of("Koch said the agents were soluble, and Behring agreed.")
    items = [candidate(sentence, "Koch"), candidate(sentence, "Behring")]
    assert joined_items(items, 2) == []


@pytest.mark.parametrize(
    ("text", "items", "expected"),
    [
        # a whole list, however long, when the question names no count
        (
            "It was signed by France, Italy, Belgium, the Netherlands, Luxembourg and Germany.",
            ["France", "Italy", "Belgium", "Netherlands", "Luxembourg", "Germany"],
            ["France, Italy, Belgium, the Netherlands, Luxembourg and Germany"],
        ),
        (
            "Seize power by revolution or invasion.",
            ["revolution", "invasion"],
            ["revolution or invasion"],
        ),
        # a list closes with "and" or "or": commas alone say one thing twice, or nothing
        ("Banco Litoral, the region's largest lender, rose.", ["Banco Litoral", "lender"], []),
        ("As a result, Tibetan Buddhism spread.", ["result", "Tibetan Buddhism"], []),
        # ... and the comma-joined items after the last "and" fall off the list
        ("Koch and Behring, Ehrlich agreed.", ["Koch", "Behring", "Ehrlich"], ["Koch and Behring"]),
    ],
)
def test_whole_lists_join_every_item_of_a_list(
    text: str, items: list[str], expected: list[str]
) -> None:
    sentence = sentence_of(text)
    found = [candidate(sentence, item, "chunk") for item in items]
    assert [run.text for run in whole_lists(found)] == expected


@given(st.text(max_size=300))
def test_any_question_asks_a_small_count(question: str) -> None:
    assert asked_count(question) in {0, 2, 3, 4, 5, 6}
