"""Spans that give one answer: a name and its end count as one, and the fuller is given."""

from __future__ import annotations

import pytest

from bot.composer.selection import full_name_first, same_answer


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("Biden", "Joe Biden", True),
        ("joe biden", "Joe Biden", True),
        ("Joe Biden", "Biden", True),
        ("Biden", "Hunter Biden Jr", False),  # its end is another word
        ("Sato", "Emi Sato", True),
        ("Putin", "Joe Biden", False),
        ("5-2", "2", False),  # one word is one word
    ],
)
def test_same_answer(one: str, other: str, same: bool) -> None:
    assert same_answer(one, other) is same


@pytest.mark.parametrize(
    ("texts", "names", "scores", "first"),
    [
        # the full name scoring nearly as well comes first
        (["Biden", "Russian leader", "Joe Biden"], [True, False, True], [2.9, 2.8, 2.7], 2),
        # not when it scores much lower
        (["Biden", "Russian leader", "Joe Biden"], [True, False, True], [2.9, 2.8, 1.9], 0),
        # nor when the best span is no name, or the longer one names another
        (["leader", "Joe Biden"], [False, True], [2.9, 2.8], 0),
        (["Biden", "Joe Smith"], [True, True], [2.9, 2.8], 0),
        # nor a longer span that is no name (a role with the name)
        (["Biden", "President Joe Biden"], [True, False], [2.9, 2.8], 0),
    ],
)
def test_the_full_name_comes_first(
    texts: list[str], names: list[bool], scores: list[float], first: int
) -> None:
    order = full_name_first(texts, names, scores)
    assert order[0] == first
    assert sorted(order) == list(range(len(texts)))
