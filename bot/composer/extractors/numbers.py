"""Numbers and quantities: "24-day", "46th", "thousands of troops", "3.5 per cent", "$5bn".

For "how many X" the counted noun is part of the quantity ("thousands of
troops"), but a reply need not repeat the question's own noun, so scoring decides
between the bare number and the number with its noun. Years and dates are left to
the date extractor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.composer.candidates import Candidate, Sentence
from bot.composer.extractors.spans import token_range
from bot.composer.lexicon import TIME_UNITS
from bot.composer.word_classes import WordClass, word_class

__all__ = ["extract_numbers", "is_fraction", "measure_unit"]

_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|"
    r"a (?:few|dozen|hundred|thousand|million|billion)|several|half|twice|once)"
)
_MAGNITUDE = r"(?:\s?(?:hundred|thousand|million|billion|trillion|bn|m|k)\b)?"
# A currency sign, with the country letters news puts before a dollar ("C$36 million",
# "US$5", "HK$3.2 billion"), in capitals whatever the pattern's case.
_SIGN = r"(?:(?:(?-i:[A-Z]{1,3})?\$|[£€¥])\s?)?"
# Thousands groups are whole ("4,200"), so a number never takes the comma after it.
_DIGITS = (
    _SIGN
    + r"\d{1,3}(?:,\d{3})+(?:\.\d+)?%?"
    + _MAGNITUDE
    + "|"
    + _SIGN
    + (r"\d+(?:\.\d+)?(?:st|nd|rd|th)?%?" + _MAGNITUDE)
)
_QUANTITY = re.compile(
    rf"(?<![\w$£€¥])(?:(?:tens|hundreds) of thousands|(?:{_DIGITS})|{_NUMBER_WORD}"
    rf"(?:[- ](?:{_NUMBER_WORD}))*)(?:-\w+){{0,2}}"
    r"(?:\s(?:per ?cent|percent))?",
    re.IGNORECASE,
)
# The noun counted by a quantity: "of troops", or a plain noun right after it, or a
# unit written short ("62 km/h", "12 kg").
_COUNTED = re.compile(r"\s(?:of\s)?([a-z][a-z-]+(?:/[a-z]+)?)")
_SHORT_UNITS = frozenset("km/h mph kph km kg cm mm ft lb lbs mg ml".split())
# A currency named after its country: "48 million Canadian dollars", "5 million Hong Kong
# dollars"; or written with a capital: "6 million Lira", "40 Euro".
_NAMED_CURRENCY = re.compile(
    r"\s(?:[A-Z][a-z]+\s){1,2}(?:dollars?|pounds?|francs?|pesos?|rupees?|kron[oe]r|rand|yuan|yen)\b"
    r"|\s(?:Lira|Lire|Euros?|Dollars?|Pesos?|Francs?|Guilders?|Rupees?|Yen|Yuan)\b"
)
_NOT_COUNTED = frozenset(
    "of and or to in on at by for the a an is are was were has have had will would "
    "who which that than as per".split()
)
_YEAR = re.compile(r"^(?:1\d{3}|20\d{2})$")
# Scores of games and sets: "3-1", "4-6, 7-6 (8), 6-3" (at most five sets).
_SET = r"\d{1,2}-\d{1,2}(?: \(\d{1,2}\))?"
_SCORE = re.compile(rf"(?<![\w.-]){_SET}(?:, {_SET}){{0,4}}(?![\w-])")
# A time told in two or three units: "two hours and 51 minutes", "2 hours, 5 minutes and
# 7 seconds".
_UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)"
_SPELLED_DURATION = re.compile(
    rf"(?<![\w-])(?:\d{{1,4}}|{_NUMBER_WORD}) {_UNIT}"
    rf"(?:, (?:\d{{1,4}}|{_NUMBER_WORD}) {_UNIT})?,? and (?:\d{{1,4}}|{_NUMBER_WORD}) {_UNIT}\b",
    re.IGNORECASE,
)
# A range of amounts: "between $35 and $60", "between 65 and 80 percent"; not of years,
# which the date extractor reads.
_RANGE = re.compile(
    rf"(?<![\w-])between (?:{_DIGITS}) and (?:{_DIGITS})(?:\s(?:per ?cent|percent))?(?![\w,.]\d)",
    re.IGNORECASE,
)
# A range written with a dash between its ends: "around 200–300", "15—20 percent"; a
# hyphen is a score's ("3-1").
_DASH_RANGE = re.compile(
    rf"(?<![\w-])(?:{_DIGITS}) ?[–—] ?(?:{_DIGITS})(?:\s(?:per ?cent|percent))?(?![\w,.]\d)",
    re.IGNORECASE,
)
# A share told as a ratio: "nine in ten", "one out of five", "1 in 4", "one in a hundred";
# not a number of time units ("2 in 10 minutes"), a year ("one in 2019") nor the end of a
# range ("aged 80 to 97 in 11 countries").
_RATIO = re.compile(
    rf"(?<![\w-])(?<!\bto )(?:\d{{1,3}}|{_NUMBER_WORD}) (?:in|out of) "
    rf"(?:\d{{1,3}}(?:,\d{{3}})*|{_NUMBER_WORD})(?![\w-])(?! {_UNIT})",
    re.IGNORECASE,
)
# A share told as a fraction: "two-thirds", "three quarters", and "a third" or "one
# fifth" when a whole follows ("a third of the park"; "a third term" is an order) or a
# change or an estimate goes before ("fell by a quarter", "about a third").
_PARTS = r"(?:half|third|quarter|fifth|sixth|seventh|eighth|ninth|tenth)"
_CHANGED_BY = r"(?:(?<=\bby )|(?<=\babout )|(?<=\bnearly )|(?<=\broughly )|(?<=\balmost ))"
_FRACTION = re.compile(
    rf"(?<![\w-])(?:(?:a|one)[- ]{_PARTS}(?= of\b)|{_CHANGED_BY}(?:a|one)[- ]{_PARTS}|"
    rf"(?:two|three|four|five|six|seven|eight|nine)[- ]{_PARTS}s)(?![\w-])",
    re.IGNORECASE,
)
# Part of a point or a percent: "half a percentage point", "a quarter of a point".
_PART_OF_A_POINT = re.compile(
    r"(?<![\w-])(?:half|a quarter(?: of)?|three quarters of) an? "
    r"(?:percentage points?|points?|per ?cent|percent)(?![\w-])",
    re.IGNORECASE,
)
# A time on a clock or a stopwatch: "2:07:22", "4:15". Its parts are no numbers of their own.
_CLOCK = re.compile(r"(?<![\w:.])\d{1,2}(?::[0-5]\d){1,2}(?:\.\d+)?(?![\w:])")
# A temperature written with its sign: "30 °C", "212°F", "-5°".
_DEGREES = re.compile(r"(?<![\w.])-?\d{1,4}(?:\.\d{1,3})? ?°(?: ?[CFK](?![\w]))?")
_AMOUNT = re.compile(r"[$£€¥%]|per ?cent", re.IGNORECASE)
# How often something happens: "twice a year", "three times a week", "once every four
# years", "every six months", "each year", "three days a week", "weekly".
_PERIOD = (
    r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century|"
    r"season|term|weekend|morning|evening|afternoon|summer|winter|spring|autumn|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
)
_COUNT = rf"(?:\d{{1,4}}|{_NUMBER_WORD})"
_EVERY = rf"(?:every|each) (?:(?:other|second|third|few|couple of|{_COUNT}) )?{_PERIOD}"
_PER = rf"(?:a|an|per) {_PERIOD}|{_EVERY}"
# How long something has been so, told by when it began: "since 2001", "since the 1950s",
# "since the early 1990s", "since March 2019".
_SINCE = re.compile(
    r"(?<![\w-])since (?:the )?(?:(?:early|mid|late)[- ])?"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December) )?(?:1\d{3}|20\d{2})s?(?![\w-])",
    re.IGNORECASE,
)
# A quantity over time: "1.9 metres a year", "2.3 million barrels a day", "60 km per hour".
_RATE = re.compile(
    rf"(?<![\w-])(?:\d[\d,.]{{0,12}}|{_NUMBER_WORD})(?: [a-z][a-z-]{{0,20}}){{1,2}} "
    r"(?:a|an|per|each|every) (?:second|minute|hour|day|night|week|month|year)\b",
    re.IGNORECASE,
)
_FREQUENCY = re.compile(
    rf"(?<![\w-])(?:(?:once|twice|thrice|{_COUNT} times)(?: (?:{_PER}))?"
    rf"|{_COUNT} (?:days|nights|mornings|evenings|afternoons|weekends) (?:{_PER})"
    rf"|{_EVERY}"
    r"|(?:hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|yearly|annually|"
    r"biannually|biennially))(?![\w-])",
    re.IGNORECASE,
)
# "14-story", "2.6-acre", "46-year": a number joined to its unit is a size, not a count.
_MEASURE = re.compile(rf"(?:\d|{_NUMBER_WORD})-([a-z]+)(?:-[a-z]+)?$", re.IGNORECASE)
_NUMBER_WORDS = re.compile(rf"{_NUMBER_WORD}$", re.IGNORECASE)
# "46th", "31st": a rank answers "how many" far less often than a count.
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)\b", re.IGNORECASE)


def _fit(expression: str) -> float:
    if _ORDINAL.search(expression):
        return 0.5
    return 1.0 if any(char.isdigit() for char in expression) else 0.8


def is_fraction(expression: str) -> bool:
    """ "two-thirds", "a quarter of": a share told in words (see :data:`_FRACTION`)."""
    return _FRACTION.search(expression + " of") is not None


def measure_unit(expression: str) -> str | None:
    """The unit of a hyphenated measure ("story" of "14-story"), or None for a plain number.

    "a 14-story apartment building" counts stories, not apartments: such a number
    describes the noun after it and never counts it. "twenty-five" is no measure.
    """
    match = _MEASURE.search(expression)
    if match is None or _NUMBER_WORDS.fullmatch(match.group(1)):
        return None
    return match.group(1).lower()


def _counted_end(text: str, counted: re.Match[str]) -> int:
    """Where the counted noun phrase ends: at its noun, "118 silver coins", "12 member
    states", "two weight rooms", not at the modifier "silver"; at most two words on."""
    stop = counted.end()
    if counted.group(1) in _SHORT_UNITS:
        return stop  # "a 50 km/h zone": the unit ends the quantity
    for _ in range(_MORE_COUNTED_WORDS):
        following = _NEXT_WORD.match(text, stop)
        if following is None or following.group(1) in _NOT_COUNTED:
            break
        if word_class(following.group(1)) is not WordClass.NOUN:
            break
        stop = following.end()
    return stop


