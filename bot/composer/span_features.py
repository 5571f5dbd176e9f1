"""What speaks for a candidate span being the answer: the span scorer's evidence.

The extractors propose spans (a date, a name, a noun phrase after the question's
head noun, ...); this module describes each by the numbers in
:data:`SPAN_FEATURES`, and a linear model fitted on the development data
(``scripts/fit_weights.py``) weighs them. The measures, in prose:

- its sentence: the sentence ranker's score (relative to the question's best
  sentence), and whether it is the best sentence;
- type: how well the extractor says it fits the expected type, which family of
  rule proposed it (a date rule, a name rule, a generic noun phrase, ...; for the
  head-noun rules, which one), and whether its last word names a kind of the
  question's head noun (WordNet: "steam turbines" are devices);
- place: how near it stands to the question's words in its sentence, on which
  side, whether it sits right after or before one, the share of the question's
  words around it, whether the question's own preposition introduces it ("in
  what year" -- "in 1066");
- form: length, capitalization, how common its last word is in English (answers
  are seldom everyday words), quotation, a leading determiner or a trailing
  possessive ("the minister's"), a number inside it, a list ("A, B and C") and
  whether the question asks for several things;
- echo: the share of its words the question already says (the answer to "who
  called Putin a killer?" is not "Putin");
- tense: a past expression for a question about the future.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from bot.composer.candidates import Candidate, Sentence, rule_family
from bot.composer.contests import asked_side, contest_fit
from bot.composer.coordination import asked_count, item_count
from bot.composer.english import zipf_frequency
from bot.composer.extractors.numbers import is_fraction, measure_unit
from bot.composer.extractors.subjects import agent_of_a_participle
from bot.composer.inflections import same_stem
from bot.composer.lexicon import (
    AUXILIARIES,
    CURRENCY_WORDS,
    DETERMINERS,
    FUNCTION_WORDS,
    MONEY_WORDS,
    MONTHS,
    NUMBER_WORDS,
    PREPOSITIONS,
    QUOTE_MARKS,
    TIME_NOUNS,
    TIME_UNITS,
    WEEKDAYS,
)
from bot.composer.noun_kinds import compound_of, head_word, is_a_kind_of
from bot.composer.person_words import PERSON_STEMS
from bot.composer.questions import AnswerType, QuestionAnalysis
from bot.composer.reader import WordWeights
from bot.composer.tokens import Token, tokenize
from bot.composer.word_classes import WordClass, looks_plural, word_class
from retrieval.analysis import stem

__all__ = [
    "HEAT_WORDS",
    "RULE_FAMILIES",
    "SPAN_FEATURES",
    "QuantityAsked",
    "apposition_age",
    "asked_quantity",
    "asked_unit",
    "asks_a_length",
    "asks_for_several",
    "counts_asked",
    "in_another_currency",
    "in_another_dimension",
    "is_share",
    "kind_fits",
    "quantity_fits",
    "span_features",
    "unit_fits",
]

# The extractor families, by the first part of a candidate's rule name.
RULE_FAMILIES = (
    "chunk",
    "date",
    "number",
    "name",
    "place",
    "person",
    "agent",
    "head",
    "definition",
    "quote",
    "clause",
)

_FAMILY_FLAGS = {
    family: tuple(float(family == name) for name in RULE_FAMILIES) for family in RULE_FAMILIES
}
_NO_FAMILY = (0.0,) * len(RULE_FAMILIES)
# The head-noun rules differ in how often they are right: the words naming the
# head ("Tibetan" Buddhism), the head's whole phrase, a name holding or after it,
# an apposition, the subject of "X is the <head>". Each gets its own flag.
HEAD_RULES = ("head:modifier", "head:phrase", "head:name", "head:apposition", "head:copula")
_HEAD_FLAGS = {rule: tuple(float(rule == name) for name in HEAD_RULES) for rule in HEAD_RULES}
_NO_HEAD = (0.0,) * len(HEAD_RULES)

SPAN_FEATURES = (
    "sentence_score",
    "sentence_top",
    "type_fit",
    *(f"rule_{family}" for family in RULE_FAMILIES),
    *(rule.replace(":", "_") for rule in HEAD_RULES),
    "closeness",
    "context",
    "context_near",
    "context_left",
    "context_right",
    "holds_focus",
    "order_aligned",
    "subject_side",
    "object_side",
    "echo",
    "has_echo",
    "name_echo",
    "log_words",
    "one_word",
    "capitalized",
    "commonness",
    "kind_of_head",
    "in_quotes",
    "after_preposition",
    "question_preposition",
    "right_after_match",
    "right_before_match",
    "after_match_object",
    "before_match_subject",
    "matches_before",
    "between_matches",
    "starts_determiner",
    "possessive_end",
    "has_number",
    "tense_clash",
    "bonus",
    "kind_match",
    "kind_mismatch",
    "unit_fit",
    "counts_other",
    "counts_focus",
    "part_of_whole",
    "whole_of_part",
    "contest_side",
    "is_list",
    "list_for_several",
    "same_clause",
    "count_fit",
    "one_of_several",
    "object_after_verb",
    "subject_before_verb",
)

# Tokens of distance at which closeness halves.
_CLOSENESS_SCALE = 3.0
# Question words within this many tokens of a candidate count as its context.
_CONTEXT_WINDOW = 10
# The words right beside a candidate, on one side.
_NEAR_WINDOW = 4
# The words touching a candidate ("two [still missing]", "[Nine miners] rescued").
_BESIDE = 3
# A number counts the noun up to this many words on: "71 of the 150 seats".
_COUNTED_WITHIN = 4
# ... and further when it is a part of a whole: "Four of the museum's 22 cameras".
_PART_WITHIN = 6
# A whole stands at most this many tokens after its part: "Four [of the museum's] 22".
_WHOLE_REACH = 4
_PERCENT_WORDS = frozenset({"percent", "percentage", "per cent", "proportion", "share", "rate"})
_PLURAL_RATES = frozenset({"rates", "percentages", "proportions"})
# "per share", "a share", "each share", "for each Solvik share": one share of stock,
# priced in money (after "per" or "each" a name may stand between: one word of at most
# 30 letters; "a larger share" is a part).
_A_SHARE = re.compile(r"\b(?:(?:per|each) (?:[\w-]{1,30} )?|a )share\b")
_PORTION = re.compile(r"\bhow much of\b")
_CURRENCY = re.compile(r"[$£€¥]")
_SCORE_FORM = re.compile(
    r"\d{1,2}-\d{1,2}(?:\(\d{1,2}\))?(?:,\d{1,2}-\d{1,2}(?:\(\d{1,2}\))?){0,4}"
)
_TIME_UNIT_STEMS = frozenset(stem(word) for word in TIME_UNITS)
# A share or a frequency, never how many: "half took the drug", "twice a day".
_NO_COUNTS = frozenset({"half", "twice", "once", "thrice"})
# No one is older than this: a bare number above it is not an age.
_OLDEST = 125
# "how long has the ban been in force?", "for how long have they ...?"
_SO_FAR = re.compile(r"(?:for )?how long (?:has|have|had)\b")
_AGE_FORM = re.compile(r"(?<!\d)\d{1,3}(?:-year-old| years? old)|aged \d")


def span_features(
    candidate: Candidate,
    question: QuestionAnalysis,
    weights: WordWeights,
    sentence_score: float,
    is_top: bool,
) -> tuple[float, ...]:
    """The features of ``candidate``, in :data:`SPAN_FEATURES` order.

    ``sentence_score`` is its sentence's ranker score minus the best sentence's
    (0 for the best), so the scale does not depend on the question.
    """
    sentence = candidate.sentence
    tokens = sentence.tokens
    first, last = candidate.first, candidate.last
    words = max(1, sentence.word_count(first, last))
    echo = sentence.echo_count(first, last) / words
    family = rule_family(candidate.rule)
    span_tokens = tokens[first : last + 1]
    word_tokens = [token for token in span_tokens if token.is_word]
    previous = tokens[first - 1].lower if first > 0 else ""
    matches = sentence.matches
    before = bisect_left(matches, first)
    after = bisect_right(matches, last)
    share_before = before / len(matches) if matches else 0.0
    follows = before > 0 and matches[before - 1] >= first - 2
    precedes = after < len(matches) and matches[after] <= last + 2
    return (
        sentence_score,
        float(is_top),
        candidate.type_fit,
        *_FAMILY_FLAGS.get(family, _NO_FAMILY),
        *_HEAD_FLAGS.get(candidate.rule, _NO_HEAD),
        _closeness(matches, first, last, before, after),
        *_contexts(candidate, weights),
        float(bool(question.focus) and any(t.stem == question.focus for t in span_tokens)),
        _order_aligned(candidate, question, weights),
        float(question.wh_role == "subject") * (1.0 - share_before),
        float(question.wh_role == "object") * share_before,
        echo,
        float(echo > 0),
        float(any(t.stem in question.capital_stems for t in word_tokens if t.is_capitalized)),
        math.log(words),
        float(words == 1),
        sum(token.is_capitalized for token in word_tokens) / max(1, len(word_tokens)),
        _commonness(word_tokens),
        float(_names_a_kind_of_head(word_tokens, question)),
        # the in_quotes feature reads quotations opened in the sentence only: counting one
        # closed there too measured 0 / -3 development answers refitted
        float(said_in_quotation(sentence.passage.text, first, last, closed_here=False)),
        float(previous in PREPOSITIONS),
        float(bool(previous) and previous == question.preposition),
        float(follows),
        float(precedes),
        float(follows and question.wh_role == "object"),
        float(precedes and question.wh_role == "subject"),
        share_before,
        float(before > 0 and after < len(matches)),
        float(tokens[first].lower in DETERMINERS),
        float(tokens[last].lower.endswith("'s")),
        float(any(token.is_number for token in span_tokens)),
        _tense_clash(candidate.rule, question.tense),
        candidate.bonus,
        *_kind_fit(question, candidate),
        _unit_fit(question.text, candidate),
        float(_counts_other(candidate, question)),
        float(_counts_focus(candidate, question)),
        *_part_or_whole(candidate),
        contest_fit(candidate, asked_side(question)),
        *_list_fit(candidate.rule, question.text),
        _same_clause(candidate, before, after),
        *_count_fit(span_tokens, question.text),
        float(question.wh_role == "object" and _beside_a_matched_verb(sentence, first - 1, -1)),
        float(
            question.wh_role == "subject"
            and _beside_a_matched_verb(sentence, last + 1, 1)
            and not _the_agent_of_a_participle(sentence.tokens, first)
        ),
    )


def _the_agent_of_a_participle(tokens: tuple[Token, ...], first: int) -> bool:
    """Whether the span is the "by" phrase of a participle ("A landslide caused by [the
    quake] blocked the road"): it stands before the verb, but the noun before the
    participle is its subject."""
    while first > 0 and tokens[first - 1].lower in DETERMINERS:
        first -= 1
    return agent_of_a_participle(tokens, first) is not None


def _beside_a_matched_verb(sentence: Sentence, start: int, step: int) -> bool:
    """Whether a verb of the question stands within two words of ``start``, walking by
    ``step``: "Article 65 banned [cartels]" answers what article 65 banned; "[article] 66"
    follows a word of the question, but not its verb."""
    tokens, matches = sentence.tokens, sentence.matches
    for index in (start, start + step):
        if 0 <= index < len(tokens) and word_class(tokens[index].lower) is WordClass.VERB:
            position = bisect_left(matches, index)
            if position < len(matches) and matches[position] == index:
                return True
    return False


def _same_clause(candidate: Candidate, before: int, after: int) -> float:
    """Whether the question word nearest the span is in its clause: no comma, colon, dash
    or bracket between them. "two" of "Nine miners rescued, two still missing" is said of
    "missing"; "Nine miners" is across the comma. ``before`` and ``after`` index the
    sentence's matched words just outside the span."""
    if rule_family(candidate.rule) == "quote":
        return 1.0  # a quotation is set off from its speech verb by a comma or a colon
    tokens, matches = candidate.sentence.tokens, candidate.sentence.matches
    first, last = candidate.first, candidate.last
    nearest = [
        index
        for index in (
            matches[before - 1] if before > 0 else None,
            matches[after] if after < len(matches) else None,
        )
        if index is not None
    ]
    if not nearest:
        return 0.0
    closest = min(nearest, key=lambda index: first - index if index < first else index - last)
    between = range(closest + 1, first) if closest < first else range(last + 1, closest)
    return float(not any(tokens[index].text in _CLAUSE_MARKS for index in between))


