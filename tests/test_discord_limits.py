"""Fitting text into Discord's limits and escaping echoed markdown."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.discord_app.limits import ELLIPSIS, escape_markdown, fit, one_line, size


def test_text_that_fits_is_unchanged() -> None:
    assert fit("when is the summit?", 19) == "when is the summit?"


def test_long_text_is_cut_with_an_ellipsis() -> None:
    assert fit("a" * 30, 10) == "a" * 9 + ELLIPSIS


def test_a_cut_prefers_a_word_boundary_near_the_end() -> None:
    assert fit("the summit is in June this year", 20) == "the summit is in…"


def test_a_cut_never_leaves_a_dangling_escape() -> None:
    # Cutting "a\*" after the backslash would escape the ellipsis instead.
    assert fit("aa\\*bbbbbbbbbb", 4) == "aa" + ELLIPSIS


def test_size_counts_astral_characters_twice() -> None:
    assert size("🎉a") == 3


def test_a_cut_counts_astral_characters_twice() -> None:
    assert fit("🎉" * 10, 5) == "🎉🎉" + ELLIPSIS


def test_limit_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        fit("x", 0)


@given(st.text(), st.integers(min_value=1, max_value=300))
def test_fit_always_fits(text: str, limit: int) -> None:
    assert size(fit(text, limit)) <= limit


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("**bold** and _it_", r"\*\*bold\*\* and \_it\_"),
        ("~~gone~~ ||spoiler|| `code`", r"\~\~gone\~\~ \|\|spoiler\|\| \`code\`"),
        ("[link](http://x)", r"\[link\]\(http://x\)"),
        ("<@123> <#456> <@&789>", r"\<@123\> \<#456\> \<@&789\>"),
        ("> quoted", r"\> quoted"),
        ("# heading\n- item\n-# small\n+ plus", "\\# heading\n\\- item\n\\-# small\n\\+ plus"),
        ("1. first\n  2. second", "1\\. first\n  2\\. second"),
        ("a - b # c 3. d", "a - b # c 3. d"),
        ("back\\slash", "back\\\\slash"),
    ],
)
def test_escape_markdown(text: str, escaped: str) -> None:
    assert escape_markdown(text) == escaped


def test_one_line_collapses_whitespace() -> None:
    assert one_line("  when\n\tis  it? ") == "when is it?"
