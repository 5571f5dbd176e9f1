"""Dates and times: "June 15-16", "April 13", "on Sunday", "last week", "the 10th century".

Each pattern carries a specificity: a day beats a month, a month a season, so
"June 15-16" wins over "this summer" when both answer "when". Expressions that
point backwards ("last week", "earlier this month", "ago") are marked past, so a
question about what *will* happen can avoid them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.composer.candidates import Candidate, Sentence
from bot.composer.extractors.spans import token_range

__all__ = ["extract_dates"]

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[0-3]?\d(?:st|nd|rd|th)?)"
_DAYS = rf"{_DAY}(?:\s?(?:-|–|to|and|&)\s?{_DAY})?"
_YEAR = r"(?:1\d{3}|20\d{2})"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_ERA = r"(?:BCE|BC|CE|AD|B\.C\.(?:E\.)?|A\.D\.|C\.E\.)"
# The era after the year ("800 CE") or "AD" before it ("AD 476"); a period of an
# abbreviation is no word boundary, so the lookahead ends the match.
_ERA_YEAR = rf"(?:\d{{1,4}}\s?{_ERA}(?![A-Za-z])|(?:AD|A\.D\.)\s?\d{{1,4}}\b)"
_UNIT = (
    r"(?:day|week|weekend|month|year|decade|century|summer|winter|spring|autumn|fall|night|"
    r"morning|evening|afternoon)"
)
_ORDINAL = (
    r"(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|"
    r"eighteenth|nineteenth|twentieth|twenty-first)"
)
# "1 a.m.", "6:30 pm": the closing period of "a.m." is no word boundary, so \b ends only "am".
_CLOCK = r"\d{1,2}(?::\d\d)?\s?(?:a\.m\.|p\.m\.|(?:am|pm)\b)"
_COUNT = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\d+)"

# (pattern, specificity) in order; the first pattern to claim a span wins.
_PATTERNS: tuple[tuple[re.Pattern[str], float], ...] = tuple(
    (re.compile(pattern, flags), specificity)
    for pattern, flags, specificity in (
        (rf"\b(?:{_WEEKDAY},?\s)?{_MONTH}\s{_DAYS}(?:,?\s{_YEAR})?\b", 0, 1.0),
        (rf"\b(?:{_WEEKDAY},?\s)?{_DAYS}\s(?:of\s)?{_MONTH}(?:,?\s{_YEAR})?\b", 0, 1.0),
        # a span of years: "between 1268 and 1273", "1945-70"
        (rf"\bbetween\s{_YEAR}\sand\s{_YEAR}\b", 0, 0.8),
        # "1945 to 1970" in full: "from 90% in 2004 to 60%" is no span of years
        (rf"\b{_YEAR}\s?(?:(?:-|–)\s?(?:{_YEAR}|\d\d)|to\s{_YEAR})\b(?!%)", 0, 0.8),
        (rf"\b(?:early|mid|late)?-?\s?{_MONTH},?\s{_YEAR}\b", 0, 0.85),
        (
            rf"\b(?:the\s)?(?:early\s|late\s|mid-)?{_ORDINAL}(?:\sand\s{_ORDINAL})?\scentur(?:y|ies)\b",
            re.I,
            0.7,
        ),
        (rf"\b(?:the\s)?(?:{_SEASON})\sof\s{_YEAR}\b", re.I, 0.8),
        # "before the end of October": a part of a month
        (
            rf"\b(?:the\s)?(?:end|beginning|start|middle)\sof\s{_MONTH}(?:,?\s{_YEAR})?\b",
            0,
            0.6,
        ),
        (rf"\b(?:earlier|later)\s(?:this|that|next|last)\s{_UNIT}\b", re.I, 0.45),
        (
            rf"\b(?:last|this|next|coming|past|previous)\s(?:{_UNIT}|{_WEEKDAY}|{_MONTH})\b",
            re.I,
            0.5,
        ),
        (rf"\b{_COUNT}\s{_UNIT}s?\s(?:ago|earlier|prior|before)\b", re.I, 0.5),
        (
            rf"\b(?:in|within|over)\sthe\s(?:last|past|next|coming)\s(?:{_COUNT}\s)?{_UNIT}s?\b",
            re.I,
            0.4,
        ),
        (rf"\b{_COUNT}\s{_UNIT}s?\s(?:later|from now)\b", re.I, 0.5),
        # a deadline: "report to prison within 30 days"
        (rf"\bwithin\s{_COUNT}\s{_UNIT}s?\b", re.I, 0.45),
        # ... or a vague one: "the first doses would reach hospitals within weeks"
        (r"\bwithin\s(?:hours|days|weeks|months)\b", re.I, 0.4),
        (r"\b(?:yesterday|today|tonight|tomorrow)\b", re.I, 0.5),
        # the time of a match or a race: "in the 88th minute", "since the 68th minute",
        # "early in the second half", "on the final lap", "in stoppage time", "after 14
        # minutes"
        (
            rf"\b(?:(?:early|late)\s)?(?:in|during|on|since|from|until|by|before|after)\sthe\s"
            rf"(?:{_ORDINAL}|final|last|opening)\s"
            r"(?:minute|half|quarter|period|inning|innings|round|lap|set|game|hour|leg)\b",
            re.I,
            0.5,
        ),
        (r"\b(?:in\s(?:stoppage|injury|extra|added)\stime|at\shalf-?time)\b", re.I, 0.5),
        (rf"\bafter\s{_COUNT}\s(?:minutes?|hours?|laps?|rounds?|innings)\b", re.I, 0.4),
        # "1 a.m. on Wednesday", "3:40 p.m. local time on Friday": the hour and its day.
        (
            rf"\b{_CLOCK}(?:\slocal\stime)?\son\s{_WEEKDAY}\b",
            re.I,
            0.9,
        ),
        (rf"\b(?:on\s)?{_WEEKDAY}(?:\s(?:morning|afternoon|evening|night))?\b", 0, 0.6),
        # a year of the era, of any length: "800 CE", "300 BC", "AD 476", "44 B.C."
        (rf"\b{_ERA_YEAR}", 0, 0.8),
        (rf"\b(?:the\s)?{_YEAR}s\b", 0, 0.6),
        (rf"\b{_YEAR}\b", 0, 0.7),
        (
            rf"\b(?:early|mid|late)-?\s?{_MONTH}\b|\b{_MONTH}(?=\s(?:as|and|or|when|for|to|in)\b|[,.;:)])",
            0,
            0.55,
        ),
        (rf"\bin\s{_MONTH}\b", 0, 0.55),
        (rf"\b(?:this|next|last)?\s?{_SEASON}\b", re.I, 0.35),
        (rf"\b{_CLOCK}|\b(?:noon|midnight)\b", re.I, 0.6),
    )
)
_PAST_WORDS = re.compile(r"\b(?:last|ago|earlier|prior|previous|past|yesterday)\b", re.I)
_FUTURE_WORDS = re.compile(r"\b(?:next|coming|later|tomorrow|from now)\b", re.I)


def extract_dates(sentence: Sentence) -> Iterator[Candidate]:
    """Yield date and time expressions of ``sentence``, most specific patterns first."""
    text = sentence.passage.text
    claimed: list[tuple[int, int]] = []
    for pattern, specificity in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if start == end or any(start < b and end > a for a, b in claimed):
                continue
            span = token_range(sentence.tokens, start, end)
            if span is None:
                continue
            claimed.append((start, end))
            first, last = _drop_leading_preposition(sentence, *span)
            yield Candidate(sentence, first, last, f"date:{_tense_of(match.group(0))}", specificity)


def _drop_leading_preposition(sentence: Sentence, first: int, last: int) -> tuple[int, int]:
    if first < last and sentence.tokens[first].lower in {"on", "in", "the"}:
        return first + 1, last
    return first, last


def _tense_of(expression: str) -> str:
    if _PAST_WORDS.search(expression):
        return "past"
    if _FUTURE_WORDS.search(expression):
        return "future"
    return "any"
