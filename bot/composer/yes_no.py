"""Yes/no and either/or questions: answered from the best passage's wording.

"Has a location been agreed?" is answered "No" when the passage that best covers
the question's words negates near them ("no specific date or location has yet
been agreed"), "Yes" otherwise. A verb that refuses the next one negates as "not"
does ("she declined to say how much" for "did the company say ...?"), and a
passage that says the opposite of a question word ("acquitted" for "was he
convicted?", "weaker" for "stronger") says no. "Is it A or B?" is answered with
whichever option the passage states.

"Yes" is the risky reply: a sentence that uses every word of the question can
still say something else ("a flat stage on Friday and a mountain stage on
Saturday"), and one that says only part of it, its neighbours saying the rest,
rarely affirms the whole. On the news development stories written blind to the
bot, more than half its "Yes" replies were wrong before the sentence had to say the
question by itself; its "No" replies were right nine times in ten. So "Yes"
needs the sentence alone to say the question, and a neighbour that plainly
negates it ("Police said no arrests were made.") answers "No".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.composer.antonyms import opposites_said
from bot.composer.candidates import Sentence
from bot.composer.lexicon import is_cardinal, says_not
from bot.composer.matching import share, stems_said
from bot.composer.questions import QuestionAnalysis
from bot.composer.reader import WordWeights
from bot.composer.tokens import Token, tokenize
from retrieval.analysis import stem

__all__ = ["YesNoVerdict", "decide_yes_no", "judge_yes_no", "yes_no_coverage"]

# How much of a yes/no question its best sentence and neighbours must say for a reply
# of yes or of an option of "A or B?" (the reader is shown the sentence with less, down
# to PASSAGE_COVERAGE); a "no" the sentence says itself needs only PASSAGE_COVERAGE.
# On the 16 yes/no development questions of that time (news dev and the seed): 0.85
# answered 3, all right; 0.7 answered 7, all right; 0.6 answered 10, one wrong.
YES_NO_COVERAGE = 0.7
PASSAGE_COVERAGE = 0.5
# How much of the question the sentence must say by itself for "Yes". On the 78 yes/no
# questions of the 36 news development stories (and the unanswerable ones shaped so), a
# "Yes" from a sentence saying at least 0.75 of it was right 10 times in 12 (the other
# two said "would decide whether": left open), from one saying less 2 times in 13.
YES_SAID_ALONE = 0.75

# Negation this close (in tokens) to a matched question word governs it.
_NEGATION_WINDOW = 6
# Verbs that negate the verb after "to": "declined to say", "failed to reach".
_REFUSALS = frozenset(stem(word) for word in ("decline", "refuse", "fail"))
# Verbs that say no to what follows them: "skips the tadpole stage", "rejected the plan".
_DENIALS = frozenset(stem(word) for word in ("skip", "reject", "deny", "lack", "avoid"))
# How far after such a verb its object's matched word may stand ("rejected the new dam").
_OBJECT_REACH = 3


@dataclass(frozen=True, slots=True)
class YesNoVerdict:
    """A yes/no question's reply ("Yes", "No", or an option of "A or B?") and the
    sentence and tokens that say it."""

    short: str
    sentence: Sentence
    first: int
    last: int


def judge_yes_no(
    best: Sentence,
    neighbours: Sequence[Sentence],
    question: QuestionAnalysis,
    weights: WordWeights,
    said: float,
) -> YesNoVerdict | None:
    """The reply the best sentence (``said``: how much of the question it and its
    neighbours say) or a neighbour gives, or None when neither settles the question
    (the composer then quotes the sentence or declines). The neighbour before the best
    sentence says who a pronoun opening it stands for ("He was flown to a hospital,
    where his condition was described as stable." after the sentence about the injured
    firefighter)."""
    short, first, last = decide_yes_no(best, question)
    verdict = YesNoVerdict(short, best, first, last)
    if short == "No":
        # A "no" the sentence says by itself (a plain negation: "there was no sign that
        # the strain had spread", a refusal: "declined to name", a vote against, an
        # opposite: "the funeral would be private") needs no judging, though the sentence
        # says only part of the question: on the 84 news development stories, a "no" read
        # from a sentence saying half the question or more was right 56 times in 65 (2
        # asked "yes", 7 were unanswerable), 12 times in 17 from one saying less than 0.7
        # (5 unanswerable).
        return verdict
    elif short != "Yes":
        if said >= YES_NO_COVERAGE:
            return verdict  # the option of "A or B?" the sentence names
    elif (
        said >= YES_NO_COVERAGE
        and _said_alone(question, weights, best, neighbours) >= YES_SAID_ALONE
    ):
        return verdict
    for other in neighbours:
        short, first, last = decide_yes_no(other, question)
        if (
            short == "No"
            and says_not(other.tokens[first].lower)
            and yes_no_coverage(question, weights, other.passage.text) >= PASSAGE_COVERAGE
        ):
            return YesNoVerdict(short, other, first, last)
    return None


def _said_alone(
    question: QuestionAnalysis,
    weights: WordWeights,
    sentence: Sentence,
    neighbours: Sequence[Sentence],
) -> float:
    """How much of the question ``sentence`` says by itself, with the sentence before it
    (one of its ``neighbours``) when it opens on a pronoun for someone named there."""
    text = sentence.passage.text
    words = [token for token in sentence.tokens if token.is_word]
    if words and words[0].lower in _PERSONAL_PRONOUNS:
        before = sentence.passage.index - 1
        for other in neighbours:
            if other.passage.index == before:
                return yes_no_coverage(question, weights, text, other.passage.text)
    return yes_no_coverage(question, weights, text)


_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "his", "her", "their"})


def decide_yes_no(sentence: Sentence, question: QuestionAnalysis) -> tuple[str, int, int]:
    """The short answer and its token span in ``sentence`` (the span is the evidence)."""
    tokens = sentence.tokens
    for option in question.alternatives:
        lowered = option.lower()
        for index, token in enumerate(tokens):
            if token.lower == lowered:
                return option, index, index
    if _UNANIMOUS in question.content_stems:
        split = _a_split_vote(tokens)
        if split is not None:
            return "No", split, split
    matches = [index for index, matched in enumerate(sentence.matched) if matched]
    negation = _negation(sentence, question, matches)
    if negation is not None:
        return "No", negation, negation
    said = {token.stem for token in tokens if token.is_word}
    opposites = opposites_said(question.content_stems, said)
    for index, token in enumerate(tokens):
        if token.is_word and token.stem in opposites:
            return "No", index, index
    if matches:
        return "Yes", matches[0], matches[0]
    return "Yes", 0, 0


def _negation(sentence: Sentence, question: QuestionAnalysis, matches: list[int]) -> int | None:
    """Where the sentence says no to the question's words it matches, or None."""
    tokens = sentence.tokens
    for index in range(len(tokens)):
        if _refuses(sentence, index, question):
            # a refusal denies only its own verb: "declined to comment" answers "did he
            # comment?", but "the paintings were insured but declined to name the insurer"
            # says yes to "were the paintings insured?"
            if index + 2 < len(tokens) and sentence.matched[index + 2]:
                return index
            continue
        if _negates(sentence, index, question) and any(
            abs(index - match) <= _NEGATION_WINDOW and not _but_between(tokens, index, match)
            for match in matches
        ):
            return index
        if _passed_over(tokens, index) and any(
            index < match <= index + _NEGATION_WINDOW for match in matches
        ):
            return index  # "power chips rather than the chips used in phones"
    return None


