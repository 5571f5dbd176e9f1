"""Assembling the :class:`~bot.answers.Answer`: the reply, its evidence and its source.

Every kind of reply is built here, from what the composer decided: a sourced
answer (the short answer phrased, then the quoted sentence with its article,
paragraph, publisher and date), "the article doesn't say" (with what the articles
are about), small talk, and the summary.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bot.answers import Answer, AnswerKind, Evidence
from bot.composer.questions import QuestionAnalysis
from bot.composer.relative_dates import parse_published
from bot.composer.replies import (
    left_open_statement,
    no_answer_statement,
    quote_line,
    statement_for,
)
from bot.composer.smalltalk import summarize
from bot.knowledge import Knowledge
from retrieval import Passage

__all__ = [
    "chat_answer",
    "combined_answer",
    "evidence_for",
    "no_answer",
    "passage_answer",
    "sourced_answer",
    "summary_answer",
]

# Titles named when no article answers ("they are about: A; B; C and 4 more").
_TITLES_SHOWN = 3
# Articles summarized in one reply when several are loaded.
_SUMMARIES_SHOWN = 5


def sourced_answer(
    knowledge: Knowledge,
    text: str,
    analysis: QuestionAnalysis,
    *,
    short: str,
    source: Passage,
    span: tuple[int, int],
    confidence: float,
    evidence: tuple[Evidence, ...],
    notes: tuple[str, ...] = (),
) -> Answer:
    """An answer with its short phrase, its phrasing, and the quoted source sentence."""
    article = knowledge.article_of(source)
    statement = statement_for(
        analysis,
        short,
        source,
        parse_published(article.published),
        span=span,
        article_text=article.text,
    )
    return Answer(
        question=text,
        answer=f"{statement}\n{quote_line(source, article, several=len(knowledge.articles) > 1)}",
        statement=statement,
        short_answer=short,
        question_type=str(analysis.answer_type),
        confidence=confidence,
        kind=AnswerKind.ANSWER,
        passages=evidence,
        answer_start=span[0],
        answer_end=span[1],
        notes=notes,
        article=article.title,
    )


def evidence_for(
    knowledge: Knowledge,
    source_index: int,
    ranked: Sequence[tuple[Passage, float]],
    limit: int,
) -> tuple[Evidence, ...]:
    """Supporting passages, the answer's first, then the ranker's order.

    A passage's score is the share of the sentence ranker's belief that it holds
    the answer (a softmax over the ranked sentences); the answer's passage comes
    first, and is shown with at least the best share.
    """
    others = [item for item in ranked if item[0].index != source_index]
    source = next((item for item in ranked if item[0].index == source_index), None)
    ordered = others
    if source is not None:
        # The answer's passage leads, so it carries the highest support shown.
        lead = max([source[1], *(share for _, share in others)])
        ordered = [(source[0], lead), *others]
    return tuple(_evidence(knowledge, passage, share) for passage, share in ordered[:limit])


def passage_answer(
    knowledge: Knowledge,
    text: str,
    analysis: QuestionAnalysis,
    *,
    source: Passage,
    confidence: float,
    evidence: tuple[Evidence, ...],
) -> Answer:
    """The answering sentence itself, quoted, when no short phrase is a safe answer."""
    article = knowledge.article_of(source)
    statement = "The article says:"
    quote = quote_line(source, article, several=len(knowledge.articles) > 1)
    return Answer(
        question=text,
        answer=f"{statement}\n{quote}",
        statement=statement,
        short_answer=source.text,
        question_type=str(analysis.answer_type),
        confidence=confidence,
        kind=AnswerKind.PASSAGE,
        passages=evidence,
        answer_start=source.start,
        answer_end=source.end,
        article=article.title,
    )


def combined_answer(knowledge: Knowledge, text: str, parts: Sequence[Answer]) -> Answer:
    """One reply to a question of several parts ("when and where ...?"), part by part."""
    answered = [part for part in parts if part.kind in {AnswerKind.ANSWER, AnswerKind.PASSAGE}]
    if not answered:
        return replace(parts[0], question=text)
    statements = [
        part.statement if part in answered else _part_not_said(part.question) for part in parts
    ]
    sources: list[str] = []
    for part in answered:
        line = part.answer[len(part.statement) :].strip()
        if line and line not in sources and part.kind is AnswerKind.ANSWER:
            sources.append(line)
    evidence: list[Evidence] = []
    for part in answered:
        evidence.extend(e for e in part.passages if e not in evidence)
    first = answered[0]
    return Answer(
        question=text,
        answer="\n".join([" ".join(statements), *sources]),
        statement=" ".join(statements),
        short_answer="; ".join(part.short_answer or "" for part in answered),
        question_type="+".join(part.question_type for part in parts),
        confidence=min(part.confidence for part in answered),
        kind=AnswerKind.ANSWER
        if any(p.kind is AnswerKind.ANSWER for p in answered)
        else first.kind,
        passages=tuple(evidence),
        answer_start=first.answer_start,
        answer_end=first.answer_end,
        notes=tuple(note for part in parts for note in part.notes),
        article=first.article,
    )


def _part_not_said(question: str) -> str:
    words = question.split()
    asked = words[0].lower() if words else ""
    return f"The article doesn't say {asked}." if asked else "The article doesn't say."


def no_answer(
    knowledge: Knowledge,
    text: str,
    analysis: QuestionAnalysis,
    ranked: Sequence[tuple[Passage, float]],
    *,
    confidence: float = 0.0,
    scope: int | None = None,
    left_open: Passage | None = None,
) -> Answer:
    """ "The article doesn't say", with what the article(s) in scope are about; or, when
    a sentence of it says the answer is not given (``left_open``), with that sentence:
    the reader sees it is the article's gap, not the bot's."""
    articles = knowledge.articles if scope is None else (knowledge.articles[scope],)
    titles = [article.title for article in articles[:_TITLES_SHOWN]]
    if len(articles) > _TITLES_SHOWN:
        titles.append(f"and {len(articles) - _TITLES_SHOWN} more")
    statement = no_answer_statement(titles)
    evidence = tuple(_evidence(knowledge, passage, share) for passage, share in ranked[:3])
    if left_open is not None:
        statement = left_open_statement(left_open.text)
        evidence = (_evidence(knowledge, left_open, 1.0),)
    return Answer(
        question=text,
        answer=statement,
        statement=statement,
        short_answer=None,
        question_type=str(analysis.answer_type),
        confidence=confidence,
        kind=AnswerKind.NO_ANSWER,
        passages=evidence,
    )


def chat_answer(text: str, reply: str) -> Answer:
    return Answer(text, reply, reply, None, "CHAT", 1.0, AnswerKind.CHAT)


def summary_answer(knowledge: Knowledge, text: str, scope: int | None = None) -> Answer:
    """What the article is about; with several articles, a line for each (or the scoped one)."""
    numbers = range(len(knowledge.articles)) if scope is None else range(scope, scope + 1)
    several = len(numbers) > 1
    lines: list[str] = []
    evidence: list[Evidence] = []
    for number in list(numbers)[:_SUMMARIES_SHOWN]:
        article = knowledge.articles[number]
        passages = [article.passages[index] for index in summarize(article)]
        if several:
            passages = passages[:1]
        body = " ".join(passage.text for passage in passages)
        prefix = f"{number + 1}. " if several else ""
        lines.append(f'{prefix}"{article.title}": {body}' if body else f'{prefix}"{article.title}"')
        evidence.extend(
            Evidence(p.text, 1.0, p.start, p.end, p.paragraph, article.title) for p in passages
        )
    if len(numbers) > _SUMMARIES_SHOWN:
        lines.append(f"... and {len(numbers) - _SUMMARIES_SHOWN} more articles.")
    statement = "\n".join(lines)
    return Answer(
        text, statement, statement, None, "SUMMARY", 1.0, AnswerKind.SUMMARY, tuple(evidence)
    )


def _evidence(knowledge: Knowledge, passage: Passage, score: float) -> Evidence:
    title = knowledge.article_of(passage).title
    return Evidence(
        passage.text, round(score, 4), passage.start, passage.end, passage.paragraph, title
    )
