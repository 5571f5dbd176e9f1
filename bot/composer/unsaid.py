"""What an article says it does not know: "she did not say how many bakeries would close".

News marks the gaps in a story. A question about the very thing a sentence says
nobody disclosed ("how many bakeries will close?" against "She did not say how
many bakeries would close.") has no answer in the article, however well another
number of the story ("31 bakeries") fits its words; answering it would be the
confident wrong answer a reader trusts least.

:func:`unsaid_at` finds such a statement: the question's own wh-words ("how many",
"when", "who") after a verb of telling or knowing that is negated or refused
("did not say", "declined to disclose", "would not confirm", "it is not known")
or after "unclear"/"unknown", with most of the question's words soon after. So is
the noun that names what the question asks for, when such a verb (or one of finding
out: "determined", "released") governs it ("Investigators have not determined the
cause of the fire" for "what caused the fire?", "did not release the names of the
dead" for "who died?"), or when "who?" asks what a refused verb of naming withholds
("declined to name the insurer" for "who insured the paintings?"), or when the
sentence goes on to say it is unknown ("The cause of the fire is under investigation").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from bot.composer.inflections import related_stems
from bot.composer.lexicon import DETERMINERS, says_not
from bot.composer.noun_kinds import focus_word, is_a_kind_of
from bot.composer.questions import AnswerType, QuestionAnalysis
from bot.composer.tokens import Token, lower_places, stem_places, tokenize
from retrieval.analysis import stem

__all__ = ["asked_wh", "conditioned_at", "unsaid_at"]

# Verbs of telling or knowing whose negation leaves the wh-clause after them open.
_TELLING = frozenset(
    stem(word)
    for word in (
        "say disclose reveal specify know known confirm explain indicate comment detail "
        "announce estimate clear"
    ).split()
)
# Words that say an open question outright: "it is unclear how many".
_OPEN = frozenset({"unclear", "unknown", "uncertain"})
# What asks a yes/no question inside a sentence: "not known whether", "did not say if".
_WHETHER = frozenset({"whether", "if"})
# How far into a "whether" clause a word of the question may stand.
_CLAUSE_REACH = 16
_TELLING_OR_DECIDING = _TELLING | frozenset(stem(word) for word in ("decide", "determine"))
# Verbs of a decision, and the words before one that put it still to come.
_DECIDING = frozenset(stem(word) for word in ("decide", "determine", "consider", "weigh", "assess"))
_STILL_TO_COME = frozenset({"will", "would", "to", "shall", "'ll"})
# How far before "whether" the deciding verb may stand ("decide on Friday morning whether").
_DECISION_REACH = 5
# Verbs that refuse the telling verb after "to": "declined to say".
_REFUSING = frozenset(stem(word) for word in ("decline", "refuse"))
# A word allowed between the telling verb and the wh-word: "did not say exactly how".
_BETWEEN = frozenset({"exactly", "yet", "publicly", "immediately"})
# How far before the telling verb its negation may stand ("would not immediately say").
_NEGATION_REACH = 3
# How far after the wh-words the question's words must follow.
_SUBJECT_REACH = 8
# How far before an elided wh-clause ("but did not say when.") its words may stand.
_ELLIPSIS_REACH = 20
_CLAUSE_ENDS = frozenset({".", ",", ";", ":", "!", "?"})
_WORD = re.compile(r"[a-z]+")
# The question's opening characters, where its wh-words are.
_WH_PREFIX = 24
_WH_WORDS = frozenset({"when", "where", "who", "whom", "why", "which", "what", "how"})


# Verbs of finding out or making known that leave "the cause", "the names" open too.
_FINDING = frozenset(
    stem(word) for word in "determine establish identify release give provide publish".split()
)
# Verbs that set or give what "no <noun>" says is missing: "no date has been set".
_SETTING = frozenset(
    stem(word)
    for word in "set fixed given announced released disclosed scheduled offered provided".split()
)
# How far after "no <noun>" that verb may stand ("no date has yet been set").
_GIVEN_REACH = 4
# Verbs that give who someone is: "declined to name the insurer" leaves "who insured
# it?" open.
_NAMING = frozenset(stem(word) for word in ("name", "identify"))
# The noun that names what a wh-question asks for: "the cause" answers "why?".
_ASKED_NOUNS = {
    ("why",): frozenset({"cause", "reason", "reasons", "motive"}),
    ("who",): frozenset({"name", "names", "identity", "identities"}),
    ("how", "many"): frozenset({"number"}),
    ("how", "much"): frozenset({"amount", "cost", "value", "price", "sum", "size"}),
    ("how", "old"): frozenset({"age", "ages"}),
    ("when",): frozenset({"date", "timing"}),
    ("where",): frozenset({"location", "whereabouts"}),
}
_ALL_ASKED_NOUNS = frozenset().union(*_ASKED_NOUNS.values())
# Determiners between the verb and the noun: "not determined the cause", "its cause".
_DETERMINERS = DETERMINERS | {"its", "their", "his", "her"}
# Words after the noun's phrase that say it is not known: "is under investigation".
_STILL_OPEN = re.compile(
    r"\b(?:not (?:(?:yet|immediately|been) ){0,2}"
    r"(?:known|clear|released|disclosed|determined|confirmed|revealed|made public)|unknown|"
    r"unclear|"
    r"under investigation|being investigated)\b"
)
# How far after the noun the words saying it is unknown may stand.
_STILL_OPEN_REACH = 12


@lru_cache(maxsize=1024)
def asked_wh(question_text: str) -> tuple[str, ...]:
    """The wh-words a question opens with: ("how", "many"), ("when",), or () for none.

    Memoized (bounded), as the question's other readings are: each sentence read for
    the answer asks it again."""
    words = _WORD.findall(question_text[:_WH_PREFIX].lower())[:2]
    if not words or words[0] not in _WH_WORDS:
        return ()
    if words[0] == "how" and len(words) > 1 and words[1] in {"many", "much", "long", "old"}:
        return ("how", words[1])
    return ("who",) if words[0] == "whom" else (words[0],)


def unsaid_at(text: str, question: QuestionAnalysis) -> int | None:
    """The token index in ``text`` where it says the question's answer is not known or
    not given, or None: "how many" of "She did not say how many bakeries would close."
    for "how many bakeries will close?"."""
    wh = asked_wh(question.text)
    if not wh:
        return _whether_open(text, question) if question.answer_type is AnswerType.YES_NO else None
    tokens = tokenize(text)
    nouns = _asked_nouns(question, wh)
    whom = _asks_whom(question, wh)
    for index in _places_to_read(text, wh, nouns, whom):
        said_wh = _said_wh(tokens, index, wh)
        if said_wh:
            after = index + said_wh
            opened = _opened_before(tokens, index)
            gap = (_left_open(tokens, index) or opened is not None) and (
                _about_the_question(
                    tokens, after, question, named=_asks_a_kind(tokens, after, question)
                )
                or (_ends_clause(tokens, after) and _said_before(tokens, index, question))
                or _said_around(tokens, index, after, question)
                or (
                    opened is not None
                    and _about_the_question(tokens, opened, question, stop=after + _SUBJECT_REACH)
                )
            )
        else:
            # "not determined the cause of ...", "declined to name the insurer"
            names_the_asked = tokens[index].lower in nouns
            none_given = names_the_asked and _none_given(tokens, index)
            unnamed = (
                whom
                and tokens[index].stem in _NAMING
                and _refused(tokens, index)
                and _names_the_asked(tokens, index + 1, question, wh)
            )
            withheld = unnamed or (names_the_asked and _noun_left_open(tokens, index))
            gap = (withheld or none_given) and (
                _about_the_question(tokens, index + 1, question, named=True)
                # "disclose the interest rate on the loan": the noun's own word counts
                or (_qualified(tokens, index) and _about_the_question(tokens, index - 1, question))
            )
            owned = (
                withheld
                and tokens[index].lower in _ASKED_NOUNS.get(wh, ())
                and tokens[index - 1].lower in _OWNERS
            )
            if (none_given or unnamed or owned) and not gap:
                # "the retrial, for which no date has been set", "a former accountant,
                # whom the newspaper did not name", "signed a new contract but did not
                # disclose its value"
                start = max(0, index - _ELLIPSIS_REACH)
                gap = _about_the_question(tokens, start, question, named=True, stop=index)
        if gap:
            return index
    return None


def _asks_a_kind(tokens: Sequence[Token], after: int, question: QuestionAnalysis) -> bool:
    """Whether the noun after a sentence's "which" names a wider kind of what the
    question's "which <noun>" asks for: "declined to say which criminal group was behind
    the shipment" asks the question's "which gang?" (its own noun counts as said)."""
    if not question.focus or tokens[after - 1].lower != "which":
        return False
    focus = focus_word(question)
    return focus is not None and any(
        is_a_kind_of(focus, token.lower) for token in tokens[after : after + _KIND_REACH]
    )