# Marks that end a clause or set a phrase off.
_CLAUSE_MARKS = frozenset({",", ";", ":", "—", "–", "(", ")"})


def _commonness(word_tokens: Sequence[Token]) -> float:
    """How common in English the span's last word is, 0 (a name, a rare term, a date) to
    about 1 ("the"): an answer is seldom a word every text uses ("melatonin", not
    "presence")."""
    for token in reversed(word_tokens):
        if token.lower.isalpha() and token.lower not in _NOT_WEIGHED:
            return zipf_frequency(token.lower) / _ZIPF_OF_THE
    return 0.0


# Words no answer is less specific for being common: function words, and the calendar
# ("on Tuesday", "in March", "the summer of 1961"), which a date needs whatever it says.
_NOT_WEIGHED = FUNCTION_WORDS | MONTHS | WEEKDAYS | TIME_NOUNS


def _names_a_kind_of_head(word_tokens: Sequence[Token], question: QuestionAnalysis) -> bool:
    """Whether the span's last word names a kind of the question's head noun ("steam
    turbines" for "what device?"), by WordNet; a span saying the head itself does not."""
    if not word_tokens:
        return False
    head = head_word(question)
    last = word_tokens[-1].lower
    return head is not None and last.isalpha() and is_a_kind_of(last, head)


# wordfreq's Zipf frequency of "the", the most common English word.
_ZIPF_OF_THE = 7.7


