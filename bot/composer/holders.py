"""The person behind a role the question names without asking who it is.

A story names someone once with their role ("Prime Minister Tomas Brenko", "taxi
driver Ciarán Dunleavy, 41,") and afterwards by name alone ("Brenko, 63, conceded
defeat"). "How old is the prime minister?" is answered by the second sentence, which
never says "prime minister": without the name the question finds it only by luck, and
the rule that declines an answer whose sentence says nothing of the question declines
it. So when a question asks something *about* a role's holder (an age, a date, what
they said, why), the holder the article gives the role is named in the question too:
"how old is the prime minister Tomas Brenko".

The holder is found by the rules that answer "who is the prime minister?" (a name
set beside the role, :func:`~bot.composer.eligibility.candidate_spans`), without the
fitted weights: the training tables are built from questions understood this way,
so what they hold may not depend on the weights fitted on them. Only a role the
article gives one person is named; "the minister" of a story with two is left alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import dropwhile

from bot.composer.eligibility import candidate_spans
from bot.composer.inflections import singulars
from bot.composer.lexicon import FUNCTION_WORDS, HONORIFICS, ROLE_TITLES
from bot.composer.person_words import PERSON_WORDS
from bot.composer.questions import (
    CATEGORY_STEMS,
    ROLE_PREPOSITIONS,
    ROLE_WORDS,
    AnswerType,
    QuestionAnalysis,
    analyze_question,
)
from bot.composer.reader import ArticleReader
from bot.composer.tokens import Token, tokenize
from bot.composer.word_classes import WordClass, looks_plural, word_class

__all__ = ["name_the_holder"]

# Questions about a role's holder, not for the holder: who holds it is asked by
# PERSON and DEFINITION questions ("who is the prime minister?", "who is the coach?").
_ABOUT_THE_HOLDER = frozenset(
    {
        AnswerType.NUMBER,
        AnswerType.DATE,
        AnswerType.LOCATION,
        AnswerType.QUOTE,
        AnswerType.REASON,
        AnswerType.MANNER,
        AnswerType.OTHER,
    }
)
# The question tokens read, and the passages searched for the role's mentions. A role
# has at most ROLE_WORDS words after "the" ("the Solvik chief executive"), as a "who is
# the ...?" question's does, and serves a body after one of ROLE_PREPOSITIONS.
_QUESTION_TOKENS = 64
_HITS = 12
_DETERMINERS = frozenset({"the", "its", "their"})


def name_the_holder(question: QuestionAnalysis, reader: ArticleReader) -> str:
    """The question's text with the holder of the role it names written after the role,
    or the text as it was when it names no role, asks for the holder, or the article
    gives the role to no one or to several."""
    if question.answer_type not in _ABOUT_THE_HOLDER or "name" in question.head:
        return question.text
    tokens = tokenize(question.text)[:_QUESTION_TOKENS]
    role = _role_named(tokens)
    if role is None:
        return question.text
    phrase = question.text[tokens[role[0]].start : tokens[_served_body_end(tokens, role[1])].end]
    holder = reader.holder(phrase, lambda: _holder(phrase, reader))
    if holder is None:
        return question.text
    end = tokens[role[1]].end
    return f"{question.text[:end]} {holder}{question.text[end:]}"


def _served_body_end(tokens: Sequence[Token], last: int) -> int:
    """The last token of the body a role serves, named after it ("the mayor of Coimbra",
    "the principal at Kingsway High"), or the role's own last token. The body narrows
    whose holder is meant; the name is still written after the role itself."""
    if last + 2 >= len(tokens) or tokens[last + 1].lower not in ROLE_PREPOSITIONS:
        return last
    end = last
    for at in range(last + 2, min(last + 2 + ROLE_WORDS, len(tokens))):
        if not tokens[at].is_capitalized:
            break
        end = at
    return end


def _role_named(tokens: Sequence[Token]) -> tuple[int, int] | None:
    """The first and last token of the first role after "the" that no name follows:
    "prime minister" of "how old is the prime minister?", "taxi driver" of "when was
    the taxi driver charged?"; "Solvik chief executive" and "Solvik's chief executive"
    with their owner. A category of people ("the men") is no role."""
    for index, token in enumerate(tokens):
        owner = token.is_capitalized and token.lower.endswith("'s")
        if token.lower not in _DETERMINERS and not owner:
            continue
        last = None
        for at in range(index + 1, min(index + 1 + ROLE_WORDS, len(tokens))):
            word = tokens[at]
            if not word.is_word or word.lower in FUNCTION_WORDS or word.lower.endswith("'s"):
                break
            if _names_a_role(word):
                last = at
        if last is not None:
            after = tokens[last + 1] if last + 1 < len(tokens) else None
            if _modified_noun(tokens, last + 1):
                return None  # the role's word is a modifier: "the student body"
            if after is not None and after.is_capitalized:
                return None
            # "the injured firefighter": the article names a firefighter
            first = next(
                at
                for at in range(index if owner else index + 1, last + 1)
                if at == last or word_class(tokens[at].lower) is not WordClass.VERB
            )
            return first, last
    return None


def _modified_noun(tokens: Sequence[Token], at: int) -> bool:
    """Whether the word at ``at`` is a noun the role's word modifies ("body" of "the
    student body"), not a verb read as a noun ("call" of "the union president call the
    offer", which a determiner follows)."""
    if at >= len(tokens) or not tokens[at].is_word:
        return False
    if word_class(tokens[at].lower) is not WordClass.NOUN:
        return False
    following = tokens[at + 1].lower if at + 1 < len(tokens) else ""
    return following not in _OBJECT_OPENERS


