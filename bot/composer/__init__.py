"""The answer composer: one question in, one :class:`~bot.answers.Answer` out.

The steps, each in its own module::

    question ─ normalization ─ smalltalk? ─ multipart? ─ understanding (followups,
      type, words) → selection: pool → sentence ranker → extractors → span scorer
      → abstention model → decision (span, sentence, or decline) → assembly (reply)

The rules propose sentences and spans and phrase the reply; how much each piece of
evidence counts, and how sure the composer must be to answer, are fitted on the
development data (:mod:`bot.composer.weights`, ``scripts/fit_weights.py``).

Every front-end (REPL, ``ask``, Discord, evaluation) calls :func:`answer`, so
they all give the same reply to the same question.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from bot.answers import Answer, AnswerKind
from bot.composer.abstention_features import names_unknown
from bot.composer.article_facts import article_fact_answer, asked_article_fact
from bot.composer.assembly import (
    chat_answer,
    combined_answer,
    evidence_for,
    no_answer,
    passage_answer,
    sourced_answer,
    summary_answer,
)
from bot.composer.candidates import Candidate, rule_family
from bot.composer.capitals import same_country
from bot.composer.central_person import central_person, stands_for_someone
from bot.composer.contests import asked_side
from bot.composer.extractors.names import dateline_end, is_nationality, opens_sentence
from bot.composer.inflections import related_stems
from bot.composer.lexicon import (
    CALENDAR_WORDS,
    DETERMINERS,
    FUNCTION_WORDS,
    MARRIAGE_WORDS,
    MONEY_WORDS,
    PRONOUNS,
    STANDING_PRONOUNS,
)
from bot.composer.matching import coverage, sentence_for
from bot.composer.multipart import split_question
from bot.composer.normalization import MAX_QUESTION_CHARS, clean_question
from bot.composer.noun_kinds import compound_of, focus_word, is_a_kind_of
from bot.composer.parentage import ParentAsked, asked_parent, parents_work
from bot.composer.person_words import PERSON_STEMS
from bot.composer.pinned import pinned_unsaid
from bot.composer.questions import (
    CATEGORY_STEMS,
    AnswerType,
    QuestionAnalysis,
    asks_birth,
    asks_death,
    asks_event,
    family_relation,
)
from bot.composer.reader import ArticleReader, reader_for
from bot.composer.selection import (
    READ_SENTENCES,
    RankedSentence,
    Selection,
    pool_sentences,
    rank_sentences,
    select_answer,
    sentence_window,
)
from bot.composer.smalltalk import chat_reply, is_summary_request
from bot.composer.span_features import HEAT_WORDS, asked_quantity, counts_children
from bot.composer.tokens import Token, tokenize
from bot.composer.trimming import lifespan, trimmed
from bot.composer.understanding import search_query, understand
from bot.composer.unsaid import conditioned_at, unsaid_at
from bot.composer.weights import AnswerWeights, default_weights
from bot.composer.word_classes import WordClass, is_common_word, word_class
from bot.composer.yes_no import PASSAGE_COVERAGE, judge_yes_no, yes_no_coverage
from bot.conversation import Conversation, Turn
from bot.knowledge import Knowledge
from retrieval import Passage
from retrieval.analysis import stem

__all__ = ["MAX_QUESTION_CHARS", "ComposerOptions", "answer", "ranked_passages"]

# Questions a sentence answers better than a phrase: why, how, what was said.
_PASSAGE_TYPES = frozenset({AnswerType.REASON, AnswerType.MANNER, AnswerType.QUOTE})
# The answer families a date or a quantity must come from: "14" (a day of a date)
# is never an amount, and a noun is never a date.
_REQUIRED_FAMILY = {AnswerType.DATE: "date", AnswerType.NUMBER: "number"}


@dataclass(frozen=True, slots=True)
class ComposerOptions:
    """Tunable knobs of the composer, taken from settings.

    ``abstain_threshold`` overrides the fitted decision threshold (None keeps
    it); ``weights`` replaces the shipped weights (cross-validation uses it).
    """

    top_k: int = 5
    abstain_threshold: float | None = None
    weights: AnswerWeights | None = None


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
    fact = asked_article_fact(text)
    if fact is not None:
        return article_fact_answer(knowledge, text, fact, scope)
    reader = reader_for(knowledge)
    parts = split_question(text)
    if len(parts) < 2:
        return _answer_turn(text, reader, conversation, options, scope)
    # "who is X and what did he say?": the second part may lean on the first.
    context = conversation if conversation is not None else Conversation()
    replies = [_answer_turn(part, reader, context, options, scope) for part in parts]
    return combined_answer(knowledge, text, replies)


def _answer_turn(
    text: str,
    reader: ArticleReader,
    conversation: Conversation | None,
    options: ComposerOptions,
    scope: int | None,
) -> Answer:
    previous = conversation.last if conversation is not None else None
    analysis = understand(text, reader, previous)
    result = _answer_one(text, analysis, reader, options, scope)
    if result.kind is AnswerKind.NO_ANSWER and previous is None:
        retried = _about_the_storys_person(text, reader, options, scope, analysis)
        if retried is not None:
            analysis, result = retried
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


def _about_the_storys_person(
    text: str,
    reader: ArticleReader,
    options: ComposerOptions,
    scope: int | None,
    analysis: QuestionAnalysis,
) -> tuple[QuestionAnalysis, Answer] | None:
    """ "how old was she?" as a first question, declined for want of anyone named, asked
    again about the person the story is about, if it is about one. Only a declined
    question of one word besides its pronoun is retried: one with words of its own
    ("when did her career take off?") was declined on them, and naming the person would
    only draw the lead's sentence."""
    if len(analysis.content) > 1 or not stands_for_someone(analysis.text):
        return None
    person = central_person(reader)
    if person is None:
        return None
    retried = understand(text, reader, Turn("", person, "PERSON", person, 0.0))
    result = _answer_one(text, retried, reader, options, scope)
    return None if result.kind is AnswerKind.NO_ANSWER else (retried, result)


