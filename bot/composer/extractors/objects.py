"""What was done to what: the phrase after the question's own verb.

"What has management offered?" is answered by what follows "offered" in
"Management has offered 6% this year and 3% in 2027", and "what do the unions
want?" by "a 15% pay rise over two years" after "want": an object that is no
single noun phrase (a list, amounts with their years), which the chunker cuts
up. Only "what" questions whose wh-word is the object of their verb ask for it.
A preposition after the verb ("was considered by Western governments") begins no
object, unless the question strands that preposition ("what were the elections
cancelled by?"): then its object is the answer, without it.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from bot.composer.candidates import Candidate, Sentence
from bot.composer.extractors.phrases import content_end
from bot.composer.extractors.verb_uses import question_verbs, verb_uses
from bot.composer.lexicon import AUXILIARIES, COPULAS, PREPOSITIONS
from bot.composer.questions import QuestionAnalysis
from bot.composer.tokens import Token, groups_digits, tokenize
from bot.composer.word_classes import WordClass, can_be_verb, word_class

__all__ = ["extract_objects"]

# The most tokens an object may run to ("names, home addresses and the last four digits").
_OBJECT_TOKENS = 14
# Words between the verb and its object that belong to neither ("offered that ...").
_SKIPPED = frozenset({"that", "to", "up", "out", "off", "as"})
# What ends an object: punctuation, and words that begin another clause.
_STOPS = frozenset({",", ";", ":", ".", "(", ")", '"', "“", "”", "—", "–"})
_CLAUSE_WORDS = frozenset(
    {"which", "who", "whose", "when", "while", "because", "but", "although", "after", "before"}
    | {"since", "until", "if", "where", "whether", "despite", "though", "unless", "amid"}
)
# Words that begin another clause when a verb follows ("... to support", "... and allows").
_JOINERS = frozenset({"to", "and", "or"})
# How an object fits an open "what" question: as a plain noun phrase does, or less.
_OBJECT_FIT = 0.6


# Pronouns that stand as a verb's object at the end of a question ("what carried it?").
_OBJECT_PRONOUNS = frozenset({"it", "them", "him", "her", "this", "that", "these", "those"})


def _ends_on_its_verb(question: QuestionAnalysis, verbs: frozenset[str]) -> bool:
    """ "what has management offered?": the question ends on its verb, whose object it asks
    for; not on a gerund after a preposition ("what kept him out of racing?")."""
    if not question.content or question.content[-1].stem not in verbs:
        return False
    last = question.content[-1].start
    words = [t for t in tokenize(question.text) if t.is_word]
    before = [t for t in words if t.start < last][-1:]
    if words and words[-1].start > last and words[-1].lower in _OBJECT_PRONOUNS:
        return False  # "what rocket carried it?": the object is given, the doer asked
    return not (before and before[0].lower in PREPOSITIONS)


def extract_objects(sentence: Sentence, question: QuestionAnalysis) -> Iterator[Candidate]:
    """Yield the phrase after each use of the question's verb in ``sentence``."""
    verbs = question_verbs(question)
    asks_object = question.wh_role == "object" or _ends_on_its_verb(question, verbs)
    if not verbs or not asks_object:
        return
    tokens = sentence.tokens
    asked_preposition = _asked_preposition(question.text)
    for index in verb_uses(sentence, verbs):
        first = index + 1
        if first < len(tokens) and tokens[first].lower in _SKIPPED:
            first += 1
        if first < len(tokens) and tokens[first].lower in AUXILIARIES:
            continue  # "no recall had been announced": that "recall" is a noun, the subject
        if first < len(tokens) and tokens[first].lower in PREPOSITIONS:
            if asked_preposition is not None and tokens[first].lower != asked_preposition:
                # "convicted in March 2024 of dangerous driving" for "convicted of what?":
                # past a short phrase of time or place to the preposition asked
                later = _asked_later(tokens, first, asked_preposition)
                first = later if later is not None else first
            if tokens[first].lower != asked_preposition:
                continue  # "considered by Western governments": no object follows
            first += 1  # "canceled by a military coup" for "canceled by what?"
        end = first - 1
        for probe in range(first, min(len(tokens), first + _OBJECT_TOKENS)):
            if groups_digits(tokens, probe):
                continue  # "paid $400,000"
            if tokens[probe].text in _STOPS or tokens[probe].lower in _CLAUSE_WORDS:
                break
            if tokens[probe].lower in _JOINERS and (
                _verb_next(tokens, probe) or _subject_next(tokens, probe)
            ):
                break
            end = probe
        end = content_end(tokens, first, end)
        if end > first and not _a_participles_tail(tokens, first, end):
            # one word is a chunk's to offer
            yield Candidate(sentence, first, end, "clause:object", _OBJECT_FIT)


def _a_participles_tail(tokens: tuple[Token, ...], first: int, end: int) -> bool:
    """Whether the verb before ``first`` is a participle describing the noun before it,
    the sentence's own verb coming after it with no noun between: "the land [burned] so
    far is pine forest" has "burned" take no object."""
    for index in range(first, end + 1):
        token = tokens[index]
        if token.lower in COPULAS:
            return True
        if token.is_number or token.is_capitalized or word_class(token.lower) is WordClass.NOUN:
            return False
    return False


@lru_cache(maxsize=1024)
def _asked_preposition(question_text: str) -> str | None:
    """The preposition the question strands ("what was it canceled by?", "required by
    what?"): its object is the answer, the preposition is not. Once per question."""
    words = [token.lower for token in tokenize(question_text) if token.is_word]
    if words and words[-1] in _WH_WORDS:
        words = words[:-1]
    return words[-1] if words and words[-1] in PREPOSITIONS else None


_WH_WORDS = frozenset({"what", "whom", "who", "which"})


def _asked_later(tokens: tuple[Token, ...], start: int, preposition: str) -> int | None:
    """Where ``preposition`` stands within a few words after ``start``, before any mark or
    clause word: "in March 2024 of" -> the "of"."""
    for at in range(start + 1, min(len(tokens), start + 1 + _ADJUNCT_WORDS)):
        if tokens[at].lower == preposition:
            return at
        if tokens[at].text in _STOPS or tokens[at].lower in _CLAUSE_WORDS:
            return None
    return None


# The most words of a time or place phrase between a verb and the preposition asked.
_ADJUNCT_WORDS = 5


def _verb_next(tokens: tuple[Token, ...], index: int) -> bool:
    """Whether a verb follows the joiner at ``index``; after "to", any word that may be one
    (an infinitive: "sold his house to return the money")."""
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if following is None:
        return False
    if tokens[index].lower == "to" and can_be_verb(following.lower):
        return True
    return following.lower in AUXILIARIES or word_class(following.lower) is WordClass.VERB


def _subject_next(tokens: tuple[Token, ...], index: int) -> bool:
    """Whether "and"/"or" at ``index`` opens a clause with its own subject: a few words,
    then a finite verb ("joined terrorist groups and many jihadi terrorists have cited
    HT"); a gerund there is a noun as often ("research and education networking")."""
    if tokens[index].lower not in {"and", "or"}:
        return False
    for probe in range(index + 2, min(len(tokens), index + 2 + _SUBJECT_WORDS)):
        token = tokens[probe]
        if not token.is_word:
            return False
        if token.lower in AUXILIARIES or (
            word_class(token.lower) is WordClass.VERB and not token.lower.endswith("ing")
        ):
            return True
    return False


# The most words looked past for the verb of a clause joined by "and" (its subject's).
_SUBJECT_WORDS = 4
