"""Turning text into index terms: lower-case → tokenize → drop stop words → stem → n-grams.

The same :class:`Analyzer` runs when the index is fitted and when a query is
asked, so the two always agree. Its settings are plain data
(:class:`AnalyzerConfig`) that travel inside a saved index: a loaded index
rebuilds exactly the analyzer it was fitted with.

The defaults were chosen by measurement on the development questions (gold
sentence recall@1/@3 over 48 settings, see ``docs/BENCHMARKS.md``): a short list
of function words removed (scikit-learn's English list drops content words such
as "first", "system" and "found", and cost 3 points of SQuAD recall@1), Snowball
(Porter 2) stemming (+9 points recall@1 on the seed questions), unigrams only
(bigrams never helped on sentences this short), and sublinear term frequency.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

import snowballstemmer

__all__ = ["Analyzer", "AnalyzerConfig", "fold_accents", "stem"]

# Dotted acronyms ("U.S."), words of two or more letters or digits, and single
# digits ("7" in "G 7"): single letters are mostly initials and the "s" of a
# split possessive.
_TOKEN = re.compile(r"[^\W\d_](?:\.[^\W\d_])+\.?|\w\w+|\d", re.UNICODE)
# Short all-capital words are acronyms even when their lower case is a function
# word: "US" is the country, not the pronoun; "IT" the trade, not "it".
_MAX_ACRONYM_LENGTH = 3

# scikit-learn's English list, copied in as data so that the library does not
# import scikit-learn just to answer a query.
_ENGLISH_STOP_WORDS = frozenset(
    """
    a about above across after afterwards again against all almost alone along already
    also although always am among amongst amoungst amount an and another any anyhow
    anyone anything anyway anywhere are around as at back be became because become
    becomes becoming been before beforehand behind being below beside besides between
    beyond bill both bottom but by call can cannot cant co con could couldnt cry de
    describe detail do done down due during each eg eight either eleven else elsewhere
    empty enough etc even ever every everyone everything everywhere except few fifteen
    fifty fill find fire first five for former formerly forty found four from front full
    further get give go had has hasnt have he hence her here hereafter hereby herein
    hereupon hers herself him himself his how however hundred i ie if in inc indeed
    interest into is it its itself keep last latter latterly least less ltd made many
    may me meanwhile might mill mine more moreover most mostly move much must my myself
    name namely neither never nevertheless next nine no nobody none noone nor not
    nothing now nowhere of off often on once one only onto or other others otherwise our
    ours ourselves out over own part per perhaps please put rather re same see seem
    seemed seeming seems serious several she should show side since sincere six sixty so
    some somehow someone something sometime sometimes somewhere still such system take
    ten than that the their them themselves then thence there thereafter thereby
    therefore therein thereupon these they thick thin third this those though three
    through throughout thru thus to together too top toward towards twelve twenty two un
    under until up upon us very via was we well were what whatever when whence whenever
    where whereafter whereas whereby wherein whereupon wherever whether which while
    whither who whoever whole whom whose why will with within without would yet you your
    yours yourself yourselves
    """.split()
)
# Function words only: articles, pronouns, auxiliaries, prepositions, conjunctions
# and question words. Unlike scikit-learn's list it keeps content words such as
# "first", "system", "found", "bill", "fire" and numbers ("eleven"), which carry
# meaning in news and encyclopedic text. It keeps "mine" too: in news that is a pit
# far more often than a pronoun ("Where is the mine?").
_FUNCTION_WORDS = frozenset(
    """
    a an the this that these those it its it's he him his she her hers they them their
    theirs we us our ours you your yours i me my who whom whose which what when
    where why how whether is am are was were be been being do does did done doing have
    has had having will would shall should can could may might must ought of in on at
    by for with about against between into through during before after above below to
    from up down out off over under again further then once here there all any both
    each few more most other some such no nor not only own same so than too very s t
    just and but if or because as until while also yet however although though
    """.split()
)
_STOP_WORD_LISTS: dict[str, frozenset[str]] = {
    "none": frozenset(),
    "function": _FUNCTION_WORDS,
    "english": _ENGLISH_STOP_WORDS,
}

_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=1 << 18)
def stem(word: str) -> str:
    """Return the Snowball (Porter 2) stem of a lower-case word, memoized.

    News vocabularies are Zipfian, so a cache of a quarter million words answers
    nearly every call after the first few thousand passages.
    """
    return str(_STEMMER.stemWord(word))


@dataclass(frozen=True, slots=True)
class AnalyzerConfig:
    """The settings of an :class:`Analyzer`, stored with every saved index."""

    stop_words: str = "function"
    stemming: bool = True
    ngram_max: int = 1
    sublinear_tf: bool = True
    fold_accents: bool = True

    def __post_init__(self) -> None:
        # Settings also come from saved files: a wrong type (``"ngram_max": 2.5``)
        # must fail here, not in the first query.
        for name in ("stemming", "sublinear_tf", "fold_accents"):
            if not isinstance(getattr(self, name), bool):
                raise TypeError(f"{name} must be true or false, not {getattr(self, name)!r}")
        if not isinstance(self.stop_words, str):
            raise TypeError(f"stop_words must be a name, not {self.stop_words!r}")
        if not isinstance(self.ngram_max, int) or isinstance(self.ngram_max, bool):
            raise TypeError(f"ngram_max must be 1, 2 or 3, not {self.ngram_max!r}")
        if self.stop_words not in _STOP_WORD_LISTS:
            known = ", ".join(sorted(_STOP_WORD_LISTS))
            raise ValueError(f"unknown stop word list {self.stop_words!r} (known: {known})")
        if not 1 <= self.ngram_max <= 3:
            raise ValueError(f"ngram_max must be 1, 2 or 3, not {self.ngram_max}")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> AnalyzerConfig:
        """The settings in ``values`` (as :meth:`to_dict` wrote them); TypeError or ValueError
        when they are not settings."""
        if not isinstance(values, dict):
            raise TypeError("analyzer settings must be a JSON object")
        known = {name: values[name] for name in cls.__dataclass_fields__ if name in values}
        return cls(**known)


class Analyzer:
    """A callable that maps text to its list of index terms, in order."""

    def __init__(self, config: AnalyzerConfig | None = None) -> None:
        self.config = config or AnalyzerConfig()
        self._stop_words = _STOP_WORD_LISTS[self.config.stop_words]

    def __call__(self, text: str) -> list[str]:
        words = self.words(text)
        if self.config.ngram_max == 1:
            return words
        return _with_ngrams(words, self.config.ngram_max)

    def words(self, text: str) -> list[str]:
        """Return the unigram terms of ``text``: tokens without stop words, stemmed."""
        tokens = [term for term in map(self._term, self.tokens(text)) if term]
        if self.config.stemming:
            return [stem(token) for token in tokens]
        return tokens

    def tokens(self, text: str) -> list[str]:
        """The tokens of ``text`` as written (accents folded if set), stop words included.

        Each one's term is :meth:`term`'s, whatever its neighbours: a caller may
        memoize it per token (a query looks up each token's column once).
        """
        if self.config.fold_accents and not text.isascii():
            text = fold_accents(text)
        return _TOKEN.findall(text)

    def term(self, token: str) -> str | None:
        """The unigram term of one of :meth:`tokens`, or None for a stop word."""
        term = self._term(token)
        if not term:
            return None
        return stem(term) if self.config.stemming else term

    def _term(self, token: str) -> str:
        """The lower-case term for one token, or "" for a stop word."""
        if "." in token:
            return token.replace(".", "").lower()
        lower = token.lower()
        if lower not in self._stop_words:
            return lower
        if len(token) <= _MAX_ACRONYM_LENGTH and token.isupper():
            return lower
        return ""

    def __repr__(self) -> str:
        return f"Analyzer({self.config!r})"


def fold_accents(text: str) -> str:
    """Strip combining marks, so "café" and "cafe" meet in the index."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _with_ngrams(words: list[str], ngram_max: int) -> list[str]:
    terms = list(words)
    for size in range(2, ngram_max + 1):
        terms.extend(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))
    return terms
