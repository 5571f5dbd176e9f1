"""Rendering answers and notices: wording, the bold answer phrase, Discord's limits."""

from __future__ import annotations

import pytest

from bot.answers import Answer, AnswerKind, Evidence
from bot.discord_app.limits import (
    CONTENT_LIMIT,
    EMBED_DESCRIPTION_LIMIT,
    EMBED_TITLE_LIMIT,
    EMBED_TOTAL_LIMIT,
    size,
)
from bot.discord_app.notices import apology, help_text, slow_down, source_info
from bot.discord_app.replies import Colour, Reply, quote_source, render_answer
from retrieval import article_from_text

HEADLINE = "Biden ‘to meet Vladimir Putin in a mystery country this summer’"
SENTENCE = (
    "Biden has reportedly offered to meet Putin on June 15-16 in a European country, "
    "Russia’s Kommersant newspaper reported."
)
OFFSET = 200  # where SENTENCE starts in the (imagined) article text
SOURCE = Evidence(SENTENCE, 0.8, OFFSET, OFFSET + len(SENTENCE), 1)
PHRASE_START = OFFSET + SENTENCE.index("June 15-16")


def answer_with(
    question: str = "when is the summit?",
    source: Evidence = SOURCE,
    start: int | None = PHRASE_START,
    end: int | None = PHRASE_START + len("June 15-16"),
) -> Answer:
    statement = "June 15-16, in a European country."
    return Answer(
        question,
        f'{statement}\n> "{source.text}"',
        statement,
        "June 15-16",
        "DATE",
        0.823,
        AnswerKind.ANSWER,
        (source,),
        start,
        end,
    )


def no_answer(question: str = "what is the capital of France?") -> Answer:
    said = "The article doesn't say."
    return Answer(question, said, said, None, "OTHER", 0.0, AnswerKind.NO_ANSWER)


def assert_fits(reply: Reply) -> None:
    assert size(reply.description) <= EMBED_DESCRIPTION_LIMIT
    assert reply.title is None or size(reply.title) <= EMBED_TITLE_LIMIT
    total = sum(size(part or "") for part in (reply.title, reply.description, reply.footer))
    assert total <= EMBED_TOTAL_LIMIT
    assert size(reply.as_text()) <= CONTENT_LIMIT


def test_an_answer_quotes_its_source_with_the_phrase_in_bold() -> None:
    reply = render_answer(answer_with(), HEADLINE)

    assert reply.description == (
        "June 15-16, in a European country.\n"
        "> Biden has reportedly offered to meet Putin on **June 15-16** in a European country, "
        "Russia’s Kommersant newspaper reported."
    )
    assert reply.title == "when is the summit?"
    assert reply.footer == "Paragraph 2 · confidence 82%"
    assert reply.colour is Colour.ANSWER


@pytest.mark.parametrize(
    ("start", "end"),
    [(None, None), (0, 5), (PHRASE_START, PHRASE_START + 10_000), (PHRASE_START, PHRASE_START)],
    ids=["no-offsets", "before-the-source", "past-the-source", "empty"],
)
def test_offsets_outside_the_source_quote_it_without_bold(
    start: int | None, end: int | None
) -> None:
    quote = quote_source(SOURCE, start, end)

    assert quote == "> " + SENTENCE
    assert "**" not in quote


def test_a_long_source_is_shortened_around_the_bold_phrase() -> None:
    padding = "and so on " * 300
    text = padding + SENTENCE + " " + padding
    source = Evidence(text, 0.5, 0, len(text), 0)
    start = len(padding) + SENTENCE.index("June 15-16")

    quote = quote_source(source, start, start + len("June 15-16"))

    assert "**June 15-16**" in quote
    assert quote.startswith("> …")
    assert quote.endswith("…")
    assert size(quote) < 800


def test_markdown_in_the_article_and_question_is_escaped() -> None:
    text = "The *summit* is on June 15-16 in <@123>'s_country."
    source = Evidence(text, 0.5, 0, len(text), 0)
    start = text.index("June")

    reply = render_answer(answer_with("when is the **summit**?", source, start, start + 10), "x")

    assert r"\*summit\*" in reply.description
    assert r"\<@123\>'s\_country" in reply.description
    assert reply.title == r"when is the \*\*summit\*\*?"


def test_no_answer_is_kind_and_names_what_the_article_covers() -> None:
    reply = render_answer(no_answer(), HEADLINE)

    assert reply.description.startswith("The article doesn't say.\nSorry")
    assert HEADLINE in reply.description
    assert "/summary" in reply.description
    assert reply.colour is Colour.NO_ANSWER


def test_a_summary_keeps_its_lines_and_escapes_them() -> None:
    summary = Answer(
        "what is it about?",
        'Biden and Putin may meet.\n\n> "a *quoted* sentence"',
        "Biden and Putin may meet.",
        None,
        "SUMMARY",
        1.0,
        AnswerKind.SUMMARY,
    )

    reply = render_answer(summary, HEADLINE)

    assert reply.description == 'Biden and Putin may meet.\n\\> "a \\*quoted\\* sentence"'


def test_chat_and_summaries_show_the_composers_reply() -> None:
    chat = Answer(
        "hi", "Hello! Ask me about the article.", "Hello!", None, "CHAT", 1.0, AnswerKind.CHAT
    )

    reply = render_answer(chat, HEADLINE)

    assert reply.description == "Hello! Ask me about the article."
    assert reply.footer == HEADLINE


@pytest.mark.parametrize(
    "question",
    ["why " * 2500, "🎉" * 3000, "`" * 5000, "\n" * 3000 + "x", ""],
    ids=["long", "emoji", "backticks", "newlines", "empty"],
)
def test_every_reply_fits_discords_limits(question: str) -> None:
    huge = "*_" * 4000 + "June 15-16" + "~|" * 4000
    source = Evidence(huge, 0.5, 0, len(huge), 0)
    start = huge.index("June")

    for answer in (answer_with(question, source, start, start + 10), no_answer(question)):
        assert_fits(render_answer(answer, "#" * 5000))


def test_plain_text_carries_the_footer_as_subtext() -> None:
    text = render_answer(answer_with(), HEADLINE).as_text()

    assert text.endswith("\n-# Paragraph 2 · confidence 82%")
    assert "**June 15-16**" in text


def test_notices_fit_and_say_what_to_do() -> None:
    article = article_from_text(
        f"{HEADLINE}\n\nBody text about the *summit*.", source="/srv/secret/path/story.txt"
    )
    source = source_info(article)

    assert "story.txt" in source.description
    assert "/srv/secret" not in source.description
    assert "/ask" in help_text(HEADLINE).description
    assert "1 second." in slow_down(0.2).description
    assert "3 seconds" in slow_down(2.5).description
    assert "try again" in apology().description
    for reply in (source, help_text("#" * 9000), slow_down(1), apology()):
        assert_fits(reply)
