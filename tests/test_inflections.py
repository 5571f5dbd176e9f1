"""Other forms of one word: irregular, spelt two ways, of one family, said by each other."""

from __future__ import annotations

import pytest

from bot.composer.inflections import related_stems, same_stem
from retrieval.analysis import stem


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("won", "win"),  # irregular
        ("defence", "defense"),  # spelt two ways
        ("acquitted", "acquittal"),  # one family, which the stemmer keeps apart
        ("failed", "failure"),  # a noun in -ure ("the pump's failure")
        ("seized", "seizure"),
        ("closing", "closure"),
        ("signed", "signatures"),
        ("leaked", "leakage"),  # a noun in -age ("the leakage")
        ("wrecked", "wreckage"),
        ("husband", "married"),  # a spouse is said by the marriage
        ("die", "death"),  # dying by the death
        ("died", "dead"),
        ("romanian", "romania"),  # a country's adjective and the country
        ("swiss", "switzerland"),
    ],
)
def test_forms_of_one_word_meet(one: str, other: str) -> None:
    assert same_stem(stem(one), stem(other))
    assert same_stem(stem(other), stem(one))


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("die", "diet"),
        ("death", "marriage"),
        ("win", "wine"),
        # a country whose stem another word shares is left out ("France" stems as "francs")
        ("french", "francs"),
        ("polish", "poland"),  # nor an adjective that is also a verb
    ],
)
def test_other_words_do_not(one: str, other: str) -> None:
    assert not same_stem(stem(one), stem(other))


def test_a_question_about_dying_searches_for_the_death() -> None:
    assert related_stems(frozenset({stem("die")})) == {stem("death"): stem("die"), "dead": "die"}
