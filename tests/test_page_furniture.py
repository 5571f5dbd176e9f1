"""Page furniture that reads like a sentence, each kind pinned on a realistic saved page.

The pages (``tests/fixtures/README.md``) were written for these tests, each in
the layout of a kind of site where the furniture was seen leaking into answers:
a magazine's syndicated feature, a broadcaster's page with an information box,
a wire story with credit and standards lines, and a journal's news item with
its citation. Tables below check each rule on single lines, including the story
sentences that look like furniture and must stay.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.composer import answer
from bot.knowledge import Knowledge
from retrieval import Article, article_from_text, load_article
from retrieval.formats.extracted import ExtractedArticle, build_article
from retrieval.furniture import author_label_names, is_page_note, strip_site_suffix

FIXTURES = Path(__file__).parent / "fixtures"
MAGAZINE = "magazine_syndicated.html"
BROADCASTER = "broadcaster_infobox.html"
WIRE = "wire_credits.html"
JOURNAL = "journal_news.html"

# kind of furniture -> the page showing it, and text of it that must not survive
LEAKS = [
    ("syndication note", MAGAZINE, "originally appeared"),
    ("site suffix in the title", BROADCASTER, "| XW"),
    ("date in the title", BROADCASTER, "19.01.2020"),
    ("author label line", BROADCASTER, "Author"),
    ("credit line", WIRE, "Reporting by"),
    ("additional reporting", WIRE, "Additional reporting"),
    ("editing credit", WIRE, "Editing by"),
    ("trust principles", WIRE, "Trust Principles"),
    ("journal citation", JOURNAL, "574, 16-17"),
    ("doi line", JOURNAL, "doi.org"),
    ("reference list", JOURNAL, "et al."),
]
# Each page's first story sentence: what a summary must start with.
LEDES = {
    MAGAZINE: "At ten past eleven on a Tuesday night, Joost Hamer lifts a rusted city bike",
    BROADCASTER: "Councillors in Havenmond have voted to keep large cruise ships away",
    WIRE: "ISTANBUL/WARSAW, Sept 12 (Northgate) - Eleven cargo ships loaded with wheat",
    JOURNAL: "Microbes living hundreds of metres below the floor of the Pacific Ocean",
    "tabloid_pier.html": "Brackenmouth's Victorian pier welcomed visitors again on Tuesday",
    "broadsheet_fisheries.html": "LISBON — Fisheries ministers from seven countries agreed",
    "wire_hydrogen_train.html": "HALDEN VALE, March 7 (Meridian Wire) - A hydrogen-powered train",
    "blog_library.md": "ASHCOMBE — The village of Ashcombe has a library again",
}
# Story sentences near the furniture, which must all be kept.
STORY = {
    MAGAZINE: "When the first commuters arrive at half past five, the night crew hangs",
    BROADCASTER: "The port authority said the new terminal would cost 48 million euros",
    WIRE: "Traders said wheat futures in Chicago fell 1.8% after the convoy set off",
    JOURNAL: "Other scientists say the results will need to be confirmed in cores",
}


@pytest.fixture(scope="module")
def pages() -> dict[str, Article]:
    return {name: load_article(FIXTURES / name) for name in LEDES}


@pytest.mark.parametrize(("kind", "page", "leak"), LEAKS, ids=[kind for kind, *_ in LEAKS])
def test_furniture_reaches_neither_text_nor_title(
    pages: dict[str, Article], kind: str, page: str, leak: str
) -> None:
    article = pages[page]
    assert leak not in article.text, kind
    assert leak not in article.title, kind


@pytest.mark.parametrize("page", sorted(STORY))
def test_the_story_around_the_furniture_is_kept(pages: dict[str, Article], page: str) -> None:
    assert STORY[page] in pages[page].text
    assert LEDES[page] in pages[page].text


@pytest.mark.parametrize("page", sorted(LEDES))
def test_the_summary_starts_with_the_story(pages: dict[str, Article], page: str) -> None:
    summary = answer("what is the article about?", Knowledge.from_article(pages[page]))
    assert summary.passages[0].text.startswith(LEDES[page])


def test_a_headline_repeated_in_the_body_is_kept_once(pages: dict[str, Article]) -> None:
    article = pages[MAGAZINE]
    headline = "The Night Shift at Europe's Busiest Bicycle Repair Shop"
    assert article.title == headline
    assert article.paragraphs.count(headline) == 1
    assert article.paragraphs[0] == headline


def test_the_title_loses_its_site_suffix(pages: dict[str, Article]) -> None:
    assert pages[BROADCASTER].title == "Port city votes to keep cruise ships out of its old harbour"
    assert pages[BROADCASTER].paragraphs[0] == pages[BROADCASTER].title


def test_an_author_line_replaces_the_publishers_byline(pages: dict[str, Article]) -> None:
    assert pages[BROADCASTER].byline == "Marieke Vos"  # not "Xenon Welle", the broadcaster
    assert pages[WIRE].byline == "Dana Ilyina; Piotr Wasik"  # no author line: as given


@pytest.mark.parametrize(
    ("metadata", "expected"),
    [
        (None, "Ana Kovač"),
        ("Meridian Wire", "Ana Kovač"),
        ("Ana Kovač and Tom Reyes", "Ana Kovač and Tom Reyes"),  # already named: kept
    ],
)
def test_the_author_line_and_the_metadata_byline(metadata: str | None, expected: str) -> None:
    extracted = ExtractedArticle(
        paragraphs=(LEDES[MAGAZINE] + " and spins the back wheel.", "Author: Ana Kovač"),
        headline="Night shift",
        byline=metadata,
    )
    article = build_article(extracted, source="page.html")
    assert article.byline == expected
    assert "Author" not in article.text


def test_a_headline_copy_after_a_kicker_and_a_title_with_an_unknown_suffix() -> None:
    extracted = ExtractedArticle(
        paragraphs=("Transport", "Tram line reopens after flood repairs", LEDES[WIRE] + "."),
        headline="Tram line reopens after flood repairs - Valley Courier Online Edition",
    )
    article = build_article(extracted, source="page.html")
    assert article.title == "Tram line reopens after flood repairs"
    assert article.paragraphs == (article.title, "Transport", LEDES[WIRE] + ".")


def test_a_plain_text_copy_of_a_page_loses_the_same_furniture() -> None:
    text = (
        "Tram line reopens after flood repairs\n"
        "This story was first published by the Valley Courier.\n"
        "The tram line between Oster and Bel reopened on Monday after six weeks of repairs.\n"
        "Reporting by Ida Berg; Editing by Sam Ode\n"
    )
    article = article_from_text(text)
    assert article.title == "Tram line reopens after flood repairs"
    assert article.paragraphs[1:] == (
        "The tram line between Oster and Bel reopened on Monday after six weeks of repairs.",
    )


@pytest.mark.parametrize(
    "line",
    [
        "This article originally appeared on Gridline US.",
        "This story was first published by The Valley Courier.",
        "This article is republished from The Exchange under a Creative Commons license. "
        "Read the original article.",
        "A version of this article appeared in print on 4 May 2021, Section B, Page 3.",
        "This piece was produced in partnership with the Coastal Reporting Project.",
        "Originally published on Plainpost",
        "Read the original article.",
        "Our Standards: The Northgate Trust Principles.",
        "The Meridian Trust Principles",
        "Our editorial standards",
        "Learn more about our editorial standards and corrections policy.",
        "Reporting by Ana Kovač; Editing by Paul Oduya",
        "(Reporting by Andrea Lind and Jarrett Moe in Washington; additional reporting by "
        "David Osei; Editing by Heather Tam and Jonathan Ruiz)",
        "Additional reporting by AFP",
        "Additional reporting by Northgate staff",
        "Writing by Sam Ode; Editing by Jan van der Berg",
        "Author: Marieke Vos",
        "Authors: Tom Reyes, Ana Kovač and Ida Berg",
        "Author Marieke Vos",
        "Written by Sam Ode",
        "Date 19.01.2020",
        "Updated: 3 May 2021, 14:05 CET",
        "Published March 7, 2024",
        "Meridian 574, 16-17 (2019)",
        "Meridian Science 574, 16-17 (2019) doi: 10.5555/ms-2019-02711",
        "doi: https://doi.org/10.5555/ms-2019-02711",
        "https://doi.org/10.5555/ms-2019-02711",
        "Aguirre, T., Lind, M. A. & Ode, S. Rocks that breathe. Meridian 5, 1-9 (2018).",
        "References",
    ],
)
def test_notes_credits_labels_and_citations_are_furniture(line: str) -> None:
    assert is_page_note(line)


@pytest.mark.parametrize(
    "line",
    [
        "The report was published on Tuesday by the health ministry.",
        "The article was first published in 1851 and has never been out of print.",
        "Originally published in 1851, the novel sold only 3,000 copies.",
        "Reporting by the newspaper showed that the mayor had lied about the contract.",
        "Writing by hand, she said, helps her remember the names of every patient.",
        "Author Salman Rushdie said he would not attend the festival this year.",
        "Our principles are not for sale, the minister told parliament.",
        "Date of the vote: still unknown, officials said on Monday.",
        "The references to the war in his speech were brief.",
        "Apollo 11 landed on the Moon in 1969, watched by 600 million people.",
        "This article of the treaty was published in full by the ministry.",
        "Editing by committee, critics said, had left the bill unreadable.",
    ],
)
def test_story_sentences_that_look_like_furniture_are_kept(line: str) -> None:
    assert not is_page_note(line)


@pytest.mark.parametrize(
    ("headline", "publisher", "expected"),
    [
        (
            "Port city bans cruise ships | XW | 19.01.2020",
            "XW.EXAMPLE",
            "Port city bans cruise ships",
        ),
        ("Port city bans cruise ships | Havenmond News", None, "Port city bans cruise ships"),
        (
            "Port city bans cruise ships - Courier News",
            "Courier News",
            "Port city bans cruise ships",
        ),
        ("Port city bans cruise ships — The Courier", "The Courier", "Port city bans cruise ships"),
        ("Port city bans cruise ships :: 3 May 2021", None, "Port city bans cruise ships"),
        (
            "Port city bans cruise ships - and fines them",
            None,
            "Port city bans cruise ships - and fines them",
        ),
        ("Biden - Putin summit | World | Courier", "Courier", "Biden - Putin summit"),
        ("Ships | Ports", None, "Ships | Ports"),  # too short to be a headline without it
        ("Why the port said no | Opinion", None, "Why the port said no"),
        ("Port city bans cruise ships", "Courier", "Port city bans cruise ships"),
    ],
)
def test_site_suffixes_are_cut_from_headlines(
    headline: str, publisher: str | None, expected: str
) -> None:
    assert strip_site_suffix(headline, publisher) == expected


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Author: Marieke Vos", "Marieke Vos"),
        ("Authors: Tom Reyes and Ana Kovač.", "Tom Reyes and Ana Kovač"),
        ("Written by: Jan van der Berg", "Jan van der Berg"),
        ("Author: the editors", None),
        ("Author of the report, Ida Berg, said it was late.", None),
        ("Authorities said the road would reopen.", None),
    ],
)
def test_author_lines_give_their_names(line: str, names: str | None) -> None:
    assert author_label_names(line) == names
