"""Question normalization: make chat-style questions look like the article's English.

People type "wheres the summit", "when r they meeting", "who is ushakv". Before a
question is analysed, it goes through small steps, each its own function:

1. :func:`clean_question` removes what no question needs: control characters,
   lone surrogates, repeated whitespace; and caps the length.
2. :func:`expand_contractions` turns "where's" into "where is", "didn't" into
   "did not" (possessives such as "Putin's" are left alone).
3. :func:`expand_chat_spelling` maps chat shorthand ("r", "u", "wat", "pls") to words.
4. :func:`match_title_initials` writes a job title the way the article does: "CEO"
   as "chief executive" for an article that only spells it out, and the reverse;
   :func:`match_leader_words` writes a loose word for whoever leads a body ("the
   boss of X", "the Liège manager", "who runs X") as the title the article gives
   ("chief executive", "coach") when the article never uses the typed word.
5. :func:`correct_typos` replaces a word the article does not contain, and that is
   not a common English word, by the one article word a single edit away
   (insertion, deletion, substitution or transposition), only when exactly one
   such word exists.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from bot.composer.english import is_english_word
from bot.composer.lexicon import FUNCTION_WORDS, NUMBER_WORDS
from bot.composer.word_classes import is_common_word
from retrieval.cleaning import normalize_characters

__all__ = [
    "MAX_QUESTION_CHARS",
    "clean_question",
    "correct_typos",
    "expand_chat_spelling",
    "expand_contractions",
    "match_leader_words",
    "match_title_initials",
    "plain_words",
    "restore_capitals",
]

# Questions are cut to this many characters before analysis: no real question is
# longer, and it bounds the work a hostile message can cause.
MAX_QUESTION_CHARS = 500

_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SPACES = re.compile(r"\s+")

# "'s" is "is" only after these words; elsewhere it is a possessive.
_IS_CONTRACTION = re.compile(
    r"\b(what|where|who|when|how|why|which|that|it|there|here|he|she)'s\b", re.IGNORECASE
)
_CONTRACTIONS = (
    (re.compile(r"\bwon't\b", re.IGNORECASE), "will not"),
    (re.compile(r"\bcan't\b", re.IGNORECASE), "can not"),
    (re.compile(r"\bshan't\b", re.IGNORECASE), "shall not"),
    (re.compile(r"\bain't\b", re.IGNORECASE), "is not"),
    (re.compile(r"n't\b", re.IGNORECASE), " not"),
    (re.compile(r"'re\b", re.IGNORECASE), " are"),
    (re.compile(r"'ve\b", re.IGNORECASE), " have"),
    (re.compile(r"'ll\b", re.IGNORECASE), " will"),
    (re.compile(r"\bi'm\b", re.IGNORECASE), "I am"),
    (re.compile(r"\b(who|what|where|when|how|why)'d\b", re.IGNORECASE), r"\1 did"),
)

# Chat shorthand, matched as whole lower-case words.
_CHAT_WORDS = {
    "r": "are",
    "u": "you",
    "ur": "your",
    "wat": "what",
    "wut": "what",
    "wht": "what",
    "whats": "what is",
    "wen": "when",
    "whens": "when is",
    "wher": "where",
    "whr": "where",
    "wheres": "where is",
    "whos": "who is",
    "hows": "how is",
    "hw": "how",
    "pls": "please",
    "plz": "please",
    "abt": "about",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "ppl": "people",
    "govt": "government",
    "gov't": "government",
    "2day": "today",
    "tmrw": "tomorrow",
    "b4": "before",
    "thx": "thanks",
    "ty": "thank you",
    "gonna": "going to",
    "wanna": "want to",
    "dont": "do not",
    "didnt": "did not",
    "doesnt": "does not",
    "isnt": "is not",
    "wasnt": "was not",
    "arent": "are not",
    "werent": "were not",
    "hasnt": "has not",
    "havent": "have not",
    "cant": "can not",
    "wont": "will not",
    "&": "and",
}
# A word standing alone: "u" of "U.S." and "r" of "R.F.C." are no chat words.
_CHAT_TOKEN = re.compile(r"(?<![\w.])(?:[\w&'][\w']*|&)(?!\.\w)")
# "y" means "why" only as a question's first word ("y did he go").
_LEADING_Y = re.compile(r"^y\b", re.IGNORECASE)

# Words of letters in any script: an ASCII-only pattern would read "lvaro" in "álvaro".
_WORD = re.compile(r"[^\W\d_]+")
# Four-letter words have too many neighbours ("bake" is one edit from "take").
_MIN_TYPO_LENGTH = 5
# Shorter lower-case words are never taken for names ("al", "de").
_MIN_NAME_LENGTH = 3
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def clean_question(text: str) -> str:
    """Strip control characters and lone surrogates, squeeze spaces, cap the length."""
    text = _LONE_SURROGATE.sub("", text[: MAX_QUESTION_CHARS * 4])
    text = normalize_characters(text)
    text = _SPACES.sub(" ", text).strip()
    return text[:MAX_QUESTION_CHARS].strip()


def restore_capitals(
    text: str, proper: Callable[[str], bool], written: Callable[[str], bool] | None = None
) -> str:
    """Capitalize the names a question typed in lower case ("who else voted besides peña").

    A word the article only ever writes capitalized, and that is no common English
    word (the tagger lexicon's), is a name: written as the article writes it, the
    question's names are known as names (a name the question says is not its
    answer). Common words are left alone, as a sentence's first word is capitalized
    too ("Rescuers pulled ...") and a title may always be ("President Biden").
    """

    def replace(match: re.Match[str]) -> str:
        word = match.group(0)
        if (
            not word.islower()
            or len(word) < _MIN_NAME_LENGTH
            or word in FUNCTION_WORDS
            or is_common_word(word)
            or not proper(word)
            or len(word[0].upper()) != 1  # "ß" capitalizes to two letters
        ):
            return word
        return word[0].upper() + word[1:]

    restored = _WORD.sub(replace, text)
    if written is None:
        return restored
    return _restore_a_titled_name(_restore_name_tails(restored, proper, written), written)


def _restore_a_titled_name(text: str, written: Callable[[str], bool]) -> str:
    """Capitalize "what is the prairie rivers institute?" as the article writes the name
    ("Prairie Rivers Institute"): a name of common words only, which word by word stays
    lower case, and the question would ask for an institute rather than what this one is."""
    match = _WHAT_IS_THE_NAME.match(text)
    if match is None:
        return text
    titled = " ".join(word[:1].upper() + word[1:] for word in match.group("name").split())
    if not written(titled):
        return text
    return text[: match.start("name")] + titled + text[match.end("name") :]


# "what is the prairie rivers institute?": two to four lower-case words after "the".
_WHAT_IS_THE_NAME = re.compile(
    r"(?:what|who) (?:is|was|are|were) the (?P<name>[a-z][a-z'-]{0,30}(?: [a-z][a-z'-]{0,30}){1,3})"
    r"[?.!\s]*$"
)


def _restore_name_tails(
    text: str, proper: Callable[[str], bool], written: Callable[[str], bool]
) -> str:
    """Capitalize a common word that ends a name with the capitalized word before it, as
    the article writes the two ("kornat star" is the ferry "Kornat Star"): left alone by
    itself, "star" would leave the name cut and the question typed as a thing asked for."""
    matches = list(_WORD.finditer(text))
    words = [match.group(0) for match in matches]
    for at in range(1, len(matches)):
        word, before = words[at], words[at - 1]
        if (
            text[matches[at - 1].end() : matches[at].start()] == " "
            and before[:1].isupper()
            and word.islower()
            and word not in FUNCTION_WORDS
            and len(word[0].upper()) == 1
            and proper(word)
            and written(f"{before} {word[0].upper()}{word[1:]}")
        ):
            words[at] = word[0].upper() + word[1:]
    pieces = []
    position = 0
    for match, word in zip(matches, words, strict=True):
        pieces += [text[position : match.start()], word]
        position = match.end()
    return "".join(pieces) + text[position:]


def expand_contractions(text: str) -> str:
    """Expand English contractions: "where's" → "where is", "didn't" → "did not"."""
    if "'" not in text:
        return text  # every contraction has an apostrophe: most questions need no pass
    text = _IS_CONTRACTION.sub(r"\1 is", text)
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    return text


def plain_words(text: str, written: Callable[[str], bool]) -> str:
    """ "when did she pass away?" as "when did she die?": an article says "died" far more
    often than its euphemism, unless it writes the euphemism itself (``written``)."""
    if _PASSED_AWAY.search(text) is None or any(map(written, _EUPHEMISMS)):
        return text
    return _PASSED_AWAY.sub(lambda found: _DIE_FORMS[(found.group(1) or "").lower()], text)


_PASSED_AWAY = re.compile(r"\bpass(ed|es|ing)? away\b", re.IGNORECASE)
_DIE_FORMS = {"": "die", "ed": "died", "es": "dies", "ing": "dying"}
# The euphemism as an article may write it, in any of its forms.
_EUPHEMISMS = ("pass away", "passed away", "passes away", "passing away")


def expand_chat_spelling(text: str) -> str:
    """Replace chat shorthand by the words it stands for."""
    text = _LEADING_Y.sub("why", text)

    def replace(match: re.Match[str]) -> str:
        word = match.group(0)
        return _CHAT_WORDS.get(word.lower(), word)

    return _CHAT_TOKEN.sub(replace, text)


def match_title_initials(text: str, known: Callable[[str], bool]) -> str:
    """Write a job title as initials or in words, whichever the article uses.

    "who is the CEO of Atlantic Link?" of an article that names "the company's chief
    executive" asks for the chief executive; "who is the chief executive?" of one that
    writes "CEO Ana Ruiz" for the CEO. ``known`` tells whether a lower-case word occurs
    in the article; a title the article writes both ways, or neither, is left as typed.
    """

    def replace(match: re.Match[str]) -> str:
        typed = match.group(0)
        initials = match.group(1)
        if initials is not None:
            words = _TITLE_WORDS[initials.lower()]
            if known(initials.lower()) or not all(map(known, words.split())):
                return typed
            return words + ("s" if match.group(2) else "")
        words = " ".join(typed.lower().split())
        initials = _TITLE_INITIALS[words]
        if not known(initials) or all(map(known, words.split())):
            return typed
        return initials.upper()

    return _TITLE.sub(replace, text)


# Job titles written both as initials and in words.
_TITLE_WORDS = {
    "ceo": "chief executive",
    "cfo": "chief financial officer",
    "coo": "chief operating officer",
    "cto": "chief technology officer",
}
_TITLE_INITIALS = {words: initials for initials, words in _TITLE_WORDS.items()}
# Either form of a title, made from the table: initials (and a plural "s") in groups 1
# and 2, or the words, any run of spaces between them.
_SPELLED_TITLES = "|".join(r"\s+".join(words.split()) for words in _TITLE_WORDS.values())
_TITLE = re.compile(rf"\b({'|'.join(_TITLE_WORDS)})(s?)\b|\b(?:{_SPELLED_TITLES})\b", re.IGNORECASE)


def match_leader_words(text: str, known: Callable[[str], bool]) -> str:
    """Write a loose word for whoever leads a body as the title the article uses.

    News calls one office by several names: a company's "boss" is its chief
    executive, a club's "manager" its coach and the reverse, "the head of" an agency
    its director. A question typed with a word the article never uses would find no
    sentence naming the role, and so no holder. Only a word the article lacks is
    rewritten, into the first title of its list whose words the article all uses;
    a word with no such title is left as typed (the composer then declines). The
    same holds for a verb: "who runs the hospital?" of a story that never says "run"
    asks for its chief executive.
    """

    def replace(match: re.Match[str]) -> str:
        whole = match.group(0)
        group = "word" if match.group("word") else "head"
        typed = match.group(group).lower()
        single = _SINGULAR_LEADERS.get(typed, typed)
        if known(single) or known(typed) or not _names_a_holder(text[: match.start()]):
            return whole
        title = next(
            (title for title in _LEADER_TITLES[single] if all(map(known, title.split()))), None
        )
        if title is None:
            return whole
        if typed != single:
            title += "es" if title.endswith("ch") else "s"
        start, end = match.start(group) - match.start(), match.end(group) - match.start()
        return whole[:start] + title + whole[end:]

    if known("head") and not known("charge"):
        text = _IN_CHARGE.sub(r"\g<who> the head of", text)
    return _leading_verb_as_title(_LEADER.sub(replace, text), known)


# "who is in charge of the office?" asks for its head: of a story that calls someone
# "the office's head" and never says "in charge".
_IN_CHARGE = re.compile(
    r"(?P<who>\bwho(?:'s|\s+is|\s+was|\s+will\s+be))\s+(?:now\s+|currently\s+)?in\s+charge\s+of",
    re.IGNORECASE,
)


def _leading_verb_as_title(text: str, known: Callable[[str], bool]) -> str:
    """ "who runs the hospital?" asks for whoever leads it: of a story that never says
    "runs" (in any form) but names "the hospital's chief executive", it asks "who is
    the chief executive of the hospital?", which the role rules answer."""
    match = _WHO_LEADS.match(text)
    if match is None:
        return text
    typed = match.group("verb").lower()
    forms = _LEADING_VERBS[typed]
    if forms[0] in _OWN_DOERS_ONLY:
        if _verb_said(forms, known):
            return text  # "coached" said: the doer rule finds who ("coach" is a noun too)
    elif any(known(form) for form in forms):
        return text
    # the verb's own doer first: "who leads the opposition?" of "leader of the opposition";
    # then a title that means the one who runs a whole body ("chief executive")
    doers = _DOERS.get(forms[0], ())
    if forms[0] in _OWN_DOERS_ONLY:
        # "who chairs the board?" asks for no chief executive, "who owns the club?" for no
        # coach: asked as the doer's title, a story that never gives it names no holder
        own = next((doer for doer in doers if all(map(known, doer.split()))), doers[0])
        return f"{match.group('who')} is the {own} of {text[match.end() :]}"
    titles = (*doers, *_EXECUTIVES)
    title = next((title for title in titles if all(map(known, title.split()))), None)
    if title is None:
        # then another leading verb the article uses, in the tense typed: "who leads
        # the unit?" of "Marta Quiroga, who heads the city's armed robbery unit" (a
        # "director" there may head anything)
        tense = forms.index(typed)
        verb = next((other[tense] for other in _VERB_GROUPS if _verb_said(other, known)), None)
        if verb is not None:
            return f"{match.group('who')} {verb} {text[match.end() :]}"
        title = next((t for t in _HEAD_TITLES if all(map(known, t.split()))), None)
    if title is None:
        return text
    return f"{match.group('who')} is the {title} of {text[match.end() :]}"