# Words after "which" read for its noun ("which criminal group").
_KIND_REACH = 2


def _qualified(tokens: Sequence[Token], index: int) -> bool:
    """Whether one word between a determiner and the noun at ``index`` qualifies it ("the
    interest rate")."""
    return index > 1 and tokens[index - 1].is_word and tokens[index - 2].lower in _DETERMINERS


def _said_around(
    tokens: Sequence[Token], index: int, after: int, question: QuestionAnalysis
) -> bool:
    """Whether an open wh-clause whose subject is a pronoun ("... had made an offer but
    declined to say how much it had offered") is about the question, its words counted
    before the wh-word too: the pronoun stands for what was named there."""
    if after >= len(tokens) or tokens[after].lower not in _STANDING_FOR:
        return False
    start = max(0, index - _ELLIPSIS_REACH)
    return _about_the_question(tokens, start, question, stop=after + _SUBJECT_REACH)


def _said_wh(tokens: Sequence[Token], index: int, wh: tuple[str, ...]) -> int:
    """How many tokens at ``index`` say the question's wh-words, or 0: the words
    themselves, or for "who?" a "which" before a noun of people or bodies ("declined to
    say which firm would supply it" leaves "who is supplying it?" open)."""
    if tuple(token.lower for token in tokens[index : index + len(wh)]) == wh:
        return len(wh)
    if wh == ("who",) and tokens[index].lower == "which" and index + 1 < len(tokens):
        noun = tokens[index + 1].lower
        return int(any(is_a_kind_of(noun, kind) for kind in _WHOM_KINDS))
    return 0


