"""The composer's result as data: what a front-end shows and what ``--json`` prints.

An :class:`Answer` carries the reply a person reads, the extracted short answer
(or ``None`` when the article does not answer), the evidence passages with their
scores and character offsets, and where the short answer sits in the article, so
every front-end can show the same answer its own way (a Discord embed bolds the
answer inside the quoted sentence; the REPL's ``:why`` lists the evidence).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

__all__ = ["Answer", "AnswerKind", "Evidence"]


class AnswerKind(StrEnum):
    """What sort of reply an :class:`Answer` is; front-ends style each differently."""

    ANSWER = "answer"  # the article answers; short_answer is set
    PASSAGE = "passage"  # no short phrase is safe; short_answer is the answering sentence
    NO_ANSWER = "no_answer"  # the article does not say; short_answer is None
    CHAT = "chat"  # small talk or help, not about the article
    SUMMARY = "summary"  # what the article is about


@dataclass(frozen=True, slots=True)
class Evidence:
    """A passage shown as evidence, with its retrieval score and place in the article."""

    text: str
    score: float
    start: int  # offsets into the text of the passage's own article
    end: int
    paragraph: int
    article: str = ""  # the headline of the passage's article

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "score": round(self.score, 4),
            "start": self.start,
            "end": self.end,
            "paragraph": self.paragraph,
            "article": self.article,
        }


@dataclass(frozen=True, slots=True)
class Answer:
    """A reply to one question, with its short answer and evidence.

    ``statement`` is the reply without its quoted source; ``answer`` is the
    whole reply as plain text. ``answer_start``/``answer_end`` are offsets of
    the short answer in the article text (inside ``passages[0]``) when there is one.
    """

    question: str
    answer: str
    statement: str
    short_answer: str | None
    question_type: str
    confidence: float
    kind: AnswerKind
    passages: tuple[Evidence, ...] = ()
    answer_start: int | None = None
    answer_end: int | None = None
    notes: tuple[str, ...] = field(default=())
    article: str | None = None  # headline of the article the answer comes from

    @property
    def source(self) -> Evidence | None:
        """The passage the short answer (or the quoted reply) comes from."""
        answered = self.kind in {AnswerKind.ANSWER, AnswerKind.PASSAGE}
        return self.passages[0] if self.passages and answered else None

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of the command-line contract (``--json``/``--jsonl``)."""
        return {
            "question": self.question,
            "answer": self.answer,
            "short_answer": self.short_answer,
            "question_type": self.question_type,
            "confidence": round(self.confidence, 4),
            "kind": str(self.kind),
            "answer_start": self.answer_start,
            "answer_end": self.answer_end,
            "article": self.article,
            "passages": [evidence.to_dict() for evidence in self.passages],
        }
