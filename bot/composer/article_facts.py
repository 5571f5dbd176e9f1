"""Questions about the article itself: who wrote it, when it was published, its headline.

"Who wrote this?" asks nothing the story's sentences say: the answer is the
article's byline, from the page's metadata or from the "By Hannah Lindqvist" line
a plain-text story opens with, and "when was this published?" its date. Only
questions that name the article ("this", "the article", "the story") are read so:
"who is the author?" may ask about an author the story is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bot.answers import Answer, AnswerKind, Evidence
from bot.composer.relative_dates import parse_published
from bot.composer.replies import quote_line
from bot.knowledge import Knowledge
from retrieval import Article, Passage

__all__ = ["ArticleFact", "Byline", "article_fact_answer", "asked_article_fact", "byline_of"]


class ArticleFact(StrEnum):
    """What about the article itself a question asks."""

    AUTHOR = "AUTHOR"
    PUBLISHED = "PUBLISHED"
    HEADLINE = "HEADLINE"


# "this", "the article/story/piece/report/text": the article itself. Not "it", which in a
# conversation stands for what the last question was about ("how old is it?").
_THE_ARTICLE = (
    r"(?:this(?: (?:article|story|piece|report|text))?|the (?:article|story|piece|report|text))"
)
_QUESTIONS: tuple[tuple[ArticleFact, re.Pattern[str]], ...] = (
    (
        ArticleFact.AUTHOR,
        re.compile(
            rf"^(?:who (?:wrote|writes|authored|penned|reported) {_THE_ARTICLE}"
            rf"|who(?:'s| is| was) (?:the )?(?:author|writer|reporter|journalist) of {_THE_ARTICLE}"
            rf"|who(?:'s| is| was) {_THE_ARTICLE} (?:by|written by|from)"
            rf"|(?:by )?whom (?:was|is) {_THE_ARTICLE} written)[\s?!.]*$",
            re.IGNORECASE,
        ),
    ),
    (
        ArticleFact.PUBLISHED,
        re.compile(
            rf"^(?:when (?:was|is) {_THE_ARTICLE} (?:published|written|posted|dated|from)"
            rf"|what(?:'s| is) the (?:date|publication date) of {_THE_ARTICLE})[\s?!.]*$",
            re.IGNORECASE,
        ),
    ),
    (
        ArticleFact.HEADLINE,
        re.compile(
            # "what is the title?" may ask for a book's or a championship's
            rf"^what(?:'s| is| was) (?:the (?:headline(?: of {_THE_ARTICLE})?|title of "
            rf"{_THE_ARTICLE})|this (?:article|story)'s (?:headline|title))[\s?!.]*$",
            re.IGNORECASE,
        ),
    ),
)
# The longest question read as one about the article (the patterns are anchored; this
# only keeps a long message from being matched at all).
_LONGEST_QUESTION = 120
# A plain-text story's byline: "By Hannah Lindqvist", "By Helen Achterberg, Health
# Correspondent", within the first lines.
_BYLINE = re.compile(r"^by ([A-Z][^,;:\n]{1,60}?)(?:, ([^\n]{1,60}))?\s*$", re.IGNORECASE)
_BYLINE_PASSAGES = 3


def asked_article_fact(message: str) -> ArticleFact | None:
    """What about the article ``message`` asks, or None when it asks about the story."""
    if len(message) > _LONGEST_QUESTION:
        return None
    stripped = message.strip()
    return next((fact for fact, form in _QUESTIONS if form.match(stripped)), None)


@dataclass(frozen=True, slots=True)
class Byline:
    """Who wrote an article: the name, and the passage that says so with the name's
    offsets in the article's text (no passage for a page's metadata)."""

    name: str
    passage: Passage | None = None
    start: int | None = None
    end: int | None = None


def byline_of(article: Article) -> Byline | None:
    """The article's byline: its metadata's, else a "By ..." line among its first passages."""
    if article.byline:
        return Byline(article.byline.strip())
    for passage in article.passages[:_BYLINE_PASSAGES]:
        match = _BYLINE.match(passage.text)
        if match is not None and match.group(1)[:1].isupper():
            name = match.group(1).rstrip()
            start = passage.start + match.start(1)
            return Byline(name, passage, start, start + len(name))
    return None


def article_fact_answer(
    knowledge: Knowledge, text: str, fact: ArticleFact, scope: int | None = None
) -> Answer:
    """The answer to a question about the article itself (see :func:`asked_article_fact`);
    with several articles loaded and none in scope, one line for each."""
    numbers = range(len(knowledge.articles)) if scope is None else range(scope, scope + 1)
    if len(numbers) == 1:
        return _one_article(knowledge.articles[numbers[0]], text, fact)
    lines = [
        f'{number + 1}. "{article.title}": {_one_article(article, text, fact).statement}'
        for number, article in enumerate(knowledge.articles[:_ARTICLES_SHOWN])
    ]
    if len(numbers) > _ARTICLES_SHOWN:
        lines.append(f"... and {len(numbers) - _ARTICLES_SHOWN} more articles.")
    statement = "\n".join(lines)
    return Answer(text, statement, statement, None, str(fact), 1.0, AnswerKind.SUMMARY)


# Articles answered for in one reply when several are loaded.
_ARTICLES_SHOWN = 5


def _one_article(article: Article, text: str, fact: ArticleFact) -> Answer:
    if fact is ArticleFact.AUTHOR:
        byline = byline_of(article)
        if byline is None:
            return _unknown(text, fact, "The article doesn't name its author.")
        return _known(
            text,
            fact,
            article,
            statement=f"The article is by {byline.name}.",
            short=byline.name,
            passage=byline.passage,
            span=(byline.start, byline.end),
        )
    if fact is ArticleFact.PUBLISHED:
        published = parse_published(article.published)
        if published is None:
            return _unknown(text, fact, "The article doesn't give its date.")
        day = f"{published.day} {published:%B %Y}"
        return _known(text, fact, article, statement=f"It was published on {day}.", short=day)
    # the headline, not quoted again beneath itself
    headline = article.passages[0] if article.has_headline and article.passages else None
    return _known(
        text,
        fact,
        article,
        statement=f'The headline is "{article.title}".',
        short=article.title,
        span=_span_of(article, headline, article.title),
    )


def _span_of(article: Article, passage: Passage | None, said: str) -> tuple[int | None, int | None]:
    """The offsets of ``passage`` when it says exactly ``said``, else none."""
    if passage is None or article.text[passage.start : passage.end] != said:
        return None, None
    return passage.start, passage.end


def _known(
    text: str,
    fact: ArticleFact,
    article: Article,
    *,
    statement: str,
    short: str,
    passage: Passage | None = None,
    span: tuple[int | None, int | None] = (None, None),
) -> Answer:
    """An answer from the article's metadata, quoting the passage that says it if any."""
    evidence: tuple[Evidence, ...] = ()
    reply = statement
    if passage is not None:
        evidence = (
            Evidence(
                passage.text, 1.0, passage.start, passage.end, passage.paragraph, article.title
            ),
        )
        reply = f"{statement}\n{quote_line(passage, article)}"
    return Answer(
        question=text,
        answer=reply,
        statement=statement,
        short_answer=short,
        question_type=str(fact),
        confidence=1.0,
        kind=AnswerKind.ANSWER,
        passages=evidence,
        answer_start=span[0],
        answer_end=span[1],
        article=article.title,
    )


def _unknown(text: str, fact: ArticleFact, statement: str) -> Answer:
    return Answer(text, statement, statement, None, str(fact), 0.0, AnswerKind.NO_ANSWER)
