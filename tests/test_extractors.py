"""Answer extraction rules, one row a rule: a sentence and the phrase the rule must find."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest

from bot.composer.candidates import Candidate, Sentence
from bot.composer.extractors.clauses import extract_actions, extract_manners, extract_reasons
from bot.composer.extractors.dates import extract_dates
from bot.composer.extractors.names import (
    a_name_word,
    dateline_end,
    ends_a_full_name,
    extract_names,
    extract_nationalities,
    find_names,
    opens_an_organization,
)
from bot.composer.extractors.numbers import extract_numbers, measure_unit
from bot.composer.extractors.objects import extract_objects
from bot.composer.extractors.phrases import (
    extract_agents,
    extract_chunks,
    extract_definitions,
    extract_head_matches,
    extract_names_given,
    extract_person_nouns,
    extract_place_phrases,
    phrase_end,
)
from bot.composer.extractors.quotes import extract_quotes
from bot.composer.extractors.subjects import extract_subjects
from bot.composer.gazetteer import load_gazetteer
from bot.composer.matching import sentence_for
from bot.composer.questions import analyze_question
from bot.composer.tokens import groups_digits, tokenize
from retrieval import Passage


def sentence_of(text: str) -> Sentence:
    tokens = tokenize(text)
    return Sentence(Passage(text, 0, len(text), 0, 0), tokens, (False,) * len(tokens))


def texts(candidates: Iterable[Candidate]) -> list[str]:
    return [candidate.text for candidate in candidates]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Biden offered to meet on June 15-16 in a European country.", "June 15-16"),
        ("The G7 summit in the UK runs between June 11-13.", "June 11-13"),
        ("It was made during an April 13 phone call.", "April 13"),
        ("He was born on 9 November 1911 in Kent.", "9 November 1911"),
        ("Speaking on Sunday, he said it was over.", "Sunday"),
        ("In a cooling of tensions last week, Moscow announced it.", "last week"),
        ("Biden will meet Putin this summer.", "this summer"),
        ("He proposed it earlier this month.", "earlier this month"),
        ("They ruled in the 10th and 11th centuries.", "10th and 11th centuries"),
        ("William conquered England in 1066.", "1066"),
        ("A month prior, Biden had told an interviewer.", "A month prior"),
        ("It happened three years ago.", "three years ago"),
        ("The talks resume tomorrow.", "tomorrow"),
        # a part of a month, and a month before a mark
        ("Work will finish before the end of October.", "end of October"),
        ("By October, the work was done.", "October"),
        # a deadline
        ("He must report to prison within 30 days.", "within 30 days"),
        ("The first doses would reach hospitals within weeks.", "within weeks"),
        ("The board will decide within two weeks.", "within two weeks"),
        # clock times, written with periods, and with their day
        ("The meeting began at 6 p.m. and ran late.", "6 p.m."),
        ("It ended shortly after 1 a.m. on Wednesday.", "1 a.m. on Wednesday"),
        ("Doors open at 7pm.", "7pm"),
        # the time of a match or a race
        ("Okafor scored with a header in the 88th minute.", "the 88th minute"),
        ("Riverside equalised early in the second half.", "early in the second half"),
        ("She pulled clear on the final lap.", "the final lap"),
        ("The winner came in stoppage time.", "stoppage time"),
        ("Castleford took the lead after 14 minutes.", "after 14 minutes"),
        ("They had led 22-20 since the 68th minute.", "since the 68th minute"),
        ("Kublai besieged the city between 1268 and 1273.", "between 1268 and 1273"),
        # a year of the era, of any length
        ("The tribes had conquered them by 800 CE.", "800 CE"),
        ("Rome fell in AD 476.", "AD 476"),
        ("Caesar died in 44 B.C. in Rome.", "44 B.C."),
        ("It was built around 1200 BCE.", "1200 BCE"),
    ],
)
def test_dates(text: str, expected: str) -> None:
    assert expected in texts(extract_dates(sentence_of(text)))


@pytest.mark.parametrize(
    ("text", "whole", "not_a_date"),
    [
        # years written in full after "to", or a short end after a dash, make a span
        ("The war lasted from 1939 to 1945.", "1939 to 1945", None),
        ("The war of 1914-18 ended it.", "1914-18", None),
        # a year and the number after "to" do not
        ("Honors fell from 90% in 2004 to 60% in 2005.", "2004", "2004 to 60"),
        ("Sales rose in 1998 to 45 stores.", "1998", "1998 to 45"),
    ],
)
def test_a_span_of_years_is_written_as_one(text: str, whole: str, not_a_date: str | None) -> None:
    found = texts(extract_dates(sentence_of(text)))
    assert whole in found
    assert not_a_date is None or not_a_date not in found


def test_an_era_needs_a_number_and_its_capitals() -> None:
    found = texts(extract_dates(sentence_of("The firm ran 30 ads and bought CE marks for 5 ADs.")))
    assert found == []


def test_past_dates_are_marked_past() -> None:
    rules = {c.text: c.rule for c in extract_dates(sentence_of("It ended last week, on June 3."))}
    assert rules["last week"] == "date:past"
    assert rules["June 3"] == "date:any"


def test_a_day_is_more_specific_than_a_season() -> None:
    fits = {c.text: c.type_fit for c in extract_dates(sentence_of("This summer, on June 15."))}
    assert fits["June 15"] > fits["This summer"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Navalny had been on a 24-day hunger strike.", "24-day"),
        ("The 46th US President proposed it.", "46th"),
        ("Moscow is recalling thousands of troops.", "thousands"),
        ("Moscow is recalling thousands of troops.", "thousands of troops"),
        ("Prices rose 3.5 per cent last year.", "3.5 per cent"),
        ("The deal is worth $5 billion.", "$5 billion"),
        ("He served three terms.", "three terms"),
        ("She needed two hours and 51 minutes to win.", "two hours and 51 minutes"),
        # a currency named after its country is part of the amount
        ("It will cost an extra 48 million Canadian dollars.", "48 million Canadian dollars"),
        ("It sold for 5 million Hong Kong dollars.", "5 million Hong Kong dollars"),
        # a temperature keeps its sign and scale
        ("The condenser runs at about 30 °C.", "30 °C"),
        ("Water boils at 212°F at sea level.", "212°F"),
        ("It fell to -5° overnight.", "-5°"),
    ],
)
def test_numbers(text: str, expected: str) -> None:
    assert expected in texts(extract_numbers(sentence_of(text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The van will visit each suburb once a week from April.", "once a week"),
        ("It publishes its report twice a year.", "twice a year"),
        ("It meets each six months.", "each six months"),
        ("Trains run three times a day.", "three times a day"),
        ("The games are held once every four years.", "once every four years"),
        ("Bins are emptied every other week.", "every other week"),
        ("The clinic opens three days a week.", "three days a week"),
        ("The figures are published monthly.", "monthly"),
        ("He has won the race twice.", "twice"),
    ],
)
def test_how_often_something_happens_is_one_quantity(text: str, expected: str) -> None:
    found = {(c.text, c.rule) for c in extract_numbers(sentence_of(text))}
    assert (expected, "number:frequency") in found


@pytest.mark.parametrize(
    ("text", "expected", "rule"),
    [
        # a quantity over time is one quantity
        ("The ice has thinned by 1.9 metres a year.", "1.9 metres a year", "number+noun"),
        ("It pumps 2.3 million barrels a day.", "2.3 million barrels a day", "number+noun"),
        # how long something has been so, by when it began
        ("It has been a principle of law since the 1950s.", "since the 1950s", "number:since"),
        ("The ban has held since March 2019.", "since March 2019", "number:since"),
        ("Prices have risen since the early 1990s.", "since the early 1990s", "number:since"),
    ],
)
def test_a_rate_and_a_time_since_are_one_quantity(text: str, expected: str, rule: str) -> None:
    assert (expected, rule) in {(c.text, c.rule) for c in extract_numbers(sentence_of(text))}


@pytest.mark.parametrize(
    "text",
    ["He slept for three hours.", "The strike lasted six months.", "It costs 40 euros a month."],
)
def test_a_length_of_time_or_a_price_is_no_frequency(text: str) -> None:
    rules = {c.rule for c in extract_numbers(sentence_of(text))}
    assert "number:frequency" not in rules


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("She scored 2 in 10 minutes.", "2 in 10"),
        ("He won one in 2019 and two in 2020.", "one in 2019"),
    ],
)
def test_a_ratio_is_no_time_nor_a_year(text: str, absent: str) -> None:
    assert absent not in texts(extract_numbers(sentence_of(text)))


def test_years_are_not_numbers() -> None:
    assert "2021" not in texts(extract_numbers(sentence_of("It was held in 2021.")))


def test_a_span_of_years_is_no_range_of_amounts() -> None:
    found = texts(extract_numbers(sentence_of("It ran between 2019 and 2021.")))
    assert not any(item.startswith("between") for item in found)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The Greens took 71 seats, while the Liberals took 9, while others lost.", "9, while"),
        ("The Greens took 71 seats, while the Liberals took 9, while others lost.", "9,"),
        ("The investor, 44, said he lost money.", "44, said"),
        ("The restoration cost £4m restoration funds.", "£4m restoration"),
        ("Turnout was 62% turnout overall.", "62% turnout"),
        ("The 22-year-old won.", "22-year"),
        # a hyphenated size describes the noun after it and does not count it
        ("A 14-story apartment building was approved.", "14-story apartment"),
        ("The 2.6-acre site lies empty.", "2.6-acre site"),
        # a finishing time is one quantity: its hours and minutes are no numbers of their own
        ("Ibáñez was third in 2:07:22, a minute behind.", "2"),
        ("Ibáñez was third in 2:07:22, a minute behind.", "07"),
        # the end of a range is no ratio's start: "97 in 11" of "aged 80 to 97 in 11 countries"
        ("It followed patients aged 80 to 97 in 11 countries.", "97 in 11"),
    ],
)
def test_numbers_stop_where_the_quantity_does(text: str, absent: str) -> None:
    assert absent not in texts(extract_numbers(sentence_of(text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("About 4,200 people lost their jobs.", "4,200 people"),
        ("The 22-year-old won.", "22-year-old"),
        ("He won $415,000 in prize money.", "$415,000"),
        ("Ibáñez was third in 2:07:22, a minute behind.", "2:07:22"),
        ("The talks ended at 4:15 a.m. on Friday.", "4:15"),
        # a share told as a ratio
        ("Nearly nine in ten lived at home.", "nine in ten"),
        ("One out of five adults voted.", "One out of five"),
        ("The risk is one in 1,000 for a man.", "one in 1,000"),
        # a share told as a fraction
        ("It would shade about a third of the park.", "a third"),
        ("Two-thirds of voters backed it.", "Two-thirds"),
        ("Three quarters of the staff left.", "Three quarters"),
        ("Her sales fell by about a quarter.", "a quarter"),
        # a currency written with a capital
        ("He could claim 6 million Lira in damages.", "6 million Lira"),
        # a dollar with its country's letters before the sign
        ("The authority will spend C$36 million on it.", "C$36 million"),
        ("It paid US$5 million.", "US$5 million"),
        ("Bids reached HK$3.2 billion.", "HK$3.2 billion"),
        # part of a point or a percent
        ("It raised the rate by half a percentage point to 7.25%.", "half a percentage point"),
        ("Yields rose a quarter of a point.", "a quarter of a point"),
        # a range of amounts is one answer
        ("They sold online for between $35 and $60.", "between $35 and $60"),
        ("Rates rose to between 4 and 4.5 percent.", "between 4 and 4.5 percent"),
        ("Between 1,000 and 2,000 people came.", "Between 1,000 and 2,000"),
        ("Many receptors (around 200–300) are bound.", "200–300"),
        # a time told in three units
        ("He won in 2 hours, 5 minutes and 7 seconds.", "2 hours, 5 minutes and 7 seconds"),
        ("Prices rose 15 — 20 percent.", "15 — 20 percent"),
    ],
)
def test_whole_quantities(text: str, expected: str) -> None:
    assert expected in texts(extract_numbers(sentence_of(text)))


@pytest.mark.parametrize(
    ("text", "not_offered"),
    [
        ("The occupation of 1806–07 ended.", "1806–07"),
        ("It ran between 1914 and 1918.", "between 1914 and 1918"),
    ],
)
def test_a_range_of_years_is_no_quantity(text: str, not_offered: str) -> None:
    assert not_offered not in texts(extract_numbers(sentence_of(text)))


@pytest.mark.parametrize(
    "text",
    [
        "She won a third term in office.",  # an order, not a share
        "He scored in the third quarter.",
        "It was a half-hearted effort.",
        "The bus left at a quarter past nine.",
    ],
)
def test_an_order_is_no_fraction(text: str) -> None:
    found = texts(extract_numbers(sentence_of(text)))
    assert not any("third" in item or "quarter" in item for item in found)


@pytest.mark.parametrize(
    ("expression", "unit"),
    [
        ("14-story", "story"),
        ("2.6-acre", "acre"),
        ("two-year", "year"),
        ("twenty-five", None),
        ("30-foot-wide", "foot"),
        ("22-year-old", "year"),
        ("312", None),
        ("5-2", None),
    ],
)
def test_the_unit_of_a_hyphenated_measure(expression: str, unit: str | None) -> None:
    assert measure_unit(expression) == unit


def test_a_rank_fits_a_count_less_than_a_count() -> None:
    fits = {
        c.text: c.type_fit for c in extract_numbers(sentence_of("The 31st seed beat 12 rivals."))
    }
    assert fits["31st"] < fits["12"]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Putin's foreign policy adviser Yuri Ushakov confirmed it.", "Yuri Ushakov", "person"),
        ("Russia's Kommersant newspaper reported it.", "Kommersant", "organization"),
        # a plural possessive inside a name does not end it
        (
            "They met the Prairie Teachers' Federation on Monday.",
            "Prairie Teachers' Federation",
            "organization",
        ),
        ("Biden will travel to Europe in June.", "Europe", "place"),
        # a name ending in a word for a site is a place
        ("Rockets leave the Guiana Space Centre often.", "Guiana Space Centre", "place"),
        ("Then the NATO summit in Belgium follows.", "NATO", "organization"),
        ("Then the NATO summit in Belgium follows.", "Belgium", "place"),
        ("He met Robert of Jumièges at court.", "Robert of Jumièges", "person"),
        ("The Russian leader responded.", "Russian", "adjective"),
        # the last word says what kind of thing it is, or the words before "of"
        ("The tower on Maple Street was approved.", "Maple Street", "place"),
        ("She painted the skies of the American Southwest.", "American Southwest", "place"),
        ("The final was played at Darling Arena.", "Darling Arena", "place"),
        ("The winner, Grace Park, thanked her coach.", "Grace Park", "person"),
        # names joined by "and" are of one kind
        ("Trains run between Halden Vale and Marston Cross.", "Marston Cross", "place"),
        ("Shares of Kestrel Motors fell.", "Kestrel Motors", "organization"),
        (
            "She studied at the Art Institute of Chicago.",
            "Art Institute of Chicago",
            "organization",
        ),
        # what a person is the chief of
        (
            "The former chief executive of Norwell Pharma resigned.",
            "Norwell Pharma",
            "organization",
        ),
        # a dateline in capitals is a place; an acronym is not
        ("TARNOW (Wire) — The mayor resigned.", "TARNOW", "place"),
        ("SANTA ROSA, Calif. — The fire spread.", "SANTA ROSA", "place"),
        ("VARNO, Lestovia (Wire) — Polls closed.", "VARNO", "place"),
        ("ZORVEX, the retailer, said sales fell.", "ZORVEX", "organization"),
        # a name between an article and a common noun names a thing, not a person
        ("Miners were trapped in the Cerro Alto copper mine.", "Cerro Alto", "unknown"),
        # a firm of partners; a body whose role holder follows
        (
            "The trustee is suing the auditor, Carver & Lowe, for $6 million.",
            "Carver & Lowe",
            "organization",
        ),
        ("Rural Voice leader Milan Oraz met him.", "Rural Voice", "organization"),
        ("Rural Voice leader Milan Oraz met him.", "Milan Oraz", "person"),
        # a storm's name is no one's, two capitals or not
        ("Rain brought by Storm Idalina flooded Coimbra.", "Storm Idalina", "event"),
        ("Hurricane Katrina struck in August.", "Hurricane Katrina", "event"),
        ("Harold died at the Battle of Hastings.", "Battle of Hastings", "event"),
        ("The Edict of Nantes granted rights.", "Edict of Nantes", "event"),
        ("They fought in the Seven Years War.", "Seven Years War", "event"),
        # nor is an award's
        ("It gave the Grand Jury Award to Low Tide.", "Grand Jury Award", "event"),
        # a name after an organization noun is that organization's
        ("It was found by the Berlin-based firm Sentinel Grey.", "Sentinel Grey", "organization"),
        # a name made into a modifier is no name of its own
        ("It was found by the Berlin-based firm Sentinel Grey.", "Berlin-based", "adjective"),
        ("The Mexican-born painter Ana Ruiz died.", "Mexican-born", "adjective"),
        # a place the gazetteer knows opens a sentence as a name, an English word or not
        ("Greenland signed a treaty in 1985.", "Greenland", "place"),
        ("France won the war in Algeria.", "France", "place"),
        # a middle initial's period is inside the name
        ("Charles W. Eliot, president 1869–1909, eliminated it.", "Charles W. Eliot", "person"),
        # ... and so are the periods of the initials a name opens with
        ("The civil rights leader W. E. B. Du Bois lived there.", "W. E. B. Du Bois", "person"),
        ("He read J. R. R. Tolkien at school.", "J. R. R. Tolkien", "person"),
        # a title alone stands for someone, and names no one
        ("The 46th US President proposed it.", "President", "title"),
        # ", which" after a name: a thing or a body, not a person
        (
            "It was told by her publisher, Edições Almadina, which said so.",
            "Edições Almadina",
            "organization",
        ),
        ("It was told by her agent, Rosa Lima, who said so.", "Rosa Lima", "person"),
    ],
)
def test_names_and_their_kinds(text: str, name: str, kind: str) -> None:
    sentence = sentence_of(text)
    found = {
        sentence.span_text(n.first, n.last): n.kind
        for n in find_names(sentence, load_gazetteer(), lambda word: word in {"the", "then"})
    }
    assert found[name] == kind


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a particle written onto a name keeps it whole
        ("Sudan was ruled under the leadership of Hassan al-Turabi.", "Hassan al-Turabi"),
        (
            "It was written by Muhammad Abd al-Salaam Farag, who was hanged.",
            "Muhammad Abd al-Salaam Farag",
        ),
        ("The paper cited Jean d'Alembert at length.", "Jean d'Alembert"),
        ("Ayman al-Zawahiri spoke.", "Ayman al-Zawahiri"),
        # particles of Portuguese, Spanish and Dutch names join their words
        ("Porto Alegre is the capital of Rio Grande do Sul state.", "Rio Grande do Sul"),
        ("The contractor, Construções Vale do Sousa, collapsed.", "Construções Vale do Sousa"),
        ("It was signed by Hendrik van der Berg.", "Hendrik van der Berg"),
    ],
)
def test_a_name_with_a_particle_is_one_name(text: str, name: str) -> None:
    sentence = sentence_of(text)
    found = find_names(sentence, load_gazetteer(), lambda word: False)
    assert name in [sentence.span_text(n.first, n.last) for n in found]


def test_a_doers_name_keeps_its_particle() -> None:
    sentence = sentence_of("The pamphlet was written by the engineer Muhammad Abd al-Salaam Farag.")
    assert "Muhammad Abd al-Salaam Farag" in [
        c.text for c in extract_agents(sentence) if c.rule == "agent:name"
    ]
    # a lower-case word is no name's part, with or without a hyphen
    assert "well-known" not in a_name_words("a well-known figure")


def a_name_words(text: str) -> list[str]:
    return [token.text for token in tokenize(text) if a_name_word(token)]


def test_a_capitalized_sentence_opener_is_not_a_name_when_the_article_uses_it_in_lower_case() -> (
    None
):
    sentence = sentence_of("Further talks are planned.")
    names = find_names(sentence, load_gazetteer(), lambda word: word == "further")
    assert names == []
    # ... a place's name too: "Turkey is roasted" where the article writes "turkey"
    sentence = sentence_of("Turkey is roasted for hours.")
    assert find_names(sentence, load_gazetteer(), lambda word: word == "turkey") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a pronoun contracted names no one, first in a quote or not
        ('"I\'m not going to make excuses," Varga said.', ["Varga"]),
        ("We've seen worse, Ana Silva said, and It's over.", ["Ana Silva"]),
        # a name with an apostrophe is still one
        ("Sinéad O'Brien won.", ["Sinéad O'Brien"]),
    ],
)
def test_a_contracted_pronoun_is_no_name(text: str, names: list[str]) -> None:
    sentence = sentence_of(text)
    found = find_names(sentence, load_gazetteer(), lambda word: False)
    assert [sentence.span_text(name.first, name.last) for name in found] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the word after a dateline's dash opens the sentence: a common word is no name
        ("DUBLIN, Ireland (Wire) — Online retailer Brenlow said it was hacked.", ["Brenlow"]),
        ("LYON (Wire) – Thieves broke in.", []),
        # a name stays one there, and after a dash within a sentence
        ("DUBLIN (Wire) — Aoife Ní Bhriain said sorry.", ["Aoife Ní Bhriain"]),
        ("It was found — Marek Novak said — on Monday.", ["Marek Novak"]),
    ],
)
def test_the_word_after_a_dateline_opens_the_sentence(text: str, names: list[str]) -> None:
    sentence = sentence_of(text)
    found = find_names(sentence, load_gazetteer(), lambda word: False)
    texts_found = [sentence.span_text(n.first, n.last) for n in found]
    assert [
        name for name in texts_found if name not in {"DUBLIN", "Ireland", "Wire", "LYON"}
    ] == names


@pytest.mark.parametrize(
    ("text", "first_word"),
    [
        ("SANTA FE, N.M. (Ledger Wire) — Officials said so.", "Officials"),
        ("LYON (Wire) – Thieves broke in.", "Thieves"),
        # no dateline: the sentence starts at its first word
        ("NATO, the alliance, met on Monday.", "NATO"),
        ("Officials said so — again.", "Officials"),
    ],
)
def test_where_the_words_after_a_dateline_begin(text: str, first_word: str) -> None:
    sentence = sentence_of(text)
    assert sentence.tokens[dateline_end(sentence, load_gazetteer())].text == first_word


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        (
            '"Now is the time to deescalate," Biden said in a speech.',
            "say",
            "Now is the time to deescalate",
        ),
        (
            'prompting the Russian leader to respond, "It takes one to know one."',
            "repli",
            "It takes one to know one",
        ),
        ('He called the Russian leader a "killer" and left.', "call", "killer"),
        # a quotation that runs on into the next sentence, and one that ran on into this one
        (
            '"The way forward is through thoughtful dialogue and diplomatic process.',
            "say",
            "The way forward is through thoughtful dialogue and diplomatic process",
        ),
        ('She said: "We will rebuild the town.', "say", "We will rebuild the town"),
        ('we will rebuild," she said.', "say", "we will rebuild"),
        (
            "He joined Biden's 'Leaders on Climate Change' summit.",
            None,
            "Leaders on Climate Change",
        ),
    ],
)
def test_quotes(text: str, verb: str | None, expected: str) -> None:
    assert expected in texts(extract_quotes(sentence_of(text), verb))


def test_a_quote_beside_the_asked_speech_verb_gets_a_bonus() -> None:
    text = (
        'He told an interviewer "no soul", prompting Putin to respond, "It takes one to know one."'
    )
    bonuses = {c.text: c.bonus for c in extract_quotes(sentence_of(text), "repli")}
    assert bonuses["It takes one to know one"] > bonuses["no soul"]


def test_a_quoted_title_is_not_speech() -> None:
    fits = {
        c.text: c.type_fit
        for c in extract_quotes(
            sentence_of(
                "He joined the 'Leaders on Climate Change' summit, saying \"we must act now\"."
            ),
            "say",
        )
    }
    assert fits["we must act now"] > fits["Leaders on Climate Change"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He imposed sanctions on the nation for election meddling.", "for election meddling"),
        # a gerund after "for" says why, whoever it names after
        ("He was sent off for pulling back Diabaté.", "for pulling back Diabaté"),
        ("They hold a summit to help normalize relations.", "to help normalize relations"),
        ("The match was cancelled because of the storm.", "because of the storm"),
        ("Troops were recalled amid a cooling of tensions.", "amid a cooling of tensions"),
        ("It closed due to low demand, officials said.", "due to low demand"),
        # a cause given by someone, or a circumstance that explains
        ("The striker blamed a knee injury for the miss.", "blamed a knee injury for the miss"),
        ("The mill shut, citing the cost of power.", "citing the cost of power"),
        (
            "The judge freed him, ruling that the search was illegal.",
            "ruling that the search was illegal",
        ),
        ("A lighter sentence is likely given his age.", "given his age"),
        ("The roof fell when a beam gave way.", "when a beam gave way"),
        # a thousands comma ends no clause
        ("He sold the house to repay $400,000 of debts.", "to repay $400,000 of debts"),
        # an adverb may split the infinitive of a purpose
        ("They met to also help the farmers.", "to also help the farmers"),
        # a comma or "and" between two nouns or modifiers does not end the clause ...
        (
            "It survived because the cold, dark water lacks shipworm, divers said.",
            "because the cold, dark water lacks shipworm",
        ),
        (
            "They hesitate because they fear injury and internal bleeding.",
            "because they fear injury and internal bleeding",
        ),
        # ... nor "and" between two verbs of one modal
        (
            "It was recalled because the base can overheat and catch fire, officials said.",
            "because the base can overheat and catch fire",
        ),
        # a cause named after a word for it is given without that word
        ("He died of heart failure, his daughter said.", "heart failure"),
        ("She died from her injuries on Monday.", "her injuries on Monday"),
        ("The cause was complications of pneumonia.", "complications of pneumonia"),
        ("The cause of death was a stroke, police said.", "a stroke"),
        ("The fire was caused by a faulty heater.", "a faulty heater"),
        ("He succumbed to his wounds.", "his wounds"),
        # a reason given in what someone says of a deed, or fears, warns, writes or finds
        (
            "The mayor declined to name the firm, saying talks were at an early stage.",
            "saying talks were at an early stage",
        ),
        (
            "Hotel owners fear that visitors will go elsewhere.",
            "fear that visitors will go elsewhere",
        ),
        (
            "She warned that most funds had been moved abroad.",
            "warned that most funds had been moved abroad",
        ),
        # a clause of its own after "as": its subject and its verb
        ("Sales fell 18 percent, as shoppers spent less.", "as shoppers spent less"),
        (
            "The gap has widened as diesel prices and insurance costs rose.",
            "as diesel prices and insurance costs rose",
        ),
    ],
)
def test_reasons(text: str, expected: str) -> None:
    assert expected in texts(extract_reasons(sentence_of(text)))


@pytest.mark.parametrize(
    ("text", "not_a_purpose"),
    [
        ("He proposed it to Putin.", "to Putin"),
        # "to" before people or a modifier names whom, not what for
        ("Doctors give thinners to very elderly patients.", "to very elderly patients"),
        ("The bonus was paid to workers in May.", "to workers in May"),
        # "as" before no clause of its own gives a role, a name or an idiom
        ("She joined the firm as a nurse.", "as a nurse"),
        ("It was found at a site known locally as Cerro Pampa.", "as Cerro Pampa"),
        ("They formed it as the Merit Triad to explore networks.", "as the Merit Triad to explore"),
        ("Prices rose as expected.", "as expected"),
    ],
)
def test_to_before_a_recipient_is_not_a_purpose(text: str, not_a_purpose: str) -> None:
    assert not_a_purpose not in texts(extract_reasons(sentence_of(text)))


def test_through_the_things_a_number_counts_is_a_manner() -> None:
    """ "spread through two primary schools" says how; "through 2027" or "through $4
    million of cuts" would say when or how much."""
    found = texts(extract_manners(sentence_of("The virus spread through two primary schools.")))
    assert "through two primary schools" in found
    found = texts(extract_manners(sentence_of("They worked through three years of war.")))
    assert "through three years of war" not in found


