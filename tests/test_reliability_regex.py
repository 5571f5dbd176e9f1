"""Bounded work: every regular expression, and whole answers, on 100,000 hostile characters.

Every compiled pattern of the composer, its extractors, the article cleaning,
the sentence splitter, the analyzer and the Discord text helpers is found by
walking those modules (so a new rule is tested the day it is added), and so is
every pattern written inline in a ``re.*`` call. Each is run over every hostile
text of :mod:`tests.reliability_inputs` at 10,000 characters, where a quadratic
pattern already takes a second (so a regression fails fast instead of hanging
the suite), then at the full 100,000 over the texts that cost it most and a
core of the nastiest.

The bounds are generous (CI machines are noisy); the real figures, printed by
``pytest tests/test_reliability_regex.py -s``, are recorded in docs/RELIABILITY.md.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
from collections.abc import Iterator
from types import ModuleType
from typing import Any
from unittest import mock

import pytest

import bot.composer
import bot.composer.understanding
from bot.composer import MAX_QUESTION_CHARS, answer
from bot.conversation import ConversationStore
from bot.discord_app.answering import Answering
from bot.discord_app.cooldown import Cooldown
from bot.discord_app.policy import Incoming, Policy
from bot.knowledge import Knowledge
from retrieval import article_from_text
from retrieval.sentences import MAX_SENTENCE_CHARS
from tests.reliability_inputs import ADVERSARIAL, ADVERSARIAL_LENGTH, adversarial_texts, timed

# Seconds one pattern may take over one 100,000-character text; linear patterns
# take under 0.1 s here, a quadratic one minutes.
PATTERN_BOUND = 1.0
# The same at 10,000 characters, where a quadratic pattern takes about a second.
PATTERN_BOUND_SHORT = 0.25
SHORT_TEXTS = adversarial_texts(10_000)
# Seconds one whole answer may take (the acceptance bar is "well under a second").
ANSWER_BOUND = 2.0

_MODULES = (
    *(
        info.name
        for info in pkgutil.walk_packages(bot.composer.__path__, bot.composer.__name__ + ".")
    ),
    "bot.composer",
    "retrieval.cleaning",
    "retrieval.furniture",
    "retrieval.formats.extracted",
    "retrieval.sentences",
    "retrieval.analysis",
    "retrieval.article",
    "bot.discord_app.limits",
    "bot.discord_app.policy",
    "bot.discord_app.replies",
)


def _patterns_in(value: Any, name: str, depth: int = 0) -> Iterator[tuple[str, re.Pattern[str]]]:
    """Compiled patterns in ``value``, looking inside tuples, lists, sets and dicts."""
    if isinstance(value, re.Pattern):
        yield name, value
    elif depth < 3 and isinstance(value, tuple | list | set | frozenset):
        for index, item in enumerate(value):
            yield from _patterns_in(item, f"{name}[{index}]", depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for key, item in value.items():
            yield from _patterns_in(item, f"{name}[{key!r}]", depth + 1)


def _inline_patterns(module: ModuleType) -> Iterator[tuple[str, re.Pattern[str]]]:
    """Patterns written as string literals in ``re.search(...)``-style calls."""
    tree = ast.parse(inspect.getsource(module))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.func.attr != "compile"  # compiled ones are found by walking the module
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield f"{module.__name__}:{node.lineno}", re.compile(node.args[0].value)


def all_patterns() -> list[tuple[str, re.Pattern[str]]]:
    found: dict[int, tuple[str, re.Pattern[str]]] = {}
    for module_name in _MODULES:
        module = importlib.import_module(module_name)
        for attribute, value in vars(module).items():
            for name, pattern in _patterns_in(value, f"{module_name}.{attribute}"):
                found.setdefault(id(pattern), (name, pattern))
        for name, pattern in _inline_patterns(module):
            found.setdefault(id(pattern), (name, pattern))
    return sorted(found.values(), key=lambda item: item[0])


PATTERNS = all_patterns()


def test_the_patterns_are_all_found() -> None:
    names = {name for name, _ in PATTERNS}
    # One from each family, so a broken walk cannot pass by finding nothing.
    for expected in (
        "bot.composer.tokens._TOKEN",
        "bot.composer.extractors.quotes._DOUBLE",
        "bot.composer.extractors.dates._PATTERNS[0][0]",
        "bot.composer.replies._CAVEAT",
        "bot.composer.followups._ABOUT",
        "retrieval.cleaning._DEBRIS_PATTERNS[0]",
        "retrieval.sentences._BOUNDARY",
        "bot.discord_app.limits._LINE_START_MARKUP",
    ):
        assert expected in names
    assert any(":" in name for name in names)  # the inline ones
    assert len(PATTERNS) >= 100


def _exercise(pattern: re.Pattern[str], text: str) -> None:
    """What the code does with a pattern: try it at every position, and against the whole text."""
    pattern.findall(text)
    pattern.fullmatch(text)


# At 100,000 characters each pattern meets these, and the texts that cost it
# most at 10,000 (running all of them at full length would add 15 s to the suite).
FULL_LENGTH_CORE = (
    "capitals",
    "emoji",
    "digits and dots",
    "nested quotes",
    "spaces then a letter",
    "question marks then a letter",
)
FULL_LENGTH_WORST = 4


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[name for name, _ in PATTERNS])
def test_every_pattern_is_linear_on_hostile_text(name: str, pattern: re.Pattern[str]) -> None:
    short: dict[str, float] = {}
    for label, text in SHORT_TEXTS.items():
        # The best of three: a quadratic pattern is slow every time, a busy machine is not.
        short[label] = min(timed(lambda text=text: _exercise(pattern, text))[1] for _ in range(3))
        assert short[label] < PATTERN_BOUND_SHORT, f"{name} on {label!r}: {short[label]:.2f}s"
    costliest = sorted(short, key=short.__getitem__, reverse=True)[:FULL_LENGTH_WORST]
    worst = (0.0, "")
    for label in dict.fromkeys((*costliest, *FULL_LENGTH_CORE)):
        text = ADVERSARIAL[label]
        assert len(text) == ADVERSARIAL_LENGTH
        _, seconds = timed(lambda text=text: _exercise(pattern, text))
        assert seconds < PATTERN_BOUND, f"{name} on {label!r}: {seconds:.2f}s"
        worst = max(worst, (seconds, label))
    print(f"reliability: {name} worst {worst[0] * 1000:.1f} ms on {worst[1]!r}")


def test_hostile_questions_are_answered_fast(seed_knowledge: Knowledge) -> None:
    answering = Answering(
        seed_knowledge, bot.composer.ComposerOptions(), ConversationStore(), Cooldown(0)
    )
    policy = Policy(bot_id=1)
    worst = (0.0, "")
    for number, (label, question) in enumerate(ADVERSARIAL.items()):
        result, seconds = timed(lambda question=question: answer(question, seed_knowledge))
        assert seconds < ANSWER_BOUND, f"answer to {label!r}: {seconds:.2f}s"
        assert len(result.question) <= MAX_QUESTION_CHARS
        assert result.answer
        worst = max(worst, (seconds, f"composer, {label}"))
        incoming = Incoming(number, 1000 + number, 1, f"<@1> {question}", mentions_bot=True)
        response, seconds = timed(lambda incoming=incoming: answering.respond_to(incoming, policy))
        assert seconds < ANSWER_BOUND, f"Discord reply to {label!r}: {seconds:.2f}s"
        assert response is not None
        worst = max(worst, (seconds, f"Discord, {label}"))
    print(f"reliability: hostile questions, worst answer {worst[0] * 1000:.1f} ms ({worst[1]})")


# The texts that cost the composer most before passages were capped (seconds each).
ARTICLE_BODIES = (
    "digits and commas",
    "dates",
    "weekdays",
    "nested quotes",
    "quoted words",
    "money",
    "number words",
    "capitalized words",
    "initials",
    "numbered lines",
    "what about ???",
    "caveats without a negation",
    "acronym then lower case",
    "angle brackets",
)
ARTICLE_QUESTIONS = (
    "when is the summit?",
    "who said it?",
    "what did he say?",
    "how many people?",
    "is it true?",
)


@pytest.mark.parametrize("label", ARTICLE_BODIES)
def test_hostile_articles_load_and_answer_fast(label: str) -> None:
    text = (
        "A headline about a summit\n\n"
        "The summit is on June 15, though no date has been agreed, officials said. "
        f"{ADVERSARIAL[label]} The end."
    )
    article, load_seconds = timed(lambda: article_from_text(text))
    assert load_seconds < ANSWER_BOUND, f"loading {label!r}: {load_seconds:.2f}s"
    assert max(len(passage.text) for passage in article.passages) <= MAX_SENTENCE_CHARS
    knowledge = Knowledge.from_article(article)
    worst = 0.0
    for question in (*ARTICLE_QUESTIONS, ADVERSARIAL[label]):
        result, seconds = timed(lambda question=question: answer(question, knowledge))
        assert seconds < ANSWER_BOUND, f"{question[:30]!r} over {label!r}: {seconds:.2f}s"
        assert result.answer
        worst = max(worst, seconds)
    print(
        f"reliability: article of {label!r}: load {load_seconds * 1000:.0f} ms, "
        f"worst answer {worst * 1000:.1f} ms"
    )


def test_questions_are_cut_to_the_maximum_before_analysis(seed_knowledge: Knowledge) -> None:
    analysed: list[str] = []
    original = bot.composer.understanding.analyze_question

    def spy(text: str) -> Any:
        analysed.append(text)
        return original(text)

    question = "when is the summit " * (ADVERSARIAL_LENGTH // 19)
    with mock.patch.object(bot.composer.understanding, "analyze_question", spy):
        result = answer(question, seed_knowledge)

    assert analysed, "the question was never analysed"
    # Expansions ("whats" -> "what is") may lengthen it a little, never back to 100,000.
    assert max(len(text) for text in analysed) <= 2 * MAX_QUESTION_CHARS
    assert len(result.question) <= MAX_QUESTION_CHARS
