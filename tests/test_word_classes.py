"""Word classes in context: a row per rule of bot/composer/word_classes.py."""

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
        # a word in -ing after a form of "be" is a progressive's verb, though also a noun
        ("the authority is testing residents", "testing", WordClass.VERB),
        ("testing is free", "testing", WordClass.NOUN),
        # closed-class words are no nouns, so no noun phrase is made of them
        ("it is open to all, albeit with limits", "albeit", WordClass.FUNCTION),
        ("the van parked behind the museum", "behind", WordClass.FUNCTION),
        ("wherever they went, crowds followed", "wherever", WordClass.FUNCTION),
        ("the minister herself resigned", "herself", WordClass.FUNCTION),
        # the first word of a two-word preposition
        ("it failed due to the presence of ice", "due", WordClass.FUNCTION),
        ("prior to 1990 the port was closed", "prior", WordClass.FUNCTION),
        # a verb's bare form after an article, an owner or a preposition names a noun
        ("suffering from sleep deprivation", "sleep", WordClass.NOUN),
        ("the rescue team arrived", "rescue", WordClass.NOUN),
        # after "to", or before no noun, it stays a verb
        ("they came to help workers", "help", WordClass.VERB),
        ("they went to sleep early", "sleep", WordClass.VERB),
        # elsewhere the word keeps its class
        ("the payment is due on Monday", "due", WordClass.ADJECTIVE),
    ],
)
def test_word_classes_in_context(text: str, word: str, expected: WordClass) -> None:
    tokens = tokenize(text)
    classes = dict(zip((token.lower for token in tokens), classify(tokens), strict=True))
    assert classes[word] is expected
