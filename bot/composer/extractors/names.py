"""Proper names: capitalized word sequences, told apart as person, place or organization.

Without a trained tagger, a name is a run of capitalized words, joined by the
small words names contain ("Robert of Jumièges", "William the Conqueror"). Its
kind comes from evidence in order of reliability: the gazetteer (places), an
organization word in or right after it ("Kommersant newspaper", "Acme Inc"), an
all-capital acronym, an ampersand ("Carver & Lowe") or a role after it ("Rural
Voice leader": organizations), a role title before it ("adviser Yuri Ushakov")
or two or more words (people). A lone surname is a person's when its article
names the person in full (:func:`ends_a_full_name`, asked by the composer).
The first word of a sentence counts as a name only if the article never writes
it in lower case and it is not a common English word ("Similar trains ..."),
unless another capitalized word follows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.composer.candidates import Candidate, Sentence
from bot.composer.english import is_english_word
from bot.composer.extractors.quotes import quote_spans
from bot.composer.gazetteer import Gazetteer
from bot.composer.lexicon import (
    FUNCTION_WORDS,
    HONORIFICS,
    MONTHS,
    ORGANIZATION_NOUNS,
    PRONOUNS,
    ROLE_TITLES,
    WEEKDAYS,
)
from bot.composer.tokens import Token

__all__ = [
    "NAME_CONNECTORS",
    "Name",
    "a_name_word",
    "ends_a_body",
    "ends_a_body_or_place",
    "ends_a_full_name",
    "extract_names",
    "find_names",
    "is_nationality",
    "name_fit",
    "opens_sentence",
]

# Lower-case words inside a name: "Bohemond of Taranto", "Vincent van Gogh".
NAME_CONNECTORS = frozenset(
    {"of", "the", "de", "da", "di", "du", "van", "von", "bin", "al", "la", "le", "&"}
    # Portuguese, Spanish, Italian, French, Dutch and German names join their words
    # with these too: "Construções Vale do Sousa", "Mar del Plata", "van der Berg"
    | {"do", "dos", "das", "del", "della", "der", "den", "des"}
)
_ORG_SUFFIXES = frozenset(
    "inc corp corporation co ltd plc llc group agency party council university college "
    "ministry department company times post news journal association organization "
    "organisation institute foundation committee commission union network television tv "
    "radio bank court congress parliament senate army navy church society club "
    "federation league alliance board office service energy airlines airways motors "
    "holdings partners industries technologies systems appliances pharmaceuticals labs "
    "laboratories enterprises media press review magazine trust fund museum gallery "
    "library orchestra hospital clinic academy school institution brotherhood movement "
    "coalition bloc fund authority inspectorate directorate administration polytechnic "
    "foods logistics biotherapeutics gmbh philharmonic symphony choir ensemble".split()
)
# Words that end the name of a street, a venue or a feature of the land ("Maple Street",
# "Darling Arena", "Kosar Square", "the American Southwest"). Words that are also common
# surnames ("Park", "Lane", "Bay", "Hills", "Forest") are left out: "Grace Park" is a person.
_PLACE_SUFFIXES = frozenset(
    "street avenue road boulevard square plaza highway bridge arena stadium airport "
    "harbor harbour port river lake gulf sea ocean island islands peninsula valley "
    "canyon desert mountains heights coast beach creek falls county province district "
    "region southwest southeast northwest northeast centre center station terminal palace "
    "castle cathedral".split()
)


def ends_a_body(word: str) -> bool:
    """Whether a name ending in ``word`` (lower case) names a body: "Prairie Rivers
    Institute", "Vltava Philharmonic"."""
    return word in _ORG_SUFFIXES


def ends_a_body_or_place(word: str) -> bool:
    """Whether a name ending in ``word`` (lower case) names a body or a place, not a
    person: "Dublin Cycle Safety Network", "Darling Arena"."""
    return word in _ORG_SUFFIXES or word in _PLACE_SUFFIXES


