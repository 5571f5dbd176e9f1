"""What speaks for the article answering the question at all: the abstention model's evidence.

Once the span scorer has picked its best candidate, a last linear model (fitted
on the development data's out-of-fold decisions, SQuAD's and the news sets'
unanswerable questions among them) gives the probability that the article
answers the question, and the composer declines below a threshold. A confident
wrong answer costs a user more than "the article doesn't say", so this model
sees what the others do not weigh:

- how clearly the best span and its sentence beat the runners-up (margins);
- how much of the question the answer's sentence and its neighbours say;
- words of the question the article never uses at all (a name, or the thing
  asked about: "the mayor" of an article that names no mayor);
- the question's focus (the head noun of "what/which + noun", the counted noun
  of "how many", the age of "how old") missing from the answer's sentence;
- a question that negates where the sentence does not (SQuAD's unanswerable
  questions are often an answerable one with "not" put in), asks the opposite of
  what it says ("least" for "most"), or names a number or a name it lacks;
- the answer's own type fit, and the question's expected type.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise, zip_longest
from typing import NamedTuple

from bot.composer.antonyms import opposites_said
from bot.composer.lexicon import FUNCTION_WORDS, HONORIFICS, ROLE_TITLES, says_not
from bot.composer.questions import AnswerType, QuestionAnalysis
from bot.composer.reader import ArticleReader, WordWeights
from bot.composer.sentence_features import SENTENCE_FEATURES
from bot.composer.tokens import Token, tokenize

__all__ = [
    "ABSTENTION_FEATURES",
    "WINDOW_FACTS",
    "AnswerEvidence",
    "QuestionFacts",
    "abstention_features",
    "names_unknown",
    "question_facts",
    "window_facts",
]

# Passages searched for a full name the question gives, and the question tokens read.
_NAME_HITS = 10
_QUESTION_TOKENS = 64
# Full names checked a question: each costs a search ("Ab Cd Ef Gh ..." must stay cheap).
_NAMES_CHECKED = 4
_TYPE_GROUPS = {
    AnswerType.DATE: "date",
    AnswerType.NUMBER: "number",
    AnswerType.PERSON: "entity",
    AnswerType.ORGANIZATION: "entity",
    AnswerType.LOCATION: "entity",
    AnswerType.DEFINITION: "entity",
    AnswerType.REASON: "clause",
    AnswerType.MANNER: "clause",
    AnswerType.QUOTE: "clause",
    AnswerType.OTHER: "other",
}
_GROUPS = ("date", "number", "entity", "clause")

WINDOW_FACTS = (
    "focus_missing",
    "focus_phrase_missing",
    "age_missing",
    "rarest_missing",
    "number_missing",
    "negation_added",
    "negation_dropped",
    "opposite_said",
    "names_missing",
)
ABSTENTION_FEATURES = (
    "span_score",
    "span_margin",
    "sentence_score",
    "sentence_margin",
    "from_top_sentence",
    "coverage",
    "coverage_window",
    "word_share",
    "name_share",
    "has_names",
    "missing_from_article",
    "names_unknown",
    *WINDOW_FACTS,
    "span_share",
    "type_fit",
    "typed_rule",
    *(f"type_{group}" for group in _GROUPS),
    "log_content_words",
)
_SENTENCE_COLUMNS = tuple(
    SENTENCE_FEATURES.index(name) for name in ("coverage", "coverage_window", "word_share")
)
_NAME_SHARE = SENTENCE_FEATURES.index("name_share")
# An age written the ways news writes it: "47-year-old", "aged 47", "47 years old", ", 47,".
_AGE = re.compile(r"\b\d{1,3}-year-old\b|\baged \d{1,3}\b|\b\d{1,3} years? old\b|, \d{1,3},")
# Margins beyond this say nothing more.
_MARGIN_CAP = 5.0


@dataclass(frozen=True, slots=True)
class QuestionFacts:
    """What the decision needs to know of the question alone, against the articles."""

    missing_from_article: float  # idf-weighted share of its words no article uses
    names_unknown: bool  # it names something no article mentions
    has_names: bool
    type_group: str
    content_words: int


@dataclass(frozen=True, slots=True)
class AnswerEvidence:
    """What the composer knows of its best answer when it decides whether to give it."""

    span_score: float
    runner_up_score: float | None  # the best span with other words, if any
    sentence_score: float  # the answer's sentence, by the sentence ranker
    best_sentence_score: float
    second_sentence_score: float | None
    sentence_row: Sequence[float]  # the answer sentence's features (SENTENCE_FEATURES)
    window: Sequence[float]  # the answer window's facts (WINDOW_FACTS)
    span_share: float  # the best span's share of a softmax over all span scores
    type_fit: float
    typed_rule: bool


def question_facts(
    question: QuestionAnalysis, reader: ArticleReader, weights: WordWeights
) -> QuestionFacts:
    return QuestionFacts(
        missing_from_article=_missing_from_article(reader, weights),
        names_unknown=names_unknown(question, reader),
        has_names=bool(question.capital_stems),
        type_group=_TYPE_GROUPS.get(question.answer_type, "other"),
        content_words=len(question.content_stems),
    )


def abstention_features(facts: QuestionFacts, evidence: AnswerEvidence) -> tuple[float, ...]:
    """The features of the decision to answer, in :data:`ABSTENTION_FEATURES` order."""
    row = evidence.sentence_row
    return (
        evidence.span_score,
        _margin(evidence.span_score, evidence.runner_up_score),
        evidence.sentence_score - evidence.best_sentence_score,
        _margin(evidence.best_sentence_score, evidence.second_sentence_score),
        float(evidence.sentence_score >= evidence.best_sentence_score),
        *(row[column] for column in _SENTENCE_COLUMNS),
        row[_NAME_SHARE],
        float(facts.has_names),
        facts.missing_from_article,
        float(facts.names_unknown),
        *evidence.window,
        evidence.span_share,
        evidence.type_fit,
        float(evidence.typed_rule),
        *(float(facts.type_group == name) for name in _GROUPS),
        math.log1p(facts.content_words),
    )


def _negated(tokens: Sequence[Token]) -> bool:
    """Whether the words say "not": a negation, "-n't", or a "non-" word ("non-Muslim").

    "no" negates as a determiner ("no real power"), not as what is voted or said:
    "which trustee voted no besides Delorme?" asks who voted against.
    """
    words = [token.lower for token in tokens if token.is_word]
    for word, following in zip_longest(words, words[1:], fillvalue=""):
        if word == "no":
            if following and following not in FUNCTION_WORDS:
                return True
        elif says_not(word) or word.startswith("non-"):
            return True
        elif word in _REFUSALS and following == "to":
            return True  # "declined to name the vendor" answers "why won't he name it?"
    return False


# Verbs that say no to the verb after "to": "declined to name", "refused to say".
_REFUSALS = frozenset("decline declines declined refuse refuses refused fail fails failed".split())


def _margin(best: float, second: float | None) -> float:
    if second is None:
        return _MARGIN_CAP
    return min(_MARGIN_CAP, best - second)


def _missing_from_article(reader: ArticleReader, weights: WordWeights) -> float:
    """The idf-weighted share of the question's words that no loaded article uses."""
    if not weights.total:
        return 0.0
    vocabulary = reader.knowledge.retriever.vocabulary
    missing = sum(weight for stem, weight in weights.by_stem.items() if stem not in vocabulary)
    return missing / weights.total


