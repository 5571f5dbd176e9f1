"""HTML news pages: the story, its metadata, and none of the page around it.

The fixtures are three saved pages with different layouts (see
``tests/fixtures/README.md``); each test names sentences that must survive and
page furniture that must not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval import Article, ArticleError, load_article
from retrieval.formats.html import extract_html, looks_like_html

FIXTURES = Path(__file__).parent / "fixtures"
TABLOID = FIXTURES / "tabloid_pier.html"
BROADSHEET = FIXTURES / "broadsheet_fisheries.html"
WIRE = FIXTURES / "wire_hydrogen_train.html"

# Filler long enough for trafilatura to take a page's text as an article.
STORY = (
    "The council voted on Monday to keep the swimming pool open for another year, "
    "after more than two thousand residents signed a petition against its closure."
)

TABLOID_STORY = [
    "Brackenmouth's Victorian pier welcomed visitors again on Tuesday after a £4 million "
    "restoration that took almost six years to complete.",
    "The 1,100ft pier was closed in 2017 when engineers found that storms had corroded many "
    "of its iron supports beyond repair.",
    '"It feels like we have got a piece of our childhood back," said Maureen Pike, 71, who '
    "first walked the pier with her parents in 1958.",
    "Admission to the pier is free, although the council plans to charge £1 for fishing "
    "permits at the far end from August.",
]
TABLOID_DEBRIS = [
    "We use cookies",
    "Accept all cookies",
    "Skip to main content",
    "Showbiz",
    "Motorway closed",
    "Advertisement",
    "Win a luxury caravan holiday",
    "Hearing aids from just",
    "Share on Facebook",
    "READ MORE",
    "Seaside towns brace for record summer crowds",
    "Sign up to our free daily newsletter",
    "Most Read",
    "Reality star reveals secret wedding plans",
    "Seagull steals entire portion",
    "Promoted Stories",
    "Doctors baffled",
    "Comments (42)",
    "BeachLover99",
    "My council tax paid for that",
    "Clarion Media Group",
    "dataLayer",
    "TRACKER_PIXEL_LOADED",
    "comments-widget",
]
BROADSHEET_STORY = [
    "LISBON — Fisheries ministers from seven countries agreed on Thursday night to cut the "
    "amount of cod that can be caught in the North Atlantic by 20% next year, after three "
    "days of talks that ran long past their scheduled close.",
    "Compensation for fishing towns",
    "Representatives of fishing communities said the fund was too small. The Atlantic "
    "Fishermen's Alliance estimated that as many as 4,500 jobs on boats and in harbours could "
    "be lost over the three-year period.",
    "The quotas will take effect on 1 January and will be reviewed each November by a joint "
    "scientific committee.",
]
BROADSHEET_DEBRIS = [
    "Support independent journalism",
    "Sign in",
    "Climate crisis",
    "Photograph: Ledger Picture Desk",
    "Cod stocks fall to lowest level ever recorded",
    "free articles this month",
    "Subscribe",
    "Share via Email",
    "Explore more on these topics",
    "More from Environment",
    "Alpine glaciers lost record share",
    "Northern Ledger Media",
    "ledgerConfig",
    "reader-revenue",
    "NewsArticle",
]
WIRE_PARAGRAPHS = (
    "Hydrogen train completes first passenger trial on rural line",
    "HALDEN VALE, March 7 (Meridian Wire) - A hydrogen-powered train carried fare-paying "
    "passengers for the first time on Thursday, completing a 54-kilometre trial run on a rural "
    "line that has never been electrified.",
    "The two-carriage train, built by the rolling stock maker Corvel, made four return trips "
    "between Halden Vale and Marston Cross with 120 passengers on board each time, the "
    "regional operator Westline said.",
    "Westline plans to replace all nine of its diesel trains on the route with hydrogen units "
    "by 2027 if the six-month trial goes well, a programme it expects to cost about 95 "
    "million euros.",
    '"Our passengers noticed one thing straight away: how quiet it is," Westline chief '
    "executive Rosa Hemmings told reporters at Marston Cross station.",
    "The trains run on fuel cells that combine hydrogen with oxygen from the air to make "
    "electricity, emitting only water vapour. They are refuelled once a day at a depot near "
    "Halden Vale.",
    "Cost questions",
    "Critics of the project say electrifying the line with overhead wires would be cheaper "
    "over the trains' 30-year life, and that most hydrogen produced today is made from "
    "natural gas.",
    "Westline said it would buy hydrogen made with electricity from two nearby wind farms. "
    "The operator did not say how much it would pay per kilogram.",
    "Similar trains have run in regular service in parts of Germany since 2018, although some "
    "operators there have since chosen battery trains instead.",
)
WIRE_DEBRIS = [
    "Reporting by",  # the credit line (furniture: retrieval/furniture.py)
    "Search Meridian Wire",
    "Graphics",
    "FTSE 100",
    "Transport",
    "Tagged",
    "Our Standards",
    "Related coverage",
    "Operator orders 30 battery trains",
    "The Morning Bid",
    "All quotes delayed",
    "analytics.track",
]


@pytest.fixture(scope="module")
def tabloid() -> Article:
    return load_article(TABLOID)


@pytest.fixture(scope="module")
def broadsheet() -> Article:
    return load_article(BROADSHEET)


@pytest.fixture(scope="module")
def wire() -> Article:
    return load_article(WIRE)


@pytest.mark.parametrize("paragraph", TABLOID_STORY)
def test_tabloid_keeps_story_paragraphs(tabloid: Article, paragraph: str) -> None:
    assert paragraph in tabloid.paragraphs


@pytest.mark.parametrize("debris", TABLOID_DEBRIS)
def test_tabloid_drops_page_furniture(tabloid: Article, debris: str) -> None:
    assert debris not in tabloid.text


def test_tabloid_metadata(tabloid: Article) -> None:
    assert tabloid.title == "Brackenmouth pier reopens after £4m restoration as crowds flock back"
    assert tabloid.published == "2023-06-14"
    assert tabloid.byline == "Kelly Marsh"
    assert tabloid.publisher == "The Daily Clarion"


@pytest.mark.parametrize("paragraph", BROADSHEET_STORY)
def test_broadsheet_keeps_story_paragraphs(broadsheet: Article, paragraph: str) -> None:
    assert paragraph in broadsheet.paragraphs


@pytest.mark.parametrize("debris", BROADSHEET_DEBRIS)
def test_broadsheet_drops_page_furniture(broadsheet: Article, debris: str) -> None:
    assert debris not in broadsheet.text


def test_broadsheet_metadata_from_json_ld(broadsheet: Article) -> None:
    assert broadsheet.title == (
        "Ministers agree to cut North Atlantic cod quotas by a fifth after marathon talks"
    )
    assert broadsheet.published == "2022-11-03"
    assert broadsheet.byline is not None
    assert "Tomás Ferreira" in broadsheet.byline
    assert "Hannah Lindqvist" in broadsheet.byline
    assert broadsheet.publisher == "The Northern Ledger"


def test_wire_has_one_paragraph_per_block_in_order(wire: Article) -> None:
    assert wire.paragraphs == WIRE_PARAGRAPHS


@pytest.mark.parametrize("debris", WIRE_DEBRIS)
def test_wire_drops_page_furniture(wire: Article, debris: str) -> None:
    assert debris not in wire.text


def test_wire_metadata(wire: Article) -> None:
    assert (wire.published, wire.byline, wire.publisher) == (
        "2024-03-07",
        "Ana Kovač",
        "Meridian Wire",
    )


@pytest.mark.parametrize("path", [TABLOID, BROADSHEET, WIRE], ids=lambda p: p.stem)
def test_headline_is_title_and_paragraph_zero(path: Path) -> None:
    article = load_article(path)
    assert article.has_headline
    assert article.paragraphs[0] == article.title
    assert article.paragraphs.count(article.title) == 1
    assert article.source == str(path)


@pytest.mark.parametrize("path", [TABLOID, BROADSHEET, WIRE], ids=lambda p: p.stem)
def test_passages_point_exactly_into_the_text(path: Path) -> None:
    article = load_article(path)
    assert article.text == "\n\n".join(article.paragraphs)
    assert len(article.passages) >= len(article.paragraphs)
    for number, passage in enumerate(article.passages):
        assert article.text[passage.start : passage.end] == passage.text
        assert passage.text in article.paragraphs[passage.paragraph]
        assert passage.index == number


def test_line_break_inside_paragraph_reads_as_space() -> None:
    page = f"<html><body><article><p>First line<br>second line. {STORY}</p></article></body></html>"
    extracted = extract_html(page, source="page.html")
    assert extracted.paragraphs[0].startswith("First line second line.")


def test_promotion_paragraph_without_class_is_dropped() -> None:
    page = (
        f"<html><body><article><p>{STORY}</p>"
        "<p>Read more: Pool campaigners plan summer gala</p>"
        f"<p>More on this: Council budget explained</p><p>{STORY}</p></article></body></html>"
    )
    extracted = extract_html(page, source="page.html")
    assert extracted.paragraphs == (STORY, STORY)


def test_sentence_with_colon_is_not_a_promotion() -> None:
    sentence = "Read more carefully: the council said the pool would close in May."
    page = f"<html><body><article><p>{STORY}</p><p>{sentence}</p></article></body></html>"
    assert sentence in extract_html(page, source="page.html").paragraphs


def test_story_survives_when_metadata_extraction_breaks() -> None:
    # "<svg><html>" makes lxml assert inside htmldate; the story is still found.
    page = f"<svg><html><body><article><h1>Pool saved</h1><p>{STORY}</p></article></body></html>"
    assert extract_html(page, source="page.html").paragraphs == ("Pool saved", STORY)


def test_page_without_story_fails_clearly(tmp_path: Path) -> None:
    path = tmp_path / "menu.html"
    path.write_text(
        "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a>"
        "<a href='/news'>News</a></nav><script>var x = 1;</script></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(ArticleError, match=r"no article text found in the page .*menu\.html"):
        load_article(path)


def test_script_only_page_fails_clearly(tmp_path: Path) -> None:
    path = tmp_path / "app.htm"
    path.write_text(f"<html><body><script>document.write('{STORY}')</script></body></html>")
    with pytest.raises(ArticleError, match="no article text found"):
        load_article(path)


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (b"<!DOCTYPE html><html>", True),
        (b"\xef\xbb\xbf\n  <html lang='en'>", True),
        (b"<?xml version='1.0'?>\n<!-- saved --><html>", True),
        (b"<HEAD><TITLE>x</TITLE>", True),
        (b"Council votes to keep pool open", False),
        (b"<p>a fragment</p>", False),
        (b"", False),
    ],
)
def test_looks_like_html(start: bytes, expected: bool) -> None:
    assert looks_like_html(start) is expected


def test_story_inside_a_paywall_named_wrapper_is_kept() -> None:
    first, second = " ".join([STORY] * 3), " ".join(["The vote was close."] + [STORY] * 3)
    page = (
        "<html><body><article><div class='paywall-content'>"
        f"<p>{first}</p><p>{second}</p></div>"
        "<div class='paywall-prompt'><p>Subscribe to keep reading our journalism.</p></div>"
        "</article></body></html>"
    )
    assert extract_html(page, source="page.html").paragraphs == (first, second)
