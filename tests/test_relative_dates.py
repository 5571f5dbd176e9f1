"""Relative dates resolved against the publication date, one rule a row."""

from __future__ import annotations

from datetime import date

import pytest

from bot.composer.relative_dates import parse_published, resolve_relative_date

PUBLISHED = date(2021, 4, 25)  # a Sunday


@pytest.mark.parametrize(
    ("expression", "future", "meaning"),
    [
        ("today", False, "25 April 2021"),
        ("yesterday", False, "24 April 2021"),
        ("tomorrow", False, "26 April 2021"),
        ("on Sunday", False, "25 April 2021"),
        ("Friday", False, "23 April 2021"),
        ("Thursday night", False, "22 April 2021"),
        ("Friday", True, "30 April 2021"),
        ("last Sunday", False, "18 April 2021"),
        ("next Tuesday", False, "27 April 2021"),
        ("last week", False, "the week of 12 April 2021"),
        ("this week", False, "the week of 19 April 2021"),
        ("next week", False, "the week of 26 April 2021"),
        ("earlier this month", False, "earlier in April 2021"),
        ("last month", False, "March 2021"),
        ("next month", False, "May 2021"),
        ("last year", False, "2020"),
        ("this summer", False, "summer 2021"),
        ("last summer", False, "summer 2020"),
        ("next winter", False, "winter 2021"),
        ("three years ago", False, "2018"),
        ("two days ago", False, "23 April 2021"),
        ("six months ago", False, "October 2020"),
        ("in the last 12 months", False, "since April 2020"),
        ("June 15-16", False, None),
        ("a long time ago", False, None),
    ],
)
def test_resolve(expression: str, future: bool, meaning: str | None) -> None:
    assert resolve_relative_date(expression, PUBLISHED, future) == meaning


def test_january_last_month_is_december_of_the_year_before() -> None:
    assert resolve_relative_date("last month", date(2021, 1, 10)) == "December 2020"


@pytest.mark.parametrize(
    ("value", "parsed"),
    [
        ("2021-04-25", date(2021, 4, 25)),
        ("2021-04-25T10:00:00+00:00", date(2021, 4, 25)),
        ("2021-02-30", None),
        ("yesterday", None),
        (None, None),
    ],
)
def test_parse_published(value: str | None, parsed: date | None) -> None:
    assert parse_published(value) == parsed
