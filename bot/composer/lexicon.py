"""Closed word lists the composer's rules share: the English the rules need to know.

These are facts about English, not about any article: months and weekdays,
auxiliaries, pronouns, speech verbs and their synonyms, words that make a noun
phrase a person's role or an organization. Each list says why it exists.
"""

from __future__ import annotations

__all__ = [
    "AUXILIARIES",
    "CAUSE_MARKERS",
    "COPULAS",
    "CURRENCY_SIGNS",
    "CURRENCY_WORDS",
    "DETERMINERS",
    "FUNCTION_WORDS",
    "HEDGE_WORDS",
    "HONORIFICS",
    "KIN_NOUNS",
    "LED_BY",
    "MARRIAGE_WORDS",
    "MONEY_WORDS",
    "MONTHS",
    "NEGATIONS",
    "NUMBER_WORDS",
    "ORGANIZATION_NOUNS",
    "PAST_MARKERS",
    "PERSON_NOUNS",
    "PLACE_NOUNS",
    "POSSESSIVE_PRONOUNS",
    "PREPOSITIONS",
    "PRONOUNS",
    "QUOTE_MARKS",
    "ROLE_TITLES",
    "SMALL_NUMBERS",
    "SPEECH_STEMS",
    "SPEECH_VERBS",
    "STANDING_PRONOUNS",
    "TIME_NOUNS",
    "TIME_UNITS",
    "VENUE_NOUNS",
    "WEEKDAYS",
    "is_cardinal",
    "opens_a_job",
    "says_not",
    "words",
]


def words(text: str) -> frozenset[str]:
    """A frozenset of the whitespace-separated words of ``text``."""
    return frozenset(text.split())


MONTHS = words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
WEEKDAYS = words(
    "monday tuesday wednesday thursday friday saturday sunday "
    "mon tue tues wed thu thurs fri sat sun"
)
# Capitalized, but naming no one and nowhere: "Sato won on Sunday" names Sato alone.
CALENDAR_WORDS = MONTHS | WEEKDAYS
# The words that tie a person to the body they speak for ("Lena Marsh of Bike Millbrook",
# "Omar Haddad from the Red Cross"), and the word a reply ties them with after "is".
AFFILIATIONS: dict[str, str] = {"of": "with", "from": "from"}
# Verbs of a relative clause that say what someone does ("Nowicki, who runs a furniture
# factory"): such a clause describes the person as a role would.
JOB_VERBS = words(
    "runs ran owns owned leads led heads headed chairs chaired manages managed directs "
    "directed founded coaches coached teaches taught represents represented edits edited "
    "studies researches advises oversees"
)


def opens_a_job(first: str, second: str) -> bool:
    """Whether a relative clause opening with lower-case ``first`` and ``second`` says what
    someone does: "runs a bakery", "is directing the operation", "has run a bakery"."""
    if first in JOB_VERBS:
        return True
    if first in {"is", "was"}:
        return second.endswith("ing") and len(second) > _SHORTEST_GERUND
    return first in {"has", "had"} and second in _JOB_PARTICIPLES


_SHORTEST_GERUND = 4  # "bring" is no gerund; "directing" is
_JOB_PARTICIPLES = JOB_VERBS | {"run", "worked"}
# Participles of leading ("a union led by X") and how a reply says the person does it.
LED_BY: dict[str, str] = {
    "led": "leads",
    "headed": "heads",
    "run": "runs",
    "chaired": "chairs",
    "directed": "directs",
    "managed": "manages",
    "coached": "coaches",
}
# Nouns that name a span of time; "the summer", "next week", "three years".
TIME_NOUNS = words(
    "second seconds minute minutes hour hours day days week weeks weekend weekends month months "
    "year years decade decades century centuries millennium summer winter spring autumn fall "
    "morning afternoon evening night tonight today yesterday tomorrow era age period season"
)
# The finite forms of "be": "what is ...?", "the land burned so far is ...".
COPULAS = words("is are was were")
AUXILIARIES = words(
    "is are was were be been being am do does did done has have had having will would shall "
    "should can could may might must"
)
PRONOUNS = words(
    "i me my mine you your yours he him his she her hers it its they them their theirs we us "
    "our ours this that these those who whom whose which what "
    "anyone anybody anything someone somebody something everyone everybody everything "
    "myself yourself himself herself itself ourselves yourselves themselves oneself "
    "whatever whichever whoever whomever"
)
DETERMINERS = words("a an the this that these those some any each every no another such")
PREPOSITIONS = words(
    "of in on at by for with about against between into through during before after above "
    "below to from up down out off over under near across along around amid among beside "
    "besides beyond inside outside onto toward towards upon via within without since until "
    "aboard alongside amidst amongst atop behind beneath despite except notwithstanding "
    "throughout underneath unlike versus"
)
CONJUNCTIONS = words(
    "and or but nor so yet because although though while whereas if unless albeit lest whether "
    "whereby wherein whereupon wherever whenever"
)
NEGATIONS = words("no not never none nobody nothing neither nor without n't cannot")


