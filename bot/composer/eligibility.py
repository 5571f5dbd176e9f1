"""Which candidates may answer a question: the rules that admit a span, or keep it out.

The extractors propose every span of a sentence that could be a date, a name, a
quantity or a phrase; a question admits only some of them. These are rules, not
weights: a span they keep out is never scored, because no weight should make it
an answer:

- the kind asked for: a date for "when", a quantity for "how many", a name, a
  role noun or a doer for "who", a description for "who is X?", a clause for
  "why" (a noun phrase too for "what caused ...?");
- a name of the kind asked for: never a person for "where", nor a nationality
  ("Russian") for "who";
- never the question's own name: the answer to "who called Putin a killer?" is
  not Putin;
- a quantity of the kind asked for: a day of a date ("April 13") never answers
  "how many", "how old" wants an age, "how much does it cost" an amount of money,
  "how many" a count (not money, a share, or someone's age), "how tall/fast/big?" a
  measure (a unit, a share or money; a count only for the size of a group), and
  "what was the score?" a score; a conversion in brackets ("180 millimeters (7 inches)") is the
  same amount again, not another;
- the words of the speaker asked about: "what did the minister say?" is not
  answered by a spokeswoman's quote;
- nothing that only repeats the question's words, and nothing that only stands
  for things ("either", "several", "many accidents"; "one" still answers "how
  many?");
- no bare date ("1281") or time of day ("4:15 a.m.") for a question about a thing, a
  person or a place;
- someone's name ("what is the name of the injured resident?") is a capitalized word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from bot.composer.antonyms import OPPOSITES
from bot.composer.body_kinds import another_kind_of_body
from bot.composer.candidates import Candidate, Sentence, rule_family
from bot.composer.coordination import asked_count, joined_items, whole_lists
from bot.composer.extraction import date_spans, extract_candidates, person_name_spans
from bot.composer.extractors.names import (
    NAME_CONNECTORS,
    a_name_word,
    ends_a_body,
    ends_a_body_or_place,
    is_nationality,
    opens_sentence,
)
from bot.composer.extractors.verb_uses import question_verbs
from bot.composer.inflections import related_stems, singulars
from bot.composer.lexicon import (
    CALENDAR_WORDS,
    COPULAS,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    DETERMINERS,
    FUNCTION_WORDS,
    HONORIFICS,
    KIN_NOUNS,
    MARRIAGE_WORDS,
    MONEY_WORDS,
    MONTHS,
    NEGATIONS,
    NUMBER_WORDS,
    ORGANIZATION_NOUNS,
    PERSON_NOUNS,
    PLACE_NOUNS,
    PREPOSITIONS,
    RELATIVE_TIME_WORDS,
    ROLE_TITLES,
    TIME_NOUNS,
    TIME_UNITS,
    VENUE_NOUNS,
    WEEKDAYS,
    is_cardinal,
)
from bot.composer.matching import opposed, sentence_for
from bot.composer.noun_kinds import head_word, is_a_kind_of
from bot.composer.person_words import PERSON_STEMS, PERSON_WORDS
from bot.composer.pinned import pinned_unsaid
from bot.composer.questions import (
    DEATH_STEMS,
    AnswerType,
    QuestionAnalysis,
    asks_birth,
    asks_death,
    family_relation,
    set_aside_stems,
)
from bot.composer.reader import ArticleReader
from bot.composer.role_owners import anothers_role, named_body
from bot.composer.span_features import (
    apposition_age,
    asked_quantity,
    asked_unit,
    asks_for_several,
    counts_time,
    in_another_currency,
    in_another_dimension,
    is_share,
    kind_fits,
    said_in_quotation,
    says_money,
    unit_fits,
)
from bot.composer.speakers import quotes_someone_else
from bot.composer.tokens import Token, tokenize
from bot.composer.word_classes import (
    WordClass,
    can_be_verb,
    is_common_word,
    looks_plural,
    word_class,
)
from retrieval.analysis import stem

__all__ = ["TYPED_FAMILIES", "candidate_spans"]

# The extractor families that may answer a question of each type (see candidate_spans).
TYPED_FAMILIES: dict[AnswerType, frozenset[str]] = {
    AnswerType.DATE: frozenset({"date"}),
    AnswerType.NUMBER: frozenset({"number"}),
    AnswerType.PERSON: frozenset({"name", "person", "agent", "head", "definition"}),
    AnswerType.LOCATION: frozenset({"name", "place", "head"}),
    AnswerType.ORGANIZATION: frozenset({"name", "head"}),
    AnswerType.DEFINITION: frozenset({"definition", "head"}),
    AnswerType.QUOTE: frozenset({"quote"}),
    AnswerType.REASON: frozenset({"clause"}),
    AnswerType.MANNER: frozenset({"clause"}),
}


_CAUSES = frozenset({"clause", "chunk"})
_ENTITY_TYPES = frozenset({AnswerType.PERSON, AnswerType.ORGANIZATION, AnswerType.LOCATION})
_NOT_NUMBERS = _ENTITY_TYPES | {AnswerType.REASON}


def candidate_spans(
    question: QuestionAnalysis, passage_index: int, reader: ArticleReader
) -> tuple[Sentence, list[Candidate]]:
    """The sentence at ``passage_index`` and its distinct candidates that are not echoes.

    A question that wants a kind of thing only gets candidates of that kind: a
    date for "when", a quantity for "how many", a name, a role noun or an agent
    for "who", a description for "who is X?". When the sentence has none, it
    offers nothing: a generic noun phrase there is a confident wrong answer. A
    question about a person, organization or place never gets its own names back;
    a number inside a date ("April 13") never answers "how many"; "how old" wants
    an age and "how much does it cost" an amount of money.
    """
    sentence = sentence_for(reader.knowledge.retriever.passages[passage_index], question)
    allowed = _allowed_families(question)
    if (
        _about_the_opposite(sentence, question)
        or _names_nobody_asked(question, passage_index, reader)
        or pinned_unsaid(question, sentence.passage.text)
        or _relation_unsaid(sentence, question)
        or _sum_unnamed(sentence, question)
        or _an_earlier_occasion(sentence, question)
    ):
        return sentence, []  # another thing, other people, another year, no kin
    # "Marcus Delorme" answers no "which other trustee voted no besides Delorme?"
    candidates = [
        kept
        for candidate in extract_candidates(
            sentence, question, reader, reader.article_number(passage_index), allowed
        )
        if (kept := _without_the_set_aside(candidate, question)) is not None
    ]
    text = sentence.passage.text
    dates = (
        date_spans(text, reader)
        if question.answer_type is AnswerType.NUMBER or question.answer_type in _THING_TYPES
        else []
    )
    named_before = _named_before(question, passage_index, reader)
    holder_wanted = question.asks_role and question.answer_type is AnswerType.PERSON
    role_at = _role_mentions(sentence, question) if holder_wanted else []
    # "Tallisker's chief executive" is no chief of the Therapeutic Products Board
    body = named_body(question, reader.is_proper) if role_at else frozenset()
    role_at = [
        at
        for at in role_at
        if not anothers_role(sentence.tokens, at, question.focus_phrase, body)
        and not _another_rank(sentence.tokens, at, question.focus_phrase)
    ]
    # "who won best director?": not what "won" was done to ("the Golden Lantern")
    doers_verbs = _doers_verbs(question)
    # "what is the name of the girl who was rescued?": a name set beside "girl"
    name_owners = _people_owning_the_name(question.text.lower())
    owner_at = _owner_mentions(sentence, name_owners) if name_owners else []
    others_at = _other_roles_at(sentence, question)
    # "what do the unions want?" is answered by no one's name ("Ewa Ziółkowska"); nor is
    # "what did he die of?" by a phrase naming someone ("former mayor Walter Pruitt")
    things = question.answer_type is AnswerType.OTHER and not question.head
    causes = question.answer_type is AnswerType.REASON
    # nor is "what are the names of the nursing homes?" ("Dr. Rui Valente")
    named_things = _asks_a_things_name(question.text.lower())
    wanted = things or causes or named_things
    people = set(person_name_spans(text, reader)) if wanted else set()
    best: dict[tuple[int, int], Candidate] = {}
    for candidate in candidates:  # of the allowed families only (extract_candidates)
        if _repeats_a_name(candidate, question) or _wrong_name(candidate, question):
            continue
        if (
            others_at
            and rule_family(candidate.rule) == "name"
            and _holds_the_role(candidate, others_at)
        ):
            continue  # "Davor Kljaković", the captain: "who was on the bridge with the captain?"
        if (
            _wrong_quantity(candidate, question, dates, named_before)
            or _a_value_left_behind(candidate, question)
            or _a_level_for_a_change(candidate, question)
            or _a_change_for_a_level(candidate, question)
            or _a_value_reached(candidate, question)
        ):
            continue
        if holder_wanted and not _holds_the_role(candidate, role_at):
            continue  # a sentence that never names the role names no holder of it
        if name_owners and not _holds_the_role(candidate, owner_at):
            continue  # "The guard, Esteban Roig," is not named as "the fourth robber"
        if (
            _only_a_quantifier(candidate, question)
            or _a_date_for_a_thing(candidate, question)
            or _a_day_for_a_thing(candidate, question, dates)
            or _the_date_of_an_earlier_one(candidate, question)
            or _years_for_one_year(candidate, question)
            or _no_time_of_day(candidate, question)
            or _a_number_for_someone(candidate, question)
            or _a_count_of_other_things(candidate, question)
            or _a_part_of_the_count(candidate, question)
            or _the_asked_name_has_its_own(candidate, question)
            or _the_age_of_another_role(candidate, question)
            or _the_kins_own_role(candidate, question)
            or _someones_country_for_where(candidate, question)
            or _land_for_water(candidate, question, reader)
            or _a_distance_for_a_size(candidate, question)
            or _a_measure_of_another(candidate, question)
            or _a_size_said_of_another(candidate, question)
            or _a_point_for_a_length(candidate, question)
            or _no_name_for_a_name(candidate, question)
            or _no_ones_name(candidate, question, reader)
            or _no_nationality(candidate, question, reader)
            or _a_thing_named_for_someone(candidate, question)
            or _no_purpose(candidate, question)
            or _what_the_doer_did_it_to(candidate, doers_verbs)
            or _a_base_unasked(candidate, question)
            or _another_kind_of_body(candidate, question)
            or _a_nationality_for_a_body(candidate, question)
            or _a_body_for_a_persons_deed(candidate, question)
            or _a_body_for_a_place(candidate, question)
            or _a_place_for_a_body(candidate, question, reader)
            or (question.answer_type in _ENTITY_TYPES and says_money(candidate))
            or _a_quote_for_a_body(candidate, question)
            or _names_a_thing_asked_about(candidate, question)
            or _a_score_of_another_time(candidate, question)
        ):
            continue  # "either" or "1281" for "what wrecked the fleet?", "65" for "which firm?"
        if (
            ((things or causes) and (candidate.first, candidate.last) in people)
            or (causes and _a_phrase_naming_one_of(candidate, people))
            or (named_things and _overlaps_a_titled_name(candidate, people))
        ):
            continue  # someone's name answers no "what do the unions want?"
        if (
            _only_echoes(candidate)
            or _says_only_the_question(candidate, question)
            or _an_opinion_for_a_description(candidate, question)
            or _the_asked_thing_itself(candidate, question)
        ):
            continue  # "by the Kremlin" for "how did the Kremlin receive it?"
        if question.speaker and quotes_someone_else(candidate, question, reader, passage_index):
            continue
        key = (candidate.first, candidate.last)
        kept = best.get(key)
        if kept is None or _ranks_above(candidate, kept):
            best[key] = candidate
    return sentence, _finished(best, question)


def _a_phrase_naming_one_of(candidate: Candidate, people: set[tuple[int, int]]) -> bool:
    """Whether a noun phrase holds a person's name: a phrase, not a clause ("because
    Pruitt resigned" gives a reason)."""
    return rule_family(candidate.rule) == "chunk" and any(
        candidate.first <= first and last <= candidate.last for first, last in people
    )


