"""Ranking passages for a question: retrieval score, coverage, and the sentences around it.

Two corrections to plain cosine similarity, both measured on the development data
(gold-sentence recall@1, see docs/BENCHMARKS.md):

- coverage: cosine favours short sentences that share one rare word with the
  question; adding the idf-weighted share of the question's terms the sentence
  contains (``COVERAGE_WEIGHT``) favours the sentence that says most of what was
  asked (+6 points recall@1 on SQuAD);
- neighbours: news writing spreads one fact over adjacent sentences ("Biden offered
  to meet on June 15-16..." then "...proposed that they hold a summit"), so a
  passage borrows a share of its neighbours' scores (``NEIGHBOUR_WEIGHT``), and the
  neighbours of the best hits are considered even when they match nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from bot.composer.candidates import Sentence, sentence_facts
from bot.composer.lexicon import SPEECH_VERBS
from bot.composer.questions import QuestionAnalysis
from bot.composer.reader import ArticleReader, WordWeights
from bot.composer.tokens import Token, tokenize
from retrieval import Passage

__all__ = [
    "RankedPassage",
    "coverage",
    "match_flags",
    "rank_passages",
    "sentence_for",
    "title_share",
    "to_sentence",
]

# Share of each neighbour's score a passage borrows.
NEIGHBOUR_WEIGHT = 0.3
# Weight of the idf-weighted share of question terms a passage contains.
COVERAGE_WEIGHT = 0.4
# Share of its best neighbour's score a sentence's candidates may claim as relevance.
CONTEXT_SHARE = 0.7
# With several articles, weight of the share of the question its headline names:
# "when is the summit?" prefers the article whose headline is about a summit.
TITLE_WEIGHT = 0.2
# How many retrieval hits to widen with neighbours before ranking.
SEARCH_DEPTH = 20


@dataclass(frozen=True, slots=True)
class RankedPassage:
    """A passage, its retrieval score, and its score with neighbour context."""

    passage: Passage
    retrieval_score: float
    score: float
    neighbour_score: float = 0.0  # the better neighbour's score without context


def rank_passages(
    question: QuestionAnalysis,
    query: str,
    reader: ArticleReader,
    limit: int,
    scope: int | None = None,
) -> list[RankedPassage]:
    """The ``limit`` best passages for ``question`` (searched with ``query``), best first.

    ``scope`` restricts the ranking to one article (a Discord channel's ``/use``).
    """
    cosine = _search(query, reader, scope)
    if not cosine:
        return []
    passages = reader.knowledge.retriever.passages
    pool = set(cosine)
    for index in list(cosine):
        pool.update(reader.neighbours(index))
    weights = reader.stem_weights(question.content_stems)
    base = {
        index: cosine.get(index, 0.0)
        + COVERAGE_WEIGHT * coverage(question, weights, passages[index].text)
        + TITLE_WEIGHT * title_share(reader, index, weights)
        for index in pool
    }
    ranked = []
    for index in pool:
        around = [base.get(other, 0.0) for other in reader.neighbours(index)]
        score = base[index] + NEIGHBOUR_WEIGHT * sum(around)
        ranked.append(
            RankedPassage(passages[index], cosine.get(index, 0.0), score, max(around, default=0.0))
        )
    ranked.sort(key=lambda item: (-item.score, item.passage.index))
    return ranked[:limit]


def _search(query: str, reader: ArticleReader, scope: int | None) -> dict[int, float]:
    """Cosine scores of the best passages, by position; within one article when scoped."""
    retriever = reader.knowledge.retriever
    if not query.strip():
        return {}
    if scope is None:
        return {hit.passage.index: hit.score for hit in retriever.search(query, k=SEARCH_DEPTH)}
    scores = retriever.scores(query)
    if scores is None:
        return {}
    span = reader.knowledge.collection.passage_range(scope)
    local = scores[span.start : span.stop]
    best = np.argsort(-local, kind="stable")[:SEARCH_DEPTH]
    return {span.start + int(i): float(local[i]) for i in best if local[i] > 0}


def title_share(reader: ArticleReader, position: int, weights: WordWeights) -> float:
    """How much of the question the passage's article names in its headline."""
    if not reader.title_stems or not weights.total:
        return 0.0
    title = reader.title_stems[reader.article_number(position)]
    return sum(w for stem, w in weights.by_stem.items() if stem in title) / weights.total


def coverage(question: QuestionAnalysis, weights: WordWeights, *texts: str) -> float:
    """The idf-weighted share of the question's words that the tokenized ``texts`` contain.

    A word the article never uses weighs as much as its rarest word ("the capital
    of France" is unanswerable precisely because "France" is missing); a word
    found only where a name qualifies it differently ("the G7 summit") is missing.
    """
    if not weights.total:
        return 0.0
    synonyms = SPEECH_VERBS.get(question.verb or "", frozenset())
    found: set[str] = set()
    for text in texts:
        found |= _found_stems(text, question.content_stems, synonyms, question.capital_stems)
    return sum(weight for stem, weight in weights.by_stem.items() if stem in found) / weights.total


def match_flags(text: str, question: QuestionAnalysis) -> tuple[bool, ...]:
    """Which tokens of ``text`` match one of the question's words (speech verbs by meaning)."""
    synonyms = SPEECH_VERBS.get(question.verb or "", frozenset())
    return _match_flags(text, question.content_stems, synonyms, question.capital_stems)


@lru_cache(maxsize=8192)
def _match_flags(
    text: str,
    stems: frozenset[str],
    synonyms: frozenset[str],
    capitals: frozenset[str],
) -> tuple[bool, ...]:
    """Memoized: a question's ranking asks about the same passages several times."""
    tokens = tokenize(text)
    flags = []
    for index, token in enumerate(tokens):
        hit = token.is_word and (token.stem in stems or token.stem in synonyms)
        if hit and _qualified_differently(tokens, index, capitals, stems):
            hit = False
        flags.append(hit)
    return tuple(flags)


@lru_cache(maxsize=8192)
def _found_stems(
    text: str, stems: frozenset[str], synonyms: frozenset[str], capitals: frozenset[str]
) -> frozenset[str]:
    """The question's stems that ``text`` matches; a speech verb counts for its synonyms."""
    tokens = tokenize(text)
    flags = _match_flags(text, stems, synonyms, capitals)
    matched = {token.stem for token, flag in zip(tokens, flags, strict=True) if flag}
    found = matched & stems
    if matched - stems:
        # "respond" in the text stands for the question's "reply".
        found |= stems & synonyms
    return frozenset(found)


def to_sentence(ranked: RankedPassage, best_score: float, question: QuestionAnalysis) -> Sentence:
    """Tokenize a ranked passage and mark the tokens that match the question's words."""
    # A sentence next to the one that best matches often holds its answer
    # ("...offered to meet on June 15-16" beside "...hold a summit").
    context = max(ranked.score, CONTEXT_SHARE * ranked.neighbour_score)
    relevance = context / best_score if best_score > 0 else 0.0
    return sentence_for(ranked.passage, question, relevance)


def sentence_for(passage: Passage, question: QuestionAnalysis, relevance: float) -> Sentence:
    """``passage`` tokenized, with the tokens that match the question's words marked."""
    text = passage.text
    matched = match_flags(text, question)
    # The head noun of "what theorems ..." belongs in the answer ("hierarchy theorems").
    echo_stems = question.content_stems - frozenset(question.head)
    matches, words_before, echoes_before = sentence_facts(text, matched, echo_stems)
    return Sentence(
        passage, tokenize(text), matched, relevance, matches, words_before, echoes_before
    )


def _quote_mentions(tokens: tuple[Token, ...], closing: int, stems: frozenset[str]) -> bool:
    """Whether the quotation that closes at ``closing`` contains one of ``stems``."""
    for index in range(closing - 1, -1, -1):
        if tokens[index].text == tokens[closing].text:
            return False
        if tokens[index].stem in stems:
            return True
    return False


def _qualified_differently(
    tokens: tuple[Token, ...],
    index: int,
    question_capitals: frozenset[str],
    question_stems: frozenset[str],
) -> bool:
    """ "the G7 summit" does not answer about "the summit": a name qualifies this one.

    A matched common noun preceded by a capitalized modifier the question does not
    mention names a different thing than the question's unqualified noun.
    """
    token = tokens[index]
    if token.is_capitalized or index == 0:
        return False
    previous = tokens[index - 1]
    if previous.text in {'"', "'"} and index >= 2:
        # "'Leaders on Climate Change' summit", unless the question names it too.
        return not _quote_mentions(tokens, index - 1, question_stems)
    return (
        previous.is_word
        and (previous.is_capitalized or previous.is_number)
        and previous.stem not in question_capitals
        and index - 1 > 0
    )
