"""Whose words a quote is: "what did the transport minister say?" is not answered by a
spokeswoman's quote, nor "what did Joana Ribeiro say?" by the winner's.

A quote is tied to the speaker asked about when its sentence names the speaker, names
someone the article gives the speaker's title, or says "he/she said" right after a
passage that names the speaker. Every check reads a bounded number of tokens and
passages: one search of at most a few hits, and the passage before.
"""

from __future__ import annotations

from bot.composer.candidates import Candidate
from bot.composer.extractors.names import is_nationality
from bot.composer.lexicon import (
    CALENDAR_WORDS,
    DETERMINERS,
    FUNCTION_WORDS,
    ORGANIZATION_NOUNS,
    SPEECH_STEMS,
)
from bot.composer.questions import QuestionAnalysis
from bot.composer.reader import ArticleReader
from bot.composer.tokens import Token, tokenize
from bot.composer.word_classes import WordClass, is_speech_verb, word_class
from retrieval.analysis import stem

__all__ = ["quotes_someone_else"]


def quotes_someone_else(
    candidate: Candidate, question: QuestionAnalysis, reader: ArticleReader, passage_index: int
) -> bool:
    """Whether a quote is not tied to the speaker asked about ("what did the minister say?").

    It is tied when its sentence names the speaker outside the quote ("Transport
    Minister Ana Ruiz said"); when it names someone the article gives the
    speaker's title elsewhere ("Ruiz said", and "Minister Ana Ruiz" in another
    passage); or when a pronoun says it ("he said") and the passage before names
    the speaker. A spokeswoman's words are not the minister's, and where a verb of
    speech says who speaks ("Yuri Ushakov confirmed Putin and Biden were talking"),
    the others named are spoken of.
    """
    if _no_ones_words(candidate):
        return True
    head = question.speaker[-1]
    outside = [
        token
        for index, token in enumerate(candidate.sentence.tokens)
        if token.is_word and not candidate.first <= index <= candidate.last
    ]
    speakers = _attributed(candidate)
    if speakers and head in question.capital_stems:
        return head not in speakers  # a name asked about, and the name the verb gives
    modifier = _role_modifier(question)
    if _the_role_said(head, modifier, speakers or {token.stem for token in outside}):
        return False
    names = speakers or {
        t.stem for t in outside if t.is_capitalized and t.lower not in FUNCTION_WORDS
    }
    article = reader.article_number(passage_index)
    if names:
        for hit in reader.knowledge.retriever.search(" ".join(question.speaker), k=_SPEAKER_HITS):
            if reader.article_number(hit.passage.index) == article and _titled(
                [token.stem for token in tokenize(hit.passage.text)],
                head,
                modifier,
                names,
            ):
                return False
    if _said_by_pronoun(outside):
        passages = reader.knowledge.retriever.passages
        for index in reader.neighbours(passage_index):
            if index < passage_index and head in {t.stem for t in tokenize(passages[index].text)}:
                return False
    return True


def _the_role_said(head: str, modifier: str | None, stems: set[str]) -> bool:
    """Whether ``stems`` say the speaker's role asked about (``head``), with the word that
    tells it from others of its kind (``modifier``, see :func:`_role_modifier`): "Industry
    Minister Tomáš Kraus said" is no prime minister's quote ("what did the Czech prime
    minister say?")."""
    return head in stems and (modifier is None or modifier in stems)


def _role_modifier(question: QuestionAnalysis) -> str | None:
    """The word before the speaker's role that tells it from others of its kind ("prime"
    of "the Czech prime minister"), or None: none given, a nationality, or the body the
    role serves ("the union president" is the "Federation president" of its story)."""
    head = question.speaker[-1]
    role = [word for word in question.speaker if word not in question.capital_stems]
    modifier = role[-2] if len(role) >= 2 and role[-1] == head else None
    if modifier is None or is_nationality(modifier) or modifier in _BODY_STEMS:
        return None
    return modifier


_BODY_STEMS = frozenset(stem(word) for word in ORGANIZATION_NOUNS)


def _no_ones_words(candidate: Candidate) -> bool:
    """Whether quoted words stand in a sentence of their own that no verb of speech
    carries: a title ("the best director award went to Baek for "The Ninth Floor"") or
    a term ("set the danger at level 3 of 5, "considerable""), not speech. A quote that
    is most of its sentence goes on from the one before ("Our members are running on
    empty.") and is left to the speaker rules."""
    tokens = candidate.sentence.tokens
    outside = [
        at
        for at in range(len(tokens))
        if tokens[at].is_word and not candidate.first <= at <= candidate.last
    ]
    if candidate.rule != "quote" or len(outside) < _WORDS_AROUND_A_TERM:
        return False
    return not any(_speech_verb(tokens, at) or tokens[at].stem in _QUOTING_WORDS for at in outside)


