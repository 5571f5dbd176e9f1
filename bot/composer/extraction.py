"""Which extractors run for which answer type, and the fallback when none finds anything.

A table maps each expected answer type to its extractors. Generic noun-phrase
chunks are always added, at a low type fit (lower still for dates and numbers), so
a question of any type can be answered by the phrase closest to its words when no
typed candidate exists.

Most extractors depend only on the sentence, not on the question: their spans are
memoized per sentence text, so a passage read for one question costs nothing the
next time. Only the head-noun, definition and quote rules look at the question.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import chain
from typing import Any, NamedTuple

from bot.composer.candidates import Candidate, Sentence, rule_family
from bot.composer.extractors.clauses import extract_actions, extract_manners, extract_reasons
from bot.composer.extractors.dates import extract_dates
from bot.composer.extractors.names import extract_names, extract_nationalities, name_fit
from bot.composer.extractors.numbers import extract_numbers
from bot.composer.extractors.objects import extract_objects
from bot.composer.extractors.phrases import (
    extract_agents,
    extract_bases,
    extract_chunks,
    extract_definitions,
    extract_head_matches,
    extract_names_given,
    extract_person_nouns,
    extract_place_phrases,
)
from bot.composer.extractors.quotes import extract_quotes
from bot.composer.extractors.reported import extract_reported
from bot.composer.extractors.subjects import extract_subjects
from bot.composer.gazetteer import load_gazetteer
from bot.composer.lexicon import FUNCTION_WORDS
from bot.composer.questions import AnswerType, QuestionAnalysis
from bot.composer.reader import ArticleReader
from bot.composer.span_features import (
    QuantityAsked,
    asked_quantity,
    asked_unit,
    counts_asked,
    quantity_fits,
    unit_fits,
)
from bot.composer.tokens import tokenize
from retrieval import Passage

__all__ = [
    "asks_for_action",
    "counts_asked_thing",
    "date_spans",
    "extract_candidates",
    "has_typed_phrase",
]


class _Span(NamedTuple):
    """A candidate without its sentence: what the memo keeps."""

    first: int
    last: int
    rule: str
    type_fit: float
    bonus: float


# Extractors that read only the sentence (and, for names, the article's lower-case words).
_SENTENCE_EXTRACTORS: dict[str, Callable[[Sentence, frozenset[str]], Iterator[Candidate]]] = {
    "dates": lambda sentence, _: extract_dates(sentence),
    "numbers": lambda sentence, _: extract_numbers(sentence),
    "reasons": lambda sentence, _: extract_reasons(sentence),
    "manners": lambda sentence, _: extract_manners(sentence),
    "places": lambda sentence, _: chain(extract_place_phrases(sentence), extract_bases(sentence)),
    "people": lambda sentence, _: extract_person_nouns(sentence),
    "agents": lambda sentence, _: extract_agents(sentence),
    "chunks": lambda sentence, _: extract_chunks(sentence),
    "actions": lambda sentence, _: extract_actions(sentence),
    "person names": lambda sentence, lower: _names(sentence, lower, "person"),
    "place names": lambda sentence, lower: _names(sentence, lower, "place"),
    "organization names": lambda sentence, lower: _names(sentence, lower, "organization"),
}
_QuestionExtractor = Callable[[Sentence, QuestionAnalysis], Iterable[Candidate]]
# The head-noun, quote, reported-speech and definition rules read the sentence's words
# and one thing of the question (its head, speech verb or target), never which words
# match it: their spans are memoized per text and that thing (see _keyed_spans). The
# subject and object rules read the matches, and run each time.
_QUESTION_EXTRACTORS: dict[str, _QuestionExtractor] = {
    "heads": lambda sentence, question: _keyed(sentence, "heads", question.head),
    "quotes": lambda sentence, question: _keyed(sentence, "quotes", question.verb),
    "reported": lambda sentence, question: _keyed(sentence, "reported", question.verb),
    "definitions": lambda sentence, question: _keyed(
        sentence, "definitions", question.target or ""
    ),
    "subjects": extract_subjects,
    "objects": extract_objects,
}


def _quotes_and_names(sentence: Sentence, verb_group: str | None) -> Iterator[Candidate]:
    """The quotes, and for "what did X call Y?" the names given without quotation marks
    ("He called it packet switching")."""
    yield from extract_quotes(sentence, verb_group)
    if verb_group == "call":
        yield from extract_names_given(sentence)


_Key = tuple[str, ...] | str | None
_KEYED_EXTRACTORS: dict[str, Callable[[Sentence, Any], Iterator[Candidate]]] = {
    "heads": extract_head_matches,
    "quotes": _quotes_and_names,
    "reported": extract_reported,
    "definitions": extract_definitions,
}


_BY_TYPE: dict[AnswerType, tuple[str, ...]] = {
    AnswerType.DATE: ("dates",),
    AnswerType.LOCATION: ("place names", "places", "heads"),
    AnswerType.PERSON: ("person names", "people", "agents", "subjects", "heads"),
    AnswerType.ORGANIZATION: ("organization names", "heads"),
    AnswerType.NUMBER: ("numbers",),
    AnswerType.REASON: ("reasons",),
    AnswerType.MANNER: ("manners",),
    AnswerType.QUOTE: ("quotes", "reported"),
    AnswerType.DEFINITION: ("definitions",),
    AnswerType.OTHER: ("heads", "quotes", "objects", "subjects"),
    AnswerType.YES_NO: (),
}
_NAME_EXTRACTORS = {
    "person names": "person",
    "place names": "place",
    "organization names": "organization",
}
# "What did X do?", "what were they doing?", "what has it done?", "what is Russia doing
# on the border?": an action is asked for.
_ASKS_ACTION = re.compile(r"\b(?:do|done)\W*$|\bdoing\b", re.IGNORECASE)


def asks_for_action(question_text: str) -> bool:
    """Whether the question ends asking what was done ("What did X do?")."""
    return _ASKS_ACTION.search(question_text[-_ACTION_TAIL:]) is not None


# The end of a question where "do" is looked for (bounds the search on long text).
_ACTION_TAIL = 40
# A plain noun phrase rarely answers a question that wants a date or a number;
# it stays a last resort there.
_CHUNK_SCALE = {AnswerType.DATE: 0.3, AnswerType.NUMBER: 0.3}


def extract_candidates(
    sentence: Sentence,
    question: QuestionAnalysis,
    reader: ArticleReader,
    article: int,
    families: frozenset[str] | None = None,
) -> list[Candidate]:
    """All candidates for ``question`` in ``sentence`` (of article number ``article``):
    typed ones, then generic chunks.

    ``families``, when given, keeps only the candidates of those rule families (in
    the same order): a typed question admits no chunk, and building the dozen a
    sentence has only to drop them was a tenth of its answer.
    """
    candidates: list[Candidate] = []
    text = sentence.passage.text
    for name in _BY_TYPE[question.answer_type]:
        if name in _QUESTION_EXTRACTORS:
            candidates.extend(
                _of_families(_QUESTION_EXTRACTORS[name](sentence, question), families)
            )
        else:
            spans = _spans(name, text, reader.lower_case_words)
            if name in _NAME_EXTRACTORS:
                spans = _known_names(spans, sentence, reader, article, _NAME_EXTRACTORS[name])
            if name == "person names":
                spans = _opening_surname(spans, sentence, reader, article)
            candidates.extend(_rebuild(sentence, _spans_of_families(spans, families)))
    if question.asks_nationality:
        candidates.extend(_of_families(extract_nationalities(sentence), families))
    if question.answer_type is AnswerType.OTHER and asks_for_action(question.text):
        # "What did X do?": each verb with what it governs ("opened an investigation").
        actions = _spans("actions", text, reader.lower_case_words)
        candidates.extend(_rebuild(sentence, _spans_of_families(actions, families)))
    scale = _CHUNK_SCALE.get(question.answer_type, 1.0)
    chunks = _spans("chunks", text, reader.lower_case_words)
    candidates.extend(_rebuild(sentence, _spans_of_families(chunks, families), scale))
    return candidates


def _of_families(
    candidates: Iterable[Candidate], families: frozenset[str] | None
) -> Iterable[Candidate]:
    if families is None:
        return candidates
    return [candidate for candidate in candidates if rule_family(candidate.rule) in families]


def _spans_of_families(
    spans: tuple[_Span, ...], families: frozenset[str] | None
) -> tuple[_Span, ...]:
    if families is None:
        return spans
    return tuple(span for span in spans if rule_family(span.rule) in families)


# A typed phrase fits its type at least this well ("14" as a day, not a bare number).
_TYPED_FIT = 0.6


def has_typed_phrase(text: str, question: QuestionAnalysis, reader: ArticleReader) -> bool:
    """Whether ``text`` holds a phrase of the question's type.

    The sentence-only extractors answer from their memo; a "who is X?" question
    asks whether the sentence describes X (a role before the name, an apposition).
    """
    if question.answer_type is AnswerType.DEFINITION and question.target:
        return _describes(text, question.target)
    spans = _typed_spans(question.answer_type, text, reader.lower_case_words)
    if not spans:
        return False
    wanted = asked_quantity(question)
    # "how old is she?" wants an age, "how much did it cost?" money: not any number
    if wanted is not None and not _holds_quantity(text, spans, wanted, QuantityAsked.of(question)):
        return False
    # "in what year?" wants a year, "how deep?" a depth: not any date or number
    unit = asked_unit(question.text)
    return unit is None or _holds_unit(text, spans, unit)


@lru_cache(maxsize=8192)
def _typed_spans(
    answer_type: AnswerType, text: str, lower_case_words: frozenset[str]
) -> tuple[_Span, ...]:
    """The spans of ``text`` that fit ``answer_type`` well, by the sentence-only
    extractors: memoized, as every question of a type asks it of each pooled sentence."""
    return tuple(
        span
        for name in _BY_TYPE[answer_type]
        if name in _SENTENCE_EXTRACTORS
        for span in _spans(name, text, lower_case_words)
        if span.type_fit >= _TYPED_FIT
    )


@lru_cache(maxsize=8192)
def _holds_quantity(text: str, spans: tuple[_Span, ...], wanted: str, asked: QuantityAsked) -> bool:
    neutral = _neutral_sentence(text)
    return any(quantity_fits(wanted, asked, candidate) for candidate in _rebuild(neutral, spans))


def counts_asked_thing(text: str, question: QuestionAnalysis, reader: ArticleReader) -> bool:
    """Whether ``text`` counts what a "how many X?" question asks about ("640 employees"
    for "how many people work there?"): more than holding some count."""
    if asked_quantity(question) != "count" or not question.focus:
        return False
    return _counts_thing(text, QuantityAsked.of(question), reader.lower_case_words)


@lru_cache(maxsize=8192)
def _counts_thing(text: str, asked: QuantityAsked, lower_case_words: frozenset[str]) -> bool:
    neutral = _neutral_sentence(text)
    spans = _spans("numbers", text, lower_case_words)
    return any(counts_asked(candidate, asked) for candidate in _rebuild(neutral, spans))


@lru_cache(maxsize=8192)
def _holds_unit(text: str, spans: tuple[_Span, ...], unit: str) -> bool:
    neutral = _neutral_sentence(text)
    return any(unit_fits(unit, candidate) for candidate in _rebuild(neutral, spans))


@lru_cache(maxsize=4096)
def _describes(text: str, target: str) -> bool:
    neutral = _neutral_sentence(text)
    return any(True for _ in extract_definitions(neutral, target))


def date_spans(text: str, reader: ArticleReader) -> list[tuple[int, int]]:
    """The token ranges of the dates written in ``text`` ("April 13", "June 15-16")."""
    return [(span.first, span.last) for span in _spans("dates", text, reader.lower_case_words)]


def person_name_spans(text: str, reader: ArticleReader) -> list[tuple[int, int]]:
    """The token ranges of the people's names written in ``text`` ("Priya Raman")."""
    return [
        (span.first, span.last)
        for span in _spans("person names", text, reader.lower_case_words)
        if span.rule == "name:person"
    ]