def _but_between(tokens: tuple[Token, ...], one: int, other: int) -> bool:
    """Whether "but" parts two tokens into clauses: "welcomed the extra pay but said it
    would not end the strike" does not deny the welcome."""
    first, last = sorted((one, other))
    return any(token.lower == "but" for token in tokens[first + 1 : last])


def _passed_over(tokens: tuple[Token, ...], index: int) -> bool:
    """Whether the token ends "rather than" or "instead of": what follows is not so."""
    if index < 1:
        return False
    pair = (tokens[index - 1].lower, tokens[index].lower)
    return pair in {("rather", "than"), ("instead", "of")}


def _a_split_vote(tokens: tuple[Token, ...]) -> int | None:
    """Where a sentence says a vote was split, which answers "was it unanimous?" with no: a
    tally with votes on both sides ("approved it 7-2", "5 to 2") or votes against ("two
    trustees voted against"). None when it says neither."""
    voted = any(token.stem == _VOTE for token in tokens)
    for index, token in enumerate(tokens):
        tally = _TALLY.fullmatch(token.text)
        if tally is not None and int(tally.group(2)) > 0:
            return index
        if voted and _a_spelled_tally(tokens, index):
            return index  # "The vote was five to two."
        if token.lower in _DISSENT or (
            token.lower == "against" and index > 0 and tokens[index - 1].stem == _VOTE
        ):
            return index
    return None


