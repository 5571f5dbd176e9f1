"""SQuAD's answer metrics: exact match and token F1 after SQuAD normalization.

Normalization follows the official SQuAD 2.0 evaluation script: lower-case,
drop punctuation and the articles "a", "an", "the", collapse whitespace. A
question with several gold answers scores its best match.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Iterable

__all__ = ["best_exact", "best_f1", "exact_match", "normalize_answer", "token_f1"]

_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCTUATION = frozenset(string.punctuation)


def normalize_answer(text: str) -> str:
    """SQuAD normalization: lower case, no punctuation, no articles, single spaces."""
    text = text.lower()
    text = "".join(char for char in text if char not in _PUNCTUATION)
    text = _ARTICLES.sub(" ", text)
    return " ".join(text.split())


def exact_match(prediction: str, gold: str) -> float:
    return float(normalize_answer(prediction) == normalize_answer(gold))


def token_f1(prediction: str, gold: str) -> float:
    """Harmonic mean of token precision and recall; two empty answers agree fully."""
    predicted = normalize_answer(prediction).split()
    expected = normalize_answer(gold).split()
    if not predicted or not expected:
        return float(predicted == expected)
    common = Counter(predicted) & Counter(expected)
    overlap = sum(common.values())
    if overlap == 0:
        return 0.0
    precision = overlap / len(predicted)
    recall = overlap / len(expected)
    return 2 * precision * recall / (precision + recall)


def best_exact(prediction: str, golds: Iterable[str]) -> float:
    return max((exact_match(prediction, gold) for gold in golds), default=0.0)


def best_f1(prediction: str, golds: Iterable[str]) -> float:
    return max((token_f1(prediction, gold) for gold in golds), default=0.0)
