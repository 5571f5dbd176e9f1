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

The work is linear in the paragraph's length, whatever the text: each rule looks
at most :data:`_WORD_LOOKBACK` characters behind a candidate boundary, no pattern
rescans a run of characters from every position in it, and a "sentence" longer
than :data:`MAX_SENTENCE_CHARS` (a run-on line, a table flattened into text, a
hostile file) is cut at a space into pieces of at most that length, so nothing
downstream ever works on an unbounded passage.
"""

from __future__ import annotations

import re

__all__ = ["MAX_SENTENCE_CHARS", "split_sentences"]

# The longest news sentences run to a few hundred characters (563 in the development
# articles); past this a span is not a sentence, and every rule that reads a passage
# (the composer's extractors) must stay cheap on it.
MAX_SENTENCE_CHARS = 1000
# An abbreviation, an initial or a dotted acronym is short: the rules that decide
# whether a period ends a sentence look no further back than this.
# The longest abbreviation ("approx", "thurs") is six letters: a word ending at the
# period that starts further back than this is no abbreviation, and is not looked for.
_WORD_LOOKBACK = 12

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

# A time's marks, and the words that may follow one inside its sentence.
_CLOCK_MARKS = frozenset({"a.m.", "p.m."})
_DAYS_AND_MONTHS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december
    """.split()
)

# A candidate boundary: terminal punctuation, any closing quotes or brackets,
# then whitespace. The next sentence starts at the end of the match.
# The lookbehinds start a match only at the start of a run (of punctuation, of
# spaces, of word characters), so a long run is scanned once, not once per position.
_BOUNDARY = re.compile(r"(?<![.!?])[.!?]+[\"')\]]*(?=\s)")
# The word before a period, from its last dot on ("U.S" gives "S", "etc" gives "etc").
_LAST_WORD = re.compile(r"(?<![\w'-])[\w'-]+$")
_NEXT_START = re.compile(r"(?<!\s)\s+([\"'(\[]*)(\S)")
# Two letter-period pairs before the end: a dotted acronym ("U.S.", "a.m.").
_DOTTED_ACRONYM = re.compile(r"(?:[A-Za-z]\.){2}$")
_INITIAL = re.compile(r"(?<![^\s(])[A-Z]\.$")  # after a space, "(" or nothing
_NEXT_WORD = re.compile(r"[\w']+")


def split_sentences(paragraph: str, max_spans: int | None = None) -> list[tuple[int, int]]:
    """Return ``(start, end)`` character spans of the sentences in ``paragraph``.

    Spans exclude surrounding whitespace and cover every non-space character
    of the paragraph exactly once, in order. With ``max_spans``, splitting stops
    once there are more than that many (a caller that refuses such a paragraph
    need not pay for splitting all of it).
    """
    spans: list[tuple[int, int]] = []
    start = _skip_space(paragraph, 0)
    for match in _BOUNDARY.finditer(paragraph):
        end = match.end()
        if end <= start or not _ends_sentence(paragraph, match):
            continue
        _append_capped(spans, paragraph, start, end)
        start = _skip_space(paragraph, end)
        if max_spans is not None and len(spans) > max_spans:
            return spans
    tail_end = len(paragraph.rstrip())
    if start < tail_end:
        _append_capped(spans, paragraph, start, tail_end)
    return spans


def _append_capped(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Append the span ``start:end``, cut into pieces of at most ``MAX_SENTENCE_CHARS``.

    A piece ends at the last whitespace that keeps it within the limit, or, in a
    run with no whitespace at all, at the limit itself.
    """
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = limit
        while cut > start and not text[cut].isspace():
            cut -= 1
        if cut == start:  # no whitespace to cut at: cut the run itself
            spans.append((start, limit))
            start = limit
            continue
        piece_end = cut
        while text[piece_end - 1].isspace():
            piece_end -= 1
        spans.append((start, piece_end))
        start = _skip_space(text, cut)
    spans.append((start, end))


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
    return not _is_abbreviation(paragraph, boundary.start(), following.end(2) - 1)


def _is_abbreviation(paragraph: str, period: int, next_word_start: int) -> bool:
    """Tell whether the period at ``paragraph[period]`` belongs to an abbreviation.

    The patterns look only at the few characters before the period (``pos`` and
    ``endpos``, not a copy of the text so far), which keeps a paragraph with
    thousands of periods linear.
    """
    # These patterns can only match right before the period: matched there, not
    # searched for across the window (3.5 million "A. " took 12 s, now 4).
    if period >= 1 and _INITIAL.match(paragraph, period - 1, period + 1):
        return True
    if period >= 3 and _DOTTED_ACRONYM.match(paragraph, period - 3, period + 1):
        following = _next_word(paragraph, next_word_start)
        if paragraph[period - 3 : period + 1].lower() in _CLOCK_MARKS:
            # "at 10 a.m. Monday", "6 p.m. GMT" go on; "opened at 10 a.m. Entry is free"
            # ends: a time is followed by its day or zone, or by the next sentence
            return following.lower() in _DAYS_AND_MONTHS or (
                len(following) > 1 and following.isupper()  # "GMT", not "I"
            )
        return following.lower() not in _SENTENCE_OPENERS
    word_match = _LAST_WORD.search(paragraph, max(0, period - _WORD_LOOKBACK), period)
    original = word_match.group(0) if word_match else ""
    # the abbreviation may close a hyphenated name: "Trinity-St. Paul's Church"
    original = original.rsplit("-", 1)[-1]
    bare = original.lower()
    if bare in _ALSO_WORDS and not original[:1].isupper():
        return False
    if bare in _ABBREVIATIONS:
        if bare in _SENTENCE_FINAL_ABBREVIATIONS:
            return _next_word(paragraph, next_word_start).lower() not in _SENTENCE_OPENERS
        return True
    return False


def _next_word(paragraph: str, start: int) -> str:
    match = _NEXT_WORD.match(paragraph, start)
    return match.group(0) if match else ""
