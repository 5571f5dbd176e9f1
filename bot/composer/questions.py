"""Question analysis: what kind of answer a question expects, and about what.

The expected answer type decides which extractor runs (a "when" question wants a
date, "which newspaper" an organization). It is read off the question's form by a
table of patterns, tried in order, first match wins; each row is one rule and has
rows beside it in ``tests/test_questions.py``.

Besides the type, analysis keeps what later steps need: the question's content
words (to find the passage and to keep them out of the answer), the head noun of a
"what/which + noun" question (the answer names one of those), the focus verb of a
quote question ("reply"), the subject (for follow-ups), and the tense (a question
about the future should not be answered with "last week").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache

from bot.composer.inflections import singulars
from bot.composer.lexicon import (
    AUXILIARIES,
    COPULAS,
    DETERMINERS,
    FUNCTION_WORDS,
    KIN_NOUNS,
    ORGANIZATION_NOUNS,
    PERSON_NOUNS,
    PLACE_NOUNS,
    PREPOSITIONS,
    PRONOUNS,
    ROLE_TITLES,
    SPEECH_VERBS,
)
from bot.composer.tokens import Token, tokenize
from bot.composer.word_classes import (
    WordClass,
    can_be_verb,
    classify,
    is_common_word,
    looks_plural,
    word_class,
)
from retrieval.analysis import stem

__all__ = [
    "CATEGORY_STEMS",
    "DEATH_STEMS",
    "ROLE_PREPOSITIONS",
    "ROLE_WORDS",
    "AnswerType",
    "QuestionAnalysis",
    "analyze_question",
    "asks_birth",
    "asks_death",
    "asks_event",
    "ends_on_a_gerund",
    "family_relation",
    "set_aside_stems",
]


class AnswerType(StrEnum):
    """The kind of answer a question expects."""

    DATE = "DATE"
    LOCATION = "LOCATION"
    PERSON = "PERSON"
    ORGANIZATION = "ORGANIZATION"
    NUMBER = "NUMBER"
    REASON = "REASON"
    MANNER = "MANNER"
    QUOTE = "QUOTE"
    DEFINITION = "DEFINITION"
    YES_NO = "YES_NO"
    OTHER = "OTHER"


@dataclass(frozen=True, slots=True)
class QuestionAnalysis:
    """What the composer understood of a question."""

    text: str  # the normalized question
    answer_type: AnswerType
    content: tuple[Token, ...]  # words that say what the question is about
    head: tuple[str, ...] = ()  # stems of the "what/which + noun" phrase, head last
    verb: str | None = None  # stem of a quote question's speech verb
    target: str | None = None  # what a definition question asks about ("Yuri Ushakov")
    tense: str = "present"
    number_kind: str | None = None  # count, duration, frequency, age, measure, money, score
    alternatives: tuple[str, ...] = ()  # the options of "is it A or B?"
    # The preposition that governs the asked-for phrase: "in" for "in what year ...?"
    # and for "what city is it located in?"; the answer often follows it in the text.
    preposition: str | None = None
    # Whether the asked-for thing is the subject ("what caused the fire?") or the
    # object ("what did the fire destroy?") of the question's verb, or neither.
    wh_role: str = ""
    # The question's words before its wh-word when that word is not first
    # ("Colonialism is caused by financial and what other reasons?"): the answer
    # stands after them in the text, and before the words that follow it.
    before_wh: frozenset[str] = frozenset()
    # The stem of what is asked about: the head noun of "what/which + noun", or the
    # counted noun of "how many troops"; a sentence without it does not answer.
    focus: str | None = None
    # The focus with its modifiers ("deputi", "mayor" for "who is the deputy mayor?").
    focus_phrase: tuple[str, ...] = ()
    # Whether it asks who holds a role ("who is the deputy mayor?"): the focus is that role.
    asks_role: bool = False
    # Whether it asks for a nationality ("what nationality was Arthur Woolf?"): the answer is
    # an adjective ("British"), which no place, person or body question admits.
    asks_nationality: bool = False
    # Who a quote question asks about, its head last: ("transport", "minist") for
    # "what did the transport minister say?". A quote of someone else does not answer.
    speaker: tuple[str, ...] = ()
    # Derived once, as every candidate of the question consults them.
    content_stems: frozenset[str] = field(init=False, repr=False, compare=False)
    capital_stems: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        stems = frozenset(token.stem for token in self.content)
        capitals = frozenset(token.stem for token in self.content if token.is_capitalized)
        object.__setattr__(self, "content_stems", stems)
        object.__setattr__(self, "capital_stems", capitals)

    @property
    def subject(self) -> str:
        """The question's content words, as a follow-up question would need them."""
        return " ".join(token.text for token in self.content)


# Prefixes that wrap a question without changing it ("can you tell me when ...").
_WRAPPERS = re.compile(
    r"^(?:(?:please|hey|ok|okay|so|and|but|also|um|hi)\b[ ,]*)*"
    r"(?:(?:can|could|would) you (?:please )?(?:tell|show) me|do you know|tell me|"
    r"i (?:want|would like|wanna) to know|i wonder|any idea|do you have any idea)?[ ,]*",
    re.IGNORECASE,
)
_IMPERATIVE = re.compile(r"^(?:name|list|give|identify|state|find)\s+(?:me\s+)?", re.IGNORECASE)

_NOUN_LIKE = frozenset({WordClass.NOUN, WordClass.NAME, WordClass.ADJECTIVE, WordClass.NUMBER})
# Plurals of people that end in no "s": "how many people work ..." counts people.
_PLURALS_OF_PEOPLE = frozenset({"people", "men", "women", "children", "police"})
_WH_WORDS = frozenset({"what", "which", "who", "whom", "whose", "when", "where", "how"})
_ARTICLES = frozenset({"the", "a", "an"})
_OWNING_PRONOUNS = frozenset({"her", "his", "its", "their"})
# All-capital words this short are acronyms ("US", "IT", "WHO"), not the pronoun or verb.
_MAX_ACRONYM = 3
# Nouns that name something said, and the speech verb group they belong to.
# Matched as whole words, owned ("Putin's response") or definite ("the reply"), and
# ending the phrase: "what is responsible" and "the word Norman" are not speech.
_SPEECH_NOUNS = {
    "reply": "repli",
    "response": "repli",
    "answer": "repli",
    "retort": "repli",
    "remark": "say",
    "comment": "say",
    "statement": "say",
    "message": "say",
    "quote": "say",
    "warning": "warn",
    "claim": "claim",
    "promise": "promis",
    "pledge": "promis",
}
_PHRASE_ENDS = frozenset({"to", "about", "on", "after", "when", "in"})
# "the", "a" or an owner before the thing "what is ...?" asks about.
_DETERMINERS_BEFORE_THING = frozenset({"the", "a", "an", "his", "her", "its", "their", "our"})
# "what was the naval base called?": the question asks for a name, not a quote.
_NAMING_TAIL = frozenset({"called", "named", "known", "termed", "dubbed", "as", "referred", "to"})
_HOW_MEASURES = frozenset(
    "many much long often old far big large tall high deep wide fast heavy small close".split()
)
_TIME_HEADS = frozenset(
    "date day days year years month months time century centuries decade decades era period "
    "season week weekend hour".split()
)
_NUMBER_HEADS = frozenset(
    "number amount percentage percent proportion share population size cost price rate "
    "total figure sum count age length distance height weight score value turnout toll "
    "budget salary wage fee fine bail fare rent revenue profit loss debt deficit income "
    "earnings sales temperature speed depth width capacity attendance margin ratio".split()
)
# Words that end a head phrase: function words but "of", and the words opening a time
# said after it ("Brenlow's sales last year" asks for sales, not a year).
_ENDS_A_HEAD = (FUNCTION_WORDS - {"of"}) | {"last", "next", "this", "yesterday", "today"}
# ... and before it opens ("which of the firm's plants" still names plants).
_NO_HEAD = PREPOSITIONS - {"of"}
# "type of reduction": the answer names a reduction, so the head is the noun after "of".
_OF_HEADS = frozenset(
    "type types kind kinds sort sorts form forms variety name names title example examples".split()
)
# "X's name" asks for X as "the name of X" does.
_NAMES = (["name"], ["names"], ["full", "name"], ["first", "name"])
# A noun phrase after "what/which" is rarely longer than this; longer runs have
# swallowed a verb the rules cannot see ("which newspaper reported").
_MAX_HEAD_WORDS = 3