def _verb_said(forms: tuple[str, ...], known: Callable[[str], bool]) -> bool:
    """Whether the article uses a leading verb as a verb: its "-s" or past form ("heads",
    "led"); its base and "-ing" forms are as often a noun or an adjective ("a head",
    "a leading expert")."""
    return known(forms[1]) or known(forms[2])


# "who runs", "who heads", "who led": each verb's forms (base, "-s", past, "-ing"), any of
# which the article may use.
_VERB_GROUPS = (
    ("head", "heads", "headed", "heading"),
    ("lead", "leads", "led", "leading"),
    ("run", "runs", "ran", "running"),
    ("manage", "manages", "managed", "managing"),
    ("chair", "chairs", "chaired", "chairing"),
    ("coach", "coaches", "coached", "coaching"),
    ("own", "owns", "owned", "owning"),
)
_LEADING_VERBS = {form: forms for forms in _VERB_GROUPS for form in forms}
# The nouns for whoever does what a leading verb says.
_DOERS = {
    "lead": ("leader",),
    "manage": ("manager",),
    "chair": ("chairman", "chairwoman", "chairperson", "chair"),
    "coach": ("coach", "manager"),
    "own": ("owner",),
}
# Verbs whose doer no other title stands for: a chair is not the chief executive.
_OWN_DOERS_ONLY = frozenset({"chair", "coach", "own"})
_WHO_LEADS = re.compile(
    r"(?P<who>who)\s+(?P<verb>runs|ran|heads|headed|leads|led|manages|managed|chairs|chaired"
    r"|coaches|coached|owns|owned)\s+",
    re.IGNORECASE,
)


