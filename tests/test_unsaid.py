"""What an article says it does not know: bot/composer/unsaid.py, and the composer's decline."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.composer import answer
from bot.composer.questions import analyze_question
from bot.composer.unsaid import asked_wh, conditioned_at, unsaid_at
from bot.knowledge import Knowledge
from retrieval import article_from_text


@pytest.mark.parametrize(
    ("text", "question", "open_at"),
    [
        ("She did not say how many bakeries would close.", "how many bakeries will close?", 4),
        (
            "The operator declined to say how much the new cranes would cost.",
            "how much will the automated cranes cost?",
            5,
        ),
        ("It is unclear when the bridge will reopen.", "when will the bridge reopen?", 3),
        ("Police would not say exactly who fired the shots.", "who fired the shots?", 5),
        ("It is not known why the dam failed.", "why did the dam fail?", 4),
        # said, not left open
        ("He said how many bakeries would close.", "how many bakeries will close?", None),
        # open, but about another thing: most of the question's words must follow
        ("She did not say how many bakeries would close.", "how many people work there?", None),
        (
            "She did not say how much the renovations would cost.",
            "how much will the agreement cost?",
            None,
        ),
        # another wh-word leaves another question open
        ("She did not say when the bakeries would close.", "how many bakeries will close?", None),
        # the noun naming what is asked, left open by a verb of telling or finding out
        (
            "Investigators have not determined the cause of the fire.",
            "what caused the fire?",
            5,
        ),
        ("Police did not release the names of the victims.", "who were the victims?", 5),
        ("The firm did not disclose the value of the deal.", "how much is the deal worth?", 6),
        # "who?" left open by a refused verb of naming
        (
            "The director said the paintings were insured but declined to name the insurer.",
            "who insured the paintings?",
            10,
        ),
        ("Police did not identify the driver of the truck.", "who was driving the truck?", 3),
        ("Police named the driver as Ann Lee.", "who was the driver?", None),
        # ... and "which company?" by one, the question's words before it
        (
            "It chose a supplier for the turbines but would not name it yet.",
            "which company will supply the turbines?",
            10,
        ),
        # "who?" left open as "which" and a noun of people or bodies, or in a wh-clause
        # joined to an open one by "or"
        ("The firm declined to say which bank lent it money.", "who lent it money?", 5),
        (
            "It declined to say how much the battery would cost or which firm would supply it.",
            "who is supplying the battery?",
            11,
        ),
        ("It is unknown which of them was his mother.", "who was his father?", None),
        # the thing a "which <noun>?" asks for, and no other, withheld by a naming verb
        (
            "He worked for a company that ran the alarm but did not name the firm.",
            "which suspect worked for the alarm company?",
            None,
        ),
        # "who is X?" asks what X is, whatever X declined to name
        ("Moser said a developer was keen but declined to name the firm.", "who is Moser?", None),
        # the noun a "how much/which" question asks about, not yet estimated or given
        (
            "Officials have not yet estimated the damage to homes and shops.",
            "how much damage was done to homes and shops?",
            6,
        ),
        # a name said to be unknown a dozen words on
        (
            "The name of the firm that finished the work has not been made public.",
            "which company finished the work?",
            1,
        ),
        # a refusal that governs a second verb ("or to say"), about a pronoun's thing
        (
            "The authority declined to name the agencies or to say how much it was paying.",
            "how much is the authority paying?",
            10,
        ),
        # a value withheld as "its" value, of what was named before
        (
            "Restrepo signed a new contract, but the team did not disclose its value.",
            "how much is Restrepo's new contract worth?",
            13,
        ),
        # a noun qualified by a word, withheld by a second verb of one refusal
        (
            "The firm declined to name the lenders or disclose the interest rate on the loan.",
            "what interest rate is on the loan?",
            11,
        ),
        # "which" and a wider kind of the noun asked about
        (
            "He declined to say which criminal group was behind the shipment.",
            "which gang was behind the shipment?",
            4,
        ),
        ("He declined to say which firm was behind the shipment.", "which gang sent it?", None),
        (
            "The health authority would not say how much it was paying the agencies.",
            "how much is the health authority paying the nursing agencies?",
            6,
        ),
        ("She declined to name the insurer.", "who owns the museum?", None),
        # ... the one withheld must be the one asked for, whatever words come before
        (
            "The director said the paintings were insured but declined to name the insurer.",
            "who painted the portrait?",
            None,
        ),
        # ... or said to be unknown after it
        ("The cause of the fire is under investigation.", "why did the fire start?", 1),
        ("The names of the two men have not been released.", "who are the two men?", 1),
        # said, or about another thing
        ("Officials said the cause of the fire was a power line.", "what caused the fire?", None),
        ("The firm did not disclose the value of the deal.", "how much did the bakery cost?", None),
        # a wh-clause cut short ("but did not say when."): the question's words come before
        (
            "The bridge will reopen, but officials did not say when.",
            "when will the bridge reopen?",
            10,
        ),
        (
            "They will sell some brands if regulators demand it, but did not say which.",
            "which brands will be sold?",
            14,
        ),
        (
            "The bridge will reopen, but officials did not say when.",
            "when will the school open?",
            None,
        ),
        # "no <noun>" that was not set or given, about the question's words after or before it
        ("No date has been set for the retrial.", "when is the retrial?", 1),
        ("He awaits the retrial, for which no date has been set.", "when is the retrial?", 8),
        ("No reason was given for the delay.", "why was the flight delayed?", 1),
        ("No date has been set for the vote.", "when is the retrial?", None),
        ("No date was a problem for the retrial.", "when is the retrial?", None),
        # someone not named, the words of the question before the refusal
        (
            "She relied on documents from a former accountant, whom the paper did not name.",
            "who was the accountant?",
            14,
        ),
        # ... but a thing's value once unknown is no gap about who measured it
        (
            "The constant is Newton's, though its value was unknown in his lifetime.",
            "who first measured the value of the constant?",
            None,
        ),
        # a yes/no question left open by "whether" or "if" after the same words ...
        (
            "It is not yet known whether prosecutors will open an investigation.",
            "are prosecutors opening a case against her?",
            5,
        ),
        ("The club did not say if the coach would stay.", "will the coach stay?", 5),
        # ... or by a sentence that opens with "whether" and says so at its end
        (
            "Whether the committee will extend the ban was not yet known.",
            "is the ban extended?",
            10,
        ),
        # ... or by a decision still to come
        (
            "The team would decide on Friday morning whether Daumier would start the stage.",
            "will Daumier start the stage?",
            7,
        ),
        ("The club is considering whether the coach should stay.", "will the coach stay?", 4),
        # said, or about another thing, or decided already
        ("The club said the coach would stay.", "will the coach stay?", None),
        ("The club decided on Friday whether the coach would stay.", "will the coach stay?", None),
        ("It is not known whether the dam will hold.", "will the coach stay?", None),
        ("She will go if the coach stays.", "will the coach stay?", None),
    ],
)
def test_a_sentence_that_leaves_the_question_open(
    text: str, question: str, open_at: int | None
) -> None:
    assert unsaid_at(text, analyze_question(question)) == open_at


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("Drivers will walk out on Nov. 14 if there is no agreement.", 8),
        ("They would strike from April 6 if no deal was reached.", 6),
        ("The plant will stay open unless no buyer is found.", 5),
        ("The minister had not ruled out charges.", 3),
        # a condition that is met, or a plain negation
        ("Drivers will walk out if the talks fail.", None),
        ("The minister ruled out charges.", None),
        ("No deal was reached.", None),
    ],
)
def test_a_sentence_that_hangs_on_something_not_happening(text: str, at: int | None) -> None:
    assert conditioned_at(text) == at


def test_a_yes_no_question_answered_by_a_condition_is_declined_in_its_words() -> None:
    story = article_from_text(
        "Bus strike\n\nLisbon bus drivers struck on Friday over pay. The union said drivers "
        "will strike again on Nov. 14 if there is no agreement."
    )
    reply = answer("will the drivers strike again on nov 14?", Knowledge.from_article(story))
    assert reply.kind == "no_answer"
    assert "if there is no agreement" in reply.statement


@pytest.mark.parametrize(
    ("question", "wh"),
    [
        ("How many bakeries will close?", ("how", "many")),
        ("how much is it", ("how", "much")),
        ("how did it end?", ("how",)),
        ("Whom did she call?", ("who",)),
        ("when?", ("when",)),
        ("the summit is when?", ()),
        ("", ()),
    ],
)
def test_the_wh_words_a_question_opens_with(question: str, wh: tuple[str, ...]) -> None:
    assert asked_wh(question) == wh


STORY = article_from_text(
    "Grainfield to buy Oakmill\n\n"
    "Grainfield will buy Oakmill, which has 9,500 workers at 31 bakeries. "
    "Grainfield said it would close overlapping bakeries to save money. "
    "She did not say how many bakeries would close. "
    "Oakmill did not say how much the deal would cost it, but analysts said about $40 million."
)


def test_the_composer_declines_what_the_article_leaves_open() -> None:
    knowledge = Knowledge.from_article(STORY)
    reply = answer("how many bakeries will close?", knowledge)
    assert reply.kind == "no_answer"
    assert reply.short_answer is None
    # the reply shows the article's own words: the gap is the article's
    assert reply.statement == (
        'The article doesn\'t say; it notes: "She did not say how many bakeries would close."'
    )
    assert [passage.text for passage in reply.passages] == [
        "She did not say how many bakeries would close."
    ]
    assert answer("how many bakeries does Oakmill have?", knowledge).short_answer == "31"


@pytest.mark.parametrize(
    ("text", "question", "gap"),
    [
        (
            "A ferry carrying 312 people ran aground on Saturday. "
            "It was not yet known whether the ferry had strayed from its usual route.",
            "did the ferry stray from its route?",
            "not yet known whether the ferry had strayed",
        ),
        # The ranker puts a sentence saying a thing is not known below one that tells
        # something: the gap is looked for among the best few, not only the first.
        (
            "De Smet was sent off and banned for three matches by the federation, which will "
            "meet on May 28 to review the ban for De Smet. "
            "Whether the federation will extend De Smet's ban was not yet known.",
            "will De Smet's ban be extended?",
            "was not yet known",
        ),
    ],
)
def test_a_yes_no_question_the_article_leaves_open_is_declined_in_its_words(
    text: str, question: str, gap: str
) -> None:
    story = article_from_text("A story\n\n" + text)
    reply = answer(question, Knowledge.from_article(story))
    assert reply.kind == "no_answer"
    assert gap in reply.statement


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("whether the ban if " * 20_000, "is the ban extended?"),
        ("it did not say when, " * 20_000, "when will the ban end?"),
        ("declined to name it or to say how much it " * 10_000, "how much did it pay?"),
        ("or which firm or which firm " * 10_000, "who is supplying it?"),
        ("did not name the the the " * 10_000, "which company did it?"),
    ],
)
def test_hostile_sentences_stay_fast(text: str, question: str) -> None:
    """Thousands of "whether"/"if" and cut-short clauses are read in bounded steps each."""
    analysis = analyze_question(question)
    start = time.perf_counter()
    found = unsaid_at(text, analysis)
    assert time.perf_counter() - start < 5.0
    assert found is None or 0 < found < len(text)


def test_an_answer_after_the_open_clause_still_stands() -> None:
    reply = answer("how much will the deal cost Oakmill?", Knowledge.from_article(STORY))
    assert reply.short_answer is not None
    assert "$40 million" in reply.short_answer


def test_a_word_after_the_gap_without_a_but_is_no_answer() -> None:
    story = article_from_text(
        "Fire near Cedar Ridge\n\n"
        "A wildfire burned 11,000 acres near Cedar Ridge on Monday. "
        "Investigators have not determined the cause of the fire, and Sheriff Lorena "
        "Baptiste asked anyone who saw smoke to call her office."
    )
    reply = answer("what caused the fire?", Knowledge.from_article(story))
    assert reply.kind == "no_answer"
    assert "have not determined the cause of the fire" in reply.statement


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400), st.text(max_size=80))
def test_any_text_and_question_give_an_index_inside_the_text_or_none(
    text: str, question: str
) -> None:
    found = unsaid_at(text, analyze_question(question))
    assert found is None or 0 < found < len(text)