def _list_fit(rule: str, question_text: str) -> tuple[float, float]:
    """Whether the span is a list, and whether the question asks for several things."""
    if rule != "chunk:list":
        return 0.0, 0.0
    return 1.0, float(asks_for_several(question_text))


def _count_fit(span_tokens: Sequence[Token], question_text: str) -> tuple[float, float]:
    """Whether the span holds as many items as the question asks for ("what two
    scientists?": "Robert Koch and Emil von Behring"), and whether it holds one of them."""
    asked = asked_count(question_text)
    if asked < 2:
        return 0.0, 0.0
    items = item_count(span_tokens)
    return float(items == asked), float(items == 1)


_SEVERAL_WORDS = frozenset(
    "two three four five six seven eight nine ten several some both many various".split()
)


@lru_cache(maxsize=4096)
def asks_for_several(question_text: str) -> bool:
    """ "What are the three sources ...?", "Which crops were introduced?": a plural answer."""
    words = [token.lower for token in tokenize(question_text) if token.is_word]
    if any(word in {"are", "were"} for word in words[:4]) or _SEVERAL_WORDS & set(words):
        return True
    # "what crops", "which techniques": a plural noun right after the question word
    for first, second in pairwise(words):
        if first in {"what", "which"}:
            return looks_plural(second)
    return False


def _closeness(matches: Sequence[int], first: int, last: int, before: int, after: int) -> float:
    """1 next to a matched question word, falling off with distance; 0 with none."""
    distances = []
    if before > 0:
        distances.append(first - matches[before - 1])
    if after < len(matches):
        distances.append(matches[after] - last)
    if not distances:
        return 0.0
    return 1.0 / (1.0 + (min(distances) - 1) / _CLOSENESS_SCALE)


def _contexts(candidate: Candidate, weights: WordWeights) -> tuple[float, float, float, float]:
    """The idf-weighted share of question words around the span, in four windows.

    Within ``_CONTEXT_WINDOW`` tokens either side; within ``_BESIDE``; within
    ``_NEAR_WINDOW`` before it; within ``_NEAR_WINDOW`` after it. One pass over the
    sentence's matched words serves all four.
    """
    if not weights.total:
        return 0.0, 0.0, 0.0, 0.0
    sentence = candidate.sentence
    first, last = candidate.first, candidate.last
    wide: set[str] = set()
    beside: set[str] = set()
    left: set[str] = set()
    right: set[str] = set()
    for index in sentence.matches:
        if first <= index <= last:
            continue
        distance = first - index if index < first else index - last
        if distance > _CONTEXT_WINDOW:
            continue
        stem = sentence.tokens[index].stem
        wide.add(stem)
        if distance <= _BESIDE:
            beside.add(stem)
        if distance <= _NEAR_WINDOW:
            (left if index < first else right).add(stem)
    by_stem, total = weights.by_stem, weights.total
    return (
        sum(by_stem.get(stem, 0.0) for stem in wide) / total,
        sum(by_stem.get(stem, 0.0) for stem in beside) / total,
        sum(by_stem.get(stem, 0.0) for stem in left) / total,
        sum(by_stem.get(stem, 0.0) for stem in right) / total,
    )


def _order_aligned(candidate: Candidate, question: QuestionAnalysis, weights: WordWeights) -> float:
    """For a question with its wh-word inside, the words on each side in the same order.

    "caused by financial and what other reasons?" wants a span with "financial"
    shortly before it and "reasons" shortly after: the idf-weighted share of the
    question's words found on the side the question puts them.
    """
    if not question.before_wh or not weights.total:
        return 0.0
    sentence = candidate.sentence
    tokens = sentence.tokens
    low = candidate.first - _NEAR_WINDOW * 2
    high = candidate.last + _NEAR_WINDOW * 2
    found: set[str] = set()
    for index in sentence.matches:
        stem = tokens[index].stem
        if (low <= index < candidate.first and stem in question.before_wh) or (
            candidate.last < index <= high and stem not in question.before_wh
        ):
            found.add(stem)
    return sum(weights.by_stem.get(stem, 0.0) for stem in found) / weights.total


def said_in_quotation(text: str, first: int, last: int, *, closed_here: bool = True) -> bool:
    """Whether tokens ``first``..``last`` of ``text`` are inside a quotation (an odd number of
    quote marks before them), one opened in the sentence or, with ``closed_here``, one
    opened before it that the sentence closes (an odd number of marks, the last ending it:
    'Diabaté was the best player on the pitch."')."""
    marks = _quote_marks(text)
    opened_before = closed_here and marks[-1] % 2 == 1 and text.rstrip().endswith(_CLOSING_MARKS)
    return (marks[first] + opened_before) % 2 == 1 and marks[-1] > marks[last + 1]


_CLOSING_MARKS = ('"', "”", "’", "'")


@lru_cache(maxsize=4096)
def _quote_marks(text: str) -> tuple[int, ...]:
    """How many quote marks stand before each token of ``text`` (one more entry at the end)."""
    counts = [0]
    for token in tokenize(text):
        counts.append(counts[-1] + (token.text in QUOTE_MARKS))
    return tuple(counts)


def asked_quantity(question: QuestionAnalysis) -> str | None:
    """The kind of quantity a number question wants: age, money, percent, duration,
    frequency, a measure ("how tall?", "how big?"), an amount of something else ("how
    much copper?", "how much of the park?"), or None."""
    if question.answer_type is not AnswerType.NUMBER:
        return None
    if question.number_kind == "duration" and asks_a_length(question.text):
        return "measure"
    if question.number_kind == "count" and _asks_a_weight(question.text):
        return "measure"
    if question.number_kind is None and _DIMENSION_HEAD.match(question.text.lower()):
        return "measure"  # "what was the temperature?"
    if question.number_kind in {"age", "duration", "frequency", "money", "score"}:
        return question.number_kind
    words = {token.lower for token in question.content} | set(question.text.lower().split())
    # "rates" too; not "shares", which are counted ("how many shares did he sell?")
    shares = (words | {word[:-1] for word in words & _PLURAL_RATES}) & _PERCENT_WORDS
    if shares == {"share"} and _A_SHARE.search(question.text.lower()):
        shares = set()  # "how much will it pay per share?" asks a price
    if shares:
        return "percent"
    if question.focus == "score":
        return "score"
    if question.number_kind == "measure":
        # "how big will the dividend be?", "how large was the fine?": a sum of money
        return "money" if question.head == () and _sized_sum(question) else "measure"
    if question.number_kind == "count":
        return _counted_kind(question.text, words)
    if question.head and question.head[-1] in _MONEY_HEADS:
        return "money"  # "what is the average teacher salary?", "what was the bail?"
    return None


def _sized_sum(question: QuestionAnalysis) -> bool:
    """Whether "how big/large ...?" asks the size of a sum of money: its subject is one
    ("how big will the dividend be?")."""
    return _SIZE_COUNTED.search(question.text.lower()) is not None and any(
        token.stem in _MONEY_HEADS for token in question.content
    )


