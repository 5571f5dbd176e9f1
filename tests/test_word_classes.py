"""Word classes in context: a row per participle rule of bot/composer/word_classes.py."""

from __future__ import annotations

import pytest

from bot.composer.tokens import tokenize
from bot.composer.word_classes import WordClass, classify


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # a participle that opens a noun phrase modifies the noun after it ...
        ("the armed men left", "armed", WordClass.ADJECTIVE),
        ("they are called randomized algorithms", "randomized", WordClass.ADJECTIVE),
        ("a wall of reinforced concrete", "reinforced", WordClass.ADJECTIVE),
        ("two armed men left", "armed", WordClass.ADJECTIVE),
        # ... but after an auxiliary it is the verb
        ("the company has increased prices", "increased", WordClass.VERB),
        # and an "-ing" word after a preposition is a gerund with its object
        ("they won by using computers", "using", WordClass.VERB),
    ],
)
def test_participles_in_context(text: str, word: str, expected: WordClass) -> None:
    tokens = tokenize(text)
    classes = dict(zip((token.lower for token in tokens), classify(tokens), strict=True))
    assert classes[word] is expected
