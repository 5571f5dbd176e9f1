"""Loading articles: the seed's passages are pinned, offsets are exact, bad files are refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrieval import Article, ArticleError, article_from_text, load_article
from retrieval import article as article_module

# The seed article's passages: (paragraph, start of text). Pinned so that a change
# to cleaning or splitting that moves a sentence is a deliberate one.
SEED_PASSAGES = [
    (0, "Biden 'to meet Vladimir Putin in a mystery country this summer'"),
    (1, "PRESIDENT Joe Biden will meet with Vladimir Putin face-to-face"),
    (2, "Biden has reportedly offered to meet Putin on June 15-16"),
    (3, "The 46th US President proposed to Putin earlier this month"),
    (4, "in the last 12 months, with the US accusing Russia"),
    (5, "Further straining relations is Russia's large military build-up"),
    (6, "Speaking on Russian state television on Sunday"),
    (7, "While Ushakov said the meeting would take place"),
    (8, "Should the meeting go ahead in June as suggested"),
    (9, "Biden is set to travel to Europe in June for the G7 summit"),
    (10, "The president's proposal to meet was made during an April 13 phone call"),
    (11, "Those sanctions were also leveled against Moscow"),
    (12, '"Now is the time to deescalate," Biden said'),
    (13, '"The way forward is through thoughtful dialogue and diplomatic process.'),
    (13, 'The U.S. is prepared to continue constructively to move forward that process."'),
    (14, "Biden, however, warned the US would should Putin"),
    (15, "A month prior, Biden had told an interviewer"),
    (16, "However, in a cooling of tensions last week"),
    (17, "Putin also agreed to take part in Biden's 'Leaders on Climate Change' summit"),
    (18, "Biden said he was looking forward to working with Russia"),
]


def test_seed_passages_are_pinned(seed_article: Article) -> None:
    assert len(seed_article.passages) == len(SEED_PASSAGES)
    for passage, (paragraph, opening) in zip(seed_article.passages, SEED_PASSAGES, strict=True):
        assert (passage.paragraph, passage.text[: len(opening)]) == (paragraph, opening)


def test_seed_title_is_the_headline_with_plain_quotes(seed_article: Article) -> None:
    assert seed_article.has_headline
    assert seed_article.title.startswith("Biden 'to meet Vladimir Putin in a mystery country")


def test_seed_debris_is_gone(seed_article: Article) -> None:
    assert "Most read in US News" not in seed_article.text
    assert "\u2019" not in seed_article.text


def test_passage_offsets_point_into_the_text(seed_article: Article) -> None:
    for number, passage in enumerate(seed_article.passages):
        assert seed_article.text[passage.start : passage.end] == passage.text
        assert passage.index == number
        assert passage.text in seed_article.paragraphs[passage.paragraph]


def test_cleaning_never_changes_the_story_words(seed_article: Article) -> None:
    raw = Path(seed_article.source).read_text(encoding="utf-8")
    kept = [line for line in raw.splitlines() if line.strip() != "Most read in US News"]
    plain = "\n".join(kept).replace("\u2018", "'").replace("\u2019", "'")
    assert seed_article.text.split() == plain.split()


def test_title_falls_back_to_the_first_sentence_when_there_is_no_headline() -> None:
    article = article_from_text("The council met on Monday. It voted to close the pool.")
    assert not article.has_headline
    assert article.title == "The council met on Monday."


def test_explicit_title_keeps_all_text_as_body() -> None:
    article = article_from_text("Short line\nAnother line.", title="Given")
    assert article.title == "Given"
    assert article.passages[0].text == "Short line"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"  \n\t\n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks binary"),
        ("caf\u00e9 au lait".encode("latin-1"), "not UTF-8"),
        (b"... --- !!!", "has no text"),
    ],
)
def test_unusable_files_get_a_clear_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError, match=message):
        load_article(path)


def test_missing_file_says_how_to_fix_it(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match=r"not found: .*--article"):
        load_article(tmp_path / "nope.txt")


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="is a directory"):
        load_article(tmp_path)


def test_oversized_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(article_module, "MAX_ARTICLE_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_text("A long story about many things.", encoding="utf-8")
    with pytest.raises(ArticleError, match="too large"):
        load_article(path)


def test_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffHeadline\nThe story.".encode())
    assert load_article(path).title == "Headline"


@given(st.text(min_size=1, max_size=400))
def test_any_text_gives_an_article_or_a_clear_error(text: str) -> None:
    try:
        article = article_from_text(text)
    except ArticleError:
        return
    for passage in article.passages:
        assert article.text[passage.start : passage.end] == passage.text