# Head nouns that name a sum of money: "what was the fine?" wants "€5,000", not "3,400".
_MONEY_HEADS = frozenset(
    stem(word)
    for word in """
    salary salaries wage wages cost costs price prices fine fines bail fare fares rent rents
    fee fees budget budgets revenue revenues profit profits income earnings debt debts deficit
    dividend dividends bonus bonuses grant grants subsidy subsidies loan loans fund funds
    """.split()
)


def _counted_kind(text: str, words: set[str]) -> str | None:
    """What a "how many/much" question counts, from its words."""
    if "much" in words and "time" in words:
        return "duration"  # "how much time will the detour add?": a length of time
    if _PORTION.search(text.lower()):
        return "amount"  # "how much of the costs do fares cover?": a part, in any form
    if "much" in words and (
        words & MONEY_WORDS
        or _PRICE_ASKED.search(text.lower())
        or _CURRENCY_ASKED.search(text.lower())  # "how much did it set aside in euros?"
    ):
        return "money"
    if "many" in words:
        return "count"
    if "much" in words:
        return "amount"
    return None


# "how much were tickets?", "how much is the house?": a thing's price (a plural or a
# determiner after the copula; "how much is left?" asks no price).
_PRICE_ASKED = re.compile(
    r"\bhow much (?:is|are|was|were|will be|would be) (?:the |a |an |his |her |its |their )?"
    r"[a-z]+s\b|\bhow much (?:is|are|was|were|will be|would be) (?:the|a|an|his|her|its|their) "
)


def _kind_fit(question: QuestionAnalysis, candidate: Candidate) -> tuple[float, float]:
    """Whether the span is the kind of quantity asked for (1, 0), is not (0, 1), or n/a."""
    if asked_quantity(question) is None:
        return 0.0, 0.0
    return (1.0, 0.0) if kind_fits(question, candidate) else (0.0, 1.0)


def kind_fits(question: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether the span reads as the kind of quantity asked for (True when none is)."""
    wanted = asked_quantity(question)
    if wanted is None:
        return True
    return quantity_fits(wanted, QuantityAsked.of(question), candidate)


# The number kinds (None: by its head noun) a question asking a size in one dimension
# is read as: "how tall?", "what was the temperature?",
# "how much does it weigh?", "how long is the bridge?".
_SIZE_KINDS = frozenset({"measure", "count", "duration", None})


@dataclass(frozen=True, slots=True)
class QuantityAsked:
    """What of a question decides whether a count fits: the thing counted, and whether
    time itself is counted ("how many days?"). Hashable, so a fit can be remembered."""

    focus: str | None
    time_counted: bool
    # "how big was the crowd?" is answered by a count too: the size of a group.
    group_sized: bool = False
    # "how long has it been ...?": a length of time up to now, which "since 2001" tells
    so_far: bool = False
    # "how tall/heavy/fast ...?": a size in one dimension, which no sum of money gives
    dimensional: bool = False
    # "how long is/was ...?": maybe the length of a thing, not a time ("how long until?")
    of_a_thing: bool = False
    # "how far behind/ahead ...?": a lead, which a race gives in time ("0.41 seconds")
    a_lead: bool = False

    @classmethod
    def of(cls, question: QuestionAnalysis) -> QuantityAsked:
        return cls(
            question.focus,
            bool(question.content_stems & _TIME_UNIT_STEMS),
            question.number_kind == "measure" and _sizes_a_group(question),
            # read only for the kinds that use them: this runs once a candidate
            question.number_kind == "duration" and _SO_FAR.match(question.text.lower()) is not None,
            question.number_kind in _SIZE_KINDS and _asks_a_dimension(question.text),
            question.number_kind == "duration"
            and _HOW_LONG_IS.match(question.text.lower()) is not None,
            question.number_kind == "measure"
            and _A_LEAD_ASKED.search(question.text.lower()) is not None,
        )


def quantity_fits(wanted: str, asked: QuantityAsked, candidate: Candidate) -> bool:
    """Whether the span reads as a quantity of kind ``wanted`` (see :func:`kind_fits`)."""
    tokens = candidate.tokens
    text = " ".join(token.lower for token in tokens)
    if wanted == "age":
        bare = len(tokens) == 1 and tokens[0].text.isdigit() and len(tokens[0].text) <= 3
        fits = bool(_AGE_FORM.search(text)) or (
            bare
            and int(tokens[0].text) <= _OLDEST
            and not _noun_after(candidate)
            and (apposition_age(candidate) or _introduced_as_age(candidate))
        )
    elif wanted == "money":
        fits = _is_money(text, tokens)
    elif wanted == "percent":
        fits = is_share(text)
    elif wanted == "count":
        # A count is not an amount of money ("18.4 million euros" for "how many
        # hospitals?"), a share, nor someone's age ("Salinas, 52,"),
        # nor a size that counts another unit ("14-story" for "how many apartments?"),
        # nor a score or a vote ("5-2"), nor a time ("2:05:40").
        fits = not (
            text in _NO_COUNTS
            or _is_money(text, tokens)
            or _currency_after(candidate)  # "18.4 million" of "... euros"
            or is_share(text)
            or _word_after(candidate) in _SHARE_WORDS
            or apposition_age(candidate)
            or _measures_other(candidate, asked)
            or _SCORE_FORM.fullmatch(text.replace(" ", ""))
            or candidate.rule == "number:time"
        )
    elif wanted == "score":
        fits = bool(_SCORE_FORM.fullmatch(text.replace(" ", "")))
    elif wanted == "frequency":
        # "how often?" wants "twice a year", "every six months", never "three hours"
        fits = candidate.rule == "number:frequency"
    elif wanted == "measure":
        # "38 metres", "60 miles per hour", "11.4%", "$500 million": a unit of size, speed
        # or heat, a share or money, as "how tall/fast/high?" want
        sized = not asked.dimensional and (is_share(text) or _is_money(text, tokens))
        measure = (
            unit_fits("measure", candidate) or sized or (asked.a_lead and counts_time(candidate))
        )
        # a size in one dimension is said in a unit: a bare "2,300" is no weight
        fits = measure or (
            not (asked.dimensional or asked.a_lead)  # a lead is said in a unit too
            and (asked.group_sized or not _counted(candidate))
        )
    elif wanted == "amount":
        # "how much copper?", "how much of the park?": a quantity of the thing, not a
        # length of time ("40 hours"), a clock time, an age, a score or a number of
        # people ("1,100 workers"), unless time is what is asked ("how much time?")
        fits = asked.time_counted or not (
            counts_time(candidate)
            or _word_after(candidate) in TIME_UNITS
            or _counted(candidate) in PERSON_STEMS
            or candidate.rule == "number:time"
            or apposition_age(candidate)
            or _AGE_FORM.search(text)
            or _SCORE_FORM.fullmatch(text.replace(" ", ""))
            or _stands_for_someone(candidate)
        )
    else:  # a length of time: "four days", "two-week", or a finishing time "2:05:40"
        fits = not _AGE_FORM.search(text) and (  # "22-year-old" is an age
            candidate.rule == "number:time"
            or counts_time(candidate)
            or _counts_periods(candidate)
            # "how long is the fire's perimeter?" may ask a length the rules do not see
            or (asked.of_a_thing and unit_fits("length", candidate))
        )
    if candidate.rule == "number:since":
        # "since 2001" tells how long something has been so, and nothing else
        fits = wanted == "duration" and asked.so_far
    return fits


def _stands_for_someone(candidate: Candidate) -> bool:
    """A bare number that is the subject of its verb: "one was confirmed dead", "two
    remain missing" count people or things named before, never an amount of copper."""
    words = [token for token in candidate.tokens if token.is_word]
    bare = bool(words) and all(token.is_number or token.lower in NUMBER_WORDS for token in words)
    return bare and _word_after(candidate) in _SUBJECT_VERBS


# Verbs a bare number is the subject of when it counts people: "two remain missing".
_SUBJECT_VERBS = AUXILIARIES | {"remain", "remained", "remains", "died", "survived"}


def is_share(text: str) -> bool:
    """ "11.4%", "80 percent", "half a per cent", "two-thirds": a share, whatever its
    spelling."""
    return "%" in text or "percent" in text or "per cent" in text or is_fraction(text)


# Words after a bare number that make it a share ("80" of "80 percent").
_SHARE_WORDS = frozenset({"percent", "per", "%", "percentage"})


def says_money(candidate: Candidate) -> bool:
    """Whether the span is an amount of money ("180 million rand", "$5"): a number with
    a currency (the "Yuan" of "Yehe Yuan Ulus" is a name's word)."""
    tokens = candidate.tokens
    return any(_is_number(token) for token in tokens) and _is_money(
        " ".join(token.lower for token in tokens), tokens
    )


def in_another_currency(candidate: Candidate, question_text: str) -> bool:
    """Whether "how much is it in dollars?" is answered in another currency ("190 billion
    pesos"): the currency asked for must be the span's, by word or sign."""
    match = _CURRENCY_ASKED.search(question_text.lower())
    if match is None or not says_money(candidate):
        return False
    qualifier, asked = match.group(1), match.group(2)
    words = {part for token in candidate.tokens for part in token.lower.split("-")}
    sign = _CURRENCY_SIGNS.get(asked.rstrip("s"))
    text = candidate.sentence.span_text(candidate.first, candidate.last)
    qualifier = None if qualifier is None else qualifier.replace(".", "")
    if (
        qualifier
        and qualifier not in DETERMINERS
        and _qualified_otherwise(candidate, asked, qualifier)
    ):
        return True  # "in US dollars" is not "62,000 Australian dollars"
    return not (asked in words or asked.rstrip("s") in words or (sign and sign in text))


def _qualified_otherwise(candidate: Candidate, asked: str, qualifier: str) -> bool:
    """Whether the span's currency word follows a capitalized word other than the one the
    question puts before it ("Australian dollars" for "in US dollars")."""
    tokens = candidate.sentence.tokens
    for index in range(max(candidate.first, 1), candidate.last + 1):
        if tokens[index].lower.rstrip("s") == asked.rstrip("s"):
            before = tokens[index - 1]
            return before.is_capitalized and before.lower.replace(".", "") != qualifier
    return False


_CURRENCY_ASKED = re.compile(
    r"\bin (?:([a-z.]{2,12}) )?(" + "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True)) + r")\b"
)
_CURRENCY_SIGNS = {"dollar": "$", "euro": "€", "pound": "£", "yen": "¥"}


