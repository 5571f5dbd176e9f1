"""From a message to a reply, without Discord: decide, throttle, compose, render.

:class:`Answering` is the whole question-answering path of the bot in plain
Python. The cogs adapt Discord objects to it and send what it returns, so the
rules (who gets an answer, which conversation a follow-up belongs to, when to
say "slow down") are tested with plain values.

A reply to one of the bot's answers continues the conversation that answer
belonged to, even when someone else replies: they are following up on that
exchange. The bot remembers which conversation each of its recent answers
belongs to, bounded like the conversations themselves.

A channel that read a page (``/read``) answers from that page's own knowledge;
if the page was dropped from the server's library meanwhile, the channel is
told once and answers from the loaded articles again.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass

from bot.composer import ComposerOptions, answer
from bot.conversation import ConversationStore
from bot.discord_app.cooldown import Cooldown, Verdict
from bot.discord_app.library import PageKey, ReadLibrary
from bot.discord_app.notices import help_text, slow_down
from bot.discord_app.policy import Incoming, Policy, conversation_key, decide
from bot.discord_app.read_replies import page_forgotten
from bot.discord_app.replies import Reply, render_answer
from bot.discord_app.scopes import ChannelScopes, Scope
from bot.knowledge import Knowledge

__all__ = ["Answering", "FollowUps", "Response"]

# The question /summary asks the composer, which recognises it and summarises.
SUMMARY_QUESTION = "What is the article about?"


@dataclass(frozen=True, slots=True)
class Response:
    """A reply to send, and the conversation it belongs to (None for notices)."""

    reply: Reply
    conversation: Hashable | None = None


class FollowUps:
    """Which conversation each of the bot's recent answers belongs to (bounded)."""

    def __init__(self, max_answers: int = 10_000) -> None:
        self.max_answers = max_answers
        self._conversations: OrderedDict[int, Hashable] = OrderedDict()

    def remember(self, message_id: int, conversation: Hashable) -> None:
        self._conversations[message_id] = conversation
        while len(self._conversations) > self.max_answers:
            self._conversations.popitem(last=False)

    def conversation_of(self, message_id: int | None) -> Hashable | None:
        return None if message_id is None else self._conversations.get(message_id)

    def __len__(self) -> int:
        return len(self._conversations)


class Answering:
    """Answers questions for the Discord front-end, with context and a cooldown."""

    def __init__(
        self,
        knowledge: Knowledge,
        options: ComposerOptions,
        conversations: ConversationStore,
        cooldown: Cooldown,
        *,
        follow_ups: FollowUps | None = None,
        scopes: ChannelScopes | None = None,
        library: ReadLibrary | None = None,
        reading: bool = False,
    ) -> None:
        self.knowledge = knowledge
        self.options = options
        self.conversations = conversations
        self.cooldown = cooldown
        self.follow_ups = FollowUps() if follow_ups is None else follow_ups
        self.scopes = ChannelScopes() if scopes is None else scopes
        self.library = ReadLibrary() if library is None else library
        self.reading = reading  # whether /read is offered (the help says so)

    @property
    def headline(self) -> str:
        return self.headline_of(None)

    def headline_of(self, scope: Scope) -> str:
        """What the bot answers from: the scoped article's headline, or all of them."""
        articles = self.knowledge.articles
        if isinstance(scope, PageKey):
            page = self.library.get(scope)
            return page.article.title if page is not None else self.headline_of(None)
        if scope is not None:
            return articles[scope].title
        if len(articles) == 1:
            return articles[0].title
        return f"{len(articles)} articles: " + "; ".join(a.title for a in articles[:3])

    def choices_for(self, incoming: Incoming) -> list[tuple[str, Scope]]:
        """What the channel can answer from, numbered from 1 by ``/articles`` and ``/use``.

        The loaded articles, then the pages the channel read that its server still keeps.
        """
        choices: list[tuple[str, Scope]] = [
            (article.title, number) for number, article in enumerate(self.knowledge.articles)
        ]
        pages = self.library.channel_pages(incoming.owner, incoming.home_channel)
        choices.extend((page.article.title, PageKey(incoming.owner, page.url)) for page in pages)
        return choices

    def scope_for(self, incoming: Incoming) -> Scope:
        """The article the message's channel answers from (``/use``, ``/read``), if chosen."""
        return self.scopes.scope_of(incoming.channel_id, incoming.thread_parent_id)

    def respond_to(self, incoming: Incoming, policy: Policy) -> Response | None:
        """The response to a message, or None when the bot should stay silent."""
        ask = decide(incoming, policy)
        if ask is None:
            return None
        verdict = self.cooldown.check(incoming.author_id)
        if verdict is Verdict.SILENT:
            return None
        if verdict is Verdict.WARN:
            return self.slow_down(incoming.author_id)
        conversation = self.follow_ups.conversation_of(ask.follow_up_of)
        if conversation is None:
            conversation = conversation_key(incoming)
        return self.answer(ask.question, conversation, self.scope_for(incoming))

    def slow_down(self, user_id: int) -> Response:
        """The "slow down" notice for a user still in their cooldown."""
        return Response(slow_down(self.cooldown.remaining(user_id)))

    def answer(self, question: str, conversation: Hashable | None, scope: Scope = None) -> Response:
        """Answer ``question`` in ``conversation`` (None: without follow-up context).

        ``scope`` is the article the channel chose with ``/use`` or ``/read`` (None: all).
        """
        knowledge, article = self.knowledge, None if isinstance(scope, PageKey) else scope
        if isinstance(scope, PageKey):
            page = self.library.get(scope)
            if page is None:
                self.scopes.forget(scope)
                return Response(page_forgotten(scope.url, self.headline_of(None)))
            knowledge = page.knowledge
        headline = self.headline_of(scope)
        if not question.strip():
            return Response(help_text(headline, reading=self.reading))
        context = None if conversation is None else self.conversations.get(conversation)
        result = answer(question, knowledge, context, self.options, scope=article)
        return Response(render_answer(result, headline), conversation)

    def summary(self, scope: Scope = None) -> Response:
        """What the article (or each article) is about, for ``/summary``."""
        return self.answer(SUMMARY_QUESTION, None, scope)

    def remember(self, message_id: int, response: Response) -> None:
        """Note the bot's sent answer, so a reply to it continues its conversation."""
        if response.conversation is not None:
            self.follow_ups.remember(message_id, response.conversation)
