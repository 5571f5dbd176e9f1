"""Follow-up questions: "and where?", "where is it?", "what did he say?", "what about X?".

A follow-up lacks the words that say what it is about; they are borrowed from the
previous question of the same conversation. Three forms:

- "what/how about X?" asks the previous question again about X;
- a question whose only topic is a pronoun ("where is it?") gets the previous
  subject in the pronoun's place;
- a bare question word ("and when?", "why?") gets the previous subject appended.
"""

from __future__ import annotations

import re

from bot.conversation import Turn

__all__ = ["resolve_followup"]

# The topic runs to its last character that is not a closing "?", "." or "!" (a
# lazy ".+?" followed by "[?.!]*$" would rescan a long run of "?" at every step).
_ABOUT = re.compile(
    r"^(?:and |so |but )?(?:what|how) about (.*[^?.!\n]|[?.!])[?.!]*$", re.IGNORECASE
)
_LEADING_JOINER = re.compile(r"^(?:and|so|but|also|ok|okay|then)\b[ ,]*", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:he|she|it|they|him|her|them|this|that|there)\b", re.IGNORECASE)
_WH_PREFIX = re.compile(
    r"^((?:in |at |on |from |to |since |until )?(?:when|where|who|whom|whose|why|how(?: \w+)?|"
    r"what(?: \w+)?|which(?: \w+)?)(?: (?:is|are|was|were|will|did|does|do|has|have|had))?)\b",
    re.IGNORECASE,
)
_CONTENT = re.compile(r"[A-Za-z0-9]{3,}")
_NOT_TOPIC = frozenset(
    "when where who whom whose why how what which is are was were will would did does do has "
    "have had the and but also then about it he she they him her them this that there say said "
    "tell told happen happened mean".split()
)


def resolve_followup(question: str, previous: Turn | None) -> str:
    """Rewrite ``question`` with the previous turn's subject when it is a follow-up."""
    if previous is None:
        return question
    person = _person_answered(previous) or _name_asked_about(previous)
    if person is not None and _PERSONAL.search(question):
        # "who died?" -> "Inés Calderón"; then "how old was she?", "who was her husband?"
        return _PERSONAL.sub(lambda pronoun: _for_pronoun(pronoun, person), question, count=1)
    if not previous.subject:
        return question
    about = _ABOUT.match(question)
    if about:
        prefix = _WH_PREFIX.match(previous.question)
        if prefix:
            return f"{prefix.group(1)} {about.group(1)}?"
        return question
    core = _LEADING_JOINER.sub("", question).strip()
    if _has_topic(core):
        return question
    subject = _person_or_subject(previous)
    if _PRONOUN.search(core):
        return _PRONOUN.sub(subject, core, count=1)
    return f"{core.rstrip('?!. ')} {previous.subject}?"


def _person_answered(previous: Turn) -> str | None:
    """The person a "who" question was answered with: what "she" or "his" next stands for."""
    answer = previous.short_answer
    if previous.question_type != "PERSON" or not answer:
        return None
    names = _names(answer)
    return names[0] if names else None


def _name_asked_about(previous: Turn) -> str | None:
    """The name the last question was about ("how old was Inés Calderón?"): what "her"
    stands for in the next one."""
    names = _names(previous.subject)
    return names[0] if names else None


def _for_pronoun(pronoun: re.Match[str], person: str) -> str:
    """The person in the pronoun's place: "her husband" is the person's husband."""
    possessive = pronoun.group(0).lower() in {"his", "their"} or (
        pronoun.group(0).lower() == "her" and pronoun.group(1) is not None
    )
    return f"{person}'s" if possessive else person


# A personal pronoun ("she", "him"), or a possessive one before its noun ("her husband",
# not "tell her about it"): group 1 is the space before that noun.
_PERSONAL = re.compile(
    r"\b(?:he|she|him|his|they|them|their)\b"
    r"|\bher\b(?=( )(?!(?:about|to|in|on|at|for|with|by|from|that|and|or|the|a|an)\b)[a-z])"
    r"|\bher\b",
    re.IGNORECASE,
)


def _has_topic(question: str) -> bool:
    words = [word.lower() for word in _CONTENT.findall(question)]
    return any(word not in _NOT_TOPIC for word in words)


def _person_or_subject(previous: Turn) -> str:
    """A pronoun most likely stands for the named person or thing of the last question."""
    names = _names(previous.subject)
    return names[0] if names else previous.subject


def _names(text: str) -> list[str]:
    """The capitalized names of one or more words in ``text``."""
    return re.findall(r"\b[A-Z][\w'-]*(?: [A-Z][\w'-]*)*", text)