def names_unknown(question: QuestionAnalysis, reader: ArticleReader) -> bool:
    """Whether the question names something (a capitalized word) the articles never mention.

    "What is the stock price of Apple?" is about Apple; an article that never says
    "Apple" cannot answer it, however well "stock" matches "rolling stock". A full
    name counts as one: "Álvaro Ibáñez" is nobody in an article about Álvaro Peña
    and Verónica Ibáñez.
    """
    vocabulary = reader.knowledge.retriever.vocabulary
    names = [token for token in question.content if token.is_capitalized and token.start > 0]
    if any(
        terms and not any(term in vocabulary for term in terms)
        for terms in (reader.terms(name.text) for name in names)
    ):
        return True
    full_names = _full_names(question, reader)[:_NAMES_CHECKED]
    return any(not _named_together(pair, reader) for pair in full_names)


def _full_names(question: QuestionAnalysis, reader: ArticleReader) -> list[tuple[Token, Token]]:
    """The question's first names and surnames: adjacent words the articles write only as
    names, the first no title ("President Wilson") and neither possessive ("Harvard's Pell")."""
    tokens = tokenize(question.text)
    return [
        (first, second)
        for first, second in pairwise(tokens[:_QUESTION_TOKENS])
        if first.is_capitalized
        and second.is_capitalized
        and first.end < second.start
        and first.lower not in ROLE_TITLES
        and first.lower not in HONORIFICS
        and not first.lower.endswith("'s")
        and not second.lower.endswith("'s")
        and reader.is_proper(first.lower)
        and reader.is_proper(second.lower)
    ]


