"""The real command line on hostile terminals and inputs: an answer or one line, never a traceback.

Each case here once ended with a traceback: an ASCII or Latin-1 terminal
(``UnicodeEncodeError`` on the first dash), a REPL ``:use`` with a number
``int`` refuses, ``eval`` on JSON nested 100,000 deep, or a path holding
terminal escapes echoed into the error line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.evaluation.datasets import DatasetError, load_eval_sets
from tests.conftest import SEED_ARTICLE, run_cli

QUESTION = "When will Biden and Putin meet?"  # its answer holds an em dash, which ASCII lacks


def _no_traceback(stderr: str) -> None:
    assert "Traceback" not in stderr
    assert len(stderr.splitlines()) <= 1


def test_a_narrow_terminal_encoding_gets_escapes_not_a_crash() -> None:
    reference = json.loads(run_cli("ask", "--json", QUESTION).stdout)
    ascii_only = {"PYTHONIOENCODING": "ascii"}

    text = run_cli("ask", QUESTION, **ascii_only)
    single = run_cli("ask", "--json", QUESTION, **ascii_only)
    stream = run_cli("ask", "--jsonl", stdin=f"{QUESTION}\n{QUESTION}\n", **ascii_only)
    latin = run_cli("ask", "--jsonl", stdin=f"{QUESTION}\n", PYTHONIOENCODING="latin-1")

    for result in (text, single, stream, latin):
        assert result.returncode == 0, result.stderr
        _no_traceback(result.stderr)
    for result in (text, single, stream):
        assert result.stdout.isascii()
    assert "\\u2014" in text.stdout  # the dash, written as its escape
    # JSON stays JSON, and means the same: ASCII escapes decode to the same text.
    assert json.loads(single.stdout) == reference
    assert [json.loads(line) for line in stream.stdout.splitlines()] == [reference, reference]
    assert json.loads(latin.stdout) == reference


UNUSABLE_CHOICES = ("\u00b2", "\u0663", "9" * 5000, "-1", "0", "2", "1.5", "1e3", "+1", "x")


def test_the_repl_use_command_refuses_any_number_it_cannot_use() -> None:
    commands = [f":use {choice}" for choice in UNUSABLE_CHOICES]
    result = run_cli("repl", stdin="\n".join([*commands, ":use 01", QUESTION]) + "\n")
    assert result.returncode == 0, result.stderr
    _no_traceback(result.stderr)
    lines = result.stdout.splitlines()
    refusals = [line for line in lines if line.startswith("Give an article number from 1 to 1")]
    assert len(refusals) == len(UNUSABLE_CHOICES)
    assert any(line.startswith("Answering from: Biden") for line in lines)  # ":use 01"
    assert any("June 15-16" in line for line in lines)  # and the REPL still answers


EVAL_FILES = {
    "nested 100,000 deep.json": "[" * 100_000 + "]" * 100_000,
    "nested in a record.jsonl": '{"question": "q", "answers": ' + "[" * 50_000 + "]" * 50_000 + "}",
    "a long integer.json": '{"data": ' + "9" * 5000 + "}",
    "data not a list.json": '{"data": 5}',
    "title a number.json": '{"data": [{"title": 5, "paragraphs": []}]}',
    "context a number.json": '{"data": [{"paragraphs": [{"context": 7, "qas": []}]}]}',
    "answer_start a string.json": (
        '{"data": [{"paragraphs": [{"context": "Paris is in France.", "qas": [{"id": "a", '
        '"question": "where?", "answers": [{"text": "France", "answer_start": "x"}]}]}]}]}'
    ),
    "a record that is a list.jsonl": "[1, 2]",
    "answers not a list.jsonl": '{"question": "q", "answers": 5}',
    "not JSON.jsonl": "{broken",
}


@pytest.mark.parametrize("name", list(EVAL_FILES))
def test_a_bad_evaluation_file_is_a_dataset_error(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(EVAL_FILES[name], encoding="utf-8")
    with pytest.raises(DatasetError) as caught:
        load_eval_sets(path, SEED_ARTICLE)
    assert str(path) in str(caught.value)
    assert "\n" not in str(caught.value)


def test_eval_on_a_bad_file_is_one_line(tmp_path: Path) -> None:
    nested = tmp_path / "nested.json"
    nested.write_text(EVAL_FILES["nested 100,000 deep.json"], encoding="utf-8")
    result = run_cli("eval", "--quiet", str(nested))
    assert result.returncode == 2
    _no_traceback(result.stderr)
    assert "nests too deeply" in result.stderr


def test_an_evaluation_file_that_is_not_utf8_is_a_dataset_error(tmp_path: Path) -> None:
    latin = tmp_path / "latin.json"
    latin.write_bytes(b'{"data": ["caf\xe9"]}')
    with pytest.raises(DatasetError, match="not UTF-8"):
        load_eval_sets(latin, SEED_ARTICLE)


ESCAPES = "\x1b]0;owned\x07\x1b[2J"


def test_terminal_escapes_in_a_path_are_shown_as_escapes(tmp_path: Path) -> None:
    missing = tmp_path / f"story{ESCAPES}.txt"
    result = run_cli("ask", "--article", str(missing), QUESTION)
    assert result.returncode == 2
    assert "\\x1b]0;owned\\x07\\x1b[2J" in result.stderr
    assert "\x1b" not in result.stderr
    assert "\x07" not in result.stderr


def test_a_warning_about_a_file_in_a_folder_is_one_printable_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(SEED_ARTICLE.read_bytes())
    (tmp_path / f"empty{ESCAPES}\r\nforged.txt").write_text(" \n")
    result = run_cli("ask", "--article", str(tmp_path), QUESTION)
    assert result.returncode == 0, result.stderr
    (warning,) = result.stderr.splitlines()
    assert warning.startswith("articlebot: warning: skipped a file: article is empty")
    assert "\\x1b[2J\\x0d\\x0aforged" in warning
