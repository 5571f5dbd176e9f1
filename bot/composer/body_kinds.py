"""Kinds of body a question asks for, and the kind a body's own name says it is.

"Which company makes relvaxaban?" is not answered by "the Scandinavian Cardiac Fund",
nor "which party?" by "the Electoral Commission": a body's name often ends in the
noun for its kind ("Fund", "Commission", "Group"), and when that noun is of another
kind than the question's head noun the body is another kind of thing. Kinds are
broad, as news uses their words loosely: a "firm" may be a "Group", "Holdings" or a
"Bank", a "party" a "Union" or an "Alliance". A name that says no kind ("Ribera",
"Health Canada") is left to the weights.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.composer.tokens import Token

__all__ = ["another_kind_of_body"]

# Each kind: the question's head nouns for it, then the last words of names of it.
_KINDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "business": (
        frozenset(
            "company companies firm firms business businesses maker makers manufacturer "
            "manufacturers supplier suppliers operator operators carrier carriers airline "
            "airlines retailer retailers contractor contractors insurer insurers lender "
            "lenders developer developers producer producers bank banks chain chains "
            "brand brands".split()
        ),
        frozenset(
            "inc corp corporation co ltd plc llc ag sa gmbh group holdings partners "
            "industries technologies systems appliances pharmaceuticals biotherapeutics "
            "labs laboratories enterprises motors airlines airways bank energy foods "
            "logistics construction rail".split()
        ),
    ),
    "party": (
        frozenset("party parties".split()),
        frozenset("party union alliance front movement coalition bloc league".split()),
    ),
    "public": (
        frozenset(
            "agency agencies ministry ministries regulator "
            "regulators authority authorities commission commissions board boards "
            "council councils court courts tribunal tribunals".split()
        ),
        frozenset(
            "agency ministry department authority commission board council court "
            "tribunal office service inspectorate directorate administration".split()
        ),
    ),
    "charity": (
        frozenset("charity charities foundation foundations trust trusts fund funds".split()),
        frozenset("foundation trust fund charity appeal".split()),
    ),
    "school": (
        frozenset(
            "university universities college colleges school schools academy academies".split()
        ),
        frozenset("university college school academy polytechnic".split()),
    ),
}
_KIND_OF_HEAD = {noun: kind for kind, (heads, _) in _KINDS.items() for noun in heads}
_KIND_OF_NAME = {end: kind for kind, (_, ends) in _KINDS.items() for end in ends}


def another_kind_of_body(head_word: str | None, name: Sequence[Token]) -> bool:
    """Whether ``name`` (a capitalized name's tokens) says it is a body of another kind
    than ``head_word`` asks for ("Scandinavian Cardiac Fund" for "which company?")."""
    if head_word is None:
        return False
    wanted = _KIND_OF_HEAD.get(head_word)
    said = _kind_of_name(name)
    return wanted is not None and said is not None and said != wanted


def _kind_of_name(name: Sequence[Token]) -> str | None:
    """The kind the name's own noun says: its last word, or the word before its "of"
    ("Bank of Ireland", "Ministry of Health"); None unless that word is capitalized."""
    words = [token for token in name if token.is_word]
    if not words:
        return None
    lowers = [token.lower.removesuffix("'s") for token in words]
    at = lowers.index("of") - 1 if "of" in lowers[1:] else len(words) - 1
    if not words[at].is_capitalized:
        return None
    return _KIND_OF_NAME.get(lowers[at])
