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

from bot.composer.candidates import Sentence
from bot.composer.questions import QuestionAnalysis
from bot.composer.reader import ArticleReader
from bot.composer.tokens import Token, tokenize
from retrieval import Passage

__all__ = ["RankedPassage", "rank_passages", "to_sentence"]

# Share of each neighbour's score a passage borrows.
NEIGHBOUR_WEIGHT = 0.15
# Weight of the idf-weighted share of question terms a passage contains.
COVERAGE_WEIGHT = 0.4
# How many retrieval hits to widen with neighbours before ranking.
SEARCH_DEPTH = 20


@dataclass(frozen=True, slots=True)
class RankedPassage:
    """A passage, its retrieval score, and its score with neighbour context."""

    passage: Passage
    retrieval_score: float
    score: float


def rank_passages(query: str, reader: ArticleReader, limit: int) -> list[RankedPassage]:
    """The ``limit`` best passages for ``query``, best first."""
    retriever = reader.knowledge.retriever
    hits = retriever.search(query, k=SEARCH_DEPTH) if query.strip() else []
    if not hits:
        return []
    cosine = {hit.passage.index: hit.score for hit in hits}
    passages = retriever.passages
    pool = set(cosine)
    for index in list(cosine):
        pool.update(i for i in (index - 1, index + 1) if 0 <= i < len(passages))
    weights = reader.term_weights(query)
    total = sum(weights.values()) or 1.0
    base = {}
    for index in pool:
        terms = reader.terms(passages[index].text)
        coverage = sum(weight for term, weight in weights.items() if term in terms) / total
        base[index] = cosine.get(index, 0.0) + COVERAGE_WEIGHT * coverage
    ranked = []
    for index in pool:
        neighbours = base.get(index - 1, 0.0) + base.get(index + 1, 0.0)
        score = base[index] + NEIGHBOUR_WEIGHT * neighbours
        ranked.append(RankedPassage(passages[index], cosine.get(index, 0.0), score))
    ranked.sort(key=lambda item: (-item.score, item.passage.index))
    return ranked[:limit]


def to_sentence(ranked: RankedPassage, best_score: float, question: QuestionAnalysis) -> Sentence:
    """Tokenize a ranked passage and mark the tokens that match the question's words."""
    tokens = tokenize(ranked.passage.text)
    stems = question.content_stems
    question_capitals = {token.stem for token in question.content if token.is_capitalized}
    matched = []
    for index, token in enumerate(tokens):
        hit = token.is_word and token.stem in stems
        if hit and _qualified_differently(tokens, index, question_capitals, stems):
            hit = False
        matched.append(hit)
    relevance = ranked.score / best_score if best_score > 0 else 0.0
    return Sentence(ranked.passage, tokens, tuple(matched), relevance)


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
    question_capitals: set[str],
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
