"""What an article says it does not know: "she did not say how many bakeries would close".

News marks the gaps in a story. A question about the very thing a sentence says
nobody disclosed ("how many bakeries will close?" against "She did not say how
many bakeries would close.") has no answer in the article, however well another
number of the story ("31 bakeries") fits its words; answering it would be the
confident wrong answer a reader trusts least.

:func:`unsaid_at` finds such a statement: the question's own wh-words ("how many",
"when", "who") after a verb of telling or knowing that is negated or refused
("did not say", "declined to disclose", "would not confirm", "it is not known")
or after "unclear"/"unknown", with most of the question's words soon after.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.composer.lexicon import says_not
from bot.composer.questions import QuestionAnalysis
from bot.composer.tokens import Token, tokenize
from retrieval.analysis import stem

__all__ = ["asked_wh", "unsaid_at"]

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
# Verbs that refuse the telling verb after "to": "declined to say".
_REFUSING = frozenset(stem(word) for word in ("decline", "refuse"))
# A word allowed between the telling verb and the wh-word: "did not say exactly how".
_BETWEEN = frozenset({"exactly", "yet", "publicly", "immediately"})
# How far before the telling verb its negation may stand ("would not immediately say").
_NEGATION_REACH = 3
# How far after the wh-words the question's words must follow.
_SUBJECT_REACH = 8
_WORD = re.compile(r"[a-z]+")
# The question's opening characters, where its wh-words are.
_WH_PREFIX = 24
_WH_WORDS = frozenset({"when", "where", "who", "whom", "why", "which", "what", "how"})


def asked_wh(question_text: str) -> tuple[str, ...]:
    """The wh-words a question opens with: ("how", "many"), ("when",), or () for none."""
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
        return None
    tokens = tokenize(text)
    lowers = [token.lower for token in tokens]
    for index in range(1, len(tokens) - len(wh)):
        if tuple(lowers[index : index + len(wh)]) != wh:
            continue
        if _left_open(tokens, index) and _about_the_question(tokens, index + len(wh), question):
            return index
    return None


def _left_open(tokens: Sequence[Token], wh_index: int) -> bool:
    """Whether the words before the wh-word leave it open: "did not say", "unclear"."""
    verb = wh_index - 1
    if verb > 0 and tokens[verb].lower in _BETWEEN:
        verb -= 1  # "did not say exactly how many"
    if tokens[verb].lower in _OPEN:
        return True
    if tokens[verb].stem not in _TELLING:
        return False
    before = tokens[max(0, verb - _NEGATION_REACH) : verb]
    return any(says_not(token.lower) or token.stem in _REFUSING for token in before)


def _about_the_question(tokens: Sequence[Token], start: int, question: QuestionAnalysis) -> bool:
    """Whether most of the question's words follow soon after the wh-words: "how much the
    new cranes would cost" is about "how much will the automated cranes cost?", not
    about "how much will the agreement cost?"."""
    asked = question.content_stems
    said = {token.stem for token in tokens[start : start + _SUBJECT_REACH]} & asked
    return 2 * len(said) > len(asked)
