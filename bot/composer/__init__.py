"""The answer composer: one question in, one :class:`~bot.answers.Answer` out.

The steps, each in its own module::

    question ─ normalization ─ smalltalk? ─ followups ─ questions (type, words)
      → ranking (passages + neighbours) → extraction (typed candidates)
      → scoring → abstention → replies (phrasing, hedges, quote)

Every front-end (REPL, ``ask``, Discord, evaluation) calls :func:`answer`, so
they all give the same reply to the same question.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.answers import Answer, AnswerKind, Evidence
from bot.composer.candidates import Candidate, Sentence
from bot.composer.extraction import extract_candidates
from bot.composer.followups import resolve_followup
from bot.composer.lexicon import SPEECH_VERBS
from bot.composer.normalization import (
    MAX_QUESTION_CHARS,
    clean_question,
    correct_typos,
    expand_chat_spelling,
    expand_contractions,
)
from bot.composer.questions import AnswerType, QuestionAnalysis, analyze_question
from bot.composer.ranking import RankedPassage, coverage, rank_passages, to_sentence
from bot.composer.reader import ArticleReader, WordWeights, reader_for
from bot.composer.relative_dates import parse_published
from bot.composer.replies import no_answer_statement, quote_line, statement_for
from bot.composer.scoring import (
    ScoredCandidate,
    score_candidate,
    score_parts,
    upper_bound,
)
from bot.composer.smalltalk import chat_reply, is_summary_request, summarize
from bot.composer.yes_no import decide_yes_no
from bot.conversation import Conversation, Turn
from bot.knowledge import Knowledge
from retrieval import Article, Passage

__all__ = ["MAX_QUESTION_CHARS", "ComposerOptions", "answer", "ranked_passages"]

# Candidates are drawn from this many of the best-ranked passages.
CANDIDATE_PASSAGES = 6
# Confidence is the question's coverage by the answer's passage, scaled by how
# good the chosen candidate is: a perfect candidate keeps all of the coverage, a
# weak one keeps QUALITY_FLOOR of it. See docs/BENCHMARKS.md for the trade-off.
QUALITY_FLOOR = 0.4


@dataclass(frozen=True, slots=True)
class ComposerOptions:
    """Tunable knobs of the composer, taken from settings."""

    top_k: int = 5
    abstain_threshold: float = 0.2


def answer(
    question: str,
    knowledge: Knowledge,
    conversation: Conversation | None = None,
    options: ComposerOptions | None = None,
) -> Answer:
    """Answer ``question`` from ``knowledge``, using and updating ``conversation``."""
    options = options or ComposerOptions()
    text = clean_question(question)
    if not text:
        return _chat(text, 'Ask me a question about the article, e.g. "what is it about?"')
    article = knowledge.article
    reply = chat_reply(text, article)
    if reply is not None:
        return _chat(text, reply)
    if is_summary_request(text):
        return _summary(text, knowledge)
    reader = reader_for(knowledge)
    previous = conversation.last if conversation is not None else None
    analysis = analyze_question(resolve_followup(_normalize(text, reader), previous))
    result = _answer_question(text, analysis, reader, options)
    if conversation is not None:
        conversation.remember(
            Turn(
                analysis.text,
                analysis.subject,
                analysis.answer_type,
                result.short_answer,
                conversation.now(),
            )
        )
    return result


def ranked_passages(
    question: str, knowledge: Knowledge, options: ComposerOptions | None = None
) -> list[Passage]:
    """The passages the composer would draw answers from, best first (for evaluation)."""
    options = options or ComposerOptions()
    reader = reader_for(knowledge)
    analysis = analyze_question(_normalize(clean_question(question), reader))
    limit = max(options.top_k, CANDIDATE_PASSAGES)
    return [
        item.passage for item in rank_passages(analysis, _search_query(analysis), reader, limit)
    ]


def _normalize(text: str, reader: ArticleReader) -> str:
    """Contractions, chat spelling, then typos one edit from an article word."""
    expanded = expand_chat_spelling(expand_contractions(text))
    return correct_typos(expanded, reader.knows, reader.is_proper)


def _answer_question(
    text: str, analysis: QuestionAnalysis, reader: ArticleReader, options: ComposerOptions
) -> Answer:
    query = _search_query(analysis)
    ranked = rank_passages(analysis, query, reader, limit=max(options.top_k, CANDIDATE_PASSAGES))
    if not ranked:
        return _no_answer(text, analysis, reader, ())
    best_score = ranked[0].score
    sentences = [to_sentence(item, best_score, analysis) for item in ranked[:CANDIDATE_PASSAGES]]
    if analysis.answer_type is AnswerType.YES_NO:
        return _answer_yes_no(
            text, analysis, reader, ranked=ranked, sentence=sentences[0], options=options
        )
    weights = reader.stem_weights(analysis.content_stems)
    scored = _score_all(sentences, analysis, reader, weights)
    if not scored:
        return _no_answer(text, analysis, reader, ranked)
    best = max(scored, key=lambda item: (item.score, -item.candidate.start))
    confidence = _confidence(best, analysis, reader)
    if confidence < options.abstain_threshold:
        return _no_answer(text, analysis, reader, ranked, confidence)
    return _typed_answer(
        text,
        analysis,
        best=best,
        confidence=confidence,
        ranked=ranked,
        scored=scored,
        weights=weights,
        options=options,
        article=reader.knowledge.article,
    )


def _score_all(
    sentences: list[Sentence],
    analysis: QuestionAnalysis,
    reader: ArticleReader,
    weights: WordWeights,
) -> list[ScoredCandidate]:
    """Score the candidates of every sentence, skipping those that cannot win.

    A candidate whose best possible score is below the best score so far is not
    scored at all: this halves the work and never changes the answer.
    """
    scored: list[ScoredCandidate] = []
    leader = float("-inf")
    for sentence in sentences:
        for candidate in _distinct(extract_candidates(sentence, analysis, reader)):
            if upper_bound(candidate) < leader:
                continue
            item = score_candidate(candidate, analysis, weights)
            if item is not None:
                scored.append(item)
                leader = max(leader, item.score)
    return scored


def _distinct(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per span: the one whose type fit and bonus are best."""
    best: dict[tuple[int, int], Candidate] = {}
    for candidate in candidates:
        key = (candidate.first, candidate.last)
        kept = best.get(key)
        if kept is None or (candidate.type_fit, candidate.bonus) > (kept.type_fit, kept.bonus):
            best[key] = candidate
    return list(best.values())


