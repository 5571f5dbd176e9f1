"""Reported speech as an answer to "what did X say/announce?": one row a sentence."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.composer.candidates import Sentence
from bot.composer.extractors.reported import MAX_REPORTED_WORDS, extract_reported
from bot.composer.tokens import tokenize
from retrieval import Passage


def sentence_of(text: str) -> Sentence:
    tokens = tokenize(text)
    return Sentence(Passage(text, 0, len(text), 0, 0), tokens, (False,) * len(tokens))


def reported(text: str, verb: str | None = "say") -> list[str]:
    return [candidate.text for candidate in extract_reported(sentence_of(text), verb)]


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        # a clause without "that", opened by a pronoun and its verb
        (
            "Last week Moscow announced it would be recalling thousands of troops.",
            "say",
            ["it would be recalling thousands of troops"],
        ),
        # "that", after the listener or a time
        ("The mayor told reporters that the bridge would open in May.", "say",
         ["the bridge would open in May"]),
        ("Police said on Sunday that two men had been arrested.", "say",
         ["two men had been arrested"]),
        # a subject with a possessive before its verb; a quotation inside stays whole
        ('Officials said Biden\'s proposal has been "positively" received.', "say",
         ['Biden\'s proposal has been "positively" received']),
        ('Ushakov said the meeting would take place "dependent on many factors".', "say",
         ['the meeting would take place "dependent on many factors"']),
        # the report ends at a comma: what follows is another clause
        ("He said the talks had failed, officials confirmed on Monday.", "say",
         ["the talks had failed"]),
        # a warning is reported by a verb of its own kind
        ("The union warned that the cranes could cost 300 jobs.", "warn",
         ["the cranes could cost 300 jobs"]),
    ],
)  # fmt: skip
def test_reported_clauses(text: str, verb: str, expected: list[str]) -> None:
    assert reported(text, verb) == expected


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("The company announced the deal on Friday.", "say"),  # an object, not a clause
        # after an object, "that" opens a relative clause, no report
        ("The union announced the deal that ended the strike.", "say"),
        ("The union announced a deal which ended the strike.", "say"),
        ("The announcement said nothing.", "say"),  # the verb's subject, no clause after it
        ('He said: "We will rebuild."', "say"),  # a quotation, which the quote rule reads
        ("Russia announced it would withdraw.", None),  # no speech asked about
        ("The union warned that the cranes could cost jobs.", "promis"),  # another kind
    ],
)
def test_no_reported_clause(text: str, verb: str | None) -> None:
    assert reported(text, verb) == []


def test_a_report_too_long_for_a_short_answer_is_none() -> None:
    words = " ".join(["very"] * MAX_REPORTED_WORDS)
    assert reported(f"She said that it was {words} long.") == []


def test_hostile_sentences_stay_fast() -> None:
    """A sentence of speech verbs and clauses is read in bounded steps per verb."""
    text = "he said it was " * 20_000
    start = time.perf_counter()
    found = reported(text)
    assert time.perf_counter() - start < 5.0
    assert all(len(clause.split()) <= MAX_REPORTED_WORDS for clause in found)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("said that it he was, ;\"'Aa.")), max_size=300))
def test_any_text_gives_clauses_inside_it(text: str) -> None:
    for clause in reported(text):
        assert clause
        assert clause in text
