"""A synthetic corpus for the scale benchmarks: Zipf-distributed words, fixed seed.

Word ranks follow Zipf's law with exponent 1.07 (a typical fit for English) over a
200,000-word vocabulary. Real text's most frequent words are function words, so
scikit-learn's English stop words are scattered over the 600 most frequent ranks
(not all at the top: then every content word would be rare, and "said"-like
content words with postings in a fifth of all passages would be missing). The
other words are pronounceable pseudo-words ("kobe", "tusani"), so stemming does
real work. Queries are five words drawn from one random passage, as a question
shares words with its answer sentence.
"""

from __future__ import annotations

import numpy as np

from retrieval.analysis import _ENGLISH_STOP_WORDS

__all__ = ["corpus", "queries", "vocabulary"]

VOCABULARY_SIZE = 200_000
ZIPF_EXPONENT = 1.07
WORDS_PER_PASSAGE = 20
STOP_WORD_RANKS = 600
_CONSONANTS = "bcdfghjklmnprstvwz"
_VOWELS = "aeiou"
_SYLLABLES = [c + v for c in _CONSONANTS for v in _VOWELS]


def _pseudo_word(number: int) -> str:
    parts = []
    number += len(_SYLLABLES)  # at least two syllables
    while number:
        number, digit = divmod(number, len(_SYLLABLES))
        parts.append(_SYLLABLES[digit])
    return "".join(parts)


def vocabulary(size: int = VOCABULARY_SIZE, seed: int = 7) -> list[str]:
    """Words by frequency rank: stop words spread over the top ranks, pseudo-words elsewhere."""
    rng = np.random.default_rng(seed)
    stop_words = sorted(_ENGLISH_STOP_WORDS)
    stop_ranks = set(rng.choice(STOP_WORD_RANKS, size=len(stop_words), replace=False).tolist())
    pseudo = (_pseudo_word(i) for i in range(size))
    stops = iter(stop_words)
    return [next(stops) if rank in stop_ranks else next(pseudo) for rank in range(size)]


def corpus(n_passages: int, seed: int = 0) -> list[str]:
    """``n_passages`` passages of 20 Zipf-distributed words each."""
    words = np.array(vocabulary(), dtype=object)
    ranks = np.arange(1, len(words) + 1, dtype=np.float64)
    cdf = np.cumsum(ranks**-ZIPF_EXPONENT)
    cdf /= cdf[-1]
    rng = np.random.default_rng(seed)
    texts: list[str] = []
    for start in range(0, n_passages, 100_000):
        size = min(100_000, n_passages - start)
        ids = np.searchsorted(cdf, rng.random((size, WORDS_PER_PASSAGE)))
        texts.extend(" ".join(row) for row in words[ids].tolist())
    return texts


def queries(texts: list[str], n_queries: int, seed: int = 1, words: int = 5) -> list[str]:
    """Questions made of ``words`` words of a random passage each."""
    rng = np.random.default_rng(seed)
    result = []
    for row in rng.integers(0, len(texts), size=n_queries).tolist():
        tokens = texts[row].split()
        picked = rng.choice(len(tokens), size=min(words, len(tokens)), replace=False)
        result.append(" ".join(tokens[i] for i in sorted(picked.tolist())))
    return result