def _overlaps_a_titled_name(candidate: Candidate, people: set[tuple[int, int]]) -> bool:
    """Whether the span shares a word with a name a title says is a person's ("Rui
    Valente" of "Dr. Rui Valente"). Untitled, a name is too often a thing's ("the Lavietes
    Pavilion") to rule out on the finder's word."""
    tokens = candidate.sentence.tokens
    return any(
        first <= candidate.last
        and candidate.first <= last
        and tokens[first].lower.rstrip(".") in HONORIFICS
        for first, last in people
    )


def _a_thing_named_for_someone(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """ "Earth" of "circle the Earth" for "who designed the spectrometer?": a lone name of
    unknown kind after "the" names a thing or a place; a person's name takes no article.
    A people or a party does, in the plural ("the Normans", "the Greens")."""
    if question.answer_type is not AnswerType.PERSON or candidate.rule != "name:unknown":
        return False
    first = candidate.first
    tokens = candidate.sentence.tokens
    return (
        first == candidate.last
        and first > 0
        and tokens[first - 1].lower == "the"
        and not looks_plural(tokens[first].lower)
    )


def _no_nationality(
    candidate: Candidate, question: QuestionAnalysis, reader: ArticleReader
) -> bool:
    """ "Front of 46,218 fans" for "what is Diabaté's nationality?": a nationality is said
    by its adjective ("the Scottish engineer") or its country ("Ethiopia's Derese")."""
    if not question.asks_nationality:
        return False
    text = candidate.sentence.span_text(candidate.first, candidate.last).removesuffix("'s")
    if reader.gazetteer.kind(text.removeprefix("the ")) == "country":
        return False  # "the United States"
    return not any(
        is_nationality(word.lower)
        or reader.gazetteer.kind(word.text.removesuffix("'s")) == "country"
        for word in candidate.tokens
        if word.is_word and word.is_capitalized
    )


def _a_nationality_for_a_body(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """ "Colombians" or "South African" for "which company?", "which court?": a people or
    its adjective, which names no company, court or party."""
    if question.answer_type is not AnswerType.ORGANIZATION:
        return False
    words = [token.lower for token in candidate.tokens if token.is_word]
    nations = [
        word for word in words if is_nationality(word) or is_nationality(word.removesuffix("s"))
    ]
    return bool(nations) and all(
        # a point of the compass may open a people's adjective ("South African")
        word in nations or word in _COMPASS_POINTS or word in FUNCTION_WORDS
        for word in words
    )


def _a_body_for_a_persons_deed(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """ "Vltava Philharmonic" for "who died?": what only a person undergoes (dying, being
    born, married, hurt, arrested) is not said of an orchestra or a town."""
    if question.answer_type is not AnswerType.PERSON or candidate.rule not in _BODY_NAMES:
        return False
    return not _PERSONAL_DEEDS.isdisjoint(token.lower for token in tokenize(question.text))


def _a_body_for_a_place(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """ "Prairie Rivers Institute" for "which river did the oil get into?": a body's
    name, whatever place it names, is no river, town or country."""
    head = head_word(question)
    if head is None or head not in PLACE_NOUNS:
        return False
    last = candidate.tokens[-1]
    return candidate.rule == "name:organization" or (
        last.is_capitalized and ends_a_body(last.lower)
    )


def _a_quote_for_a_body(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """ "He asked you to play truthfully ..." for "which orchestra did he lead?": quoted
    words name no body, team or person ("which film?" may be answered by a quoted title,
    and a collection is a work as much as a group)."""
    if question.answer_type is not AnswerType.OTHER or candidate.rule != "quote":
        return False
    head = head_word(question)
    return (
        head is not None
        and any(is_a_kind_of(head, kind) for kind in _BODIES_AND_PEOPLE)
        and not any(is_a_kind_of(head, kind) for kind in _WORKS_AND_WORDS)
    )


_BODIES_AND_PEOPLE = ("group", "organization", "person")
_WORKS_AND_WORDS = ("creation", "communication")


def _a_place_for_a_body(
    candidate: Candidate, question: QuestionAnalysis, reader: ArticleReader
) -> bool:
    """ "Ełk" for "which party does Rybak belong to?" or "who was recalled as mayor?": a
    name the story gives a town, a village or a district ("the Polish town of Ełk", "the
    Benimaclet district") names no body and no one, though no gazetteer knows it."""
    if question.answer_type not in _BODY_OR_PERSON or rule_family(candidate.rule) != "name":
        return False
    name = candidate.text
    return any(reader.writes(f"{kind} of {name}") for kind in _SETTLEMENTS) or any(
        reader.writes(f"{name} {kind}") for kind in _AREAS
    )


_BODY_OR_PERSON = frozenset({AnswerType.ORGANIZATION, AnswerType.PERSON})
# The words news puts before a place's name ("the town of Ełk") and after it ("the
# Benimaclet district"), lower-case: "City of London Corporation" names a body.
_SETTLEMENTS = ("town", "city", "village", "hamlet", "suburb", "district", "province", "region")
_AREAS = ("district", "neighbourhood", "neighborhood", "county", "province", "region", "valley")
_BODY_NAMES = frozenset({"name:organization", "name:place"})
_PERSONAL_DEEDS = frozenset(
    """
    die died dies dying dead killed born married injured wounded hurt arrested jailed
    buried retired
    """.split()
)


def _no_ones_name(candidate: Candidate, question: QuestionAnalysis, reader: ArticleReader) -> bool:
    """ "Dublin Cycle Safety Network", "Ireland's Court of Appeal" or "Irish roads last
    year" for "what is the name of the justice minister?": a person's name asked for is
    written in names' words only ("Síle Ní Bhriain", "Bohemond of Taranto"), with no
    word of a body's or a place's name and no owner before it, and is no known place."""
    if not _asks_someones_name(question.text.lower()):
        return False
    name = candidate.sentence.span_text(candidate.first, candidate.last)
    if candidate.rule in _NOT_PEOPLES_NAMES or reader.gazetteer.kind(name) is not None:
        return True
    words = [token for token in candidate.tokens if token.is_word]
    return not (
        words
        and a_name_word(words[0])
        and all(a_name_word(word) or word.lower in _IN_NAMES or word.is_number for word in words)
        and not any(ends_a_body_or_place(word.lower) for word in words)
        and not any(word.lower.endswith(("'s", "’s")) for word in words[:-1])
    )


_NOT_PEOPLES_NAMES = frozenset({"name:organization", "name:place"})
# The lower-case words of people's names, and of several with their ages: "Javier Rojas,
# 29, and Andrés Muñoz".
_IN_NAMES = NAME_CONNECTORS | {"and"}


@lru_cache(maxsize=1024)
def _asks_a_things_name(text: str) -> bool:
    """ "the name of the school", "the ship's name": a name owned by a noun that names no
    person (matched as a word, as for :func:`_asks_someones_name`), and so no person's
    name ("Dr. Rui Valente" for "what are the names of the nursing homes?")."""
    return any(
        word_class(owner) is WordClass.NOUN
        and is_common_word(owner)
        and not any(form in PERSON_WORDS for form in singulars(owner))
        for owner in _name_owners(text)
    )


@lru_cache(maxsize=1024)
def _asks_someones_name(text: str) -> bool:
    """ "the name of the cyclist", "the thieves' names", "what is his name?": a person's
    name is asked for ("the ship's name" is a thing's, "its name" too). The noun that
    owns the name is matched as a word: "engine" stems as "engineer" does, and an
    "imperialistic policy" is no imperialist."""
    return bool(_NAME_OF_PERSON_PRONOUN.search(text) or _people_owning_the_name(text))


@lru_cache(maxsize=1024)
def _people_owning_the_name(text: str) -> frozenset[str]:
    """The singular person nouns that own a name the question asks for: "girl" of "what
    is the name of the girl who was rescued?", "manager" of "the branch manager's name"
    (none for "what is his name?": a pronoun's person is found as any other's)."""
    return frozenset(
        form for owner in _name_owners(text) for form in singulars(owner) if form in PERSON_WORDS
    )


def _owner_mentions(sentence: Sentence, owners: frozenset[str]) -> list[int]:
    """Where the sentence says one of the person nouns owning an asked name."""
    return [
        index
        for index, token in enumerate(sentence.tokens)
        if token.is_word and not owners.isdisjoint(singulars(token.lower))
    ]


def _name_owners(text: str) -> list[str]:
    """The nouns that own the names a question asks for: "solicitor" of "what is the
    solicitor's name?", "school" of "the name of the new school in Gaia" (the last word
    before any function word)."""
    owners = [match.group(1) for match in _NAME_OWNED.finditer(text)]
    for match in _NAME_OF.finditer(text):
        words = match.group(1).split()
        cut = next((at for at, word in enumerate(words) if word in FUNCTION_WORDS), len(words))
        owners.extend(words[:cut][-1:])
    return [owner.rstrip("'") for owner in owners]


def _finished(
    best: dict[tuple[int, int], Candidate], question: QuestionAnalysis
) -> list[Candidate]:
    """The sentence's admitted candidates, one per span, completed and pruned as a whole:
    runs of the items a count asks for, names for their descriptions, whole quantities."""
    found = list(best.values())
    origins = [candidate for candidate in found if _the_origin_asked(candidate, question)]
    if origins:
        return origins  # "Ethiopia's Yohannes Derese" for "where is Derese from?"
    asked = asked_count(question.text)
    if asked > 1:
        # "what two scientists?": "Robert Koch and Emil von Behring", each proposed alone
        found += [run for run in joined_items(found, asked) if (run.first, run.last) not in best]
    elif asks_for_several(question.text):
        # "which countries ...?": all the countries a list names
        found += [run for run in whole_lists(found) if (run.first, run.last) not in best]
    if question.answer_type in _ENTITY_TYPES:
        return _without_described_names(found)
    if question.answer_type is AnswerType.OTHER and question.head:
        return _of_the_kind_named(_named_for_their_descriptions(found, question), question)
    if question.answer_type is AnswerType.NUMBER:
        return _without_conversions(_whole_quantities(found), question)
    return found


def _another_rank(tokens: Sequence[Token], at: int, role: tuple[str, ...]) -> bool:
    """Whether the role mentioned at ``at`` (its last word) is ranked otherwise than the
    role asked: "Monteiro's first husband" is not "her second husband"."""
    asked = {_RANKS[word] for word in role if word in _RANKS}
    if not asked:
        return False
    before = at - 1
    while before >= 0 and tokens[before].stem in role and tokens[before].stem not in _RANKS:
        before -= 1  # past the role's other words ("first deputy mayor")
    return before >= 0 and _RANKS.get(tokens[before].stem, "") not in asked | {""}


# Words that rank one holder of a role among others ("first husband", "second wife"),
# each to its rank: "final" is "last".
_RANKS = {
    stem(word): stem(rank)
    for word, rank in (
        ("first", "first"),
        ("second", "second"),
        ("third", "third"),
        ("fourth", "fourth"),
        ("fifth", "fifth"),
        ("last", "last"),
        ("final", "last"),
        ("previous", "previous"),
        ("former", "previous"),
    )
}


def _an_earlier_occasion(sentence: Sentence, question: QuestionAnalysis) -> bool:
    """Whether the question's verb is said of an earlier occasion that the question does
    not ask about: "Reto Imboden, who won last season's downhill title," answers no
    "who won the downhill?", nor "previous" ones "who chaired the meeting?"."""
    if question.answer_type is AnswerType.NUMBER or _ASKS_BEFORE.search(question.text):
        return False
    tokens = sentence.tokens
    for index, token in enumerate(tokens):
        if token.stem not in question.content_stems or not can_be_verb(token.lower):
            continue
        following = [later.lower for later in tokens[index + 1 : index + 1 + _EARLIER_REACH]]
        if _AN_EARLIER_ONE.fullmatch(" ".join(following[:2])) or "previous" in following:
            return True
    return False


# "last season's", "last year's": an earlier occasion, right after a verb (or "previous"
# within this many words of it).
_AN_EARLIER_ONE = re.compile(r"last (?:season|year|week|month|time)'s|the previous|a previous")
_EARLIER_REACH = 2


def _names_nobody_asked(
    question: QuestionAnalysis, passage_index: int, reader: ArticleReader
) -> bool:
    """Whether a sentence about other people is all a "who" question naming someone has:
    "Sato, who is coached by Greg Whitlam" for "who coaches Varga?". Neither it nor the
    sentence before it (where a "she" there may point) names anyone the question names,
    so the person it offers stands in some relation to someone else. Not so of the body
    the headline names: a story goes on about its subject unnamed ("Chief executive
    Agnieszka Sołtys said ..." of a story about Domello)."""
    if question.answer_type is not AnswerType.PERSON or not question.capital_stems:
        return False
    passages = reader.knowledge.retriever.passages
    read = [
        tokenize(passages[index].text) for index in (passage_index, passage_index - 1) if index >= 0
    ]
    if any(_names_one_of(tokens, question) for tokens in read):
        return False
    article = reader.article_number(passage_index)
    return not _the_headlines_body(question, reader, article)


def _the_headlines_body(question: QuestionAnalysis, reader: ArticleReader, article: int) -> bool:
    """Whether the question names what the article's headline names, and no person:
    a story calls its subject "the company" ("Irish retailer Brenlow says ..."), while a
    surname ("who coaches Varga?") is no body "the club" stands for."""
    headline = {token.stem for token in tokenize(reader.knowledge.articles[article].title)}
    names = [token for token in question.content if token.is_capitalized]
    return any(token.stem in headline for token in names) and not any(
        reader.is_surname(token.text, article) for token in names
    )


def _the_kins_own_role(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """A role set off beside the name a kin question asks about describes that person:
    "Portugal's health minister, Teresa Albuquerque," is no answer to "who is Teresa
    Albuquerque's husband?"."""
    if family_relation(question) is None or rule_family(candidate.rule) != "person":
        return False
    tokens = candidate.sentence.tokens
    after = tokens[candidate.last + 1 : candidate.last + 3]
    before = tokens[max(0, candidate.first - 2) : candidate.first]
    return (len(after) == 2 and after[0].text == "," and _names_one_of(after[1:], question)) or (
        len(before) == 2 and before[1].text == "," and _names_one_of(before[:1], question)
    )


def _relation_unsaid(sentence: Sentence, question: QuestionAnalysis) -> bool:
    """Whether a question about someone's kin ("who is Teresa Albuquerque's husband?")
    meets a sentence that names no kin and no marriage: its people are the one asked about
    and others, not the kin ("Albuquerque thanked her staff"). Any kin word will do, as
    one relation is told by its converse ("Emma, sister of Duke Richard II")."""
    if family_relation(question) is None:
        return False
    # any kin word or the marriage will do: "Emma, sister of Duke Richard II" names
    # Emma's brother without saying "brother"
    return not any(token.stem in _KIN_OR_MARRIAGE for token in sentence.tokens)


_KIN_OR_MARRIAGE = frozenset(stem(word) for word in KIN_NOUNS | MARRIAGE_WORDS)


def _sum_unnamed(sentence: Sentence, question: QuestionAnalysis) -> bool:
    """Whether a question about a named sum ("how much was Haddad's bail?", "how much rent
    does the chain pay?") meets a sentence that never names it: its sums are of other
    things ("186 million euros" of the fraud, "2.3 billion zlotys" of sales). "Cost" and
    "price" are said of anything, in any words ("tickets are 12 euros"), and so are
    compensation, fees and budgets ("will pay the families 100 million dong", "spent 1.2
    million euros on lawyers"): not asked so."""
    named = _NAMED_SUMS.intersection(token.stem for token in question.content)
    if not named or asked_quantity(question) != "money":
        return False
    return named.isdisjoint(token.stem for token in sentence.tokens)


# Sums news names by their own word: "fined 5,000 euros", "a salary of", "the bail".
_NAMED_SUMS = frozenset(
    stem(word)
    for word in """
    salary salaries wage wages fine fines bail fare fares rent rents revenue revenues profit
    profits income earnings debt debts deficit deficits dividend dividends bonus bonuses
    subsidy subsidies loan loans ransom
    """.split()
)


# "what is the satellite for?", "what are the cranes for?": a thing's purpose.
_ASKS_A_PURPOSE = re.compile(r"^what (?:is|are|was|were) [^?]{1,60} for\W*$")


def _no_purpose(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """ "after working on weather satellites" is no answer to "what is the satellite
    for?": a purpose is said with "to", "for", "in order to" or "so that"."""
    return (
        question.answer_type is AnswerType.REASON
        and candidate.rule not in _PURPOSE_RULES
        and bool(_ASKS_A_PURPOSE.search(question.text.lower()))
    )


_PURPOSE_RULES = frozenset(
    f"reason:{marker}" for marker in ("to", "to help", "for", "in order to", "so that", "so as to")
)


def _another_kind_of_body(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """ "Scandinavian Cardiac Fund" for "which company makes the drug?": a name that says
    it is a body of another kind than the one asked for (:mod:`body_kinds`)."""
    if rule_family(candidate.rule) not in {"name", "chunk", "head"}:
        return False
    return another_kind_of_body(head_word(question), candidate.tokens)


def _a_score_of_another_time(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """ "13-10 at the interval" answers "what was the score at half-time?", and no other
    score question ("what was the final score?" asks the end's)."""
    if not _A_SCORE.fullmatch(candidate.text):
        return False
    after = candidate.sentence.passage.text[candidate.sentence.tokens[candidate.last].end :]
    at_the_break = _AT_THE_BREAK.match(after[:_BREAK_REACH]) is not None
    return at_the_break != (_HALF_TIME_ASKED.search(question.text) is not None)


# "at half-time", "at the interval", "at the break" right after a score (within a few
# characters), and a question asking about that time.
_AT_THE_BREAK = re.compile(
    r"\W{0,3}(?:at|by) (?:the )?(?:half[- ]?time|interval|break)\b", re.IGNORECASE
)
_BREAK_REACH = 24
_A_SCORE = re.compile(r"\d{1,3}-\d{1,3}")
_HALF_TIME_ASKED = re.compile(r"\bhalf[- ]?time\b|\binterval\b|\bthe break\b", re.IGNORECASE)


def _names_a_thing_asked_about(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """ "Mondego" of "the Mondego river" for "which agency gave the river reading?": a
    name set before a word for a place or a vessel that the question says names that
    thing, the question's own, not what it asks for."""
    if rule_family(candidate.rule) != "name" or question.answer_type is AnswerType.DEFINITION:
        return False
    tokens = candidate.sentence.tokens
    after = candidate.last + 1
    if after >= len(tokens) or tokens[after].is_capitalized:
        return False
    noun = tokens[after]
    return (
        noun.lower in _NAMED_FEATURES
        and noun.stem in question.content_stems
        and noun.stem not in question.head
    )


# Words for a place or a vessel that a name stands before ("the Mondego river").
_NAMED_FEATURES = frozenset(
    "river rivers lake lakes sea mountain mountains island islands valley bridge street "
    "road glacier volcano dam ship ferry vessel".split()
)


def _a_base_unasked(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """ "the Split-based operator" says where the operator is based, not where its ferry
    ran aground: only a question about a base ("based", "headquartered") takes it."""
    return candidate.rule == "place:based" and not _ASKS_A_BASE.search(question.text)


_ASKS_A_BASE = re.compile(r"\b(?:based|headquartered|headquarters|head office)\b", re.IGNORECASE)


def _allowed_families(question: QuestionAnalysis) -> frozenset[str] | None:
    """The rule families whose candidates may answer, or None for any."""
    text = question.text.lower()
    if (
        question.answer_type is AnswerType.REASON
        and not text.startswith(("why", "how come"))
        and not _ASKS_A_PURPOSE.search(text)
        and not question.content_stems & DEATH_STEMS
    ):
        # "what caused the fire?" is answered by a noun phrase as often as by a clause;
        # "what is the satellite for?" by what it is to do ("to spot methane leaks").
        # A death's cause is named after a word for it ("died of", "the cause was"), not
        # by any phrase of a sentence that tells the death ("mayor of Millbrook").
        return _CAUSES
    return TYPED_FAMILIES.get(question.answer_type)


def _about_the_opposite(sentence: Sentence, question: QuestionAnalysis) -> bool:
    """Whether the sentence names the question's thing with the opposite of the question's
    word for it, and never that word: "In the men's final, Iglesias beat Fairweather"
    names no winner of "the women's final". "First" and "last" are left out: they order
    a thing more often than they tell it from another ("the first Portuguese woman to
    win since 2011" answers "when did a Portuguese woman last win?")."""
    stems = question.content_stems
    said, pairs = _opposable_pairs(sentence.passage.text)
    return any(
        noun in stems and opposed(modifier, stems) and not OPPOSITES[modifier] & stems & said
        for modifier, noun in pairs
    )


_ORDERING = frozenset({stem("first"), stem("last")})


@lru_cache(maxsize=4096)
def _opposable_pairs(text: str) -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    """The stems of ``text``, and each word its word before could set against another
    thing ("men's" before "final"), as (modifier, word) stems: what
    :func:`_about_the_opposite` reads, worked out once a text. Only a modifier with an
    opposite can be :func:`opposed`."""
    tokens = tokenize(text)
    pairs = tuple(
        (previous.stem, token.stem)
        for previous, token in pairwise(tokens)
        if token.text.isalpha()
        and previous.is_word
        and previous.stem not in _ORDERING
        and previous.stem in OPPOSITES
    )
    return frozenset(token.stem for token in tokens), pairs


class _SpanWords(NamedTuple):
    """What the rules read of a span's own words, whatever the question."""

    lowers: tuple[str, ...]  # its words, lower-cased
    content_stems: tuple[str, ...]  # the stems of its words that are no function word
    named_stems: tuple[str, ...]  # those without a cardinal counting the next noun


@lru_cache(maxsize=16384)
def _span_words(text: str, first: int, last: int) -> _SpanWords:
    """The words of tokens ``first..last`` of ``text``, read once a span: the rules of
    every question that reads the sentence ask the same of them."""
    tokens = tokenize(text)
    indexes = [index for index in range(first, last + 1) if tokens[index].is_word]
    content = [index for index in indexes if tokens[index].lower not in FUNCTION_WORDS]
    return _SpanWords(
        tuple(tokens[index].lower for index in indexes),
        tuple(tokens[index].stem for index in content),
        tuple(tokens[index].stem for index in content if not _counts_the_next(tokens, index)),
    )


@lru_cache(maxsize=16384)
def _span_only_numbers(text: str, first: int, last: int) -> bool:
    """Whether the span's words are only numbers and the words joining them ("65 and 80")."""
    words = [token for token in tokenize(text)[first : last + 1] if token.is_word]
    return all(token.is_number or token.lower in _NUMBER_JOINERS for token in words)


@lru_cache(maxsize=16384)
def _only_a_date(words: tuple[str, ...]) -> bool:
    """Whether ``words`` are a date or a time of day and nothing else ("in the summer of
    1961", "4:15 a.m."): one year, calendar word or clock time, and only date words.
    Memoized by the words, as spans are."""
    relative = _a_relative_date(words)
    if not relative and not any(
        _YEAR.fullmatch(word) or word in CALENDAR_WORDS or _CLOCK.fullmatch(word) for word in words
    ):
        return False
    return all(
        word in _DATE_WORDS
        or (relative and word in RELATIVE_TIME_WORDS)
        or _DAY_OR_YEAR.fullmatch(word)
        or _CLOCK.fullmatch(word)
        for word in words
    )


def _a_relative_date(words: tuple[str, ...]) -> bool:
    """Whether ``words`` name a time by its place from now, with no number: "next year",
    "the first half of last month", "this week" (a time noun after "next", "last",
    "this" ...), or a unit of time alone ("year")."""
    if any(character.isdigit() for word in words for character in word):
        return False  # "6% this year and 3% in 2027" is an offer
    if len(words) == 1:
        # a unit of time alone: "spring", "fall", "age" or "season" often name other things
        return words[0] in TIME_UNITS and words[0] not in {"second", "seconds"}
    return any(
        word in RELATIVE_TIME_WORDS and later in TIME_NOUNS for word, later in pairwise(words)
    )


def _a_date_for_a_thing(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """A span that is only a date or a time of day ("1281", "29 December 1930", "in the
    summer of 1961", "1970s and 1980s", "Friday", "4:15 a.m.") answering a "what" question
    that asks for a thing, not a time: of 63 such answers in the development data, 6 were
    right. Nor is a date a person, a place or an organization ("1851" for "who developed
    the indicator?"). A question that says "when" ("it was built when?") or whose head is
    a time ("what date", "which era") still gets its dates."""
    if question.answer_type not in _THING_TYPES:
        return False
    words = _span_words(candidate.sentence.passage.text, candidate.first, candidate.last)
    if not _only_a_date(words.lowers):
        return False
    asks_time = bool(_WHEN.search(question.text)) or any(
        word in _TIME_HEADS for word in question.head
    )
    return not asks_time


def _a_day_for_a_thing(
    candidate: Candidate, question: QuestionAnalysis, dates: list[tuple[int, int]]
) -> bool:
    """ "21" of "Wednesday, Jan. 21" answers no "what kind of alert ...?": a number inside a
    date is a day or a year, never a thing (nor a person or a place)."""
    if question.answer_type not in _THING_TYPES or _WHEN.search(question.text):
        return False
    text = candidate.sentence.passage.text
    return _span_only_numbers(text, candidate.first, candidate.last) and any(
        first <= candidate.first and candidate.last <= last for first, last in dates
    )


def _the_date_of_an_earlier_one(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """A date said of an earlier one of what the question asks about ("down from 64 in the
    last election in 2021") answers "when was the election?" only when the question asks
    about that earlier one ("when was the last election?")."""
    if question.answer_type is not AnswerType.DATE:
        return False
    if not _EARLIER.isdisjoint(question.text.lower().split()):
        return False  # "when was the last election?" asks about the earlier one
    tokens = candidate.sentence.tokens
    for at in range(candidate.first - 1, max(0, candidate.first - _EARLIER_REACH) - 1, -1):
        if not tokens[at].is_word:
            return False
        # "the last election in 2021", "since the previous contract expired in June 2023"
        if (
            tokens[at].lower in _EARLIER
            and at + 1 < candidate.first
            and tokens[at + 1].lower not in TIME_NOUNS
            and word_class(tokens[at + 1].lower) is WordClass.NOUN
        ):
            return True
    return False


# Words that make a thing an earlier one of its kind ("the last election").
_EARLIER = frozenset({"last", "previous", "prior", "former", "earlier", "old"})
# Tokens looked back from a date for the earlier thing it dates ("previous contract
# expired in June 2023").
_EARLIER_REACH = 5


def _years_for_one_year(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """ "between 1702 and 1709" or "the 1970s and 1980s" answers no "in what year did it
    start?": one year is asked, and said. A lifespan is trimmed to the year of a birth
    or a death."""
    if question.answer_type is not AnswerType.DATE or not _ONE_YEAR.search(question.text):
        return False
    if asks_birth(question) or asks_death(question):
        return False
    # ... nor "the first half", "Wednesday" or "the 1990s": a year is asked, and a date
    # with none (or a decade) says no year
    years = _YEAR_NUMBERS.findall(candidate.text)
    return len(years) != 1 or years[0].endswith("s")


def _no_time_of_day(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """ "2009" or "Sunday" answers no "what time did the bank open?": a clock time or a
    part of the day is asked ("6:40 a.m.", "Tuesday morning")."""
    return (
        question.answer_type is AnswerType.DATE
        and asked_unit(question.text) == "time"
        and not unit_fits("time", candidate)
    )


_ONE_YEAR = re.compile(r"\b(?:what|which) year\b", re.IGNORECASE)
_YEAR_NUMBERS = re.compile(r"\d{3,4}(?:'?s\b)?")
# What a date does not answer: a thing, a person, a place, a body, a cause ("Sunday" of
# "died on Sunday" for "what did she die of?").
_THING_TYPES = _ENTITY_TYPES | {AnswerType.OTHER, AnswerType.REASON}
# The types a question asking a name has (a reason may mention a name it does not ask).
_NAMED_TYPES = _ENTITY_TYPES | {AnswerType.OTHER}
_WHEN = re.compile(r"\bwhen\b", re.IGNORECASE)
_YEAR = re.compile(r"(?:1\d{3}|20\d{2})s?")  # a year or its decade ("1970s")
_DAY_OR_YEAR = re.compile(r"\d{1,4}(?:st|nd|rd|th|s)?(?:[-–]\d{1,4})?")  # "15-16" of June
_DATE_WORDS = (
    frozenset({"in", "on", "of", "the", "by", "from", "to", "and", "early", "late", "mid"})
    # parts of a year: "the second half of 2027", "the end of 2025"
    | frozenset({"first", "second", "third", "fourth", "half", "quarter", "end", "start"})
    | frozenset({"beginning", "middle", "until", "since"})
    | MONTHS
    | WEEKDAYS
    | TIME_NOUNS
)
_TIME_HEADS = TIME_NOUNS | {"date", "dates", "time", "times"}
# A time of day: "a.m" of "4:15 a.m.", "10.30pm", "noon", "11 o'clock".
_CLOCK = re.compile(r"\d{1,2}(?:[.:]\d{2})?[ap]\.?m\.?|[ap]\.m\.?|noon|midnight|o'clock")


def _a_number_for_someone(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """Bare numbers ("65 and 80", "3") answering who, where, which body or which place:
    a number names none of them (a code or a score is asked with other nouns). Nor is one
    a cause: "84" of "dies at 84" for "what did she die of?"."""
    entity = question.answer_type in _NOT_NUMBERS or (
        question.answer_type is AnswerType.OTHER
        and bool(question.head)
        and question.head[-1] in _ENTITY_HEADS
    )
    if not entity:
        return False
    return _span_only_numbers(candidate.sentence.passage.text, candidate.first, candidate.last)


_NUMBER_JOINERS = frozenset({"and", "or", "to", "of"})


def _someones_country_for_where(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """ "Argentina's Tomás Iglesias" says where a player is from, not where the final was
    played: a place's possessive before a name answers only "where is X from?"."""
    if question.answer_type is not AnswerType.LOCATION or question.preposition == "from":
        return False
    named = _named_after_its_owner(candidate)
    return bool(named) and named[0].is_capitalized


def _land_for_water(
    candidate: Candidate, question: QuestionAnalysis, reader: ArticleReader
) -> bool:
    """ "which river flooded?" is answered by a river ("the Mondego river"), not by a town
    ("Coimbra's lower town") or a city the gazetteer knows: a body of water asked for is
    no place on land."""
    head = head_word(question)
    if head is None or not is_a_kind_of(head, "water"):
        return False
    words = [token for token in candidate.tokens if token.is_word]
    if not words:
        return False
    name = candidate.sentence.span_text(candidate.first, candidate.last).removesuffix("'s")
    if reader.gazetteer.kind(name) is not None:
        return True  # "Coimbra", "Portugal"
    last = words[-1]
    return (
        rule_family(candidate.rule) == "place"
        and not last.is_capitalized
        and last.stem != question.head[-1]
        and not is_a_kind_of(last.lower, "water")
    )


def _a_distance_for_a_size(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """ "9 kilometres north of Segorbe" says where a fire started, not how big it is: a
    distance before a compass point and "of" answers no "how big/large/tall/high?"."""
    if question.answer_type is not AnswerType.NUMBER or not _ASKS_SIZE.search(question.text):
        return False
    tokens = candidate.sentence.tokens
    after = [token.lower for token in tokens[candidate.last + 1 : candidate.last + 3]]
    return len(after) == _POINT_AND_OF and after[0] in _COMPASS_POINTS and after[1] == "of"


_ASKS_SIZE = re.compile(r"\bhow (?:big|large|tall|high|wide|deep|huge|small)\b", re.IGNORECASE)
_COMPASS_POINTS = frozenset(
    "north south east west northeast northwest southeast southwest north-east north-west "
    "south-east south-west".split()
)
# A compass point and "of", after a distance ("9 kilometres north of").
_POINT_AND_OF = 2


def _the_origin_asked(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """ "Ethiopia's Yohannes Derese" answers "where is Derese from?": a place's possessive
    right before the name asked about says where the person is from, whatever else the
    sentence names ("the Lisbon Marathon")."""
    if question.answer_type is not AnswerType.LOCATION or question.preposition != "from":
        return False
    return rule_family(candidate.rule) in {"name", "place"} and _names_one_of(
        _named_after_its_owner(candidate), question
    )


def _named_after_its_owner(candidate: Candidate) -> Sequence[Token]:
    """The words after a span that ends in a possessive ("Ethiopia's" of "Ethiopia's
    Yohannes Derese"), as many as a name takes; none when the span is no owner."""
    tokens = candidate.sentence.tokens
    if not tokens[candidate.last].lower.endswith(("'s", "’s")):
        return ()
    return tokens[candidate.last + 1 : candidate.last + 1 + _FIRST_NAMES_READ]


# Words after a place's possessive read for the name asked ("Ethiopia's Yohannes Derese").
_FIRST_NAMES_READ = 3


def _a_measure_of_another(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """A length of time or money written before a noun measures that noun: the "46-year" of
    "the tournament's 46-year history" is no length of the match asked about, the "20-euro"
    of "a 20-euro voucher" no cost of the credit monitoring; "a five-hour evacuation" is
    one of the evacuation's, "a 25,000-euro bonus" the bonus's. (Sizes are left alone: "a
    4-kilogram cubesat" weighs what "the student satellite" asked about does.)"""
    if question.answer_type is not AnswerType.NUMBER:
        return False
    tokens = candidate.sentence.tokens
    if not all(token.is_number or token.text == "," for token in candidate.tokens[:-1]):
        return False  # "25,000-euro": the thousands before the joined word
    number, _, unit = tokens[candidate.last].lower.partition("-")
    if not (number.isdigit() or number in NUMBER_WORDS) or (
        unit not in TIME_UNITS and unit not in CURRENCY_WORDS
    ):
        return False
    head = None
    for at in range(candidate.last + 1, min(len(tokens), candidate.last + 1 + _MEASURED_WORDS)):
        if not tokens[at].is_word or word_class(tokens[at].lower) is not WordClass.NOUN:
            break
        head = tokens[at]
    return head is not None and head.stem not in question.content_stems


# Nouns read after a size for the thing it measures ("apartment tower").
_MEASURED_WORDS = 3


def _a_point_for_a_length(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """A length of time before "after", "before", "later" or "earlier" dates one event from
    another: "resigned on Monday, four days after a newspaper reported" says when, not how
    long she was minister; "deliberated for four days before" is a length still, and "how
    long after ...?" asks for the gap itself."""
    if asked_quantity(question) != "duration" or not counts_time(candidate):
        return False
    if _GAP_WORDS & {token.lower for token in tokenize(question.text)}:
        return False
    tokens = candidate.sentence.tokens
    after = candidate.last + 1
    before = candidate.first - 1
    while before >= 0 and tokens[before].lower in _APPROXIMATELY:
        before -= 1  # "fought the flames for nearly five hours before bringing them ..."
    return (
        after < len(tokens)
        and tokens[after].lower in _GAP_WORDS
        and not (before >= 0 and tokens[before].lower in {"for", "lasted", "took"})
    )


# Words that date an event from another by a length of time ("four days after").
_GAP_WORDS = frozenset({"after", "before", "later", "earlier", "ago"})


def _a_size_said_of_another(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """A size written after a noun and before its dimension measures that noun: "a gash
    about 8 metres long" is no length of the ship asked about, unless the noun is the
    question's own or a kind of one ("a ferry 68 metres long" for "how long is the
    ship?")."""
    if asked_quantity(question) != "measure":
        return False
    tokens = candidate.sentence.tokens
    after = candidate.last + 1
    if after >= len(tokens) or tokens[after].lower not in _DIMENSION_WORDS:
        return False
    before = candidate.first - 1
    while before >= 0 and tokens[before].lower in _APPROXIMATELY:
        before -= 1
    if before >= 1 and tokens[before].text == ",":
        before -= 1  # set off: "the bridge, 410 metres long,"
    if (
        before < 0
        or not tokens[before].is_word
        or word_class(tokens[before].lower) is not WordClass.NOUN
    ):
        return False
    noun = tokens[before]
    return not any(
        noun.stem == word.stem or is_a_kind_of(noun.lower, word.lower) for word in question.content
    )


# The dimension a size is said in, after it ("8 metres long", "2 kilometres across").
_DIMENSION_WORDS = frozenset({"long", "wide", "high", "deep", "tall", "thick", "across"})
# Words of estimate between a noun and its size ("a gash about 8 metres long").
_APPROXIMATELY = frozenset({"about", "some", "nearly", "roughly", "almost", "around", "over"})


def _the_age_of_another_role(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """ "a 27-year-old architect" is the architect's age: it answers "how old is the
    driver?" no more than another name's age does."""
    if question.number_kind != "age":
        return False
    tokens = candidate.sentence.tokens
    after = candidate.last + 1
    if not tokens[candidate.last].lower.endswith("-old") or after >= len(tokens):
        return False
    # the noun the age is of, past words that qualify it ("a 71-year-old German woman")
    phrase = []
    for token in tokens[after : after + _AGED_NOUN_WORDS]:
        if not token.is_word or token.lower in FUNCTION_WORDS:
            break
        phrase.append(token)
    people = [token for token in phrase if token.stem in PERSON_STEMS]
    if not people or any(token.stem in question.content_stems for token in people):
        return False
    return not _set_off_after_the_role(tokens, candidate.first, question)


def _set_off_after_the_role(
    tokens: Sequence[Token], first: int, question: QuestionAnalysis
) -> bool:
    """Whether the phrase at ``first`` describes the question's role set off just before it:
    "The driver, a 51-year-old man," is the driver's age."""
    opening = first - 1
    if opening >= 0 and tokens[opening].lower in {"a", "an"}:
        opening -= 1
    return (
        opening >= 1
        and tokens[opening].text == ","
        and tokens[opening - 1].stem in question.content_stems
    )


# Words read after an age for the noun it is of ("German woman", "retired bus driver").
_AGED_NOUN_WORDS = 3


def _a_count_of_other_things(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """ "22 cameras" answers no "what museum was robbed?": a count of things that are
    not the question's head noun, nor a kind of it, names none of what it asks for."""
    if question.answer_type is not AnswerType.OTHER or not question.head:
        return False
    tokens = candidate.tokens
    if len(tokens) < _COUNT_AND_NOUN or not is_cardinal(tokens[0].lower):
        return False
    last = tokens[-1]
    head = head_word(question)
    plain = all(token.is_word and token.lower not in FUNCTION_WORDS for token in tokens[1:])
    return (
        head is not None
        and plain  # "30 euros in cash and 0.4 of a share" is more than a count of things
        and last.lower not in NUMBER_WORDS  # "7 million" is an amount, not a count
        and last.lower not in MONEY_WORDS
        and last.stem != question.head[-1]
        and not is_a_kind_of(last.lower, head)
        and word_class(last.lower) is WordClass.NOUN
    )


def _a_part_of_the_count(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """ "Among the dead were four children", "including six children": a count of some of
    those counted, which answers "how many people died?" only when the question asks
    for those ("how many children died?")."""
    if asked_quantity(question) != "count":
        return False
    tokens = candidate.sentence.tokens
    before = [
        token.lower for token in tokens[max(0, candidate.first - _PART_REACH) : candidate.first]
    ]
    including = not _INCLUDING.isdisjoint(before)
    # "Among the dead were four children", but "Among the 11 dead were ...": the whole
    among = "among" in before and not _COPULAS_AFTER_AMONG.isdisjoint(
        before[before.index("among") :]
    )
    if not (including or among):
        return False
    return question.content_stems.isdisjoint(token.stem for token in candidate.tokens[1:])


def _the_asked_name_has_its_own(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """Whether the question's name has its own number right after it elsewhere in the
    sentence: "Seeblick now teaches 186 pupils and Sonnberg 94" gives Sonnberg 94, not
    186; "ahead of Bachmann on 80" gives Bachmann 80 points."""
    if question.answer_type is not AnswerType.NUMBER or not question.capital_stems:
        return False
    tokens = candidate.sentence.tokens
    for at, token in enumerate(tokens):
        if not (token.is_capitalized and token.stem in question.capital_stems):
            continue
        if token.lower.endswith("'s"):
            continue  # "Harvard's 2,400 professors": an owner, of all the sentence counts
        after = at + 1
        if after < len(tokens) and tokens[after].lower in {"on", "with"}:
            after += 1  # "Bachmann on 80"
        if (
            after < len(tokens)
            and tokens[after].is_number
            and not candidate.first <= after <= candidate.last
            and _ends_a_clause(tokens, after + 1)
        ):
            return True
    return False


def _ends_a_clause(tokens: Sequence[Token], at: int) -> bool:
    """Whether a clause ends at ``at``: a mark or the sentence's end ("Sonnberg 94.")."""
    return at >= len(tokens) or tokens[at].text in {".", ",", ";", "and"}


# Words that open a count of part of a whole ("including six children", "Among the dead
# were four children"), and how far before the count they stand.
_INCLUDING = frozenset({"including", "included"})
_COPULAS_AFTER_AMONG = frozenset({"were", "was", "are", "is"})
_PART_REACH = 4
# A count and its noun: the fewest tokens of "22 cameras".
_COUNT_AND_NOUN = 2


def _the_asked_thing_itself(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """ "who owns the ferry?" is not answered by "The Kornat Star, a 68-metre ferry owned
    by ...": a name set off with the question's own noun after it ("X, a ... ferry") is
    the thing asked about, not who did something to it."""
    if question.answer_type not in _ENTITY_TYPES:
        return False
    tokens = candidate.sentence.tokens
    after = candidate.last + 1
    if (
        after + 1 >= len(tokens)
        or tokens[after].text != ","
        or tokens[after + 1].lower not in {"a", "an", "the"}
    ):
        return False
    objects = _objects_of_the_verb(question)
    return any(
        token.stem in objects and not token.is_capitalized
        for token in tokens[after + 2 : after + 2 + _APPOSITION_WORDS]
    )


def _objects_of_the_verb(question: QuestionAnalysis) -> frozenset[str]:
    """The common nouns after the question's first verb of its own ("ferry" of "who owns
    the ferry?"); none for "who was Robert's son?", whose noun is the asked role."""
    words = [token for token in question.content if token.is_word]
    verb = next(
        (index for index, token in enumerate(words) if word_class(token.lower) is WordClass.VERB),
        None,
    )
    if verb is None:
        return frozenset()
    return frozenset(
        token.stem
        for token in words[verb + 1 :]
        if not token.is_capitalized and word_class(token.lower) is WordClass.NOUN
    )


# Words read after "X, a" for the noun that says what X is ("a 68-metre ferry").
_APPOSITION_WORDS = 3


def _an_opinion_for_a_description(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """ "who is Diabaté?" is not answered by a rival coach's '"... Diabaté was the best
    player on the pitch."': what someone says of a person in a quotation is an opinion,
    not who the person is."""
    return (
        question.answer_type is AnswerType.DEFINITION
        and candidate.rule.startswith("definition:")
        and said_in_quotation(candidate.sentence.passage.text, candidate.first, candidate.last)
    )


def _no_name_for_a_name(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """ "We've", "1:45 p.m." or "insurer" for "what is the name of the injured resident?",
    "ship's captain" for "what is the ship's name?": a proper name is a capitalized word,
    not a sentence's first word, a pronoun or a day. (A term's name need not be: "another
    name for a coal bin" is "bunker".)"""
    kin = (
        question.answer_type is AnswerType.PERSON
        and family_relation(question) is not None
        and question.text.lower().startswith(("who ", "whom "))
    )
    if kin:  # "who is X's husband?" wants his name too: not "public tender"
        return not any(
            token.is_capitalized and token.lower not in FUNCTION_WORDS
            for token in candidate.tokens  # "Bohemond, the son of Robert" opens a sentence
        )
    if question.answer_type not in _NAMED_TYPES or not _asks_a_proper_name(question.text.lower()):
        return False  # "in what year did it change its name?" asks a year; "why is the
    # name of the firm kept secret?" a reason
    tokens = candidate.sentence.tokens
    return not any(
        _names_someone(tokens, index) for index in range(candidate.first, candidate.last + 1)
    )


def _names_someone(tokens: Sequence[Token], index: int) -> bool:
    """Whether the token could be part of someone's name: capitalized where a sentence
    does not capitalize it anyway (or, where it does, no common word: "the name of their
    castle: Afranji"), and neither a pronoun's contraction nor a day."""
    token = tokens[index]
    return (
        token.is_capitalized
        and (not opens_sentence(tokens, index) or not is_common_word(token.lower))
        and token.lower.split("'")[0] not in FUNCTION_WORDS
        and token.lower not in CALENDAR_WORDS
    )


@lru_cache(maxsize=1024)
def _asks_a_proper_name(text: str) -> bool:
    """ "the name of the injured resident", "the thieves' names", "her husband's name",
    "what is his name", "what is the ship's name?": the name asked for is someone's or a
    thing's own, a proper name. ("The name of the process" may be a term: only people's
    count after "name of", and things one can point at or join: "the name of Liège's
    stadium", "of the school".)"""
    if _NAME_OWNED.search(text) or _NAME_OF_PRONOUN.search(text):
        return True
    words: list[str] = []
    for match in _NAME_OF.finditer(text):
        words.extend(match.group(1).split())
    return any(_names_people(word.rstrip("'")) for word in words) or any(
        _a_named_kind(owner) for owner in _name_owners(text)
    )


def _a_named_kind(word: str) -> bool:
    """ "stadium", "ship", "school", "company", "colliery", "village": a kind of thing whose
    members have names of their own (WordNet's artifacts, organizations and locations),
    not "process" or "policy"."""
    return any(is_a_kind_of(form, kind) for form in singulars(word) for kind in _NAMED_KINDS)


_NAMED_KINDS = ("artifact", "organization", "location")


def _names_people(word: str) -> bool:
    """ "resident", "husband", "thieves" (stems miss "thief" of the plural)."""
    singular = word[:-3] + "f" if word.endswith("ves") else word
    return stem(word) in PERSON_STEMS or stem(singular) in PERSON_STEMS


# Bounded: at most three words of at most 30 letters each.
# Letters of any alphabet ("liège's stadium"), apostrophes and hyphens.
_NAME_OF = re.compile(
    r"\bnames? of (?:the |a |an |this |that |his |her |their |its )?"
    r"([^\W\d_'-][\w'-]{0,29}(?: [^\W\d_'-][\w'-]{0,29}){0,2})"
)
_NAME_OWNED = re.compile(
    r"\b([^\W\d_][\w-]{0,30})(?:'s|') (?:first |last |full |real |maiden )?names?\b"
)
_NAME_OF_PRONOUN = re.compile(r"\b(?:his|her|their|its) (?:first |last |full |real )?names?\b")
_NAME_OF_PERSON_PRONOUN = re.compile(r"\b(?:his|her) (?:first |last |full |real )?names?\b")

# Heads of "which ...?" that name someone, a body or a place.
_ENTITY_HEADS = frozenset(
    stem(word) for word in ORGANIZATION_NOUNS | PLACE_NOUNS | VENUE_NOUNS | PERSON_NOUNS
)


def _ranks_above(candidate: Candidate, kept: Candidate) -> bool:
    """Which of two rules proposing one span to keep: the better fit, then the one that
    says more; a doer of the question's verb ("led by Ana Ruiz") says more than a name."""
    return (candidate.type_fit, candidate.bonus, candidate.rule in _DOERS) > (
        kept.type_fit,
        kept.bonus,
        kept.rule in _DOERS,
    )


_DOERS = frozenset({"agent:subject", "agent:passive"})


def _whole_quantities(candidates: list[Candidate]) -> list[Candidate]:
    """Drop "thousands" where "thousands of troops" is a candidate: a bare magnitude is no amount.

    "How many troops?" is answered by "thousands of troops"; "thousands" alone says
    an order of magnitude of nothing in particular.
    """
    counted_from = {c.first for c in candidates if c.rule == "number+noun"}
    return [
        candidate
        for candidate in candidates
        if not (
            candidate.rule == "number"
            and candidate.first in counted_from
            and all(token.lower in _MAGNITUDES for token in candidate.tokens)
        )
    ]


def _without_conversions(
    candidates: list[Candidate], question: QuestionAnalysis
) -> list[Candidate]:
    """Drop "7 inches" of "180 millimeters (7 inches)": a conversion restates the amount before it.

    The article's own figure is the answer; its conversion in brackets is the same
    amount again, and bare ("7") it reads as another. A question that asks in the
    converted unit ("how many inches ...?") keeps it.
    """
    ends = {c.last for c in candidates if rule_family(c.rule) == "number"}
    tokens = candidates[0].sentence.tokens if candidates else ()
    return [
        candidate
        for candidate in candidates
        if not (
            candidate.first >= 2
            and tokens[candidate.first - 1].text == "("
            and candidate.first - 2 in ends
            and not any(token.stem in question.content_stems for token in candidate.tokens)
        )
    ]


# Number words that say only an order of magnitude ("thousands", "tens of thousands").
_MAGNITUDES = frozenset("tens hundreds thousands millions billions dozens scores of".split())


def _named_for_their_descriptions(
    candidates: list[Candidate], question: QuestionAnalysis
) -> list[Candidate]:
    """Drop a description ending on the asked head noun where a name is set off right after
    it: "the company's sister ship, the Kornat Wind," answers "which ship took them off?"
    with the ship's name."""
    starts = {candidate.first for candidate in candidates if candidate.tokens[0].is_capitalized}
    head = question.head[-1]

    def described(candidate: Candidate) -> bool:
        tokens = candidate.sentence.tokens
        after = candidate.last + 1
        if tokens[candidate.last].stem != head or after + 1 >= len(tokens):
            return False
        if tokens[after].text != ",":
            return False
        name = after + 2 if tokens[after + 1].lower == "the" else after + 1
        return name in starts

    return [candidate for candidate in candidates if not described(candidate)]


def _of_the_kind_named(candidates: list[Candidate], question: QuestionAnalysis) -> list[Candidate]:
    """Where the sentence names the thing asked for before its head noun ("the Calder-2
    rocket" for "which rocket carried it?"), a noun phrase about another kind of thing
    ("the 1,180-kilogram Norvane-1 satellite") is not its answer; one naming a kind of it
    is ("aspirin" for "which drug?")."""
    if not any(
        candidate.rule == "head:modifier"
        and candidate.tokens[0].is_capitalized
        and not is_nationality(candidate.tokens[0].lower)  # "Roman law" names no one law
        for candidate in candidates
    ):
        return candidates
    head = head_word(question)
    if head is None:
        return candidates

    def another_kind(candidate: Candidate) -> bool:
        if rule_family(candidate.rule) != "chunk":
            return False
        last = candidate.tokens[-1]
        return (
            last.is_word
            and not last.is_capitalized
            and last.stem != question.head[-1]
            and word_class(last.lower) is WordClass.NOUN
            and is_common_word(last.lower)  # of a word WordNet may not know, nothing is said
            and not any(is_a_kind_of(form, head) for form in singulars(last.lower))
        )

    return [candidate for candidate in candidates if not another_kind(candidate)]


def _without_described_names(candidates: list[Candidate]) -> list[Candidate]:
    """Drop "the rolling stock maker Corvel" where "Corvel" is a candidate: who asks for the name.

    A doer phrase that ends in a name says the same thing at more length; the name
    alone is the answer, and its description stays in the quoted sentence.
    """
    name_ends: dict[int, int] = {}  # the earliest start of a name ending at each token
    for candidate in candidates:
        if candidate.rule.startswith("name:") or candidate.rule == "agent:name":
            start = name_ends.get(candidate.last, candidate.first)
            name_ends[candidate.last] = min(start, candidate.first)
    described = [
        candidate
        for candidate in candidates
        if candidate.rule in {"agent", "agent:passive"}
        and name_ends.get(candidate.last, candidate.first) > candidate.first
    ]
    # the name of a doer of the question's verb ("a rocket made by the French start-up
    # Arcturus Launch") is that doer: it keeps the rule that says so
    doers = {candidate.last for candidate in described if candidate.rule == "agent:passive"}
    return [
        candidate._replace(rule="agent:passive")
        if candidate.last in doers and candidate.first == name_ends[candidate.last]
        else candidate
        for candidate in candidates
        if candidate not in described
    ]


def _says_only_the_question(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """Whether every content word of the span is one of the question's, its head noun included.

    The head is no echo for :func:`_only_echoes` ("the Charles River" answers "what
    river?"), but a span of nothing else ("the working fluid" for "what working
    fluid is used ...?", "the town" for "from what French town?") names no answer.
    """
    words = _span_words(candidate.sentence.passage.text, candidate.first, candidate.last)
    # "Two trustees" counts what "which trustee?" asks for; it names none
    counts = question.answer_type is not AnswerType.NUMBER
    stems = words.named_stems if counts else words.content_stems
    return bool(stems) and all(stem in question.content_stems for stem in stems)


def _counts_the_next(tokens: Sequence[Token], index: int) -> bool:
    """ "Two" of "Two trustees", "112" of "112 countries", "eight" of "eight new container
    scanners": a cardinal before a plural, its modifiers between (not an order, "the third
    grade", nor a number that names, "Article 101")."""
    if not is_cardinal(tokens[index].lower):
        return False
    for following in tokens[index + 1 : index + 2 + _COUNT_MODIFIERS]:
        word = following.lower
        if not following.is_word or word in FUNCTION_WORDS:
            return False
        if looks_plural(word) and word_class(word) is WordClass.NOUN:
            return True
    return False


# Modifiers a count may stand before its noun: "eight new container scanners".
_COUNT_MODIFIERS = 2


def _without_the_set_aside(candidate: Candidate, question: QuestionAnalysis) -> Candidate | None:
    """The span without what the question sets aside, or None when that is all it names:
    "which other trustee voted no besides Delorme?" gets "Agnieszka Wójcik" of "Marcus
    Delorme and Agnieszka Wójcik", and nothing of "Marcus Delorme". An item is set aside
    by its last word (a surname, a head noun)."""
    aside = set_aside_stems(question.text)
    if not aside:
        return candidate
    tokens = candidate.sentence.tokens
    joins = [
        index
        for index in range(candidate.first + 1, candidate.last)
        if tokens[index].lower in {"and", "or"}
    ]
    if tokens[candidate.last].stem in aside:
        if not joins:
            return None
        end = joins[-1] - 1
        while end > candidate.first and not tokens[end].is_word:
            end -= 1  # "A, and B": no comma at the end
        return candidate._replace(last=end)
    if joins:
        before = joins[0] - 1
        while before > candidate.first and not tokens[before].is_word:
            before -= 1
        if tokens[before].stem in aside:
            return candidate._replace(first=joins[0] + 1)
    return candidate


def _only_echoes(candidate: Candidate) -> bool:
    """Whether the span says nothing but the question's own words: every content word
    of it is one the question says, or it has none."""
    sentence = candidate.sentence
    content = len(_span_words(sentence.passage.text, candidate.first, candidate.last).content_stems)
    if not content:
        return rule_family(candidate.rule) != "date"  # "May" is a month, no modal verb
    return sentence.echo_count(candidate.first, candidate.last) >= content


def _only_a_quantifier(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """A span of nothing but quantifiers and function words ("one", "either", "many
    others"), or a vague amount of things ("several barriers", "many types"): it
    stands for things the sentence names elsewhere, or for none. It answers only
    "how many?" ("one"), and never with a vague amount alone ("several", "a few")."""
    if rule_family(candidate.rule) == "date":
        return False  # "in May" is a month, not the function word "may"
    words = _span_words(candidate.sentence.passage.text, candidate.first, candidate.last).lowers
    if question.answer_type is AnswerType.NUMBER:
        # "several", "several riders"; but "several hundred", "some 300 people" are amounts
        counted = len(words) > 1 and (words[1] in NUMBER_WORDS or words[1][:1].isdigit())
        return bool(words) and words[0] in _VAGUE and not counted
    # nor does a bare number answer "who?" or "where?" ("two" of "two researchers")
    numbers = question.answer_type in _ENTITY_TYPES
    if len(words) > 1 and words[0] in _VAGUE and words[1] not in NUMBER_WORDS:
        return True  # "many complexity classes", but "several hundred horsepower" is an amount
    return all(
        word in _QUANTIFIERS
        or word in FUNCTION_WORDS
        or (numbers and (word.isdigit() or word in NUMBER_WORDS))
        for word in words
    )


# Amounts too vague to single anything out: "many accidents" names no accident.
_VAGUE = frozenset({"many", "several", "few", "various", "numerous", "some"})
# Words that stand for an amount of things, not for a thing.
_QUANTIFIERS = frozenset(
    "one ones either neither both each many several few other others most all none much "
    "more less".split()
)


def _role_mentions(sentence: Sentence, question: QuestionAnalysis) -> list[int]:
    """Where the sentence names the role a "who is the mayor?" question asks about, or the
    office of holding it ("under the leadership of X" for "who was the leader?")."""
    focus = question.focus
    if focus is None:
        return []
    office = focus + _OFFICE
    # "invented by Thomas Newcomen" names the inventor, "founded by" the founder
    doing = focus[:-2] if focus.endswith(_DOER_ENDINGS) and len(focus) > _SHORTEST_DOER else None
    tokens = sentence.tokens
    return [
        index
        for index, token in enumerate(tokens)
        if (token.stem in (focus, office) or (token.stem == doing and token.lower.endswith("ed")))
        and not _a_subordinate_role(tokens, index, question)
    ]


def _a_subordinate_role(tokens: Sequence[Token], index: int, question: QuestionAnalysis) -> bool:
    """Whether the role's word is another, lesser role by the word before it that the
    question does not say: "Lyon's deputy mayor" is not the mayor of Lyon."""
    if index == 0:
        return False
    before = tokens[index - 1]
    return before.lower in _SUBORDINATE and before.stem not in question.focus_phrase


# Words that make a role another, lesser one ("deputy mayor", "vice chairman").
_SUBORDINATE = frozenset({"deputy", "vice", "assistant", "associate", "junior", "under"})


# "leadership", "chairmanship", "premiership": the office of a leader, a chairman, a premier.
_OFFICE = "ship"
# The two-letter endings of a doer's noun made from its verb: "inventor", "founder".
_DOER_ENDINGS = ("or", "er")
_SHORTEST_DOER = 5


def _other_roles_at(sentence: Sentence, question: QuestionAnalysis) -> list[int]:
    """Where the sentence says a role the question gives someone other than the one it
    asks for: "the captain" of "who was on the bridge with the captain?", "the mayor" of
    "who did the mayor meet?" (a role after a verb or a preposition of the question's,
    not the predicate of "who was the first woman to fly?")."""
    if question.answer_type is not AnswerType.PERSON or question.asks_role or question.head:
        return []
    roles = _roles_of_others(question.text)
    if not roles:
        return []
    return [index for index, token in enumerate(sentence.tokens) if token.stem in roles]


@lru_cache(maxsize=1024)
def _roles_of_others(question_text: str) -> frozenset[str]:
    """The stems of the person nouns a "who" question gives others: all of them, but
    those of the predicate a copula opens ("who was the first woman to fly?") up to a
    verb or a preposition ("who was on the bridge with the captain?")."""
    words = [token for token in tokenize(question_text) if token.is_word][:_QUESTION_WORDS]
    roles: set[str] = set()
    # "who did the mayor meet?": the mayor is another; "who was the mayor?" asks for one
    governed = len(words) > 1 and words[1].lower not in COPULAS
    for index, token in enumerate(words[2:], start=2):
        lower = token.lower
        following = words[index + 1].lower if index + 1 < len(words) else ""
        verb = word_class(lower) is WordClass.VERB and lower not in FUNCTION_WORDS
        if lower == "as":
            break  # "who did Gegeen appoint as grand chancellor?" gives the answer's role
        if lower in PREPOSITIONS or (verb and word_class(following) is not WordClass.NOUN):
            governed = True  # not "injured" of "who were the injured passengers?"
        elif (
            governed
            and not token.is_capitalized
            and any(form in PERSON_WORDS for form in (lower, *singulars(lower)))
        ):
            roles.add(token.stem)
    return frozenset(roles)


# The words of a question read for the roles it gives others.
_QUESTION_WORDS = 24


def _holds_the_role(candidate: Candidate, role_at: list[int]) -> bool:
    """Whether the span is the role's holder: the role itself, or a name set beside it.

    "Mayor Ana Ruiz", "the mayor, Ana Ruiz," and "Ana Ruiz, the mayor," say who
    holds it; "The 46th US President proposed to Putin" names the president's
    counterpart, not the president. A sentence that names the role only beside
    someone else, or never names it, does not answer who holds it.
    """
    tokens = candidate.sentence.tokens
    first, last = candidate.first, candidate.last
    for index in role_at:
        if first <= index <= last:
            return True  # "Prime Minister Tomas Brenko", "the harbour director"
        between = [token.text for token in tokens[index + 1 : first]]
        set_off = between in ([","], [",", "the"])  # "its largest shareholder, the Lindahl ..."
        if index < first and (not between or set_off or _only_titles(between)):
            return True  # "Mayor Ana Ruiz", "the mayor, Ana Ruiz", "President Dr. Ana Ruiz"
        if index < first and _a_role_between(tokens[index + 1 : first]):
            return True  # "a mediator, retired judge Stanisław Bąk"
        if index < first and _the_body_between(tokens[index + 1 : first]):
            return True  # "the chief executive of Acme, Jane Doe,"
        after = tokens[last + 1 : index]
        if (
            index > last
            and after
            and after[0].text == ","
            and len(after) <= _APPOSITION_REACH
            and not any(_is_a_verb_or_by(token) for token in after)
        ):
            return True  # "Ana Ruiz, the mayor", "Ana Ruiz, 52, the mayor"
        if between == ["of"] and tokens[index].lower.endswith(_OFFICE):
            return True  # "under the leadership of Hassan al-Turabi"
        if index > last and _is_the_role(after):
            return True  # "Bowman was the director", "Ruiz became the first mayor"
        if _done_by(tokens, index, first):
            return True  # "Sato, who is coached by former doubles player Greg Whitlam"
        if _named_as(tokens, index, first, last):
            return True  # "named Duarte Meireles, 46, a doctor, as her successor"
    return False


def _is_the_role(between: Sequence[Token]) -> bool:
    """Whether the words between a name and a role say the name holds it: a copula, then
    at most an article and modifiers ("was the", "became the first", "is acting"); no
    preposition or other verb ("was the lawyer of the mayor")."""
    if not between or len(between) > _APPOSITION_REACH or between[0].lower not in _BECOMES:
        return False
    return all(
        token.is_word
        and token.lower not in PREPOSITIONS
        and token.lower not in NEGATIONS
        and word_class(token.lower) in _ROLE_MODIFIER_CLASSES
        for token in between[1:]
    )


# A name is its role after these: "X was the mayor", "X became mayor".
_BECOMES = COPULAS | {"became", "becomes", "remains", "remained"}
_ROLE_MODIFIER_CLASSES = frozenset({WordClass.FUNCTION, WordClass.ADJECTIVE, WordClass.NUMBER})


def _is_a_verb_or_by(token: Token) -> bool:
    """A word that makes what follows a name a clause, not its apposition: "the Civic
    Alliance, led by Prime Minister Tomas Brenko" names no minister in the Alliance, nor
    "a cyclist, ruling that prosecutors had withheld footage" any prosecutor."""
    return token.lower in _OPENS_A_CLAUSE or word_class(token.lower) is WordClass.VERB


# Words after a name's comma that open a clause about something else.
_OPENS_A_CLAUSE = frozenset({"by", "that", "which", "who", "whom", "whose", "where", "when"})


def _named_as(tokens: Sequence[Token], index: int, first: int, last: int) -> bool:
    """Whether the role's word follows "as" after a verb's object: "named [Duarte
    Meireles], 46, the secretary of state for health, as her successor" (the object
    right after its verb, any description of it set off by commas)."""
    before = index - 1
    if before >= 0 and tokens[before].lower in _BEFORE_A_ROLE:
        before -= 1
    if before <= last or tokens[before].lower != "as" or first == 0:
        return False
    between = tokens[last + 1 : before]
    set_off = not between or (
        len(between) <= _AS_REACH and between[0].text == "," and between[-1].text == ","
    )
    return set_off and _object_of_a_verb(tokens, first)


def _object_of_a_verb(tokens: Sequence[Token], first: int) -> bool:
    """Whether the name at ``first`` is a verb's object: right after it, or after a noun
    of its own with a determiner ("surrendered his son Duncan as a hostage")."""
    at = first - 1
    if at >= 1 and _describes_the_object(tokens[at]):
        at -= 1  # "son"
        if at >= 1 and tokens[at].lower in _BEFORE_A_ROLE:
            at -= 1  # "his"
    return at >= 0 and word_class(tokens[at].lower) is WordClass.VERB


def _describes_the_object(token: Token) -> bool:
    """A lower-case person noun before a name: "son" of "his son Duncan"."""
    return token.is_word and not token.is_capitalized and token.stem in PERSON_STEMS


# What stands between "as" and a role ("as her successor", "as the new coach").
_BEFORE_A_ROLE = frozenset({"the", "a", "an", "her", "his", "its", "their", "our"})
# The most tokens of a description set off between the holder and "as".
_AS_REACH = 14


def _done_by(tokens: Sequence[Token], index: int, first: int) -> bool:
    """Whether the role's word is a passive verb whose doer starts at ``first``: the
    coach of "coached by Greg Whitlam" is Whitlam."""
    return (
        tokens[index].lower.endswith("ed")
        and index + 1 < len(tokens)
        and tokens[index + 1].lower == "by"
        and 0 < first - (index + 1) <= _APPOSITION_REACH
    )


def _a_role_between(between: Sequence[Token]) -> bool:
    """A comma, then another role of the holder's, in lower case, before the name: "a
    mediator, retired judge [Stanisław Bąk]" names the mediator."""
    words = between[1:]
    return (
        len(between) > 1
        and between[0].text == ","
        and len(words) <= _ROLE_WORDS
        and all(word.is_word and not word.is_capitalized for word in words)
        and words[-1].stem in PERSON_STEMS
    )


# The most words of a second role between a role and the name ("retired judge").
_ROLE_WORDS = 3


def _the_body_between(between: Sequence[Token]) -> bool:
    """The body the role is of, then a comma, before the name: "The last Prime Minister
    of the (East) German Democratic Republic, [Lothar de Maizière]," names the prime
    minister; a verb or another comma between makes it a clause or a list."""
    return (
        2 < len(between) <= _BODY_REACH
        and between[0].lower == "of"
        and between[-1].text == ","
        and not any(
            token.text == "," or (token.is_word and _is_a_verb_or_by(token))
            for token in between[1:-1]
        )
    )


# The most tokens from a role to its holder's name past the body it is of.
_BODY_REACH = 10


def _only_titles(words: list[str]) -> bool:
    return all(word.lower().rstrip(".") in _TITLES for word in words)


# Titles between a role and its holder's name ("Health Minister Dr. Ana Ruiz"): the
# honorifics, and the abbreviated ranks that stand there too ("Gen.", "Sen.").
_TITLES = HONORIFICS | {"gen", "sen"}
# Tokens from a name's comma to the role that follows it ("Ana Ruiz, 52, the harbour director").
_APPOSITION_REACH = 5


# The kinds of name that may answer each entity question ("name:person" is no place).
_NAME_KINDS = {
    AnswerType.PERSON: frozenset({"person", "organization", "unknown"}),
    AnswerType.ORGANIZATION: frozenset({"organization", "unknown"}),
    AnswerType.LOCATION: frozenset({"place", "organization", "unknown"}),
}


def _doers_verbs(question: QuestionAnalysis) -> frozenset[str]:
    """The forms of the verb a "who/what did it?" question asks the doer of (none for any
    other question): what follows one is what was done (:func:`_what_the_doer_did_it_to`)."""
    if question.wh_role != "subject" or question.answer_type not in _ENTITY_TYPES:
        return frozenset()
    verbs = question_verbs(question)
    return verbs | related_stems(verbs).keys()


def _what_the_doer_did_it_to(candidate: Candidate, doers_verbs: frozenset[str]) -> bool:
    """ "the Golden Lantern" of "The Salt Keepers won the Golden Lantern" for "who won best
    director?": what follows the question's own verb (``doers_verbs``, its forms) is what
    was done (or to whom: "proposed to Putin"), not who did it. A passive's doer is not
    ruled out: "by" stands between ("was won by Ana Ruiz")."""
    if not doers_verbs:
        return False
    tokens = candidate.sentence.tokens
    before = candidate.first - 1
    if before >= 0 and tokens[before].lower in DETERMINERS:
        before -= 1
    if before >= 1 and tokens[before].lower == "to":
        before -= 1  # "proposed to Putin": to whom it was done
    return before >= 0 and tokens[before].stem in doers_verbs


def _wrong_name(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """A name of a kind the question cannot want: a person for "where", a place for "who"."""
    kinds = _NAME_KINDS.get(question.answer_type)
    family, _, kind = candidate.rule.partition(":")
    return kinds is not None and family == "name" and kind not in kinds


def _a_person_named(question: QuestionAnalysis) -> bool:
    """Whether the question names someone besides an owner or a place: "how old is the St
    Brendan's chief executive?" asks the age of whoever holds the role, which the article
    writes beside that person's name, not the hospital's."""
    tokens = tokenize(question.text)
    return any(
        token.stem in question.capital_stems
        and not token.lower.endswith(("'s", "'"))
        # "the fisherman from Mindszent": a place the person is from, not the person
        and not (at > 0 and tokens[at - 1].lower in {"from", "in", "at", "of"})
        for at, token in enumerate(tokens)
    )


def _beside_a_name(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """Whether one of the question's names stands within a few words of the span: an age
    belongs to the name it is written with ("Ana Ruiz, 52," or "the 22-year-old Sato")."""
    tokens = candidate.sentence.tokens
    start = max(0, candidate.first - _AGE_REACH)
    near = range(start, min(len(tokens), candidate.last + _AGE_REACH + 1))
    named = any(
        tokens[at].is_capitalized
        and tokens[at].stem in question.capital_stems
        and not _another_first_name(tokens, at, question)
        for at in near
    )
    return named or _called_as_asked(tokens, candidate.first, question)


def _another_first_name(tokens: Sequence[Token], at: int, question: QuestionAnalysis) -> bool:
    """Whether the question's name at ``at`` is another person's, by the first name before
    it: "Lucía Ferrés, 52," is not "Pablo Ferrés Quiroga" (a question that gives a full
    name says whose)."""
    if at == 0 or len(question.capital_stems) < _FULL_NAME:
        return False
    before = tokens[at - 1]
    return (
        before.is_capitalized
        and before.stem not in question.capital_stems
        and before.lower.rstrip(".") not in HONORIFICS
        and before.lower not in ROLE_TITLES
        and not opens_sentence(tokens, at - 1)
    )


# A question naming someone with this many words gives a full name.
_FULL_NAME = 2


def _called_as_asked(tokens: Sequence[Token], first: int, question: QuestionAnalysis) -> bool:
    """Whether the words right before the name an age is set off after call its owner what
    the question does: "Kempen coach Luís Ferreira Alves, 44," is the Kempen coach's age.
    They must hold one of the question's names and one of its other words: "44" is no
    age of Kempen, the club."""
    end = first - 1 if first > 0 and tokens[first - 1].text == "," else first
    phrase: list[Token] = []
    for token in reversed(tokens[max(0, end - _TITLE_REACH) : end]):
        if not token.is_word or not (
            token.is_capitalized or word_class(token.lower) is WordClass.NOUN
        ):
            break
        phrase.append(token)
    others = {token.stem for token in question.content if not token.is_capitalized}
    said = {token.stem for token in phrase if not token.is_capitalized}
    return _names_one_of(phrase, question) and bool(others & said)


# The most tokens between an age and the name it is written with ("Nadia Benali, 29").
_AGE_REACH = 3
# The most words of a name and the title before it ("Kempen coach Luís Ferreira Alves").
_TITLE_REACH = 6


def _age_said_of(candidate: Candidate, question: QuestionAnalysis, named_before: bool) -> bool:
    """An age written apart from the name: "She was 84." right after a sentence naming
    her, or "Inés Calderón, painter of vast desert skies, dies at 84"."""
    tokens = candidate.sentence.tokens
    first = candidate.first
    before = tokens[max(0, first - _AGE_REACH) : first]
    if named_before and any(token.lower in _PERSONAL_PRONOUNS for token in before):
        return True
    return (
        first >= 2
        and tokens[first - 1].lower in {"at", "aged"}
        and tokens[first - 2].stem == _DIE
        and _names_one_of(tokens, question)
    )


_PERSONAL_PRONOUNS = frozenset({"he", "she"})
_DIE = stem("died")


def _named_before(question: QuestionAnalysis, passage_index: int, reader: ArticleReader) -> bool:
    """Whether the sentence before the one at ``passage_index`` names someone the question
    names: "he" and "she" there may stand for them. Only asked for ages."""
    if passage_index < 1 or asked_quantity(question) != "age" or not question.capital_stems:
        return False
    previous = reader.knowledge.retriever.passages[passage_index - 1].text
    return _names_one_of(tokenize(previous), question)


def _names_one_of(tokens: Sequence[Token], question: QuestionAnalysis) -> bool:
    """Whether ``tokens`` hold one of the question's names (a capitalized word, so a word)."""
    return any(token.is_capitalized and token.stem in question.capital_stems for token in tokens)


def _repeats_a_name(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """A name the question itself says: the answer to "who called Putin a killer?" is not Putin.

    A relative may share it ("who is Calderón's daughter?"): then only a name the
    question says whole is a repeat. Nor is a nationality ("Russian") the answer to
    who, where or which organization.
    """
    named_thing = question.answer_type is AnswerType.OTHER and _asks_a_proper_name(
        question.text.lower()
    )  # "what is the name of Joaquín's bookshop?" is not "Joaquín Arancibia"
    if question.answer_type not in _ENTITY_TYPES and not named_thing:
        return False
    if candidate.rule == "name:adjective":
        return True
    if family_relation(question) is not None:
        # Kin share a surname: "Marta Calderón" is Calderón's daughter, not Calderón.
        return _only_names_of(candidate.tokens, question)
    said = {token.stem for token in candidate.tokens if token.is_capitalized}
    # "the European Court of Justice" for "what is the highest court in the European
    # Union?" holds a word of the question's name, not the name
    return any(name <= said for name in _names_in(question.text)) or _only_names_of(
        candidate.tokens, question
    )


# Capitalized words that open a question and name nothing.
_NOT_NAMES = FUNCTION_WORDS | {"name", "list", "according", "give", "tell"}


@lru_cache(maxsize=1024)
def _names_in(question_text: str) -> tuple[frozenset[str], ...]:
    """The names the question says, each as the stems of its capitalized words in a row
    ("European Union", "Putin"); a function word opening it ("What", "In") is none."""
    names: list[frozenset[str]] = []
    run: list[str] = []
    for token in tokenize(question_text):
        if token.is_word and token.is_capitalized and token.lower not in _NOT_NAMES:
            run.append(token.stem)
            continue
        if run:
            names.append(frozenset(run))
            run = []
    if run:
        names.append(frozenset(run))
    return tuple(names)


def _only_names_of(tokens: Sequence[Token], question: QuestionAnalysis) -> bool:
    """Whether the capitalized words of ``tokens`` are all names the question says."""
    names = [token for token in tokens if token.is_capitalized]
    return bool(names) and all(token.stem in question.capital_stems for token in names)


def _a_value_left_behind(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """The value a change started from ("took 52 seats, down from 64", "reduces the spaces
    from 400 to 250") answers "how many seats did it hold before?", not "how many
    seats will there be?": a number question that asks for no earlier value gets no
    number said after "from" in a change."""
    if question.answer_type is not AnswerType.NUMBER:
        return False
    tokens = candidate.sentence.tokens
    first = candidate.first
    # the amount after its currency sign: "rose from $5 to $7"
    amount = first + 1 if tokens[first].text in CURRENCY_SIGNS else first
    if first < 1 or tokens[first - 1].lower != "from" or amount > candidate.last:
        return False
    # the question read last, once a candidate stands after "from"
    if not tokens[amount].is_number or _ASKS_BEFORE.search(question.text):
        return False
    return _starts_a_change(tokens, first, candidate.last)


def _starts_a_change(tokens: Sequence[Token], first: int, last: int) -> bool:
    """Whether the value at ``first``..``last``, said after "from", is where a change
    started: a word of change shortly before ("down from 64"), or "to" and another
    value after ("from 400 to 250")."""
    before = {token.lower for token in tokens[max(0, first - _CHANGE_REACH) : first - 1]}
    after = tokens[last + 1 : last + 4]
    to_a_number = any(
        token.lower == "to" and (following.is_number or following.text in CURRENCY_SIGNS)
        for token, following in pairwise(after)
    )
    return bool(before & _CHANGE_WORDS) or to_a_number


def _a_value_reached(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """The reverse of :func:`_a_value_left_behind`: "how many seats did it hold before
    the election?" is answered by the 64 of "took 52 seats, down from 64", and a
    sentence that tells where a change started offers no other number for it."""
    if question.answer_type is not AnswerType.NUMBER:
        return False
    tokens = candidate.sentence.tokens
    starts = [
        index + 1
        for index, (token, following) in enumerate(pairwise(tokens))
        if token.lower == "from"
        and (following.is_number or following.text in CURRENCY_SIGNS)  # "from $5"
    ]
    if not starts or candidate.first in starts or candidate.first - 1 in starts:
        return False
    # the question read last, once the sentence has a value after "from"
    if not _ASKS_BEFORE.search(_LAST_PERIOD.sub("", question.text)):
        return False
    return any(_starts_a_change(tokens, start, start) for start in starts)


def _a_level_for_a_change(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """ "By how much did the rate go up?" asks the size of a change ("by half a percentage
    point", "fell 8.6 percent", "up 27%"), not the level it reached or held ("to 7.25%",
    "at 6.75%"): a number said after "to" or "at" answers no question about a change's
    size. A question about the level ("to what", "rose to how much") is not one."""
    if question.answer_type is not AnswerType.NUMBER:
        return False
    tokens = candidate.sentence.tokens
    before = _word_before_value(tokens, candidate.first)
    if before not in {"to", "at"}:
        return False
    # the question read last, once a candidate stands after "to" or "at"
    return _a_change_asked(question)


def _a_change_asked(question: QuestionAnalysis) -> bool:
    """Whether the question asks the size of a change ("by how much did fees go up?"),
    not the level reached ("to how much?")."""
    return _ASKS_CHANGE.search(question.text) is not None and not _ASKS_LEVEL.search(question.text)


def _a_change_for_a_level(candidate: Candidate, question: QuestionAnalysis) -> bool:
    """The reverse of :func:`_a_level_for_a_change`: "what is the new interest rate?" is
    answered by the "7.25%" of "raised the rate by half a percentage point to 7.25%" (or
    "fell six points to 34 percent"), not by the change; only where the sentence gives
    that level ("to" and a number after)."""
    if question.answer_type is not AnswerType.NUMBER:
        return False
    tokens = candidate.sentence.tokens
    before = _word_before_value(tokens, candidate.first)
    if before is None or (before != "by" and before not in _CHANGE_WORDS):
        return False  # "by half a percentage point", "fell six points"
    if any(token.stem == _VOTES for token in tokens[candidate.first : candidate.last + 2]):
        return False  # "lost the vote by 11,482 votes to 4,917": a tally, not a change
    level_after = any(
        token.lower == "to" and (following.is_number or following.text in CURRENCY_SIGNS)
        for token, following in pairwise(tokens[candidate.last + 1 : candidate.last + 4])
    )
    text = question.text
    return level_after and not _ASKS_CHANGE.search(text) and not _ASKS_MARGIN.search(text)


_VOTES = stem("votes")


def _word_before_value(tokens: Sequence[Token], first: int) -> str | None:
    """The word before a value at ``first``, past "about" and currency signs."""
    at = next(
        (
            at
            for at in range(first - 1, max(-1, first - _LEVEL_REACH), -1)
            if tokens[at].lower not in _ROUGHLY and tokens[at].text not in CURRENCY_SIGNS
        ),
        None,
    )
    if at is None:
        return None
    if tokens[at].lower == "to" and at > 0 and tokens[at - 1].lower == "up":
        return "up to"  # "could eliminate up to 300 jobs": a bound, not a level reached
    return tokens[at].lower


# "by how much", "how much did it rise", "how many points has it dropped": a change's size.
_ASKS_CHANGE = re.compile(
    r"\bby how (?:much|many)\b|\bhow (?:much|many \w+)\b[^?]{0,80}?\b(?:rise|rose|risen|"
    r"fall|fell|fallen|drop|dropped|increase|increased|decrease|decreased|go up|went up|"
    r"gone up|go down|went down|gone down|climb|climbed|jump|jumped|slip|slipped|grow|grew|"
    r"grown|shrink|shrank|shrunk|gain|gained|cut|raise|raised|lower|lowered|rising|falling|"
    r"dropping|increasing|decreasing|going up|going down|climbing|jumping|slipping|growing|"
    r"shrinking|gaining|cutting|raising|lowering)\b",
    re.IGNORECASE,
)
_ASKS_LEVEL = re.compile(r"\bto (?:what|how)\b|\bto\s*\??\s*$", re.IGNORECASE)
# "what did she win by?", "what was the margin?": the size of a lead, said after "by".
_ASKS_MARGIN = re.compile(r"\bby\s*\??\s*$|\bmargin\b", re.IGNORECASE)
# Words looked past between a number and the "to" or "at" before it ("to about 7%").
_LEVEL_REACH = 3
_ROUGHLY = frozenset({"about", "around", "roughly", "nearly", "almost", "some", "just"})


# "before", "previously", "the last election", "used to", "from how many": an earlier value.
_ASKS_BEFORE = re.compile(
    r"\b(?:before|previous(?:ly)?|earlier|original(?:ly)?|old|former(?:ly)?|prior|last|"
    r"used to|initial(?:ly)?|from)\b",
    re.IGNORECASE,
)
# "last year", "last month": when a value was reached, which a change's later value tells
# ("684 main breaks last year, up from 410"), not a value before.
_LAST_PERIOD = re.compile(
    r"\blast (?:year|week|month|night|season|weekend|quarter|summer|winter|spring|autumn)\b",
    re.IGNORECASE,
)
# How far before "from" the word saying a change may stand ("cut the height from").
_CHANGE_REACH = 5
_CHANGE_WORDS = frozenset(
    """
    down up reduce reduces reduced reducing cut cuts cutting rise rises rose risen fall falls
    fell fallen drop drops dropped increase increases increased decrease decreases decreased
    raise raises raised lower lowers lowered grow grows grew grown climb climbs climbed slip
    slips slipped jump jumps jumped
    """.split()
)


def _wrong_quantity(
    candidate: Candidate,
    question: QuestionAnalysis,
    dates: list[tuple[int, int]],
    named_before: bool,
) -> bool:
    """A day of a date is never an amount; an age or a price must read as one.

    A length of time inside a relative date is one: "four days" of "deliberated
    for four days before finding him guilty" answers "how long?".
    """
    if candidate.rule == "number:since":
        return not kind_fits(question, candidate)  # "since 2001": how long it has been, only
    in_a_date = any(first <= candidate.last and candidate.first <= last for first, last in dates)
    if in_a_date and rule_family(candidate.rule) == "number" and not counts_time(candidate):
        return True
    wanted = asked_quantity(question)
    if (
        wanted == "age"
        and _a_person_named(question)
        and not _beside_a_name(candidate, question)
        and not _age_said_of(candidate, question, named_before)
    ):
        return True  # "Kiptanui, 31," is not Ibáñez's age
    unit = asked_unit(question.text)
    if unit is not None and in_another_dimension(unit, candidate):
        return True  # "68-metre" for "how fast was the ferry going?"
    if wanted == "money" and in_another_currency(candidate, question.text):
        return True  # "190 billion pesos" for "how much is the deficit in dollars?"
    if wanted == "money" and _a_change_asked(question) and is_share(candidate.text.lower()):
        return False  # "by how much are fees going up?": "by 14 percent"
    if wanted in {"age", "money", "count", "score", "measure", "amount", "frequency", "duration"}:
        return not kind_fits(question, candidate)
    # "Castell, 58, was found guilty": an age set off after a name answers only "how old",
    # not "how many?" nor "what role will Thorsell have?".
    return apposition_age(candidate)
