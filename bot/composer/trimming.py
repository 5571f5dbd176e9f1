"""The short answer's last touches: the words of the span that are not the answer.

The span an extractor proposes can carry what the reply should not: a possessive
("Canada's" for "which country?"), a trailing comma, or an age's "-year-old"
("22" answers "how old is Ana Ruiz?"), or the other year of a lifespan ("1919" of
"1919–1980" answers "when was he born?", "1980" "when did he die?"). Trimming moves the
span's ends, so the offsets still point at the article's own characters.
"""

from __future__ import annotations

import re

from bot.composer.candidates import Candidate
from bot.composer.extractors.phrases import BASED
from bot.composer.lexicon import is_cardinal
from bot.composer.questions import AnswerType, QuestionAnalysis, asks_birth, asks_death
from bot.composer.span_features import asked_quantity
from bot.composer.tokens import Token, tokenize
from retrieval.analysis import stem

__all__ = ["lifespan", "trimmed"]

_AGE = re.compile(r"(\d{1,3})-year-old")
# The years of a life: "1919–1980", "1249-1314", "1862–90".
_LIFESPAN = re.compile(r"(\d{3,4}) ?[–-] ?(\d{2,4})")
_POSSESSIVES = ("'s", "’s")
_TRAILING = ",;:-–—"


def trimmed(span: str, question: QuestionAnalysis) -> tuple[int, int]:
    """Where the answer starts and ends in ``span`` (0 and its length when nothing is
    trimmed)."""
    years = _LIFESPAN.fullmatch(span)
    if years and asks_birth(question):
        return 0, years.end(1)
    if years and asks_death(question) and len(years.group(2)) > 2:
        return years.start(2), len(span)  # "1862–90" gives no year of death to quote
    if asked_quantity(question) == "age":
        age = _AGE.fullmatch(span)
        if age:
            return 0, age.end(1)
    if span.lower().endswith(BASED) and question.answer_type is AnswerType.LOCATION:
        return 0, len(span) - len(BASED)  # "Split-based": where is it based? Split
    start = _past_the_head(span, question) or _past_the_preposition(span, question)
    end = _before_the_head(span, question)
    if span.endswith(_POSSESSIVES) and end > 2:
        end -= 2
    kept = span[:end].rstrip(_TRAILING + " ")
    return start, len(kept) or end


def _past_the_head(span: str, question: QuestionAnalysis) -> int:
    """Where the answer starts past the question's own head noun and "of": "sentence of
    20 years" answers "what is the maximum sentence?" with "20 years", "policy of free
    trade" "what policy?" with "free trade". A name keeps its words ("Bank of England")."""
    if not question.head:
        return 0
    words = [token for token in tokenize(span) if token.is_word]
    if words and words[0].lower in _ARTICLES:
        words = words[1:]
    if (
        len(words) > _HEAD_OF_AND_MORE
        and words[0].stem == question.head[-1]
        and not words[0].is_capitalized
        and words[1].lower == "of"
    ):
        return words[2].start
    return 0


def _before_the_head(span: str, question: QuestionAnalysis) -> int:
    """Where a count ends before the noun the question counts: "nine successors" answers
    "how many successors ...?" with "nine". The asker said the noun. Only a count: a
    modifier left alone reads oddly or answers less ("steam" of "steam engine" for "what
    engine?"), and a name keeps its words ("Middleton Railway")."""
    head = set(question.head) | ({question.focus} if question.focus else set())
    if not head or asked_quantity(question) != "count":
        return len(span)  # "how long?" keeps "17 days": a length of time is no count
    words = [token for token in tokenize(span) if token.is_word]
    compound = _count_of_a_compound(words, head)
    if compound is not None:
        return compound
    kept = len(words)
    while kept > 1 and words[kept - 1].stem in head and not words[kept - 1].is_capitalized:
        kept -= 1
    if kept == len(words) or not all(_counts(word) for word in words[:kept]):
        return len(span)
    return words[kept - 1].end


def _count_of_a_compound(words: list[Token], head: set[str]) -> int | None:
    """Where the count of "four-valve" ends, for "how many valves?": a count joined to the
    noun the question counts, in one word."""
    if len(words) != 1 or "-" not in words[0].text:
        return None
    count, noun = words[0].text.split("-", 1)
    if not (count.isdigit() or is_cardinal(count.lower())) or stem(noun.lower()) not in head:
        return None
    return words[0].start + len(count)


def _past_the_preposition(span: str, question: QuestionAnalysis) -> int:
    """Where the answer starts past the preposition the question already says: "frozen
    pizzas" answers "what is Aldmark known for?", not "for frozen pizzas"."""
    if question.preposition is None:
        return 0
    words = [token for token in tokenize(span) if token.is_word]
    if len(words) > 1 and words[0].lower == question.preposition:
        return words[1].start
    return 0


def _counts(word: Token) -> bool:
    """A word of a count: "nine", "2.1", "million" (a modifier is left with its noun)."""
    return word.is_number or is_cardinal(word.lower)


_ARTICLES = frozenset({"the", "a", "an"})
# The head noun, "of", and at least one word of the answer.
_HEAD_OF_AND_MORE = 2


def lifespan(candidate: Candidate) -> bool:
    """ "1919–1980" of "John Gallagher (1919–1980)": the years of a life, in brackets right
    after a name."""
    tokens = candidate.sentence.tokens
    return (
        _LIFESPAN.fullmatch(candidate.text) is not None
        and candidate.first >= 2
        and tokens[candidate.first - 1].text == "("
        and tokens[candidate.first - 2].is_capitalized
    )
