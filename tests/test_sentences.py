"""Sentence splitting: the cases news text needs, one behaviour a row."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrieval.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("The U.S. is prepared to act.", ["The U.S. is prepared to act."]),
        (
            "He met the U.S. President. Then he left.",
            ["He met the U.S. President.", "Then he left."],
        ),
        ("Troops left the U.S. The war was over.", ["Troops left the U.S.", "The war was over."]),
        ("Mr. Biden spoke. Dr. Jill Biden smiled.", ["Mr. Biden spoke.", "Dr. Jill Biden smiled."]),
        ("John F. Kennedy was shot in 1963.", ["John F. Kennedy was shot in 1963."]),
        ("Growth was 3.5 per cent. It fell.", ["Growth was 3.5 per cent.", "It fell."]),
        (
            '"It takes one to know one." Putin said so.',
            ['"It takes one to know one."', "Putin said so."],
        ),
        ('"Stop!" he said. Nobody did.', ['"Stop!" he said.', "Nobody did."]),
        ("Is it over? Yes! Really.", ["Is it over?", "Yes!", "Really."]),
        ("He said no. The talks ended.", ["He said no.", "The talks ended."]),
        ("It is No. 10 on the list.", ["It is No. 10 on the list."]),
        ("Made by Acme Inc. The firm grew.", ["Made by Acme Inc.", "The firm grew."]),
        # a time's "a.m." goes on into its day or zone; before any other capital it ends
        ("It opened at 10 a.m. Entry is free.", ["It opened at 10 a.m.", "Entry is free."]),
        ("They meet at 10 a.m. Monday in Lisbon.", ["They meet at 10 a.m. Monday in Lisbon."]),
        ("Polls close at 6 p.m. GMT on Sunday.", ["Polls close at 6 p.m. GMT on Sunday."]),
        ("It opened at 10 a.m. I went in.", ["It opened at 10 a.m.", "I went in."]),
        # an abbreviation closing a hyphenated name ends no sentence; a word does
        ("They met at Holy-St. Mary's Hall.", ["They met at Holy-St. Mary's Hall."]),
        (
            "The vote was a well-known no. It failed.",
            ["The vote was a well-known no.", "It failed."],
        ),
        ("Wait... The end.", ["Wait...", "The end."]),
        ("(He left.) Then she came.", ["(He left.)", "Then she came."]),
        ("no terminal punctuation", ["no terminal punctuation"]),
        ("   ", []),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@given(st.text(max_size=300))
def test_spans_cover_every_non_space_character_in_order(text: str) -> None:
    spans = split_sentences(text)
    covered = "".join(text[start:end] for start, end in spans)
    assert "".join(covered.split()) == "".join(text.split())
    assert all(start < end for start, end in spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
