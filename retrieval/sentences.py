"""Splitting a paragraph into sentences, with character offsets.

A rule-based splitter, not a trained one: a sentence ends at ``.``, ``!`` or ``?``
(optionally followed by closing quotes or brackets) when whitespace and the start of
a new sentence follow. The rules that keep it from splitting too eagerly are the
ones news text needs:

- titles and common abbreviations ("Mr.", "Dr.", "Gen.", "Jan.", "etc.") never end a
  sentence when a capitalized word follows them, because in news text they almost
  always precede a name or a date;
- dotted acronyms ("U.S.", "U.N.") end a sentence only when the next word is a
  typical sentence opener ("The", "He", "But"), since "the U.S. President" is far
  more common than a sentence ending in "U.S.";
- single-letter initials ("John F. Kennedy") never end a sentence;
- decimals ("3.5") and dotted numbers never split, as no whitespace follows the dot;
- a quotation ending in punctuation ends the sentence after its closing quote
  (``"It takes one to know one." Then ...``), but not when the text goes on in
  lower case (``"Stop!" he said.``).

Offsets are kept exact: every span satisfies ``paragraph[start:end] == text``.
"""

from __future__ import annotations

import re

__all__ = ["split_sentences"]

# Words that, followed by a period, are abbreviations rather than sentence ends.
# Compared lower-cased and without the period.
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms mx dr prof sr jr st mt ft rev fr hon pres gov sen rep gen col lt maj capt
    cmdr adm sgt cpl pvt supt insp det amb sec atty jan feb mar apr jun jul aug sep sept
    oct nov dec mon tue tues wed thu thur thurs fri sat sun no nos vol vols pp fig figs
    approx est dept univ assn bros inc corp co ltd plc llc vs etc al cf ca
    """.split()
)
# Of those, the ones that are also ordinary English words ("said no.", "he sat.",
# "wed."): they are abbreviations only when capitalized ("No. 10", "Sat. June 5").
_ALSO_WORDS = frozenset(
    """
    no nos sun sat mar fig sec col rep est wed hon rev det
    """.split()
)
# Of those, the ones that can plausibly end a sentence when a capital follows
# ("... made by Acme Inc. The firm ...").
_SENTENCE_FINAL_ABBREVIATIONS = frozenset(
    """
    inc corp co ltd plc llc etc bros
    """.split()
)

# Words that usually open a sentence; used to decide whether a dotted acronym
# such as "U.S." ends one.
_SENTENCE_OPENERS = frozenset(
    """
    the a an he she it they we i you his her its their our this that these those there
    here but and so yet however meanwhile still then now in on at after before while
    when if although though as since despite during for with without
    """.split()
)

# A candidate boundary: terminal punctuation, any closing quotes or brackets,
# then whitespace. The next sentence starts at the end of the match.
_BOUNDARY = re.compile(r"[.!?]+[\"')\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"([\w.'-]+)$")
_NEXT_START = re.compile(r"\s+([\"'(\[]*)(\S)")
_DOTTED_ACRONYM = re.compile(r"(?:[A-Za-z]\.){2,}$")
_INITIAL = re.compile(r"(?:^|[\s(])[A-Z]\.$")


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` character spans of the sentences in ``paragraph``.

    Spans exclude surrounding whitespace and cover every non-space character
    of the paragraph exactly once, in order.
    """
    spans: list[tuple[int, int]] = []
    start = _skip_space(paragraph, 0)
    for match in _BOUNDARY.finditer(paragraph):
        end = match.end()
        if end <= start or not _ends_sentence(paragraph, match):
            continue
        spans.append((start, end))
        start = _skip_space(paragraph, end)
    tail_end = len(paragraph.rstrip())
    if start < tail_end:
        spans.append((start, tail_end))
    return spans


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _ends_sentence(paragraph: str, boundary: re.Match[str]) -> bool:
    """Decide whether the candidate boundary really ends a sentence."""
    following = _NEXT_START.match(paragraph, boundary.end())
    if following is None:
        return True
    next_char = following.group(2)
    punctuation = boundary.group(0)
    if next_char.islower():
        # '"Stop!" he said.' and 'e.g. the' both continue the sentence.
        return False
    if "." not in punctuation.rstrip("\"')]") or punctuation.rstrip("\"')]").endswith(("!", "?")):
        return True
    if punctuation[0] != "." or len(punctuation.rstrip("\"')]")) > 1:
        # An ellipsis or "?." is a deliberate stop.
        return True
    before = paragraph[: boundary.start() + 1]
    return not _is_abbreviation(before, paragraph, following.end(2) - 1)


def _is_abbreviation(text_to_period: str, paragraph: str, next_word_start: int) -> bool:
    """Tell whether the period ending ``text_to_period`` belongs to an abbreviation."""
    if _INITIAL.search(text_to_period):
        return True
    word_match = _WORD_BEFORE.search(text_to_period[:-1])
    word = word_match.group(1) if word_match else ""
    if _DOTTED_ACRONYM.search(text_to_period):
        return _next_word(paragraph, next_word_start).lower() not in _SENTENCE_OPENERS
    original = word.rsplit(".", 1)[-1]
    bare = original.lower()
    if bare in _ALSO_WORDS and not original[:1].isupper():
        return False
    if bare in _ABBREVIATIONS:
        if bare in _SENTENCE_FINAL_ABBREVIATIONS:
            return _next_word(paragraph, next_word_start).lower() not in _SENTENCE_OPENERS
        return True
    return False


def _next_word(paragraph: str, start: int) -> str:
    match = re.match(r"[\w']+", paragraph[start:])
    return match.group(0) if match else ""
