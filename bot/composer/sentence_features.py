"""What speaks for a sentence holding the answer: the sentence ranker's evidence.

Each pooled sentence (a retrieval hit or a hit's neighbour) is described by the
numbers in :data:`SENTENCE_FEATURES`; a linear model fitted on the development
data (``scripts/fit_weights.py``) weighs them. The rules here only measure; none
decides. Every feature is a share, a flag or a small log count, so a weight reads
as "how much this kind of evidence counts".

The measures, in prose:

- retrieval: the TF-IDF cosine, and the same relative to the best hit;
- coverage: the idf-weighted share of the question's words the sentence says
  (speech verbs by meaning, a noun qualified by another name does not count),
  alone and with its two neighbours, and the plain share of words;
- BM25: Okapi BM25 over the question's stems, normalised by its best possible
  value, since cosine over-rewards short sentences;
- order and proximity: the share of the question's adjacent word pairs the
  sentence keeps adjacent, and how tightly its matched words cluster;
- names: the share of the question's capitalized words it contains;
- type: whether it holds a phrase of the expected answer type at all, and for
  "how many X?" whether one of its numbers counts X (or people, for "how many
  people?"): any count is weaker evidence than a count of the thing asked about;
- place: the article's lead, a paragraph's first sentence, the relative position;
- a question word said only of another thing ("the G7 summit" for "the summit");
- whether it says something is not known or not told ("did not say", "was not yet
  known"): such a sentence echoes the question and holds no answer;
- with several articles loaded, how much of the question its article's headline
  names ("when is the summit?" prefers the article about a summit).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, pairwise
from typing import NamedTuple

from bot.composer.english import zipf_frequency
from bot.composer.inflections import related_stems
from bot.composer.lexicon import STANDING_PRONOUNS
from bot.composer.matching import found_stems, match_flags, share, title_share
from bot.composer.person_words import PERSON_STEMS
from bot.composer.questions import QuestionAnalysis
from bot.composer.reader import ArticleReader, WordWeights
from bot.composer.tokens import token_stems, tokenize

__all__ = ["SENTENCE_FEATURES", "PooledSentence", "sentence_features"]

SENTENCE_FEATURES = (
    "cosine",
    "cosine_relative",
    "coverage",
    "coverage_window",
    "coverage_neighbour",
    "coverage_rare",
    "word_share",
    "bm25",
    "pairs_adjacent",
    "match_density",
    "name_share",
    "has_typed_phrase",
    "counts_asked",
    "article_lead",
    "paragraph_first",
    "position",
    "log_words",
    "title_share",
    "qualified_away",
    "leaves_open",
    "pronoun_for_name",
    "age_of_name",
)

# Okapi BM25's usual constants: term-frequency saturation and length normalisation.
_BM25_K1 = 1.2
_BM25_B = 0.75
# Two matched question words this many tokens apart still count as kept together.
_PAIR_GAP = 3


@dataclass(frozen=True, slots=True)
class PooledSentence:
    """A passage considered for the answer, with its retrieval cosine."""

    index: int  # position in the retriever
    cosine: float


def sentence_features(
    question: QuestionAnalysis,
    pool: Sequence[PooledSentence],
    reader: ArticleReader,
    weights: WordWeights,
    *,
    typed: Sequence[bool],
    counted: Sequence[bool],
) -> list[tuple[float, ...]]:
    """The features of each pooled sentence, in :data:`SENTENCE_FEATURES` order.

    ``typed[i]`` says whether pooled sentence ``i`` holds a phrase of the expected
    answer type, ``counted[i]`` whether it counts what a "how many?" question asks
    about (the caller knows the extractors; this module only measures).
    """
    passages = reader.knowledge.retriever.passages
    said = _said_by_passage(question, pool, reader, weights)
    pairs = _question_pairs(question)
    rarity = _rarity_weights(question)
    related = related_stems(question.content_stems)
    rows: list[tuple[float, ...]] = []
    best_cosine = max((item.cosine for item in pool), default=0.0) or 1.0
    for item, has_type, counts in zip(pool, typed, counted, strict=True):
        text = passages[item.index].text
        place = reader.place(item.index)
        own, own_share = said[item.index]
        around = [said[n] for n in place.neighbours]
        window = own.union(*(stems for stems, _ in around))
        profile = _profile(text)
        flags = match_flags(text, question)
        if True in flags:
            # The matched tokens' indexes, picked out at C speed (a sentence has dozens).
            matched = list(compress(range(len(flags)), flags))
            matched_stems = _matched_stems(matched, profile.stems, related)
            measures = (
                _word_share(question, matched_stems),
                _bm25(matched_stems, profile.words, weights, reader.mean_words),
                _pairs_adjacent(pairs, profile.stems, matched),
                _match_density(matched),
            )
        else:  # half the pool (a hit's neighbours): every measure of the matches is 0
            matched_stems, measures = {}, _NOTHING_MATCHED
        lead = place.is_lead
        rows.append(
            (
                item.cosine,
                item.cosine / best_cosine,
                own_share,
                # the same stems as its own (the usual case) share the same
                own_share if len(window) == len(own) else share(weights, window),
                max((part for _, part in around), default=0.0),
                share(rarity, own),
                *measures,
                _name_share(question, profile.stem_set),
                float(has_type),
                float(counts),
                float(lead),
                float(lead or place.opens_paragraph),
                place.relative,
                math.log1p(profile.words),
                title_share(reader, item.index, weights),
                _qualified_away(profile.stem_set, matched_stems, weights),
                float(profile.leaves_open),
                float(_pronoun_for_name(question, item.index, place.neighbours, said, text)),
                float(_age_of_name(question, text)),
            )
        )
    return rows


def _pronoun_for_name(
    question: QuestionAnalysis,
    index: int,
    neighbours: Sequence[int],
    said: dict[int, tuple[frozenset[str], float]],
    text: str,
) -> bool:
    """Whether the sentence opens on a pronoun standing for a name of the question that
    only the sentence before it says: "She died in hospital two days later" after the
    sentence naming Róisín Galvin, for "when did Galvin die?" (or for "when did the
    cyclist die?" after "the cyclist Róisín Galvin": a noun for a person stands in)."""
    names = question.capital_stems or _subject_stems(question)
    before = index - 1
    if not names or before not in neighbours or not names.isdisjoint(said[index][0]):
        return False
    opening = _OPENING_WORD.match(text)
    return (
        opening is not None
        and opening.group(0).lower() in STANDING_PRONOUNS
        and not names.isdisjoint(said[before][0])
    )


def _age_of_name(question: QuestionAnalysis, text: str) -> bool:
    """Whether the sentence gives the age of someone an age question names, set off after
    the name as news writes it: "Brenko, 63, conceded defeat" for "how old is the prime
    minister (Tomas Brenko)?", though "Prime Minister Tomas Brenko" says more of it."""
    if question.number_kind != "age" or not question.capital_stems:
        return False
    tokens = tokenize(text)
    return any(
        token.stem in question.capital_stems
        and _AGE_SET_OFF.fullmatch("".join(other.text for other in tokens[at + 1 : at + 4]))
        is not None
        for at, token in enumerate(tokens)
    )


# ", 63," or " (63)" after a name: the age news sets off.
_AGE_SET_OFF = re.compile(r",\d{1,3},|\(\d{1,3}\)")


def _subject_stems(question: QuestionAnalysis) -> frozenset[str]:
    """A question that names no one may still ask about someone: the person noun among its
    words ("when did the cyclist die?")."""
    return frozenset(token.stem for token in question.content if token.stem in PERSON_STEMS)


_OPENING_WORD = re.compile(r"[A-Za-z]+")


# Word share, BM25, pairs kept together and match density of a sentence matching nothing.
_NOTHING_MATCHED = (0.0, 0.0, 0.0, 0.0)


def _matched_stems(
    matched: Sequence[int], stems: Sequence[str], related: dict[str, str]
) -> dict[str, int]:
    """How often each question stem is matched (another form counts for its own)."""
    counts: dict[str, int] = {}
    for index in matched:
        stem = stems[index]
        stem = related.get(stem, stem)
        counts[stem] = counts.get(stem, 0) + 1
    return counts


def _said_by_passage(
    question: QuestionAnalysis,
    pool: Sequence[PooledSentence],
    reader: ArticleReader,
    weights: WordWeights,
) -> dict[int, tuple[frozenset[str], float]]:
    """The question's stems each pooled passage and each of its neighbours says, and
    their share: worked out once a passage, as a passage is also its neighbours'
    neighbour."""
    passages = reader.knowledge.retriever.passages
    said: dict[int, tuple[frozenset[str], float]] = {}
    for item in pool:
        for index in (item.index, *reader.place(item.index).neighbours):
            if index not in said:
                stems = found_stems(question, passages[index].text)
                said[index] = (stems, share(weights, stems))
    return said


class _Profile(NamedTuple):
    """What a sentence's features need of its text alone, computed once per text."""

    stems: tuple[str, ...]  # every token's stem (punctuation: itself)
    stem_set: frozenset[str]  # the stems of its words
    words: int
    leaves_open: bool  # it says something is not known or not told


@lru_cache(maxsize=8192)
def _profile(text: str) -> _Profile:
    tokens = tokenize(text)
    words = [token.stem for token in tokens if token.is_word]
    open_ = _LEAVES_OPEN.search(text) is not None
    return _Profile(token_stems(text), frozenset(words), len(words), open_)


# What news writes where a story has a gap: "did not say", "declined to name", "was not
# yet known", "is unclear". Such a sentence echoes the question it cannot answer ("The
# cause of the fire was not yet known" for "what are police looking at as a cause?").
_TOLD = (
    r"say|said|disclose|disclosed|reveal|revealed|name|named|specify|specified|confirm|"
    r"confirmed|comment|respond|give|given|release|released|detail|explain|estimate|"
    r"determine|determined"
)
_LEAVES_OPEN = re.compile(
    rf"\b(?:(?:did|does|do|would|will|could|has|have|had) not|declined to|refused to) "
    rf"(?:yet )?(?:{_TOLD})\b"
    r"|\b(?:unknown|unclear|undisclosed)\b"
    r"|\bnot (?:yet )?(?:known|disclosed|revealed|released|clear|determined|decided)\b"
    r"|\bno date has been set\b",
    re.IGNORECASE,
)


def _rarity_weights(question: QuestionAnalysis) -> WordWeights:
    """The question's stems weighed by how rare their words are in English, not in the
    article: a short story says "injured" as seldom as "said", English does not."""
    by_stem: dict[str, float] = {}
    for token in question.content:
        rarity = _RAREST_ZIPF - zipf_frequency(token.lower)
        by_stem[token.stem] = max(by_stem.get(token.stem, 0.0), rarity)
    return WordWeights(by_stem, sum(by_stem.values()))


# One more than the Zipf frequency of "the": every word weighs at least 1.
_RAREST_ZIPF = 8.7


def _word_share(question: QuestionAnalysis, matched: dict[str, int]) -> float:
    stems = question.content_stems
    if not stems:
        return 0.0
    return len(matched.keys() & stems) / len(stems)


def _bm25(matched: dict[str, int], length: int, weights: WordWeights, mean_words: float) -> float:
    """BM25 of the sentence for the question's stems, over its best possible value.

    Only matched tokens count: "the G7 summit" does not count for a question about
    "the summit", as in coverage.
    """
    if not weights.total or not matched:
        return 0.0  # nothing matched scores 0 (as the sum below would)
    norm = _BM25_K1 * (1 - _BM25_B + _BM25_B * length / (mean_words or 1.0))
    score = 0.0
    for stem, idf in weights.by_stem.items():
        tf = matched.get(stem, 0)
        if tf:
            score += idf * tf * (_BM25_K1 + 1) / (tf + norm)
    return score / ((_BM25_K1 + 1) * weights.total)


def _qualified_away(
    present: frozenset[str], matched: dict[str, int], weights: WordWeights
) -> float:
    """The idf-weighted share of question words the sentence has only as another thing's.

    "the G7 summit" says "summit" but not the summit asked about: the retrieval
    cosine counts it, coverage does not, and this says how much of the cosine
    rests on such words.
    """
    if not weights.total or present.isdisjoint(weights.by_stem):
        return 0.0  # no question word at all (as the sum below would be)
    away = (present & weights.by_stem.keys()) - matched.keys()
    if not away:
        return 0.0
    return sum(weights.by_stem[stem] for stem in away) / weights.total


def _question_pairs(question: QuestionAnalysis) -> list[tuple[str, str]]:
    """The question's consecutive content words, as stem pairs ("foreign policy")."""
    stems = [token.stem for token in question.content]
    return [(a, b) for a, b in pairwise(stems) if a != b]


def _pairs_adjacent(
    pairs: Sequence[tuple[str, str]], stems: Sequence[str], matched: Sequence[int]
) -> float:
    """The share of the question's word pairs that the sentence keeps close together."""
    if not pairs:
        return 0.0
    if len(matched) < 2:
        return 0.0  # a pair needs two matched words
    positions: dict[str, list[int]] = {}
    for index in matched:
        positions.setdefault(stems[index], []).append(index)
    kept = 0
    for first, second in pairs:
        here, there = positions.get(first, ()), positions.get(second, ())
        if here and there and any(abs(a - b) <= _PAIR_GAP for a in here[:8] for b in there[:8]):
            kept += 1
    return kept / len(pairs)


def _match_density(matched: Sequence[int]) -> float:
    """Matched tokens over the stretch they span: 1 when the question's words stand together."""
    if len(matched) < 2:
        return 0.0
    return len(matched) / (matched[-1] - matched[0] + 1)


def _name_share(question: QuestionAnalysis, stems: frozenset[str]) -> float:
    """The share of the question's capitalized words the sentence contains."""
    names = question.capital_stems
    if not names:
        return 0.0
    return len(names & stems) / len(names)
