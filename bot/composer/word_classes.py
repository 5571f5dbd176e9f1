"""A light part-of-speech guess, from word lists and suffixes, for finding noun phrases.

A short answer is almost always a noun phrase ("polynomial-time reduction", "the
Kommersant newspaper"), rarely a verb ("used") or an adverb ("respectively").
Without a trained tagger, a word's class is guessed from closed lists (function
words), a list of common verbs with their inflections, and suffixes (-ly adverbs,
-tion nouns, -ous adjectives). Words used both ways ("use", "report") count as
nouns in their base form, since in an answer they mostly are.

A participle between a determiner or adjective and a noun is a modifier, not a
verb ("the deterministic sorting algorithm", "complicated definitions").
"""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache

from bot.composer.data_tables import read_table
from bot.composer.lexicon import COPULAS, FUNCTION_WORDS, PREPOSITIONS, SPEECH_STEMS
from bot.composer.tokens import Token

__all__ = ["WordClass", "classify", "is_common_word", "looks_plural", "word_class"]


class WordClass(StrEnum):
    FUNCTION = "function"
    VERB = "verb"
    ADVERB = "adverb"
    ADJECTIVE = "adjective"
    NOUN = "noun"
    NAME = "name"
    NUMBER = "number"
    PUNCTUATION = "punctuation"


# Base forms of common verbs that are seldom nouns; their inflections are verbs too.
_VERBS = frozenset(
    """
    accept achieve acquire act add admit adopt agree aim allow announce appear apply appoint
    argue arrive ask assume attempt avoid become begin believe belong build buy calculate
    capture carry cause choose claim close collapse come compare compete compute concern
    conclude confirm conquer consider consist construct contain continue contribute convert
    create decide declare deem defeat define deliver demand deny depend derive describe
    destroy determine develop die differ discover discuss divide emerge emulate employ enable
    encode encounter end ensure enter establish evaluate examine exist expand expect explain
    express extend fail fall feel find finish follow forbid force form found gain get give go
    govern grant grow happen hear help hold identify ignore imply impose improve include
    increase indicate inherit insist intend introduce invade invent involve join keep kill
    know lack last lead learn leave let lie like live lose maintain make manage marry mean
    meet mention mirror move name need note notice obtain occur offer operate oppose order
    own participate pass perform permit persuade place play possess prefer prepare present
    prevent produce prohibit promise propose protect prove provide publish pursue put reach
    read realize receive recognize reduce refer refuse regard reject relate release rely
    remain remember remove replace report represent require resist respond restore result
    return reveal rise rule run say see seek seem select sell send separate serve set settle
    share show sign solve speak spend stand start state stay stop study succeed suggest
    supply support suppose surrender take talk tell tend think threaten throw transfer
    translate travel treat try turn understand unite use visit wait want warn win wish write
    """.split()
)
_IRREGULAR = frozenset(
    """
    was were been is are am be being did done does had has having went gone took taken gave
    given knew known made came saw seen said told thought found got gotten held kept left
    led lost meant met paid put read ran rose risen sent set sat stood struck swore sworn
    taught understood won wrote written became begun began brought built bought caught
    chose chosen drew drawn drove driven fell fallen felt fought flew flown forbade
    forbidden forgot forgotten froze grew grown heard hid hidden hung laid lay lent lit
    overthrew overthrown rode ridden rang rung sang sung sank shook shaken shot showed shown
    shut slept sold spoke spoken spent split spread stole stolen swept swam swung threw
    thrown wore worn wound woke woken withdrew withdrawn
    """.split()
)
_NOUN_SUFFIXES = (
    "tion",
    "sion",
    "ment",
    "ness",
    "ity",
    "ance",
    "ence",
    "ism",
    "ist",
    "ship",
    "hood",
    "ery",
    "ics",
    "logy",
    "graphy",
    "ure",
    "age",
    "dom",
    "er",
    "or",
    "ee",
    "eer",
)
_ADJECTIVE_SUFFIXES = ("ous", "ful", "ive", "able", "ible", "less", "ical", "ic", "ary", "al")
_LY_NOUNS = frozenset("family italy july supply reply ally rally anomaly monopoly assembly".split())


_LEXICON_CLASSES = {
    "n": WordClass.NOUN,
    "v": WordClass.VERB,
    "a": WordClass.ADJECTIVE,
    "r": WordClass.ADVERB,
}


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, WordClass]:
    """The usual class of common words, read once from the package's data."""
    return {
        word: _LEXICON_CLASSES[code]
        for word, code in read_table("word_classes.tsv")
        if code in _LEXICON_CLASSES
    }


def _inflections(base: str) -> set[str]:
    forms = {base, base + "s", base + "es", base + "ed", base + "ing", base + "d"}
    if base.endswith("e"):
        forms |= {base[:-1] + "ing", base + "d"}
    if base.endswith("y"):
        forms |= {base[:-1] + "ies", base[:-1] + "ied"}
    if len(base) > 2 and base[-1] not in "aeiouwxy" and base[-2] in "aeiou":
        forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return forms


_VERB_FORMS = frozenset(form for base in _VERBS for form in _inflections(base)) | _IRREGULAR


def is_speech_verb(token: Token) -> bool:
    """A verb of speech ("said", "told", "confirmed"), not a word sharing its stem that is
    more often something else ("state", "note")."""
    return token.stem in SPEECH_STEMS and word_class(token.lower) is WordClass.VERB


