"""The thin layer between discord.py objects and the bot's plain data.

Reading: a ``discord.Message`` or ``discord.Interaction`` becomes an
:class:`~bot.discord_app.policy.Incoming`. Writing: a
:class:`~bot.discord_app.replies.Reply` becomes an embed, or plain text where
the bot lacks the Embed Links permission (Discord would silently drop the
embed and send an empty message, which it then rejects).

Replies never ping: the bot's ``AllowedMentions.none()`` covers the text, and
``mention_author=False`` keeps a reply from notifying the person it answers.
"""

from __future__ import annotations

import logging

import discord

from bot.discord_app.notices import apology
from bot.discord_app.policy import Incoming
from bot.discord_app.replies import Reply

_log = logging.getLogger(__name__)

__all__ = [
    "apologise",
    "can_embed",
    "incoming_from_interaction",
    "incoming_from_message",
    "reply_to_message",
    "report_failure",
    "respond_to_interaction",
    "to_embed",
]


def incoming_from_message(message: discord.Message, bot_id: int) -> Incoming:
    """The facts about ``message`` that :func:`~bot.discord_app.policy.decide` needs."""
    channel = message.channel
    guild = message.guild
    bot_role = guild.self_role if guild is not None else None
    mentions_bot = any(user.id == bot_id for user in message.mentions) or (
        bot_role is not None and bot_role in message.role_mentions
    )
    return Incoming(
        message_id=message.id,
        author_id=message.author.id,
        channel_id=channel.id,
        content=message.content,
        author_is_bot=message.author.bot,
        from_webhook=message.webhook_id is not None,
        is_dm=guild is None,
        thread_parent_id=channel.parent_id if isinstance(channel, discord.Thread) else None,
        mentions_bot=mentions_bot,
        replied_to_bot_message=_replied_bot_message(message, bot_id),
        bot_role_id=bot_role.id if bot_role is not None else None,
        guild_id=guild.id if guild is not None else None,
    )


def incoming_from_interaction(interaction: discord.Interaction, question: str) -> Incoming:
    """An :class:`Incoming` for a slash command, to pick its channel rules and conversation."""
    channel = interaction.channel
    return Incoming(
        message_id=interaction.id,
        author_id=interaction.user.id,
        channel_id=interaction.channel_id or 0,
        content=question,
        is_dm=interaction.guild_id is None,
        thread_parent_id=channel.parent_id if isinstance(channel, discord.Thread) else None,
        guild_id=interaction.guild_id,
    )


def can_embed(message: discord.Message) -> bool:
    """True if the bot may send embeds where ``message`` was sent."""
    guild = message.guild
    if guild is None:
        return True  # DMs allow embeds
    channel = message.channel
    if isinstance(channel, discord.PartialMessageable) or guild.me is None:
        return False  # not in the cache: plain text is the reply that always works
    return channel.permissions_for(guild.me).embed_links


def to_embed(reply: Reply) -> discord.Embed:
    """The embed for ``reply``; its fields already fit Discord's limits."""
    embed = discord.Embed(title=reply.title, description=reply.description, colour=reply.colour)
    if reply.footer:
        embed.set_footer(text=reply.footer)
    return embed


async def reply_to_message(message: discord.Message, reply: Reply) -> discord.Message:
    """Send ``reply`` as a reply to ``message``, without pinging its author.

    If the asker deleted their message meanwhile, the answer is still sent,
    as a plain message, rather than failing with "unknown message".
    """
    reference = message.to_reference(fail_if_not_exists=False)
    if can_embed(message):
        return await message.channel.send(
            embed=to_embed(reply), reference=reference, mention_author=False
        )
    return await message.channel.send(
        content=reply.as_text(), reference=reference, mention_author=False
    )


async def respond_to_interaction(
    interaction: discord.Interaction, reply: Reply, *, ephemeral: bool = False
) -> int | None:
    """Answer a slash command with ``reply``; return the sent message's id if Discord gives it."""
    embeds = interaction.app_permissions.embed_links or interaction.guild_id is None
    if interaction.response.is_done():
        if embeds:
            sent = await interaction.followup.send(
                embed=to_embed(reply), ephemeral=ephemeral, wait=True
            )
        else:
            sent = await interaction.followup.send(reply.as_text(), ephemeral=ephemeral, wait=True)
        return sent.id
    if embeds:
        callback = await interaction.response.send_message(
            embed=to_embed(reply), ephemeral=ephemeral
        )
    else:
        callback = await interaction.response.send_message(reply.as_text(), ephemeral=ephemeral)
    return callback.message_id if callback is not None else None


async def report_failure(message: discord.Message, doing: str) -> None:
    """Log the error being handled, with the message's ids, and apologise to its author.

    ``doing`` says what failed ("answer", "read the link of"). Never the
    author's token or the bot's: only ids.
    """
    _log.exception(
        "could not %s message %s (author %s, channel %s, guild %s)",
        doing,
        message.id,
        message.author.id,
        message.channel.id,
        message.guild.id if message.guild else None,
    )
    await apologise(message)


async def apologise(message: discord.Message) -> None:
    """Tell the author handling ``message`` failed.

    Best effort: not only an HTTPException but a dropped connection (aiohttp) or
    a rate limit the client will not wait for (RateLimited) can fail it too.
    """
    try:
        await reply_to_message(message, apology())
    except Exception as error:
        _log.warning("could not send the apology for message %s (%r)", message.id, error)


def _replied_bot_message(message: discord.Message, bot_id: int) -> int | None:
    """The id of the bot's message that ``message`` replies to, if it replies to the bot."""
    reference = message.reference
    if reference is None or reference.message_id is None:
        return None
    replied = reference.resolved
    if isinstance(replied, discord.Message) and replied.author.id == bot_id:
        return reference.message_id
    return None