def _is_money(text: str, tokens: Sequence[Token]) -> bool:
    """ "$500 million", "4 million zlotys", "a 25,000-euro bonus": an amount of money, by
    sign or currency word, or a currency a number is joined to."""
    return bool(_CURRENCY.search(text)) or any(
        token.lower in CURRENCY_WORDS or measure_unit(token.lower) in CURRENCY_WORDS
        for token in tokens
    )


def _sizes_a_group(question: QuestionAnalysis) -> bool:
    """ "how big was the crowd?", "how large is the fleet?": the size of a group is a count
    ("12,500 fans", "40 ships"); the size of a fire is no count of homes."""
    return bool(_SIZE_COUNTED.search(question.text.lower())) and any(
        is_a_kind_of(token.lower, "group") for token in question.content
    )


def counts_time(candidate: Candidate) -> bool:
    """ "four days", "two-week": a number of time units, not a part of a calendar date,
    nor a point in a match or a race ("the 55th minute")."""
    tokens = candidate.tokens
    if any(_ORDINAL_FORM.fullmatch(token.lower) for token in tokens):
        return False
    return any(part in TIME_UNITS for token in tokens for part in token.lower.split("-"))


_ORDINAL_FORM = re.compile(r"\d{1,4}(?:st|nd|rd|th)")


def _counts_periods(candidate: Candidate) -> bool:
    """ "four generations", "29 seasons", "six field seasons": a number of periods of
    time that are no calendar unit, still a length of time (but "the third season" is a
    point in one). Its own last word: a bare "four" of "four days after" is no length."""
    if any(_ORDINAL_FORM.fullmatch(token.lower) for token in candidate.tokens):
        return False
    return is_a_kind_of(candidate.tokens[-1].lower.rsplit("-", 1)[-1], "period")


def apposition_age(candidate: Candidate) -> bool:
    """ "Ana Ruiz, 52, the harbour director", "... and Andrés Muñoz, 35.": a bare number
    set off after a name."""
    tokens = candidate.sentence.tokens
    first, last = candidate.first, candidate.last
    if first != last or not tokens[first].text.isdigit() or len(tokens[first].text) > 3:
        return False
    before = tokens[first - 2 : first]
    after = tokens[last + 1 : last + 2]
    return (
        len(before) == 2
        and before[1].text == ","
        and before[0].is_capitalized
        and [token.text for token in after] in ([","], [")"], ["."], [";"], [])
    )


def _introduced_as_age(candidate: Candidate) -> bool:
    """ "dies at 84", "aged 63", "at the age of 40", "aged between 65 and 80", "turned 90",
    "She was 84.": a bare number said as an age. Any other bare number ("down from 64 in
    2021") is not one."""
    tokens = candidate.sentence.tokens
    before = [token.lower for token in tokens[max(0, candidate.first - 2) : candidate.first]]
    if not before:
        return False
    if before[-1] in _COPULAS_OF_AGE:  # "She was 84.", but not "was 64 in 2021"
        after = tokens[candidate.last + 1 : candidate.last + 2]
        return not after or after[0].text in {".", ",", ";"}
    return before[-1] in _AGE_WORDS_BEFORE or any(word in _AGE_NOUNS for word in before)


# Words right before a bare number that make it an age, and the nouns of age within two
# words before it ("at the age of 58", "aged between 65 and 80").
_AGE_WORDS_BEFORE = frozenset({"at", "turned", "turns", "turning", "turn"})
_AGE_NOUNS = frozenset({"age", "aged", "ages"})
_COPULAS_OF_AGE = frozenset({"is", "was", "are", "were"})