def _search_query(analysis: QuestionAnalysis) -> str:
    """The question, plus the synonyms of its speech verb ("reply" finds "respond")."""
    if analysis.verb is None:
        return analysis.text
    return f"{analysis.text} {' '.join(sorted(SPEECH_VERBS[analysis.verb]))}"


def _typed_answer(
    text: str,
    analysis: QuestionAnalysis,
    *,
    best: ScoredCandidate,
    confidence: float,
    ranked: list[RankedPassage],
    scored: list[ScoredCandidate],
    weights: WordWeights,
    options: ComposerOptions,
    article: Article,
) -> Answer:
    candidate = best.candidate
    parts = score_parts(candidate, analysis, weights) or {}
    note = f"rule {candidate.rule}; " + ", ".join(f"{k} {v:+.2f}" for k, v in parts.items())
    return _sourced_answer(
        text,
        analysis,
        article,
        short=candidate.text,
        source=candidate.sentence.passage,
        span=(candidate.start, candidate.end),
        confidence=confidence,
        evidence=_evidence(candidate.sentence.passage.index, ranked, scored, options.top_k),
        notes=(note,),
    )


def _answer_yes_no(
    text: str,
    analysis: QuestionAnalysis,
    reader: ArticleReader,
    *,
    ranked: list[RankedPassage],
    sentence: Sentence,
    options: ComposerOptions,
) -> Answer:
    coverage = _coverage(analysis, reader, sentence)
    if coverage < options.abstain_threshold:
        return _no_answer(text, analysis, reader, ranked, coverage)
    short, first, last = decide_yes_no(sentence, analysis)
    source = sentence.passage
    return _sourced_answer(
        text,
        analysis,
        reader.knowledge.article,
        short=short,
        source=source,
        span=(
            source.start + sentence.tokens[first].start,
            source.start + sentence.tokens[last].end,
        ),
        confidence=coverage,
        evidence=_evidence(source.index, ranked, [], options.top_k),
    )