_TypeRule = tuple[re.Pattern[str], AnswerType, str | None]


def _compiled(rules: tuple[tuple[str, AnswerType, str | None], ...]) -> tuple[_TypeRule, ...]:
    return tuple((re.compile(pattern), answer_type, kind) for pattern, answer_type, kind in rules)


# (pattern on the lower-cased normalized question, answer type, number kind), in order.
# "who is her husband?" asks who the husband is; "who is her successor?" for a holder.
_KIN_ALTERNATIVES = "|".join(sorted(KIN_NOUNS, key=len, reverse=True))
_TYPE_RULES = _compiled(
    (
        (r"^(how come|for what reason|why)\b", AnswerType.REASON, None),
        # "what did they do it for?" asks why; "what were they looking for?" what was sought
        (
            r"^what\b(?!.*\b(?:stands?|looking|searching|hunting|waiting|asking|applying|"
            r"hoping|known|famous|responsible|paid|paying|used|voted|voting|calling|called|"
            r"named|fighting|campaigning|praised|blamed|arrested|charged|jailed|fined|"
            r"sentenced|convicted|wanted|nominated) for$).*\bfor$",
            AnswerType.REASON,
            None,
        ),
        (
            r"^(?:what|which) (?:number|percentage|percent|proportion|share|amount|figure)\b",
            AnswerType.NUMBER,
            "count",
        ),
        (
            r"^what (?:is|was|are|were) the (?:reason|purpose|cause|motive|aim|goal)s?\b",
            AnswerType.REASON,
            None,
        ),
        (
            r"^what (?:caused|causes|prompted|led to|triggered|drove|motivated|killed)\b",
            AnswerType.REASON,
            None,
        ),
        # "what did she die of?" asks the cause of a death
        (r"^what (?:did|do|does) .{1,60} die (?:of|from)$", AnswerType.REASON, None),
        (r"^how (?:many|much)\b", AnswerType.NUMBER, "count"),
        # "what was the vote?" asks the count of a vote ("6-3"), not what it was about
        (
            r"^what (?:is|was) the (?:final )?(?:vote|tally)(?: count)?(?: (?:on|in|for|at)\b.*)?$",
            AnswerType.NUMBER,
            "score",
        ),
        # "what was the contract worth?": its value in money
        (
            r"^what (?:is|was|are|were|will be|would be) .{1,80} worth\??$",
            AnswerType.NUMBER,
            "money",
        ),
        # "what will the bus cost the town?": its cost to someone
        (
            r"^what (?:does|did|do|will|would|could) .+ cost"
            r"(?: (?:the |a |an |its |their |his |her )?[a-z]+)?\??$",
            AnswerType.NUMBER,
            "money",
        ),
        (r"^how (?:often|frequently)\b", AnswerType.NUMBER, "frequency"),
        (r"^how long\b", AnswerType.NUMBER, "duration"),
        (r"^how old\b", AnswerType.NUMBER, "age"),
        (
            r"^how (?:far|big|large|tall|high|deep|wide|fast|heavy|small|close|hot|cold)\b",
            AnswerType.NUMBER,
            "measure",
        ),
        (
            r"^(?:in |at |on |during |by |since |until )?(?:what|which) (?:year|date|day|month|"
            r"time|century|decade|era|period|season|week|hour)s?\b",
            AnswerType.DATE,
            None,
        ),
        (r"^(?:since |until |till |by )?when\b", AnswerType.DATE, None),
        (r"^(?:from |to |in |at )?where\b", AnswerType.LOCATION, None),
        (r"^how\b", AnswerType.MANNER, None),
        (
            r"^(?:who|whom) (?:is|was|are|were) "
            r"(?!the\b|a\b|an\b|it\b|this\b|that\b)"
            rf"(?!(?:her|his|its|their) (?!(?:{_KIN_ALTERNATIVES})\b))"
            r"(?!\S*'s\b)\S+(?: (?!\S*'s\b)\S+){0,3}\??$",
            AnswerType.DEFINITION,
            None,
        ),
        (r"^(?:to |by |with |for |from )?(?:who|whom|whose)\b", AnswerType.PERSON, None),
        (r"^what (?:does|did|do) .+ (?:mean|stand for)\??$", AnswerType.DEFINITION, None),
        (r"^(?:define|what is meant by|explain)\b", AnswerType.DEFINITION, None),
    )
)
# Questions about a person's work: "what was Armando Figueiredo's job?", "what does she do
# for a living?", "what is the occupation of X?". Bounded: at most 60 characters of name.
_WORK = r"(?:job|occupation|profession|line of work|trade|day job)"
_OCCUPATION = re.compile(
    rf"^what (?:is|was) (?:(?P<whose>[^?']{{1,60}})'s? {_WORK}"
    rf"|the {_WORK} of (?P<of>[^?]{{1,60}}))"
    r"|^what (?:does|did|do) (?P<who>[^?]{1,60}?) do (?:for a living|for work|for a job)",
    re.IGNORECASE,
)
# "who was Margaret's husband": the relation noun is the head of the answer.
_RELATION = re.compile(r"^(?:who|whom) (?:is|was|are|were) [^?]{0,60}'s ([a-z]+(?:-[a-z]+)?)$")
_YES_NO_START = re.compile(
    r"^(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could|should|shall|may|"
    r"might|must)\b"
)
_WHAT_WHICH = re.compile(r"^(?:in |at |on |from |to |of |by |for |with |during )?(what|which)\b")
_FUTURE = re.compile(r"\b(?:will|going to|set to|shall|plan(?:s|ned)? to|next|upcoming)\b")
_PAST = re.compile(r"\b(?:did|was|were|had|ago|last|previously)\b")


def analyze_question(text: str) -> QuestionAnalysis:
    """Analyse a normalized question (see :mod:`bot.composer.normalization`)."""
    analysis = _analyze(text)
    tokens = tokenize(analysis.text)
    if _NATIONALITY_ASKED.search(analysis.text):
        # "nationality" stems as "nation", which would ask for a place
        analysis = replace(
            analysis, answer_type=AnswerType.OTHER, head=(), target=None, asks_nationality=True
        )
    return replace(
        analysis,
        preposition=_governing_preposition(tokens),
        wh_role=_wh_role(tokens),
        before_wh=_stems_before_wh(tokens, analysis.content_stems),
        focus=_focus(analysis, tokens),
        focus_phrase=_focus_phrase(analysis, tokens),
        asks_role=not analysis.head and bool(_role([t for t in tokens if t.is_word])),
    )