def ranked_passages(
    question: str, knowledge: Knowledge, options: ComposerOptions | None = None
) -> list[Passage]:
    """The passages the composer would draw answers from, best first (for evaluation)."""
    options = options or ComposerOptions()
    reader = reader_for(knowledge)
    analysis = understand(clean_question(question), reader)
    ranked = _ranked(analysis, reader, options, None)
    passages = reader.knowledge.retriever.passages
    return [passages[item.index] for item in ranked[: options.top_k]]


def _parents_work_answer(
    text: str,
    analysis: QuestionAnalysis,
    reader: ArticleReader,
    parent: ParentAsked,
    *,
    options: ComposerOptions,
    scope: int | None,
) -> Answer | None:
    """ "What did his parents do?" answered by the article's "the son of a shoemaker and a
    church organist" (:mod:`bot.composer.parentage`), or None when it says no such thing."""
    knowledge = reader.knowledge
    passages = [
        passage
        for passage in knowledge.retriever.passages
        if scope is None or reader.article_number(passage.index) == scope
    ]
    found = parents_work(passages, parent.parent, analysis.capital_stems)
    if found is None:
        return None
    source = found.passage
    reply = sourced_answer(
        knowledge,
        text,
        analysis,
        short=found.text,
        source=source,
        span=(source.start + found.start, source.start + found.end),
        confidence=_PARENTAGE_CONFIDENCE,
        evidence=evidence_for(knowledge, source.index, [(source, 1.0)], options.top_k),
    )
    # the composer's phrasing reads a type; this one says whose parent it was
    statement = parent.statement(found.text)
    return replace(
        reply, statement=statement, answer=reply.answer.replace(reply.statement, statement, 1)
    )


# How sure a parent's work read from "the son of a shoemaker" is: a rule's reading of a
# phrase that says nothing else, not the fitted model's probability.
_PARENTAGE_CONFIDENCE = 0.9


def _ranked(
    analysis: QuestionAnalysis, reader: ArticleReader, options: ComposerOptions, scope: int | None
) -> list[RankedSentence]:
    weights = options.weights or default_weights()
    pool = pool_sentences(analysis, search_query(analysis), reader, scope)
    idf = reader.stem_weights(analysis.content_stems)
    return rank_sentences(analysis, pool, reader, idf, weights.sentence)


def _answer_one(
    text: str,
    analysis: QuestionAnalysis,
    reader: ArticleReader,
    options: ComposerOptions,
    scope: int | None,
) -> Answer:
    knowledge = reader.knowledge
    if analysis.answer_type is AnswerType.YES_NO:
        return _answer_yes_no(text, analysis, reader, options, scope)
    parent = asked_parent(analysis.text)
    if parent is not None:
        said = _parents_work_answer(text, analysis, reader, parent, options=options, scope=scope)
        if said is not None:
            return said
    if asks_event(analysis):
        # "what happened to the ferry?": the sentence that tells it, found and judged by
        # the question's words but "happened"
        event = replace(
            analysis,
            text=_HAPPEN_WORD.sub("", analysis.text),
            content=tuple(token for token in analysis.content if token.stem != _HAPPEN),
        )
        ranked = _passages(tuple(_ranked(event, reader, options, scope)), reader)
        if ranked and pinned_unsaid(analysis, ranked[0][0].text):
            # "what happened to the company in 1766?" is not told by a sentence of 1767
            return no_answer(reader.knowledge, text, analysis, ranked, scope=scope)
        return _sentence_reply(text, event, reader, ranked, options=options, scope=scope)
    weights = options.weights or default_weights()
    selection = select_answer(analysis, search_query(analysis), reader, weights, scope)
    ranked = _passages(selection.sentences, reader)
    if not selection.spans:
        # Quoting the best sentence of a why/how question with no clause to cut declined
        # 6% fewer unanswerable news questions held apart and answered no more: declined.
        return no_answer(knowledge, text, analysis, ranked, scope=scope)
    best = selection.spans[0].candidate
    if (
        _says_none(analysis, reader, best.sentence.passage.index)
        or _own_sentence_silent(analysis, best)
        or _future_for_the_past(analysis, best)
        or _past_for_the_future(analysis, best)
        or _birth_unsaid(analysis, best)
        or _death_unsaid(analysis, best)
        or _event_unsaid(analysis, best)
    ):
        return no_answer(knowledge, text, analysis, ranked, scope=scope)
    left_open = _left_open(analysis, selection.sentences[:_GAP_SENTENCES], best, reader)
    if left_open is not None:
        return no_answer(knowledge, text, analysis, ranked, scope=scope, left_open=left_open)
    threshold = options.abstain_threshold
    if threshold is None:
        threshold = weights.threshold
    confident = (
        selection.probability >= threshold
        and not _type_clash(analysis, best.rule)
        and not _focus_unsaid(analysis, reader, best.sentence.passage.index)
        and not _counted_of_another(analysis, best, reader)
        and not _counts_another_thing(analysis, best)
        and not _left_unnamed(analysis, best)
        and not _role_of_another(analysis, best)
        and not _contest_of_another(analysis, best)
    )
    if (
        confident
        and not _names_unknown(selection, analysis, reader)
        and not _relation_unknown(analysis, reader)
    ):
        source = best.sentence.passage
        start, end = trimmed(best.text, analysis)
        return sourced_answer(
            knowledge,
            text,
            analysis,
            short=best.text[start:end],
            source=source,
            span=(best.start + start, best.start + end),
            confidence=selection.probability,
            evidence=evidence_for(knowledge, source.index, ranked, options.top_k),
            notes=(_note(selection),),
        )
    if (
        _passage_worthy(analysis, selection, weights)
        and not _names_unknown(selection, analysis, reader)
        and not _relation_unknown(analysis, reader)
    ):
        source = best.sentence.passage
        return passage_answer(
            knowledge,
            text,
            analysis,
            source=source,
            confidence=selection.passage_probability,
            evidence=evidence_for(knowledge, source.index, ranked, options.top_k),
        )
    return no_answer(
        knowledge, text, analysis, ranked, confidence=selection.probability, scope=scope
    )