def _sourced_answer(
    text: str,
    analysis: QuestionAnalysis,
    article: Article,
    *,
    short: str,
    source: Passage,
    span: tuple[int, int],
    confidence: float,
    evidence: tuple[Evidence, ...],
    notes: tuple[str, ...] = (),
) -> Answer:
    """An answer with its short phrase, its phrasing, and the quoted source sentence."""
    statement = statement_for(analysis, short, source, parse_published(article.published))
    return Answer(
        question=text,
        answer=f"{statement}\n{quote_line(source, article)}",
        statement=statement,
        short_answer=short,
        question_type=str(analysis.answer_type),
        confidence=confidence,
        kind=AnswerKind.ANSWER,
        passages=evidence,
        answer_start=span[0],
        answer_end=span[1],
        notes=notes,
    )


def _confidence(best: ScoredCandidate, analysis: QuestionAnalysis, reader: ArticleReader) -> float:
    coverage = _coverage(analysis, reader, best.candidate.sentence)
    quality = min(1.0, max(0.0, best.score))
    return coverage * (QUALITY_FLOOR + (1.0 - QUALITY_FLOOR) * quality)


def _coverage(analysis: QuestionAnalysis, reader: ArticleReader, sentence: Sentence) -> float:
    """How much of the question the passage and its neighbours say (see ranking.coverage)."""
    passages = reader.knowledge.retriever.passages
    index = sentence.passage.index
    window = [sentence.passage.text] + [
        passages[neighbour].text
        for neighbour in (index - 1, index + 1)
        if 0 <= neighbour < len(passages)
    ]
    return coverage(analysis, reader.stem_weights(analysis.content_stems), *window)


def _evidence(
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
        Evidence(p.text, round(support[i], 4), p.start, p.end, p.paragraph)
        for i in order[:limit]
        if (p := by_index.get(i)) is not None
    )


def _no_answer(
    text: str,
    analysis: QuestionAnalysis,
    reader: ArticleReader,
    ranked: list[RankedPassage] | tuple[()],
    confidence: float = 0.0,
) -> Answer:
    statement = no_answer_statement(reader.knowledge.article.title)
    top = ranked[0].score if ranked else 1.0
    evidence = tuple(
        Evidence(
            item.passage.text,
            round(0.5 * item.score / top, 4),
            item.passage.start,
            item.passage.end,
            item.passage.paragraph,
        )
        for item in list(ranked)[:3]
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


def _chat(text: str, reply: str) -> Answer:
    return Answer(text, reply, reply, None, "CHAT", 1.0, AnswerKind.CHAT)


def _summary(text: str, knowledge: Knowledge) -> Answer:
    article = knowledge.article
    indexes = summarize(article)
    passages = [article.passages[index] for index in indexes]
    body = " ".join(passage.text for passage in passages)
    statement = f'"{article.title}": {body}' if body else f'The article is "{article.title}".'
    evidence = tuple(Evidence(p.text, 1.0, p.start, p.end, p.paragraph) for p in passages)
    return Answer(text, statement, statement, None, "SUMMARY", 1.0, AnswerKind.SUMMARY, evidence)
