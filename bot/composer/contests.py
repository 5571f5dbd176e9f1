"""Who won and who lost: the two sides of "X beat Y".

"Who lost the men's final?" of "Iglesias beat Fairweather 6-3, 6-4" asks for the
name after the verb, "who won?" for the one before it; the other span features
only say which names stand near the question's words, and both do. This module
reads the side of a contest a span stands on, and the side a question asks for,
from a few closed lists of English verbs; the span scorer weighs the fit.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from bot.composer.candidates import Candidate
from bot.composer.questions import AnswerType, QuestionAnalysis
from bot.composer.tokens import Token, tokenize

__all__ = ["LOSER", "WINNER", "asked_side", "contest_fit", "side_of"]

WINNER = "winner"
LOSER = "loser"

# Verbs whose doer wins and whose object loses ("Sato beat Varga"), in every form
# news writes them.
_BEATS = frozenset(
    (
        "beat beats beating beaten defeat defeats defeated defeating edge edges edged "
        "edging overcome overcomes overcame overcoming rout routs routed routing outlast "
        "outlasts outlasted outlasting upset upsets upsetting eliminate eliminates "
        "eliminated eliminating oust ousts ousted ousting trounce trounces trounced "
        "trouncing thrash thrashes thrashed thrashing outpoll outpolls outpolled "
        "outscore outscores outscored overpower overpowers overpowered"
    ).split()
)
# Verbs whose doer wins what follows ("Sato won the title"): the winner's side only.
_WINS = frozenset("win wins won winning".split())
# Verbs whose doer loses ("Fairweather lost"; "lost to Iglesias": the winner after "to").
_LOSES = frozenset("lose loses lost losing".split())
_PASSIVE = frozenset("is are was were be been being".split())
# A doer stands at most this many tokens before its verb, an object this many after:
# "In the men's final, Argentina's Tomás Iglesias beat Canada's Noah Fairweather".
_REACH_BEFORE = 6
_REACH_AFTER = 4
# The questions a winner or a loser answers: who, which organization, which team.
_ASKING_WHO = frozenset({AnswerType.PERSON, AnswerType.ORGANIZATION, AnswerType.OTHER})


def asked_side(question: QuestionAnalysis) -> str | None:
    """The side of a contest the question asks for, or None when it asks of none.

    "who won?", "who beat Varga?": the winner; "who lost?", "who did Sato beat?",
    "who was beaten?": the loser; "who did Varga lose to?", "who was she beaten
    by?": the winner again. Only questions asking for someone or something do:
    "how many jobs were lost?" asks for no side.
    """
    if question.answer_type not in _ASKING_WHO:
        return None
    return _asked_side(question.text, question.wh_role)


@lru_cache(maxsize=256)
def _asked_side(text: str, wh_role: str) -> str | None:
    """Worked out once a question: every candidate asks."""
    words = [token.lower for token in tokenize(text) if token.is_word]
    ends_with = words[-1] if words else ""
    for index, word in enumerate(words):
        if word in _LOSES:
            return WINNER if ends_with == "to" else LOSER
        if word in _WINS or word in {"winner", "champion"}:
            return WINNER
        if word in _BEATS:
            passive = index > 0 and words[index - 1] in _PASSIVE
            if passive:
                return WINNER if ends_with == "by" else LOSER
            return LOSER if wh_role == "object" else WINNER
    return None


def side_of(candidate: Candidate) -> str | None:
    """The side of a contest verb near it that ``candidate`` stands on, if any: the
    nearest verb decides."""
    tokens = candidate.sentence.tokens
    first, last = candidate.first, candidate.last
    after = _side_after(tokens, last)
    before = _side_before(tokens, first)
    if after is not None and (before is None or after[1] <= before[1]):
        return after[0]
    return before[0] if before is not None else None


def contest_fit(candidate: Candidate, asked: str | None) -> float:
    """1 when the span stands on the side asked for, -1 on the other, else 0."""
    if asked is None:
        return 0.0
    side = side_of(candidate)
    if side is None:
        return 0.0
    return 1.0 if side == asked else -1.0


def _side_after(tokens: Sequence[Token], last: int) -> tuple[str, int] | None:
    """The span stands before a verb: its doer (or, passive, the one it was done to)."""
    stop = min(len(tokens), last + 1 + _REACH_BEFORE)
    for index in range(last + 1, stop):
        word = tokens[index].lower
        passive = tokens[index - 1].lower in _PASSIVE
        if word in _BEATS:
            return (LOSER if passive else WINNER), index - last
        if word in _LOSES:
            return LOSER, index - last
        if word in _WINS and not passive:
            return WINNER, index - last
    return None


def _side_before(tokens: Sequence[Token], first: int) -> tuple[str, int] | None:
    """The span stands after a verb: its object, the one after "by" of a passive, or the
    one after "lost to"."""
    start = max(0, first - _REACH_AFTER)
    for index in range(first - 1, start - 1, -1):
        word = tokens[index].lower
        if word == "by" and index > 0:
            verb = tokens[index - 1].lower
            if verb in _BEATS and index > 1 and tokens[index - 2].lower in _PASSIVE:
                return WINNER, first - index
        if word == "to" and index > 0 and tokens[index - 1].lower in _LOSES:
            return WINNER, first - index
        if word in _BEATS:
            if index > 0 and tokens[index - 1].lower in _PASSIVE:
                return None  # "Varga was beaten Saturday": no object
            return LOSER, first - index
    return None
