"""Start-up shared by the front-ends: settings, then the article and its index.

Front-ends call :func:`start` once; any problem a user can fix (a bad setting,
a missing or unreadable article) becomes a :class:`StartupError` whose message
is shown as is.

Every entry of ``ARTICLEBOT_ARTICLES`` is checked before anything is read, by
the same checks that reading applies (:mod:`retrieval.article_files`): a missing
path, a folder with no article files, anything but a regular file, a file over
:data:`~retrieval.MAX_ARTICLE_BYTES` (10 MiB) or one that cannot be read fails
with a message naming the variable. A folder's files are checked when they are
read, where a bad one is skipped with a warning. An http(s) address passes as
is: it is fetched, and checked, when loaded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.cache_store import CacheStore, default_directory
from bot.composer import ComposerOptions
from bot.composer.weights import WeightsError, default_weights
from bot.knowledge import Knowledge, expand_sources, load_knowledge
from bot.progress import indexing_progress
from bot.settings import Settings, SettingsError, load_settings, redact
from bot.terminal import hide_secrets
from retrieval import ArticleError
from retrieval.article_files import check_article_file

__all__ = ["Runtime", "StartupError", "cache_store", "check_articles", "start"]

ARTICLES_VARIABLE = "ARTICLEBOT_ARTICLES"
_WEB_SCHEMES = ("http://", "https://")


class StartupError(Exception):
    """The bot cannot start; the message says what is wrong and how to fix it."""


@dataclass(frozen=True, slots=True)
class Runtime:
    """Everything a front-end needs to answer questions."""

    settings: Settings
    knowledge: Knowledge
    options: ComposerOptions


def start(
    article: str | Path | Sequence[str | Path] | None = None, *, cache: bool = True
) -> Runtime:
    """Load settings and the articles (``article``, one or several, overrides the configured).

    Each source is a file, a folder of article files, or an http(s) URL (kept a
    ``str``, as a ``Path`` would fold its "//"). Indexes are cached in
    :func:`cache_store` unless ``cache`` is False (``--no-cache``).
    """
    settings = load_configuration()
    hide_secrets(settings)
    try:
        if article is None or (not isinstance(article, str | Path) and not article):
            check_articles(settings.articles)
            sources: list[str | Path] = list(settings.articles)
        elif isinstance(article, str | Path):
            sources = [article]
        else:
            sources = list(article)
        store = cache_store(settings) if cache else False
        knowledge = load_knowledge(sources, cache=store, progress=indexing_progress())
    except (ArticleError, StartupError) as error:
        raise StartupError(redact(str(error), settings)) from None
    try:
        weights = default_weights()  # read once here, so a damaged file stops the start
    except WeightsError as error:
        raise StartupError(f"the composer's weights cannot be used: {error}") from None
    options = ComposerOptions(
        top_k=settings.top_k, abstain_threshold=settings.abstain_threshold, weights=weights
    )
    return Runtime(settings, knowledge, options)


def cache_store(settings: Settings) -> CacheStore:
    """The index cache the settings describe (``ARTICLEBOT_CACHE_DIR``, ``..._CACHE_MAX_MB``)."""
    return CacheStore(default_directory(settings.cache_dir), settings.cache_max_mb * 2**20)


def load_configuration() -> Settings:
    """Load settings, turning a validation failure into a :class:`StartupError`."""
    try:
        return load_settings()
    except SettingsError as error:
        raise StartupError(str(error)) from None


def check_articles(articles: Sequence[Path | str]) -> None:
    """Check every configured article; raise :class:`StartupError` naming the variable."""
    for entry in articles:
        problem = _address_problem(entry) if isinstance(entry, str) else _path_problem(entry)
        if problem is not None:
            raise StartupError(f"invalid setting {ARTICLES_VARIABLE}: {problem}")


def _address_problem(address: str) -> str | None:
    if address.lower().startswith(_WEB_SCHEMES):
        return None
    return f"{address} is neither a file path nor an http(s) address"


def _path_problem(path: Path) -> str | None:
    """What is wrong with an article path: a file, or a folder of article files.

    A folder's files are checked when they are loaded, where a bad one is
    skipped with a warning rather than stopping the others.
    """
    try:
        if path.is_dir():
            expand_sources([path], warn=False)  # loading warns, once
        else:
            check_article_file(path)
    except ArticleError as error:
        return str(error)
    except OSError as error:
        return f"cannot list {path} ({error.strerror or type(error).__name__})"
    return None