def test_no_noun_phrase_ends_on_an_owner_whose_noun_follows() -> None:
    """A headline of nouns runs past the phrase length at "driver's": no phrase ends
    there ("quashes taxi driver's" had answered "what did the court decide?")."""
    text = "Irish appeal court quashes taxi driver's conviction over cyclist's death"
    found = texts(extract_chunks(sentence_of(text)))
    assert not any(item.endswith("driver's") for item in found)
    assert "driver's conviction" in found


@pytest.mark.parametrize(
    ("text", "phrase", "run_on"),
    [
        # a count after a common noun opens a new amount
        ("It left the upper stage 58 minutes after launch.", "upper stage", "stage 58 minutes"),
        ("Ships waited in the bay 23 vessels long.", "bay", "bay 23 vessels"),
    ],
)
def test_a_noun_phrase_ends_before_a_count(text: str, phrase: str, run_on: str) -> None:
    found = texts(extract_chunks(sentence_of(text)))
    assert phrase in found
    assert not any(run_on in item for item in found)


def test_a_number_that_names_stays_in_its_phrase() -> None:
    assert "stage 2" in texts(extract_chunks(sentence_of("The cars entered stage 2 at noon.")))


def test_a_lone_verb_after_to_is_no_noun_phrase() -> None:
    """ "to return to target" has a verb, not a noun "return"; "went to school." a noun."""
    found = texts(extract_chunks(sentence_of("It expects inflation to return to target.")))
    assert "return" not in found
    assert "school" in texts(extract_chunks(sentence_of("She went to school.")))