# Words that open a verb's object: after one, the word before it was a verb.
_OBJECT_OPENERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "this", "that"})


def _names_a_role(word: Token) -> bool:
    """Whether the word is a role one person holds: a person noun, not a category ("the
    men"), not plural ("the passengers", "the wards"), and no capitalized people
    ("the German settlement", "the Iranian government") but for titles ("the Prime
    Minister")."""
    return (
        any(form in PERSON_WORDS for form in singulars(word.lower))
        and word.stem not in CATEGORY_STEMS
        and not looks_plural(word.lower)
        and (not word.is_capitalized or word.lower in ROLE_TITLES)
    )


def _holder(phrase: str, reader: ArticleReader) -> str | None:
    """The one person the article names as ``phrase`` ("Tomas Brenko"), or None.

    A sentence must say the whole role, and name its owner when the phrase has one:
    "the Solvik chief executive" is not "Aldmark chief executive Mikkel Rasmussen-Holt"."""
    owned = phrase.split(maxsplit=1)[0].lower().endswith("'s")
    asked = analyze_question(f"who is {phrase}?" if owned else f"who is the {phrase}?")
    if not asked.asks_role or asked.focus is None:
        return None
    owners = asked.capital_stems
    names: dict[str, str] = {}
    for hit in reader.knowledge.retriever.search(phrase, k=_HITS):
        stems = {token.stem for token in tokenize(hit.passage.text)}
        if not set(asked.focus_phrase) <= stems or not owners <= stems:
            continue  # "Finance Minister Ana Ruiz" holds no "prime minister" role
        _, candidates = candidate_spans(asked, hit.passage.index, reader)
        for candidate in candidates:
            if candidate.rule == "name:person":
                name = _without_titles(candidate.text)
                surname = name.split()[-1].lower() if name else ""
                if surname and len(name) > len(names.get(surname, "")):
                    names[surname] = name
    return next(iter(names.values())) if len(names) == 1 else None


def _without_titles(name: str) -> str:
    """The name without the titles written before it: "Tomas Brenko" of "Prime Minister
    Tomas Brenko" (the question already says the role)."""
    return " ".join(dropwhile(lambda word: word.lower() in _TITLES, name.split()))


_TITLES = ROLE_TITLES | HONORIFICS