# What "which <noun>" names when it asks who: "which firm", "which officer".
_WHOM_KINDS = ("person", "organization")


def _opened_before(tokens: Sequence[Token], index: int) -> int | None:
    """Where a wh-clause left open starts that the one at ``index`` is joined to by "or"
    or "and" ("declined to say how much it would cost or which firm would supply it"),
    or None."""
    if index < 2 or tokens[index - 1].lower not in _JOINING:
        return None
    for earlier in range(index - 2, max(0, index - _ELLIPSIS_REACH) - 1, -1):
        if tokens[earlier].lower in _WH_WORDS and earlier > 0 and _left_open(tokens, earlier):
            return earlier
    return None


_JOINING = frozenset({"or", "and"})


def _names_the_asked(
    tokens: Sequence[Token], start: int, question: QuestionAnalysis, wh: tuple[str, ...]
) -> bool:
    """Whether what a refused verb of naming withholds is what the question asks for: for
    "which <noun>?" that noun ("would not name the company" for "which company ...?", not
    "did not name the firm" for "which suspect ...?"); for "who?" one of its words in any
    form ("declined to name the insurer" for "who insured it?", not for "who painted
    it?"). A pronoun ("declined to name them"), or nothing ("whom the paper did not
    name."), withholds whoever the sentence is about."""
    reach = range(start, min(len(tokens), start + _OBJECT_REACH + 1))
    at = next((index for index in reach if tokens[index].lower not in _DETERMINERS), None)
    if at is None or not tokens[at].is_word or tokens[at].lower in _STANDING_FOR:
        return True
    named = tokens[at].stem
    if wh == ("which",):
        asked = question.focus or (question.head[-1] if question.head else _after_which(question))
        return asked is None or named == asked
    asked_stems = question.content_stems
    return named in asked_stems or related_stems(asked_stems).get(named) is not None


def _after_which(question: QuestionAnalysis) -> str | None:
    """The stem of the word after "which" ("suspect" of "which suspect used to work
    there?", read as a verb), or None ("which of them ...?")."""
    tokens = tokenize(question.text[:_WH_PREFIX])
    if len(tokens) < 2 or tokens[0].lower != "which" or tokens[1].lower in _DETERMINERS:
        return None
    return None if tokens[1].lower == "of" else tokens[1].stem


# Owners standing for what was named before: "did not disclose its value".
_OWNERS = frozenset({"its", "their", "his", "her"})
# Words "declined to name" may withhold in place of the noun ("declined to name them").
_STANDING_FOR = frozenset(
    {"it", "them", "him", "her", "he", "she", "they", "either", "both", "any"}
)
# Determiners read past to the withheld noun ("declined to name the two companies").
_OBJECT_REACH = 3


def _asks_whom(question: QuestionAnalysis, wh: tuple[str, ...]) -> bool:
    """Whether the question asks who someone or some body is ("who will supply it?",
    "which company will supply it?"): a refusal to name one leaves it open."""
    if question.answer_type is AnswerType.DEFINITION:
        return False  # "who is Gerlinde Moser?" asks what she is, whoever she declined to name
    return wh in {("who",), ("which",)} or (
        wh == ("what",) and question.answer_type in {AnswerType.PERSON, AnswerType.ORGANIZATION}
    )


