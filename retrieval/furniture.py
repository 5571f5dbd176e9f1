"""Page furniture that reads like a sentence: notes, credits and labels around a story.

Menus and "Most read" boxes are short and easy to spot (:mod:`retrieval.cleaning`
drops them). Harder are the lines a news page adds around the story that look
like running text, so that nothing else catches them and one of them can even
become the article's summary:

- syndication notes: "This article originally appeared on Gridline US.",
  "This story is republished from The Exchange under a Creative Commons licence.";
- credit lines: "Reporting by Ana Kovač in Lisbon; additional reporting by Tom
  Reyes; Editing by Paul Oduya";
- editorial-standards footers: "Our Standards: The Meridian Trust Principles.";
- journal citation lines: "Meridian 574, 16-17 (2019)", "doi: 10.5555/xyz-01";
- label lines from a page's information box: "Author: Marieke Vos", "Date 19.01.2020";
- a site name and date kept at the end of the headline: "... | XW | 19.01.2020".

Each is recognised on a whole line (or the headline) only, by anchored patterns
and small word checks, so a story sentence that merely starts the same way
("Reporting by the newspaper showed ...") is kept. Every pattern is bounded: no
unbounded repetition, so hostile text costs linear time.
"""

from __future__ import annotations

import re

__all__ = [
    "author_label_names",
    "is_page_note",
    "is_person_names",
    "is_site_separator",
    "split_names",
    "strip_site_suffix",
]

