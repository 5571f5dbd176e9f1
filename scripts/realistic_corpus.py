"""A realistic benchmark corpus: real sentences with words swapped by English frequency.

The synthetic corpus of ``bench_corpus`` is kinder than real text: pseudo-words
are pure ASCII, every passage has exactly 20 words, and no word is as common as
"said" or "year" are in the news. This one starts from the sentences the
repository ships (the seed article and the twelve SQuAD articles in
``data/dev``, CC BY-SA; attribution in ``data/README.md``): each passage is one of
those sentences, chosen at random, with each of its words kept or, with
probability ``SWAP``, replaced by an English word drawn by its frequency in
``wordfreq`` (its top 200,000 words; capitalized where the original was). So the
passages keep real sentence lengths, punctuation, numbers and non-ASCII text
(about 5% of passages), and the vocabulary follows English word frequencies.

Everything is fixed by seeds: passage ``i`` depends only on the seed and ``i``'s
block of ``BLOCK`` passages, so the 1k corpus is the first thousand passages of
the 1M one. Depends on ``wordfreq`` (pinned in the dev extra) and the sentence
splitter of :mod:`retrieval`.

Query kinds (:func:`query_sets`), each a list of strings:

- ``passage``: 3 to 6 words of a random passage, in order (a question sharing
  words with its answer sentence);
- ``common``: 5 words drawn uniformly from wordfreq's 1,000 most frequent
  ("the president said on monday");
- ``rare``: the 3 rarest words (by wordfreq) of a random passage;
- ``question``: the real questions of ``data/dev`` (SQuAD and the seed's).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = PROJECT_ROOT / "seeds" / "000_479c05f56fca69af.txt"
DEV = PROJECT_ROOT / "data" / "dev"
SQUAD_FILES = (DEV / "squad2_dev_2articles.json", DEV / "squad2_dev_10more_articles.json")
SEED_QUESTIONS = DEV / "article_dev.jsonl"

__all__ = ["KINDS", "corpus", "query_sets", "sentences"]

SWAP = 0.5
VOCABULARY = 200_000
BLOCK = 10_000
COMMON_WORDS = 1_000
KINDS = ("passage", "common", "rare", "question")
# Alphabetic words (with an inner apostrophe: "don't"); everything between them is kept.
_WORD = re.compile(r"([^\W\d_]+(?:['’][^\W\d_]+)?)")


@lru_cache(maxsize=1)
def sentences() -> tuple[str, ...]:
    """The template sentences: every passage of the seed and of the SQuAD articles."""
    from retrieval import article_from_text, load_article

    texts = [passage.text for passage in load_article(SEED_ARTICLE).passages]
    for path in SQUAD_FILES:
        for entry in json.loads(path.read_text(encoding="utf-8"))["data"]:
            contexts = [paragraph["context"] for paragraph in entry["paragraphs"]]
            article = article_from_text("\n\n".join(contexts), title=entry["title"])
            texts.extend(passage.text for passage in article.passages)
    return tuple(texts)


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    """wordfreq's English word frequencies (its "best" list, lower case)."""
    import wordfreq

    return wordfreq.get_frequency_dict("en")


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[list[str], list[str], np.ndarray]:
    """wordfreq's top words, their capitalized forms, and their cumulative frequencies."""
    import wordfreq

    words = wordfreq.top_n_list("en", VOCABULARY)
    frequencies = _frequencies()
    cdf = np.cumsum([frequencies[word] for word in words])
    return words, [word[:1].upper() + word[1:] for word in words], cdf / cdf[-1]


@lru_cache(maxsize=1)
def _templates() -> list[tuple[list[str], list[int], list[bool]]]:
    """Each sentence split into pieces, with the positions of its words and their case."""
    templates = []
    for text in sentences():
        pieces = _WORD.split(text)
        positions = list(range(1, len(pieces), 2))  # split() puts the captured words at odd places
        capitals = [pieces[p][:1].isupper() for p in positions]
        templates.append((pieces, positions, capitals))
    return templates