def can_be_verb(lower: str) -> bool:
    """Whether a word may be a verb, even where it is more often a noun: after "to",
    "return" and "support" are infinitives ("sold it to return the money")."""
    return lower in _VERB_FORMS or word_class(lower) is WordClass.VERB


def looks_plural(lower: str) -> bool:
    """Whether a lower-case word reads as a plural by its ending ("crops", not "class",
    "census" or "analysis")."""
    return lower.endswith("s") and not lower.endswith(("ss", "us", "is"))


def is_common_word(lower: str) -> bool:
    """Whether the tagger lexicon knows the word: common English, not a name of its own."""
    return lower in _lexicon()


@lru_cache(maxsize=1 << 15)
def word_class(lower: str) -> WordClass:
    """The class of a lower-case word out of context.

    A common word takes its usual class from the tagger lexicon
    (``bot/data/word_classes.tsv``); any other word is guessed from its form.
    """
    if lower in FUNCTION_WORDS:
        return WordClass.FUNCTION
    if lower[:1].isdigit():
        return WordClass.NUMBER
    known = _lexicon().get(lower)
    if known is not None:
        return known
    if lower in _VERB_FORMS:
        return WordClass.VERB
    if lower.endswith("ly") and lower not in _LY_NOUNS and len(lower) > 4:
        return WordClass.ADVERB
    if lower.endswith(_NOUN_SUFFIXES):
        return WordClass.NOUN
    if lower.endswith(_ADJECTIVE_SUFFIXES):
        return WordClass.ADJECTIVE
    if lower.endswith(("ed", "ing")) and len(lower) > 5:
        return WordClass.VERB
    return WordClass.NOUN


def classify(tokens: tuple[Token, ...]) -> tuple[WordClass, ...]:
    """Classes of ``tokens`` in context: names, participles used as modifiers, and the
    first word of a preposition of two ("due to", "prior to")."""
    classes = [_context_free(token, index) for index, token in enumerate(tokens)]
    for index, token in enumerate(tokens[:-1]):
        if token.lower in _BEFORE_TO and tokens[index + 1].lower == "to":
            classes[index] = WordClass.FUNCTION
    for index, token in enumerate(tokens):
        if (
            classes[index] is WordClass.NOUN
            and index > 0
            and token.lower.endswith("ing")
            and tokens[index - 1].lower in _PROGRESSIVE_AUXILIARIES
        ):
            classes[index] = WordClass.VERB  # "is testing residents": a verb, no noun
            continue
        if _a_verbs_noun(tokens, classes, index):
            classes[index] = WordClass.NOUN  # "from sleep deprivation", "the rescue team"
            continue
        if classes[index] is not WordClass.VERB or not token.lower.endswith(("ed", "ing")):
            continue
        before = classes[index - 1] if index > 0 else WordClass.PUNCTUATION
        after = classes[index + 1] if index + 1 < len(tokens) else WordClass.PUNCTUATION
        before_word = tokens[index - 1].lower if index > 0 else ""
        opens_phrase = before in {WordClass.ADJECTIVE, WordClass.NOUN} or before_word in {
            "the",
            "a",
            "an",
            "its",
            "their",
            "his",
            "her",
            "of",
            "some",
            "many",
            "most",
        }
        # "are called randomized algorithms", "with reinforced concrete", "two armed men":
        # a past participle after a naming verb, a preposition or a number modifies too
        # (an "-ing" word there is more often a gerund: "by using computers").
        opens_phrase = opens_phrase or (
            token.lower.endswith("ed")
            and (
                before_word in _NAMING_VERBS
                or before_word in PREPOSITIONS
                or before is WordClass.NUMBER
            )
        )
        if opens_phrase and after in {WordClass.NOUN, WordClass.NAME, WordClass.ADJECTIVE}:
            classes[index] = WordClass.ADJECTIVE
    return tuple(classes)


def _a_verbs_noun(tokens: tuple[Token, ...], classes: list[WordClass], index: int) -> bool:
    """Whether a verb's bare form at ``index`` is a noun naming another ("from sleep
    deprivation", "the rescue team"): after an article, an owner or a preposition (not
    "to", which makes it an infinitive: "to rescue workers") and before a noun."""
    lower = tokens[index].lower
    if (
        classes[index] is not WordClass.VERB
        or index == 0
        or index + 1 >= len(tokens)
        or lower.endswith(("ed", "ing", "s"))
        or classes[index + 1] is not WordClass.NOUN
    ):
        return False
    before = tokens[index - 1].lower
    return before != "to" and (before in PREPOSITIONS or before in _NOUN_OPENERS)


# Words after which a phrase names a thing: articles and owners.
_NOUN_OPENERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "your", "my"})


# Auxiliaries before which a word in -ing is the verb of a progressive ("is testing").
_PROGRESSIVE_AUXILIARIES = COPULAS | {"be", "been", "am"}
# Words that with "to" make a preposition: "due to the presence of melatonin" has no
# noun "due", "prior to 1990" no adjective "prior".
_BEFORE_TO = frozenset({"due", "prior", "owing", "according", "pursuant", "thanks"})

_NAMING_VERBS = frozenset({"called", "named", "termed", "dubbed", "labelled", "labeled"})


def _context_free(token: Token, index: int) -> WordClass:
    if not token.is_word:
        return WordClass.PUNCTUATION
    if token.is_capitalized and index > 0 and token.lower not in FUNCTION_WORDS:
        return WordClass.NAME
    return word_class(token.lower)
