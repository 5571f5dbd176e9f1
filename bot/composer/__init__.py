"""The answer composer: one question in, one :class:`~bot.answers.Answer` out.

The steps, each in its own module::

    question ─ normalization ─ smalltalk? ─ followups ─ questions (type, words)
      → ranking (TF-IDF + coverage + headline + neighbours, within a scope)
      → extraction (typed candidates) → scoring (evidence × type fit)
      → abstention (confidence, coverage, unknown names) → assembly (reply, evidence)

Every front-end (REPL, ``ask``, Discord, evaluation) calls :func:`answer`, so
they all give the same reply to the same question.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.answers import Answer
from bot.composer.assembly import (
    chat_answer,
    evidence_for,
    no_answer,
    sourced_answer,
    summary_answer,
)
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
from bot.composer.scoring import (
    ScoredCandidate,
    score_candidate,
    score_parts,
    upper_bound,
)
from bot.composer.smalltalk import chat_reply, is_summary_request
from bot.composer.yes_no import decide_yes_no
from bot.conversation import Conversation, Turn
from bot.knowledge import Knowledge
from retrieval import Passage

__all__ = ["MAX_QUESTION_CHARS", "ComposerOptions", "answer", "ranked_passages"]

# Candidates are drawn from this many of the best-ranked passages.
CANDIDATE_PASSAGES = 6
# Confidence is the question's coverage by the answer's passage, scaled by how
# good the chosen candidate is: a perfect candidate keeps all of the coverage, a
# weak one keeps QUALITY_FLOOR of it. See docs/BENCHMARKS.md for the trade-off.
QUALITY_FLOOR = 0.4
# Below this coverage an answer rests on too little of the question to stand: a
# sentence that shares one word of four is not an answer. With the rule that a
# question naming something the articles never mention is declined, it takes
# SQuAD's unanswerable accuracy from 3.6% to 9.3% for 1.4% more declined
# answerable questions (docs/BENCHMARKS.md).
MIN_COVERAGE = 0.25


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
    *,
    scope: int | None = None,
) -> Answer:
    """Answer ``question`` from ``knowledge``, using and updating ``conversation``.

    ``scope`` (an article's number, from 0) limits the answer to one article.
    """
    options = options or ComposerOptions()
    text = clean_question(question)
    if not text:
        return chat_answer(text, 'Ask me a question about the article, e.g. "what is it about?"')
    article = knowledge.articles[scope] if scope is not None else knowledge.article
    reply = chat_reply(text, article)
    if reply is not None:
        return chat_answer(text, reply)
    if is_summary_request(text):
        return summary_answer(knowledge, text, scope)
    reader = reader_for(knowledge)
    previous = conversation.last if conversation is not None else None
    analysis = analyze_question(resolve_followup(_normalize(text, reader), previous))
    result = _answer_question(text, analysis, reader, options, scope)
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
    text: str,
    analysis: QuestionAnalysis,
    reader: ArticleReader,
    options: ComposerOptions,
    scope: int | None,
) -> Answer:
    knowledge = reader.knowledge
    limit = max(options.top_k, CANDIDATE_PASSAGES)
    ranked = rank_passages(analysis, _search_query(analysis), reader, limit, scope)
    if not ranked:
        return no_answer(knowledge, text, analysis, ranked, scope=scope)
    best_score = ranked[0].score
    sentences = [to_sentence(item, best_score, analysis) for item in ranked[:CANDIDATE_PASSAGES]]
    if analysis.answer_type is AnswerType.YES_NO:
        return _answer_yes_no(
            text,
            analysis,
            reader,
            ranked=ranked,
            sentence=sentences[0],
            options=options,
            scope=scope,
        )
    weights = reader.stem_weights(analysis.content_stems)
    scored = _score_all(sentences, analysis, reader, weights)
    if not scored:
        return no_answer(knowledge, text, analysis, ranked, scope=scope)
    best = max(scored, key=lambda item: (item.score, -item.candidate.start))
    confidence = _confidence(best, analysis, reader)
    if confidence < options.abstain_threshold:
        return no_answer(knowledge, text, analysis, ranked, confidence=confidence, scope=scope)
    candidate = best.candidate
    parts = score_parts(candidate, analysis, weights) or {}
    note = f"rule {candidate.rule}; " + ", ".join(f"{k} {v:+.2f}" for k, v in parts.items())
    source = candidate.sentence.passage
    return sourced_answer(
        knowledge,
        text,
        analysis,
        short=candidate.text,
        source=source,
        span=(candidate.start, candidate.end),
        confidence=confidence,
        evidence=evidence_for(knowledge, source.index, ranked, scored, options.top_k),
        notes=(note,),
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


def _answer_yes_no(
    text: str,
    analysis: QuestionAnalysis,
    reader: ArticleReader,
    *,
    ranked: list[RankedPassage],
    sentence: Sentence,
    options: ComposerOptions,
    scope: int | None,
) -> Answer:
    knowledge = reader.knowledge
    coverage = _coverage(analysis, reader, sentence)
    if coverage < options.abstain_threshold:
        return no_answer(knowledge, text, analysis, ranked, confidence=coverage, scope=scope)
    short, first, last = decide_yes_no(sentence, analysis)
    source = sentence.passage
    return sourced_answer(
        knowledge,
        text,
        analysis,
        short=short,
        source=source,
        span=(
            source.start + sentence.tokens[first].start,
            source.start + sentence.tokens[last].end,
        ),
        confidence=coverage,
        evidence=evidence_for(knowledge, source.index, ranked, [], options.top_k),
    )


def _confidence(best: ScoredCandidate, analysis: QuestionAnalysis, reader: ArticleReader) -> float:
    coverage = _coverage(analysis, reader, best.candidate.sentence)
    if coverage < MIN_COVERAGE or _names_unknown(analysis, reader):
        return 0.0
    quality = min(1.0, max(0.0, best.score))
    return coverage * (QUALITY_FLOOR + (1.0 - QUALITY_FLOOR) * quality)


def _names_unknown(analysis: QuestionAnalysis, reader: ArticleReader) -> bool:
    """Whether the question names something (a capitalized word) the articles never mention.

    "What is the stock price of Apple?" is about Apple; an article that never says
    "Apple" cannot answer it, however well "stock" matches "rolling stock".
    """
    vocabulary = reader.knowledge.retriever.vocabulary
    names = [token for token in analysis.content if token.is_capitalized and token.start > 0]
    return any(
        terms and not any(term in vocabulary for term in terms)
        for terms in (reader.terms(name.text) for name in names)
    )


def _coverage(analysis: QuestionAnalysis, reader: ArticleReader, sentence: Sentence) -> float:
    """How much of the question the passage and its neighbours say (see ranking.coverage)."""
    passages = reader.knowledge.retriever.passages
    index = sentence.passage.index
    window = [sentence.passage.text, *(passages[n].text for n in reader.neighbours(index))]
    return coverage(analysis, reader.stem_weights(analysis.content_stems), *window)