# Notes are sentences, longer than menu debris but never a paragraph of story.
_MAX_NOTE_CHARS = 300
# Pieces of a citation: "Aguirre, T., Lind, M. A. & Ode, S. " (or "Aguirre, T. et al. "),
# and "Meridian Science 574, 16-17 (2019)".
_AUTHOR = r"[A-Z][\w'’-]{0,30}, (?:[A-Z]\.(?: |-)?){1,3}"
_AUTHORS = rf"(?:{_AUTHOR}(?:(?:, |,? & |,? and ){_AUTHOR}){{0,9}}(?:et al\. )?)?"
_JOURNAL_VOLUME_PAGES_YEAR = (
    r"[A-Z][\w&.'-]{0,30}(?: [\w&.'-]{1,30}){0,6} \d{1,4}, [A-Za-z]?\d{1,7}"
    r"(?:[-–][A-Za-z]?\d{1,7})? \((?:1[89]|20)\d\d\)\.?"
)
_NOTE_PATTERNS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # syndication and republication ("This", never "The": "The report was published
        # on Tuesday" is news; "this article" is the page speaking of itself)
        r"(?:this|a version of this) (?:article|story|piece|post|essay|column|feature) "
        r"(?:was |is |has been )?(?:originally |first )?(?:appeared|published|posted|ran|"
        r"republished|reprinted|reproduced|syndicated|adapted|produced)(?: (?:originally|first))?"
        r" (?:in|on|at|by|from|with|under|courtesy of|as part of|in partnership with|"
        r"in collaboration with)\b.{1,240}",
        r"(?:originally|first) (?:published|appeared|posted) (?:in|on|at|by) [^,]{1,80}",
        r"read the original (?:article|story|post)\.?",
        # editorial standards
        r"(?:our standards: ?)?(?:the )?[\w .&'-]{1,60} trust principles\.?(?: opens new tab)?",
        r"our (?:editorial )?(?:standards|principles|guidelines|values|ethics policy)"
        r"(?:: .{1,100})?",
        r"(?:learn|read|find out) more about (?:our|the) (?:editorial )?(?:standards|principles|"
        r"guidelines|policies|ethics|corrections policy).{0,60}",
        # a journal citation, alone ("Meridian Science 574, 16-17 (2019)") or as a
        # reference ("Aguirre, T. et al. Title of the paper. Meridian 4, 1-9 (2019).")
        _AUTHORS
        + r"(?:[^.]{1,200}\. )?"
        + _JOURNAL_VOLUME_PAGES_YEAR
        + r"(?: (?:doi:? ?)?\S{1,120})?",
        r"references|reference list",
        r"(?:doi:? ?|https?://(?:dx\.)?doi\.org/)10\.\d{4,9}/\S{1,120}",
        r"doi: ?https?://(?:dx\.)?doi\.org/10\.\d{4,9}/\S{1,120}",
        # information-box labels: "Date 19.01.2020", "Updated: 3 May 2021, 14:05 CET"
        r"(?:date|published|updated|posted|last updated|first published)(?::| ) ?"
        r"(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}|"
        r"[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4})(?:,? \d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?)?"
        r"(?: [A-Z]{2,5})?",
    )
)
# The same, as one pattern: one call per line instead of nine.
_NOTE = re.compile("|".join(f"(?:{p.pattern})" for p in _NOTE_PATTERNS), re.IGNORECASE)
# Credit lines: "Reporting by NAMES [in PLACE]", several joined by ";".
_CREDIT = re.compile(
    r"(?:additional |further |extra )?(?:reporting|writing|editing|research|fact-checking|"
    r"graphics|production|translation|compiled|written|edited|reported|translated|"
    r"photography)(?: and (?:reporting|writing|editing|research|graphics|production))? by "
    r"(.{1,120})",
    re.IGNORECASE,
)
_MAX_CREDIT_PARTS = 8
# "Author: Marieke Vos", "Authors Tom Reyes, Ana Kovač", "Written by Sam Ode", "Text: Ida Berg".
_AUTHOR_LABEL = re.compile(
    r"(?:authors?(?::|\s)|written by(?::|\s)|(?:text|words|reporter|correspondent):)\s?(.{1,120})",
    re.IGNORECASE,
)
# Words allowed inside a name list without a capital: particles of names, and
# the place a credit line adds ("Ana Kovač in Lisbon").
_NAME_PARTICLES = frozenset(
    {
        "de",
        "da",
        "das",
        "do",
        "dos",
        "di",
        "du",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "la",
        "le",
        "al",
        "el",
        "bin",
        "ibn",
        "ter",
        "ten",
        "y",
        "in",
        "staff",
        "reporters",
        "correspondents",
        "agencies",
    }
)
_NAME_SEPARATORS = re.compile(r",\s{0,3}(?:and\s{1,3})?|\s{1,3}(?:and|&)\s{1,3}")
_MAX_NAMES = 8
_MAX_NAME_WORDS = 6
# A site name and date the page kept at the end of its headline.
_SUFFIX_SEPARATOR = re.compile(r"\s{1,3}(?:\||–|—|-|::|//|·|•)\s{1,3}")
_DATE_SEGMENT = re.compile(
    r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|(?:\d{1,2} )?[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?|"
    r"\d{1,2} [A-Z][a-z]{2,8} \d{4}|[A-Z][a-z]{2,8} \d{4}"
)
_MAX_SUFFIX_WORDS = 5
_MIN_HEADLINE_WORDS = 3
_WORD = re.compile(r"\w{1,100}")


def is_page_note(line: str) -> bool:
    """Tell whether a whole (stripped) line is a note, credit or label around the story."""
    if not line or len(line) > _MAX_NOTE_CHARS:
        return False
    if _NOTE.fullmatch(line):
        return True
    return _is_credit_line(line) or author_label_names(line) is not None


def _is_credit_line(line: str) -> bool:
    """ "Reporting by A and B in Lisbon; Editing by C", in brackets or not, each part names."""
    inner = line.strip().rstrip(".").strip()
    if inner.startswith("(") and inner.endswith(")"):
        inner = inner[1:-1].rstrip(".").strip()
    parts = [part.strip() for part in inner.split(";")]
    if not parts or len(parts) > _MAX_CREDIT_PARTS:
        return False
    for part in parts:
        match = _CREDIT.fullmatch(part)
        if match is None or not is_person_names(match.group(1)):
            return False
    return True


def author_label_names(line: str) -> str | None:
    """The names of an "Author: NAME" line, or None when the line is anything else."""
    match = _AUTHOR_LABEL.fullmatch(line.strip().rstrip("."))
    if match is None:
        return None
    names = match.group(1).strip()
    return names if is_person_names(names) else None


def is_person_names(text: str) -> bool:
    """Tell whether ``text`` is a short list of names: "Ana Kovač and Tom Reyes in Lisbon".

    Every word of every name starts with a capital, except a few name particles
    ("van", "de") and "in" before a place; a name has one to six words.
    """
    names = split_names(text)
    if not names or len(names) > _MAX_NAMES:
        return False
    for name in names:
        words = name.split()
        if not 1 <= len(words) <= _MAX_NAME_WORDS or not words[0][:1].isupper():
            return False
        if not all(word[:1].isupper() or word in _NAME_PARTICLES for word in words):
            return False
    return True


def split_names(text: str) -> list[str]:
    """The names of a list: "A, B and C" gives ["A", "B", "C"]."""
    return _NAME_SEPARATORS.split(text.strip().rstrip(".").strip())


def is_site_separator(text: str) -> bool:
    """Tell whether ``text`` starts with a separator a title tag puts before its site name."""
    return _SUFFIX_SEPARATOR.match(text) is not None


def strip_site_suffix(headline: str, publisher: str | None) -> str:
    """``headline`` without the site name and date a page's title tag often appends.

    A trailing segment after " | " (or a dash, "::", "//", "·") goes when it is a
    date, names the publisher (or its web address), or, after a bar, is a few
    words: bars separate a title from its site, not words of a headline. At
    least three words of headline always remain.
    """
    site_words = _site_words(publisher)
    result = headline
    for _ in range(3):  # "Title | Section | Site | Date" at most
        separators = list(_SUFFIX_SEPARATOR.finditer(result))
        if not separators:
            break
        last = separators[-1]
        head, tail = result[: last.start()].strip(), result[last.end() :].strip()
        if len(_WORD.findall(head)) < _MIN_HEADLINE_WORDS:
            break
        if not _is_site_segment(tail, last.group().strip(), site_words):
            break
        result = head
    return result


def _is_site_segment(segment: str, separator: str, site_words: frozenset[str]) -> bool:
    words = [word.casefold() for word in _WORD.findall(segment)]
    if not words:
        return True  # a separator with nothing after it
    if _DATE_SEGMENT.fullmatch(segment):
        return True
    if site_words and set(words) <= site_words | {"www", "com", "news", "the", "online"}:
        return True
    return separator == "|" and len(words) <= _MAX_SUFFIX_WORDS


def _site_words(publisher: str | None) -> frozenset[str]:
    """Words naming the publisher: "XW.EXAMPLE" gives {"xw", "example"}."""
    if not publisher:
        return frozenset()
    return frozenset(word.casefold() for word in _WORD.findall(publisher))