def _places_to_read(text: str, wh: tuple[str, ...], nouns: frozenset[str], whom: bool) -> list[int]:
    """The token indexes where :func:`unsaid_at` can find a gap, in order: the wh-words'
    first word, an asked-for noun, or (for "who?" and "which company?") a verb of naming.
    Any other word opens none, so a sentence is read only where such a word stands."""
    lowered = lower_places(text)
    firsts = {wh[0], "which"} if wh == ("who",) else {wh[0]}
    size = len(tokenize(text))
    # wh-words need room for the rest of theirs; a noun may be the sentence's last word
    # ("did not disclose its value.")
    places = [i for first in firsts for i in lowered.get(first, ()) if i < size - len(wh)]
    places.extend(i for noun in nouns for i in lowered.get(noun, ()))
    if whom:
        stemmed = stem_places(text)
        places.extend(i for naming in _NAMING for i in stemmed.get(naming, ()))
    return sorted({index for index in places if 1 <= index < size})


def conditioned_at(text: str) -> int | None:
    """Where a sentence makes what it says hang on something not happening, or None:
    "drivers will walk out again on Nov. 14 if there is no agreement", "had not ruled out
    charges". Said of the sentence that best says a yes/no question, it answers neither
    yes nor no: the article leaves the question open."""
    tokens = tokenize(text)
    for index, token in enumerate(tokens):
        after = [other.lower for other in tokens[index + 1 : index + 1 + _CONDITION_REACH]]
        if token.lower in _CONDITIONS and any(says_not(word) for word in after):
            return index
        if says_not(token.lower) and any(
            word in _RULE_FORMS and following == "out" for word, following in pairwise(after)
        ):
            return index
    return None


# "if there is no agreement": the negation this close after "if" or "unless".
_CONDITION_REACH = 3
_CONDITIONS = frozenset({"if", "unless"})
_RULE_FORMS = frozenset({"rule", "ruled", "ruling", "rules"})


def _whether_open(text: str, question: QuestionAnalysis) -> int | None:
    """Where ``text`` leaves a yes/no question open, or None: "It was not yet known
    whether prosecutors will open an investigation" for "are prosecutors opening a
    case?", "Whether the committee will extend the ban was not yet known." for "will
    the ban be extended?". The clause must say a word of the question; the sentence
    is the one that says most of it, or the question would not be asked of it."""
    tokens = tokenize(text)
    asked = question.content_stems
    first_word = next((index for index, token in enumerate(tokens) if token.is_word), None)
    for index, token in enumerate(tokens):
        if token.lower not in _WHETHER:
            continue
        clause = {other.stem for other in tokens[index + 1 : index + 1 + _CLAUSE_REACH]}
        if not clause & asked:
            continue
        if index > 0 and (_left_open(tokens, index) or _still_to_decide(tokens, index)):
            return index
        if index == first_word and token.lower == "whether":
            found = _said_open(tokens, index + 1)
            if found is not None:
                return found
    return None


def _still_to_decide(tokens: Sequence[Token], wh_index: int) -> bool:
    """Whether a decision still to come governs the "whether" at ``wh_index``: "the team
    would decide on Friday morning whether Daumier would start", "is considering
    whether to appeal". The deciding verb stands a few words before it, after "will",
    "would" or "to", or in its "-ing" form."""
    for verb in range(max(0, wh_index - _DECISION_REACH), wh_index):
        token = tokens[verb]
        if token.stem not in _DECIDING:
            continue
        if token.lower.endswith("ing") or (verb > 0 and tokens[verb - 1].lower in _STILL_TO_COME):
            return True
    return False


def _said_open(tokens: Sequence[Token], start: int) -> int | None:
    """Where the rest of a sentence that opens with "Whether ..." says it is not known:
    "... was not yet known", "... is unclear", "... has not been decided"."""
    for index in range(start, len(tokens)):
        token = tokens[index]
        if token.lower in _OPEN or (token.stem in _TELLING_OR_DECIDING and _refused(tokens, index)):
            return index
    return None


