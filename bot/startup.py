"""Start-up shared by the front-ends: settings, then the article and its index.

Front-ends call :func:`start` once; any problem a user can fix (a bad setting,
a missing or unreadable article) becomes a :class:`StartupError` whose message
is shown as is.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.composer import ComposerOptions
from bot.knowledge import Knowledge, load_knowledge
from bot.progress import indexing_progress
from bot.settings import Settings, SettingsError, load_settings
from retrieval import ArticleError

__all__ = ["Runtime", "StartupError", "start"]


class StartupError(Exception):
    """The bot cannot start; the message says what is wrong and how to fix it."""


@dataclass(frozen=True, slots=True)
class Runtime:
    """Everything a front-end needs to answer questions."""

    settings: Settings
    knowledge: Knowledge
    options: ComposerOptions


def start(article: str | Path | None = None) -> Runtime:
    """Load settings and the article (``article`` overrides the configured one)."""
    settings = load_configuration()
    path = article if article is not None else settings.articles[0]  # a URL must stay a str
    try:
        knowledge = load_knowledge(path, progress=indexing_progress())
    except ArticleError as error:
        raise StartupError(str(error)) from None
    options = ComposerOptions(top_k=settings.top_k, abstain_threshold=settings.abstain_threshold)
    return Runtime(settings, knowledge, options)


def load_configuration() -> Settings:
    """Load settings, turning a validation failure into a :class:`StartupError`."""
    try:
        return load_settings()
    except SettingsError as error:
        raise StartupError(str(error)) from None
