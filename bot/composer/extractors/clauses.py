"""Reason and manner clauses: "for election meddling", "to help normalize relations",
"because ...", "amid ...", "citing ...", and "positively", "by phone", "through dialogue".

A reason clause starts at a cause marker and runs to the next punctuation mark or
clause boundary, cut at a dozen tokens: the short answer is the clause, the reply
quotes the whole sentence anyway. Markers differ in how surely they mean "why":
"because" always does; "for" and "to" often do not ("to Putin", "for the G7"),
so they fit less and must be followed by a plausible clause start.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from bot.composer.candidates import Candidate, Sentence
from bot.composer.lexicon import (
    AUXILIARIES,
    CALENDAR_WORDS,
    CONJUNCTIONS,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    DETERMINERS,
    NUMBER_WORDS,
    ORGANIZATION_NOUNS,
    PERSON_NOUNS,
    PREPOSITIONS,
    PRONOUNS,
    RELATIVE_TIME_WORDS,
    TIME_UNITS,
)
from bot.composer.tokens import Token, groups_digits
from bot.composer.word_classes import WordClass, can_be_verb, classify, looks_plural, word_class
from retrieval.analysis import stem

__all__ = ["extract_actions", "extract_manners", "extract_reasons"]

_MAX_CLAUSE_TOKENS = 12
_CLAUSE_STOPS = frozenset({",", ";", ":", ".", "(", ")", "!", "?", "—", "-", "–"})
_CLAUSE_BREAK_WORDS = frozenset({"and", "but", "while", "which", "who", "whereas", "although"})
# Marker (as lower-case words) → how surely it introduces a cause or purpose.
_REASON_MARKERS: dict[tuple[str, ...], float] = {
    ("because", "of"): 1.0,
    ("because",): 1.0,
    ("due", "to"): 1.0,
    ("owing", "to"): 1.0,
    ("thanks", "to"): 0.9,
    ("as", "a", "result", "of"): 1.0,
    ("in", "response", "to"): 0.9,
    ("in", "retaliation", "for"): 1.0,
    ("in", "order", "to"): 1.0,
    ("so", "that"): 0.9,
    ("so", "as", "to"): 0.9,
    ("in", "protest", "at"): 0.9,
    ("in", "protest", "against"): 0.9,
    ("amid",): 0.7,
    ("over",): 0.45,
    ("for",): 0.55,
    ("to", "help"): 0.8,
    ("to",): 0.45,
    ("since",): 0.4,
    ("after",): 0.35,
    # a cause named by who gives it: "blamed a shoulder problem", "citing rising costs",
    # "ruling that prosecutors had withheld footage", "argued that credit would hurt"
    ("blamed",): 0.8,
    ("blaming",): 0.8,
    ("citing",): 0.8,
    ("ruling", "that"): 0.7,
    ("argued", "that"): 0.5,
    ("saying", "that"): 0.45,
    # a reason given in what someone says of a deed: "declined to name the company,
    # saying talks were at an early stage", "warned that most funds had been moved abroad"
    ("saying",): 0.45,
    ("warned", "that"): 0.5,
    ("wrote", "that"): 0.5,
    ("found", "that"): 0.5,
    ("fear", "that"): 0.5,
    # "more likely given his age", "burned when the wind changed"
    ("given",): 0.5,
    ("when",): 0.3,
    # "sales fell 18 percent, as shoppers spent less": a clause of its own after "as"
    # (news writes causes so; "as the ship sank" tells a time, hence the low fit)
    ("as",): 0.3,
}
# Words (as lower-case words) after which a cause is named, without them: "the cause was
# lung cancer", "died of heart failure", "succumbed to his injuries".
_CAUSE_MARKERS: dict[tuple[str, ...], float] = {
    ("cause", "of", "death", "was"): 1.0,
    ("cause", "was"): 0.9,
    ("cause", "is"): 0.9,
    ("caused", "by"): 0.9,
    ("died", "of"): 0.9,
    ("died", "from"): 0.9,
    ("dies", "of"): 0.9,
    ("dies", "from"): 0.9,
    ("death", "from"): 0.8,
    ("succumbed", "to"): 0.8,
}
_MANNER_MARKERS: dict[tuple[str, ...], float] = {
    ("by",): 0.7,
    ("as", "a"): 0.6,
    ("as",): 0.55,
    ("through",): 0.7,
    ("via",): 0.7,
    ("using",): 0.6,  # "continued to paint, using brighter colors"
    ("with",): 0.45,
    ("in", "a"): 0.4,
}


# Adverbs of frequency, degree, stance and linking say how often, how much or how
# sure, not how something was done; a sentence's first word is a linking adverb.
_NOT_MANNER = frozenset(
    """
    usually really often always typically generally similarly also only especially
    particularly mostly largely widely commonly frequently rarely probably possibly
    clearly actually finally currently recently simply strictly roughly approximately
    nearly merely likely early daily weekly monthly yearly reportedly allegedly apparently
    certainly obviously essentially basically fairly highly newly previously formerly
    originally initially eventually ultimately subsequently consequently accordingly
    additionally alternatively conversely importantly notably respectively relatively
    increasingly mainly primarily chiefly partly routinely
    """.split()
)


def extract_reasons(sentence: Sentence) -> Iterator[Candidate]:
    """Yield cause and purpose clauses of ``sentence``, and the causes it names."""
    yield from _marked_clauses(sentence, _REASON_MARKERS, "reason")
    # the cause alone: "heart failure" of "died of heart failure"
    yield from _marked_clauses(sentence, _CAUSE_MARKERS, "reason", with_marker=False)


def extract_manners(sentence: Sentence) -> Iterator[Candidate]:
    """Yield manner expressions: -ly adverbs, and "by/through/via/with" phrases."""
    for index, token in enumerate(sentence.tokens):
        if (
            index > 0
            and token.is_word
            and token.lower.endswith("ly")
            and len(token.lower) > 4
            and token.lower not in _NOT_MANNER
            and not _a_noun_in_ly(token.lower)
        ):
            yield Candidate(sentence, index, index, "manner:adverb", 0.9)
    for candidate in _marked_clauses(sentence, _MANNER_MARKERS, "manner"):
        yield _means_alone(candidate)


def _a_noun_in_ly(word: str) -> bool:
    """ "family", "butterfly", "assembly": a noun that ends in "-ly" is no adverb ("briefly",
    filed as a noun, is "brief" made one)."""
    return word_class(word) is WordClass.NOUN and word_class(word[:-2]) is not WordClass.ADJECTIVE


def _means_alone(candidate: Candidate) -> Candidate:
    """ "by bus" of "taken by bus to a sports hall": a means named by a bare noun ends at
    it, and what follows ("to a sports hall") says where, not how."""
    tokens = candidate.sentence.tokens
    means = candidate.first + 1
    if (
        tokens[candidate.first].lower != "by"
        or means + 1 > candidate.last
        or tokens[means + 1].lower not in PREPOSITIONS
        or tokens[means + 1].lower == "of"
    ):
        return candidate
    noun = tokens[means]
    bare = noun.is_word and not noun.is_capitalized and not noun.lower.endswith("ing")
    if bare and word_class(noun.lower) is WordClass.NOUN:
        return candidate._replace(last=means)
    return candidate


def extract_actions(sentence: Sentence) -> Iterator[Candidate]:
    """Yield what someone did: each verb with the words it governs, to the clause's end.

    "What did DECnet originally do?" is answered by "connect two PDP-11
    minicomputers", "what has the service done?" by "opened an investigation".
    """
    tokens = sentence.tokens
    classes = classify(tokens)
    for index, token in enumerate(tokens):
        if token.lower in AUXILIARIES:
            continue
        after_a_modal = (
            index > 0
            and tokens[index - 1].lower in _MODALS
            and token.is_word
            and classes[index] in {WordClass.NOUN, WordClass.ADJECTIVE}
        )  # "Owners can check whether ...": "check", mostly a noun, is the verb there
        if classes[index] is not WordClass.VERB and not after_a_modal:
            continue
        end = _clause_end(sentence, index)
        if end > index:
            yield Candidate(sentence, index, end, "clause:action", 0.8)


# Modal verbs: the word after one is a verb's base form.
_MODALS = frozenset({"can", "could", "should", "must", "may", "might", "will", "would", "shall"})


def _marked_clauses(
    sentence: Sentence,
    markers: dict[tuple[str, ...], float],
    rule: str,
    *,
    with_marker: bool = True,
) -> Iterator[Candidate]:
    tokens = sentence.tokens
    lowers = [token.lower for token in tokens]
    index = 0
    while index < len(tokens):
        marker = _marker_at(lowers, index, markers)
        if marker is None:
            index += 1
            continue
        body = index + len(marker)
        end = _clause_end(sentence, body)
        if end >= body and _plausible_clause(sentence, body, marker, rule):
            # The clause with its marker reads as an answer ("for election meddling").
            first = index if with_marker else body
            yield Candidate(sentence, first, end, f"{rule}:{' '.join(marker)}", markers[marker])
        index += 1


def _marker_at(
    lowers: list[str], index: int, markers: dict[tuple[str, ...], float]
) -> tuple[str, ...] | None:
    for marker in markers:  # longest markers are listed first where they overlap
        if tuple(lowers[index : index + len(marker)]) == marker:
            return marker
    return None


def _clause_end(sentence: Sentence, body: int) -> int:
    """The clause's last word: before a stop mark or a word opening another clause,
    unless that comma or "and" only joins two nouns or modifiers ("because the cold,
    low-salt water", "because they fear falls and internal bleeding")."""
    tokens = sentence.tokens
    end = body - 1
    for index in range(body, min(len(tokens), body + _MAX_CLAUSE_TOKENS)):
        token = tokens[index]
        stops = token.text in _CLAUSE_STOPS or (index > body and token.lower in _CLAUSE_BREAK_WORDS)
        if stops and not _joins_words(tokens, index) and not groups_digits(tokens, index):
            break
        if token.text == '"':
            continue
        end = index
    # no dangling mark or word at a cut: "... lacks the shipworm that"
    while end >= body and (
        (not tokens[end].is_word and not _a_numbers_sign(tokens, end))
        or tokens[end].lower in _NEVER_LAST
    ):
        end -= 1
    if end >= body and end + 1 < len(tokens) and _a_numbers_sign(tokens, end + 1):
        end += 1  # the clause's length ran out at "7.25" of "7.25%"
    return end


def _a_numbers_sign(tokens: tuple[Token, ...], index: int) -> bool:
    """ "%" of "to 7.25%": a sign that belongs to the number before it, not a dangling mark."""
    return tokens[index].text in _NUMBER_SIGNS and index > 0 and tokens[index - 1].is_number


_NUMBER_SIGNS = frozenset({"%", "‰", "°"})


# Words no clause ends on; an object pronoun may ("because I trusted them").
_NEVER_LAST = DETERMINERS | PREPOSITIONS | CONJUNCTIONS | frozenset({"that", "which", "who"})


def _joins_words(tokens: tuple[Token, ...], index: int) -> bool:
    """Whether the comma, "and" or "or" at ``index`` joins words inside one phrase: two
    modifiers ("the cold, low-salt water"), or a noun and a modifier or noun that ends no
    clause ("falls and internal bleeding", "coal and steel"); not "demand, officials said".
    Words are classed out of context: this runs at every such mark of a clause."""
    if not 0 < index < len(tokens) - 1 or tokens[index].text not in _JOINERS:
        return False
    before, after = tokens[index - 1], tokens[index + 1]
    if before.is_capitalized or after.is_capitalized or not after.is_word:
        return False
    before_class = word_class(before.lower)
    modifier_after = word_class(after.lower) is WordClass.ADJECTIVE or "-" in after.text
    if tokens[index].text == ",":
        return before_class is WordClass.ADJECTIVE and modifier_after
    if index > 1 and tokens[index - 2].lower in _MODALS:
        # two verbs of one modal: "the base can overheat and catch fire"
        return can_be_verb(before.lower) and can_be_verb(after.lower)
    if before_class not in _PHRASE_WORDS:
        return False
    if modifier_after:
        return True
    following = tokens[index + 2] if index + 2 < len(tokens) else None
    return word_class(after.lower) is WordClass.NOUN and not (
        following is not None
        and following.is_word
        and word_class(following.lower) is WordClass.VERB
    )


_JOINERS = frozenset({",", "and", "or"})
_PHRASE_WORDS = frozenset({WordClass.NOUN, WordClass.ADJECTIVE})


def _as_of_a_comparison_or_list(tokens: Sequence[Token], at: int) -> bool:
    """Whether the "as" at ``at`` opens examples or a name ("such as on-line betting",
    "known as Boschwick") or a comparison ("as well as", "the same as"): no manner."""
    return at > 0 and tokens[at - 1].lower in _BEFORE_A_LISTING_AS


_BEFORE_A_LISTING_AS = frozenset({"such", "known", "well", "so", "same", "just"})


def _plausible_clause(
    sentence: Sentence, body: int, marker: tuple[str, ...], rule: str = "reason"
) -> bool:
    """ "to" must start a verb phrase, not name a recipient ("to Putin"); and a phrase
    that measures ("by 9 percent", "after two years", "for eight months") or tells a
    time ("by the time police arrived") gives no manner and no reason."""
    if body >= len(sentence.tokens):
        return False
    if marker in _TIME_OR_AMOUNT_MARKERS and _tells_time_or_amount(sentence, body, marker):
        return False
    first = sentence.tokens[body]
    following = sentence.tokens[body + 1].lower if body + 1 < len(sentence.tokens) else ""
    if marker == ("due", "to") and _scheduled(first.lower, following):
        return False  # "due to fly to Málaga" says what was planned, not why
    if marker == ("to",):
        return (
            first.is_word
            and not first.is_capitalized
            and first.lower not in DETERMINERS | PRONOUNS
            and not first.is_number
            and not _names_recipients(first.lower)
            and not _completes_a_noun(sentence.tokens, body - 1)
        )
    if marker == ("by",) and (_passive_doer(sentence, body) or _a_byline(sentence, body)):
        return False
    if marker[0] == "as" and _as_of_a_comparison_or_list(sentence.tokens, body - len(marker)):
        return False
    if rule == "reason" and marker == ("as",) and not _a_clause_opens(sentence.tokens, body):
        return False  # "as a result", "as part of", "known locally as Cerro": no cause
    if (
        marker == ("for",)
        and not first.lower.endswith("ing")
        and _names_someone(sentence.tokens, body)
    ):
        # "directing the operation for the regional fire service": for whom, where "for
        # pulling back Diabaté" says why
        return False
    return first.is_word or first.text == '"'


def _a_byline(sentence: Sentence, body: int) -> bool:
    """Whether the sentence is a story's byline, "By Rafael Antunes": "by" and a name, and
    nothing else, says who wrote it, not how anything was done."""
    words = [token for token in sentence.tokens[body:] if token.is_word]
    return (
        body == 1
        and bool(words)
        and len(words) <= _BYLINE_WORDS
        and all(word.is_capitalized or word.lower in _IN_BYLINES for word in words)
    )


# A byline's most words, and the lower-case words one may hold ("By Ana Ruiz and Li Wei").
_BYLINE_WORDS = 8
_IN_BYLINES = frozenset({"and", "in", "de", "da", "van", "von", "del", "la", "le"})


def _a_clause_opens(tokens: Sequence[Token], body: int) -> bool:
    """Whether a clause of its own starts at ``body``: a subject (a determiner, pronoun,
    name or noun, no "a" or "an", which make "as" a role) with a verb among the next
    few words ("as shoppers spent less", "as the economy slowed")."""
    first = tokens[body]
    if not first.is_word or first.lower in _ROLE_ARTICLES or first.lower in _AS_IDIOMS:
        return False
    if any(token.lower in _NAMING_WORDS for token in tokens[max(0, body - 3) : body - 1]):
        return False  # "a site known locally as Cerro Pampa Larga" gives a name
    opens_subject = (
        first.lower in DETERMINERS
        or first.lower in PRONOUNS
        or first.is_capitalized
        or word_class(first.lower) is WordClass.NOUN
    )
    if not opens_subject:
        return False
    window = tuple(tokens[body : body + _SUBJECT_REACH + 1])  # bounded: one "as" of many
    classes = classify(window)
    return any(
        classes[at] is WordClass.VERB
        and window[at].lower not in _AS_IDIOMS
        and window[at - 1].lower != "to"  # "as the Merit Triad to explore ...": a role
        for at in range(1, len(window))
    )


# "as a ..." and "as an ..." name a role ("as a nurse"), a manner's marker.
_ROLE_ARTICLES = frozenset({"a", "an"})
# Words after "as" that open an idiom or a comparison, not a clause.
_AS_IDIOMS = frozenset(
    "part result well much many soon long far if though usual expected planned such "
    "of to for in with".split()
)
# Words that give a name or a description after "as" ("known locally as", "seen as").
_NAMING_WORDS = frozenset(
    "known called named described seen regarded referred dubbed nicknamed branded "
    "listed ranked identified designated classified treated viewed".split()
)
# Words of a subject before its verb ("as diesel prices, drivers' wages and insurance
# costs rose": the verb may come a list later).
_SUBJECT_REACH = 8


def _completes_a_noun(tokens: tuple[Token, ...], to: int) -> bool:
    """Whether the "to" at ``to`` completes a noun or verb of intent or an adjective of
    readiness before it, saying what is intended, not why anything is done: "the
    company's plan to install 12 cranes", "agreed to buy", "ready to sell some brands"."""
    return to > 0 and (
        tokens[to - 1].stem in _INTENT_NOUNS or tokens[to - 1].lower in _READINESS_WORDS
    )


# Nouns and verbs an infinitive completes ("plan to", "decision to", "right to", "agreed
# to", "is expected to"): what is intended, not why.
_INTENT_NOUNS = frozenset(
    stem(word)
    for word in """
    plan plans decision decisions attempt attempts effort efforts bid bids proposal proposals
    promise promises pledge pledges vow vows threat threats right rights ability order orders
    request requests permission refusal failure intention intentions ambition ambitions
    desire wish campaign move moves push drive scheme schemes agreement deal offer offers
    expected hoped wanted tried agreed decided refused promised sought aimed intended
    needed failed managed attempted offered threatened vowed pledged planned wished chose
    seek choose
    """.split()
)


# Adjectives an infinitive completes ("ready to", "willing to", "likely to").
_READINESS_WORDS = frozenset(
    """
    ready willing unwilling able unable likely unlikely eager keen reluctant prepared
    determined free happy glad sure certain quick slow first last due set about
    """.split()
)


def _names_someone(tokens: tuple[Token, ...], body: int) -> bool:
    """Whether the noun phrase at ``body`` names a person or a body: a name, or a noun of
    people or organizations within a few words ("the regional fire service", "his crew")."""
    for token in tokens[body : body + _DOER_REACH]:
        if not token.is_word or token.lower in PREPOSITIONS:
            return False  # "by train from Lisbon": the phrase ends before "from"
        if token.is_capitalized or token.stem in _DOER_STEMS:
            return True
    return False


# Words read after "by" for the doer's noun: "by an Irish company", "by the Dutch PTT".
_DOER_REACH = 4
_DOER_STEMS = frozenset(stem(word) for word in PERSON_NOUNS | ORGANIZATION_NOUNS)


def _passive_doer(sentence: Sentence, body: int) -> bool:
    """Whether "by" after a participle names who did it, not how: "disclosed by an Irish
    company", "bought by the Denver Museum" ("killed by a falling rock" still says how)."""
    tokens = sentence.tokens
    previous = tokens[body - 2] if body >= 2 else None
    participle = previous is not None and (
        previous.lower.endswith(("ed", "en"))
        or (word_class(previous.lower) is WordClass.VERB and not previous.lower.endswith("ing"))
    )  # "disclosed", "taken", "bought"
    return participle and _names_someone(tokens, body)


def _scheduled(word: str, following: str) -> bool:
    """A verb's plain form after "due to" ("due to fly", "due to be", "due to end at 5
    a.m."): a plan, where a cause is a noun phrase or a gerund ("due to rising costs")."""
    if word == "be":
        return True
    if word.endswith(("ing", "ed")):
        return False
    if word_class(word) is WordClass.VERB:
        return True
    # a word more often a noun is a verb when a time or a place follows it ("due to
    # report in 2028"), where a cause's noun ends its phrase ("due to fog.")
    return can_be_verb(word) and not looks_plural(word) and following in _AFTER_A_PLANNED_VERB


_AFTER_A_PLANNED_VERB = frozenset({"at", "in", "on", "by", "before", "within", "next"})


def _names_recipients(word: str) -> bool:
    """ "to very elderly patients", "to workers", "to people": "to" before people or a
    degree word names whom, not what for ("to also help" is still a purpose)."""
    if word in _DEGREE_WORDS:
        return True
    return word in PERSON_NOUNS or (looks_plural(word) and word_class(word) is WordClass.NOUN)


_DEGREE_WORDS = frozenset({"very", "too", "more", "most", "less", "least"})


# The parts of a stretch of time ("most of the day"), and stretches of time that are not
# units ("his career").
_PARTS_OF = frozenset({"most", "much", "all", "part", "half", "rest"})
_FRACTIONS = frozenset({"half", "third", "quarter", "fifth", "sixth", "tenth", "fraction"})
_SPANS_OF_TIME = frozenset({"career", "life", "season", "seasons", "tenure", "term", "night"})
# Markers that also open an amount or a stretch of time: "by 9%", "for eight months".
_TIME_OR_AMOUNT_MARKERS = frozenset(
    {("by",), ("for",), ("over",), ("after",), ("since",), ("with",), ("through",)}
)
# Words before an amount that still make it one: "for about $40", "for between $35 and
# $60", "for more than two years", "for at least a week", "for just $5".
_APPROXIMATELY = frozenset(
    "about nearly roughly around almost some up to between more less than at least "
    "only just under over".split()
)


def _counts_things(words: list[Token]) -> bool:
    """ "two primary schools" of "spread through two primary schools": a number counting
    things (a plural noun soon after, no unit of time, money or share between), which
    names where or how, not how much."""
    for token in words[1:4]:
        lower = token.lower
        if lower in TIME_UNITS or lower in _AMOUNT_WORDS or lower in CURRENCY_WORDS:
            return False
        if not token.is_word:
            return False
        if looks_plural(lower) and word_class(lower) is WordClass.NOUN:
            return True
    return False


# Words after a number that make it an amount: "9 percent", "$1.1 billion", "5 points".
_AMOUNT_WORDS = frozenset(
    "percent per cent million billion trillion thousand hundred points point".split()
)


def _tells_time_or_amount(sentence: Sentence, body: int, marker: tuple[str, ...]) -> bool:
    """Whether the phrase at ``body`` is a quantity ("about $1.1 billion", "two years",
    "2020", "a week"), a day or a month ("since November 2023") or "the time ..."."""
    tokens = sentence.tokens
    words = [token for token in tokens[body : body + 5] if token.lower not in _APPROXIMATELY]
    if not words:
        return False
    first = words[0]
    if first.text in CURRENCY_SIGNS:
        return True
    if first.is_number or first.lower in NUMBER_WORDS:
        # "spread through two primary schools" goes by way of things it counts
        return marker != ("through",) or not _counts_things(words)
    if first.lower in CALENDAR_WORDS:
        return True  # "its first increase since November 2023", "after Monday's vote"
    second = words[1].lower if len(words) > 1 else ""
    if first.lower in RELATIVE_TIME_WORDS and second in TIME_UNITS:
        return True  # "for next year", "since last month"
    if first.lower in {"a", "one"} and second in _FRACTIONS:
        return True  # "fell by about a third", "by a half"
    if first.lower in _PARTS_OF and second == "of":
        # "for most of the day", "for much of his career": a stretch of time
        return any(word.lower in TIME_UNITS or word.lower in _SPANS_OF_TIME for word in words[2:])
    if marker == ("since",) and first.lower in {"before", "after"}:
        return True  # "since before the pandemic"
    # "for a week", "after a year"; "by the time ..."
    return (first.lower in {"a", "an"} and second in TIME_UNITS) or (
        first.lower == "the" and second == "time"
    )
