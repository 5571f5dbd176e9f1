"""Questions of several parts, answered part by part.

Two forms, both common in chat:

- two question words sharing one clause: "when and where will the summit be
  held?" becomes "when will the summit be held?" and "where will ...?";
- two questions joined by "and": "who is Yuri Ushakov and what did he say?"
  becomes "who is Yuri Ushakov?" and "what did he say?" (the second part is
  then a follow-up of the first, so "he" finds Ushakov).

Anything else stays one question: "what did Biden and Putin agree?" has one
question word, and "and" there joins two names.
"""

from __future__ import annotations

import re

__all__ = ["MAX_PARTS", "split_question"]

MAX_PARTS = 3
_WH = r"(?:when|where|who|whom|why|what|which|how(?: many| much| long| old)?)"
# "when and where ...": the shared clause follows the last question word.
_SHARED = re.compile(rf"^({_WH})((?:\s*,\s*{_WH})*)\s*,?\s+and\s+({_WH})\b\s*(.*)$", re.IGNORECASE)
# " and what ...": a new question starts at a question word after "and".
_JOIN = re.compile(rf",? and (?={_WH}\b)", re.IGNORECASE)
_STARTS_WH = re.compile(rf"^{_WH}\b", re.IGNORECASE)
_WH_WORD = re.compile(_WH, re.IGNORECASE)


def split_question(text: str) -> list[str]:
    """The parts of ``text`` as separate questions, or ``[text]`` when it is one question."""
    text = " ".join(text.split())
    shared = _SHARED.match(text)
    if shared:
        rest = shared.group(4).strip()
        if not any(character.isalnum() for character in rest):
            return [text]
        words = [shared.group(1), *_WH_WORD.findall(shared.group(2))]
        words.append(shared.group(3))
        return [f"{word} {rest}" for word in words[:MAX_PARTS]]
    if not _STARTS_WH.match(text):
        return [text]
    pieces = [piece.strip() for piece in _JOIN.split(text, maxsplit=MAX_PARTS - 1)]
    if len(pieces) < 2 or any(len(piece.split()) < 2 for piece in pieces):
        return [text]
    return [piece if piece.endswith("?") else f"{piece}?" for piece in pieces]