def test_a_phrase_opening_on_an_amount_keeps_its_currency() -> None:
    """ "€250 in compensation" is an amount; "250" alone had answered "what will passengers
    get?"."""
    found = texts(extract_chunks(sentence_of("It will pay each passenger €250 in compensation.")))
    assert "€250" in found
    assert "250" not in found


def test_a_clause_keeps_the_sign_of_its_last_number() -> None:
    """ "to 7.25%" is a rate, "to 7.25" a number: a clause never ends between them, at a
    dangling mark or at its length's end."""
    found = texts(extract_reasons(sentence_of("Two members voted to keep the rate at 6.75%.")))
    assert "to keep the rate at 6.75%" in found
    text = "The bank raised its benchmark interest rate by half a percentage point to 7.25%."
    found = texts(extract_actions(sentence_of(text)))
    assert "raised its benchmark interest rate by half a percentage point to 7.25%" in found


def test_the_word_after_a_modal_opens_an_action() -> None:
    """ "check" is mostly a noun; after "can" it is the verb of what owners can do."""
    text = "Owners can check whether their kettle is affected."
    assert "check whether their kettle is affected" in texts(extract_actions(sentence_of(text)))


def test_since_a_month_is_a_time_not_a_reason() -> None:
    """ "its first increase since November 2023" says when; "since prices rose" why."""
    found = texts(extract_reasons(sentence_of("It was its first increase since November 2023.")))
    assert not any(item.startswith("since") for item in found)
    found = texts(extract_reasons(sentence_of("They acted since prices kept rising.")))
    assert "since prices kept rising" in found