# "what nationality was he?", "what is his nationality?", "of what nationality ...?",
# "what was the nationality of Ayanz?"
_NATIONALITY_ASKED = re.compile(
    r"^(?:of )?(?:what|which) (?:nationality|citizenship)\b"
    r"|^what (?:is|was|are|were) [^?]{0,60}\b(?:nationality|citizenship)\??$"
    r"|^what (?:is|was|are|were) the (?:nationality|citizenship) of\b",
    re.I,
)


def _focus_phrase(analysis: QuestionAnalysis, tokens: tuple[Token, ...]) -> tuple[str, ...]:
    if analysis.head:
        return analysis.head
    words = [token for token in tokens if token.is_word]
    role = _role(words)
    if role:
        return tuple(word.stem for word in _after_owner(role))
    if _asks_for_role(words):
        return tuple(word.stem for word in _after_owner(_role_words(words)))
    focus = _focus(analysis, tokens)
    return (focus,) if focus else ()


def _after_owner(role: list[Token]) -> list[Token]:
    """The role without its owner: "captain" of "the ferry's captain". The owner is no
    part of the role, and a story may call its ferry "the ship" ("The ship's captain,
    Davor Kljaković"); whose role it is, the rules about names check."""
    owned = [index for index, word in enumerate(role[:-1]) if word.lower.endswith("'s")]
    return role[owned[-1] + 1 :] if owned else role


def _asks_for_role(words: list[Token]) -> bool:
    """ "who is the mayor?", "who was the deputy mayor?"."""
    return (
        len(words) >= 4
        and words[0].lower in {"who", "whom"}
        and words[1].lower in COPULAS
        and words[2].lower in _ARTICLES
        and words[-1].lower not in FUNCTION_WORDS
    )


def _role_words(words: list[Token]) -> list[Token]:
    """The words naming the role of "who is the ...?", up to a participle or a relative
    clause that says more of it: "second person" of "who was the second person
    killed?", "second researcher" of "who was the second researcher who found the
    leak?". Never empty: the question's last word stands when nothing else does."""
    role: list[Token] = []
    for word in words[3:]:
        if role and (word.lower in _RELATIVES or (word.lower.endswith("ed") and _is_verb(word))):
            break
        if word.lower not in FUNCTION_WORDS:
            role.append(word)
    return role or [words[-1]]


# Words that open what a role's clause says of it: "the researcher who found the leak".
_RELATIVES = frozenset({"who", "whom", "that", "which", "whose"})


def _role(words: list[Token]) -> list[Token]:
    """The role a "who holds it" question asks about, or nothing.

    "who is the finance minister?": the article, a modifier or two and a role;
    "who is the ceo of Minera Altiplano?", "who is the principal at the school?": the
    role before the organization; "who is Poland's culture minister?", "who is Sato's
    coach?", "who is her successor?": the role after a possessive (but "Margaret's
    husband" asks for a relation, which :func:`family_relation` reads).
    Longer questions ("who was an important figure in the revival in India?") say
    more than a role, and a sentence answers them in its own words.
    """
    if len(words) > 2 and words[1].lower in _MODALS and words[2].lower == "be":
        words = [words[0], *words[2:]]  # "who will be the next finance minister?"
    if (
        len(words) < 4
        or words[0].lower not in {"who", "whom"}
        or words[1].lower not in COPULAS | {"be"}
    ):
        return []
    rest = words[3:]
    if words[2].lower in _OWNING_PRONOUNS:
        # "who is her successor?": a role of someone named before ("her husband" is kin)
        if len(rest) == 1 and rest[0].lower in KIN_NOUNS:
            return []
    elif words[2].lower in _ARTICLES:
        for index, word in enumerate(rest[: ROLE_WORDS + 1]):
            if word.lower in ROLE_PREPOSITIONS:
                role, body = rest[:index], rest[index + 1 :]
                # "the ceo of Minera Altiplano", not "the Uighur King of Qocho ranked above"
                plain = role and not _has_function_word(role) and _noun_like(role[-1])
                return role if plain and not any(_is_verb(word) for word in body) else []
    else:
        rest = _after_named_owner(words)
        if not rest or (len(rest) == 1 and rest[0].lower in KIN_NOUNS):
            return []
    if len(rest) > ROLE_WORDS or _has_function_word(rest) or not _noun_like(rest[-1]):
        return []
    return rest


# Modals before "be" in a question about who holds a role ("who will be the coach?").
_MODALS = frozenset({"will", "would", "could", "might", "shall"})
# Words of a name that owns a role: "Kestrel Home's chief executive".
_OWNER_WORDS = 3


def _after_named_owner(words: list[Token]) -> list[Token]:
    """The words after the possessive of "who is <name>'s ...?": one word ("Sato's coach",
    typed "sato's" too), or up to :data:`_OWNER_WORDS` capitalized ones ("Kestrel Home's
    chief executive"); nothing when the question has no such owner."""
    for index in range(2, min(len(words) - 1, 2 + _OWNER_WORDS)):
        if words[index].lower.endswith("'s"):
            named = index == 2 or all(word.is_capitalized for word in words[2 : index + 1])
            return words[index + 1 :] if named else []
    return []


def _noun_like(word: Token) -> bool:
    return classify((word,))[0] in _NOUN_LIKE


def _is_verb(word: Token) -> bool:
    return classify((word,))[0] is WordClass.VERB


def _has_function_word(role: list[Token]) -> bool:
    # "US" in capitals names a country, not the pronoun "us"
    return any(word.lower in FUNCTION_WORDS and not word.text.isupper() for word in role)


# The most words a role asked about may have ("the deputy finance minister").
ROLE_WORDS = 3
# What joins a role to the body it serves ("the ceo of", "the principal at", "a spokesman for").
ROLE_PREPOSITIONS = frozenset({"of", "at", "for"})


def _focus(analysis: QuestionAnalysis, tokens: tuple[Token, ...]) -> str | None:
    if analysis.head:
        return analysis.head[-1]
    words = [token for token in tokens if token.is_word]
    how = next(
        (
            i
            for i in range(len(words) - 2)
            if words[i].lower == "how" and words[i + 1].lower in {"many", "much"}
        ),
        None,
    )
    if how is not None:
        # "how many affordable units": the counted noun ends the phrase after "many".
        counted = None
        after = words[how + 2 :]
        if _COMPARED.fullmatch(after[0].lower) and classify(tuple(after[:1]))[0] in _COMPARING:
            return None  # "how much busier were ...?" asks a difference, counts nothing
        for at, word in enumerate(after):
            if word.lower in FUNCTION_WORDS or word.lower in AUXILIARIES:
                break
            if classify((word,))[0] not in _NOUN_LIKE:
                if _modifies_a_noun(word, after[at + 1 : at + 2]):
                    continue  # "how many long tailed ducks": a participle before its noun
                break
            if (
                counted is not None
                and (looks_plural(counted.lower) or counted.lower in _PLURALS_OF_PEOPLE)
                and not looks_plural(word.lower)
            ):
                break  # "how many teachers work ...", "how many people work": then a verb
            counted = word
        return counted.stem if counted is not None else None
    role = _role(words)
    if role:  # "who is the mayor?", "who is the ceo of X?": the role asked about
        return role[-1].stem
    if _asks_for_role(words):
        return _role_words(words)[-1].stem
    return None


