"""Which extractors run for which answer type, and the fallback when none finds anything.

A table maps each expected answer type to its extractors. Generic noun-phrase
chunks are always added at a low type fit, so a question of any type can still be
answered by the phrase closest to its words when no typed candidate exists.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from bot.composer.candidates import Candidate, Sentence
from bot.composer.extractors.clauses import extract_manners, extract_reasons
from bot.composer.extractors.dates import extract_dates
from bot.composer.extractors.names import extract_names
from bot.composer.extractors.numbers import extract_numbers
from bot.composer.extractors.phrases import (
    extract_chunks,
    extract_definitions,
    extract_head_matches,
    extract_person_nouns,
    extract_place_phrases,
)
from bot.composer.extractors.quotes import extract_quotes
from bot.composer.questions import AnswerType, QuestionAnalysis
from bot.composer.reader import ArticleReader

__all__ = ["extract_candidates"]

Extractor = Callable[[Sentence, QuestionAnalysis, ArticleReader], Iterator[Candidate]]


def _names(kind: str) -> Extractor:
    def extract(
        sentence: Sentence, _q: QuestionAnalysis, reader: ArticleReader
    ) -> Iterator[Candidate]:
        return extract_names(sentence, reader.gazetteer, reader.written_lower, kind)

    return extract


def _dates(sentence: Sentence, _q: QuestionAnalysis, _r: ArticleReader) -> Iterator[Candidate]:
    return extract_dates(sentence)


def _numbers(sentence: Sentence, _q: QuestionAnalysis, _r: ArticleReader) -> Iterator[Candidate]:
    return extract_numbers(sentence)


def _quotes(
    sentence: Sentence, question: QuestionAnalysis, _r: ArticleReader
) -> Iterator[Candidate]:
    return extract_quotes(sentence, question.verb)


def _reasons(sentence: Sentence, _q: QuestionAnalysis, _r: ArticleReader) -> Iterator[Candidate]:
    return extract_reasons(sentence)


def _manners(sentence: Sentence, _q: QuestionAnalysis, _r: ArticleReader) -> Iterator[Candidate]:
    return extract_manners(sentence)


def _places(sentence: Sentence, _q: QuestionAnalysis, _r: ArticleReader) -> Iterator[Candidate]:
    return extract_place_phrases(sentence)


def _people(sentence: Sentence, _q: QuestionAnalysis, _r: ArticleReader) -> Iterator[Candidate]:
    return extract_person_nouns(sentence)


def _heads(
    sentence: Sentence, question: QuestionAnalysis, _r: ArticleReader
) -> Iterator[Candidate]:
    return extract_head_matches(sentence, question.head)


def _definitions(
    sentence: Sentence, question: QuestionAnalysis, _r: ArticleReader
) -> Iterator[Candidate]:
    return extract_definitions(sentence, question.target or "")


_EXTRACTORS: dict[AnswerType, tuple[Extractor, ...]] = {
    AnswerType.DATE: (_dates,),
    AnswerType.LOCATION: (_names("place"), _places, _heads),
    AnswerType.PERSON: (_names("person"), _people, _heads),
    AnswerType.ORGANIZATION: (_names("organization"), _heads),
    AnswerType.NUMBER: (_numbers,),
    AnswerType.REASON: (_reasons,),
    AnswerType.MANNER: (_manners,),
    AnswerType.QUOTE: (_quotes,),
    AnswerType.DEFINITION: (_definitions,),
    AnswerType.OTHER: (_heads, _quotes),
    AnswerType.YES_NO: (),
}


# A plain noun phrase rarely answers a question that wants a date or a number;
# it stays a last resort there.
_CHUNK_SCALE = {AnswerType.DATE: 0.3, AnswerType.NUMBER: 0.3}


def extract_candidates(
    sentence: Sentence, question: QuestionAnalysis, reader: ArticleReader
) -> list[Candidate]:
    """All candidates for ``question`` in ``sentence``: typed ones, then generic chunks."""
    candidates: list[Candidate] = []
    for extractor in _EXTRACTORS[question.answer_type]:
        candidates.extend(extractor(sentence, question, reader))
    scale = _CHUNK_SCALE.get(question.answer_type, 1.0)
    candidates.extend(
        replace(chunk, type_fit=chunk.type_fit * scale) for chunk in extract_chunks(sentence)
    )
    return candidates
