"""Who did it: the noun phrase before the question's own verb.

"Who reported the offer?" is answered by whoever stands before "reported" in
"..., Russia's Kommersant newspaper reported, ...", and "who called the strike?"
by "Two unions called the strike", and "what caused the fire?" by "Faulty wiring
probably caused the fire": a doer that is neither a person's name nor introduced
by "by" (those have their own extractors). Only questions whose wh-word is the
subject of their verb ask for it.
"""

from __future__ import annotations

from collections.abc import Iterator

from bot.composer.candidates import Candidate, Sentence
from bot.composer.extractors.phrases import content_end, phrase_end
from bot.composer.extractors.verb_uses import question_verbs, verb_uses
from bot.composer.lexicon import (
    AUXILIARIES,
    DETERMINERS,
    FUNCTION_WORDS,
    NEGATIONS,
    POSSESSIVE_PRONOUNS,
    PREPOSITIONS,
)
from bot.composer.questions import QuestionAnalysis
from bot.composer.tokens import Token
from bot.composer.word_classes import WordClass, word_class

__all__ = ["agent_of_a_participle", "extract_subjects"]

# The most words a subject may have ("Russia's Kommersant newspaper", "the two unions").
_SUBJECT_WORDS = 4
# Words that may stand between a subject and its verb ("has not called", "also said").
_BETWEEN = AUXILIARIES | NEGATIONS | frozenset({"also", "later", "then", "first"})
# How the doer fits a "who" question: as a bare "by X" agent does.
_SUBJECT_FIT = 0.6
# ... and as a name does when it names someone ("Russia's Kommersant newspaper reported"; a
# capital that only opens the sentence names no one).
_NAMED_SUBJECT_FIT = 0.9
# "by X" right after the question's own verb names its doer: as a name fits "who".
_PASSIVE_FIT = 1.0


def extract_subjects(sentence: Sentence, question: QuestionAnalysis) -> Iterator[Candidate]:
    """Yield the doer of each use of the question's verb in ``sentence``: the phrase
    before it, or after "by" when the sentence turns it passive ("it was called by two
    unions", "led by Małgorzata Krawczyk" for "who led the archaeologists?")."""
    if question.wh_role != "subject":
        return
    verbs = question_verbs(question)
    if not verbs:
        return
    tokens = sentence.tokens
    for index in verb_uses(sentence, verbs):
        by = _by_after(tokens, index)
        if by is not None:
            end = _doer_end(tokens, by + 1)
            if end >= by + 1:
                first, end = _its_name(tokens, by + 1, end)
                yield Candidate(sentence, first, end, "agent:passive", _PASSIVE_FIT)
            continue
        end = index - 1
        while end >= 0 and index - end <= 3 and _between(tokens[end]):
            end -= 1
        set_off = end >= 1 and tokens[end].text == ","
        if set_off:
            end -= 1  # "Portugal's health minister, Teresa Albuquerque, resigned"
        first = _phrase_start(tokens, end)
        if set_off and first > 0 and tokens[first - 1].text not in _OPENING_MARKS:
            # "Inés Calderón, a painter whose canvases made her one of the artists of
            # the American Southwest, died": the phrase before the comma ends a longer
            # one set off after the subject; the subject stands before its first comma
            opening = _opening_comma(tokens, first)
            if opening is None:
                continue
            end = opening - 1
            first = _phrase_start(tokens, end)
        first, end = _past_a_participle(tokens, first, end)
        opening = first
        while first <= end and tokens[first].lower in DETERMINERS:
            first += 1  # "the newspaper" answers as "newspaper", as other spans do
        if (
            first <= end
            # "a village flooded to build a dam won": the dam is built, not winning
            and not _inside_a_clause(tokens, opening)
            and tokens[end].is_word
            and tokens[end].lower not in FUNCTION_WORDS
            and not _an_apposition(tokens, first)  # "Homevane, a company founded in 1998"
        ):
            named = any(token.is_capitalized for token in tokens[max(first, 1) : end + 1])
            if set_off and not named:
                continue  # "Albuquerque, 58, resigned": an age or an aside, not the doer
            fit = _NAMED_SUBJECT_FIT if named else _SUBJECT_FIT
            yield Candidate(sentence, first, end, "agent:subject", fit)


def _past_a_participle(tokens: tuple[Token, ...], first: int, end: int) -> tuple[int, int]:
    """The phrase ``first``..``end`` before a verb, or the phrase before the participle it
    is the "by" phrase of: "A landslide caused by the quake blocked the road" says the
    quake caused the landslide, and the landslide blocked the road."""
    participle = agent_of_a_participle(tokens, first)
    if participle is None:
        return first, end
    return _phrase_start(tokens, participle - 1), participle - 1


def agent_of_a_participle(tokens: tuple[Token, ...], first: int) -> int | None:
    """Where the participle stands whose "by" phrase the phrase at ``first`` is ("caused
    by [the quake]", "published by [the ministry]"), when a noun ends a phrase before it;
    None otherwise."""
    participle = first - 2
    if participle < 1 or tokens[first - 1].lower != "by":
        return None
    verb, before = tokens[participle], tokens[participle - 1]
    if not (verb.lower.endswith(("ed", "en")) and word_class(verb.lower) is WordClass.VERB):
        return None
    if not before.is_word or word_class(before.lower) is not WordClass.NOUN:
        return None
    return participle


