"""The command-line contract of PRODUCT.md, run as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.repl import wants_colour
from tests.conftest import PROJECT_ROOT, cli_environment, run_cli

CONTRACT_FIELDS = {"question", "answer", "short_answer", "question_type", "confidence", "passages"}
PASSAGE_FIELDS = {"text", "score", "start", "end", "paragraph"}


def assert_one_line_error(result: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert fragment in lines[0]
    assert "Traceback" not in result.stderr


def test_ask_prints_a_reply_quoting_the_article() -> None:
    result = run_cli("ask", "When will Biden and Putin meet?")
    assert result.returncode == 0, result.stderr
    statement, quote = result.stdout.splitlines()[:2]
    assert statement.startswith("June 15-16")
    assert quote.startswith('> "Biden has reportedly offered to meet Putin on June 15-16')
    assert result.stderr == ""


def test_ask_json_prints_every_contract_field() -> None:
    result = run_cli("ask", "--json", "When will Biden and Putin meet?")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record.keys() >= CONTRACT_FIELDS
    assert record["question"] == "When will Biden and Putin meet?"
    assert 0.0 <= record["confidence"] <= 1.0
    assert record["short_answer"] == "June 15-16"
    assert "June 15-16" in record["passages"][0]["text"]
    for passage in record["passages"]:
        assert passage.keys() >= PASSAGE_FIELDS
        assert passage["end"] > passage["start"] >= 0
    scores = [passage["score"] for passage in record["passages"]]
    assert scores == sorted(scores, reverse=True)


def test_jsonl_gives_one_object_per_line_in_order() -> None:
    lines = [
        "when is the summit?",
        json.dumps({"question": "who is Yuri Ushakov?", "conversation": "a"}),
        json.dumps({"question": "and where?", "conversation": "a"}),
    ]
    result = run_cli("ask", "--jsonl", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [record["question"] for record in records] == [
        "when is the summit?",
        "who is Yuri Ushakov?",
        "and where?",
    ]
    assert records[1]["conversation"] == "a"
    assert all(record.keys() >= CONTRACT_FIELDS for record in records)


def test_jsonl_answers_bad_lines_with_an_error_and_goes_on() -> None:
    stdin = b"".join(
        [
            b"\n",
            b"{not json\n",
            b'["a", "list"]\n',
            b'{"question": 42}\n',
            b'{"question": "x", "conversation": [1]}\n',
            b"\xff\xfe bad bytes\n",
            b"when is the summit?\n",
        ]
    )
    result = run_cli("ask", "--jsonl", stdin=stdin)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 7
    assert [record.get("line") for record in records[:6]] == [1, 2, 3, 4, 5, 6]
    assert all("error" in record for record in records[:6])
    assert "error" not in records[6]
    assert "Traceback" not in result.stderr


def test_jsonl_streams_each_answer_before_the_next_question_arrives() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "ask", "--jsonl"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=PROJECT_ROOT,
        env=cli_environment(),
    )
    assert process.stdin is not None
    assert process.stdout is not None
    try:
        for question in ("when is the summit?", "who is Navalny?"):
            process.stdin.write(question.encode() + b"\n")
            process.stdin.flush()
            record = json.loads(process.stdout.readline())
            assert record["question"] == question
    finally:
        process.stdin.close()
        assert process.wait(timeout=30) == 0


def test_a_very_long_question_gets_a_polite_reply() -> None:
    result = run_cli("ask", "--json", "when is the summit? " * 5000)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert len(record["question"]) <= 1000
    assert record["answer"]


@pytest.mark.parametrize(
    ("arguments", "fragment"),
    [
        (("ask", ""), "the question is empty"),
        (("ask", "   "), "the question is empty"),
        (("ask",), "the question is empty"),
        (("ask", "--jsonl", "a question"), "drop the question argument"),
        (("ask", "--json", "--jsonl"), "not allowed with"),
        (("ask", "--article", "/no/such/file.txt", "hi"), "article not found"),
        (("ask", "--article", "/", "hi"), "no articles in folder"),
        (("frobnicate",), "invalid choice"),
        ((), "required"),
    ],
)
def test_bad_usage_exits_2_with_one_line(arguments: tuple[str, ...], fragment: str) -> None:
    assert_one_line_error(run_cli(*arguments), fragment)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "is empty"),
        (b"\x00\x01\x02binary", "looks binary"),
        ("d\u00e9j\u00e0 vu".encode("latin-1"), "not UTF-8"),
    ],
)
def test_bad_article_exits_2_with_one_line(tmp_path: Path, content: bytes, fragment: str) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(content)
    assert_one_line_error(run_cli("ask", "--article", str(article), "hi"), fragment)


def test_bad_setting_exits_2_naming_the_variable() -> None:
    result = run_cli("ask", "hi", ARTICLEBOT_TOP_K="many")
    assert_one_line_error(result, "ARTICLEBOT_TOP_K")


def test_repl_works_with_piped_stdin() -> None:
    result = run_cli("repl", stdin="when is the summit?\n:why\n:help\n:bogus\n:quit\nnot read\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "score" in out
    assert "paragraph" in out
    assert ":quit" in out  # :help
    assert "Unknown command ':bogus'" in out
    assert "\033[" not in out  # no colour when stdout is not a terminal


def test_repl_why_before_any_question_says_so() -> None:
    result = run_cli("repl", stdin=":why\n")
    assert "ask a question first" in result.stdout


@pytest.mark.parametrize(
    ("is_terminal", "environ", "expected"),
    [
        (True, {}, True),
        (False, {}, False),
        (True, {"NO_COLOR": "1"}, False),
        (True, {"NO_COLOR": ""}, True),
        (True, {"TERM": "dumb"}, False),
    ],
)
def test_colour_only_on_a_terminal_without_no_color(
    is_terminal: bool, environ: dict[str, str], expected: bool
) -> None:
    assert wants_colour(is_terminal, environ) is expected


def test_python_dash_m_bot_and_the_console_script_agree() -> None:
    script = Path(sys.executable).parent / "articlebot"
    if not script.exists():
        pytest.skip("console script not installed in this interpreter's environment")
    completed = subprocess.run(
        [str(script), "ask", "--json", "when is the summit?"],
        capture_output=True,
        text=True,
        env=cli_environment(),
        check=False,
    )
    assert json.loads(completed.stdout) == json.loads(
        run_cli("ask", "--json", "when is the summit?").stdout
    )


def test_the_library_imports_without_chat_code() -> None:
    code = (
        "import sys, retrieval; "
        "assert 'discord' not in sys.modules and 'bot' not in sys.modules, sorted(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=PROJECT_ROOT)


def test_ask_never_imports_discord() -> None:
    code = (
        "import sys; from bot.cli import main; main(['ask', 'hello there']); "
        "assert 'discord' not in sys.modules"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, env=cli_environment(), check=False
    )
    assert completed.returncode == 0
