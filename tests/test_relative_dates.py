"""Relative dates resolved against the publication date, one rule a row."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.composer import answer
from bot.composer.relative_dates import parse_published, resolve_relative_date
from bot.knowledge import load_knowledge
from tests.conftest import run_cli
from tests.reliability_inputs import hostile_text

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


# -- robustness: a date that cannot be resolved stays as written ------------------


@pytest.mark.parametrize(
    ("expression", "published"),
    [
        ("\u00b2 days ago", PUBLISHED),  # superscript two: isdigit() but not int()
        ("\u0663 weeks ago", PUBLISHED),  # Arabic-Indic three
        ("99999999 weeks ago", PUBLISHED),  # before year 1
        ("10000000000000 days ago", PUBLISHED),  # past what a timedelta holds
        ("3000 years ago", PUBLISHED),  # a negative year
        ("in the last 99999999 years", PUBLISHED),
        ("next Monday", date(9999, 12, 31)),  # after the last date
        ("next year", date(9999, 12, 31)),
        ("next month", date(9999, 12, 1)),
        ("next summer", date(9999, 7, 1)),
        ("last month", date(1, 1, 1)),
        ("yesterday", date(1, 1, 1)),
        ("1 week ago", date(1, 1, 3)),
    ],
)
def test_an_unresolvable_date_stays_as_written(expression: str, published: date) -> None:
    assert resolve_relative_date(expression, published) is None
    assert resolve_relative_date(expression, published, future=True) is None


@settings(max_examples=300, deadline=None)
@given(
    count=st.one_of(st.integers(min_value=0), st.text(min_size=1, max_size=12)),
    unit=st.sampled_from(["day", "days", "week", "weeks", "month", "months", "year", "years"]),
    shape=st.sampled_from(["{} {} ago", "in the last {} {}", "over the past {} {}"]),
    published=st.dates(),
    future=st.booleans(),
)
def test_any_count_and_any_publication_date_give_a_meaning_or_none(
    count: int | str, unit: str, shape: str, published: date, future: bool
) -> None:
    meaning = resolve_relative_date(shape.format(count, unit), published, future)
    assert meaning is None or isinstance(meaning, str)
    assert meaning is None or "-" not in meaning.split()[-1]  # never a negative year


@settings(max_examples=200, deadline=None)
@given(expression=hostile_text(max_size=12), published=st.dates(), future=st.booleans())
def test_any_text_gives_a_meaning_or_none(expression: str, published: date, future: bool) -> None:
    meaning = resolve_relative_date(expression, published, future)
    assert meaning is None or isinstance(meaning, str)


DATED_ARTICLE = """---
title: Council votes on the bridge
date: 2023-06-14
---

The council voted \u00b2 days ago on the new bridge, officials said.

The town was founded 99999999 weeks ago, the mayor said.

The river was named 3000 years ago by settlers, according to the museum.

The ferry stopped running 10000000000000 days ago.
"""
DATED_QUESTIONS = (
    "when did the council vote?",
    "when was the town founded?",
    "when was the river named?",
    "when did the ferry stop running?",
)


def test_odd_dates_in_an_article_never_stop_ask(tmp_path: Path) -> None:
    article = tmp_path / "dated.md"
    article.write_text(DATED_ARTICLE, encoding="utf-8")
    knowledge = load_knowledge(article, cache=False)
    for question in DATED_QUESTIONS:
        result = answer(question, knowledge)  # before: ValueError or OverflowError
        assert "(-" not in result.answer  # no negative year shown
    stream = run_cli("ask", "--article", str(article), "--jsonl", stdin="\n".join(DATED_QUESTIONS))
    assert stream.returncode == 0, stream.stderr
    assert "Traceback" not in stream.stderr
    assert len(stream.stdout.splitlines()) == len(DATED_QUESTIONS)