_NEXT_WORD = re.compile(r"\s([a-z][a-z-]*)\b")
_MORE_COUNTED_WORDS = 2


def _before_a_unit_of_time(text: str, counted: re.Match[str]) -> bool:
    """Whether the word after a number qualifies a unit of time right after it: "15
    working days", "three straight seasons" count days and seasons."""
    following = _NEXT_WORD.match(text, counted.end())
    return following is not None and following.group(1) in TIME_UNITS


def _is_counted_noun(word: str) -> bool:
    """ "troops" in "5,000 troops", not "said" in "44, said" or "while"."""
    if word in _SHORT_UNITS:
        return True
    return word not in _NOT_COUNTED and word_class(word) in {WordClass.NOUN, WordClass.ADJECTIVE}


def _whole_forms(
    sentence: Sentence, spans: list[tuple[int, int]], rule: str
) -> Iterator[Candidate]:
    """Each character span as one quantity: a score, a time told in two units, a clock time."""
    for start, end in spans:
        span = token_range(sentence.tokens, start, end)
        if span is not None:
            yield Candidate(sentence, span[0], span[1], rule, 1.0)


def _matches(form: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [match.span() for match in form.finditer(text)]


def _ranges(text: str) -> list[tuple[int, int]]:
    """The ranges of amounts in ``text`` (:data:`_RANGE`, :data:`_DASH_RANGE`) that do not
    open on a year ("1806–07", "between 1914 and 1918": the date extractor's)."""
    return [
        match.span()
        for form in (_RANGE, _DASH_RANGE)
        for match in form.finditer(text)
        if not _YEAR.match(_RANGE_ENDS.findall(match.group(0))[0])
    ]


# The numbers at a range's ends.
_RANGE_ENDS = re.compile(r"\d[\d,.]*\d|\d")


def extract_numbers(sentence: Sentence) -> Iterator[Candidate]:
    """Yield quantities of ``sentence``: the number alone, and with its counted noun.

    A match score ("4-6, 7-6 (8), 6-3") is one quantity, whole; so is a time
    ("finished in 2:07:22").
    """
    text = sentence.passage.text
    clocks = _matches(_CLOCK, text)
    yield from _whole_forms(sentence, _matches(_SCORE, text), "number:score")
    yield from _whole_forms(sentence, _matches(_SPELLED_DURATION, text), "number+noun")
    yield from _whole_forms(sentence, clocks, "number:time")
    yield from _whole_forms(sentence, _matches(_RATIO, text), "number")
    yield from _whole_forms(sentence, _ranges(text), "number")
    yield from _whole_forms(sentence, _matches(_FRACTION, text), "number")
    yield from _whole_forms(sentence, _matches(_PART_OF_A_POINT, text), "number")
    yield from _whole_forms(sentence, _matches(_DEGREES, text), "number+noun")
    yield from _whole_forms(sentence, _matches(_FREQUENCY, text), "number:frequency")
    yield from _whole_forms(sentence, _matches(_RATE, text), "number+noun")
    yield from _whole_forms(sentence, _matches(_SINCE, text), "number:since")
    for match in _QUANTITY.finditer(text):
        start, end = match.span()
        expression = match.group(0)
        if _YEAR.match(expression) or not expression.strip():
            continue
        if any(first <= start < last for first, last in clocks):
            continue  # "2" and "07" of "2:07:22"
        span = token_range(sentence.tokens, start, end)
        if span is None:
            continue
        first, last = span
        fit = _fit(expression)
        yield Candidate(sentence, first, last, "number", fit)
        currency = _NAMED_CURRENCY.match(text, end)
        if currency and not _AMOUNT.search(expression):
            money_span = token_range(sentence.tokens, start, currency.end())
            if money_span is not None:
                yield Candidate(sentence, first, money_span[1], "number+noun", fit)
                continue
        counted = _COUNTED.match(text, end)
        # "£4m restoration", "62% turnout", "14-story building": the noun is not counted.
        if (
            counted
            and (_is_counted_noun(counted.group(1)) or _before_a_unit_of_time(text, counted))
            and not _AMOUNT.search(expression)
            and measure_unit(expression) is None
        ):
            noun_span = token_range(sentence.tokens, start, _counted_end(text, counted))
            if noun_span is not None and noun_span[1] > last:
                yield Candidate(sentence, first, noun_span[1], "number+noun", fit)
