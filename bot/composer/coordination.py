"""Answers of several items: "what two scientists?" is answered by "Robert Koch and Emil
von Behring", where the rules propose each name alone.

A question that names a count of items ("what two", "what are the three", "name the two")
gets, beside its candidates, the runs of that many candidates of one sentence joined by
"and", "or", "versus" or commas; the span scorer weighs whether a span holds the count
asked for (:mod:`bot.composer.span_features`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from bot.composer.candidates import Candidate, rule_family
from bot.composer.tokens import Token

__all__ = ["ITEM_JOINERS", "asked_count", "item_count", "joined_items", "whole_lists"]

ITEM_JOINERS = frozenset({"and", "or", "versus", "nor"})
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# "what two scientists", "what are the three sources", "name the two teams": a count of
# items asked for, right after the question word (a copula and "the" between). A count
# elsewhere is the question's own ("if the three institutions cannot agree, what ...?").
_ASKED_COUNT = re.compile(
    r"(?:\b(?:what|which)|^(?:name|list|give)(?: me)?)(?: are| were)?(?: the)?"
    r" (two|three|four|five|six)\b"
)
# What may stand between two items: "A and B", "A, B", "A, and the B", "A as well as B".
_BETWEEN_ITEMS = frozenset({",", "and", "or", "versus", "nor", "the", "a", "an", "as", "well"})
_MAX_BETWEEN = 3


@lru_cache(maxsize=4096)
def asked_count(question_text: str) -> int:
    """How many items the question asks for, 0 when it names no count."""
    found = _ASKED_COUNT.search(question_text.lower())
    return _COUNT_WORDS[found.group(1)] if found else 0


def item_count(tokens: Sequence[Token]) -> int:
    """How many items a span lists: one more than its joiners, a comma before "and" or
    "or" counted with it."""
    joints = 0
    for index, token in enumerate(tokens):
        if token.lower in ITEM_JOINERS or (
            token.text == ","
            and (index + 1 >= len(tokens) or tokens[index + 1].lower not in ITEM_JOINERS)
        ):
            joints += 1
    return joints + 1


def joined_items(candidates: Sequence[Candidate], asked: int) -> list[Candidate]:
    """Runs of ``asked`` one-item candidates of one rule family, each joined to the next
    by a joiner, as one candidate of the first one's rule (the lowest fit of the run)."""
    singles, by_first = _single_items(candidates)
    runs = (_run_from(start, by_first, asked) for start in singles)
    return [_as_one(run) for run in runs if len(run) == asked]


def whole_lists(candidates: Sequence[Candidate]) -> list[Candidate]:
    """The longest runs (of two to :data:`_MAX_ITEMS`) of one-item candidates of one rule
    family, each joined to the next: "France, Italy, Belgium, the Netherlands, Luxembourg
    and Germany" for "which countries ...?", which names no count."""
    singles, by_first = _single_items(candidates)
    inside: set[tuple[int, int]] = set()  # items that follow another: no run starts there
    runs: list[Candidate] = []
    for start in singles:
        if (start.first, start.last) in inside:
            continue
        run = _run_from(start, by_first, _MAX_ITEMS)
        inside.update((item.first, item.last) for item in run[1:])
        # a list closes with "and" or "or" before its last item: "the austral, the
        # region's currency" is one thing said twice, "Result, Tibetan Buddhism" no list
        while len(run) > 1 and not _closes_a_list(run[-2], run[-1]):
            run.pop()
        if len(run) > 1:
            runs.append(_as_one(run))
    return runs


def _run_from(start: Candidate, by_first: dict[int, list[Candidate]], most: int) -> list[Candidate]:
    """``start`` and the items joined after it, one by one, at most ``most`` in all."""
    run = [start]
    for _ in range(most - 1):
        following = _next_item(run[-1], by_first)
        if following is None:
            break
        run.append(following)
    return run


def _as_one(run: list[Candidate]) -> Candidate:
    """The run as one candidate of its first item's rule, at its items' lowest fit."""
    fit = min(item.type_fit for item in run)
    return run[0]._replace(last=run[-1].last, type_fit=fit)


def _closes_a_list(item: Candidate, last: Candidate) -> bool:
    """Whether "and" or "or" stands between ``item`` and the ``last`` item after it."""
    between = item.sentence.tokens[item.last + 1 : last.first]
    return any(token.lower in ITEM_JOINERS for token in between)


_MAX_ITEMS = 8


def _single_items(
    candidates: Sequence[Candidate],
) -> tuple[list[Candidate], dict[int, list[Candidate]]]:
    """The one-item candidates in the order they stand, and the same by first token."""
    singles = sorted(
        (c for c in candidates if item_count(c.tokens) == 1), key=lambda c: (c.first, c.last)
    )
    by_first: dict[int, list[Candidate]] = {}
    for candidate in singles:
        by_first.setdefault(candidate.first, []).append(candidate)
    return singles, by_first


def _next_item(item: Candidate, by_first: dict[int, list[Candidate]]) -> Candidate | None:
    """The longest candidate of the item's family that starts after a joiner next to it."""
    tokens = item.sentence.tokens
    family = rule_family(item.rule)
    joined = False
    for at in range(item.last + 1, min(len(tokens), item.last + 2 + _MAX_BETWEEN)):
        following = [c for c in by_first.get(at, ()) if rule_family(c.rule) == family]
        if joined and following:
            return max(following, key=lambda c: c.last)
        word = tokens[at].lower
        if word not in _BETWEEN_ITEMS:
            return None
        joined = joined or word in ITEM_JOINERS or word == ","
    return None
