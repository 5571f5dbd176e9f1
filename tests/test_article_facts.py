"""Questions about the article itself: its author, its date, its headline."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.answers import AnswerKind
from bot.composer import answer
from bot.composer.article_facts import ArticleFact, asked_article_fact, byline_of
from bot.knowledge import Knowledge
from retrieval import article_from_text
from retrieval.article import load_article

STORY = (
    "Strike halts the port\n\n"
    "By Hannah Lind, Labour Correspondent\n\n"
    "About 1,800 dockworkers walked off the job on Tuesday. The author of the union's "
    "letter, Ewa Zolek, said the strike would last 72 hours."
)


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("who wrote this?", ArticleFact.AUTHOR),
        ("Who wrote the article", ArticleFact.AUTHOR),
        ("who is the author of this story?", ArticleFact.AUTHOR),
        ("whom was it written by?", None),  # not a form read: the story's words are asked
        ("by whom was this written?", ArticleFact.AUTHOR),
        ("when was this published?", ArticleFact.PUBLISHED),
        ("what is the date of the article?", ArticleFact.PUBLISHED),
        ("what's the headline?", ArticleFact.HEADLINE),
        ("what is the title of this article?", ArticleFact.HEADLINE),
        # questions about the story, not about the article
        ("who is the author?", None),  # the story may be about an author
        ("who wrote the letter?", None),
        ("when was the strike called?", None),
        ("what is the title of the report the union wrote?", None),
        ("what is the title?", None),  # a book's, or a championship's
        ("how old is it?", None),  # in a conversation, "it" is the last thing asked about
        ("who wrote it?", None),
    ],
)
def test_a_question_about_the_article_itself_is_told_from_one_about_the_story(
    question: str, fact: ArticleFact | None
) -> None:
    assert asked_article_fact(question) is fact


def test_the_byline_line_of_a_plain_text_story_names_its_author() -> None:
    article = article_from_text(STORY)
    byline = byline_of(article)
    assert byline is not None
    assert byline.name == "Hannah Lind"
    assert byline.start is not None
    assert article.text[byline.start : byline.end] == "Hannah Lind"


def test_who_wrote_it_is_answered_from_the_byline_and_quotes_it() -> None:
    knowledge = Knowledge.from_article(article_from_text(STORY))
    result = answer("who wrote this?", knowledge)
    assert result.kind is AnswerKind.ANSWER
    assert result.statement == "The article is by Hannah Lind."
    assert result.short_answer == "Hannah Lind"
    assert result.source is not None
    assert "By Hannah Lind" in result.source.text
    assert result.answer_start is not None
    assert knowledge.article.text[result.answer_start : result.answer_end] == "Hannah Lind"


def test_what_the_article_does_not_give_is_said_plainly() -> None:
    knowledge = Knowledge.from_article(article_from_text("Port news\n\nShips waited."))
    author = answer("who wrote this?", knowledge)
    published = answer("when was this published?", knowledge)
    assert author.kind is AnswerKind.NO_ANSWER
    assert author.statement == "The article doesn't name its author."
    assert published.statement == "The article doesn't give its date."


def test_a_pages_metadata_gives_the_author_and_date(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    folder = tmp_path_factory.mktemp("page")
    page = folder / "story.md"
    page.write_text(
        "---\ntitle: Port strike\nauthor: Ana Ruiz\ndate: 2026-03-05\n---\n\n"
        "Ships waited in the bay.\n",
        encoding="utf-8",
    )
    knowledge = Knowledge.from_article(load_article(page))
    assert answer("who wrote this?", knowledge).statement == "The article is by Ana Ruiz."
    assert answer("when was this published?", knowledge).statement == (
        "It was published on 5 March 2026."
    )
    assert answer("what is the headline?", knowledge).short_answer == "Port strike"


def test_with_several_articles_each_gets_a_line() -> None:
    knowledge = Knowledge.from_articles(
        [article_from_text(STORY), article_from_text("Rates rise\n\nBy Ana Ruiz\n\nRates rose.")]
    )
    result = answer("who wrote this?", knowledge)
    assert result.statement.splitlines() == [
        '1. "Strike halts the port": The article is by Hannah Lind.',
        '2. "Rates rise": The article is by Ana Ruiz.',
    ]


@given(st.text(max_size=300))
def test_any_message_is_read_without_error(message: str) -> None:
    assert asked_article_fact(message) in {None, *ArticleFact}
