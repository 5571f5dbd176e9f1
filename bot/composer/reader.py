"""What the composer derives once from the articles: word sets, titles, neighbours.

Built on first use for a :class:`~bot.knowledge.Knowledge` and kept beside it, so
per-question work is only the question's own. With several articles, the word
sets span all of them, and each article's headline words are kept so a question
that names an article's subject can prefer that article.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import filterfalse
from typing import NamedTuple, TypeVar

from bot.composer.extractors.names import ends_a_full_name, opens_an_organization
from bot.composer.gazetteer import Gazetteer, load_gazetteer
from bot.composer.lexicon import FUNCTION_WORDS
from bot.composer.tokens import tokenize
from bot.knowledge import Knowledge
from retrieval import Analyzer
from retrieval.analysis import fold_accents

__all__ = ["ArticleReader", "WordWeights", "reader_for"]

# Letters of any script ("Peña"), with inner apostrophes and hyphens.
_WORD = re.compile(r"[^\W\d_]+(?:['-]+[^\W\d_]*)*")
# Distinct chunks of an article read in one regex call (a few tens of kilobytes).
_CHUNKS_PER_CALL = 4096
# Readers are memoized per knowledge object; a process rarely has more than one
# or two articles loaded, and the bound keeps a long-running test run in check.
_MAX_READERS = 8
# Entries a reader's memo keeps (passage places, surnames): a question reads a few dozen.
_MAX_MEMO = 65536


class Place(NamedTuple):
    """Where a passage stands in its article."""

    neighbours: tuple[int, ...]  # the passages just before and after, in the same article
    is_lead: bool  # the first sentence after the headline
    opens_paragraph: bool
    relative: float  # 0 at the article's start, 1 at its end


_Key = TypeVar("_Key")
_Value = TypeVar("_Value")


def _remembered(memo: dict[_Key, _Value], key: _Key, make: Callable[[], _Value]) -> _Value:
    """``memo[key]``, made once (a None made is remembered too); the memo is emptied when
    it holds :data:`_MAX_MEMO` entries."""
    if key in memo:
        return memo[key]
    if len(memo) >= _MAX_MEMO:
        memo.clear()
    known = memo[key] = make()
    return known


def _place(knowledge: Knowledge, position: int) -> Place:
    collection = knowledge.collection
    number = collection.article_of(position)
    span = collection.passage_range(number)
    passages = knowledge.retriever.passages
    previous = position - 1
    return Place(
        neighbours=tuple(other for other in (previous, position + 1) if other in span),
        is_lead=position == span.start + int(collection.articles[number].has_headline),
        opens_paragraph=(
            previous not in span or passages[previous].paragraph != passages[position].paragraph
        ),
        relative=(position - span.start) / max(1, len(span) - 1),
    )


@dataclass(frozen=True, slots=True)
class WordWeights:
    """The idf of each of a question's stems, and their sum (computed once a question)."""

    by_stem: dict[str, float]
    total: float


# Compared and hashed by identity: memos key on the reader, never on its contents.
@dataclass(frozen=True, slots=True, eq=False)
class ArticleReader:
    """An article's vocabulary and the helpers the composer's rules share."""

    knowledge: Knowledge
    words: frozenset[str]  # every word of the articles, lower-cased
    lower_case_words: frozenset[str]  # words the articles write in lower case somewhere
    gazetteer: Gazetteer
    title_stems: tuple[frozenset[str], ...]  # each article's headline words (stems)
    mean_words: float = 1.0  # words in an average passage (BM25's length normalisation)
    rarest_idf: float = 1.0  # the idf of the rarest term (see max_idf)
    places: dict[int, Place] = field(default_factory=dict)  # memo of place(), bounded
    surnames: dict[tuple[str, int], bool] = field(default_factory=dict)  # is_surname(), bounded
    # opens_an_organization(), bounded
    organizations: dict[tuple[str, int], bool] = field(default_factory=dict)
    holders: dict[str, str | None] = field(default_factory=dict)  # holder(), bounded
    phrases: dict[str, bool] = field(default_factory=dict)  # writes(), bounded

    def neighbours(self, position: int) -> tuple[int, ...]:
        """Positions of the passages just before and after ``position`` in the same article."""
        return self.place(position).neighbours

    def article_number(self, position: int) -> int:
        return self.knowledge.collection.article_of(position)

    def is_lead(self, position: int) -> bool:
        """Whether the passage is its article's first sentence after the headline."""
        return self.place(position).is_lead

    def opens_paragraph(self, position: int) -> bool:
        """Whether the passage is the first sentence of its paragraph."""
        return self.place(position).opens_paragraph

    def relative_position(self, position: int) -> float:
        """Where the passage stands in its article, 0 at the start and 1 at the end."""
        return self.place(position).relative

    def place(self, position: int) -> Place:
        """Where passage ``position`` stands, worked out once (a question asks many times:
        the memo is read first, without making a closure for a miss)."""
        known = self.places.get(position)
        if known is not None:
            return known
        return _remembered(self.places, position, lambda: _place(self.knowledge, position))

    def knows(self, word: str) -> bool:
        return word in self.words

    def is_proper(self, word: str) -> bool:
        """A word the article has, but never in lower case: a name."""
        return word in self.words and word not in self.lower_case_words

    def writes(self, phrase: str) -> bool:
        """Whether an article writes ``phrase`` as given, capitals and all ("Kornat Star")."""
        articles = self.knowledge.articles
        return _remembered(
            self.phrases, phrase, lambda: any(phrase in article.text for article in articles)
        )

    def is_surname(self, word: str, article: int) -> bool:
        """Whether article number ``article`` names a person in full ending in ``word``
        ("Raymond Castell"). One article is read, not the whole collection: a surname
        is known within its story, and a folder of thousands stays fast."""
        text = self.knowledge.articles[article].text
        lower = self.lower_case_words.__contains__
        return _remembered(
            self.surnames,
            (word, article),
            lambda: ends_a_full_name(word, [text], lower, self.gazetteer),
        )

    def opens_an_organization(self, word: str, article: int) -> bool:
        """Whether article number ``article`` writes ``word`` first in an organization's
        name ("Lakeline Development Group"); one article is read, as for surnames."""
        text = self.knowledge.articles[article].text
        return _remembered(
            self.organizations, (word, article), lambda: opens_an_organization(word, [text])
        )

    def holder(self, role: str, find: Callable[[], str | None]) -> str | None:
        """The person the articles name as ``role``, as ``find`` tells, asked once per role
        (None, "no one or several", is remembered too)."""
        return _remembered(self.holders, role.lower(), find)

    def terms(self, text: str) -> frozenset[str]:
        """The index terms of ``text`` (as the retriever sees them), memoized."""
        return _terms(self.knowledge.retriever.analyzer, text)

    @property
    def max_idf(self) -> float:
        """The idf of the rarest term: the weight a term the article lacks deserves.

        Found once, when the reader is built: a scan of the whole idf array at every
        question (twice) cost more than the rest of the question's weights."""
        return self.rarest_idf

    def stem_weights(self, stems: frozenset[str]) -> WordWeights:
        """The idf of each stem; a stem the article lacks weighs as its rarest term.

        In sorted order: sums over them (the total, BM25) then come out the same to the
        last bit in every process, where a set's order follows string hashing."""
        rarest = self.max_idf
        by_stem = {stem: self.idf(stem) or rarest for stem in sorted(stems)}
        return WordWeights(by_stem, sum(by_stem.values()))

    def idf(self, term: str) -> float:
        column = self.knowledge.retriever.vocabulary.get(term)
        return float(self.knowledge.retriever.idf[column]) if column is not None else 0.0


