"""The bot's own words: help, where the article comes from, slow down, sorry.

Kept apart from :mod:`bot.discord_app.replies` (which renders the composer's
answers) so the wording of every fixed message is in one place. Article
metadata is escaped like any other echoed text.
"""

from __future__ import annotations

import math
from pathlib import PurePath

from bot.discord_app.limits import defuse_mentions, escape_markdown, one_line
from bot.discord_app.replies import Colour, Reply, notice
from bot.reading import is_web_address
from retrieval import Article

__all__ = [
    "apology",
    "articles_list",
    "channel_not_allowed",
    "help_text",
    "in_seconds",
    "now_using",
    "slow_down",
    "source_info",
]


def help_text(headline: str, *, reading: bool = False) -> Reply:
    """How to use the bot, shown by ``/help`` and for a bare mention (``reading``: ``/read`` on)."""
    about = escape_markdown(one_line(headline))
    read = (
        "- Share a news link with `/read`, or mention me with just the link, and this "
        "channel answers from that page.\n"
        if reading
        else ""
    )
    return notice(
        f"I answer questions about one news article: **{about}**.\n"
        "- Mention me with a question, e.g. `@articlebot when is the summit?`\n"
        "- Reply to one of my answers to follow up (`and where?`).\n"
        "- Send me a direct message.\n"
        "- Or use `/ask`, `/summary` (what the article is about), "
        "`/source` (where the text comes from), `/articles` and `/use` (which article "
        "this channel answers from).\n"
        f"{read}"
        "Each answer quotes the sentence it comes from.",
        title="How to ask me",
    )


def source_info(article: Article) -> Reply:
    """The headline and where the text comes from, for ``/source``."""
    lines = [f"**{escape_markdown(one_line(article.title))}**"]
    credits = [
        escape_markdown(part)
        for part in (article.byline, article.publisher, article.published)
        if part
    ]
    if credits:
        lines.append(" · ".join(credits))
    if is_web_address(article.source):
        lines.append(f"Text from {escape_markdown(one_line(article.source))}")
    elif article.source:
        # The file name only: the full path says nothing useful about the story
        # and would reveal the server's file layout.
        name = defuse_mentions(PurePath(article.source).name.replace("`", ""))
        lines.append(f"Text from `{name}`")
    paragraphs = len(article.paragraphs)
    lines.append(f"{paragraphs} paragraph{'s' if paragraphs != 1 else ''}.")
    return notice("\n".join(lines), title="Source")


def articles_list(titles: list[str], current: int | None, first_read: int | None = None) -> Reply:
    """The articles, numbered for ``/use``; the channel's choice marked.

    From ``first_read`` on, the titles are of pages this channel read (``/read``);
    None when reading is turned off.
    """
    lines = []
    for number, title in enumerate(titles, start=1):
        if number - 1 == first_read:
            lines.append("Read in this channel:")
        marker = " ← this channel" if current == number - 1 else ""
        lines.append(f"{number}. {escape_markdown(one_line(title))}{marker}")
    every = "every article" if first_read is None else "every article I started with"
    scope = every if current is None else f"article {current + 1}"
    change = "`/use`" if first_read is None else "`/use` or `/read`"
    lines.append(f"This channel answers from {scope}. Change it with {change}.")
    return notice("\n".join(lines), title="Articles")


def now_using(title: str | None, count: int) -> Reply:
    """The confirmation of ``/use``."""
    if title is None:
        return notice(f"This channel now answers from all {count} articles.")
    return notice(f"This channel now answers from **{escape_markdown(one_line(title))}**.")


def slow_down(seconds_left: float) -> Reply:
    """The one polite warning a user gets for asking again too soon."""
    return notice(
        f"Slow down a little, please: you can ask again in {in_seconds(seconds_left)}.",
        colour=Colour.WARNING,
    )


def in_seconds(seconds_left: float) -> str:
    """ "3 seconds", "1 second": a wait, rounded up to whole seconds (never "0")."""
    wait = max(1, math.ceil(seconds_left))
    return f"{wait} second" if wait == 1 else f"{wait} seconds"


def apology() -> Reply:
    """What the user sees when handling their message failed (the error is logged)."""
    return notice(
        "Sorry, something went wrong while answering that. Please try again.",
        colour=Colour.WARNING,
    )


def channel_not_allowed() -> Reply:
    """For a slash command in a channel outside the allow-list."""
    return notice(
        "I don't answer in this channel. Ask me in one of the channels I'm set up for, "
        "or in a direct message.",
        colour=Colour.WARNING,
    )
