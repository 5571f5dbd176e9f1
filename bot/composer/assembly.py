"""Assembling the :class:`~bot.answers.Answer`: the reply, its evidence and its source.

Every kind of reply is built here, from what the composer decided: a sourced
answer (the short answer phrased, then the quoted sentence with its article,
paragraph, publisher and date), "the article doesn't say" (with what the articles
are about), small talk, and the summary.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.answers import Answer, AnswerKind, Evidence
from bot.composer.questions import QuestionAnalysis
from bot.composer.ranking import RankedPassage
from bot.composer.relative_dates import parse_published
from bot.composer.replies import no_answer_statement, quote_line, statement_for
from bot.composer.scoring import ScoredCandidate
from bot.composer.smalltalk import summarize
from bot.knowledge import Knowledge
from retrieval import Passage

__all__ = ["chat_answer", "evidence_for", "no_answer", "sourced_answer", "summary_answer"]

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
    statement = statement_for(analysis, short, source, parse_published(article.published))
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
    ranked: list[RankedPassage],
    scored: list[ScoredCandidate],
    limit: int,
) -> tuple[Evidence, ...]:
    """Supporting passages, best first, scored by how well each supports the answer.

    A passage's support score is its best candidate's score (the answer's passage
    therefore comes first), or half its ranking score when it offered none.
    """
    top = ranked[0].score or 1.0
    support: dict[int, float] = {item.passage.index: 0.5 * item.score / top for item in ranked}
    for item in scored:
        index = item.candidate.sentence.passage.index
        support[index] = max(support.get(index, 0.0), min(1.0, item.score))
    support[source_index] = max(support.values(), default=1.0)
    by_index = {item.passage.index: item.passage for item in ranked}
    order = sorted(support, key=lambda index: (index != source_index, -support[index], index))
    return tuple(
        _evidence(knowledge, passage, support[index])
        for index in order[:limit]
        if (passage := by_index.get(index)) is not None
    )


def no_answer(
    knowledge: Knowledge,
    text: str,
    analysis: QuestionAnalysis,
    ranked: Sequence[RankedPassage],
    *,
    confidence: float = 0.0,
    scope: int | None = None,
) -> Answer:
    """ "The article doesn't say", with what the article(s) in scope are about."""
    articles = knowledge.articles if scope is None else (knowledge.articles[scope],)
    titles = [article.title for article in articles[:_TITLES_SHOWN]]
    if len(articles) > _TITLES_SHOWN:
        titles.append(f"and {len(articles) - _TITLES_SHOWN} more")
    statement = no_answer_statement(titles)
    top = ranked[0].score if ranked else 1.0
    evidence = tuple(
        _evidence(knowledge, item.passage, 0.5 * item.score / top) for item in ranked[:3]
    )
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
