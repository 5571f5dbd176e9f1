"""Unbounded input lines: a line is read up to a cap, an article up to a number of lines
and sentences, so neither a 200 MB line nor a file of millions of "1." lines costs
memory or minutes.

Before: ``ask --jsonl`` read a 200 MB line whole (639 MB of memory), and a
10 MB article of "1." lines took 40 to 69 s and 1.4 GB to load and index.
"""

from __future__ import annotations

import io
import json
import time
import tracemalloc
from pathlib import Path

import pytest

import retrieval.article
from bot.input_lines import MAX_LINE_LENGTH, bounded_lines
from retrieval import ArticleError, article_from_text, load_article
from retrieval.article import MAX_ARTICLE_BYTES, MAX_LINES, MAX_PASSAGES
from tests.conftest import run_cli

QUESTION = "When will Biden and Putin meet?"


class _Endless(io.RawIOBase):
    """``size`` bytes of "a" and then a line break, made as they are read (never held)."""

    def __init__(self, size: int, then: bytes = b"\n") -> None:
        self._left = size
        self._then = then

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._left > 0:
            count = min(len(buffer), self._left)
            buffer[:count] = b"a" * count
            self._left -= count
            return count
        count = min(len(buffer), len(self._then))
        buffer[:count] = self._then[:count]
        self._then = self._then[count:]
        return count


def test_a_200_mb_line_is_skipped_without_being_held() -> None:
    stream = io.BufferedReader(_Endless(200 * 1024 * 1024, then=b"\nwhen?\n"))
    tracemalloc.start()
    try:
        lines = list(bounded_lines(stream))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert lines == [None, b"when?\n"]
    assert peak < 4 * MAX_LINE_LENGTH  # a few buffers of a line's cap, not 200 MB


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"a" * MAX_LINE_LENGTH + b"\nq\n", [b"a" * MAX_LINE_LENGTH + b"\n", b"q\n"]),
        (b"a" * MAX_LINE_LENGTH, [b"a" * MAX_LINE_LENGTH]),  # no final line break
        (b"a" * (MAX_LINE_LENGTH + 1), [None]),
        (b"a" * (MAX_LINE_LENGTH + 1) + b"\n" * 2, [None, b"\n"]),
        (b"", []),
    ],
    ids=["at the cap", "at the cap, last line", "one over", "one over, then blank", "nothing"],
)
def test_the_line_cap_is_exact(data: bytes, expected: list[bytes | None]) -> None:
    assert list(bounded_lines(io.BytesIO(data))) == expected


def test_jsonl_answers_an_overlong_line_with_an_error_and_goes_on() -> None:
    stdin = f"{QUESTION}\n{'x' * (3 * MAX_LINE_LENGTH)}\n{QUESTION}\n"
    result = run_cli("ask", "--jsonl", stdin=stdin)
    assert result.returncode == 0, result.stderr
    first, overlong, last = (json.loads(line) for line in result.stdout.splitlines())
    assert overlong == {
        "line": 2,
        "error": f"the line is longer than {MAX_LINE_LENGTH:,} bytes, so it was not read: "
        "send one question a line",
    }
    assert first["short_answer"] == last["short_answer"] == "June 15-16"


def test_the_repl_skips_an_overlong_line_and_goes_on() -> None:
    result = run_cli("repl", stdin=f"{'x' * (2 * MAX_LINE_LENGTH)}\n{QUESTION}\n")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"That line is over {MAX_LINE_LENGTH:,} characters")
    assert "June 15-16" in lines[1]


def test_a_10_mb_article_of_numbered_lines_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "list.txt"
    path.write_bytes(b"1.\n" * (MAX_ARTICLE_BYTES // 3))
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(ArticleError, match=r"3,495,253 lines, over the limit of 250,000"):
            load_article(path)
        seconds = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # Before: 40 s and 1.4 GB, then an index of 3.5 million one-word passages.
    assert seconds < 2.0
    assert peak < 4 * MAX_ARTICLE_BYTES


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_the_line_limit_holds_for_markdown_too(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"list{suffix}"
    path.write_text("- a\n" * (MAX_LINES + 1), encoding="utf-8")
    with pytest.raises(ArticleError, match="over the limit of 250,000"):
        load_article(path)


def test_splitting_stops_past_the_sentence_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(retrieval.article, "MAX_PASSAGES", 1000)
    split: list[int] = []
    original = retrieval.article.split_sentences

    def counted(paragraph: str, max_spans: int | None = None) -> list[tuple[int, int]]:
        spans = original(paragraph, max_spans)
        split.append(len(spans))
        return spans

    monkeypatch.setattr(retrieval.article, "split_sentences", counted)
    one_paragraph = "Headline\n\n" + "It rained. " * 100_000
    with pytest.raises(ArticleError, match="over the limit of 1,000 sentences"):
        article_from_text(one_paragraph)
    assert sum(split) <= 1002  # not the 100,000 the paragraph holds


def test_an_article_at_the_limits_still_loads() -> None:
    assert MAX_PASSAGES >= 500_000  # a 10 MB book holds about 100,000 sentences
    text = "A headline\n\n" + "\n\n".join(["The council met on Monday. It voted."] * 2000)
    article = article_from_text(text)
    assert len(article.passages) == 4001
