"""What someone's parents did for a living: "the son of a shoemaker and a church organist".

An obituary gives a life's start in one phrase: "Born in 1941 in Zlín, the son of a
shoemaker and a church organist, Kučera began playing the violin at six", or "born
in El Paso in 1940 to a Mexican-born bricklayer and a schoolteacher". A reader asks
"what did his parents do?" or "what did her dad do for a living?", which shares no
word with that phrase: no sentence ranker finds it, and the answer is not a name, a
date or a number any extractor proposes. So the question is recognised here, and
the phrase is read straight from the article: after "son/daughter/child(ren) of" or
"born ... to", one or two people named by what they did ("a bricklayer and a
schoolteacher"). The first is the father, the second the mother, as such phrases
are written; "what did his parents do?" is answered by both.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from bot.composer.lexicon import KIN_NOUNS, POSSESSIVE_PRONOUNS
from bot.composer.noun_kinds import is_a_kind_of
from bot.composer.tokens import tokenize
from retrieval import Passage

__all__ = ["ParentAsked", "Parentage", "asked_parent", "parents_work"]

Parent = Literal["parents", "father", "mother"]

# "what did her father do (for a living)?", "what were his parents' jobs?", "what job did
# her mother have?": whose parent (the first group that matches) and which (the second).
# The question ends there: "what did her father do after the verdict?" asks a deed.
_OWNER = r"(his|her|their|(?:[^\W\d_][\w'-]{0,30} ){0,2}[^\W\d_][\w'-]{0,30}'s?)"
_PARENT = r"(parents|father|mother|dad|mum|mom)"
_ASKED = re.compile(
    rf"^what (?:did|do|does) {_OWNER} {_PARENT} do(?: for (?:a living|work|money))?\W*$"
    rf"|^what (?:was|were|is|are) {_OWNER} {_PARENT}(?:'s|')? "
    r"(?:jobs?|occupations?|professions?|trades?|work)\W*$"
    rf"|^what (?:job|jobs|work) did {_OWNER} {_PARENT} (?:do|have)\W*$"
)
_PARENT_WORDS: dict[str, Parent] = {
    "parents": "parents",
    "father": "father",
    "dad": "father",
    "mother": "mother",
    "mum": "mother",
    "mom": "mother",
}
# "the son of a X and a Y", "youngest of six children of a X", "born ... to a X and a Y":
# the people after "of" or "to", each "a/an" and up to five words, to the clause's end.
_PERSON = r"an? [^\W\d][\w'-]*(?: [^\W\d][\w'-]*){0,4}?"
_PARENTS_PHRASE = re.compile(
    r"\b(?:(?:sons?|daughters?|child|children) of|born\b[^.;:]{0,80}? to) "
    rf"({_PERSON})(?: and ({_PERSON}))?(?=[,.;:()]|$)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Parentage:
    """The words of the article that say what the asked parent (or both) did."""

    passage: Passage
    start: int  # character offsets in the passage's text
    end: int

    @property
    def text(self) -> str:
        return self.passage.text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class ParentAsked:
    """Whose parent a question asks about ("her", "kučera's") and which one."""

    owner: str
    parent: Parent

    def statement(self, work: str) -> str:
        """The reply's sentence: "Her father was a railway clerk."."""
        verb = "were" if self.parent == "parents" else "was"
        if self.owner in POSSESSIVE_PRONOUNS:
            owner = self.owner.capitalize()
        else:  # a name, typed in lower case: "radovan kučera's" -> "Radovan Kučera's"
            owner = " ".join(word[:1].upper() + word[1:] for word in self.owner.split())
        return f"{owner} {self.parent} {verb} {work}."


def asked_parent(question_text: str) -> ParentAsked | None:
    """Whose parent's work the question asks about, or None: her father for "what did her
    dad do for a living?", his parents for "what were his parents' jobs?"."""
    match = _ASKED.match(question_text.lower().strip())
    if match is None:
        return None
    owner, word = (group for group in match.groups() if group is not None)
    return ParentAsked(owner, _PARENT_WORDS[word])


def parents_work(
    passages: Sequence[Passage], asked: Parent, names: frozenset[str]
) -> Parentage | None:
    """Where ``passages`` (one article's, in order) say what the asked parent did. A
    question naming someone (``names``: its capitalized stems) is answered only by a
    passage that names them, and not as someone's kin ("wife of commander Jan van
    Riebeeck (and daughter of a church minister)" tells of her father, not his); one
    that names no one ("what did her dad do?") by the first passage that says it."""
    found = [item for passage in passages if (item := _said_in(passage, asked)) is not None]
    if not names:
        return found[0] if found else None
    return next((item for item in found if _about_the_named(item.passage.text, names)), None)


def _about_the_named(text: str, names: frozenset[str]) -> bool:
    tokens = tokenize(text)
    at = next((index for index, token in enumerate(tokens) if token.stem in names), None)
    if at is None:
        return False
    before = [token.lower for token in tokens[max(0, at - _KIN_REACH) : at]]
    return not any(
        word == "of" and index > 0 and before[index - 1] in KIN_NOUNS
        for index, word in enumerate(before)
    )


# Words before a name read for "wife of", "son of" ("wife of commander Jan van Riebeeck").
_KIN_REACH = 6


def _said_in(passage: Passage, asked: Parent) -> Parentage | None:
    for match in _PARENTS_PHRASE.finditer(passage.text):
        first, second = match.span(1), match.span(2) if match.group(2) else None
        if not _names_work(match.group(1)) or (second and not _names_work(match.group(2))):
            continue
        if asked == "parents":
            return Parentage(passage, first[0], second[1] if second else first[1])
        if asked == "father":
            return Parentage(passage, *first)
        if second is not None:
            return Parentage(passage, *second)
    return None


def _names_work(phrase: str) -> bool:
    """Whether "a church organist" names someone by what they do: its last word a kind of
    person in WordNet, lower case ("a shoemaker", not "a Catholic family" or "a Dane")."""
    last = phrase.rsplit(" ", 1)[-1]
    return last.islower() and is_a_kind_of(last, "person")