def _asked_nouns(question: QuestionAnalysis, wh: tuple[str, ...]) -> frozenset[str]:
    """The nouns that name what the question asks for: "cause" for "why?" and for "what
    caused ...?", "name" for "who?" and for "what is the name of ...?"."""
    nouns = set(_ASKED_NOUNS.get(wh, frozenset()))
    if question.answer_type in {AnswerType.PERSON, AnswerType.ORGANIZATION}:
        nouns |= _ASKED_NOUNS[("who",)]  # "the name of the firm has not been made public"
    if question.answer_type is AnswerType.REASON:
        nouns |= _ASKED_NOUNS[("why",)]
    nouns |= {token.lower for token in question.content} & _ALL_ASKED_NOUNS
    if question.focus and wh[0] in {"how", "which", "what"}:
        # "have not yet estimated the damage to homes" for "how much damage was done?"
        nouns |= {token.lower for token in question.content if token.stem == question.focus}
    return frozenset(nouns)


def _none_given(tokens: Sequence[Token], index: int) -> bool:
    """Whether the noun at ``index`` is one that "no" says was not set or given: "no date
    has been set", "no reason was given", "no cost was disclosed"."""
    if index < 1 or tokens[index - 1].lower != "no":
        return False
    following = tokens[index + 1 : index + 1 + _GIVEN_REACH]
    return any(token.stem in _SETTING for token in following)


def _noun_left_open(tokens: Sequence[Token], index: int) -> bool:
    """Whether the noun at ``index`` is left open: governed by a negated or refused verb
    of telling or finding out ("have not determined the cause"), or said to be unknown
    soon after ("the cause of the fire is under investigation")."""
    verb = index - 1
    if _qualified(tokens, index):
        verb -= 1  # "disclose the interest rate": one word qualifies the noun
    if verb > 0 and tokens[verb].lower in _DETERMINERS:
        verb -= 1
    if verb >= 0 and tokens[verb].stem in _TELLING | _FINDING and _refused(tokens, verb):
        return True
    after = " ".join(token.lower for token in tokens[index + 1 : index + 1 + _STILL_OPEN_REACH])
    return _STILL_OPEN.search(after) is not None


def _left_open(tokens: Sequence[Token], wh_index: int) -> bool:
    """Whether the words before the wh-word leave it open: "did not say", "unclear"."""
    verb = wh_index - 1
    if verb > 0 and tokens[verb].lower in _BETWEEN:
        verb -= 1  # "did not say exactly how many"
    if tokens[verb].lower in _OPEN:
        return True
    return tokens[verb].stem in _TELLING and _refused(tokens, verb)


def _refused(tokens: Sequence[Token], verb: int) -> bool:
    """Whether the verb at ``verb`` is negated or refused: "did not say", "declined to name"."""
    before = tokens[max(0, verb - _NEGATION_REACH) : verb]
    if any(says_not(token.lower) or token.stem in _REFUSING for token in before):
        return True
    # "declined to name it or to say how much", "declined to name the lenders or
    # disclose the rate": a second verb of the same refusal
    joined = verb - 1 if verb > 0 and tokens[verb - 1].lower == "to" else verb
    if joined < 1 or tokens[joined - 1].lower not in _JOINING:
        return False
    earlier = tokens[max(0, joined - _ELLIPSIS_REACH) : joined - 1]
    return any(token.stem in _REFUSING for token in earlier)


def _about_the_question(
    tokens: Sequence[Token],
    start: int,
    question: QuestionAnalysis,
    *,
    named: bool = False,
    stop: int | None = None,
) -> bool:
    """Whether most of the question's words follow soon after the wh-words: "how much the
    new cranes would cost" is about "how much will the automated cranes cost?", not
    about "how much will the agreement cost?". ``named``: the asked-for noun ("the value
    of the deal") stands for one of the question's words, the one that asks. ``stop``:
    the words read end there instead (an elided clause's words come before it). A word
    counts in any of its irregular forms ("sell" for "sold")."""
    asked = question.content_stems
    related = related_stems(asked)
    window = tokens[start : start + _SUBJECT_REACH if stop is None else stop]
    said = {related.get(token.stem, token.stem) for token in window} & asked
    return 2 * (len(said) + named) > len(asked) + named


def _ends_clause(tokens: Sequence[Token], index: int) -> bool:
    """Whether the clause ends at ``index``: "... but did not say which." elides it."""
    return index >= len(tokens) or tokens[index].text in _CLAUSE_ENDS


def _said_before(tokens: Sequence[Token], wh_index: int, question: QuestionAnalysis) -> bool:
    """Whether the question's words come before an elided wh-clause: "ready to sell some
    brands if regulators demanded it, but did not say which" for "which brands will be
    sold?"."""
    return _about_the_question(tokens, max(0, wh_index - _ELLIPSIS_REACH), question, stop=wh_index)
