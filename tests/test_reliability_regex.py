"""Bounded work: every regular expression, and whole answers, on 100,000 hostile characters.

Every compiled pattern of ``retrieval`` and ``bot`` is found by walking all
their modules (inside tuples, lists, dicts and dataclass instances too), so a
new rule is tested the day it is added, and so is every pattern written inline
in a ``re.*`` call; a pattern built inside a function at call time must be
listed in :data:`BUILT_AT_CALL_TIME` with why it is safe, or the test fails.
Each pattern is run over every hostile text of :mod:`tests.reliability_inputs`
at 10,000 characters, where a quadratic pattern already takes a second (so a
regression fails fast instead of hanging the suite), then at the full 100,000
over the texts that cost it most and a core of the nastiest.

A few patterns are linear only as the code uses them (Markdown emphasis runs
only up to the line's last closer, see :mod:`retrieval.formats.markdown_inline`);
those are exercised through that code (:data:`GUARDED`), not alone.

The bounds are generous (CI machines are noisy); the real figures, printed by
``pytest tests/test_reliability_regex.py -s``, are recorded in docs/RELIABILITY.md.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any
from unittest import mock

import pytest

import bot
import bot.composer
import bot.composer.understanding
import retrieval
from bot.composer import MAX_QUESTION_CHARS, answer
from bot.conversation import ConversationStore
from bot.discord_app.answering import Answering
from bot.discord_app.cooldown import Cooldown
from bot.discord_app.policy import Incoming, Policy
from bot.knowledge import Knowledge
from retrieval import article_from_text
from retrieval.formats import markdown_inline
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

_PACKAGES = (retrieval, bot)
_MODULES = (
    "retrieval",
    "bot",
    *(
        info.name
        for package in _PACKAGES
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + ".")
        if not info.name.endswith(".__main__")  # importing it runs the command line
    ),
)

Pattern = re.Pattern[str] | re.Pattern[bytes]

# Patterns compiled inside a function, from what a call brings: (module, function)
# and why each is linear.
BUILT_AT_CALL_TIME = {
    ("retrieval.formats.markdown_inline", "_emphasis"): (
        "called at import only; its patterns are module-level (_EMPHASES) and walked"
    ),
    ("bot.composer.questions", "_compiled"): (
        "called at import only; its patterns are module-level (_TYPE_RULES, _EMBEDDED_RULES) "
        "and walked"
    ),
    ("bot.discord_app.policy", "strip_mentions"): "an alternation of two literal mentions",
    ("bot.evaluation.datasets", "_passages_containing"): (
        "an escaped literal between two one-character lookarounds"
    ),
}


def _patterns_in(value: Any, name: str, depth: int = 0) -> Iterator[tuple[str, Pattern]]:
    """Compiled patterns in ``value``, looking inside containers and dataclass instances."""
    if isinstance(value, re.Pattern):
        yield name, value
    elif depth >= 3:
        return
    elif isinstance(value, tuple | list | set | frozenset):
        for index, item in enumerate(value):
            yield from _patterns_in(item, f"{name}[{index}]", depth + 1)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _patterns_in(item, f"{name}[{key!r}]", depth + 1)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _patterns_in(getattr(value, field.name), f"{name}.{field.name}", depth + 1)


def _re_calls(module: ModuleType) -> Iterator[tuple[ast.Call, str | None]]:
    """Every ``re.<function>(...)`` call of ``module``, with the function it sits in."""

    def visit(node: ast.AST, function: str | None) -> Iterator[tuple[ast.Call, str | None]]:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.FunctionDef) else function
            if (
                isinstance(child, ast.Call)
                and isinstance(child.func, ast.Attribute)
                and isinstance(child.func.value, ast.Name)
                and child.func.value.id == "re"
                and child.func.attr != "escape"
                and child.args
            ):
                yield child, function
            yield from visit(child, inner)

    yield from visit(ast.parse(inspect.getsource(module)), None)


def _inline_patterns(module: ModuleType) -> Iterator[tuple[str, Pattern]]:
    """Patterns written as string literals in ``re.search(...)``-style calls."""
    for call, _ in _re_calls(module):
        literal = call.args[0]
        if (
            isinstance(call.func, ast.Attribute)
            and call.func.attr != "compile"  # compiled ones are found by walking the module
            and isinstance(literal, ast.Constant)
            and isinstance(literal.value, str | bytes)
        ):
            yield f"{module.__name__}:{call.lineno}", re.compile(literal.value)


def all_patterns() -> list[tuple[str, Pattern]]:
    found: dict[int, tuple[str, Pattern]] = {}
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
        "retrieval.formats.markdown._TABLE_DELIMITER",
        "retrieval.formats.markdown_inline._LINK_TARGET",
        "retrieval.formats.markdown_inline._EMPHASES[0].span",
        "retrieval.formats.charset._META_CHARSET",
        "retrieval.printable._UNPRINTABLE",
        "bot.discord_app.limits._LINE_START_MARKUP",
        "bot.cache_store._ENTRY_NAME",
    ):
        assert expected in names
    assert any(":" in name for name in names)  # the inline ones
    assert len(PATTERNS) >= 170


def test_every_pattern_built_at_call_time_is_reviewed() -> None:
    """A pattern compiled inside a function escapes the walk above: each must be reviewed."""
    built = {
        (module_name, function)
        for module_name in _MODULES
        for call, function in _re_calls(importlib.import_module(module_name))
        if function is not None
        and not (isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str))
    }
    assert built == set(BUILT_AT_CALL_TIME), (
        "a regular expression built at call time: make it a module-level pattern (tested "
        "here), or say in BUILT_AT_CALL_TIME why it cannot grow with its input"
    )


def _exercise(pattern: Pattern, text: str) -> None:
    """What the code does with a pattern: try it at every position, and against the whole text."""
    if isinstance(pattern.pattern, bytes):
        data = text.encode("utf-8", "surrogatepass")
        pattern.findall(data)  # type: ignore[arg-type]
        pattern.fullmatch(data)  # type: ignore[arg-type]
    else:
        pattern.findall(text)  # type: ignore[arg-type]
        pattern.fullmatch(text)  # type: ignore[arg-type]


def _through_emphasis(number: int) -> Callable[[Pattern, str], None]:
    emphasis = markdown_inline._EMPHASES[number]

    def exercise(pattern: Pattern, text: str) -> None:
        for line in text.split("\n"):
            markdown_inline._strip_emphasis(line, emphasis)

    return exercise


def _through_footnote_marks(pattern: Pattern, text: str) -> None:
    markdown_inline._strip_footnote_marks(text)


# Patterns linear only as the code runs them (once per line, or over ranges that
# do not overlap), so tried at every position they would be quadratic: each is
# exercised through the code that uses it.
GUARDED: dict[str, Callable[[Pattern, str], None]] = {
    **{
        f"retrieval.formats.markdown_inline._EMPHASES[{number}].{part}": _through_emphasis(number)
        for number in range(len(markdown_inline._EMPHASES))
        for part in ("span", "last_closer")
    },
    "retrieval.formats.markdown_inline._LAST_WHITESPACE": _through_footnote_marks,
}


def test_the_guarded_patterns_exist() -> None:
    assert set(GUARDED) <= {name for name, _ in PATTERNS}


# At 100,000 characters each pattern meets these, and the texts that cost it
# most at 10,000 (running all of them at full length would add 15 s to the suite).
FULL_LENGTH_CORE = (
    "capitals",
    "digits and dots",
    "nested quotes",
    "spaces then a letter",
)
FULL_LENGTH_WORST = 3


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[name for name, _ in PATTERNS])
def test_every_pattern_is_linear_on_hostile_text(name: str, pattern: Pattern) -> None:
    exercise = GUARDED.get(name, _exercise)
    short: dict[str, float] = {}
    for label, text in SHORT_TEXTS.items():
        short[label] = timed(lambda text=text: exercise(pattern, text))[1]
        if short[label] >= PATTERN_BOUND_SHORT / 4:
            # The best of three: a quadratic pattern is slow every time, a busy machine is not.
            short[label] = min(
                timed(lambda text=text: exercise(pattern, text))[1] for _ in range(3)
            )
        assert short[label] < PATTERN_BOUND_SHORT, f"{name} on {label!r}: {short[label]:.2f}s"
    costliest = sorted(short, key=short.__getitem__, reverse=True)[:FULL_LENGTH_WORST]
    worst = (0.0, "")
    for label in dict.fromkeys((*costliest, *FULL_LENGTH_CORE)):
        text = ADVERSARIAL[label]
        assert len(text) == ADVERSARIAL_LENGTH
        _, seconds = timed(lambda text=text: exercise(pattern, text))
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
    "what three names are listed?",  # joins runs of candidates (bot.composer.coordination)
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
