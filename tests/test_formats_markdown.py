"""Markdown articles: markup dropped, words kept, front matter read as metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval import load_article
from retrieval.formats.markdown import extract_markdown, normalize_date, strip_inline_markup

FIXTURE = Path(__file__).parent / "fixtures" / "blog_library.md"


def test_fixture_article_and_metadata() -> None:
    article = load_article(FIXTURE)
    assert article.title == "Village library reopens in former railway station"
    assert article.has_headline
    assert article.paragraphs[0] == article.title
    assert (article.published, article.byline, article.publisher) == (
        "2023-09-18",
        "Priya Raman, Owen Tate",
        "Dale Valley Gazette",
    )


@pytest.mark.parametrize(
    "paragraph",
    [
        "ASHCOMBE — The village of Ashcombe has a library again, nine years after the last one "
        "closed, thanks to volunteers who turned the disused railway station into a reading room.",
        "The parish council bought the Grade II listed building for £1 in 2021 and spent two "
        "years restoring its ticket hall, waiting room and platform canopy.",
        "What is on the shelves",
        "a large print shelf for older readers.",
        '"People kept telling us they missed having somewhere quiet to sit," said Margaret '
        'Olufemi, who chairs the volunteer group. "Now they have a whole station."',
        "Opening hours: Tue, Thu, Sat 10:00-16:00",
        "The Ashcombe Way, opened in 1998.",
    ],
)
def test_fixture_keeps_story_paragraphs(paragraph: str) -> None:
    assert paragraph in load_article(FIXTURE).paragraphs


@pytest.mark.parametrize(
    "markup",
    ["---", "tags:", "Draft notes", "](", "![", "**", "`", "[^1]", "images/", "example.org"],
)
def test_fixture_has_no_markup_left(markup: str) -> None:
    assert markup not in load_article(FIXTURE).text


def test_fixture_passages_point_exactly_into_the_text() -> None:
    article = load_article(FIXTURE)
    for passage in article.passages:
        assert article.text[passage.start : passage.end] == passage.text


@pytest.mark.parametrize(
    ("markup", "plain"),
    [
        ("The **mayor** said _yes_ and *no*.", "The mayor said yes and no."),
        ("A ~~draft~~ final text.", "A draft final text."),
        ("See [the report](https://x.example/r.pdf) today.", "See the report today."),
        ('A [link](https://x.example "Title") here.', "A link here."),
        ("A [wiki](https://w.example/A_(b)) link.", "A wiki link."),
        ("A [reference][1] link.", "A reference link."),
        ("Photo: ![a pier](pier.jpg) at dusk.", "Photo: at dusk."),
        (
            "Mail <mailto:desk@x.example> or <https://x.example>.",
            "Mail mailto:desk@x.example or https://x.example.",
        ),
        ("Use `pip install` now.", "Use pip install now."),
        ("Line one<br>line two and <span class='x'>more</span>.", "Line one line two and more."),
        ("Fish &amp; chips cost &pound;5.", "Fish & chips cost £5."),
        (r"Literal \*stars\* and \_underscores\_ stay.", "Literal *stars* and _underscores_ stay."),
        ("snake_case_name and 2 * 3 * 4 stay.", "snake_case_name and 2 * 3 * 4 stay."),
        ("A claim[^note] with a note.", "A claim with a note."),
    ],
)
def test_strip_inline_markup(markup: str, plain: str) -> None:
    assert strip_inline_markup(markup) == plain


def test_blocks_become_paragraphs() -> None:
    text = (
        "Intro line one\nwrapped here.\n\n"
        "## A subheading ##\n"
        "- first item\n* second item\n+ third item\n"
        "1. Numbered item keeps its number\n\n"
        "> Quoted line\n> > nested quote\n\n"
        "| Team | Score |\n|---|:---:|\n| Reds | 3 |\n\n"
        "***\n"
        "```python\nprint('x')\n```\n"
        "[1]: https://x.example\n"
        "Closing words."
    )
    assert extract_markdown(text).paragraphs == (
        "Intro line one wrapped here.",
        "A subheading",
        "first item",
        "second item",
        "third item",
        "1. Numbered item keeps its number",
        "Quoted line nested quote",
        "Team | Score",
        "Reds | 3",
        "print('x')",
        "Closing words.",
    )


def test_first_level_one_heading_is_the_headline() -> None:
    extracted = extract_markdown("Intro text.\n\n# The headline\n\nBody.\n\n# Another\n")
    assert extracted.headline == "The headline"
    assert extracted.paragraphs == ("Intro text.", "Body.", "Another")


def test_setext_headings() -> None:
    extracted = extract_markdown("Big *news*\n==========\n\nSub part\n--------\nBody text.\n")
    assert extracted.headline == "Big news"
    assert extracted.paragraphs == ("Sub part", "Body text.")


def test_no_headline_falls_back_to_plain_text_rules(tmp_path: Path) -> None:
    path = tmp_path / "brief.markdown"
    path.write_text("Pool saved\n\nThe council voted to keep the *pool* open.\n", encoding="utf-8")
    article = load_article(path)
    assert article.title == "Pool saved"
    assert article.paragraphs == ("Pool saved", "The council voted to keep the pool open.")
    assert article.published is None


def test_front_matter_title_wins_and_duplicate_heading_is_dropped() -> None:
    text = "---\ntitle: 'Pool saved'\nauthor: A. Writer\n---\n# Pool saved\n\nBody text.\n"
    extracted = extract_markdown(text)
    assert extracted.headline == "Pool saved"
    assert extracted.byline == "A. Writer"
    assert extracted.paragraphs == ("Body text.",)


def test_toml_front_matter_and_inline_author_list() -> None:
    text = '+++\ntitle = "Pool saved"\nauthors = ["Ann Lee", "Bo Diaz"]\nsite = Gazette\n+++\nBody.'
    extracted = extract_markdown(text)
    assert (extracted.headline, extracted.byline, extracted.publisher) == (
        "Pool saved",
        "Ann Lee, Bo Diaz",
        "Gazette",
    )


def test_unclosed_front_matter_is_text() -> None:
    extracted = extract_markdown("---\ntitle: not closed\n\nBody text.")
    assert extracted.headline is None
    assert extracted.paragraphs == ("title: not closed", "Body text.")


def test_multiline_html_comment_is_dropped() -> None:
    extracted = extract_markdown("Before.\n<!-- editor:\nremove this\n-->\nAfter.")
    assert extracted.paragraphs == ("Before.", "After.")


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2021-04-25", "2021-04-25"),
        ("2021-04-25T10:30:00+01:00", "2021-04-25"),
        ("2021-04-25 10:30", "2021-04-25"),
        ("25 April 2021", "2021-04-25"),
        ("April 25, 2021", "2021-04-25"),
        ("25 Apr 2021", "2021-04-25"),
        ("2021/04/25", "2021-04-25"),
        ("2021-02-30", None),
        ("last Sunday", None),
        ("", None),
    ],
)
def test_normalize_date(value: str, iso: str | None) -> None:
    assert normalize_date(value) == iso