_READERS: OrderedDict[int, ArticleReader] = OrderedDict()


def reader_for(knowledge: Knowledge) -> ArticleReader:
    """The reader of ``knowledge``, built on first use."""
    key = id(knowledge)
    reader = _READERS.get(key)
    if reader is not None and reader.knowledge is knowledge:
        _READERS.move_to_end(key)
        return reader
    found = _spellings(knowledge)
    # A name the article writes only as an owner ("St. Brendan's", "the workers'") is
    # still a word of the article: "st brendan's" splits into "brendan" and "s".
    found |= {word[: word.rindex("'")] for word in found if word.endswith(("'s", "'"))}
    # Each word also without its accents, as a question may be typed ("ferran", "pena").
    found |= set(map(fold_accents, filterfalse(str.isascii, found)))
    # map and filter with str's own methods: the sets are made at C speed, no Python
    # call per word (a story has a thousand or two distinct spellings).
    reader = ArticleReader(
        knowledge=knowledge,
        words=frozenset(map(str.lower, found)),
        lower_case_words=frozenset(filter(str.islower, found)),
        gazetteer=load_gazetteer(),
        title_stems=_title_stems(knowledge),
        mean_words=_mean_words(knowledge),
        rarest_idf=_rarest_idf(knowledge),
    )
    _READERS[key] = reader
    while len(_READERS) > _MAX_READERS:
        _READERS.popitem(last=False)
    return reader


def _spellings(knowledge: Knowledge) -> set[str]:
    """Each distinct spelling of a word in the articles ("Peña", "peace-keeping").

    A word never spans whitespace (nor opens on its far side), so the words of a text
    are the words of its whitespace-separated chunks: each distinct chunk is read once
    (a story says "the" dozens of times), the chunks joined a batch at a time, as one
    regex call over a 1 MB page would hold the interpreter (and a bot's event loop)
    for tens of milliseconds.
    """
    found: set[str] = set()
    for article in knowledge.articles:
        chunks: set[str] = set()
        for passage in article.passages:
            chunks.update(passage.text.split())
        distinct = list(chunks)
        for start in range(0, len(distinct), _CHUNKS_PER_CALL):
            found.update(_WORD.findall(" ".join(distinct[start : start + _CHUNKS_PER_CALL])))
    return found


def _mean_words(knowledge: Knowledge) -> float:
    """Whitespace words in an average passage (a close enough count for BM25)."""
    passages = [passage for article in knowledge.articles for passage in article.passages]
    if not passages:
        return 1.0
    return sum(passage.text.count(" ") + 1 for passage in passages) / len(passages)


def _rarest_idf(knowledge: Knowledge) -> float:
    """The largest idf of the index (1 for an empty one)."""
    idf = knowledge.retriever.idf
    return float(idf.max()) if len(idf) else 1.0


def _title_stems(knowledge: Knowledge) -> tuple[frozenset[str], ...]:
    """Headline stems per article; with one article there is nothing to prefer."""
    if len(knowledge.articles) < 2:
        return ()
    return tuple(
        frozenset(
            t.stem for t in tokenize(article.title) if t.is_word and t.lower not in FUNCTION_WORDS
        )
        for article in knowledge.articles
    )


@lru_cache(maxsize=8192)
def _terms(analyzer: Analyzer, text: str) -> frozenset[str]:
    return frozenset(analyzer(text))
