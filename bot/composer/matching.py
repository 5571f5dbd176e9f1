"""Matching a question's words in passages: what a sentence says of the question.

The measures every model builds on:

- :func:`match_flags`: which tokens of a text match one of the question's words,
  by stem, with speech verbs by meaning ("respond" for "reply"), and never a
  common noun that a different name qualifies ("the G7 summit" does not say
  "the summit");
- :func:`coverage`: the idf-weighted share of the question's words some texts say;
- :func:`title_share`: how much of the question an article's headline names;
- :func:`sentence_for`: a passage tokenized with its matches marked, the unit
  the extractors and the span features work on.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress

from bot.composer.antonyms import OPPOSITES
from bot.composer.candidates import Sentence, sentence_facts
from bot.composer.inflections import related_stems
from bot.composer.lexicon import SPEECH_VERBS
from bot.composer.questions import QuestionAnalysis
from bot.composer.reader import ArticleReader, WordWeights
from bot.composer.tokens import Token, token_stems, tokenize
from retrieval import Passage

__all__ = [
    "coverage",
    "found_stems",
    "match_flags",
    "opposed",
    "sentence_for",
    "share",
    "title_share",
]


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
    return share(weights, stems_said(question, *texts))


def stems_said(question: QuestionAnalysis, *texts: str) -> set[str]:
    """The question's stems that any of ``texts`` says (see :func:`found_stems`)."""
    found: set[str] = set()
    for text in texts:
        found |= found_stems(question, text)
    return found


def found_stems(question: QuestionAnalysis, text: str) -> frozenset[str]:
    """The question's stems that ``text`` says (a speech verb counts for its synonyms)."""
    synonyms = SPEECH_VERBS.get(question.verb or "", frozenset())
    adverbs = _own_adverbs(question)
    return _found_stems(text, question.content_stems, synonyms, question.capital_stems, adverbs)


def share(weights: WordWeights, found: frozenset[str] | set[str]) -> float:
    """The idf-weighted share of the question's stems among ``found``."""
    if not weights.total or not found:
        return 0.0  # as the sum below would be
    return sum(weight for stem, weight in weights.by_stem.items() if stem in found) / weights.total


def match_flags(text: str, question: QuestionAnalysis) -> tuple[bool, ...]:
    """Which tokens of ``text`` match one of the question's words (speech verbs by meaning)."""
    synonyms = SPEECH_VERBS.get(question.verb or "", frozenset())
    adverbs = _own_adverbs(question)
    return _match_flags(text, question.content_stems, synonyms, question.capital_stems, adverbs)


# "reportedly", "allegedly", "supposedly": an adverb that stems as its verb does, and
# hedges a claim instead of saying the verb ("Biden has reportedly offered ..., Kommersant
# reported" answers "who reported the offer?" with Kommersant, not with Biden).
_HEARSAY_ENDING = "edly"


def _own_adverbs(question: QuestionAnalysis) -> frozenset[str]:
    """The question's own "-edly" words ("was he reportedly paid?"): those match."""
    return frozenset(t.lower for t in question.content if t.lower.endswith(_HEARSAY_ENDING))


@lru_cache(maxsize=8192)
def _match_flags(
    text: str,
    stems: frozenset[str],
    synonyms: frozenset[str],
    capitals: frozenset[str],
    adverbs: frozenset[str],
) -> tuple[bool, ...]:
    """Memoized: a question's ranking asks about the same passages several times.
    ``adverbs`` are the question's own "-edly" words, which match themselves only."""
    tokens = tokenize(text)
    here = token_stems(text)
    wanted = stems | synonyms | related_stems(stems).keys()
    flags = [False] * len(tokens)
    # Only where one of the question's stems (or a synonym, or another form) stands,
    # picked out at C speed: most of a sentence's tokens are none of them.
    for index in compress(range(len(here)), map(wanted.__contains__, here)):
        token = tokens[index]
        if not token.is_word or _qualified_differently(tokens, index, capitals, stems):
            continue
        if token.lower.endswith(_HEARSAY_ENDING) and token.lower not in adverbs:
            continue
        flags[index] = True
    return tuple(flags)


@lru_cache(maxsize=8192)
def _found_stems(
    text: str,
    stems: frozenset[str],
    synonyms: frozenset[str],
    capitals: frozenset[str],
    adverbs: frozenset[str],
) -> frozenset[str]:
    """The question's stems that ``text`` matches; a speech verb counts for its synonyms."""
    flags = _match_flags(text, stems, synonyms, capitals, adverbs)
    if True not in flags:
        return frozenset()  # half the passages a question pools match none of its words
    tokens = tokenize(text)
    matched = {token.stem for token, flag in zip(tokens, flags, strict=True) if flag}
    found = matched & stems
    related = related_stems(stems)
    found |= {related[stem] for stem in matched if stem in related}
    if matched - stems - related.keys():
        # "respond" in the text stands for the question's "reply".
        found |= stems & synonyms
    return frozenset(found)


def sentence_for(passage: Passage, question: QuestionAnalysis) -> Sentence:
    """``passage`` tokenized, with the tokens that match the question's words marked."""
    text = passage.text
    matched = match_flags(text, question)
    # The head noun of "what theorems ..." belongs in the answer ("hierarchy theorems").
    echo_stems = question.content_stems - frozenset(question.head)
    matches, words_before, echoes_before = sentence_facts(text, matched, echo_stems)
    return Sentence(passage, tokenize(text), matched, matches, words_before, echoes_before)


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
    mention names a different thing than the question's unqualified noun. A question
    typed in lower case mentions it all the same ("did the planning commission
    recommend ...?" says the "Planning Commission" that "recommended").
    """
    token = tokens[index]
    if token.is_capitalized or index == 0:
        return False
    previous = tokens[index - 1]
    if previous.text in {'"', "'"} and index >= 2:
        # "'Leaders on Climate Change' summit", unless the question names it too.
        return not _quote_mentions(tokens, index - 1, question_stems)
    if previous.is_word and opposed(previous.stem, question_stems):
        return True  # "the men's final" is not "the women's final"
    return (
        previous.is_word
        and (previous.is_capitalized or _names_by_number(previous.text))
        and previous.stem not in question_capitals
        and previous.stem not in question_stems
        and index - 1 > 0
    )


def opposed(modifier: str, question_stems: frozenset[str]) -> bool:
    """Whether ``modifier`` is the opposite of one of the question's words, which the
    question does not use itself ("men's" for a question about "women's")."""
    return modifier not in question_stems and not OPPOSITES.get(modifier, frozenset()).isdisjoint(
        question_stems
    )


def _names_by_number(text: str) -> bool:
    """A number that names a thing ("the 2020 election", "the 7th fleet", "the 1990s
    boom"), not one that counts or measures it ("640 employees" says employees, and
    "a 25,000-euro bonus" says bonus)."""
    return _NAMING_NUMBER.fullmatch(text) is not None


# A year, an ordinal or a decade: the numbers that tell one thing from another of its kind.
_NAMING_NUMBER = re.compile(r"\d{4}|\d+(?:st|nd|rd|th|s)", re.IGNORECASE)
