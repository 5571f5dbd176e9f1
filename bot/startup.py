"""Start-up shared by the front-ends: settings, then the article and its index.

Front-ends call :func:`start` once; any problem a user can fix (a bad setting,
a missing or unreadable article) becomes a :class:`StartupError` whose message
is shown as is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.composer import ComposerOptions
from bot.knowledge import Knowledge, load_knowledge
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


def start(article: str | Path | Sequence[str | Path] | None = None) -> Runtime:
    """Load settings and the articles (``article``, one or several, overrides the configured).

    Each source is a file, a folder of article files, or an http(s) URL (kept a
    ``str``, as a ``Path`` would fold its "//").
    """
    settings = load_configuration()
    if article is None or (not isinstance(article, str | Path) and not article):
        sources: list[str | Path] = list(settings.articles)
    elif isinstance(article, str | Path):
        sources = [article]
    else:
        sources = list(article)
    try:
        knowledge = load_knowledge(sources)
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
