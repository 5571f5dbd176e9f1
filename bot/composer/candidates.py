"""Answer candidates: a span of a passage that might answer the question.

Every extractor returns :class:`Candidate` objects for one sentence. A candidate
knows its exact place (token range in the sentence, character offsets in the
article), which rule found it, and how well it fits the expected answer type;
scoring (``bot.composer.scoring``) adds what depends on the question's words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import accumulate

from bot.composer.tokens import Token
from retrieval import Passage

__all__ = ["Candidate", "Sentence"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A passage with its tokens and which of them match the question's words."""

    passage: Passage
    tokens: tuple[Token, ...]
    matched: tuple[bool, ...]
    relevance: float  # 0..1, the passage's rank score relative to the best passage
    echoes: tuple[bool, ...] = ()  # tokens whose word the question already says
    # Derived once per sentence, as scoring consults them for every candidate:
    # the matched tokens' indexes, and running counts of words and echoed words.
    matches: tuple[int, ...] = field(init=False, repr=False, compare=False)
    words_before: tuple[int, ...] = field(init=False, repr=False, compare=False)
    echoes_before: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        positions = tuple(index for index, matched in enumerate(self.matched) if matched)
        object.__setattr__(self, "matches", positions)
        echoes = self.echoes or (False,) * len(self.tokens)
        words = (0, *accumulate(token.is_word for token in self.tokens))
        echoed = (0, *accumulate(t.is_word and e for t, e in zip(self.tokens, echoes, strict=True)))
        object.__setattr__(self, "words_before", words)
        object.__setattr__(self, "echoes_before", echoed)

    def word_count(self, first: int, last: int) -> int:
        """How many word tokens lie in ``first..last`` (inclusive)."""
        return self.words_before[last + 1] - self.words_before[first]

    def echo_count(self, first: int, last: int) -> int:
        """How many of those words the question already says."""
        return self.echoes_before[last + 1] - self.echoes_before[first]

    def span_text(self, first: int, last: int) -> str:
        """The passage's own characters from token ``first`` to token ``last`` inclusive."""
        return self.passage.text[self.tokens[first].start : self.tokens[last].end]


@dataclass(frozen=True, slots=True)
class Candidate:
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