def _inside_a_clause(tokens: tuple[Token, ...], first: int) -> bool:
    """Whether the phrase at ``first`` is the object of a verb before it ("to build [a
    dam]"): a clause inside the subject's phrase, whose object does not do what the
    verb after it says."""
    before = first - 1
    return (
        before >= 1
        and tokens[before].is_word
        and tokens[before - 1].lower == "to"
        and word_class(tokens[before].lower) is WordClass.VERB
    )


def _an_apposition(tokens: tuple[Token, ...], first: int) -> bool:
    """Whether the phrase at ``first`` describes the name before it ("Homevane, a company
    founded in 1998"): the verb after it then says what was done to it, not what it did."""
    for at in range(first, max(0, first - _SUBJECT_WORDS), -1):
        if tokens[at].lower in {"a", "an"}:
            return at > 0 and tokens[at - 1].text == ","
        if not tokens[at].is_word:
            return False
    return False


def _phrase_start(tokens: tuple[Token, ...], end: int) -> int:
    """The first token of the noun phrase of at most :data:`_SUBJECT_WORDS` words ending at
    ``end``."""
    first = end
    while first >= 0 and end - first < _SUBJECT_WORDS and _in_noun_phrase(tokens[first]):
        first -= 1
    return first + 1


def _opening_comma(tokens: tuple[Token, ...], before: int) -> int | None:
    """The comma opening the phrase set off that reaches ``before``, within
    :data:`_SET_OFF_REACH` tokens and never the sentence's first token: the nearest one
    before a relative word or an article ("Rosalía Benavente, whose poems about
    dockworkers, fishmongers and ... made her ..., died": not a comma of the list), else
    the nearest one."""
    commas = [
        index
        for index in range(before - 1, max(0, before - _SET_OFF_REACH), -1)
        if tokens[index].text == ","
    ]
    opening = next((index for index in commas if tokens[index + 1].lower in _SETS_OFF), None)
    return opening if opening is not None else next(iter(commas), None)


# Marks that open a phrase set off between a subject and its verb.
_OPENING_MARKS = frozenset({",", "—", "–", "("})
# Words that open a phrase set off after a subject: a relative clause or a description.
_SETS_OFF = frozenset({"who", "whose", "which", "a", "an", "the"})
# The longest phrase set off between a subject and its verb, in tokens.
_SET_OFF_REACH = 32


def _by_after(tokens: tuple[Token, ...], verb: int) -> int | None:
    """The "by" naming the doer of a passive verb at ``verb``: right after it, or past a
    short phrase of place or manner ("were led on Aldmark's side by its finance chief");
    None when a mark, a verb or a clause comes first."""
    for index in range(verb + 1, min(len(tokens) - 1, verb + 2 + _BEFORE_BY)):
        token = tokens[index]
        if token.lower == "by":
            return index
        if (
            not token.is_word
            or token.lower in AUXILIARIES
            or word_class(token.lower) is WordClass.VERB
        ):
            return None
    return None


# Words that may open a doer's noun phrase: "by the union", "by its finance chief".
_OPENS_A_DOER = DETERMINERS | POSSESSIVE_PRONOUNS
# The most words between a passive verb and its "by" ("on Aldmark's side").
_BEFORE_BY = 4


def _its_name(tokens: tuple[Token, ...], first: int, end: int) -> tuple[int, int]:
    """The doer ``first``..``end``, or the name set off right after its description ("its
    finance chief, Sofie Dahl"; "his court minister, the Huguenot Pierre L'Oyseleur"): the
    name is who did it. A doer that is a name keeps it ("Odo, the Bishop of Bayeux")."""
    if tokens[end].is_capitalized or end + 2 >= len(tokens) or tokens[end + 1].text != ",":
        return first, end
    start = end + 3 if tokens[end + 2].lower == "the" else end + 2
    if start >= len(tokens) or not tokens[start].is_capitalized:
        return first, end
    last = start
    while last + 1 < len(tokens) and last - start < _NAME_WORDS and tokens[last + 1].is_capitalized:
        last += 1
    return start, last


# The most words of a name set off after a doer's description.
_NAME_WORDS = 4


def _doer_end(tokens: tuple[Token, ...], start: int) -> int:
    """The last token of the doer after "by": a noun phrase, up to a preposition other than
    "of" or a verb ("by Watt on a model engine" is Watt). Before ``start`` when there is
    none: "by rolling stones" says how, and "led by and composed of" names no one there."""
    first = tokens[start]
    if (
        not first.is_word
        or (first.lower.endswith("ing") and not first.is_capitalized)
        or (first.lower in FUNCTION_WORDS and first.lower not in _OPENS_A_DOER)
    ):
        return start - 1
    end = phrase_end(tokens, start)
    for index in range(start + 1, end + 1):
        token = tokens[index]
        if (token.lower in PREPOSITIONS and token.lower != "of") or (
            not token.is_capitalized and word_class(token.lower) is WordClass.VERB
        ):
            return content_end(tokens, start, index - 1)
    return end


def _between(token: Token) -> bool:
    """A word that may stand between a subject and its verb: "has not", "also", "therefore"."""
    return token.lower in _BETWEEN or (
        not token.is_capitalized and word_class(token.lower) is WordClass.ADVERB
    )


def _in_noun_phrase(token: Token) -> bool:
    """A word a subject's noun phrase may hold: a determiner, a name, a noun or modifier."""
    if not token.is_word:
        return False
    if token.lower in DETERMINERS:
        return True
    if token.lower in FUNCTION_WORDS:
        return False
    return token.is_capitalized or word_class(token.lower) not in _NOT_IN_A_NOUN_PHRASE


_NOT_IN_A_NOUN_PHRASE = frozenset({WordClass.VERB, WordClass.ADVERB})
