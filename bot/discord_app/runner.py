"""``articlebot discord``: start the Discord bot."""

from __future__ import annotations

from bot.startup import StartupError

__all__ = ["run_discord"]


def run_discord() -> int:
    """Run the Discord bot until it is stopped; return the exit status."""
    raise StartupError("the Discord front-end is not built yet (issue 4); use repl or ask")