@pytest.mark.parametrize(
    ("text", "not_a_manner"),
    [
        # "as" after "such", "known", "well" opens examples, a name or a comparison
        ("It backed applications such as on-line betting.", "as on-line betting"),
        ("They settled a town known as Boschwick.", "as Boschwick"),
        ("It sold bread as well as cakes.", "as cakes"),
        # adverbs of degree and frequency say how much or how often, not how
        ("The government increasingly applied pressure.", "increasingly"),
        ("SAT solvers routinely handle large instances.", "routinely"),
        # nor is a noun that ends in "-ly"
        ("She thanked her family and won the butterfly.", "family"),
        ("She thanked her family and won the butterfly.", "butterfly"),
    ],
)
def test_listing_as_and_degree_adverbs_are_no_manners(text: str, not_a_manner: str) -> None:
    assert not_a_manner not in texts(extract_manners(sentence_of(text)))


def test_as_a_role_is_still_a_manner() -> None:
    assert "as a hero" in texts(extract_manners(sentence_of("He was welcomed as a hero.")))


@pytest.mark.parametrize(
    ("text", "manner", "says_how"),
    [
        # "by" after a participle and before someone names who did it, not how
        ("It was among the largest breaches disclosed by an Irish company.", "by an", False),
        ("The painting was bought by the Denver Museum in 1986.", "by the", False),
        ("The plan was approved by Beijing in May.", "by Beijing", False),
        # ... and still says how before a means, or after another word
        ("He was killed by a falling rock.", "by a falling rock", True),
        ("They got in by using a contractor's password.", "by using", True),
    ],
)
def test_by_a_doer_after_a_participle_is_no_manner(text: str, manner: str, says_how: bool) -> None:
    found = texts(extract_manners(sentence_of(text)))
    assert any(item.startswith(manner) for item in found) is says_how


@pytest.mark.parametrize(
    ("text", "means"),
    [
        # a means named by a bare noun ends at it: what follows says where or when
        ("Residents were taken by bus to a sports hall in Segorbe.", "by bus"),
        ("Supplies were sent by train from Lisbon.", "by train"),
        # a means with more words, or a gerund's object, runs on
        ("They got in by cutting through a skylight.", "by cutting through a skylight"),
        ("It was decided by a vote of the council.", "by a vote of the council"),
        # a participle of means says how too
        ("She continued to paint, using brighter colors.", "using brighter colors"),
    ],
)
def test_a_means_named_by_a_bare_noun_ends_at_it(text: str, means: str) -> None:
    assert means in texts(extract_manners(sentence_of(text)))


@pytest.mark.parametrize(
    ("text", "not_a_cause"),
    [
        # "due to" before a verb's plain form says what was planned
        ("She had been due to fly to Malaga with her husband.", "due to fly to Malaga"),
        ("The bridge is due to be finished in May.", "due to be finished in May"),
        # a word more often a noun, with a time or a place after it, is a verb there too
        ("The strike is due to end at 5 a.m. on Friday.", "due to end at 5"),
        ("A second study is due to report in 2028.", "due to report in 2028"),
    ],
)
def test_due_to_before_a_verb_is_no_cause(text: str, not_a_cause: str) -> None:
    assert not_a_cause not in texts(extract_reasons(sentence_of(text)))
    assert "due to rising costs" in texts(
        extract_reasons(sentence_of("It closed due to rising costs."))
    )


@pytest.mark.parametrize(
    ("text", "not_a_clause"),
    [
        # an amount or a stretch of time is no manner and no reason
        ("Revenue was inflated by about $1.1 billion over three years.", "by about $1.1 billion"),
        ("Revenue was inflated by about $1.1 billion over three years.", "over three years"),
        ("She left Chicago after two years.", "after two years"),
        ("Enrolment has risen by 9 percent since 2020.", "by 9 percent"),
        ("Enrolment has risen by 9 percent since 2020.", "since 2020"),
        # words before the amount keep it one
        ("The kettles sold for between $35 and $60.", "for between $35 and $60"),
        ("He was jailed for more than two years.", "for more than two years"),
        ("The plant closed for at least a week.", "for at least a week"),
        # nor is "by the time ...", a time said from now, a part of a stretch of time, or
        # "since before"
        ("By the time police arrived, the thieves had gone.", "By the time police arrived"),
        ("The road was shut for most of the day.", "for most of the day"),
        ("He conducted without a baton for much of his career.", "for much of his career"),
        ("The council set aside money for next year.", "for next year"),
        ("Drivers have quit since before the pandemic.", "since before the pandemic"),
        # a fraction is an amount
        ("It said profit would fall by about a third and cut jobs.", "by about a third"),
        # a byline says who wrote the story
        ("By Rafael Antunes", "By Rafael Antunes"),
        # "for" before whom it was done for
        ("He is directing it for the regional fire service.", "for the regional fire service"),
        ("She bought red bandanas for Harvard's crew.", "for Harvard's crew"),
        # an infinitive completing a noun of intent says what the plan is, not why
        ("The unions oppose the plan to install 12 cranes.", "to install 12 cranes"),
        ("The club rejected a bid to buy the stadium.", "to buy the stadium"),
        # ... or a verb of intent or an adjective of readiness
        ("Regulators are expected to look closely at fish.", "to look closely at fish"),
        ("They were ready to sell some brands.", "to sell some brands"),
        ("Aldo agreed to buy the firm.", "to buy the firm"),
    ],
)
def test_amounts_and_times_are_no_manners_nor_reasons(text: str, not_a_clause: str) -> None:
    sentence = sentence_of(text)
    assert not_a_clause not in texts(extract_reasons(sentence)) + texts(extract_manners(sentence))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The proposal has been "positively" received by the Kremlin.', "positively"),
        ("He spoke briefly to reporters.", "briefly"),  # filed as a noun, "brief" made one
        ("The deal was agreed by phone.", "by phone"),
        ("The way forward is through thoughtful dialogue.", "through thoughtful dialogue"),
    ],
)
def test_manners(text: str, expected: str) -> None:
    assert expected in texts(extract_manners(sentence_of(text)))


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        (
            "Speaking on Sunday, Putin's foreign policy adviser Yuri Ushakov confirmed it.",
            "Yuri Ushakov",
            "Putin's foreign policy adviser",
        ),
        (
            "the ailing health of imprisoned Russian opposition activist Alexei Navalny.",
            "Alexei Navalny",
            "imprisoned Russian opposition activist",
        ),
        ("SolarWinds, a software company, was hacked.", "SolarWinds", "software company"),
        ("The G7 is a group of rich democracies.", "G7", "group of rich democracies"),
        # the name a thing goes by
        ("The trial, known as KESTREL-2, followed 900 patients.", "trial", "KESTREL-2"),
        # a size joined to its unit, after a determiner, describes; alone it is an age
        (
            "The Kornat Star, a 68-metre ferry owned by Adria Lines, struck a reef.",
            "Kornat Star",
            "68-metre ferry",
        ),
        # a role set off before the name, past what it is for or of, or a specialist's word
        (
            "The city's deputy mayor for transport, Marek Sobczyk, 58, said so.",
            "Marek Sobczyk",
            "city's deputy mayor for transport",
        ),
        (
            "The ministry's secretary of state for heritage, Rui Baptista, said so.",
            "Rui Baptista",
            "ministry's secretary of state for heritage",
        ),
        (
            "The regent of West Bandung, Hendra Wijaya, said the study would take months.",
            "Hendra Wijaya",
            "regent of West Bandung",
        ),
        (
            "It rose, according to the institute's chief geochemist, Rodrigo Saltos.",
            "Rodrigo Saltos",
            "institute's chief geochemist",
        ),
        # what a relative clause says the person does
        (
            "said Katarzyna Moreau, who studies local government at the Baltic Institute.",
            "Katarzyna Moreau",
            "studies local government at the Baltic Institute",
        ),
        # a common noun phrase the name is set off after, with "the"
        (
            "Passengers boarded the company's sister ship, the Kornat Wind, which left.",
            "Kornat Wind",
            "sister ship",
        ),
        (
            "The bank sets policy under their shared currency, the austral, at home.",
            "austral",
            "shared currency",
        ),
        # ... or without "the" after a noun with its owner
        (
            "It was announced by her publisher, Edições Almadina, on Monday.",
            "Edições Almadina",
            "publisher",
        ),
        (
            "They say Haddad's company, Nordstrand Residenz, took it.",
            "Nordstrand Residenz",
            "company",
        ),
        # past the age news writes between a name and its description
        (
            "Pat Doyle, 63, a retired teacher in Cork, said so.",
            "Pat Doyle",
            "retired teacher in Cork",
        ),
        # the work someone does, and a description that ends where a clause begins
        (
            "said Conceição, who works as a physiotherapist in Porto when she is not racing.",
            "Conceição",
            "physiotherapist in Porto",
        ),
        ("Ana Ruiz works as a nurse in Lyon.", "Ana Ruiz", "nurse in Lyon"),
        # a role after the verb of a quotation's speaker, without the verb
        ('"We will appeal," said defence lawyer Olu Adebayo.', "Olu Adebayo", "defence lawyer"),
        # the body someone speaks for, when nothing else says who they are
        ("Rain helps, said Lena Marsh of Bike Harwood.", "Lena Marsh", "Bike Harwood"),
        # a role set off by commas before the name, when a verb follows the name
        ("The club's coach, Marta Reyes, had asked for time.", "Marta Reyes", "club's coach"),
        # any noun naming a kind of person may be that role, not only the common titles
        ("His solicitor, Síle Ní Bhriain, said so.", "Síle Ní Bhriain", "solicitor"),
        # a participle or a verb's spelling inside a role is no verb
        (
            "The ministry appointed a mediator, retired judge Stan Bak, on Monday.",
            "Stan Bak",
            "retired judge",
        ),
        ("said the other lead author, Ingrid Falk, in May.", "Ingrid Falk", "other lead author"),
        # asked by the surname, the role ends before the first names
        ("PRESIDENT Joe Biden will meet Putin.", "Biden", "PRESIDENT"),
        # a first name that WordNet also lists as a person noun ("malik", a chief) is a
        # first name after a lower-case role; a capitalized title is still a role
        ("It ended as striker Malik Diabaté scored twice.", "Diabaté", "striker"),
        ("Mining Minister Carolina Espinoza visited.", "Espinoza", "Mining Minister"),
        (
            "Putin's foreign policy adviser Yuri Ushakov confirmed it.",
            "Ushakov",
            "Putin's foreign policy adviser",
        ),
        # the kind of thing a name is, in the nouns after it
        (
            "Workers left the Amber Quay container terminal in Gdańsk.",
            "Amber Quay",
            "container terminal",
        ),
        # what someone does, said in a relative clause, up to a clause of its own
        (
            "said Greg Nowak, who runs a furniture factory near Torun that sends crates.",
            "Greg Nowak",
            "runs a furniture factory near Torun",
        ),
        (
            "Dale Whit, who taught mathematics for 22 years before being elected, agreed.",
            "Dale Whit",
            "taught mathematics for 22 years",
        ),
        (
            "said Joan Ferr, who is directing the operation for the fire service.",
            "Joan Ferr",
            "is directing the operation for the fire service",
        ),
        (
            "Mara Ort, 63, who has run a bakery in Arriba for three decades, left.",
            "Mara Ort",
            "has run a bakery in Arriba for three decades",
        ),
        # "one" of a role set off by commas is not part of the role
        ("One firefighter, Andy Quil, 29, suffered burns.", "Andy Quil", "firefighter"),
        # the group someone leads, before "led by" and their name
        (
            "It was called by the smaller Crane Operators' Union, led by Eva Zolek.",
            "Zolek",
            "the smaller Crane Operators' Union",
        ),
        (
            "Archaeologists from the Heritage Institute, headed by Ann Kraw, dived there.",
            "Ann Kraw",
            "Archaeologists from the Heritage Institute",
        ),
        # another name the thing goes by, and the noun a name is given to
        (
            "The ship, identified as the Zwarte Valk, or Black Falcon, sank.",
            "Zwarte Valk",
            "Black Falcon",
        ),
        ("The ship, identified as the Zwarte Valk, sank.", "Zwarte Valk", "ship"),
        # a word no dictionary knows is a name: the noun before it is what it is
        ("Half took the drug relvaxaban twice a day.", "relvaxaban", "drug"),
        # a short form in brackets stands for the name before it
        (
            "The Computer Science Network (CSNET) was funded.",
            "CSNET",
            "The Computer Science Network",
        ),
        (
            "The Very high-speed Backbone Network Service (vBNS) came on line.",
            "vBNS",
            "The Very high-speed Backbone Network Service",
        ),
        ("It was the Front Islamique de Salut (FIS).", "acronym FIS", "Front Islamique de Salut"),
        # ... and after "or", when its capitals spell the short form
        ("It was the FIS or Front Islamique de Salut.", "FIS", "Front Islamique de Salut"),
        (
            "The BBC, or British Broadcasting Corporation, said so.",
            "BBC",
            "British Broadcasting Corporation",
        ),
        # news names someone in full once, then by surname
        (
            '"Then I saw a cannon," Zielinski, a retired firefighter, said.',
            "Tomasz Zielinski",
            "retired firefighter",
        ),
        (
            "Retired firefighter Zielinski found the wreck.",
            "Tomasz Zielinski",
            "Retired firefighter",
        ),
    ],
)
def test_definitions(text: str, target: str, expected: str) -> None:
    found = texts(extract_definitions(sentence_of(text), target))
    assert expected in found
    assert not any(text.startswith(expected + " ") for text in found)  # ends where it should


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # another person of the same surname
        ("Anna Zielinski, a dental nurse, filmed it.", "Tomasz Zielinski"),
        # the last word of a name that is no person's ("Red Cross") alone is another thing
        ("Cross, a village in Mayo, flooded.", "the Red Cross"),
    ],
)
def test_a_surname_of_another_full_name_is_not_described(text: str, target: str) -> None:
    assert texts(extract_definitions(sentence_of(text), target)) == []


