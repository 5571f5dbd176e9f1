"""Relative dates made absolute: "last week" in a story of 25 April 2021 is the week of 12 April.

News is written relative to its publication day. When the article's date is known
(an HTML page or front matter usually gives it), a relative short answer is
shown with what it means, beside the article's own words: "last week (the week
of 12 April 2021)". Each expression is one small rule; an expression the rules
do not know is left alone rather than guessed.

A bare weekday ("on Sunday") means the last such day on or before publication,
as news mostly reports what happened; when the sentence speaks of the future
("will meet on Sunday"), the next one.

An expression that cannot be resolved stays as written: a count that is not a
plain number ("² days ago"; ``str.isdigit`` accepts it, ``int`` does not), or a
date outside the calendar (year 1 to 9999: "3000 years ago", "99999999 weeks
ago", anything "next" of 31 December 9999).
"""

from __future__ import annotations

import re
from datetime import MAXYEAR, MINYEAR, date, timedelta

from bot.composer.lexicon import SMALL_NUMBERS

__all__ = ["parse_published", "resolve_relative_date"]

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
# "a week ago", "two days ago": no "zero days"
_NUMBERS = {"a": 1, "an": 1} | {word: value for word, value in SMALL_NUMBERS.items() if value}
_PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_AGO = re.compile(r"^(\w+) (day|week|month|year)s? ago$")
_LAST_N = re.compile(r"^(?:in |over )?the (?:last|past) (\w+) (day|week|month|year)s?$")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# A count of days, weeks, months or years in running text; more digits than this
# would reach outside the calendar anyway.
_MAX_COUNT_DIGITS = 7


def parse_published(value: str | None) -> date | None:
    """The publication date from an ISO date string (as articles store it), or None."""
    if not value:
        return None
    match = _ISO_DATE.search(value)
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def resolve_relative_date(expression: str, published: date, future: bool = False) -> str | None:
    """What ``expression`` means for an article published on ``published``, or None."""
    phrase = " ".join(expression.lower().replace("on ", "", 1).split()).strip(" .,")
    for rule in (_day_words, _weekday, _week, _month, _year, _season, _ago, _last_n):
        try:
            meaning = rule(phrase, published, future)
        except OverflowError:  # date arithmetic past year 1 or 9999
            return None
        if meaning is not None:
            return meaning
    return None


def _day(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1].capitalize()} {day.year}"


def _month_name(year: int, month: int) -> str:
    return f"{_MONTHS[month - 1].capitalize()} {year}"


def _in_calendar(year: int) -> int:
    """``year``, or OverflowError (as date arithmetic raises) when no date has it."""
    if not MINYEAR <= year <= MAXYEAR:
        raise OverflowError(f"year {year} is out of range")
    return year


def _count(word: str) -> int | None:
    """The number a count word spells ("three", "12"), or None when it spells none.

    Only ASCII digits: "²" and "٣" pass ``str.isdigit`` and are no count of days.
    """
    if word in _NUMBERS:
        return _NUMBERS[word]
    if word.isascii() and word.isdigit() and len(word) <= _MAX_COUNT_DIGITS:
        return int(word)
    return None


def _day_words(phrase: str, published: date, _future: bool) -> str | None:
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
    if phrase in offsets:
        return _day(published + timedelta(days=offsets[phrase]))
    return None


def _weekday(phrase: str, published: date, future: bool) -> str | None:
    words = [word for word in phrase.split() if word not in _PARTS_OF_DAY]
    if not words or words[-1] not in _WEEKDAYS or len(words) > 2:
        return None
    target = _WEEKDAYS.index(words[-1])
    prefix = words[0] if len(words) == 2 else ""
    if prefix in {"next", "coming"} or (future and prefix != "last"):
        ahead = (target - published.weekday()) % 7 or 7
        return _day(published + timedelta(days=ahead))
    if prefix in {"", "last", "this", "past"}:
        back = (published.weekday() - target) % 7
        if prefix == "last" and back == 0:
            back = 7
        return _day(published - timedelta(days=back))
    return None


def _week(phrase: str, published: date, _future: bool) -> str | None:
    shifts = {"last week": -1, "this week": 0, "next week": 1, "earlier this week": 0,
              "later this week": 0, "past week": -1}  # fmt: skip
    if phrase not in shifts:
        return None
    monday = published - timedelta(days=published.weekday()) + timedelta(weeks=shifts[phrase])
    return f"the week of {_day(monday)}"


def _month(phrase: str, published: date, _future: bool) -> str | None:
    shifts = {"last month": -1, "this month": 0, "next month": 1, "earlier this month": 0,
              "later this month": 0, "past month": -1}  # fmt: skip
    if phrase not in shifts:
        return None
    index = published.year * 12 + published.month - 1 + shifts[phrase]
    name = _month_name(_in_calendar(index // 12), index % 12 + 1)
    if phrase.startswith("earlier"):
        return f"earlier in {name}"
    if phrase.startswith("later"):
        return f"later in {name}"
    return name


def _year(phrase: str, published: date, _future: bool) -> str | None:
    shifts = {"last year": -1, "this year": 0, "next year": 1, "earlier this year": 0}
    if phrase not in shifts:
        return None
    year = str(_in_calendar(published.year + shifts[phrase]))
    return f"earlier in {year}" if phrase.startswith("earlier") else year


def _season(phrase: str, published: date, _future: bool) -> str | None:
    words = phrase.split()
    if len(words) != 2 or words[1] not in _SEASONS or words[0] not in {"this", "last", "next"}:
        return None
    start_month = _SEASONS[words[1]]
    year = published.year
    if words[0] == "last":
        year -= 1 if published.month < start_month + 3 else 0
    elif words[0] == "next":
        year += 1 if published.month >= start_month else 0
    return f"{words[1]} {_in_calendar(year)}"


def _ago(phrase: str, published: date, _future: bool) -> str | None:
    match = _AGO.match(phrase)
    count = _count(match.group(1)) if match is not None else None
    if match is None or count is None:
        return None
    unit = match.group(2)
    if unit == "day":
        return _day(published - timedelta(days=count))
    if unit == "week":
        return f"the week of {_day(published - timedelta(weeks=count, days=published.weekday()))}"
    months = count * (12 if unit == "year" else 1)
    index = published.year * 12 + published.month - 1 - months
    year = _in_calendar(index // 12)
    return _month_name(year, index % 12 + 1) if unit == "month" else str(year)


def _last_n(phrase: str, published: date, _future: bool) -> str | None:
    match = _LAST_N.match(phrase)
    if match is None:
        return None
    since = _ago(f"{match.group(1)} {match.group(2)}s ago", published, False)
    return f"since {since}" if since is not None else None