def _measures_other(candidate: Candidate, asked: QuantityAsked) -> bool:
    """ "14-story" for "how many apartments?": a size in a unit other than the thing counted.

    So is a number of time units, "30" of "30 years of experience" for "how many
    miners died?".
    """
    units = [measure_unit(token.lower) for token in candidate.tokens]
    focus = asked.focus or ""
    if any(unit is not None and not _same_unit(unit, focus) for unit in units):
        return True
    counted = [token.lower for token in candidate.tokens[1:]] + [_word_after(candidate)]
    # "11 degrees", "62 km/h" for "how many people?": a measure, unless of the unit asked
    # ("how many square kilometres?")
    measures = {stem(word) for word in counted if word in _MEASURE_UNITS}
    if measures and not any(same_stem(measure, focus) for measure in measures):
        return True
    # "30 years of experience", "seven months": time, not the thing counted (unless
    # time is counted: "4 weeks" answers "how many days")
    if asked.time_counted:
        return False
    return any(word in TIME_UNITS for word in counted)


def _same_unit(unit: str, focus: str) -> bool:
    """Whether ``unit`` is the unit the question counts (``focus``, a stem), however
    either is spelled: "17.4-kilogram" for "how many kilos?", "8-km" for "kilometres"."""
    if same_stem(stem(unit), focus):
        return True
    spellings = _UNIT_SPELLINGS.get(_UNIT_NAMES.get(unit, unit), ())
    return any(same_stem(stem(spelling), focus) for spelling in spellings)


# Each unit by its full name, and the spellings news and questions give it.
_UNIT_SPELLINGS = {
    "kilogram": ("kilogram", "kilograms", "kilo", "kilos", "kg"),
    "kilometre": ("kilometre", "kilometres", "kilometer", "kilometers", "km"),
    "metre": ("metre", "metres", "meter", "meters", "m"),
    "centimetre": ("centimetre", "centimetres", "centimeter", "centimeters", "cm"),
    "pound": ("pound", "pounds", "lb", "lbs"),
    "tonne": ("tonne", "tonnes", "ton", "tons"),
}
_UNIT_NAMES = {
    spelling: name for name, spellings in _UNIT_SPELLINGS.items() for spelling in spellings
}


def _a_time_each(candidate: Candidate) -> bool:
    """Whether the span ends in a rate over time: "1.9 metres a year", "two metres each
    day" (inside the span or right after it)."""
    tokens = candidate.sentence.tokens
    for at in range(max(candidate.first, candidate.last - 1), candidate.last + 2):
        if (
            at + 1 < len(tokens)
            and tokens[at].lower in _EACH
            and tokens[at + 1].lower in TIME_UNITS
        ):
            return True
    return False


_EACH = frozenset({"a", "an", "each", "every", "per"})


def _word_after(candidate: Candidate) -> str:
    """The lower-case word right after the span ("" at a punctuation mark or the end)."""
    tokens = candidate.sentence.tokens
    following = tokens[candidate.last + 1] if candidate.last + 1 < len(tokens) else None
    return following.lower if following is not None and following.is_word else ""


def _currency_after(candidate: Candidate) -> bool:
    """Whether a currency follows the span, past the capitalized words naming whose it is:
    "85 million" of "85 million Australian dollars", "2 million" of "2 million euros"."""
    tokens = candidate.sentence.tokens
    for token in tokens[candidate.last + 1 : candidate.last + 1 + _CURRENCY_REACH]:
        if token.lower in CURRENCY_WORDS:
            return True
        if not (token.is_word and token.is_capitalized):
            return False
    return False


# Words looked at after a number for its currency: "Hong Kong dollars".
_CURRENCY_REACH = 3


def _noun_after(candidate: Candidate) -> bool:
    """ "80" of "about 80 people", "74" of "in 74 minutes", "40" of "40 sealed wine
    casks": a number counting a noun (but "52 years old" is an age)."""
    following = _word_after(candidate)
    if not following or _counted_head(candidate) is None:
        return False
    tokens = candidate.sentence.tokens
    after = candidate.last + 2
    return not (
        following in {"year", "years"} and after < len(tokens) and tokens[after].lower == "old"
    )