def says_not(lower: str) -> bool:
    """Whether a lower-case word negates: a negation word or a contraction in "n't"."""
    return lower in NEGATIONS or lower.endswith("n't")


# Everything that cannot be the head of an answer on its own.
FUNCTION_WORDS = (
    AUXILIARIES
    | PRONOUNS
    | DETERMINERS
    | PREPOSITIONS
    | CONJUNCTIONS
    | words("also just only even very too as than then there here how why when where not no")
    | words("both cannot")
)

NUMBER_WORDS = words(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred hundreds thousand thousands million millions billion billions trillion trillions "
    "dozen dozens several few many half quarter first second third fourth fifth sixth seventh "
    "eighth ninth tenth once twice"
)
# The values of the number words a count of a few things is written with.
SMALL_NUMBERS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
}
# The marks that open and close a quotation, straight and curly.
QUOTE_MARKS = frozenset({'"', "'", "“", "”", "‘", "’"})
# The number words that order ("third"), and the ones that count ("nine", "thousands").
ORDINAL_WORDS = words("first second third fourth fifth sixth seventh eighth ninth tenth")
CARDINAL_WORDS = NUMBER_WORDS - ORDINAL_WORDS
# Words that place a time from now: "next year", "since last month", "the following week".
RELATIVE_TIME_WORDS = words("next last this coming following previous")


# Possessive pronouns, which open a noun phrase as an article does ("his kingdom").
POSSESSIVE_PRONOUNS = words("my your his her its our their")
# Pronouns a sentence opens on for someone or something the sentence before names ("She
# died two days later", "It meets each six months").
STANDING_PRONOUNS = words("he she it they his her its their")


def is_cardinal(lower: str) -> bool:
    """ "112", "1,100", "nine", "thousands": a lower-case word that counts, not one that
    orders ("19th", "third")."""
    return lower.replace(",", "").isdigit() or lower in CARDINAL_WORDS


# Verbs of speech, grouped by meaning: a question's "reply" matches an article's
# "respond". Keys and members are stems (see retrieval.analysis.stem).
SPEECH_VERBS: dict[str, frozenset[str]] = {
    "say": words("say said tell told state add note remark comment declar announc speak spoke"),
    "repli": words("repli respond answer retort counter rebut"),
    "warn": words("warn caution threaten"),
    "call": words("call dub label brand describ term name"),
    "claim": words("claim alleg insist argu assert contend maintain"),
    "ask": words("ask question demand urg"),
    "promis": words("promis pledg vow swear"),
    "announc": words("announc declar reveal unveil confirm"),
    "write": words("write wrote tweet post"),
}

# Every speech verb's stem, whatever its group: a quote's sentence says who spoke.
SPEECH_STEMS: frozenset[str] = frozenset().union(*SPEECH_VERBS.values())

# Markers that introduce a cause or purpose, best first.
CAUSE_MARKERS = (
    "because of",
    "because",
    "due to",
    "owing to",
    "thanks to",
    "as a result of",
    "in response to",
    "in retaliation for",
    "in order to",
    "so that",
    "so as to",
    "in protest at",
    "in protest against",
    "over",
    "amid",
    "for",
    "to",
    "since",
    "after",
)

# Words by which an article hedges a claim, and how a reply should say it.
HEDGE_WORDS: dict[str, str] = {
    "reportedly": "reportedly",
    "reported": "reportedly",
    "allegedly": "allegedly",
    "alleged": "allegedly",
    "proposed": "as proposed",
    "suggested": "as suggested",
    "expected": "as expected",
    "planned": "as planned",
    "possibly": "possibly",
    "probably": "probably",
    "likely": "likely",
    "rumoured": "reportedly",
    "rumored": "reportedly",
    "unconfirmed": "unconfirmed",
    "tentatively": "tentatively",
}