# A name right after "the chief executive of" names what the person works for.
_MEMBERSHIP_NOUNS = frozenset(
    "executive officer director founder chairman chairwoman chair head leader member "
    "members owner spokesman spokeswoman spokesperson president secretary".split()
)
# Nationality adjectives ("Russian leader") are capitalized but name nobody.
_ADJECTIVE_ENDINGS = ("ian", "ean", "ese", "ish")
_NATIONALITIES = frozenset(
    "american mexican african korean french german greek dutch swiss thai iraqi israeli "
    "pakistani saudi kuwaiti qatari yemeni somali nepali bangladeshi afghan arab czech "
    "norse norman european western eastern northern southern".split()
)
_NOT_NAMES = MONTHS | WEEKDAYS | FUNCTION_WORDS
# A name right after these is most often a place.
_PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "from", "near", "between", "across", "into", "outside"}
)


@dataclass(frozen=True, slots=True)
class Name:
    """A name found in a sentence and what kind of thing it names."""

    first: int
    last: int
    kind: str  # person, place, organization or unknown


def find_names(
    sentence: Sentence, gazetteer: Gazetteer, lower_case_words: Callable[[str], bool]
) -> list[Name]:
    """Find the names in ``sentence``.

    ``lower_case_words`` tells whether the article writes a word in lower case
    somewhere, which makes a capitalized sentence opener an ordinary word.
    """
    tokens = sentence.tokens
    names: list[Name] = []
    index = 0
    while index < len(tokens):
        if not _starts_name(sentence, index, lower_case_words, gazetteer):
            index += 1
            continue
        last = index
        probe = index + 1
        while probe < len(tokens) and not tokens[last].lower.endswith("'s"):
            # A possessive ends a name: "Russia's Kommersant" is two names.
            token = tokens[probe]
            if token.is_word and a_name_word(token) and token.lower not in _NOT_NAMES:
                last = probe
                probe += 1
            elif token.lower in NAME_CONNECTORS and (
                _is_capitalized_word(tokens, probe + 1)
                # two particles: "Hendrik van der Berg"
                or (
                    probe + 1 < len(tokens)
                    and tokens[probe + 1].lower in NAME_CONNECTORS
                    and _is_capitalized_word(tokens, probe + 2)
                )
            ):
                probe += 1
            elif _an_initials_period(tokens, last, probe):
                probe += 1  # "Charles W. Eliot", "George W. Bush"
            elif _plural_possessive(tokens, last, probe):
                probe += 1  # "Prairie Teachers' Federation", "the Workers' Party"
            else:
                break
        kind = _kind(sentence, index, last, gazetteer)
        if names and kind in {"person", "unknown"} and _coordinated(tokens, names[-1], index):
            kind = names[-1].kind  # "between Halden Vale and Marston Cross": two places
        names.append(Name(index, last, kind))
        index = last + 1
    return names


def _plural_possessive(tokens: tuple[Token, ...], last: int, probe: int) -> bool:
    """Whether ``probe`` is the apostrophe of a plural possessive inside a name."""
    return (
        tokens[probe].text in {"'", "’"}
        and tokens[probe].start == tokens[last].end
        and tokens[last].lower.endswith("s")
        and _is_capitalized_word(tokens, probe + 1)
    )


def _coordinated(tokens: tuple[Token, ...], previous: Name, first: int) -> bool:
    """Whether a name follows ``previous`` (a place or an organization) joined by "and"/"or".

    Names joined so are of one kind; the first is more often told by its preposition
    ("between", "in") or the gazetteer than the second.
    """
    between = [token.lower for token in tokens[previous.last + 1 : first]]
    return previous.kind in {"place", "organization"} and between in (["and"], ["or"], [",", "and"])


def extract_names(
    sentence: Sentence,
    gazetteer: Gazetteer,
    lower_case_words: Callable[[str], bool],
    wanted: str,
) -> Iterator[Candidate]:
    """Yield the names of ``sentence``, fitting best when their kind is ``wanted``.

    Two people (or two organizations) joined by "and" are offered together too:
    "Rosa Delgado and Tim Hartley" answer "who voted against it?" as a pair. Two
    places are not: "relations between Moscow and Washington" says where no one meets.
    """
    previous: Name | None = None
    tokens = sentence.tokens
    titles = _titles(sentence.passage.text)
    for name in find_names(sentence, gazetteer, lower_case_words):
        start, end = tokens[name.first].start, tokens[name.last].end
        if any(first <= start and end <= last for first, last in titles):
            continue  # "Blue Ribbon" of "Girl with a Blue Ribbon" is no one
        fit = name_fit(name.kind, wanted)
        yield Candidate(sentence, name.first, name.last, f"name:{name.kind}", fit)
        joined = (
            previous is not None
            and previous.kind == name.kind
            and name.kind in _PAIRED_KINDS
            and name.first == previous.last + 2
            and tokens[previous.last + 1].lower == "and"
        )
        if joined and previous is not None:
            yield Candidate(sentence, previous.first, name.last, f"name:{name.kind}", fit)
        previous = name


