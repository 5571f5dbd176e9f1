"""What the bot says about reading links: the page it read, or why it could not.

Everything a page supplies (headline, publisher, date, sentences, its address)
and every error message (which quotes the address, and sometimes what the
server said) is escaped (:func:`~bot.discord_app.limits.escape_markdown`) and
cut to fit: a page can neither ping anyone nor slip a masked link, a heading
or a fake mention into the channel. Nothing pings anyway (the bot allows no
mentions); escaping also keeps the reply looking like what it is.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.discord_app.limits import EMBED_TITLE_LIMIT, escape_markdown, fit, one_line
from bot.discord_app.notices import in_seconds
from bot.discord_app.replies import Colour, Reply, notice
from retrieval import Article

__all__ = [
    "no_link_in_message",
    "page_forgotten",
    "page_read",
    "page_too_large",
    "read_busy",
    "read_failed",
    "read_refused",
    "read_slow_down",
]

# A confirmation is a few lines: the summary is two sentences, cut if they run long.
SUMMARY_BUDGET = 700
ADDRESS_BUDGET = 300
REASON_BUDGET = 600
CREDITS_BUDGET = 300
_HOW_TO_ASK = (
    "This channel now answers from this page: mention me with a question "
    "(`@articlebot who is quoted?`) or use `/ask`. `/articles` lists what this channel has read."
)


def page_read(article: Article, summary: Sequence[str]) -> Reply:
    """The confirmation of a read: headline, publisher and date, two sentences, how to ask."""
    lines = []
    credits = [part for part in (article.publisher, article.published) if part]
    if credits:
        lines.append(_escaped(" · ".join(credits), CREDITS_BUDGET))
    if summary:
        lines.append("> " + _escaped(" ".join(summary), SUMMARY_BUDGET))
    lines.append(f"Read from {_escaped(article.source, ADDRESS_BUDGET)}")
    lines.append(_HOW_TO_ASK)
    return Reply(
        description="\n".join(lines),
        title=_escaped(article.title, EMBED_TITLE_LIMIT) or "Read",
        colour=Colour.INFO,
    )


def read_failed(reason: str) -> Reply:
    """A page that could not be fetched or read (the reason says which and why)."""
    return notice(
        f"I couldn't read that page: {_escaped(reason, REASON_BUDGET)}", colour=Colour.WARNING
    )


def read_refused(reason: str) -> Reply:
    """An address the bot will not fetch (scheme, credentials, port, private address)."""
    return notice(
        f"I can't read that link: {_escaped(reason, REASON_BUDGET)}", colour=Colour.WARNING
    )


def read_busy() -> Reply:
    return notice(
        "I'm reading a lot of pages right now. Please try again in a minute.",
        colour=Colour.WARNING,
    )


def read_slow_down(seconds_left: float) -> Reply:
    """The notice for a ``/read`` within the user's read cooldown."""
    return notice(
        "One page at a time, please: you can ask me to read another in "
        f"{in_seconds(seconds_left)}.",
        colour=Colour.WARNING,
    )


def page_too_large(size: int, limit: int) -> Reply:
    return notice(
        f"That page is too large to keep: about {size / 2**20:.1f} MiB in memory, and this "
        f"server may keep {limit / 2**20:.0f} MiB of pages.",
        colour=Colour.WARNING,
    )


def page_forgotten(url: str, headline: str) -> Reply:
    """For a question in a channel whose read page was dropped to make room."""
    return notice(
        f"The page this channel was reading ({_escaped(url, ADDRESS_BUDGET)}) was dropped to "
        "make room for newer ones: `/read` it again to ask about it. Until then I answer from "
        f"**{_escaped(headline, ADDRESS_BUDGET)}**.",
        colour=Colour.WARNING,
    )


def no_link_in_message() -> Reply:
    return notice(
        "There's no web link (http:// or https://) in that message for me to read.",
        colour=Colour.WARNING,
    )


def _escaped(text: str, limit: int) -> str:
    # A lone surrogate (JSON can carry one in an address) cannot be sent: shown as "?".
    sendable = text.encode("utf-8", "replace").decode("utf-8")
    return fit(escape_markdown(one_line(sendable)), limit)
