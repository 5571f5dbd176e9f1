"""Answer candidates: a span of a passage that might answer the question.

Every extractor returns :class:`Candidate` objects for one sentence. A candidate
knows its exact place (token range in the sentence, character offsets in the
article), which rule found it, and how well it fits the expected answer type;
the span features (``bot.composer.span_features``) add what depends on the question.

A question makes about a hundred candidates, so :class:`Candidate` is a named
tuple (cheap to build, immutable all the same); the per-sentence facts scoring
needs are computed once per sentence and question, and memoized.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from bot.composer.tokens import Token, tokenize
from retrieval import Passage

__all__ = ["Candidate", "Sentence", "rule_family", "sentence_facts"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A passage with its tokens and which of them match the question's words.

    ``matches`` holds the indexes of the matched tokens; ``words_before`` and
    ``echoes_before`` are running counts (of words, and of words the question
    already says) so that any span's counts take two look-ups.
    """

    passage: Passage
    tokens: tuple[Token, ...]
    matched: tuple[bool, ...]
    matches: tuple[int, ...] = ()
    words_before: tuple[int, ...] = ()
    echoes_before: tuple[int, ...] = ()

    def span_text(self, first: int, last: int) -> str:
        """The passage's own characters from token ``first`` to token ``last`` inclusive."""
        return self.passage.text[self.tokens[first].start : self.tokens[last].end]

    def word_count(self, first: int, last: int) -> int:
        """How many word tokens lie in ``first..last`` (inclusive)."""
        return self.words_before[last + 1] - self.words_before[first]

    def echo_count(self, first: int, last: int) -> int:
        """How many of those words the question already says."""
        return self.echoes_before[last + 1] - self.echoes_before[first]


@lru_cache(maxsize=8192)
def sentence_facts(
    text: str, matched: tuple[bool, ...], echo_stems: frozenset[str]
) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """The matched indexes and the running word and echo counts of a tokenized text."""
    tokens = tokenize(text)
    matches = tuple(index for index, flag in enumerate(matched) if flag)
    words = (0, *accumulate(token.is_word for token in tokens))
    echoes = (
        0,
        *accumulate(token.is_word and token.stem in echo_stems for token in tokens),
    )
    return matches, words, echoes


class Candidate(NamedTuple):
    """A possible short answer inside one sentence."""

    sentence: Sentence
    first: int  # index of the first token
    last: int  # index of the last token (inclusive)
    rule: str  # the extractor rule that proposed it, shown by :why
    type_fit: float  # 0..1: how well it matches the expected answer type
    bonus: float = 0.0  # rule-specific evidence (e.g. a quote's speech verb matches)

    @property
    def text(self) -> str:
        return self.sentence.span_text(self.first, self.last)

    @property
    def start(self) -> int:
        """Offset of the candidate in the article text."""
        return self.sentence.passage.start + self.sentence.tokens[self.first].start

    @property
    def end(self) -> int:
        return self.sentence.passage.start + self.sentence.tokens[self.last].end

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self.sentence.tokens[self.first : self.last + 1]


# Rule names whose family is another's: a number with its noun is a number, and the
# marked clauses (reason, manner, cause, purpose) are clauses.
_FAMILY_OF = {
    "number+noun": "number",
    "reason": "clause",
    "manner": "clause",
    "cause": "clause",
    "purpose": "clause",
}


@lru_cache(maxsize=256)
def rule_family(rule: str) -> str:
    """The extractor family of a rule name ("name:person" -> "name")."""
    head = rule.split(":", 1)[0]
    return _FAMILY_OF.get(head, head)
