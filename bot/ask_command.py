"""``articlebot ask``: one question as text or JSON, or a stream of them as JSON lines.

In ``--jsonl`` mode every input line gets exactly one output line, in order, and
each is flushed at once, so a caller can pipe questions in and zip them with the
answers as they come. A line is a plain question, or a JSON object
``{"question": "...", "conversation": "ID"}``; lines that share a conversation id
share follow-up context. A line that cannot be used (blank, not UTF-8, a broken
or wrong JSON object) gets ``{"line": N, "error": "..."}`` and the stream goes on.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO, Any

from bot.composer import answer
from bot.conversation import ConversationStore
from bot.input_lines import MAX_LINE_LENGTH, bounded_lines
from bot.startup import Runtime, start
from bot.terminal import writes_utf8

__all__ = ["LineError", "Request", "parse_request", "run_ask", "stream_answers"]

EXIT_OK = 0
EXIT_USAGE = 2
_TOO_LONG = (
    f"the line is longer than {MAX_LINE_LENGTH:,} bytes, so it was not read: "
    f"send one question a line"
)
_LINE_BREAK_ESCAPES = str.maketrans({"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


@dataclass(frozen=True, slots=True)
class Request:
    """One question read from a ``--jsonl`` line."""

    question: str
    conversation: str | None = None


@dataclass(frozen=True, slots=True)
class LineError:
    """Why a ``--jsonl`` line could not be read as a question."""

    message: str


def run_ask(arguments: argparse.Namespace) -> int:
    """Run ``articlebot ask`` with parsed ``arguments``; return the exit status."""
    from bot.cli import UsageError

    if arguments.jsonl:
        if arguments.question is not None:
            raise UsageError("--jsonl reads questions from stdin; drop the question argument")
        runtime = start(arguments.article, cache=not arguments.no_cache)
        stream_answers(runtime, bounded_lines(sys.stdin.buffer), sys.stdout)
        return EXIT_OK
    if arguments.question is None or not arguments.question.strip():
        raise UsageError('the question is empty: ask something, e.g. articlebot ask "when is it?"')
    runtime = start(arguments.article, cache=not arguments.no_cache)
    result = answer(arguments.question, runtime.knowledge, options=runtime.options)
    if arguments.json:
        print(json.dumps(result.to_dict(), ensure_ascii=not writes_utf8(sys.stdout)))
    else:
        print(result.answer)
    return EXIT_OK


def stream_answers(runtime: Runtime, lines: Iterable[bytes | None], output: IO[str]) -> None:
    """Answer each line of ``lines``, writing and flushing one JSON object per line.

    ``None`` stands for a line too long to read (see :func:`bot.input_lines.bounded_lines`).
    """
    conversations = ConversationStore(idle_seconds=runtime.settings.conversation_idle_seconds)
    ascii_only = not writes_utf8(output)
    for number, raw in enumerate(lines, start=1):
        request = parse_request(raw) if raw is not None else LineError(_TOO_LONG)
        record: dict[str, Any]
        if isinstance(request, LineError):
            record = {"line": number, "error": request.message}
        else:
            conversation = (
                conversations.get(request.conversation)
                if request.conversation is not None
                else None
            )
            result = answer(request.question, runtime.knowledge, conversation, runtime.options)
            record = result.to_dict()
            if request.conversation is not None:
                record["conversation"] = request.conversation
        output.write(_json_line(record, ascii_only) + "\n")
        output.flush()


def _json_line(record: dict[str, Any], ascii_only: bool) -> str:
    """``record`` as JSON on one line, whichever way the reader splits lines.

    JSON leaves U+0085, U+2028 and U+2029 raw inside strings, but Python's
    ``str.splitlines`` (and some JavaScript) break lines there; escaped, they
    cannot split one answer in two. ``ascii_only`` escapes every other
    non-ASCII character too, for an output that is not UTF-8.
    """
    return json.dumps(record, ensure_ascii=ascii_only).translate(_LINE_BREAK_ESCAPES)


def parse_request(raw: bytes | str) -> Request | LineError:
    """Read one ``--jsonl`` line: JSON if it starts with ``{`` or ``[``, else plain text.

    A line opening with a bracket is a caller's attempt at JSON (no question
    starts that way), so a broken or non-object one is reported, not answered.
    """
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            return LineError("the line is not UTF-8 text: send UTF-8")
    line = raw.strip()
    if not line:
        return LineError("the line is empty: write one question a line")
    if not line.startswith(("{", "[")):
        return Request(line)
    try:
        value = json.loads(line)
    except (ValueError, RecursionError) as error:
        return LineError(
            f"the line is not valid JSON ({_json_problem(error)}): send text or a JSON object"
        )
    return _request_from_object(value)


def _json_problem(error: ValueError | RecursionError) -> str:
    if isinstance(error, json.JSONDecodeError):
        return error.msg
    if isinstance(error, RecursionError):
        return "too deeply nested"
    # Python refuses to convert an integer of more than 4300 digits.
    return "a number is too long"


def _request_from_object(value: Any) -> Request | LineError:
    if not isinstance(value, dict):
        return LineError('a JSON line must be an object like {"question": "..."}')
    question = value.get("question")
    if not isinstance(question, str) or not question.strip():
        return LineError('the JSON object needs a non-empty "question" string')
    conversation = value.get("conversation")
    if conversation is not None and not isinstance(conversation, str | int):
        return LineError('"conversation" must be a string or a number')
    if isinstance(conversation, str) and not _encodable(conversation):
        # JSON can spell a lone surrogate ("\ud800"); the id is echoed back, and
        # no UTF-8 output can hold it. (The question is cleaned of them instead.)
        return LineError('"conversation" must be valid Unicode text, without lone surrogates')
    return Request(question.strip(), None if conversation is None else str(conversation))


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