def _names_unknown(selection: Selection, analysis: QuestionAnalysis, reader: ArticleReader) -> bool:
    """:func:`names_unknown`, as the selection's abstention model already read it (it
    searches the index for a full name: not worth doing twice)."""
    if selection.facts is not None:
        return selection.facts.names_unknown
    return names_unknown(analysis, reader)


def _passages(
    sentences: tuple[RankedSentence, ...], reader: ArticleReader
) -> list[tuple[Passage, float]]:
    """The ranked sentences with the share of the ranker's belief each holds (a softmax)."""
    passages = reader.knowledge.retriever.passages
    if not sentences:
        return []
    top = sentences[0].score
    exponents = [math.exp(max(-50.0, item.score - top)) for item in sentences]
    total = sum(exponents)
    return [
        (passages[item.index], value / total)
        for item, value in zip(sentences, exponents, strict=True)
    ]


def _says_none(analysis: QuestionAnalysis, reader: ArticleReader, index: int) -> bool:
    """Whether the answer's sentence and its neighbours use none of the question's words.

    The search also finds a word inside another ("build" in "build-up") or another
    form of it; a sentence that uses no word of the question, in any form, is no
    evidence for any answer, whatever its retrieval score.
    """
    asked = _asked_stems(analysis)
    return bool(asked) and not asked & _window_stems(reader, index)


def _asked_stems(analysis: QuestionAnalysis) -> frozenset[str]:
    """The question's stems and the stems of their other forms ("won" for "win")."""
    return analysis.content_stems | related_stems(analysis.content_stems).keys()


def _yes_no_left_open(
    analysis: QuestionAnalysis, ranked: list[tuple[Passage, float]]
) -> Passage | None:
    """One of the best few sentences that leaves a yes/no question open ("Whether the
    committee will extend the ban was not yet known."), or None. The ranker puts such a
    sentence below one that answers: it holds no answer, though it says the question."""
    if analysis.answer_type is not AnswerType.YES_NO:
        return None
    said_open = next(
        (
            passage
            for passage, _ in ranked[:READ_SENTENCES]
            if unsaid_at(passage.text, analysis) is not None
        ),
        None,
    )
    if said_open is None and ranked and conditioned_at(ranked[0][0].text) is not None:
        return ranked[0][0]  # "will walk out on Nov. 14 if there is no agreement"
    return said_open


# Sentences read for a gap the article admits: the ranker puts "the ministry declined to
# disclose the price it would pay" below sentences that give other prices, so a few more
# than the answer is read from (two more: 2 more unanswerable development questions
# declined, none answerable; every sentence: 1 more, and "who is X?" declined for a
# name X declined to give).
_GAP_SENTENCES = READ_SENTENCES + 2


def _left_open(
    analysis: QuestionAnalysis,
    read: Sequence[RankedSentence],
    best: Candidate,
    reader: ArticleReader,
) -> Passage | None:
    """A sentence read for the answer that says the answer is not given, or None.

    "She did not say how many bakeries would close." leaves "how many bakeries will
    close?" open, whatever other number fits; only an answer that the same sentence
    goes on to give after a "but" stands ("did not say how much it would cost, but a
    person familiar with it said roughly $25 million"), not any word after the gap
    ("have not determined the cause of the fire, and Baptiste asked ...").
    """
    passages = reader.knowledge.retriever.passages
    for item in read:
        at = unsaid_at(passages[item.index].text, analysis)
        if at is None:
            continue
        if best.sentence.passage.index == item.index and _given_after(best, at):
            continue
        return passages[item.index]
    return None


def _given_after(best: Candidate, at: int) -> bool:
    """Whether the answer comes after the gap at token ``at``, past a word of contrast."""
    between = best.sentence.tokens[at : best.first]
    return best.first > at and any(token.lower in _CONTRASTS for token in between)


# Words that turn from what is not known to what is: "..., but analysts said $40 million".
_CONTRASTS = frozenset({"but", "though", "although", "however", "yet"})


