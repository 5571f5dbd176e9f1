"""Details that pin a question's event: bot/composer/pinned.py, and the candidates it keeps."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.composer.pinned import pinned_unsaid
from bot.composer.questions import analyze_question
from tests.conftest import reader_of
from tests.test_eligibility import _assert_admits


@pytest.mark.parametrize(
    ("question", "text", "unsaid"),
    [
        ("how many seats did Rural Voice win in 2021?", "Rural Voice won 9 seats.", True),
        ("how many seats did Rural Voice win in 2021?", "In 2021 Rural Voice won 11.", False),
        # a span of years: "the 1700s" is also "the 18th century"
        ("how many fled by the 1700s?", "500,000 had fled by the early 18th century.", False),
        ("how many fled by the 1600s?", "500,000 had fled by the early 18th century.", True),
        # ... or "the 17th and 18th centuries", or a year inside it
        (
            "who were mayors in the 1600s?",
            "Some were mayors in the 17th and 18th centuries.",
            False,
        ),
        ("who fled in the 1700s?", "Many fled in 1750.", False),
        ("who fled in the 1940s?", "Many fled in 1945.", False),
        ("who fled in the 1940s?", "Many fled in 1955.", True),
        ("who fled in the 2000s?", "Many fled in 2004.", False),
        ("who fled in the 1700s?", "Many fled on the 18th of May.", True),
        # a number, written with or without its thousands' comma
        ("what ran at 10000 horsepower?", "Engines of 10,000 horsepower ran.", False),
        ("why were there 8 schools?", "There were 18 schools.", True),
        # a digit is said by its word, and a count of what is asked pins nothing
        (
            "how did the Yuan come to have the 4 schools?",
            "Its Four Great Schools came from Jin.",
            False,
        ),
        (
            "how did the Yuan come to have the 8 schools?",
            "Its Four Great Schools came from Jin.",
            True,
        ),
        ("what 3 things does the Air Force need?", "It needs radios, maps and fuel.", False),
        ("what are the 3 most popular libraries?", "Cabot, Lamont and Widener are busiest.", False),
        # a date question's year, a number question's number, are what it asks
        ("when did the war end, before or after 1945?", "The war ended in 1944.", False),
        ("how many of the 12 miners died?", "One miner died.", False),
        ("who won?", "Sato won.", False),
        # a number joined to a name by a hyphen is part of the name, and pins nothing
        ("where was Lyra-2 assembled?", "The probe was assembled in Turin.", False),
        ("how fast did the F-16 fly?", "The jet flew at 900 kilometres an hour.", False),
        # "last year" asks about an earlier occasion, which a sentence must speak of
        ("who won at Lake Louise last year?", "Aaslund won at Lake Louise on Saturday.", True),
        ("who won at Lake Louise last year?", "Imboden won there last year.", False),
        ("who won at Lake Louise last year?", "Imboden won there in 2025.", False),
        ("who won the race a year ago?", "Imboden won it a year ago.", False),
        ("when did she win last year?", "She won on Saturday.", False),
    ],
)
def test_a_year_or_number_the_question_names(question: str, text: str, unsaid: bool) -> None:
    assert pinned_unsaid(analyze_question(question), text) is unsaid


def test_a_sentence_of_another_year_offers_no_candidates() -> None:
    reader = reader_of(
        "Cup semifinal\n\n"
        "Ashbourne beat Harrow Athletic 3-0 in the other semifinal on Tuesday. "
        "Riverside last reached a major final in 1988, when it lost to Ashbourne."
    )
    _assert_admits("who beat Riverside in 1988?", reader, "Ashbourne", "Harrow Athletic")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.text(max_size=400))
def test_any_question_and_text_give_an_answer(question: str, text: str) -> None:
    assert pinned_unsaid(analyze_question(question), text) in {True, False}
