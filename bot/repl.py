"""``articlebot repl``: chat about the article in a terminal.

Interactive use gets a prompt, line editing and a history file through
``readline``; piped input (``echo "when?" | articlebot repl``) gets just the
answers, one block per question, so the REPL is scriptable too. Colour is used
only on a terminal and never when ``NO_COLOR`` is set (https://no-color.org).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import IO

from bot.answers import Answer
from bot.composer import answer
from bot.conversation import Conversation
from bot.input_lines import MAX_LINE_LENGTH, bounded_lines
from bot.knowledge import Knowledge
from bot.reading import read_knowledge
from bot.startup import Runtime, start
from retrieval import ArticleError

__all__ = ["Repl", "Style", "run_repl", "wants_colour"]

HELP = """\
Ask anything about the article, e.g. "when is the summit?", then follow up ("and where?").
  :why        show the passages and scores behind the last answer
  :articles   list the loaded articles, and the pages read with :read
  :use N      answer from article N only (:use all to answer from every article)
  :read URL_OR_PATH
              read a web page or a file and answer from it (as --article reads)
  :help       show this help
  :quit       leave (also Ctrl-D)"""
_TOO_LONG = (
    f"That line is over {MAX_LINE_LENGTH:,} characters, so it was not read: "
    f"ask one question a line."
)
HISTORY_FILE = Path.home() / ".articlebot_history"
HISTORY_LENGTH = 1000
# Pages read with :read that a session keeps, the oldest dropped first (as a Discord server).
MAX_READ_PAGES = 20


class Style:
    """ANSI styling that turns itself off when colour is unwanted."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def _wrap(self, code: str, text: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.enabled else text

    def bold(self, text: str) -> str:
        return self._wrap("1", text)

    def dim(self, text: str) -> str:
        return self._wrap("2", text)


class Repl:
    """The read-answer loop, independent of where lines come from."""

    def __init__(self, runtime: Runtime, output: IO[str], style: Style) -> None:
        self.runtime = runtime
        self.output = output
        self.style = style
        self.conversation = Conversation(idle_seconds=runtime.settings.conversation_idle_seconds)
        self.last_answer: Answer | None = None
        self.scope: int | None = None  # the article ":use N" chose, counted from 0
        self.pages: list[Knowledge] = []  # what ":read" read, oldest first
        self.page: Knowledge | None = None  # the read page answered from, if one is chosen

    def handle(self, line: str) -> bool:
        """Handle one input line; return False when the user asked to leave."""
        text = line.strip()
        if not text:
            return True
        command = text.lower()
        if command in {":quit", ":q", ":exit", "quit", "exit"}:
            return False
        if command in {":help", ":h", ":?"}:
            self._print(HELP)
        elif command == ":why":
            self._print(self._explain())
        elif command == ":articles":
            self._print(self._articles())
        elif command.split()[0] == ":use":
            self._print(self._use(command.split()[1:]))
        elif command.split()[0] == ":read":
            self._print(self._read(text.split(maxsplit=1)[1:]))
        elif command.startswith(":"):
            self._print(f"Unknown command {text.split()[0]!r}. Try :help.")
        elif self.page is not None:
            self.last_answer = answer(text, self.page, self.conversation, self.runtime.options)
            self._print(self._render(self.last_answer))
        else:
            self.last_answer = answer(
                text,
                self.runtime.knowledge,
                self.conversation,
                self.runtime.options,
                scope=self.scope,
            )
            self._print(self._render(self.last_answer))
        return True

    def _articles(self) -> str:
        lines = []
        loaded = self.runtime.knowledge.articles
        for number, article in enumerate(loaded):
            marker = "*" if self.page is None and number == self.scope else " "
            lines.append(f"{marker}{number + 1}. {article.title}")
        if self.pages:
            lines.append("read with :read")
        for number, page in enumerate(self.pages, start=len(loaded)):
            marker = "*" if page is self.page else " "
            lines.append(f"{marker}{number + 1}. {page.article.title}  ({page.article.source})")
        return "\n".join(lines)

    def _use(self, arguments: list[str]) -> str:
        articles = self.runtime.knowledge.articles
        if arguments in (["all"], []):
            self.scope, self.page = None, None
            return f"Answering from all {len(articles)} articles."
        count = len(articles) + len(self.pages)
        number = _article_number(arguments[0], count)
        if number is None:
            return f"Give an article number from 1 to {count} (see :articles), or all."
        if number > len(articles):
            self.scope, self.page = None, self.pages[number - len(articles) - 1]
            return f"Answering from: {self.page.article.title}"
        self.scope, self.page = number - 1, None
        return f"Answering from: {articles[self.scope].title}"

    def _read(self, arguments: list[str]) -> str:
        """``:read URL_OR_PATH``: read it as ``--article`` would, and answer from it."""
        if not arguments:
            return "Give a web address or a file to read, e.g. :read https://example.com/story"
        try:
            page = read_knowledge(arguments[0].strip())
        except ArticleError as error:
            return f"Cannot read it: {error}"
        self.pages = [*self.pages, page][-MAX_READ_PAGES:]
        self.page = page
        summary = answer("What is the article about?", page, None, self.runtime.options)
        return f"Read: {page.article.title}\n{summary.answer}\nAsk away; :use all goes back."

    def _render(self, result: Answer) -> str:
        if result.source is None or result.statement == result.answer:
            return result.answer
        quote = result.answer.removeprefix(result.statement).strip()
        return f"{self.style.bold(result.statement)}\n{self.style.dim(quote)}"

    def _explain(self) -> str:
        if self.last_answer is None:
            return "Nothing to explain yet: ask a question first."
        result = self.last_answer
        lines = [
            f"question type: {result.question_type}   confidence: {result.confidence:.2f}   "
            f"short answer: {result.short_answer!r}"
        ]
        if not result.passages:
            lines.append("no passage matched the question.")
        for rank, evidence in enumerate(result.passages, start=1):
            lines.append(
                f"{rank}. score {evidence.score:.3f}  paragraph {evidence.paragraph + 1}  "
                f"[{evidence.start}:{evidence.end}]  {evidence.text}"
            )
        lines.extend(f"note: {note}" for note in result.notes)
        return "\n".join(lines)

    def _print(self, text: str) -> None:
        self.output.write(text + "\n")
        self.output.flush()


