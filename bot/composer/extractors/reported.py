"""Reported speech: what someone said, in the article's words rather than in quotes.

"What did Moscow announce?" is answered by "Moscow announced it would be recalling
thousands of troops", which holds no quotation mark. A candidate is the clause a
speech verb of the question's kind reports: after the verb, a "that" if there is
one, or the listener and then "that" ("told reporters that ..."), up to the end of
the sentence or the first comma, semicolon, colon, dash or parenthesis: a report
that runs on past a comma mostly runs into another clause ('would take place
"dependent on many factors", senior Russian officials said'). Clauses longer than
:data:`MAX_REPORTED_WORDS` words are no short answer; the reply quotes the sentence.
"""

from __future__ import annotations

from collections.abc import Iterator

from bot.composer.candidates import Candidate, Sentence
from bot.composer.lexicon import FUNCTION_WORDS, PREPOSITIONS, SPEECH_VERBS
from bot.composer.tokens import Token, groups_digits
from retrieval.analysis import stem

__all__ = ["MAX_REPORTED_WORDS", "extract_reported"]

MAX_REPORTED_WORDS = 30
# Tokens between the speech verb and the "that" that opens the clause: a listener
# ("told reporters that"), a manner ("said on Sunday that").
_THAT_REACH = 6
_STOPS = frozenset({",", ";", "—", "–", ":", "("})
# Verb forms of a speech stem: "announced", "says", not "announcement".
_NOUN_ENDINGS = ("ment", "ments", "tion", "tions", "er", "ers")
_FIT = 0.8


def extract_reported(sentence: Sentence, verb_group: str | None) -> Iterator[Candidate]:
    """Yield the clauses that the question's kind of speech verb reports in ``sentence``."""
    wanted = SPEECH_VERBS.get(verb_group or "", frozenset())
    if not wanted:
        return
    tokens = sentence.tokens
    for index, token in enumerate(tokens):
        if token.stem not in wanted or not _is_verb_form(token):
            continue
        first = _clause_start(tokens, index + 1)
        if first is None:
            continue
        last = _clause_end(tokens, first)
        if (
            last is not None
            and first <= last
            and sum(word.is_word for word in tokens[first : last + 1]) <= MAX_REPORTED_WORDS
        ):
            yield Candidate(sentence, first, last, "quote:reported", _FIT, 0.0)


def _is_verb_form(token: Token) -> bool:
    return token.is_word and not token.is_capitalized and not token.lower.endswith(_NOUN_ENDINGS)


def _clause_start(tokens: tuple[Token, ...], after: int) -> int | None:
    """Where the reported clause begins after a speech verb, or None if none follows.

    "announced it would", "said that", "told reporters that", "said on Sunday that";
    not a quotation ('said: "..."'), not an object alone ("announced the deal").
    """
    if after >= len(tokens) or not tokens[after].is_word:
        return None
    # Words between the verb and "that" are a listener ("told reporters that") or a
    # phrase of time or manner ("said on Sunday that"); after an object, "that" opens a
    # relative clause ("announced the deal that ended the strike"), no report.
    reach = (
        _THAT_REACH if _takes_listener(tokens[after - 1]) or _is_preposition(tokens[after]) else 0
    )
    for index in range(after, min(len(tokens), after + reach + 1)):
        token = tokens[index]
        if token.lower == "that":
            return index + 1 if index + 1 < len(tokens) else None
        if not token.is_word:
            break
    # Without "that", a clause opens with its subject and its verb soon follows:
    # "announced it would", "said Biden's proposal has been"; an object does not
    # ("announced the deal on Friday").
    if tokens[after].lower in _SUBJECT_STARTS or tokens[after].is_capitalized:
        return after if _finite_within(tokens, after + 1) else None
    return None


def _takes_listener(verb: Token) -> bool:
    return verb.stem in _LISTENER_VERBS


def _is_preposition(token: Token) -> bool:
    return token.lower in PREPOSITIONS


# Speech verbs whose listener may stand before "that": "told reporters", "warned Moscow".
_LISTENER_VERBS = frozenset(
    stem(word) for word in "tell told warn assure remind inform notify promise ask urge".split()
)
_SUBJECT_STARTS = frozenset("i he she it we they the a an its his her their this these".split())
_FINITE = frozenset(
    "would will could can may might must should had has have was were is are".split()
)
_RELATIVES = frozenset({"that", "which", "who", "whom", "whose"})
# Words between a clause's first word and its verb ("Biden's proposal has").
_VERB_REACH = 4


def _finite_within(tokens: tuple[Token, ...], start: int) -> bool:
    """Whether an auxiliary or a past-tense verb follows within a few words, unbroken."""
    for token in tokens[start : start + _VERB_REACH]:
        if not token.is_word or token.lower in _RELATIVES:
            return False  # "announced the deal that ended ...": an object and its clause
        if token.lower in _FINITE or (token.lower.endswith("ed") and not token.is_capitalized):
            return True
    return False


def _clause_end(tokens: tuple[Token, ...], first: int) -> int | None:
    """The last token of the clause starting at ``first`` (trailing punctuation dropped),
    or None if it runs on for more than :data:`_MAX_TOKENS` tokens."""
    end = min(len(tokens), first + _MAX_TOKENS + 1)
    last = next(
        (
            index
            for index in range(first, end)
            if tokens[index].text in _STOPS and not groups_digits(tokens, index)
        ),
        None,
    )
    if last is None:
        if end < len(tokens):
            return None
        last = len(tokens)
    last -= 1
    while last >= first and (not tokens[last].is_word or _dangles(tokens[last])):
        if tokens[last].text in _QUOTE_MARKS and _quote_marks(tokens, first, last) % 2 == 0:
            break  # the closing mark of a quotation inside the report stays
        last -= 1
    return last


# Tokens read for a clause's end: its words and their punctuation.
_MAX_TOKENS = 2 * MAX_REPORTED_WORDS


def _dangles(token: Token) -> bool:
    """A word that cannot end a clause ("to", "the"); "May" the month can."""
    return token.lower in FUNCTION_WORDS and not token.is_capitalized


_QUOTE_MARKS = frozenset({'"', "“", "”"})


def _quote_marks(tokens: tuple[Token, ...], first: int, last: int) -> int:
    return sum(token.text in _QUOTE_MARKS for token in tokens[first : last + 1])