_PAIRED_KINDS = frozenset({"person", "organization"})


@lru_cache(maxsize=8192)
def _titles(text: str) -> tuple[tuple[int, int], ...]:
    """The character spans of the quoted titles of ``text``: a work's name in quotation
    marks ("The Saône at Dawn", "Girl with a Blue Ribbon") capitalizes each of its
    words but the short function words; a quoted remark does not."""
    spans = []
    for first, last in quote_spans(text):
        words = [word.strip(",.;:!?") for word in text[first:last].split()]
        content = [word for word in words if word and word.lower() not in FUNCTION_WORDS]
        if (
            _TITLE_WORDS[0] <= len(words) <= _TITLE_WORDS[1]
            and content
            and all(word[0].isupper() or not word[0].isalpha() for word in content)
        ):
            spans.append((first, last))
    return tuple(spans)


# A title holds two words or more (one capitalized word in quotation marks is a name
# or a scare quote), and at most a dozen.
_TITLE_WORDS = (2, 12)


def name_fit(kind: str, wanted: str) -> float:
    """How well a name of ``kind`` answers a question that wants a ``wanted`` name."""
    if kind == wanted:
        return 1.0
    if wanted == "person" and kind == "organization":
        # "who built it?", "who won the election?" are often answered by a company or a
        # party: held apart, 0.7 scored PERSON questions 48.4 F1 against 46.9 at 0.5.
        return 0.7
    if kind == "unknown":
        # An unclassified single name is most often a person's surname.
        return 0.6 if wanted in {"person", "organization"} else 0.3
    return 0.15


def a_name_word(token: Token) -> bool:
    """A capitalized word, or a capitalized one after a particle joined by a hyphen or
    an apostrophe ("al-Turabi", "el-Sisi", "d'Alembert"), which names as much."""
    if token.is_capitalized:
        return True
    text = token.text
    for particle in _NAME_PARTICLES:
        if text.startswith(particle) and len(text) > len(particle):
            return text[len(particle)].isupper()
    return False


# Particles written onto a name: Arabic "al-", "el-" and their assimilated forms, "ibn-",
# "bin-", and the French "d'".
_NAME_PARTICLES = (
    "al-",
    "el-",
    "ad-",
    "ar-",
    "as-",
    "ash-",
    "at-",
    "az-",
    "an-",
    "ibn-",
    "bin-",
    "d'",
    "d’",
)


def _is_capitalized_word(tokens: tuple[Token, ...], index: int) -> bool:
    return index < len(tokens) and tokens[index].is_word and tokens[index].is_capitalized


# Marks after which a word is capitalized as a sentence's first: a quotation, a
# bracket, a colon, and the dash after a dateline ("DUBLIN (Wire) — Online retailer").
_OPENERS = frozenset({'"', "'", "(", ":", "—", "–"})


def opens_sentence(tokens: Sequence[Token], index: int) -> bool:
    """Whether the token at ``index`` stands first in its sentence or right after an opening
    mark, where any word is capitalized and a capital says nothing of a name."""
    return index == 0 or tokens[index - 1].text in _OPENERS


def _an_initials_period(tokens: tuple[Token, ...], last: int, probe: int) -> bool:
    """Whether the mark at ``probe`` is the period of an initial at ``last``, with the name
    going on after it."""
    if not (probe == last + 1 and tokens[probe].text == "." and _is_initial(tokens, last)):
        return False
    # after a first name or another initial ("Charles W. Eliot", "W. E. B. Du Bois"), or
    # before another initial ("T. S. Eliot")
    named_before = last > 0 and (
        tokens[last - 1].is_capitalized
        or (last > 1 and tokens[last - 1].text == "." and _is_initial(tokens, last - 2))
    )
    initial_next = _is_initial(tokens, probe + 1) and probe + 2 < len(tokens)
    return (
        (named_before or (initial_next and tokens[probe + 2].text == "."))
        and _is_capitalized_word(tokens, probe + 1)
        and tokens[probe + 1].lower not in _NOT_NAMES  # "Plan B. The ...": a sentence's end
    )