def test_a_name_after_or_that_does_not_spell_the_short_form_is_no_expansion() -> None:
    found = extract_definitions(sentence_of("The FIS or the Army Council won."), "FIS")
    assert [c for c in found if c.rule == "definition:expansion"] == []


@pytest.mark.parametrize(
    ("text", "target", "not_a_description"),
    [
        ("said the painter Lucia Marrero, 46, who was her assistant.", "Lucia Marrero", "46"),
        ("She leaves a sister, Rosa Ortiz, of Albuquerque.", "Rosa Ortiz", "of Albuquerque"),
        # a second name after the first is no description of it
        ("It was found by Tomasz Zielinski, 52, and Ewa Brzek.", "Tomasz Zielinski", "and Ewa"),
        ("Ana Ruiz and Tim Hartley voted no.", "Ana Ruiz", "and Tim"),
        # nor are the things counted in a list after it
        ("He leaves his wife, Pilar, three children and a sister.", "Pilar", "three children"),
        # what is said of a name after a negation is no description of it
        ("Who owns the rest of Limpotec was not disclosed.", "Limpotec", "not disclosed"),
        ("The owner of Limpotec is not known.", "Limpotec", "not known"),
        # the verb after "the coach, X," is the sentence's, and a speaker's verb no role
        ("The club's coach, Marta Reyes, had asked for time.", "Marta Reyes", "had asked"),
        ('"We will appeal," said defence lawyer Olu Adebayo.', "Olu Adebayo", "said"),
        # nouns after a name only where the phrase plainly ends: "burst" may be its verb
        ("The Mondego river burst its banks.", "Mondego", "river burst"),
        ("The Mondego river burst its banks.", "Mondego", "river"),
        # a role stands before a name, not before a common word ("voted" for "the vote")
        ("The Portland city council voted 6-3 on Thursday.", "vote", "Portland city council"),
        # an aside set off by commas, the words of a time, a verb and a first name are no role
        ("Biden, however, warned Moscow.", "Biden", "however"),
        # a thing's complement before the comma is no role ("the price of oil, Brent")
        ("The price of crude oil, Brent, rose.", "Brent", "price of crude oil"),
        ("The wrist of the goalkeeper, Ana Ruiz, broke.", "Ana Ruiz", "wrist"),
        # a name in a list, or one a verb follows, is set off after no description
        ("They took the ferry, the Kornat Wind and a bus.", "Kornat Wind", "ferry"),
        ("They boarded the ferry, the Kornat Wind left.", "Kornat Wind", "ferry"),
        ("A month prior, Biden had told an interviewer.", "Biden", "month prior"),
        ("Biden is to meet Vladimir Putin in June.", "Putin", "meet Vladimir"),
        ("PRESIDENT Joe Biden will meet Putin.", "Biden", "PRESIDENT Joe"),
        ("It was seen by two researchers, Jonas Kruger and Zoe Adeyemi.", "Jonas Kruger", "two"),
        # an event named after a name is no kind of it: SolarWinds is no hack
        ("They blamed the SolarWinds election hack on Moscow.", "SolarWinds", "election hack"),
        ("The Enron scandal shook markets.", "Enron", "scandal"),
        # a role in the plural before a name is the role of several
        ("It was found by divers Tom Ziel, 52, and Eva Brzek, 44.", "Tom Ziel", "divers"),
        # an amount of a thing says nothing of what it is
        ("A loan of 4 million australes costs more.", "austral", "4 million"),
        # a state after "is" is no description; nor does one end on a bare quantifier
        ("Relvaxaban is now available as a cheap generic.", "Relvaxaban", "now available"),
        (
            "Relvaxaban is a cheap old generic medicine for patients in many countries.",
            "Relvaxaban",
            "cheap old generic medicine for patients in many",
        ),
        # "or" after a name gives another name, not a choice ("or Black Falcon")
        ("The Zwarte Valk, or Black Falcon, sank.", "Zwarte Valk", "or Black"),
    ],
)
def test_an_age_or_a_home_town_is_no_description(
    text: str, target: str, not_a_description: str
) -> None:
    found = texts(extract_definitions(sentence_of(text), target))
    assert not any(text.startswith(not_a_description) for text in found)


def test_speech_fits_only_a_question_about_what_was_said() -> None:
    sentence = sentence_of('The trial was called "an important step for older patients" by Kehoe.')
    (quote,) = extract_quotes(sentence, None)
    (said,) = extract_quotes(sentence, "say")
    assert quote.type_fit < 0.5 < said.type_fit


def test_a_relative_clause_is_not_a_description() -> None:
    sentence = sentence_of("Mayor Ana Ruiz, who does not vote on zoning, spoke.")
    found = texts(extract_definitions(sentence, "Ana Ruiz"))
    assert "Mayor" in found
    assert not any(text.startswith("who") for text in found)


@pytest.mark.parametrize(
    ("text", "head", "expected"),
    [
        ("It carried out the SolarWinds cyber hack.", ("cyber", "hack"), "SolarWinds"),
        ("Russia's Kommersant newspaper reported it.", ("newspaper",), "Kommersant"),
        ("He praised new technologies, such as carbon removal.", ("technology",), "carbon removal"),
        (
            "He joined Biden's 'Leaders on Climate Change' summit.",
            ("summit",),
            "Leaders on Climate Change",
        ),
        (
            "Answers are given by the time and space hierarchy theorems.",
            ("theorems",),
            "time and space hierarchy theorems",
        ),
        ("The boat carrying his fiancée Berengaria was anchored.", ("fiancée",), "Berengaria"),
        # the subject of "X is the <head>", past an apposition or a relative "which"
        (
            "Zorvism, also known as Zorv (from Old Norse), is a revival movement.",
            ("revival", "movement"),
            "Zorvism",
        ),
        (
            "It runs a museum and the Kell Library, which is the largest library system.",
            ("library", "system"),
            "Kell Library",
        ),
        ("The Kell Library is the world's largest public library.", ("library",), "Kell Library"),
        # the head noun inside a name: the whole name
        (
            "It was bought by the Denver Museum of Western Art.",
            ("museum",),
            "Denver Museum of Western Art",
        ),
        # an order before a counted head still says which
        ("The 19th century engines spread.", ("engine",), "19th century engines"),
        # the name set off after a short relative clause on the noun
        (
            "She paid a firm she owned, Calder Freight, for the trucks.",
            ("firm",),
            "Calder Freight",
        ),
        # the name that a description after a comma describes
        (
            "It happened at 3 p.m., according to Minera Altiplano, the mid-sized company "
            "that operates the mine.",
            ("company",),
            "Minera Altiplano",
        ),
        # a title in quotation marks after its noun
        (
            'He wrote a landmark paper, "Reducibility Among Combinatorial Problems", in 1972.',
            ("paper",),
            "Reducibility Among Combinatorial Problems",
        ),
        ("Her last show, “Late Light”, opened in May.", ("show",), "Late Light"),
        # a phrase set off after its noun ends before the verb it is the subject of, not
        # at a participle after an adverb
        ("Peptides called defensins are an old defence.", ("peptide",), "defensins"),
        ("Some rebellions, such as the Zorv revolt broke out.", ("rebellion",), "the Zorv revolt"),
    ],
)
def test_head_noun_matches(text: str, head: tuple[str, ...], expected: str) -> None:
    stems = tuple(tokenize(word)[0].stem for word in head)  # as a question's words are stemmed
    assert expected in texts(extract_head_matches(sentence_of(text), stems))