def _own_sentence_silent(analysis: QuestionAnalysis, best: Candidate) -> bool:
    """Whether a date or a number comes from a sentence that says none of the question's
    words: "Oct. 3" of "The first case was identified on Oct. 3" for "when will the
    schools close?", found beside a sentence about the schools. A neighbour may carry
    the subject of a name or a phrase, but a date or an amount belongs to its own
    sentence's event, unless a pronoun there stands for the neighbour's person. Any
    form of a question word counts, even one a name qualifies ("the Victorian pier")."""
    if analysis.answer_type not in {AnswerType.DATE, AnswerType.NUMBER}:
        return False
    asked = _asked_stems(analysis) - _DIMENSION_STEMS
    if not asked:
        return False  # "how hot was it?": its one word is what is measured, no event
    return not any(
        token.stem in asked or token.lower in _STANDING_FOR for token in best.sentence.tokens
    )


# The adjectives of "how hot was it?": the weather's heat, which a sentence gives as a
# unit ("41 degrees"), not as the word. ("how far is it?" names nothing to measure from:
# no sentence's distance answers it.)
_DIMENSION_STEMS = frozenset(stem(word) for word in HEAT_WORDS)


def _future_for_the_past(analysis: QuestionAnalysis, best: Candidate) -> bool:
    """Whether a date asked of the past comes from a sentence about what is to come:
    "the summer of 2028" of "The new bridge is expected to open in the summer of 2028"
    for "when was the bridge last repaired?"."""
    if analysis.answer_type is not AnswerType.DATE or analysis.tense != "past":
        return False
    if _LOOKS_AHEAD.search(analysis.text.lower()):
        return False  # "when was the deal expected to close?" asks a future date
    tokens = best.sentence.tokens[: best.first]
    # the date's own clause: back to the last verb in the past ("a bond approved by
    # voters in 2022" is past, whatever "will be paid" says before it)
    start = next(
        (index + 1 for index in range(len(tokens) - 1, -1, -1) if _past_verb(tokens[index])),
        0,
    )
    clause = tokens[start:]
    before = " ".join(token.lower for token in clause)
    return _LOOKS_AHEAD.search(before) is not None or any(
        token.lower == "will" and _subject_before(clause, index)
        for index, token in enumerate(clause)
    )


def _past_for_the_future(analysis: QuestionAnalysis, best: Candidate) -> bool:
    """Whether a date asked of what is to come is the date of something done: "November 9,
    1652" of "the ship ... was lost on November 9, 1652" for "when will the items be put on
    show?". The date's own verb, the nearest before it, decides: a verb in the past does,
    one that looks ahead ("will", "would", "expected to") or any other does not."""
    if analysis.answer_type is not AnswerType.DATE or analysis.tense != "future":
        return False
    before = best.sentence.tokens[: best.first]
    for index in range(len(before) - 1, -1, -1):
        lower = before[index].lower
        if lower in _AHEAD or lower in _LOOKING_AHEAD:
            return False
        if lower in _PAST_AUXILIARIES:
            return True
        if index > 0 and before[index - 1].lower in _BE_FORMS:
            continue  # "to be certified", "has been sentenced": "be" says the tense
        if _past_verb(before[index]):
            return True
        if before[index].is_word and word_class(lower) is WordClass.VERB:
            return lower in _IRREGULAR_PAST
    # no verb before the date: the clause's verb follows it ("Voters in Valais on Sunday
    # rejected the dam")
    after = best.sentence.tokens[best.last + 1 : best.last + 1 + _VERB_AFTER_A_DATE]
    for token in after:
        if not token.is_word or token.lower in _AHEAD or token.lower in _LOOKING_AHEAD:
            return False
        if _past_verb(token) or token.lower in _IRREGULAR_PAST:
            return True
    return False


# How far after a date its clause's verb may stand, where none stands before it.
_VERB_AFTER_A_DATE = 3


# Words that make the clause after them look ahead, and the past's auxiliaries.
_AHEAD = frozenset({"will", "would", "shall", "could", "may", "might", "to", "until"})
_PAST_AUXILIARIES = frozenset({"was", "were", "had", "did", "has", "have"})
_BE_FORMS = frozenset({"be", "been", "being"})
# Common verbs whose past is not in "-ed" (English grammar, not any question's words).
_IRREGULAR_PAST = frozenset(
    "began came went took made found held won lost left sank fell rose broke built bought "
    "sold paid met saw gave told said thought brought caught fought ran struck stood wrote "
    "became".split()
)


def _birth_unsaid(analysis: QuestionAnalysis, best: Candidate) -> bool:
    """Whether a birth is asked of a sentence that tells no birth: "1598" of "The warfare
    was quelled in 1598, when Henry of Navarre ... issued the Edict" for "in what year was
    Henry of Navarre born?". Births are told in few words ("born", "birth", "a native
    of") or by a lifespan after the name ("John Gallagher (1919–1980)"); any other date or
    place of a life belongs to another event."""
    if not asks_birth(analysis):
        return False
    tokens = best.sentence.tokens
    return not (any(token.stem in _BIRTH_TOLD for token in tokens) or lifespan(best))


_BIRTH_TOLD = frozenset(stem(word) for word in ("born", "birth", "birthplace", "native"))


