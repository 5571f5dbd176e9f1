"""The short answer's last touches: what of the span is not the answer."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.composer.questions import analyze_question
from bot.composer.trimming import trimmed


@pytest.mark.parametrize(
    ("question", "span", "answer"),
    [
        # the question's own head noun and "of" before the answer
        ("what is the maximum sentence?", "sentence of 20 years", "20 years"),
        ("what policy gave Britain dominance?", "the policy of free trade", "free trade"),
        ("what nominal title did the emperors have?", "title of Great Khan", "Great Khan"),
        # a name keeps its words, and a head with nothing after "of" stays
        ("which bank raised rates?", "Bank of England", "Bank of England"),
        ("what policy?", "policy of", "policy of"),
        # a possessive, a trailing mark, an age's "-year-old", a lifespan's other year
        ("which country won?", "Canada's", "Canada"),
        ("who signed it?", "Ana Ruiz,", "Ana Ruiz"),
        ("how old is Ana Ruiz?", "52-year-old", "52"),
        ("when was he born?", "1919–1980", "1919"),
        # a count ends before the noun the question counts; a modifier or a name does not
        ("how many successors of Kublai were there?", "nine successors", "nine"),
        ("how many containers went through?", "2.1 million containers", "2.1 million"),
        ("how many troops pulled back?", "thousands of troops", "thousands of troops"),
        ("what type of engines became popular?", "steam engines", "steam engines"),
        ("how many railways were built?", "Two Railways", "Two Railways"),
        ("how many ships docked?", "ships", "ships"),
        # ... and so does a count joined to that noun in one word
        ("how many valves did the engine use?", "four-valve", "four"),
        ("how many weeks did the strike last?", "two-week", "two"),
        ("how many cylinders does it have?", "four-valve", "four-valve"),
        # the preposition the question already says
        ("what is Aldmark known for?", "for frozen pizzas", "frozen pizzas"),
        ("in what city was it signed?", "in Lisbon", "Lisbon"),
        ("where was it signed?", "in Lisbon", "in Lisbon"),
    ],
)
def test_the_answer_within_its_span(question: str, span: str, answer: str) -> None:
    start, end = trimmed(span, analyze_question(question))
    assert span[start:end] == answer


@given(st.text(max_size=200), st.text(max_size=100))
def test_any_span_trims_within_itself(span: str, question: str) -> None:
    start, end = trimmed(span, analyze_question(question))
    assert 0 <= start <= end <= len(span)