def _modifies_a_noun(word: Token, following: Sequence[Token]) -> bool:
    """Whether an "-ed" or "-ing" word stands before a noun it describes ("tailed
    ducks", "injured people", "operating theatres")."""
    return (
        word.lower.endswith(("ed", "ing"))
        and bool(following)
        and following[0].lower not in FUNCTION_WORDS
        and classify(tuple(following[:1]))[0] is WordClass.NOUN
    )


# "more", "busier", "higher": a comparison after "how much"; and the classes it takes.
_COMPARED = re.compile(r"(?<![a-z])(?:more|less|fewer|[a-z]{2,20}er)(?![a-z])")
_COMPARING = frozenset({WordClass.ADJECTIVE, WordClass.ADVERB})


def _stems_before_wh(tokens: tuple[Token, ...], content: frozenset[str]) -> frozenset[str]:
    """Content stems that precede a wh-word standing in the middle of the question."""
    words = [token for token in tokens if token.is_word]
    for index, token in enumerate(words):
        if token.lower in _WH_WORDS:
            if index == 0 or (index == 1 and words[0].lower in PREPOSITIONS):
                return frozenset()
            return frozenset(word.stem for word in words[:index]) & content
    return frozenset()


def _wh_role(tokens: tuple[Token, ...]) -> str:
    """ "subject" when a verb follows the wh-phrase, "object" when an auxiliary does."""
    words = [token for token in tokens if token.is_word]
    position = next((i for i, w in enumerate(words[:3]) if w.lower in _WH_WORDS), None)
    if position is None or words[position].lower in {"when", "where", "how"}:
        return ""
    rest = words[position + 1 :]
    if words[position].lower in {"what", "which"}:
        # Skip the head noun phrase of "which newspaper reported ...", and what qualifies
        # it ("what percentage of people on the drug had ...").
        skip = 0
        for token in rest:
            qualifies = token.lower in PREPOSITIONS or token.lower in _ARTICLES
            if (classify((token,))[0] not in _NOUN_LIKE and not (skip and qualifies)) or (
                token.lower in AUXILIARIES
            ):
                break
            skip += 1
        rest = rest[skip:]
    if not rest:
        return ""
    following = rest[0].lower
    if following in COPULAS:
        # "what is the company offering?": "is" is the auxiliary of the verb in -ing
        return "object" if len(rest) > _VERB_AFTER_SUBJECT and ends_on_a_gerund(words) else ""
    if following in AUXILIARIES:
        return "object"
    return "subject" if classify(tuple(rest[:1]))[0] is WordClass.VERB else ""


def _governing_preposition(tokens: tuple[Token, ...]) -> str | None:
    """ "in" of "in what year ...?", "by" of "by how much ...?" or "in" of "... located
    in?": what introduces the answer."""
    words = [token.lower for token in tokens if token.is_word]
    if len(words) >= 2 and words[1] == "how" and words[0] in PREPOSITIONS:
        return words[0]  # only where it opens the question: not "interested in how ..."
    for index, word in enumerate(words[1:], start=1):
        if word in {"what", "which", "whom"} and words[index - 1] in PREPOSITIONS:
            return words[index - 1]
    if len(words) >= 3 and words[-1] in PREPOSITIONS and words[0] in _WH_WORDS:
        return words[-1]
    return None


def _analyze(text: str) -> QuestionAnalysis:
    core = _strip_wrappers(text)
    lowered = core.lower().rstrip("?!. ")
    tokens = tokenize(core)
    tense = _tense(lowered)
    # "When imperialism impacts a state's norms, what is it called?": the question is
    # the clause after the comma, and its own question word says what is asked.
    lowered = _LEADING_CLAUSE.sub("", lowered, count=1)
    content = _content_tokens(tokens)
    content = _drop_how_word(tokens, content)
    occupation = _OCCUPATION.match(core.rstrip("?!. "))
    if occupation is not None:
        # "what was X's job?" is "who is X?" asked of the work: X's description answers.
        target = occupation.group("who") or occupation.group("whose") or occupation.group("of")
        return QuestionAnalysis(
            core, AnswerType.DEFINITION, content, tense=tense, target=target.strip()
        )
    for pattern, rule_type, kind in _TYPE_RULES:
        if pattern.search(lowered):
            answer_type = rule_type
            if answer_type is AnswerType.DEFINITION and _asks_who_did(tokens):
                answer_type = AnswerType.PERSON  # "who was convicted?" asks for a person
            target = _definition_target(tokens) if answer_type is AnswerType.DEFINITION else None
            # "who was Margaret's husband?" asks for a relative; "who is Sato's coach?"
            # for a role's holder, which :func:`_role` reads.
            relation = _RELATION.search(lowered)
            kin = relation is not None and relation.group(1) in KIN_NOUNS
            head = (stem(relation.group(1)),) if relation and kin else ()
            return QuestionAnalysis(
                core, answer_type, content, head=head, tense=tense, number_kind=kind, target=target
            )
    if _YES_NO_START.match(lowered):
        alternatives = _alternatives(tokens)
        return QuestionAnalysis(
            core, AnswerType.YES_NO, content, tense=tense, alternatives=alternatives
        )
    if _WHAT_WHICH.match(lowered):
        return _analyze_what(core, tokens, content, tense)
    return _analyze_embedded(core, lowered, tokens, content, tense)


# A subordinate clause before the question proper, up to the comma before its question
# word (bounded: the clause holds at most 150 characters and no comma).
_LEADING_CLAUSE = re.compile(
    r"^(?:when|if|while|although|though|after|before|once|since|because)\b[^?,]{1,150},\s*"
    r"(?=(?:what|which|who|whom|whose|where|when|why|how)\b)"
)
# Question words inside a statement-like question ("The number of colonists declined
# after what year?", "DEC evolved into how many layers?", "Besides Africa, where did
# Germany have interests?"): typed as the same words at the start would be.
_EMBEDDED_RULES = _compiled(
    (
        (r"\bhow (?:many|much)\b", AnswerType.NUMBER, "count"),
        (
            r"\b(?:what|which) (?:year|date|day|month|century|decade)s?\b",
            AnswerType.DATE,
            None,
        ),
        (r",\s*when (?:did|was|were|is|are|does|do|will|had|has)\b", AnswerType.DATE, None),
        (r",\s*where\b", AnswerType.LOCATION, None),
        (r"\bby whom\b", AnswerType.PERSON, None),
        # The question word last, as people type a statement and ask its gap ("the summit
        # is when?", "their last bastion was where?", "it was designed by who?").
        (r"(?:^|\s)when$", AnswerType.DATE, None),
        (r"(?:^|\s)where$", AnswerType.LOCATION, None),
        (r"(?:^|\s)(?:who|whom)$", AnswerType.PERSON, None),
    )
)
_EMBEDDED_WHAT = re.compile(r"\b(?:what|which)\b")


def _analyze_embedded(
    core: str, lowered: str, tokens: tuple[Token, ...], content: tuple[Token, ...], tense: str
) -> QuestionAnalysis:
    for pattern, answer_type, kind in _EMBEDDED_RULES:
        if pattern.search(lowered):
            return QuestionAnalysis(core, answer_type, content, tense=tense, number_kind=kind)
    if _EMBEDDED_WHAT.search(lowered):
        return _analyze_what(core, tokens, content, tense)
    return QuestionAnalysis(core, AnswerType.OTHER, content, tense=tense)