def _death_unsaid(analysis: QuestionAnalysis, best: Candidate) -> bool:
    """Whether a death's date is asked of a sentence that tells no death: "1251" of
    "Möngke Khan succeeded Güyük as Great Khan in 1251" for "when did Möngke Khan die?".
    Deaths are told in a few words ("died", "death", "killed", "executed") or by a
    lifespan after the name."""
    if not asks_death(analysis):
        return False
    tokens = best.sentence.tokens
    return not (any(token.stem in _DEATH_TOLD for token in tokens) or lifespan(best))


_DEATH_TOLD = frozenset(
    stem(word)
    for word in (
        "die",
        "died",
        "dies",
        "dying",
        "death",
        "dead",
        "deceased",
        "killed",
        "executed",
        "murdered",
        "assassinated",
        "drowned",
        "perished",
        "succumbed",
        "buried",
        "funeral",
        "obituary",
    )
)


def _event_unsaid(analysis: QuestionAnalysis, best: Candidate) -> bool:
    """Whether the date of a marriage or a founding is asked of a sentence that tells none:
    "1992" of "Her first husband, the painter Henrique Salgado, died in 1992" for "when did
    she marry Henrique Salgado?"; "Wednesday" of a story's news for "when was the company
    founded?". Like births and deaths, these are told in a few words of their own."""
    if analysis.answer_type is not AnswerType.DATE:
        return False
    told = next((told for asked, told in _EVENTS if asked & analysis.content_stems), None)
    return told is not None and told.isdisjoint(token.stem for token in best.sentence.tokens)


# The words that ask for an event's date, and the words a sentence tells it with.
_EVENTS = tuple(
    (frozenset(map(stem, asked.split())), frozenset(map(stem, told.split())))
    for asked, told in (
        ("marry married marriage wed wedding", "marry married marriage wed wedding"),
        (
            "founded established",
            "founded founder founding established establishment created formed set launched "
            "started opened signed",
        ),
    )
)


def _past_verb(token: Token) -> bool:
    """ "approved", "opened": a verb in the past (or its participle), but the ones that
    look ahead ("expected to", "scheduled to")."""
    return (
        token.lower.endswith("ed")
        and token.lower not in _LOOKING_AHEAD_VERBS
        and word_class(token.lower) is WordClass.VERB
    )


def _subject_before(tokens: Sequence[Token], index: int) -> bool:
    """Whether the word before "will" at ``index`` can be its subject, so "will" is the
    modal ("the bridge will open"), not the noun ("free will", "his will")."""
    if index == 0:
        return False
    previous = tokens[index - 1]
    return previous.is_word and (
        previous.lower in _SUBJECT_PRONOUNS
        or (
            previous.lower not in PRONOUNS
            and previous.lower not in DETERMINERS
            and word_class(previous.lower) is not WordClass.ADJECTIVE
        )
    )


# Words that put a clause in the future before "to": "is expected to open", "plans to";
# any verb of a plan, an expectation or an intent ("The companies expect to save about
# 210 million euros a year by 2028" says nothing done in 2028). Those in "-ed" look
# ahead, though they read as verbs in the past.
_LOOKING_AHEAD = (
    *("expected", "scheduled", "planned", "set", "plan", "plans", "going", "expect", "expects"),
    *("aim", "aims", "aimed", "intend", "intends", "intended", "hope", "hopes", "hoped"),
    *("promise", "promises", "promised", "pledge", "pledges", "pledged", "vow", "vows", "vowed"),
)
_LOOKS_AHEAD = re.compile(rf"\b(?:{'|'.join(_LOOKING_AHEAD)}) to\b")
_LOOKING_AHEAD_VERBS = frozenset(word for word in _LOOKING_AHEAD if word.endswith("ed"))
_SUBJECT_PRONOUNS = frozenset("i you he she it we they who which that".split())


# Pronouns that carry a neighbour's subject (a person) into a sentence: "I lost $310,000,"
# he said. "It" and possessives stand for anything, and often for another thing.
_STANDING_FOR = frozenset("i he she we they".split())


def _window_stems(reader: ArticleReader, index: int) -> frozenset[str]:
    """The stems a passage and its neighbours use: what the decline rules look for."""
    return frozenset().union(*map(_text_stems, sentence_window(reader, index)))


@lru_cache(maxsize=4096)
def _text_stems(text: str) -> frozenset[str]:
    """The stems of every token of a passage, once a passage (not once a question)."""
    return frozenset(token.stem for token in tokenize(text))


def _focus_unsaid(analysis: QuestionAnalysis, reader: ArticleReader, index: int) -> bool:
    """Whether the role or the counted thing asked about is not what the answer's sentence says.

    "who is the mayor?" is not answered by a sentence (or its neighbours) that never
    says "mayor", nor "how many votes?" by one that counts seats. A category noun
    ("how many people?") need not be said: the answer's type shows it.
    """
    focus = analysis.focus
    money = focus in _MONEY_STEMS and asked_quantity(analysis) == "money"
    if not focus or focus in CATEGORY_STEMS or money or analysis.head:
        # A "what/which + noun" head is often paraphrased in the text (held apart, the
        # rule declined 19% of SQuAD's answerable questions): the weights judge it.
        return False
    said = _window_stems(reader, index)
    if analysis.answer_type is AnswerType.PERSON and analysis.asks_role:
        # "who is the finance minister?" is not answered beside "Prime Minister X": a
        # role is the whole phrase, its modifiers too.
        return any(
            not _SAME_RANK.get(word, frozenset({word})) & said
            for word in set(analysis.focus_phrase) - _LOOSE_MODIFIERS
        )
    if focus in said:
        return False
    written = focus_word(analysis) or focus
    return not _said_another_way(focus, written, reader, index)