# Titles news gives whoever leads a company, an agency, a club or a school: a loose
# word's stand-ins, most specific first. "head" only as "the head of": a "head coach",
# "head office" or "head injury" is no one's head.
_EXECUTIVES = ("chief executive", "ceo", "managing director")
_HEAD_TITLES = (*_EXECUTIVES, "director", "chief", "leader")
_LEADER_TITLES: dict[str, tuple[str, ...]] = {
    "boss": (*_EXECUTIVES, "manager", "coach", "director", "chief"),
    "head": _HEAD_TITLES,
    "manager": ("coach",),
    "coach": ("manager",),
}
_SINGULAR_LEADERS = {"bosses": "boss", "heads": "head", "managers": "manager", "coaches": "coach"}
_LEADER = re.compile(
    r"\b(?:(?P<word>boss(?:es)?|managers?|coach(?:es)?)\b|(?P<head>heads?)\s+of\b)",
    re.IGNORECASE,
)
# The word before a leader word, read from the end of the text before it (at most
# this many characters): it tells an office ("the coach", "Liège's coach", "the Liège
# coach") from a way to travel ("by coach").
_BEFORE_REACH = 40
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "whose"})


def _names_a_holder(before: str) -> bool:
    """Whether the word before a leader word makes it an office: a determiner, an
    owner's possessive or a name ("the boss", "Aldmark's boss", "Liège manager")."""
    tail = before[-_BEFORE_REACH:]
    if not tail[-1:].isspace() or not tail.strip():
        return False
    word = tail.split()[-1]
    if word.lower() in _DETERMINERS:
        return True
    return word.lower().endswith(("'s", "’s")) or word[:1].isupper()