def _is_initial(tokens: tuple[Token, ...], index: int) -> bool:
    """Whether the token at ``index`` is one capital letter: an initial, when a period
    follows it."""
    return (
        0 <= index < len(tokens) and len(tokens[index].text) == 1 and tokens[index].text.isupper()
    )


def _starts_name(
    sentence: Sentence, index: int, lower_case_words: Callable[[str], bool], gazetteer: Gazetteer
) -> bool:
    token = sentence.tokens[index]
    if not (token.is_word and a_name_word(token)) or token.lower in _NOT_NAMES:
        return False
    if token.lower.split("'")[0] in PRONOUNS:
        return False  # "I'm", "We've", "It's": a pronoun contracted
    if token.is_number:
        return False
    if not opens_sentence(sentence.tokens, index):
        return True
    if lower_case_words(token.lower):
        return False
    # "Similar trains have run...": a capitalized opener that is a common English
    # word is a name only when another capitalized word follows ("Mark Rutte").
    following = sentence.tokens[index + 1] if index + 1 < len(sentence.tokens) else None
    next_is_capital = following is not None and following.is_word and following.is_capitalized
    # ... but "Greenland signed a treaty", "France won the war": a place the gazetteer
    # knows, which the article never writes in lower case, is one on its own
    return (
        next_is_capital
        or not is_english_word(token.lower)
        or gazetteer.kind(token.text.removesuffix("'s")) is not None
    )


def _kind(sentence: Sentence, first: int, last: int, gazetteer: Gazetteer) -> str:
    tokens = sentence.tokens
    words = tokens[first : last + 1]
    text = sentence.span_text(first, last)
    bare = text.removesuffix("'s")
    lowers = [token.lower.removesuffix("'s") for token in words]
    following = tokens[last + 1] if last + 1 < len(tokens) else None
    if len(words) == 1 and _modifier(lowers[0], following):
        return "adjective"  # checked first, as the gazetteer has Norman, OK
    if gazetteer.kind(bare) is not None:
        return "place"
    if _is_dateline(sentence, first, last, bare, gazetteer):
        return "place"
    # "Art Institute of Chicago": the words before "of" say what kind of thing it is.
    head = lowers[lowers.index("of", 1) - 1] if "of" in lowers[1:] else lowers[-1]
    if (
        head in _ORG_SUFFIXES
        or (following is not None and following.lower in ORGANIZATION_NOUNS)
        or "&" in lowers  # "Carver & Lowe"
        or (len(words) > 1 and _role_follows(following))  # "Rural Voice leader Milan Oraz"
    ):
        return "organization"
    if head in _PLACE_SUFFIXES:
        return "place"
    if len(words) == 1 and len(bare) > 1 and (bare.isupper() or any(c.isdigit() for c in bare)):
        return "organization"
    previous = tokens[first - 1].lower if first > 0 else ""
    if previous in ORGANIZATION_NOUNS:
        return "organization"  # "the security firm Sentinel Grey", "the newspaper Kommersant"
    if previous == "of" and first > 1 and tokens[first - 2].lower in _MEMBERSHIP_NOUNS:
        return "organization"  # "the former chief executive of Brightwell Energy"
    if previous in ROLE_TITLES or lowers[0] in ROLE_TITLES:
        # "The 46th US President": a title alone stands for someone and names no one
        return "title" if all(lower in ROLE_TITLES for lower in lowers) else "person"
    if previous in _PLACE_PREPOSITIONS:
        return "place"  # "between Halden Vale and Marston Cross", "in Normandy"
    if lowers[0] in _NAMED_EVENTS or head in _EVENT_HEADS:
        # "Storm Idalina", "Battle of Hastings", "the Seven Years' War", "Edict of
        # Nantes", "the Grand Jury Award": no one, no body, no place
        return "event"
    return _kind_by_form(tokens, first, last)


def _kind_by_form(tokens: tuple[Token, ...], first: int, last: int) -> str:
    """The kind of a name no word of it or around it tells: a body when ", which" follows
    it ("her publisher, Edições Almadina, which said"), as ", who" follows a person; a
    person when two capitalized words make it and it modifies no noun."""
    if (
        last + 2 < len(tokens)
        and tokens[last + 1].text == ","
        and tokens[last + 2].lower == "which"
    ):
        return "organization"
    words = tokens[first : last + 1]
    if sum(token.is_capitalized for token in words) >= 2 and not _modifies_a_noun(
        tokens, first, last
    ):
        return "person"
    return "unknown"