def _said_another_way(focus: str, written: str, reader: ArticleReader, index: int) -> bool:
    """Whether the answer's sentence says the focus inside a compound ("1,800
    dockworkers" are workers, "the 64-page agreement" counts pages), by a kind of it
    ("1,260 tremors" are quakes, "23,000 municipal employees" workers: WordNet), or
    counts children as "a father of three" does. ``written`` is the focus as the
    question writes it."""
    text = reader.knowledge.retriever.passages[index].text
    return counts_children(text, focus) or any(
        token.is_word
        and not token.is_capitalized
        and (
            compound_of(token.lower, focus)
            or _measured_in(token.lower, focus)
            or (word_class(token.lower) is WordClass.NOUN and is_a_kind_of(token.lower, written))
        )
        for token in tokenize(text)
    )


def _measured_in(word: str, focus: str) -> bool:
    """Whether ``word`` is a number joined to the focus: "64-page", "12-storey"."""
    number, _, unit = word.rpartition("-")
    return number[:1].isdigit() and stem(unit) == focus


def _counted_of_another(analysis: QuestionAnalysis, best: Candidate, reader: ArticleReader) -> bool:
    """Whether a quantity asked of someone comes from a sentence naming someone else.

    "How much did Iglesias earn?" is not answered by "Sato earns $415,000", nor "how
    many kettles has Kestrel sold?" by a sentence about Homevane's: a sentence that
    names none of the question's names but names another is about the other. Held
    apart (4 folds by article) the rule declined 19 more of SQuAD's unanswerable
    questions and 10 answerable ones (4 of them answered wrongly), 5 news unanswerable
    questions and 1 answerable.
    Only quantities: for dates, places and people the same shape was as often right
    as wrong. Neither a dateline nor the name in a description of a person ("a former
    Brandt County treasurer") names another: news calls its subject by such a
    description as often as by name.
    """
    if analysis.answer_type is not AnswerType.NUMBER:
        return False
    # "the Dutch group" is described, not named: a nationality names no one the sentence
    # must say ("Van Oorschot, based in Eindhoven, owns 14 breweries")
    named = analysis.capital_stems - {
        token.stem for token in analysis.content if is_nationality(token.lower)
    }
    if not named:
        return False
    tokens = best.sentence.tokens
    start = dateline_end(best.sentence, reader.gazetteer)
    if any(token.stem in analysis.capital_stems for token in tokens[start:] if token.is_word):
        return False
    if _stands_for_a_name_before(analysis, tokens[start:], reader, best.sentence.passage.index):
        return False
    said = [
        token
        for index, token in enumerate(tokens[start:], start)
        if not _describes_a_person(tokens, index)
        # "Net profit ...", "Births will move ...": capitalized for opening the sentence
        and not (opens_sentence(tokens, index) and is_common_word(token.lower))
    ]
    return _names_another(named, said, frozenset())


def _counts_another_thing(analysis: QuestionAnalysis, best: Candidate) -> bool:
    """Whether "how many shots were fired?" is answered by "three men": a count whose
    noun is neither the one asked nor a kind of it, nor it a kind of the noun (by WordNet;
    "14 laptops" are computers), of a thing that is no person.

    A count of something else answers nothing, however well its sentence matches; but
    people are counted by what befalls them ("1,300 jobs", "three deaths") as often as
    by a word for them, so a question counting people is left to the span scorer. With
    the weights fixed, the rule declined 11 unanswerable development questions (6 news)
    and 4 wrong answers, and lost one right one ("62 apartments" for "how many affordable
    units?")."""
    if analysis.number_kind != "count" or not analysis.focus or best.rule != "number+noun":
        return False
    if asked_quantity(analysis) != "count":
        return False
    counted = best.sentence.tokens[best.last]
    focus = focus_word(analysis)
    if focus is None or not counted.is_word or counted.stem == analysis.focus:
        return False
    word = counted.lower
    if word_class(word) is not WordClass.NOUN:
        return False  # "21 diverse ...": the span stops before the noun it counts
    if is_a_kind_of(word, focus) or is_a_kind_of(focus, word) or compound_of(word, analysis.focus):
        return False
    # people are counted by what happens to them as often as by a word for them: "1,300
    # jobs", "three deaths", "11,450 signatures" answer "how many people ...?"
    return focus not in _PEOPLE_WORDS and not is_a_kind_of(focus, "person")


_PEOPLE_WORDS = frozenset({"people", "persons"})


def _left_unnamed(analysis: QuestionAnalysis, best: Candidate) -> bool:
    """Whether "which mining company pledged aid?" is answered by "A foreign mining
    company ... also pledged aid": a body the story brings in with "a" and no name is
    one it does not identify, and saying "foreign mining company" names none."""
    if analysis.answer_type is not AnswerType.ORGANIZATION or _A_KIND_ASKED.search(analysis.text):
        return False  # "what type of company is it?" asks for a description
    tokens = best.sentence.tokens
    if any(
        token.is_capitalized and not opens_sentence(tokens, at)
        for at, token in enumerate(tokens[best.first : best.last + 1], best.first)
    ):
        return False
    opener = tokens[best.first].lower
    before = tokens[best.first - 1].lower if best.first > 0 else ""
    return opener in _INDEFINITE or before in _INDEFINITE


