"""Yes/no and either/or questions: answered from the best passage's wording.

"Has a location been agreed?" is answered "No" when the passage that best covers
the question's words negates near them ("no specific date or location has yet
been agreed"), "Yes" otherwise. A verb that refuses the next one negates as "not"
does ("she declined to say how much" for "did the company say ...?"), and a
passage that says the opposite of a question word ("acquitted" for "was he
convicted?", "weaker" for "stronger") says no. "Is it A or B?" is answered with
whichever option the passage states.
"""

from __future__ import annotations

import re

from bot.composer.antonyms import opposites_said
from bot.composer.candidates import Sentence
from bot.composer.lexicon import is_cardinal, says_not
from bot.composer.matching import share, stems_said
from bot.composer.questions import QuestionAnalysis
from bot.composer.reader import WordWeights
from bot.composer.tokens import Token, tokenize
from retrieval.analysis import stem

__all__ = ["decide_yes_no", "yes_no_coverage"]

# Negation this close (in tokens) to a matched question word governs it.
_NEGATION_WINDOW = 6
# Verbs that negate the verb after "to": "declined to say", "failed to reach".
_REFUSALS = frozenset(stem(word) for word in ("decline", "refuse", "fail"))


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
    for index in range(len(tokens)):
        if _refuses(sentence, index, question):
            # a refusal denies only its own verb: "declined to comment" answers "did he
            # comment?", but "the paintings were insured but declined to name the insurer"
            # says yes to "were the paintings insured?"
            if index + 2 < len(tokens) and sentence.matched[index + 2]:
                return "No", index, index
            continue
        if _negates(sentence, index, question) and any(
            abs(index - match) <= _NEGATION_WINDOW for match in matches
        ):
            return "No", index, index
    said = {token.stem for token in tokens if token.is_word}
    opposites = opposites_said(question.content_stems, said)
    for index, token in enumerate(tokens):
        if token.is_word and token.stem in opposites:
            return "No", index, index
    if matches:
        return "Yes", matches[0], matches[0]
    return "Yes", 0, 0


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