def _neutral_sentence(text: str) -> Sentence:
    """``text`` as a sentence with no word matched: for memos keyed on the text alone."""
    tokens = tokenize(text)
    return Sentence(Passage(text, 0, len(text), 0, 0), tokens, (False,) * len(tokens))


def _rebuild(sentence: Sentence, spans: tuple[_Span, ...], scale: float = 1.0) -> list[Candidate]:
    return [
        Candidate(sentence, span.first, span.last, span.rule, span.type_fit * scale, span.bonus)
        for span in spans
    ]


@lru_cache(maxsize=16384)
def _spans(name: str, text: str, lower_case_words: frozenset[str]) -> tuple[_Span, ...]:
    return _as_spans(_SENTENCE_EXTRACTORS[name](_neutral_sentence(text), lower_case_words))


def _keyed(sentence: Sentence, name: str, key: _Key) -> list[Candidate]:
    return _rebuild(sentence, _keyed_spans(name, sentence.passage.text, key))


@lru_cache(maxsize=16384)
def _keyed_spans(name: str, text: str, key: _Key) -> tuple[_Span, ...]:
    """The spans extractor ``name`` finds in ``text`` for the question's ``key`` (its
    head, speech verb or definition target): once a text, as for _spans."""
    return _as_spans(_KEYED_EXTRACTORS[name](_neutral_sentence(text), key))