_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you"})
# "who was she married to?", "who is he working for?": the asked person is their object.
_STRANDED_PREPOSITIONS = frozenset({"to", "with", "for", "by", "from", "against", "about"})


def _asks_who_did(tokens: tuple[Token, ...]) -> bool:
    """ "who was convicted?", "who is leading the rescue?": a verb after who + copula.

    So do "who was she married to?" and "who is he working for?": a pronoun
    cannot be defined, and a closing preposition asks for its object.
    """
    words = [token for token in tokens if token.is_word]
    if len(words) < 3 or words[0].lower not in {"who", "whom"} or words[1].lower not in COPULAS:
        return False
    following = words[2]
    if following.lower in _SUBJECT_PRONOUNS or words[-1].lower in _STRANDED_PREPOSITIONS:
        return True
    # "who is still missing?": past an adverb; "who was responsible?": a state, when no
    # name follows it ("who is former minister Ana Ruiz?" asks who she is); a definition
    # never opens on a preposition
    rest = words[2:]
    at = next((i for i, word in enumerate(rest) if not _lower_adverb(word)), len(rest))
    if at == len(rest) or rest[at].is_capitalized:
        return False
    if rest[at].lower in PREPOSITIONS:
        return True  # "who is in charge?", "who is behind the attack?"
    word_kind = classify((rest[at],))[0]
    return word_kind is WordClass.VERB or (
        word_kind is WordClass.ADJECTIVE and not any(word.is_capitalized for word in rest)
    )


def _lower_adverb(word: Token) -> bool:
    """An adverb typed in lower case ("still", "now"): read past for the word it qualifies."""
    return not word.is_capitalized and classify((word,))[0] is WordClass.ADVERB


def _strip_wrappers(text: str) -> str:
    stripped = _WRAPPERS.sub("", text, count=1)
    stripped = (
        _IMPERATIVE.sub("", stripped, count=1) if not _WHAT_WHICH.match(stripped) else stripped
    )
    return stripped or text