def _counts_other(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """ "150 seats" for "how many votes?": a number counting another thing than asked;
    bare too ("11" of "19 fires and 11 reports" for "how many fires?")."""
    if not question.focus:
        return False
    if candidate.rule == "number" and not _own_unit(candidate):
        if not _noun_after(candidate) or _focus_within(candidate, question.focus):
            return False  # "118" of "118 silver coins" for "how many coins?"
    elif candidate.rule != "number+noun":
        return False
    counted = _counted(candidate)
    return not (
        same_stem(counted, question.focus)
        or _people_counted(question, counted)
        or _focus_within(candidate, question.focus)
    )


def counts_asked(candidate: Candidate, asked: QuantityAsked) -> bool:
    """ "31,500 runners" for "how many people ...?", "76 seats" for "how many seats?":
    the number counts the thing asked about, or people when people are asked about."""
    if asked.focus is None:
        return False
    return _focus_within(candidate, asked.focus) or _people_for_people(
        asked.focus, _counted(candidate)
    )


def _counted(candidate: Candidate) -> str:
    """The stem of what a number counts: its own last word ("3,200 residents"), else the
    word right after it ("" at a mark)."""
    if candidate.rule == "number+noun":
        return candidate.sentence.tokens[candidate.last].stem
    head = _counted_head(candidate)
    return _own_unit(candidate) or (head.stem if head is not None else stem(_word_after(candidate)))


def _counted_head(candidate: Candidate) -> Token | None:
    """The noun a bare number counts: the last noun of the words right after it, past the
    words that qualify it ("casks" of "40 sealed wine casks"), or None when the word after
    it is no noun nor a modifier of one."""
    tokens = candidate.sentence.tokens
    head = None
    for token in tokens[candidate.last + 1 : candidate.last + 1 + _COUNTED_WORDS]:
        if not token.is_word or token.lower in FUNCTION_WORDS:
            break
        kind = word_class(token.lower)
        if kind is WordClass.NOUN:
            head = token
        elif head is not None or kind not in _QUALIFYING:
            break
    return head


# Words read after a number for the noun it counts ("sealed wine casks").
_COUNTED_WORDS = 3
# Words that may qualify a counted noun before it: "sealed", "silver", "new".
_QUALIFYING = frozenset({WordClass.ADJECTIVE, WordClass.VERB})


def _own_unit(candidate: Candidate) -> str:
    """The stem of what a hyphenated number counts in its own word: "space" of "a
    90-space parking lot" ("" for a bare number or a score such as "5-2")."""
    number, _, unit = candidate.sentence.tokens[candidate.last].lower.rpartition("-")
    return stem(unit) if number[:1].isdigit() and unit.isalpha() else ""


def _people_for_people(focus: str, counted: str) -> bool:
    """ "3,200 residents" for "how many people?": any noun naming people counts people."""
    return focus in _PEOPLE and counted in PERSON_STEMS


# "How many people ...?" counts residents, workers or passengers as well.
_PEOPLE = frozenset({stem("people"), stem("person")})


def _people_counted(question: QuestionAnalysis, counted: str) -> bool:
    """For "how many people ...?": a noun naming people, or the doers of the question's
    own verb ("31,500 starters" for "how many people started the race?")."""
    if question.focus not in _PEOPLE or not counted:
        return False
    return counted in PERSON_STEMS or any(
        same_stem(counted, word) for word in question.content_stems if word not in _PEOPLE
    )


def _counts_focus(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """ "Nine [miners] rescued" for "how many miners were rescued?": the number counts
    what is asked about, itself or in the next few words ("71 of the 150 seats")
    before any punctuation."""
    if not question.focus or asked_quantity(question) not in {"count", "money", "amount"}:
        return False
    return _focus_within(candidate, question.focus) or _people_counted(
        question, _counted(candidate)
    )


def _focus_within(candidate: Candidate, focus: str) -> bool:
    """Whether ``focus`` is the span's last word or one of the few after it, before any
    punctuation."""
    if _own_unit(candidate) == focus or _children_of_a_parent(candidate, focus):
        return True
    tokens = candidate.sentence.tokens
    reach = _PART_WITHIN if _word_after(candidate) == "of" else _COUNTED_WITHIN
    for at, token in enumerate(tokens[candidate.last : candidate.last + reach + 1]):
        if same_stem(token.stem, focus) or compound_of(token.lower, focus):
            return True  # "1,800 dockworkers" for "how many workers?"
        if not token.is_word or (at and reach == _COUNTED_WITHIN and _is_number(token)):
            return False  # "10,000 participants in six countries": "six" counts those
        if at and word_class(token.lower) is WordClass.VERB:
            return False  # "1,800 dockworkers walked off the job" counts no jobs
    return False


def _children_of_a_parent(candidate: Candidate, focus: str) -> bool:
    """ "a father of three" counts his children: "how many kids does he have?"."""
    return focus in _CHILD_STEMS and _after_a_parent(candidate.sentence.tokens, candidate.first)


def counts_children(text: str, focus: str) -> bool:
    """Whether ``text`` counts someone's children as "a father of three" does, when the
    question counts children (``focus``): then it says what is counted."""
    if focus not in _CHILD_STEMS:
        return False
    tokens = tokenize(text)
    return any(
        _after_a_parent(tokens, index) for index, token in enumerate(tokens) if _is_number(token)
    )


def _after_a_parent(tokens: Sequence[Token], index: int) -> bool:
    """Whether the number at ``index`` follows "father of", "mother of" and the like."""
    return (
        index >= 2 and tokens[index - 1].lower == "of" and tokens[index - 2].lower in _PARENT_WORDS
    )


_CHILD_STEMS = frozenset(stem(word) for word in ("child", "children", "kid", "kids"))
_PARENT_WORDS = frozenset(
    {"father", "mother", "parent", "grandfather", "grandmother", "grandparent"}
)


def _part_or_whole(candidate: Candidate) -> tuple[float, float]:
    """Whether a number is the part or the whole of "N of the M things": "71 of the 150
    seats", "Four of the museum's 22 cameras". Both count the same things, but a
    question with a verb ("how many seats did Unity win?") mostly asks for the part,
    one about the whole ("how many seats are there?") for the whole; the weights learn
    how much each says."""
    if not candidate.rule.startswith("number"):
        return 0.0, 0.0
    tokens = candidate.sentence.tokens
    part = False
    if _word_after(candidate) == "of":
        for token in tokens[candidate.last + 2 : candidate.last + _PART_WITHIN]:
            if not token.is_word:
                break
            if _is_number(token):
                part = True
                break
    before = tokens[max(0, candidate.first - _WHOLE_REACH) : candidate.first]
    words = [token.lower for token in before]
    whole = False
    if "of" in words:
        split = len(words) - 1 - words[::-1].index("of")
        whole = any(_is_number(token) for token in before[:split]) and all(
            token.is_word for token in before[split:]
        )
    return float(part), float(whole)


def _is_number(token: Token) -> bool:
    """A number in digits or in words ("Four of the 22"): parts are often spelled out."""
    return token.is_number or token.lower in NUMBER_WORDS


def _unit_fit(question_text: str, candidate: Candidate) -> float:
    """1 when the span is in the unit the question asks for, -1 when not, 0 when none is
    asked: a year for "what year?" ("1191", not "April 1191" alone or "the first
    century"), a month, a day, a time of day, a century, a decade; a size for "how
    tall/deep/far/wide/big?" ("38 metres", "2.6-acre", not "11" or "312 apartments")."""
    unit = asked_unit(question_text)
    if unit is None:
        return 0.0
    return 1.0 if unit_fits(unit, candidate) else -1.0


def unit_fits(unit: str, candidate: Candidate) -> bool:
    """Whether the span is in ``unit``, one :func:`asked_unit` names."""
    words = [token.lower for token in candidate.tokens]
    if unit == "year":
        fits = any(_YEAR_FORM.fullmatch(word) for word in words)
    elif unit == "month":
        fits = any(word in MONTHS for word in words)
    elif unit == "day":
        fits = any(word in WEEKDAYS or (word.isdigit() and len(word) <= 2) for word in words)
    elif unit == "time":
        fits = any(":" in word or word in _TIMES_OF_DAY for word in words)
    elif unit in {"century", "decade"}:
        fits = any(word.startswith(unit[:5]) or _DECADE_FORM.fullmatch(word) for word in words)
    else:  # a size, a speed or a heat, or any of them
        units = _UNITS_OF.get(unit, _MEASURE_UNITS)
        parts = {part for word in words for part in word.split("-")}
        fits = not parts.isdisjoint(units) or (
            # "80 kilometres per hour", "1.9 metres a year": a length over time is a speed
            unit == "speed" and not parts.isdisjoint(_LENGTH_UNITS) and _a_time_each(candidate)
        )
    return fits


def in_another_dimension(unit: str, candidate: Candidate) -> bool:
    """Whether the span measures in a unit of another dimension than the one asked:
    "68-metre" for "how fast was the ferry going?", "40 degrees" for "how tall?". A rate
    ("60 miles per hour", "km/h") measures speed whatever its units."""
    if unit not in _DIMENSIONS.values():
        return False
    words = [token.lower for token in candidate.tokens]
    parts = {part for word in words for part in word.split("-")}
    if unit == "speed" and (
        "per" in parts
        or any("/" in word for word in words)
        or _word_after(candidate) == "per"
        or _a_time_each(candidate)
    ):
        return False  # "60 miles [per hour]", "1.9 metres a year"
    return not parts.isdisjoint(_MEASURE_UNITS | _MASS_UNITS) and parts.isdisjoint(_UNITS_OF[unit])


def _asks_a_dimension(question_text: str) -> bool:
    """ "how tall/far/heavy/fast/hot ...?", "how much does it weigh?": a size no sum of
    money or share gives ("how high?" may ask a rate or a price: "how high did inflation
    get?")."""
    match = _SIZE_ASKED.search(question_text.lower())
    if match is not None and match.group(1) == "high":
        return False
    return _size_asked(question_text) in _DIMENSIONS.values()


@lru_cache(maxsize=4096)
def asked_unit(question_text: str) -> str | None:
    """ "year" of "in what year ...?", "size" of "how tall ...?", or None."""
    match = _UNIT_ASKED.search(question_text.lower())
    if match is not None:
        return match.group(1)
    return _size_asked(question_text)


@lru_cache(maxsize=4096)
def _size_asked(question_text: str) -> str | None:
    """The dimension a question asks a size in ("length" of "how tall?", "how long is the
    bridge?", "mass" of "how much does it weigh?", "heat" of "what was the temperature?"),
    "size" for any ("how big?"), or None."""
    text = question_text.lower()
    match = _SIZE_ASKED.search(text)
    if match is not None:
        if _A_LEAD_ASKED.search(text):
            return "size"  # "how far behind the winner?": a lead in time, points or metres
        return _DIMENSIONS.get(match.group(1), "size")
    if _asks_a_weight(question_text):
        return "mass"
    head = _DIMENSION_HEAD.match(text)
    if head is not None:
        return _DIMENSION_OF_HEAD[head.group(1)]
    return "length" if asks_a_length(question_text) else None


# "what was the temperature?", "what is the height of the tower?": a size named by its
# dimension, said in that dimension's units ("43 degrees", not "45 minutes"). Not
# "length", as often a length of time ("the length of the strike").
_DIMENSION_HEAD = re.compile(
    r"(?:what|which)\b.{0,40}?\b(temperature|height|depth|width|distance|weight|speed)s?\b"
)
_DIMENSION_OF_HEAD = {
    "temperature": "heat",
    "height": "length",
    "depth": "length",
    "width": "length",
    "distance": "length",
    "weight": "mass",
    "speed": "speed",
}


@lru_cache(maxsize=4096)
def asks_a_length(question_text: str) -> bool:
    """ "how long is the ship?": the length of a thing (an object in WordNet, and no event),
    not the time something lasts ("how long was the strike?", "how long did it take?")."""
    match = _LENGTH_OF_A_THING.match(question_text.lower())
    if match is None:
        return False
    noun = match.group("noun")
    if any(word in PREPOSITIONS for word in match.group(0).split()[3:]):
        return False  # "how long were the divers on site?": "site" is where, not what
    return (
        word_class(noun) is WordClass.NOUN  # not "how long were the thieves inside?"
        and is_a_kind_of(noun, "object")
        and not is_a_kind_of(noun, "event")
        and not is_a_kind_of(noun, "person")  # "how long was the keeper ...": a person
    )


# "how long is/was ...?" or "how long will ... be?": the length of a thing, maybe, where
# "how long has/did ...?" and "how long will the strike last?" ask a time.
_HOW_LONG_IS = re.compile(
    r"how long (?:is|was|are|were) |how long (?:will|would) [^?]{1,80}? be\W*$"
)
# The thing's noun is the last word of its phrase: "how long is the Jasna bridge?".
_LENGTH_OF_A_THING = re.compile(
    r"how long (?:is|was|are|were|(?P<will>will|would)) "
    r"(?:(?:the|a|an|its|his|her|their|this|that) (?:[a-z0-9'-]{1,30} ){0,2})?(?P<noun>[a-z]{2,30})"
    # "how long will the new runway be?"
    r"(?(will) be)\W*$"
)


def _asks_a_weight(question_text: str) -> bool:
    """ "how much does the frog weigh?": a mass, as "how heavy?" asks, which no count
    ("two more") gives."""
    return _WEIGHT_ASKED.search(question_text.lower()) is not None


_WEIGHT_ASKED = re.compile(
    r"\bhow much (?:does|did|do|will|would|can|could|might|should) [^?]{1,80}? weighs?\b"
)


_UNIT_ASKED = re.compile(r"\b(?:what|which) (year|month|day|time|century|decade)s?\b")
_SIZE_ASKED = re.compile(r"\bhow (tall|deep|far|wide|high|big|large|heavy|fast|hot|cold)\b")
_A_LEAD_ASKED = re.compile(r"\bhow far (?:behind|ahead|back)\b")
# What "how tall/heavy/fast/hot?" measures: "how high does it orbit?" is no "1,180-kilogram",
# "how fast?" no "40 metres". "how big/large?" may be any size ("2.6-acre", "38 metres").
_DIMENSIONS = {
    "tall": "length",
    "deep": "length",
    "far": "length",
    "wide": "length",
    "high": "length",
    "heavy": "mass",
    "fast": "speed",
    "hot": "heat",
    "cold": "heat",
}
# The words of "how hot/cold ...?": the heat asked, which a sentence gives as a unit.
HEAT_WORDS = frozenset(word for word, dimension in _DIMENSIONS.items() if dimension == "heat")
# Sizes that a count gives as well: "how big was the crowd?" "12,500".
_SIZE_COUNTED = re.compile(r"\bhow (?:big|large|small)\b")
_YEAR_FORM = re.compile(r"\d{3,4}(?:s|-\d{2,4})?")
_DECADE_FORM = re.compile(r"\d{2,4}0s")
_TIMES_OF_DAY = frozenset(
    # "p.m" as well: a token ends before the period that closes a sentence ("until 8 p.m.")
    "a.m. p.m. a.m p.m am pm noon midnight morning afternoon evening night dawn dusk".split()
)
_LENGTH_UNITS = frozenset(
    "metre metres meter meters m km kilometre kilometres kilometer kilometers mile miles "
    "millimetre millimetres millimeter millimeters mm centimetre centimetres centimeter "
    "centimeters cm foot feet ft inch inches yard yards story stories storey storeys floor "
    "floors".split()
)
# Weights that size a thing; "how heavy?" also takes the small ones (grams, ounces).
_WEIGHT_UNITS = frozenset("tonne tonnes ton tons kg kilogram kilograms pound pounds lb lbs".split())
_MASS_UNITS = _WEIGHT_UNITS | frozenset("gram grams ounce ounces".split())
_SIZE_UNITS = (
    _LENGTH_UNITS
    | _WEIGHT_UNITS
    | frozenset(
        "acre acres hectare hectares square sq litre litres liter liters gallon gallons "
        "cubic".split()
    )
)
_SPEED_UNITS = frozenset("mph kph km/h knot knots".split())
_HEAT_UNITS = frozenset("degree degrees celsius fahrenheit ° º".split())  # "30 °C"
# A measure's units: sizes and small weights, and speed and heat ("60 mph", "40 degrees").
_MEASURE_UNITS = _SIZE_UNITS | _MASS_UNITS | _SPEED_UNITS | _HEAT_UNITS
# The units of each dimension a question asks about (see _DIMENSIONS); "size" is of a
# thing, not its heat or speed ("how big is the fire?" is no "41 degrees"); "measure": any.
_UNITS_OF = {
    "length": _LENGTH_UNITS,
    "mass": _MASS_UNITS,
    "speed": _SPEED_UNITS,
    "heat": _HEAT_UNITS,
    "size": _SIZE_UNITS,
    "measure": _MEASURE_UNITS,
}


def _tense_clash(rule: str, tense: str) -> float:
    if rule == "date:past" and tense in {"present", "future"}:
        return 1.0
    if rule == "date:future" and tense == "past":
        return 0.5
    return 0.0
