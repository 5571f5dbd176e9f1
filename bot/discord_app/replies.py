"""What the bot says, as data: an :class:`~bot.answers.Answer` turned into a Discord reply.

A :class:`Reply` holds the parts of an embed (title, description, footer,
colour) already escaped and cut to Discord's limits, and can render itself as
plain text for channels where the bot may not embed. Building it is pure, so
every wording and every limit is tested without Discord; the adapter that
turns it into a ``discord.Embed`` only copies fields.

The quoted source sentence shows the answer phrase in bold. The composer gives
the phrase's offsets in the article (``answer_start``/``answer_end``); they are
made relative to the source passage, and a long sentence is shortened around
the phrase so the bold part always survives the cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

from bot.answers import Answer, AnswerKind, Evidence
from bot.discord_app.limits import (
    CONTENT_LIMIT,
    ELLIPSIS,
    EMBED_DESCRIPTION_LIMIT,
    EMBED_TITLE_LIMIT,
    defuse_mentions,
    escape_markdown,
    fit,
    one_line,
    size,
)

__all__ = [
    "Colour",
    "Reply",
    "notice",
    "quote_source",
    "render_answer",
]

# A reply is read in a chat window: a few lines, not a page. These budgets
# keep the statement and the quote short even where Discord would allow more,
# and together stay well inside the 2000 characters of a plain-text reply.
STATEMENT_BUDGET = 900
QUOTE_BUDGET = 700
HINT_BUDGET = 300
FOOTER_BUDGET = 200

_WHITESPACE = re.compile(r"\s+")


class Colour(IntEnum):
    """Embed side-bar colours, one per kind of reply."""

    ANSWER = 0x2E8B57  # green: the article answers
    NO_ANSWER = 0x99AAB5  # grey: the article does not say
    INFO = 0x5865F2  # blurple: help, summary, source, small talk
    WARNING = 0xE67E22  # orange: slow down, something went wrong


@dataclass(frozen=True, slots=True)
class Reply:
    """A reply ready to send: every field escaped where needed and within Discord's limits."""

    description: str
    title: str | None = None
    footer: str | None = None
    colour: Colour = Colour.INFO

    def as_text(self) -> str:
        """The reply as message content, for channels where embeds are not allowed."""
        lines = [self.description]
        if self.footer:
            # "-#" is Discord's subtext: small grey print, like an embed footer.
            lines.append(f"-# {self.footer}")
        return fit("\n".join(lines), CONTENT_LIMIT)


def render_answer(answer: Answer, headline: str) -> Reply:
    """Turn the composer's ``answer`` into a reply; ``headline`` hints what the article covers."""
    title = _title(answer.question)
    source = answer.source
    if source is not None:
        statement = _escaped(answer.statement, STATEMENT_BUDGET)
        quote = quote_source(source, answer.answer_start, answer.answer_end)
        return Reply(
            description=f"{statement}\n{quote}" if statement else quote,
            title=title,
            footer=_evidence_footer(source, answer.confidence),
            colour=Colour.ANSWER,
        )
    if answer.kind is AnswerKind.NO_ANSWER:
        return Reply(
            description=f"{_escaped(answer.statement, STATEMENT_BUDGET)}\n{_hint(headline)}",
            title=title,
            colour=Colour.NO_ANSWER,
        )
    # Small talk, help and summaries: the composer's whole reply, line by line.
    return Reply(
        description=_escaped_lines(answer.answer, EMBED_DESCRIPTION_LIMIT // 2),
        title=title,
        footer=_headline_footer(headline),
        colour=Colour.INFO,
    )


def notice(text: str, colour: Colour = Colour.INFO, title: str | None = None) -> Reply:
    """A reply of the bot's own words (help, slow down, an apology); ``text`` is markdown."""
    return Reply(
        description=fit(text, EMBED_DESCRIPTION_LIMIT),
        title=None if title is None else fit(title, EMBED_TITLE_LIMIT),
        colour=colour,
    )


def quote_source(source: Evidence, answer_start: int | None, answer_end: int | None) -> str:
    """The source sentence as a markdown quote, the answer phrase (if known) in bold."""
    text = source.text
    span = _relative_span(source, answer_start, answer_end)
    if span is None:
        return "> " + _escaped(text, QUOTE_BUDGET)
    start, end = span
    phrase_text = _escaped(text[start:end], QUOTE_BUDGET // 2)
    room = QUOTE_BUDGET - size(phrase_text)
    before_text = _escaped_tail(_flatten(text[:start]).lstrip(), room // 2)
    after_text = fit(escape_markdown(_flatten(text[end:]).rstrip()), room - size(before_text))
    return f"> {before_text}**{phrase_text}**{after_text}"


def _relative_span(
    source: Evidence, answer_start: int | None, answer_end: int | None
) -> tuple[int, int] | None:
    """The answer's offsets inside ``source.text``, or None if they do not point inside it."""
    if answer_start is None or answer_end is None:
        return None
    start, end = answer_start - source.start, answer_end - source.start
    if not 0 <= start < end <= len(source.text) or not source.text[start:end].strip():
        return None
    return start, end


def _title(question: str) -> str | None:
    question = one_line(question)
    return _escaped(question, EMBED_TITLE_LIMIT) if question else None


def _hint(headline: str) -> str:
    about = _escaped(headline, HINT_BUDGET)
    return (
        f"Sorry, I looked but couldn't find that. The article is about **{about}**: "
        "ask me about that, or use `/summary` for an overview."
    )


def _evidence_footer(source: Evidence, confidence: float) -> str:
    percent = round(max(0.0, min(1.0, confidence)) * 100)
    return f"Paragraph {source.paragraph + 1} · confidence {percent}%"


def _headline_footer(headline: str) -> str:
    # Footers show no markdown, so the headline goes in unescaped; but the
    # plain-text fallback puts it in the message itself, so mentions are defused.
    return fit(defuse_mentions(one_line(headline)), FOOTER_BUDGET)


def _escaped(text: str, limit: int) -> str:
    """``text`` on one line, escaped, and cut to ``limit`` (escapes count toward it)."""
    return fit(escape_markdown(one_line(text)), limit)


def _escaped_lines(text: str, limit: int) -> str:
    """Like :func:`_escaped`, but keeps the line breaks of a reply of several lines."""
    lines = (one_line(line) for line in text.splitlines())
    return fit(escape_markdown("\n".join(line for line in lines if line)), limit)


def _escaped_tail(text: str, limit: int) -> str:
    """Like :func:`_escaped`, but keeps the end of ``text``: the words just before the answer.

    Words are dropped from the front of the raw text (never from the escaped
    text, where a cut could separate a backslash from the character it escapes).
    """
    escaped = escape_markdown(text)
    if size(escaped) <= limit:
        return escaped
    words = text[-limit:].split(" ")[1:]
    while words and size(ELLIPSIS + escape_markdown(" ".join(words))) > limit:
        words.pop(0)
    return ELLIPSIS + escape_markdown(" ".join(words))


def _flatten(text: str) -> str:
    """Collapse whitespace like :func:`one_line`, but keep a space at either edge.

    The text on either side of the bold phrase must keep the space that
    separates it from the phrase.
    """
    return _WHITESPACE.sub(" ", text)
