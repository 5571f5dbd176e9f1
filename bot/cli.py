"""The ``articlebot`` command line: parse arguments, then hand over to one front-end.

Each sub-command imports only what it uses, so ``ask`` and ``repl`` never load
discord.py. Errors a user can cause (a bad flag, a missing article, a bad
setting) end with one line on stderr and exit status 2; nothing prints a traceback.
Warnings (a file of a folder skipped) are one line each on stderr too.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

__all__ = ["main"]

EXIT_OK = 0
EXIT_USAGE = 2


class UsageError(Exception):
    """Bad usage or bad input; the message says what to do and the exit status is 2."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, with a pointer to ``--help``."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


class _VersionAction(argparse.Action):
    """``--version``: looked up only when asked, so other commands skip importlib.metadata."""

    def __init__(self, option_strings: Sequence[str], dest: str, **_: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> NoReturn:
        print(f"articlebot {installed_version()}")
        parser.exit()


def installed_version() -> str:
    """The installed version (from pyproject.toml), or "unknown" from a bare checkout."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("articlebot")
    except PackageNotFoundError:
        return "unknown (not installed: run make run or pip install -e .)"


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="articlebot",
        description="Answers questions about a news article, with the sentence it comes from.",
        epilog="Run 'articlebot COMMAND --help' for a command's options.",
    )
    parser.add_argument("-V", "--version", action=_VersionAction)
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_Parser, title="commands"
    )
    commands.required = True
    no_cache_help = "index the articles afresh, reading and writing no cache"

    article_help = (
        "article to answer from: a .txt/.md/.html file, a folder of them, or an http(s) URL; "
        "give it several times for several articles (default: the configured articles)"
    )
    repl = commands.add_parser("repl", help="chat about the article in the terminal")
    repl.add_argument("--article", metavar="PATH", action="append", help=article_help)
    repl.add_argument("--no-cache", action="store_true", help=no_cache_help)

    ask = commands.add_parser("ask", help="answer one question, or a stream of them")
    ask.add_argument("--article", metavar="PATH", action="append", help=article_help)
    ask.add_argument("--no-cache", action="store_true", help=no_cache_help)
    output = ask.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print one JSON object")
    output.add_argument(
        "--jsonl",
        action="store_true",
        help="read questions from stdin, one a line (text or JSON), write one JSON object a line",
    )
    ask.add_argument("question", nargs="?", help="the question, in quotes")

    listing = commands.add_parser("articles", help="list the loaded articles")
    listing.add_argument("--article", metavar="PATH", action="append", help=article_help)
    listing.add_argument("--no-cache", action="store_true", help=no_cache_help)
    listing.add_argument("--json", action="store_true", help="print one JSON object per article")

    discord = commands.add_parser("discord", help="run the Discord bot (needs DISCORD_TOKEN)")
    discord.add_argument("--no-cache", action="store_true", help=no_cache_help)

    evaluate = commands.add_parser("eval", help="score the bot on question-answer data")
    evaluate.add_argument(
        "data",
        nargs="*",
        metavar="FILE",
        help=(
            "SQuAD 2.0 .json or articlebot .jsonl files, scored with the shipped weights "
            "(default: the development data held apart, then the frozen test split)"
        ),
    )
    evaluate.add_argument(
        "--article", metavar="PATH", help="article for .jsonl question files (default: the seed)"
    )
    evaluate.add_argument(
        "--held-apart",
        action="store_true",
        help="fit weights without each file's articles (cross-validation) instead of shipping them",
    )
    evaluate.add_argument(
        "--tuned",
        action="store_true",
        help="also score the development data with the shipped weights (fitted on it)",
    )
    evaluate.add_argument(
        "--folds", type=int, default=4, metavar="K", help="article folds when held apart (2-21)"
    )
    evaluate.add_argument("--json", action="store_true", help="print the report as JSON")
    evaluate.add_argument("--quiet", action="store_true", help="no progress bar")

    cache = commands.add_parser("cache", help="show or clear the index cache (info | clear)")
    cache.add_argument(
        "action",
        choices=["info", "clear"],
        help="info: where the cache is, its entries and size; clear: delete every entry",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    from bot.terminal import message_line, prepare_streams

    prepare_streams()
    try:
        arguments = build_parser().parse_args(argv)
        return _dispatch(arguments)
    except UsageError as error:
        print(message_line(str(error)), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. "| head"); stop quietly, as Unix tools do.
        sys.stderr.close()
        return EXIT_OK


def _dispatch(arguments: argparse.Namespace) -> int:
    from bot.startup import StartupError
    from bot.terminal import show_warnings

    show_warnings()  # the Discord bot replaces this with its own logging once started
    try:
        if arguments.command == "ask":
            from bot.ask_command import run_ask

            return run_ask(arguments)
        if arguments.command == "repl":
            from bot.repl import run_repl

            return run_repl(arguments)
        if arguments.command == "articles":
            from bot.articles_command import run_articles

            return run_articles(arguments)
        if arguments.command == "eval":
            from bot.evaluation.command import run_eval

            return run_eval(arguments)
        if arguments.command == "cache":
            from bot.cache_command import run_cache

            return run_cache(arguments)
        from bot.discord_app.runner import run_discord

        return run_discord(cache=not arguments.no_cache)
    except StartupError as error:
        raise UsageError(str(error)) from None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