def _a_spelled_tally(tokens: tuple[Token, ...], index: int) -> bool:
    """ "five to two" at ``index``: two counts joined by "to", the second not zero."""
    return (
        index + 2 < len(tokens)
        and is_cardinal(tokens[index].lower)
        and tokens[index + 1].lower == "to"
        and is_cardinal(tokens[index + 2].lower)
        and tokens[index + 2].lower not in {"zero", "0", "nil"}
    )


_UNANIMOUS = stem("unanimous")
_VOTE = stem("voted")
_TALLY = re.compile(r"(\d{1,3})-(\d{1,3})")
_DISSENT = frozenset({"dissent", "dissented", "dissenting", "dissenter", "dissenters"})


def yes_no_coverage(question: QuestionAnalysis, weights: WordWeights, *texts: str) -> float:
    """How much of a yes/no question the sentence (``texts[0]``) and its neighbours say,
    a word counted as said when the sentence says its opposite: "the verdict acquitting
    him" speaks to "was he convicted?" (no), as "convicted" would (yes), and a split vote
    to "was it unanimous?"."""
    found = stems_said(question, *texts)
    if texts:
        tokens = tokenize(texts[0])
        said = {token.stem for token in tokens if token.is_word}
        found |= {word for word in question.content_stems if opposites_said((word,), said)}
        if _UNANIMOUS in question.content_stems and _a_split_vote(tokens) is not None:
            found.add(_UNANIMOUS)  # "voted 5-2" speaks to "was it unanimous?" (no)
    return share(weights, found)


def _negates(sentence: Sentence, index: int, question: QuestionAnalysis) -> bool:
    """Whether token ``index`` says "not": a negation, "-n't", "has yet", "declined to"."""
    tokens = sentence.tokens
    token = tokens[index]
    if says_not(token.lower):
        return True
    if token.lower == "yet" and index > 0 and tokens[index - 1].lower in {"has", "have"}:
        return True
    if (
        token.lower == "against"
        and index > 0
        and tokens[index - 1].stem == _VOTE
        and not any(word.lower == "against" for word in tokenize(question.text))
    ):
        return True  # "the two student members voted against" for "did they back it?"
    if token.stem in _DENIALS and token.stem not in question.content_stems:
        # "skips the tadpole stage", "rejected the dam": a verb that says no to its object
        return any(sentence.matched[index + 1 : index + 1 + _OBJECT_REACH])
    return _refuses(sentence, index, question)


def _refuses(sentence: Sentence, index: int, question: QuestionAnalysis) -> bool:
    """Whether token ``index`` opens a refusal: "declined to", "refused to"."""
    tokens = sentence.tokens
    return (
        tokens[index].stem in _REFUSALS
        and tokens[index].stem not in question.content_stems
        and index + 1 < len(tokens)
        and tokens[index + 1].lower == "to"
    )