# Words that open the name of a storm or an operation, which two capitals do not make a
# person.
_NAMED_EVENTS = frozenset({"storm", "hurricane", "typhoon", "cyclone", "tropical", "operation"})
# Nouns that make a name an event, a document or an award, before its "of" or at its end
# ("Grand Jury Award" is no juror).
_EVENT_HEADS = frozenset(
    "battle battles war wars siege treaty treaties revolution revolt rebellion uprising "
    "massacre edict peace crusade conquest invasion election elections games "
    "championship championships cup olympics award awards prize prizes medal trophy "
    "festival".split()
)


def _modifier(lower: str, following: Token | None) -> bool:
    """A one-word name used as a modifier: a nationality before a word ("Norman
    conquest"), or a name made a participle ("the Berlin-based firm")."""
    if "-" in lower and lower.rsplit("-", 1)[-1] in _PARTICIPLE_ENDS:
        return True
    return is_nationality(lower) and following is not None and following.is_word


# "Berlin-based", "Mexican-born", "state-owned": a name made into a modifier.
_PARTICIPLE_ENDS = frozenset(
    "based born bred owned led backed listed funded run made trained educated raised".split()
)
# Roles that follow the body they are in ("Acme Corp chief"); titles ("Dr.") never do.
_ROLES_AFTER_A_NAME = ROLE_TITLES - HONORIFICS


def _role_follows(following: Token | None) -> bool:
    """A role right after a name makes the name the body the role is in ("Acme Corp chief")."""
    return (
        following is not None
        and following.is_word
        and not following.is_capitalized
        and following.lower in _ROLES_AFTER_A_NAME
    )


def _modifies_a_noun(tokens: tuple[Token, ...], first: int, last: int) -> bool:
    """ "the Cerro Pardo copper mine": a name between an article and a common noun.

    It names the thing the noun says (a mine, a brand, a case), rarely a person.
    """
    before = tokens[first - 1].lower if first > 0 else ""
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    return (
        before in {"the", "a", "an"}
        and after is not None
        and after.is_word
        and not after.is_capitalized
        and after.lower not in FUNCTION_WORDS
    )


# The dash after a dateline's place and agency ("SANTA FE, N.M. (Wire) —"), and what may
# follow the place: its agency in brackets, or the dash.
_DATELINE_DASHES = frozenset({"—", "-", "–"})
_DATELINE_BREAKS = _DATELINE_DASHES | {"("}
# Tokens looked at after a dateline's comma for the agency or the dash.
_DATELINE_REACH = 6


def _is_dateline(
    sentence: Sentence, first: int, last: int, bare: str, gazetteer: Gazetteer
) -> bool:
    """ "SANTA FE, N.M. (Wire) —", "HOUSTON (Wire) —": a capitals-only opener is a place.

    Datelines are written in capitals; a capitals-only name elsewhere is an
    acronym ("NATO"), which the organization rule takes.
    """
    if first != 0 or not bare.isupper() or len(bare) < 3:
        return False
    tokens = sentence.tokens
    following = tokens[last + 1].text if last + 1 < len(tokens) else ""
    if following in _DATELINE_BREAKS:
        return True
    if following != ",":
        return False
    # "PARIS," or "SANTA FE," but not "NATO, the alliance, ...".
    if first < last or gazetteer.kind(bare.title()) is not None:
        return True
    # "VELGRAD, Lestovia (Wire) —": a place, its country, then the agency or a dash.
    for token in tokens[last + 2 : last + 2 + _DATELINE_REACH]:
        if token.text in _DATELINE_BREAKS:
            return True
        if token.is_word and not token.is_capitalized:
            return False
    return False


# Tokens looked at for the dash that ends a dateline ("SANTA FE, N.M. (Ledger Wire) —").
_DATELINE_LENGTH = 12