_INDEFINITE = frozenset({"a", "an", "another", "some"})
_A_KIND_ASKED = re.compile(r"\b(?:type|kind|sort)s? of\b", re.IGNORECASE)


def _stands_for_a_name_before(
    analysis: QuestionAnalysis, tokens: Sequence[Token], reader: ArticleReader, index: int
) -> bool:
    """Whether the sentence opens on a pronoun for a name of the question the sentence
    just before says: "It meets each six months" after one naming the European Council."""
    words = [token for token in tokens if token.is_word]
    before = index - 1
    return (
        bool(words)
        and words[0].lower in STANDING_PRONOUNS
        and before in reader.neighbours(index)
        and not analysis.capital_stems.isdisjoint(
            _text_stems(reader.knowledge.retriever.passages[before].text)
        )
    )


# Capitalized words looked past for the person noun they describe.
_DESCRIBING_REACH = 4


def _describes_a_person(tokens: Sequence[Token], index: int) -> bool:
    """Whether the capitalized word at ``index`` belongs to a name that describes the
    person noun after it ("Brandt County" of "a Brandt County treasurer")."""
    if not tokens[index].is_capitalized:
        return False
    for token in tokens[index : index + 1 + _DESCRIBING_REACH]:
        if token.lower.endswith("'s"):
            return False  # "Harvard's aid": an owner, not a description
        if not (token.is_word and token.is_capitalized):
            return (
                token.is_word
                and token.stem in PERSON_STEMS
                and word_class(token.lower) is WordClass.NOUN  # "announcer", not "announced"
            )
    return False


def _role_of_another(analysis: QuestionAnalysis, best: Candidate) -> bool:
    """Whether "who is Varga's coach?" is answered by a sentence about someone else's.

    A role after a name's possessive belongs to that name: "Sato, who is coached by
    Greg Whitlam" names Sato's coach, not Varga's. A sentence that names neither the
    owner nor anyone but the holder and the role ("Culture Minister Piotr Glinski" for
    "who is Poland's culture minister?") still answers.
    """
    if not analysis.asks_role:
        return False
    owners = frozenset(
        stem(token.lower.removesuffix("'s"))
        for token in tokenize(analysis.text)
        if token.is_capitalized and token.lower.endswith("'s")
    )
    others = _outside_places(_beside(best, frozenset(analysis.focus_phrase)))
    return _names_another(owners, others, frozenset(analysis.capital_stems - owners))


def _outside_places(tokens: list[Token]) -> list[Token]:
    """``tokens`` but the names right after "at", "in", "near" ...: where the holder
    spoke ("told a crowd at Santa Cândida station") is no one whose role it is."""
    kept = []
    placed = False
    for token in tokens:
        if token.lower in _PLACE_WORDS:
            placed = True
        elif not (placed and token.is_capitalized):
            placed = False
            kept.append(token)
    return kept


# The words after which a name says where something was: "at Santa Cândida station".
_PLACE_WORDS = frozenset({"at", "in", "near", "outside", "inside"})


def _contest_of_another(analysis: QuestionAnalysis, best: Candidate) -> bool:
    """Whether "who was Okafor beaten by?" is answered from a contest she was not in.

    A question about one side of a contest names the other: a sentence that names
    none of its names, but others beside the answer ("Ferraz, who defeated Kowalczyk
    in the other semifinal"), tells of another match.
    """
    if asked_side(analysis) is None:
        return False
    return _names_another(analysis.capital_stems, _beside(best, frozenset()), frozenset())


def _beside(best: Candidate, skipped: frozenset[str]) -> list[Token]:
    """The tokens of the answer's sentence outside the answer, but for ``skipped`` stems:
    the holder and the role are no one else; nor is a common word capitalized only as
    the sentence's first ("Today we learn ...")."""
    tokens = best.sentence.tokens
    opener = next((index for index, token in enumerate(tokens) if token.is_word), None)
    if opener is not None and not is_common_word(tokens[opener].lower):
        opener = None
    return [
        token
        for index, token in enumerate(tokens)
        if not best.first <= index <= best.last and token.stem not in skipped and index != opener
    ]


def _names_another(asked: frozenset[str], said: Sequence[Token], known: frozenset[str]) -> bool:
    """Whether ``said`` names none of ``asked`` but a capitalized word that is none of
    them (nor of ``known``): a sentence about someone or something else."""
    if not asked:
        return False
    words = [token for token in said if token.is_word]
    asked |= same_country(asked)  # "Moscow announced" is Russia's government speaking
    if any(token.stem in asked for token in words):
        return False
    return any(
        token.is_capitalized
        and token.lower not in FUNCTION_WORDS
        and not CALENDAR_WORDS.issuperset(token.lower.split("-"))  # "July-September"
        and token.stem not in known
        for token in words
    )