def _content_tokens(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """The words that say what the question is about: no function word, and not the
    "going" of "is Castell going to appeal?", which only says the future."""
    shouted = all(token.text.isupper() for token in tokens if token.is_word)
    return tuple(
        token
        for index, token in enumerate(tokens)
        if token.is_word
        and (token.lower not in FUNCTION_WORDS or _noun_in_disguise(tokens, index, shouted))
        and not _future_going(tokens, index)
    )


def _noun_in_disguise(tokens: tuple[Token, ...], index: int, shouted: bool) -> bool:
    """A function word's spelling used as a noun: after an article ("where is the
    mine?", "what is in the will?") or as a short acronym ("what did US officials
    say?"), unless the whole question is in capitals."""
    token = tokens[index]
    if token.lower in DETERMINERS:
        return False
    if not shouted and token.text.isupper() and 2 <= len(token.text) <= _MAX_ACRONYM:
        return True
    previous = tokens[index - 1] if index else None
    return (
        previous is not None
        and previous.lower in _ARTICLES
        and (token.lower in PRONOUNS or token.lower in AUXILIARIES)
    )


def _future_going(tokens: tuple[Token, ...], index: int) -> bool:
    """ "going to appeal": "going to" before a verb, not before a place ("going to the
    market", "going to Paris")."""
    if tokens[index].lower != "going" or index + 2 >= len(tokens):
        return False
    following = tokens[index + 2]
    return (
        tokens[index + 1].lower == "to"
        and following.is_word
        and not following.is_capitalized
        and following.lower not in FUNCTION_WORDS
    )


def _drop_how_word(tokens: tuple[Token, ...], content: tuple[Token, ...]) -> tuple[Token, ...]:
    """Drop "long" from "how long ...": it belongs to the question form, not its topic."""
    words = [token for token in tokens if token.is_word]
    if len(words) > 1 and words[0].lower == "how" and words[1].lower in _HOW_MEASURES:
        return tuple(token for token in content if token is not words[1])
    return content


def _tense(lowered: str) -> str:
    if _FUTURE.search(lowered):
        return "future"
    if _PAST.search(lowered):
        return "past"
    return "present"


def _analyze_what(
    core: str, tokens: tuple[Token, ...], content: tuple[Token, ...], tense: str
) -> QuestionAnalysis:
    """Type a "what/which ..." question by its verb (say, call) or its head noun."""
    words = [token for token in tokens if token.is_word]
    # "what's" is one token (the composer expands it first; a direct caller may not).
    # The first "what" opens a question; inside a statement ("the king, which ruled
    # ..., won what?") the last one asks.
    at_wh = [i for i, token in enumerate(words) if token.lower.split("'")[0] in {"what", "which"}]
    wh = (at_wh[0] if at_wh[0] <= 1 else at_wh[-1]) if at_wh else 0
    rest = words[wh + 1 :]
    verb = _speech_verb(rest)
    if verb is not None:
        return QuestionAnalysis(
            core, AnswerType.QUOTE, content, verb=verb, tense=tense, speaker=_speaker(rest)
        )
    if rest and rest[0].lower in AUXILIARIES:
        return _analyze_what_is(core, rest, content, tense)
    if rest and (
        (_is_a_verb(rest[0]) and not (len(rest) > 1 and rest[1].lower == "of"))
        or _the_only_verb(rest, 0)
    ):
        # "what wrecked the fleet?", "what happens next?": "what" is the subject of a
        # verb, and names no head noun ("wrecked" is no kind of thing); "which bound of
        # time" is a noun all the same
        return QuestionAnalysis(core, AnswerType.OTHER, content, tense=tense)
    head = _asked_owner(rest) or _head_phrase(rest)
    return QuestionAnalysis(core, _type_of_head(head), content, head=_stems_of(head), tense=tense)


def _asked_owner(rest: list[Token]) -> tuple[Token, ...]:
    """The words of "which lender" in "which lender's shares went up?": a possessive right
    after the wh-word asks for the owner, so the answer names a lender, not shares
    ("which of the firm's plants" asks for a plant)."""
    if rest and rest[0].lower == "of":
        return ()
    for index, token in enumerate(rest[:_OWNER_REACH]):
        if token.lower in AUXILIARIES or (index and _is_a_verb(token)):
            return ()
        if token.lower.endswith("'s") and token.stem:
            return tuple(rest[: index + 1])
    return ()


# How many words after "which" a possessive may end the asked-for phrase ("which
# Norwegian oil company's chief").
_OWNER_REACH = 4


def _is_a_verb(token: Token) -> bool:
    """A word that is mostly a verb, but not in -ing ("what writing system"): a noun
    can be made of those."""
    return not token.lower.endswith("ing") and word_class(token.lower) is WordClass.VERB


def _analyze_what_is(
    core: str, rest: list[Token], content: tuple[Token, ...], tense: str
) -> QuestionAnalysis:
    """ "what is X?": a definition when X is short and names a thing, else OTHER."""
    after = rest[1:]
    if any(token.lower == "doing" for token in after) or _asks_verb_object(after):
        # "what is Russia doing on the border?" asks for an action, not for a Russia;
        # "what was taken?", "what are investigators sampling?" for what the verb acts on.
        return QuestionAnalysis(core, AnswerType.OTHER, content, tense=tense)
    while after and after[-1].lower in _NAMING_TAIL:
        after = after[:-1]
    # "what is the trial called?" asks for a name, not for what a trial is.
    asks_name = len(after) < len(rest) - 1
    # "the", "a", or an owner: "what is her most famous painting?" asks for a painting
    determiner = bool(after) and after[0].lower in _DETERMINERS_BEFORE_THING
    if determiner:
        after = after[1:]
    if any(token.lower.endswith("'s") for token in after):
        # "who was Margaret's husband", "what was X's role": a relation, not a definition.
        head = _head_phrase(after, participles=True)
        return QuestionAnalysis(
            core, _type_of_head(head), content, head=_stems_of(head), tense=tense
        )
    has_verb_after = any(token.lower in AUXILIARIES for token in after)
    has_preposition = any(token.lower in {"of", "in", "on", "for", "by"} for token in after)
    # "what is the Norman religion?" asks for a religion; "what is the G7?" for a definition.
    # ... and "what is the Musée Valsenne?" for what a name names: a name may be long.
    named = bool(after) and all(token.is_capitalized for token in after)
    longest = 1 if determiner and not named else 4
    is_short_thing = 0 < len(after) <= longest and not has_verb_after and not has_preposition
    # "what is the price?" asks for a price, not for what a price is.
    names_a_category = (
        not named
        and len(rest) > 1
        and rest[1].lower == "the"
        and _type_of_head(after) is not AnswerType.OTHER
    )
    if rest[0].lower in COPULAS and is_short_thing and not asks_name and not names_a_category:
        target = " ".join(token.text for token in after)
        return QuestionAnalysis(core, AnswerType.DEFINITION, content, target=target, tense=tense)
    head = _head_phrase(after, participles=True) if rest[0].lower in COPULAS else ()
    return QuestionAnalysis(core, _type_of_head(head), content, head=_stems_of(head), tense=tense)


def _is_participle(word: Token) -> bool:
    """A verb in -ed or -en ("offered", "taken"): after "being", a passive's."""
    return word.lower.endswith(_PARTICIPLE_ENDINGS) and word_class(word.lower) is WordClass.VERB


def _an_infinitives_object(after: list[Token]) -> bool:
    """Whether the question ends on "to" and a verb whose object it asks for: "what were
    the Yuan armies too weak to stop?", "what was the Soviet Union trying to suppress
    with its army?" (a phrase after the verb allowed). After a noun, "to" and a verb
    say what the noun is for ("what is the best way to travel?"): the noun is asked."""
    for index in range(1, min(len(after), _INFINITIVE_REACH) - 1):
        if after[index].lower != "to":
            continue
        verb, before = after[index + 1].lower, after[index - 1].lower
        if word_class(verb) is not WordClass.VERB or word_class(before) is WordClass.NOUN:
            return False
        rest = after[index + 2 :]
        return not rest or (rest[0].lower in PREPOSITIONS and len(rest) <= _PHRASE_AFTER)
    return False


# Words of a question read for "to" and its verb, and the words of a phrase after them.
_INFINITIVE_REACH = 16
_PHRASE_AFTER = 4


def _asks_verb_object(after: list[Token]) -> bool:
    """Whether the words after "what is/was" are a verb and not a thing to define: a
    passive ("what was taken?", "what was found?") or a subject and its verb
    in -ing ("what are investigators sampling?", "what is Lakeline planning?"); "what
    is packet switching?" names a thing."""
    if not after:
        return False
    if len(after) == 1:
        return not after[0].is_capitalized and _is_participle(after[0])
    if (
        len(after) > 2
        and after[-1].lower in PREPOSITIONS
        and after[-2].lower.endswith((*_PARTICIPLE_ENDINGS, "ing"))
        and word_class(after[-2].lower) is WordClass.VERB
    ):
        # "what was the driver convicted of?": the passive's stranded object; "what were
        # the divers looking for?": the verb's
        return True
    if _an_infinitives_object(after):
        return True
    if len(after) > 2 and after[-2].lower == "being" and _is_participle(after[-1]):
        return True  # "what are customers being offered?": the passive's object
    if len(after) == _SUBJECT_WITH_ARTICLE and after[0].lower in _ARTICLES:
        # "what is the company offering?": a noun after its article, then the verb
        return ends_on_a_gerund(after)
    if len(after) != 2 or not after[1].lower.endswith("ing"):
        return False
    subject = after[0]
    return subject.is_capitalized or subject.lower in PRONOUNS or looks_plural(subject.lower)


def ends_on_a_gerund(words: Sequence[Token]) -> bool:
    """Whether the question's words end on a verb in -ing after a noun ("what is the
    company offering?"), not on a noun ("what is the new building?")."""
    return (
        len(words) >= _VERB_AFTER_SUBJECT
        and _a_verb_in_ing(words[-1].lower)
        and word_class(words[-2].lower) is WordClass.NOUN
    )


# "is", the subject's noun, then the verb: the fewest words after "what".
_VERB_AFTER_SUBJECT = 2


def _a_verb_in_ing(word: str) -> bool:
    """Whether ``word`` is a verb's -ing form: "offering", "planning", "sampling"."""
    if not word.endswith("ing"):
        return False
    base = word[: -len("ing")]
    doubled = len(base) > 1 and base[-1] == base[-2]
    return any(can_be_verb(form) for form in (base, base + "e", base[:-1] if doubled else base))


# "the company offering": an article, a noun and a verb in -ing.
_SUBJECT_WITH_ARTICLE = 3


# How past participles end, regular and common irregular ("taken", "known", "caught",
# "held", "built", "found", "paid"): "what is recall?" asks what a recall is.
_PARTICIPLE_ENDINGS = ("ed", "en", "wn", "ght", "ld", "lt", "und", "id")


def _speech_verb(rest: list[Token]) -> str | None:
    """The speech verb of "what did X say/reply/call ...", as its synonym group's key."""
    at = _speech_verb_at(rest)
    if at is not None:
        return _speech_group(rest[at].stem)
    # "what was X's reply/response/warning" names the speech act with a noun.
    if rest and rest[0].lower in {"was", "is"}:
        for index, token in enumerate(rest[1:], start=1):
            previous = rest[index - 1].lower
            following = rest[index + 1].lower if index + 1 < len(rest) else None
            owned = previous.endswith("'s") or previous in {"the", "his", "her", "their"}
            if token.lower in _SPEECH_NOUNS and owned and following in {None, *_PHRASE_ENDS}:
                return _SPEECH_NOUNS[token.lower]
    return None


def _speaker(rest: list[Token]) -> tuple[str, ...]:
    """The stems of X's words in "what did X say ...?" (empty for other shapes)."""
    at = _speech_verb_at(rest)
    if at is None:
        return ()
    return tuple(word.stem for word in rest[1:at] if word.lower not in FUNCTION_WORDS)


def _speech_verb_at(rest: list[Token]) -> int | None:
    """Where the speech verb of "what did X say ...?" stands in ``rest`` (after "what")."""
    if not rest or rest[0].lower not in {"did", "does", "do", "has", "have", "had", "will"}:
        return None
    for index, token in enumerate(rest[1:], start=1):
        if token.is_capitalized and rest[index - 1].is_capitalized:
            continue  # "the Islamic State": a name's word, no verb
        if _speech_group(token.stem) is not None and rest[index - 1].lower != "to":
            passive = rest[index - 1].lower in _PASSIVE_AUXILIARIES and token.stem != "call"
            if passive or _followed_by_to(rest, index):
                return None  # "what have children been asked to do?" asks for an action
            return index  # "what did X say", not "what does X seek to answer"
    return None


def _followed_by_to(rest: list[Token], index: int) -> bool:
    """ "asked to stay home", "told to leave": a request, whose content is an action
    ("reply to Biden's remark" is still a reply)."""
    return rest[index].stem in _REQUESTS and index + 1 < len(rest) and rest[index + 1].lower == "to"


_PASSIVE_AUXILIARIES = frozenset({"been", "being", "be"})
_REQUESTS = frozenset(stem(word) for word in ("ask", "asked", "tell", "told", "urge", "order"))


def _speech_group(stem: str) -> str | None:
    for key, members in SPEECH_VERBS.items():
        if stem in members:
            return key
    return None


def _verb_before_its_object(index: int, words: list[Token], phrase: list[Token]) -> bool:
    """Whether ``words[index]``, after a plural noun, is a verb taking an object that opens
    on an article: a noun there would end the question's noun phrase ("which countries
    share the currency?", "which firms own the mine?"); or, after any noun, a verb in -s
    taking a clause ("which article states that ...?")."""
    if index + 1 >= len(words) or not can_be_verb(words[index].lower):
        return False
    following = words[index + 1].lower
    if following == "that":
        # "which articles state that ...", "which article states that ...": a clause
        plural = phrase[-1].lower.endswith("s") and not phrase[-1].lower.endswith("'s")
        return plural or words[index].lower.endswith("s")
    return (
        following in _ARTICLES
        and phrase[-1].lower.endswith("s")
        and not phrase[-1].lower.endswith("'s")
    )


def _the_only_verb(words: list[Token], index: int) -> bool:
    """Whether ``words[index]``, a word in -s that may be a verb or a plural noun, is the
    question's verb because no other word after it can be: "what force acts between
    electric charges?", "what kind of deprivation results in lower antibody production?"
    ("lower" before a noun describes it), "what powers the engine?". "what changes
    occurred?", "what changes did it make?" and "what types of cells ...?" keep their
    noun."""
    word = words[index].lower
    if (
        index + 1 >= len(words)
        or words[index + 1].lower == "of"
        or not looks_plural(word)
        or word.endswith("'s")
    ):
        return False
    following = words[index + 1].lower
    # the tagger's lexicon gives a word its most frequent class ("changes" a noun): an
    # article after it says it governs something ("powers the engine"; "countries in
    # Europe" is a noun and its place)
    if not (following in _ARTICLES or can_be_verb(word)):
        return False
    return not any(_a_later_verb(words, later) for later in range(index + 1, len(words)))


def _a_later_verb(words: list[Token], index: int) -> bool:
    """Whether ``words[index]`` is a verb: an auxiliary, a word that is mostly a verb, or a
    verb's bare form ("studies show that"), unless it describes the noun after it
    ("closed system energies", "lower antibody production")."""
    word = words[index].lower
    if word in AUXILIARIES:
        return True
    bare = can_be_verb(word) and not looks_plural(word)
    if word_class(word) is not WordClass.VERB and not bare:
        return False
    describes = (
        (bare or word.endswith(("ed", "ing")))
        and index + 1 < len(words)
        and word_class(words[index + 1].lower) in {WordClass.NOUN, WordClass.ADJECTIVE}
    )
    return not describes


def _head_phrase(words: list[Token], participles: bool = False) -> tuple[Token, ...]:
    """The noun phrase that opens ``words``, up to the first verb-like word.

    Right after "what/which + noun", a word in -ed/-ing is the verb ("which
    newspaper reported"); after "what is the", it is an adjective ("the most
    frequently employed type"), which ``participles`` allows. After a noun, a verb
    ends the phrase either way: "what battle took place", "the name given to".
    """
    phrase: list[Token] = []
    owner: Token | None = None
    for index, token in enumerate(words):
        after_of = bool(phrase) and phrase[-1].lower == "of" and token.lower in _ARTICLES
        if after_of:
            continue  # "the name of the Norse leader"
        if token.lower in AUXILIARIES or token.lower in (_ENDS_A_HEAD if phrase else _NO_HEAD):
            break  # a preposition first: "used for what in factories?" names no noun
        if phrase and phrase[-1].lower.endswith("'s"):
            # "Norman art's best known piece", "Derese's winning time": the owner is not
            # the head, and the words after it open the head's phrase
            owner = phrase[-1]
            phrase = []
        if phrase and (
            (
                word_class(token.lower) in _CLAUSE_CLASSES
                and not _a_name(token)  # "Turing machines": a name, no verb
                and _has_noun(phrase)
            )
            or _verb_before_its_object(index, words, phrase)  # "which countries share the"
            or _the_only_verb(words, index)  # "what force acts between charges?"
        ):
            break
        if (
            not participles
            and phrase
            and token.lower.endswith(("ed", "ing"))
            and not _a_name(token)  # "Turing machines", "the Beijing museum"
            and phrase[-1].lower != "of"
        ):
            break
        if token.lower in {"the", "a", "an"} and not phrase:
            continue
        phrase.append(token)
    if phrase and phrase[-1].lower == "of":
        phrase.pop()
    phrase = _named_owner(phrase, owner)
    # "type of reduction", "an example of a type of engine": the noun after "of" is
    # what the answer names.
    cut = _after_of_heads(phrase)
    if cut is not None:
        phrase = cut
    elif "of" in [token.lower for token in phrase]:
        phrase = phrase[: [token.lower for token in phrase].index("of")]
    nouns = [token for token in phrase if token.lower not in FUNCTION_WORDS]
    return tuple(nouns[-_MAX_HEAD_WORDS:] if participles else nouns[:_MAX_HEAD_WORDS])


def _a_name(token: Token) -> bool:
    """A capitalized word the tagger's lexicon does not know ("Turing", "Beijing"): a name,
    whatever its ending says; "Won" in a title-cased question is still a verb."""
    return token.is_capitalized and not is_common_word(token.lower)


def _after_of_heads(phrase: list[Token]) -> list[Token] | None:
    """The words after the last of the "type of", "example of" openers the phrase chains
    ("two examples of types of Turing machines": "Turing machines"), or None without one."""
    cut: list[Token] | None = None
    for index, token in enumerate(phrase[:-1]):
        if token.lower == "of" and index > 0 and phrase[index - 1].lower in _OF_HEADS:
            cut = phrase[index + 1 :]
        elif cut is not None and token.lower not in _ARTICLES and token.lower not in _OF_HEADS:
            break  # "a type of engine of ...": the head has begun
    return cut


def _stems_of(head: Sequence[Token]) -> tuple[str, ...]:
    return tuple(token.stem for token in head)


def _named_owner(phrase: list[Token], owner: Token | None) -> list[Token]:
    """ "her husband's name" is the name of her husband: he is asked for, as in "the name
    of her husband". A name's name ("Biden's name") stays a name."""
    if owner is not None and not owner.is_capitalized and [t.lower for t in phrase] in _NAMES:
        return [owner]
    return phrase


# After a noun, a verb or an adverb opens the rest of the question ("the cycle sometimes called").
_CLAUSE_CLASSES = frozenset({WordClass.VERB, WordClass.ADVERB})


def _has_noun(phrase: list[Token]) -> bool:
    return any(word_class(token.lower) is WordClass.NOUN for token in phrase)


def _stems(words_: frozenset[str]) -> frozenset[str]:
    return frozenset(stem(word) for word in words_)


# Head nouns that decide the answer type, checked in this order. They are matched as
# words, not stems: "engines" stems as "engineer" does, "nationality" as "nation",
# "office" as "officer", and none of those asks for a person or a place.
_HEAD_TYPES: tuple[tuple[frozenset[str], AnswerType], ...] = (
    (_TIME_HEADS, AnswerType.DATE),
    (PLACE_NOUNS, AnswerType.LOCATION),
    (PERSON_NOUNS, AnswerType.PERSON),
    (ORGANIZATION_NOUNS, AnswerType.ORGANIZATION),
    (_NUMBER_HEADS, AnswerType.NUMBER),
)


# Nouns that name a kind of answer rather than a thing the article must mention:
# "which city", "what year", "which company". A sentence answers "which city?" with
# "Porto" without saying "city"; it does not answer "who is the mayor?" without "mayor".
CATEGORY_STEMS = frozenset(
    stem(word)
    for word in (
        PLACE_NOUNS
        | ORGANIZATION_NOUNS
        | (PERSON_NOUNS - ROLE_TITLES)
        | _TIME_HEADS
        | _NUMBER_HEADS
        | _OF_HEADS
        | frozenset("thing things term terms word words".split())
    )
)


def asks_event(question: QuestionAnalysis) -> bool:
    """Whether the question asks what happened to, at or after something ("what happened
    to the ferry?"): an event, which a sentence tells and no phrase of it does."""
    return question.answer_type is AnswerType.OTHER and bool(_EVENT.match(question.text))


# "what happened to the ferry?", "what has happened at the museum?", "what will happen
# to the workers?": a news event. Not "what happens to the working fluid in a closed
# loop?", which asks how something works and a phrase answers ("it is recycled"), nor
# "what happens next?".
_EVENT = re.compile(
    r"^what(?: has| had|'s)? happened (?:to|at|in|on|during|with|inside|aboard) \S"
    r"|^what will happen (?:to|at|in|on|with) \S",
    re.IGNORECASE,
)


def asks_birth(question: QuestionAnalysis) -> bool:
    """Whether the question asks when or where someone was born ("when was X born?", "what
    is X's birthplace?"), not who they are."""
    return bool(question.content_stems & _BIRTH) and question.answer_type in {
        AnswerType.DATE,
        AnswerType.LOCATION,
        AnswerType.OTHER,
    }


_BIRTH = frozenset({stem("born"), stem("birth"), stem("birthplace")})


def asks_death(question: QuestionAnalysis) -> bool:
    """Whether the question asks when someone died ("when did X die?", "in what year was
    X's death?")."""
    return bool(question.content_stems & DEATH_STEMS) and question.answer_type is AnswerType.DATE


# The words of a question about a death ("when did X die?", "what did she die of?").
DEATH_STEMS = frozenset({stem("die"), stem("died"), stem("death")})


@lru_cache(maxsize=1024)
def set_aside_stems(question_text: str) -> frozenset[str]:
    """The stems of what the question sets aside: {"delorm"} of "which other trustee voted
    no besides Delorme?", {"confucian", "buddhism", "islam"} of "Besides Confucianism,
    Buddhism and Islam, what religions ...?". Those are not its answer."""
    lowered = question_text.lower()
    match = _SET_ASIDE.search(lowered)
    if match is None:
        return frozenset()
    # a word the rest of the question says too names the kind asked for ("Other than T
    # cells, what other immune cells ...?"), not what is set aside
    rest = lowered[: match.start()] + " " + lowered[match.end() :]
    kept = {stem(word) for word in _ASIDE_WORDS.findall(rest)}
    words = _ASIDE_WORDS.findall(match.group(1))
    return frozenset(stem(word) for word in words if word not in FUNCTION_WORDS) - kept


# "besides X", "other than X", "apart from X", "except (for) X", "in addition to X", up to
# the wh-word or a comma that ends the list, or the question's end. Bounded: 80 characters.
_SET_ASIDE = re.compile(
    r"\b(?:besides|beside|aside from|apart from|other than|except(?: for)?|in addition to)"
    r" ((?:[^,?]|, (?!what|which|who|where|when|how)){1,80})"
)
_ASIDE_WORDS = re.compile(r"[a-z][a-z'-]*")


def family_relation(question: QuestionAnalysis) -> str | None:
    """The stem of the family relation asked about ("who is X's daughter?", "what was
    her mother's name?"), or None."""
    head = question.head[-1] if question.head else None
    return next((s for s in (question.focus, head) if s in _KIN_STEMS), None)


_KIN_STEMS = _stems(KIN_NOUNS)


def _type_of_head(head: Sequence[Token]) -> AnswerType:
    if not head:
        return AnswerType.OTHER
    if _a_time_taken(head):
        return AnswerType.NUMBER  # "what was the winning time?": 2:05:07, not a date
    forms = singulars(head[-1].lower.removesuffix("'s").removesuffix("'"))
    if _an_identifier(head, forms):
        return AnswerType.OTHER  # "which model numbers?": "BL-170", no quantity
    for nouns, answer_type in _HEAD_TYPES:
        if any(form in nouns for form in forms):
            return answer_type
    return AnswerType.OTHER


def _an_identifier(head: Sequence[Token], forms: Sequence[str]) -> bool:
    """ "model number", "flight number", "phone number": a number a noun before it says is
    an identifier, not an amount ("the total number" is one)."""
    return (
        "number" in forms
        and len(head) > 1
        and word_class(head[-2].lower) is WordClass.NOUN
        and head[-2].lower not in _NUMBER_HEADS
    )


def _a_time_taken(head: Sequence[Token]) -> bool:
    """ "winning time", "finishing time", "best time": how long something took, a
    measure, where a bare "time" asks when."""
    return len(head) > 1 and head[-1].lower in {"time", "times"} and head[-2].lower in _TIMED_WORDS


# Words before "time" that make it a time taken, not a time of day.
_TIMED_WORDS = frozenset(
    "winning finishing record best fastest slowest personal lap race running total "
    "travel journey flight".split()
)


def _definition_target(tokens: tuple[Token, ...]) -> str | None:
    """The term a definition question asks about: "X" in "who is X", "what does X mean"."""
    words = [token for token in tokens if token.is_word]
    for index, token in enumerate(words):
        if token.lower in {"mean", "stand", "stands"}:
            # "what does X mean", "what does X stand for": X sits before the verb.
            rest = [word for word in words[:index] if word.lower not in FUNCTION_WORDS]
        elif token.lower in {"is", "was", "are", "were", "by", "explain", "define"}:
            rest = [w for w in words[index + 1 :] if w.lower not in {"the", "a", "an", "meant"}]
        else:
            continue
        if rest:
            return " ".join(word.text for word in rest)
    return None


def _alternatives(tokens: tuple[Token, ...]) -> tuple[str, ...]:
    """The two options of "is it A or B?", each the word(s) around "or"."""
    words = [token for token in tokens if token.is_word]
    lowers = [token.lower for token in words]
    if "or" not in lowers:
        return ()
    index = lowers.index("or")
    if index == 0 or index == len(words) - 1:
        return ()
    return (words[index - 1].text, words[index + 1].text)