@pytest.mark.parametrize(
    ("text", "head", "not_named"),
    [
        # the head's word modifying the noun after it names that noun's kind, not its own
        (
            "Teresa Okonkwo-Hall, the federation's state secretary, spoke.",
            ("state",),
            "Teresa Okonkwo-Hall",
        ),
        ("The company chief executive Mikkel Holt resigned.", ("company",), "Mikkel Holt"),
    ],
)
def test_a_head_word_that_modifies_another_names_no_instance(
    text: str, head: tuple[str, ...], not_named: str
) -> None:
    stems = tuple(tokenize(word)[0].stem for word in head)
    assert not_named not in texts(extract_head_matches(sentence_of(text), stems))


@pytest.mark.parametrize(
    ("text", "head", "expected"),
    [
        ("The Kell Court of Appeal is the highest court.", "court", "Kell Court of Appeal"),
        ("The Bank of Dovra and Kell is the central bank.", "bank", "Bank of Dovra and Kell"),
        ("Its old court is the highest court.", "court", "old court"),
    ],
)
def test_the_subject_of_x_is_the_head_is_its_whole_name(
    text: str, head: str, expected: str
) -> None:
    found = extract_head_matches(sentence_of(text), (tokenize(head)[0].stem,))
    assert expected in [candidate.text for candidate in found if candidate.rule == "head:copula"]


@pytest.mark.parametrize(
    ("text", "head", "offered", "not_offered"),
    [
        # a plural head's examples or subject is a whole list, read forward or back
        (
            "Poor sleep raises chronic conditions such as heart disease, chronic pain, and asthma.",
            "conditions",
            "heart disease, chronic pain, and asthma",
            "",
        ),
        (
            "Obesity, alcoholism, and drug use are common causes of poor immune function.",
            "causes",
            "Obesity, alcoholism, and drug use",
            "",
        ),
        ("Wheat, rice or barley are the main crops.", "crops", "Wheat, rice or barley", ""),
        # an opening phrase before the list is none of its items
        (
            "In rich countries, obesity, alcoholism, and drug use are common causes.",
            "causes",
            "obesity, alcoholism, and drug use",
            "rich countries, obesity, alcoholism, and drug use",
        ),
        # a singular head names one thing: no list for it
        ("Obesity, alcoholism, and drug use is a common cause.", "cause", "drug use", "Obesity"),
        # two items without a comma are one phrase, no list to read back
        ("Obesity and drug use are common causes.", "causes", "", "Obesity and drug use"),
    ],
)
def test_a_plural_heads_list_is_offered_whole(
    text: str, head: str, offered: str, not_offered: str
) -> None:
    found = texts(extract_head_matches(sentence_of(text), (tokenize(head)[0].stem,)))
    assert not offered or offered in found
    assert not not_offered or not any(not_offered in candidate for candidate in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("defensins are an old defence", "defensins"),
        ("testosterone seems to suppress it", "testosterone"),
        ("the Zorv revolt broke out", "the Zorv revolt"),
        # a participle after an adverb is no verb of the phrase; one after the noun ends it
        ("a privately held company founded in 1998", "a privately held company"),
        ("research and education networking", "research"),  # "and" ends a phrase anyway
        ("the sprawling complex", "the sprawling complex"),
        # an adverb between the noun and its verb ends the phrase too
        ("environmental determinism also suggested that", "environmental determinism"),
        ("the lactobacilli normally found in yogurt", "the lactobacilli"),
        ("a privately held company", "a privately held company"),
    ],
)
def test_a_noun_phrase_ends_before_its_verb(text: str, expected: str) -> None:
    tokens = tokenize(text)
    end = phrase_end(tokens, 0)
    assert text[tokens[0].start : tokens[end].end] == expected


@pytest.mark.parametrize(
    ("text", "head", "not_offered"),
    [
        # a speaker after a clause on the noun is no name for it
        ("She paid a firm she owned, Ortiz said.", "firm", "Ortiz"),
        # a capitalized head is part of a name: no name follows it
        ("It was run by University College London.", "university", "College London"),
        # "a New York magazine" is some magazine from New York
        ("A reviewer for a New York magazine was harsh.", "magazine", "New York"),
        # "called" with an object is a verb, not a name's opener
        ("A magazine called her work repetitive.", "magazine", "her work repetitive"),
        # a count of the head names none of them; an order still says which
        ("The runners came from 112 countries.", "country", "112 countries"),
        # a description after a verb, or after a word that is no name, describes no name
        ("Ortiz said, the company would pay.", "company", "Ortiz said"),
        ("On Monday, the company said it would pay.", "company", "Monday"),
        # a count at a sentence's start is capitalized, and still names none
        ("Two trustees voted against the deal.", "trustee", "Two"),
        # nor does a hyphenated modifier that opens a headline
        ("Drug-resistant bacteria outbreak closes wards", "bacteria", "Drug-resistant"),
        # quoted words that open in lower case, or never close, are no title
        ('The paper "showed nothing new", he said.', "paper", "showed nothing new"),
        ('A paper "Reducibility and more words', "paper", "Reducibility and more words"),
    ],
)
def test_no_name_for_the_head_where_there_is_none(text: str, head: str, not_offered: str) -> None:
    found = texts(extract_head_matches(sentence_of(text), (tokenize(head)[0].stem,)))
    assert not_offered not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Biden 'to meet Vladimir Putin in a mystery country this summer'", "a mystery country"),
        ("Speaking on Russian state television on Sunday, he said it.", "Russian state television"),
        ("Ethelred fled to Normandy in 1013.", "Normandy"),
        # where a thing stands against another
        ("The lot will be built behind the town hall.", "the town hall"),
        ("Shops line the road along the Harwood river.", "the Harwood river"),
        # a venue of many kinds, and one that needs a word saying which kind
        ("Evacuees slept at the high school gymnasium.", "the high school gymnasium"),
        ("A clinic opened at the Dunmore community centre.", "the Dunmore community centre"),
        # a part of a country named by its direction
        ("Fans travelled from the north of the country by train.", "the north of the country"),
        ("Rain fell in the west of Lisbon.", "the west of Lisbon"),
    ],
)
def test_place_phrases(text: str, expected: str) -> None:
    assert expected in texts(extract_place_phrases(sentence_of(text)))


def test_a_place_phrase_ends_where_a_clause_opens() -> None:
    text = "Liège won in the final as striker Malik Diabaté scored twice."
    assert "the final as striker Malik Diabaté" not in texts(
        extract_place_phrases(sentence_of(text))
    )


@pytest.mark.parametrize(
    ("text", "not_a_place"),
    [
        # a number of places is no place; a number in a name is part of it
        ("Firefighters from nine states are working the fire.", "nine states"),
        ("The kettles were sold in 12 countries last year.", "12 countries"),
        # nor is a standing in a race or a table
        ("Desrosiers came down in third place on Saturday.", "third place"),
        ("She finished in 22nd position.", "22nd position"),
    ],
)
def test_a_count_of_places_is_no_place(text: str, not_a_place: str) -> None:
    assert not_a_place not in texts(extract_place_phrases(sentence_of(text)))
    found = texts(extract_place_phrases(sentence_of("He lives at 10 Downing Street.")))
    assert "10 Downing Street" in found


@pytest.mark.parametrize(
    ("text", "place", "generic"),
    [
        ("They signed a treaty in the city of Deabolis.", "Deabolis", "the city"),
        ("Rain fell in the province of Ulster all week.", "Ulster", "the province"),
        ("The bridge opened in the town of New Ross.", "New Ross", "the town"),
    ],
)
def test_a_place_noun_of_a_name_is_the_name(text: str, place: str, generic: str) -> None:
    """ "in the city of Deabolis" answers "where?" with Deabolis, not with "the city"."""
    found = texts(extract_place_phrases(sentence_of(text)))
    assert place in found
    assert generic not in found


def test_a_centre_needs_a_word_saying_which() -> None:
    """ "in the center of the city" names no venue; "the community center" does."""
    assert texts(extract_place_phrases(sentence_of("It stood in the center."))) == []


def test_the_speaker_i_is_no_place_but_a_numeral_after_a_name_is() -> None:
    quoted = texts(extract_place_phrases(sentence_of('"At half-time I told them to play."')))
    assert not any(item.endswith(" I") for item in quoted)
    named = texts(extract_place_phrases(sentence_of("He fought in World War I as a pilot.")))
    assert "World War I" in named


def test_calendar_words_are_not_places() -> None:
    assert "Sunday" not in texts(extract_place_phrases(sentence_of("He spoke on Sunday.")))


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Moscow permitted doctors to visit Navalny.", "doctors"),
        # a noun WordNet files under "person", beyond the common titles and roles
        ("They escaped after tying up a night guard, police said.", "night guard"),
        ("The thief fled.", "thief"),
    ],
)
def test_people_named_by_common_nouns(text: str, person: str) -> None:
    assert person in texts(extract_person_nouns(sentence_of(text)))


def test_a_noun_of_no_person_names_no_one() -> None:
    assert texts(extract_person_nouns(sentence_of("The account showed a large mass."))) == []
    # a currency is money, whatever else WordNet files it under ("rand")
    assert texts(extract_person_nouns(sentence_of("It cost 180 million rand."))) == []


@pytest.mark.parametrize(
    ("text", "modifier"),
    [
        ("Hackers stole personal details of customers.", "personal"),
        ("The official figures were late.", "official"),
        ("The student loans rose.", "student"),
    ],
)
def test_a_person_noun_describing_another_noun_is_no_one(text: str, modifier: str) -> None:
    assert modifier not in texts(extract_person_nouns(sentence_of(text)))
    # the same word as the head of its phrase names someone
    alone = text.split(modifier, maxsplit=1)[0] + modifier + " left."
    assert modifier in texts(extract_person_nouns(sentence_of(alone)))


def test_a_verb_is_no_person_noun_nor_its_modifier() -> None:
    sentence = sentence_of("Kommersant newspaper reported that he called the Russian leader.")
    found = texts(extract_person_nouns(sentence))
    assert not any("reported" in text or "called" in text for text in found)
    assert "Russian leader" in found