def _named_together(pair: tuple[Token, Token], reader: ArticleReader) -> bool:
    """Whether a passage the search finds for the two names writes the first, at most one
    word (a middle name) and the second: "James Clerk Maxwell" is James Maxwell. A first
    word the article gives as a person's surname ("Biden Putin", a follow-up's "Biden and
    Putin") begins no full name: the two are two people."""
    first, second = (token.stem for token in pair)  # stems: accents and "'s" folded
    query = " ".join(token.text for token in pair)
    for hit in reader.knowledge.retriever.search(query, k=_NAME_HITS):
        if reader.is_surname(pair[0].text, reader.article_number(hit.passage.index)):
            return True
        words = [token.stem for token in tokenize(hit.passage.text)]
        for index, word in enumerate(words):
            if word == first and second in words[index + 1 : index + 3]:
                return True
    return False


def window_facts(
    question: QuestionAnalysis, weights: WordWeights, window: Sequence[str], max_idf: float
) -> tuple[float, ...]:
    """What the answer's sentence and its neighbours lack of the question (WINDOW_FACTS).

    - the focus (head noun, counted noun, role) is absent, or one of its modifiers is
      ("deputy" of "who is the deputy mayor?" beside "Mayor Ana Ruiz");
    - an age was asked and no age is written;
    - the rarest question word absent from the window, but used elsewhere in the
      article (an unanswerable question often swaps in another part's name),
      as its idf over the article's largest;
    - a number of the question ("in 1066") is absent;
    - the question negates and the answer's sentence does not; and the reverse, apart:
      a negation the question adds is a strong sign of a question the article does not
      answer, one the sentence adds a weak one ("what was not sold?" beside "the
      port was sold" against "what was sold?" beside "it was sold, not leased");
    - the question asks the opposite of what the sentence says ("least" for "most");
    - the share of the question's names absent.
    """
    facts = [_text_facts(text) for text in window]
    stems = frozenset().union(*(fact.stems for fact in facts))
    lowers = frozenset().union(*(fact.lowers for fact in facts))
    focus_absent = bool(question.focus) and question.focus not in stems
    age_absent = question.number_kind == "age" and not any(_AGE.search(text) for text in window)
    absent = [
        weight for stem, weight in weights.by_stem.items() if stem not in stems and weight < max_idf
    ]
    numbers = {token.lower for token in question.content if token.is_number}
    asked_negated = _negated(tokenize(question.text))
    said_stems = facts[0].stems
    said_negated = facts[0].negated
    asked = [token.stem for token in tokenize(question.text) if token.is_word]
    opposite = bool(opposites_said(asked, said_stems))
    names = question.capital_stems
    phrase_absent = len(question.focus_phrase) > 1 and not set(question.focus_phrase) <= stems
    return (
        float(focus_absent),
        float(phrase_absent),
        float(age_absent),
        max(absent, default=0.0) / (max_idf or 1.0),
        float(bool(numbers - lowers)),
        float(asked_negated and not said_negated),
        float(said_negated and not asked_negated),
        float(opposite),
        len(names - stems) / len(names) if names else 0.0,
    )


class _TextFacts(NamedTuple):
    """What the window facts need of one passage's words, whatever the question."""

    stems: frozenset[str]
    lowers: frozenset[str]
    negated: bool


@lru_cache(maxsize=4096)
def _text_facts(text: str) -> _TextFacts:
    """Memoized per passage text: an answer's window is read again by the next question
    about the same part of the article, and its words do not depend on the question."""
    words = [token for token in tokenize(text) if token.is_word]
    return _TextFacts(
        frozenset(token.stem for token in words),
        frozenset(token.lower for token in words),
        _negated(words),
    )
