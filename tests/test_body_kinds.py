"""A body's own name says its kind: another kind than the one asked for answers nothing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.composer.body_kinds import another_kind_of_body
from bot.composer.tokens import tokenize


@pytest.mark.parametrize(
    ("head", "name", "another"),
    [
        # a name whose own noun is of another kind than asked
        ("company", "Scandinavian Cardiac Fund", True),
        ("party", "Electoral Commission", True),
        ("firm", "Harvard University", True),
        ("charity", "Aldmark Group", True),
        ("company", "Ministry of Health", True),
        # the same kind, however news words it
        ("company", "Aldmark Group", False),
        ("firm", "Tallisker Biotherapeutics", False),
        ("company", "Bank of Ireland", False),
        ("party", "Rural Union", False),
        ("foundation", "Halvorsen Conservation Trust", False),
        # a name that says no kind, or a head that names none, is left to the weights
        ("company", "Homevane", False),
        ("club", "Scandinavian Cardiac Fund", False),
        ("organization", "Electoral Commission", False),
        (None, "Electoral Commission", False),
        # a lower-case last word is no name's noun
        ("company", "Aldmark's board", False),
    ],
)
def test_a_name_of_another_kind_of_body(head: str | None, name: str, another: bool) -> None:
    assert another_kind_of_body(head, tokenize(name)) is another


@given(st.text(max_size=200), st.sampled_from(["company", "party", "school", "fund", "x"]))
def test_any_name_is_judged_without_error(name: str, head: str) -> None:
    assert another_kind_of_body(head, tokenize(name)) in {True, False}