def test_chunks_are_noun_phrases_not_lone_verbs() -> None:
    found = texts(
        extract_chunks(
            sentence_of("The most commonly used reduction is a polynomial-time reduction.")
        )
    )
    assert "polynomial-time reduction" in found
    assert "used" not in found
    assert "commonly" not in found


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # a number's thousands stay together, and no part of it is a phrase of its own
        ("The county recovered 900,000 dollars.", "900,000 dollars", "000 dollars"),
        ("Turnout was 18,000,000 voters.", "18,000,000 voters", "000 voters"),
        # so do a clock's minutes
        ("The raid began at 2:40 a.m. on Sunday.", "2:40 a.m", "40 a.m"),
        # a comma between numbers written apart still parts them
        ("They counted 3, 400 more.", "3", "3, 400 more"),
    ],
)
def test_a_thousands_comma_or_a_clocks_colon_joins_a_number(
    text: str, expected: str, absent: str
) -> None:
    found = texts(extract_chunks(sentence_of(text)))
    assert expected in found
    assert absent not in found


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # a plural noun's verb, in its bare form before what it takes, ends the phrase
        (
            "Nonconservative forces act to change the energies.",
            "Nonconservative forces",
            "Nonconservative forces act",
        ),
        ("The rebels seize the port.", "rebels", "rebels seize"),
        ("Dockers back the union.", "Dockers", "Dockers back"),
        # a noun after a plural noun stays in the phrase ("sales tax", "workers' pay")
        ("The sales tax rose.", "sales tax", ""),
        ("The parts list grew.", "parts list", ""),
    ],
)
def test_a_plural_nouns_verb_ends_its_phrase(text: str, expected: str, absent: str) -> None:
    found = texts(extract_chunks(sentence_of(text)))
    assert expected in found
    assert not absent or absent not in found


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # the name a naming verb gives, quoted or not, after what it names
        ("He called it packet switching, a simpler name.", "packet switching"),
        ("A regional group known as the Camisards rioted.", "the Camisards"),
        ("In 2014, the group proclaimed itself a caliphate.", "a caliphate"),
        ("Biden called Putin a killer.", "a killer"),
        ("Biden called the Russian leader a 'killer' in an interview.", "killer"),
        # the closing mark may end the phrase: the quoted word whole, no stray mark
        ('after he called the Russian leader a "killer" and imposed sanctions.', "killer"),
    ],
)
def test_the_name_a_naming_verb_gives(text: str, named: str) -> None:
    assert named in texts(extract_names_given(sentence_of(text)))


def test_a_naming_verb_before_a_verb_gives_no_name() -> None:
    found = texts(extract_names_given(sentence_of("Many places he named were in Persian.")))
    assert found == []


def test_every_candidate_points_at_its_own_text() -> None:
    text = 'On June 15-16, Yuri Ushakov said "it is done" for good reasons, in Geneva.'
    sentence = sentence_of(text)
    extractors: list[Callable[[Sentence], Iterable[Candidate]]] = [
        extract_dates,
        extract_numbers,
        extract_reasons,
        extract_manners,
        extract_chunks,
        extract_place_phrases,
    ]
    for extractor in extractors:
        for candidate in extractor(sentence):
            assert text[candidate.start : candidate.end] == candidate.text


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        (
            "Its sources are primary law, secondary law and supplementary law.",
            "primary law, secondary law and supplementary law",
        ),
        ("Causes include obesity, alcoholism, and drug use.", "obesity, alcoholism, and drug use"),
    ],
)
def test_a_list_of_phrases_is_one_candidate(text: str, listed: str) -> None:
    found = [c.text for c in extract_chunks(sentence_of(text)) if c.rule == "chunk:list"]
    assert listed in found


def test_phrases_set_off_by_commas_without_and_are_no_list() -> None:
    found = [c.rule for c in extract_chunks(sentence_of("Ana Ruiz, the mayor, left early."))]
    assert "chunk:list" not in found


def test_a_time_and_a_clause_after_a_preposition_are_no_place() -> None:
    sentence = sentence_of("A jury on Wednesday convicted Raymond Castell in Houston.")
    found = texts(extract_place_phrases(sentence))
    assert not any("Wednesday" in text or "convicted" in text for text in found)
    assert "Houston" in found


@pytest.mark.parametrize(
    ("word", "texts_", "expected"),
    [
        ("Castell", ["A jury convicted Raymond Castell. Castell, 58, will appeal."], True),
        ("Ruiz", ["The mayor spoke. Mayor Ruiz said so."], True),
        ("Ruiz", ["Then Dr. Ruiz said so."], True),
        # "former" is written in lower case: a headline's capital is no first name
        (
            "Brightwell",
            ["Former Brightwell chief guilty", "The former chief led Brightwell."],
            False,
        ),
        ("Fe", ["She died in Santa Fe on Sunday."], False),  # a place, not a person
        ("Lowe", ["The firm Carver & Lowe was sued."], False),
        ("Castell", ["Castell will appeal."], False),  # never named in full
        ("Putin", ["He met Vladimir Putin. Putin agreed."], True),  # a first name that is a town
        ("Castell", [" Castell spoke. Raymond Castell left."], True),  # a mention at the very start
        ("Sato", ["She beat Varga, Sato and Lee."], False),  # a list, not a full name
    ],
)
def test_a_lone_name_is_a_surname_where_the_article_names_the_person_in_full(
    word: str, texts_: list[str], expected: bool
) -> None:
    lower = {w for text in texts_ for w in text.split() if w.islower()}
    assert ends_a_full_name(word, texts_, lower.__contains__, load_gazetteer()) is expected


@pytest.mark.parametrize(
    ("word", "texts_", "expected"),
    [
        ("Lakeline", ["It was proposed by Lakeline Development Group, at last."], True),
        ("Kestrel", ["Kestrel Home Appliances recalled it. Kestrel said so."], True),
        ("Homevane", ["Homevane Bank."], True),  # the name's end at a full stop
        ("Lakeline", ["Lakeline Smith said so."], False),  # a person's name
        ("Lakeline", ["Lakeline Development Group"], True),  # at the text's very end
        ("Lake", ["The Lakeline Group met."], False),  # part of a word, not the name
        ("Lakeline", ["Lakeline cut the height. The group said no."], False),
    ],
)
def test_a_lone_name_is_a_firm_where_the_article_opens_an_organization_name_with_it(
    word: str, texts_: list[str], expected: bool
) -> None:
    assert opens_an_organization(word, texts_) is expected


def test_a_nationality_question_gets_the_nationalities_a_sentence_names() -> None:
    sentence = sentence_of("Arthur Woolf, a British engineer, worked with Greek and Polish crews.")
    assert texts(extract_nationalities(sentence)) == ["British", "Greek", "Polish"]


def test_a_nationality_describing_a_noun_is_no_place() -> None:
    found = texts(extract_place_phrases(sentence_of("Two miners are missing at a Chilean mine.")))
    assert "Chilean" not in found


def test_for_who_a_person_fits_best_then_an_organization_then_a_bare_name() -> None:
    sentence = sentence_of("Rivals of Kestrel Motors met Ana Ruiz and Ortiz in Portugal.")
    fits = {
        candidate.text: candidate.type_fit
        for candidate in extract_names(sentence, load_gazetteer(), lambda word: False, "person")
    }
    assert fits["Ana Ruiz"] > fits["Kestrel Motors"] > fits["Ortiz"] > fits["Portugal"]


@pytest.mark.parametrize(
    ("text", "pair", "offered"),
    [
        (
            "Council members Rosa Delgado and Tim Hartley voted no.",
            "Rosa Delgado and Tim Hartley",
            True,
        ),
        # a person and a place are no pair, nor are two places
        ("Ana Ruiz and Portugal signed it.", "Ana Ruiz and Portugal", False),
        ("Relations between Moscow and Washington improved.", "Moscow and Washington", False),
    ],
)
def test_two_names_of_one_kind_joined_by_and_are_offered_together(
    text: str, pair: str, offered: bool
) -> None:
    sentence = sentence_of(text)
    found = texts(extract_names(sentence, load_gazetteer(), lambda word: False, "person"))
    assert (pair in found) is offered


@pytest.mark.parametrize(
    ("text", "name", "offered"),
    [
        # a name inside a work's quoted title is part of the title, no one
        ('A portrait, "Girl with a Blue Ribbon," by Ana Ruiz was taken.', "Blue Ribbon", False),
        ('A portrait, "Girl with a Blue Ribbon," by Ana Ruiz was taken.', "Ana Ruiz", True),
        ('Two scenes, "The Saône at Dawn" and "Fishermen at Vaise," hung there.', "Vaise", False),
        # a quoted remark capitalizes no title: the names in it are names
        ('"We thank Ana Ruiz for her help," the mayor said.', "Ana Ruiz", True),
        # one capitalized word in quotation marks is a name all the same
        ('The band, known as "Kestrel," played.', "Kestrel", True),
    ],
)
def test_a_name_inside_a_quoted_title_is_none(text: str, name: str, offered: bool) -> None:
    found = texts(extract_names(sentence_of(text), load_gazetteer(), lambda word: False, "person"))
    assert (name in found) is offered


def test_what_someone_did_is_a_verb_with_what_it_governs() -> None:
    sentence = sentence_of("The regulator said it had opened an investigation, officials said.")
    found = texts(extract_actions(sentence))
    assert "opened an investigation" in found
    assert not any(text.startswith("had") for text in found)  # an auxiliary is no action