# Words outside a quote that make it part of a sentence rather than the sentence.
_WORDS_AROUND_A_TERM = 4
# Words that give quoted words as someone's though no verb of speech says so: "banners
# reading", "denounced as", "called it", "wrote".
_QUOTING_WORDS = frozenset(
    stem(word)
    for word in "read reading write wrote written call called describe described denounce "
    "denounced dub dubbed label labelled labeled brand branded term termed as".split()
)


def _attributed(candidate: Candidate) -> set[str]:
    """The stems of the name the quote's verb of speech gives as its speaker: the name
    nearest before it in its clause ("Yuri Ushakov confirmed"), else right after it
    ("said Transport Minister Ana Ruiz"); empty where it gives a pronoun or a title
    ("prompting the Russian leader to respond:"). The quote's verb is the one nearest
    it, but a participle after a comma ("..., adding:") or a verb after "and" shares
    the earlier verb's speaker. A name elsewhere ("confirmed Putin and Biden were
    talking") is spoken of, not speaking.
    """
    tokens = candidate.sentence.tokens
    verbs = sorted(
        (
            at
            for at in range(len(tokens))
            if not candidate.first <= at <= candidate.last and _speech_verb(tokens, at)
        ),
        key=lambda at: min(abs(at - candidate.first), abs(at - candidate.last)),
    )
    for at in verbs:
        previous = tokens[at - 1].lower if at > 0 else ""
        if previous == "and" or (previous == "," and tokens[at].lower.endswith("ing")):
            continue  # "..., adding:", "... and said": the speaker is the earlier verb's
        before = _name_run(tokens, at - 1, -1, candidate)
        return before or _name_run(tokens, at + 1, 1, candidate)
    return set()


def _speech_verb(tokens: tuple[Token, ...], at: int) -> bool:
    """A verb of speech, not its noun ("Putin's call", "the statement")."""
    token = tokens[at]
    previous = tokens[at - 1].lower if at > 0 else ""
    return is_speech_verb(token) and not (previous.endswith("'s") or previous in DETERMINERS)


def _name_run(tokens: tuple[Token, ...], start: int, step: int, candidate: Candidate) -> set[str]:
    """The stems of the capitalized run nearest ``start`` going ``step`` way, outside the
    quote: right at ``start`` after the verb, or the first met before it within a few
    words of its own clause (a verb on the way belongs to another)."""
    run: set[str] = set()
    for index in range(start, start + step * _ATTRIBUTION_REACH, step):
        if not 0 <= index < len(tokens) or candidate.first <= index <= candidate.last:
            break
        token = tokens[index]
        if token.lower in CALENDAR_WORDS:
            continue  # "Biden said on Sunday": no one
        if token.is_word and token.is_capitalized and token.lower not in FUNCTION_WORDS:
            run.add(token.stem)
        elif run and step < 0 and token.lower in _AFFILIATION_WORDS:
            continue  # "Lena Marsh of Bike Millbrook called": the speaker and her body
        elif run or step > 0 or not _in_a_title(token):
            break
    return run


_AFFILIATION_WORDS = frozenset({"of", "from", "at", "the"})


def _in_a_title(token: Token) -> bool:
    """A word between a speaker's name and the verb: a mark, a determiner, "of", or a
    noun or adjective of their title ("Ruiz, the transport minister, said"); a verb or
    another function word ("working with Russia to combat global warming and said")
    belongs to another clause."""
    if not token.is_word:
        return True
    if token.lower in _TITLE_FUNCTION_WORDS:
        return True
    return token.lower not in FUNCTION_WORDS and word_class(token.lower) in {
        WordClass.NOUN,
        WordClass.ADJECTIVE,
    }


_TITLE_FUNCTION_WORDS = DETERMINERS | {"of"}

# Words read from a verb of speech for the name of its speaker.
_ATTRIBUTION_REACH = 8


def _said_by_pronoun(words: list[Token]) -> bool:
    """ "..., she said", "said he": a pronoun right beside a speech verb gives the speaker."""
    return any(
        word.lower in _PRONOUNS
        and any(other.stem in SPEECH_STEMS for other in words[max(0, at - 1) : at + 2])
        for at, word in enumerate(words)
    )


def _titled(stems: list[str], head: str, modifier: str | None, names: set[str]) -> bool:
    """Whether one of ``names`` stands within a few words of the title ``head`` (with its
    ``modifier`` before it, when the question gives one: "Prime Minister")."""
    return any(
        stem == head
        and (modifier is None or modifier in stems[max(0, at - _TITLE_REACH) : at])
        and not names.isdisjoint(stems[max(0, at - _TITLE_REACH) : at + _TITLE_REACH + 1])
        for at, stem in enumerate(stems)
    )


# Passages searched for the speaker's title beside a name the quote's sentence gives.
_SPEAKER_HITS = 10
# The most words between a title and the name it goes with ("Governor Verónica Ibáñez").
_TITLE_REACH = 3
_PRONOUNS = frozenset({"he", "she", "they"})
