"""Reading one more article on request: a page or a file, loaded and indexed on its own.

``:read`` in the REPL and ``/read`` on Discord both end here. A read article
gets its own :class:`~bot.knowledge.Knowledge` (one article, one index), so
questions about it are answered from it alone, by the same composer, and the
articles the bot started with are untouched.

Who asks decides how far the source is trusted. The REPL's user runs the bot
and may read any file or address, as with ``--article``. A Discord user is a
stranger: only http(s) addresses, fetched under an
:class:`~retrieval.addresses.AddressPolicy` (public addresses and web ports
only), never a file; and the page may hold at most :data:`MAX_READ_PASSAGES`
sentences, which keeps each read page's memory and hand-over cost bounded
(:mod:`bot.discord_app.read_pool`).
"""

from __future__ import annotations

from pathlib import Path

from bot.knowledge import Knowledge
from retrieval import ArticleError, load_article
from retrieval.addresses import AddressPolicy
from retrieval.article import load_article_from_url

__all__ = ["MAX_READ_PASSAGES", "is_web_address", "read_knowledge"]

# A long news story has a few hundred sentences; 10,000 is a short book (about
# 1.6 MB of text). Past it a page is not something to chat about, and its index
# would cost 15 MB or more of the server's share of memory.
MAX_READ_PASSAGES = 10_000
_WEB_SCHEMES = ("http://", "https://")


def is_web_address(source: str) -> bool:
    """True if ``source`` is an http(s) address rather than a file path."""
    return source.strip().lower().startswith(_WEB_SCHEMES)


def read_knowledge(
    source: str | Path,
    *,
    policy: AddressPolicy | None = None,
    max_passages: int | None = None,
) -> Knowledge:
    """Load and index the article at ``source``; :class:`ArticleError` says why it cannot be.

    With ``policy`` the source is an untrusted web address, fetched under it; a
    file path is refused. ``max_passages`` refuses a longer article before it
    is indexed.
    """
    if policy is not None:
        article = load_article_from_url(str(source), policy=policy)
    else:
        article = load_article(source)
    if max_passages is not None and len(article.passages) > max_passages:
        raise ArticleError(
            f"{article.source or source} is too long to read here: {len(article.passages):,} "
            f"sentences, the limit is {max_passages:,} (a long news story has a few hundred)"
        )
    return Knowledge.from_article(article)