@pytest.mark.parametrize(
    ("text", "agent", "not_an_agent"),
    [
        ("The bank raised rates by half a percentage point.", None, "half a percentage point"),
        ("Prices were cut by about 27% in May.", None, "about 27"),
        ("The bridge was built by two local firms.", "two local firms", None),
        ("It was built by the rolling stock maker Corvel.", "Corvel", None),
        # a time after "by" is a deadline
        ("Brenlow would publish the findings by the end of January 2025.", None, "the end"),
        ("The report is due by Friday.", None, "Friday"),
        ("Savings should be reached by 2028.", None, "2028"),
        ("The plan is to finish by next spring.", None, "next spring"),
        # a month or a weekday in a name is no time
        ("The song was written by Ana March.", "Ana March", None),
        ("The portrait was painted by June Carter.", "June Carter", None),
        ("The vote was delayed by Monday Night Football.", "Monday Night Football", None),
        ("The deal should close by May.", None, "May"),
        ("It was won by the 2019 champion Ana Ruiz.", "Ana Ruiz", None),
        ("He was shot by a second gunman.", "a second gunman", None),
        ("The plan was drafted by close allies of the mayor.", "close allies of the mayor", None),
        # a way or a manner after "by" is no doer; a doer ends before what it did
        ("By far the most famous work is the Tapestry.", None, "far"),
        ("Steam was made by condensing water in a cylinder.", None, "condensing"),
        ("It was solved by either slowing it down or speeding it up.", None, "either"),
        ("By contrast, rates rose.", None, "contrast"),
        ("A pump was built by inventors to demonstrate the idea.", "inventors", "inventors to"),
        ("The term was coined by Watt in order to sell engines.", "Watt", "Watt in"),
    ],
)
def test_the_doer_after_by_is_no_amount_or_time(
    text: str, agent: str | None, not_an_agent: str | None
) -> None:
    found = texts(extract_agents(sentence_of(text)))
    assert agent is None or agent in found
    assert not_an_agent is None or not any(span.startswith(not_an_agent) for span in found)


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        (
            "who reported the offer?",
            "Biden has reportedly offered to meet, Russia's Kommersant newspaper reported.",
            ["Russia's Kommersant newspaper"],
        ),
        ("who called the strike?", "Two unions called the strike on Monday.", ["Two unions"]),
        # past the auxiliary and the negation to the subject
        ("who called the strike?", "The union has not called a strike.", ["union"]),
        # another form of the verb ("won" for "win")
        ("who won the final?", "Sato beat Varga to win the final.", []),
        ("who won the final?", "The two sisters won the final.", ["two sisters"]),
        # "reportedly" is no use of "reported"; an object question asks for no doer
        ("who reported it?", "Biden reportedly offered it.", []),
        ("who did the union call?", "The union called Ana Ruiz.", []),
        # turned passive: the doer after "by", up to a preposition other than "of"
        (
            "who called the strike?",
            "It was called by two unions: the dockers' union.",
            ["two unions"],
        ),
        (
            "who led the divers?",
            "Divers led by Ana Ruiz of the institute on Monday.",
            ["Ana Ruiz of the institute"],
        ),
        # an open "what" question asks for the doer too, past an adverb before the verb
        ("what caused the fire?", "Faulty wiring probably caused the fire.", ["Faulty wiring"]),
        # past a short phrase before "by", and to the name set off after a description
        (
            "who led the talks?",
            "The talks were led on Aldmark's side by its finance chief, Sofie Dahl, and ended.",
            ["Sofie Dahl"],
        ),
        ("who commissioned it?", "It was commissioned by Odo, the Bishop of Bayeux.", ["Odo"]),
        # a name may end in "-ing" ("Beijing", "King Charles")
        ("who approved the plan?", "The plan was approved by Beijing in May.", ["Beijing"]),
        # "by rolling stones" says how, not who
        ("who experimented with stones?", "He experimented by rolling stones.", []),
        # a name set off by commas before the verb is its doer; an age there is not
        (
            "who resigned?",
            "Portugal's health minister, Teresa Albuquerque, resigned on Monday.",
            ["Teresa Albuquerque"],
        ),
        ("who resigned?", "Albuquerque, 58, resigned on Monday.", []),
        # a phrase set off ending inside a longer one: the doer stands before its comma
        (
            "who died?",
            "Inés Calderón, a painter whose canvases made her one of the artists of the "
            "American Southwest, died on Sunday.",
            ["Inés Calderón"],
        ),
        # ... past the commas of a list inside the phrase set off
        (
            "who died?",
            "Rosa Bene, whose spare poems about dockworkers, fishmongers and the steep "
            "stairways of this Pacific port made her one of Chile's most widely read poets, "
            "died on Sunday.",
            ["Rosa Bene"],
        ),
        # a description set off after a name says what was done to it, not what it did
        (
            "who founded Homevane?",
            "Homevane, a privately held company founded in 1998, makes kettles.",
            [],
        ),
        ("who founded the firm?", "The firm, which two brothers founded, grew.", ["two brothers"]),
        # the object of an infinitive inside the subject's phrase does not do it
        ("who won the prize?", "A novel about a village flooded to build a dam won the prize.", []),
        # the "by" phrase of a participle inside the subject's phrase does not do it either
        (
            "what blocked the road?",
            "A landslide caused by the quake blocked the only road.",
            ["landslide"],
        ),
        ("who found the wreck?", "A report published by the navy found the wreck.", ["report"]),
        ("who won the prize?", "Her novel won the prize.", ["novel"]),
    ],
)
def test_the_doer_before_the_questions_verb(question: str, text: str, expected: list[str]) -> None:
    analysis = analyze_question(question)
    sentence = sentence_for(Passage(text, 0, len(text), 0, 0), analysis)
    assert texts(extract_subjects(sentence, analysis)) == expected


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Biden offered it, Russia's Kommersant newspaper reported.", True),
        ("Biden offered it, the newspaper reported.", False),
        # a capital that only opens the sentence names no one
        ("Newspapers reported it.", False),
    ],
)
def test_a_doer_that_names_someone_fits_who_as_a_name_does(text: str, named: bool) -> None:
    analysis = analyze_question("who reported it?")
    sentence = sentence_for(Passage(text, 0, len(text), 0, 0), analysis)
    (doer,) = extract_subjects(sentence, analysis)
    assert (doer.type_fit > 0.8) is named


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        (
            "what has management offered?",
            "Management has offered 6% this year and 3% in 2027, a spokesman said.",
            ["6% this year and 3% in 2027"],
        ),
        # "that" and "as" belong to neither; a clause after the object ends it
        (
            "what did the study find?",
            "The study found that older patients fell less.",
            ["older patients fell less"],
        ),
        (
            "what is the system known as?",
            "The system is known as the neuroimmune system.",
            ["the neuroimmune system"],
        ),
        (
            "what will the bank sell?",
            "The bank will sell $500 million of its reserves to defend the currency.",
            ["$500 million of its reserves"],
        ),
        (
            "what will the bank sell?",
            "The bank will sell reserves after the vote.",
            [],  # one word is a chunk's to offer
        ),
        # an infinitive after the object begins another clause, though its verb is more
        # often a noun ("return")
        (
            "what did the firm sell?",
            "The firm sold its old offices to return cash to shareholders.",
            ["its old offices"],
        ),
        # a thousands comma ends no object
        (
            "what did the council pay?",
            "The council paid $250,000 for the land.",
            ["$250,000 for the land"],
        ),
        # a preposition after the verb begins no object, unless the question strands it
        (
            "what did voters consider the plan?",
            "The plan was considered by most voters a costly mistake.",
            [],
        ),
        (
            "what were the elections cancelled by?",
            "The elections were cancelled by a military coup in March.",
            ["a military coup in March"],
        ),
        (
            "the elections were cancelled by what?",
            "The elections were cancelled by a military coup in March.",
            ["a military coup in March"],
        ),
        # the question's verb said as a noun before a verb has no object
        (
            "what is being recalled?",
            "The board said no recall had been announced for the kettles.",
            [],
        ),
        # "and" opening a clause with its own subject and verb ends the object; a list
        # of nouns, even one ending on a gerund, does not
        (
            "what have the members gone on to join?",
            "Many members have gone on to join armed groups and many fighters have cited them.",
            ["armed groups"],
        ),
        (
            "what did the agency promote?",
            "The agency promoted research and education networking in the country.",
            ["research and education networking in the country"],
        ),
        # the preposition a question strands may stand past a time after the verb
        (
            "what was Dunlee convicted of?",
            "Cian Dunlee was convicted in March 2024 of dangerous driving causing death.",
            ["dangerous driving causing death"],
        ),
        # a participle after an article or a count modifies its noun; it takes no object
        ("what was stolen?", "The stolen works are two river scenes.", []),
        ("what was stolen?", "It was one stolen password and no second check.", []),
        # "despite" opens a clause of its own
        (
            "what did the council approve?",
            "The council approved a 14-story tower despite neighbors' objections.",
            ["a 14-story tower"],
        ),
        # a verb that is mostly a noun out of context is still the question's verb
        (
            "what did Biden offer?",
            "Biden has offered to meet Putin on June 15 in Geneva.",
            ["meet Putin on June 15 in Geneva"],
        ),
        # "what is X <verb>ing?" asks for the object of that verb
        (
            "what is the company offering?",
            "The operator has offered 6% this year and 3% in 2027.",
            ["6% this year and 3% in 2027"],
        ),
        # a subject question asks for no object
        ("who offered the deal?", "Management offered 6% this year.", []),
        ("what rocket carried it?", "The Calder rocket left, carrying the Norv satellite.", []),
        # nor does one ending on a gerund after a preposition
        (
            "what kept him out of racing?",
            "An injury kept him out of racing for eight months.",
            [],
        ),
        # a participle describing the noun before it takes no object past the sentence's
        # own verb; a clause with a noun before its verb is an object still
        ("what was burned?", "Most of the land burned so far is pine forest.", []),
        (
            "what did the mayor say?",
            "The mayor said the bridge is safe.",
            ["the bridge is safe"],
        ),
    ],
)
def test_the_object_after_the_questions_verb(question: str, text: str, expected: list[str]) -> None:
    analysis = analyze_question(question)
    sentence = sentence_for(Passage(text, 0, len(text), 0, 0), analysis)
    assert texts(extract_objects(sentence, analysis)) == expected


def test_a_place_s_person_after_a_preposition_is_no_place() -> None:
    text = "He pulled away from Kenya's Collins Kip in the final kilometres."
    assert not any("Collins" in found for found in texts(extract_place_phrases(sentence_of(text))))
    # a possessive inside one name is no known place's
    building = "She works at St. Aldric's Hospital in London."
    assert "St. Aldric's Hospital" in texts(extract_place_phrases(sentence_of(building)))


def test_no_phrase_runs_from_a_noun_into_the_next_amount() -> None:
    found = texts(extract_chunks(sentence_of("It offered 6% this year and 3% in 2027.")))
    assert "year and 3" not in found
    assert "10th and 11th centuries" in texts(
        extract_chunks(sentence_of("They ruled in the 10th and 11th centuries."))
    )


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("paid $400,000 in fees", True),
        ("the 1,180-kilogram satellite", True),  # a group of three, then its unit
        ("at 2:40 a.m.", True),
        ("won 6-3, 6-4 in the final", False),  # a comma between two scores
        ("in 2019, 2,000 people", False),  # a year, then a number
        ("1,1800 votes", False),  # four digits are no thousands group
    ],
)
def test_a_mark_joins_the_parts_of_one_number(text: str, joined: bool) -> None:
    tokens = tokenize(text)
    marks = [i for i, token in enumerate(tokens) if token.text in {",", ":"}]
    assert groups_digits(tokens, marks[0]) is joined
