"""The person a story is about: whom "she" means in a first question with no context.

An obituary or a profile is about one person, and a reader who has seen only the
headline asks "how old was she?" or "where was he born?". With no earlier turn to
borrow a name from, the pronoun stands for the person the story names most often
(by surname, at least twice), as a reader would take it. A story with several
people named as often, or with several articles loaded, has no one such person.
"""

from __future__ import annotations

import re
from collections import Counter

from bot.composer.candidates import Sentence
from bot.composer.extractors.names import find_names
from bot.composer.reader import ArticleReader
from bot.composer.tokens import tokenize

__all__ = ["central_person", "stands_for_someone"]

# The passages read for names and their mentions: a story names its people early.
_PASSAGES_READ = 60
# Mentions (by surname) the central person needs, and by how many they must lead.
_FEWEST_MENTIONS = 2
# A memo key no role phrase can be (roles are lower-case words).
_MEMO_KEY = "\x00central person"
# A personal pronoun standing for someone ("she", "his"), as a whole word.
_PERSONAL = re.compile(r"\b(?:he|she|him|his|her)\b", re.IGNORECASE)


def stands_for_someone(question: str) -> bool:
    """Whether ``question`` holds a personal pronoun and names no one itself."""
    if not _PERSONAL.search(question):
        return False
    words = [token for token in tokenize(question)[1:] if token.is_word]
    return not any(token.is_capitalized and token.text != "I" for token in words)


def central_person(reader: ArticleReader) -> str | None:
    """The full name of the one person the loaded story names most often, or None."""
    if len(reader.knowledge.articles) != 1:
        return None
    return reader.holder(_MEMO_KEY, lambda: _most_named(reader))


def _most_named(reader: ArticleReader) -> str | None:
    article = reader.knowledge.articles[0]
    full_names: dict[str, str] = {}  # surname -> the first full name ending in it
    mentions: Counter[str] = Counter()
    for passage in article.passages[:_PASSAGES_READ]:
        tokens = tokenize(passage.text)
        mentions.update(token.text.removesuffix("'s") for token in tokens if token.is_capitalized)
        sentence = Sentence(passage, tokens, (False,) * len(tokens))
        for name in find_names(sentence, reader.gazetteer, reader.lower_case_words.__contains__):
            words = [token.text for token in tokens[name.first : name.last + 1] if token.is_word]
            if name.kind == "person" and len(words) > 1:
                full_names.setdefault(words[-1].removesuffix("'s"), " ".join(words))
    if not full_names:
        return None
    counts = Counter({surname: mentions[surname] for surname in full_names})
    ranked = counts.most_common(2)
    (surname, most), *rest = ranked
    if most < _FEWEST_MENTIONS or (rest and rest[0][1] == most):
        return None
    return full_names[surname]
