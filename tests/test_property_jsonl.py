"""``ask --jsonl`` on hostile lines: every line gets exactly one UTF-8 JSON line back, in order.

Lines are arbitrary bytes (invalid UTF-8, NUL, CRLF), JSON of any shape
(objects, arrays, deep nesting, numbers Python refuses to convert, lone
surrogates spelled ``"\\ud800"``), mentions, markdown and very long questions.
:func:`~bot.ask_command.parse_request` must classify each without raising, and
the stream must never stop: one bad line used to end it with a traceback.
"""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.ask_command import LineError, Request, parse_request, stream_answers
from bot.composer import ComposerOptions
from bot.knowledge import Knowledge
from bot.settings import Settings
from bot.startup import Runtime
from tests.conftest import run_cli
from tests.reliability_inputs import hostile_text

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | hostile_text(max_size=10),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(["question", "conversation", "x"]), children, max_size=3)
    ),
    max_leaves=12,
)
REQUEST_OBJECTS = st.fixed_dictionaries(
    {"question": st.one_of(hostile_text(), st.integers(), st.none())},
    optional={"conversation": st.one_of(hostile_text(max_size=5), st.integers(), st.floats())},
)


def _line(value: Any) -> bytes:
    # ensure_ascii spells lone surrogates as \ud800 escapes, as a caller's JSON may.
    return json.dumps(value, ensure_ascii=True).encode("ascii")


LINES = st.one_of(
    st.binary(max_size=80),
    hostile_text().map(lambda text: text.encode("utf-8", "surrogatepass")),
    JSON_VALUES.map(_line),
    REQUEST_OBJECTS.map(_line),
).map(lambda raw: raw.replace(b"\n", b" "))


def _assert_usable(request: Request | LineError) -> None:
    if isinstance(request, LineError):
        assert request.message
        assert "\n" not in request.message
        return
    assert request.question.strip() == request.question
    assert request.question
    if request.conversation is not None:
        request.conversation.encode("utf-8")  # echoed back in UTF-8 output


@settings(max_examples=300, deadline=None)
@given(LINES)
def test_every_line_is_a_request_or_a_line_error(raw: bytes) -> None:
    request = parse_request(raw)
    _assert_usable(request)
    assert parse_request(raw) == request


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        (b'{"question": "hi", "conversation": "\\udc00x"}', "lone surrogates"),
        (b'{"question": "hi", "conversation": ' + b"9" * 5000 + b"}", "a number is too long"),
        (b"[" * 100_000, "too deeply nested"),
        (b"\xff\xfe", "not UTF-8"),
    ],
    ids=["surrogate conversation", "5000-digit number", "deep nesting", "not UTF-8"],
)
def test_lines_that_once_stopped_the_stream_are_errors(raw: bytes, fragment: str) -> None:
    request = parse_request(raw)
    assert isinstance(request, LineError)
    assert fragment in request.message


@pytest.fixture(scope="module")
def runtime(seed_knowledge: Knowledge) -> Runtime:
    return Runtime(Settings(_env_file=None), seed_knowledge, ComposerOptions())  # type: ignore[call-arg]


def _stream(runtime: Runtime, lines: list[bytes]) -> list[dict[str, Any]]:
    """Run the stream into a strict UTF-8 output, as ``sys.stdout`` is; return the records."""
    buffer = io.BytesIO()
    output = io.TextIOWrapper(buffer, encoding="utf-8", errors="strict", newline="\n")
    stream_answers(runtime, [line + b"\n" for line in lines], output)
    output.flush()
    text = buffer.getvalue().decode("utf-8")
    assert text.endswith("\n") or not lines
    # One line an answer, however the reader splits lines (splitlines also
    # breaks at U+0085, U+2028 and U+2029, which a question may hold).
    assert text.splitlines() == text.split("\n")[:-1]
    return [json.loads(line) for line in text.splitlines()]


@settings(max_examples=60, deadline=None)
@given(st.lists(LINES, max_size=8))
def test_the_stream_answers_every_line_once_in_order(runtime: Runtime, lines: list[bytes]) -> None:
    records = _stream(runtime, lines)
    assert len(records) == len(lines)
    for number, (line, record) in enumerate(zip(lines, records, strict=True), start=1):
        request = parse_request(line)
        if isinstance(request, LineError):
            assert record == {"line": number, "error": request.message}
        else:
            assert record["answer"]
            assert record.get("conversation") == request.conversation
    assert _stream(runtime, lines) == records  # deterministic


HOSTILE_LINES = [
    b"when is the summit?",
    b"",
    b"   \t ",
    b"\x00\x01\x02",
    b"\xff\xfe not UTF-8",
    b"when is the summit?\r",
    b'{"question": "\\ud800 who is Putin?", "conversation": "a"}',
    b'{"question": "and where?", "conversation": "a"}',
    b'{"question": "hi", "conversation": "\\udfff"}',
    b'{"question": "hi", "conversation": ' + b"7" * 4500 + b"}",
    b"[" * 50_000,
    b'{"question": ["not", "a", "string"]}',
    b"null",
    b"@everyone <@123> <@&456> <#789> when is the summit?",
    b"```py\nprint('x')\n```".replace(b"\n", b" "),
    "\u202e\u200f\u0301\U0001f389 \U0001f1fa\U0001f1f8".encode(),
    ("why " * 250_000).encode(),  # a 1,000,000-character question
    b"who is Putin?",
]


@pytest.mark.e2e
def test_the_real_command_survives_hostile_lines() -> None:
    stdin = b"\n".join(HOSTILE_LINES) + b"\n"
    first = run_cli("ask", "--jsonl", stdin=stdin)
    second = run_cli("ask", "--jsonl", stdin=stdin)

    assert first.returncode == 0, first.stderr
    assert first.stderr == ""
    records = [json.loads(line) for line in first.stdout.splitlines()]
    assert len(records) == len(HOSTILE_LINES)
    errors = [record["line"] for record in records if "error" in record]
    assert errors == [2, 3, 5, 9, 10, 11, 12]  # "null" is a question, a strange one
    assert records[-1]["question"] == "who is Putin?"
    assert second.stdout == first.stdout  # the same input, the same answers
