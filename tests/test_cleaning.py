"""Cleaning: debris lines go, typography is made plain, the story's words stay."""

from __future__ import annotations

import pytest

from retrieval.cleaning import clean_paragraphs, is_debris_line, normalize_characters


@pytest.mark.parametrize(
    "line",
    [
        "Most read in US News",
        "MOST POPULAR",
        "Advertisement",
        "Read more:",
        "Share this article",
        "Sign up for our newsletter",
        "Follow us on Twitter and Facebook",
        "Related articles",
        "Click here to subscribe",
        "© 2021 News Group Newspapers Ltd",
        "Skip to main content",
        "  • Trending stories  ",
    ],
)
def test_debris_lines_are_recognised(line: str) -> None:
    assert is_debris_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Biden said he would read more reports before deciding.",
        "Most read books were published after 1950, the survey found.",
        "Advertisement spending rose 4% in the last quarter, the agency said, as brands returned.",
        "",
        "Share prices fell sharply on Monday.",
    ],
)
def test_story_lines_are_kept(line: str) -> None:
    assert not is_debris_line(line)


def test_typographic_quotes_become_plain() -> None:
    assert normalize_characters("\u2018killer\u2019 and \u201cno soul\u201d") == (
        "'killer' and \"no soul\""
    )


def test_control_characters_and_odd_spaces_are_removed() -> None:
    assert normalize_characters("a\u00a0b\x00c\u200bd\r\ne") == "a b cd\ne"


def test_one_paragraph_a_line_when_there_are_no_blank_lines() -> None:
    raw = "Headline here\nFirst paragraph.\nMost read in US News\nSecond paragraph.\n"
    assert clean_paragraphs(raw) == ["Headline here", "First paragraph.", "Second paragraph."]


def test_blank_lines_separate_paragraphs_and_wrapped_lines_are_joined() -> None:
    raw = "First line of\nparagraph one.\n\n\nParagraph   two.\n\nAdvertisement\n\nThree."
    assert clean_paragraphs(raw) == ["First line of paragraph one.", "Paragraph two.", "Three."]