def corpus(n_passages: int, seed: int = 0) -> list[str]:
    """The first ``n_passages`` passages of the realistic corpus."""
    texts: list[str] = []
    for block in range(0, n_passages, BLOCK):
        texts.extend(_block(block // BLOCK, seed)[: n_passages - block])
    return texts


def _block(number: int, seed: int) -> list[str]:
    templates = _templates()
    words, capitalized, cdf = _vocabulary()
    rng = np.random.default_rng([seed, number])
    chosen = rng.integers(0, len(templates), size=BLOCK).tolist()
    total = sum(len(templates[t][1]) for t in chosen)
    swapped = (rng.random(total) < SWAP).tolist()
    replacements = np.searchsorted(cdf, rng.random(total), side="right").tolist()
    texts = []
    cursor = 0
    for template in chosen:
        pieces, positions, capitals = templates[template]
        pieces = pieces.copy()
        for position, capital in zip(positions, capitals, strict=True):
            if swapped[cursor]:
                replacement = min(replacements[cursor], len(words) - 1)
                pieces[position] = (capitalized if capital else words)[replacement]
            cursor += 1
        texts.append("".join(pieces))
    return texts


def query_sets(texts: list[str], count: int, seed: int = 1) -> dict[str, list[str]]:
    """``count`` queries of each kind for the corpus ``texts``."""
    rng = np.random.default_rng(seed)
    return {
        "passage": _passage_queries(texts, count, rng),
        "common": _common_queries(count, rng),
        "rare": _rare_queries(texts, count, rng),
        "question": _questions(count, rng),
    }


def mixed(queries: dict[str, list[str]], seed: int = 2) -> list[tuple[str, str]]:
    """Every query of every kind as (kind, query), shuffled: the mixed set."""
    pairs = [(kind, query) for kind in KINDS for query in queries[kind]]
    order = np.random.default_rng(seed).permutation(len(pairs)).tolist()
    return [pairs[i] for i in order]


def _words_of(text: str) -> list[str]:
    return _WORD.findall(text)


def _passage_queries(texts: list[str], count: int, rng: np.random.Generator) -> list[str]:
    queries = []
    while len(queries) < count:
        words = _words_of(texts[int(rng.integers(len(texts)))])
        if len(words) < 3:
            continue
        size = min(int(rng.integers(3, 7)), len(words))
        picked = sorted(rng.choice(len(words), size=size, replace=False).tolist())
        queries.append(" ".join(words[i] for i in picked))
    return queries


def _common_queries(count: int, rng: np.random.Generator) -> list[str]:
    words = _vocabulary()[0][:COMMON_WORDS]
    picks = [rng.choice(COMMON_WORDS, size=5, replace=False).tolist() for _ in range(count)]
    return [" ".join(words[i] for i in picked) for picked in picks]


def _rare_queries(texts: list[str], count: int, rng: np.random.Generator) -> list[str]:
    frequencies = _frequencies()
    queries = []
    while len(queries) < count:
        words = list(dict.fromkeys(_words_of(texts[int(rng.integers(len(texts)))])))
        if len(words) < 3:
            continue
        rarest = sorted(words, key=lambda word: frequencies.get(word.lower(), 0.0))[:3]
        queries.append(" ".join(rarest))
    return queries


@lru_cache(maxsize=1)
def _dev_questions() -> tuple[str, ...]:
    questions = [
        json.loads(line)["question"]
        for line in SEED_QUESTIONS.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    for path in SQUAD_FILES:
        for entry in json.loads(path.read_text(encoding="utf-8"))["data"]:
            questions.extend(qa["question"] for p in entry["paragraphs"] for qa in p["qas"])
    return tuple(questions)


def _questions(count: int, rng: np.random.Generator) -> list[str]:
    questions = _dev_questions()
    picked = rng.choice(len(questions), size=min(count, len(questions)), replace=False)
    return [questions[i] for i in picked.tolist()]