def correct_typos(
    text: str, known: Callable[[str], bool], proper: Callable[[str], bool] = lambda _: False
) -> str:
    """Replace each unknown word by the single known word one edit away, if there is one.

    ``known`` tells whether a lower-case word occurs in the article, ``proper``
    whether the article only ever writes it capitalized (a name, which the
    correction then capitalizes too). Short words,
    function words and numbers are never touched: at one edit from "is" lies half
    the dictionary.
    """

    def replace(match: re.Match[str]) -> str:
        word = match.group(0)
        lower = word.lower()
        if len(lower) < _MIN_TYPO_LENGTH or lower in FUNCTION_WORDS or lower in NUMBER_WORDS:
            return word
        if not lower.isascii():
            return word  # edits are ASCII letters: an accented word is left as typed
        if known(lower) or is_english_word(lower):
            return word  # "country" is not a typo because the article says "County"
        fixed = _one_edit_away(lower, known)
        if fixed is None:
            return word
        return fixed.capitalize() if word[0].isupper() or proper(fixed) else fixed

    return _WORD.sub(replace, text)


@lru_cache(maxsize=4096)
def _one_edit_away(word: str, known: Callable[[str], bool]) -> str | None:
    """The one known word a single edit from ``word``, memoized per vocabulary."""
    candidates = {edit for edit in _edits(word) if known(edit)}
    return candidates.pop() if len(candidates) == 1 else None


def _edits(word: str) -> set[str]:
    """All strings one deletion, transposition, substitution or insertion from ``word``."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [left + right[1:] for left, right in splits if right]
    transposes = [
        left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1
    ]
    substitutes = [left + char + right[1:] for left, right in splits if right for char in _ALPHABET]
    inserts = [left + char + right for left, right in splits for char in _ALPHABET]
    return set(deletes + transposes + substitutes + inserts) - {word}
