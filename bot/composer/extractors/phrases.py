"""Noun phrases: the general-purpose candidates for "what/which" questions and definitions.

Three rules, from most to least specific:

- :func:`extract_head_matches`: the question names the kind of answer ("what cyber
  hack", "which newspaper"); where the article uses that noun, the answer is what
  names it: the capitalized or quoted words right before it ("the SolarWinds cyber
  hack", "'Leaders on Climate Change' summit") or an apposition after it
  ("technologies, such as carbon removal").
- :func:`extract_definitions`: "who is X?" / "what is X?": the role before a name
  ("Putin's foreign policy adviser Yuri Ushakov"), an apposition after it
  ("X, a former spy,"), or a copula ("X is a ...").
- :func:`extract_chunks`: any run of content words between function words or
  punctuation, the fallback that scoring ranks by closeness to the question's words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from bot.composer.candidates import Candidate, Sentence
from bot.composer.extractors.names import a_name_word, is_nationality
from bot.composer.gazetteer import load_gazetteer
from bot.composer.lexicon import (
    AFFILIATIONS,
    AUXILIARIES,
    CALENDAR_WORDS,
    CONJUNCTIONS,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    DETERMINERS,
    FUNCTION_WORDS,
    HONORIFICS,
    LED_BY,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    PERSON_NOUNS,
    PLACE_NOUNS,
    POSSESSIVE_PRONOUNS,
    PREPOSITIONS,
    PRONOUNS,
    QUOTE_MARKS,
    ROLE_TITLES,
    TIME_NOUNS,
    VENUE_NOUNS,
    is_cardinal,
    opens_a_job,
    says_not,
)
from bot.composer.noun_kinds import is_a_kind_of
from bot.composer.person_words import PERSON_STEMS
from bot.composer.tokens import Token, groups_digits
from bot.composer.word_classes import (
    WordClass,
    can_be_verb,
    classify,
    is_common_word,
    is_speech_verb,
    looks_plural,
    word_class,
)
from retrieval.analysis import stem

__all__ = [
    "BASED",
    "content_end",
    "extract_agents",
    "extract_bases",
    "extract_chunks",
    "extract_definitions",
    "extract_head_matches",
    "extract_names_given",
    "extract_person_nouns",
    "extract_place_phrases",
    "phrase_end",
]

_MAX_CHUNK_TOKENS = 6
_MAX_ROLE_TOKENS = 6
_APPOSITION_OPENERS = (
    ("such", "as"),
    ("including",),
    ("like",),
    ("called",),
    ("named",),
    ("known", "as"),
    ("dubbed",),
    ("namely",),
    ("for", "example"),
    ("for", "instance"),
    ("e.g.",),
    ("i.e.",),
)
_CHUNK_JOINERS = frozenset({"of", "and", "-", "'s"})
_PHRASE_CLASSES = frozenset({WordClass.ADJECTIVE, WordClass.NOUN, WordClass.NAME, WordClass.NUMBER})
_HEAD_CLASSES = frozenset({WordClass.NOUN, WordClass.NAME, WordClass.NUMBER})
_PUNCTUATION_STOPS = frozenset({",", ";", ":", ".", "(", ")", "!", "?", "—", "–"})
_COPULAS = frozenset({"is", "was", "are", "were"})
_PERSON_NOUN_STEMS = frozenset(stem(word) for word in PERSON_NOUNS)
_PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "on", "near", "inside", "outside", "from", "to"}
    | {"behind", "beside", "opposite", "beneath", "under", "across", "along"}
)


def extract_chunks(sentence: Sentence) -> Iterator[Candidate]:
    """Yield noun phrases: runs of adjectives, nouns, names and numbers ending in a noun.

    "of" and "and" join two such runs ("analysis of algorithms", "time and space");
    a phrase that ends in an adjective is offered at a lower fit. Sub-phrases
    without the leading modifiers are offered too, as an answer may be shorter.
    """
    tokens = sentence.tokens
    classes = classify(tokens)
    index = 0
    while index < len(tokens):
        if classes[index] not in _PHRASE_CLASSES:
            index += 1
            continue
        last = index
        probe = index + 1
        while probe < len(tokens) and probe - index < _MAX_CHUNK_TOKENS:
            if _counts_after_a_noun(tokens, classes, probe) or _a_plurals_verb(
                tokens, classes, probe
            ):
                # "the rocket's upper stage 58 minutes after launch", "nonconservative
                # forces act to change": a new amount, or the plural noun's verb
                break
            if classes[probe] in _PHRASE_CLASSES:
                last = probe
            elif not (
                (tokens[probe].lower in _CHUNK_JOINERS or groups_digits(tokens, probe))
                and probe + 1 < len(tokens)
                and classes[probe + 1] in _PHRASE_CLASSES
            ) or _a_new_amount(tokens, classes, probe):
                break
            probe += 1
        if last > index and _owner_cut_off(tokens, last):
            # the length cap fell on "driver's" of "... taxi driver's conviction": no phrase
            # ends on an owner; the next one starts there
            index = last
            continue
        if last == index and _an_infinitive(tokens, index):
            index += 1  # "did not expect inflation to return to target": a verb
            continue
        head_class = classes[last]
        fit = 0.35 if head_class in _HEAD_CLASSES else 0.15
        first = _with_its_currency(tokens, index)
        yield Candidate(sentence, first, last, "chunk", fit)
        listed = _list_end(tokens, classes, last)
        if listed is not None:
            yield Candidate(sentence, first, listed, "chunk:list", fit)
        for start in range(index + 1, last + 1):
            if (
                classes[start] in _PHRASE_CLASSES
                and tokens[start - 1].lower not in _CHUNK_JOINERS
                and not groups_digits(tokens, start - 1)
            ):
                if classes[start - 1] is WordClass.NAME and classes[start] is WordClass.NAME:
                    continue  # never cut a name in two
                yield Candidate(sentence, start, last, "chunk", fit * 0.9)
        index = last + 1


def _an_infinitive(tokens: tuple[Token, ...], index: int) -> bool:
    """Whether the lone word at ``index`` is a verb after "to", its complement opening
    next on a preposition, an article or a pronoun ("to return to target", "to buy the
    firm"), not a noun ("went to school.")."""
    if index == 0 or index + 1 >= len(tokens) or tokens[index - 1].lower != "to":
        return False
    following = tokens[index + 1].lower
    return can_be_verb(tokens[index].lower) and (
        following in PREPOSITIONS or following in DETERMINERS or following in PRONOUNS
    )


def _with_its_currency(tokens: tuple[Token, ...], first: int) -> int:
    """The phrase's first token, back over the currency sign of an amount it opens on:
    "€250 in compensation", not "250"."""
    if first > 0 and tokens[first].is_number and tokens[first - 1].text in CURRENCY_SIGNS:
        return first - 1
    return first


def _a_new_amount(tokens: tuple[Token, ...], classes: tuple[WordClass, ...], joiner: int) -> bool:
    """Whether the joiner at ``joiner`` goes from a noun to a number: "6% this year and
    3% in 2027" lists two amounts; no phrase is "year and 3" ("10th and 11th centuries"
    joins two numbers)."""
    return (
        classes[joiner + 1] is WordClass.NUMBER
        and classes[joiner - 1] is not WordClass.NUMBER
        and tokens[joiner].lower in {"and", "or"}
    )


def _counts_after_a_noun(
    tokens: tuple[Token, ...], classes: tuple[WordClass, ...], at: int
) -> bool:
    """Whether a number at ``at`` opens a new amount after a common noun: "upper stage
    [58 minutes]", "the bay [23 vessels]" (a number that names, "Article 65", "stage 2",
    counts nothing after it)."""
    before, number = tokens[at - 1], tokens[at]
    if not number.is_number or at + 1 >= len(tokens):
        return False
    counted = tokens[at + 1]
    return (
        classes[at - 1] is WordClass.NOUN
        and not before.is_capitalized
        and counted.is_word
        and not counted.is_capitalized
        and classes[at + 1] is WordClass.NOUN
        and looks_plural(counted.lower)
    )


def _a_plurals_verb(tokens: tuple[Token, ...], classes: tuple[WordClass, ...], at: int) -> bool:
    """Whether the word at ``at``, a noun by its usual class, is the verb of the plural
    noun before it: a verb's bare form agreeing with it, then what a verb takes ("to", an
    article, a pronoun): "forces act to", "the rebels seize the"; "the sales tax" and
    "workers' pay rise" are nouns."""
    word = tokens[at].lower
    if (
        at + 1 >= len(tokens)
        or classes[at] is not WordClass.NOUN
        or looks_plural(word)
        or not can_be_verb(word)
        or classes[at - 1] is not WordClass.NOUN
        or not looks_plural(tokens[at - 1].lower)
    ):
        return False
    following = tokens[at + 1].lower
    return following == "to" or following in DETERMINERS or following in PRONOUNS


def _owner_cut_off(tokens: tuple[Token, ...], last: int) -> bool:
    """Whether the phrase ending at ``last`` ends on a possessive whose noun follows."""
    return (
        tokens[last].lower.endswith(("'s", "’s"))
        and last + 1 < len(tokens)
        and tokens[last + 1].is_word
    )


# Items of a list looked at ("obesity, alcoholism, and drug use").
_MAX_LIST_ITEMS = 8


def _list_end(tokens: tuple[Token, ...], classes: tuple[WordClass, ...], last: int) -> int | None:
    """Where a list that opens with the phrase ending at ``last`` ends, if it is one.

    "primary law, secondary law and supplementary law": phrases joined by commas
    whose last one follows "and" or "or". A plural question often wants them all.
    """
    end = last
    for _ in range(_MAX_LIST_ITEMS):
        at = end + 1
        if at >= len(tokens) or tokens[at].text != ",":
            return None
        at += 1
        closing = at < len(tokens) and tokens[at].lower in {"and", "or"}
        at += closing
        if at >= len(tokens) or classes[at] not in _PHRASE_CLASSES:
            return None
        end = at
        while end + 1 < len(tokens) and end + 1 - at < _MAX_CHUNK_TOKENS:
            following = end + 1
            if classes[following] in _PHRASE_CLASSES:
                end = following
            elif (
                tokens[following].lower in {"and", "or"}
                and following + 1 < len(tokens)
                and classes[following + 1] in _PHRASE_CLASSES
            ):
                closing = True
                end = following + 1
            else:
                break
        if closing:
            return end
    return None


def _item_and_list(
    sentence: Sentence, head: int, item: tuple[int, int] | None, rule: str, fit: float
) -> Iterator[Candidate]:
    """The item a head rule found, and the whole list it opens (an apposition after the
    head) or closes (a copula's subject) when the sentence's head noun at ``head`` is
    plural: "conditions such as A, B, and C" and "A, B, and C are causes" name all three,
    and the rule found only the item beside the noun."""
    if item is None:
        return
    yield Candidate(sentence, item[0], item[1], rule, fit)
    tokens = sentence.tokens
    if not looks_plural(tokens[head].lower):
        return
    classes = classify(tokens)
    if item[0] > head:
        end = _list_end(tokens, classes, item[1])
        if end is not None:
            yield Candidate(sentence, item[0], end, rule, fit)
    else:
        start = _list_start(tokens, classes, item[0])
        if start is not None:
            yield Candidate(sentence, start, item[1], rule, fit)


def _list_start(
    tokens: tuple[Token, ...], classes: tuple[WordClass, ...], first: int
) -> int | None:
    """Where a list that closes with the phrase starting at ``first`` starts, if it is one:
    "obesity, alcoholism, and drug use" read back from "drug use". The mirror of
    :func:`_list_end`: the last item follows "and" or "or", the others commas."""
    at = first - 1
    if at < 2 or tokens[at].lower not in {"and", "or"}:
        return None
    commas = int(tokens[at - 1].text == ",")
    at -= commas
    start: int | None = None
    for _ in range(_MAX_LIST_ITEMS):
        # at stands on the "and"/"or" or the comma after an item
        end = at - 1
        if end < 0 or classes[end] not in _PHRASE_CLASSES:
            break
        begin = end
        while (
            begin > 0 and end - begin < _MAX_CHUNK_TOKENS and classes[begin - 1] in _PHRASE_CLASSES
        ):
            begin -= 1
        if begin > 0 and tokens[begin - 1].lower in PREPOSITIONS:
            break  # "In developed countries, obesity, ...": an opening phrase, no item
        start = begin
        if begin < 2 or tokens[begin - 1].text != ",":
            break
        commas += 1
        at = begin - 1
    return start if commas else None


def extract_head_matches(sentence: Sentence, head: tuple[str, ...]) -> Iterator[Candidate]:
    """Yield what names the question's head noun where the sentence uses it."""
    if not head:
        return
    tokens = sentence.tokens
    for index, token in enumerate(tokens):
        if token.stem != head[-1]:
            continue
        # Skip the head's own modifiers from the question ("cyber" in "cyber hack").
        start = index
        for modifier in reversed(head[:-1]):
            if start > 0 and tokens[start - 1].stem == modifier:
                start -= 1
        within = _name_around(tokens, index)
        if within is not None:
            # "the Denver Museum of Western Art" for "which museum": the name holds the noun.
            yield Candidate(sentence, within[0], within[1], "head:name", 1.0)
        before = _naming_words_before(sentence, start)
        if before is not None:
            yield Candidate(sentence, before[0], before[1], "head:modifier", 1.0)
        phrase_start = _modifiers_before(sentence, start)
        if phrase_start is not None:
            # "the time and space hierarchy theorems": the whole phrase names it.
            yield Candidate(sentence, phrase_start, index, "head:phrase", 0.8)
        # "the federation's state secretary, Teresa Okonkwo-Hall" names no state: the
        # head's word only modifies the noun after it
        modifies = _modifies_the_next(tokens, index)
        named = None if modifies else _name_or_title_after(sentence, index)
        if named is not None:
            # "his fiancée Berengaria", "the complexity class P": the name follows its noun;
            # 'his landmark paper, "Reducibility Among Combinatorial Problems"': so does a title.
            yield Candidate(sentence, named[0], named[1], "head:name", 1.0)
        # "chronic conditions such as heart disease, chronic pain, and asthma"
        after = _apposition_after(sentence, index)
        yield from _item_and_list(sentence, index, after, "head:apposition", 0.9)
        described = (
            None
            if modifies
            else _name_described(tokens, phrase_start if phrase_start is not None else start)
        )
        if described is not None:
            # "Minera Altiplano, the mid-sized company that operates the mine"
            yield Candidate(sentence, described[0], described[1], "head:name", 1.0)
        # "obesity, alcoholism, and drug use are common causes"
        copula = _subject_of_copula(sentence, start)
        yield from _item_and_list(sentence, index, copula, "head:copula", 0.7)


def _modifies_the_next(tokens: tuple[Token, ...], index: int) -> bool:
    """Whether the word at ``index`` modifies a common noun after it ("state" of "state
    secretary", "company" of "company chief executive"), so that the phrase names that
    noun's kind, not its own."""
    after = index + 1
    return (
        after < len(tokens)
        and tokens[after].is_word
        and not tokens[after].is_capitalized
        and tokens[after].lower not in FUNCTION_WORDS
        and word_class(tokens[after].lower) is WordClass.NOUN
    )


_NAME_JOINERS = frozenset({"of", "for", "the", "and", "&"})


def _name_around(tokens: tuple[Token, ...], index: int) -> tuple[int, int] | None:
    """The capitalized name that holds the word at ``index``, if it has other words."""
    if index == 0 or not tokens[index].is_capitalized:
        return None
    first = index
    while first > 1 and index - first < _MAX_CHUNK_TOKENS and _is_name_word(tokens[first - 1]):
        first -= 1
    last = index
    probe = index + 1
    while probe < len(tokens) and probe - index <= _MAX_CHUNK_TOKENS:
        if _is_name_word(tokens[probe]):
            last = probe
        elif tokens[probe].lower not in _NAME_JOINERS:
            break
        probe += 1
    return (first, last) if last > first else None


def _is_name_word(token: Token) -> bool:
    return token.is_word and token.is_capitalized and token.lower not in FUNCTION_WORDS


def extract_definitions(sentence: Sentence, target: str) -> Iterator[Candidate]:
    """Yield descriptions of ``target`` (a name or term) found in ``sentence``."""
    target_words = _words(target)
    if len(target_words) > 1 and target_words[0].lower in _SHORTENING_NOUNS:
        target_words = target_words[1:]  # "what does the acronym FIS stand for?"
    target_stems = [token.stem for token in target_words]
    if not target_stems:
        return
    surname = _surname_of(target_words)
    tokens = sentence.tokens
    for index in range(len(tokens)):
        end = _match_at(tokens, index, target_stems)
        if end is None and surname is not None and _stands_alone(tokens, index):
            end = _match_at(tokens, index, surname)
        if end is None or tokens[end].lower.endswith("'s"):
            continue  # "Acme's toaster line" says what it owns, not what it is
        spelled = _spelled_out_before(tokens, index, end) or _spelled_out_after(tokens, end)
        if spelled is not None:
            # "The Computer Science Network (CSNET)": what the short form stands for
            yield Candidate(sentence, spelled[0], spelled[1], "definition:expansion", 1.0)
        # A role stands before a name ("foreign policy adviser Yuri Ushakov"), not before a
        # common word ("the city council voted" says nothing of what a vote is).
        named = tokens[index].is_capitalized or not is_common_word(tokens[index].lower)
        # a term no dictionary knows is a name too ("the drug relvaxaban")
        role = _role_before(sentence, index) if named else None
        if role is not None:
            yield Candidate(sentence, role[0], role[1], "definition:role", 1.0)
        after = _description_after(sentence, end)
        if after is not None:
            yield Candidate(sentence, after[0], after[1], "definition:apposition", 0.9)
        before = _thing_set_before(tokens, index, end) if named else None
        if before is not None:
            yield Candidate(sentence, before[0], before[1], "definition:apposition", 0.8)
        body = _affiliation_after(sentence, end) if tokens[index].is_capitalized else None
        if body is not None:
            yield Candidate(sentence, body[0], body[1], "definition:affiliation", 0.5)
        led = _body_led(tokens, index) if named else None
        if led is not None:
            # "the Crane Operators' Union, led by Ewa Ziółkowska": what she leads
            yield Candidate(sentence, led[0], led[1], "definition:leader", 0.8)
        kind = _kind_after(sentence, index, end) or _kind_named(tokens, index)
        if kind is not None:
            yield Candidate(sentence, kind[0], kind[1], "definition:kind", 0.7)


def extract_bases(sentence: Sentence) -> Iterator[Candidate]:
    """Yield "Split-based" of "the Split-based operator": where a body is based, said in a
    modifier (the reply drops "-based")."""
    for index, token in enumerate(sentence.tokens):
        lower = token.lower
        if token.is_capitalized and lower.endswith(BASED) and len(lower) > len(BASED):
            yield Candidate(sentence, index, index, "place:based", 0.8)


# The ending of a modifier naming where a body is based.
BASED = "-based"


def extract_place_phrases(sentence: Sentence) -> Iterator[Candidate]:
    """Yield "in/at/on + noun phrase" cut after a place-like noun or a name.

    "in a mystery country this summer" yields "a mystery country"; a phrase ending in a
    map word (country, city, border) fits better than a venue (television, jail); a
    name right after the preposition ("fled to Normandy") fits well; a phrase owned
    by a pronoun ("his kingdom") less so.
    """
    tokens = sentence.tokens
    classes: tuple[WordClass, ...] | None = None
    for index, token in enumerate(tokens):
        if token.lower not in _PLACE_PREPOSITIONS:
            continue
        classes = classes or classify(tokens)
        best: tuple[int, float] | None = None
        first = index + 1
        for probe in range(index + 1, min(len(tokens), index + 2 + _MAX_CHUNK_TOKENS)):
            word = tokens[probe]
            if _place_phrase_ends(tokens, classes, probe, dated=best is None):
                break
            joins_name = (
                word.lower == "of"
                and best is not None
                and probe + 1 < len(tokens)
                and tokens[probe + 1].is_capitalized
            )
            if word.lower == "of" and best is not None and tokens[best[0]].lower in _COMPASS:
                continue  # "from the north of the country"
            if joins_name:
                if best is not None and not tokens[best[0]].is_capitalized and best[1] > 0.6:
                    # "in the city of Deabolis", "in the province of Ulster": the name is the
                    # place; "the city" alone says nothing a reader did not know.
                    first, best = probe + 1, None
                continue
            if not word.is_word or word.lower in PREPOSITIONS or word.lower in _AFTER_A_PLACE:
                break  # "in the final as striker Malik Diabaté scored": the place ends
            if word.is_capitalized and _a_places_own(tokens[probe - 1]):
                # "pulling away from Kenya's Collins Kiptanui": from a person, no place
                # ("at St. Aldric's Hospital" is one name)
                best = None
                break
            fit = _place_word_fit(tokens, index, first, probe, best)
            if fit is not None:
                best = (probe, fit)
        if (
            best is not None
            and not _counts_places(tokens, first, best[0])
            and not _a_rank(tokens, first, best[0])
        ):
            fit = best[1] * (0.6 if tokens[first].lower in POSSESSIVE_PRONOUNS else 1.0)
            yield Candidate(sentence, first, best[0], "place:phrase", fit)


def _place_word_fit(
    tokens: tuple[Token, ...],
    preposition: int,
    first: int,
    probe: int,
    best: tuple[int, float] | None,
) -> float | None:
    """How well a place phrase ending at ``probe`` names a place, or None when the word
    there ends none: a map word best, a direction ("the north") or a venue less, a name
    by where it stands (right after the preposition, or after "the city of")."""
    word = tokens[probe]
    if word.lower in PLACE_NOUNS:
        return 0.9
    if word.lower in _COMPASS and tokens[probe - 1].lower in _ARTICLE_WORDS:
        return 0.7  # "the north", "the west of Lisbon"
    if word.lower in VENUE_NOUNS or _compound_venue(tokens, preposition, probe):
        return 0.55
    if (
        word.is_capitalized
        and word.lower not in CALENDAR_WORDS
        and (
            best is None
            or tokens[best[0]].is_capitalized
            or tokens[best[0]].lower in _COMPASS  # "the west of Lisbon"
        )
        and not _describes_next(tokens, probe)
    ):
        return 0.9 if first > preposition + 1 else 0.65 if probe == first else 0.45
    return None


# The parts of a country or a city named by a direction: "the north of the country".
_COMPASS = frozenset("north south east west northeast northwest southeast southwest".split())
_ARTICLE_WORDS = frozenset({"the"})
# Words that open a clause after a place: "in the final as striker X scored".
_AFTER_A_PLACE = frozenset({"as", "while", "when", "where", "because", "although", "though"})


def _place_phrase_ends(
    tokens: tuple[Token, ...], classes: tuple[WordClass, ...], probe: int, *, dated: bool
) -> bool:
    """Whether the words after a place preposition stop being its object at ``probe``:
    at a verb, at a time said before any place ("on Wednesday convicted ..."), or at
    the speaker "I" ("At half-time I told them"; not the numeral of "World War I")."""
    word = tokens[probe]
    if classes[probe] is WordClass.VERB or (dated and word.lower in CALENDAR_WORDS):
        return True
    return word.text == "I" and not tokens[probe - 1].is_capitalized


def _a_places_own(token: Token) -> bool:
    """ "Kenya's": a known place's possessive, so what follows is the place's own."""
    for ending in ("'s", "’s"):
        if token.text.endswith(ending):
            return load_gazetteer().kind(token.text[: -len(ending)]) is not None
    return False


def _compound_venue(tokens: tuple[Token, ...], preposition: int, probe: int) -> bool:
    """ "the Dunmore community centre", "a power plant", "the sports complex": a noun that
    names a venue only after a word saying which kind ("the center" of a city is none)."""
    return (
        tokens[probe].lower in _COMPOUND_VENUES
        and probe > preposition + 1
        and tokens[probe - 1].is_word
        and tokens[probe - 1].lower not in FUNCTION_WORDS
    )


_COMPOUND_VENUES = frozenset({"centre", "center", "complex", "plant", "facility"})


def _counts_places(tokens: tuple[Token, ...], first: int, last: int) -> bool:
    """ "firefighters from nine states", "sold in 112 countries": a number of places is
    no place (but "10 Downing Street" is one)."""
    counted = tokens[last]
    return (
        (tokens[first].is_number or tokens[first].lower in NUMBER_WORDS)
        and not counted.is_capitalized
        and looks_plural(counted.lower)
    )


def _a_rank(tokens: tuple[Token, ...], first: int, last: int) -> bool:
    """ "came down in third place", "finished in 22nd position": a standing in a race or a
    table, no place on a map."""
    return tokens[last].lower in _RANKED and any(
        token.lower in ORDINAL_WORDS or token.lower == "last" or _NUMBERED.fullmatch(token.lower)
        for token in tokens[first:last]
    )


_RANKED = frozenset({"place", "position", "spot"})
_NUMBERED = re.compile(r"\d{1,3}(?:st|nd|rd|th)")  # "22nd"


def _describes_next(tokens: tuple[Token, ...], index: int) -> bool:
    """ "at a Chilean copper mine": a nationality describing the noun after it is no place."""
    return _lower_word_after(tokens, index) is not None and is_nationality(tokens[index].lower)


def _lower_word_after(tokens: tuple[Token, ...], index: int) -> Token | None:
    """The lower-case word right after ``index``: the noun a word before it may describe."""
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if following is None or not following.is_word or following.is_capitalized:
        return None
    return following


def extract_person_nouns(sentence: Sentence) -> Iterator[Candidate]:
    """Yield common nouns that name people ("doctors", "senior Russian officials")."""
    tokens = sentence.tokens
    for index, token in enumerate(tokens):
        if not token.is_word or not _names_people(token) or token.is_capitalized:
            continue
        if word_class(token.lower) is WordClass.VERB:
            continue  # "reported" shares its stem with "reporter"
        if _describes_a_noun(tokens, index):
            continue  # "personal details", "a criminal forum", "customer data": no one
        first = index
        while first > 0 and _is_modifier(tokens[first - 1]) and index - first < 3:
            first -= 1
        yield Candidate(sentence, index, index, "person:noun", 0.7)
        if first < index:
            yield Candidate(sentence, first, index, "person:noun", 0.65)


def _names_people(token: Token) -> bool:
    """Whether the word names a kind of person: the common titles and roles, or a noun
    whose usual senses WordNet files under "person" ("guard", "thief", "nephew")."""
    if token.lower in CURRENCY_WORDS:
        return False  # "rand", "won": money, whatever else WordNet files them under
    return token.stem in _PERSON_NOUN_STEMS or (
        word_class(token.lower) is WordClass.NOUN and is_a_kind_of(token.lower, "person")
    )


def _describes_a_noun(tokens: tuple[Token, ...], index: int) -> bool:
    """Whether the singular word at ``index`` stands before a noun as its modifier."""
    following = _lower_word_after(tokens, index)
    return (
        following is not None
        and not looks_plural(tokens[index].lower)
        and word_class(following.lower) is WordClass.NOUN
    )


def extract_agents(sentence: Sentence) -> Iterator[Candidate]:
    """Yield the doer after "by" ("built by the rolling stock maker Corvel"): who did it."""
    tokens = sentence.tokens
    for index, token in enumerate(tokens):
        if token.lower != "by":
            continue
        end = _doer_end(tokens, index + 1, phrase_end(tokens, index + 1))
        phrase = tokens[index + 1 : end + 1]
        if end <= index or _measures(phrase) or _deadline(phrase) or _no_doer(phrase):
            continue  # "raised by half a percentage point", "cut by about 27%": no doer
        yield Candidate(sentence, index + 1, end, "agent", 0.6)
        first_name = end
        while first_name > index + 1 and a_name_word(tokens[first_name - 1]):
            first_name -= 1  # "Muhammad Abd al-Salaam Farag": a particle's name too
        if a_name_word(tokens[end]) and first_name > index + 1:
            yield Candidate(sentence, first_name, end, "agent:name", 0.9)


def _doer_end(tokens: tuple[Token, ...], start: int, end: int) -> int:
    """The doer ends before what it did: "inventors" of "by inventors to demonstrate the
    properties", "Watt" of "by Watt in order to illustrate"."""
    for index in range(start + 1, end + 1):
        word = tokens[index].lower
        if word == "to" or (
            word == "in" and index + 1 <= end and tokens[index + 1].lower == "order"
        ):
            return content_end(tokens, start, index - 1)
    return end


def _no_doer(phrase: Sequence[Token]) -> bool:
    """Whether "by" opens a way or a manner, not a doer: "by far the most famous",
    "by condensing steam", "by either slowing it down", "by contrast"."""
    first = phrase[0].lower
    return first in _NOT_DOERS or (first.endswith("ing") and word_class(first) is WordClass.VERB)


# Words that after "by" say how, not who: "by far", "by means of", "by chance".
_NOT_DOERS = frozenset(
    "far either means way hand contrast comparison chance default accident mistake "
    "design nature definition virtue dint".split()
)
# What says a phrase after "by" is an amount of change, not who did it.
_AMOUNT_WORDS = frozenset({"percent", "percentage", "point", "points", "%", "$", "€", "£", "¥"})
_APPROXIMATELY = frozenset({"about", "nearly", "roughly", "around", "almost", "more", "less", "up"})


def _measures(phrase: Sequence[Token]) -> bool:
    return bool(phrase) and (
        phrase[0].lower in _APPROXIMATELY or any(t.lower in _AMOUNT_WORDS for t in phrase)
    )


def _deadline(phrase: Sequence[Token]) -> bool:
    """Whether a phrase after "by" is a time ("by Friday", "by 2028", "by the end of
    January", "by next week"): a deadline, not who did it."""
    for position, token in enumerate(phrase):
        plain = not token.is_capitalized  # "Monday Night Football" is a name
        if plain and (token.lower in _DEADLINE_NOUNS or token.lower in _TIME_POINTS):
            return True
        if token.text.isdigit() and len(token.text) == 4 and position == len(phrase) - 1:
            return True  # "by 2028"; not "by the 2019 winner Ana Ruiz"
        if token.lower in CALENDAR_WORDS and not _in_a_name(phrase, position):
            return True
    return False


def _in_a_name(phrase: Sequence[Token], position: int) -> bool:
    """Whether the month or weekday at ``position`` is part of a person's name: "by May"
    is a time, "by Ana March" and "by June Carter" are doers."""
    before = phrase[position - 1] if position > 0 else None
    after = phrase[position + 1] if position + 1 < len(phrase) else None
    return (before is not None and before.is_word and before.is_capitalized) or (
        after is not None
        and after.is_word
        and after.is_capitalized
        and after.lower not in CALENDAR_WORDS
    )


# Words that name a point of a span of time: "by the end of the year", "by then".
_TIME_POINTS = frozenset({"end", "start", "beginning", "middle", "then", "now"})
# The time nouns of a deadline; "second" is an ordinal as often ("by a second gunman").
_DEADLINE_NOUNS = TIME_NOUNS - {"second"}


def _is_content(token: Token) -> bool:
    return token.is_word and token.lower not in FUNCTION_WORDS


def _is_modifier(token: Token) -> bool:
    """A content word that can stand before a noun: not a verb ("called Russian leader")."""
    return _is_content(token) and word_class(token.lower) is not WordClass.VERB


def _words(text: str) -> list[Token]:
    from bot.composer.tokens import tokenize

    return [token for token in tokenize(text) if token.is_word and token.lower not in DETERMINERS]


def _spelled_out_before(tokens: tuple[Token, ...], index: int, end: int) -> tuple[int, int] | None:
    """The name a short form in brackets at ``index``..``end`` stands for, right before the
    bracket: "The Computer Science Network (CSNET)", "Front Islamique de Salut (FIS)"."""
    if index < 2 or tokens[index - 1].text != "(" or end + 1 >= len(tokens):
        return None
    if tokens[end + 1].text != ")":
        return None
    last = index - 2
    if not a_name_word(tokens[last]):
        return None
    first = last
    probe = last - 1
    while probe >= 0 and last - probe <= _SPELLED_OUT_TOKENS:
        if a_name_word(tokens[probe]):
            first = probe
        elif tokens[probe].lower not in _NAME_PARTICLES_INSIDE and "-" not in tokens[probe].text:
            break  # a hyphenated modifier stays inside: "Very high-speed Backbone ..."
        probe -= 1
    return first, last


def _spelled_out_after(tokens: tuple[Token, ...], end: int) -> tuple[int, int] | None:
    """The name a short form at ``end`` stands for, after "or": "the FIS or Front
    Islamique de Salut"; its capitals' initials must spell the short form."""
    short = tokens[end].text
    if not (2 <= len(short) <= _SPELLED_OUT_TOKENS and short.isupper() and short.isalpha()):
        return None
    first = end + 1 + (end + 1 < len(tokens) and tokens[end + 1].text == ",")
    if first >= len(tokens) or tokens[first].lower != "or":
        return None
    first += 1
    last = None
    initials = []
    for probe in range(first, min(len(tokens), first + _SPELLED_OUT_TOKENS)):
        token = tokens[probe]
        if a_name_word(token):
            initials.append(token.text[0].upper())
            last = probe
        elif token.lower not in _NAME_PARTICLES_INSIDE:
            break
    if last is None or "".join(initials) != short:
        return None
    return first, last


# A spelled-out name is at most this long ("Very high-speed Backbone Network Service").
_SPELLED_OUT_TOKENS = 10
# Lower-case words inside a spelled-out name ("Front Islamique de Salut").
_NAME_PARTICLES_INSIDE = frozenset({"of", "for", "and", "the", "de", "du", "des", "la", "le"})
# Nouns a "what does the X Y stand for?" question puts before the short form asked about.
_SHORTENING_NOUNS = frozenset({"acronym", "abbreviation", "initialism", "initials"})
# A person's full name asked about runs to this many words ("Mary Ann Evans").
_LONGEST_NAME = 3


def _surname_of(target: list[Token]) -> list[str] | None:
    """The surname of a full name asked about: news names "Tomasz Zieliński" once and then
    writes "Zieliński, a retired firefighter, said". A common word ends the name of a
    body, not a person: "Cross" alone is not "the Red Cross"."""
    if (
        2 <= len(target) <= _LONGEST_NAME
        and all(_is_name_word(token) for token in target)
        and not is_common_word(target[-1].lower)
    ):
        return [target[-1].stem]
    return None


def _stands_alone(tokens: tuple[Token, ...], index: int) -> bool:
    """Whether a capitalized word at ``index`` is a name of its own, not the end of another
    full name ("Anna Zieliński" is not Tomasz)."""
    return tokens[index].is_capitalized and (index == 0 or not _is_name_word(tokens[index - 1]))


def _match_at(tokens: tuple[Token, ...], index: int, stems: list[str]) -> int | None:
    """If the target's words start at ``index``, return the index of its last token."""
    if index + len(stems) > len(tokens):
        return None
    for offset, wanted in enumerate(stems):
        if tokens[index + offset].stem != wanted:
            return None
    return index + len(stems) - 1


def _naming_words_before(sentence: Sentence, index: int) -> tuple[int, int] | None:
    """Capitalized or quoted words right before ``index``: "the SolarWinds [hack]"."""
    tokens = sentence.tokens
    last = index - 1
    if last < 0:
        return None
    if tokens[last].text in {'"', "'"}:
        closing = last
        opening = next(
            (i for i in range(closing - 1, -1, -1) if tokens[i].text == tokens[closing].text), None
        )
        if opening is not None and closing - opening > 1:
            return opening + 1, closing - 1
        return None
    first = last
    while first >= 0 and _is_naming_word(tokens[first]):
        if first < last and tokens[first].lower.endswith("'s"):
            break  # "Russia's Kommersant newspaper": the owner is not the name
        first -= 1
    first += 1
    if first > last:
        return None
    if first > 0 and tokens[first - 1].lower in {"a", "an"}:
        return None  # "a New York magazine" is some magazine from New York: none named
    if looks_plural(tokens[index].lower) and all(_counts(token) for token in tokens[first:index]):
        return None  # "Two trustees" (a sentence's first word) counts them, names none
    if first == 0 and last == 0 and _a_plain_word(tokens[0]):
        return None  # "Drug-resistant bacteria outbreak ...": a capital that opens a line
    return first, last


def _a_plain_word(token: Token) -> bool:
    """Whether a capitalized word is an ordinary one, a line's first: a hyphenated modifier
    in lower case after its capital ("Drug-resistant"; not "Norvane-1" nor "Anglo-Saxon")."""
    parts = token.text.split("-")
    return len(parts) > 1 and all(part.isalpha() and part.islower() for part in parts[1:])


def _name_after(sentence: Sentence, index: int) -> tuple[int, int] | None:
    """Capitalized words right after the head noun at ``index``, joined by "of"/"the"."""
    tokens = sentence.tokens
    first = index + 1
    if first >= len(tokens) or not _is_naming_word(tokens[first]):
        return None
    last = first
    probe = first + 1
    while probe < len(tokens):
        if _is_naming_word(tokens[probe]):
            last = probe
        elif not (
            tokens[probe].lower in {"of", "the", "de"}
            and probe + 1 < len(tokens)
            and _is_naming_word(tokens[probe + 1])
        ):
            break
        probe += 1
    return first, last


def _name_or_title_after(sentence: Sentence, index: int) -> tuple[int, int] | None:
    """The name or quoted title right after the head noun at ``index``. (A capitalized
    head is part of a name itself: "University College London" has no "College London"
    after a noun "university"; a title in quotation marks still follows it.)"""
    if not sentence.tokens[index].is_capitalized:
        named = _name_after(sentence, index)
        if named is not None:
            return named
    return _title_after(sentence.tokens, index)


# Marks that open and close a title, and how many words a title may hold.
_TITLE_MARKS = {'"': '"', "“": "”", "'": "'", "‘": "’"}
_MAX_TITLE_WORDS = 12


def _title_after(tokens: tuple[Token, ...], index: int) -> tuple[int, int] | None:
    """The words in quotation marks right after the noun at ``index`` (a comma between
    allowed), when they open with a capital and close within a title's length."""
    opening = index + 1
    if opening < len(tokens) and tokens[opening].text == ",":
        opening += 1
    if opening + 1 >= len(tokens) or tokens[opening].text not in _TITLE_MARKS:
        return None
    closing_mark = _TITLE_MARKS[tokens[opening].text]
    if not tokens[opening + 1].is_capitalized:
        return None
    reach = min(len(tokens), opening + 2 + _MAX_TITLE_WORDS)
    closing = next(
        (probe for probe in range(opening + 2, reach) if tokens[probe].text == closing_mark), None
    )
    return (opening + 1, closing - 1) if closing is not None else None


def _is_naming_word(token: Token) -> bool:
    return (
        token.is_word
        and token.lower not in FUNCTION_WORDS
        and (token.is_capitalized or token.is_number)
    )


def _modifiers_before(sentence: Sentence, index: int) -> int | None:
    """Start of the lower-case modifiers before the head at ``index``, if any (a count
    of a plural head is none)."""
    tokens = sentence.tokens
    classes = classify(tokens)
    first = index
    while first > 0 and index - first < _MAX_CHUNK_TOKENS:
        previous = first - 1
        if classes[previous] in {WordClass.ADJECTIVE, WordClass.NOUN, WordClass.NUMBER} or (
            tokens[previous].lower in {"and", "-"}
            and previous > 0
            and classes[previous - 1]
            in {
                WordClass.ADJECTIVE,
                WordClass.NOUN,
            }
        ):
            first = previous
        else:
            break
    if looks_plural(tokens[index].lower):
        # "112 countries" counts them; it names none ("which country?"); "the 19th
        # century engines" still says which
        while first < index and _counts(tokens[first]):
            first += 1
    return first if first < index else None


def _counts(token: Token) -> bool:
    """ "112", "1,100", "nine", "thousands": a cardinal number, not an order ("19th")."""
    return is_cardinal(token.lower)


def _name_described(tokens: tuple[Token, ...], start: int) -> tuple[int, int] | None:
    """The name that the noun phrase starting at ``start`` describes, set off before it:
    "Minera Altiplano" of "according to Minera Altiplano, the mid-sized company". Only
    after "the" or "a" (a description), and only a name that ends at the comma."""
    article = start - 1
    if article < 2 or tokens[article].lower not in {"the", "a", "an"}:
        return None
    if tokens[article - 1].text != ",":
        return None
    last = article - 2
    first = last
    while first > 0 and last - first < _MAX_CHUNK_TOKENS and _is_name_word(tokens[first - 1]):
        first -= 1
    if not _is_name_word(tokens[last]) or (first == 0 and last == 0):
        return None
    if any(token.lower in CALENDAR_WORDS for token in tokens[first : last + 1]):
        return None  # "On Monday, the company said": a date, not the company
    return first, last


def _apposition_after(sentence: Sentence, index: int) -> tuple[int, int] | None:
    """ "technologies, such as carbon removal": the words after an apposition opener."""
    tokens = sentence.tokens
    probe = index + 1
    if probe < len(tokens) and tokens[probe].text == ",":
        probe += 1
    lowers = [token.lower for token in tokens]
    for opener in _APPOSITION_OPENERS:
        if tuple(lowers[probe : probe + len(opener)]) == opener:
            start = probe + len(opener)
            if start < len(tokens) and lowers[start] in PRONOUNS:
                break  # "a magazine called her work decorative": a verb, no name
            end = phrase_end(tokens, start)
            if end >= start:
                return start, end
    if index + 1 < len(tokens) and tokens[index + 1].text == ",":
        start = index + 2
        end = phrase_end(tokens, start)
        if end >= start and tokens[start].is_capitalized:
            return start, end
    return _name_after_clause(tokens, index)


# Words of a relative clause between a noun and the name set off after it.
_CLAUSE_REACH = 5
_CLAUSE_OPENERS = PRONOUNS | {"that", "which", "who"}


def _name_after_clause(tokens: tuple[Token, ...], index: int) -> tuple[int, int] | None:
    """ "a private company he controlled, Lakeshore Consulting,": the name after a short
    relative clause on the noun, where the name plainly ends (at a mark): "a firm he
    ran, Ortiz said" has the speaker there, not the firm."""
    comma = next(
        (
            probe
            for probe in range(index + 2, min(len(tokens), index + 2 + _CLAUSE_REACH))
            if not tokens[probe].is_word
        ),
        None,
    )
    if comma is None or tokens[comma].text != ",":
        return None
    clause = tokens[index + 1 : comma]
    opens = clause[0].lower in _CLAUSE_OPENERS or word_class(clause[0].lower) is WordClass.VERB
    if not opens or not any(word_class(token.lower) is WordClass.VERB for token in clause):
        return None
    last = comma
    for probe in range(comma + 1, min(len(tokens), comma + 1 + _MAX_CHUNK_TOKENS)):
        if not _is_name_word(tokens[probe]):
            break
        last = probe
    closed = last + 1 >= len(tokens) or not tokens[last + 1].is_word
    return (comma + 1, last) if last > comma and closed else None


def _subject_of_copula(sentence: Sentence, index: int) -> tuple[int, int] | None:
    """ "X is the [head]": X, the words before a copula that precedes the head."""
    tokens = sentence.tokens
    probe = index - 1
    while probe >= 0 and index - probe <= _MAX_CHUNK_TOKENS and _modifies(tokens[probe]):
        probe -= 1
    if probe < 1 or tokens[probe].lower not in _COPULAS:
        return None
    last = probe - 1
    if (
        last >= 2
        and tokens[last].lower in {"which", "who", "that"}
        and tokens[last - 1].text == ","
    ):
        last -= 2  # "the Harvard Library, which is the largest library system"
    elif tokens[last].text in {",", ")"}:
        # "Islamism, also known as Political Islam (...), is a revival movement":
        # the subject opens the sentence, set off by the comma.
        return _opening_subject(tokens, probe)
    first = last
    while first > 0 and _is_content(tokens[first - 1]) and last - first < _MAX_CHUNK_TOKENS:
        first -= 1
    if not _is_content(tokens[last]):
        return None
    return _name_start(tokens, first), last


def _name_start(tokens: tuple[Token, ...], first: int) -> int:
    """Where the name whose last part starts at ``first`` starts: "the European Court of
    Justice is ..." is said of the court, not of "Justice"."""
    if not _is_name_word(tokens[first]):
        return first
    start = first
    for _ in range(_MAX_CHUNK_TOKENS):
        if start > 0 and _is_name_word(tokens[start - 1]):
            start -= 1
        elif (
            start > 1
            and tokens[start - 1].lower in _NAME_JOINERS - {"the"}
            and _is_name_word(tokens[start - 2])
        ):
            start -= 2
        else:
            break
    return start


_MODIFIER_WORDS = DETERMINERS | {"most", "best", "first", "main", "and"}


def _modifies(token: Token) -> bool:
    """A word of the modifiers before a head: "the world's largest academic and private"."""
    lower = token.lower
    return (
        lower in _MODIFIER_WORDS
        or lower.endswith("'s")
        or (lower not in FUNCTION_WORDS and word_class(lower) is WordClass.ADJECTIVE)
    )


def _opening_subject(tokens: tuple[Token, ...], copula: int) -> tuple[int, int] | None:
    """The noun phrase that opens the sentence when a comma or bracket follows it."""
    first = 0
    while first < copula and tokens[first].lower in DETERMINERS:
        first += 1
    last = first
    while last + 1 < copula and _is_content(tokens[last + 1]) and last - first < _MAX_CHUNK_TOKENS:
        last += 1
    if first >= copula or not _is_content(tokens[first]) or tokens[last + 1].text not in {",", "("}:
        return None
    return first, last


def _role_before(sentence: Sentence, index: int) -> tuple[int, int] | None:
    """The role written before a name at ``index``.

    "imprisoned Russian opposition activist [Alexei Navalny]", "Putin's foreign
    policy adviser [Yuri Ushakov]", a capitalized title ("U.S. Attorney [Gloria
    Reyes]", "Mining Minister [Carolina Espinoza]"), or a role set off by a comma
    ("the firm's chief executive, [Lena Ortiz],").
    """
    tokens = sentence.tokens
    last = index - 1
    complement_end = None
    if last >= 0 and tokens[last].lower.rstrip(".") in HONORIFICS:
        last -= 1  # "Clinic director Dr. [Omar Haddad]": the role ends before the title
    if last >= 1 and tokens[last].text == ",":
        ends = _role_set_off(tokens, last - 1)
        if ends is None:
            return None
        last, complement_end = ends
    first = last + 1
    probe = last
    while probe >= 0 and last - probe < _MAX_ROLE_TOKENS:
        token = tokens[probe]
        if not token.is_word or token.lower in FUNCTION_WORDS or is_speech_verb(token):
            break
        first = probe
        if token.lower.endswith("'s"):
            # A possessor opens the role ("Putin's foreign policy adviser").
            break
        probe -= 1
    if first < last and tokens[first].lower == "one":
        first += 1  # "One firefighter, Andrés Quiles,": a firefighter
    if first > last:
        return None
    if _verb_at_edge(tokens, first, last):
        return None  # "the ruling covers [Acme]", "to meet Vladimir [Putin]": a clause
    role = tokens[first : last + 1]
    if all(token.is_capitalized for token in role) and not any(
        token.stem in _PERSON_NOUN_STEMS for token in role
    ):
        return None  # more of the name, not a role
    end = _before_first_names(tokens, first, last)
    if not _one_persons_role(tokens[first : end + 1]):
        return None
    return (first, end if complement_end is None else complement_end)


def _role_set_off(tokens: tuple[Token, ...], last: int) -> tuple[int, int | None] | None:
    """Where a role set off by a comma before its holder's name ends (``last`` is the
    word before the comma), and where the words after it that say what it is for end:
    "the firm's chief executive, Lena Ortiz", "the city's deputy mayor for transport,
    Marek Sobczyk". None when no one's role ends there."""
    complement_end = None
    if not _a_person_noun(tokens[last]):
        role_end = _role_before_complement(tokens, last)
        if role_end is None:
            return None
        complement_end, last = last, role_end
    if word_class(tokens[last].lower) is WordClass.ADVERB:
        return None  # "A month prior, Biden": WordNet's "prior" is a monk, seldom here
    if looks_plural(tokens[last].lower):
        return None  # "two researchers, Jonas Krüger and Zoë Adeyemi": not one's role
    return last, complement_end


def _a_person_noun(token: Token) -> bool:
    """A word for a person, or a specialist's word WordNet's person nouns may lack
    ("geochemist", "volcanologist")."""
    return token.stem in PERSON_STEMS or (
        not token.is_capitalized
        and len(token.lower) >= _SHORTEST_SPECIALIST
        and token.lower.endswith(("ist", "ician"))
    )


# "-ist" words shorter than this are seldom people ("wrist", "exist", "assist").
_SHORTEST_SPECIALIST = 8


def _role_before_complement(tokens: tuple[Token, ...], last: int) -> int | None:
    """Where a role ends before the words that say what it is for or of, which end at
    ``last``: "mayor" of "deputy mayor for transport", "secretary" of "secretary of state
    for heritage", "regent" of "The regent of West Bandung" (at most a few words after
    "for" or "of")."""
    for joint in range(last - 1, max(0, last - _COMPLEMENT_WORDS - 1), -1):
        token = tokens[joint]
        if not token.is_word:
            return None
        if token.lower in {"for", "of"} and joint >= 1 and _a_person_noun(tokens[joint - 1]):
            return joint - 1
    return None


# The most words between a role and the comma before its holder's name.
_COMPLEMENT_WORDS = 4


def _one_persons_role(role: Sequence[Token]) -> bool:
    """Whether the words before a name can be one person's role: not an amount ("a loan
    of 4 million australes"), nor a plural ("divers Tomasz Zieliński, 52, and Ewa
    Brzęczek" is the role of both)."""
    if any(token.is_number or token.text.replace(",", "").isdigit() for token in role):
        return False
    return role[-1].is_capitalized or not looks_plural(role[-1].lower)


def _thing_set_before(tokens: tuple[Token, ...], index: int, end: int) -> tuple[int, int] | None:
    """The common noun phrase a name is set off after: "the company's sister ship, [the
    Kornat Wind], which", "their shared currency, [the austral], announced", "her
    publisher, [Edições Almadina],". Only with "the" before the name or an owner before
    the noun, and a comma or the sentence's end after it: "... ship, the Kornat Wind
    arrived" says no more than a list does."""
    the_before = index >= 1 and tokens[index - 1].lower == "the"
    comma = index - 2 if the_before else index - 1
    if comma < 1 or tokens[comma].text != ",":
        return None
    if end + 1 < len(tokens) and tokens[end + 1].text not in {",", ".", ";"}:
        return None
    if not the_before and not _owned_noun_before(tokens, comma):
        return None
    last = comma - 1
    head = tokens[last]
    if not head.is_word or head.is_capitalized or word_class(head.lower) is not WordClass.NOUN:
        return None
    first = last
    probe = last - 1
    while probe >= 0 and last - probe < _MAX_ROLE_TOKENS:
        token = tokens[probe]
        if not token.is_word or token.lower in FUNCTION_WORDS or token.lower.endswith("'s"):
            break
        first = probe
        probe -= 1
    return None if _verb_at_edge(tokens, first, last) else (first, last)


def _owned_noun_before(tokens: tuple[Token, ...], comma: int) -> bool:
    """Whether a noun with its owner stands before the comma: "her publisher, [Edições
    Almadina]," and "Haddad's company, [Nordstrand Residenz]," say what the name is
    even without "the" before it."""
    return comma >= 2 and (
        tokens[comma - 2].lower in POSSESSIVE_PRONOUNS or tokens[comma - 2].lower.endswith("'s")
    )


def _verb_at_edge(tokens: tuple[Token, ...], first: int, last: int) -> bool:
    """Whether the words before a name open or end with a verb, so are a clause: a
    participle that modifies the role ("retired judge", "imprisoned activist") is no
    verb, nor a verb's spelling inside a compound ("the other lead author")."""
    context = max(0, first - 1)  # the word before tells a verb from a modifier
    classes = classify(tokens[context : last + 1])[first - context :]
    if classes[-1] is WordClass.VERB:
        return True
    return classes[0] is WordClass.VERB and not (
        first < last and tokens[first].lower.endswith("ed")
    )


def _before_first_names(tokens: tuple[Token, ...], first: int, last: int) -> int:
    """Where a role ends when the name is asked by its surname: "PRESIDENT Joe [Biden]",
    "foreign policy adviser Yuri [Ushakov]". Capitalized words after the role's last
    person noun are the person's first names, not part of the role. A capitalized word
    is a person noun only as a title ("Minister"): "striker Malik [Diabaté]" has a first
    name that WordNet also lists as a person noun (a malik, a chief)."""
    role_end = max(
        (index for index in range(first, last + 1) if _names_a_role(tokens[index])),
        default=last,
    )
    names = tokens[role_end + 1 : last + 1]
    return role_end if all(token.is_capitalized for token in names) else last


def _names_a_role(token: Token) -> bool:
    """A person noun written as a role: in lower case, or a title ("Minister", "PRESIDENT")."""
    return token.stem in PERSON_STEMS and (not token.is_capitalized or token.lower in ROLE_TITLES)


_RELATIVES = frozenset({"who", "whom", "whose", "which", "that", "where", "when"})
_NAMING_WORDS = frozenset({"known", "called", "named", "dubbed", "nicknamed"})


# Words that open no description after "X,": a second name ("and Ewa Brzęczek").
_CONJUNCTIONS = frozenset({"and", "but", "nor"})


def _description_after(sentence: Sentence, end: int) -> tuple[int, int] | None:
    """ "X, a former spy," or "X is a former spy": the description after the target."""
    tokens = sentence.tokens
    probe = end + 1
    if _works_as(tokens, probe):
        probe += 2  # "Conceição works as a physiotherapist"
    elif probe < len(tokens) and (
        tokens[probe].text in {",", "("} or tokens[probe].lower in _COPULAS
    ):
        probe += 1
    else:
        return None
    start = probe
    negated = start < len(tokens) and says_not(tokens[start].lower)
    if negated and tokens[probe - 1].lower in _COPULAS:
        return None  # "... of Limpotec was not disclosed": said of it, not what it is
    if _age_then_comma(tokens, start):
        start += 2  # "Patrick Doyle, 63, a retired teacher,": past the age to the description
    if start < len(tokens) and tokens[start].lower in _RELATIVES:
        return _relative_description(tokens, start)
    return _description_from(tokens, start, after_copula=tokens[probe - 1].lower in _COPULAS)


def _description_from(
    tokens: tuple[Token, ...], start: int, *, after_copula: bool
) -> tuple[int, int] | None:
    """The description that opens at ``start`` (after "X," or "X is"), if one does."""
    if _another_name_at(tokens, start):
        start += 1  # "the Zwarte Valk, or Black Falcon,": the name it is also known by
    if start < len(tokens) and tokens[start].lower in _NAMING_WORDS:
        # "The trial, known as ELDER-AF,": the name it goes by describes it best.
        start += 2 if start + 1 < len(tokens) and tokens[start + 1].lower == "as" else 1
    if after_copula and _predicate_adjective(tokens, start):
        return None  # "Relvaxaban is now available as a generic": a state, not what it is
    determined = start < len(tokens) and tokens[start].lower in {"a", "an", "the"}
    if determined:
        start += 1  # and a participle after it describes: "a retired teacher"
    elif start < len(tokens) and (
        tokens[start].lower in AUXILIARIES
        or classify(tokens[start : start + 1])[0] is WordClass.VERB
    ):
        # "X, said her client ..." or "the lawyer, X, had argued ...": a clause, not a description
        return None
    if start < len(tokens) and (
        ((tokens[start].is_number or _counts_a_list(tokens, start)) and not determined)
        or tokens[start].lower in PREPOSITIONS
    ):
        # "Lucia Marrero, 46," gives an age; "his wife, Pilar, three children and seven
        # grandchildren" a list; "Rosa Ortiz, of Albuquerque," a home; "a 68-metre ferry"
        # is a description still
        return None
    if (start < len(tokens) and tokens[start].lower in _CONJUNCTIONS) or _lone_adverb(
        tokens, start
    ):
        # "Tomasz Zieliński, 52, and Ewa Brzęczek": a second name, no description;
        # "Biden, however, warned": an aside, not what he is
        return None
    end_of_phrase = phrase_end(tokens, start)
    return (start, end_of_phrase) if end_of_phrase >= start else None


def _counts_a_list(tokens: tuple[Token, ...], start: int) -> bool:
    """ "three children" of "his wife, Pilar, three children and seven grandchildren": a
    number word counting things after a name lists them ("one of the last breweries"
    still says what it is)."""
    following = tokens[start + 1].lower if start + 1 < len(tokens) else ""
    return is_cardinal(tokens[start].lower) and following != "of"


def _relative_description(tokens: tuple[Token, ...], start: int) -> tuple[int, int] | None:
    """What a relative clause after a name at ``start`` says the person is or does:
    "Conceição, who works as a physiotherapist in Porto," or "Nowicki, who runs a
    furniture factory"; "Mayor Ana Ruiz, who does not vote ..." says neither."""
    if _does_a_job(tokens, start):
        return _job_clause(tokens, start + 1)
    if not _works_as(tokens, start + 1):
        return None
    return _description_from(tokens, start + 3, after_copula=False)


def _predicate_adjective(tokens: tuple[Token, ...], index: int) -> bool:
    """An adjective with its preposition at ``index``, after an adverb or not ("now
    available as", "responsible for"): what a thing is like, not what it is."""
    if index < len(tokens) and word_class(tokens[index].lower) is WordClass.ADVERB:
        index += 1
    return (
        index + 1 < len(tokens)
        and word_class(tokens[index].lower) is WordClass.ADJECTIVE
        and (tokens[index + 1].lower in PREPOSITIONS or tokens[index + 1].lower in {"as", "to"})
    )


def _another_name_at(tokens: tuple[Token, ...], index: int) -> bool:
    """ "or" then a capitalized word, after "X,": another name for X ("Zwarte Valk, or
    Black Falcon"), not a choice between two things."""
    return (
        index + 1 < len(tokens)
        and index > 0
        and tokens[index - 1].text == ","
        and tokens[index].lower == "or"
        and tokens[index + 1].is_capitalized
    )


def _lone_adverb(tokens: tuple[Token, ...], index: int) -> bool:
    """An adverb set off on its own ("however,", "meanwhile)"), where a description
    ("formerly a spy") would go on."""
    return (
        index < len(tokens)
        and word_class(tokens[index].lower) is WordClass.ADVERB
        and (index + 1 == len(tokens) or not tokens[index + 1].is_word)
    )


def _affiliation_after(sentence: Sentence, end: int) -> tuple[int, int] | None:
    """ "Lena Marsh of Bike Millbrook", "Omar Haddad from the Red Cross": the name of the
    body or place right after a person's name, which says who they are when nothing
    else does."""
    tokens = sentence.tokens
    at = end + 1
    if at >= len(tokens) or tokens[at].lower not in AFFILIATIONS:
        return None
    determined = at + 1 < len(tokens) and tokens[at + 1].lower == "the"
    name = _name_after(sentence, at + determined)
    return (at + 1, name[1]) if name is not None else None  # "the Red Cross", whole


def _kind_after(sentence: Sentence, start: int, end: int) -> tuple[int, int] | None:
    """ "the Amber Quay container terminal in Gdańsk": the common nouns after a name,
    with "the" before it, say what kind of thing it is ("container terminal"). Only
    where the phrase plainly ends (at a mark, a preposition, a conjunction or an
    auxiliary): "the Mondego river burst its banks" may have its verb in it."""
    tokens = sentence.tokens
    if start < 1 or tokens[start - 1].lower != "the" or not tokens[end].is_capitalized:
        return None
    after = end + 1
    stop = min(len(tokens), after + _KIND_WORDS)
    classes = classify(tokens[after:stop])
    last = None
    probe = after
    while probe < stop and not tokens[probe].is_capitalized:
        if classes[probe - after] not in {WordClass.NOUN, WordClass.ADJECTIVE}:
            break
        if classes[probe - after] is WordClass.NOUN:
            last = probe
        probe += 1
    if last is None or any(
        is_a_kind_of(token.lower, "event") for token in tokens[after : last + 1]
    ):
        # "the SolarWinds election hack", "the Enron scandal": an event named after a
        # name says what happened around it, not what the name is
        return None
    ends = last + 1 == len(tokens) or (
        not tokens[last + 1].is_word or tokens[last + 1].lower in _PHRASE_ENDS
    )
    return (after, last) if ends else None


def _kind_named(tokens: tuple[Token, ...], index: int) -> tuple[int, int] | None:
    """ "The ship, identified as the Zwarte Valk,", "a drug called relvaxaban": the noun
    that the name at ``index`` is given to says what kind of thing it is."""
    probe = index - 1
    if probe >= 0 and tokens[probe].lower == "the":
        probe -= 1
    if probe >= 1 and tokens[probe].lower == "as" and tokens[probe - 1].lower in _NAMED_AS:
        probe -= 2
    elif probe >= 0 and tokens[probe].lower in _NAMING_WORDS - {"known"}:
        probe -= 1
    else:
        return None
    if probe >= 0 and tokens[probe].text == ",":
        probe -= 1
    last = probe
    first = None
    classes = classify(tokens[max(0, last - _KIND_WORDS) : last + 1])
    for back in range(min(_KIND_WORDS, last + 1)):
        at = last - back
        word_class_at = classes[len(classes) - 1 - back]
        if (tokens[at].is_capitalized and at > 0) or word_class_at not in {
            WordClass.NOUN,
            WordClass.ADJECTIVE,
        }:
            break
        first = at
    if first is None or classes[-1] is not WordClass.NOUN:
        return None
    return first, last


def _body_led(tokens: tuple[Token, ...], index: int) -> tuple[int, int] | None:
    """The group or body a name at ``index`` leads: "the smaller Crane Operators' Union,
    led by Ewa Ziółkowska", "archaeologists from the Heritage Institute, headed by X"."""
    by = index - 1
    for _ in range(_FIRST_NAMES):
        if by > 0 and _is_name_word(tokens[by]):
            by -= 1  # "led by Ewa Ziółkowska" asked as "who is Ziółkowska?"
    if by < 2 or tokens[by].lower != "by" or tokens[by - 1].lower not in LED_BY:
        return None
    last = by - 2
    if tokens[last].text == ",":
        last -= 1
    first = None
    for at in range(last, max(-1, last - _BODY_WORDS), -1):
        token = tokens[at]
        if token.text in _APOSTROPHES and at > 0 and tokens[at - 1].lower.endswith("s"):
            continue  # "the Crane Operators' Union"
        if not token.is_word or token.lower in CONJUNCTIONS or token.lower in _BODY_STOPS:
            break
        first = at
    if first is not None:
        first = next(
            (at for at in range(first, last + 1) if tokens[at].lower not in FUNCTION_WORDS),
            None,
        )
    if first is None or not _is_content(tokens[last]):
        return None
    if first > 0 and tokens[first - 1].lower in DETERMINERS:
        first -= 1  # "the smaller Crane Operators' Union"
    return first, last


_APOSTROPHES = frozenset({"'", "’"})
# The most first names looked past before a surname.
_FIRST_NAMES = 3
# The most words of the group named before "led by".
_BODY_WORDS = 8
# Words no group's name runs back past: its verb or preposition ("called by two unions:").
_BODY_STOPS = frozenset({"by", "to", "with", "said", "says", "was", "were", "is", "are"})
# Participles that give a name with "as" ("identified as", "known as").
_NAMED_AS = frozenset({"identified", "known", "described", "listed", "registered"})
# The most nouns and modifiers read after a name ("copper mine", "private art museum").
_KIND_WORDS = 3
_PHRASE_ENDS = PREPOSITIONS | CONJUNCTIONS | AUXILIARIES


def _works_as(tokens: tuple[Token, ...], index: int) -> bool:
    """ "works as" at ``index``: what follows is the person's job."""
    return (
        index + 1 < len(tokens)
        and tokens[index].lower in _WORK_VERBS
        and tokens[index + 1].lower == "as"
    )


_WORK_VERBS = frozenset({"works", "worked", "working"})


def _does_a_job(tokens: tuple[Token, ...], index: int) -> bool:
    """ "who runs ...", "who is directing ...", "who has run ...": a relative clause at
    ``index`` that says what the person does, which describes them as a role would."""
    return (
        tokens[index].lower == "who"
        and index + 2 < len(tokens)
        and tokens[index + 2].is_word
        and opens_a_job(tokens[index + 1].lower, tokens[index + 2].lower)
    )


def _job_clause(tokens: tuple[Token, ...], verb: int) -> tuple[int, int] | None:
    """The verb phrase from ``verb`` to a mark or another clause: "runs a furniture
    factory near Bydgoszcz" of "..., who runs a furniture factory near Bydgoszcz that
    sends ..."."""
    end = verb
    for index in range(verb + 1, min(len(tokens), verb + 1 + _JOB_WORDS)):
        token = tokens[index]
        if not token.is_word or token.lower in _PHRASE_STOPS or token.lower in _TIME_CLAUSES:
            break
        end = index
    end = content_end(tokens, verb, end)
    return (verb, end) if end > verb else None


# Words that open a clause of time after a job ("taught for 22 years before being elected").
_TIME_CLAUSES = frozenset({"before", "after", "until", "since", "then"})


# The most words of such a clause after its verb.
_JOB_WORDS = 10


def _age_then_comma(tokens: tuple[Token, ...], index: int) -> bool:
    """ "63," at ``index``: the age news writes between a name and its description."""
    return (
        index + 1 < len(tokens)
        and tokens[index].text.isdigit()
        and len(tokens[index].text) <= 3
        and tokens[index + 1].text == ","
    )


# Words that end a noun phrase and begin a clause ("a physiotherapist in Porto when she
# is not racing", "a retired teacher who ...").
_PHRASE_STOPS = frozenset(
    {"which", "who", "whose", "that", "and", "when", "while", "because", "although", "if", "where"}
)


def extract_names_given(sentence: Sentence) -> Iterator[Candidate]:
    """The noun phrase a naming verb gives, for "what did X call Y?": after "called",
    "named", "dubbed", "termed" or "known as" ("a system called packet switching"), or
    after the verb and the pronoun it names ("called it packet switching", "proclaimed
    itself a caliphate"). No quotation marks needed, as the quote rule needs them."""
    tokens = sentence.tokens
    for index, token in enumerate(tokens[:-1]):
        if token.lower == "known" and tokens[index + 1].lower == "as":
            start = index + 2
        elif token.lower in _NAMING_VERBS:
            start = _past_the_named(tokens, index + 1)
        else:
            continue
        if start >= len(tokens) or not _opens_a_name(tokens[start]):
            continue  # "the places he named were in Persian": a verb follows, no name
        end = phrase_end(tokens, start)
        quoted = _quoted_within(tokens, start, end)
        if quoted is not None:
            start, end = quoted  # "a 'killer'": the quoted word is the name
        if end >= start:
            yield Candidate(sentence, start, end, "quote:named", 0.8)


def _quoted_within(tokens: tuple[Token, ...], start: int, end: int) -> tuple[int, int] | None:
    """The words between the first pair of quotation marks from ``start`` to ``end``, if
    the phrase opens on them (after an article at most): "a 'killer' in an interview"."""
    opening = start + (tokens[start].lower in {"a", "an", "the"})
    if opening > end or tokens[opening].text not in QUOTE_MARKS:
        return None
    # the closing mark may stand just past the phrase ("a "killer" and imposed")
    for close in range(opening + 1, min(len(tokens), end + 2)):
        if tokens[close].text in QUOTE_MARKS:
            return (opening + 1, close - 1) if close > opening + 1 else None
    return None


def _opens_a_name(token: Token) -> bool:
    """A word a given name may open with: no verb, auxiliary or preposition."""
    lower = token.lower
    return (
        token.is_word
        and lower not in AUXILIARIES
        and lower not in PREPOSITIONS
        and (token.is_capitalized or word_class(lower) is not WordClass.VERB)
    )


def _past_the_named(tokens: tuple[Token, ...], start: int) -> int:
    """Where the name given starts after a naming verb: past the pronoun it names ("called
    it X", "proclaimed itself X"), or past a name it names when an article follows
    ("called Putin a killer"); else right after the verb ("named Duarte Meireles")."""
    if start < len(tokens) and tokens[start].lower in _NAMED_PRONOUNS:
        return start + 1
    probe = start
    while (
        probe < len(tokens)
        and probe - start < _MAX_CHUNK_TOKENS
        and (a_name_word(tokens[probe]) or _describes_the_named(tokens, probe, start))
    ):
        probe += 1
    if probe > start and probe < len(tokens) and tokens[probe].lower in {"a", "an"}:
        return probe  # "called Putin a killer", "called the Russian leader a killer"
    return start


def _describes_the_named(tokens: tuple[Token, ...], probe: int, start: int) -> bool:
    """Whether the word at ``probe`` belongs to the noun phrase a naming verb names ("the
    Russian leader"): its article first, then adjectives and nouns."""
    lower = tokens[probe].lower
    if probe == start:
        return lower == "the"
    return tokens[probe].is_word and word_class(lower) in {WordClass.ADJECTIVE, WordClass.NOUN}


# Verbs, in the forms that give a name or a status to what they govern.
_NAMING_VERBS = frozenset(
    "call calls called named dubbed termed labelled labeled proclaimed".split()
)
# What a naming verb names before the name: "called it X", "proclaimed itself X".
_NAMED_PRONOUNS = frozenset("it itself him himself her herself them themselves".split())


def phrase_end(tokens: tuple[Token, ...], start: int) -> int:
    """The last token of the noun phrase from ``start``: before punctuation or a clause word."""
    end = start - 1
    classes = classify(tokens)
    for index in range(start, min(len(tokens), start + _MAX_CHUNK_TOKENS + 2)):
        token = tokens[index]
        if token.text in _PUNCTUATION_STOPS and groups_digits(tokens, index):
            continue  # "a $400,000 settlement"
        if token.text in _PUNCTUATION_STOPS or (token.lower in _PHRASE_STOPS and index > start):
            break
        if index > start and (token.lower in AUXILIARIES or _verb_of(tokens, classes, index)):
            break
        end = index
    return content_end(tokens, start, end)


def _verb_of(tokens: tuple[Token, ...], classes: tuple[WordClass, ...], index: int) -> bool:
    """Whether the word at ``index`` is the verb of the noun before it ("testosterone
    seems", "the rebellions broke"); not a participle after an adverb ("a privately held
    company") nor a gerund."""
    if classes[index - 1] not in {WordClass.NOUN, WordClass.NAME}:
        return False
    if _an_adverb(tokens[index], classes[index]):
        # "environmental determinism also suggested": an adverb after the noun opens
        # its verb
        return (
            index + 1 < len(tokens)
            and classes[index + 1] is WordClass.VERB
            and not tokens[index + 1].lower.endswith("ing")
        )
    return classes[index] is WordClass.VERB and not tokens[index].lower.endswith("ing")


def _an_adverb(token: Token, word_class_: WordClass) -> bool:
    """An adverb, or a function word that is one ("also", "still"): no preposition,
    determiner or conjunction."""
    if word_class_ is WordClass.ADVERB:
        return True
    lower = token.lower
    return (
        word_class_ is WordClass.FUNCTION
        and lower not in PREPOSITIONS
        and lower not in DETERMINERS
        and lower not in _JOINING_WORDS
    )


_JOINING_WORDS = frozenset({"and", "or", "but", "nor", "of", "as", "than"})


def content_end(tokens: tuple[Token, ...], start: int, end: int) -> int:
    """``end`` moved back past punctuation, function words and quantifiers: a phrase ends
    on a word that says something ("a pay rise of", "the reserves,", "a generic in many"
    end at "rise", "reserves", "generic")."""
    while end >= start and (
        not tokens[end].is_word
        or tokens[end].lower in FUNCTION_WORDS
        or tokens[end].lower in _QUANTIFIERS
    ):
        end -= 1
    return end


# Words of amount that need their noun ("in many countries").
_QUANTIFIERS = frozenset({"many", "several", "most", "all", "few", "much", "various"})