def _as_spans(candidates: Iterable[Candidate]) -> tuple[_Span, ...]:
    return tuple(_Span(c.first, c.last, c.rule, c.type_fit, c.bonus) for c in candidates)


def _names(sentence: Sentence, lower_case_words: frozenset[str], kind: str) -> Iterator[Candidate]:
    return extract_names(sentence, load_gazetteer(), lower_case_words.__contains__, kind)


def _known_names(
    spans: tuple[_Span, ...], sentence: Sentence, reader: ArticleReader, article: int, wanted: str
) -> tuple[_Span, ...]:
    """A lone name its article gives elsewhere in full is a person's ("Castell" of "Raymond
    Castell") or a firm's ("Lakeline" of "Lakeline Development Group")."""
    if not any(span.rule == "name:unknown" and span.first == span.last for span in spans):
        return spans
    return tuple(
        _known_kind(span, sentence, reader, article, wanted)
        if span.rule == "name:unknown" and span.first == span.last
        else span
        for span in spans
    )


def _opening_surname(
    spans: tuple[_Span, ...], sentence: Sentence, reader: ArticleReader, article: int
) -> tuple[_Span, ...]:
    """A sentence's first word that is an English word as well as a surname the article
    gives in full elsewhere ("Bowman was the director ..." after "a geographer named
    Isiah Bowman"): the name finder, which cannot tell "Bowman" from "Similar" there,
    let it pass; it is a person when the article never writes it in lower case."""
    tokens = sentence.tokens
    if not tokens or not tokens[0].is_word or not tokens[0].is_capitalized:
        return spans
    if len(tokens) > 1 and tokens[1].is_capitalized:
        return spans  # "Mark Rutte": the name finder reads those
    word = tokens[0].text
    lower = word.lower()
    if (
        lower in reader.lower_case_words
        or lower in FUNCTION_WORDS
        or any(span.first == 0 for span in spans)
        or not reader.is_surname(word, article)
    ):
        return spans
    return (_Span(0, 0, "name:person", name_fit("person", "person"), 0.0), *spans)


def _known_kind(
    span: _Span, sentence: Sentence, reader: ArticleReader, article: int, wanted: str
) -> _Span:
    word = sentence.tokens[span.first].text.removesuffix("'s")
    for kind, known in (
        ("person", reader.is_surname),
        ("organization", reader.opens_an_organization),
    ):
        if known(word, article):
            return span._replace(rule=f"name:{kind}", type_fit=name_fit(kind, wanted))
    return span
