"""Quoted speech: what someone said, with the speech verb that introduces it.

A quote is text between double quotes, or between single quotes used as
quotation marks (not apostrophes: the opening one follows a space or starts the
text). A candidate is the words inside the quotes; its bonus grows when a speech
verb of the question's kind ("reply" ~ "respond") stands near it, and when the
question's speaker appears in the sentence. One- or two-word quotes are scare
quotes ("a 'killer'"), which answer "what did X call Y" but rarely "what did X say".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.composer.candidates import Candidate, Sentence
from bot.composer.extractors.spans import token_range
from bot.composer.lexicon import SPEECH_STEMS, SPEECH_VERBS

__all__ = ["extract_quotes", "quote_spans"]

_DOUBLE = re.compile(r'"([^"]{1,600})"')
_SINGLE = re.compile(r"(?:(?<=\s)|^)'([^']{1,300}?)'(?=[\s.,;:!?)]|$)")
_SPEECH_WINDOW = 6  # tokens between a speech verb and the quote it introduces
# A verb this close introduces the quote itself ('respond, "..."', '"...," he said').
_INTRODUCER_WINDOW = 3
_SCARE_QUOTE_WORDS = 2


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the quoted text (inside the marks) in ``text``."""
    spans = [match.span(1) for match in _DOUBLE.finditer(text)]
    spans += [
        match.span(1)
        for match in _SINGLE.finditer(text)
        if not any(a <= match.start() < b for a, b in spans)
    ]
    if text.count('"') % 2 == 1:
        # A quotation that runs on from the previous sentence ends at the first mark; one
        # that runs on into the next sentence starts at the last, which opens it.
        first, last = text.index('"'), text.rindex('"')
        if _opens(text, last) and not any(a - 1 <= last <= b for a, b in spans):
            spans.append((last + 1, len(text)))
        elif not any(a - 1 <= first <= b for a, b in spans):
            spans.append((0, first))
    return sorted(spans)


def _opens(text: str, mark: int) -> bool:
    """Whether the quotation mark at ``mark`` opens a quotation: it starts the text or
    follows a space, and a word follows it."""
    before = text[mark - 1 : mark]
    return (not before or before.isspace()) and text[mark + 1 : mark + 2].isalnum()


def extract_quotes(sentence: Sentence, verb_group: str | None) -> Iterator[Candidate]:
    """Yield the quotes of ``sentence``; ``verb_group`` is the question's speech verb."""
    wanted = SPEECH_VERBS.get(verb_group or "", frozenset())
    for start, end in quote_spans(sentence.passage.text):
        span = token_range(sentence.tokens, start, end)
        if span is None:
            continue
        first, last = _trim_punctuation(sentence, *span)
        if last < first:
            continue
        close = _nearby_stems(sentence, first, last, _INTRODUCER_WINDOW)
        near = _nearby_stems(sentence, first, last, _SPEECH_WINDOW)
        bonus = 0.0
        if wanted and close & wanted:
            bonus = 0.5
        elif wanted and near & wanted:
            bonus = 0.25
        elif near & SPEECH_STEMS:
            bonus = 0.2
        yield Candidate(
            sentence, first, last, "quote", _fit(sentence, first, last, verb_group), bonus
        )


def _fit(sentence: Sentence, first: int, last: int, verb_group: str | None) -> float:
    """Speech fits "what did X say"; a word or two in quotes fits "what did X call Y".

    A quoted title ("'Leaders on Climate Change'") is a name, not speech.
    """
    words = [token for token in sentence.tokens[first : last + 1] if token.is_word]
    scare = len(words) <= _SCARE_QUOTE_WORDS
    title = len(words) > 1 and all(
        token.is_capitalized or token.lower in {"of", "on", "the", "and", "for", "in", "a"}
        for token in words
    )
    if verb_group == "call":
        return 1.0 if scare else 0.5
    if title:
        return 0.3
    if scare:
        return 0.4
    # Speech answers a question about what was said; any other question ("which
    # entity focused on ...?") gets the whole quotation rarely.
    return 1.0 if verb_group else 0.35


def _trim_punctuation(sentence: Sentence, first: int, last: int) -> tuple[int, int]:
    tokens = sentence.tokens
    while first <= last and not tokens[first].is_word:
        first += 1
    while last >= first and not tokens[last].is_word and tokens[last].text not in {"!", "?"}:
        last -= 1
    return first, last


def _nearby_stems(sentence: Sentence, first: int, last: int, window: int) -> frozenset[str]:
    tokens = sentence.tokens
    before = tokens[max(0, first - window) : first]
    after = tokens[last + 1 : last + 1 + window]
    return frozenset(token.stem for token in (*before, *after) if token.is_word)
