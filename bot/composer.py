"""The answer composer: one question in, one :class:`~bot.answers.Answer` out.

Every front-end (REPL, ``ask``, Discord, evaluation) calls :func:`answer`, so they
all give the same reply to the same question.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.answers import Answer, AnswerKind, Evidence
from bot.conversation import Conversation
from bot.knowledge import Knowledge

__all__ = ["MAX_QUESTION_CHARS", "ComposerOptions", "answer"]

# Questions are truncated to this many characters before analysis: no real
# question is longer, and it bounds the work a hostile message can cause.
MAX_QUESTION_CHARS = 500


@dataclass(frozen=True, slots=True)
class ComposerOptions:
    """Tunable knobs of the composer, taken from settings."""

    top_k: int = 5
    abstain_threshold: float = 0.35


def answer(
    question: str,
    knowledge: Knowledge,
    conversation: Conversation | None = None,
    options: ComposerOptions | None = None,
) -> Answer:
    """Answer ``question`` from ``knowledge``, using and updating ``conversation``."""
    options = options or ComposerOptions()
    text = question.strip()[:MAX_QUESTION_CHARS]
    hits = knowledge.retriever.search(text, k=options.top_k) if text else []
    if not hits:
        statement = "The article doesn't say."
        return Answer(text, statement, statement, None, "OTHER", 0.0, AnswerKind.NO_ANSWER)
    evidence = tuple(Evidence.from_hit(hit) for hit in hits)
    best = evidence[0]
    statement = "This is the passage that matches best:"
    reply = f'{statement}\n> "{best.text}"'
    return Answer(text, reply, statement, None, "OTHER", best.score, AnswerKind.ANSWER, evidence)