def _article_number(choice: str, count: int) -> int | None:
    """The article number ``choice`` spells, from 1 to ``count``, or None.

    ASCII digits only, and few of them: ``str.isdigit`` accepts "²", which
    ``int`` refuses, and ``int`` refuses more than 4,300 digits.
    """
    if not (choice.isascii() and choice.isdigit()) or len(choice.lstrip("0")) > len(str(count)):
        return None
    number = int(choice)
    return number if 1 <= number <= count else None


def run_repl(arguments: argparse.Namespace) -> int:
    """Run the REPL on stdin/stdout until EOF or ``:quit``; return the exit status."""
    runtime = start(arguments.article, cache=not arguments.no_cache)
    # A stray non-UTF-8 byte in piped input should cost one odd question, not the session.
    if isinstance(sys.stdin, io.TextIOWrapper):
        sys.stdin.reconfigure(errors="replace")
    interactive = sys.stdin.isatty()
    repl = Repl(runtime, sys.stdout, Style(wants_colour(sys.stdout.isatty(), os.environ)))
    read_line = _interactive_reader() if interactive else _piped_reader()
    if interactive:
        print(f"articlebot on: {runtime.knowledge.article.title}\nType :help for help.")
    try:
        while True:
            line = read_line()
            if line is None or not repl.handle(line):
                break
    except KeyboardInterrupt:
        print()
    finally:
        if interactive:
            _save_history()
    return 0


def wants_colour(is_terminal: bool, environ: Mapping[str, str]) -> bool:
    """Colour only on a terminal, and never when ``NO_COLOR`` is set to anything non-empty."""
    return is_terminal and not environ.get("NO_COLOR") and environ.get("TERM") != "dumb"


def _piped_reader() -> Callable[[], str | None]:
    lines: Iterator[str | None] = bounded_lines(sys.stdin)

    def read() -> str | None:
        for line in lines:
            if line is not None:
                return line
            print(_TOO_LONG, flush=True)  # and read on
        return None

    return read


def _interactive_reader() -> Callable[[], str | None]:
    _load_history()
    prompt = "you> "

    def read() -> str | None:
        try:
            return input(prompt)
        except EOFError:
            print()
            return None

    return read


def _load_history() -> None:
    try:
        import readline
    except ImportError:  # pragma: no cover - Windows without pyreadline
        return
    readline.set_history_length(HISTORY_LENGTH)
    with contextlib.suppress(OSError):
        readline.read_history_file(HISTORY_FILE)


def _save_history() -> None:
    try:
        import readline

        readline.write_history_file(HISTORY_FILE)
    except (ImportError, OSError):
        pass
