"""Whose role a sentence names: the body that owns a mention of it.

"Who is the head of the Therapeutic Products Board?" is not answered by
"Tallisker's chief executive, Bronwyn Achebe-Lloyd": the sentence names the role,
and a name beside it, but the role is Tallisker's. A story about one event names
several bodies, each with its own chief, director or spokesman, so a question that
names whose role it asks about is answered only by a mention owned by that body, or
by one whose owner the sentence does not write beside it ("the chief executive,
Sofia Macedo,"): the article may have named the body sentences earlier.

Only a body the question calls by its name is checked: "the ferry company" may be
"Adria Azzurra" ("Adria Azzurra's chief executive"), and "the ferry's captain" is
"the ship's captain", but "the Therapeutic Products Board" is no other body. An
owner is a name written before the role as a possessive ("Tallisker's chief
executive") or after it with "of" ("the captain of the Kornat Star"): "the company's
chief executive" may be the named body's, and "the leadership of Hassan al-Turabi"
names the holder of an office, not its owner.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.composer.lexicon import FUNCTION_WORDS
from bot.composer.questions import QuestionAnalysis
from bot.composer.tokens import Token

__all__ = ["anothers_role", "named_body"]

# The words of an owner read before or after a role: "the Kornat Star", "the regional
# water utility's".
_OWNER_WORDS = 4
_POSSESSIVE_ENDINGS = ("'s", "’s", "s'")
# "leadership", "chairmanship": an office, which "of" follows with its holder.
_OFFICE = "ship"


def named_body(question: QuestionAnalysis, is_proper: Callable[[str], bool]) -> frozenset[str]:
    """The stems of the body the question names as the role's owner: its words beside the
    role's own that are a name's (capitalized, or written only capitalized by the
    article: "therapeutic" of "the therapeutic products board"), with the body's other
    words; none when the body is named by common words only ("the ferry company")."""
    body = question.content_stems - set(question.focus_phrase)
    named = any(
        token.stem in body and (token.is_capitalized or is_proper(token.lower))
        for token in question.content
    )
    return body if named else frozenset()


def anothers_role(
    tokens: Sequence[Token], index: int, roles: Sequence[str], body: frozenset[str]
) -> bool:
    """Whether the role mentioned at ``index`` (its last word; ``roles``: the stems of
    the role's words) is owned by another body than ``body`` (see :func:`named_body`)."""
    if not body:
        return False
    start = index
    for before in range(index - 1, max(-1, index - len(roles)), -1):
        if tokens[before].stem not in roles:
            break
        start = before  # "chief" of "chief executive"
    owner = _owner_before(tokens, start)
    if not owner and not tokens[index].lower.endswith(_OFFICE):
        owner = _owner_after(tokens, index)
    return bool(owner) and owner.isdisjoint(body)


def _named(words: Sequence[Token]) -> frozenset[str]:
    """The stems of an owner that is a name ("Tallisker's", "the Kornat Star"), or none:
    "the company's chief executive" may be the named body's, called "the company"."""
    if not any(word.is_capitalized for word in words):
        return frozenset()
    return frozenset(word.stem for word in words)


def _owner_before(tokens: Sequence[Token], start: int) -> frozenset[str]:
    """The stems of a possessive owner written before the role ("transit agency's")."""
    at = start - 1
    if at < 0 or not tokens[at].lower.endswith(_POSSESSIVE_ENDINGS):
        return frozenset()
    owner: list[Token] = []
    for word in reversed(tokens[max(0, start - _OWNER_WORDS) : start]):
        if not word.is_word or word.lower in FUNCTION_WORDS:
            break
        owner.append(word)
    return _named(owner)


def _owner_after(tokens: Sequence[Token], last: int) -> frozenset[str]:
    """The stems of an owner written after the role with "of" ("the Kornat Star")."""
    at = last + 1
    if at >= len(tokens) or tokens[at].lower != "of":
        return frozenset()
    owner: list[Token] = []
    for word in tokens[at + 1 : at + 1 + _OWNER_WORDS]:
        if not word.is_word:
            break
        if word.lower in FUNCTION_WORDS:
            if owner:
                break
            continue  # "of the"
        owner.append(word)
    return _named(owner)