def _relation_unknown(analysis: QuestionAnalysis, reader: ArticleReader) -> bool:
    """Whether the question asks for a family relation no article names.

    "what is Biden's wife's name?" of an article that never says "wife" (nor
    "married") is unanswerable, however well "Biden" matches: the best person of
    the best sentence is someone else. Family relations have no paraphrase the way
    roles do ("the Viking chief" for "the Norse leader"), so the whole article is
    searched, not the answer's sentence ("grandson of Genghis Khan" answers "who was
    his grandfather?"). In the development data, 8 of 9 such questions were
    unanswerable.
    """
    asked = family_relation(analysis)
    if asked is None:
        return False
    said = [token.text for token in analysis.content if token.stem == asked]
    if asked in _SPOUSE_STEMS:
        said.extend(MARRIAGE_WORDS)
    vocabulary = reader.knowledge.retriever.vocabulary
    return not any(term in vocabulary for word in said for term in reader.terms(word))


_SPOUSE_STEMS = frozenset(stem(word) for word in MARRIAGE_WORDS)
# "how much funding?", "how much compensation?": an amount of money shows what it is
# (not "how many pounds of steam?", which counts pounds).
_MONEY_STEMS = frozenset(stem(word) for word in MONEY_WORDS)
# Modifiers of a role that a sentence need not repeat ("the current mayor" is the mayor,
# "the other guide" a guide).
_LOOSE_MODIFIERS = frozenset(stem(word) for word in ("current", "new", "present", "now", "other"))
# Modifiers that name one rank: "the biggest shareholder" is "the largest", "the final
# prime minister" "the last".
_SAME_RANK = {
    stem(word): frozenset(stem(other) for other in group)
    for group in (("biggest", "largest", "greatest"), ("last", "final"))
    for word in group
}


def _type_clash(analysis: QuestionAnalysis, rule: str) -> bool:
    """Whether a date or a quantity was asked for and the answer is something else."""
    required = _REQUIRED_FAMILY.get(analysis.answer_type)
    return required is not None and rule_family(rule) != required


def _passage_worthy(
    analysis: QuestionAnalysis, selection: Selection, weights: AnswerWeights
) -> bool:
    """A why/how/what-was-said question whose best sentence is likely right."""
    return (
        analysis.answer_type in _PASSAGE_TYPES
        and selection.passage_probability >= weights.passage_threshold
    )


_HAPPEN = stem("happen")
_HAPPEN_WORD = re.compile(r"\bhappen(?:ed|s|ing)?\b", re.IGNORECASE)


def _note(selection: Selection) -> str:
    best = selection.spans[0]
    return (
        f"rule {best.candidate.rule}; span score {best.score:+.2f}; "
        f"sentence rank {best.rank + 1}; P(answered) {selection.probability:.2f}"
    )


def _answer_yes_no(
    text: str,
    analysis: QuestionAnalysis,
    reader: ArticleReader,
    options: ComposerOptions,
    scope: int | None,
) -> Answer:
    """ "Yes"/"No" when the best sentence says the whole question, else its sentence."""
    ranked = _passages(tuple(_ranked(analysis, reader, options, scope)), reader)
    return _sentence_reply(text, analysis, reader, ranked, options=options, scope=scope)


def _sentence_reply(
    text: str,
    analysis: QuestionAnalysis,
    reader: ArticleReader,
    ranked: list[tuple[Passage, float]],
    *,
    options: ComposerOptions,
    scope: int | None,
) -> Answer:
    """The best sentence as the reply, judged by how much of the question it says.

    A yes/no question it says whole is answered "yes" or "no"; one it says most of
    gets the sentence quoted for the reader to judge, unless the sentence plainly
    negates it ("there was no sign that the strain had spread"): that "no" needs no
    judging. Less than that is declined.
    """
    knowledge = reader.knowledge
    if not ranked or names_unknown(analysis, reader):
        return no_answer(knowledge, text, analysis, ranked, scope=scope)
    source = ranked[0][0]
    weights = reader.stem_weights(analysis.content_stems)
    window = sentence_window(reader, source.index)
    if analysis.answer_type is AnswerType.YES_NO:
        said = yes_no_coverage(analysis, weights, *window)
    else:
        said = coverage(analysis, weights, *window)
    evidence = evidence_for(knowledge, source.index, ranked, options.top_k)
    left_open = _yes_no_left_open(analysis, ranked)
    if left_open is not None:
        # "It was not yet known whether ...": neither yes nor no, and the article says so
        return no_answer(knowledge, text, analysis, ranked, scope=scope, left_open=left_open)
    if analysis.answer_type is AnswerType.YES_NO and said >= PASSAGE_COVERAGE:
        passages = knowledge.retriever.passages
        verdict = judge_yes_no(
            sentence_for(source, analysis),
            [sentence_for(passages[n], analysis) for n in reader.neighbours(source.index)],
            analysis,
            weights,
            said,
        )
        if verdict is not None:
            said_by = verdict.sentence.passage
            return sourced_answer(
                knowledge,
                text,
                analysis,
                short=verdict.short,
                source=said_by,
                span=(
                    said_by.start + verdict.sentence.tokens[verdict.first].start,
                    said_by.start + verdict.sentence.tokens[verdict.last].end,
                ),
                confidence=said,
                evidence=(
                    evidence
                    if said_by.index == source.index
                    else evidence_for(knowledge, said_by.index, ranked, options.top_k)
                ),
            )
    if said >= PASSAGE_COVERAGE:
        return passage_answer(
            knowledge, text, analysis, source=source, confidence=said, evidence=evidence
        )
    return no_answer(knowledge, text, analysis, ranked, confidence=said, scope=scope)