def dateline_end(sentence: Sentence, gazetteer: Gazetteer) -> int:
    """Where the words after a dateline begin (0 when the sentence opens with none).

    The place and the agency of a dateline say where the story was filed, not whom the
    sentence is about.
    """
    tokens = sentence.tokens
    if not tokens or not tokens[0].is_word:
        return 0
    last = 0
    for index in range(1, min(len(tokens), _DATELINE_LENGTH)):
        if not (tokens[index].is_word and tokens[index].text.isupper()):
            break
        last = index  # "SANTA FE": a dateline's place may take more than one word
    if not _is_dateline(sentence, 0, last, sentence.span_text(0, last), gazetteer):
        return 0
    for index in range(last + 1, min(len(tokens), _DATELINE_LENGTH)):
        if tokens[index].text in _DATELINE_DASHES:
            return index + 1
    return 0


def is_nationality(lower: str) -> bool:
    return lower in _NATIONALITIES or lower.endswith(_ADJECTIVE_ENDINGS)


# Mentions of a name looked at to tell whether a full name ends in it (bounds the scan).
_MENTIONS_READ = 64
# Characters looked back from a mention for the word before it.
_REACH_BACK = 40


def ends_a_full_name(
    word: str,
    texts: Sequence[str],
    lower_case_words: Callable[[str], bool],
    gazetteer: Gazetteer,
) -> bool:
    """Whether the articles write ``word`` after a first name or a title ("Raymond Castell").

    News names a person in full once and by surname after: "Castell" alone is
    then a person, not an unknown name that might be a place or a firm. The word
    before must be a name the articles never write in lower case ("Former
    Brightwell" in a headline is no first name), or a title ("Mayor Ruiz"), and
    the pair no place ("Santa Fe").
    """
    for text, start in _mentions(" " + word, texts):
        end = start + 1 + len(word)
        whole = end == len(text) or not (text[end].isalnum() or text[end] == "-")
        words_before = text[max(0, start - _REACH_BACK) : start].split()
        previous = words_before[-1].lstrip("\"'(“‘").removesuffix(".") if words_before else ""
        if whole and previous.replace("-", "").replace("'", "").isalpha():
            lower = previous.lower()
            if lower in ROLE_TITLES or lower in HONORIFICS:
                return True
            first_name = (
                previous[:1].isupper()
                and not previous.isupper()
                and not lower_case_words(lower)
                and lower not in FUNCTION_WORDS
                and not is_nationality(lower)
                and gazetteer.kind(f"{previous} {word}") is None
            )
            if first_name:
                return True
    return False


def opens_an_organization(word: str, texts: Sequence[str]) -> bool:
    """Whether the articles write ``word`` first in an organization's name ("Lakeline
    Development Group", "Kestrel Home Appliances").

    News names a firm in full once and by its first word after: "Lakeline" alone is
    then that firm, no person, so it does not answer "who voted against?".
    """
    for text, start in _mentions(word + " ", texts):
        whole = start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "-")
        following = text[start + len(word) : start + len(word) + _REACH_AHEAD].split()
        if whole and _ends_in_organization(following[:_NAME_WORDS]):
            return True
    return False


def _mentions(needle: str, texts: Sequence[str]) -> Iterator[tuple[str, int]]:
    """Each text holding ``needle`` and where, at most :data:`_MENTIONS_READ` in all."""
    seen = 0
    for text in texts:
        start = text.find(needle)
        while start >= 0 and seen < _MENTIONS_READ:
            seen += 1
            yield text, start
            start = text.find(needle, start + len(needle))


# How far after a word, and how many words, make the rest of its name.
_REACH_AHEAD = 60
_NAME_WORDS = 4


def _ends_in_organization(words: Sequence[str]) -> bool:
    """Whether the capitalized words that open ``words`` end in an organization's suffix
    ("Development Group," of "Development Group, would ...")."""
    last = ""
    for word in words:
        if not word[:1].isupper():
            break
        last = word
        if word[-1:] in _NAME_ENDS:
            break
    return last.rstrip(_NAME_ENDS).lower() in _ORG_SUFFIXES


# Marks after which a name goes no further.
_NAME_ENDS = ".,;:'\"’”)"


def extract_nationalities(sentence: Sentence) -> Iterator[Candidate]:
    """Yield each nationality the sentence names ("the Scottish engineer", "a Greek
    mathematician"): the answers to "what nationality was he?"."""
    for index, token in enumerate(sentence.tokens):
        if token.is_word and token.is_capitalized and is_nationality(token.lower):
            yield Candidate(sentence, index, index, "name:nationality", 1.0)