# Role nouns that, in front of a name, say who the person is ("adviser Yuri Ushakov").
ROLE_TITLES = words(
    "president vice-president minister prime chancellor premier king queen prince princess "
    "duke duchess earl count emperor empress pope bishop archbishop cardinal saint st "
    "mr mrs ms dr prof professor sir lord lady dame general gen colonel col captain "
    "lieutenant commander admiral sergeant officer chief secretary senator sen "
    "representative rep congressman congresswoman governor gov mayor judge justice ambassador "
    "spokesman spokeswoman spokesperson adviser advisor aide director ceo chairman chairwoman "
    "chair founder leader head activist journalist reporter editor author writer singer "
    "actor actress player coach manager economist scientist analyst official commissioner "
    "envoy diplomat lawyer attorney doctor nurse candidate rival opponent critic "
    "executive officer owner partner agent banker trader investor worker employee assistant "
    "deputy superintendent principal teacher student researcher engineer architect designer "
    "planner inspector investigator detective prosecutor defendant witness victim resident "
    "farmer pilot driver chef surgeon physician economist historian curator councillor "
    "councilor councilwoman councilman treasurer clerk sheriff"
)
# Titles written before a name ("Dr. Omar Haddad"), with or without their period.
HONORIFICS = words("dr mr mrs ms prof sir dame rev")
# Nouns that make a question ask for a person ("which leader", "what official").
PERSON_NOUNS = ROLE_TITLES | words(
    "person people man woman men women boy girl child children leader leaders official "
    "officials politician politicians ruler rulers monarch member members citizen citizens "
    "soldier soldiers troops scientist scientists mathematician mathematicians "
    "philosopher king kings queen queens emperor duke dukes son daughter father mother wife "
    "husband brother sister family group individual founder inventor artist composer"
)
# Family and other personal relations. An article that names one says the word ("his
# daughter"), or for a spouse says "married": no other words stand for them.
KIN_NOUNS = words(
    "son sons daughter daughters father mother parent parents wife husband spouse brother "
    "brothers sister sisters grandfather grandmother grandson granddaughter uncle aunt "
    "nephew niece cousin widow widower stepfather stepmother stepson stepdaughter "
    "fiance fiancee fiancé fiancée girlfriend boyfriend"
)
MARRIAGE_WORDS = words("wife husband spouse widow widower married marriage marry")
# Nouns that make a question ask for an organization ("which newspaper").
ORGANIZATION_NOUNS = words(
    "newspaper newspapers paper agency agencies company companies corporation firm firms "
    "organization organisation organizations group groups party parties team teams network "
    "channel channels station broadcaster outlet outlets publication magazine journal "
    "university universities college school institution institute ministry department "
    "government council committee bank banks court union alliance army navy club band "
    "brand airline site website service services charity foundation association body bodies "
    "tribunal commission board regime administration church order dynasty house"
)
# Nouns that make a question ask for a place ("which country", "what city").
PLACE_NOUNS = words(
    "country countries nation nations city cities town towns village villages state states "
    "region regions province provinces capital continent island islands place places area "
    "areas location locations territory territories county district border borders site "
    "venue port coast sea river mountain kingdom empire republic land lands"
)
# Where things happen that are not places on a map: "on state television", "in jail".
VENUE_NOUNS = words(
    "television tv radio channel show programme program broadcast podcast interview "
    "conference summit meeting rally parliament jail prison hospital court school "
    "university church office house palace embassy airport station stadium camp base "
    "headquarters hotel restaurant street square park hall building online website "
    "arena clinic theatre theater museum gallery library mall store shop factory farm gym "
    "gymnasium campus terminal harbour harbor mosque temple cathedral courthouse fairground "
    "fairgrounds warehouse depot home residence"
)
# Words that mark a clause or date as past, so present/future questions avoid it.
PAST_MARKERS = words("ago last earlier previously prior yesterday formerly once")

# The signs written before an amount: "$5", "€2.50".
CURRENCY_SIGNS = frozenset("$£€¥")
# The world's currencies as news writes them after an amount ("4 million zlotys",
# "1,700 rand", "50,000 kronor"), singular and plural; words with another common
# sense ("real", "sol", "mark") are left out.
CURRENCY_WORDS = words(
    "dollar dollars euro euros cent cents pound pounds pence penny sterling yen yuan "
    "renminbi rupee rupees ruble rubles rouble roubles peso pesos rand franc francs krona "
    "kronor krone kroner zloty zlotys zlotych forint forints koruna korunas lira lire "
    "liras reais won dinar dinars dirham dirhams riyal riyals rial rials shekel shekels "
    "sheqel sheqels baht ringgit rupiah naira shilling shillings cedi cedis kwacha hryvnia "
    "hryvnias leu lei lev leva dong taka bolivar bolivares lempira quetzal quetzales "
    "colon colones guarani afghani afghanis manat tenge somoni birr kwanza escudo escudos "
    "sol soles kip riel kyat lari crowns"
)
# Words that make "how much" ask for money: the answer is then an amount of it.
MONEY_WORDS = (
    words(
        "cost costs costed costing price prices priced pay pays paid paying payment worth spend "
        "spent spending earn earned earns earning earnings lose lost loss losses raise raised "
        "fund funding funded fine fined bail salary wage wages revenue revenues profit "
        "profits budget money cash fee fees charge charged sell sold buy bought invest "
        "invested investment value valued prize award damages compensation settlement debt loan"
    )
    | CURRENCY_WORDS
)
# Units a duration is counted in ("how long ...?").
TIME_UNITS = words(
    "second seconds minute minutes hour hours day days week weeks month months year years "
    "decade decades century centuries"
)
